/* SPDX-License-Identifier: MIT */
/*
 * The bookkeeping of a bloc search: communities with their strengths,
 * sizes and ids in use, weights from one node to each community, seeded
 * random numbers (communities.h).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "metrics/communities.h"

void ent__comms_finish(ent__comms *c)
{
	free(c->kp);
	free(c->kn);
	free(c->size);
	free(c->active);
	free(c->pos);
	free(c->empty);
	free(c->acc);
	free(c->stamp);
	free(c->touched);
	memset(c, 0, sizeof(*c));
}

ent_status ent__comms_init(ent__comms *c, size_t cap)
{
	size_t n = cap ? cap : 1;

	memset(c, 0, sizeof(*c));
	c->cap = cap;
	c->kp = malloc(n * sizeof(*c->kp));
	c->kn = malloc(n * sizeof(*c->kn));
	c->size = malloc(n * sizeof(*c->size));
	c->active = malloc(n * sizeof(*c->active));
	c->pos = malloc(n * sizeof(*c->pos));
	c->empty = malloc(n * sizeof(*c->empty));
	c->acc = malloc(n * sizeof(*c->acc));
	c->stamp = calloc(n, sizeof(*c->stamp));
	c->touched = malloc(n * sizeof(*c->touched));
	if (!c->kp || !c->kn || !c->size || !c->active || !c->pos ||
		!c->empty || !c->acc || !c->stamp || !c->touched) {
		ent__comms_finish(c);
		return ENT_ENOMEM;
	}
	return ENT_OK;
}

void ent__comms_fill(ent__comms *c, const ent__wgraph *g, const size_t *comm)
{
	size_t id, v;

	for (id = 0; id < c->cap; id++) {
		c->kp[id] = c->kn[id] = 0;
		c->size[id] = 0;
		c->stamp[id] = 0;
	}
	c->tick = 0;
	for (v = 0; v < g->n; v++) {
		c->kp[comm[v]] += g->kp[v];
		c->kn[comm[v]] += g->kn[v];
		c->size[comm[v]]++;
	}
	c->n_empty = c->n_active = 0;
	for (id = c->cap; id-- > 0;) {
		if (c->size[id] == 0) {
			c->empty[c->n_empty++] = id;
		}
	}
	for (id = 0; id < c->cap; id++) {
		if (c->size[id] > 0) {
			c->pos[id] = c->n_active;
			c->active[c->n_active++] = id;
		}
	}
}

void ent__comms_weigh(ent__comms *c, const ent__wgraph *g, const size_t *comm,
	size_t v)
{
	size_t j;

	c->tick++;
	c->n_touched = 0;
	for (j = g->off[v]; j < g->off[v + 1]; j++) {
		size_t id = comm[g->adj[j]];
		if (c->stamp[id] != c->tick) {
			c->stamp[id] = c->tick;
			c->acc[id] = 0;
			c->touched[c->n_touched++] = id;
		}
		c->acc[id] += g->w[j];
	}
}

void ent__comms_take(ent__comms *c, const ent__wgraph *g, size_t v,
	size_t from)
{
	c->kp[from] -= g->kp[v];
	c->kn[from] -= g->kn[v];
	c->size[from]--;
}

void ent__comms_put(ent__comms *c, const ent__wgraph *g, size_t v,
	size_t from, size_t to)
{
	if (to != from && c->size[to] == 0) {
		c->n_empty--; /* `to` is the top of the stack */
		c->pos[to] = c->n_active;
		c->active[c->n_active++] = to;
	}
	if (to != from && c->size[from] == 0) {
		size_t last = c->active[--c->n_active];
		c->active[c->pos[from]] = last;
		c->pos[last] = c->pos[from];
		c->empty[c->n_empty++] = from;
	}
	c->kp[to] += g->kp[v];
	c->kn[to] += g->kn[v];
	c->size[to]++;
}

uint64_t ent__comms_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15u);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

void ent__comms_shuffle(size_t *a, size_t n, uint64_t *rng)
{
	size_t i;

	for (i = n; i > 1; i--) {
		size_t k = (size_t)(ent__comms_random(rng) % i), t = a[i - 1];
		a[i - 1] = a[k];
		a[k] = t;
	}
}

size_t ent__comms_renumber(size_t *comm, size_t n, size_t *map)
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
