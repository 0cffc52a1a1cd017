/* SPDX-License-Identifier: MIT */
/*
 * Trends of relations and actors over the periods, and change detection
 * (definitions in trend.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct ent_trends {
	const ent_periods *p;
	ent_trend_options opts;
	size_t n_rel;
	ent_trend_relation *rel;
	ent_trend_point *points; /* every relation's, relation by relation */
	size_t n_act;
	ent_trend_actor *act;
	ent_trend_actor_point *act_points;
	size_t n_changes, n_changed;
	ent_change *changes;
	double usual;
};

/* -- the calendar ---------------------------------------------------------- */

ent_date ent_period_next(ent_date start, ent_period_unit unit)
{
	int y = start / 10000, m = start / 100 % 100, d = start % 100;
	int months = unit == ENT_PERIOD_MONTH ? 1
		: unit == ENT_PERIOD_QUARTER  ? 3
		: unit == ENT_PERIOD_YEAR     ? 12
					      : 0;

	if (start <= 0 || unit == ENT_PERIOD_NONE) {
		return 0;
	}
	if (unit == ENT_PERIOD_WEEK) {
		ent__civil_from_days(
			ent__days_from_civil(y, m, d) + 7, &y, &m, &d);
		return y * 10000 + m * 100 + d;
	}
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	return y * 10000 + m * 100 + 1;
}

int ent_periods_adjacent(const ent_periods *p, size_t i, size_t j)
{
	const ent_period_summary *a = ent_periods_summary(p, i);
	const ent_period_summary *b = ent_periods_summary(p, j);

	return a != NULL && b != NULL &&
		ent_period_next(a->start, ent_periods_unit(p)) == b->start;
}

/* -- building ------------------------------------------------------------ */

/* A (relation, period) pair, to group by relation. */
typedef struct cell {
	const ent_period_relation *r;
	size_t period;
} cell;

static int cmp_cell(const void *x, const void *y)
{
	const cell *a = x, *b = y;
	int c = strcmp(a->r->a, b->r->a);

	if (c == 0) {
		c = strcmp(a->r->b, b->r->b);
	}
	if (c == 0) {
		c = a->period < b->period ? -1 : (a->period > b->period);
	}
	return c;
}

typedef struct acell {
	const ent_period_actor *a;
	size_t period;
} acell;

static int cmp_acell(const void *x, const void *y)
{
	const acell *a = x, *b = y;
	int c = strcmp(a->a->code, b->a->code);

	if (c == 0) {
		c = a->period < b->period ? -1 : (a->period > b->period);
	}
	return c;
}

static ent_status build_relations(ent_trends *t)
{
	const ent_periods *p = t->p;
	size_t i, j, n = 0, k;
	cell *cells;

	for (i = 0; i < ent_periods_count(p); i++) {
		n += ent_periods_relation_count(p, i);
	}
	cells = malloc((n + 1) * sizeof(*cells));
	t->points = calloc(n + 1, sizeof(*t->points));
	t->rel = calloc(n + 1, sizeof(*t->rel));
	if (cells == NULL || t->points == NULL || t->rel == NULL) {
		free(cells);
		return ENT_ENOMEM;
	}
	for (i = 0, k = 0; i < ent_periods_count(p); i++) {
		for (j = 0; j < ent_periods_relation_count(p, i); j++) {
			cells[k].r = ent_periods_relation(p, i, j);
			cells[k++].period = i;
		}
	}
	qsort(cells, n, sizeof(*cells), cmp_cell);
	for (k = 0; k < n; k++) {
		const ent_period_relation *r = cells[k].r;
		const ent_period_summary *s =
			ent_periods_summary(p, cells[k].period);
		ent_trend_point *pt = &t->points[k];
		ent_trend_relation *tr;

		if (k == 0 || strcmp(r->a, cells[k - 1].r->a) != 0 ||
			strcmp(r->b, cells[k - 1].r->b) != 0) {
			tr = &t->rel[t->n_rel++];
			memcpy(tr->a, r->a, sizeof(tr->a));
			memcpy(tr->b, r->b, sizeof(tr->b));
			tr->points = pt;
		}
		tr = &t->rel[t->n_rel - 1];
		pt->period = cells[k].period;
		pt->events = r->events;
		pt->cooperation = r->cooperation;
		pt->conflict = r->conflict;
		pt->net = r->net;
		/* E(t): the events of every relation of the period */
		pt->share = s->events > 0
			? (double)r->events / (double)s->events
			: 0;
		tr->events += r->events;
		tr->n_points++;
	}
	free(cells);
	return ENT_OK;
}

