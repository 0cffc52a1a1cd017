/* SPDX-License-Identifier: MIT */
/*
 * JSON strings and numbers (json.h).
 */
#include <stdio.h>
#include <string.h>

#include "util/json.h"
#include "util/utf8.h"

int ent__json_put_string(ent__buf *b, const char *value, size_t len)
{
	const unsigned char *s = (const unsigned char *)value;
	size_t i = 0, n, run;

	if (ent__buf_grow(b, len + 2) < 0 || ent__buf_put(b, "\"", 1) < 0) {
		return -1;
	}
	while (i < len) {
		/* copy a run of bytes that need no escape in one go */
		for (run = i; run < len && s[run] >= 0x20 && s[run] < 0x80 &&
			s[run] != '"' && s[run] != '\\'; run++) {
		}
		if (run > i && ent__buf_put(b, value + i, run - i) < 0) {
			return -1;
		}
		i = run;
		if (i >= len) {
			break;
		}
		if (s[i] >= 0x80) {
			n = ent__utf8_seq(s + i, len - i);
			if (n == 0) {
				/* not UTF-8: U+FFFD */
				if (ent__buf_put(b, "\xEF\xBF\xBD", 3) < 0) {
					return -1;
				}
				n = 1;
			} else if (ent__buf_put(b, value + i, n) < 0) {
				return -1;
			}
			i += n;
			continue;
		}
		switch (s[i]) {
		case '"': n = (size_t)ent__buf_put(b, "\\\"", 2); break;
		case '\\': n = (size_t)ent__buf_put(b, "\\\\", 2); break;
		case '\b': n = (size_t)ent__buf_put(b, "\\b", 2); break;
		case '\f': n = (size_t)ent__buf_put(b, "\\f", 2); break;
		case '\n': n = (size_t)ent__buf_put(b, "\\n", 2); break;
		case '\r': n = (size_t)ent__buf_put(b, "\\r", 2); break;
		case '\t': n = (size_t)ent__buf_put(b, "\\t", 2); break;
		default: n = (size_t)ent__buf_printf(b, "\\u%04x", s[i]); break;
		}
		if (n != 0) {
			return -1;
		}
		i++;
	}
	return ent__buf_put(b, "\"", 1);
}

int ent__json_fput_string(FILE *fp, const char *s)
{
	ent__buf b = {0};

	if (s == NULL) {
		s = "";
	}
	if (ent__json_put_string(&b, s, strlen(s)) < 0) {
		ent__buf_free(&b);
		return -1;
	}
	fwrite(b.data, 1, b.len, fp);
	ent__buf_free(&b);
	return 0;
}

int ent__json_put_number(ent__buf *b, double d)
{
	char tmp[32];
	double back;
	int n;

	if (d != d || d - d != 0) {
		return ent__buf_put(b, "null", 4);
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
		return ent__buf_put(b, digits + k, sizeof(digits) - k);
	}
	n = snprintf(tmp, sizeof(tmp), "%1.15g", d);
	if (sscanf(tmp, "%lg", &back) != 1 || back != d) {
		n = snprintf(tmp, sizeof(tmp), "%1.17g", d);
	}
	return ent__buf_put(b, tmp, (size_t)n);
}
