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
