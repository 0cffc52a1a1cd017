/* SPDX-License-Identifier: MIT */
/*
 * The dataset: events from every input, filtered, reduced to the chosen
 * actor level and aggregated into dyads (overall and per period). Memory
 * grows with actors and dyads, not with events, unless keep_events is set.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct period {
	ent_date start;
	ent_dyads *dyads;
} period;

struct ent_dataset {
	ent_dataset_options opts;
	ent_dataset_stats stats;
	ent_dyads *dyads;
	ent_events *events;
	period *periods;
	size_t n_periods, cap_periods;
	char **input_names;
	char **input_formats;
	size_t n_inputs, cap_inputs;
	/* the filter's actor names, resolved once */
	ent_actor_name *actor_names;
	/* --dedupe: keys of the events kept so far (open addressing, at most
	 * half full, 0 = empty) */
	uint64_t *seen;
	size_t n_seen, cap_seen;
	/* distinct actors aggregated so far, for ENT_MAX_ACTORS: an open
	 * addressing set of codes, at most half full */
	char (*actors)[ENT_CODE_SIZE];
	size_t n_actors, cap_actors;
};

/* Resolve the filter's actor names (codes, names, groups) once. */
static ent_status resolve_actors(ent_dataset *ds, ent_error *err)
{
	const ent_filter *f = &ds->opts.filter;
	size_t i;
	ent_status st;

	if (f->n_actors == 0) {
		return ENT_OK;
	}
	if (f->actors == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_dataset_create: filter.actors is NULL");
	}
	ds->actor_names = calloc(f->n_actors, sizeof(*ds->actor_names));
	if (ds->actor_names == NULL) {
		return ent__error_nomem(err);
	}
	for (i = 0; i < f->n_actors; i++) {
		if (f->actors[i] == NULL) {
			return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
				"ent_dataset_create: actor %zu is NULL", i);
		}
		if ((st = ent_actor_name_resolve(&ds->actor_names[i],
			     f->actors[i], strlen(f->actors[i]),
			     ENT_NAME_GROUPS, err)) != ENT_OK) {
			return st;
		}
	}
	return ENT_OK;
}

ent_status ent_dataset_create(ent_dataset **out, const ent_dataset_options *opts,
	ent_error *err)
{
	ent_dataset_options defaults = ENT_DATASET_OPTIONS_INIT;
	ent_dataset *ds;
	ent_status st;

	if (out == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_dataset_create: NULL argument");
	}
	*out = NULL;
	ds = calloc(1, sizeof(*ds));
	if (ds == NULL) {
		return ent__error_nomem(err);
	}
	ds->opts = opts ? *opts : defaults;
	if ((st = resolve_actors(ds, err)) != ENT_OK ||
		(st = ent_dyads_create(&ds->dyads, err)) != ENT_OK ||
		(ds->opts.keep_events &&
			(st = ent_events_create(&ds->events, err)) != ENT_OK)) {
		ent_dataset_destroy(ds);
		return st;
	}
	*out = ds;
	return ENT_OK;
}

void ent_dataset_destroy(ent_dataset *ds)
{
	size_t i;

	if (ds == NULL) {
		return;
	}
	ent_dyads_destroy(ds->dyads);
	ent_events_destroy(ds->events);
	for (i = 0; i < ds->n_periods; i++) {
		ent_dyads_destroy(ds->periods[i].dyads);
	}
	free(ds->periods);
	for (i = 0; i < ds->n_inputs; i++) {
		free(ds->input_names[i]);
		free(ds->input_formats[i]);
	}
	free(ds->input_names);
	free(ds->input_formats);
	free(ds->actors);
	free(ds->actor_names);
	free(ds->seen);
	free(ds);
}

/* Insert `code` into the actor set. 0 when added or present, -1 out of
 * memory, 1 when it would be actor number ENT_MAX_ACTORS + 1. */
