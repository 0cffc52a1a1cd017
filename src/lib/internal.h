/* SPDX-License-Identifier: MIT */
/*
 * Private helpers shared by the modules of libentente. Never installed.
 */
#ifndef ENT_INTERNAL_H
#define ENT_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <entente/entente.h>

#if defined(__GNUC__)
#define ENT__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define ENT__PRINTF(f, a)
#endif

/* Fill `err` (may be NULL) and return `code`. Position 0 means unknown. */
ent_status ent__error_set(ent_error *err, ent_status code, const char *source,
	long line, long column, const char *fmt, ...) ENT__PRINTF(6, 7);
/* Same, for "out of memory". */
ent_status ent__error_nomem(ent_error *err);
/* Turn a byte offset into a 1-based line and column (column counts UTF-8
 * characters, so it matches what an editor shows). */
void ent__offset_to_position(const char *buf, size_t len, size_t offset,
	long *line, long *column);

/* Length of the well-formed UTF-8 sequence at s[0..avail) (RFC 3629: no
 * overlong forms, no UTF-16 surrogates, nothing above U+10FFFF), or 0. */
size_t ent__utf8_seq(const unsigned char *s, size_t avail);
/* Offset of the first byte of buf[0..len) that is not well-formed UTF-8,
 * or len when all of it is. */
size_t ent__utf8_check(const char *buf, size_t len);

/* Send a message to the installed log handler, if any. */
void ent__log(ent_log_level level, const char *fmt, ...) ENT__PRINTF(2, 3);

char *ent__strdup(const char *s);
char *ent__strndup(const char *s, size_t n);

/* A growable byte buffer, always NUL-terminated once anything was added. */
typedef struct ent__buf {
	char *data;
	size_t len;
	size_t cap;
} ent__buf;

int ent__buf_grow(ent__buf *b, size_t extra);
int ent__buf_put(ent__buf *b, const char *s, size_t n);
int ent__buf_puts(ent__buf *b, const char *s);
int ent__buf_printf(ent__buf *b, const char *fmt, ...) ENT__PRINTF(2, 3);
void ent__buf_free(ent__buf *b);

/* FNV-1a over bytes, continuing from `h` (start with ENT__FNV_INIT). */
#define ENT__FNV_INIT 1469598103934665603ULL
uint64_t ent__fnv(uint64_t h, const void *data, size_t len);

/* A packed date from its parts, 0 when no such day (year 1..9999). */
ent_date ent__date_make(long y, long m, long d);
/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil), and back: for ISO weeks and date distances. */
long ent__days_from_civil(int y, int m, int d);
void ent__civil_from_days(long z, int *y, int *m, int *d);

/* Goldstein points are summed exactly as integer thousandths. */
int64_t ent__to_milli(double v);

/* Lexicon tables embedded at build time (generated lexicon_data.c). */
typedef struct ent__lexicon_file {
	const char *name;       /* file name, "cameo.tsv" */
	const unsigned char *data;
	size_t len;
} ent__lexicon_file;
/* The embedded file with this name, or NULL. */
const ent__lexicon_file *ent__lexicon_find(const char *name);

/* The group table parsed (names.c); ENT_OK or its error. */
ent_status ent__groups_check(ent_error *err);
/* 1 when `state` was a member of `g` on some day of [from, to] (packed
 * full dates); from = 0: a member today. */
int ent__group_has_during(const ent_group *g, const char *state,
	ent_date from, ent_date to);
/* 1 when the actor code `actor` is what the resolved name stands for: the
 * code itself, an actor of the state, or a state that was a member of the
 * group on some day between the dates `from` and `to` (packed, a month or
 * a year covers all of it; `to` 0 = `from`; `from` 0 = undated: today's
 * members). */
int ent__actor_name_match(const ent_actor_name *n, const char *actor,
	ent_date from, ent_date to);
/* ent_filter_match with the filter's actor names already resolved into
 * `names` (n_actors of them), or resolved on the way when NULL. */
int ent__filter_match(const ent_filter *f, const ent_actor_name *names,
	const ent_event *ev);

#endif
