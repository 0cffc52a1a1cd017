/* SPDX-License-Identifier: MIT */
/*
 * Reading a file whole, with a limit (file.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/file.h"

ent_status ent__file_read(char **out, size_t *len_out, const char *path,
	size_t limit, ent_error *err)
{
	FILE *fp = NULL;
	ent__buf b = {0};
	struct stat sb;
	int is_stdin;
	ent_status st = ENT_OK;
	char chunk[65536];
	size_t n, want;

	if (out == NULL || path == NULL) {
		return ent__error_set(err, ENT_EINVAL, path, 0, 0,
			"ent__file_read: NULL argument");
	}
	*out = NULL;
	if (len_out) {
		*len_out = 0;
	}
	is_stdin = strcmp(path, "-") == 0;
	if (is_stdin) {
		fp = stdin;
	} else {
		if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			return ent__error_set(err, ENT_EIO, path, 0, 0,
				"is a directory, not a file");
		}
		fp = fopen(path, "rb");
		if (fp == NULL) {
			return ent__error_set(err, ENT_EIO, path, 0, 0,
				"cannot open: %s", strerror(errno));
		}
	}
	for (;;) {
		/* never ask for more than the limit + 1 byte in all */
		want = sizeof(chunk);
		if (limit && want > limit + 1 - b.len) {
			want = limit + 1 - b.len;
		}
		if ((n = fread(chunk, 1, want, fp)) == 0) {
			break;
		}
		if (limit && b.len + n > limit) {
			st = ent__error_set(err, ENT_ELIMIT, path, 0, 0,
				"larger than the limit of %zu bytes", limit);
			goto done;
		}
		if (ent__buf_put(&b, chunk, n) < 0) {
			st = ent__error_nomem(err);
			goto done;
		}
	}
	if (ferror(fp)) {
		st = ent__error_set(err, ENT_EIO, path, 0, 0, "cannot read: %s",
			strerror(errno));
		goto done;
	}
	if (b.data == NULL && ent__buf_grow(&b, 0) < 0) {
		st = ent__error_nomem(err);
		goto done;
	}
	b.data[b.len] = '\0';
done:
	if (!is_stdin) {
		fclose(fp);
	}
	if (st != ENT_OK) {
		ent__buf_free(&b);
		return st;
	}
	*out = b.data;
	if (len_out) {
		*len_out = b.len;
	}
	return ENT_OK;
}
