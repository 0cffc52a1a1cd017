/* SPDX-License-Identifier: MIT */
/*
 * The report as text tables for a terminal and as Markdown: the same
 * sections and rows, two styles.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "report/report_internal.h"

static void summary(FILE *fp, const ent__report_model *c, int md)
{
	const ent_dataset_stats *st = ent_dataset_stats_get(c->ds);
	size_t i, n_pos = 0, n_neg = 0;
	char first[11], last[11];
	int64_t left_out =
		st->filtered + st->non_state + st->self + st->negated;

	for (i = 0; i < ent_graph_relation_count(c->g); i++) {
		int s = ent_graph_relation(c->g, i)->sign;
		n_pos += s > 0;
		n_neg += s < 0;
	}
	ent_date_format(st->first, first);
	ent_date_format(st->last, last);
	fprintf(fp, "%zu input%s: %lld events kept, %lld left out",
		ent_dataset_input_count(c->ds),
		ent_dataset_input_count(c->ds) == 1 ? "" : "s",
		(long long)st->kept, (long long)left_out);
	if (left_out > 0) {
		fprintf(fp,
			" (%lld filtered, %lld non-state, %lld within one "
			"actor",
			(long long)st->filtered, (long long)st->non_state,
			(long long)st->self);
		if (st->negated > 0) {
			/* read from text as not having happened */
			fprintf(fp, ", %lld negated", (long long)st->negated);
		}
		fputc(')', fp);
	}
	if (st->dyad_rows > 0) {
		fprintf(fp, ", %lld dyad rows", (long long)st->dyad_rows);
	}
	if (st->skipped_rows > 0) {
		fprintf(fp, ", %lld broken rows skipped",
			(long long)st->skipped_rows);
	}
	if (st->first) {
		fprintf(fp, "; %s to %s", first, last);
	}
	fprintf(fp,
		"%s%zu actors, %zu directed dyads, %zu relations "
		"(%zu alliance, %zu tension), %zu bloc%s\n",
		md ? "  \n" : "\n", ent_graph_actor_count(c->g),
		ent_graph_dyad_count(c->g), ent_graph_relation_count(c->g),
		n_pos, n_neg, ent_metrics_bloc_count(c->m),
		ent_metrics_bloc_count(c->m) == 1 ? "" : "s");
}

/* A section heading. */
static void heading(FILE *fp, int md, const char *fmt, ...) ENT__PRINTF(3, 4);

static void heading(FILE *fp, int md, const char *fmt, ...)
{
	va_list ap;

	fputs(md ? "\n## " : "\n", fp);
	va_start(ap, fmt);
	vfprintf(fp, fmt, ap);
	va_end(ap);
	fputs(md ? "\n\n" : "\n", fp);
}

/* One table row: cells[0..n), text widths w (negative = left aligned). */
static void row(
	FILE *fp, int md, size_t n, const char *const *cells, const int *w)
{
	size_t i;

	if (md) {
		fputs("|", fp);
		for (i = 0; i < n; i++) {
			fputc(' ', fp);
			ent__report_md_cell(fp, cells[i]);
			fputs(" |", fp);
		}
		fputc('\n', fp);
		return;
	}
	fputs(" ", fp);
	for (i = 0; i < n; i++) {
		int width = w[i] < 0 ? -w[i] : w[i];
		if (w[i] < 0 && i + 1 == n) {
			fprintf(fp, " %.*s", width,
				cells[i]); /* no trailing pad */
		} else if (w[i] < 0) {
			fprintf(fp, " %-*.*s", width, width, cells[i]);
		} else {
			fprintf(fp, " %*s", width, cells[i]);
		}
	}
	fputc('\n', fp);
}

/* The header row, and the Markdown alignment row. */
static void header(
	FILE *fp, int md, size_t n, const char *const *cells, const int *w)
{
	size_t i;

	row(fp, md, n, cells, w);
	if (md) {
		fputs("|", fp);
		for (i = 0; i < n; i++) {
			fputs(w[i] < 0 ? "---|" : "---:|", fp);
		}
		fputc('\n', fp);
	}
}

