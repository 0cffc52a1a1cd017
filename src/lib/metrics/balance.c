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

ent_status ent__metrics_balance(
	ent_metrics *m, const ent__signed *s, const ent_metrics_options *opts)
{
	ent_balance *bal = &m->balance;
	ent_triangle *tri = NULL;
	size_t n_tri = 0, i, k;
	double w_all = 0, w_bal = 0, w_try;
	int *trial = NULL;
	int64_t best, f;
	uint64_t rng;
	ent_status st;

	memset(bal, 0, sizeof(*bal));
	st = ent__signed_triangles(s, &tri, &n_tri);
	if (st != ENT_OK) {
		goto done;
	}
	bal->triangles = (int64_t)n_tri;
	for (i = 0; i < n_tri; i++) {
		w_all += tri[i].weight;
		if (tri[i].sign > 0) {
			bal->balanced++;
			w_bal += tri[i].weight;
		} else {
			bal->unbalanced++;
		}
	}
	bal->triangle_index = n_tri ? (double)bal->balanced / (double)n_tri : 1;
	bal->weighted_triangle_index = w_all > 0 ? w_bal / w_all : 1;
	/* keep the unbalanced triangles, heaviest first */
	for (i = 0, k = 0; i < n_tri; i++) {
		if (tri[i].sign < 0) {
			tri[k++] = tri[i];
		}
	}
	if (k > 1) {
		qsort(tri, k, sizeof(*tri), cmp_triangle);
	}
	m->unbalanced = tri;
	m->n_unbalanced = k;
	tri = NULL;

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
	free(tri);
	free(trial);
	return st;
}
