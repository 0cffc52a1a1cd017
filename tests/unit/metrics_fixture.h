/* SPDX-License-Identifier: MIT */
/*
 * Small signed graphs for the metrics tests, built from aggregated dyads
 * (ent_dyads_add_dyad) so every weight is exact and chosen by hand.
 */
#ifndef ENT_TEST_METRICS_FIXTURE_H
#define ENT_TEST_METRICS_FIXTURE_H

#include <entente/entente.h>

/* Add the dyad source -> target with the given cooperation and conflict
 * (one event; cooperation and conflict as weights). */
static inline void fx_add(
	ent_dyads *d, const char *s, const char *t, double coop, double confl)
{
	ent_dyad dy;

	memset(&dy, 0, sizeof(dy));
	strncpy(dy.source, s, sizeof(dy.source) - 1);
	strncpy(dy.target, t, sizeof(dy.target) - 1);
	dy.events = 1;
	dy.coop_events = coop > 0;
	dy.conflict_events = confl > 0;
	dy.cooperation = coop;
	dy.conflict = confl;
	dy.goldstein_sum = coop - confl;
	dy.goldstein_mean = coop - confl;
	ent_dyads_add_dyad(d, &dy, NULL);
}

/* Build graph and metrics; both NULL on failure (message printed). */
static inline int fx_build(ent_dyads *d, ent_graph **g, ent_metrics **m)
{
	ent_error err = {0};

	*g = NULL;
	*m = NULL;
	if (ent_graph_build(g, d, NULL, &err) != ENT_OK ||
		ent_metrics_compute(m, *g, NULL, &err) != ENT_OK) {
		printf("# %s\n", err.message);
		ent_graph_destroy(*g);
		*g = NULL;
		return 0;
	}
	return 1;
}

static inline const ent_actor_metrics *fx_actor(
	const ent_graph *g, const ent_metrics *m, const char *code)
{
	return ent_metrics_actor(m, ent_graph_actor_index(g, code));
}

static inline size_t fx_bloc(
	const ent_graph *g, const ent_metrics *m, const char *code)
{
	const ent_actor_metrics *a = fx_actor(g, m, code);

	return a ? a->bloc : 0;
}

#endif