static ent_status build_actors(ent_trends *t)
{
	const ent_periods *p = t->p;
	size_t i, j, n = 0, k;
	acell *cells;

	for (i = 0; i < ent_periods_count(p); i++) {
		n += ent_periods_actor_count(p, i);
	}
	cells = malloc((n + 1) * sizeof(*cells));
	t->act_points = calloc(n + 1, sizeof(*t->act_points));
	t->act = calloc(n + 1, sizeof(*t->act));
	if (cells == NULL || t->act_points == NULL || t->act == NULL) {
		free(cells);
		return ENT_ENOMEM;
	}
	for (i = 0, k = 0; i < ent_periods_count(p); i++) {
		for (j = 0; j < ent_periods_actor_count(p, i); j++) {
			cells[k].a = ent_periods_actor(p, i, j);
			cells[k++].period = i;
		}
	}
	qsort(cells, n, sizeof(*cells), cmp_acell);
	for (k = 0; k < n; k++) {
		const ent_period_actor *a = cells[k].a;
		ent_trend_actor_point *pt = &t->act_points[k];
		ent_trend_actor *ta;

		if (k == 0 || strcmp(a->code, cells[k - 1].a->code) != 0) {
			ta = &t->act[t->n_act++];
			memcpy(ta->code, a->code, sizeof(ta->code));
			ta->points = pt;
		}
		ta = &t->act[t->n_act - 1];
		pt->period = cells[k].period;
		pt->events = a->events;
		pt->cooperation = a->cooperation;
		pt->conflict = a->conflict;
		pt->pagerank = a->pagerank;
		pt->bloc = a->bloc;
		ta->events += a->events;
		ta->n_points++;
	}
	free(cells);
	return ENT_OK;
}

/* -- changes --------------------------------------------------------------- */

static const ent_trends *sort_t; /* qsort has no payload; one thread */

static int cmp_change(const void *x, const void *y)
{
	const ent_change *a = x, *b = y;
	double za = fabs(a->score), zb = fabs(b->score);
	double da = fabs(a->change), db = fabs(b->change);
	int c;

	if (za != zb) {
		return za > zb ? -1 : 1;
	}
	if (da != db) {
		return da > db ? -1 : 1;
	}
	if (a->to != b->to) {
		return a->to < b->to ? -1 : 1;
	}
	c = strcmp(sort_t->rel[a->relation].a, sort_t->rel[b->relation].a);
	return c ? c
		 : strcmp(sort_t->rel[a->relation].b,
			   sort_t->rel[b->relation].b);
}

static ent_status build_changes(ent_trends *t)
{
	size_t i, k, n = 0, first;
	double sum_all = 0;

	for (i = 0; i < t->n_rel; i++) {
		n += t->rel[i].n_points;
	}
	t->changes = calloc(n + 1, sizeof(*t->changes));
	if (t->changes == NULL) {
		return ENT_ENOMEM;
	}
	/* every change d of every relation */
	for (i = 0; i < t->n_rel; i++) {
		const ent_trend_relation *r = &t->rel[i];
		for (k = 1; k < r->n_points; k++) {
			const ent_trend_point *x = &r->points[k - 1];
			const ent_trend_point *y = &r->points[k];
			ent_change *c;
			if (x->events < t->opts.min_events ||
				y->events < t->opts.min_events ||
				!ent_periods_adjacent(
					t->p, x->period, y->period)) {
				continue;
			}
			c = &t->changes[t->n_changes++];
			c->relation = i;
			c->from = x->period;
			c->to = y->period;
			c->events_before = x->events;
			c->events_after = y->events;
			c->before = x->net;
			c->after = y->net;
			c->change = y->net - x->net;
			sum_all += c->change * c->change;
		}
	}
	/* s0^2 = mean d^2; per relation, s_j^2 = (sum of its other d_i^2 +
	 * s0^2) / m. The changes of one relation are contiguous. */
	t->usual = t->n_changes ? sqrt(sum_all / (double)t->n_changes) : 0;
	for (first = 0; first < t->n_changes;) {
		size_t last = first, m;
		double sum = 0;
		while (last < t->n_changes &&
			t->changes[last].relation ==
				t->changes[first].relation) {
			sum += t->changes[last].change *
				t->changes[last].change;
			last++;
		}
		m = last - first;
		for (k = first; k < last; k++) {
			ent_change *c = &t->changes[k];
			double d2 = c->change * c->change;
			double others = sum - d2;
			double s2 = ((others > 0 ? others : 0) +
					    t->usual * t->usual) /
				(double)m;
			c->variation = sqrt(s2);
			c->score = c->change != 0 && c->variation > 0
				? c->change / c->variation
				: 0;
		}
		first = last;
	}
	sort_t = t;
	if (t->n_changes > 1) {
		qsort(t->changes, t->n_changes, sizeof(*t->changes),
			cmp_change);
	}
	sort_t = NULL;
	for (k = 0; k < t->n_changes &&
		fabs(t->changes[k].score) >= t->opts.min_score;
		k++) {
	}
	t->n_changed = k;
	return ENT_OK;
}

