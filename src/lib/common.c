/* SPDX-License-Identifier: MIT */
/*
 * Errors, logging and small utilities shared by every module.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The headers' version, compiled into the library: what a program gets
 * at run time, whatever version its own headers had. */
const char *ent_version(void)
{
	return ENT_VERSION;
}

void ent_free(void *ptr)
{
	free(ptr);
}

const char *ent_strerror(ent_status status)
{
	switch (status) {
	case ENT_OK: return "success";
	case ENT_ERROR: return "failure";
	case ENT_ENOMEM: return "out of memory";
	case ENT_EINVAL: return "invalid argument";
	case ENT_EIO: return "input/output error";
	case ENT_EPARSE: return "malformed input";
	case ENT_ENOTFOUND: return "not found";
	case ENT_EMETRIC: return "metric computation failed";
	case ENT_ERENDER: return "rendering failed";
	case ENT_ELIMIT: return "limit exceeded";
	}
	return "unknown status";
}

void ent_error_clear(ent_error *err)
{
	if (err == NULL) {
		return;
	}
	memset(err, 0, sizeof(*err));
}

int ent_error_format(const ent_error *err, char *buf, size_t size)
{
	const char *msg;

	if (err == NULL) {
		return snprintf(buf, size, "%s", "unknown error");
	}
	msg = err->message[0] ? err->message : ent_strerror(err->code);
	if (err->source != NULL && err->line > 0 && err->column > 0) {
		return snprintf(buf, size, "%s:%ld:%ld: %s", err->source,
			err->line, err->column, msg);
	}
	if (err->source != NULL && err->line > 0) {
		return snprintf(buf, size, "%s:%ld: %s", err->source, err->line,
			msg);
	}
	if (err->source != NULL) {
		return snprintf(buf, size, "%s: %s", err->source, msg);
	}
	return snprintf(buf, size, "%s", msg);
}

/*
 * Messages quote values from the input. They must stay one line of valid
 * UTF-8 that is safe to print on a terminal: line breaks and tabs become
 * spaces, other control characters (an ESC would start a terminal escape
 * sequence) and every byte that is not part of a well-formed UTF-8
 * sequence (also one cut by truncation) become '?'. In place: each byte is
 * replaced by one byte.
 */
size_t ent__utf8_seq(const unsigned char *s, size_t avail)
{
	size_t n, k;
	uint32_t cp;

	if (avail == 0) {
		return 0;
	}
	if (s[0] < 0x80) {
		return 1;
	} else if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 1;
		cp = s[0] & 0x1Fu;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 2;
		cp = s[0] & 0x0Fu;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 3;
		cp = s[0] & 0x07u;
	} else {
		return 0;
	}
	if (avail <= n) {
		return 0;
	}
	for (k = 1; k <= n; k++) {
		if ((s[k] & 0xC0) != 0x80) {
			return 0;
		}
		cp = cp << 6 | (s[k] & 0x3Fu);
	}
	if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) ||
		(n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
		(cp >= 0xD800 && cp <= 0xDFFF)) {
		return 0;
	}
	return n + 1;
}

size_t ent__utf8_check(const char *buf, size_t len)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t i = 0, n;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
		} else if ((n = ent__utf8_seq(s + i, len - i)) != 0) {
			i += n;
		} else {
			return i;
		}
	}
	return len;
}

static void clean_message(char *msg)
{
	unsigned char *s = (unsigned char *)msg;
	size_t i = 0, n, len = strlen(msg);

	while (i < len) {
		unsigned char c = s[i];

		if (c == '\n' || c == '\r' || c == '\t') {
			s[i++] = ' ';
		} else if (c < 0x20 || c == 0x7F) {
			s[i++] = '?';
		} else if ((n = ent__utf8_seq(s + i, len - i)) == 0) {
			s[i++] = '?';
		} else {
			i += n;
		}
	}
}

ent_status ent__error_set(ent_error *err, ent_status code, const char *source,
	long line, long column, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL) {
		return code;
	}
	err->code = code;
	err->source = source;
	err->line = line;
	err->column = column;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	clean_message(err->message);
	return code;
}

ent_status ent__error_nomem(ent_error *err)
{
	return ent__error_set(err, ENT_ENOMEM, NULL, 0, 0, "out of memory");
}

void ent__offset_to_position(const char *buf, size_t len, size_t offset,
	long *line, long *column)
{
	long l = 1, c = 1;
	size_t i;

	if (offset > len) {
		offset = len;
	}
	for (i = 0; i < offset; i++) {
		unsigned char ch = (unsigned char)buf[i];
		if (ch == '\n') {
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80) {
			/* count characters, not UTF-8 continuation bytes */
			c++;
		}
	}
	*line = l;
	*column = c;
}

static ent_log_fn log_fn;
static void *log_payload;

void ent_set_log_handler(ent_log_fn fn, void *payload)
{
	log_fn = fn;
	log_payload = payload;
}

void ent__log(ent_log_level level, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (log_fn == NULL) {
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	log_fn(level, msg, log_payload);
}

char *ent__strndup(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p == NULL) {
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

int ent__buf_grow(ent__buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	size_t cap;
	char *p;

	if (need <= b->cap) {
		return 0;
	}
	cap = b->cap ? b->cap : 64;
	while (cap < need) {
		cap *= 2;
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
	memcpy(b->data + b->len, s, n);
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

uint64_t ent__fnv(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

int64_t ent__to_milli(double v)
{
	return (int64_t)llround(v * 1000.0);
}
