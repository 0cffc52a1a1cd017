/* SPDX-License-Identifier: MIT */
/*
 * The report as JSON ("report/1", see report.h).
 */
#include <stdio.h>

#include "internal.h"
#include "report/report_internal.h"

static void json_input(FILE *fp, const ent__report_model *c)
{
	const ent_dataset_stats *st = ent_dataset_stats_get(c->ds);
	const ent_dataset_options *o = ent_dataset_options_get(c->ds);
	char first[11], last[11];
	size_t i;

	ent_date_format(st->first, first);
	ent_date_format(st->last, last);
	fputs("  \"input\": {\n    \"files\": [", fp);
	for (i = 0; i < ent_dataset_input_count(c->ds); i++) {
		fputs(i ? ", " : "", fp);
		fputs("{\"name\": ", fp);
		ent__report_json_string(fp, ent_dataset_input_name(c->ds, i));
		fputs(", \"format\": ", fp);
		ent__report_json_string(fp, ent_dataset_input_format(c->ds, i));
		fputc('}', fp);
	}
	fprintf(fp,
		"],\n    \"level\": \"%s\", \"weight\": \"%s\", "
		"\"by\": \"%s\",\n",
		ent__report_level_name(o->level),
		ent__report_weight_name(o->weight),
		ent__report_unit_name(o->by));
	fprintf(fp,
		"    \"records\": %lld, \"kept\": %lld, \"filtered\": %lld, "
		"\"non_state\": %lld, \"self\": %lld, \"negated\": %lld, "
		"\"dyad_rows\": %lld, \"skipped_rows\": %lld,\n",
		(long long)st->records, (long long)st->kept,
		(long long)st->filtered, (long long)st->non_state,
		(long long)st->self, (long long)st->negated,
		(long long)st->dyad_rows, (long long)st->skipped_rows);
	fputs("    \"first\": ", fp);
	if (st->first) {
		ent__report_json_string(fp, first);
	} else {
		fputs("null", fp);
	}
	fputs(", \"last\": ", fp);
	if (st->last) {
		ent__report_json_string(fp, last);
	} else {
		fputs("null", fp);
	}
	fputs("\n  },\n", fp);
}

static void json_date(FILE *fp, const char *key, ent_date d)
{
	char buf[11];

	fprintf(fp, ", \"%s\": ", key);
	if (d) {
		ent_date_format(d, buf);
		ent__report_json_string(fp, buf);
	} else {
		fputs("null", fp);
	}
}

/* An actor's code, or null for (size_t)-1. */
static void json_actor_or_null(FILE *fp, const ent__report_model *c, size_t i)
{
	if (i == (size_t)-1) {
		fputs("null", fp);
	} else {
		ent__report_json_string(fp, ent__report_code_of(c, i));
	}
}

static void json_actors(FILE *fp, const ent__report_model *c)
{
	size_t i, k, n = ent_graph_actor_count(c->g);

	if (ent_metrics_path_sources(c->m) > 0) {
		/* betweenness and harmonic are estimates (metrics.h) */
		fprintf(fp, "  \"sampled_sources\": %zu,\n",
			ent_metrics_path_sources(c->m));
	}
	fputs("  \"actors\": [", fp);
	for (i = 0; i < n; i++) {
		const ent_actor_metrics *am = ent_metrics_actor(c->m, i);
		fputs(i ? ",\n    {" : "\n    {", fp);
		fputs("\"code\": ", fp);
		ent__report_json_string(fp, ent__report_code_of(c, i));
		fputs(", \"name\": ", fp);
		ent__report_json_string(fp, ent__report_name_of(c, i));
		for (k = 0; k < ent__report_n_actor_columns; k++) {
			fprintf(fp, ", \"%s\": ",
				ent__report_actor_columns[k].name);
			ent__report_actor_value(
				fp, am, &ent__report_actor_columns[k]);
		}
		fputs(", \"ally\": ", fp);
		json_actor_or_null(fp, c, am->ally);
		fputs(", \"rival\": ", fp);
		json_actor_or_null(fp, c, am->rival);
		fputc('}', fp);
	}
	fputs(n ? "\n  ],\n" : "],\n", fp);
}

