/* SPDX-License-Identifier: MIT */
/*
 * Heat-bath annealing of a bloc partition (communities.h), the step the
 * default bloc search takes after Louvain (definitions in metrics.h).
 *
 * Reichardt & Bornholdt (2006), "Statistical mechanics of community
 * detection", Phys. Rev. E 74:016110, with Traag & Bruggeman's negative
 * links: the update igraph's spinglass makes. Each node, visited in a
 * random order, goes to one of the non-empty communities or to a new one
 * (while there are fewer than Louvain's count + ANNEAL_SPARE, as spinglass
 * has a fixed number of spins) with probability proportional to
 * exp(gain / T). T falls by ANNEAL_COOLING from `start` to ANNEAL_STOP,
 * with ANNEAL_SWEEPS sweeps at each temperature, or two while more than
 * ANNEAL_HOT of the visits move their node (the partition is random then,
 * whatever the sweeps). Weights are in units of their mean size, so are
 * gains and temperatures. The search anneals twice from Louvain's best:
 * from 3, where nearly every visit moves (Louvain's partition melted: on
 * graphs of many tensions a cooler start was measured to keep too much
 * of it), and from 0.3, which keeps its blocs and reworks their edges
 * (on graphs of clear blocs the hot run never gets back to them).
 *
 * Louvain's moves only ever raise the objective and stop at the first
 * partition no single move improves; on graphs where tensions are many
 * (enemies of enemies spread over several groups) that can be well below
 * what annealing reaches.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "metrics/communities.h"

#define ANNEAL_STOP 0.01
#define ANNEAL_COOLING 0.9
#define ANNEAL_SWEEPS 10
#define ANNEAL_SPARE 4
#define ANNEAL_HOT 0.8
/* the best partition is kept when it beats the last by more than this */
#define ANNEAL_TOLERANCE 1e-10

/* One annealing run's state. */
typedef struct heat {
	const ent__wgraph *g;
	ent__comms c;
	size_t *label;
	size_t most;  /* communities at most */
	double cp_unit, cn_unit; /* 1 / 2W+, 1 / 2W- (0 without) */
	double *prob; /* per candidate */
	double q;     /* objective (up to a factor) since the start */
} heat;

/*
 * Visit node v at temperature t: draw its community among the active
 * ones and, unless it is alone or there are `most` already, a new one.
 * Returns 1 when it moved.
 */
static int visit(heat *h, size_t v, double t, uint64_t *rng)
{
	const ent__wgraph *g = h->g;
	ent__comms *c = &h->c;
	size_t old = h->label[v], pick = old, fresh = SIZE_MAX, n_cand, j;
	double cp = g->kp[v] * h->cp_unit, cn = g->kn[v] * h->cn_unit;
	double top = -HUGE_VAL, sum = 0, r, g_old;

	ent__comms_weigh(c, g, h->label, v);
	ent__comms_take(c, g, v, old);
	n_cand = c->n_active;
	if (c->size[old] > 0 && c->n_active < h->most) {
		fresh = ent__comms_fresh(c);
		n_cand += fresh != SIZE_MAX;
	}
	for (j = 0; j < n_cand; j++) {
		size_t id = j < c->n_active ? c->active[j] : fresh;
		h->prob[j] = ent__comms_gain(c, id, cp, cn);
		top = h->prob[j] > top ? h->prob[j] : top;
	}
	g_old = ent__comms_gain(c, old, cp, cn);
	for (j = 0; j < n_cand; j++) {
		double x = (h->prob[j] - top) / t;
		/* e^-40 is below any draw's resolution */
		h->prob[j] = x < -40 ? 0 : exp(x);
		sum += h->prob[j];
	}
	r = (double)(ent__comms_random(rng) >> 11) * 0x1.0p-53 * sum;
	for (j = 0; j < n_cand; j++) {
		if (h->prob[j] > 0) {
			pick = j < c->n_active ? c->active[j] : fresh;
			if (r < h->prob[j]) {
				break;
			}
			r -= h->prob[j];
		}
	}
	h->q += ent__comms_gain(c, pick, cp, cn) - g_old;
	ent__comms_put(c, g, v, old, pick);
	h->label[v] = pick;
	return pick != old;
}

ent_status ent__anneal(const ent__wgraph *g, size_t *label, double start,
	uint64_t *rng)
{
	size_t n = g->n, v, i, moved, *order = NULL, *best = NULL;
	double best_q = 0, t;
	int sweep, sweeps, hot = 1;
	heat h;
	ent_status st = ENT_OK;

	if (n < 2 || !(g->wp2 + g->wn2 > 0)) {
		return ENT_OK;
	}
	memset(&h, 0, sizeof(h));
	h.g = g;
	h.label = label;
	h.cp_unit = g->wp2 > 0 ? 1.0 / g->wp2 : 0;
	h.cn_unit = g->wn2 > 0 ? 1.0 / g->wn2 : 0;
	h.prob = malloc(n * sizeof(*h.prob));
	order = malloc(n * sizeof(*order));
	best = malloc(n * sizeof(*best));
	if (!h.prob || !order || !best || ent__comms_init(&h.c, n) != ENT_OK) {
		st = ENT_ENOMEM;
		goto done;
	}
	ent__comms_fill(&h.c, g, label);
	h.most = h.c.n_active + ANNEAL_SPARE;
	for (v = 0; v < n; v++) {
		order[v] = v;
	}
	memcpy(best, label, n * sizeof(*best));
	for (t = start; t > ANNEAL_STOP; t *= ANNEAL_COOLING) {
		sweeps = hot ? 2 : ANNEAL_SWEEPS;
		moved = 0;
		for (sweep = 0; sweep < sweeps; sweep++) {
			ent__comms_shuffle(order, n, rng);
			for (i = 0; i < n; i++) {
				moved += (size_t)visit(&h, order[i], t, rng);
			}
			/* h.q and best_q count from the start */
			if (h.q > best_q + ANNEAL_TOLERANCE) {
				best_q = h.q;
				memcpy(best, label, n * sizeof(*best));
			}
		}
		hot = moved > ANNEAL_HOT * (double)sweeps * (double)n;
	}
	memcpy(label, best, n * sizeof(*best));
	ent__comms_renumber(label, n, order);
done:
	ent__comms_finish(&h.c);
	free(h.prob);
	free(order);
	free(best);
	return st;
}
