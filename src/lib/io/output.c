/* SPDX-License-Identifier: MIT */
/*
 * The public atomic output (io.h) and whole-file read, over the util
 * layer's atomic files (util/atomic.c) and file reads (util/file.c).
 */
#include <stdlib.h>

#include "internal.h"

struct ent_output {
	ent__atomic *file;
};

ent_status ent_output_open(ent_output **out, const char *path,
	ent_error *err)
{
	ent_output *o;
	ent_status st;

	if (out == NULL || path == NULL) {
		return ent__error_set(err, ENT_EINVAL, path, 0, 0,
			"ent_output_open: NULL argument");
	}
	*out = NULL;
	if ((o = calloc(1, sizeof(*o))) == NULL) {
		return ent__error_nomem(err);
	}
	if ((st = ent__atomic_open(&o->file, path, err)) != ENT_OK) {
		free(o);
		return st;
	}
	*out = o;
	return ENT_OK;
}

FILE *ent_output_stream(ent_output *o)
{
	return o ? ent__atomic_stream(o->file) : NULL;
}

int ent_output_direct(const ent_output *o)
{
	return o ? ent__atomic_direct(o->file) : 0;
}

ent_status ent_output_commit(ent_output *o, ent_error *err)
{
	ent_status st;

	if (o == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_output_commit: NULL argument");
	}
	st = ent__atomic_commit(o->file, err);
	free(o);
	return st;
}

void ent_output_abort(ent_output *o)
{
	if (o != NULL) {
		ent__atomic_abort(o->file);
		free(o);
	}
}

void ent_output_remove_temporaries(void)
{
	ent__tmp_remove_all();
}

ent_status ent_read_file(char **out, size_t *len_out, const char *path,
	size_t limit, ent_error *err)
{
	if (out == NULL || path == NULL) {
		return ent__error_set(err, ENT_EINVAL, path, 0, 0,
			"ent_read_file: NULL argument");
	}
	return ent__file_read(out, len_out, path, limit, err);
}