static ent__report_ranked *actors_by_pagerank(const ent__report_model *c)
{
	size_t i, n = ent_graph_actor_count(c->g);
	ent__report_ranked *r = malloc((n + 1) * sizeof(*r));

	if (r == NULL) {
		return NULL;
	}
	for (i = 0; i < n; i++) {
		r[i].key = ent_metrics_actor(c->m, i)->pagerank;
		r[i].idx = i;
	}
	qsort(r, n, sizeof(*r), ent__report_cmp_ranked);
	return r;
}

static ent_status text_actors(FILE *fp, const ent__report_model *c, int md)
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
	ent__report_ranked *r = actors_by_pagerank(c);
	char b[10][32];
	const char *cells[11];

	if (r == NULL) {
		return ENT_ENOMEM;
	}
	heading(fp, md, "Top actors by PageRank (%zu of %zu)", k, n);
	if (ent_metrics_path_sources(c->m) > 0) {
		fprintf(fp, "%sbetweenness and harmonic: estimates from %zu "
			"sampled sources (Brandes & Pich 2007)\n\n",
			md ? "" : "  ", ent_metrics_path_sources(c->m));
	}
	header(fp, md, 10, h1, w1);
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
		cells[1] = ent__report_code_of(c, r[i].idx);
		cells[2] = ent__report_name_of(c, r[i].idx);
		cells[3] = b[1];
		for (size_t j = 4; j < 10; j++) {
			cells[j] = b[j - 2];
		}
		row(fp, md, 10, cells, w1);
	}
	heading(fp, md,
		"Stance of the top actors: weight, signed ties, "
		"PN index, tension share, strongest ties");
	header(fp, md, 11, h2, w2);
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
		cells[1] = ent__report_code_of(c, r[i].idx);
		for (size_t j = 2; j < 9; j++) {
			cells[j] = b[j - 1];
		}
		cells[9] = am->ally == (size_t)-1
			? "-"
			: ent__report_code_of(c, am->ally);
		cells[10] = am->rival == (size_t)-1
			? "-"
			: ent__report_code_of(c, am->rival);
		row(fp, md, 11, cells, w2);
	}
	free(r);
	return ENT_OK;
}

static ent_status text_relations(FILE *fp, const ent__report_model *c, int md)
{
	static const char *const h[] = {"#", "relation", "blocs", "events",
		"cooperation", "conflict", "net"};
	static const int w[] = {3, -33, -6, 7, 11, 9, 9};
	size_t nr = ent_graph_relation_count(c->g), i, k, cnt;
	ent__report_ranked *r = malloc((nr + 1) * sizeof(*r));
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
		qsort(r, cnt, sizeof(*r), ent__report_cmp_ranked);
		k = cnt < c->top ? cnt : c->top;
		heading(fp, md, "Strongest %s (%zu of %zu)",
			sign > 0 ? "alliances" : "tensions", k, cnt);
		header(fp, md, 7, h, w);
		for (i = 0; i < k; i++) {
			const ent_relation *rel =
				ent_graph_relation(c->g, r[i].idx);
			size_t ba = ent_metrics_actor(c->m, rel->a)->bloc;
			size_t bb = ent_metrics_actor(c->m, rel->b)->bloc;
			snprintf(b[0], 64, "%zu", i + 1);
			snprintf(b[1], 64, "%s - %s",
				ent__report_name_of(c, rel->a),
				ent__report_name_of(c, rel->b));
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
			row(fp, md, 7, cells, w);
		}
	}
	free(r);
	return ENT_OK;
}

static void text_blocs(FILE *fp, const ent__report_model *c, int md)
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
	heading(fp, md, "Blocs (signed modularity; %zu of %zu)",
		shown, n);
	header(fp, md, 8, h, w);
	for (k = 0; k < shown; k++) {
		const ent_bloc *bl = ent_metrics_bloc(c->m, k);
		size_t len = 0;
		members[0] = '\0';
		for (j = 0; j < bl->size && len + 24 < sizeof(members); j++) {
			len += (size_t)snprintf(members + len,
				sizeof(members) - len, "%s%s", j ? ", " : "",
				ent__report_code_of(c, bl->members[j]));
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
		row(fp, md, 8, cells, w);
	}
}

