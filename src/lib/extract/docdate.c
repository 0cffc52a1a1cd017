/* SPDX-License-Identifier: MIT */
/*
 * The date of a news document, read from its head: a line that is only a
 * date ("March 4, 2026", "Published: 4 March 2026", "2026-03-04") or a
 * dateline ("MOSCOW, May 9 (Reuters) - ..."). Only these two shapes, and
 * only in the first lines, count: a date inside a sentence ("on March 3,
 * 2014, Russia annexed Crimea") is what the article is about, not when it
 * was written. See ent_extract_document_date() in extract.h. Month and
 * weekday names and date labels are classes of words.tsv.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract_internal.h"

/* Non-blank lines of the head looked at. */
#define HEAD_LINES 8

typedef struct cursor {
	const char *p, *end;
} cursor;

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static void skip_spaces(cursor *c)
{
	while (c->p < c->end && is_space(*c->p)) {
		c->p++;
	}
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A number of 1 to `max_digits` digits; -1 when there is none. */
static long number(cursor *c, int max_digits)
{
	long v = 0;
	int n = 0;

	while (c->p < c->end && is_digit(*c->p) && n < max_digits) {
		v = v * 10 + (*c->p - '0');
		c->p++;
		n++;
	}
	if (n == 0 || (c->p < c->end && is_digit(*c->p))) {
		return -1;
	}
	return v;
}

/* The class entry of the letters at the cursor, and their count. */
static const ex_wordclass *word_at(const cursor *c, size_t *n)
{
	*n = 0;
	while (c->p + *n < c->end && is_alpha(c->p[*n])) {
		(*n)++;
	}
	return *n ? ex_word_classes(c->p, *n) : NULL;
}

/* A month name, full or abbreviated (words.tsv class "month"), with an
 * optional full stop; 1-12, or 0 when there is none. */
static int month(cursor *c)
{
	size_t n;
	const ex_wordclass *wc = word_at(c, &n);

	if (wc == NULL || !(wc->extra & EXL_MONTH) || wc->value < 1 ||
		wc->value > 12) {
		return 0;
	}
	c->p += n;
	if (c->p < c->end && *c->p == '.') {
		c->p++;
	}
	return wc->value;
}

/* An optional weekday and comma before a date: "Tuesday, ". */
static void weekday(cursor *c)
{
	size_t n;
	const ex_wordclass *wc = word_at(c, &n);
	cursor t;

	if (wc == NULL || !(wc->extra & EXL_WEEKDAY)) {
		return;
	}
	t.p = c->p + n;
	t.end = c->end;
	if (t.p < t.end && *t.p == '.') {
		t.p++;
	}
	if (t.p < t.end && *t.p == ',') {
		t.p++;
	}
	skip_spaces(&t);
	*c = t;
}

/*
 * A date: "2026-03-04", "March 4, 2026", "Mar. 4 2026", "4 March 2026",
 * or, when `year_optional`, the same without the year ("May 9"). Sets
 * y (0 when absent), m, d. Returns 1 when one was read.
 */
static int date(cursor *c, int year_optional, long *y, long *m, long *d)
{
	cursor t = *c;
	long a;

	*y = 0;
	weekday(&t);
	if (t.p < t.end && is_digit(*t.p)) {
		cursor u = t;
		if ((a = number(&u, 4)) >= 1000 && u.p < u.end && *u.p == '-') {
			/* ISO */
			u.p++;
			*y = a;
			if ((*m = number(&u, 2)) < 0 || u.p >= u.end ||
				*u.p != '-') {
				return 0;
			}
			u.p++;
			if ((*d = number(&u, 2)) < 0) {
				return 0;
			}
			*c = u;
			return 1;
		}
		/* "4 March 2026" */
		if ((*d = number(&t, 2)) < 0) {
			return 0;
		}
		skip_spaces(&t);
		if ((*m = month(&t)) == 0) {
			return 0;
		}
	} else {
		/* "March 4, 2026" */
		if ((*m = month(&t)) == 0) {
			return 0;
		}
		skip_spaces(&t);
		if ((*d = number(&t, 2)) < 0) {
			return 0;
		}
		/* "4th" */
		if (t.end - t.p >= 2 && is_alpha(t.p[0]) && is_alpha(t.p[1]) &&
			(t.end - t.p == 2 || !is_alpha(t.p[2]))) {
			t.p += 2;
		}
	}
	{
		cursor u = t;
		if (u.p < u.end && *u.p == ',') {
			u.p++;
		}
		skip_spaces(&u);
		if ((a = number(&u, 4)) >= 1000) {
			*y = a;
			t = u;
		} else if (!year_optional) {
			return 0;
		}
	}
	*c = t;
	return 1;
}

/* A line that holds only a date, perhaps labelled and followed by a
 * time: "Published: Tuesday 4 March 2026 10:32 GMT". */
static int date_line(cursor line, long *y, long *m, long *d)
{
	size_t n;
	const ex_wordclass *wc;

	skip_spaces(&line);
	wc = word_at(&line, &n);
	if (wc != NULL && (wc->extra & EXL_DATE_LABEL)) {
		line.p += n;
		if (line.p < line.end && *line.p == ':') {
			line.p++;
		}
		skip_spaces(&line);
		/* "Published on 4 March 2026" */
		if (line.end - line.p > 3 &&
			strncasecmp(line.p, "on ", 3) == 0) {
			line.p += 3;
		}
	}
	if (!date(&line, 0, y, m, d)) {
		return 0;
	}
	/* nothing after it but a time and a zone */
	while (line.p < line.end) {
		char ch = *line.p;
		if (!(is_space(ch) || is_digit(ch) || is_alpha(ch) ||
			    ch == ':' || ch == ',' || ch == '.' || ch == '+' ||
			    ch == '-' || ch == '(' || ch == ')' || ch == '|')) {
			return 0;
		}
		if (is_alpha(ch)) {
			/* letters only in a zone or am/pm: short words */
			size_t k = 0;
			while (line.p + k < line.end && is_alpha(line.p[k])) {
				k++;
			}
			if (k > 4) {
				return 0;
			}
			line.p += k;
			continue;
		}
		line.p++;
	}
	return 1;
}

/* A dateline: a place (capitalised words, places joined by '/'), a comma
 * and a date, then an agency in brackets or a dash: "MOSCOW, May 9 -",
 * "NEW YORK, March 4, 2026 (Reuters) -", "Oslo/Stockholm, 14 May 2022
 * (NTB/TT) -". The year may be missing when the place is in capitals. */
static int dateline(cursor line, long *y, long *m, long *d)
{
	const char *start;
	int letters = 0, lower = 0, agency = 0;

	skip_spaces(&line);
	start = line.p;
	while (line.p < line.end && *line.p != ',') {
		unsigned char ch = (unsigned char)*line.p;
		unsigned char prev =
			line.p > start ? (unsigned char)line.p[-1] : ' ';

		if (ch >= 'a' && ch <= 'z' &&
			(prev == ' ' || prev == '/' || prev == '-')) {
			return 0; /* every word of the place is capitalised */
		}
		if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
			ch >= 0x80) {
			letters++;
			lower |= ch >= 'a' && ch <= 'z';
		} else if (!(ch == ' ' || ch == '.' || ch == '-' ||
				   ch == '\'' || ch == '/')) {
			return 0; /* places joined by '/': "Oslo/Stockholm" */
		}
		line.p++;
	}
	if (letters < 2 || line.p - start > 40 || line.p >= line.end) {
		return 0;
	}
	line.p++; /* the comma */
	skip_spaces(&line);
	if (!date(&line, 1, y, m, d)) {
		return 0;
	}
	skip_spaces(&line);
	if (line.p < line.end && *line.p == '(') {
		const char *close =
			memchr(line.p, ')', (size_t)(line.end - line.p));
		if (close == NULL || close - line.p > 40) {
			return 0;
		}
		line.p = close + 1;
		skip_spaces(&line);
		agency = 1;
	}
	if (lower && *y == 0 && !agency) {
		return 0; /* "Kyiv, May 9 -": a place in capitals, or a year or
			     an agency with it */
	}
	/* a dash: ASCII, or an en or em dash; or a colon */
	if (line.p < line.end && (*line.p == '-' || *line.p == ':')) {
		return 1;
	}
	return line.end - line.p >= 3 && (unsigned char)line.p[0] == 0xE2 &&
		(unsigned char)line.p[1] == 0x80 &&
		((unsigned char)line.p[2] == 0x93 ||
			(unsigned char)line.p[2] == 0x94);
}

