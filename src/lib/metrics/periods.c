/* SPDX-License-Identifier: MIT */
/*
 * The relations of each time period of a dataset (definitions in
 * metrics.h), so a relation's net weight can be followed over time.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "metrics/metrics_internal.h"

typedef struct period {
	ent_period_summary summary;
	size_t n_rel;
	ent_period_relation *rel;
	size_t n_act;
	ent_period_actor *act;
	ent_graph *g;   /* the period's graph and measures, kept by */
	ent_metrics *m; /* ent_periods_compute_actors() */
} period;

struct ent_periods {
	ent_period_unit unit;
	size_t count;
	period *periods;
};

void ent_periods_destroy(ent_periods *p)
{
	size_t i;

	if (p == NULL) {
		return;
	}
	for (i = 0; i < p->count; i++) {
		free(p->periods[i].rel);
		free(p->periods[i].act);
		ent_metrics_destroy(p->periods[i].m);
		ent_graph_destroy(p->periods[i].g);
	}
	free(p->periods);
	free(p);
}

/* The measures of a period's actors, from its own graph (kept, with the
 * measures, in `out`). */
static ent_status fill_actors(period *out, ent_graph *g, ent_error *err)
{
	ent_metrics *m = NULL;
	size_t i, n = ent_graph_actor_count(g);
	ent_status st;

	st = ent_metrics_compute(&m, g, NULL, err);
	if (st != ENT_OK) {
		return st;
	}
	out->act = calloc(n + 1, sizeof(*out->act));
	if (out->act == NULL) {
		ent_metrics_destroy(m);
		return ent__error_nomem(err);
	}
	/* a period's graph holds only actors with events in it */
	for (i = 0; i < n; i++) {
		const ent_actor_metrics *am = ent_metrics_actor(m, i);
		ent_period_actor *pa = &out->act[i];
		snprintf(pa->code, sizeof(pa->code), "%s",
			ent_graph_actor(g, i)->code);
		pa->events = am->events_out + am->events_in;
		pa->cooperation = am->cooperation_out + am->cooperation_in;
		pa->conflict = am->conflict_out + am->conflict_in;
		pa->pagerank = am->pagerank;
		pa->bloc = am->bloc;
	}
	out->n_act = n;
	out->g = g;
	out->m = m;
	return ENT_OK;
}

/* Fill one period from its graph. */
static ent_status fill_period(period *out, const ent_graph *g)
{
	ent_period_summary *sm = &out->summary;
	ent__signed s;
	ent_triangle *tri = NULL;
	size_t i, n_tri = 0, balanced = 0;
	char *active = NULL;
	ent_status st;

	memset(&s, 0, sizeof(s));
	out->n_rel = ent_graph_relation_count(g);
	out->rel = calloc(out->n_rel + 1, sizeof(*out->rel));
	active = calloc(ent_graph_actor_count(g) + 1, 1);
	if (out->rel == NULL || active == NULL) {
		st = ENT_ENOMEM;
		goto done;
	}
	for (i = 0; i < ent_graph_dyad_count(g); i++) {
		size_t a, b;
		sm->events += ent_graph_dyad(g, i)->events;
		ent_graph_dyad_ends(g, i, &a, &b);
		active[a] = active[b] = 1;
	}
	for (i = 0; i < ent_graph_actor_count(g); i++) {
		sm->actors += active[i];
	}
	for (i = 0; i < out->n_rel; i++) {
		const ent_relation *r = ent_graph_relation(g, i);
		ent_period_relation *pr = &out->rel[i];
		/* vertices are sorted by code, so a < b holds in code order */
		snprintf(pr->a, sizeof(pr->a), "%s",
			ent_graph_actor(g, r->a)->code);
		snprintf(pr->b, sizeof(pr->b), "%s",
			ent_graph_actor(g, r->b)->code);
		pr->events = r->events;
		pr->cooperation = r->cooperation;
		pr->conflict = r->conflict;
		pr->net = r->net;
		pr->sign = r->sign;
		sm->alliances += r->sign > 0;
		sm->tensions += r->sign < 0;
		sm->cooperation += r->cooperation;
		sm->conflict += r->conflict;
	}
	sm->relations = out->n_rel;
	sm->net = sm->cooperation - sm->conflict;
	st = ent__signed_build(&s, g);
	if (st != ENT_OK) {
		goto done;
	}
	st = ent__signed_triangles(&s, &tri, &n_tri);
	if (st != ENT_OK) {
		goto done;
	}
	for (i = 0; i < n_tri; i++) {
		balanced += tri[i].sign > 0;
	}
	sm->triangles = (int64_t)n_tri;
	sm->triangle_index = n_tri ? (double)balanced / (double)n_tri : 1;
done:
	free(tri);
	free(active);
	ent__signed_finish(&s);
	return st;
}

