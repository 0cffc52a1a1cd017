/* SPDX-License-Identifier: MIT */
/*
 * Growable byte buffers and arrays, and string copies.
 */
#ifndef ENT_UTIL_BUF_H
#define ENT_UTIL_BUF_H

#include <string.h>

#include "util/base.h"

/* A growable byte buffer, always NUL-terminated once anything was added.
 * A zeroed one is empty and ready. The ent__buf_* functions return 0, or
 * -1 when memory runs out (the buffer is then unchanged). */
typedef struct ent__buf {
	char *data;
	size_t len;
	size_t cap;
} ent__buf;

/* Room for `extra` more bytes and a NUL. */
int ent__buf_grow(ent__buf *b, size_t extra);
int ent__buf_put(ent__buf *b, const char *s, size_t n);
int ent__buf_puts(ent__buf *b, const char *s);
int ent__buf_printf(ent__buf *b, const char *fmt, ...) ENT__PRINTF(2, 3);
void ent__buf_free(ent__buf *b);

/* ent__buf_put and _puts with the common case inline (the room is there):
 * for writers that put many small pieces (some twenty per event in the
 * events writer, where the calls were a tenth of `entente extract`). */
static inline int ent__buf_add(ent__buf *b, const char *s, size_t n)
{
	if (b->cap - b->len <= n) {
		return ent__buf_put(b, s, n);
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

static inline int ent__buf_adds(ent__buf *b, const char *s)
{
	return ent__buf_add(b, s, strlen(s));
}

/*
 * Grow an array of `size`-byte items to hold at least `need` of them:
 * the capacity doubles (from 16), so n appends cost O(n). Returns the
 * array (moved perhaps) with `*cap` updated, or NULL when memory runs out
 * or the size overflows; the old array is then still valid and `*cap`
 * unchanged. The usual call:
 *
 *     item *p = ent__array_grow(a->items, &a->cap, a->len + 1, sizeof(*p));
 *     if (p == NULL) return ENT_ENOMEM;
 *     a->items = p;
 */
void *ent__array_grow(void *items, size_t *cap, size_t need, size_t size);

char *ent__strdup(const char *s);
char *ent__strndup(const char *s, size_t n);

#endif
