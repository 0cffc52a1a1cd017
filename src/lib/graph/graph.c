/* SPDX-License-Identifier: MIT */
/*
 * The actor graph: vertices (actors sorted by code), directed edges (dyads
 * in (source, target) order) and undirected relations, over an igraph
 * directed graph whose vertex and edge ids are the indices used here.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "graph/graph_internal.h"

struct ent_graph {
	igraph_t ig;
	int ig_ready;
	ent_actor *actors;
	char (*codes)[ENT_CODE_SIZE];
	size_t n_actors;
	ent_dyad *dyads;
	size_t *ends;          /* 2 per dyad: source, target vertex */
	size_t n_dyads;
	ent_relation *relations;
	size_t n_relations;
};

const igraph_t *ent__graph_igraph(const ent_graph *g)
{
	return &g->ig;
}

static int cmp_code(const void *a, const void *b)
{
	return strcmp(a, b);
}

size_t ent_graph_actor_index(const ent_graph *g, const char *code)
{
	char (*hit)[ENT_CODE_SIZE];
	char key[ENT_CODE_SIZE] = {0};

	if (g == NULL || code == NULL || strlen(code) >= ENT_CODE_SIZE) {
		return (size_t)-1;
	}
	strcpy(key, code);
	hit = bsearch(key, g->codes, g->n_actors, sizeof(*g->codes), cmp_code);
	return hit ? (size_t)(hit - g->codes) : (size_t)-1;
}

static int cmp_relation(const void *a, const void *b)
{
	const ent_relation *x = a, *y = b;

	if (x->a != y->a) {
		return x->a < y->a ? -1 : 1;
	}
	if (x->b != y->b) {
		return x->b < y->b ? -1 : 1;
	}
	return 0;
}

/* Collect the kept dyads and the sorted, unique actor codes. */
static ent_status collect(ent_graph *g, const ent_dyads *dyads,
	int64_t min_events)
{
	size_t n = ent_dyads_count(dyads), i, k;

	g->dyads = malloc((n ? n : 1) * sizeof(*g->dyads));
	g->codes = malloc((n > 0 ? 2 * n : 1) * sizeof(*g->codes));
	if (g->dyads == NULL || g->codes == NULL) {
		return ENT_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		ent_dyad d;
		ent_status st = ent_dyads_get(&d, dyads, i);
		if (st != ENT_OK) {
			return st;
		}
		if (d.events < min_events) {
			continue;
		}
		g->dyads[g->n_dyads++] = d;
	}
	for (i = 0; i < g->n_dyads; i++) {
		memcpy(g->codes[2 * i], g->dyads[i].source, ENT_CODE_SIZE);
		memcpy(g->codes[2 * i + 1], g->dyads[i].target, ENT_CODE_SIZE);
	}
	qsort(g->codes, 2 * g->n_dyads, sizeof(*g->codes), cmp_code);
	for (i = 0, k = 0; i < 2 * g->n_dyads; i++) {
		if (k == 0 || strcmp(g->codes[k - 1], g->codes[i]) != 0) {
			memmove(g->codes[k++], g->codes[i], ENT_CODE_SIZE);
		}
	}
	g->n_actors = k;
	return ENT_OK;
}

/* Relations: the dyads are sorted by (source, target); fold each pair's
 * two directions together through a sort on (min, max) vertex. */
static ent_status fold_relations(ent_graph *g)
{
	size_t i, k;
	ent_relation *r;

	r = malloc((g->n_dyads ? g->n_dyads : 1) * sizeof(*r));
	if (r == NULL) {
		return ENT_ENOMEM;
	}
	for (i = 0; i < g->n_dyads; i++) {
		size_t s = g->ends[2 * i], t = g->ends[2 * i + 1];
		r[i].a = s < t ? s : t;
		r[i].b = s < t ? t : s;
		r[i].events = g->dyads[i].events;
		r[i].cooperation = g->dyads[i].cooperation;
		r[i].conflict = g->dyads[i].conflict;
	}
	qsort(r, g->n_dyads, sizeof(*r), cmp_relation);
	for (i = 0, k = 0; i < g->n_dyads; i++) {
		if (k > 0 && r[k - 1].a == r[i].a && r[k - 1].b == r[i].b) {
			r[k - 1].events += r[i].events;
			r[k - 1].cooperation += r[i].cooperation;
			r[k - 1].conflict += r[i].conflict;
		} else {
			r[k++] = r[i];
		}
	}
	for (i = 0; i < k; i++) {
		/* both sums are exact thousandths; compare in integers so that
		 * equal sums give sign 0 whatever the floating-point rounding */
		int64_t c = ent__to_milli(r[i].cooperation);
		int64_t x = ent__to_milli(r[i].conflict);
		r[i].net = (double)(c - x) / 1000.0;
		r[i].sign = c > x ? 1 : (c < x ? -1 : 0);
	}
	g->relations = r;
	g->n_relations = k;
	return ENT_OK;
}