ent_date ent_extract_document_date(
	const char *text, size_t len, ent_date reference)
{
	const char *p = text, *end = text + len;
	int lines = 0;

	if (text == NULL) {
		return 0;
	}
	while (p < end && lines < HEAD_LINES) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		cursor line = {p, nl ? nl : end};
		long y, m, d;

		p = nl ? nl + 1 : end;
		skip_spaces(&line);
		if (line.p >= line.end) {
			continue; /* blank lines do not count */
		}
		lines++;
		if (date_line(line, &y, &m, &d)) {
			return ent__date_make(y, m, d);
		}
		if (dateline(line, &y, &m, &d)) {
			long k, best = 0, ref;

			if (y != 0) {
				return ent__date_make(y, m, d);
			}
			if (reference % 100 == 0 ||
				reference / 100 % 100 == 0) {
				return 0; /* no year to complete it */
			}
			/* the year that puts it nearest the reference */
			ref = ent__days_from_civil(reference / 10000,
				reference / 100 % 100, reference % 100);
			for (k = reference / 10000 - 1;
				k <= reference / 10000 + 1; k++) {
				if (ent__date_make(k, m, d) != 0 &&
					(best == 0 ||
						labs(ent__days_from_civil(
							     (int)k, (int)m,
							     (int)d) -
							ref) <
							labs(ent__days_from_civil(
								     (int)best,
								     (int)m,
								     (int)d) -
								ref))) {
					best = k;
				}
			}
			return best ? ent__date_make(best, m, d) : 0;
		}
	}
	return 0;
}
