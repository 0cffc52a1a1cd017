/* SPDX-License-Identifier: MIT */
/*
 * Blocs (signed modularity per connected component) on graphs whose blocs
 * are clear by hand, against an exhaustive search on small random graphs,
 * on planted blocs, and with each of the three searches.
 */
#include <stdint.h>
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
	/* 2W+ = 60 (k+ = 10 each), 2W- = 54 (k- = 9 each); inside 2 x 30;
	 * K+ = 30 and K- = 27 per bloc:
	 * Q = (60 - 2 x 30^2/60 + 2 x 27^2/54) / 114 = 57 / 114 */
	is_num(ent_metrics_modularity(m), 0.5, 1e-12,
		"hostile blocs: signed modularity 1/2");
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

/* Components without a tension tie (metrics.h, ENT_COOPERATIVE_SPLIT_Q):
 * a chain of eight allies (7 ties of 5; Louvain parts it in three, Q =
 * 1 - 2/7 - (25 + 16 + 25) / 196 = 0.378) is one bloc with nothing
 * frustrated; two allied foursomes joined by one tie (13 ties of 5: Q =
 * 12/13 - 2 (13/26)^2 = 0.423) are two blocs, the joining tie the one
 * frustrated. */
static void cooperative(void)
{
	const char *chain[] = {"A", "B", "C", "D", "E", "F", "G", "H"};
	const char *x[] = {"P", "Q", "R", "S"}, *y[] = {"T", "U", "V", "W"};
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	size_t i, j;

	ent_dyads_create(&d, NULL);
	for (i = 0; i + 1 < 8; i++) {
		fx_add(d, chain[i], chain[i + 1], 5, 0);
	}
	if (ok(fx_build(d, &g, &m), "cooperative chain: build and measure")) {
		ok(ent_metrics_bloc_count(m) == 1 &&
				ent_metrics_balance(m)->bloc_frustration == 0,
			"cooperative chain: one bloc, no tie frustrated "
			"(%zu blocs, %lld frustrated)",
			ent_metrics_bloc_count(m),
			(long long)ent_metrics_balance(m)->bloc_frustration);
	}
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
	m = NULL;
	g = NULL;
	ent_dyads_create(&d, NULL);
	for (i = 0; i < 4; i++) {
		for (j = i + 1; j < 4; j++) {
			fx_add(d, x[i], x[j], 5, 0);
			fx_add(d, y[i], y[j], 5, 0);
		}
	}
	fx_add(d, "S", "T", 5, 0);
	if (ok(fx_build(d, &g, &m), "two foursomes: build and measure")) {
		ok(ent_metrics_bloc_count(m) == 2 &&
				fx_bloc(g, m, "P") != fx_bloc(g, m, "W") &&
				fx_bloc(g, m, "S") == fx_bloc(g, m, "P") &&
				ent_metrics_balance(m)->bloc_frustration == 1,
			"two foursomes: two blocs, the joining tie frustrated");
	}
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


/* Signed modularity of a partition, from the dyads as metrics.h defines it
 * (one component): n actors, w[i][j] the net weight of {i, j}. */
#define BF_N 9
static double bf_modularity(double w[BF_N][BF_N], const int *bloc)
{
	double kp[BF_N] = {0}, kn[BF_N] = {0}, wp2 = 0, wn2 = 0, q = 0;
	int i, j;

	for (i = 0; i < BF_N; i++) {
		for (j = 0; j < BF_N; j++) {
			if (w[i][j] > 0) {
				kp[i] += w[i][j];
			} else {
				kn[i] -= w[i][j];
			}
		}
		wp2 += kp[i];
		wn2 += kn[i];
	}
	for (i = 0; i < BF_N; i++) {
		for (j = 0; j < BF_N; j++) {
			if (bloc[i] != bloc[j]) {
				continue;
			}
			q += w[i][j];
			q -= wp2 > 0 ? kp[i] * kp[j] / wp2 : 0;
			q += wn2 > 0 ? kn[i] * kn[j] / wn2 : 0;
		}
	}
	return q / (wp2 + wn2);
}

/* The best partition of BF_N actors, over all set partitions (restricted
 * growth strings: 21,147 of them). */
static double bf_best(double w[BF_N][BF_N])
{
	int a[BF_N] = {0}, top[BF_N] = {0}, i;
	double best = -1;

	for (;;) {
		double q = bf_modularity(w, a);
		best = q > best ? q : best;
		for (i = BF_N - 1; i > 0 && a[i] == top[i - 1] + 1; i--) {
		}
		if (i == 0) {
			break;
		}
		a[i]++;
		top[i] = a[i] > top[i - 1] ? a[i] : top[i - 1];
		for (i = i + 1; i < BF_N; i++) {
			a[i] = 0;
			top[i] = top[i - 1];
		}
	}
	return best;
}

/* On 30 random connected signed graphs of nine actors, the default search
 * finds the best partition there is (exhaustive search), and its reported
 * modularity is that partition's. */
static void exhaustive(void)
{
	uint64_t x = 99;
	int trial, found = 0, reported = 0;

	for (trial = 0; trial < 30; trial++) {
		double w[BF_N][BF_N] = {{0}};
		int bloc[BF_N], i, j;
		ent_dyads *d = NULL;
		ent_graph *g = NULL;
		ent_metrics *m = NULL;
		char a[4], b[4];

		ent_dyads_create(&d, NULL);
		for (i = 0; i < BF_N; i++) {
			for (j = i + 1; j < BF_N; j++) {
				double v;
				x = x * 6364136223846793005u + 1442695040888963407u;
				/* a path keeps the graph connected */
				if (j != i + 1 && (x >> 33) % 2 == 0) {
					continue;
				}
				v = (double)(1 + (x >> 40) % 9);
				v = (x >> 20) % 5 < 2 ? -v : v;
				w[i][j] = w[j][i] = v;
				snprintf(a, sizeof(a), "A%d", i);
				snprintf(b, sizeof(b), "A%d", j);
				fx_add(d, a, b, v > 0 ? v : 0, v < 0 ? -v : 0);
			}
		}
		if (fx_build(d, &g, &m)) {
			double best = bf_best(w), q;
			for (i = 0; i < BF_N; i++) {
				snprintf(a, sizeof(a), "A%d", i);
				bloc[i] = (int)fx_bloc(g, m, a);
			}
			q = bf_modularity(w, bloc);
			found += fabs(q - best) < 1e-12;
			reported += fabs(ent_metrics_modularity(m) - q) < 1e-12;
			if (fabs(q - best) >= 1e-12) {
				printf("# graph %d: found %.15g, best %.15g\n", trial,
					q, best);
			}
		}
		ent_metrics_destroy(m);
		ent_graph_destroy(g);
		ent_dyads_destroy(d);
	}
	ok(found == 30, "exhaustive: the best partition on %d of 30 graphs",
		found);
	ok(reported == 30, "exhaustive: [modularity] is the partition's, %d "
		"of 30", reported);
}

/* 90 actors in three planted blocs of 30 (P00, P03, ... in bloc 0), each
 * pair inside a bloc allied with probability 0.3 and each pair across in
 * tension with probability 0.1, one tie in ten the other way: every search
 * gives back the planted blocs. */
static void planted(ent_bloc_method method, const char *name)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	ent_metrics_options o = ENT_METRICS_OPTIONS_INIT;
	ent_error err = {0};
	uint64_t x = 7;
	size_t i, j, same = 0, pairs = 0;
	char a[8], b[8];

	ent_dyads_create(&d, NULL);
	for (i = 0; i < 90; i++) {
		for (j = i + 1; j < 90; j++) {
			int inside = i % 3 == j % 3, friendly;
			x = x * 6364136223846793005u + 1442695040888963407u;
			if ((double)(x >> 11) * 0x1.0p-53 >= (inside ? 0.3 : 0.1)) {
				continue;
			}
			x = x * 6364136223846793005u + 1442695040888963407u;
			friendly = inside != ((x >> 33) % 10 == 0);
			snprintf(a, sizeof(a), "P%02zu", i);
			snprintf(b, sizeof(b), "P%02zu", j);
			fx_add(d, a, b, friendly ? 4 : 0, friendly ? 0 : 4);
		}
	}
	o.blocs = method;
	if (!ok(ent_graph_build(&g, d, NULL, &err) == ENT_OK &&
			ent_metrics_compute(&m, g, &o, &err) == ENT_OK,
		"planted (%s): build and measure", name)) {
		goto done;
	}
	for (i = 0; i < 90; i++) {
		for (j = i + 1; j < 90; j++) {
			size_t bi = ent_metrics_actor(m, i)->bloc;
			size_t bj = ent_metrics_actor(m, j)->bloc;
			/* actor index = code order = i */
			pairs++;
			same += (bi == bj) == (i % 3 == j % 3);
		}
	}
	ok(ent_metrics_bloc_count(m) == 3 && same == pairs,
		"planted (%s): the three planted blocs, %zu blocs, %zu of %zu "
		"pairs agree", name, ent_metrics_bloc_count(m), same, pairs);
done:
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

/* A bad method is refused; a version-1 options struct still works. */
static void options(void)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	ent_metrics_options o = ENT_METRICS_OPTIONS_INIT;
	ent_error err = {0};
	ent_bloc_method method;

	ok(ent_bloc_method_parse(&method, "spinglass") == ENT_OK &&
			method == ENT_BLOCS_SPINGLASS &&
			ent_bloc_method_parse(&method, "louvain") == ENT_OK &&
			method == ENT_BLOCS_LOUVAIN &&
			ent_bloc_method_parse(&method, "auto") == ENT_OK &&
			method == ENT_BLOCS_AUTO &&
			ent_bloc_method_parse(&method, "leiden") == ENT_EINVAL,
		"bloc methods parse");
	ent_dyads_create(&d, NULL);
	add_hostile_blocs(d);
	ent_graph_build(&g, d, NULL, &err);
	o.blocs = (ent_bloc_method)7;
	ok(ent_metrics_compute(&m, g, &o, &err) == ENT_EINVAL && m == NULL &&
			err.message[0] != '\0',
		"unknown bloc method refused: %s", err.message);
	o = (ent_metrics_options)ENT_METRICS_OPTIONS_INIT;
	o.version = 1;
	o.blocs = (ent_bloc_method)7; /* not part of a version-1 struct */
	ok(ent_metrics_compute(&m, g, &o, &err) == ENT_OK &&
			ent_metrics_bloc_count(m) == 2,
		"a version-1 options struct is read up to `spins`");
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

int main(void)
{
	hostile_blocs();
	repeatable();
	components();
	cooperative();
	consistency();
	scale_free();
	exhaustive();
	planted(ENT_BLOCS_AUTO, "auto");
	planted(ENT_BLOCS_LOUVAIN, "louvain");
	planted(ENT_BLOCS_SPINGLASS, "spinglass");
	options();
	return done_testing();
}
