/* SPDX-License-Identifier: MIT */
/*
 * GraphML and GML exports through igraph's writers, for Gephi and
 * Cytoscape. igraph's attribute handler is process-global: the C
 * attribute table is installed only around the export and the previous
 * handler put back, so the rest of the library keeps running without one.
 *
 * The exported graph is the directed dyad graph, whole (the diagram's
 * --top and --min-weight do not apply), with these attributes:
 * vertices: code, label (the name) and, with metrics, pagerank,
 * betweenness, degree, eventsIn, eventsOut, harmonic, eigenvector, hub,
 * authority, pn, tensionShare, component and bloc (metrics.h defines them;
 * bloc from 1, or the caller's blocs + 1 with 0 for none);
 * edges: events, coopEvents, conflictEvents, goldsteinSum, goldsteinMean,
 * cooperation, conflict, net (cooperation - conflict), sign (of net),
 * first and last (YYYY-MM-DD, empty when undated). GML keys may not hold
 * '_', hence the camel case.
 */
#include <stdlib.h>
#include <string.h>

#include "graph/graph_internal.h"
#include "render/render_internal.h"

static igraph_error_t set_vs(
	igraph_t *h, const char *name, igraph_integer_t v, const char *value)
{
	ent__buf b = {0};
	igraph_error_t rc;

	/* valid UTF-8 without control characters: GraphML is XML */
	if (ent__text_clean(&b, value) < 0) {
		ent__buf_free(&b);
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	}
	rc = SETVAS(h, name, v, b.data ? b.data : "");
	ent__buf_free(&b);
	return rc;
}

static igraph_error_t fill(igraph_t *h, const ent_graph *g,
	const ent_metrics *m, const ent_render_options *opts)
{
	igraph_integer_t n = (igraph_integer_t)ent_graph_actor_count(g);
	size_t nd = ent_graph_dyad_count(g), i;
	igraph_vector_int_t edges;
	char date[11];

	IGRAPH_VECTOR_INT_INIT_FINALLY(&edges, (igraph_integer_t)(2 * nd));
	for (i = 0; i < nd; i++) {
		size_t s, t;

		ent_graph_dyad_ends(g, i, &s, &t);
		VECTOR(edges)[2 * i] = (igraph_integer_t)s;
		VECTOR(edges)[2 * i + 1] = (igraph_integer_t)t;
	}
	IGRAPH_CHECK(igraph_add_vertices(h, n, NULL));
	IGRAPH_CHECK(igraph_add_edges(h, &edges, NULL));
	igraph_vector_int_destroy(&edges);
	IGRAPH_FINALLY_CLEAN(1);

	for (i = 0; i < (size_t)n; i++) {
		const ent_actor *a = ent_graph_actor(g, i);
		const ent_actor_metrics *am =
			m ? ent_metrics_actor(m, i) : NULL;
		igraph_integer_t v = (igraph_integer_t)i;

		IGRAPH_CHECK(set_vs(h, "code", v, a->code));
		IGRAPH_CHECK(
			set_vs(h, "label", v, a->name ? a->name : a->code));
		if (am != NULL) {
			IGRAPH_CHECK(SETVAN(h, "pagerank", v, am->pagerank));
			IGRAPH_CHECK(
				SETVAN(h, "betweenness", v, am->betweenness));
			IGRAPH_CHECK(
				SETVAN(h, "degree", v, (double)am->degree));
			IGRAPH_CHECK(SETVAN(
				h, "eventsIn", v, (double)am->events_in));
			IGRAPH_CHECK(SETVAN(
				h, "eventsOut", v, (double)am->events_out));
			IGRAPH_CHECK(SETVAN(h, "harmonic", v, am->harmonic));
			IGRAPH_CHECK(
				SETVAN(h, "eigenvector", v, am->eigenvector));
			IGRAPH_CHECK(SETVAN(h, "hub", v, am->hub));
			IGRAPH_CHECK(SETVAN(h, "authority", v, am->authority));
			IGRAPH_CHECK(SETVAN(h, "pn", v, am->pn));
			IGRAPH_CHECK(SETVAN(
				h, "tensionShare", v, am->tension_share));
			IGRAPH_CHECK(SETVAN(
				h, "component", v, (double)am->component));
		}
		if (opts->blocs != NULL) {
			IGRAPH_CHECK(SETVAN(h, "bloc", v,
				opts->blocs[i] >= 0 ? opts->blocs[i] + 1 : 0));
		} else if (am != NULL) {
			IGRAPH_CHECK(SETVAN(h, "bloc", v, (double)am->bloc));
		}
	}
	for (i = 0; i < nd; i++) {
		const ent_dyad *d = ent_graph_dyad(g, i);
		igraph_integer_t e = (igraph_integer_t)i;
		double net = d->cooperation - d->conflict;

		IGRAPH_CHECK(SETEAN(h, "events", e, (double)d->events));
		IGRAPH_CHECK(
			SETEAN(h, "coopEvents", e, (double)d->coop_events));
		IGRAPH_CHECK(SETEAN(
			h, "conflictEvents", e, (double)d->conflict_events));
		IGRAPH_CHECK(SETEAN(h, "goldsteinSum", e, d->goldstein_sum));
		IGRAPH_CHECK(SETEAN(h, "goldsteinMean", e, d->goldstein_mean));
		IGRAPH_CHECK(SETEAN(h, "cooperation", e, d->cooperation));
		IGRAPH_CHECK(SETEAN(h, "conflict", e, d->conflict));
		IGRAPH_CHECK(SETEAN(h, "net", e, net));
		IGRAPH_CHECK(SETEAN(h, "sign", e,
			net > 0           ? 1
				: net < 0 ? -1
					  : 0));
		date[0] = '\0';
		if (d->first != 0) {
			ent_date_format(d->first, date);
		}
		IGRAPH_CHECK(SETEAS(h, "first", e, date));
		date[0] = '\0';
		if (d->last != 0) {
			ent_date_format(d->last, date);
		}
		IGRAPH_CHECK(SETEAS(h, "last", e, date));
	}
	return IGRAPH_SUCCESS;
}

