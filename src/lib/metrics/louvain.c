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
 * nodes stuck in a community after aggregation get another chance.
 *
 * Everything is plain C on arrays: no igraph, no global state.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "metrics/metrics_internal.h"

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

/* splitmix64 (Steele, Lea & Flood 2014): a fixed seed, so runs repeat. */
static uint64_t next_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15u);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

/* Work arrays for one level, sized for its node count. */
typedef struct workspace {
	double *kp_c, *kn_c; /* strengths of each community */
	size_t *size_c;      /* nodes of each community */
	double *acc;         /* weight from the node to each community */
	size_t *stamp;       /* acc[c] is valid when stamp[c] == the tick */
	size_t *touched;     /* communities adjacent to the node */
	size_t *queue;       /* ring of nodes to visit */
	char *queued;
	size_t *empty;       /* stack of empty community ids */
	size_t *active, *pos; /* the non-empty communities, and where */
} workspace;

static void workspace_finish(workspace *ws)
{
	free(ws->kp_c);
	free(ws->kn_c);
	free(ws->size_c);
	free(ws->acc);
	free(ws->stamp);
	free(ws->touched);
	free(ws->queue);
	free(ws->queued);
	free(ws->empty);
	free(ws->active);
	free(ws->pos);
	memset(ws, 0, sizeof(*ws));
}

