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

#include "util/atomic.h"
#include "util/base.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/file.h"
#include "util/json.h"
#include "util/tmpfiles.h"
#include "util/utf8.h"

/* Send a message to the installed log handler, if any. */
void ent__log(ent_log_level level, const char *fmt, ...) ENT__PRINTF(2, 3);

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