static igraph_error_t build_igraph(ent_graph *g)
{
	igraph_vector_int_t edges;
	size_t i;

	IGRAPH_VECTOR_INT_INIT_FINALLY(&edges, (igraph_integer_t)(2 * g->n_dyads));
	for (i = 0; i < 2 * g->n_dyads; i++) {
		VECTOR(edges)[i] = (igraph_integer_t)g->ends[i];
	}
	IGRAPH_CHECK(igraph_create(&g->ig, &edges,
		(igraph_integer_t)g->n_actors, IGRAPH_DIRECTED));
	g->ig_ready = 1;
	igraph_vector_int_destroy(&edges);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

ent_status ent_graph_build(ent_graph **out, const ent_dyads *dyads,
	const ent_graph_options *opts, ent_error *err)
{
	ent_graph *g = NULL;
	ent__igraph_guard guard;
	igraph_error_t rc;
	ent_status st = ENT_OK;
	size_t i;

	if (out == NULL || dyads == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_graph_build: NULL argument");
	}
	*out = NULL;
	g = calloc(1, sizeof(*g));
	if (g == NULL) {
		return ent__error_nomem(err);
	}
	if ((st = collect(g, dyads, opts ? opts->min_events : 0)) != ENT_OK) {
		goto done;
	}
	g->actors = calloc(g->n_actors ? g->n_actors : 1, sizeof(*g->actors));
	g->ends = malloc((g->n_dyads > 0 ? 2 * g->n_dyads : 1) *
		sizeof(*g->ends));
	if (g->actors == NULL || g->ends == NULL) {
		st = ENT_ENOMEM;
		goto done;
	}
	for (i = 0; i < g->n_actors; i++) {
		const ent_state *s = ent_state_lookup(g->codes[i]);
		g->actors[i].code = g->codes[i];
		/* the state table's name for ISO codes; other codes name themselves */
		g->actors[i].name = s && strcmp(s->code, g->codes[i]) == 0
			? s->name : g->codes[i];
	}
	for (i = 0; i < g->n_dyads; i++) {
		g->ends[2 * i] = ent_graph_actor_index(g, g->dyads[i].source);
		g->ends[2 * i + 1] = ent_graph_actor_index(g, g->dyads[i].target);
	}
	if ((st = fold_relations(g)) != ENT_OK) {
		goto done;
	}
	ent__igraph_enter(&guard);
	rc = build_igraph(g);
	st = ent__igraph_leave(&guard, rc, err);
	if (st != ENT_OK) {
		goto done;
	}
done:
	if (st != ENT_OK) {
		if (st == ENT_ENOMEM) {
			ent__error_nomem(err);
		}
		ent_graph_destroy(g);
		return st;
	}
	*out = g;
	return ENT_OK;
}

void ent_graph_destroy(ent_graph *g)
{
	if (g == NULL) {
		return;
	}
	if (g->ig_ready) {
		igraph_destroy(&g->ig);
	}
	free(g->actors);
	free(g->codes);
	free(g->dyads);
	free(g->ends);
	free(g->relations);
	free(g);
}

size_t ent_graph_actor_count(const ent_graph *g)
{
	return g ? g->n_actors : 0;
}

const ent_actor *ent_graph_actor(const ent_graph *g, size_t i)
{
	return g && i < g->n_actors ? &g->actors[i] : NULL;
}

size_t ent_graph_dyad_count(const ent_graph *g)
{
	return g ? g->n_dyads : 0;
}

const ent_dyad *ent_graph_dyad(const ent_graph *g, size_t i)
{
	return g && i < g->n_dyads ? &g->dyads[i] : NULL;
}

void ent_graph_dyad_ends(const ent_graph *g, size_t i, size_t *source,
	size_t *target)
{
	if (g == NULL || i >= g->n_dyads) {
		return;
	}
	if (source) {
		*source = g->ends[2 * i];
	}
	if (target) {
		*target = g->ends[2 * i + 1];
	}
}

size_t ent_graph_relation_count(const ent_graph *g)
{
	return g ? g->n_relations : 0;
}

const ent_relation *ent_graph_relation(const ent_graph *g, size_t i)
{
	return g && i < g->n_relations ? &g->relations[i] : NULL;
}
