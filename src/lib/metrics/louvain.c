/* SPDX-License-Identifier: MIT */
/*
 * Signed Louvain: blocs by local moving and aggregation, maximising the
 * signed modularity of Traag & Bruggeman (2009) that igraph's spinglass
 * anneals in its negative-link mode (definitions in metrics.h).
 *
 * Blondel, Guillaume, Lambiotte & Lefebvre (2008), "Fast unfolding of
 * communities in large networks", J. Stat. Mech. P10008: move single
 * nodes to the neighbouring community that raises the objective most,
 * then merge each community into one node and repeat on the smaller
 * graph. The local moves use the queue of Traag, Waltman & van Eck
 * (2019), "From Louvain to Leiden", Sci. Rep. 9:5233 (only the neighbours
 * of a node that moved are visited again), and the whole unfolding is
 * repeated from its own result until it no longer changes, so single
 * nodes stuck in a community after aggregation get another chance. The
 * default search (ENT__LOUVAIN_ANNEAL) then anneals (anneal.c) and runs
 * Louvain again; communities.h keeps the books of both.
 *
 * Everything is plain C on arrays: no igraph, no global state.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "metrics/communities.h"

/* A move must raise the objective by more than this (weights are in units
 * of their mean size, so gains are of order one): float noise never
 * moves a node back and forth. */
#define GAIN_TOLERANCE 1e-10
/* A node weighs every community, not only its neighbours', while
 * (communities x nodes of the level) stays below this. */
#define ALL_CANDIDATES_BUDGET ((size_t)1 << 22)
/* Louvain runs from other seeds while nodes x runs stays below
 * SEARCH_BUDGET, at most MAX_SEARCHES. */
#define SEARCH_BUDGET 16384
#define MAX_SEARCHES 16
/* Hot annealings while nodes x annealings stays below HOT_BUDGET, at most
 * MAX_HOT. */
#ifndef HOT_BUDGET
#define HOT_BUDGET 8192
#endif
#define MAX_HOT 4
/* Unfoldings repeated from their own result, at most. */
#define MAX_PASSES 32

void ent__wgraph_finish(ent__wgraph *g)
{
	if (g == NULL) {
		return;
	}
	free(g->off);
	free(g->adj);
	free(g->w);
	free(g->kp);
	free(g->kn);
	memset(g, 0, sizeof(*g));
}

/* Work arrays for one level, sized for its node count. */
typedef struct workspace {
	ent__comms c;
	size_t *queue; /* ring of nodes to visit */
	char *queued;
} workspace;

static void workspace_finish(workspace *ws)
{
	ent__comms_finish(&ws->c);
	free(ws->queue);
	free(ws->queued);
	memset(ws, 0, sizeof(*ws));
}

static ent_status workspace_init(workspace *ws, size_t n)
{
	memset(ws, 0, sizeof(*ws));
	ws->queue = malloc((n ? n : 1) * sizeof(*ws->queue));
	ws->queued = malloc(n ? n : 1);
	if (!ws->queue || !ws->queued || ent__comms_init(&ws->c, n) != ENT_OK) {
		workspace_finish(ws);
		return ENT_ENOMEM;
	}
	return ENT_OK;
}

/*
 * Local moving on g from the partition `comm` (ids below g->n). The gain
 * of moving node v, taken out of its community, into community C is, up to
 * the factor 2 / (2W+ + 2W-),
 *
 *   w(v, C) - k+(v) K+(C) / 2W+ + k-(v) K-(C) / 2W-
 *
 * (w(v, C) the signed weight between v and C's nodes, K+- the strengths
 * of C without v); an empty community gains 0. Unlike plain modularity, a
 * community v has no tie with can gain: the last term draws a node with
 * enemies towards the communities that have many (the enemy of my enemy).
 * So while communities x nodes stays within ALL_CANDIDATES_BUDGET every
 * community is weighed, as spinglass weighs every spin; above it (the
 * first level of a large graph, where nearly every node is alone) only
 * the neighbours' communities are. Each node goes where the gain is
 * highest; a tie keeps it where it is, then takes the community met first.
 * Returns the number of moves.
 */
