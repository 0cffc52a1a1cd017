/* SPDX-License-Identifier: MIT */
/*
 * Blocs from spinglass with negative links, per connected component, on
 * graphs whose blocs are clear by hand.
 */
#include <stdio.h>

#include <entente/entente.h>

#include "tap.h"
#include "metrics_fixture.h"

/* Two hostile blocs of three: A, B, C allied (cooperation 5 each pair),
 * D, E, F allied (5), every cross pair in tension (conflict 3). */
static void add_hostile_blocs(ent_dyads *d)
{
	const char *x[] = {"A", "B", "C"}, *y[] = {"D", "E", "F"};
	size_t i, j;

	for (i = 0; i < 3; i++) {
		for (j = i + 1; j < 3; j++) {
			fx_add(d, x[i], x[j], 5, 0);
			fx_add(d, y[i], y[j], 5, 0);
		}
		for (j = 0; j < 3; j++) {
			fx_add(d, x[i], y[j], 0, 3);
		}
	}
}

static void hostile_blocs(void)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	const ent_bloc *b;
	const ent_tension *t;

	ent_dyads_create(&d, NULL);
	add_hostile_blocs(d);
	if (!ok(fx_build(d, &g, &m), "hostile blocs: build and measure")) {
		ent_dyads_destroy(d);
		return;
	}
	ok(ent_metrics_bloc_count(m) == 2, "hostile blocs: two blocs");
	ok(fx_bloc(g, m, "A") == 1 && fx_bloc(g, m, "B") == 1 &&
			fx_bloc(g, m, "C") == 1,
		"hostile blocs: A, B, C in bloc 1");
	ok(fx_bloc(g, m, "D") == 2 && fx_bloc(g, m, "E") == 2 &&
			fx_bloc(g, m, "F") == 2,
		"hostile blocs: D, E, F in bloc 2");
	b = ent_metrics_bloc(m, 0);
	ok(b && b->size == 3 &&
			b->members[0] == ent_graph_actor_index(g, "A") &&
			b->members[2] == ent_graph_actor_index(g, "C"),
		"hostile blocs: bloc 1 members in code order");
	/* inside: 3 pairs of 5; cohesion 15/15; density 3/3; external
	 * conflict: 9 cross pairs of 3 */
	is_num(b ? b->cooperation : 0, 15, 1e-12,
		"hostile blocs: cooperation 15");
	is_num(b ? b->conflict : 1, 0, 1e-12,
		"hostile blocs: conflict 0 inside");
	is_num(b ? b->cohesion : 0, 1, 1e-12, "hostile blocs: cohesion 1");
	is_num(b ? b->density : 0, 1, 1e-12, "hostile blocs: density 1");
	is_num(b ? b->external_conflict : 0, 27, 1e-12,
		"hostile blocs: external conflict 9 x 3");
	t = ent_metrics_tension(m);
	is_num(t->conflict, 27, 1e-12, "hostile blocs: total conflict 27");
	is_num(t->between_share, 1, 1e-12,
		"hostile blocs: all conflict between");
	is_num(t->within_share, 1, 1e-12,
		"hostile blocs: all cooperation within");
	ok(ent_metrics_bloc(m, 2) == NULL, "no third bloc");
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

/* The same graph twice gives the same blocs (fixed seed), and a different
 * seed still finds the two obvious blocs. */
static void repeatable(void)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *m1 = NULL, *m2 = NULL, *m3 = NULL;
	ent_metrics_options o = ENT_METRICS_OPTIONS_INIT;
	ent_error err = {0};
	size_t i;
	int same = 1;

	ent_dyads_create(&d, NULL);
	add_hostile_blocs(d);
	fx_add(d, "G", "A", 1, 0);
	fx_add(d, "G", "D", 0, 1);
	ent_graph_build(&g, d, NULL, &err);
	ent_metrics_compute(&m1, g, NULL, &err);
	ent_metrics_compute(&m2, g, NULL, &err);
	o.seed = 7;
	ent_metrics_compute(&m3, g, &o, &err);
	for (i = 0; m1 && m2 && i < ent_graph_actor_count(g); i++) {
		same &= ent_metrics_actor(m1, i)->bloc ==
			ent_metrics_actor(m2, i)->bloc;
	}
	ok(m1 && m2 && same, "same seed, same blocs");
	ok(m3 && fx_bloc(g, m3, "G") == fx_bloc(g, m3, "A") &&
			fx_bloc(g, m3, "G") != fx_bloc(g, m3, "D"),
		"seed 7: G joins its ally A's bloc, not its enemy D's");
	ent_metrics_destroy(m1);
	ent_metrics_destroy(m2);
	ent_metrics_destroy(m3);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

/*
 * Components handled directly: a pair of allies is one bloc, a pair of
 * enemies two; a lone actor (a weightless dyad only) its own bloc. Path
 * C -(+3)- D -(-2)- E is split by spinglass at the tension tie.
 * Blocs by size then first actor: {A, B}, {C, D}, {E}, {P}, {Q}, {Z}.
 */