ent_status ent__export_write(FILE *fp, const ent_graph *g, const ent_metrics *m,
	const ent_render_options *opts, ent_error *err)
{
	igraph_attribute_table_t *prev;
	ent__igraph_guard guard;
	igraph_t h;
	int have_graph = 0;
	igraph_error_t rc;
	ent_status status;

	ent__igraph_enter(&guard);
	/* the graph must be created while the table is installed, so that
	 * it carries an attribute record */
	prev = igraph_set_attribute_table(&igraph_cattribute_table);
	rc = igraph_empty(&h, 0, IGRAPH_DIRECTED);
	if (rc == IGRAPH_SUCCESS) {
		have_graph = 1;
		rc = fill(&h, g, m, opts);
	}
	if (rc == IGRAPH_SUCCESS) {
		rc = opts->format == ENT_RENDER_GML
			? igraph_write_graph_gml(&h, fp,
				  IGRAPH_WRITE_GML_DEFAULT_SW, NULL, "entente")
			: igraph_write_graph_graphml(&h, fp, 0);
	}
	if (have_graph) {
		igraph_destroy(&h);
	}
	igraph_set_attribute_table(prev);
	status = ent__igraph_leave(&guard, rc, err);
	if (status == ENT_EMETRIC && err != NULL) {
		/* name the stage: the message is igraph's */
		char msg[ENT_ERROR_SIZE];
		size_t len = strlen(err->message);

		if (len > sizeof(msg) - 9) {
			len = sizeof(msg) - 9;
		}
		memcpy(msg, "export: ", 8);
		memcpy(msg + 8, err->message, len);
		msg[8 + len] = '\0';
		memcpy(err->message, msg, sizeof(msg));
	}
	return status;
}