static void text_balance(FILE *fp, const ent__report_model *c, int md)
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

	heading(fp, md, "Structural balance");
	fprintf(fp,
		"%striangle index %.3f (%lld of %lld triangles "
		"balanced), weighted %.3f\n",
		item, bal->triangle_index, (long long)bal->balanced,
		(long long)bal->triangles, bal->weighted_triangle_index);
	fprintf(fp,
		"%sbloc frustration %lld of %lld signed ties "
		"(weight %.1f)\n",
		item, (long long)bal->bloc_frustration,
		(long long)bal->signed_ties, bal->bloc_frustration_weight);
	fprintf(fp,
		"%stwo-group frustration at most %lld (weight %.1f); "
		"Aref-Wilson normalised balance at least %.3f\n",
		item, (long long)bal->frustration, bal->frustration_weight,
		bal->normalised_balance);
	fprintf(fp,
		"%sconflict between blocs %.1f of %.1f (%.0f%%); "
		"cooperation within blocs %.1f of %.1f (%.0f%%)\n",
		item, t->conflict_between_blocs, t->conflict,
		100 * t->between_share, t->cooperation_within_blocs,
		t->cooperation, 100 * t->within_share);
	if (n == 0) {
		return;
	}
	heading(fp, md, "Heaviest unbalanced triangles (%zu of %lld)", k,
		(long long)bal->unbalanced);
	header(fp, md, 3, h, w);
	for (i = 0; i < k; i++) {
		const ent_triangle *tr = ent_metrics_unbalanced(c->m, i);
		snprintf(b[0], sizeof(b[0]), "%zu", i + 1);
		snprintf(b[1], sizeof(b[1]), "%s - %s - %s",
			ent__report_code_of(c, tr->a),
			ent__report_code_of(c, tr->b),
			ent__report_code_of(c, tr->c));
		snprintf(b[2], sizeof(b[2]), "%.1f", tr->weight);
		cells[0] = b[0];
		cells[1] = b[1];
		cells[2] = b[2];
		row(fp, md, 3, cells, w);
	}
}

/* report.md in a report folder: the trend charts and the per-period
 * diagrams the folder holds (report.h names them). */
static void md_trends(FILE *fp, const ent__report_model *c)
{
	size_t rel[ENT_REPORT_MAX_CHARTS], act[8];
	size_t i,
		n = ent_report_chart_relations(
			c->t, rel, ENT_REPORT_MAX_CHARTS);
	char name[64];

	fputs("\n## Trends\n\nCooperation (bars up), conflict (hatched bars "
	      "down) and net (line) per period; a grey band is no news.\n",
		fp);
	for (i = 0; i < n; i++) {
		const ent_trend_relation *r = ent_trends_relation(c->t, rel[i]);
		ent_report_chart_name(name, r);
		fputs("\n![", fp);
		ent__report_md_cell(fp, r->a);
		fputs(" - ", fp);
		ent__report_md_cell(fp, r->b);
		fprintf(fp, "](%s)\n", name);
	}
	if (ent_report_chart_actors(c->t, c->g, c->m, act, 8) > 0) {
		fprintf(fp, "\n![PageRank per period](%s)\n",
			ENT_REPORT_ACTORS_CHART);
	}
	fprintf(fp, "\nDiagrams per %s, all on one layout:",
		ent__report_unit_name(ent_periods_unit(c->p)));
	for (i = 0; i < ent_periods_count(c->p); i++) {
		ent_report_period_diagram_name(name, c->p, i);
		fprintf(fp, "%s[%s](%s)", i ? " \xc2\xb7 " : " ",
			ent_periods_summary(c->p, i)->label, name);
	}
	fputs("\n", fp);
}

