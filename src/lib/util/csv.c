/* SPDX-License-Identifier: MIT */
/*
 * CSV fields, written the same way by every table (rules in csv.h).
 */
#include <string.h>

#include "util/csv.h"

/* A first character a spreadsheet takes as the start of a formula, or the
 * apostrophe that marks a defused field. */
static int needs_defusing(const char *s)
{
	return s[0] != '\0' && strchr("=+-@\t\r'", s[0]) != NULL;
}

/* One field from pieces (items joined by sep): the pieces are walked
 * twice, once to decide, once to write, so nothing is allocated. */
static void put_joined(
	FILE *fp, const char *const *items, size_t n, const char *sep)
{
	const char *first = "";
	int quote = 0, defuse;
	size_t i;

	for (i = 0; i < n && first[0] == '\0'; i++) {
		first = items[i] ? items[i] : "";
	}
	if (n > 1 && first[0] == '\0' && sep[0] != '\0') {
		first = sep; /* empty leading items: the field starts with sep
			      */
	}
	defuse = needs_defusing(first);
	quote = defuse || (n > 1 && strpbrk(sep, ",\"\r\n") != NULL);
	for (i = 0; i < n && !quote; i++) {
		quote = items[i] && strpbrk(items[i], ",\"\r\n") != NULL;
	}
	if (!quote) {
		for (i = 0; i < n; i++) {
			fputs(i ? sep : "", fp);
			fputs(items[i] ? items[i] : "", fp);
		}
		return;
	}
	fputc('"', fp);
	if (defuse) {
		fputc('\'', fp);
	}
	for (i = 0; i < n; i++) {
		const char *p = i ? sep : "";
		int pass;
		/* the separator, then the item */
		for (pass = 0; pass < 2; pass++) {
			for (; *p; p++) {
				if (*p == '"') {
					fputc('"', fp);
				}
				fputc(*p, fp);
			}
			p = items[i] ? items[i] : "";
		}
	}
	fputc('"', fp);
}

void ent__csv_field(FILE *fp, const char *s)
{
	const char *one[1];

	one[0] = s;
	put_joined(fp, one, 1, "");
}

void ent__csv_field_join(
	FILE *fp, const char *const *items, size_t n, const char *sep)
{
	put_joined(fp, items, n, sep ? sep : "");
}

size_t ent__csv_undefuse(char *field, size_t len)
{
	if (len > 0 && field[0] == '\'') {
		memmove(field, field + 1, len - 1);
		field[len - 1] = '\0';
		return len - 1;
	}
	return len;
}
