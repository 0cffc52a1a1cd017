/* SPDX-License-Identifier: MIT */
/*
 * The util layer (src/lib/util), built alone: this program links the util
 * sources and nothing else of the library, so a util file that reaches
 * into io, extract or report (or igraph, Graphviz, cJSON) does not link.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/atomic.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/file.h"
#include "util/json.h"
#include "util/tmpfiles.h"
#include "util/utf8.h"

#include "tap.h"

static char dir[] = "/tmp/entente-util-XXXXXX";

static char *path_in(const char *name)
{
	static char p[256];

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	return p;
}

static void test_buf(void)
{
	ent__buf b = {0};
	int *a = NULL, *grown;
	size_t cap = 0, i;

	ok(ent__buf_put(&b, "ab", 2) == 0 && ent__buf_puts(&b, "cd") == 0 &&
			ent__buf_printf(&b, "-%d-", 42) == 0,
		"buffer: put, puts, printf");
	is_str(b.data, "abcd-42-", "buffer: the bytes, NUL-terminated");
	ok(b.len == 8 && b.cap > b.len, "buffer: length 8");
	ok(ent__buf_grow(&b, SIZE_MAX) < 0 && b.len == 8,
		"buffer: a size that overflows is refused, buffer unchanged");
	ent__buf_free(&b);
	ok(b.data == NULL && b.len == 0 && b.cap == 0, "buffer: freed");

	for (i = 0; i < 1000; i++) {
		grown = ent__array_grow(a, &cap, i + 1, sizeof(*a));
		if (grown == NULL) {
			break;
		}
		a = grown;
		a[i] = (int)i;
	}
	ok(i == 1000 && cap >= 1000 && cap < 2048 && a[999] == 999,
		"array: 1000 appends, capacity %zu", cap);
	ok(ent__array_grow(a, &cap, SIZE_MAX / 2, sizeof(*a)) == NULL &&
			cap >= 1000 && cap < 2048,
		"array: a count whose bytes overflow is refused, capacity kept");
	ok(ent__array_grow(a, &cap, 10, sizeof(*a)) == a,
		"array: enough room already: the same array");
	free(a);
	{
		char *s = ent__strndup("abcdef", 3);
		is_str(s, "abc", "strndup");
		free(s);
		ok(ent__strdup(NULL) == NULL, "strdup(NULL) is NULL");
	}
}

static void test_utf8_and_errors(void)
{
	ent_error err = {0};
	long line, col;

	ok(ent__utf8_seq((const unsigned char *)"\xc3\xa9", 2) == 2,
		"UTF-8: a 2-byte character");
	ok(ent__utf8_seq((const unsigned char *)"\xc0\xaf", 2) == 0,
		"UTF-8: an overlong form is not UTF-8");
	ok(ent__utf8_seq((const unsigned char *)"\xed\xa0\x80", 3) == 0,
		"UTF-8: a UTF-16 surrogate is not UTF-8");
	ok(ent__utf8_seq((const unsigned char *)"\xf4\x90\x80\x80", 4) == 0,
		"UTF-8: above U+10FFFF is not UTF-8");
	ok(ent__utf8_check("ab\xe2\x82", 4) == 2,
		"UTF-8: a character cut short is found at its first byte");

	ok(ent__error_set(&err, ENT_EPARSE, "f.json", 2, 3,
		   "bad \"%s\"", "a\nb\x1b[31m\xff") == ENT_EPARSE,
		"error: the code is returned");
	is_str(err.message, "bad \"a b?[31m?\"",
		"error: one line of valid UTF-8, no escape sequence");
	ok(err.line == 2 && err.column == 3 && strcmp(err.source, "f.json") == 0,
		"error: source and position");
	ok(ent__error_set(NULL, ENT_EIO, NULL, 0, 0, "x") == ENT_EIO,
		"error: a NULL record is allowed");
	ent__offset_to_position("ab\n\xc3\xa9x", 6, 5, &line, &col);
	ok(line == 2 && col == 2, "position: characters, not bytes (2:%ld)",
		col);
}

static void test_json(void)
{
	ent__buf b = {0};
	static const char in[] = "q\"b\\n\n\x01\x7f\xc3\xa9 \xff \xe2\x82";

	ok(ent__json_put_string(&b, in, sizeof(in) - 1) == 0,
		"JSON string written");
	is_str(b.data,
		"\"q\\\"b\\\\n\\n\\u0001\x7f\xc3\xa9 \xef\xbf\xbd "
		"\xef\xbf\xbd\xef\xbf\xbd\"",
		"JSON string: escapes as cJSON writes them, U+FFFD for each "
		"byte that is not UTF-8");
	{
		/* long strings are scanned 8 bytes at a time: every byte at
		 * every place of a 24-byte run of plain letters (and a
		 * two-byte character) is written as it is alone */
		char s[24];
		int c, k, bad = 0;
		ent__buf one = {0}, want = {0};
		for (c = 0; c < 256; c++) {
			one.len = 0;
			ent__json_put_string(&one, (char *)&(unsigned char){
				(unsigned char)c}, 1);
			for (k = 0; k < 23; k++) {
				memset(s, 'a', sizeof(s));
				s[k] = (char)c;
				if (k % 5 == 0) { /* and an é after it */
					s[k + 1] = '\xc3';
					if (k + 2 < 24) {
						s[k + 2] = '\xa9';
					}
				}
				want.len = 0;
				ent__buf_put(&want, "\"", 1);
				ent__buf_put(&want, s, (size_t)k);
				ent__buf_put(&want, one.data + 1, one.len - 2);
				b.len = 0;
				ent__json_put_string(&b, s + k + 1,
					sizeof(s) - (size_t)k - 1);
				ent__buf_put(&want, b.data + 1, b.len - 1);
				b.len = 0;
				ent__json_put_string(&b, s, sizeof(s));
				bad += b.len != want.len ||
					memcmp(b.data, want.data, b.len) != 0;
			}
		}
		ok(bad == 0, "JSON string: a byte is written the same wherever "
			"it is in a long string (%d differ)", bad);
		ent__buf_free(&one);
		ent__buf_free(&want);
	}
	b.len = 0;
	ok(ent__json_put_number(&b, 42) == 0 && ent__buf_puts(&b, " ") == 0 &&
			ent__json_put_number(&b, -7) == 0 &&
			ent__buf_puts(&b, " ") == 0 &&
			ent__json_put_number(&b, 0.1) == 0 &&
			ent__buf_puts(&b, " ") == 0 &&
			ent__json_put_number(&b, 1e300) == 0 &&
			ent__buf_puts(&b, " ") == 0 &&
			ent__json_put_number(&b, 0.0 / 0.0) == 0,
		"JSON numbers written");
	is_str(b.data, "42 -7 0.1 1e+300 null",
		"JSON numbers: integers, shortest exact form, NaN as null");
	ent__buf_free(&b);
}