static int actor_insert(ent_dataset *ds, const char *code)
{
	size_t i, mask;

	if (ds->n_actors * 2 >= ds->cap_actors) {
		size_t cap = ds->cap_actors ? ds->cap_actors * 2 : 256, k;
		char (*set)[ENT_CODE_SIZE] = calloc(cap, sizeof(*set));
		if (set == NULL) {
			return -1;
		}
		for (k = 0; k < ds->cap_actors; k++) {
			const char *a = ds->actors[k];
			if (a[0] != '\0') {
				i = (size_t)ent__fnv(ENT__FNV_INIT, a, strlen(a)) &
					(cap - 1);
				while (set[i][0] != '\0') {
					i = (i + 1) & (cap - 1);
				}
				memcpy(set[i], ds->actors[k], ENT_CODE_SIZE);
			}
		}
		free(ds->actors);
		ds->actors = set;
		ds->cap_actors = cap;
	}
	mask = ds->cap_actors - 1;
	i = (size_t)ent__fnv(ENT__FNV_INIT, code, strlen(code)) & mask;
	while (ds->actors[i][0] != '\0') {
		if (strcmp(ds->actors[i], code) == 0) {
			return 0;
		}
		i = (i + 1) & mask;
	}
	if (ds->n_actors >= ENT_MAX_ACTORS) {
		return 1;
	}
	snprintf(ds->actors[i], ENT_CODE_SIZE, "%s", code);
	ds->n_actors++;
	return 0;
}

/* Count both ends of a dyad about to be aggregated against the limit. */
static ent_status count_actors(ent_dataset *ds, const char *source,
	const char *target, ent_error *err)
{
	int a = actor_insert(ds, source), b = a ? a : actor_insert(ds, target);

	if (a < 0 || b < 0) {
		return ent__error_nomem(err);
	}
	if (a > 0 || b > 0) {
		return ent__error_set(err, ENT_ELIMIT, NULL, 0, 0,
			"more than %d distinct actors (the limit; aggregate at "
			"state level or narrow with --actors)", ENT_MAX_ACTORS);
	}
	return ENT_OK;
}

/* The dyad table of the period starting at `start`, created in date order. */
static ent_dyads *period_dyads(ent_dataset *ds, ent_date start)
{
	size_t lo = 0, hi = ds->n_periods;
	period *p;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (ds->periods[mid].start < start) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	if (lo < ds->n_periods && ds->periods[lo].start == start) {
		return ds->periods[lo].dyads;
	}
	p = ent__array_grow(ds->periods, &ds->cap_periods, ds->n_periods + 1,
		sizeof(*p));
	if (p == NULL) {
		return NULL;
	}
	ds->periods = p;
	memmove(&ds->periods[lo + 1], &ds->periods[lo],
		(ds->n_periods - lo) * sizeof(*ds->periods));
	ds->periods[lo].start = start;
	if (ent_dyads_create(&ds->periods[lo].dyads, NULL) != ENT_OK) {
		memmove(&ds->periods[lo], &ds->periods[lo + 1],
			(ds->n_periods - lo) * sizeof(*ds->periods));
		return NULL;
	}
	ds->n_periods++;
	return ds->periods[lo].dyads;
}

/* Reduce an actor code to the level of the dataset; NULL when the actor has
 * no place in it (a non-state actor at state level). */
static const char *reduce(const ent_dataset *ds, const char *code)
{
	const ent_state *s;

	if (ds->opts.level == ENT_LEVEL_ACTOR) {
		return code[0] ? code : NULL;
	}
	s = ent_state_of_actor(code);
	return s ? s->code : NULL;
}

static void widen(ent_dataset_stats *st, ent_date date)
{
	if (date == 0) {
		return;
	}
	if (st->first == 0 || date < st->first) {
		st->first = date;
	}
	if (date > st->last) {
		st->last = date;
	}
}

/* The key of an event for dedupe: its document, directed dyad (reduced),
 * CAMEO code and date. Two events share a key by chance with odds of
 * about n^2 / 2^65 for n events: negligible. Never 0. */
static uint64_t dedupe_key(const ent_event *ev, const char *source,
	const char *target)
{
	uint64_t h = ENT__FNV_INIT;
	ent_date d = ev->date;

	h = ent__fnv(h, ev->doc, strlen(ev->doc) + 1);
	h = ent__fnv(h, source, strlen(source) + 1);
	h = ent__fnv(h, target, strlen(target) + 1);
	h = ent__fnv(h, ev->code, strlen(ev->code) + 1);
	h = ent__fnv(h, &d, sizeof(d));
	return h ? h : 1;
}

/* 1 when the key was seen before, 0 when it is new (now recorded), -1
 * out of memory. */
static int seen_before(ent_dataset *ds, uint64_t key)
{
	size_t i, mask;

	if (ds->n_seen * 2 >= ds->cap_seen) {
		size_t cap = ds->cap_seen ? ds->cap_seen * 2 : 1024, k;
		uint64_t *set = calloc(cap, sizeof(*set));
		if (set == NULL) {
			return -1;
		}
		for (k = 0; k < ds->cap_seen; k++) {
			if (ds->seen[k] != 0) {
				i = (size_t)ds->seen[k] & (cap - 1);
				while (set[i] != 0) {
					i = (i + 1) & (cap - 1);
				}
				set[i] = ds->seen[k];
			}
		}
		free(ds->seen);
		ds->seen = set;
		ds->cap_seen = cap;
	}
	mask = ds->cap_seen - 1;
	for (i = (size_t)key & mask; ds->seen[i] != 0; i = (i + 1) & mask) {
		if (ds->seen[i] == key) {
			return 1;
		}
	}
	ds->seen[i] = key;
	ds->n_seen++;
	return 0;
}

