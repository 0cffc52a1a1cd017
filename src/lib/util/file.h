/* SPDX-License-Identifier: MIT */
/*
 * Reading a file whole, with a limit.
 */
#ifndef ENT_UTIL_FILE_H
#define ENT_UTIL_FILE_H

#include <entente/error.h>

#include "util/base.h"

/*
 * Read `path` ("-" = standard input) whole into a malloc'd buffer,
 * NUL-terminated, as it is (no decompression). More than `limit` bytes
 * (0 = no limit) is ENT_ELIMIT as soon as the limit + 1st byte arrives,
 * so an endless input cannot fill memory. A folder is ENT_EIO. On failure
 * `*out` is NULL.
 */
ent_status ent__file_read(char **out, size_t *len_out, const char *path,
	size_t limit, ent_error *err);

#endif
