/* SPDX-License-Identifier: MIT */
/*
 * Filling the caller's error record (<entente/error.h>), and positions.
 */
#ifndef ENT_UTIL_ERROR_H
#define ENT_UTIL_ERROR_H

#include <entente/error.h>

#include "util/base.h"

/* Fill `err` (may be NULL) and return `code`. Position 0 means unknown.
 * The message is cleaned to one line of valid UTF-8 that is safe to
 * print (it may quote input). */
ent_status ent__error_set(ent_error *err, ent_status code, const char *source,
	long line, long column, const char *fmt, ...) ENT__PRINTF(6, 7);
/* Same, for "out of memory". */
ent_status ent__error_nomem(ent_error *err);
/* Turn a byte offset into a 1-based line and column (column counts UTF-8
 * characters, so it matches what an editor shows). */
void ent__offset_to_position(const char *buf, size_t len, size_t offset,
	long *line, long *column);

#endif
