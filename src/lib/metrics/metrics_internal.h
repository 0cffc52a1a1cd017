/* SPDX-License-Identifier: MIT */
/*
 * Private parts of the metrics module: the measures object and the signed
 * layer shared by blocs, balance, tension and periods.
 */
#ifndef ENT_METRICS_INTERNAL_H
#define ENT_METRICS_INTERNAL_H

#include <stdint.h>

#include <igraph.h>

#include <entente/metrics.h>

struct ent_metrics {
	size_t n;
	ent_actor_metrics *actors;
	size_t n_components;
	size_t n_blocs;
	ent_bloc *blocs;
	size_t *bloc_members; /* members of every bloc, bloc after bloc */
	ent_balance balance;
	ent_tension tension;
	size_t n_unbalanced;
	ent_triangle *unbalanced;
	int *side; /* best two-group partition */
	size_t path_sources; /* sources of the betweenness sample, 0: exact */
	double modularity;   /* signed modularity of the blocs */
};

/* The signed layer (metrics.h): one edge per relation with a sign, in
 * relation order, with a CSR adjacency. */
typedef struct ent__signed {
	size_t n, m;
	size_t *ea, *eb; /* ends, ea < eb */
	int *sign;
	double *weight;        /* |net| */
	size_t *rel;           /* relation index of the edge */
	size_t *off;           /* n + 1 offsets into adj_v / adj_e */
	size_t *adj_v, *adj_e; /* neighbour and edge, neighbours ascending */
} ent__signed;

ent_status ent__signed_build(ent__signed *s, const ent_graph *g);
void ent__signed_finish(ent__signed *s);

/* Connected components of the signed layer, numbered from 0 by size
 * (largest first), ties by first actor. comp must hold n entries. */
ent_status ent__signed_components(
	const ent__signed *s, size_t *comp, size_t *count_out);

/* Every triangle of the signed layer, a < b < c in lexicographic order.
 * *out is malloc'd (NULL when there is none). */
ent_status ent__signed_triangles(
	const ent__signed *s, ent_triangle **out, size_t *count_out);

/* Every triangle of the signed layer once (a < b < c), handed to fn in an
 * order of the algorithm's, without keeping them. O(m^1.5) time, O(n + m)
 * memory. */
typedef void (*ent__triangle_fn)(const ent_triangle *t, void *payload);
ent_status ent__signed_triangles_each(
	const ent__signed *s, ent__triangle_fn fn, void *payload);

/* An undirected graph with signed weights for the bloc search: CSR with
 * both directions of every edge, no self-loops; kp / kn are the positive
 * and negative strengths of each node (for an aggregated node, those of
 * its members), wp2 / wn2 their sums (2W+ and 2W-). */
typedef struct ent__wgraph {
	size_t n;
	size_t *off; /* n + 1 */
	size_t *adj;
	double *w;
	double *kp, *kn;
	double wp2, wn2;
} ent__wgraph;

void ent__wgraph_finish(ent__wgraph *g);

/* Signed Louvain (louvain.c): a partition of g maximising the signed
 * modularity, deterministic for a seed. Starts from every node alone or,
 * with ENT__LOUVAIN_FROM_LABEL, from the partition in `label` (ids below
 * n); with ENT__LOUVAIN_ANNEAL, anneals from Louvain's result and runs
 * Louvain again. label (n entries) gets community numbers from 0 in order
 * of their first node, *count_out their number. */
#define ENT__LOUVAIN_FROM_LABEL 1u
#define ENT__LOUVAIN_ANNEAL 2u
ent_status ent__louvain(const ent__wgraph *g, uint64_t seed, unsigned flags,
	size_t *label, size_t *count_out);

/* Signed modularity of the partition `label` of g (metrics.h, Blocs). */
double ent__signed_modularity(const ent__wgraph *g, const size_t *label);

/* The cooperation layer for shortest paths (paths.c): CSR with both
 * directions of every edge, len = 1 / cooperation; at most UINT32_MAX - 1
 * vertices (ENT_MAX_ACTORS is far below). */
typedef struct ent__paths_arc {
	double len;
	uint32_t to;
} ent__paths_arc;

typedef struct ent__paths_graph {
	size_t n;
	size_t *off; /* n + 1 */
	ent__paths_arc *arc;
} ent__paths_graph;

void ent__paths_graph_finish(ent__paths_graph *g);

typedef struct ent__paths_options {
	size_t sample_above; /* sample when more vertices have a tie (0: never) */
	size_t samples;      /* sources of a sample */
	unsigned int threads; /* 0: one per CPU */
	unsigned long seed;
} ent__paths_options;

/* Threads to use for `asked` (0: one per online CPU), at most 64. */
unsigned int ent__paths_threads(unsigned int asked);

/* Betweenness and harmonic closeness (metrics.h) of every vertex, exact
 * or estimated from a sample of sources, on worker threads that call no
 * igraph function. ent__paths_start takes `g` (left zeroed) and starts
 * the threads but one; ent__paths_finish makes the calling thread the last
 * worker, waits for the others and writes the results (*sources_out = the
 * sample's size, 0 when exact), which do not depend on the number of
 * threads. With between == NULL it only stops the work and frees it. */
typedef struct ent__paths_job ent__paths_job;
ent_status ent__paths_start(ent__paths_job **out, ent__paths_graph *g,
	const ent__paths_options *o);
ent_status ent__paths_finish(ent__paths_job *job, double *between,
	double *harmonic, size_t *sources_out);

/* Stages of ent_metrics_compute, in order. */
igraph_error_t ent__metrics_centrality(ent_metrics *m, const ent_graph *g,
	const ent__signed *s, const ent_metrics_options *opts);
/* Betweenness and harmonic closeness: started first, so the other stages
 * run on the calling thread meanwhile, finished last. */
ent_status ent__metrics_paths_start(ent__paths_job **out, const ent_graph *g,
	const ent_metrics_options *opts);
ent_status ent__metrics_paths_finish(ent_metrics *m, ent__paths_job *job);
ent_status ent__metrics_pn(ent_metrics *m, const ent__signed *s);
igraph_error_t ent__metrics_blocs(ent_metrics *m, const ent_graph *g,
	const ent__signed *s, const ent_metrics_options *opts);
ent_status ent__metrics_balance(
	ent_metrics *m, const ent__signed *s, const ent_metrics_options *opts);
void ent__metrics_tension(ent_metrics *m, const ent_graph *g);

#endif
