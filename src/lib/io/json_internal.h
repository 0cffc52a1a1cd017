/* SPDX-License-Identifier: MIT */
/*
 * Private interface of the events JSON modules: the scanner that locates
 * the values of a document as its bytes stream past (json_locate.c), the
 * reader that parses them into events (json_read.c) and the checks of one
 * event's members (json_event.c). The writer is json_write.c.
 */
#ifndef ENT_IO_JSON_INTERNAL_H
#define ENT_IO_JSON_INTERNAL_H

#include <cjson/cJSON.h>

#include "io/io_internal.h"

/* -- locating ------------------------------------------------------------ */

/*
 * The scanner reads a JSON document (or JSON Lines) from a byte source in
 * a window that holds at most one value at a time, and hands the reader
 * one whole value -- an event, or another member of the document -- as a
 * piece of contiguous bytes. Memory is the largest piece, not the input.
 *
 * On the way it checks what cJSON does not: every byte is well-formed
 * UTF-8, brackets nest at most ENT_JSON_MAX_DEPTH deep, no string holds
 * the escape \u0000 (cJSON would end its C string there), and no value is
 * larger than ENT_JSON_MAX_EVENT_BYTES. Lines and columns are counted as
 * an editor shows them (columns in characters, after a byte-order mark).
 */
typedef struct ent__jscan ent__jscan;

/* A whole value (or a line of JSON Lines): its bytes, valid until the
 * next call that moves the scanner, and where it starts. A value that the
 * end of the input cuts off is `cut` (its bytes run to the end); one that
 * outgrows ENT_JSON_MAX_EVENT_BYTES is `over` (its first bytes): the
 * reader tells truncated, malformed and too large apart with cJSON. */
typedef struct ent__jpiece {
	const char *data;
	size_t len;
	long line, column;
	int cut, over;
} ent__jpiece;

/* Start a scanner on `src`; `head` (len bytes, the last read from it)
 * comes first. A byte-order mark at the start is skipped. */
ent_status ent__jscan_open(ent__jscan **out, ent__source *src,
	const char *head, size_t len, const char *path, ent_error *err);
void ent__jscan_close(ent__jscan *sc);

/* Skip white space; `*c` is the next byte, or -1 at the end of the input.
 * A byte that does not start a UTF-8 character is an error. */
ent_status ent__jscan_peek(ent__jscan *sc, int *c, ent_error *err);
/* Consume the byte ent__jscan_peek gave. */
void ent__jscan_skip(ent__jscan *sc);

/* The value at the cursor, whole: brackets matched, strings closed, the
 * checks above; `depth` is the nesting of the place it stands in. A piece
 * may be empty (a byte that starts no value), which cJSON then refuses.
 * At the end of the input it is "truncated JSON". */
ent_status ent__jscan_value(ent__jscan *sc, int depth, ent__jpiece *out,
	ent_error *err);
/* JSON Lines: the next line that is not blank, without its end of line;
 * `*at_end` when there is none. */
ent_status ent__jscan_line(ent__jscan *sc, ent__jpiece *out, int *at_end,
	ent_error *err);

/* The position of byte `off` of piece `p`. */
void ent__jscan_where(ent__jscan *sc, const ent__jpiece *p, size_t off,
	long *line, long *column);
/* The position of the cursor. */
void ent__jscan_here(ent__jscan *sc, long *line, long *column);
/* 1 when nothing but white space follows the current piece up to the end
 * of the input (the piece stays valid). */
ent_status ent__jscan_rest_is_space(ent__jscan *sc, int *yes,
	ent_error *err);
/* Fail with "truncated JSON: <what>" just past the last byte of content
 * read so far. */
ent_status ent__jscan_truncated(ent__jscan *sc, const char *what,
	ent_error *err);

/* -- reading one event ------------------------------------------------- */

/* How many members the events format defines. */
#define ENT__JSON_N_KNOWN 21

/* Where an event's text lies, for errors about its members, and its
 * known members (filled by ent__json_event). */
typedef struct ent__jevent_ctx {
	ent__jscan *sc;
	const ent__jpiece *piece; /* the event's bytes */
	const char *source;       /* the input's name, for errors */
	ent_error *err;
	const cJSON *member[ENT__JSON_N_KNOWN];
	int unknown;              /* it has members the format does not */
} ent__jevent_ctx;

/*
 * Check one parsed event and fill `ev` (its strings point into `obj`).
 * Unknown members are serialized into `*extra_out` (cJSON_free it), or
 * NULL. Errors name the member and its position.
 */
ent_status ent__json_event(ent__jevent_ctx *c, const cJSON *obj,
	ent_event *ev, char **extra_out);
/* An error about member `key` (NULL: the event itself) of the event. */
ent_status ent__json_event_error(ent__jevent_ctx *c, const char *key,
	const char *fmt, const char *detail);
/* 1 when `key` is a member the events format defines. */
int ent__json_known_member(const char *key);
/* The names of the flags, in bit order, NULL-terminated. */
extern const char *const ent__json_flag_names[];

/*
 * cJSON's allocations go through the library's hooks (installed once):
 * a parse that fails because memory ran out is then told apart from
 * malformed JSON. ent__json_oom() says whether an allocation failed on
 * this thread since the last call, and clears the mark.
 */
void ent__json_hooks(void);
int ent__json_oom(void);

#endif
