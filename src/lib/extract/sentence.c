/* SPDX-License-Identifier: MIT */
/*
 * Sentence splitting for wire-style English: full stops that end a
 * sentence versus abbreviations, initials and numbers; headlines without a
 * final stop (on a line of their own, as web pages put them); blank lines;
 * hyphenated line breaks; the spaces of web pages (no-break, zero-width)
 * and a full stop that lost its space ("border.Officials"). The
 * abbreviations and sentence starters are classes of words.tsv.
 */
#include <string.h>

#include "extract_internal.h"

/* Lines of this width, one after the other and with no final stop, are a
 * paragraph wrapped at a fixed width, not headlines; a web page puts a
 * paragraph on one longer line. */
#define WRAPPED_MIN 50
#define WRAPPED_MAX 90

/* The length of white space at t[i]: ASCII white space, and the UTF-8
 * spaces of web pages (no-break, thin, zero-width spaces, a byte-order
 * mark); 0 for anything else. */
static size_t space_at(const char *t, size_t len, size_t i)
{
	return ex_space_len(t, len, i);
}

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

/* The start of the line before the line at `ls` (blank lines skipped:
 * then ls itself, as no line is before it in the paragraph). */
static size_t line_before(const char *t, size_t ls)
{
	size_t ps;

	if (ls == 0) {
		return 0;
	}
	ps = ls - 1; /* the line break */
	while (ps > 0 && t[ps - 1] != '\n') {
		ps--;
	}
	return ps;
}

/* The end of the line that starts at `j`. */
static size_t line_after(const char *t, size_t len, size_t j)
{
	const char *nl = memchr(t + j, '\n', len - j);

	return nl ? (size_t)(nl - t) : len;
}

/* Is [ls, le) a line of a paragraph wrapped at a fixed width: of the
 * usual width, not ending a sentence? */
static int wrapped_line(const char *t, size_t ls, size_t le)
{
	while (le > ls && is_space((unsigned char)t[le - 1])) {
		le--;
	}
	return le - ls >= WRAPPED_MIN && le - ls <= WRAPPED_MAX &&
		!(t[le - 1] == '.' || t[le - 1] == '!' || t[le - 1] == '?' ||
			closer_len(t, le, le - 1));
}

/* Is the line ending at the line break t[i] a line of its own though it
 * has no final stop? Web pages put headlines, titles, bylines and
 * datelines on lines of their own; a line that ends in a word or a
 * number, before a line that starts like a sentence, is one. A line that
 * ends in a comma, a colon or a function word goes on, and so do the
 * lines of a paragraph wrapped at a fixed width. `s` is where the
 * sentence started. */
static int own_line(const char *t, size_t len, size_t s, size_t i)
{
	size_t ls = i, e = i, ws, j;
	unsigned char last, next;
	const ex_wordclass *wc;

	while (ls > s && t[ls - 1] != '\n') {
		ls--;
	}
	while (e > ls && is_space((unsigned char)t[e - 1])) {
		e--;
	}
	if (e == ls) {
		return 0;
	}
	last = (unsigned char)t[e - 1];
	if (!(is_alpha(last) || (last >= '0' && last <= '9') || last == ')' ||
		    last == '\'' || last == '"' || last >= 0x80)) {
		return 0; /* a stop, a comma, a colon, a dash: not a title */
	}
	if (e >= 2 && closer_len(t, len, e - 1) &&
		(t[e - 2] == '.' || t[e - 2] == '!' || t[e - 2] == '?')) {
		return 0;
	}
	ws = e;
	while (ws > ls && is_alpha((unsigned char)t[ws - 1])) {
		ws--;
	}
	wc = ws < e ? ex_word_classes(t + ws, e - ws) : NULL;
	if (wc != NULL &&
		(wc->grammar &
			(EXW_PREP | EXW_DET | EXW_AND | EXW_REL | EXW_AUX |
				EXW_BE | EXW_THAT))) {
		return 0;
	}
	j = i + 1;
	while (j < len && (t[j] == ' ' || t[j] == '\t')) {
		j++;
	}
	next = j < len ? (unsigned char)t[j] : 0;
	if (!(is_upper(next) || (next >= '0' && next <= '9') || next == '"' ||
		    next == '\'' || next == '(' || next >= 0x80)) {
		return 0;
	}
	return !(wrapped_line(t, ls, e) &&
		(wrapped_line(t, line_before(t, ls), ls) ||
			wrapped_line(t, j, line_after(t, len, j))));
}

/* One past a closing stop at t[i] ('.', '!' or '?', with the stops,
 * quotes and brackets after it) when it ends the sentence; 0 when it does
 * not. */
static size_t stop_end(const char *t, size_t len, size_t i)
{
	unsigned char c = (unsigned char)t[i];
	size_t e = i + 1, n, k;

	/* runs of stops ("...", "?!") */
	while (e < len && (t[e] == '.' || t[e] == '!' || t[e] == '?')) {
		e++;
	}
	if (c == '.' && e == i + 1 && e + 1 < len &&
		is_upper((unsigned char)t[e]) &&
		is_lower((unsigned char)t[e + 1]) && i >= 2 &&
		is_lower((unsigned char)t[i - 1]) &&
		is_lower((unsigned char)t[i - 2]) && stop_ends(t, len, i, e)) {
		/* a missing space after the stop: "at the border.Officials
		 * said" (web pages lose it) */
		return e;
	}
	/* decimal numbers and dotted words: "3.5", "U.S" inside */
	if (c == '.' && e == i + 1 && e < len && space_at(t, len, e) == 0 &&
		closer_len(t, len, e) == 0) {
		return 0;
	}
	while (e < len && (n = closer_len(t, len, e)) > 0) {
		e += n;
	}
	if (e < len && space_at(t, len, e) == 0) {
		return 0;
	}
	n = e;
	while (n < len && (k = space_at(t, len, n)) > 0) {
		n += k;
	}
	/* skip opening quotes before the next word */
	while (n < len &&
		(t[n] == '"' || t[n] == '\'' || t[n] == '(' ||
			((unsigned char)t[n] == 0xE2 && n + 2 < len &&
				(unsigned char)t[n + 1] == 0x80 &&
				((unsigned char)t[n + 2] == 0x9C ||
					(unsigned char)t[n + 2] == 0x98)))) {
		n += (unsigned char)t[n] == 0xE2 ? 3 : 1;
	}
	return c != '.' || stop_ends(t, len, i, n) ? e : 0;
}

/* The end of [s, e) without trailing white space. */
static size_t trim_end(const char *t, size_t s, size_t e)
{
	while (e > s && is_space((unsigned char)t[e - 1])) {
		e--;
	}
	return e;
}

size_t ent_sentence_next(
	const char *text, size_t len, size_t pos, size_t *start, size_t *end)
{
	size_t i, s, k;

	while (pos < len && (k = space_at(text, len, pos)) > 0) {
		pos += k;
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
		if (c == '\n') {
			/* a blank line ends the sentence (paragraphs), and
			 * so does a line of its own (a headline) */
			size_t j = i + 1;

			while (j < len &&
				(text[j] == ' ' || text[j] == '\t' ||
					text[j] == '\r')) {
				j++;
			}
			if (j >= len || text[j] == '\n' ||
				own_line(text, len, s, i)) {
				*start = s;
				*end = trim_end(text, s, i);
				return j;
			}
		} else if ((c == '.' || c == '!' || c == '?') &&
			(k = stop_end(text, len, i)) > 0) {
			*start = s;
			*end = k;
			return k;
		}
	}
	*start = s;
	*end = trim_end(text, s, len);
	return len;
}
