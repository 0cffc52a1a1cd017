/* SPDX-License-Identifier: MIT */
/*
 * ent_metrics_compute: the stages in order (centrality, PN index, blocs,
 * balance, tension) and the getters of the result.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "graph/graph_internal.h"
#include "metrics/metrics_internal.h"

/* The stages that call igraph, igraph-style; the caller wraps them. */
static igraph_error_t igraph_stages(ent_metrics *m, const ent_graph *g,
	const ent__signed *s, const ent_metrics_options *opts)
{
	IGRAPH_CHECK(ent__metrics_centrality(m, g, s, opts));
	IGRAPH_CHECK(ent__metrics_blocs(m, g, s, opts));
	return IGRAPH_SUCCESS;
}

ent_status ent_metrics_compute(ent_metrics **out, const ent_graph *g,
	const ent_metrics_options *opts, ent_error *err)
{
	ent_metrics_options defaults = ENT_METRICS_OPTIONS_INIT;
	ent_metrics *m = NULL;
	ent__signed s;
	ent__igraph_guard guard;
	ent__paths_job *paths = NULL;
	igraph_error_t rc;
	ent_status st = ENT_OK;

	memset(&s, 0, sizeof(s));
	if (out == NULL || g == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_metrics_compute: NULL argument");
	}
	*out = NULL;
	if (opts == NULL) {
		opts = &defaults;
	} else if (opts->version == 1) {
		/* a version-1 caller's struct ends after `spins` */
		memcpy(&defaults, opts, offsetof(ent_metrics_options, blocs));
		defaults.version = ENT_METRICS_OPTIONS_VERSION;
		opts = &defaults;
	} else if (opts->version != ENT_METRICS_OPTIONS_VERSION) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"metrics: options version %u is not %u", opts->version,
			ENT_METRICS_OPTIONS_VERSION);
	}
	if ((unsigned)opts->blocs > ENT_BLOCS_SPINGLASS) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"unknown bloc method %d", (int)opts->blocs);
	}
	if (!(opts->damping > 0 && opts->damping < 1)) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"damping must be between 0 and 1, not %g",
			opts->damping);
	}
	if (opts->spins < 2 || opts->spins > 500) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"spins must be between 2 and 500, not %d", opts->spins);
	}
	m = calloc(1, sizeof(*m));
	if (m == NULL) {
		return ent__error_nomem(err);
	}
	m->n = ent_graph_actor_count(g);
	m->actors = calloc(m->n ? m->n : 1, sizeof(*m->actors));
	if (m->actors == NULL || ent__signed_build(&s, g) != ENT_OK) {
		st = ent__error_nomem(err);
		goto done;
	}
	/* the path measures run on other threads meanwhile */
	if (ent__metrics_paths_start(&paths, g, opts) != ENT_OK) {
		st = ent__error_nomem(err);
		goto done;
	}
	ent__igraph_enter(&guard);
	rc = igraph_stages(m, g, &s, opts);
	st = ent__igraph_leave(&guard, rc, err);
	if (st != ENT_OK) {
		goto done;
	}
	if (ent__metrics_pn(m, &s) != ENT_OK ||
		ent__metrics_balance(m, &s, opts) != ENT_OK) {
		st = ent__error_nomem(err);
		goto done;
	}
	ent__metrics_tension(m, g);
	st = ent__metrics_paths_finish(m, paths);
	paths = NULL;
	if (st != ENT_OK) {
		st = ent__error_nomem(err);
		goto done;
	}
	*out = m;
	m = NULL;
done:
	ent__paths_finish(paths, NULL, NULL, NULL);
	ent__signed_finish(&s);
	ent_metrics_destroy(m);
	return st;
}

void ent_metrics_destroy(ent_metrics *m)
{
	if (m == NULL) {
		return;
	}
	free(m->actors);
	free(m->blocs);
	free(m->bloc_members);
	free(m->unbalanced);
	free(m->side);
	free(m);
}

const ent_actor_metrics *ent_metrics_actor(const ent_metrics *m, size_t i)
{
	return m && i < m->n ? &m->actors[i] : NULL;
}

size_t ent_metrics_bloc_count(const ent_metrics *m)
{
	return m ? m->n_blocs : 0;
}

const ent_bloc *ent_metrics_bloc(const ent_metrics *m, size_t k)
{
	return m && k < m->n_blocs ? &m->blocs[k] : NULL;
}

size_t ent_metrics_component_count(const ent_metrics *m)
{
	return m ? m->n_components : 0;
}

const ent_balance *ent_metrics_balance(const ent_metrics *m)
{
	return m ? &m->balance : NULL;
}

const ent_tension *ent_metrics_tension(const ent_metrics *m)
{
	return m ? &m->tension : NULL;
}

double ent_metrics_modularity(const ent_metrics *m)
{
	return m ? m->modularity : 0;
}

size_t ent_metrics_path_sources(const ent_metrics *m)
{
	return m ? m->path_sources : 0;
}

size_t ent_metrics_unbalanced_count(const ent_metrics *m)
{
	return m ? m->n_unbalanced : 0;
}

const ent_triangle *ent_metrics_unbalanced(const ent_metrics *m, size_t i)
{
	return m && i < m->n_unbalanced ? &m->unbalanced[i] : NULL;
}

int ent_metrics_side(const ent_metrics *m, size_t i)
{
	return m && m->side && i < m->n ? m->side[i] : -1;
}
