/* SPDX-License-Identifier: MIT */
/*
 * A PDF the same from run to run. cairo (1.16, under Graphviz's cairo
 * plugin) writes the time of the run into the document information as
 * /CreationDate, in the local time zone, and reads no SOURCE_DATE_EPOCH;
 * everything else it writes depends on the drawing only. The entry is
 * taken out, or set from SOURCE_DATE_EPOCH when that is set (seconds since
 * 1970, the reproducible-builds convention), and the cross-reference
 * table, which gives each object's byte offset, is moved along with it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render/render_internal.h"

/* The first `needle` in buf[0..len), or NULL. */
static char *find(char *buf, size_t len, const char *needle)
{
	size_t n = strlen(needle), i;

	for (i = 0; n <= len && i <= len - n; i++) {
		if (buf[i] == needle[0] && memcmp(buf + i, needle, n) == 0) {
			return buf + i;
		}
	}
	return NULL;
}

/* The last `needle` in buf[0..len), or NULL. */
static char *find_last(char *buf, size_t len, const char *needle)
{
	size_t n = strlen(needle), i;

	for (i = len >= n ? len - n + 1 : 0; i-- > 0;) {
		if (buf[i] == needle[0] && memcmp(buf + i, needle, n) == 0) {
			return buf + i;
		}
	}
	return NULL;
}

/* The date from SOURCE_DATE_EPOCH, as a PDF date string "(D:...Z)", or
 * "" when it is not set (or not a number of seconds). */
static void wanted_date(char out[40])
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;
	time_t t;
	struct tm tm;

	out[0] = '\0';
	if (s == NULL || *s == '\0') {
		return;
	}
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 0 || v > 253402300799LL) {
		return; /* not a date up to 9999-12-31: as if unset */
	}
	t = (time_t)v;
	if (gmtime_r(&t, &tm) == NULL) {
		return;
	}
	strftime(out, 40, "/CreationDate (D:%Y%m%d%H%M%SZ)", &tm);
}

/*
 * Move every offset of the cross-reference table past `at` by `delta`
 * bytes, and startxref. 0, or -1 when the table is not laid out as cairo
 * writes it (then nothing is changed).
 */
static int move_xref(char *buf, size_t len, size_t at, long delta)
{
	char *sx = find_last(buf, len, "startxref"), *p, *end = buf + len;
	unsigned long long xref;
	unsigned long first, count, k;

	if (sx == NULL || sscanf(sx + 9, "%llu", &xref) != 1 || xref >= len ||
		memcmp(buf + xref, "xref", 4) != 0) {
		return -1;
	}
	/* one section: "xref\n0 N\n" then N entries of 20 bytes */
	p = buf + xref + 4;
	if (sscanf(p, "%lu %lu", &first, &count) != 2) {
		return -1;
	}
	p = memchr(p + 1, '\n', (size_t)(end - p - 1));
	if (p == NULL || (size_t)(end - p - 1) < count * 20) {
		return -1;
	}
	p++;
	for (k = 0; k < count; k++, p += 20) {
		unsigned long long off;
		char num[11];
		if (sscanf(p, "%10llu", &off) != 1) {
			return -1;
		}
		if (p[17] == 'n' && off > at) {
			snprintf(num, sizeof(num), "%010llu",
				(unsigned long long)((long long)off + delta));
			memcpy(p, num, 10);
		}
	}
	return 0;
}

ent_status ent__pdf_fix_date(char **buf, size_t *len, ent_error *err)
{
	char *key = find(*buf, *len, "/CreationDate ("), *close, *out, *sx;
	char date[40], tail[32];
	size_t cut, gone, add, n;
	unsigned long long xref;
	long delta;

	if (key == NULL) {
		return ENT_OK;
	}
	close = memchr(key, ')', (size_t)(*buf + *len - key));
	if (close == NULL) {
		return ENT_OK;
	}
	cut = (size_t)(key - *buf);
	gone = (size_t)(close + 1 - key);
	wanted_date(date);
	add = strlen(date);
	delta = (long)add - (long)gone;
	/* offsets first, on the bytes as they are (all before the cut or
	 * after the entry) */
	if (move_xref(*buf, *len, cut, delta) != 0) {
		return ENT_OK; /* not as expected: leave the PDF alone */
	}
	n = (size_t)((long)*len + delta);
	out = malloc(n + 32);
	if (out == NULL) {
		return ent__error_nomem(err);
	}
	memcpy(out, *buf, cut);
	memcpy(out + cut, date, add);
	memcpy(out + cut + add, *buf + cut + gone, *len - cut - gone);
	/* startxref, whose number may change width: the last line before
	 * %%EOF is rewritten */
	sx = find_last(out, n, "startxref");
	if (sx != NULL && sscanf(sx + 9, "%llu", &xref) == 1) {
		size_t head = (size_t)(sx - out);
		xref = (unsigned long long)((long long)xref + delta);
		snprintf(tail, sizeof(tail), "startxref\n%llu\n%%%%EOF\n", xref);
		n = head + strlen(tail);
		memcpy(out + head, tail, strlen(tail));
	}
	out[n] = '\0';
	free(*buf);
	*buf = out;
	*len = n;
	return ENT_OK;
}
