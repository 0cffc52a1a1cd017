/* SPDX-License-Identifier: MIT */
/*
 * The report folder, written as a whole (report.h): every file goes into
 * a sibling temporary folder, DIR.tmp.XXXXXX, which is swapped in for DIR
 * only when all of them were written. The swap is one rename: a new DIR is
 * renamed into place without replacing anything (RENAME_NOREPLACE), an
 * existing one is exchanged with it atomically (RENAME_EXCHANGE) and the
 * old files are then removed. Two reports into one folder each swap in a
 * whole folder, so the last one wins and their files never mix.
 *
 * The temporary folder is in the registry of temporary paths (tmpfiles.h),
 * so SIGINT, SIGTERM or SIGHUP half-way through removes it with what it
 * holds.
 */
#define _GNU_SOURCE /* renameat2 and RENAME_* (glibc 2.28) */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

#define MAX_FILES 4096

struct ent_report_folder {
	const char *name; /* the caller's path, borrowed, for messages */
	char *dir;        /* the target folder */
	char *tmp;        /* the folder being written, or NULL */
	int tmp_slot;     /* its slot in the registry of temporaries, or -1 */
	char *made;       /* the outermost parent we created, or NULL */
	FILE *files[MAX_FILES];
	char *paths[MAX_FILES];
	size_t n_files;
};

/* File names a report writes: an existing folder holding only these can
 * be replaced as a whole. Anything else in it is the user's, and the
 * report refuses to replace the folder rather than lose it. */
static const char *const exact_names[] = {
	"events.json",
	"report.md",
	"report.json",
	"report.html",
	"periods.csv",
	"trends.csv",
};
static const char *const prefixes[] = {"graph", "trend", "actors"};
static const char *const suffixes[] = {".svg", ".dot", ".png", ".pdf"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Make `path` (owned, or NULL) the temporary folder, registered for
 * removal on a signal, in place of the one before, forgotten (a signal
 * handler removing it keeps it: the process is dying). */
static void set_tmp(ent_report_folder *f, char *path)
{
	if (ent__tmp_unregister(f->tmp_slot)) {
		free(f->tmp);
	}
	f->tmp = path;
	f->tmp_slot = path ? ent__tmp_register(path, 1) : -1;
}

/* Create a folder from the mkdtemp template `path` (owned) and make it the
 * temporary one, the signals that remove temporaries blocked in between;
 * the errno of a failure, the template then freed. */
static int make_tmp(ent_report_folder *f, char *path)
{
	sigset_t mask;
	int e = 0;

	ent__tmp_block(&mask);
	if (mkdtemp(path) == NULL) {
		e = errno;
		free(path);
	} else {
		set_tmp(f, path);
	}
	ent__tmp_unblock(&mask);
	return e;
}

int ent_report_file_name(const char *name)
{
	size_t i, j, n;

	if (name == NULL || name[0] == '\0' || name[0] == '.' ||
		strchr(name, '/') != NULL) {
		return 0;
	}
	for (i = 0; i < COUNT(exact_names); i++) {
		if (strcmp(name, exact_names[i]) == 0) {
			return 1;
		}
	}
	n = strlen(name);
	for (i = 0; i < COUNT(prefixes); i++) {
		size_t p = strlen(prefixes[i]);
		if (strncmp(name, prefixes[i], p) != 0) {
			continue;
		}
		for (j = 0; j < COUNT(suffixes); j++) {
			size_t s = strlen(suffixes[j]);
			if (n >= p + s &&
				strcmp(name + n - s, suffixes[j]) == 0) {
				return 1;
			}
		}
	}
	return 0;
}

/* Check that an existing folder holds only report files (regular files
 * with report names). ENT_OK when it does or does not exist. */
static ent_status check_replaceable(const ent_report_folder *f, ent_error *err)
{
	struct dirent *de;
	struct stat sb;
	DIR *d;
	int fd;

	if (lstat(f->dir, &sb) != 0) {
		if (errno == ENOENT) {
			return ENT_OK;
		}
		return ent__error_set(err, ENT_EIO, f->name, 0, 0,
			"cannot look at the folder: %s", strerror(errno));
	}
	if (!S_ISDIR(sb.st_mode)) {
		return ent__error_set(err, ENT_EIO, f->name, 0, 0,
			"exists and is not a folder; nothing was written");
	}
	d = opendir(f->dir);
	if (d == NULL) {
		return ent__error_set(err, ENT_EIO, f->name, 0, 0,
			"cannot read the folder: %s", strerror(errno));
	}
	fd = dirfd(d);
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
			strcmp(de->d_name, "..") == 0) {
			continue;
		}
		if (!ent_report_file_name(de->d_name) ||
			fstatat(fd, de->d_name, &sb, AT_SYMLINK_NOFOLLOW) !=
				0 ||
			!S_ISREG(sb.st_mode)) {
			ent_status st = ent__error_set(err, ENT_EIO, f->name, 0,
				0,
				"holds \"%.64s\", which a report does not "
				"write; nothing was changed (write the "
				"report to a new or empty folder)",
				de->d_name);
			closedir(d);
			return st;
		}
	}
	closedir(d);
	return ENT_OK;
}

