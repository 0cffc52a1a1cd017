/* SPDX-License-Identifier: MIT */
/*
 * Centrality measures on small graphs whose values are worked out by hand
 * below, and the "defined, never NaN" promise on a disconnected graph with
 * an isolated actor.
 */
#include <stdio.h>
#include <string.h>

#include <entente/entente.h>

#include "tap.h"
#include "metrics_fixture.h"

static void all_finite(const ent_metrics *m, size_t n, const char *what)
{
	size_t i;
	int good = 1;

	for (i = 0; i < n; i++) {
		const ent_actor_metrics *a = ent_metrics_actor(m, i);
		double v[] = {a->cooperation_out, a->cooperation_in,
			a->conflict_out, a->conflict_in, a->pagerank,
			a->betweenness, a->net, a->harmonic, a->eigenvector,
			a->hub, a->authority, a->degree_ratio, a->pn,
			a->tension_share};
		size_t k;
		for (k = 0; k < sizeof(v) / sizeof(v[0]); k++) {
			good &= isfinite(v[k]) != 0;
		}
		good &= a->bloc >= 1 && a->component >= 1;
	}
	ok(good, "%s: every measure is finite, every actor has a bloc", what);
}

/*
 * A directed star: S -> L1..L4, cooperation 2 each, nothing back.
 *
 * PageRank (d = 0.85, n = 5): the leaves are dangling and spread their
 * rank evenly. With p_S + 4 p_L = 1:
 *   p_S = 0.15/5 + 0.85 (4 p_L)/5 = 0.03 + 0.17 (1 - p_S)
 *   => p_S = 0.2 / 1.17 = 0.170940170940..., p_L = (1 - p_S) / 4.
 * Cooperation layer: S - Li, weight 2, distance 1/2.
 *   betweenness(S) = C(4,2) = 6 pairs of leaves, each through S; leaves 0.
 *   harmonic(S) = 4 * 1/(1/2) = 8; harmonic(L) = 2 + 3 * 1/1 = 5.
 *   eigenvector: adjacency 2 * star; leading vector (2, 1, 1, 1, 1), so
 *   S = 1 and each leaf 0.5 after scaling to max 1.
 * HITS: A A^T has one non-zero entry (S, S) = 4 * 4: hub(S) = 1, leaves
 *   0. A^T A = 4 J on the leaves: authority 1 for each leaf, 0 for S.
 * PN (beta = 1/8, all ties positive): x_S - 4 x_L / 8 = 1 and
 *   x_L - x_S / 8 = 1 give x_S = 8/5, x_L = 6/5.
 */
static void star(void)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	const ent_actor_metrics *s, *l;
	double ps = 0.2 / 1.17;

	ent_dyads_create(&d, NULL);
	fx_add(d, "S", "L1", 2, 0);
	fx_add(d, "S", "L2", 2, 0);
	fx_add(d, "S", "L3", 2, 0);
	fx_add(d, "S", "L4", 2, 0);
	if (!ok(fx_build(d, &g, &m), "star: build and measure")) {
		ent_dyads_destroy(d);
		return;
	}
	s = fx_actor(g, m, "S");
	l = fx_actor(g, m, "L3");
	ok(s->degree == 4 && s->degree_out == 4 && s->degree_in == 0 &&
			l->degree == 1 && l->degree_in == 1,
		"star: degrees");
	is_num(s->cooperation_out, 8, 1e-12, "star: cooperation_out(S)");
	is_num(l->cooperation_in, 2, 1e-12, "star: cooperation_in(L)");
	is_num(s->pagerank, ps, 1e-9, "star: pagerank(S) = 0.2/1.17");
	is_num(l->pagerank, (1 - ps) / 4, 1e-9, "star: pagerank(L)");
	is_num(s->betweenness, 6, 1e-9, "star: betweenness(S) = 6");
	is_num(l->betweenness, 0, 1e-12, "star: betweenness(L) = 0");
	is_num(s->harmonic, 8, 1e-9, "star: harmonic(S) = 8");
	is_num(l->harmonic, 5, 1e-9, "star: harmonic(L) = 5");
	is_num(s->eigenvector, 1, 1e-6, "star: eigenvector(S) = 1");
	is_num(l->eigenvector, 0.5, 1e-6, "star: eigenvector(L) = 0.5");
	is_num(s->hub, 1, 1e-6, "star: hub(S) = 1");
	is_num(l->hub, 0, 1e-6, "star: hub(L) = 0");
	is_num(s->authority, 0, 1e-6, "star: authority(S) = 0");
	is_num(l->authority, 1, 1e-6, "star: authority(L) = 1");
	ok(s->positive_degree == 4 && s->negative_degree == 0 &&
			s->net_degree == 4,
		"star: signed degrees of S");
	is_num(s->degree_ratio, 1, 1e-12, "star: degree ratio 1");
	ok(s->ally == ent_graph_actor_index(g, "L1") && s->rival == (size_t)-1,
		"star: equal ties, the lowest index L1 is S's top ally");
	ok(l->ally == ent_graph_actor_index(g, "S"),
		"star: a leaf's ally is S");
	is_num(s->pn, 1.6, 1e-9, "star: PN(S) = 8/5");
	is_num(l->pn, 1.2, 1e-9, "star: PN(L) = 6/5");
	is_num(s->tension_share, 0, 1e-12, "star: no tension");
	ok(ent_metrics_bloc_count(m) == 1, "star: one bloc");
	ok(ent_metrics_component_count(m) == 1, "star: one component");
	all_finite(m, ent_graph_actor_count(g), "star");
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

