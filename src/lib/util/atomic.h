/* SPDX-License-Identifier: MIT */
/*
 * Atomic output files: written to a temporary file beside the target and
 * renamed over it on commit, so a failed run never leaves a half-written
 * file or clobbers an earlier one. The public ent_output (io.h) is this.
 */
#ifndef ENT_UTIL_ATOMIC_H
#define ENT_UTIL_ATOMIC_H

#include <stdio.h>

#include <entente/error.h>

#include "util/base.h"

typedef struct ent__atomic ent__atomic;

/*
 * Open an output. "-" is standard output, written directly; so is a
 * target that exists and is not a regular file (a device, a FIFO,
 * /dev/stdout), which renaming would replace. A symbolic link's file is
 * replaced and the link stays; a replaced file keeps its mode and owner.
 * Errors name `path`, which must outlive the output (borrowed).
 */
ent_status ent__atomic_open(ent__atomic **out, const char *path,
	ent_error *err);
/* The stream to write to (borrowed). */
FILE *ent__atomic_stream(ent__atomic *o);
/* 1 when written in place (standard output, a device, a FIFO). */
int ent__atomic_direct(const ent__atomic *o);
/* Flush, sync, close and rename into place; destroys `o` in all cases.
 * A failure names the file and the reason (errno's text). */
ent_status ent__atomic_commit(ent__atomic *o, ent_error *err);
/* Discard the output and its temporary file; accepts NULL. */
void ent__atomic_abort(ent__atomic *o);

#endif
