/* SPDX-License-Identifier: MIT */
/*
 * Checks shared by the fuzz targets. A target aborts (so libFuzzer and the
 * standalone replay both report it) when the library breaks a promise that
 * holds for every input, not only when it crashes.
 */
#ifndef ENT_FUZZ_COMMON_H
#define ENT_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <entente/entente.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond, what)                                                 \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "fuzz check failed: %s (%s:%d)\n",     \
				what, __FILE__, __LINE__);                     \
			abort();                                               \
		}                                                              \
	} while (0)

/* An exact-size heap copy without a terminating NUL, so that AddressSanitizer
 * catches a reader that looks one byte past the length it was given. */
static inline char *fuzz_copy(const uint8_t *data, size_t size)
{
	char *copy = malloc(size ? size : 1);

	FUZZ_CHECK(copy != NULL, "out of memory");
	if (size > 0) {
		memcpy(copy, data, size);
	}
	return copy;
}

/* 1 when buf[0..len) is well-formed UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF). */
static inline int fuzz_utf8_valid(const char *buf, size_t len)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n, k;
		uint32_t cp;

		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			cp = c & 0x07;
		} else {
			return 0;
		}
		if (len - i <= n) {
			return 0;
		}
		for (k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80) {
				return 0;
			}
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
			cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
			return 0;
		}
		i += n + 1;
	}
	return 1;
}

/* An error of a failed read: a code, a non-empty message on one line. */
static inline void fuzz_check_error(ent_status st, const ent_error *err)
{
	FUZZ_CHECK(st < 0, "failure status is negative");
	FUZZ_CHECK(err->code == st, "error record carries the status");
	FUZZ_CHECK(err->message[0] != '\0', "error message is not empty");
	FUZZ_CHECK(strchr(err->message, '\n') == NULL &&
			strchr(err->message, '\r') == NULL,
		"error message is one line");
	FUZZ_CHECK(fuzz_utf8_valid(err->message, strlen(err->message)),
		"error message is valid UTF-8");
	FUZZ_CHECK(
		err->line >= 0 && err->column >= 0, "position is not negative");
}

#endif
