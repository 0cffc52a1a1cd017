/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the unit tests: a temporary folder of the test's own,
 * files read whole, and inputs read into a dataset with the broken rows
 * the readers skipped recorded. Include after tap.h.
 */
#ifndef ENT_TEST_HELPERS_H
#define ENT_TEST_HELPERS_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <entente/entente.h>

/* Broken rows a reader skipped: the first eight, and how many in all. */
typedef struct skips {
	long n;
	long line[8];
	long column[8];
	char message[8][ENT_ERROR_SIZE];
} skips;

/* An on_skip callback of ent_read_options recording into a ::skips. */
static inline void on_skip(const ent_error *e, void *payload)
{
	skips *s = payload;

	if (s->n < 8) {
		s->line[s->n] = e->line;
		s->column[s->n] = e->column;
		snprintf(s->message[s->n], ENT_ERROR_SIZE, "%s", e->message);
	}
	s->n++;
}

static char helpers_tmp[] = "/tmp/entente-test-XXXXXX";
static int helpers_tmp_made;

/* Remove the temporary folder and the files in it (at exit). */
static inline void helpers_tmp_remove(void)
{
	DIR *d = opendir(helpers_tmp);
	struct dirent *e;
	char path[512];

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
			snprintf(path, sizeof(path), "%s/%s", helpers_tmp,
				e->d_name);
			unlink(path);
		}
	}
	if (d != NULL) {
		closedir(d);
	}
	rmdir(helpers_tmp);
}

/* The test's temporary folder: made on first use, removed with its files
 * when the test exits. NULL when it cannot be made. */
static inline const char *tmp_dir(void)
{
	if (!helpers_tmp_made) {
		if (mkdtemp(helpers_tmp) == NULL) {
			return NULL;
		}
		helpers_tmp_made = 1;
		atexit(helpers_tmp_remove);
	}
	return helpers_tmp;
}

/* A path in the temporary folder. The result lives until 16 more calls. */
static inline const char *tmp_path(const char *name)
{
	static char buf[16][512];
	static int k;
	char *p = buf[k++ % 16];
	const char *dir = tmp_dir();

	snprintf(p, sizeof(buf[0]), "%s/%s", dir ? dir : "/nonexistent", name);
	return p;
}

/* Write a text file; 0 or -1. */
static inline int write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");
	int rc;

	if (fp == NULL) {
		return -1;
	}
	rc = fputs(text, fp) == EOF ? -1 : 0;
	return fclose(fp) != 0 ? -1 : rc;
}

/* A whole file, NUL-terminated (free with ent_free), or NULL; its length
 * in *len when len is not NULL. */
static inline char *slurp(const char *path, size_t *len)
{
	char *buf = NULL;
	size_t n = 0;

	if (ent_read_file(&buf, &n, path, 0, NULL) != ENT_OK) {
		return NULL;
	}
	if (len != NULL) {
		*len = n;
	}
	return buf;
}

/*
 * Read `n` inputs into a new dataset, as the tool does. `dopts` and
 * `ropts` may be NULL for the defaults; with `sk` the broken rows the
 * readers skip are recorded there. On failure *out is NULL and `err` says
 * why.
 */
static inline ent_status load(ent_dataset **out, const char *const *paths,
	size_t n, const ent_dataset_options *dopts,
	const ent_read_options *ropts, skips *sk, ent_error *err)
{
	ent_read_options r = ENT_READ_OPTIONS_INIT;
	ent_status st;
	size_t i;

	if (ropts != NULL) {
		r = *ropts;
	}
	if (sk != NULL) {
		r.on_skip = on_skip;
		r.skip_payload = sk;
	}
	if ((st = ent_dataset_create(out, dopts, err)) != ENT_OK) {
		return st;
	}
	for (i = 0; i < n; i++) {
		if ((st = ent_read_into(*out, paths[i], &r, err)) != ENT_OK) {
			ent_dataset_destroy(*out);
			*out = NULL;
			return st;
		}
	}
	return ENT_OK;
}

/* ::load of one input. */
static inline ent_status load1(ent_dataset **out, const char *path,
	const ent_dataset_options *dopts, const ent_read_options *ropts,
	skips *sk, ent_error *err)
{
	return load(out, &path, 1, dopts, ropts, sk, err);
}

#endif