static void test_file(void)
{
	char *data = NULL;
	size_t len = 0;
	ent_error err = {0};
	FILE *fp = fopen(path_in("ten"), "w");

	fputs("0123456789", fp);
	fclose(fp);
	ok(ent__file_read(&data, &len, path_in("ten"), 10, &err) == ENT_OK &&
			len == 10 && strcmp(data, "0123456789") == 0,
		"file: read whole at its limit, NUL-terminated");
	free(data);
	ok(ent__file_read(&data, &len, path_in("ten"), 9, &err) ==
				ENT_ELIMIT &&
			data == NULL,
		"file: one byte over the limit is ENT_ELIMIT");
	is_str(err.message, "larger than the limit of 9 bytes", "message");
	ok(ent__file_read(&data, &len, dir, 0, &err) == ENT_EIO,
		"file: a folder is refused: %s", err.message);
	ok(ent__file_read(&data, &len, path_in("none"), 0, &err) == ENT_EIO &&
			strstr(err.message, "No such file") != NULL,
		"file: a missing file names the reason: %s", err.message);
}

static void test_atomic(void)
{
	ent__atomic *o = NULL;
	ent_error err = {0};
	char *data = NULL;
	size_t len = 0;

	ok(ent__atomic_open(&o, path_in("out"), &err) == ENT_OK,
		"atomic: opened");
	fputs("new", ent__atomic_stream(o));
	ok(access(path_in("out"), F_OK) != 0,
		"atomic: nothing at the target before commit");
	ok(ent__atomic_commit(o, &err) == ENT_OK, "atomic: committed");
	ok(ent__file_read(&data, &len, path_in("out"), 0, &err) == ENT_OK &&
			strcmp(data, "new") == 0,
		"atomic: the target holds the output");
	free(data);
	ok(ent__atomic_open(&o, path_in("out"), &err) == ENT_OK,
		"atomic: opened again");
	fputs("newer", ent__atomic_stream(o));
	ent__atomic_abort(o);
	ok(ent__file_read(&data, &len, path_in("out"), 0, &err) == ENT_OK &&
			strcmp(data, "new") == 0,
		"atomic: an abort leaves the earlier file");
	free(data);
	unlink(path_in("out"));
}