/* PageRank per period of the overall top actors (trend.h), when the
 * periods' actors were measured. */
static ent_status text_actor_trends(
	FILE *fp, const ent__report_model *c, int md)
{
	enum { MAX_COLS = 6 };
	const char *hdr[MAX_COLS + 1];
	const char *cells[MAX_COLS + 1];
	int w[MAX_COLS + 1];
	char b[MAX_COLS + 1][32];
	size_t i, j, k, n = ent_graph_actor_count(c->g), measured = 0;
	ent__report_ranked *r;

	for (i = 0; i < ent_periods_count(c->p); i++) {
		measured += ent_periods_actor_count(c->p, i);
	}
	if (measured == 0) {
		return ENT_OK;
	}
	r = malloc((n + 1) * sizeof(*r));
	if (r == NULL) {
		return ENT_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		r[i].key = ent_metrics_actor(c->m, i)->pagerank;
		r[i].idx = i;
	}
	qsort(r, n, sizeof(*r), ent__report_cmp_ranked);
	k = n < MAX_COLS - 1 ? n : MAX_COLS - 1;
	k = k < c->top ? k : c->top;
	hdr[0] = "period";
	w[0] = -8;
	for (j = 0; j < k; j++) {
		hdr[j + 1] = ent__report_code_of(c, r[j].idx);
		w[j + 1] = 7;
	}
	heading(fp, md, "PageRank per %s of the top %zu actors",
		ent__report_unit_name(ent_periods_unit(c->p)), k);
	header(fp, md, k + 1, hdr, w);
	for (i = 0; i < ent_periods_count(c->p); i++) {
		cells[0] = ent_periods_summary(c->p, i)->label;
		for (j = 0; j < k; j++) {
			const char *code = ent__report_code_of(c, r[j].idx);
			size_t a;
			snprintf(b[j + 1], 32, "-"); /* no news of the actor */
			for (a = 0; a < ent_periods_actor_count(c->p, i); a++) {
				const ent_period_actor *pa =
					ent_periods_actor(c->p, i, a);
				if (strcmp(pa->code, code) == 0) {
					snprintf(b[j + 1], 32, "%.3f",
						pa->pagerank);
					break;
				}
			}
			cells[j + 1] = b[j + 1];
		}
		row(fp, md, k + 1, cells, w);
	}
	free(r);
	return ENT_OK;
}

/* "What changed": the changes trend.h lists. */
static void text_changes(FILE *fp, const ent__report_model *c, int md)
{
	static const char *const h[] = {"#", "relation", "from", "to", "events",
		"net before", "net after", "change", "score"};
	static const int w[] = {3, -15, -8, -8, 10, 10, 9, 9, 6};
	const ent_trend_options *o = ent_trends_options(c->t);
	size_t i, j, n = ent_trends_changed_count(c->t);
	size_t k = n < c->top ? n : c->top;
	char b[9][48];
	const char *cells[9];

	heading(fp, md, "What changed (%zu of %zu)", k, n);
	fprintf(fp,
		"%sChanges of a relation's net between consecutive %ss with "
		"at least %lld events each, at least %g times the "
		"relation's usual variation (%zu measured; usual change "
		"%.1f)\n",
		md ? "" : "  ", ent__report_unit_name(ent_periods_unit(c->p)),
		(long long)o->min_events, o->min_score,
		ent_trends_change_count(c->t), ent_trends_usual_change(c->t));
	if (k == 0) {
		return;
	}
	if (md) {
		fputc('\n', fp);
	}
	header(fp, md, 9, h, w);
	for (i = 0; i < k; i++) {
		const ent_change *ch = ent_trends_change(c->t, i);
		const ent_trend_relation *r =
			ent_trends_relation(c->t, ch->relation);
		snprintf(b[0], 48, "%zu", i + 1);
		snprintf(b[1], 48, "%s - %s", r->a, r->b);
		snprintf(b[2], 48, "%s",
			ent_periods_summary(c->p, ch->from)->label);
		snprintf(b[3], 48, "%s",
			ent_periods_summary(c->p, ch->to)->label);
		snprintf(b[4], 48, "%lld to %lld", (long long)ch->events_before,
			(long long)ch->events_after);
		snprintf(b[5], 48, "%+.1f", ch->before);
		snprintf(b[6], 48, "%+.1f", ch->after);
		snprintf(b[7], 48, "%+.1f", ch->change);
		snprintf(b[8], 48, "%+.1f", ch->score);
		for (j = 0; j < 9; j++) {
			cells[j] = b[j];
		}
		row(fp, md, 9, cells, w);
	}
}

