/* SPDX-License-Identifier: MIT */
/*
 * Atomic output files (atomic.h).
 *
 * An output goes to a temporary file in the target's folder (so rename is
 * atomic on the same file system) and replaces the target only on commit:
 * a failed run never leaves a half-written file or clobbers an earlier one.
 *
 * Only a regular file (or a name that does not exist yet) is replaced that
 * way. A target that exists and is something else -- a character device
 * such as /dev/null, a FIFO, a socket, a terminal, or /dev/stdout and
 * /proc/self/fd/N -- is opened and written directly: renaming over it would
 * replace the device node or the pipe with a regular file (as root,
 * replacing /dev/null breaks every program on the machine) and leave a FIFO's
 * reader waiting forever. A symbolic link is followed: the file it points to
 * is replaced and the link stays a link. A file that is replaced keeps its
 * permission bits (and, where allowed, its owner), so a 0600 output does not
 * become world-readable.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/atomic.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/tmpfiles.h"

struct ent__atomic {
	FILE *fp;
	const char *name; /* the caller's path, borrowed: errors point at it */
	char *path;       /* the file that is replaced (links resolved) */
	char *tmp;        /* NULL when written directly (stdout, a device) */
	int slot;         /* tmp's slot in the registry (tmpfiles.h), or -1 */
	int direct;       /* written in place: nothing to rename or remove */
};

/* Forget the temporary file: unregister it, and free its name unless a
 * signal handler is removing it now. */
static void drop_tmp(ent__atomic *o)
{
	if (ent__tmp_unregister(o->slot)) {
		free(o->tmp);
	}
	o->slot = -1;
	o->tmp = NULL;
}

/* How many symbolic links are followed before giving up, as the kernel's
 * own limit for a path lookup. */
#define MAX_LINK_HOPS 40

/* Names whose file is not a file of their folder: the process's own
 * descriptors. A regular file behind /dev/stdout is the shell's redirection
 * target and is written in place, as `> file` would. */
static int is_descriptor_path(const char *path)
{
	return strncmp(path, "/dev/fd/", 8) == 0 ||
		strcmp(path, "/dev/stdout") == 0 ||
		strcmp(path, "/dev/stderr") == 0 ||
		strncmp(path, "/proc/", 6) == 0;
}

/*
 * The file a path names once its symbolic links are followed (the link's
 * target may not exist yet: a dangling link names the file it would
 * create). Only the last component is resolved: a link in a folder on
 * the way is followed by rename itself. malloc'd; NULL with errno set.
 */
static char *resolve_links(const char *path)
{
	char *cur = ent__strdup(path);
	int hops;

	for (hops = 0; cur != NULL; hops++) {
		struct stat lsb;
		char target[PATH_MAX];
		ssize_t n;
		char *next, *slash;

		if (lstat(cur, &lsb) != 0 || !S_ISLNK(lsb.st_mode)) {
			return cur; /* not a link (or not there): this is it */
		}
		if (hops == MAX_LINK_HOPS) {
			free(cur);
			errno = ELOOP;
			return NULL;
		}
		n = readlink(cur, target, sizeof(target) - 1);
		if (n < 0) {
			free(cur);
			return NULL;
		}
		target[n] = '\0';
		slash = strrchr(cur, '/');
		if (target[0] == '/' || slash == NULL) {
			next = ent__strdup(target);
		} else {
			/* relative to the link's own folder */
			size_t dlen = (size_t)(slash - cur) + 1;
			next = malloc(dlen + (size_t)n + 1);
			if (next != NULL) {
				memcpy(next, cur, dlen);
				memcpy(next + dlen, target, (size_t)n + 1);
			}
		}
		free(cur);
		cur = next;
	}
	errno = ENOMEM;
	return NULL;
}

/* Write an existing non-regular file (device, FIFO, socket) in place. */
static ent_status open_direct(ent__atomic *o, const char *path,
	ent_error *err)
{
	int fd;

	do {
		fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	} while (fd < 0 && errno == EINTR);
	if (fd < 0) {
		return ent__error_set(err, ENT_EIO, o->name, 0, 0,
			"cannot open output: %s", strerror(errno));
	}
	o->fp = fdopen(fd, "w");
	if (o->fp == NULL) {
		close(fd);
		return ent__error_nomem(err);
	}
	o->direct = 1;
	return ENT_OK;
}

/* Give the temporary file the mode (and owner) of the file it replaces, or
 * the usual mode of a new file. */
