/* SPDX-License-Identifier: MIT */
/*
 * The dyad table: events aggregated into directed (source, target) dyads.
 *
 * A hash table with open addressing over a dense array of entries. Sums are
 * integers (Goldstein points in thousandths), so adding events or merging
 * tables in any order gives exactly the same table. Snapshots for readers
 * are produced in sorted order on demand.
 *
 * Overflow: the table keeps its totals over all dyads and refuses, before
 * changing anything, what would take one past ENT_MAX_SUM (2^53). Every
 * sum of a dyad is at most a total, so none can overflow, nor can the sum
 * of two directions or of an actor's dyads later.
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
	/* totals over all dyads, each at most ENT_MAX_SUM: events, and
	 * |Goldstein| thousandths (cooperation + conflict, and the signed
	 * sums of dyad rows, which a caller may give inconsistent) */
	int64_t total_events, total_milli, total_sum_milli;
};

/* 1 when `v` more on a total would pass ENT_MAX_SUM (both at least 0). */
static int over(int64_t total, int64_t v)
{
	return v < 0 || v > ENT_MAX_SUM || total > ENT_MAX_SUM - v;
}

/* Thousandths of a value that may be anything (a caller's double): 0 and
 * -1 when it is not finite or its size passes ENT_MAX_SUM. */
static int to_milli_checked(double v, int64_t *out)
{
	double m = v * 1000.0;

	if (!(m >= -(double)ENT_MAX_SUM && m <= (double)ENT_MAX_SUM)) {
		return -1;
	}
	*out = ent__to_milli(v);
	return 0;
}

static int64_t abs64(int64_t v)
{
	return v < 0 ? -v : v;
}

/* ENT_ELIMIT with the message the readers place at their event or row. */
static ent_status too_large_weight(int64_t weight, ent_error *err)
{
	return ent__error_set(err, ENT_ELIMIT, NULL, 0, 0, "weight %lld too "
		"large: the sums of events and Goldstein points would pass "
		"2^53 (ENT_MAX_SUM), the limit of exact arithmetic",
		(long long)weight);
}

static ent_status too_large_dyad(const ent_dyad *dy, ent_error *err)
{
	return ent__error_set(err, ENT_ELIMIT, NULL, 0, 0, "dyad %s,%s too "
		"large: the sums of events and Goldstein points would pass "
		"2^53 (ENT_MAX_SUM), the limit of exact arithmetic",
		dy->source, dy->target);
}

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
	e = ent__array_grow(d->entries, &d->cap, d->len + 1, sizeof(*e));
	if (e == NULL) {
		return NULL;
	}
	d->entries = e;
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
	int64_t g, points;

	if (d == NULL || source == NULL || target == NULL || ev == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_dyads_add_event: NULL argument");
	}
	if (!codes_fit(source, target, err)) {
		return ENT_EINVAL;
	}
	if (weight < 0 || ev->goldstein != ev->goldstein) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0, "%s",
			weight < 0 ? "an event with a negative weight"
				   : "an event whose Goldstein weight is not a number");
	}
	/* the product is checked by division before it is made */
	if (to_milli_checked(ev->goldstein, &g) < 0 || weight > ENT_MAX_SUM ||
		(g != 0 && weight > ENT_MAX_SUM / abs64(g))) {
		return too_large_weight(weight, err);
	}
	points = abs64(g) * weight;
	if (over(d->total_events, weight) || over(d->total_milli, points) ||
		over(d->total_sum_milli, points)) {
		return too_large_weight(weight, err);
	}
	e = find(d, source, target);
	if (e == NULL) {
		return ent__error_nomem(err);
	}
	d->total_events += weight;
	d->total_milli += points;
	d->total_sum_milli += points;
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
	int64_t sum, coop, conflict, count;

	if (d == NULL || dy == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_dyads_add_dyad: NULL argument");
	}
	if (!codes_fit(dy->source, dy->target, err)) {
		return ENT_EINVAL;
	}
	if (dy->events < 0 || dy->coop_events < 0 || dy->conflict_events < 0 ||
		!(dy->cooperation >= 0) || !(dy->conflict >= 0)) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"a dyad with negative counts or sums");
	}
	/* the events count for the total, or the cooperative and
	 * conflictual ones when a caller gives more of those */
	count = dy->events;
	if (dy->coop_events > ENT_MAX_SUM || dy->conflict_events > ENT_MAX_SUM) {
		return too_large_dyad(dy, err);
	}
	if (dy->coop_events + dy->conflict_events > count) {
		count = dy->coop_events + dy->conflict_events;
	}
	if (to_milli_checked(dy->goldstein_sum, &sum) < 0 ||
		to_milli_checked(dy->cooperation, &coop) < 0 ||
		to_milli_checked(dy->conflict, &conflict) < 0 ||
		over(d->total_events, count) ||
		over(d->total_milli, coop) ||
		over(d->total_milli + coop, conflict) ||
		over(d->total_sum_milli, abs64(sum))) {
		return too_large_dyad(dy, err);
	}
	e = find(d, dy->source, dy->target);
	if (e == NULL) {
		return ent__error_nomem(err);
	}
	d->total_events += count;
	d->total_milli += coop + conflict;
	d->total_sum_milli += abs64(sum);
	e->events += dy->events;
	e->coop_events += dy->coop_events;
	e->conflict_events += dy->conflict_events;
	e->goldstein_milli += sum;
	e->cooperation_milli += coop;
	e->conflict_milli += conflict;
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
	if (over(into->total_events, from->total_events) ||
		over(into->total_milli, from->total_milli) ||
		over(into->total_sum_milli, from->total_sum_milli)) {
		return ent__error_set(err, ENT_ELIMIT, NULL, 0, 0, "the merged "
			"sums of events and Goldstein points would pass 2^53 "
			"(ENT_MAX_SUM), the limit of exact arithmetic");
	}
	/* the totals first: after a failure half-way they still bound what
	 * the table holds */
	into->total_events += from->total_events;
	into->total_milli += from->total_milli;
	into->total_sum_milli += from->total_sum_milli;
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
