/* SPDX-License-Identifier: MIT */
/*
 * Number and string formatting shared by the report writers. Every number
 * is formatted with a fixed precision so the same input gives
 * byte-identical output.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "report/report_internal.h"

const char *ent__report_num(char buf[32], double v, int decimals)
{
	char *p;

	if (!isfinite(v)) {
		v = 0; /* never printed: measures are defined to be finite */
	}
	snprintf(buf, 32, "%.*f", decimals, v);
	/* trim trailing zeros, and a bare point */
	if (strchr(buf, '.') != NULL) {
		p = buf + strlen(buf) - 1;
		while (*p == '0') {
			*p-- = '\0';
		}
		if (*p == '.') {
			*p = '\0';
		}
	}
	if (strcmp(buf, "-0") == 0) {
		strcpy(buf, "0");
	}
	return buf;
}

/* The library's one JSON string writer (util/json.c): the same escapes and
 * UTF-8 policy as events JSON (bytes that are not UTF-8 become U+FFFD). */
void ent__report_json_string(FILE *fp, const char *s)
{
	(void)ent__json_fput_string(fp, s);
}

void ent__report_md_cell(FILE *fp, const char *s)
{
	const char *p;

	for (p = s ? s : ""; *p; p++) {
		if (strchr("|\\*_`<>[]", *p) != NULL) {
			fputc('\\', fp);
		}
		fputc(*p == '\n' || *p == '\r' ? ' ' : *p, fp);
	}
}

/* Markdown's autolink, <https://...>, takes its text literally: a
 * backslash there is part of the address, so the escapes of
 * ent__report_md_cell would break every URL with an underscore as GitHub
 * renders it. Inside the brackets only what would end the link or break
 * the line is percent-encoded. */
void ent__report_md_source(FILE *fp, const char *doc)
{
	const unsigned char *p = (const unsigned char *)doc;

	if (doc == NULL) {
		return;
	}
	if (strncmp(doc, "http://", 7) != 0 &&
		strncmp(doc, "https://", 8) != 0) {
		ent__report_md_cell(fp, doc);
		return;
	}
	fputc('<', fp);
	for (; *p; p++) {
		if (*p <= 0x20 || *p == 0x7f || *p == '<' || *p == '>' ||
			*p == '\\' || *p == '`' || *p == '|') {
			fprintf(fp, "%%%02X", *p);
		} else {
			fputc(*p, fp);
		}
	}
	fputc('>', fp);
}