/*
 * Disconnected: A <-> B allied (cooperation 2 each way: relation 4),
 * C -> D cooperation 3, D -> E conflict 2, and Z -> A a dyad with no
 * weight (one event of Goldstein 0), so Z is isolated in every layer.
 *
 * Cooperation layer: A-B (4), C-D (3). Leading eigenvalue 4 belongs to
 *   A-B, so eigenvector A = B = 1 and C = D = E = Z = 0.
 * harmonic: A = B = 1/(1/4) = 4, C = D = 3, E = Z = 0; betweenness all 0.
 * PN (n = 6, beta = 1/10): x_A = x_B = 1/(1 - 1/10) = 10/9;
 *   x_C = 1 + x_D/10, x_E = 1 - x_D/5, x_D - x_C/10 + x_E/5 = 1
 *   => x_D = 0.9/0.95 = 18/19, x_C = 104/95, x_E = 77/95; x_Z = 1.
 * tension share: D = 2/(3+2) = 0.4, E = 1, Z = 0 (no weight).
 */
static void disconnected(void)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	const ent_actor_metrics *a, *c, *dd, *e, *z;

	ent_dyads_create(&d, NULL);
	fx_add(d, "A", "B", 2, 0);
	fx_add(d, "B", "A", 2, 0);
	fx_add(d, "C", "D", 3, 0);
	fx_add(d, "D", "E", 0, 2);
	fx_add(d, "Z", "A", 0, 0);
	if (!ok(fx_build(d, &g, &m), "disconnected: build and measure")) {
		ent_dyads_destroy(d);
		return;
	}
	a = fx_actor(g, m, "A");
	c = fx_actor(g, m, "C");
	dd = fx_actor(g, m, "D");
	e = fx_actor(g, m, "E");
	z = fx_actor(g, m, "Z");
	all_finite(m, ent_graph_actor_count(g), "disconnected");
	is_num(a->eigenvector, 1, 1e-6, "disconnected: eigenvector(A) = 1");
	is_num(c->eigenvector, 0, 1e-6, "disconnected: eigenvector(C) = 0");
	is_num(z->eigenvector, 0, 1e-12, "disconnected: eigenvector(Z) = 0");
	is_num(a->harmonic, 4, 1e-9, "disconnected: harmonic(A) = 4");
	is_num(dd->harmonic, 3, 1e-9, "disconnected: harmonic(D) = 3");
	is_num(e->harmonic, 0, 1e-12, "disconnected: harmonic(E) = 0");
	is_num(z->harmonic, 0, 1e-12, "disconnected: harmonic(Z) = 0");
	is_num(dd->betweenness, 0, 1e-12, "disconnected: betweenness(D) = 0");
	is_num(a->pn, 10.0 / 9, 1e-9, "disconnected: PN(A) = 10/9");
	is_num(c->pn, 104.0 / 95, 1e-9, "disconnected: PN(C) = 104/95");
	is_num(dd->pn, 18.0 / 19, 1e-9, "disconnected: PN(D) = 18/19");
	is_num(e->pn, 77.0 / 95, 1e-9, "disconnected: PN(E) = 77/95");
	is_num(z->pn, 1, 1e-12, "disconnected: PN(Z) = 1");
	is_num(dd->tension_share, 0.4, 1e-12, "disconnected: tension share(D)");
	is_num(e->tension_share, 1, 1e-12, "disconnected: tension share(E)");
	is_num(z->tension_share, 0, 1e-12, "disconnected: tension share(Z)");
	ok(z->degree == 1 && z->positive_degree == 0 && z->negative_degree == 0,
		"disconnected: Z has a dyad but no signed tie");
	is_num(z->degree_ratio, 0, 1e-12, "disconnected: degree ratio(Z) = 0");
	ok(z->ally == (size_t)-1 && z->rival == (size_t)-1,
		"disconnected: Z has no ally and no rival");
	is_num(z->hub, 0, 1e-9, "disconnected: hub(Z) = 0 (weightless dyad)");
	is_num(dd->net, 3 - 2, 1e-12, "disconnected: net(D)");
	ok(ent_metrics_component_count(m) == 3,
		"disconnected: 3 components of the signed layer: CDE, AB, Z");
	ok(c->component == 1 && a->component == 2 && z->component == 3,
		"disconnected: components by size, then first actor");
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

