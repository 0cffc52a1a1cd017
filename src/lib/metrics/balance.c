/* SPDX-License-Identifier: MIT */
/*
 * Structural balance of the signed layer: triangle indices, unbalanced
 * triangles, frustration of the blocs and of the best two-group partition
 * found (definitions in metrics.h).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "metrics/metrics_internal.h"

static int cmp_triangle(const void *x, const void *y)
{
	const ent_triangle *a = x, *b = y;

	if (a->weight != b->weight) {
		return a->weight > b->weight ? -1 : 1;
	}
	if (a->a != b->a) {
		return a->a < b->a ? -1 : 1;
	}
	if (a->b != b->b) {
		return a->b < b->b ? -1 : 1;
	}
	return a->c < b->c ? -1 : (a->c > b->c);
}

/* An edge is frustrated when a tension tie lies inside a group or an
 * alliance tie across groups. */
static int frustrated(const ent__signed *s, size_t e, const int *side)
{
	int same = side[s->ea[e]] == side[s->eb[e]];

	return s->sign[e] > 0 ? !same : same;
}

static int64_t frustration_of(
	const ent__signed *s, const int *side, double *weight_out)
{
	int64_t count = 0;
	double weight = 0;
	size_t e;

	for (e = 0; e < s->m; e++) {
		if (frustrated(s, e, side)) {
			count++;
			weight += s->weight[e];
		}
	}
	if (weight_out != NULL) {
		*weight_out = weight;
	}
	return count;
}

/* Move single actors to the other group while a move lowers the number of
 * frustrated ties; each move lowers it by at least one, so this stops. At
 * the end every actor has at most half its ties frustrated, hence the
 * total is at most m / 2. */
static void improve(const ent__signed *s, int *side)
{
	int moved = 1;
	size_t v, j;

	while (moved) {
		moved = 0;
		for (v = 0; v < s->n; v++) {
			long gain = 0;
			for (j = s->off[v]; j < s->off[v + 1]; j++) {
				gain += frustrated(s, s->adj_e[j], side) ? 1
									 : -1;
			}
			if (gain > 0) {
				side[v] = !side[v];
				moved = 1;
			}
		}
	}
}

/* Colour a spanning forest so that every tree edge is satisfied. */
static ent_status forest_colouring(const ent__signed *s, int *side)
{
	size_t *queue = malloc((s->n + 1) * sizeof(*queue));
	char *seen = calloc(s->n + 1, 1);
	size_t i, head, tail, j;

	if (!queue || !seen) {
		free(queue);
		free(seen);
		return ENT_ENOMEM;
	}
	for (i = 0; i < s->n; i++) {
		if (seen[i]) {
			continue;
		}
		seen[i] = 1;
		side[i] = 0;
		head = tail = 0;
		queue[tail++] = i;
		while (head < tail) {
			size_t v = queue[head++];
			for (j = s->off[v]; j < s->off[v + 1]; j++) {
				size_t w = s->adj_v[j];
				if (!seen[w]) {
					seen[w] = 1;
					side[w] = s->sign[s->adj_e[j]] > 0
						? side[v]
						: !side[v];
					queue[tail++] = w;
				}
			}
		}
	}
	free(queue);
	free(seen);
	return ENT_OK;
}

/* Fold the blocs into two groups: blocs in order (largest first), each to
 * the group where its ties to the blocs already placed frustrate least. */
static void fold_blocs(const ent_metrics *m, const ent__signed *s, int *side)
{
	size_t k, x, j;

	for (x = 0; x < s->n; x++) {
		side[x] = -1;
	}
	for (k = 0; k < m->n_blocs; k++) {
		const ent_bloc *b = &m->blocs[k];
		long cost0 = 0, cost1 = 0;
		for (x = 0; x < b->size; x++) {
			size_t v = b->members[x];
			for (j = s->off[v]; j < s->off[v + 1]; j++) {
				size_t w = s->adj_v[j];
				int pos = s->sign[s->adj_e[j]] > 0;
				if (side[w] < 0) {
					continue;
				}
				/* cost of placing v's bloc in group 0 / 1 */
				cost0 += pos ? side[w] != 0 : side[w] == 0;
				cost1 += pos ? side[w] != 1 : side[w] == 1;
			}
		}
		for (x = 0; x < b->size; x++) {
			side[b->members[x]] = cost1 < cost0 ? 1 : 0;
		}
	}
}

/* Give the lowest actor of each component group 0. */
static void canonical_sides(const ent_metrics *m, int *side)
{
	size_t i, c;
	int *flip = calloc(m->n_components + 1, sizeof(*flip));
	char *done = calloc(m->n_components + 1, 1);

	if (!flip || !done) {
		free(flip);
		free(done);
		return; /* still a valid partition, only not canonical */
	}
	for (i = 0; i < m->n; i++) {
		c = m->actors[i].component - 1;
		if (!done[c]) {
			done[c] = 1;
			flip[c] = side[i];
		}
		side[i] = flip[c] ? !side[i] : side[i];
	}
	free(flip);
	free(done);
}

/* The triangles as they are listed: counts and weights, and the heaviest
 * unbalanced ones kept in a heap whose root is the lightest kept (or all
 * of them in a growing array when there is no limit). */
typedef struct tally {
	ent_balance *bal;
	double w_all, w_bal;
	ent_triangle *kept;
	size_t n_kept, cap, limit; /* limit 0: keep all */
	int failed;
} tally;

