/* SPDX-License-Identifier: MIT */
/*
 * The analysis report in four formats. Every number is formatted with a
 * fixed precision so the same input gives byte-identical output.
 */
#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "report/report_internal.h"

ent_status ent_report_format_parse(ent_report_format *out, const char *name)
{
	if (out == NULL || name == NULL) {
		return ENT_EINVAL;
	}
	if (strcmp(name, "text") == 0) {
		*out = ENT_REPORT_TEXT;
	} else if (strcmp(name, "json") == 0) {
		*out = ENT_REPORT_JSON;
	} else if (strcmp(name, "csv") == 0) {
		*out = ENT_REPORT_CSV;
	} else if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0) {
		*out = ENT_REPORT_MARKDOWN;
	} else {
		return ENT_EINVAL;
	}
	return ENT_OK;
}

/* -- number and string formatting ---------------------------------------- */

const char *ent__report_num(char buf[32], double v, int decimals)
{
	char *p;

	if (!isfinite(v)) {
		v = 0; /* never printed: measures are defined to be finite */
	}
	snprintf(buf, 32, "%.*f", decimals, v);
	/* trim trailing zeros, and a bare point */
	if (strchr(buf, '.') != NULL) {
		p = buf + strlen(buf) - 1;
		while (*p == '0') {
			*p-- = '\0';
		}
		if (*p == '.') {
			*p = '\0';
		}
	}
	if (strcmp(buf, "-0") == 0) {
		strcpy(buf, "0");
	}
	return buf;
}

void ent__report_json_string(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	fputc('"', fp);
	for (; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		default:
			if (*p < 0x20) {
				fprintf(fp, "\\u%04x", *p);
			} else {
				fputc(*p, fp);
			}
		}
	}
	fputc('"', fp);
}

void ent__report_csv_field(FILE *fp, const char *s)
{
	const char *p;

	s = s ? s : "";
	/* Quote when needed (RFC 4180), and neutralise a leading = + - @ so a
	 * spreadsheet never runs input text as a formula. */
	if (strpbrk(s, ",\"\r\n") == NULL &&
		(s[0] == '\0' || strchr("=+-@", s[0]) == NULL)) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	if (s[0] && strchr("=+-@", s[0]) != NULL) {
		fputc('\'', fp);
	}
	for (p = s; *p; p++) {
		if (*p == '"') {
			fputc('"', fp);
		}
		fputc(*p, fp);
	}
	fputc('"', fp);
}

void ent__report_md_cell(FILE *fp, const char *s)
{
	const char *p;

	for (p = s ? s : ""; *p; p++) {
		if (strchr("|\\*_`<>[]", *p) != NULL) {
			fputc('\\', fp);
		}
		fputc(*p == '\n' || *p == '\r' ? ' ' : *p, fp);
	}
}

/* -- ranking ------------------------------------------------------------- */

/* A row to rank: larger key first, then smaller index. Keys are copied in,
 * so sorting needs no global state. */
typedef struct ranked {
	double key;
	size_t idx;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
	const ranked *x = a, *y = b;

	if (x->key != y->key) {
		return x->key > y->key ? -1 : 1;
	}
	return x->idx < y->idx ? -1 : (x->idx > y->idx);
}

/* -- sections ------------------------------------------------------------ */

typedef struct ctx {
	FILE *fp;
	const ent_dataset *ds;
	const ent_graph *g;
	const ent_metrics *m;
	const ent_periods *p;
	const ent_report_options *opts;
	size_t top;
} ctx;

static const char *level_name(ent_level level)
{
	return level == ENT_LEVEL_ACTOR ? "actor" : "state";
}

static const char *weight_name(ent_weight w)
{
	switch (w) {
	case ENT_WEIGHT_MENTIONS:
		return "mentions";
	case ENT_WEIGHT_SOURCES:
		return "sources";
	case ENT_WEIGHT_ARTICLES:
		return "articles";
	default:
		return "events";
	}
}

static const char *unit_name(ent_period_unit u)
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

static const char *code_of(const ctx *c, size_t i)
{
	return ent_graph_actor(c->g, i)->code;
}

static const char *name_of(const ctx *c, size_t i)
{
	return ent_graph_actor(c->g, i)->name;
}

/* -- JSON ---------------------------------------------------------------- */