static size_t local_move(const ent__wgraph *g, size_t *comm, workspace *ws,
	uint64_t *rng)
{
	ent__comms *c = &ws->c;
	size_t n = g->n, head = 0, count = n, moves = 0, v, j;
	double cp_unit = g->wp2 > 0 ? 1.0 / g->wp2 : 0;
	double cn_unit = g->wn2 > 0 ? 1.0 / g->wn2 : 0;

	c->cap = n; /* the level's node ids are its community ids */
	ent__comms_fill(c, g, comm);
	/* visit the nodes in a random order */
	for (v = 0; v < n; v++) {
		ws->queue[v] = v;
		ws->queued[v] = 1;
	}
	ent__comms_shuffle(ws->queue, n, rng);
	while (count > 0) {
		size_t old, best, n_cand;
		const size_t *cand;
		double cp, cn, best_gain;

		v = ws->queue[head];
		head = head + 1 == n ? 0 : head + 1;
		count--;
		ws->queued[v] = 0;
		ent__comms_weigh(c, g, comm, v);
		old = comm[v];
		cp = g->kp[v] * cp_unit;
		cn = g->kn[v] * cn_unit;
		ent__comms_take(c, g, v, old);
		best = old;
		best_gain = ent__comms_gain(c, old, cp, cn);
		if (c->n_active * n <= ALL_CANDIDATES_BUDGET) {
			cand = c->active;
			n_cand = c->n_active;
		} else {
			cand = c->touched;
			n_cand = c->n_touched;
		}
		for (j = 0; j < n_cand; j++) {
			double gain;
			if (cand[j] == old) {
				continue;
			}
			gain = ent__comms_gain(c, cand[j], cp, cn);
			if (gain > best_gain + GAIN_TOLERANCE) {
				best = cand[j];
				best_gain = gain;
			}
		}
		if (best == old && c->size[old] > 0 &&
			best_gain < -GAIN_TOLERANCE && c->n_empty > 0) {
			best = ent__comms_fresh(c); /* alone is better */
		}
		ent__comms_put(c, g, v, old, best);
		comm[v] = best;
		if (best == old) {
			continue;
		}
		moves++;
		for (j = g->off[v]; j < g->off[v + 1]; j++) {
			size_t u = g->adj[j];
			if (!ws->queued[u] && comm[u] != best) {
				ws->queued[u] = 1;
				ws->queue[(head + count) % n] = u;
				count++;
			}
		}
	}
	return moves;
}

/* The graph of the k communities of g: strengths summed, the weights
 * between two communities summed into one edge (a zero sum is left out),
 * the weight inside a community dropped (it moves with the node, so no
 * gain depends on it). */
static ent_status aggregate(ent__wgraph *out, const ent__wgraph *g,
	const size_t *comm, size_t k, workspace *ws)
{
	size_t *start = NULL, *members = NULL;
	size_t c, i, j, m = 0, cap;
	ent_status st = ENT_OK;

	memset(out, 0, sizeof(*out));
	out->n = k;
	out->wp2 = g->wp2;
	out->wn2 = g->wn2;
	cap = g->off[g->n] ? g->off[g->n] : 1;
	out->off = calloc(k + 1, sizeof(*out->off));
	out->adj = malloc(cap * sizeof(*out->adj));
	out->w = malloc(cap * sizeof(*out->w));
	out->kp = calloc(k ? k : 1, sizeof(*out->kp));
	out->kn = calloc(k ? k : 1, sizeof(*out->kn));
	start = calloc(k + 1, sizeof(*start));
	members = malloc((g->n ? g->n : 1) * sizeof(*members));
	if (!out->off || !out->adj || !out->w || !out->kp || !out->kn ||
		!start || !members) {
		st = ENT_ENOMEM;
		goto done;
	}
	for (i = 0; i < g->n; i++) {
		start[comm[i] + 1]++;
		out->kp[comm[i]] += g->kp[i];
		out->kn[comm[i]] += g->kn[i];
	}
	for (c = 0; c < k; c++) {
		start[c + 1] += start[c];
	}
	for (i = 0; i < g->n; i++) {
		members[start[comm[i]]++] = i;
	}
	for (c = k; c > 0; c--) {
		start[c] = start[c - 1];
	}
	start[0] = 0;
	for (c = 0; c < k; c++) {
		ws->c.stamp[c] = 0;
	}
	for (c = 0; c < k; c++) {
		size_t nt = 0;
		for (i = start[c]; i < start[c + 1]; i++) {
			size_t v = members[i];
			for (j = g->off[v]; j < g->off[v + 1]; j++) {
				size_t d = comm[g->adj[j]];
				if (d == c) {
					continue;
				}
				if (ws->c.stamp[d] != c + 1) {
					ws->c.stamp[d] = c + 1;
					ws->c.acc[d] = 0;
					ws->c.touched[nt++] = d;
				}
				ws->c.acc[d] += g->w[j];
			}
		}
		for (i = 0; i < nt; i++) {
			size_t d = ws->c.touched[i];
			if (ws->c.acc[d] != 0) {
				out->adj[m] = d;
				out->w[m++] = ws->c.acc[d];
			}
		}
		out->off[c + 1] = m;
	}
done:
	free(start);
	free(members);
	if (st != ENT_OK) {
		ent__wgraph_finish(out);
	}
	return st;
}

