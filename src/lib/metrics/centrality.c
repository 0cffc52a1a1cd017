/* SPDX-License-Identifier: MIT */
/*
 * Centrality measures of the actor graph (definitions in metrics.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "graph/graph_internal.h"
#include "metrics/metrics_internal.h"

/* Counts and strengths straight from the dyads and relations. */
static void strengths(ent_metrics *m, const ent_graph *g)
{
	size_t i;

	for (i = 0; i < ent_graph_dyad_count(g); i++) {
		const ent_dyad *d = ent_graph_dyad(g, i);
		size_t s, t;
		ent_graph_dyad_ends(g, i, &s, &t);
		m->actors[s].events_out += d->events;
		m->actors[t].events_in += d->events;
		m->actors[s].cooperation_out += d->cooperation;
		m->actors[t].cooperation_in += d->cooperation;
		m->actors[s].conflict_out += d->conflict;
		m->actors[t].conflict_in += d->conflict;
		m->actors[s].degree_out++;
		m->actors[t].degree_in++;
	}
	for (i = 0; i < ent_graph_relation_count(g); i++) {
		const ent_relation *r = ent_graph_relation(g, i);
		m->actors[r->a].degree++;
		m->actors[r->b].degree++;
	}
	for (i = 0; i < m->n; i++) {
		ent_actor_metrics *a = &m->actors[i];
		double coop = a->cooperation_out + a->cooperation_in;
		double confl = a->conflict_out + a->conflict_in;
		a->net = coop - confl;
		a->tension_share =
			coop + confl > 0 ? confl / (coop + confl) : 0;
	}
}

/* Keep the partner w of v when its tie (weight |net|) beats the current
 * best; equal weights keep the lower index. */
static void strongest(size_t *best, double *best_w, size_t w, double weight)
{
	if (*best == (size_t)-1 || weight > *best_w ||
		(weight == *best_w && w < *best)) {
		*best = w;
		*best_w = weight;
	}
}

/* Signed degrees (signnet's degree_signed), strongest ally and rival. */
static ent_status signed_degrees(ent_metrics *m, const ent__signed *s)
{
	double *ally_w = calloc(m->n + 1, sizeof(*ally_w));
	double *rival_w = calloc(m->n + 1, sizeof(*rival_w));
	size_t k;

	if (ally_w == NULL || rival_w == NULL) {
		free(ally_w);
		free(rival_w);
		return ENT_ENOMEM;
	}
	for (k = 0; k < m->n; k++) {
		m->actors[k].ally = (size_t)-1;
		m->actors[k].rival = (size_t)-1;
	}
	for (k = 0; k < s->m; k++) {
		size_t a = s->ea[k], b = s->eb[k];
		if (s->sign[k] > 0) {
			strongest(&m->actors[a].ally, &ally_w[a], b,
				s->weight[k]);
			strongest(&m->actors[b].ally, &ally_w[b], a,
				s->weight[k]);
		} else {
			strongest(&m->actors[a].rival, &rival_w[a], b,
				s->weight[k]);
			strongest(&m->actors[b].rival, &rival_w[b], a,
				s->weight[k]);
		}
	}
	free(ally_w);
	free(rival_w);
	for (k = 0; k < s->m; k++) {
		if (s->sign[k] > 0) {
			m->actors[s->ea[k]].positive_degree++;
			m->actors[s->eb[k]].positive_degree++;
		} else {
			m->actors[s->ea[k]].negative_degree++;
			m->actors[s->eb[k]].negative_degree++;
		}
	}
	for (k = 0; k < m->n; k++) {
		ent_actor_metrics *a = &m->actors[k];
		int64_t t = a->positive_degree + a->negative_degree;
		a->net_degree = a->positive_degree - a->negative_degree;
		a->degree_ratio =
			t > 0 ? (double)a->positive_degree / (double)t : 0;
	}
	return ENT_OK;
}