static void json_input(ctx *c)
{
	const ent_dataset_stats *st = ent_dataset_stats_get(c->ds);
	const ent_dataset_options *o = ent_dataset_options_get(c->ds);
	char first[11], last[11];
	size_t i;

	ent_date_format(st->first, first);
	ent_date_format(st->last, last);
	fputs("  \"input\": {\n    \"files\": [", c->fp);
	for (i = 0; i < ent_dataset_input_count(c->ds); i++) {
		fputs(i ? ", " : "", c->fp);
		fputs("{\"name\": ", c->fp);
		ent__report_json_string(
			c->fp, ent_dataset_input_name(c->ds, i));
		fputs(", \"format\": ", c->fp);
		ent__report_json_string(
			c->fp, ent_dataset_input_format(c->ds, i));
		fputc('}', c->fp);
	}
	fprintf(c->fp,
		"],\n    \"level\": \"%s\", \"weight\": \"%s\", "
		"\"by\": \"%s\",\n",
		level_name(o->level), weight_name(o->weight), unit_name(o->by));
	fprintf(c->fp,
		"    \"records\": %lld, \"kept\": %lld, \"filtered\": %lld, "
		"\"non_state\": %lld, \"self\": %lld, \"dyad_rows\": %lld, "
		"\"skipped_rows\": %lld,\n",
		(long long)st->records, (long long)st->kept,
		(long long)st->filtered, (long long)st->non_state,
		(long long)st->self, (long long)st->dyad_rows,
		(long long)st->skipped_rows);
	fputs("    \"first\": ", c->fp);
	if (st->first) {
		ent__report_json_string(c->fp, first);
	} else {
		fputs("null", c->fp);
	}
	fputs(", \"last\": ", c->fp);
	if (st->last) {
		ent__report_json_string(c->fp, last);
	} else {
		fputs("null", c->fp);
	}
	fputs("\n  },\n", c->fp);
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
static void json_actor_or_null(ctx *c, size_t i)
{
	if (i == (size_t)-1) {
		fputs("null", c->fp);
	} else {
		ent__report_json_string(c->fp, code_of(c, i));
	}
}

/* An actor's code, or nothing for (size_t)-1 (CSV). */
static const char *code_or_empty(const ctx *c, size_t i)
{
	return i == (size_t)-1 ? "" : code_of(c, i);
}

/* The per-actor measures, in the order JSON and CSV write them: one table
 * so the two formats can never disagree. Sums of Goldstein points have
 * three decimals (they are exact thousandths), other measures nine. */
typedef enum column_kind { COL_I64, COL_SUM, COL_MEASURE, COL_INDEX } column_kind;

typedef struct actor_column {
	const char *name;
	size_t offset;
	column_kind kind;
} actor_column;

#define COL(field, kind) {#field, offsetof(ent_actor_metrics, field), kind}
static const actor_column actor_columns[] = {
	COL(events_out, COL_I64), COL(events_in, COL_I64),
	COL(cooperation_out, COL_SUM), COL(cooperation_in, COL_SUM),
	COL(conflict_out, COL_SUM), COL(conflict_in, COL_SUM),
	COL(net, COL_SUM),
	COL(degree, COL_I64), COL(degree_out, COL_I64), COL(degree_in, COL_I64),
	COL(pagerank, COL_MEASURE), COL(betweenness, COL_MEASURE),
	COL(harmonic, COL_MEASURE), COL(eigenvector, COL_MEASURE),
	COL(hub, COL_MEASURE), COL(authority, COL_MEASURE),
	COL(positive_degree, COL_I64), COL(negative_degree, COL_I64),
	COL(net_degree, COL_I64), COL(degree_ratio, COL_MEASURE),
	COL(pn, COL_MEASURE), COL(tension_share, COL_MEASURE),
	COL(component, COL_INDEX), COL(bloc, COL_INDEX),
};
#undef COL
#define N_ACTOR_COLUMNS (sizeof(actor_columns) / sizeof(actor_columns[0]))

static void put_actor_value(FILE *fp, const ent_actor_metrics *am,
	const actor_column *col)
{
	const char *p = (const char *)am + col->offset;
	char buf[32];
	int64_t i64;
	double d;
	size_t z;

	switch (col->kind) {
	case COL_I64:
		memcpy(&i64, p, sizeof(i64));
		fprintf(fp, "%lld", (long long)i64);
		break;
	case COL_INDEX:
		memcpy(&z, p, sizeof(z));
		fprintf(fp, "%zu", z);
		break;
	default:
		memcpy(&d, p, sizeof(d));
		fputs(ent__report_num(buf, d, col->kind == COL_SUM ? 3 : 9), fp);
		break;
	}
}

static void json_actors(ctx *c)
{
	size_t i, k, n = ent_graph_actor_count(c->g);

	if (ent_metrics_path_sources(c->m) > 0) {
		/* betweenness and harmonic are estimates (metrics.h) */
		fprintf(c->fp, "  \"sampled_sources\": %zu,\n",
			ent_metrics_path_sources(c->m));
	}
	fputs("  \"actors\": [", c->fp);
	for (i = 0; i < n; i++) {
		const ent_actor_metrics *am = ent_metrics_actor(c->m, i);
		fputs(i ? ",\n    {" : "\n    {", c->fp);
		fputs("\"code\": ", c->fp);
		ent__report_json_string(c->fp, code_of(c, i));
		fputs(", \"name\": ", c->fp);
		ent__report_json_string(c->fp, name_of(c, i));
		for (k = 0; k < N_ACTOR_COLUMNS; k++) {
			fprintf(c->fp, ", \"%s\": ", actor_columns[k].name);
			put_actor_value(c->fp, am, &actor_columns[k]);
		}
		fputs(", \"ally\": ", c->fp);
		json_actor_or_null(c, am->ally);
		fputs(", \"rival\": ", c->fp);
		json_actor_or_null(c, am->rival);
		fputc('}', c->fp);
	}
	fputs(n ? "\n  ],\n" : "],\n", c->fp);
}

static void json_dyads(ctx *c)
{
	size_t i, n = ent_graph_dyad_count(c->g);
	char b[5][32];

	fputs("  \"dyads\": [", c->fp);
	for (i = 0; i < n; i++) {
		const ent_dyad *d = ent_graph_dyad(c->g, i);
		fputs(i ? ",\n    {" : "\n    {", c->fp);
		fputs("\"source\": ", c->fp);
		ent__report_json_string(c->fp, d->source);
		fputs(", \"target\": ", c->fp);
		ent__report_json_string(c->fp, d->target);
		fprintf(c->fp,
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
		json_date(c->fp, "first", d->first);
		json_date(c->fp, "last", d->last);
		fputc('}', c->fp);
	}
	fputs(n ? "\n  ],\n" : "],\n", c->fp);
}

/* One relation object's fields after its "a" and "b". */
static void json_relation_values(FILE *fp, int64_t events, double coop,
	double confl, double net, int sign)
{
	char b[3][32];

	fprintf(fp,
		", \"events\": %lld, \"cooperation\": %s, \"conflict\": %s, "
		"\"net\": %s, \"sign\": %d}",
		(long long)events, ent__report_num(b[0], coop, 3),
		ent__report_num(b[1], confl, 3), ent__report_num(b[2], net, 3),
		sign);
}

static void json_relations(ctx *c)
{
	size_t i, n = ent_graph_relation_count(c->g);

	fputs("  \"relations\": [", c->fp);
	for (i = 0; i < n; i++) {
		const ent_relation *r = ent_graph_relation(c->g, i);
		fputs(i ? ",\n    {" : "\n    {", c->fp);
		fputs("\"a\": ", c->fp);
		ent__report_json_string(c->fp, code_of(c, r->a));
		fputs(", \"b\": ", c->fp);
		ent__report_json_string(c->fp, code_of(c, r->b));
		json_relation_values(c->fp, r->events, r->cooperation,
			r->conflict, r->net, r->sign);
	}
	fputs(n ? "\n  ],\n" : "],\n", c->fp);
}

static void json_blocs(ctx *c)
{
	size_t k, j, n = ent_metrics_bloc_count(c->m);
	char b[6][32];

	fputs("  \"blocs\": [", c->fp);
	for (k = 0; k < n; k++) {
		const ent_bloc *bl = ent_metrics_bloc(c->m, k);
		fprintf(c->fp,
			"%s{\"bloc\": %zu, \"size\": %zu, \"members\": [",
			k ? ",\n    " : "\n    ", k + 1, bl->size);
		for (j = 0; j < bl->size; j++) {
			fputs(j ? ", " : "", c->fp);
			ent__report_json_string(
				c->fp, code_of(c, bl->members[j]));
		}
		fprintf(c->fp,
			"], \"cooperation\": %s, \"conflict\": %s, "
			"\"cohesion\": %s, \"density\": %s, "
			"\"external_conflict\": %s}",
			ent__report_num(b[0], bl->cooperation, 3),
			ent__report_num(b[1], bl->conflict, 3),
			ent__report_num(b[2], bl->cohesion, 9),
			ent__report_num(b[3], bl->density, 9),
			ent__report_num(b[4], bl->external_conflict, 3));
	}
	fputs(n ? "\n  ],\n" : "],\n", c->fp);
}

static void json_balance(ctx *c)
{
	const ent_balance *bal = ent_metrics_balance(c->m);
	const ent_tension *t = ent_metrics_tension(c->m);
	size_t i, n = ent_metrics_unbalanced_count(c->m);
	char b[8][32];

	fprintf(c->fp,
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
			c->fp);
		ent__report_json_string(c->fp, code_of(c, tr->a));
		fputs(", ", c->fp);
		ent__report_json_string(c->fp, code_of(c, tr->b));
		fputs(", ", c->fp);
		ent__report_json_string(c->fp, code_of(c, tr->c));
		fprintf(c->fp, "], \"weight\": %s}",
			ent__report_num(b[5], tr->weight, 6));
	}
	fputs(n ? "\n    ]\n  },\n" : "]\n  },\n", c->fp);
	fprintf(c->fp,
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

static void json_periods(ctx *c)
{
	size_t i, j, n = ent_periods_count(c->p);
	char b[6][32], start[11];

	fputs(",\n  \"periods\": [", c->fp);
	for (i = 0; i < n; i++) {
		const ent_period_summary *s = ent_periods_summary(c->p, i);
		size_t nr = ent_periods_relation_count(c->p, i);
		ent_date_format(s->start, start);
		fputs(i ? ",\n    {\"period\": " : "\n    {\"period\": ",
			c->fp);
		ent__report_json_string(c->fp, s->label);
		fputs(", \"start\": ", c->fp);
		ent__report_json_string(c->fp, start);
		fprintf(c->fp,
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
			fputs(j ? ",\n      {\"a\": " : "\n      {\"a\": ",
				c->fp);
			ent__report_json_string(c->fp, r->a);
			fputs(", \"b\": ", c->fp);
			ent__report_json_string(c->fp, r->b);
			json_relation_values(c->fp, r->events, r->cooperation,
				r->conflict, r->net, r->sign);
		}
		fputs(nr ? "\n     ]}" : "]}", c->fp);
	}
	fputs(n ? "\n  ]" : "]", c->fp);
}

static void write_json(ctx *c)
{
	fputs("{\n  \"entente\": \"report/1\",\n", c->fp);
	json_input(c);
	json_actors(c);
	json_dyads(c);
	json_relations(c);
	json_blocs(c);
	json_balance(c);
	if (c->p != NULL) {
		json_periods(c);
	}
	fputs("\n}\n", c->fp);
}

/* -- CSV ----------------------------------------------------------------- */

static void csv_actors(ctx *c)
{
	size_t i, k;

	fputs("code,name", c->fp);
	for (k = 0; k < N_ACTOR_COLUMNS; k++) {
		fprintf(c->fp, ",%s", actor_columns[k].name);
	}
	fputs(",ally,rival\r\n", c->fp);
	for (i = 0; i < ent_graph_actor_count(c->g); i++) {
		const ent_actor_metrics *am = ent_metrics_actor(c->m, i);
		ent__report_csv_field(c->fp, code_of(c, i));
		fputc(',', c->fp);
		ent__report_csv_field(c->fp, name_of(c, i));
		for (k = 0; k < N_ACTOR_COLUMNS; k++) {
			fputc(',', c->fp);
			put_actor_value(c->fp, am, &actor_columns[k]);
		}
		fputc(',', c->fp);
		ent__report_csv_field(c->fp, code_or_empty(c, am->ally));
		fputc(',', c->fp);
		ent__report_csv_field(c->fp, code_or_empty(c, am->rival));
		fputs("\r\n", c->fp);
	}
}

static void csv_dyads(ctx *c)
{
	size_t i;
	char b[4][32], f[11], l[11];

	fputs("source,target,events,coop_events,conflict_events,goldstein_sum,"
	      "goldstein_mean,cooperation,conflict,first,last\r\n",
		c->fp);
	for (i = 0; i < ent_graph_dyad_count(c->g); i++) {
		const ent_dyad *d = ent_graph_dyad(c->g, i);
		ent_date_format(d->first, f);
		ent_date_format(d->last, l);
		ent__report_csv_field(c->fp, d->source);
		fputc(',', c->fp);
		ent__report_csv_field(c->fp, d->target);
		fprintf(c->fp, ",%lld,%lld,%lld,%s,%s,%s,%s,%s,%s\r\n",
			(long long)d->events, (long long)d->coop_events,
			(long long)d->conflict_events,
			ent__report_num(b[0], d->goldstein_sum, 3),
			ent__report_num(b[1], d->goldstein_mean, 6),
			ent__report_num(b[2], d->cooperation, 3),
			ent__report_num(b[3], d->conflict, 3), f, l);
	}
}

static void csv_relation_values(FILE *fp, int64_t events, double coop,
	double confl, double net, int sign)
{
	char b[3][32];

	fprintf(fp, ",%lld,%s,%s,%s,%d\r\n", (long long)events,
		ent__report_num(b[0], coop, 3), ent__report_num(b[1], confl, 3),
		ent__report_num(b[2], net, 3), sign);
}

static void csv_relations(ctx *c)
{
	size_t i;

	fputs("a,b,events,cooperation,conflict,net,sign\r\n", c->fp);
	for (i = 0; i < ent_graph_relation_count(c->g); i++) {
		const ent_relation *r = ent_graph_relation(c->g, i);
		ent__report_csv_field(c->fp, code_of(c, r->a));
		fputc(',', c->fp);
		ent__report_csv_field(c->fp, code_of(c, r->b));
		csv_relation_values(c->fp, r->events, r->cooperation,
			r->conflict, r->net, r->sign);
	}
}

static void csv_blocs(ctx *c)
{
	size_t k, j;
	char b[5][32];

	fputs("bloc,size,members,cooperation,conflict,cohesion,density,"
	      "external_conflict\r\n",
		c->fp);
	for (k = 0; k < ent_metrics_bloc_count(c->m); k++) {
		const ent_bloc *bl = ent_metrics_bloc(c->m, k);
		fprintf(c->fp, "%zu,%zu,", k + 1, bl->size);
		/* members joined by spaces: codes hold no space */
		for (j = 0; j < bl->size; j++) {
			fputs(j ? " " : "", c->fp);
			ent__report_csv_field(
				c->fp, code_of(c, bl->members[j]));
		}
		fprintf(c->fp, ",%s,%s,%s,%s,%s\r\n",
			ent__report_num(b[0], bl->cooperation, 3),
			ent__report_num(b[1], bl->conflict, 3),
			ent__report_num(b[2], bl->cohesion, 9),
			ent__report_num(b[3], bl->density, 9),
			ent__report_num(b[4], bl->external_conflict, 3));
	}
}

/* The time series: one row per period and relation, periods in date
 * order, relations in code order. */
static void csv_periods(ctx *c)
{
	size_t i, j;

	fputs("period,a,b,events,cooperation,conflict,net,sign\r\n", c->fp);
	for (i = 0; i < ent_periods_count(c->p); i++) {
		const ent_period_summary *s = ent_periods_summary(c->p, i);
		for (j = 0; j < ent_periods_relation_count(c->p, i); j++) {
			const ent_period_relation *r =
				ent_periods_relation(c->p, i, j);
			ent__report_csv_field(c->fp, s->label);
			fputc(',', c->fp);
			ent__report_csv_field(c->fp, r->a);
			fputc(',', c->fp);
			ent__report_csv_field(c->fp, r->b);
			csv_relation_values(c->fp, r->events, r->cooperation,
				r->conflict, r->net, r->sign);
		}
	}
}

/* -- text and Markdown --------------------------------------------------- */

static void summary(ctx *c, int md)
{
	const ent_dataset_stats *st = ent_dataset_stats_get(c->ds);
	size_t i, n_pos = 0, n_neg = 0;
	char first[11], last[11];
	int64_t left_out = st->filtered + st->non_state + st->self;

	for (i = 0; i < ent_graph_relation_count(c->g); i++) {
		int s = ent_graph_relation(c->g, i)->sign;
		n_pos += s > 0;
		n_neg += s < 0;
	}
	ent_date_format(st->first, first);
	ent_date_format(st->last, last);
	fprintf(c->fp, "%zu input%s: %lld events kept, %lld left out",
		ent_dataset_input_count(c->ds),
		ent_dataset_input_count(c->ds) == 1 ? "" : "s",
		(long long)st->kept, (long long)left_out);
	if (left_out > 0) {
		fprintf(c->fp,
			" (%lld filtered, %lld non-state, %lld within one "
			"actor)",
			(long long)st->filtered, (long long)st->non_state,
			(long long)st->self);
	}
	if (st->dyad_rows > 0) {
		fprintf(c->fp, ", %lld dyad rows", (long long)st->dyad_rows);
	}
	if (st->skipped_rows > 0) {
		fprintf(c->fp, ", %lld broken rows skipped",
			(long long)st->skipped_rows);
	}
	if (st->first) {
		fprintf(c->fp, "; %s to %s", first, last);
	}
	fprintf(c->fp,
		"%s%zu actors, %zu directed dyads, %zu relations "
		"(%zu alliance, %zu tension), %zu bloc%s\n",
		md ? "  \n" : "\n", ent_graph_actor_count(c->g),
		ent_graph_dyad_count(c->g), ent_graph_relation_count(c->g),
		n_pos, n_neg, ent_metrics_bloc_count(c->m),
		ent_metrics_bloc_count(c->m) == 1 ? "" : "s");
}

/* A section heading. */
static void heading(ctx *c, int md, const char *fmt, ...) ENT__PRINTF(3, 4);

static void heading(ctx *c, int md, const char *fmt, ...)
{
	va_list ap;

	fputs(md ? "\n## " : "\n", c->fp);
	va_start(ap, fmt);
	vfprintf(c->fp, fmt, ap);
	va_end(ap);
	fputs(md ? "\n\n" : "\n", c->fp);
}

/* One table row: cells[0..n), text widths w (negative = left aligned). */
static void row(
	ctx *c, int md, size_t n, const char *const *cells, const int *w)
{
	size_t i;

	if (md) {
		fputs("|", c->fp);
		for (i = 0; i < n; i++) {
			fputc(' ', c->fp);
			ent__report_md_cell(c->fp, cells[i]);
			fputs(" |", c->fp);
		}
		fputc('\n', c->fp);
		return;
	}
	fputs(" ", c->fp);
	for (i = 0; i < n; i++) {
		int width = w[i] < 0 ? -w[i] : w[i];
		if (w[i] < 0 && i + 1 == n) {
			fprintf(c->fp, " %.*s", width,
				cells[i]); /* no trailing pad */
		} else if (w[i] < 0) {
			fprintf(c->fp, " %-*.*s", width, width, cells[i]);
		} else {
			fprintf(c->fp, " %*s", width, cells[i]);
		}
	}
	fputc('\n', c->fp);
}

/* The header row, and the Markdown alignment row. */
static void header(
	ctx *c, int md, size_t n, const char *const *cells, const int *w)
{
	size_t i;

	row(c, md, n, cells, w);
	if (md) {
		fputs("|", c->fp);
		for (i = 0; i < n; i++) {
			fputs(w[i] < 0 ? "---|" : "---:|", c->fp);
		}
		fputc('\n', c->fp);
	}
}

static ranked *actors_by_pagerank(ctx *c)
{
	size_t i, n = ent_graph_actor_count(c->g);
	ranked *r = malloc((n + 1) * sizeof(*r));

	if (r == NULL) {
		return NULL;
	}
	for (i = 0; i < n; i++) {
		r[i].key = ent_metrics_actor(c->m, i)->pagerank;
		r[i].idx = i;
	}
	qsort(r, n, sizeof(*r), cmp_ranked);
	return r;
}

static ent_status text_actors(ctx *c, int md)
{
	static const char *const h1[] = {"#", "actor", "name", "bloc",
		"pagerank", "betweenness", "harmonic", "eigenvector", "hub",
		"authority"};
	static const int w1[] = {3, -6, -20, 4, 8, 11, 9, 11, 6, 9};
	static const char *const h2[] = {"#", "actor", "cooperation",
		"conflict", "net", "allies", "rivals", "PN", "tension",
		"top ally", "top rival"};
	static const int w2[] = {3, -6, 11, 9, 9, 6, 6, 6, 7, -8, -9};
	size_t i, n = ent_graph_actor_count(c->g), k = n < c->top ? n : c->top;
	ranked *r = actors_by_pagerank(c);
	char b[10][32];
	const char *cells[11];

	if (r == NULL) {
		return ENT_ENOMEM;
	}
	heading(c, md, "Top actors by PageRank (%zu of %zu)", k, n);
	if (ent_metrics_path_sources(c->m) > 0) {
		fprintf(c->fp, "%sbetweenness and harmonic: estimates from %zu "
			"sampled sources (Brandes & Pich 2007)\n\n",
			md ? "" : "  ", ent_metrics_path_sources(c->m));
	}
	header(c, md, 10, h1, w1);
	for (i = 0; i < k; i++) {
		const ent_actor_metrics *am = ent_metrics_actor(c->m, r[i].idx);
		snprintf(b[0], 32, "%zu", i + 1);
		snprintf(b[1], 32, "%zu", am->bloc);
		snprintf(b[2], 32, "%.4f", am->pagerank);
		snprintf(b[3], 32, "%.2f", am->betweenness);
		snprintf(b[4], 32, "%.3f", am->harmonic);
		snprintf(b[5], 32, "%.3f", am->eigenvector);
		snprintf(b[6], 32, "%.3f", am->hub);
		snprintf(b[7], 32, "%.3f", am->authority);
		cells[0] = b[0];
		cells[1] = code_of(c, r[i].idx);
		cells[2] = name_of(c, r[i].idx);
		cells[3] = b[1];
		for (size_t j = 4; j < 10; j++) {
			cells[j] = b[j - 2];
		}
		row(c, md, 10, cells, w1);
	}
	heading(c, md,
		"Stance of the top actors: weight, signed ties, "
		"PN index, tension share, strongest ties");
	header(c, md, 11, h2, w2);
	for (i = 0; i < k; i++) {
		const ent_actor_metrics *am = ent_metrics_actor(c->m, r[i].idx);
		snprintf(b[0], 32, "%zu", i + 1);
		snprintf(b[1], 32, "%.1f",
			am->cooperation_out + am->cooperation_in);
		snprintf(b[2], 32, "%.1f", am->conflict_out + am->conflict_in);
		snprintf(b[3], 32, "%+.1f", am->net);
		snprintf(b[4], 32, "%lld", (long long)am->positive_degree);
		snprintf(b[5], 32, "%lld", (long long)am->negative_degree);
		snprintf(b[6], 32, "%.3f", am->pn);
		snprintf(b[7], 32, "%.0f%%", 100 * am->tension_share);
		cells[0] = b[0];
		cells[1] = code_of(c, r[i].idx);
		for (size_t j = 2; j < 9; j++) {
			cells[j] = b[j - 1];
		}
		cells[9] = am->ally == (size_t)-1 ? "-" : code_of(c, am->ally);
		cells[10] =
			am->rival == (size_t)-1 ? "-" : code_of(c, am->rival);
		row(c, md, 11, cells, w2);
	}
	free(r);
	return ENT_OK;
}

static ent_status text_relations(ctx *c, int md)
{
	static const char *const h[] = {"#", "relation", "blocs", "events",
		"cooperation", "conflict", "net"};
	static const int w[] = {3, -33, -6, 7, 11, 9, 9};
	size_t nr = ent_graph_relation_count(c->g), i, k, cnt;
	ranked *r = malloc((nr + 1) * sizeof(*r));
	char b[7][64];
	const char *cells[7];
	int sign;

	if (r == NULL) {
		return ENT_ENOMEM;
	}
	for (sign = 1; sign >= -1; sign -= 2) {
		cnt = 0;
		for (i = 0; i < nr; i++) {
			const ent_relation *rel = ent_graph_relation(c->g, i);
			if (rel->sign == sign) {
				r[cnt].key =
					rel->net < 0 ? -rel->net : rel->net;
				r[cnt++].idx = i;
			}
		}
		qsort(r, cnt, sizeof(*r), cmp_ranked);
		k = cnt < c->top ? cnt : c->top;
		heading(c, md, "Strongest %s (%zu of %zu)",
			sign > 0 ? "alliances" : "tensions", k, cnt);
		header(c, md, 7, h, w);
		for (i = 0; i < k; i++) {
			const ent_relation *rel =
				ent_graph_relation(c->g, r[i].idx);
			size_t ba = ent_metrics_actor(c->m, rel->a)->bloc;
			size_t bb = ent_metrics_actor(c->m, rel->b)->bloc;
			snprintf(b[0], 64, "%zu", i + 1);
			snprintf(b[1], 64, "%s - %s", name_of(c, rel->a),
				name_of(c, rel->b));
			if (ba == bb) {
				snprintf(b[2], 64, "%zu", ba);
			} else {
				snprintf(b[2], 64, "%zu/%zu", ba, bb);
			}
			snprintf(b[3], 64, "%lld", (long long)rel->events);
			snprintf(b[4], 64, "%.1f", rel->cooperation);
			snprintf(b[5], 64, "%.1f", rel->conflict);
			snprintf(b[6], 64, "%+.1f", rel->net);
			for (size_t j = 0; j < 7; j++) {
				cells[j] = b[j];
			}
			row(c, md, 7, cells, w);
		}
	}
	free(r);
	return ENT_OK;
}

static void text_blocs(ctx *c, int md)
{
	static const char *const h[] = {"bloc", "size", "cohesion", "density",
		"cooperation", "conflict", "ext.conflict", "members"};
	static const int w[] = {4, 4, 8, 7, 11, 8, 12, -40};
	size_t k, j, n = ent_metrics_bloc_count(c->m), shown = 0;
	char b[7][32], members[512];
	const char *cells[8];

	for (k = 0; k < n; k++) {
		shown += ent_metrics_bloc(c->m, k)->size > 1 || k < c->top;
	}
	shown = shown < c->top ? shown : c->top;
	shown = shown < n ? shown : n;
	heading(c, md, "Blocs (spinglass with negative links; %zu of %zu)",
		shown, n);
	header(c, md, 8, h, w);
	for (k = 0; k < shown; k++) {
		const ent_bloc *bl = ent_metrics_bloc(c->m, k);
		size_t len = 0;
		members[0] = '\0';
		for (j = 0; j < bl->size && len + 24 < sizeof(members); j++) {
			len += (size_t)snprintf(members + len,
				sizeof(members) - len, "%s%s", j ? ", " : "",
				code_of(c, bl->members[j]));
		}
		if (j < bl->size) {
			snprintf(members + len, sizeof(members) - len,
				", ... (%zu more)", bl->size - j);
		}
		snprintf(b[0], 32, "%zu", k + 1);
		snprintf(b[1], 32, "%zu", bl->size);
		snprintf(b[2], 32, "%.3f", bl->cohesion);
		snprintf(b[3], 32, "%.3f", bl->density);
		snprintf(b[4], 32, "%.1f", bl->cooperation);
		snprintf(b[5], 32, "%.1f", bl->conflict);
		snprintf(b[6], 32, "%.1f", bl->external_conflict);
		for (j = 0; j < 7; j++) {
			cells[j] = b[j];
		}
		cells[7] = members;
		row(c, md, 8, cells, w);
	}
}

static void text_balance(ctx *c, int md)
{
	static const char *const h[] = {"#", "triangle", "weight"};
	static const int w[] = {3, -40, 12};
	const ent_balance *bal = ent_metrics_balance(c->m);
	const ent_tension *t = ent_metrics_tension(c->m);
	size_t i, n = ent_metrics_unbalanced_count(c->m);
	size_t k = n < c->top ? n : c->top;
	const char *item = md ? "- " : "  ";
	char b[3][96];
	const char *cells[3];

	heading(c, md, "Structural balance");
	fprintf(c->fp,
		"%striangle index %.3f (%lld of %lld triangles "
		"balanced), weighted %.3f\n",
		item, bal->triangle_index, (long long)bal->balanced,
		(long long)bal->triangles, bal->weighted_triangle_index);
	fprintf(c->fp,
		"%sbloc frustration %lld of %lld signed ties "
		"(weight %.1f)\n",
		item, (long long)bal->bloc_frustration,
		(long long)bal->signed_ties, bal->bloc_frustration_weight);
	fprintf(c->fp,
		"%stwo-group frustration at most %lld (weight %.1f); "
		"Aref-Wilson normalised balance at least %.3f\n",
		item, (long long)bal->frustration, bal->frustration_weight,
		bal->normalised_balance);
	fprintf(c->fp,
		"%sconflict between blocs %.1f of %.1f (%.0f%%); "
		"cooperation within blocs %.1f of %.1f (%.0f%%)\n",
		item, t->conflict_between_blocs, t->conflict,
		100 * t->between_share, t->cooperation_within_blocs,
		t->cooperation, 100 * t->within_share);
	if (n == 0) {
		return;
	}
	heading(c, md, "Heaviest unbalanced triangles (%zu of %lld)", k,
		(long long)bal->unbalanced);
	header(c, md, 3, h, w);
	for (i = 0; i < k; i++) {
		const ent_triangle *tr = ent_metrics_unbalanced(c->m, i);
		snprintf(b[0], sizeof(b[0]), "%zu", i + 1);
		snprintf(b[1], sizeof(b[1]), "%s - %s - %s", code_of(c, tr->a),
			code_of(c, tr->b), code_of(c, tr->c));
		snprintf(b[2], sizeof(b[2]), "%.1f", tr->weight);
		cells[0] = b[0];
		cells[1] = b[1];
		cells[2] = b[2];
		row(c, md, 3, cells, w);
	}
}

/* A change of one relation's net weight from period i - 1 to period i. */
typedef struct change {
	size_t period; /* i */
	const char *a, *b;
	double before, after;
	int had, has; /* events in period i - 1 / i */
} change;

static int cmp_change(const void *x, const void *y)
{
	const change *p = x, *q = y;
	double dp = p->after - p->before, dq = q->after - q->before;
	int r;

	dp = dp < 0 ? -dp : dp;
	dq = dq < 0 ? -dq : dq;
	if (dp != dq) {
		return dp > dq ? -1 : 1;
	}
	if (p->period != q->period) {
		return p->period < q->period ? -1 : 1;
	}
	r = strcmp(p->a, q->a);
	return r ? r : strcmp(p->b, q->b);
}

static void net_or_dash(char buf[48], int present, double net)
{
	if (present) {
		snprintf(buf, 48, "%+.1f", net);
	} else {
		strcpy(buf, "-");
	}
}

static int cmp_pair(const ent_period_relation *x, const ent_period_relation *y)
{
	int r = strcmp(x->a, y->a);

	return r ? r : strcmp(x->b, y->b);
}

/* Every change between consecutive periods (a relation absent from a
 * period has net 0 there), by merging the two periods' relation lists,
 * which are in code order. */
static ent_status period_changes(ctx *c, change **out, size_t *n_out)
{
	size_t i, x, y, nx, ny, n = 0, cap = 0;
	change *list = NULL, *grown;

	*out = NULL;
	*n_out = 0;
	for (i = 1; i < ent_periods_count(c->p); i++) {
		nx = ent_periods_relation_count(c->p, i - 1);
		ny = ent_periods_relation_count(c->p, i);
		x = y = 0;
		while (x < nx || y < ny) {
			const ent_period_relation *rx = x < nx
				? ent_periods_relation(c->p, i - 1, x)
				: NULL;
			const ent_period_relation *ry = y < ny
				? ent_periods_relation(c->p, i, y)
				: NULL;
			int cmp = !rx ? 1 : !ry ? -1 : cmp_pair(rx, ry);
			change ch;
			ch.period = i;
			ch.a = cmp <= 0 ? rx->a : ry->a;
			ch.b = cmp <= 0 ? rx->b : ry->b;
			ch.before = cmp <= 0 ? rx->net : 0;
			ch.after = cmp >= 0 ? ry->net : 0;
			ch.had = cmp <= 0;
			ch.has = cmp >= 0;
			x += cmp <= 0;
			y += cmp >= 0;
			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				grown = realloc(list, cap * sizeof(*list));
				if (grown == NULL) {
					free(list);
					return ENT_ENOMEM;
				}
				list = grown;
			}
			list[n++] = ch;
		}
	}
	if (n > 1) {
		qsort(list, n, sizeof(*list), cmp_change);
	}
	*out = list;
	*n_out = n;
	return ENT_OK;
}

static ent_status text_periods(ctx *c, int md)
{
	static const char *const h[] = {"period", "events", "actors",
		"alliances", "tensions", "cooperation", "conflict", "net",
		"balance"};
	static const int w[] = {-8, 7, 6, 9, 8, 11, 9, 9, 7};
	static const char *const hc[] = {"#", "relation", "from", "to",
		"net before", "net after", "change"};
	static const int wc[] = {3, -15, -8, -8, 10, 9, 9};
	size_t i, j, n = ent_periods_count(c->p), n_ch = 0, k;
	change *ch = NULL;
	char b[9][48];
	const char *cells[9];
	ent_status st;

	heading(c, md, "Periods by %s (%zu)", unit_name(ent_periods_unit(c->p)),
		n);
	header(c, md, 9, h, w);
	for (i = 0; i < n; i++) {
		const ent_period_summary *s = ent_periods_summary(c->p, i);
		snprintf(b[0], 48, "%s", s->label);
		snprintf(b[1], 48, "%lld", (long long)s->events);
		snprintf(b[2], 48, "%zu", s->actors);
		snprintf(b[3], 48, "%zu", s->alliances);
		snprintf(b[4], 48, "%zu", s->tensions);
		snprintf(b[5], 48, "%.1f", s->cooperation);
		snprintf(b[6], 48, "%.1f", s->conflict);
		snprintf(b[7], 48, "%+.1f", s->net);
		if (s->triangles > 0) {
			snprintf(b[8], 48, "%.3f", s->triangle_index);
		} else {
			snprintf(b[8], 48, "-");
		}
		for (j = 0; j < 9; j++) {
			cells[j] = b[j];
		}
		row(c, md, 9, cells, w);
	}
	st = period_changes(c, &ch, &n_ch);
	if (st != ENT_OK) {
		return st;
	}
	k = n_ch < c->top ? n_ch : c->top;
	if (k > 0) {
		heading(c, md,
			"Largest changes from one period to the next "
			"(%zu of %zu)",
			k, n_ch);
		header(c, md, 7, hc, wc);
	}
	for (i = 0; i < k; i++) {
		snprintf(b[0], 48, "%zu", i + 1);
		snprintf(b[1], 48, "%s - %s", ch[i].a, ch[i].b);
		snprintf(b[2], 48, "%s",
			ent_periods_summary(c->p, ch[i].period - 1)->label);
		snprintf(b[3], 48, "%s",
			ent_periods_summary(c->p, ch[i].period)->label);
		/* "-": no events that period, counted as net 0 */
		net_or_dash(b[4], ch[i].had, ch[i].before);
		net_or_dash(b[5], ch[i].has, ch[i].after);
		snprintf(b[6], 48, "%+.1f", ch[i].after - ch[i].before);
		for (j = 0; j < 7; j++) {
			cells[j] = b[j];
		}
		row(c, md, 7, cells, wc);
	}
	free(ch);
	return ENT_OK;
}

static ent_status write_text(ctx *c, int md)
{
	ent_status st;

	if (md) {
		fputs("# entente analysis\n\n", c->fp);
		if (c->opts->diagram) {
			fputs("![relationship diagram](", c->fp);
			fputs(c->opts->diagram, c->fp);
			fputs(")\n\n", c->fp);
		}
	}
	summary(c, md);
	if ((st = text_actors(c, md)) != ENT_OK ||
		(st = text_relations(c, md)) != ENT_OK) {
		return st;
	}
	text_blocs(c, md);
	text_balance(c, md);
	if (c->p != NULL && (st = text_periods(c, md)) != ENT_OK) {
		return st;
	}
	return ENT_OK;
}

ent_status ent_report_write(FILE *fp, const ent_dataset *ds, const ent_graph *g,
	const ent_metrics *m, const ent_report_options *opts, ent_error *err)
{
	ent_report_options defaults = ENT_REPORT_OPTIONS_INIT;
	const char *table;
	ent_status st = ENT_OK;
	ctx c;

	if (fp == NULL || ds == NULL || g == NULL || m == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_report_write: NULL argument");
	}
	c.fp = fp;
	c.ds = ds;
	c.g = g;
	c.m = m;
	c.opts = opts ? opts : &defaults;
	c.p = c.opts->periods;
	c.top = c.opts->top ? c.opts->top : 10;
	switch (c.opts->format) {
	case ENT_REPORT_JSON:
		write_json(&c);
		break;
	case ENT_REPORT_CSV:
		table = c.opts->table ? c.opts->table
			: c.p         ? "periods"
				      : "actors";
		if (strcmp(table, "actors") == 0) {
			csv_actors(&c);
		} else if (strcmp(table, "dyads") == 0) {
			csv_dyads(&c);
		} else if (strcmp(table, "relations") == 0) {
			csv_relations(&c);
		} else if (strcmp(table, "blocs") == 0) {
			csv_blocs(&c);
		} else if (strcmp(table, "periods") == 0 && c.p != NULL) {
			csv_periods(&c);
		} else if (strcmp(table, "periods") == 0) {
			return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
				"the periods table needs --by "
				"week|month|quarter|year");
		} else {
			return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
				"unknown table \"%s\" (actors, dyads, "
				"relations, blocs, "
				"periods)",
				table);
		}
		break;
	case ENT_REPORT_MARKDOWN:
		st = write_text(&c, 1);
		break;
	default:
		st = write_text(&c, 0);
		break;
	}
	if (st != ENT_OK) {
		return ent__error_set(
			err, st, NULL, 0, 0, "%s", ent_strerror(st));
	}
	if (ferror(fp)) {
		return ent__error_set(
			err, ENT_EIO, NULL, 0, 0, "cannot write the report");
	}
	return ENT_OK;
}