ent_status ent_dataset_add_event(ent_dataset *ds, const ent_event *ev,
	ent_error *err)
{
	const char *source, *target;
	const ent_event *ev_for_dyads;
	ent_event tone_ev;
	int64_t weight;
	ent_status st;

	if (ds == NULL || ev == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_dataset_add_event: NULL argument");
	}
	ev_for_dyads = ev;
	ds->stats.records++;
	if (ev->flags & ENT_FLAG_NEGATED) {
		/* read from text, but it did not happen */
		ds->stats.negated++;
		return ENT_OK;
	}
	if (!ent__filter_match(&ds->opts.filter, ds->actor_names, ev)) {
		ds->stats.filtered++;
		return ENT_OK;
	}
	source = reduce(ds, ev->source);
	target = reduce(ds, ev->target);
	if (source == NULL || target == NULL) {
		ds->stats.non_state++;
		return ENT_OK;
	}
	/* at state level both are the state table's strings: same pointer */
	if (source == target || strcmp(source, target) == 0) {
		ds->stats.self++;
		return ENT_OK;
	}
	if (ds->opts.weight == ENT_WEIGHT_TONE && isnan(ev->tone)) {
		ds->stats.filtered++;
		return ENT_OK;
	}
	if (ds->opts.dedupe && ev->doc != NULL) {
		int dup = seen_before(ds, dedupe_key(ev, source, target));
		if (dup < 0) {
			return ent__error_nomem(err);
		}
		if (dup) {
			ds->stats.duplicates++;
			ds->stats.filtered++;
			return ENT_OK;
		}
	}
	if ((st = count_actors(ds, source, target, err)) != ENT_OK) {
		return st;
	}
	switch (ds->opts.weight) {
	case ENT_WEIGHT_MENTIONS: weight = ev->mentions; break;
	case ENT_WEIGHT_SOURCES: weight = ev->sources; break;
	case ENT_WEIGHT_ARTICLES: weight = ev->articles; break;
	case ENT_WEIGHT_TONE:
		/* the tone stands in for the Goldstein weight, once */
		tone_ev = *ev;
		tone_ev.goldstein = ev->tone;
		ev_for_dyads = &tone_ev;
		weight = 1;
		break;
	default: weight = ev->count; break;
	}
	if ((st = ent_dyads_add_event(ds->dyads, source, target, ev_for_dyads,
		     weight, err)) != ENT_OK) {
		return st;
	}
	if (ds->opts.by != ENT_PERIOD_NONE) {
		ent_date start = ent_period_of(ev->date, ds->opts.by);
		if (start != 0) {
			ent_dyads *pd = period_dyads(ds, start);
			if (pd == NULL) {
				return ent__error_nomem(err);
			}
			/* a period holds some of the events the whole table
			 * took: its totals cannot pass the limit */
			if ((st = ent_dyads_add_event(pd, source, target,
				     ev_for_dyads, weight, err)) != ENT_OK) {
				return st;
			}
		}
	}
	if (ds->events != NULL &&
		(st = ent_events_add(ds->events, ev, err)) != ENT_OK) {
		return st;
	}
	ds->stats.kept++;
	widen(&ds->stats, ev->date);
	return ENT_OK;
}

ent_status ent_dataset_add_cb(const ent_event *ev, void *payload)
{
	return ent_dataset_add_event(payload, ev, NULL);
}

/* A dyad table row passes the actor list when both ends are listed; a
 * group counts the states that were members at some time between the
 * row's first and last dates (a row has no finer dates). */
static int dyad_end_listed(const ent_dataset *ds, const char *code,
	const ent_dyad *dyad)
{
	size_t i;

	for (i = 0; i < ds->opts.filter.n_actors; i++) {
		if (ent__actor_name_match(&ds->actor_names[i], code, dyad->first,
			    dyad->last)) {
			return 1;
		}
	}
	return 0;
}