/* 1 when triangle x is listed after y (lighter, or as heavy and later by
 * its actors): the order of the heap. */
static int lighter(const ent_triangle *x, const ent_triangle *y)
{
	return cmp_triangle(x, y) > 0;
}

static void heap_down(ent_triangle *h, size_t n, size_t i)
{
	ent_triangle t = h[i];
	size_t c;

	while ((c = 2 * i + 1) < n) {
		if (c + 1 < n && lighter(&h[c + 1], &h[c])) {
			c++;
		}
		if (!lighter(&h[c], &t)) {
			break;
		}
		h[i] = h[c];
		i = c;
	}
	h[i] = t;
}

static void count_triangle(const ent_triangle *t, void *payload)
{
	tally *y = payload;
	size_t i;

	y->bal->triangles++;
	y->w_all += t->weight;
	if (t->sign > 0) {
		y->bal->balanced++;
		y->w_bal += t->weight;
		return;
	}
	y->bal->unbalanced++;
	if (y->failed) {
		return;
	}
	if (y->limit > 0 && y->n_kept == y->limit) {
		if (lighter(&y->kept[0], t)) {
			y->kept[0] = *t; /* replaces the lightest kept */
			heap_down(y->kept, y->n_kept, 0);
		}
		return;
	}
	if (y->n_kept == y->cap) {
		size_t cap = y->cap ? 2 * y->cap : 64;
		ent_triangle *grown;
		if (y->limit > 0 && cap > y->limit) {
			cap = y->limit;
		}
		grown = realloc(y->kept, cap * sizeof(*grown));
		if (grown == NULL) {
			y->failed = 1;
			return;
		}
		y->kept = grown;
		y->cap = cap;
	}
	y->kept[y->n_kept++] = *t;
	if (y->limit > 0) {
		/* sift the new leaf up */
		ent_triangle x = *t;
		i = y->n_kept - 1;
		while (i > 0 && lighter(&x, &y->kept[(i - 1) / 2])) {
			y->kept[i] = y->kept[(i - 1) / 2];
			i = (i - 1) / 2;
		}
		y->kept[i] = x;
	}
}

ent_status ent__metrics_balance(
	ent_metrics *m, const ent__signed *s, const ent_metrics_options *opts)
{
	ent_balance *bal = &m->balance;
	tally y;
	size_t i, k;
	double w_try;
	int *trial = NULL;
	int64_t best, f;
	uint64_t rng;
	ent_status st;

	memset(bal, 0, sizeof(*bal));
	memset(&y, 0, sizeof(y));
	y.bal = bal;
	y.limit = opts->max_unbalanced;
	st = ent__signed_triangles_each(s, count_triangle, &y);
	if (st == ENT_OK && y.failed) {
		st = ENT_ENOMEM;
	}
	if (st != ENT_OK) {
		free(y.kept);
		goto done;
	}
	bal->triangle_index = bal->triangles
		? (double)bal->balanced / (double)bal->triangles
		: 1;
	bal->weighted_triangle_index = y.w_all > 0 ? y.w_bal / y.w_all : 1;
	/* the unbalanced triangles kept, heaviest first */
	if (y.n_kept > 1) {
		qsort(y.kept, y.n_kept, sizeof(*y.kept), cmp_triangle);
	}
	m->unbalanced = y.kept;
	m->n_unbalanced = y.n_kept;

	bal->signed_ties = (int64_t)s->m;
	for (k = 0; k < s->m; k++) {
		int same = m->actors[s->ea[k]].bloc == m->actors[s->eb[k]].bloc;
		if (s->sign[k] > 0 ? !same : same) {
			bal->bloc_frustration++;
			bal->bloc_frustration_weight += s->weight[k];
		}
	}

	/* Two-group frustration: local search from a forest colouring, from
	 * the folded blocs and from a few seeded random starts; keep the
	 * best. */
	m->side = calloc(m->n + 1, sizeof(*m->side));
	trial = calloc(m->n + 1, sizeof(*trial));
	if (!m->side || !trial) {
		st = ENT_ENOMEM;
		goto done;
	}
	st = forest_colouring(s, m->side);
	if (st != ENT_OK) {
		goto done;
	}
	improve(s, m->side);
	best = frustration_of(s, m->side, NULL);
	rng = (uint64_t)opts->seed * 2654435761u + 1;
	for (k = 0; k < 9 && best > 0; k++) {
		if (k == 0) {
			fold_blocs(m, s, trial);
		} else {
			for (i = 0; i < m->n; i++) {
				/* xorshift64: fixed seed, so runs repeat
				 * exactly */
				rng ^= rng << 13;
				rng ^= rng >> 7;
				rng ^= rng << 17;
				trial[i] = (int)(rng >> 63);
			}
		}
		improve(s, trial);
		f = frustration_of(s, trial, NULL);
		if (f < best) {
			best = f;
			memcpy(m->side, trial, m->n * sizeof(*trial));
		}
	}
	canonical_sides(m, m->side);
	bal->frustration = frustration_of(s, m->side, &w_try);
	bal->frustration_weight = w_try;
	bal->normalised_balance = s->m > 0
		? 1.0 - (double)bal->frustration / ((double)s->m / 2.0)
		: 1;
done:
	free(trial);
	return st;
}
