/* SPDX-License-Identifier: MIT */
/*
 * Blocs: signed community detection per connected component of the signed
 * layer, by signed Louvain (louvain.c) or igraph's spinglass in its
 * negative-link mode (definitions in metrics.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "graph/graph_internal.h"
#include "metrics/metrics_internal.h"

static const char *const method_names[] = {"auto", "louvain", "spinglass"};

ent_status ent_bloc_method_parse(ent_bloc_method *out, const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < 3; i++) {
		if (strcmp(name, method_names[i]) == 0) {
			*out = (ent_bloc_method)i;
			return ENT_OK;
		}
	}
	return ENT_EINVAL;
}

/* The signed ties of one component as an ent__wgraph on local indices,
 * weights in units of their mean size (as spinglass sees them). */
static ent_status component_graph(ent__wgraph *out, const ent__signed *s,
	const size_t *verts, size_t nv, const size_t *local)
{
	size_t i, j, m = 0, k = 0;
	double sum = 0, unit;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < nv; i++) {
		m += s->off[verts[i] + 1] - s->off[verts[i]];
	}
	out->n = nv;
	out->off = malloc((nv + 1) * sizeof(*out->off));
	out->adj = malloc((m ? m : 1) * sizeof(*out->adj));
	out->w = malloc((m ? m : 1) * sizeof(*out->w));
	out->kp = calloc(nv ? nv : 1, sizeof(*out->kp));
	out->kn = calloc(nv ? nv : 1, sizeof(*out->kn));
	if (!out->off || !out->adj || !out->w || !out->kp || !out->kn) {
		ent__wgraph_finish(out);
		return ENT_ENOMEM;
	}
	for (i = 0; i < nv; i++) {
		size_t v = verts[i];
		for (j = s->off[v]; j < s->off[v + 1]; j++) {
			sum += s->weight[s->adj_e[j]];
		}
	}
	unit = sum > 0 ? (double)m / sum : 1;
	out->off[0] = 0;
	for (i = 0; i < nv; i++) {
		size_t v = verts[i];
		for (j = s->off[v]; j < s->off[v + 1]; j++) {
			size_t e = s->adj_e[j];
			double w = s->weight[e] * unit;
			out->adj[k] = local[s->adj_v[j]];
			out->w[k++] = s->sign[e] > 0 ? w : -w;
			if (s->sign[e] > 0) {
				out->kp[i] += w;
				out->wp2 += w;
			} else {
				out->kn[i] += w;
				out->wn2 += w;
			}
		}
		out->off[i + 1] = k;
	}
	return ENT_OK;
}

/* Spinglass on one connected component of three or more actors: `verts`
 * are its actors ascending, `local` maps an actor to its position in
 * `verts`. Writes a community per position into `label` (0-based, any
 * numbering). */
static igraph_error_t spinglass_component(const ent__signed *s,
	const size_t *verts, size_t nv, const size_t *local,
	igraph_integer_t *label, const ent_metrics_options *opts)
{
	igraph_t sub;
	igraph_vector_int_t edges, membership, csize;
	igraph_vector_t weights;
	igraph_real_t modularity, temperature;
	igraph_integer_t spins;
	size_t i, j;

	IGRAPH_VECTOR_INT_INIT_FINALLY(&edges, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&membership, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&csize, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&weights, 0);
	for (i = 0; i < nv; i++) {
		size_t v = verts[i];
		for (j = s->off[v]; j < s->off[v + 1]; j++) {
			size_t w = s->adj_v[j], e = s->adj_e[j];
			if (w < v) {
				continue; /* each edge once, from below */
			}
			IGRAPH_CHECK(igraph_vector_int_push_back(
				&edges, (igraph_integer_t)local[v]));
			IGRAPH_CHECK(igraph_vector_int_push_back(
				&edges, (igraph_integer_t)local[w]));
			IGRAPH_CHECK(igraph_vector_push_back(
				&weights, s->sign[e] * s->weight[e]));
		}
	}
	/* Weights in units of their mean size: the annealing's temperatures
	 * are absolute, so raw weights would make the blocs depend on the
	 * scale of the data (the same events counted twice would anneal
	 * differently) and a large scale would lengthen the schedule. */
	{
		igraph_real_t sum = 0;
		igraph_integer_t k, ne = igraph_vector_size(&weights);
		for (k = 0; k < ne; k++) {
			sum += fabs(VECTOR(weights)[k]);
		}
		if (sum > 0) {
			igraph_vector_scale(&weights, (igraph_real_t)ne / sum);
		}
	}
	IGRAPH_CHECK(igraph_create(
		&sub, &edges, (igraph_integer_t)nv, IGRAPH_UNDIRECTED));
	IGRAPH_FINALLY(igraph_destroy, &sub);
	spins = opts->spins < 2 ? 2 : opts->spins;
	/* Reseed per component, so a component's blocs do not depend on the
	 * components before it. */
	IGRAPH_CHECK(igraph_rng_seed(
		igraph_rng_default(), (igraph_uint_t)opts->seed));
	IGRAPH_CHECK(igraph_community_spinglass(&sub, &weights, &modularity,
		&temperature, &membership, &csize, spins, 0, 1.0, 0.01, 0.95,
		IGRAPH_SPINCOMM_UPDATE_CONFIG, 1.0, IGRAPH_SPINCOMM_IMP_NEG,
		1.0));
	for (i = 0; i < nv; i++) {
		label[i] = VECTOR(membership)[i];
	}
	igraph_destroy(&sub);
	igraph_vector_destroy(&weights);
	igraph_vector_int_destroy(&csize);
	igraph_vector_int_destroy(&membership);
	igraph_vector_int_destroy(&edges);
	IGRAPH_FINALLY_CLEAN(5);
	return IGRAPH_SUCCESS;
}