ent_status ent_dataset_add_dyad(ent_dataset *ds, const ent_dyad *dyad,
	ent_error *err)
{
	ent_dyad d;
	const char *source, *target;
	ent_status st;

	if (ds == NULL || dyad == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_dataset_add_dyad: NULL argument");
	}
	ds->stats.dyad_rows++;
	d = *dyad;
	source = reduce(ds, dyad->source);
	target = reduce(ds, dyad->target);
	if (source == NULL || target == NULL) {
		ds->stats.non_state++;
		return ENT_OK;
	}
	/* at state level both are the state table's strings: same pointer */
	if (source == target || strcmp(source, target) == 0) {
		ds->stats.self++;
		return ENT_OK;
	}
	if (ds->opts.filter.n_actors > 0 &&
		(!dyad_end_listed(ds, source, dyad) ||
			!dyad_end_listed(ds, target, dyad))) {
		ds->stats.filtered++;
		return ENT_OK;
	}
	if ((st = count_actors(ds, source, target, err)) != ENT_OK) {
		return st;
	}
	strcpy(d.source, source);
	strcpy(d.target, target);
	if ((st = ent_dyads_add_dyad(ds->dyads, &d, err)) != ENT_OK) {
		return st;
	}
	widen(&ds->stats, d.first);
	widen(&ds->stats, d.last);
	return ENT_OK;
}

ent_status ent_dataset_add_input(ent_dataset *ds, const char *name,
	const char *format, ent_error *err)
{
	char **names, **formats;
	size_t cap;

	if (ds == NULL || name == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_dataset_add_input: NULL argument");
	}
	/* two arrays of one length: each grows to the same capacity */
	cap = ds->cap_inputs;
	names = ent__array_grow(ds->input_names, &cap, ds->n_inputs + 1,
		sizeof(*names));
	if (names == NULL) {
		return ent__error_nomem(err);
	}
	ds->input_names = names;
	cap = ds->cap_inputs;
	formats = ent__array_grow(ds->input_formats, &cap, ds->n_inputs + 1,
		sizeof(*formats));
	if (formats == NULL) {
		return ent__error_nomem(err);
	}
	ds->input_formats = formats;
	ds->cap_inputs = cap;
	names[ds->n_inputs] = ent__strdup(name);
	formats[ds->n_inputs] = ent__strdup(format ? format : "");
	if (names[ds->n_inputs] == NULL || formats[ds->n_inputs] == NULL) {
		free(names[ds->n_inputs]);
		free(formats[ds->n_inputs]);
		return ent__error_nomem(err);
	}
	ds->n_inputs++;
	return ENT_OK;
}

ent_status ent_dataset_merge(ent_dataset *into, const ent_dataset *from,
	ent_error *err)
{
	ent_dataset_stats *a;
	const ent_dataset_stats *b;
	ent_status st;
	size_t i;

	if (into == NULL || from == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_dataset_merge: NULL argument");
	}
	if (into->opts.dedupe || from->opts.dedupe ||
		into->opts.level != from->opts.level ||
		into->opts.by != from->opts.by ||
		(into->events == NULL) != (from->events == NULL)) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_dataset_merge: datasets of different options, or "
			"deduplicated");
	}
	/* the actors first: the limit holds for the union */
	for (i = 0; i < from->cap_actors; i++) {
		if (from->actors[i][0] != '\0') {
			int r = actor_insert(into, from->actors[i]);
			if (r < 0) {
				return ent__error_nomem(err);
			}
			if (r > 0) {
				return ent__error_set(err, ENT_ELIMIT, NULL, 0, 0,
					"more than %d distinct actors (the limit; "
					"aggregate at state level or narrow with "
					"--actors)", ENT_MAX_ACTORS);
			}
		}
	}
	if ((st = ent_dyads_merge(into->dyads, from->dyads, err)) != ENT_OK) {
		return st;
	}
	for (i = 0; i < from->n_periods; i++) {
		ent_dyads *pd = period_dyads(into, from->periods[i].start);
		if (pd == NULL) {
			return ent__error_nomem(err);
		}
		if ((st = ent_dyads_merge(pd, from->periods[i].dyads, err)) !=
			ENT_OK) {
			return st;
		}
	}
	for (i = 0; from->events != NULL &&
		i < ent_events_count(from->events); i++) {
		if ((st = ent_events_add(into->events,
			     ent_events_get(from->events, i), err)) != ENT_OK) {
			return st;
		}
	}
	for (i = 0; i < from->n_inputs; i++) {
		if ((st = ent_dataset_add_input(into, from->input_names[i],
			     from->input_formats[i], err)) != ENT_OK) {
			return st;
		}
	}
	a = &into->stats;
	b = &from->stats;
	a->records += b->records;
	a->kept += b->kept;
	a->filtered += b->filtered;
	a->non_state += b->non_state;
	a->self += b->self;
	a->dyad_rows += b->dyad_rows;
	a->skipped_rows += b->skipped_rows;
	a->duplicates += b->duplicates;
	widen(a, b->first);
	widen(a, b->last);
	return ENT_OK;
}