static ent_status workspace_init(workspace *ws, size_t n)
{
	memset(ws, 0, sizeof(*ws));
	n = n ? n : 1;
	ws->kp_c = malloc(n * sizeof(*ws->kp_c));
	ws->kn_c = malloc(n * sizeof(*ws->kn_c));
	ws->size_c = malloc(n * sizeof(*ws->size_c));
	ws->acc = malloc(n * sizeof(*ws->acc));
	ws->stamp = calloc(n, sizeof(*ws->stamp));
	ws->touched = malloc(n * sizeof(*ws->touched));
	ws->queue = malloc(n * sizeof(*ws->queue));
	ws->queued = malloc(n);
	ws->empty = malloc(n * sizeof(*ws->empty));
	ws->active = malloc(n * sizeof(*ws->active));
	ws->pos = malloc(n * sizeof(*ws->pos));
	if (!ws->kp_c || !ws->kn_c || !ws->size_c || !ws->acc || !ws->stamp ||
		!ws->touched || !ws->queue || !ws->queued || !ws->empty ||
		!ws->active || !ws->pos) {
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
	size_t n = g->n, head = 0, count = n, n_empty = 0, n_active = 0;
	size_t moves = 0, tick = 0;
	double cp_unit = g->wp2 > 0 ? 1.0 / g->wp2 : 0;
	double cn_unit = g->wn2 > 0 ? 1.0 / g->wn2 : 0;
	size_t v, c, j;

	for (c = 0; c < n; c++) {
		ws->kp_c[c] = ws->kn_c[c] = 0;
		ws->size_c[c] = 0;
		ws->stamp[c] = 0;
	}
	for (v = 0; v < n; v++) {
		ws->kp_c[comm[v]] += g->kp[v];
		ws->kn_c[comm[v]] += g->kn[v];
		ws->size_c[comm[v]]++;
	}
	for (c = n; c-- > 0;) {
		if (ws->size_c[c] == 0) {
			ws->empty[n_empty++] = c;
		}
	}
	for (c = 0; c < n; c++) {
		if (ws->size_c[c] > 0) {
			ws->pos[c] = n_active;
			ws->active[n_active++] = c;
		}
	}
	/* visit the nodes in a random order (Fisher-Yates) */
	for (v = 0; v < n; v++) {
		ws->queue[v] = v;
		ws->queued[v] = 1;
	}
	for (v = n; v > 1; v--) {
		size_t k = (size_t)(next_random(rng) % v), t = ws->queue[v - 1];
		ws->queue[v - 1] = ws->queue[k];
		ws->queue[k] = t;
	}
	while (count > 0) {
		size_t old, best, nt = 0, n_cand;
		const size_t *cand;
		double cp, cn, best_gain;

		v = ws->queue[head];
		head = head + 1 == n ? 0 : head + 1;
		count--;
		ws->queued[v] = 0;
		tick++; /* a node visited again must not see old sums */
		for (j = g->off[v]; j < g->off[v + 1]; j++) {
			c = comm[g->adj[j]];
			if (ws->stamp[c] != tick) {
				ws->stamp[c] = tick;
				ws->acc[c] = 0;
				ws->touched[nt++] = c;
			}
			ws->acc[c] += g->w[j];
		}
		old = comm[v];
		cp = g->kp[v] * cp_unit;
		cn = g->kn[v] * cn_unit;
		ws->kp_c[old] -= g->kp[v];
		ws->kn_c[old] -= g->kn[v];
		ws->size_c[old]--;
		best = old;
		best_gain = (ws->stamp[old] == tick ? ws->acc[old] : 0) -
			cp * ws->kp_c[old] + cn * ws->kn_c[old];
		if (n_active * n <= ALL_CANDIDATES_BUDGET) {
			cand = ws->active;
			n_cand = n_active;
		} else {
			cand = ws->touched;
			n_cand = nt;
		}
		for (j = 0; j < n_cand; j++) {
			double gain;
			c = cand[j];
			if (c == old) {
				continue;
			}
			gain = (ws->stamp[c] == tick ? ws->acc[c] : 0) -
				cp * ws->kp_c[c] + cn * ws->kn_c[c];
			if (gain > best_gain + GAIN_TOLERANCE) {
				best = c;
				best_gain = gain;
			}
		}
		if (best == old && ws->size_c[old] > 0 &&
			best_gain < -GAIN_TOLERANCE && n_empty > 0) {
			best = ws->empty[--n_empty]; /* alone is better */
			ws->pos[best] = n_active;
			ws->active[n_active++] = best;
		}
		if (best != old && ws->size_c[old] == 0) {
			size_t last = ws->active[--n_active];
			ws->active[ws->pos[old]] = last;
			ws->pos[last] = ws->pos[old];
			ws->empty[n_empty++] = old;
		}
		comm[v] = best;
		ws->kp_c[best] += g->kp[v];
		ws->kn_c[best] += g->kn[v];
		ws->size_c[best]++;
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

/* Number the communities 0.. in order of their first node; returns the
 * count. `map` is scratch of n entries. */
static size_t renumber(size_t *comm, size_t n, size_t *map)
{
	size_t v, k = 0;

	for (v = 0; v < n; v++) {
		map[v] = (size_t)-1;
	}
	for (v = 0; v < n; v++) {
		if (map[comm[v]] == (size_t)-1) {
			map[comm[v]] = k++;
		}
		comm[v] = map[comm[v]];
	}
	return k;
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
		ws->stamp[c] = 0;
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
				if (ws->stamp[d] != c + 1) {
					ws->stamp[d] = c + 1;
					ws->acc[d] = 0;
					ws->touched[nt++] = d;
				}
				ws->acc[d] += g->w[j];
			}
		}
		for (i = 0; i < nt; i++) {
			size_t d = ws->touched[i];
			if (ws->acc[d] != 0) {
				out->adj[m] = d;
				out->w[m++] = ws->acc[d];
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
	size_t n = g->n, tick = 0, v, i, j, c;
	double cp_unit = g->wp2 > 0 ? 1.0 / g->wp2 : 0;
	double cn_unit = g->wn2 > 0 ? 1.0 / g->wn2 : 0;

	for (v = 0; v < n; v++) {
		sub[v] = v;
		ws->kp_c[v] = g->kp[v];
		ws->kn_c[v] = g->kn[v];
		ws->size_c[v] = 1;
		ws->stamp[v] = 0;
		ws->queue[v] = v;
	}
	for (v = n; v > 1; v--) {
		size_t k = (size_t)(next_random(rng) % v), t = ws->queue[v - 1];
		ws->queue[v - 1] = ws->queue[k];
		ws->queue[k] = t;
	}
	for (i = 0; i < n; i++) {
		size_t nt = 0, best = (size_t)-1;
		double cp, cn, best_gain = GAIN_TOLERANCE;

		v = ws->queue[i];
		if (ws->size_c[sub[v]] != 1) {
			continue; /* only nodes still alone move */
		}
		tick++;
		for (j = g->off[v]; j < g->off[v + 1]; j++) {
			size_t u = g->adj[j];
			if (comm[u] != comm[v]) {
				continue;
			}
			c = sub[u];
			if (ws->stamp[c] != tick) {
				ws->stamp[c] = tick;
				ws->acc[c] = 0;
				ws->touched[nt++] = c;
			}
			ws->acc[c] += g->w[j];
		}
		cp = g->kp[v] * cp_unit;
		cn = g->kn[v] * cn_unit;
		for (j = 0; j < nt; j++) {
			double gain;
			c = ws->touched[j];
			gain = ws->acc[c] - cp * ws->kp_c[c] + cn * ws->kn_c[c];
			if (gain > best_gain) {
				best = c;
				best_gain = gain;
			}
		}
		if (best == (size_t)-1) {
			continue;
		}
		ws->size_c[sub[v]] = 0;
		sub[v] = best;
		ws->kp_c[best] += g->kp[v];
		ws->kn_c[best] += g->kn[v];
		ws->size_c[best]++;
	}
	return renumber(sub, n, ws->touched);
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
		k = renumber(comm, g->n, ws.touched);
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
	renumber(label, n0, sub);
done:
	ent__wgraph_finish(&level);
	workspace_finish(&ws);
	free(comm);
	free(sub);
	free(node);
	return st;
}

/*
 * Heat-bath annealing from the partition `label` (Reichardt & Bornholdt
 * 2006; the update spinglass makes, with Traag & Bruggeman's negative
 * links): each node, visited in a random order, goes to one of the
 * non-empty communities or to a new one (while there are fewer than
 * Louvain's count + ANNEAL_SPARE, as spinglass has a fixed number of
 * spins) with probability proportional to exp(gain / T). T falls by
 * ANNEAL_COOLING from ANNEAL_START to ANNEAL_STOP, with ANNEAL_SWEEPS
 * sweeps at each temperature, or two while more than ANNEAL_HOT of the
 * visits move their node (the partition is random then, whatever the
 * sweeps). Weights are in units of their mean size, so are gains and
 * temperatures; at 3 nearly every visit moves: Louvain's partition is
 * melted, and a start any cooler was measured to keep too much of it.
 *
 * Louvain's moves only ever raise the objective and stop at the first
 * partition no single move improves; on graphs where tensions are many
 * (enemies of enemies spread over several groups) that can be well below
 * what annealing reaches. `label` gets the best partition seen (checked
 * after every sweep), numbered densely.
 */
#define ANNEAL_START 3.0
#define ANNEAL_STOP 0.01
#define ANNEAL_COOLING 0.9
#define ANNEAL_SWEEPS 10
#define ANNEAL_SPARE 4
#define ANNEAL_HOT 0.8

static ent_status anneal(const ent__wgraph *g, size_t *label, uint64_t *rng)
{
	size_t n = g->n, tick = 0, n_empty = 0, n_active = 0, v, c, j, i, cap;
	double cp_unit = g->wp2 > 0 ? 1.0 / g->wp2 : 0;
	double cn_unit = g->wn2 > 0 ? 1.0 / g->wn2 : 0;
	double total = g->wp2 + g->wn2, q = 0, best_q, t;
	double *gain = NULL;
	size_t *best = NULL;
	workspace ws;
	int sweep, hot = 1;

	if (n < 2 || !(total > 0)) {
		return ENT_OK;
	}
	if (workspace_init(&ws, n) != ENT_OK) {
		return ENT_ENOMEM;
	}
	gain = malloc(n * sizeof(*gain));
	best = malloc(n * sizeof(*best));
	if (!gain || !best) {
		free(gain);
		free(best);
		workspace_finish(&ws);
		return ENT_ENOMEM;
	}
	for (c = 0; c < n; c++) {
		ws.kp_c[c] = ws.kn_c[c] = 0;
		ws.size_c[c] = 0;
		ws.stamp[c] = 0;
	}
	for (v = 0; v < n; v++) {
		ws.kp_c[label[v]] += g->kp[v];
		ws.kn_c[label[v]] += g->kn[v];
		ws.size_c[label[v]]++;
		ws.queue[v] = v;
	}
	for (c = n; c-- > 0;) {
		if (ws.size_c[c] == 0) {
			ws.empty[n_empty++] = c;
		}
	}
	for (c = 0; c < n; c++) {
		if (ws.size_c[c] > 0) {
			ws.pos[c] = n_active;
			ws.active[n_active++] = c;
		}
	}
	/* as spinglass has a fixed number of spins: a few communities more
	 * than Louvain found, so the heat does not scatter the nodes */
	cap = n_active + ANNEAL_SPARE;
	best_q = 0; /* q and best_q are relative to the start */
	memcpy(best, label, n * sizeof(*best));
	for (t = ANNEAL_START; t > ANNEAL_STOP; t *= ANNEAL_COOLING) {
		/* while most visits move the node, the partition is random
		 * whatever the sweeps: two are enough */
		int sweeps = hot ? 2 : ANNEAL_SWEEPS;
		size_t moved = 0;
		for (sweep = 0; sweep < sweeps; sweep++) {
			for (v = n; v > 1; v--) {
				size_t k = (size_t)(next_random(rng) % v);
				size_t x = ws.queue[v - 1];
				ws.queue[v - 1] = ws.queue[k];
				ws.queue[k] = x;
			}
			for (i = 0; i < n; i++) {
				size_t old, pick, fresh = (size_t)-1, nc;
				double cp, cn, top, sum = 0, r, g_old;

				v = ws.queue[i];
				tick++;
				for (j = g->off[v]; j < g->off[v + 1]; j++) {
					c = label[g->adj[j]];
					if (ws.stamp[c] != tick) {
						ws.stamp[c] = tick;
						ws.acc[c] = 0;
					}
					ws.acc[c] += g->w[j];
				}
				old = label[v];
				cp = g->kp[v] * cp_unit;
				cn = g->kn[v] * cn_unit;
				ws.kp_c[old] -= g->kp[v];
				ws.kn_c[old] -= g->kn[v];
				ws.size_c[old]--;
				/* candidates: the active communities (old among
				 * them) and, unless v is alone, a new one */
				nc = n_active;
				if (ws.size_c[old] > 0 && n_empty > 0 &&
					n_active < cap) {
					fresh = ws.empty[n_empty - 1];
					ws.touched[nc++] = fresh;
				}
				top = -HUGE_VAL;
				for (j = 0; j < nc; j++) {
					c = j < n_active ? ws.active[j] : fresh;
					gain[j] = (ws.stamp[c] == tick ? ws.acc[c] : 0) -
						cp * ws.kp_c[c] + cn * ws.kn_c[c];
					top = gain[j] > top ? gain[j] : top;
				}
				g_old = (ws.stamp[old] == tick ? ws.acc[old] : 0) -
					cp * ws.kp_c[old] + cn * ws.kn_c[old];
				for (j = 0; j < nc; j++) {
					double x = (gain[j] - top) / t;
					/* e^-40 is below any draw's resolution */
					gain[j] = x < -40 ? 0 : exp(x);
					sum += gain[j];
				}
				r = (double)(next_random(rng) >> 11) * 0x1.0p-53 * sum;
				pick = old;
				for (j = 0; j < nc; j++) {
					if (gain[j] > 0) {
						pick = j < n_active ? ws.active[j] : fresh;
						if (r < gain[j]) {
							break;
						}
						r -= gain[j];
					}
				}
				q += (ws.stamp[pick] == tick ? ws.acc[pick] : 0) -
					cp * ws.kp_c[pick] + cn * ws.kn_c[pick] - g_old;
				if (pick == fresh) {
					n_empty--;
					ws.pos[pick] = n_active;
					ws.active[n_active++] = pick;
				}
				if (pick != old && ws.size_c[old] == 0) {
					size_t last = ws.active[--n_active];
					ws.active[ws.pos[old]] = last;
					ws.pos[last] = ws.pos[old];
					ws.empty[n_empty++] = old;
				}
				moved += pick != old;
				label[v] = pick;
				ws.kp_c[pick] += g->kp[v];
				ws.kn_c[pick] += g->kn[v];
				ws.size_c[pick]++;
			}
			if (q > best_q + GAIN_TOLERANCE) {
				best_q = q;
				memcpy(best, label, n * sizeof(*best));
			}
		}
		hot = moved > ANNEAL_HOT * (double)sweeps * (double)n;
	}
	memcpy(label, best, n * sizeof(*best));
	renumber(label, n, ws.touched);
	free(gain);
	free(best);
	workspace_finish(&ws);
	return ENT_OK;
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
	size_t v, k = 0, r, runs, *trial = NULL;
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
		/* then one annealing from the best, and Louvain again */
		memcpy(trial, label, g->n * sizeof(*trial));
		if ((st = anneal(g, trial, &rng)) != ENT_OK ||
			(st = louvain(g, &rng, trial)) != ENT_OK) {
			goto done;
		}
		keep_better(g, label, &best_q, trial);
		renumber(label, g->n, trial);
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