static void json_dyads(FILE *fp, const ent__report_model *c)
{
	size_t i, n = ent_graph_dyad_count(c->g);
	char b[5][32];

	fputs("  \"dyads\": [", fp);
	for (i = 0; i < n; i++) {
		const ent_dyad *d = ent_graph_dyad(c->g, i);
		fputs(i ? ",\n    {" : "\n    {", fp);
		fputs("\"source\": ", fp);
		ent__report_json_string(fp, d->source);
		fputs(", \"target\": ", fp);
		ent__report_json_string(fp, d->target);
		fprintf(fp,
			", \"events\": %lld, \"coop_events\": %lld, "
			"\"conflict_events\": %lld, \"goldstein_sum\": %s, "
			"\"goldstein_mean\": %s, \"cooperation\": %s, "
			"\"conflict\": %s",
			(long long)d->events, (long long)d->coop_events,
			(long long)d->conflict_events,
			ent__report_num(b[0], d->goldstein_sum, 3),
			ent__report_num(b[1], d->goldstein_mean, 6),
			ent__report_num(b[2], d->cooperation, 3),
			ent__report_num(b[3], d->conflict, 3));
		json_date(fp, "first", d->first);
		json_date(fp, "last", d->last);
		fputc('}', fp);
	}
	fputs(n ? "\n  ],\n" : "],\n", fp);
}

/* One relation object's fields after its "a" and "b". */
static void json_relation_values(FILE *fp, int64_t events, double coop,
	double confl, double net, int sign)
{
	char b[3][32];

	fprintf(fp,
		", \"events\": %lld, \"cooperation\": %s, \"conflict\": %s, "
		"\"net\": %s, \"sign\": %d",
		(long long)events, ent__report_num(b[0], coop, 3),
		ent__report_num(b[1], confl, 3), ent__report_num(b[2], net, 3),
		sign);
}

static void json_relations(FILE *fp, const ent__report_model *c)
{
	size_t i, n = ent_graph_relation_count(c->g);

	fputs("  \"relations\": [", fp);
	for (i = 0; i < n; i++) {
		const ent_relation *r = ent_graph_relation(c->g, i);
		fputs(i ? ",\n    {" : "\n    {", fp);
		fputs("\"a\": ", fp);
		ent__report_json_string(fp, ent__report_code_of(c, r->a));
		fputs(", \"b\": ", fp);
		ent__report_json_string(fp, ent__report_code_of(c, r->b));
		json_relation_values(fp, r->events, r->cooperation, r->conflict,
			r->net, r->sign);
		fputc('}', fp);
	}
	fputs(n ? "\n  ],\n" : "],\n", fp);
}

static void json_blocs(FILE *fp, const ent__report_model *c)
{
	size_t k, j, n = ent_metrics_bloc_count(c->m);
	char b[6][32];

	fputs("  \"blocs\": [", fp);
	for (k = 0; k < n; k++) {
		const ent_bloc *bl = ent_metrics_bloc(c->m, k);
		fprintf(fp, "%s{\"bloc\": %zu, \"size\": %zu, \"members\": [",
			k ? ",\n    " : "\n    ", k + 1, bl->size);
		for (j = 0; j < bl->size; j++) {
			fputs(j ? ", " : "", fp);
			ent__report_json_string(
				fp, ent__report_code_of(c, bl->members[j]));
		}
		fprintf(fp,
			"], \"cooperation\": %s, \"conflict\": %s, "
			"\"cohesion\": %s, \"density\": %s, "
			"\"external_conflict\": %s}",
			ent__report_num(b[0], bl->cooperation, 3),
			ent__report_num(b[1], bl->conflict, 3),
			ent__report_num(b[2], bl->cohesion, 9),
			ent__report_num(b[3], bl->density, 9),
			ent__report_num(b[4], bl->external_conflict, 3));
	}
	fputs(n ? "\n  ],\n" : "],\n", fp);
}