void ent_dataset_count_skipped(ent_dataset *ds, int64_t rows)
{
	if (ds != NULL) {
		ds->stats.skipped_rows += rows;
	}
}

const ent_dyads *ent_dataset_dyads(const ent_dataset *ds)
{
	return ds ? ds->dyads : NULL;
}

const ent_events *ent_dataset_events(const ent_dataset *ds)
{
	return ds ? ds->events : NULL;
}

const ent_dataset_stats *ent_dataset_stats_get(const ent_dataset *ds)
{
	return ds ? &ds->stats : NULL;
}

const ent_dataset_options *ent_dataset_options_get(const ent_dataset *ds)
{
	return ds ? &ds->opts : NULL;
}

size_t ent_dataset_input_count(const ent_dataset *ds)
{
	return ds ? ds->n_inputs : 0;
}

const char *ent_dataset_input_name(const ent_dataset *ds, size_t i)
{
	return ds && i < ds->n_inputs ? ds->input_names[i] : NULL;
}

const char *ent_dataset_input_format(const ent_dataset *ds, size_t i)
{
	return ds && i < ds->n_inputs ? ds->input_formats[i] : NULL;
}

size_t ent_dataset_period_count(const ent_dataset *ds)
{
	return ds ? ds->n_periods : 0;
}

ent_status ent_dataset_period(const ent_dataset *ds, size_t i,
	ent_date *start_out, const ent_dyads **dyads_out)
{
	if (ds == NULL || i >= ds->n_periods) {
		return ENT_ENOTFOUND;
	}
	if (start_out) {
		*start_out = ds->periods[i].start;
	}
	if (dyads_out) {
		*dyads_out = ds->periods[i].dyads;
	}
	return ENT_OK;
}

/* -- periods ------------------------------------------------------------- */

ent_date ent_period_of(ent_date date, ent_period_unit unit)
{
	int y = date / 10000, m = date / 100 % 100, d = date % 100;

	if (date <= 0) {
		return 0;
	}
	switch (unit) {
	case ENT_PERIOD_YEAR:
		return y * 10000 + 101;
	case ENT_PERIOD_QUARTER:
		return m ? y * 10000 + ((m - 1) / 3 * 3 + 1) * 100 + 1 : 0;
	case ENT_PERIOD_MONTH:
		return m ? y * 10000 + m * 100 + 1 : 0;
	case ENT_PERIOD_WEEK: {
		long days;
		int wd;
		if (m == 0 || d == 0) {
			return 0;
		}
		days = ent__days_from_civil(y, m, d);
		/* 1970-01-01 was a Thursday: Monday-based weekday 3 */
		wd = (int)(((days % 7) + 7 + 3) % 7);
		ent__civil_from_days(days - wd, &y, &m, &d);
		return y * 10000 + m * 100 + d;
	}
	default:
		return 0;
	}
}

void ent_period_label(ent_date start, ent_period_unit unit, char buf[16])
{
	int y = start / 10000, m = start / 100 % 100, d = start % 100;

	switch (unit) {
	case ENT_PERIOD_YEAR:
		snprintf(buf, 16, "%04u", (unsigned int)y % 10000u);
		break;
	case ENT_PERIOD_QUARTER:
		snprintf(buf, 16, "%04u-Q%u", (unsigned int)y % 10000u,
			(unsigned int)(m - 1) / 3u % 4u + 1u);
		break;
	case ENT_PERIOD_MONTH:
		snprintf(buf, 16, "%04u-%02u", (unsigned int)y % 10000u,
			(unsigned int)m % 100u);
		break;
	case ENT_PERIOD_WEEK: {
		/* ISO week number: the week with the year's first Thursday is 1 */
		long days = ent__days_from_civil(y, m, d);
		int ty, tm, td, week;
		long jan1;
		ent__civil_from_days(days + 3, &ty, &tm, &td); /* its Thursday */
		jan1 = ent__days_from_civil(ty, 1, 1);
		week = (int)((days + 3 - jan1) / 7 + 1);
		snprintf(buf, 16, "%04u-W%02u", (unsigned int)ty % 10000u,
			(unsigned int)week % 100u);
		break;
	}
	default:
		buf[0] = '\0';
	}
}