/* Last: once a removal ran, the registry keeps what it holds (the
 * process is about to die of its signal). */
static void test_tmpfiles(void)
{
	static char file_a[256], file_b[256], folder[256];
	int slots[ENT__TMP_SLOTS + 1];
	int a, b, d, i, full;
	FILE *fp;

	snprintf(file_a, sizeof(file_a), "%s/a.tmp.1", dir);
	snprintf(folder, sizeof(folder), "%s/d.tmp.1", dir);
	snprintf(file_b, sizeof(file_b), "%s/d.tmp.1/b", dir);
	mkdir(folder, 0700);
	fp = fopen(file_a, "w");
	fclose(fp);
	fp = fopen(file_b, "w");
	fclose(fp);
	for (i = 0; i < ENT__TMP_SLOTS; i++) {
		slots[i] = ent__tmp_register("unused", 0);
	}
	full = ent__tmp_register("one too many", 0);
	ok(slots[ENT__TMP_SLOTS - 1] >= 0 && full == -1,
		"registry: %d files, then full", ENT__TMP_SLOTS);
	full = 0;
	for (i = 0; i < ENT__TMP_SLOTS; i++) {
		full += ent__tmp_unregister(slots[i]);
	}
	ok(full == ENT__TMP_SLOTS, "registry: unregistered, each path may "
		"be freed");
	{
		char ft[256], dt[256];
		int fs, ds, fd, dd;

		snprintf(ft, sizeof(ft), "%s/c.tmp.XXXXXX", dir);
		snprintf(dt, sizeof(dt), "%s/e.tmp.XXXXXX", dir);
		fd = ent__tmp_create(ft, 0, &fs);
		dd = ent__tmp_create(dt, 1, &ds);
		ok(fd > 0 && fs >= 0 && strstr(ft, "XXXXXX") == NULL &&
				access(ft, W_OK) == 0,
			"create: a file by a new name, registered: %s", ft);
		ok(dd == 0 && ds >= ENT__TMP_SLOTS &&
				strstr(dt, "XXXXXX") == NULL &&
				access(dt, W_OK) == 0,
			"create: a folder, registered as one: %s", dt);
		close(fd);
		ent__tmp_unregister(fs);
		ent__tmp_unregister(ds);
		unlink(ft);
		rmdir(dt);
		snprintf(dt, sizeof(dt), "%s/no-template", dir);
		ok(ent__tmp_create(dt, 1, &ds) < 0 && errno == EINVAL &&
				ds == -1 && access(dt, F_OK) != 0,
			"create: a template without XXXXXX is refused");
	}
	a = ent__tmp_register(file_a, 0);
	d = ent__tmp_register(folder, 1);
	b = ent__tmp_register(file_b, 0);
	ok(a >= 0 && b >= 0 && d >= 0, "registry: two files and a folder");
	ent__tmp_remove_all();
	ok(access(file_a, F_OK) != 0 && access(file_b, F_OK) != 0 &&
			access(folder, F_OK) != 0,
		"remove all: the files, then the folder that held one");
	ok(ent__tmp_unregister(a) == 0,
		"after a removal an owner must not free its path");
}

int main(void)
{
	if (mkdtemp(dir) == NULL) {
		printf("1..0 # SKIP no temporary folder\n");
		return 0;
	}
	test_buf();
	test_utf8_and_errors();
	test_json();
	test_file();
	test_atomic();
	test_tmpfiles();
	unlink(path_in("ten"));
	rmdir(dir);
	done_testing();
}