/* Directed dyad weights w = cooperation + conflict; *total gets their sum. */
static igraph_error_t dyad_weights(
	igraph_vector_t *weights, const ent_graph *g, double *total)
{
	size_t i, n_edges = ent_graph_dyad_count(g);

	IGRAPH_CHECK(igraph_vector_resize(weights, (igraph_integer_t)n_edges));
	*total = 0;
	for (i = 0; i < n_edges; i++) {
		const ent_dyad *d = ent_graph_dyad(g, i);
		VECTOR(*weights)[i] = d->cooperation + d->conflict;
		*total += VECTOR(*weights)[i];
	}
	return IGRAPH_SUCCESS;
}

static igraph_error_t pagerank(ent_metrics *m, const ent_graph *g,
	const igraph_vector_t *weights, double total, double damping)
{
	const igraph_t *ig = ent__graph_igraph(g);
	igraph_vector_t ranks;
	igraph_real_t value;
	size_t i;

	if (!(total > 0)) {
		return IGRAPH_SUCCESS; /* all 0 by definition */
	}
	IGRAPH_VECTOR_INIT_FINALLY(&ranks, 0);
	IGRAPH_CHECK(igraph_pagerank(ig, IGRAPH_PAGERANK_ALGO_PRPACK, &ranks,
		&value, igraph_vss_all(), IGRAPH_DIRECTED, damping, weights,
		NULL));
	for (i = 0; i < m->n; i++) {
		m->actors[i].pagerank = VECTOR(ranks)[i];
	}
	igraph_vector_destroy(&ranks);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

static igraph_error_t hits(ent_metrics *m, const ent_graph *g,
	const igraph_vector_t *weights, double total)
{
	const igraph_t *ig = ent__graph_igraph(g);
	igraph_vector_t hub, auth;
	igraph_real_t value;
	size_t i;

	if (!(total > 0)) {
		return IGRAPH_SUCCESS;
	}
	IGRAPH_VECTOR_INIT_FINALLY(&hub, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&auth, 0);
	IGRAPH_CHECK(igraph_hub_and_authority_scores(
		ig, &hub, &auth, &value, 1, weights, NULL));
	for (i = 0; i < m->n; i++) {
		/* scale=true makes the largest entry 1; fabs only turns
		 * ARPACK's -0 and sign noise of zero entries into 0 */
		m->actors[i].hub = fabs(VECTOR(hub)[i]);
		m->actors[i].authority = fabs(VECTOR(auth)[i]);
	}
	igraph_vector_destroy(&auth);
	igraph_vector_destroy(&hub);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

/* The cooperation layer: one undirected edge per relation with
 * cooperation > 0; `coop` gets the cooperation, `lengths` 1 / it. */
static igraph_error_t cooperation_layer(igraph_t *out, igraph_vector_t *coop,
	igraph_vector_t *lengths, const ent_graph *g)
{
	igraph_vector_int_t edges;
	size_t i;

	IGRAPH_VECTOR_INT_INIT_FINALLY(&edges, 0);
	igraph_vector_clear(coop);
	igraph_vector_clear(lengths);
	for (i = 0; i < ent_graph_relation_count(g); i++) {
		const ent_relation *r = ent_graph_relation(g, i);
		if (r->cooperation <= 0) {
			continue;
		}
		IGRAPH_CHECK(igraph_vector_int_push_back(
			&edges, (igraph_integer_t)r->a));
		IGRAPH_CHECK(igraph_vector_int_push_back(
			&edges, (igraph_integer_t)r->b));
		IGRAPH_CHECK(igraph_vector_push_back(coop, r->cooperation));
		IGRAPH_CHECK(
			igraph_vector_push_back(lengths, 1.0 / r->cooperation));
	}
	IGRAPH_CHECK(igraph_create(out, &edges,
		(igraph_integer_t)ent_graph_actor_count(g), IGRAPH_UNDIRECTED));
	igraph_vector_int_destroy(&edges);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/* Eigenvector centrality on the cooperation layer. */
static igraph_error_t cooperation_measures(ent_metrics *m, const ent_graph *g)
{
	igraph_t coop;
	igraph_vector_t weights, lengths, res;
	igraph_real_t value;
	size_t i;

	IGRAPH_VECTOR_INIT_FINALLY(&weights, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&lengths, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&res, 0);
	IGRAPH_CHECK(cooperation_layer(&coop, &weights, &lengths, g));
	IGRAPH_FINALLY(igraph_destroy, &coop);
	if (igraph_ecount(&coop) > 0) {
		IGRAPH_CHECK(igraph_eigenvector_centrality(&coop, &res, &value,
			IGRAPH_UNDIRECTED, 1, &weights, NULL));
		for (i = 0; i < m->n; i++) {
			m->actors[i].eigenvector = fabs(VECTOR(res)[i]);
		}
	}
	igraph_destroy(&coop);
	igraph_vector_destroy(&res);
	igraph_vector_destroy(&lengths);
	igraph_vector_destroy(&weights);
	IGRAPH_FINALLY_CLEAN(4);
	return IGRAPH_SUCCESS;
}

/* The cooperation layer as plain arrays for paths.c, in relation order. */
static ent_status paths_graph(ent__paths_graph *pg, const ent_graph *g)
{
	size_t i, n = ent_graph_actor_count(g), r = ent_graph_relation_count(g);
	size_t m = 0, *fill = NULL;

	memset(pg, 0, sizeof(*pg));
	for (i = 0; i < r; i++) {
		m += ent_graph_relation(g, i)->cooperation > 0;
	}
	pg->n = n;
	pg->off = calloc(n + 1, sizeof(*pg->off));
	pg->arc = malloc((2 * m + 1) * sizeof(*pg->arc));
	fill = calloc(n + 1, sizeof(*fill));
	if (!pg->off || !pg->arc || !fill) {
		free(fill);
		ent__paths_graph_finish(pg);
		return ENT_ENOMEM;
	}
	for (i = 0; i < r; i++) {
		const ent_relation *rel = ent_graph_relation(g, i);
		if (rel->cooperation > 0) {
			pg->off[rel->a + 1]++;
			pg->off[rel->b + 1]++;
		}
	}
	for (i = 0; i < n; i++) {
		pg->off[i + 1] += pg->off[i];
	}
	for (i = 0; i < r; i++) {
		const ent_relation *rel = ent_graph_relation(g, i);
		size_t a = rel->a, b = rel->b;
		double len;
		if (!(rel->cooperation > 0)) {
			continue;
		}
		len = 1.0 / rel->cooperation;
		pg->arc[pg->off[a] + fill[a]].to = (uint32_t)b;
		pg->arc[pg->off[a] + fill[a]++].len = len;
		pg->arc[pg->off[b] + fill[b]].to = (uint32_t)a;
		pg->arc[pg->off[b] + fill[b]++].len = len;
	}
	free(fill);
	return ENT_OK;
}

ent_status ent__metrics_paths_start(ent__paths_job **out, const ent_graph *g,
	const ent_metrics_options *opts)
{
	ent__paths_graph pg;
	ent__paths_options po;

	*out = NULL;
	if (ent_graph_actor_count(g) == 0) {
		return ENT_OK;
	}
	if (paths_graph(&pg, g) != ENT_OK) {
		return ENT_ENOMEM;
	}
	po.sample_above = opts->sample_above;
	po.samples = opts->samples;
	po.threads = opts->threads;
	po.seed = opts->seed;
	return ent__paths_start(out, &pg, &po);
}

ent_status ent__metrics_paths_finish(ent_metrics *m, ent__paths_job *job)
{
	double *between = NULL, *harmonic = NULL;
	size_t i;
	ent_status st;

	if (job == NULL) {
		return ENT_OK;
	}
	between = malloc(m->n * sizeof(*between));
	harmonic = malloc(m->n * sizeof(*harmonic));
	if (!between || !harmonic) {
		ent__paths_finish(job, NULL, NULL, NULL);
		st = ENT_ENOMEM;
		goto done;
	}
	st = ent__paths_finish(job, between, harmonic, &m->path_sources);
	if (st == ENT_OK) {
		for (i = 0; i < m->n; i++) {
			m->actors[i].betweenness = between[i];
			m->actors[i].harmonic = harmonic[i];
		}
	}
done:
	free(between);
	free(harmonic);
	return st;
}

igraph_error_t ent__metrics_centrality(ent_metrics *m, const ent_graph *g,
	const ent__signed *s, const ent_metrics_options *opts)
{
	igraph_vector_t weights;
	double total;

	strengths(m, g);
	if (signed_degrees(m, s) != ENT_OK) {
		IGRAPH_ERROR("cannot rank allies and rivals", IGRAPH_ENOMEM);
	}
	if (m->n == 0) {
		return IGRAPH_SUCCESS;
	}
	IGRAPH_VECTOR_INIT_FINALLY(&weights, 0);
	IGRAPH_CHECK(dyad_weights(&weights, g, &total));
	IGRAPH_CHECK(pagerank(m, g, &weights, total, opts->damping));
	IGRAPH_CHECK(hits(m, g, &weights, total));
	igraph_vector_destroy(&weights);
	IGRAPH_FINALLY_CLEAN(1);
	IGRAPH_CHECK(cooperation_measures(m, g));
	return IGRAPH_SUCCESS;
}

/*
 * PN index (Everett & Borgatti 2014): solve (I - beta A) x = 1 with
 * A = P - 2N and beta = 1 / (2n - 2). Every eigenvalue of A lies within
 * +-(pos + 2 neg) <= 2(n - 1) (row sums of |A|), so I - beta A is
 * symmetric positive semi-definite, and definite except for two actors
 * joined by a tension tie (handled with beta = 1 / 2n). Conjugate
 * gradients therefore converge, on the sparse signed layer, in O(m) per
 * step instead of a dense O(n^3) solve.
 */
ent_status ent__metrics_pn(ent_metrics *m, const ent__signed *s)
{
	size_t n = s->n, i, j, it;
	double beta, rr, rr_new, alpha, pap;
	double *x = NULL, *r = NULL, *p = NULL, *ap = NULL;
	ent_status st = ENT_OK;

	if (n == 0) {
		return ENT_OK;
	}
	beta = n <= 2 ? 1.0 / (2.0 * (double)n) : 1.0 / (2.0 * (double)n - 2.0);
	x = calloc(n, sizeof(*x));
	r = malloc(n * sizeof(*r));
	p = malloc(n * sizeof(*p));
	ap = malloc(n * sizeof(*ap));
	if (!x || !r || !p || !ap) {
		st = ENT_ENOMEM;
		goto done;
	}
	rr = 0;
	for (i = 0; i < n; i++) {
		r[i] = p[i] = 1.0; /* residual of x = 0 */
		rr += 1.0;
	}
	for (it = 0; it < 10 * n + 100 && rr > 1e-26 * (double)n; it++) {
		pap = 0;
		for (i = 0; i < n; i++) {
			double acc = p[i];
			for (j = s->off[i]; j < s->off[i + 1]; j++) {
				double a =
					s->sign[s->adj_e[j]] > 0 ? 1.0 : -2.0;
				acc -= beta * a * p[s->adj_v[j]];
			}
			ap[i] = acc;
			pap += p[i] * acc;
		}
		if (!(pap > 0)) {
			break;
		}
		alpha = rr / pap;
		rr_new = 0;
		for (i = 0; i < n; i++) {
			x[i] += alpha * p[i];
			r[i] -= alpha * ap[i];
			rr_new += r[i] * r[i];
		}
		for (i = 0; i < n; i++) {
			p[i] = r[i] + (rr_new / rr) * p[i];
		}
		rr = rr_new;
	}
	for (i = 0; i < n; i++) {
		m->actors[i].pn = x[i];
	}
done:
	free(x);
	free(r);
	free(p);
	free(ap);
	return st;
}
