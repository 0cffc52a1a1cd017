/* SPDX-License-Identifier: MIT */
/*
 * The bookkeeping of a bloc search (louvain.c, anneal.c): the communities
 * of a partition of an ent__wgraph's nodes with their strengths and sizes,
 * which ids are in use and which are free, and the weights from the node
 * being visited to each community; plus the seeded random numbers and the
 * renumbering both searches use.
 */
#ifndef ENT_METRICS_COMMUNITIES_H
#define ENT_METRICS_COMMUNITIES_H

#include <stdint.h>

#include "metrics/metrics_internal.h"

typedef struct ent__comms {
	size_t cap;       /* community ids are below cap */
	double *kp, *kn;  /* positive and negative strength of each */
	size_t *size;     /* nodes of each */
	size_t *active;   /* the ids in use, in no order */
	size_t *pos;      /* where an id in use is in `active` */
	size_t n_active;
	size_t *empty;    /* the free ids: a stack */
	size_t n_empty;
	/* weights from the visited node: acc[id] is valid when
	 * stamp[id] == tick; `touched` lists those ids */
	double *acc;
	size_t *stamp, *touched, n_touched, tick;
} ent__comms;

ent_status ent__comms_init(ent__comms *c, size_t cap);
void ent__comms_finish(ent__comms *c);

/* Strengths, sizes and id lists of the partition `comm` of g (ids below
 * c->cap); the free ids are stacked so the lowest is taken first. */
void ent__comms_fill(ent__comms *c, const ent__wgraph *g, const size_t *comm);

/* Sum the weights from node v to each community of `comm` (a new tick, so
 * a node visited again never sees old sums). */
void ent__comms_weigh(ent__comms *c, const ent__wgraph *g, const size_t *comm,
	size_t v);

/* The weight from the visited node to community id. */
static inline double ent__comms_weight(const ent__comms *c, size_t id)
{
	return c->stamp[id] == c->tick ? c->acc[id] : 0;
}

/* The gain, up to a factor, of putting the visited node, with
 * cp = k+(v) / 2W+ and cn = k-(v) / 2W-, into community id (from which it
 * has been taken out): w(v, id) - cp K+(id) + cn K-(id). */
static inline double ent__comms_gain(
	const ent__comms *c, size_t id, double cp, double cn)
{
	return ent__comms_weight(c, id) - cp * c->kp[id] + cn * c->kn[id];
}

/* A free id for a new community (the top of the stack), or SIZE_MAX. */
static inline size_t ent__comms_fresh(const ent__comms *c)
{
	return c->n_empty > 0 ? c->empty[c->n_empty - 1] : SIZE_MAX;
}

/* Take node v out of community `from`: its strengths and size. */
void ent__comms_take(ent__comms *c, const ent__wgraph *g, size_t v,
	size_t from);

/* Put node v, taken out of `from`, into `to`: a free `to` must be
 * ent__comms_fresh() (it comes into use first); `from`, left empty by the
 * move, becomes free. */
void ent__comms_put(ent__comms *c, const ent__wgraph *g, size_t v,
	size_t from, size_t to);

/* splitmix64 (Steele, Lea & Flood 2014): a fixed seed, so runs repeat. */
uint64_t ent__comms_random(uint64_t *state);

/* Shuffle a[0..n) (Fisher-Yates). */
void ent__comms_shuffle(size_t *a, size_t n, uint64_t *rng);

/* Number the communities 0.. in order of their first node; returns the
 * count. `map` is scratch of n entries. */
size_t ent__comms_renumber(size_t *comm, size_t n, size_t *map);

/* Heat-bath annealing from the partition `label` of g, starting at
 * temperature `start` (anneal.c): `label` gets the best partition seen,
 * numbered densely. */
ent_status ent__anneal(const ent__wgraph *g, size_t *label, double start,
	uint64_t *rng);

#endif
