/* SPDX-License-Identifier: MIT */
/*
 * The signed layer of the actor graph: its edges, adjacency, connected
 * components and triangles, in plain C (no igraph needed).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "metrics/metrics_internal.h"

void ent__signed_finish(ent__signed *s)
{
	if (s == NULL) {
		return;
	}
	free(s->ea);
	free(s->eb);
	free(s->sign);
	free(s->weight);
	free(s->rel);
	free(s->off);
	free(s->adj_v);
	free(s->adj_e);
	memset(s, 0, sizeof(*s));
}

ent_status ent__signed_build(ent__signed *s, const ent_graph *g)
{
	size_t i, k, r = ent_graph_relation_count(g);
	size_t *fill = NULL;

	memset(s, 0, sizeof(*s));
	s->n = ent_graph_actor_count(g);
	for (i = 0; i < r; i++) {
		s->m += ent_graph_relation(g, i)->sign != 0;
	}
	s->ea = malloc((s->m + 1) * sizeof(*s->ea));
	s->eb = malloc((s->m + 1) * sizeof(*s->eb));
	s->sign = malloc((s->m + 1) * sizeof(*s->sign));
	s->weight = malloc((s->m + 1) * sizeof(*s->weight));
	s->rel = malloc((s->m + 1) * sizeof(*s->rel));
	s->off = calloc(s->n + 1, sizeof(*s->off));
	s->adj_v = malloc((2 * s->m + 1) * sizeof(*s->adj_v));
	s->adj_e = malloc((2 * s->m + 1) * sizeof(*s->adj_e));
	fill = calloc(s->n + 1, sizeof(*fill));
	if (!s->ea || !s->eb || !s->sign || !s->weight || !s->rel || !s->off ||
		!s->adj_v || !s->adj_e || !fill) {
		free(fill);
		ent__signed_finish(s);
		return ENT_ENOMEM;
	}
	for (i = 0, k = 0; i < r; i++) {
		const ent_relation *rel = ent_graph_relation(g, i);
		if (rel->sign == 0) {
			continue;
		}
		s->ea[k] = rel->a < rel->b ? rel->a : rel->b;
		s->eb[k] = rel->a < rel->b ? rel->b : rel->a;
		s->sign[k] = rel->sign;
		s->weight[k] = rel->net < 0 ? -rel->net : rel->net;
		s->rel[k] = i;
		s->off[s->ea[k] + 1]++;
		s->off[s->eb[k] + 1]++;
		k++;
	}
	for (i = 0; i < s->n; i++) {
		s->off[i + 1] += s->off[i];
	}
	/* Fill the neighbour lists in edge order, then sort each by
	 * neighbour so triangle listing can rely on ascending order. */
	for (k = 0; k < s->m; k++) {
		size_t a = s->ea[k], b = s->eb[k];
		s->adj_v[s->off[a] + fill[a]] = b;
		s->adj_e[s->off[a] + fill[a]++] = k;
		s->adj_v[s->off[b] + fill[b]] = a;
		s->adj_e[s->off[b] + fill[b]++] = k;
	}
	free(fill);
	/* Insertion sort: lists are short and nearly sorted already. */
	for (i = 0; i < s->n; i++) {
		size_t lo = s->off[i], hi = s->off[i + 1], x, y;
		for (x = lo + 1; x < hi; x++) {
			size_t v = s->adj_v[x], e = s->adj_e[x];
			for (y = x; y > lo && s->adj_v[y - 1] > v; y--) {
				s->adj_v[y] = s->adj_v[y - 1];
				s->adj_e[y] = s->adj_e[y - 1];
			}
			s->adj_v[y] = v;
			s->adj_e[y] = e;
		}
	}
	return ENT_OK;
}

typedef struct comp_info {
	size_t size, first, id;
} comp_info;

static int cmp_comp(const void *x, const void *y)
{
	const comp_info *a = x, *b = y;

	if (a->size != b->size) {
		return a->size > b->size ? -1 : 1;
	}
	return a->first < b->first ? -1 : (a->first > b->first);
}

ent_status ent__signed_components(
	const ent__signed *s, size_t *comp, size_t *count_out)
{
	size_t *queue = NULL, *rank = NULL;
	comp_info *info = NULL;
	size_t i, count = 0, head, tail, j;
	ent_status st = ENT_OK;

	*count_out = 0;
	if (s->n == 0) {
		return ENT_OK;
	}
	queue = malloc(s->n * sizeof(*queue));
	info = malloc(s->n * sizeof(*info));
	rank = malloc(s->n * sizeof(*rank));
	if (!queue || !info || !rank) {
		st = ENT_ENOMEM;
		goto done;
	}
	for (i = 0; i < s->n; i++) {
		comp[i] = (size_t)-1;
	}
	for (i = 0; i < s->n; i++) {
		if (comp[i] != (size_t)-1) {
			continue;
		}
		head = tail = 0;
		queue[tail++] = i;
		comp[i] = count;
		while (head < tail) {
			size_t v = queue[head++];
			for (j = s->off[v]; j < s->off[v + 1]; j++) {
				size_t w = s->adj_v[j];
				if (comp[w] == (size_t)-1) {
					comp[w] = count;
					queue[tail++] = w;
				}
			}
		}
		info[count].size = tail;
		info[count].first = i;
		info[count].id = count;
		count++;
	}
	qsort(info, count, sizeof(*info), cmp_comp);
	for (i = 0; i < count; i++) {
		rank[info[i].id] = i;
	}
	for (i = 0; i < s->n; i++) {
		comp[i] = rank[comp[i]];
	}
	*count_out = count;
done:
	free(queue);
	free(info);
	free(rank);
	return st;
}

