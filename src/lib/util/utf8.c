/* SPDX-License-Identifier: MIT */
/*
 * UTF-8 checks (utf8.h).
 */
#include "util/utf8.h"

size_t ent__utf8_seq(const unsigned char *s, size_t avail)
{
	size_t n, k;
	uint32_t cp;

	if (avail == 0) {
		return 0;
	}
	if (s[0] < 0x80) {
		return 1;
	} else if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 1;
		cp = s[0] & 0x1Fu;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 2;
		cp = s[0] & 0x0Fu;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 3;
		cp = s[0] & 0x07u;
	} else {
		return 0;
	}
	if (avail <= n) {
		return 0;
	}
	for (k = 1; k <= n; k++) {
		if ((s[k] & 0xC0) != 0x80) {
			return 0;
		}
		cp = cp << 6 | (s[k] & 0x3Fu);
	}
	if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) ||
		(n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
		(cp >= 0xD800 && cp <= 0xDFFF)) {
		return 0;
	}
	return n + 1;
}

size_t ent__utf8_check(const char *buf, size_t len)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t i = 0, n;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
		} else if ((n = ent__utf8_seq(s + i, len - i)) != 0) {
			i += n;
		} else {
			return i;
		}
	}
	return len;
}