/* The blocs of one component of three or more actors, by the method of
 * the options: a community number per position of `verts` in `label`. */
static igraph_error_t component_blocs(const ent__signed *s,
	const size_t *verts, size_t nv, const size_t *local,
	igraph_integer_t *label, const ent_metrics_options *opts)
{
	ent__wgraph wg;
	size_t *lab = NULL, count, i;
	igraph_error_t rc = IGRAPH_SUCCESS;

	if (opts->blocs == ENT_BLOCS_SPINGLASS) {
		return spinglass_component(s, verts, nv, local, label, opts);
	}
	lab = malloc(nv * sizeof(*lab));
	if (lab == NULL || component_graph(&wg, s, verts, nv, local) != ENT_OK) {
		free(lab);
		IGRAPH_ERROR("cannot find blocs", IGRAPH_ENOMEM);
	}
	/* Reseeded per component, like spinglass below. */
	if (ent__louvain(&wg, (uint64_t)opts->seed,
		    opts->blocs == ENT_BLOCS_AUTO ? ENT__LOUVAIN_ANNEAL : 0u, lab,
		    &count) != ENT_OK) {
		rc = IGRAPH_ENOMEM;
	} else {
		for (i = 0; i < nv; i++) {
			label[i] = (igraph_integer_t)lab[i];
		}
	}
	ent__wgraph_finish(&wg);
	free(lab);
	if (rc != IGRAPH_SUCCESS) {
		IGRAPH_ERROR("cannot find blocs", rc);
	}
	return IGRAPH_SUCCESS;
}

/* Newman's modularity of the partition `label` of a component without
 * tension ties (metrics.h: such a component is one bloc unless Q reaches
 * ENT_COOPERATIVE_SPLIT_Q); -1 when the component has a tension tie, and
 * so keeps what the search found. `kb` is scratch of zeros indexed by
 * label (labels are below n_seen), left zeroed. */
static double cooperative_q(const ent__signed *s, const size_t *verts,
	size_t nv, const size_t *local, const igraph_integer_t *label,
	double *kb)
{
	double w2 = 0, in = 0, sq = 0;
	size_t i, j;
	int tension = 0;

	for (i = 0; i < nv && !tension; i++) {
		size_t v = verts[i];
		for (j = s->off[v]; j < s->off[v + 1]; j++) {
			size_t e = s->adj_e[j];
			if (s->sign[e] < 0) {
				tension = 1;
				break;
			}
			w2 += s->weight[e];
			kb[label[i]] += s->weight[e];
			if (label[local[s->adj_v[j]]] == label[i]) {
				in += s->weight[e];
			}
		}
	}
	for (i = 0; i < nv; i++) {
		sq += kb[label[i]] * kb[label[i]];
		kb[label[i]] = 0; /* each label's square counted once */
	}
	if (tension) {
		return -1;
	}
	return w2 > 0 ? in / w2 - sq / (w2 * w2) : 0;
}

typedef struct bloc_key {
	size_t size, first, id;
} bloc_key;

static int cmp_bloc(const void *x, const void *y)
{
	const bloc_key *a = x, *b = y;

	if (a->size != b->size) {
		return a->size > b->size ? -1 : 1;
	}
	return a->first < b->first ? -1 : (a->first > b->first);
}

/* Number the blocs (largest first) and fill their members and measures.
 * `tmp` holds a provisional bloc id per actor, ids below `count`. */
