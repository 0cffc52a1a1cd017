/* SPDX-License-Identifier: MIT */
/*
 * Private view of the graph module for the metric, render and report
 * modules: the igraph object behind an ent_graph.
 */
#ifndef ENT_GRAPH_INTERNAL_H
#define ENT_GRAPH_INTERNAL_H

#include <igraph.h>

#include <entente/graph.h>

/* The directed igraph graph: vertex i is actor i, edge i is dyad i. */
const igraph_t *ent__graph_igraph(const ent_graph *g);

/* Capture igraph errors instead of letting igraph abort the process. */
typedef struct ent__igraph_guard {
	igraph_error_handler_t *prev_error;
	igraph_warning_handler_t *prev_warning;
} ent__igraph_guard;

void ent__igraph_enter(ent__igraph_guard *guard);
/* Restore the handlers; when rc is not IGRAPH_SUCCESS fill err with the
 * captured message and return ENT_EMETRIC (ENT_ENOMEM for IGRAPH_ENOMEM). */
ent_status ent__igraph_leave(ent__igraph_guard *guard, igraph_error_t rc,
	ent_error *err);

#endif