static void empty_and_errors(void)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	ent_metrics_options o = ENT_METRICS_OPTIONS_INIT;
	ent_error err = {0};

	ent_dyads_create(&d, NULL);
	ok(fx_build(d, &g, &m), "empty graph: measured");
	ok(ent_metrics_bloc_count(m) == 0 &&
			ent_metrics_balance(m)->triangle_index == 1 &&
			ent_metrics_balance(m)->normalised_balance == 1,
		"empty graph: no bloc, balance defined as 1");
	ent_metrics_destroy(m);
	m = NULL;
	o.damping = 1.5;
	ok(ent_metrics_compute(&m, g, &o, &err) == ENT_EINVAL && m == NULL &&
			err.message[0] != '\0',
		"damping 1.5 refused: %s", err.message);
	o.damping = 0.85;
	o.spins = 1;
	ok(ent_metrics_compute(&m, g, &o, &err) == ENT_EINVAL,
		"spins 1 refused: %s", err.message);
	ok(ent_metrics_compute(NULL, g, NULL, &err) == ENT_EINVAL,
		"NULL out refused");
	ok(ent_metrics_actor(NULL, 0) == NULL &&
			ent_metrics_bloc(NULL, 0) == NULL,
		"getters accept NULL");
	ent_metrics_destroy(NULL);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

/* Hand sums on examples/baltic-black-sea.json (see test_graph.c for the
 * dyads and their Goldstein weights). */
static void example(void)
{
	ent_dataset *ds = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	ent_error err = {0};
	const ent_actor_metrics *rus, *usa;
	double sum = 0;
	size_t i;

	if (ent_dataset_create(&ds, NULL, NULL) != ENT_OK ||
		ent_read_into(ds, "examples/baltic-black-sea.json", NULL,
			&err) != ENT_OK ||
		ent_graph_build(&g, ent_dataset_dyads(ds), NULL, &err) !=
			ENT_OK ||
		ent_metrics_compute(&m, g, NULL, &err) != ENT_OK) {
		ok(0, "example: %s", err.message);
		goto done;
	}
	rus = fx_actor(g, m, "RUS");
	usa = fx_actor(g, m, "USA");
	for (i = 0; i < ent_graph_actor_count(g); i++) {
		sum += ent_metrics_actor(m, i)->pagerank;
	}
	is_num(sum, 1, 1e-9, "example: PageRank sums to 1");
	ok(rus->events_out == 4 && rus->events_in == 4, "example: RUS events");
	/* Relations: CHN-RUS +23.4, ROU-USA +11, POL-USA +7, POL-ROU +1.9;
	 * POL-RUS -21, RUS-USA -4, CHN-USA -2. RUS: 1 ally, 2 enemies. */
	ok(rus->positive_degree == 1 && rus->negative_degree == 2 &&
			rus->net_degree == -1,
		"example: RUS signed degrees 1, 2, -1");
	is_num(rus->degree_ratio, 1.0 / 3, 1e-12, "example: RUS degree ratio");
	/* strongest ties: RUS-CHN +23.4; RUS-POL -21 beats RUS-USA -4;
	 * ROU has no tension tie */
	ok(rus->ally == ent_graph_actor_index(g, "CHN") &&
			rus->rival == ent_graph_actor_index(g, "POL"),
		"example: RUS's top ally CHN, top rival POL");
	ok(fx_actor(g, m, "ROU")->ally == ent_graph_actor_index(g, "USA") &&
			fx_actor(g, m, "ROU")->rival == (size_t)-1,
		"example: ROU's top ally USA (+11 over POL +1.9), no rival");
	ok(usa->positive_degree == 2 && usa->negative_degree == 2,
		"example: USA signed degrees 2, 2");
	/* Cooperation layer: CHN-RUS 23.4, ROU-USA 11, POL-USA 7, POL-ROU 1.9.
	 * POL-ROU directly: 1/1.9 = 0.526; via USA: 1/7 + 1/11 = 0.234, so the
	 * one POL-ROU shortest path runs through USA: betweenness(USA) = 1. */
	is_num(usa->betweenness, 1, 1e-12, "example: betweenness(USA) = 1");
	ok(ent_metrics_bloc_count(m) >= 2, "example: at least two blocs");
	ok(fx_bloc(g, m, "CHN") == fx_bloc(g, m, "RUS") &&
			fx_bloc(g, m, "POL") == fx_bloc(g, m, "USA") &&
			fx_bloc(g, m, "ROU") == fx_bloc(g, m, "USA") &&
			fx_bloc(g, m, "RUS") != fx_bloc(g, m, "USA"),
		"example: blocs {CHN, RUS} and {POL, ROU, USA}");
done:
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dataset_destroy(ds);
}


