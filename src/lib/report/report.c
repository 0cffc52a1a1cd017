/* SPDX-License-Identifier: MIT */
/*
 * The analysis report in four formats. Every number is formatted with a
 * fixed precision so the same input gives byte-identical output.
 */
#include <math.h>
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
		case '"': fputs("\\\"", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\t': fputs("\\t", fp); break;
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
	if (strpbrk(s, ",\"\r\n") == NULL && strchr("=+-@", s[0]) == NULL) {
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

/* -- sections ------------------------------------------------------------ */

typedef struct ctx {
	FILE *fp;
	const ent_dataset *ds;
	const ent_graph *g;
	const ent_metrics *m;
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
	case ENT_WEIGHT_MENTIONS: return "mentions";
	case ENT_WEIGHT_SOURCES: return "sources";
	case ENT_WEIGHT_ARTICLES: return "articles";
	default: return "events";
	}
}

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
		ent__report_json_string(c->fp, ent_dataset_input_name(c->ds, i));
		fputs(", \"format\": ", c->fp);
		ent__report_json_string(c->fp, ent_dataset_input_format(c->ds, i));
		fputc('}', c->fp);
	}
	fprintf(c->fp, "],\n    \"level\": \"%s\", \"weight\": \"%s\",\n",
		level_name(o->level), weight_name(o->weight));
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

