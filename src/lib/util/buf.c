/* SPDX-License-Identifier: MIT */
/*
 * Growable byte buffers and arrays, and string copies (buf.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

int ent__buf_grow(ent__buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (extra > SIZE_MAX - 1 - b->len) {
		return -1;
	}
	need = b->len + extra + 1;
	if (need <= b->cap) {
		return 0;
	}
	cap = b->cap ? b->cap : 64;
	while (cap < need) {
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	}
	p = realloc(b->data, cap);
	if (p == NULL) {
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

int ent__buf_put(ent__buf *b, const char *s, size_t n)
{
	if (ent__buf_grow(b, n) < 0) {
		return -1;
	}
	if (n > 0) {
		memcpy(b->data + b->len, s, n);
	}
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int ent__buf_puts(ent__buf *b, const char *s)
{
	return ent__buf_put(b, s, strlen(s));
}

int ent__buf_printf(ent__buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || ent__buf_grow(b, (size_t)n) < 0) {
		return -1;
	}
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void ent__buf_free(ent__buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void *ent__array_grow(void *items, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap;
	void *p;

	if (need <= n) {
		return items;
	}
	if (size == 0 || need > SIZE_MAX / size) {
		return NULL;
	}
	if (n < 16) {
		n = 16;
	}
	while (n < need) {
		/* double while the byte count fits, else take what is needed */
		n = n > SIZE_MAX / size / 2 ? need : n * 2;
	}
	p = realloc(items, n * size);
	if (p == NULL) {
		return NULL;
	}
	*cap = n;
	return p;
}

char *ent__strndup(const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX || (p = malloc(n + 1)) == NULL) {
		return NULL;
	}
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *ent__strdup(const char *s)
{
	return s ? ent__strndup(s, strlen(s)) : NULL;
}