/*
 * Leiden's refinement (Traag, Waltman & van Eck 2019), greedy: inside
 * each community of `comm`, nodes still alone join, in a random order,
 * the sub-community of a neighbour in the same community that gains most,
 * when it gains. `sub` gets the sub-communities (dense ids); returns their
 * number. Aggregating by them instead of by the communities lets a part
 * of a community move, or leave, as one node at the next level.
 */
static size_t refine(const ent__wgraph *g, const size_t *comm, size_t *sub,
	workspace *ws, uint64_t *rng)
{
	ent__comms *c = &ws->c;
	size_t n = g->n, v, i, j, id;
	double cp_unit = g->wp2 > 0 ? 1.0 / g->wp2 : 0;
	double cn_unit = g->wn2 > 0 ? 1.0 / g->wn2 : 0;

	for (v = 0; v < n; v++) {
		sub[v] = v;
		c->kp[v] = g->kp[v];
		c->kn[v] = g->kn[v];
		c->size[v] = 1;
		c->stamp[v] = 0;
		ws->queue[v] = v;
	}
	c->tick = 0;
	ent__comms_shuffle(ws->queue, n, rng);
	for (i = 0; i < n; i++) {
		size_t best = (size_t)-1;
		double cp, cn, best_gain = GAIN_TOLERANCE;

		v = ws->queue[i];
		if (c->size[sub[v]] != 1) {
			continue; /* only nodes still alone move */
		}
		c->tick++;
		c->n_touched = 0;
		for (j = g->off[v]; j < g->off[v + 1]; j++) {
			size_t u = g->adj[j];
			if (comm[u] != comm[v]) {
				continue;
			}
			id = sub[u];
			if (c->stamp[id] != c->tick) {
				c->stamp[id] = c->tick;
				c->acc[id] = 0;
				c->touched[c->n_touched++] = id;
			}
			c->acc[id] += g->w[j];
		}
		cp = g->kp[v] * cp_unit;
		cn = g->kn[v] * cn_unit;
		for (j = 0; j < c->n_touched; j++) {
			double gain = ent__comms_gain(c, c->touched[j], cp, cn);
			if (gain > best_gain) {
				best = c->touched[j];
				best_gain = gain;
			}
		}
		if (best == (size_t)-1) {
			continue;
		}
		c->size[sub[v]] = 0;
		sub[v] = best;
		c->kp[best] += g->kp[v];
		c->kn[best] += g->kn[v];
		c->size[best]++;
	}
	return ent__comms_renumber(sub, n, c->touched);
}

/*
 * One unfolding from the partition `label` of g0: local moving, then
 * refinement and aggregation, level after level, until a level leaves
 * every node alone. `label` gets the result, numbered densely;
 * *changed_out whether any node moved.
 */
static ent_status unfold(const ent__wgraph *g0, size_t *label,
	uint64_t *rng, int *changed_out)
{
	ent__wgraph level, next;
	const ent__wgraph *g = g0;
	size_t *comm = NULL, *sub = NULL, *node = NULL;
	size_t v, k, ks, n0 = g0->n, alloc = n0 ? n0 : 1;
	workspace ws;
	ent_status st = ENT_OK;

	memset(&level, 0, sizeof(level));
	*changed_out = 0;
	comm = malloc(alloc * sizeof(*comm));
	sub = malloc(alloc * sizeof(*sub));
	node = malloc(alloc * sizeof(*node));
	if (!comm || !sub || !node || workspace_init(&ws, n0) != ENT_OK) {
		free(comm);
		free(sub);
		free(node);
		return ENT_ENOMEM;
	}
	memcpy(comm, label, n0 * sizeof(*comm));
	for (v = 0; v < n0; v++) {
		node[v] = v; /* the node of g that holds g0's node v */
	}
	for (;;) {
		if (local_move(g, comm, &ws, rng) > 0) {
			*changed_out = 1;
		}
		k = ent__comms_renumber(comm, g->n, ws.c.touched);
		if (k == g->n) {
			break; /* every node alone: this is the last level */
		}
		ks = refine(g, comm, sub, &ws, rng);
		if (ks == g->n) {
			/* nothing merged inside: aggregate the communities */
			memcpy(sub, comm, g->n * sizeof(*sub));
			ks = k;
		}
		st = aggregate(&next, g, sub, ks, &ws);
		if (st != ENT_OK) {
			goto done;
		}
		/* a sub-community starts in its community */
		for (v = 0; v < g->n; v++) {
			ws.queue[sub[v]] = comm[v];
		}
		for (v = 0; v < ks; v++) {
			comm[v] = ws.queue[v];
		}
		for (v = 0; v < n0; v++) {
			node[v] = sub[node[v]];
		}
		ent__wgraph_finish(&level);
		level = next;
		g = &level;
	}
	for (v = 0; v < n0; v++) {
		label[v] = comm[node[v]];
	}
	ent__comms_renumber(label, n0, sub);
done:
	ent__wgraph_finish(&level);
	workspace_finish(&ws);
	free(comm);
	free(sub);
	free(node);
	return st;
}