static void components(void)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	const ent_tension *t;

	ent_dyads_create(&d, NULL);
	fx_add(d, "A", "B", 4, 0);
	fx_add(d, "C", "D", 3, 0);
	fx_add(d, "D", "E", 0, 2);
	fx_add(d, "P", "Q", 0, 6);
	fx_add(d, "Z", "A", 0, 0);
	if (!ok(fx_build(d, &g, &m), "components: build and measure")) {
		ent_dyads_destroy(d);
		return;
	}
	ok(ent_metrics_bloc_count(m) == 6, "components: six blocs");
	ok(fx_bloc(g, m, "A") == 1 && fx_bloc(g, m, "B") == 1,
		"components: allied pair A, B = bloc 1");
	ok(fx_bloc(g, m, "C") == 2 && fx_bloc(g, m, "D") == 2 &&
			fx_bloc(g, m, "E") == 3,
		"components: C, D = bloc 2, E = bloc 3");
	ok(fx_bloc(g, m, "P") == 4 && fx_bloc(g, m, "Q") == 5,
		"components: hostile pair P, Q apart");
	ok(fx_bloc(g, m, "Z") == 6, "components: isolated Z alone");
	is_num(ent_metrics_bloc(m, 5)->cohesion, 1, 1e-12,
		"components: a bloc of one has cohesion 1");
	t = ent_metrics_tension(m);
	is_num(t->between_share, 1, 1e-12, "components: all conflict between");
	ok(ent_metrics_balance(m)->bloc_frustration == 0,
		"components: bloc frustration 0");
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

/* A cooperative quarrel: one tension tie inside an otherwise allied
 * triangle of heavy cooperation (A-B 10, B-C 10, A-C net -1). Spinglass
 * can keep all three together (one frustrated tie) or split C off (one
 * frustrated alliance); either way the bloc frustration is 1 and the
 * measures agree with the blocs found. */
static void consistency(void)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	size_t k, total = 0;

	ent_dyads_create(&d, NULL);
	fx_add(d, "A", "B", 10, 0);
	fx_add(d, "B", "C", 10, 0);
	fx_add(d, "A", "C", 1, 2);
	if (!ok(fx_build(d, &g, &m), "quarrel: build and measure")) {
		ent_dyads_destroy(d);
		return;
	}
	for (k = 0; k < ent_metrics_bloc_count(m); k++) {
		total += ent_metrics_bloc(m, k)->size;
	}
	ok(total == 3, "quarrel: blocs cover the actors once");
	ok(ent_metrics_balance(m)->bloc_frustration == 1,
		"quarrel: bloc frustration 1");
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

/* Blocs of a tangled graph of 40 actors (a fixed pseudo-random mix of
 * alliances and tensions of varied weight) with every weight multiplied
 * by `scale`; `bloc` receives each actor's bloc. */
static int tangled_blocs(double scale, size_t bloc[40])
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	unsigned long x = 12345;
	char a[8], b[8];
	size_t i, j;

	ent_dyads_create(&d, NULL);
	for (i = 0; i < 40; i++) {
		for (j = i + 1; j < 40; j++) {
			x = (x * 1103515245ul + 12345ul) & 0x7FFFFFFFul;
			if (x % 7 != 0) {
				continue; /* about one pair in seven */
			}
			snprintf(a, sizeof(a), "A%02zu", i);
			snprintf(b, sizeof(b), "A%02zu", j);
			if ((x >> 8) % 3 == 0) {
				fx_add(d, a, b, 0, scale * (double)(1 + (x >> 12) % 9));
			} else {
				fx_add(d, a, b, scale * (double)(1 + (x >> 12) % 9), 0);
			}
		}
	}
	if (!fx_build(d, &g, &m)) {
		ent_dyads_destroy(d);
		return 0;
	}
	for (i = 0; i < 40; i++) {
		snprintf(a, sizeof(a), "A%02zu", i);
		bloc[i] = fx_bloc(g, m, a);
	}
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
	return 1;
}

/* The blocs do not depend on the unit of the weights: the same events
 * counted 1,024 times, or weighed a quarter, give the same partition
 * (spinglass anneals at absolute temperatures, so it must see weights in
 * a unit of their own). Powers of two keep the scaled weights exact. */
static void scale_free(void)
{
	size_t base[40], big[40], small[40];
	int same_big = 1, same_small = 1, several = 0;
	size_t i;

	if (!ok(tangled_blocs(1, base) && tangled_blocs(1024, big) &&
			tangled_blocs(0.25, small), "scale: build and measure")) {
		return;
	}
	for (i = 0; i < 40; i++) {
		same_big &= base[i] == big[i];
		same_small &= base[i] == small[i];
		several |= base[i] != base[0];
	}
	ok(several, "scale: the tangled graph has more than one bloc");
	ok(same_big, "scale: weights x 1024 give the same blocs");
	ok(same_small, "scale: weights x 1/4 give the same blocs");
}

int main(void)
{
	hostile_blocs();
	repeatable();
	components();
	consistency();
	scale_free();
	return done_testing();
}