/* Remove a folder of plain files (one of ours). 0 or -1. */
static int remove_folder(const char *path)
{
	struct dirent *de;
	DIR *d = opendir(path);
	int rc = 0;

	if (d == NULL) {
		return errno == ENOENT ? 0 : -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") != 0 &&
			strcmp(de->d_name, "..") != 0 &&
			unlinkat(dirfd(d), de->d_name, 0) != 0) {
			rc = -1;
		}
	}
	closedir(d);
	return rmdir(path) == 0 ? rc : -1;
}

/* Create the missing parents of `dir` (mkdir -p of its folder), and
 * remember the outermost one created so a failure can take it back. */
static ent_status make_parents(ent_report_folder *f, ent_error *err)
{
	char *path = ent__strdup(f->dir);
	char *p;
	int e = 0;

	if (path == NULL) {
		return ent__error_nomem(err);
	}
	for (p = path + 1; *p; p++) {
		if (*p != '/') {
			continue;
		}
		*p = '\0';
		if (mkdir(path, 0777) == 0) {
			if (f->made == NULL &&
				(f->made = ent__strdup(path)) == NULL) {
				e = ENOMEM;
			}
		} else if (errno != EEXIST) {
			e = errno;
		}
		*p = '/';
		if (e != 0) {
			break;
		}
	}
	free(path);
	if (e == ENOMEM) {
		return ent__error_nomem(err);
	}
	if (e != 0) {
		return ent__error_set(err, ENT_EIO, f->name, 0, 0,
			"cannot create the folder: %s", strerror(e));
	}
	return ENT_OK;
}

/* Remove the parents make_parents created (empty, deepest first). */
static void unmake_parents(ent_report_folder *f)
{
	char *path;
	size_t keep;

	if (f->made == NULL) {
		return;
	}
	path = ent__strdup(f->dir);
	keep = strlen(f->made);
	while (path != NULL && strlen(path) > keep) {
		char *slash = strrchr(path, '/');
		if (slash == NULL) {
			break;
		}
		*slash = '\0';
		if (strlen(path) >= keep) {
			(void)rmdir(path);
		}
	}
	free(path);
	free(f->made);
	f->made = NULL;
}

