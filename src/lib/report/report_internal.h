/* SPDX-License-Identifier: MIT */
/*
 * Formatting helpers shared by the report writers.
 */
#ifndef ENT_REPORT_INTERNAL_H
#define ENT_REPORT_INTERNAL_H

#include <stdio.h>

/* `v` with `decimals` decimals, trailing zeros trimmed ("-0" -> "0"). */
const char *ent__report_num(char buf[32], double v, int decimals);
/* A JSON string literal with escapes. */
void ent__report_json_string(FILE *fp, const char *s);
/* An RFC 4180 CSV field; a leading = + - @ is defused for spreadsheets. */
void ent__report_csv_field(FILE *fp, const char *s);
/* A Markdown table cell with markup characters escaped. */
void ent__report_md_cell(FILE *fp, const char *s);

#endif