static void json_actors(ctx *c)
{
	size_t i, n = ent_graph_actor_count(c->g);
	char b[10][32];

	fputs("  \"actors\": [", c->fp);
	for (i = 0; i < n; i++) {
		const ent_actor *a = ent_graph_actor(c->g, i);
		const ent_actor_metrics *am = ent_metrics_actor(c->m, i);
		fputs(i ? ",\n    {" : "\n    {", c->fp);
		fputs("\"code\": ", c->fp);
		ent__report_json_string(c->fp, a->code);
		fputs(", \"name\": ", c->fp);
		ent__report_json_string(c->fp, a->name);
		fprintf(c->fp,
			", \"events_out\": %lld, \"events_in\": %lld, "
			"\"cooperation_out\": %s, \"cooperation_in\": %s, "
			"\"conflict_out\": %s, \"conflict_in\": %s, \"degree\": %lld, "
			"\"pagerank\": %s, \"betweenness\": %s}",
			(long long)am->events_out, (long long)am->events_in,
			ent__report_num(b[0], am->cooperation_out, 3),
			ent__report_num(b[1], am->cooperation_in, 3),
			ent__report_num(b[2], am->conflict_out, 3),
			ent__report_num(b[3], am->conflict_in, 3),
			(long long)am->degree,
			ent__report_num(b[4], am->pagerank, 9),
			ent__report_num(b[5], am->betweenness, 9));
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
			"\"goldstein_mean\": %s, \"cooperation\": %s, \"conflict\": %s",
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

static void json_relations(ctx *c)
{
	size_t i, n = ent_graph_relation_count(c->g);
	char b[3][32];

	fputs("  \"relations\": [", c->fp);
	for (i = 0; i < n; i++) {
		const ent_relation *r = ent_graph_relation(c->g, i);
		fputs(i ? ",\n    {" : "\n    {", c->fp);
		fputs("\"a\": ", c->fp);
		ent__report_json_string(c->fp, ent_graph_actor(c->g, r->a)->code);
		fputs(", \"b\": ", c->fp);
		ent__report_json_string(c->fp, ent_graph_actor(c->g, r->b)->code);
		fprintf(c->fp,
			", \"events\": %lld, \"cooperation\": %s, \"conflict\": %s, "
			"\"net\": %s, \"sign\": %d}",
			(long long)r->events,
			ent__report_num(b[0], r->cooperation, 3),
			ent__report_num(b[1], r->conflict, 3),
			ent__report_num(b[2], r->net, 3), r->sign);
	}
	fputs(n ? "\n  ]\n" : "]\n", c->fp);
}

static void write_json(ctx *c)
{
	fputs("{\n  \"entente\": \"report/1\",\n", c->fp);
	json_input(c);
	json_actors(c);
	json_dyads(c);
	json_relations(c);
	fputs("}\n", c->fp);
}

/* -- CSV ----------------------------------------------------------------- */

static void csv_actors(ctx *c)
{
	size_t i;
	char b[6][32];

	fputs("code,name,events_out,events_in,cooperation_out,cooperation_in,"
	      "conflict_out,conflict_in,degree,pagerank,betweenness\r\n", c->fp);
	for (i = 0; i < ent_graph_actor_count(c->g); i++) {
		const ent_actor *a = ent_graph_actor(c->g, i);
		const ent_actor_metrics *am = ent_metrics_actor(c->m, i);
		ent__report_csv_field(c->fp, a->code);
		fputc(',', c->fp);
		ent__report_csv_field(c->fp, a->name);
		fprintf(c->fp, ",%lld,%lld,%s,%s,%s,%s,%lld,%s,%s\r\n",
			(long long)am->events_out, (long long)am->events_in,
			ent__report_num(b[0], am->cooperation_out, 3),
			ent__report_num(b[1], am->cooperation_in, 3),
			ent__report_num(b[2], am->conflict_out, 3),
			ent__report_num(b[3], am->conflict_in, 3),
			(long long)am->degree,
			ent__report_num(b[4], am->pagerank, 9),
			ent__report_num(b[5], am->betweenness, 9));
	}
}

static void csv_dyads(ctx *c)
{
	size_t i;
	char b[4][32], f[11], l[11];

	fputs("source,target,events,coop_events,conflict_events,goldstein_sum,"
	      "goldstein_mean,cooperation,conflict,first,last\r\n", c->fp);
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

static void csv_relations(ctx *c)
{
	size_t i;
	char b[3][32];

	fputs("a,b,events,cooperation,conflict,net,sign\r\n", c->fp);
	for (i = 0; i < ent_graph_relation_count(c->g); i++) {
		const ent_relation *r = ent_graph_relation(c->g, i);
		ent__report_csv_field(c->fp, ent_graph_actor(c->g, r->a)->code);
		fputc(',', c->fp);
		ent__report_csv_field(c->fp, ent_graph_actor(c->g, r->b)->code);
		fprintf(c->fp, ",%lld,%s,%s,%s,%d\r\n", (long long)r->events,
			ent__report_num(b[0], r->cooperation, 3),
			ent__report_num(b[1], r->conflict, 3),
			ent__report_num(b[2], r->net, 3), r->sign);
	}
}

/* -- text and Markdown --------------------------------------------------- */

/* Actor indices ranked by PageRank, then code. */
static const ent_metrics *rank_m;

static int cmp_pagerank(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	double px = ent_metrics_actor(rank_m, x)->pagerank;
	double py = ent_metrics_actor(rank_m, y)->pagerank;

	if (px != py) {
		return px > py ? -1 : 1;
	}
	return x < y ? -1 : (x > y);
}

static const ent_graph *rel_g;

/* Relations by |net| descending, then by index. */
static int cmp_net(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	double nx = fabs(ent_graph_relation(rel_g, x)->net);
	double ny = fabs(ent_graph_relation(rel_g, y)->net);

	if (nx != ny) {
		return nx > ny ? -1 : 1;
	}
	return x < y ? -1 : (x > y);
}

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
	fprintf(c->fp, "%s%zu input%s: %lld events kept, %lld left out",
		md ? "" : "", ent_dataset_input_count(c->ds),
		ent_dataset_input_count(c->ds) == 1 ? "" : "s",
		(long long)st->kept, (long long)left_out);
	if (left_out > 0) {
		fprintf(c->fp, " (%lld filtered, %lld non-state, %lld within one actor)",
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
	fprintf(c->fp, "%s%zu actors, %zu directed dyads, %zu relations "
		"(%zu alliance, %zu tension)\n", md ? "  \n" : "\n",
		ent_graph_actor_count(c->g), ent_graph_dyad_count(c->g),
		ent_graph_relation_count(c->g), n_pos, n_neg);
}

static void write_text(ctx *c, int md)
{
	size_t n = ent_graph_actor_count(c->g), r = ent_graph_relation_count(c->g);
	size_t *order = malloc((n + r + 1) * sizeof(*order));
	size_t i, k;
	char b[8][32];

	if (order == NULL) {
		return;
	}
	if (md) {
		fputs("# entente analysis\n\n", c->fp);
		if (c->opts->diagram) {
			fputs("![relationship diagram](", c->fp);
			fputs(c->opts->diagram, c->fp);
			fputs(")\n\n", c->fp);
		}
	}
	summary(c, md);

	for (i = 0; i < n; i++) {
		order[i] = i;
	}
	rank_m = c->m;
	qsort(order, n, sizeof(*order), cmp_pagerank);
	k = n < c->top ? n : c->top;
	if (md) {
		fprintf(c->fp, "\n## Actors by PageRank (top %zu of %zu)\n\n", k, n);
		fputs("| # | actor | name | events out | events in | cooperation out | "
		      "cooperation in | conflict out | conflict in | degree | "
		      "PageRank | betweenness |\n"
		      "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
			c->fp);
	} else {
		fprintf(c->fp, "\nActors by PageRank (top %zu of %zu)\n", k, n);
		fprintf(c->fp, "  %3s  %-6s %-22s %7s %7s %9s %9s %9s %9s %6s %8s %11s\n",
			"#", "actor", "name", "ev.out", "ev.in", "coop.out",
			"coop.in", "confl.out", "confl.in", "degree", "pagerank",
			"betweenness");
	}
	for (i = 0; i < k; i++) {
		const ent_actor *a = ent_graph_actor(c->g, order[i]);
		const ent_actor_metrics *am = ent_metrics_actor(c->m, order[i]);
		snprintf(b[0], 32, "%.1f", am->cooperation_out);
		snprintf(b[1], 32, "%.1f", am->cooperation_in);
		snprintf(b[2], 32, "%.1f", am->conflict_out);
		snprintf(b[3], 32, "%.1f", am->conflict_in);
		snprintf(b[4], 32, "%.4f", am->pagerank);
		snprintf(b[5], 32, "%.2f", am->betweenness);
		if (md) {
			fprintf(c->fp, "| %zu | ", i + 1);
			ent__report_md_cell(c->fp, a->code);
			fputs(" | ", c->fp);
			ent__report_md_cell(c->fp, a->name);
			fprintf(c->fp, " | %lld | %lld | %s | %s | %s | %s | %lld | %s | %s |\n",
				(long long)am->events_out, (long long)am->events_in,
				b[0], b[1], b[2], b[3], (long long)am->degree,
				b[4], b[5]);
		} else {
			fprintf(c->fp, "  %3zu  %-6.15s %-22.22s %7lld %7lld %9s %9s %9s %9s %6lld %8s %11s\n",
				i + 1, a->code, a->name, (long long)am->events_out,
				(long long)am->events_in, b[0], b[1], b[2], b[3],
				(long long)am->degree, b[4], b[5]);
		}
	}

	/* strongest relations, alliances and tensions separately */
	for (int sign = 1; sign >= -1; sign -= 2) {
		size_t m = 0;
		for (i = 0; i < r; i++) {
			if (ent_graph_relation(c->g, i)->sign == sign) {
				order[m++] = i;
			}
		}
		rel_g = c->g;
		qsort(order, m, sizeof(*order), cmp_net);
		k = m < c->top ? m : c->top;
		if (md) {
			fprintf(c->fp, "\n## Strongest %s (top %zu of %zu)\n\n",
				sign > 0 ? "alliances" : "tensions", k, m);
			fputs("| # | relation | events | cooperation | conflict | net |\n"
			      "|---:|---|---:|---:|---:|---:|\n", c->fp);
		} else {
			fprintf(c->fp, "\nStrongest %s (top %zu of %zu)\n",
				sign > 0 ? "alliances" : "tensions", k, m);
			fprintf(c->fp, "  %3s  %-33s %7s %11s %9s %9s\n", "#",
				"relation", "events", "cooperation", "conflict", "net");
		}
		for (i = 0; i < k; i++) {
			const ent_relation *rel = ent_graph_relation(c->g, order[i]);
			char pair[64];
			snprintf(pair, sizeof(pair), "%s - %s",
				ent_graph_actor(c->g, rel->a)->name,
				ent_graph_actor(c->g, rel->b)->name);
			snprintf(b[0], 32, "%.1f", rel->cooperation);
			snprintf(b[1], 32, "%.1f", rel->conflict);
			snprintf(b[2], 32, "%+.1f", rel->net);
			if (md) {
				fprintf(c->fp, "| %zu | ", i + 1);
				ent__report_md_cell(c->fp, pair);
				fprintf(c->fp, " | %lld | %s | %s | %s |\n",
					(long long)rel->events, b[0], b[1], b[2]);
			} else {
				fprintf(c->fp, "  %3zu  %-33.33s %7lld %11s %9s %9s\n",
					i + 1, pair, (long long)rel->events, b[0],
					b[1], b[2]);
			}
		}
	}
	free(order);
}

ent_status ent_report_write(FILE *fp, const ent_dataset *ds,
	const ent_graph *g, const ent_metrics *m, const ent_report_options *opts,
	ent_error *err)
{
	ent_report_options defaults = ENT_REPORT_OPTIONS_INIT;
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
	c.top = c.opts->top ? c.opts->top : 10;
	switch (c.opts->format) {
	case ENT_REPORT_JSON:
		write_json(&c);
		break;
	case ENT_REPORT_CSV:
		if (c.opts->table == NULL || strcmp(c.opts->table, "actors") == 0) {
			csv_actors(&c);
		} else if (strcmp(c.opts->table, "dyads") == 0) {
			csv_dyads(&c);
		} else if (strcmp(c.opts->table, "relations") == 0) {
			csv_relations(&c);
		} else {
			return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
				"unknown table \"%s\" (actors, dyads, relations)",
				c.opts->table);
		}
		break;
	case ENT_REPORT_MARKDOWN:
		write_text(&c, 1);
		break;
	default:
		write_text(&c, 0);
		break;
	}
	if (ferror(fp)) {
		return ent__error_set(err, ENT_EIO, NULL, 0, 0,
			"cannot write the report");
	}
	return ENT_OK;
}
