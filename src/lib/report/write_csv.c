/* SPDX-License-Identifier: MIT */
/*
 * The report as CSV tables (RFC 4180), one table per call.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "report/report_internal.h"
#include "util/csv.h"

static ent_status csv_actors(FILE *fp, const ent__report_model *c)
{
	size_t i, k;

	fputs("code,name", fp);
	for (k = 0; k < ent__report_n_actor_columns; k++) {
		fprintf(fp, ",%s", ent__report_actor_columns[k].name);
	}
	fputs(",ally,rival\r\n", fp);
	for (i = 0; i < ent_graph_actor_count(c->g); i++) {
		const ent_actor_metrics *am = ent_metrics_actor(c->m, i);
		ent__csv_field(fp, ent__report_code_of(c, i));
		fputc(',', fp);
		ent__csv_field(fp, ent__report_name_of(c, i));
		for (k = 0; k < ent__report_n_actor_columns; k++) {
			fputc(',', fp);
			ent__report_actor_value(
				fp, am, &ent__report_actor_columns[k]);
		}
		fputc(',', fp);
		ent__csv_field(fp, ent__report_code_or_empty(c, am->ally));
		fputc(',', fp);
		ent__csv_field(fp, ent__report_code_or_empty(c, am->rival));
		fputs("\r\n", fp);
	}
	return ENT_OK;
}

static ent_status csv_dyads(FILE *fp, const ent__report_model *c)
{
	size_t i;
	char b[4][32], f[11], l[11];

	fputs("source,target,events,coop_events,conflict_events,goldstein_sum,"
	      "goldstein_mean,cooperation,conflict,first,last\r\n",
		fp);
	for (i = 0; i < ent_graph_dyad_count(c->g); i++) {
		const ent_dyad *d = ent_graph_dyad(c->g, i);
		ent_date_format(d->first, f);
		ent_date_format(d->last, l);
		ent__csv_field(fp, d->source);
		fputc(',', fp);
		ent__csv_field(fp, d->target);
		fprintf(fp, ",%lld,%lld,%lld,%s,%s,%s,%s,%s,%s\r\n",
			(long long)d->events, (long long)d->coop_events,
			(long long)d->conflict_events,
			ent__report_num(b[0], d->goldstein_sum, 3),
			ent__report_num(b[1], d->goldstein_mean, 6),
			ent__report_num(b[2], d->cooperation, 3),
			ent__report_num(b[3], d->conflict, 3), f, l);
	}
	return ENT_OK;
}

static void csv_relation_values(FILE *fp, int64_t events, double coop,
	double confl, double net, int sign)
{
	char b[3][32];

	fprintf(fp, ",%lld,%s,%s,%s,%d", (long long)events,
		ent__report_num(b[0], coop, 3), ent__report_num(b[1], confl, 3),
		ent__report_num(b[2], net, 3), sign);
}

static ent_status csv_relations(FILE *fp, const ent__report_model *c)
{
	size_t i;

	fputs("a,b,events,cooperation,conflict,net,sign\r\n", fp);
	for (i = 0; i < ent_graph_relation_count(c->g); i++) {
		const ent_relation *r = ent_graph_relation(c->g, i);
		ent__csv_field(fp, ent__report_code_of(c, r->a));
		fputc(',', fp);
		ent__csv_field(fp, ent__report_code_of(c, r->b));
		csv_relation_values(fp, r->events, r->cooperation, r->conflict,
			r->net, r->sign);
		fputs("\r\n", fp);
	}
	return ENT_OK;
}

static ent_status csv_blocs(FILE *fp, const ent__report_model *c)
{
	size_t k, j, n = ent_metrics_bloc_count(c->m), most = 1;
	const char **codes;
	char b[5][32];

	for (k = 0; k < n; k++) {
		size_t s = ent_metrics_bloc(c->m, k)->size;
		most = s > most ? s : most;
	}
	codes = malloc(most * sizeof(*codes));
	if (codes == NULL) {
		return ENT_ENOMEM;
	}
	fputs("bloc,size,members,cooperation,conflict,cohesion,density,"
	      "external_conflict\r\n",
		fp);
	for (k = 0; k < n; k++) {
		const ent_bloc *bl = ent_metrics_bloc(c->m, k);
		fprintf(fp, "%zu,%zu,", k + 1, bl->size);
		/* the members, joined by spaces, are one field */
		for (j = 0; j < bl->size; j++) {
			codes[j] = ent__report_code_of(c, bl->members[j]);
		}
		ent__csv_field_join(fp, codes, bl->size, " ");
		fprintf(fp, ",%s,%s,%s,%s,%s\r\n",
			ent__report_num(b[0], bl->cooperation, 3),
			ent__report_num(b[1], bl->conflict, 3),
			ent__report_num(b[2], bl->cohesion, 9),
			ent__report_num(b[3], bl->density, 9),
			ent__report_num(b[4], bl->external_conflict, 3));
	}
	free(codes);
	return ENT_OK;
}

