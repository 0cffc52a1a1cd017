/* SPDX-License-Identifier: MIT */
/*
 * Sentence splitting for wire-style English: full stops that end a
 * sentence versus abbreviations, initials and numbers; headlines without a
 * final stop; blank lines; hyphenated line breaks.
 */
#include <string.h>

#include "extract_internal.h"

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		c == '\v';
}

static int is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

static int is_alpha(unsigned char c)
{
	return is_upper(c) || is_lower(c);
}

/* Abbreviations whose full stop does not end a sentence (lower case). */
static const char *const abbrevs[] = {"mr", "mrs", "ms", "dr", "prof", "gen",
	"lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "adm", "cmdr", "gov",
	"sen", "rep", "rev", "hon", "pres", "st", "mt", "ft", "jan", "feb",
	"mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"no", "nos", "vs", "etc", "inc", "corp", "co", "ltd", "jr", "sr",
	"dept", "est", "approx", "fig", "vol", "pp", "ca", "cf", "al", "mssrs",
	"messrs", "gens", "govt", "brig", "cdr", "insp", "supt", "amb", "excl",
	"incl", NULL};

/* Words that start a sentence after "U.S." and similar abbreviations. */
static const char *const starters[] = {"the", "a", "an", "it", "he", "she",
	"they", "we", "i", "in", "but", "this", "that", "these", "those", "on",
	"at", "its", "their", "his", "her", "there", "meanwhile", "however",
	"after", "earlier", "later", "officials", "both", "some", "many", NULL};

/* Is the word w[0..n) (any case) in `list`? The words are short: pack the
 * lower-cased word into an integer and compare integers. */
static uint64_t pack(const char *w, size_t n)
{
	uint64_t v = 0;
	size_t k;

	for (k = 0; k < n; k++) {
		unsigned char c = (unsigned char)w[k];

		if (is_upper(c)) {
			c = (unsigned char)(c - 'A' + 'a');
		}
		v = (v << 8) | c;
	}
	return v;
}

static int word_in(const char *w, size_t n, const char *const *list)
{
	uint64_t v;
	size_t i;

	if (n == 0 || n > 8) {
		return 0;
	}
	v = pack(w, n);
	for (i = 0; list[i] != NULL; i++) {
		/* list words are at most 8 letters; compare the first byte
		 * before packing the rest */
		size_t k;

		if ((unsigned char)list[i][0] !=
			(unsigned char)(v >> (8 * (n - 1)))) {
			continue;
		}
		for (k = 0; k < n && list[i][k] != '\0'; k++) {
		}
		if (k == n && list[i][n] == '\0' && pack(list[i], n) == v) {
			return 1;
		}
	}
	return 0;
}

/* Closing quotes and brackets that may follow a final stop: ASCII ones
 * and the UTF-8 right quotes (E2 80 99 / E2 80 9D). Returns the length. */
static size_t closer_len(const char *t, size_t len, size_t i)
{
	unsigned char c = (unsigned char)t[i];

	if (c == '"' || c == '\'' || c == ')' || c == ']') {
		return 1;
	}
	if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80 &&
		((unsigned char)t[i + 2] == 0x99 ||
			(unsigned char)t[i + 2] == 0x9D)) {
		return 3;
	}
	return 0;
}

/* Does the full stop at `dot` end a sentence? `next` is the first byte of
 * the following word (after spaces and opening quotes). */
static int stop_ends(const char *t, size_t len, size_t dot, size_t next)
{
	size_t ws = dot, wn;
	int inner_dot = 0;
	unsigned char nc;

	/* the word before the dot */
	while (ws > 0 &&
		(is_alpha((unsigned char)t[ws - 1]) || t[ws - 1] == '.')) {
		ws--;
	}
	wn = dot - ws;
	if (memchr(t + ws, '.', wn) != NULL) {
		inner_dot = 1;
	}
	if (next >= len) {
		return 1;
	}
	nc = (unsigned char)t[next];
	if (is_lower(nc)) {
		return 0;
	}
	/* an initial: "F. W. de Klerk", "George W. Bush" */
	if (wn == 1 && is_upper((unsigned char)t[ws])) {
		return 0;
	}
	if (!inner_dot && word_in(t + ws, wn, abbrevs)) {
		return 0;
	}
	if (inner_dot) {
		/* "U.S." ends a sentence only before a typical starter */
		size_t e = next;

		while (e < len && is_alpha((unsigned char)t[e])) {
			e++;
		}
		return word_in(t + next, e - next, starters);
	}
	return 1;
}

size_t ent_sentence_next(
	const char *text, size_t len, size_t pos, size_t *start, size_t *end)
{
	size_t i, s;

	while (pos < len && is_space((unsigned char)text[pos])) {
		pos++;
	}
	*start = *end = pos;
	if (pos >= len) {
		return len;
	}
	s = pos;
	for (i = pos; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		/* most bytes end nothing: skip them in a tight loop */
		while (c != '\n' && c != '.' && c != '!' && c != '?' &&
			i + 1 < len) {
			c = (unsigned char)text[++i];
		}
		if (c != '\n' && c != '.' && c != '!' && c != '?') {
			continue;
		}

		if (c == '\n') {
			/* a blank line ends the sentence (headlines,
			 * paragraphs) */
			size_t j = i + 1;

			while (j < len &&
				(text[j] == ' ' || text[j] == '\t' ||
					text[j] == '\r')) {
				j++;
			}
			if (j >= len || text[j] == '\n') {
				size_t e = i;

				while (e > s &&
					is_space((unsigned char)text[e - 1])) {
					e--;
				}
				*start = s;
				*end = e;
				return j;
			}
			continue;
		}
		if (c == '.' || c == '!' || c == '?') {
			size_t e = i + 1, n;

			/* runs of stops ("...", "?!") */
			while (e < len &&
				(text[e] == '.' || text[e] == '!' ||
					text[e] == '?')) {
				e++;
			}
			/* decimal numbers and dotted words: "3.5", "U.S" inside
			 */
			if (c == '.' && e == i + 1 && e < len &&
				!is_space((unsigned char)text[e]) &&
				closer_len(text, len, e) == 0) {
				continue;
			}
			while (e < len && (n = closer_len(text, len, e)) > 0) {
				e += n;
			}
			if (e < len && !is_space((unsigned char)text[e])) {
				continue;
			}
			n = e;
			while (n < len && is_space((unsigned char)text[n])) {
				n++;
			}
			/* skip opening quotes before the next word */
			while (n < len &&
				(text[n] == '"' || text[n] == '\'' ||
					text[n] == '(' ||
					((unsigned char)text[n] == 0xE2 &&
						n + 2 < len &&
						(unsigned char)text[n + 1] ==
							0x80 &&
						((unsigned char)text[n + 2] ==
								0x9C ||
							(unsigned char)text[n +
								2] == 0x98)))) {
				n += (unsigned char)text[n] == 0xE2 ? 3 : 1;
			}
			if (c != '.' || stop_ends(text, len, i, n)) {
				*start = s;
				*end = e;
				return e;
			}
		}
	}
	i = len;
	while (i > s && is_space((unsigned char)text[i - 1])) {
		i--;
	}
	*start = s;
	*end = i;
	return len;
}
