/* SPDX-License-Identifier: MIT */
/*
 * Private interface between the input dispatcher (read.c) and the readers.
 */
#ifndef ENT_IO_INTERNAL_H
#define ENT_IO_INTERNAL_H

#include "internal.h"

/* Each reader takes the whole (decompressed) input in memory or a stream,
 * as it prefers; see read.c. */
ent_status ent__read_json_into(ent_dataset *ds, const char *buf, size_t len,
	const char *path, ent_error *err);
ent_status ent__read_text_into(ent_dataset *ds, const char *buf, size_t len,
	const char *path, const ent_read_options *opts, ent_error *err);

#endif
