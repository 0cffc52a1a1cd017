/* SPDX-License-Identifier: MIT */
/*
 * LD_PRELOAD shim for tests/hostile/oom.py: malloc() of more than
 * ENTENTE_FAIL_MALLOC_ABOVE bytes fails with ENOMEM, as it does when
 * memory runs out; smaller ones (and realloc, calloc) go to glibc. It lets
 * a test run out of memory at one chosen allocation, the same on every
 * machine, which a limit on the address space cannot.
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>

void *__libc_malloc(size_t n);

void *malloc(size_t n)
{
	static size_t limit;
	static int ready;

	if (!ready) {
		/* getenv and strtoull do not allocate */
		const char *s = getenv("ENTENTE_FAIL_MALLOC_ABOVE");
		limit = s ? (size_t)strtoull(s, NULL, 10) : (size_t)-1;
		ready = 1;
	}
	if (n > limit) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_malloc(n);
}
