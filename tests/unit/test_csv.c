/* SPDX-License-Identifier: MIT */
/*
 * The one CSV field writer (src/lib/util/csv.h): quoting, defusing of
 * formula-like values, several items as one field, and undoing the
 * defusing on reading back.
 */
#include <stdlib.h>
#include <string.h>

#include "util/csv.h"

#include "tap.h"

/* What the writer makes of `s`, in a static buffer. */
static const char *field(const char *s)
{
	static char buf[256];
	FILE *fp;

	memset(buf, 0, sizeof(buf));
	fp = fmemopen(buf, sizeof(buf), "w");

	ent__csv_field(fp, s);
	fclose(fp);
	return buf;
}

static const char *joined(const char *const *items, size_t n)
{
	static char buf[256];
	FILE *fp;

	memset(buf, 0, sizeof(buf));
	fp = fmemopen(buf, sizeof(buf), "w");

	ent__csv_field_join(fp, items, n, " ");
	fclose(fp);
	return buf;
}

int main(void)
{
	static const char *const members[] = {"CHN", "RUS", "A,B"};
	static const char *const formula[] = {"=1+1", "RUS"};
	static const char *const plain[] = {"CHN", "RUS"};
	char back[32];
	size_t len;

	is_str(field("CHN"), "CHN", "a plain value is written as it is");
	is_str(field(NULL), "", "NULL is an empty field");
	is_str(field("a,b"), "\"a,b\"", "a comma is quoted");
	is_str(field("say \"no\""), "\"say \"\"no\"\"\"",
		"inner quotes are doubled");
	is_str(field("two\nlines"), "\"two\nlines\"", "a newline is quoted");
	is_str(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"",
		"a formula is defused with an apostrophe and quoted");
	is_str(field("+1"), "\"'+1\"", "a leading + is defused");
	is_str(field("-1"), "\"'-1\"", "a leading - is defused");
	is_str(field("@SUM(A1)"), "\"'@SUM(A1)\"", "a leading @ is defused");
	is_str(field("\tx"), "\"'\tx\"", "a leading tab is defused");
	is_str(field("'quoted"), "\"''quoted\"",
		"a leading apostrophe is doubled, so reading back is exact");
	is_str(field("a=b"), "a=b", "= inside a value is harmless");
	is_str(joined(plain, 2), "CHN RUS", "members joined as one field");
	is_str(joined(members, 3), "\"CHN RUS A,B\"",
		"a member with a comma quotes the whole field, not one item");
	is_str(joined(formula, 2), "\"'=1+1 RUS\"",
		"a joined field is defused as a whole");
	is_str(joined(members, 0), "", "no members: an empty field");

	strcpy(back, "'=1+1");
	len = ent__csv_undefuse(back, strlen(back));
	ok(len == 4 && strcmp(back, "=1+1") == 0,
		"undefuse drops the apostrophe");
	strcpy(back, "''quoted");
	len = ent__csv_undefuse(back, strlen(back));
	ok(len == 7 && strcmp(back, "'quoted") == 0,
		"undefuse of a doubled apostrophe keeps one");
	strcpy(back, "CHN");
	len = ent__csv_undefuse(back, strlen(back));
	ok(len == 3 && strcmp(back, "CHN") == 0, "a plain value is unchanged");
	return done_testing();
}
