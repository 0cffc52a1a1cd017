/* SPDX-License-Identifier: MIT */
/*
 * Sentence splitting: abbreviations, initials, numbers, quotes, headlines
 * without a final stop, blank lines, hyphenated line breaks.
 */
#include <entente/entente.h>

#include "tap.h"

/* Split `text` and write the sentences, joined by '|', into buf. */
static int split(const char *text, char *buf, size_t size)
{
	size_t len = strlen(text), pos = 0, s, e, o = 0;
	int n = 0;

	buf[0] = '\0';
	while (pos < len) {
		pos = ent_sentence_next(text, len, pos, &s, &e);
		if (e <= s) {
			break;
		}
		o += (size_t)snprintf(buf + o, size - o, "%s%.*s", n ? "|" : "",
			(int)(e - s), text + s);
		n++;
	}
	return n;
}

static void check(const char *text, const char *want, const char *what)
{
	char buf[2048];

	split(text, buf, sizeof(buf));
	is_str(buf, want, "%s", what);
}

int main(void)
{
	char buf[256];
	size_t s = 99, e = 99;

	check("Russia expelled two diplomats. Poland protested.",
		"Russia expelled two diplomats.|Poland protested.",
		"two plain sentences");
	check("The U.S. and the U.K. signed a deal. It took effect.",
		"The U.S. and the U.K. signed a deal.|It took effect.",
		"U.S. and U.K. inside a sentence");
	check("Talks with the U.S. The next round is in May.",
		"Talks with the U.S.|The next round is in May.",
		"U.S. at the end of a sentence before a starter word");
	check("Tariffs rose in the U.S. Meanwhile Mexico waited.",
		"Tariffs rose in the U.S.|Meanwhile Mexico waited.",
		"a starter of nine letters after U.S. (words.tsv)");
	check("Sanctions hit the U.S. Treasury hard.",
		"Sanctions hit the U.S. Treasury hard.",
		"U.S. before a proper noun does not end a sentence");
	check("Gen. Smith met Dr. Jones on Jan. 5 in Kyiv. They talked.",
		"Gen. Smith met Dr. Jones on Jan. 5 in Kyiv.|They talked.",
		"titles and month abbreviations");
	check("F. W. de Klerk met George W. Bush. Both smiled.",
		"F. W. de Klerk met George W. Bush.|Both smiled.", "initials");
	check("Growth was 3.5 percent. Exports fell.",
		"Growth was 3.5 percent.|Exports fell.", "decimal numbers");
	check("\"We will respond,\" he said. \"Soon.\" Then he left.",
		"\"We will respond,\" he said.|\"Soon.\"|Then he left.",
		"quotes after and before the stop");
	check("China and Russia Agree Not To Hack\n\nThe deal was signed.",
		"China and Russia Agree Not To Hack|The deal was signed.",
		"a headline without a final stop, then a blank line");
	check("Is it over? Nobody knows! Wait...",
		"Is it over?|Nobody knows!|Wait...",
		"question and exclamation");
	check("Moscow said the move was a mis-\ntake. Kyiv agreed.",
		"Moscow said the move was a mis-\ntake.|Kyiv agreed.",
		"a hyphenated line break does not split");
	check("the leaders met. then they ate.",
		"the leaders met. then they ate.",
		"a lower-case word after a stop continues the sentence");
	check("  \n\n  ", "", "white space only gives no sentence");
	check("One line\nwraps here. Next.", "One line\nwraps here.|Next.",
		"a single newline does not split");
	check("Mr. Putin spoke.", "Mr. Putin spoke.", "Mr.");
	check("Chile recalls envoy over mine row\nSANTIAGO\nChile has "
	      "recalled its envoy.",
		"Chile recalls envoy over mine row|SANTIAGO|Chile has "
		"recalled its envoy.",
		"a headline and a dateline on lines of their own, no blank "
		"line after them");
	check("Talks stall, says Oslo\nBy Kari Nord\nThe talks stalled.",
		"Talks stall, says Oslo|By Kari Nord|The talks stalled.",
		"a byline line");
	check("The treaty was signed by\nNorway and Sweden.",
		"The treaty was signed by\nNorway and Sweden.",
		"a line ending in a function word goes on");
	check("Ministers from both countries met in the capital on a cold\n"
	      "Tuesday morning and agreed on a plan to reopen the old\n"
	      "Baltic ferry route within a year.",
		"Ministers from both countries met in the capital on a cold\n"
		"Tuesday morning and agreed on a plan to reopen the old\n"
		"Baltic ferry route within a year.",
		"the long lines of a wrapped paragraph go on");
	check("Troops massed at the border.Officials said so.",
		"Troops massed at the border.|Officials said so.",
		"a full stop that lost its space");
	check("Mr.Smith arrived.", "Mr.Smith arrived.",
		"no missing space after an abbreviation");
	check("\xEF\xBB\xBF" "Peru protested.\xC2\xA0" "Chile replied.",
		"Peru protested.|Chile replied.",
		"a byte-order mark, a no-break space after the stop");
	check("Prices rose (sharply.) Markets fell.",
		"Prices rose (sharply.)|Markets fell.", "closing bracket");

	ok(ent_sentence_next("abc", 3, 3, &s, &e) == 3 && s == e,
		"nothing left: pos == len and an empty span");
	ok(split("Hello world", buf, sizeof(buf)) == 1 &&
			strcmp(buf, "Hello world") == 0,
		"text without a stop");
	ok(split("A. B.", buf, sizeof(buf)) == 1,
		"single-letter initials "
		"are never a sentence end before a capital");
	return done_testing();
}
