/* SPDX-License-Identifier: MIT */
/*
 * The dataset: events from every input, filtered, reduced to the chosen
 * actor level and aggregated into dyads (overall and per period). Memory
 * grows with actors and dyads, not with events, unless keep_events is set.
 */
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
	/* distinct actors aggregated so far, for ENT_MAX_ACTORS: an open
	 * addressing set of codes, at most half full */
	char (*actors)[ENT_CODE_SIZE];
	size_t n_actors, cap_actors;
};

ent_status ent_dataset_create(ent_dataset **out, const ent_dataset_options *opts)
{
	ent_dataset_options defaults = ENT_DATASET_OPTIONS_INIT;
	ent_dataset *ds;

	if (out == NULL) {
		return ENT_EINVAL;
	}
	*out = NULL;
	ds = calloc(1, sizeof(*ds));
	if (ds == NULL) {
		return ENT_ENOMEM;
	}
	ds->opts = opts ? *opts : defaults;
	if (ent_dyads_create(&ds->dyads) != ENT_OK ||
		(ds->opts.keep_events && ent_events_create(&ds->events) != ENT_OK)) {
		ent_dataset_destroy(ds);
		return ENT_ENOMEM;
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
	if (ent_dyads_create(&ds->periods[lo].dyads) != ENT_OK) {
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

/* An error of the dyad table: its sums (ENT_MAX_SUM), a value it refuses,
 * or memory. The reader places it at its event or row. */
static ent_status dyads_error(ent_status st, int64_t weight,
	const ent_dyad *row, ent_error *err)
{
	if (st == ENT_ENOMEM) {
		return ent__error_nomem(err);
	}
	if (st != ENT_ELIMIT) {
		return ent__error_set(err, st, NULL, 0, 0, "%s",
			row ? "a dyad with negative counts or sums"
			    : "an event with a negative weight");
	}
	if (row != NULL) {
		return ent__error_set(err, ENT_ELIMIT, NULL, 0, 0, "dyad %s,%s "
			"too large: the sums of events and Goldstein points "
			"would pass 2^53 (ENT_MAX_SUM), the limit of exact "
			"arithmetic", row->source, row->target);
	}
	return ent__error_set(err, ENT_ELIMIT, NULL, 0, 0, "weight %lld too "
		"large: the sums of events and Goldstein points would pass "
		"2^53 (ENT_MAX_SUM), the limit of exact arithmetic",
		(long long)weight);
}

ent_status ent_dataset_add_event(ent_dataset *ds, const ent_event *ev,
	ent_error *err)
{
	const char *source, *target;
	int64_t weight;
	ent_status st;

	if (ds == NULL || ev == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_dataset_add_event: NULL argument");
	}
	ds->stats.records++;
	if (!ent_filter_match(&ds->opts.filter, ev)) {
		ds->stats.filtered++;
		return ENT_OK;
	}
	source = reduce(ds, ev->source);
	target = reduce(ds, ev->target);
	if (source == NULL || target == NULL) {
		ds->stats.non_state++;
		return ENT_OK;
	}
	if (strcmp(source, target) == 0) {
		ds->stats.self++;
		return ENT_OK;
	}
	if ((st = count_actors(ds, source, target, err)) != ENT_OK) {
		return st;
	}
	switch (ds->opts.weight) {
	case ENT_WEIGHT_MENTIONS: weight = ev->mentions; break;
	case ENT_WEIGHT_SOURCES: weight = ev->sources; break;
	case ENT_WEIGHT_ARTICLES: weight = ev->articles; break;
	default: weight = ev->count; break;
	}
	if ((st = ent_dyads_add_event(ds->dyads, source, target, ev, weight)) !=
		ENT_OK) {
		return dyads_error(st, weight, NULL, err);
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
			if ((st = ent_dyads_add_event(pd, source, target, ev,
				     weight)) != ENT_OK) {
				return dyads_error(st, weight, NULL, err);
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

static int actor_listed(const ent_filter *f, const char *code)
{
	size_t i;

	for (i = 0; i < f->n_actors; i++) {
		if (strcmp(f->actors[i], code) == 0) {
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
	if (strcmp(source, target) == 0) {
		ds->stats.self++;
		return ENT_OK;
	}
	if (ds->opts.filter.n_actors > 0 &&
		(!actor_listed(&ds->opts.filter, source) ||
			!actor_listed(&ds->opts.filter, target))) {
		ds->stats.filtered++;
		return ENT_OK;
	}
	if ((st = count_actors(ds, source, target, err)) != ENT_OK) {
		return st;
	}
	strcpy(d.source, source);
	strcpy(d.target, target);
	if ((st = ent_dyads_add_dyad(ds->dyads, &d)) != ENT_OK) {
		return dyads_error(st, 0, dyad, err);
	}
	widen(&ds->stats, d.first);
	widen(&ds->stats, d.last);
	return ENT_OK;
}

ent_status ent_dataset_add_input(ent_dataset *ds, const char *name,
	const char *format)
{
	char **names, **formats;
	size_t cap;

	if (ds == NULL || name == NULL) {
		return ENT_EINVAL;
	}
	/* two arrays of one length: each grows to the same capacity */
	cap = ds->cap_inputs;
	names = ent__array_grow(ds->input_names, &cap, ds->n_inputs + 1,
		sizeof(*names));
	if (names == NULL) {
		return ENT_ENOMEM;
	}
	ds->input_names = names;
	cap = ds->cap_inputs;
	formats = ent__array_grow(ds->input_formats, &cap, ds->n_inputs + 1,
		sizeof(*formats));
	if (formats == NULL) {
		return ENT_ENOMEM;
	}
	ds->input_formats = formats;
	ds->cap_inputs = cap;
	names[ds->n_inputs] = ent__strdup(name);
	formats[ds->n_inputs] = ent__strdup(format ? format : "");
	if (names[ds->n_inputs] == NULL || formats[ds->n_inputs] == NULL) {
		free(names[ds->n_inputs]);
		free(formats[ds->n_inputs]);
		return ENT_ENOMEM;
	}
	ds->n_inputs++;
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
