/* SPDX-License-Identifier: MIT */
/*
 * Writing JSON strings and numbers: one writer, one UTF-8 policy, for
 * every JSON the library writes (events JSON, the report's JSON).
 *
 * A string is written between double quotes with '"' and '\' escaped,
 * \b \f \n \r \t for those controls and \u00XX for the other bytes below
 * 0x20, as cJSON prints them. A byte that is not part of a well-formed
 * UTF-8 sequence (util/utf8.h) -- events from news text or GDELT may
 * carry some -- is written as U+FFFD, so the output is always valid UTF-8
 * JSON that reads back.
 */
#ifndef ENT_UTIL_JSON_H
#define ENT_UTIL_JSON_H

#include <stdio.h>

#include "util/buf.h"

/* Append s[0..len) as a JSON string; 0, or -1 out of memory. */
int ent__json_put_string(ent__buf *b, const char *s, size_t len);
/* Write the NUL-terminated `s` (NULL writes "") as a JSON string to `fp`,
 * straight to the stream: it allocates nothing, so it cannot run out of
 * memory; returns 0 (a write error shows in ferror(fp)). */
int ent__json_fput_string(FILE *fp, const char *s);
/* Append a number as cJSON prints it: whole numbers within int as
 * integers, others with 15 significant digits unless 17 are needed to
 * read the same double back; NaN and infinities (not JSON) as null. */
int ent__json_put_number(ent__buf *b, double d);

#endif
