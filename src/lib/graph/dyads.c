/* SPDX-License-Identifier: MIT */
/*
 * The dyad table: events aggregated into directed (source, target) dyads.
 *
 * A hash table with open addressing over a dense array of entries. Sums are
 * integers (Goldstein points in thousandths), so adding events or merging
 * tables in any order gives exactly the same table. Snapshots for readers
 * are produced in sorted order on demand.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct entry {
	char source[ENT_CODE_SIZE];
	char target[ENT_CODE_SIZE];
	uint64_t hash;
	int64_t events, coop_events, conflict_events;
	int64_t goldstein_milli, cooperation_milli, conflict_milli;
	ent_date first, last;
} entry;

struct ent_dyads {
	entry *entries;
	size_t len, cap;
	uint32_t *slots;     /* index + 1 into entries, 0 = empty */
	size_t n_slots;      /* power of two */
	size_t *order;       /* sorted permutation, valid when !dirty */
	int dirty;
};

ent_status ent_dyads_create(ent_dyads **out, ent_error *err)
{
	ent_dyads *d;

	if (out == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_dyads_create: NULL argument");
	}
	*out = NULL;
	d = calloc(1, sizeof(*d));
	if (d == NULL) {
		return ent__error_nomem(err);
	}
	d->n_slots = 256;
	d->slots = calloc(d->n_slots, sizeof(*d->slots));
	if (d->slots == NULL) {
		free(d);
		return ent__error_nomem(err);
	}
	d->dirty = 1;
	*out = d;
	return ENT_OK;
}

void ent_dyads_destroy(ent_dyads *d)
{
	if (d == NULL) {
		return;
	}
	free(d->entries);
	free(d->slots);
	free(d->order);
	free(d);
}

static uint64_t key_hash(const char *source, const char *target)
{
	uint64_t h = ent__fnv(ENT__FNV_INIT, source, strlen(source));

	h = ent__fnv(h, ">", 1);
	return ent__fnv(h, target, strlen(target));
}

static int rehash(ent_dyads *d)
{
	size_t n = d->n_slots * 2, i;
	uint32_t *slots = calloc(n, sizeof(*slots));

	if (slots == NULL) {
		return -1;
	}
	for (i = 0; i < d->len; i++) {
		size_t j = (size_t)d->entries[i].hash & (n - 1);
		while (slots[j] != 0) {
			j = (j + 1) & (n - 1);
		}
		slots[j] = (uint32_t)(i + 1);
	}
	free(d->slots);
	d->slots = slots;
	d->n_slots = n;
	return 0;
}

/* Find or create the entry of (source, target); NULL on ENOMEM or when a
 * code is too long. */
static entry *find(ent_dyads *d, const char *source, const char *target)
{
	uint64_t h;
	size_t j;
	entry *e;

	if (strlen(source) >= ENT_CODE_SIZE || strlen(target) >= ENT_CODE_SIZE) {
		return NULL;
	}
	h = key_hash(source, target);
	j = (size_t)h & (d->n_slots - 1);
	while (d->slots[j] != 0) {
		e = &d->entries[d->slots[j] - 1];
		if (e->hash == h && strcmp(e->source, source) == 0 &&
			strcmp(e->target, target) == 0) {
			return e;
		}
		j = (j + 1) & (d->n_slots - 1);
	}
	if (d->len == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 64;
		entry *p = realloc(d->entries, cap * sizeof(*p));
		if (p == NULL) {
			return NULL;
		}
		d->entries = p;
		d->cap = cap;
	}
	if (d->len >= UINT32_MAX - 1) {
		return NULL;
	}
	e = &d->entries[d->len];
	memset(e, 0, sizeof(*e));
	strcpy(e->source, source);
	strcpy(e->target, target);
	e->hash = h;
	d->slots[j] = (uint32_t)(++d->len);
	d->dirty = 1;
	if (d->len * 2 > d->n_slots && rehash(d) < 0) {
		d->len--;
		d->slots[j] = 0;
		return NULL;
	}
	return &d->entries[d->len - 1];
}

/* 1 when both codes fit ENT_CODE_SIZE, else 0 with the error set. */
static int codes_fit(const char *source, const char *target, ent_error *err)
{
	const char *bad = strlen(source) >= ENT_CODE_SIZE ? source
		: strlen(target) >= ENT_CODE_SIZE ? target : NULL;

	if (bad != NULL) {
		ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"actor code \"%.20s...\" is longer than %d characters",
			bad, ENT_CODE_SIZE - 1);
		return 0;
	}
	return 1;
}

static void widen_dates(entry *e, ent_date first, ent_date last)
{
	if (first != 0 && (e->first == 0 || first < e->first)) {
		e->first = first;
	}
	if (last != 0 && last > e->last) {
		e->last = last;
	}
}