ent_status ent_report_folder_open(
	ent_report_folder **out, const char *dir, ent_error *err)
{
	ent_report_folder *f = NULL;
	struct stat sb;
	size_t len;
	ent_status st;

	if (out == NULL || dir == NULL || dir[0] == '\0') {
		return ent__error_set(err, ENT_EINVAL, dir, 0, 0,
			"ent_report_folder_open: no folder given");
	}
	*out = NULL;
	f = calloc(1, sizeof(*f));
	if (f == NULL) {
		return ent__error_nomem(err);
	}
	f->name = dir;
	f->tmp_slot = -1;
	/* the folder itself, without trailing slashes; "." or ".." as the
	 * last part is resolved, since they cannot be renamed */
	len = strlen(dir);
	while (len > 1 && dir[len - 1] == '/') {
		len--;
	}
	f->dir = ent__strndup(dir, len);
	if (f->dir == NULL) {
		st = ent__error_nomem(err);
		goto fail;
	}
	{
		const char *base = strrchr(f->dir, '/');
		base = base ? base + 1 : f->dir;
		if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0 ||
			strcmp(f->dir, "/") == 0) {
			char *real = realpath(f->dir, NULL);
			if (real == NULL || strcmp(real, "/") == 0) {
				free(real);
				st = ent__error_set(err, ENT_EIO, dir, 0, 0,
					"cannot write a report folder here");
				goto fail;
			}
			free(f->dir);
			f->dir = real;
		}
	}
	if ((st = check_replaceable(f, err)) != ENT_OK ||
		(st = make_parents(f, err)) != ENT_OK) {
		goto fail;
	}
	{
		char *tmp = malloc(strlen(f->dir) + 16);
		int e;
		if (tmp == NULL) {
			st = ent__error_nomem(err);
			goto fail;
		}
		sprintf(tmp, "%s.tmp.XXXXXX", f->dir);
		if ((e = make_tmp(f, tmp)) != 0) {
			st = ent__error_set(err, ENT_EIO, dir, 0, 0,
				"cannot create the folder: %s", strerror(e));
			goto fail;
		}
	}
	/* mkdtemp makes it 0700: the usual permissions, or those of the
	 * folder it replaces */
	if (stat(f->dir, &sb) == 0) {
		(void)chmod(f->tmp, sb.st_mode & 07777);
	} else {
		mode_t mask = umask(0);
		umask(mask);
		(void)chmod(f->tmp, 0777 & ~mask);
	}
	*out = f;
	return ENT_OK;
fail:
	ent_report_folder_abort(f);
	return st;
}

ent_status ent_report_folder_file(
	FILE **out, ent_report_folder *f, const char *name, ent_error *err)
{
	char *path;
	FILE *fp;

	if (out == NULL || f == NULL || f->tmp == NULL ||
		!ent_report_file_name(name)) {
		return ent__error_set(err, ENT_EINVAL, name, 0, 0,
			"ent_report_folder_file: not a report file name");
	}
	*out = NULL;
	if (f->n_files == MAX_FILES) {
		return ent__error_set(err, ENT_ELIMIT, f->name, 0, 0,
			"more than %d files in one report", MAX_FILES);
	}
	path = malloc(strlen(f->tmp) + strlen(name) + 2);
	if (path == NULL) {
		return ent__error_nomem(err);
	}
	sprintf(path, "%s/%s", f->tmp, name);
	fp = fopen(path, "wbx");
	if (fp == NULL) {
		int e = errno;
		free(path);
		return ent__error_set(err, ENT_EIO, f->name, 0, 0,
			"cannot create %s: %s", name, strerror(e));
	}
	f->files[f->n_files] = fp;
	f->paths[f->n_files++] = path;
	*out = fp;
	return ENT_OK;
}

/* Flush, sync and close every file; the first failure names its file. */
static ent_status close_files(ent_report_folder *f, ent_error *err)
{
	ent_status st = ENT_OK;
	size_t i;

	for (i = 0; i < f->n_files; i++) {
		FILE *fp = f->files[i];
		int e = 0;
		if (fp == NULL) {
			continue;
		}
		if (fflush(fp) != 0 || ferror(fp)) {
			e = errno ? errno : EIO;
		} else if (fsync(fileno(fp)) != 0) {
			e = errno;
		}
		if (fclose(fp) != 0 && e == 0) {
			e = errno;
		}
		f->files[i] = NULL;
		if (e != 0 && st == ENT_OK) {
			const char *base = strrchr(f->paths[i], '/') + 1;
			st = ent__error_set(err, ENT_EIO, f->name, 0, 0,
				"cannot write %s: %s", base, strerror(e));
		}
	}
	return st;
}

