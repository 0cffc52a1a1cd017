/* SPDX-License-Identifier: MIT */
/*
 * UTF-8, as RFC 3629 defines it: no overlong forms, no UTF-16 surrogates,
 * nothing above U+10FFFF. Every reader and writer of the library applies
 * this one definition.
 */
#ifndef ENT_UTIL_UTF8_H
#define ENT_UTIL_UTF8_H

#include "util/base.h"

/* Length of the well-formed UTF-8 sequence at s[0..avail), or 0. */
size_t ent__utf8_seq(const unsigned char *s, size_t avail);
/* Offset of the first byte of buf[0..len) that is not well-formed UTF-8,
 * or len when all of it is. */
size_t ent__utf8_check(const char *buf, size_t len);

#endif