static ent_status finish_blocs(ent_metrics *m, const ent_graph *g,
	const ent__signed *s, const size_t *tmp, size_t count)
{
	bloc_key *keys = NULL;
	size_t *rank = NULL, *fill = NULL;
	size_t i, k, start;
	ent_status st = ENT_OK;

	keys = calloc(count, sizeof(*keys));
	rank = malloc(count * sizeof(*rank));
	fill = calloc(count, sizeof(*fill));
	m->blocs = calloc(count, sizeof(*m->blocs));
	m->bloc_members = malloc(m->n * sizeof(*m->bloc_members));
	if (!keys || !rank || !fill || !m->blocs || !m->bloc_members) {
		st = ENT_ENOMEM;
		goto done;
	}
	for (k = 0; k < count; k++) {
		keys[k].id = k;
		keys[k].first = (size_t)-1;
	}
	for (i = 0; i < m->n; i++) {
		bloc_key *b = &keys[tmp[i]];
		if (b->size++ == 0) {
			b->first = i;
		}
	}
	qsort(keys, count, sizeof(*keys), cmp_bloc);
	for (k = 0, start = 0; k < count; k++) {
		rank[keys[k].id] = k;
		m->blocs[k].size = keys[k].size;
		m->blocs[k].members = m->bloc_members + start;
		start += keys[k].size;
	}
	m->n_blocs = count;
	for (i = 0; i < m->n; i++) {
		size_t b = rank[tmp[i]];
		m->actors[i].bloc = b + 1;
		((size_t *)m->blocs[b].members)[fill[b]++] = i;
	}
	for (i = 0; i < ent_graph_relation_count(g); i++) {
		const ent_relation *r = ent_graph_relation(g, i);
		size_t ba = m->actors[r->a].bloc - 1,
		       bb = m->actors[r->b].bloc - 1;
		if (ba == bb) {
			m->blocs[ba].cooperation += r->cooperation;
			m->blocs[ba].conflict += r->conflict;
		} else {
			m->blocs[ba].external_conflict += r->conflict;
			m->blocs[bb].external_conflict += r->conflict;
		}
	}
	for (k = 0; k < s->m; k++) {
		size_t ba = m->actors[s->ea[k]].bloc - 1;
		if (ba == m->actors[s->eb[k]].bloc - 1) {
			m->blocs[ba].density +=
				1; /* internal ties, divided below */
		}
	}
	for (k = 0; k < count; k++) {
		ent_bloc *b = &m->blocs[k];
		double w = b->cooperation + b->conflict;
		double pairs = (double)b->size * (double)(b->size - 1) / 2;
		b->cohesion = w > 0 ? b->cooperation / w : 1;
		b->density = pairs > 0 ? b->density / pairs : 1;
	}
done:
	free(keys);
	free(rank);
	free(fill);
	return st;
}

/* The signed modularity of the blocs, each component with its own null
 * model (metrics.h, [modularity]). */
static ent_status bloc_modularity(ent_metrics *m, const ent__signed *s)
{
	double *wp2 = NULL, *wn2 = NULL, *kp_b = NULL, *kn_b = NULL;
	double *num = NULL, sum = 0, total = 0;
	size_t *comp_of_bloc = NULL, k, c;

	wp2 = calloc(m->n_components + 1, sizeof(*wp2));
	wn2 = calloc(m->n_components + 1, sizeof(*wn2));
	num = calloc(m->n_components + 1, sizeof(*num));
	kp_b = calloc(m->n_blocs + 1, sizeof(*kp_b));
	kn_b = calloc(m->n_blocs + 1, sizeof(*kn_b));
	comp_of_bloc = calloc(m->n_blocs + 1, sizeof(*comp_of_bloc));
	if (!wp2 || !wn2 || !num || !kp_b || !kn_b || !comp_of_bloc) {
		free(wp2);
		free(wn2);
		free(num);
		free(kp_b);
		free(kn_b);
		free(comp_of_bloc);
		return ENT_ENOMEM;
	}
	for (k = 0; k < s->m; k++) {
		const ent_actor_metrics *a = &m->actors[s->ea[k]];
		const ent_actor_metrics *b = &m->actors[s->eb[k]];
		double w = s->weight[k];
		c = a->component - 1;
		if (s->sign[k] > 0) {
			wp2[c] += 2 * w;
			kp_b[a->bloc - 1] += w;
			kp_b[b->bloc - 1] += w;
		} else {
			wn2[c] += 2 * w;
			kn_b[a->bloc - 1] += w;
			kn_b[b->bloc - 1] += w;
		}
		if (a->bloc == b->bloc) {
			num[c] += 2 * (s->sign[k] > 0 ? w : -w);
		}
	}
	for (k = 0; k < m->n; k++) {
		comp_of_bloc[m->actors[k].bloc - 1] = m->actors[k].component - 1;
	}
	for (k = 0; k < m->n_blocs; k++) {
		c = comp_of_bloc[k];
		num[c] -= wp2[c] > 0 ? kp_b[k] * kp_b[k] / wp2[c] : 0;
		num[c] += wn2[c] > 0 ? kn_b[k] * kn_b[k] / wn2[c] : 0;
	}
	for (c = 0; c < m->n_components; c++) {
		sum += num[c];
		total += wp2[c] + wn2[c];
	}
	m->modularity = total > 0 ? sum / total : 0;
	free(wp2);
	free(wn2);
	free(num);
	free(kp_b);
	free(kn_b);
	free(comp_of_bloc);
	return ENT_OK;
}

