/* SPDX-License-Identifier: MIT */
/*
 * The report model: names, ranking and the per-actor column table that
 * every writer shares.
 */
#include <stddef.h>
#include <string.h>

#include "internal.h"
#include "report/report_internal.h"

const char *ent__report_level_name(ent_level level)
{
	return level == ENT_LEVEL_ACTOR ? "actor" : "state";
}

const char *ent__report_weight_name(ent_weight w)
{
	switch (w) {
	case ENT_WEIGHT_MENTIONS:
		return "mentions";
	case ENT_WEIGHT_SOURCES:
		return "sources";
	case ENT_WEIGHT_ARTICLES:
		return "articles";
	case ENT_WEIGHT_TONE:
		return "tone";
	default:
		return "events";
	}
}

const char *ent__report_unit_name(ent_period_unit u)
{
	switch (u) {
	case ENT_PERIOD_WEEK:
		return "week";
	case ENT_PERIOD_MONTH:
		return "month";
	case ENT_PERIOD_QUARTER:
		return "quarter";
	case ENT_PERIOD_YEAR:
		return "year";
	default:
		return "none";
	}
}

const char *ent__report_code_of(const ent__report_model *c, size_t i)
{
	return ent_graph_actor(c->g, i)->code;
}

const char *ent__report_name_of(const ent__report_model *c, size_t i)
{
	return ent_graph_actor(c->g, i)->name;
}

int ent__report_cmp_ranked(const void *a, const void *b)
{
	const ent__report_ranked *x = a, *y = b;

	if (x->key != y->key) {
		return x->key > y->key ? -1 : 1;
	}
	return x->idx < y->idx ? -1 : (x->idx > y->idx);
}

const char *ent__report_code_or_empty(const ent__report_model *c, size_t i)
{
	return i == (size_t)-1 ? "" : ent__report_code_of(c, i);
}

#define COL(field, kind)                                                       \
	{                                                                      \
#field, offsetof(ent_actor_metrics, field), ENT__##kind        \
	}
const ent__report_actor_column ent__report_actor_columns[] = {
	COL(events_out, COL_I64),
	COL(events_in, COL_I64),
	COL(cooperation_out, COL_SUM),
	COL(cooperation_in, COL_SUM),
	COL(conflict_out, COL_SUM),
	COL(conflict_in, COL_SUM),
	COL(net, COL_SUM),
	COL(degree, COL_I64),
	COL(degree_out, COL_I64),
	COL(degree_in, COL_I64),
	COL(pagerank, COL_MEASURE),
	COL(betweenness, COL_MEASURE),
	COL(harmonic, COL_MEASURE),
	COL(eigenvector, COL_MEASURE),
	COL(hub, COL_MEASURE),
	COL(authority, COL_MEASURE),
	COL(positive_degree, COL_I64),
	COL(negative_degree, COL_I64),
	COL(net_degree, COL_I64),
	COL(degree_ratio, COL_MEASURE),
	COL(pn, COL_MEASURE),
	COL(tension_share, COL_MEASURE),
	COL(component, COL_INDEX),
	COL(bloc, COL_INDEX),
};
#undef COL
const size_t ent__report_n_actor_columns = sizeof(ent__report_actor_columns) /
	sizeof(ent__report_actor_columns[0]);

void ent__report_actor_value(FILE *fp, const ent_actor_metrics *am,
	const ent__report_actor_column *col)
{
	const char *p = (const char *)am + col->offset;
	char buf[32];
	int64_t i64;
	double d;
	size_t z;

	switch (col->kind) {
	case ENT__COL_I64:
		memcpy(&i64, p, sizeof(i64));
		fprintf(fp, "%lld", (long long)i64);
		break;
	case ENT__COL_INDEX:
		memcpy(&z, p, sizeof(z));
		fprintf(fp, "%zu", z);
		break;
	default:
		memcpy(&d, p, sizeof(d));
		fputs(ent__report_num(
			      buf, d, col->kind == ENT__COL_SUM ? 3 : 9),
			fp);
		break;
	}
}

size_t ent__report_vertex_of(
	const ent_graph *g, ent_level level, const char *code)
{
	const ent_state *s;

	if (level == ENT_LEVEL_ACTOR) {
		return ent_graph_actor_index(g, code);
	}
	s = ent_state_of_actor(code);
	return s ? ent_graph_actor_index(g, s->code) : (size_t)-1;
}