static void json_balance(FILE *fp, const ent__report_model *c)
{
	const ent_balance *bal = ent_metrics_balance(c->m);
	const ent_tension *t = ent_metrics_tension(c->m);
	size_t i, n = ent_metrics_unbalanced_count(c->m);
	char b[8][32];

	fprintf(fp,
		"  \"balance\": {\n"
		"    \"triangles\": %lld, \"balanced\": %lld, \"unbalanced\": "
		"%lld, "
		"\"triangle_index\": %s, \"weighted_triangle_index\": %s,\n"
		"    \"signed_ties\": %lld, \"bloc_frustration\": %lld, "
		"\"bloc_frustration_weight\": %s, \"frustration\": %lld, "
		"\"frustration_weight\": %s, \"normalised_balance\": %s,\n"
		"    \"unbalanced_triangles\": [",
		(long long)bal->triangles, (long long)bal->balanced,
		(long long)bal->unbalanced,
		ent__report_num(b[0], bal->triangle_index, 9),
		ent__report_num(b[1], bal->weighted_triangle_index, 9),
		(long long)bal->signed_ties, (long long)bal->bloc_frustration,
		ent__report_num(b[2], bal->bloc_frustration_weight, 3),
		(long long)bal->frustration,
		ent__report_num(b[3], bal->frustration_weight, 3),
		ent__report_num(b[4], bal->normalised_balance, 9));
	for (i = 0; i < n; i++) {
		const ent_triangle *tr = ent_metrics_unbalanced(c->m, i);
		fputs(i ? ",\n      {\"actors\": [" : "\n      {\"actors\": [",
			fp);
		ent__report_json_string(fp, ent__report_code_of(c, tr->a));
		fputs(", ", fp);
		ent__report_json_string(fp, ent__report_code_of(c, tr->b));
		fputs(", ", fp);
		ent__report_json_string(fp, ent__report_code_of(c, tr->c));
		fprintf(fp, "], \"weight\": %s}",
			ent__report_num(b[5], tr->weight, 6));
	}
	fputs(n ? "\n    ]\n  },\n" : "]\n  },\n", fp);
	fprintf(fp,
		"  \"tension\": {\"cooperation\": %s, \"conflict\": %s, "
		"\"conflict_between_blocs\": %s, \"between_share\": %s, "
		"\"cooperation_within_blocs\": %s, \"within_share\": %s}",
		ent__report_num(b[0], t->cooperation, 3),
		ent__report_num(b[1], t->conflict, 3),
		ent__report_num(b[2], t->conflict_between_blocs, 3),
		ent__report_num(b[3], t->between_share, 9),
		ent__report_num(b[4], t->cooperation_within_blocs, 3),
		ent__report_num(b[5], t->within_share, 9));
}

/* The measures of a period's actors, when they were computed. */
static void json_period_actors(FILE *fp, const ent__report_model *c, size_t i)
{
	size_t j, n = ent_periods_actor_count(c->p, i);
	char b[3][32];

	if (n == 0) {
		return;
	}
	fputs(",\n     \"actor_measures\": [", fp);
	for (j = 0; j < n; j++) {
		const ent_period_actor *a = ent_periods_actor(c->p, i, j);
		fputs(j ? ",\n      {\"code\": " : "\n      {\"code\": ", fp);
		ent__report_json_string(fp, a->code);
		fprintf(fp,
			", \"events\": %lld, \"cooperation\": %s, "
			"\"conflict\": %s, \"pagerank\": %s, \"bloc\": %zu}",
			(long long)a->events,
			ent__report_num(b[0], a->cooperation, 3),
			ent__report_num(b[1], a->conflict, 3),
			ent__report_num(b[2], a->pagerank, 9), a->bloc);
	}
	fputs("\n     ]", fp);
}

