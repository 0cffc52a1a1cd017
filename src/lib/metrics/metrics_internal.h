/* SPDX-License-Identifier: MIT */
/*
 * Private parts of the metrics module: the measures object and the signed
 * layer shared by blocs, balance, tension and periods.
 */
#ifndef ENT_METRICS_INTERNAL_H
#define ENT_METRICS_INTERNAL_H

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

/* Stages of ent_metrics_compute, in order. */
igraph_error_t ent__metrics_centrality(ent_metrics *m, const ent_graph *g,
	const ent__signed *s, const ent_metrics_options *opts);
ent_status ent__metrics_pn(ent_metrics *m, const ent__signed *s);
igraph_error_t ent__metrics_blocs(ent_metrics *m, const ent_graph *g,
	const ent__signed *s, const ent_metrics_options *opts);
ent_status ent__metrics_balance(
	ent_metrics *m, const ent__signed *s, const ent_metrics_options *opts);
void ent__metrics_tension(ent_metrics *m, const ent_graph *g);

#endif
