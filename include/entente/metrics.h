/* SPDX-License-Identifier: MIT */
/**
 * @file metrics.h
 * @brief Centrality of actors on the signed, weighted actor graph.
 *
 * Definitions, per actor v (DESIGN.md "Metrics"):
 *
 * - events_out, events_in: events of the dyads leaving / entering v.
 * - cooperation_out/_in, conflict_out/_in: sums of the dyads' cooperation
 *   and conflict leaving / entering v (weighted strength by layer).
 * - degree: number of distinct other actors v has a dyad with, either way.
 * - pagerank: PageRank on the directed dyads, edge weight = cooperation +
 *   conflict (total |Goldstein|), damping 0.85, igraph's PRPACK solver;
 *   dangling actors spread their rank uniformly. Sums to 1 over actors
 *   (0 for every actor when no dyad has weight).
 * - betweenness: on the cooperation layer (one undirected edge per pair
 *   whose relation has cooperation > 0, weight = that cooperation summed
 *   over both directions, distance = 1 / weight), the raw number of
 *   shortest paths through v (igraph's definition, NetworkX with
 *   normalized=False).
 */
#ifndef ENT_METRICS_H
#define ENT_METRICS_H

#include <entente/common.h>
#include <entente/error.h>
#include <entente/graph.h>

ENT_BEGIN_DECLS

/** Per-actor measures (see the file comment). */
typedef struct ent_actor_metrics {
	int64_t events_out, events_in;
	double cooperation_out, cooperation_in;
	double conflict_out, conflict_in;
	int64_t degree;
	double pagerank;
	double betweenness;
} ent_actor_metrics;

/** Measures of one graph. */
typedef struct ent_metrics ent_metrics;

/** Options of the metrics. */
typedef struct ent_metrics_options {
	unsigned int version;
	double damping;        /**< PageRank damping, default 0.85 */
	unsigned long seed;    /**< RNG seed for randomised algorithms */
} ent_metrics_options;

#define ENT_METRICS_OPTIONS_VERSION 1
#define ENT_METRICS_OPTIONS_INIT {ENT_METRICS_OPTIONS_VERSION, 0.85, 42}

/**
 * Compute every measure of a graph.
 * Time complexity: O(V E + V^2 log V) for betweenness; the rest is lower.
 */
ENT_API ent_status ent_metrics_compute(ent_metrics **out, const ent_graph *g,
	const ent_metrics_options *opts, ent_error *err);
/** Destroy. Accepts NULL. */
ENT_API void ent_metrics_destroy(ent_metrics *m);
/** The measures of actor i (vertex index of the graph), NULL out of range. */
ENT_API const ent_actor_metrics *ent_metrics_actor(const ent_metrics *m,
	size_t i);

ENT_END_DECLS

#endif