ent_status ent_trends_compute(ent_trends **out, const ent_periods *p,
	const ent_trend_options *opts, ent_error *err)
{
	ent_trend_options defaults = ENT_TREND_OPTIONS_INIT;
	ent_trends *t;

	if (out == NULL || p == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_trends_compute: NULL argument");
	}
	*out = NULL;
	opts = opts ? opts : &defaults;
	if (opts->min_events < 1 || !(opts->min_score >= 0)) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"trends: min_events must be at least 1 and min_score "
			"at least 0");
	}
	t = calloc(1, sizeof(*t));
	if (t == NULL) {
		return ent__error_nomem(err);
	}
	t->p = p;
	t->opts = *opts;
	if (build_relations(t) != ENT_OK || build_actors(t) != ENT_OK ||
		build_changes(t) != ENT_OK) {
		ent_trends_destroy(t);
		return ent__error_nomem(err);
	}
	*out = t;
	return ENT_OK;
}

void ent_trends_destroy(ent_trends *t)
{
	if (t == NULL) {
		return;
	}
	free(t->rel);
	free(t->points);
	free(t->act);
	free(t->act_points);
	free(t->changes);
	free(t);
}

const ent_periods *ent_trends_periods(const ent_trends *t)
{
	return t ? t->p : NULL;
}

const ent_trend_options *ent_trends_options(const ent_trends *t)
{
	return t ? &t->opts : NULL;
}

size_t ent_trends_relation_count(const ent_trends *t)
{
	return t ? t->n_rel : 0;
}

const ent_trend_relation *ent_trends_relation(const ent_trends *t, size_t i)
{
	return t && i < t->n_rel ? &t->rel[i] : NULL;
}

size_t ent_trends_find_relation(
	const ent_trends *t, const char *x, const char *y)
{
	size_t lo = 0, hi;
	const char *a, *b;

	if (t == NULL || x == NULL || y == NULL) {
		return (size_t)-1;
	}
	a = strcmp(x, y) <= 0 ? x : y;
	b = a == x ? y : x;
	hi = t->n_rel;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(t->rel[mid].a, a);
		if (c == 0) {
			c = strcmp(t->rel[mid].b, b);
		}
		if (c == 0) {
			return mid;
		}
		if (c < 0) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return (size_t)-1;
}

size_t ent_trends_actor_count(const ent_trends *t)
{
	return t ? t->n_act : 0;
}

const ent_trend_actor *ent_trends_actor(const ent_trends *t, size_t i)
{
	return t && i < t->n_act ? &t->act[i] : NULL;
}

size_t ent_trends_find_actor(const ent_trends *t, const char *code)
{
	size_t lo = 0, hi;

	if (t == NULL || code == NULL) {
		return (size_t)-1;
	}
	hi = t->n_act;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(t->act[mid].code, code);
		if (c == 0) {
			return mid;
		}
		if (c < 0) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return (size_t)-1;
}

size_t ent_trends_change_count(const ent_trends *t)
{
	return t ? t->n_changes : 0;
}

size_t ent_trends_changed_count(const ent_trends *t)
{
	return t ? t->n_changed : 0;
}

const ent_change *ent_trends_change(const ent_trends *t, size_t i)
{
	return t && i < t->n_changes ? &t->changes[i] : NULL;
}

double ent_trends_usual_change(const ent_trends *t)
{
	return t ? t->usual : 0;
}

/* -- the relation of two named actors ------------------------------------- */

