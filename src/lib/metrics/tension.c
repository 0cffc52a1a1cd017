/* SPDX-License-Identifier: MIT */
/*
 * Tension across the graph: how much conflict runs between blocs and how
 * much cooperation stays inside them (definitions in metrics.h).
 */
#include "internal.h"
#include "metrics/metrics_internal.h"

void ent__metrics_tension(ent_metrics *m, const ent_graph *g)
{
	ent_tension *t = &m->tension;
	size_t i;

	for (i = 0; i < ent_graph_relation_count(g); i++) {
		const ent_relation *r = ent_graph_relation(g, i);
		int same = m->actors[r->a].bloc == m->actors[r->b].bloc;
		t->cooperation += r->cooperation;
		t->conflict += r->conflict;
		if (same) {
			t->cooperation_within_blocs += r->cooperation;
		} else {
			t->conflict_between_blocs += r->conflict;
		}
	}
	t->between_share =
		t->conflict > 0 ? t->conflict_between_blocs / t->conflict : 0;
	t->within_share = t->cooperation > 0
		? t->cooperation_within_blocs / t->cooperation
		: 0;
}