/* The calendar periods without events between periods i - 1 and i: one
 * row, "no news" (trend.h), not a neutral period. */
static void no_news_row(
	FILE *fp, int md, const ent__report_model *c, size_t i, const int *w)
{
	ent_period_unit unit = ent_periods_unit(c->p);
	ent_date first =
		ent_period_next(ent_periods_summary(c->p, i - 1)->start, unit);
	ent_date next = first, last = first;
	ent_date end = ent_periods_summary(c->p, i)->start;
	char a[16], z[16], count[64];
	const char *cells[9];
	size_t k = 0, j;

	while (next != 0 && next < end) {
		last = next;
		next = ent_period_next(next, unit);
		k++;
	}
	ent_period_label(first, unit, a);
	ent_period_label(last, unit, z);
	if (k > 1) {
		snprintf(count, sizeof(count), "no news: %zu %ss to %s", k,
			ent__report_unit_name(unit), z);
	} else {
		snprintf(count, sizeof(count), "no news");
	}
	cells[0] = a;
	cells[1] = "-";
	for (j = 2; j < 8; j++) {
		cells[j] = "";
	}
	cells[8] = count;
	row(fp, md, 9, cells, w);
}

static ent_status text_periods(FILE *fp, const ent__report_model *c, int md)
{
	static const char *const h[] = {"period", "events", "actors",
		"alliances", "tensions", "cooperation", "conflict", "net",
		"balance"};
	static const int w[] = {-8, 7, 6, 9, 8, 11, 9, 9, 7};
	size_t i, j, n = ent_periods_count(c->p);
	char b[9][48];
	const char *cells[9];

	heading(fp, md, "Periods by %s (%zu)",
		ent__report_unit_name(ent_periods_unit(c->p)), n);
	header(fp, md, 9, h, w);
	for (i = 0; i < n; i++) {
		const ent_period_summary *s = ent_periods_summary(c->p, i);
		if (i > 0 && !ent_periods_adjacent(c->p, i - 1, i)) {
			no_news_row(fp, md, c, i, w);
		}
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
		row(fp, md, 9, cells, w);
	}
	if (text_actor_trends(fp, c, md) != ENT_OK) {
		return ENT_ENOMEM;
	}
	text_changes(fp, c, md);
	if (md && c->opts->folder) {
		md_trends(fp, c);
	}
	return ENT_OK;
}

static ent_status write_text(FILE *fp, const ent__report_model *c, int md)
{
	ent_status st;

	if (md) {
		fputs("# entente analysis\n\n", fp);
		if (c->opts->diagram) {
			fputs("![relationship diagram](", fp);
			fputs(c->opts->diagram, fp);
			fputs(")\n\n", fp);
		}
	}
	summary(fp, c, md);
	if ((st = text_actors(fp, c, md)) != ENT_OK ||
		(st = text_relations(fp, c, md)) != ENT_OK) {
		return st;
	}
	text_blocs(fp, c, md);
	text_balance(fp, c, md);
	if (c->p != NULL && (st = text_periods(fp, c, md)) != ENT_OK) {
		return st;
	}
	return ENT_OK;
}

ent_status ent__report_write_text(
	FILE *fp, const ent__report_model *c, ent_error *err)
{
	(void)err;
	return write_text(fp, c, 0);
}

ent_status ent__report_write_markdown(
	FILE *fp, const ent__report_model *c, ent_error *err)
{
	(void)err;
	return write_text(fp, c, 1);
}
