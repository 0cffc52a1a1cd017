/* SPDX-License-Identifier: MIT */
/**
 * @file error.h
 * @brief Status codes, the caller-owned error record and the log hook.
 *
 * Every fallible function returns an ::ent_status and takes a nullable
 * ::ent_error as its last parameter. The library never prints and never
 * exits; details go into the error record, chatter into the log handler.
 */
#ifndef ENT_ERROR_H
#define ENT_ERROR_H

#include <entente/common.h>

ENT_BEGIN_DECLS

/** Status codes: 0 is success, failures are negative. */
typedef enum ent_status {
	ENT_OK = 0,            /**< success */
	ENT_ERROR = -1,        /**< generic failure */
	ENT_ENOMEM = -2,       /**< out of memory */
	ENT_EINVAL = -3,       /**< invalid argument (a caller bug) */
	ENT_EIO = -4,          /**< reading or writing a file failed */
	ENT_EPARSE = -5,       /**< the input is malformed */
	ENT_ENOTFOUND = -6,    /**< a looked-up item does not exist */
	ENT_EMETRIC = -7,      /**< a metric could not be computed */
	ENT_ERENDER = -8,      /**< Graphviz failed to lay out or render */
	ENT_ELIMIT = -9        /**< the input exceeds a documented limit */
} ent_status;

/** Size of ent_error::message, including the NUL. */
#define ENT_ERROR_SIZE 256

/**
 * Details of a failure, owned by the caller.
 *
 * `source` is borrowed: it points at the input name the caller passed in
 * (a path, or "-" / "<stdin>"), or is NULL. `line` and `column` are 1-based
 * and 0 when unknown.
 */
typedef struct ent_error {
	ent_status code;
	char message[ENT_ERROR_SIZE];
	const char *source;
	long line;
	long column;
} ent_error;

/** A static, human-readable name of a status. Never NULL. */
ENT_API const char *ent_strerror(ent_status status);

/** Reset an error record to "no error". Accepts NULL. */
ENT_API void ent_error_clear(ent_error *err);

/**
 * Format an error as one line: "source:line:column: message" (parts that
 * are unknown are left out). Like snprintf, returns the length the full
 * line needs.
 */
ENT_API int ent_error_format(const ent_error *err, char *buf, size_t size);

/** Log levels passed to the log handler. */
typedef enum ent_log_level {
	ENT_LOG_ERROR = 1,
	ENT_LOG_WARNING = 2,
	ENT_LOG_INFO = 3,
	ENT_LOG_DEBUG = 4
} ent_log_level;

/** Log callback: one message, no trailing newline. */
typedef void (*ent_log_fn)(ent_log_level level, const char *message,
	void *payload);

/**
 * Install the process-wide log handler (NULL to drop messages, the
 * default). Warnings from igraph and Graphviz are routed here too.
 * Not thread-safe: call before using the library.
 */
ENT_API void ent_set_log_handler(ent_log_fn fn, void *payload);

ENT_END_DECLS

#endif
