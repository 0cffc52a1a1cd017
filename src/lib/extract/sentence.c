/* SPDX-License-Identifier: MIT */
/*
 * Sentence splitting for wire-style English: full stops that end a
 * sentence versus abbreviations, initials and numbers; headlines without a
 * final stop; blank lines; hyphenated line breaks. The abbreviations and
 * sentence starters are classes of words.tsv.
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

/* Is the word w[0..n) (any case) in the class `cls` (EXL_*) of
 * words.tsv? */
static int word_is(const char *w, size_t n, unsigned cls)
{
	const ex_wordclass *wc = ex_word_classes(w, n);

	return wc != NULL && (wc->extra & cls) != 0;
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
	if (!inner_dot && word_is(t + ws, wn, EXL_ABBREVIATION)) {
		return 0;
	}
	if (inner_dot) {
		/* "U.S." ends a sentence only before a typical starter */
		size_t e = next;

		while (e < len && is_alpha((unsigned char)t[e])) {
			e++;
		}
		return word_is(t + next, e - next, EXL_STARTER);
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
