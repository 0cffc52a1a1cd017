/* SPDX-License-Identifier: MIT */
/*
 * Centrality measures of the actor graph (definitions in metrics.h).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "graph/graph_internal.h"

struct ent_metrics {
	size_t n;
	ent_actor_metrics *actors;
};

/* Counts and strengths straight from the dyads and relations. */
static void strengths(ent_metrics *m, const ent_graph *g)
{
	size_t i;

	for (i = 0; i < ent_graph_dyad_count(g); i++) {
		const ent_dyad *d = ent_graph_dyad(g, i);
		size_t s, t;
		ent_graph_dyad_ends(g, i, &s, &t);
		m->actors[s].events_out += d->events;
		m->actors[t].events_in += d->events;
		m->actors[s].cooperation_out += d->cooperation;
		m->actors[t].cooperation_in += d->cooperation;
		m->actors[s].conflict_out += d->conflict;
		m->actors[t].conflict_in += d->conflict;
	}
	for (i = 0; i < ent_graph_relation_count(g); i++) {
		const ent_relation *r = ent_graph_relation(g, i);
		m->actors[r->a].degree++;
		m->actors[r->b].degree++;
	}
}

static igraph_error_t pagerank(ent_metrics *m, const ent_graph *g,
	double damping)
{
	const igraph_t *ig = ent__graph_igraph(g);
	igraph_vector_t weights, ranks;
	igraph_real_t value;
	double total = 0;
	size_t i, n_edges = ent_graph_dyad_count(g);

	IGRAPH_VECTOR_INIT_FINALLY(&weights, (igraph_integer_t)n_edges);
	IGRAPH_VECTOR_INIT_FINALLY(&ranks, 0);
	for (i = 0; i < n_edges; i++) {
		const ent_dyad *d = ent_graph_dyad(g, i);
		VECTOR(weights)[i] = d->cooperation + d->conflict;
		total += VECTOR(weights)[i];
	}
	IGRAPH_CHECK(igraph_pagerank(ig, IGRAPH_PAGERANK_ALGO_PRPACK, &ranks,
		&value, igraph_vss_all(), IGRAPH_DIRECTED, damping,
		total > 0 ? &weights : NULL, NULL));
	for (i = 0; i < m->n; i++) {
		m->actors[i].pagerank = VECTOR(ranks)[i];
	}
	igraph_vector_destroy(&ranks);
	igraph_vector_destroy(&weights);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

/* The cooperation layer: one undirected edge per relation with
 * cooperation > 0; `lengths` gets 1 / cooperation. */
static igraph_error_t cooperation_layer(igraph_t *out, igraph_vector_t *lengths,
	const ent_graph *g)
{
	igraph_vector_int_t edges;
	size_t i;

	IGRAPH_VECTOR_INT_INIT_FINALLY(&edges, 0);
	IGRAPH_CHECK(igraph_vector_resize(lengths, 0));
	for (i = 0; i < ent_graph_relation_count(g); i++) {
		const ent_relation *r = ent_graph_relation(g, i);
		if (r->cooperation <= 0) {
			continue;
		}
		IGRAPH_CHECK(igraph_vector_int_push_back(&edges, (igraph_integer_t)r->a));
		IGRAPH_CHECK(igraph_vector_int_push_back(&edges, (igraph_integer_t)r->b));
		IGRAPH_CHECK(igraph_vector_push_back(lengths, 1.0 / r->cooperation));
	}
	IGRAPH_CHECK(igraph_create(out, &edges,
		(igraph_integer_t)ent_graph_actor_count(g), IGRAPH_UNDIRECTED));
	igraph_vector_int_destroy(&edges);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

static igraph_error_t betweenness(ent_metrics *m, const ent_graph *g)
{
	igraph_t coop;
	igraph_vector_t lengths, res;
	size_t i;

	IGRAPH_VECTOR_INIT_FINALLY(&lengths, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&res, 0);
	IGRAPH_CHECK(cooperation_layer(&coop, &lengths, g));
	IGRAPH_FINALLY(igraph_destroy, &coop);
	IGRAPH_CHECK(igraph_betweenness(&coop, &res, igraph_vss_all(),
		IGRAPH_UNDIRECTED, &lengths));
	for (i = 0; i < m->n; i++) {
		m->actors[i].betweenness = VECTOR(res)[i];
	}
	igraph_destroy(&coop);
	igraph_vector_destroy(&res);
	igraph_vector_destroy(&lengths);
	IGRAPH_FINALLY_CLEAN(3);
	return IGRAPH_SUCCESS;
}

static igraph_error_t compute_all(ent_metrics *m, const ent_graph *g,
	const ent_metrics_options *opts)
{
	if (m->n == 0) {
		return IGRAPH_SUCCESS;
	}
	IGRAPH_CHECK(pagerank(m, g, opts->damping));
	IGRAPH_CHECK(betweenness(m, g));
	return IGRAPH_SUCCESS;
}

ent_status ent_metrics_compute(ent_metrics **out, const ent_graph *g,
	const ent_metrics_options *opts, ent_error *err)
{
	ent_metrics_options defaults = ENT_METRICS_OPTIONS_INIT;
	ent_metrics *m = NULL;
	ent__igraph_guard guard;
	igraph_error_t rc;
	ent_status st;

	if (out == NULL || g == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_metrics_compute: NULL argument");
	}
	*out = NULL;
	if (opts == NULL) {
		opts = &defaults;
	}
	if (!(opts->damping > 0 && opts->damping < 1)) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"damping must be between 0 and 1, not %g", opts->damping);
	}
	m = calloc(1, sizeof(*m));
	if (m == NULL) {
		return ent__error_nomem(err);
	}
	m->n = ent_graph_actor_count(g);
	m->actors = calloc(m->n ? m->n : 1, sizeof(*m->actors));
	if (m->actors == NULL) {
		ent_metrics_destroy(m);
		return ent__error_nomem(err);
	}
	strengths(m, g);
	ent__igraph_enter(&guard);
	rc = compute_all(m, g, opts);
	st = ent__igraph_leave(&guard, rc, err);
	if (st != ENT_OK) {
		ent_metrics_destroy(m);
		return st;
	}
	*out = m;
	return ENT_OK;
}

void ent_metrics_destroy(ent_metrics *m)
{
	if (m == NULL) {
		return;
	}
	free(m->actors);
	free(m);
}

const ent_actor_metrics *ent_metrics_actor(const ent_metrics *m, size_t i)
{
	return m && i < m->n ? &m->actors[i] : NULL;
}