/* Put the written folder in place of f->dir. On success f->tmp names the
 * old folder (to remove), or is freed when there was none. */
static ent_status swap_in(ent_report_folder *f, ent_error *err)
{
	int tries;

	for (tries = 0; tries < 8; tries++) {
		if (renameat2(AT_FDCWD, f->tmp, AT_FDCWD, f->dir,
			    RENAME_NOREPLACE) == 0) {
			set_tmp(f, NULL);
			return ENT_OK;
		}
		if (errno != EEXIST && errno != ENOTEMPTY) {
			break;
		}
		if (check_replaceable(f, err) != ENT_OK) {
			return err ? err->code : ENT_EIO;
		}
		if (renameat2(AT_FDCWD, f->tmp, AT_FDCWD, f->dir,
			    RENAME_EXCHANGE) == 0) {
			return ENT_OK; /* f->tmp now holds the old files */
		}
		if (errno != ENOENT) {
			break; /* ENOENT: the folder went away meanwhile */
		}
	}
	if (errno == EINVAL || errno == ENOSYS) {
		/* a file system without renameat2's flags: move the old
		 * folder aside, then rename; not atomic, but never mixed */
		char *old = malloc(strlen(f->dir) + 16);
		if (old == NULL) {
			return ent__error_nomem(err);
		}
		sprintf(old, "%s.old.XXXXXX", f->dir);
		if (mkdtemp(old) != NULL && rename(f->dir, old) == 0 &&
			rename(f->tmp, f->dir) == 0) {
			set_tmp(f, old);
			return ENT_OK;
		}
		(void)rmdir(old);
		free(old);
	}
	return ent__error_set(err, ENT_EIO, f->name, 0, 0,
		"cannot put the report in place: %s", strerror(errno));
}

ent_status ent_report_folder_commit(ent_report_folder *f, ent_error *err)
{
	ent_status st;
	char *parent;
	int fd;

	if (f == NULL || f->tmp == NULL) {
		ent_report_folder_abort(f);
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_report_folder_commit: no folder");
	}
	if ((st = close_files(f, err)) != ENT_OK ||
		(st = swap_in(f, err)) != ENT_OK) {
		ent_report_folder_abort(f);
		return st;
	}
	/* the swap is done: nothing to take back */
	free(f->made);
	f->made = NULL;
	if (f->tmp != NULL && remove_folder(f->tmp) != 0) {
		ent__log(ENT_LOG_WARNING,
			"%s: the earlier report was replaced, but its old "
			"files could not all be removed from %s",
			f->name, f->tmp);
	}
	set_tmp(f, NULL);
	/* make the rename durable */
	parent = ent__strdup(f->dir);
	if (parent != NULL) {
		char *slash = strrchr(parent, '/');
		if (slash != NULL) {
			*(slash == parent ? slash + 1 : slash) = '\0';
		}
		fd = open(slash ? parent : ".", O_RDONLY | O_DIRECTORY);
		if (fd >= 0) {
			(void)fsync(fd);
			close(fd);
		}
		free(parent);
	}
	ent_report_folder_abort(f);
	return ENT_OK;
}

void ent_report_folder_abort(ent_report_folder *f)
{
	size_t i;

	if (f == NULL) {
		return;
	}
	for (i = 0; i < f->n_files; i++) {
		if (f->files[i] != NULL) {
			fclose(f->files[i]);
		}
		free(f->paths[i]);
	}
	if (f->tmp != NULL) {
		(void)remove_folder(f->tmp);
		set_tmp(f, NULL);
	}
	unmake_parents(f);
	free(f->dir);
	free(f);
}