/* Louvain from `label`: unfoldings until one changes nothing. */
static ent_status louvain(const ent__wgraph *g, uint64_t *rng, size_t *label)
{
	size_t pass;
	int changed = 1;
	ent_status st = ENT_OK;

	for (pass = 0; pass < MAX_PASSES && changed && st == ENT_OK; pass++) {
		st = unfold(g, label, rng, &changed);
	}
	return st;
}

/* Keep `trial` in `best` when its objective beats *best_q. */
static void keep_better(const ent__wgraph *g, size_t *best, double *best_q,
	const size_t *trial)
{
	double q = ent__signed_modularity(g, trial);

	if (q > *best_q + 1e-12) {
		*best_q = q;
		memcpy(best, trial, g->n * sizeof(*best));
	}
}

ent_status ent__louvain(const ent__wgraph *g, uint64_t seed, unsigned flags,
	size_t *label, size_t *count_out)
{
	uint64_t rng = seed;
	size_t v, k = 0, r, runs, hot_runs, *trial = NULL;
	double best_q;
	ent_status st = ENT_OK;

	*count_out = 0;
	if (g->n == 0) {
		return ENT_OK;
	}
	for (v = 0; v < g->n; v++) {
		if (!(flags & ENT__LOUVAIN_FROM_LABEL) || label[v] >= g->n) {
			label[v] = v;
		}
	}
	if ((st = louvain(g, &rng, label)) != ENT_OK) {
		return st;
	}
	if (flags & ENT__LOUVAIN_ANNEAL) {
		trial = malloc(g->n * sizeof(*trial));
		if (trial == NULL) {
			return ENT_ENOMEM;
		}
		best_q = ent__signed_modularity(g, label);
		/* Louvain from other seeds where it costs little: the best of
		 * a few is less a matter of luck */
		runs = SEARCH_BUDGET / g->n;
		runs = runs < 1 ? 1 : runs > MAX_SEARCHES ? MAX_SEARCHES : runs;
		for (r = 1; r < runs; r++) {
			for (v = 0; v < g->n; v++) {
				trial[v] = v;
			}
			if ((st = louvain(g, &rng, trial)) != ENT_OK) {
				goto done;
			}
			keep_better(g, label, &best_q, trial);
		}
		/* then annealing from the best, hot (more than once on small
		 * graphs) and cold, each followed by Louvain again (anneal.c) */
		hot_runs = HOT_BUDGET / g->n;
		hot_runs = hot_runs < 1 ? 1 : hot_runs > MAX_HOT ? MAX_HOT
								 : hot_runs;
		for (r = 0; r <= hot_runs; r++) {
			memcpy(trial, label, g->n * sizeof(*trial));
			st = ent__anneal(g, trial, r < hot_runs ? 3.0 : 0.3, &rng);
			if (st != ENT_OK ||
				(st = louvain(g, &rng, trial)) != ENT_OK) {
				goto done;
			}
			keep_better(g, label, &best_q, trial);
		}
		ent__comms_renumber(label, g->n, trial);
	}
	for (v = 0; v < g->n; v++) {
		k = label[v] + 1 > k ? label[v] + 1 : k;
	}
	*count_out = k;
done:
	free(trial);
	return st;
}

double ent__signed_modularity(const ent__wgraph *g, const size_t *label)
{
	double *kp_c = NULL, *kn_c = NULL;
	double inside = 0, null_p = 0, null_n = 0, total = g->wp2 + g->wn2;
	size_t v, j;

	if (g->n == 0 || !(total > 0)) {
		return 0;
	}
	kp_c = calloc(g->n, sizeof(*kp_c));
	kn_c = calloc(g->n, sizeof(*kn_c));
	if (!kp_c || !kn_c) {
		free(kp_c);
		free(kn_c);
		return 0;
	}
	for (v = 0; v < g->n; v++) {
		kp_c[label[v]] += g->kp[v];
		kn_c[label[v]] += g->kn[v];
		for (j = g->off[v]; j < g->off[v + 1]; j++) {
			if (label[g->adj[j]] == label[v]) {
				inside += g->w[j]; /* each edge twice: A_uv, A_vu */
			}
		}
	}
	for (v = 0; v < g->n; v++) {
		null_p += kp_c[v] * kp_c[v];
		null_n += kn_c[v] * kn_c[v];
	}
	free(kp_c);
	free(kn_c);
	return (inside - (g->wp2 > 0 ? null_p / g->wp2 : 0) +
		       (g->wn2 > 0 ? null_n / g->wn2 : 0)) /
		total;
}