igraph_error_t ent__metrics_blocs(ent_metrics *m, const ent_graph *g,
	const ent__signed *s, const ent_metrics_options *opts)
{
	size_t *comp = NULL, *order = NULL, *local = NULL, *tmp = NULL;
	size_t *start = NULL, *seen = NULL;
	igraph_integer_t *label = NULL;
	double *kb = NULL, q;
	size_t i, c, count = 0, n = m->n, n_seen;
	igraph_error_t rc = IGRAPH_SUCCESS;
	ent_status st;

	if (n == 0) {
		return IGRAPH_SUCCESS;
	}
	comp = malloc(n * sizeof(*comp));
	order = malloc(n * sizeof(*order));
	local = malloc(n * sizeof(*local));
	tmp = malloc(n * sizeof(*tmp));
	label = malloc(n * sizeof(*label));
	n_seen = (opts->spins > 2 ? (size_t)opts->spins : 2) + n;
	seen = malloc(n_seen * sizeof(*seen));
	kb = calloc(n_seen, sizeof(*kb));
	if (!comp || !order || !local || !tmp || !label || !seen || !kb) {
		rc = IGRAPH_ENOMEM;
		goto done;
	}
	st = ent__signed_components(s, comp, &m->n_components);
	if (st != ENT_OK) {
		rc = IGRAPH_ENOMEM;
		goto done;
	}
	start = calloc(m->n_components + 1, sizeof(*start));
	if (start == NULL) {
		rc = IGRAPH_ENOMEM;
		goto done;
	}
	/* Counting sort of the actors by component, ascending inside each. */
	for (i = 0; i < n; i++) {
		m->actors[i].component = comp[i] + 1;
		start[comp[i] + 1]++;
	}
	for (c = 0; c < m->n_components; c++) {
		start[c + 1] += start[c];
	}
	for (i = 0; i < n; i++) {
		local[i] = start[comp[i]]++;
		order[local[i]] = i;
	}
	for (c = m->n_components; c > 0; c--) {
		start[c] = start[c - 1];
	}
	start[0] = 0;
	for (c = 0; c < m->n_components; c++) {
		const size_t *verts = order + start[c];
		size_t nv = start[c + 1] - start[c];
		for (i = 0; i < nv; i++) {
			local[verts[i]] = i;
		}
		if (nv == 1) {
			tmp[verts[0]] = count++;
		} else if (nv == 2) {
			/* one tie: an alliance joins, a tension parts */
			int sign = s->sign[s->adj_e[s->off[verts[0]]]];
			tmp[verts[0]] = count++;
			tmp[verts[1]] = sign > 0 ? tmp[verts[0]] : count++;
		} else {
			rc = component_blocs(s, verts, nv, local, label, opts);
			if (rc != IGRAPH_SUCCESS) {
				goto done;
			}
			for (i = 0; i < nv; i++) {
				/* labels are below the spins or nv, so below
				 * n_seen; clamped anyway, as they index kb
				 * and seen */
				if ((size_t)label[i] >= n_seen) {
					label[i] = (igraph_integer_t)(n_seen - 1);
				}
			}
			q = cooperative_q(s, verts, nv, local, label, kb);
			for (i = 0; q >= 0 && q < ENT_COOPERATIVE_SPLIT_Q &&
				i < nv; i++) {
				label[i] = 0; /* no tension, no clear split */
			}
			/* spinglass may leave spins empty: renumber densely
			 * (labels were clamped below n_seen above; reset only
			 * the labels used, or many small components would
			 * cost O(n) each) */
			for (i = 0; i < nv; i++) {
				seen[label[i]] = (size_t)-1;
			}
			for (i = 0; i < nv; i++) {
				size_t lab = (size_t)label[i];
				if (seen[lab] == (size_t)-1) {
					seen[lab] = count++;
				}
				tmp[verts[i]] = seen[lab];
			}
		}
	}
	if (finish_blocs(m, g, s, tmp, count) != ENT_OK ||
		bloc_modularity(m, s) != ENT_OK) {
		rc = IGRAPH_ENOMEM;
	}
done:
	free(comp);
	free(order);
	free(local);
	free(tmp);
	free(label);
	free(start);
	free(seen);
	free(kb);
	return rc;
}