ent_status ent_dyads_add_event(ent_dyads *d, const char *source,
	const char *target, const ent_event *ev, int64_t weight, ent_error *err)
{
	entry *e;
	int64_t g;

	if (d == NULL || source == NULL || target == NULL || ev == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_dyads_add_event: NULL argument");
	}
	if (!codes_fit(source, target, err)) {
		return ENT_EINVAL;
	}
	e = find(d, source, target);
	if (e == NULL) {
		return ent__error_nomem(err);
	}
	g = ent__to_milli(ev->goldstein);
	e->events += weight;
	if (ev->quad == 1 || ev->quad == 2) {
		e->coop_events += weight;
	} else if (ev->quad == 3 || ev->quad == 4) {
		e->conflict_events += weight;
	}
	e->goldstein_milli += g * weight;
	if (g > 0) {
		e->cooperation_milli += g * weight;
	} else {
		e->conflict_milli += -g * weight;
	}
	widen_dates(e, ev->date, ev->date);
	d->dirty = 1;
	return ENT_OK;
}

ent_status ent_dyads_add_dyad(ent_dyads *d, const ent_dyad *dy,
	ent_error *err)
{
	entry *e;

	if (d == NULL || dy == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_dyads_add_dyad: NULL argument");
	}
	if (!codes_fit(dy->source, dy->target, err)) {
		return ENT_EINVAL;
	}
	e = find(d, dy->source, dy->target);
	if (e == NULL) {
		return ent__error_nomem(err);
	}
	e->events += dy->events;
	e->coop_events += dy->coop_events;
	e->conflict_events += dy->conflict_events;
	e->goldstein_milli += ent__to_milli(dy->goldstein_sum);
	e->cooperation_milli += ent__to_milli(dy->cooperation);
	e->conflict_milli += ent__to_milli(dy->conflict);
	widen_dates(e, dy->first, dy->last);
	d->dirty = 1;
	return ENT_OK;
}

ent_status ent_dyads_merge(ent_dyads *into, const ent_dyads *from,
	ent_error *err)
{
	size_t i;

	if (into == NULL || from == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_dyads_merge: NULL argument");
	}
	for (i = 0; i < from->len; i++) {
		const entry *s = &from->entries[i];
		entry *e = find(into, s->source, s->target);
		if (e == NULL) {
			into->dirty = 1;
			return ent__error_nomem(err);
		}
		e->events += s->events;
		e->coop_events += s->coop_events;
		e->conflict_events += s->conflict_events;
		e->goldstein_milli += s->goldstein_milli;
		e->cooperation_milli += s->cooperation_milli;
		e->conflict_milli += s->conflict_milli;
		widen_dates(e, s->first, s->last);
	}
	into->dirty = 1;
	return ENT_OK;
}

size_t ent_dyads_count(const ent_dyads *d)
{
	return d ? d->len : 0;
}

static const entry *sort_base;

static int cmp_order(const void *a, const void *b)
{
	const entry *x = &sort_base[*(const size_t *)a];
	const entry *y = &sort_base[*(const size_t *)b];
	int c = strcmp(x->source, y->source);

	return c ? c : strcmp(x->target, y->target);
}

static int ensure_sorted(ent_dyads *d)
{
	size_t i;

	if (!d->dirty) {
		return 0;
	}
	free(d->order);
	d->order = malloc((d->len ? d->len : 1) * sizeof(*d->order));
	if (d->order == NULL) {
		return -1;
	}
	for (i = 0; i < d->len; i++) {
		d->order[i] = i;
	}
	/* qsort has no context argument in C11; the library calls this from
	 * one thread per table, as igraph requires anyway. */
	sort_base = d->entries;
	qsort(d->order, d->len, sizeof(*d->order), cmp_order);
	d->dirty = 0;
	return 0;
}

ent_status ent_dyads_get(ent_dyad *out, const ent_dyads *cd, size_t i)
{
	ent_dyads *d = (ent_dyads *)cd; /* sorting is a cache, not a change */
	const entry *e;

	if (d == NULL || out == NULL) {
		return ENT_EINVAL;
	}
	if (i >= d->len) {
		return ENT_ENOTFOUND;
	}
	if (ensure_sorted(d) < 0) {
		return ENT_ENOMEM;
	}
	e = &d->entries[d->order[i]];
	memcpy(out->source, e->source, ENT_CODE_SIZE);
	memcpy(out->target, e->target, ENT_CODE_SIZE);
	out->events = e->events;
	out->coop_events = e->coop_events;
	out->conflict_events = e->conflict_events;
	out->goldstein_sum = (double)e->goldstein_milli / 1000.0;
	out->goldstein_mean = e->events
		? (double)e->goldstein_milli / 1000.0 / (double)e->events
		: 0.0;
	out->cooperation = (double)e->cooperation_milli / 1000.0;
	out->conflict = (double)e->conflict_milli / 1000.0;
	out->first = e->first;
	out->last = e->last;
	return ENT_OK;
}