ent_status ent_periods_compute(ent_periods **out, const ent_dataset *ds,
	const ent_graph_options *gopts, ent_error *err)
{
	ent_periods *p = NULL;
	ent_graph *g = NULL;
	size_t i;
	ent_status st = ENT_OK;

	if (out == NULL || ds == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_periods_compute: NULL argument");
	}
	*out = NULL;
	p = calloc(1, sizeof(*p));
	if (p == NULL) {
		return ent__error_nomem(err);
	}
	p->unit = ent_dataset_options_get(ds)->by;
	p->count = ent_dataset_period_count(ds);
	p->periods = calloc(p->count + 1, sizeof(*p->periods));
	if (p->periods == NULL) {
		st = ent__error_nomem(err);
		goto done;
	}
	for (i = 0; i < p->count; i++) {
		ent_date start;
		const ent_dyads *dyads;
		st = ent_dataset_period(ds, i, &start, &dyads);
		if (st != ENT_OK) {
			ent__error_set(
				err, st, NULL, 0, 0, "period %zu not found", i);
			goto done;
		}
		st = ent_graph_build(&g, dyads, gopts, err);
		if (st != ENT_OK) {
			goto done;
		}
		p->periods[i].summary.start = start;
		ent_period_label(start, p->unit, p->periods[i].summary.label);
		st = fill_period(&p->periods[i], g);
		if (st != ENT_OK) {
			st = ent__error_nomem(err);
			goto done;
		}
		ent_graph_destroy(g);
		g = NULL;
	}
	*out = p;
	p = NULL;
done:
	ent_graph_destroy(g);
	ent_periods_destroy(p);
	return st;
}

ent_period_unit ent_periods_unit(const ent_periods *p)
{
	return p ? p->unit : ENT_PERIOD_NONE;
}

size_t ent_periods_count(const ent_periods *p)
{
	return p ? p->count : 0;
}

const ent_period_summary *ent_periods_summary(const ent_periods *p, size_t i)
{
	return p && i < p->count ? &p->periods[i].summary : NULL;
}

size_t ent_periods_relation_count(const ent_periods *p, size_t i)
{
	return p && i < p->count ? p->periods[i].n_rel : 0;
}

const ent_period_relation *ent_periods_relation(
	const ent_periods *p, size_t i, size_t j)
{
	return p && i < p->count && j < p->periods[i].n_rel
		? &p->periods[i].rel[j]
		: NULL;
}

size_t ent_periods_actor_count(const ent_periods *p, size_t i)
{
	return p && i < p->count ? p->periods[i].n_act : 0;
}

const ent_period_actor *ent_periods_actor(
	const ent_periods *p, size_t i, size_t j)
{
	return p && i < p->count && j < p->periods[i].n_act
		? &p->periods[i].act[j]
		: NULL;
}

ent_status ent_periods_compute_actors(ent_periods *p, const ent_dataset *ds,
	const ent_graph_options *gopts, ent_error *err)
{
	ent_graph *g = NULL;
	size_t i;
	ent_status st = ENT_OK;

	if (p == NULL || ds == NULL ||
		ent_dataset_period_count(ds) != p->count) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_periods_compute_actors: not the periods of this "
			"dataset");
	}
	for (i = 0; i < p->count && st == ENT_OK; i++) {
		const ent_dyads *dyads;
		if (p->periods[i].act != NULL) {
			continue; /* done before */
		}
		st = ent_dataset_period(ds, i, NULL, &dyads);
		if (st != ENT_OK) {
			return ent__error_set(
				err, st, NULL, 0, 0, "period %zu not found", i);
		}
		st = ent_graph_build(&g, dyads, gopts, err);
		if (st == ENT_OK) {
			st = fill_actors(&p->periods[i], g, err);
		}
		if (st != ENT_OK) {
			ent_graph_destroy(g);
		}
		g = NULL;
	}
	return st;
}

const ent_graph *ent_periods_graph(const ent_periods *p, size_t i)
{
	return p && i < p->count ? p->periods[i].g : NULL;
}

const ent_metrics *ent_periods_metrics(const ent_periods *p, size_t i)
{
	return p && i < p->count ? p->periods[i].m : NULL;
}
