/* SPDX-License-Identifier: MIT */
/*
 * The registry of temporary paths (tmpfiles.h).
 *
 * Removal may run in a signal handler on any thread while the owner of a
 * path unregisters it and frees it. `removing` is set before the table is
 * read; an owner clears its slot before it looks at `removing`. With
 * sequentially consistent atomics, when the remover can still see a path,
 * its owner sees `removing` and leaves the path alone (it does not free
 * it): the process is dying of the signal anyway.
 */
#define _GNU_SOURCE /* getdents64 (glibc 2.30) */
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include "util/tmpfiles.h"

/* Files in the first half of the slots, folders in the second, so that a
 * slot's kind never changes while a path is in it. */
static _Atomic(const char *) paths[2 * ENT__TMP_SLOTS];
static atomic_int removing;

int ent__tmp_register(const char *path, int is_dir)
{
	int i, first = is_dir ? ENT__TMP_SLOTS : 0;

	for (i = first; i < first + ENT__TMP_SLOTS; i++) {
		const char *none = NULL;
		if (atomic_compare_exchange_strong(&paths[i], &none, path)) {
			return i;
		}
	}
	return -1;
}

int ent__tmp_unregister(int slot)
{
	if (slot < 0 || slot >= 2 * ENT__TMP_SLOTS) {
		return 1;
	}
	atomic_store(&paths[slot], NULL);
	return !atomic_load(&removing);
}

/* Remove a folder of plain files (a report being written: any number of
 * them, more than the table holds) with system calls only: getdents64
 * reads the names into a buffer on the stack, where readdir would
 * allocate. */
static void remove_folder(const char *path)
{
	char buf[4096];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	if (fd >= 0) {
		while ((n = getdents64(fd, buf, sizeof(buf))) > 0) {
			ssize_t off = 0;
			while (off < n) {
				struct dirent64 *de = (struct dirent64 *)(buf + off);
				if (strcmp(de->d_name, ".") != 0 &&
					strcmp(de->d_name, "..") != 0) {
					unlinkat(fd, de->d_name, 0);
				}
				off += de->d_reclen;
			}
		}
		close(fd);
	}
	rmdir(path);
}

void ent__tmp_remove_all(void)
{
	int i;

	atomic_store(&removing, 1);
	for (i = 0; i < ENT__TMP_SLOTS; i++) {
		const char *p = atomic_load(&paths[i]);
		if (p != NULL) {
			unlink(p);
		}
	}
	/* folders after the files they hold, the last registered (the
	 * deepest) first, with what is left in them */
	for (i = 2 * ENT__TMP_SLOTS - 1; i >= ENT__TMP_SLOTS; i--) {
		const char *p = atomic_load(&paths[i]);
		if (p != NULL) {
			remove_folder(p);
		}
	}
}

void ent__tmp_block(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

void ent__tmp_unblock(const sigset_t *old)
{
	pthread_sigmask(SIG_SETMASK, old, NULL);
}