static void copy_mode(int fd, const struct stat *old)
{
	if (old != NULL) {
		/* keep the owner where the user may (root, or the same user);
		 * the mode is set after, as fchown may clear set-id bits */
		if (fchown(fd, old->st_uid, old->st_gid) != 0) {
			/* not allowed: the file becomes the user's own */
		}
		(void)fchmod(fd, old->st_mode & 07777);
	} else {
		mode_t mask = umask(0);
		umask(mask);
		(void)fchmod(fd, 0666 & ~mask);
	}
}

/* Write to a temporary file beside `o->path`, renamed over it on commit.
 * `old` is the file replaced, NULL when there is none yet. */
static ent_status open_replacing(ent__atomic *o, const struct stat *old,
	ent_error *err)
{
	int fd, e;

	o->tmp = malloc(strlen(o->path) + 16);
	if (o->tmp == NULL) {
		return ent__error_nomem(err);
	}
	sprintf(o->tmp, "%s.tmp.XXXXXX", o->path);
	/* registered as it is made: no signal finds it unregistered */
	fd = ent__tmp_create(o->tmp, 0, &o->slot);
	e = errno;
	if (fd < 0) {
		free(o->tmp);
		o->tmp = NULL;
		return ent__error_set(err, ENT_EIO, o->name, 0, 0,
			"cannot create output file: %s", strerror(e));
	}
	copy_mode(fd, old);
	o->fp = fdopen(fd, "w");
	if (o->fp == NULL) {
		close(fd);
		return ent__error_nomem(err);
	}
	return ENT_OK;
}

ent_status ent__atomic_open(ent__atomic **out, const char *path,
	ent_error *err)
{
	ent__atomic *o;
	struct stat sb;
	ent_status st;

	if (out == NULL || path == NULL) {
		return ent__error_set(err, ENT_EINVAL, path, 0, 0,
			"ent__atomic_open: NULL argument");
	}
	*out = NULL;
	o = calloc(1, sizeof(*o));
	if (o == NULL) {
		return ent__error_nomem(err);
	}
	o->slot = -1;
	o->name = path;
	if (strcmp(path, "-") == 0) {
		o->fp = stdout;
		o->direct = 1;
		*out = o;
		return ENT_OK;
	}
	if (is_descriptor_path(path)) {
		st = open_direct(o, path, err);
	} else if ((o->path = resolve_links(path)) == NULL) {
		st = errno == ENOMEM ? ent__error_nomem(err)
			: ent__error_set(err, ENT_EIO, path, 0, 0,
				"cannot open output: %s", strerror(errno));
	} else if (stat(o->path, &sb) != 0) {
		st = open_replacing(o, NULL, err);
	} else if (S_ISREG(sb.st_mode)) {
		st = open_replacing(o, &sb, err);
	} else if (S_ISDIR(sb.st_mode)) {
		/* fails at rename with the usual message, as for any name
		 * that cannot be replaced */
		st = open_replacing(o, NULL, err);
	} else {
		st = open_direct(o, o->path, err);
	}
	if (st != ENT_OK) {
		ent__atomic_abort(o);
		return st;
	}
	*out = o;
	return ENT_OK;
}

FILE *ent__atomic_stream(ent__atomic *o)
{
	return o ? o->fp : NULL;
}

int ent__atomic_direct(const ent__atomic *o)
{
	return o ? o->direct : 0;
}

/* Finish an output written in place (standard output, a device, a FIFO). */
static ent_status commit_direct(ent__atomic *o, ent_error *err)
{
	int e = 0;

	if (fflush(o->fp) != 0 || ferror(o->fp)) {
		e = errno ? errno : EIO;
	}
	if (o->fp != stdout) {
		if (fclose(o->fp) != 0 && e == 0) {
			e = errno;
		}
		o->fp = NULL;
	}
	if (e == 0) {
		return ENT_OK;
	}
	if (o->fp == stdout) {
		return ent__error_set(err, ENT_EIO, "<stdout>", 0, 0,
			"cannot write standard output: %s", strerror(e));
	}
	return ent__error_set(err, ENT_EIO, o->name, 0, 0,
		"cannot write output: %s", strerror(e));
}

ent_status ent__atomic_commit(ent__atomic *o, ent_error *err)
{
	ent_status st = ENT_OK;
	int e = 0;

	if (o == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent__atomic_commit: NULL argument");
	}
	if (o->direct) {
		st = commit_direct(o, err);
		o->fp = NULL;
		ent__atomic_abort(o);
		return st;
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
		drop_tmp(o); /* it is the target now */
	}
	ent__atomic_abort(o);
	return st;
}

void ent__atomic_abort(ent__atomic *o)
{
	if (o == NULL) {
		return;
	}
	if (o->fp != NULL && o->fp != stdout) {
		fclose(o->fp);
	}
	if (o->tmp != NULL) {
		unlink(o->tmp);
		drop_tmp(o);
	}
	free(o->path);
	free(o);
}
