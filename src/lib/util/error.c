/* SPDX-License-Identifier: MIT */
/*
 * Error records (error.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/error.h"
#include "util/utf8.h"

/*
 * Messages quote values from the input. They must stay one line of valid
 * UTF-8 that is safe to print on a terminal: line breaks and tabs become
 * spaces, other control characters (an ESC would start a terminal escape
 * sequence) and every byte that is not part of a well-formed UTF-8
 * sequence (also one cut by truncation) become '?'. In place: each byte is
 * replaced by one byte.
 */
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
