/* SPDX-License-Identifier: MIT */
/*
 * Structural balance on small signed graphs worked out by hand, the
 * two-group frustration bound against an exhaustive search, and the
 * triangles against a count over all triples, with the list capped.
 */
#include <stdint.h>
#include <stdio.h>

#include <entente/entente.h>

#include "tap.h"
#include "metrics_fixture.h"

/* Two hostile blocs of three (see test_blocs.c): K6, 20 triangles, each
 * either all allied (+ + +) or two enemies of one actor (+ - -). */
static void hostile_blocs(void)
{
	const char *x[] = {"A", "B", "C"}, *y[] = {"D", "E", "F"};
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	const ent_balance *b;
	size_t i, j;

	ent_dyads_create(&d, NULL);
	for (i = 0; i < 3; i++) {
		for (j = i + 1; j < 3; j++) {
			fx_add(d, x[i], x[j], 5, 0);
			fx_add(d, y[i], y[j], 5, 0);
		}
		for (j = 0; j < 3; j++) {
			fx_add(d, x[i], y[j], 0, 3);
		}
	}
	if (!ok(fx_build(d, &g, &m), "hostile blocs: build and measure")) {
		ent_dyads_destroy(d);
		return;
	}
	b = ent_metrics_balance(m);
	ok(b->triangles == 20 && b->balanced == 20 && b->unbalanced == 0,
		"hostile blocs: 20 triangles, all balanced");
	is_num(b->triangle_index, 1, 1e-12, "hostile blocs: balance 1");
	is_num(b->weighted_triangle_index, 1, 1e-12,
		"hostile blocs: weighted balance 1");
	ok(b->signed_ties == 15, "hostile blocs: 15 signed ties");
	ok(b->bloc_frustration == 0 && b->frustration == 0,
		"hostile blocs: frustration 0 (blocs and two groups)");
	is_num(b->normalised_balance, 1, 1e-12,
		"hostile blocs: Aref-Wilson index 1");
	ok(ent_metrics_side(m, 0) == 0 && ent_metrics_side(m, 2) == 0 &&
			ent_metrics_side(m, 3) == 1 &&
			ent_metrics_side(m, 5) == 1,
		"hostile blocs: two groups {A, B, C} {D, E, F}");
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

/* One all-negative triangle X, Y, Z (conflict 1, 2, 3): sign product -1,
 * unbalanced, weight 1 * 2 * 3 = 6. Any two groups leave one tie of an
 * odd negative cycle frustrated: L = 1, m = 3, index 1 - 1/1.5 = 1/3.
 * Three mutual enemies make three blocs, with no frustrated tie.
 * PN (n = 3, beta = 1/4, A = -2 (J - I)): (I/2 + J/2) x = 1 gives
 * x = 1/2 for each. */
static void negative_triangle(void)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	const ent_balance *b;
	const ent_triangle *t;

	ent_dyads_create(&d, NULL);
	fx_add(d, "X", "Y", 0, 1);
	fx_add(d, "Y", "Z", 0, 2);
	fx_add(d, "X", "Z", 0, 3);
	if (!ok(fx_build(d, &g, &m), "negative triangle: build and measure")) {
		ent_dyads_destroy(d);
		return;
	}
	b = ent_metrics_balance(m);
	ok(b->triangles == 1 && b->unbalanced == 1,
		"negative triangle: unbalanced");
	is_num(b->triangle_index, 0, 1e-12, "negative triangle: index 0");
	is_num(b->weighted_triangle_index, 0, 1e-12,
		"negative triangle: weighted index 0");
	ok(ent_metrics_unbalanced_count(m) == 1,
		"one unbalanced triangle listed");
	t = ent_metrics_unbalanced(m, 0);
	ok(t && t->a == 0 && t->b == 1 && t->c == 2 && t->sign == -1,
		"the triangle X, Y, Z");
	is_num(t ? t->weight : 0, 6, 1e-12, "its weight 1 * 2 * 3");
	ok(b->frustration == 1, "negative triangle: two-group frustration 1");
	is_num(b->normalised_balance, 1.0 / 3, 1e-12,
		"negative triangle: Aref-Wilson index 1/3");
	ok(ent_metrics_bloc_count(m) == 3 && b->bloc_frustration == 0,
		"negative triangle: three blocs, bloc frustration 0");
	is_num(fx_actor(g, m, "X")->pn, 0.5, 1e-9, "negative triangle: PN 1/2");
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

/*
 * K4 with mixed signs: A-B +2, B-C +3, C-D +1, A-C -4, B-D -5, A-D -1.
 * Triangles: ABC (+ + -) unbalanced, weight 2*3*4 = 24; BCD (+ + -)
 * unbalanced, 3*1*5 = 15; ABD (+ - -) balanced, 2*5*1 = 10; ACD (- + -)
 * balanced, 4*1*1 = 4. Index 2/4; weighted (10 + 4) / 53.
 * Two groups {A, B} {C, D} frustrate only B-C (weight 3); no partition
 * frustrates none (there are unbalanced triangles), so L = 1 of m = 6:
 * index 1 - 1/3 = 2/3.
 * PN (n = 4, beta = 1/6): by symmetry x_A = x_D = a, x_B = x_C = b with
 * (4/3) a + b/6 = 1 and a/6 + (5/6) b = 1: a = 8/13, b = 14/13.
 */
static void mixed_k4(void)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	const ent_balance *b;
	const ent_triangle *t0, *t1;

	ent_dyads_create(&d, NULL);
	fx_add(d, "A", "B", 2, 0);
	fx_add(d, "B", "C", 3, 0);
	fx_add(d, "C", "D", 1, 0);
	fx_add(d, "A", "C", 0, 4);
	fx_add(d, "B", "D", 0, 5);
	fx_add(d, "A", "D", 0, 1);
	if (!ok(fx_build(d, &g, &m), "K4: build and measure")) {
		ent_dyads_destroy(d);
		return;
	}
	b = ent_metrics_balance(m);
	ok(b->triangles == 4 && b->balanced == 2,
		"K4: 4 triangles, 2 balanced");
	is_num(b->triangle_index, 0.5, 1e-12, "K4: index 1/2");
	is_num(b->weighted_triangle_index, 14.0 / 53, 1e-12,
		"K4: weighted index 14/53");
	t0 = ent_metrics_unbalanced(m, 0);
	t1 = ent_metrics_unbalanced(m, 1);
	ok(t0 && t1 && t0->a == 0 && t0->b == 1 && t0->c == 2 && t1->a == 1 &&
			t1->b == 2 && t1->c == 3,
		"K4: unbalanced ABC (24) before BCD (15)");
	is_num(t0 ? t0->weight : 0, 24, 1e-12, "K4: heaviest weight 24");
	ok(b->frustration == 1, "K4: two-group frustration 1");
	is_num(b->frustration_weight, 3, 1e-12,
		"K4: the frustrated tie is B-C");
	is_num(b->normalised_balance, 2.0 / 3, 1e-12, "K4: Aref-Wilson 2/3");
	ok(ent_metrics_side(m, 0) == 0 && ent_metrics_side(m, 1) == 0 &&
			ent_metrics_side(m, 2) == 1 &&
			ent_metrics_side(m, 3) == 1,
		"K4: groups {A, B} {C, D}");
	is_num(fx_actor(g, m, "A")->pn, 8.0 / 13, 1e-9, "K4: PN(A) = 8/13");
	is_num(fx_actor(g, m, "B")->pn, 14.0 / 13, 1e-9, "K4: PN(B) = 14/13");
	is_num(fx_actor(g, m, "D")->pn, 8.0 / 13, 1e-9, "K4: PN(D) = 8/13");
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

/* Two actors in tension: the PN matrix with beta = 1/(2n-2) would be
 * singular; beta = 1/(2n) = 1/4 gives x + x/2 = 1, x = 2/3. */
static void pair(void)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;

	ent_dyads_create(&d, NULL);
	fx_add(d, "P", "Q", 0, 6);
	if (ok(fx_build(d, &g, &m), "pair: build and measure")) {
		is_num(fx_actor(g, m, "P")->pn, 2.0 / 3, 1e-9, "pair: PN 2/3");
		ok(ent_metrics_balance(m)->frustration == 0 &&
				ent_metrics_side(m, 1) == 1,
			"pair: enemies in two groups");
	}
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

/* Random signed graphs of 10 actors: the local search's L is at least
 * the exact minimum (by exhaustive search over 2^9 partitions), at most
 * m / 2, and equals the frustration of the sides it reports. */
static void against_exhaustive(void)
{
	uint32_t rng = 12345;
	int trial, exact_hits = 0, bound_ok = 1, sides_ok = 1;

	for (trial = 0; trial < 30; trial++) {
		ent_dyads *d = NULL;
		ent_graph *g = NULL;
		ent_metrics *m = NULL;
		static const char *const names[10] = {"A0", "A1", "A2", "A3",
			"A4", "A5", "A6", "A7", "A8", "A9"};
		size_t i, j, k;
		int64_t best = INT64_MAX, f;
		unsigned mask;

		ent_dyads_create(&d, NULL);
		for (i = 0; i < 10; i++) {
			for (j = i + 1; j < 10; j++) {
				rng = rng * 1103515245u + 12345u;
				if ((rng >> 16) % 3 == 0) {
					continue;
				}
				rng = rng * 1103515245u + 12345u;
				if ((rng >> 16) % 2) {
					fx_add(d, names[i], names[j],
						1 + (rng >> 20) % 5, 0);
				} else {
					fx_add(d, names[i], names[j], 0,
						1 + (rng >> 20) % 5);
				}
			}
		}
		if (!fx_build(d, &g, &m)) {
			bound_ok = 0;
			ent_dyads_destroy(d);
			continue;
		}
		for (mask = 0; mask < (1u << 9); mask++) {
			f = 0;
			for (k = 0; k < ent_graph_relation_count(g); k++) {
				const ent_relation *r =
					ent_graph_relation(g, k);
				int sa = r->a == 0
					? 0
					: (int)((mask >> (r->a - 1)) & 1);
				int sb = r->b == 0
					? 0
					: (int)((mask >> (r->b - 1)) & 1);
				f += r->sign > 0 ? sa != sb
						 : (r->sign < 0 && sa == sb);
			}
			best = f < best ? f : best;
		}
		f = 0;
		for (k = 0; k < ent_graph_relation_count(g); k++) {
			const ent_relation *r = ent_graph_relation(g, k);
			int sa = ent_metrics_side(m, r->a),
			    sb = ent_metrics_side(m, r->b);
			f += r->sign > 0 ? sa != sb : (r->sign < 0 && sa == sb);
		}
		sides_ok &= f == ent_metrics_balance(m)->frustration;
		bound_ok &= ent_metrics_balance(m)->frustration >= best &&
			2 * ent_metrics_balance(m)->frustration <=
				ent_metrics_balance(m)->signed_ties;
		exact_hits += ent_metrics_balance(m)->frustration == best;
		ent_metrics_destroy(m);
		ent_graph_destroy(g);
		ent_dyads_destroy(d);
	}
	ok(bound_ok, "random graphs: exact <= L <= m/2");
	ok(sides_ok,
		"random graphs: L is the frustration of the reported groups");
	ok(exact_hits >= 27, "random graphs: the bound is exact on %d of 30",
		exact_hits);
}


/*
 * Triangles of a tangled graph of 40 actors (random signs, |net| 1..9),
 * counted by brute force over all triples from the relations, against the
 * listing; and the list capped at 5 and at 7 is the head of the full list
 * (heaviest first, ties by actors), while the counts stay exact.
 */
static void capped_list(void)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *all = NULL, *cap5 = NULL, *cap7 = NULL;
	ent_metrics_options o = ENT_METRICS_OPTIONS_INIT;
	ent_error err = {0};
	static double w[40][40];
	uint32_t rng = 777;
	int64_t tri = 0, unbal = 0;
	double w_all = 0, w_bal = 0;
	size_t i, j, k;
	char a[4], b[4];
	int head = 1;

	ent_dyads_create(&d, NULL);
	for (i = 0; i < 40; i++) {
		for (j = i + 1; j < 40; j++) {
			rng = rng * 1103515245u + 12345u;
			if ((rng >> 16) % 4 != 0) {
				continue;
			}
			rng = rng * 1103515245u + 12345u;
			snprintf(a, sizeof(a), "C%02zu", i);
			snprintf(b, sizeof(b), "C%02zu", j);
			w[i][j] = (double)(1 + (rng >> 20) % 9);
			if ((rng >> 16) % 2) {
				w[i][j] = -w[i][j];
				fx_add(d, a, b, 0, -w[i][j]);
			} else {
				fx_add(d, a, b, w[i][j], 0);
			}
		}
	}
	for (i = 0; i < 40; i++) {
		for (j = i + 1; j < 40; j++) {
			for (k = j + 1; k < 40; k++) {
				double p = w[i][j] * w[j][k] * w[i][k];
				if (p == 0) {
					continue;
				}
				tri++;
				w_all += fabs(p);
				if (p > 0) {
					w_bal += p;
				} else {
					unbal++;
				}
			}
		}
	}
	ent_graph_build(&g, d, NULL, &err);
	o.max_unbalanced = 0;
	ent_metrics_compute(&all, g, &o, &err);
	o.max_unbalanced = 5;
	ent_metrics_compute(&cap5, g, &o, &err);
	o.max_unbalanced = 7;
	ent_metrics_compute(&cap7, g, &o, &err);
	if (!ok(all && cap5 && cap7, "capped: measured")) {
		goto done;
	}
	ok(ent_metrics_balance(all)->triangles == tri &&
			ent_metrics_balance(all)->unbalanced == unbal &&
			ent_metrics_unbalanced_count(all) == (size_t)unbal &&
			unbal > 7,
		"capped: %lld triangles, %lld unbalanced, as counted over all "
		"triples, all listed without a cap",
		(long long)tri, (long long)unbal);
	is_num(ent_metrics_balance(all)->weighted_triangle_index,
		w_bal / w_all, 1e-12, "capped: weighted index");
	ok(ent_metrics_balance(cap5)->unbalanced == unbal &&
			ent_metrics_balance(cap7)->triangles == tri &&
			ent_metrics_unbalanced_count(cap5) == 5 &&
			ent_metrics_unbalanced_count(cap7) == 7,
		"capped: 5 and 7 listed, the counts exact");
	for (i = 0; i < 7; i++) {
		const ent_triangle *x = ent_metrics_unbalanced(all, i);
		const ent_triangle *y = ent_metrics_unbalanced(cap7, i);
		const ent_triangle *z = ent_metrics_unbalanced(cap5, i);
		head &= x->a == y->a && x->b == y->b && x->c == y->c &&
			x->weight == y->weight;
		if (i < 5) {
			head &= x->a == z->a && x->b == z->b && x->c == z->c;
		}
		if (i > 0) {
			head &= ent_metrics_unbalanced(all, i - 1)->weight >=
				x->weight;
		}
	}
	ok(head, "capped: the capped lists are the head of the full one");
done:
	ent_metrics_destroy(all);
	ent_metrics_destroy(cap5);
	ent_metrics_destroy(cap7);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

int main(void)
{
	hostile_blocs();
	negative_triangle();
	mixed_k4();
	pair();
	against_exhaustive();
	capped_list();
	return done_testing();
}
