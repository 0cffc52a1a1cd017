/* SPDX-License-Identifier: MIT */
/*
 * Test shim (LD_PRELOAD) for shrinking_input.py: cuts a file short right
 * after the library maps its second window, so the SIGBUS of a file cut
 * while it is read happens every time, not only when the timing falls
 * right. The file is named by ENTENTE_TEST_CUT; mappings of anything else
 * pass through untouched.
 */
/* mmap and mmap64 are both defined here: keep the header from renaming
 * one to the other */
#undef _FILE_OFFSET_BITS
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

typedef void *(*mmap_fn)(void *, size_t, int, int, int, off_t);

/* Called after each mapping made through mmap or mmap64. */
static void after_map(void *p, int fd)
{
	static int windows;
	const char *path = getenv("ENTENTE_TEST_CUT");
	struct stat a, b;

	if (p != MAP_FAILED && path != NULL && fd >= 0 &&
		fstat(fd, &a) == 0 && stat(path, &b) == 0 &&
		a.st_dev == b.st_dev && a.st_ino == b.st_ino &&
		++windows == 2) {
		/* keep the first page: the cut lands inside this window */
		if (truncate(path, 4096) != 0) {
			abort();
		}
	}
}

/* The real `name` (mmap or mmap64), then the cut. */
static void *map_then_cut(const char *name, void *addr, size_t len, int prot,
	int flags, int fd, off_t off)
{
	mmap_fn real;
	void *p;

	*(void **)&real = dlsym(RTLD_NEXT, name);
	p = real(addr, len, prot, flags, fd, off);
	after_map(p, fd);
	return p;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return map_then_cut("mmap", addr, len, prot, flags, fd, off);
}

/* The name the library calls with 64-bit file offsets. */
void *mmap64(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return map_then_cut("mmap64", addr, len, prot, flags, fd, off);
}
