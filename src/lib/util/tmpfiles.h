/* SPDX-License-Identifier: MIT */
/*
 * The temporary files (and folders) of outputs not yet committed, in one
 * registry that a signal handler can empty: SIGINT, SIGTERM or SIGHUP in
 * the middle of a long run must not leave `NAME.tmp.XXXXXX` files behind.
 *
 * The registry is a fixed table of atomic pointers, so removing every
 * entry calls only unlink(2) and rmdir(2), which are async-signal-safe,
 * and never waits for a lock another thread (or the interrupted code)
 * holds. A path is borrowed while it is registered.
 */
#ifndef ENT_UTIL_TMPFILES_H
#define ENT_UTIL_TMPFILES_H

#include <signal.h>

#include "util/base.h"

/* How many temporary files, and folders, can be registered at once. */
#define ENT__TMP_SLOTS 64

/* Register `path` (a file, or with is_dir a folder of plain files, removed
 * with what it holds after the files); its slot, or -1 when the table is
 * full (the path is then not removed on a signal). */
int ent__tmp_register(const char *path, int is_dir);
/*
 * Unregister a slot (-1 is ignored). Returns 1 when the caller may free
 * the path now, 0 when a removal is under way on another thread: the
 * process is about to die of its signal and the path must stay.
 */
int ent__tmp_unregister(int slot);
/* Remove every registered path: files first, then folders with the
 * files in them, deepest first. Async-signal-safe. */
void ent__tmp_remove_all(void);

/*
 * Block the signals that remove temporary files (SIGINT, SIGTERM, SIGHUP)
 * for this thread, around creating a temporary file and registering it,
 * so that none is created and missed; restore with the `old` mask.
 */
void ent__tmp_block(sigset_t *old);
void ent__tmp_unblock(const sigset_t *old);

#endif
