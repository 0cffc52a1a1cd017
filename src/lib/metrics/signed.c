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

ent_status ent__signed_triangles(
	const ent__signed *s, ent_triangle **out, size_t *count_out)
{
	size_t *mark = NULL, *stamp = NULL;
	ent_triangle *list = NULL, *grown;
	size_t cap = 0, count = 0, u, x, y;
	ent_status st = ENT_OK;

	*out = NULL;
	*count_out = 0;
	if (s->n == 0 || s->m == 0) {
		return ENT_OK;
	}
	mark = malloc(s->n * sizeof(*mark));
	stamp = malloc(s->n * sizeof(*stamp));
	if (!mark || !stamp) {
		st = ENT_ENOMEM;
		goto done;
	}
	for (u = 0; u < s->n; u++) {
		stamp[u] = (size_t)-1;
	}
	/* For each u, mark its neighbours with the edge that reaches them;
	 * every triangle u < v < w is then found once, from edge (v, w). */
	for (u = 0; u < s->n; u++) {
		for (x = s->off[u]; x < s->off[u + 1]; x++) {
			stamp[s->adj_v[x]] = u;
			mark[s->adj_v[x]] = s->adj_e[x];
		}
		for (x = s->off[u]; x < s->off[u + 1]; x++) {
			size_t v = s->adj_v[x];
			if (v <= u) {
				continue;
			}
			for (y = s->off[v]; y < s->off[v + 1]; y++) {
				size_t w = s->adj_v[y], e1, e2, e3;
				if (w <= v || stamp[w] != u) {
					continue;
				}
				e1 = s->adj_e[x];
				e2 = s->adj_e[y];
				e3 = mark[w];
				grown = ent__array_grow(
					list, &cap, count + 1, sizeof(*list));
				if (grown == NULL) {
					st = ENT_ENOMEM;
					goto done;
				}
				list = grown;
				list[count].a = u;
				list[count].b = v;
				list[count].c = w;
				list[count].sign =
					s->sign[e1] * s->sign[e2] * s->sign[e3];
				list[count].weight = s->weight[e1] *
					s->weight[e2] * s->weight[e3];
				count++;
			}
		}
	}
	*out = list;
	*count_out = count;
	list = NULL;
done:
	free(list);
	free(mark);
	free(stamp);
	return st;
}
