/* SPDX-License-Identifier: MIT */
/*
 * One CSV field writer for every table the library writes (the report's
 * tables, the dyad table of `entente dyads`), so a value is written the
 * same way everywhere. Depends on nothing but the C library.
 *
 * A field is written as it is unless
 *
 * - it holds a comma, a double quote, CR or LF: it is quoted (RFC 4180),
 *   inner double quotes doubled;
 * - it starts with = + - @ TAB or CR, which a spreadsheet would run as a
 *   formula (OWASP "CSV injection"): it is "defused" with a leading
 *   apostrophe and quoted, '=HYPERLINK(...) -> "'=HYPERLINK(...)";
 * - it starts with an apostrophe: that is doubled the same way, so a
 *   reader can undo the defusing without ambiguity (ent__csv_undefuse).
 *
 * Numbers are not fields: writers print them directly.
 */
#ifndef ENT_UTIL_CSV_H
#define ENT_UTIL_CSV_H

#include <stddef.h>
#include <stdio.h>

/* Write `s` (NULL = empty) as one field. */
void ent__csv_field(FILE *fp, const char *s);

/* Write items[0..n) joined by `sep` as ONE field, quoted and defused as a
 * whole (a bloc's members "CHN RUS" stay one cell even when a code holds
 * a comma). */
void ent__csv_field_join(
	FILE *fp, const char *const *items, size_t n, const char *sep);

/* Undo the defusing of a field read back, in place: a leading apostrophe
 * is removed. Returns the new length. */
size_t ent__csv_undefuse(char *field, size_t len);

#endif
