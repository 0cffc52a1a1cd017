/* SPDX-License-Identifier: MIT */
/*
 * JSON strings and numbers (json.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/json.h"
#include "util/utf8.h"

/* Bytes a JSON string holds as they are: printable ASCII but '"' and
 * '\\' (a table: the test per byte was most of the time of the string
 * writer, which writes every sentence `entente extract` reads). */
#define PLAIN8(c) ((c) >= 0x20 && (c) != '"' && (c) != '\\')
#define PLAIN(c) PLAIN8(c), PLAIN8(c + 1), PLAIN8(c + 2), PLAIN8(c + 3), \
	PLAIN8(c + 4), PLAIN8(c + 5), PLAIN8(c + 6), PLAIN8(c + 7)
static const unsigned char plain[256] = {
	PLAIN(0x00), PLAIN(0x08), PLAIN(0x10), PLAIN(0x18), PLAIN(0x20),
	PLAIN(0x28), PLAIN(0x30), PLAIN(0x38), PLAIN(0x40), PLAIN(0x48),
	PLAIN(0x50), PLAIN(0x58), PLAIN(0x60), PLAIN(0x68), PLAIN(0x70),
	PLAIN(0x78)
	/* 0x80 and above: 0, UTF-8 sequences are checked one by one */
};
#undef PLAIN
#undef PLAIN8

/* 1 when none of the 8 bytes at p needs a look: no byte under 0x20, no
 * '"', no '\\', none from 0x80 (a word at a time: each test is exact
 * about whether such a byte is there, which is all it is asked). */
static int plain8(const unsigned char *p)
{
	const uint64_t ones = 0x0101010101010101u, highs = ones * 0x80;
	uint64_t w, q, bs;

	memcpy(&w, p, 8);
	q = w ^ (ones * '"');
	bs = w ^ (ones * '\\');
	return ((w | ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) |
			((bs - ones) & ~bs)) & highs) == 0;
}

/* Where escaped bytes go: a buffer, or a stream (written as they come, so
 * a string of any length costs no memory). 0, or -1 out of memory. */
typedef int (*emit_fn)(void *to, const char *p, size_t n);

static int emit_buf(void *to, const char *p, size_t n)
{
	return ent__buf_add(to, p, n);
}

static int emit_file(void *to, const char *p, size_t n)
{
	/* a write error shows in ferror() of the stream */
	(void)fwrite(p, 1, n, to);
	return 0;
}

/* Inlined into each caller, so the sink is a direct (inlined) call: the
 * buffer writer is on the path of every event `entente extract` writes. */
static inline __attribute__((always_inline)) int put_string(emit_fn emit,
	void *to, const char *value, size_t len)
{
	const unsigned char *s = (const unsigned char *)value;
	size_t i = 0, n, run;
	char esc[8];
	const char *e;

	if (emit(to, "\"", 1) < 0) {
		return -1;
	}
	while (i < len) {
		/* copy a run of bytes that need no escape in one go */
		for (run = i; run + 8 <= len && plain8(s + run); run += 8) {
		}
		for (; run < len && plain[s[run]]; run++) {
		}
		if (run > i && emit(to, value + i, run - i) < 0) {
			return -1;
		}
		i = run;
		if (i >= len) {
			break;
		}
		if (s[i] >= 0x80) {
			n = ent__utf8_seq(s + i, len - i);
			/* not UTF-8: U+FFFD */
			if (n == 0 ? emit(to, "\xEF\xBF\xBD", 3) < 0 :
				emit(to, value + i, n) < 0) {
				return -1;
			}
			i += n == 0 ? 1 : n;
			continue;
		}
		switch (s[i]) {
		case '"': e = "\\\""; break;
		case '\\': e = "\\\\"; break;
		case '\b': e = "\\b"; break;
		case '\f': e = "\\f"; break;
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		case '\t': e = "\\t"; break;
		default:
			snprintf(esc, sizeof(esc), "\\u%04x", s[i]);
			e = esc;
			break;
		}
		if (emit(to, e, strlen(e)) < 0) {
			return -1;
		}
		i++;
	}
	return emit(to, "\"", 1);
}

int ent__json_put_string(ent__buf *b, const char *value, size_t len)
{
	/* most strings need no escape: one growth for all of it (the room
	 * checked here first: most of the time it is there) */
	if (b->cap - b->len <= len + 2 && ent__buf_grow(b, len + 2) < 0) {
		return -1;
	}
	return put_string(emit_buf, b, value, len);
}

int ent__json_fput_string(FILE *fp, const char *s)
{
	if (s == NULL) {
		s = "";
	}
	return put_string(emit_file, fp, s, strlen(s));
}

int ent__json_put_number(ent__buf *b, double d)
{
	char tmp[32];
	double back;
	int n;

	if (d != d || d - d != 0) {
		return ent__buf_add(b, "null", 4);
	}
	if (d > -2147483648.0 && d < 2147483647.0 && d == (double)(int)d) {
		/* whole numbers (counts, offsets) are most numbers written */
		char digits[12];
		long v = (long)d;
		unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
		size_t k = sizeof(digits);
		do {
			digits[--k] = (char)('0' + u % 10);
			u /= 10;
		} while (u > 0);
		if (v < 0) {
			digits[--k] = '-';
		}
		return ent__buf_add(b, digits + k, sizeof(digits) - k);
	}
	/* one decimal (Goldstein weights are): the digits of d * 10, which
	 * is what "%1.15g" prints when d is the double nearest v / 10 (and
	 * spares a snprintf and an sscanf per event) */
	if (d > -1e12 && d < 1e12) {
		double t = d * 10;
		long v = (long)(t < 0 ? t - 0.5 : t + 0.5);
		if ((double)v / 10 == d) {
			char digits[24];
			unsigned long u = v < 0 ? 0UL - (unsigned long)v
						: (unsigned long)v;
			size_t k = sizeof(digits);
			digits[--k] = (char)('0' + u % 10);
			digits[--k] = '.';
			u /= 10;
			do {
				digits[--k] = (char)('0' + u % 10);
				u /= 10;
			} while (u > 0);
			if (v < 0) {
				digits[--k] = '-';
			}
			return ent__buf_add(b, digits + k, sizeof(digits) - k);
		}
	}
	n = snprintf(tmp, sizeof(tmp), "%1.15g", d);
	if (sscanf(tmp, "%lg", &back) != 1 || back != d) {
		n = snprintf(tmp, sizeof(tmp), "%1.17g", d);
	}
	return ent__buf_add(b, tmp, (size_t)n);
}