/*
 * Equal path lengths summed in another order. A six-cycle S-X1-X2-T-Y2-Y1
 * with cooperation 1, 1, 3 on the X side and 3, 1, 1 on the Y side: from
 * S, T is 1 + 1 + 1/3 = 7/3 either way, but in doubles (1 + 1) + 1/3 =
 * 2.3333333333333335 and (1/3 + 1) + 1 = 2.333333333333333. Counted as one
 * length (metrics.h), both paths share the pair (X1-Y2 and X2-Y1 are tied
 * the same way), and every actor's betweenness is 2, as enumerating the
 * paths with exact fractions gives (counting one S-T path only would give
 * 1.5 to X1, X2 and 2.5 to Y1, Y2). Distances from S: X1 1, Y1 1/3, X2 2,
 * Y2 4/3, T 7/3, so harmonic(S) = 1 + 3 + 1/2 + 3/4 + 3/7 = 159/28; from
 * X1: 1, 1, 4/3, 4/3, 7/3, so 55/14.
 */
static void equal_lengths(void)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	const char *codes[] = {"S", "X1", "X2", "T", "Y1", "Y2"};
	size_t i;
	int all = 1;

	ent_dyads_create(&d, NULL);
	fx_add(d, "S", "X1", 1, 0);
	fx_add(d, "X1", "X2", 1, 0);
	fx_add(d, "X2", "T", 3, 0);
	fx_add(d, "S", "Y1", 3, 0);
	fx_add(d, "Y1", "Y2", 1, 0);
	fx_add(d, "Y2", "T", 1, 0);
	if (!ok(fx_build(d, &g, &m), "equal lengths: build and measure")) {
		ent_dyads_destroy(d);
		return;
	}
	for (i = 0; i < 6; i++) {
		all &= fabs(fx_actor(g, m, codes[i])->betweenness - 2) < 1e-12;
	}
	ok(all, "equal lengths: both S-T paths count, betweenness 2 each");
	is_num(fx_actor(g, m, "S")->harmonic, 159.0 / 28, 1e-12,
		"equal lengths: harmonic(S) = 159/28");
	is_num(fx_actor(g, m, "X1")->harmonic, 55.0 / 14, 1e-12,
		"equal lengths: harmonic(X1) = 55/14");
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

/* A tangled graph of 300 actors: cooperation 1..4 (many equal path
 * lengths) on about one pair in twelve. */
static ent_graph *tangled(void)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_error err = {0};
	unsigned long x = 2024;
	char a[8], b[8];
	size_t i, j;

	ent_dyads_create(&d, NULL);
	for (i = 0; i < 300; i++) {
		for (j = i + 1; j < 300; j++) {
			x = (x * 1103515245ul + 12345ul) & 0x7FFFFFFFul;
			if (x % 12 != 0) {
				continue;
			}
			snprintf(a, sizeof(a), "T%03zu", i);
			snprintf(b, sizeof(b), "T%03zu", j);
			fx_add(d, a, b, (double)(1 + (x >> 8) % 4),
				(double)((x >> 12) % 3));
		}
	}
	if (ent_graph_build(&g, d, NULL, &err) != ENT_OK) {
		printf("# %s\n", err.message);
	}
	ent_dyads_destroy(d);
	return g;
}