/* The last day of the calendar period starting at `start`. */
static ent_date period_last_day(ent_date start, ent_period_unit unit)
{
	ent_date next = ent_period_next(start, unit);
	int y = next / 10000, m = next / 100 % 100, d = next % 100;

	ent__civil_from_days(ent__days_from_civil(y, m, d) - 1, &y, &m, &d);
	return y * 10000 + m * 100 + d;
}

/* The code a summed trend shows for a name: a state's ISO code (ROU for
 * "ROM" or "Romania"), else the name's code (RUSGOV, NATO). */
static void name_code(char out[ENT_CODE_SIZE], const ent_actor_name *n)
{
	const char *code = n->kind == ENT_ACTOR_STATE && n->state != NULL
		? n->state->code
		: n->code;

	snprintf(out, ENT_CODE_SIZE, "%s", code);
}

/* Whether relation {x, y} joins a and b in [first, last] (b NULL: one end
 * stands for a, the other does not). */
static int joins(const ent_actor_name *a, const ent_actor_name *b,
	const char *x, const char *y, ent_date first, ent_date last)
{
	int xa = ent__actor_name_match(a, x, first, last);
	int ya = ent__actor_name_match(a, y, first, last);

	if (b == NULL) {
		return xa != ya;
	}
	return (xa && ent__actor_name_match(b, y, first, last)) ||
		(ya && ent__actor_name_match(b, x, first, last));
}

ent_status ent_trends_sum(ent_trend_relation **out, const ent_trends *t,
	const ent_actor_name *a, const ent_actor_name *b, ent_error *err)
{
	size_t np, i, k, n = 0;
	int64_t *events = NULL, *coop = NULL, *confl = NULL, *net = NULL;
	double *share = NULL;
	ent_date *first = NULL, *last = NULL;
	char *has = NULL;
	ent_trend_relation *r = NULL;
	ent_trend_point *pt;
	ent_status st = ENT_OK;

	if (out == NULL || t == NULL || a == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_trends_sum: NULL argument");
	}
	*out = NULL;
	np = ent_periods_count(t->p);
	events = calloc(np + 1, sizeof(*events));
	coop = calloc(np + 1, sizeof(*coop));
	confl = calloc(np + 1, sizeof(*confl));
	net = calloc(np + 1, sizeof(*net));
	share = calloc(np + 1, sizeof(*share));
	first = calloc(np + 1, sizeof(*first));
	last = calloc(np + 1, sizeof(*last));
	has = calloc(np + 1, 1);
	if (events == NULL || coop == NULL || confl == NULL || net == NULL ||
		share == NULL || first == NULL || last == NULL || has == NULL) {
		st = ent__error_nomem(err);
		goto done;
	}
	for (i = 0; i < np; i++) {
		first[i] = ent_periods_summary(t->p, i)->start;
		last[i] = period_last_day(first[i], ent_periods_unit(t->p));
	}
	/* sums of Goldstein points in exact thousandths, so the order of the
	 * relations cannot change a digit */
	for (k = 0; k < t->n_rel; k++) {
		const ent_trend_relation *tr = &t->rel[k];
		for (i = 0; i < tr->n_points; i++) {
			const ent_trend_point *p = &tr->points[i];
			size_t q = p->period;
			if (!joins(a, b, tr->a, tr->b, first[q], last[q])) {
				continue;
			}
			n += !has[q];
			has[q] = 1;
			events[q] += p->events;
			coop[q] += ent__to_milli(p->cooperation);
			confl[q] += ent__to_milli(p->conflict);
			net[q] += ent__to_milli(p->net);
			share[q] += p->share;
		}
	}
	r = calloc(1, sizeof(*r) + (n + 1) * sizeof(*pt));
	if (r == NULL) {
		st = ent__error_nomem(err);
		goto done;
	}
	name_code(r->a, a);
	if (b != NULL) {
		name_code(r->b, b);
	}
	pt = (ent_trend_point *)(r + 1);
	r->points = pt;
	for (i = 0; i < np; i++) {
		if (!has[i]) {
			continue;
		}
		pt->period = i;
		pt->events = events[i];
		pt->cooperation = (double)coop[i] / 1000.0;
		pt->conflict = (double)confl[i] / 1000.0;
		pt->net = (double)net[i] / 1000.0;
		pt->share = share[i];
		r->events += events[i];
		pt++;
	}
	r->n_points = n;
	*out = r;
done:
	free(events);
	free(coop);
	free(confl);
	free(net);
	free(share);
	free(first);
	free(last);
	free(has);
	return st;
}
