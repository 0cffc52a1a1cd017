/* SPDX-License-Identifier: MIT */
/*
 * Atomic output files and whole-file reads.
 *
 * An output goes to a temporary file in the target's folder (so rename is
 * atomic on the same file system) and replaces the target only on commit:
 * a failed run never leaves a half-written file or clobbers an earlier one.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

struct ent_output {
	FILE *fp;
	const char *name; /* the caller's path, borrowed: errors point at it */
	char *path;
	char *tmp;        /* NULL when writing standard output */
};

ent_status ent_output_open(ent_output **out, const char *path, ent_error *err)
{
	ent_output *o;
	int fd;

	if (out == NULL || path == NULL) {
		return ent__error_set(err, ENT_EINVAL, path, 0, 0,
			"ent_output_open: NULL argument");
	}
	*out = NULL;
	o = calloc(1, sizeof(*o));
	if (o == NULL) {
		return ent__error_nomem(err);
	}
	o->name = path;
	if (strcmp(path, "-") == 0) {
		o->fp = stdout;
		*out = o;
		return ENT_OK;
	}
	o->path = ent__strdup(path);
	o->tmp = malloc(strlen(path) + 16);
	if (o->path == NULL || o->tmp == NULL) {
		ent_output_abort(o);
		return ent__error_nomem(err);
	}
	sprintf(o->tmp, "%s.tmp.XXXXXX", path);
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		int e = errno;
		free(o->tmp);
		o->tmp = NULL;
		ent_output_abort(o);
		return ent__error_set(err, ENT_EIO, path, 0, 0,
			"cannot create output file: %s", strerror(e));
	}
	/* mkstemp makes the file 0600; give it the usual permissions */
	{
		mode_t mask = umask(0);
		umask(mask);
		(void)fchmod(fd, 0666 & ~mask);
	}
	o->fp = fdopen(fd, "w");
	if (o->fp == NULL) {
		close(fd);
		ent_output_abort(o);
		return ent__error_nomem(err);
	}
	*out = o;
	return ENT_OK;
}

FILE *ent_output_stream(ent_output *o)
{
	return o ? o->fp : NULL;
}

ent_status ent_output_commit(ent_output *o, ent_error *err)
{
	ent_status st = ENT_OK;
	int e = 0;

	if (o == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_output_commit: NULL argument");
	}
	if (o->tmp == NULL) {
		int failed = fflush(o->fp) != 0 || ferror(o->fp);
		free(o);
		return failed ? ent__error_set(err, ENT_EIO, "<stdout>", 0, 0,
					"cannot write standard output")
			      : ENT_OK;
	}
	/* Keep the first errno: a later call may overwrite it. */
	if (fflush(o->fp) != 0 || ferror(o->fp)) {
		e = errno ? errno : EIO;
	} else if (fsync(fileno(o->fp)) != 0) {
		e = errno;
	}
	if (fclose(o->fp) != 0 && e == 0) {
		e = errno;
	}
	o->fp = NULL;
	if (e != 0) {
		/* the message names the caller's path, which outlives `o` */
		st = ent__error_set(err, ENT_EIO, o->name, 0, 0,
			"cannot write output file: %s", strerror(e));
	} else if (rename(o->tmp, o->path) != 0) {
		st = ent__error_set(err, ENT_EIO, o->name, 0, 0,
			"cannot replace output file: %s", strerror(errno));
	} else {
		free(o->tmp);
		o->tmp = NULL;
	}
	ent_output_abort(o);
	return st;
}

void ent_output_abort(ent_output *o)
{
	if (o == NULL) {
		return;
	}
	if (o->fp != NULL && o->fp != stdout) {
		fclose(o->fp);
	}
	if (o->tmp != NULL) {
		unlink(o->tmp);
		free(o->tmp);
	}
	free(o->path);
	free(o);
}

ent_status ent_read_file(char **out, size_t *len_out, const char *path,
	size_t limit, ent_error *err)
{
	FILE *fp = NULL;
	ent__buf b = {0};
	struct stat sb;
	int is_stdin;
	ent_status st = ENT_OK;
	char chunk[65536];
	size_t n;

	if (out == NULL || path == NULL) {
		return ent__error_set(err, ENT_EINVAL, path, 0, 0,
			"ent_read_file: NULL argument");
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
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
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