/* Betweenness and harmonic closeness are the same bytes whatever the
 * number of threads, exact and sampled (the sources go to fixed chunks
 * summed in a fixed order). */
static void threads_identical(void)
{
	ent_graph *g = tangled();
	ent_metrics *base = NULL, *m = NULL;
	ent_metrics_options o = ENT_METRICS_OPTIONS_INIT;
	ent_error err = {0};
	unsigned int threads[] = {2, 3, 8, 64};
	int sampled, t;

	for (sampled = 0; sampled < 2 && g; sampled++) {
		int same = 1;
		o.sample_above = sampled ? 100 : 0;
		o.samples = 37;
		o.threads = 1;
		if (ent_metrics_compute(&base, g, &o, &err) != ENT_OK) {
			ok(0, "threads: %s", err.message);
			break;
		}
		for (t = 0; t < 4; t++) {
			size_t i;
			o.threads = threads[t];
			if (ent_metrics_compute(&m, g, &o, &err) != ENT_OK) {
				same = 0;
				break;
			}
			for (i = 0; i < ent_graph_actor_count(g); i++) {
				const ent_actor_metrics *x = ent_metrics_actor(m, i);
				const ent_actor_metrics *y =
					ent_metrics_actor(base, i);
				same &= memcmp(&x->betweenness, &y->betweenness,
						sizeof(double)) == 0 &&
					memcmp(&x->harmonic, &y->harmonic,
						sizeof(double)) == 0;
			}
			same &= ent_metrics_path_sources(m) ==
				ent_metrics_path_sources(base);
			ent_metrics_destroy(m);
			m = NULL;
		}
		ok(same && ent_metrics_path_sources(base) == (sampled ? 37 : 0),
			"%s: the same bytes with 1, 2, 3, 8 and 64 threads",
			sampled ? "37 sampled sources" : "exact");
		ent_metrics_destroy(base);
		base = NULL;
	}
	ent_graph_destroy(g);
}

/*
 * The sample estimate on a complete graph of 10 actors, cooperation 2
 * (distance 1/2) on every pair, 4 of them sampled (sample_above 5): no
 * actor is ever between two others, so betweenness stays 0; harmonic is
 * estimated as (10 / 4) x the sum of 1/d from the sampled sources other
 * than the actor: (10/4) x 3 x 2 = 15 for the 4 sampled actors, (10/4) x
 * 4 x 2 = 20 for the 6 others (exactly 9 x 2 = 18 for every actor, the
 * estimate's mean over draws). Without sampling, 18.
 */
static void sampled_complete(void)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	ent_metrics_options o = ENT_METRICS_OPTIONS_INIT;
	ent_error err = {0};
	char a[4], b[4];
	size_t i, j, n15 = 0, n20 = 0, n18 = 0, zero = 0;

	ent_dyads_create(&d, NULL);
	for (i = 0; i < 10; i++) {
		for (j = i + 1; j < 10; j++) {
			snprintf(a, sizeof(a), "K%zu", i);
			snprintf(b, sizeof(b), "K%zu", j);
			fx_add(d, a, b, 2, 0);
		}
	}
	ent_graph_build(&g, d, NULL, &err);
	o.sample_above = 5;
	o.samples = 4;
	if (ent_metrics_compute(&m, g, &o, &err) == ENT_OK) {
		for (i = 0; i < 10; i++) {
			const ent_actor_metrics *x = ent_metrics_actor(m, i);
			n15 += fabs(x->harmonic - 15) < 1e-12;
			n20 += fabs(x->harmonic - 20) < 1e-12;
			zero += x->betweenness == 0;
		}
	}
	ok(m && ent_metrics_path_sources(m) == 4 && n15 == 4 && n20 == 6 &&
			zero == 10,
		"sampled: 4 sources, harmonic 15 x 4 and 20 x 6, betweenness 0");
	ent_metrics_destroy(m);
	m = NULL;
	o.sample_above = 10; /* 10 actors are not above 10 */
	if (ent_metrics_compute(&m, g, &o, &err) == ENT_OK) {
		for (i = 0; i < 10; i++) {
			n18 += fabs(ent_metrics_actor(m, i)->harmonic - 18) <
				1e-12;
		}
	}
	ok(m && ent_metrics_path_sources(m) == 0 && n18 == 10,
		"not above sample_above: exact, harmonic 18 each");
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

int main(void)
{
	star();
	disconnected();
	empty_and_errors();
	example();
	equal_lengths();
	threads_identical();
	sampled_complete();
	return done_testing();
}