/* The time series: one row per period and relation, periods in date
 * order, relations in code order. */
static ent_status csv_periods(FILE *fp, const ent__report_model *c)
{
	size_t i, j;

	char share[32];

	fputs("period,a,b,events,cooperation,conflict,net,sign,share\r\n", fp);
	for (i = 0; i < ent_periods_count(c->p); i++) {
		const ent_period_summary *s = ent_periods_summary(c->p, i);
		for (j = 0; j < ent_periods_relation_count(c->p, i); j++) {
			const ent_period_relation *r =
				ent_periods_relation(c->p, i, j);
			ent__csv_field(fp, s->label);
			fputc(',', fp);
			ent__csv_field(fp, r->a);
			fputc(',', fp);
			ent__csv_field(fp, r->b);
			csv_relation_values(fp, r->events, r->cooperation,
				r->conflict, r->net, r->sign);
			/* share of the period's events (trend.h) */
			fprintf(fp, ",%s\r\n",
				ent__report_num(share,
					s->events ? (double)r->events /
							(double)s->events
						  : 0,
					9));
		}
	}
	return ENT_OK;
}

/* Every change of trend.h, the listed ones ("what changed") first. */
static ent_status csv_changes(FILE *fp, const ent__report_model *c)
{
	size_t i;
	char b[5][32];

	fputs("a,b,from,to,events_before,events_after,net_before,net_after,"
	      "change,variation,score,listed\r\n",
		fp);
	for (i = 0; i < ent_trends_change_count(c->t); i++) {
		const ent_change *ch = ent_trends_change(c->t, i);
		const ent_trend_relation *r =
			ent_trends_relation(c->t, ch->relation);
		ent__csv_field(fp, r->a);
		fputc(',', fp);
		ent__csv_field(fp, r->b);
		fputc(',', fp);
		ent__csv_field(fp, ent_periods_summary(c->p, ch->from)->label);
		fputc(',', fp);
		ent__csv_field(fp, ent_periods_summary(c->p, ch->to)->label);
		fprintf(fp, ",%lld,%lld,%s,%s,%s,%s,%s,%d\r\n",
			(long long)ch->events_before,
			(long long)ch->events_after,
			ent__report_num(b[0], ch->before, 3),
			ent__report_num(b[1], ch->after, 3),
			ent__report_num(b[2], ch->change, 3),
			ent__report_num(b[3], ch->variation, 9),
			ent__report_num(b[4], ch->score, 9),
			i < ent_trends_changed_count(c->t));
	}
	return ENT_OK;
}

/* The tables by name; "periods" needs periods. */
typedef struct csv_table {
	const char *name;
	ent_status (*write)(FILE *fp, const ent__report_model *c);
} csv_table;

static const csv_table csv_tables[] = {
	{"actors", csv_actors},
	{"dyads", csv_dyads},
	{"relations", csv_relations},
	{"blocs", csv_blocs},
	{"periods", csv_periods},
	{"changes", csv_changes},
};

ent_status ent__report_write_csv(
	FILE *fp, const ent__report_model *c, ent_error *err)
{
	const char *table = c->opts->table ? c->opts->table
		: c->p                     ? "periods"
					   : "actors";
	size_t i;

	for (i = 0; i < sizeof(csv_tables) / sizeof(csv_tables[0]); i++) {
		if (strcmp(table, csv_tables[i].name) != 0) {
			continue;
		}
		if (c->p == NULL &&
			(strcmp(table, "periods") == 0 ||
				strcmp(table, "changes") == 0)) {
			return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
				"the %s table needs --by "
				"week|month|quarter|year",
				table);
		}
		return csv_tables[i].write(fp, c);
	}
	return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
		"unknown table \"%s\" (actors, dyads, relations, blocs, "
		"periods, changes)",
		table);
}