/*
 * Every triangle once, by the compact-forward scheme (Latapy 2008,
 * "Main-memory triangle computations for very large (sparse (power-law))
 * graphs", Theor. Comput. Sci. 407:458-473): the edges point from the
 * lower to the higher of their ends in (degree, index) order, so no
 * vertex has more than sqrt(2m) out-neighbours; for each vertex u, its
 * out-neighbours are marked, and each marked w among the out-neighbours
 * of an out-neighbour v closes the triangle u, v, w. O(m^1.5), where
 * listing from every edge in index order costs the square of a hub's
 * degree.
 */
static int before(const ent__signed *s, size_t a, size_t b)
{
	size_t da = s->off[a + 1] - s->off[a], db = s->off[b + 1] - s->off[b];

	return da != db ? da < db : a < b;
}

ent_status ent__signed_triangles_each(
	const ent__signed *s, ent__triangle_fn fn, void *payload)
{
	size_t *out_off = NULL, *out_v = NULL, *out_e = NULL, *mark = NULL;
	size_t *stamp = NULL, u, x, y, k;
	ent_status st = ENT_OK;

	if (s->n == 0 || s->m == 0) {
		return ENT_OK;
	}
	out_off = calloc(s->n + 1, sizeof(*out_off));
	out_v = malloc(s->m * sizeof(*out_v));
	out_e = malloc(s->m * sizeof(*out_e));
	mark = malloc(s->n * sizeof(*mark));
	stamp = malloc(s->n * sizeof(*stamp));
	if (!out_off || !out_v || !out_e || !mark || !stamp) {
		st = ENT_ENOMEM;
		goto done;
	}
	for (u = 0; u < s->n; u++) {
		stamp[u] = (size_t)-1;
		for (x = s->off[u]; x < s->off[u + 1]; x++) {
			out_off[u + 1] += before(s, u, s->adj_v[x]);
		}
	}
	for (u = 0; u < s->n; u++) {
		out_off[u + 1] += out_off[u];
	}
	for (u = 0, k = 0; u < s->n; u++) {
		for (x = s->off[u]; x < s->off[u + 1]; x++) {
			if (before(s, u, s->adj_v[x])) {
				out_v[k] = s->adj_v[x];
				out_e[k++] = s->adj_e[x];
			}
		}
	}
	for (u = 0; u < s->n; u++) {
		for (x = out_off[u]; x < out_off[u + 1]; x++) {
			stamp[out_v[x]] = u;
			mark[out_v[x]] = out_e[x];
		}
		for (x = out_off[u]; x < out_off[u + 1]; x++) {
			size_t v = out_v[x];
			for (y = out_off[v]; y < out_off[v + 1]; y++) {
				size_t w = out_v[y], e1, e2, e3, t;
				size_t abc[3];
				ent_triangle tri;
				if (stamp[w] != u) {
					continue;
				}
				e1 = out_e[x];
				e2 = out_e[y];
				e3 = mark[w];
				abc[0] = u;
				abc[1] = v;
				abc[2] = w;
				/* name it by its ends ascending */
				if (abc[0] > abc[1]) {
					t = abc[0], abc[0] = abc[1], abc[1] = t;
				}
				if (abc[1] > abc[2]) {
					t = abc[1], abc[1] = abc[2], abc[2] = t;
				}
				if (abc[0] > abc[1]) {
					t = abc[0], abc[0] = abc[1], abc[1] = t;
				}
				tri.a = abc[0];
				tri.b = abc[1];
				tri.c = abc[2];
				tri.sign = s->sign[e1] * s->sign[e2] * s->sign[e3];
				tri.weight = s->weight[e1] * s->weight[e2] *
					s->weight[e3];
				fn(&tri, payload);
			}
		}
	}
done:
	free(out_off);
	free(out_v);
	free(out_e);
	free(mark);
	free(stamp);
	return st;
}

typedef struct collect {
	ent_triangle *list;
	size_t count, cap;
	int failed;
} collect;

static void collect_one(const ent_triangle *t, void *payload)
{
	collect *c = payload;
	ent_triangle *grown;

	if (c->failed) {
		return;
	}
	if (c->count == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 64;
		grown = realloc(c->list, cap * sizeof(*grown));
		if (grown == NULL) {
			c->failed = 1;
			return;
		}
		c->list = grown;
		c->cap = cap;
	}
	c->list[c->count++] = *t;
}

static int cmp_abc(const void *x, const void *y)
{
	const ent_triangle *a = x, *b = y;

	if (a->a != b->a) {
		return a->a < b->a ? -1 : 1;
	}
	if (a->b != b->b) {
		return a->b < b->b ? -1 : 1;
	}
	return a->c < b->c ? -1 : (a->c > b->c);
}

ent_status ent__signed_triangles(
	const ent__signed *s, ent_triangle **out, size_t *count_out)
{
	collect c = {NULL, 0, 0, 0};
	ent_status st;

	*out = NULL;
	*count_out = 0;
	st = ent__signed_triangles_each(s, collect_one, &c);
	if (st != ENT_OK || c.failed) {
		free(c.list);
		return ENT_ENOMEM;
	}
	if (c.count > 1) {
		qsort(c.list, c.count, sizeof(*c.list), cmp_abc);
	}
	*out = c.list;
	*count_out = c.count;
	return ENT_OK;
}