/* The change rule's parameters and the listed changes (trend.h). */
static void json_changes(FILE *fp, const ent__report_model *c)
{
	const ent_trend_options *o = ent_trends_options(c->t);
	size_t i, n = ent_trends_changed_count(c->t);
	char b[7][32];

	fprintf(fp,
		",\n  \"changes\": {\"min_events\": %lld, \"min_score\": %s, "
		"\"usual_change\": %s, \"measured\": %zu,\n    "
		"\"what_changed\": [",
		(long long)o->min_events,
		ent__report_num(b[0], o->min_score, 9),
		ent__report_num(b[1], ent_trends_usual_change(c->t), 9),
		ent_trends_change_count(c->t));
	for (i = 0; i < n; i++) {
		const ent_change *ch = ent_trends_change(c->t, i);
		const ent_trend_relation *r =
			ent_trends_relation(c->t, ch->relation);
		fputs(i ? ",\n      {\"a\": " : "\n      {\"a\": ", fp);
		ent__report_json_string(fp, r->a);
		fputs(", \"b\": ", fp);
		ent__report_json_string(fp, r->b);
		fputs(", \"from\": ", fp);
		ent__report_json_string(
			fp, ent_periods_summary(c->p, ch->from)->label);
		fputs(", \"to\": ", fp);
		ent__report_json_string(
			fp, ent_periods_summary(c->p, ch->to)->label);
		fprintf(fp,
			", \"events_before\": %lld, \"events_after\": %lld, "
			"\"net_before\": %s, \"net_after\": %s, \"change\": "
			"%s, "
			"\"variation\": %s, \"score\": %s}",
			(long long)ch->events_before,
			(long long)ch->events_after,
			ent__report_num(b[2], ch->before, 3),
			ent__report_num(b[3], ch->after, 3),
			ent__report_num(b[4], ch->change, 3),
			ent__report_num(b[5], ch->variation, 9),
			ent__report_num(b[6], ch->score, 9));
	}
	fputs(n ? "\n    ]}" : "]}", fp);
}

static void json_periods(FILE *fp, const ent__report_model *c)
{
	size_t i, j, n = ent_periods_count(c->p);
	char b[6][32], start[11];

	fputs(",\n  \"periods\": [", fp);
	for (i = 0; i < n; i++) {
		const ent_period_summary *s = ent_periods_summary(c->p, i);
		size_t nr = ent_periods_relation_count(c->p, i);
		ent_date_format(s->start, start);
		fputs(i ? ",\n    {\"period\": " : "\n    {\"period\": ", fp);
		ent__report_json_string(fp, s->label);
		fputs(", \"start\": ", fp);
		ent__report_json_string(fp, start);
		fprintf(fp,
			", \"events\": %lld, \"actors\": %zu, "
			"\"alliances\": %zu, \"tensions\": %zu, "
			"\"cooperation\": %s, "
			"\"conflict\": %s, \"net\": %s, \"triangles\": %lld, "
			"\"triangle_index\": %s,\n     \"relations\": [",
			(long long)s->events, s->actors, s->alliances,
			s->tensions, ent__report_num(b[0], s->cooperation, 3),
			ent__report_num(b[1], s->conflict, 3),
			ent__report_num(b[2], s->net, 3),
			(long long)s->triangles,
			ent__report_num(b[3], s->triangle_index, 9));
		for (j = 0; j < nr; j++) {
			const ent_period_relation *r =
				ent_periods_relation(c->p, i, j);
			fputs(j ? ",\n      {\"a\": " : "\n      {\"a\": ", fp);
			ent__report_json_string(fp, r->a);
			fputs(", \"b\": ", fp);
			ent__report_json_string(fp, r->b);
			json_relation_values(fp, r->events, r->cooperation,
				r->conflict, r->net, r->sign);
			/* share: of the period's events (trend.h) */
			fprintf(fp, ", \"share\": %s}",
				ent__report_num(b[4],
					s->events ? (double)r->events /
							(double)s->events
						  : 0,
					9));
		}
		fputs(nr ? "\n     ]" : "]", fp);
		json_period_actors(fp, c, i);
		fputs("}", fp);
	}
	fputs(n ? "\n  ]" : "]", fp);
}

ent_status ent__report_write_json(
	FILE *fp, const ent__report_model *c, ent_error *err)
{
	fputs("{\n  \"entente\": \"report/1\",\n", fp);
	json_input(fp, c);
	json_actors(fp, c);
	json_dyads(fp, c);
	json_relations(fp, c);
	json_blocs(fp, c);
	json_balance(fp, c);
	if (c->p != NULL) {
		json_periods(fp, c);
		json_changes(fp, c);
	}
	fputs("\n}\n", fp);
	(void)err;
	return ENT_OK;
}
