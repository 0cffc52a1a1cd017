/* SPDX-License-Identifier: MIT */
/*
 * The "Sources" section of report.md: every strong relation traced back to
 * the sentences it came from (an event keeps its provenance, document,
 * sentence and text, through every stage).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "report/report_internal.h"

#define LINES_PER_RELATION 10

/* qsort has no payload: the graph being ranked (the library is used from
 * one thread, as igraph's global state requires anyway) */
static const ent_graph *rank_g;

static int cmp_net(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	double nx = fabs(ent_graph_relation(rank_g, x)->net);
	double ny = fabs(ent_graph_relation(rank_g, y)->net);

	if (nx != ny) {
		return nx > ny ? -1 : 1;
	}
	return x < y ? -1 : (x > y);
}

/* Two events share a line when they were read from one sentence; a data
 * set's row (no sentence text) is a line of its own, whatever its URL. */
static int same_line(const ent_event *a, const ent_event *b)
{
	if (a->text == NULL || a->text[0] == '\0') {
		return a == b;
	}
	return a->sentence == b->sentence &&
		strcmp(a->doc ? a->doc : "", b->doc ? b->doc : "") == 0 &&
		strcmp(a->text ? a->text : "", b->text ? b->text : "") == 0;
}

/* One event of a sentence: who did what to whom. Events of one sentence
 * with the same code read both ways (a reciprocal sentence) share a part
 * with a two-headed arrow; every other event keeps a part of its own, so a
 * sentence that gives one side a rejection and the other a threat shows
 * both (issue 14). */
typedef struct part {
	size_t src, dst;
	const char *code;
	int both;
} part;

#define PARTS_PER_LINE 6

typedef struct line {
	const ent_event *ev; /* the first event read from the sentence */
	part parts[PARTS_PER_LINE];
	size_t n_parts, more_parts;
} line;

static void write_code(FILE *fp, const char *code)
{
	const ent_cameo *cameo = code[0] ? ent_cameo_lookup(code) : NULL;

	if (code[0]) {
		fprintf(fp, ", %s", code);
		if (cameo != NULL) {
			fputs(" ", fp);
			ent__report_md_cell(fp, cameo->name);
		}
	}
}

/* The parts of a line, one pair of actors at a time (in the order the
 * pairs were read), each pair's codes after it: "A → B, 042 Make a visit,
 * 051 Praise or endorse; B → A, 120 Reject". */
static void write_parts(FILE *fp, const ent_graph *g, const line *ln)
{
	int done[PARTS_PER_LINE] = { 0 };
	size_t k, l;

	for (k = 0; k < ln->n_parts; k++) {
		const part *p = &ln->parts[k];

		if (done[k]) {
			continue;
		}
		if (k > 0) {
			fputs("; ", fp);
		}
		ent__report_md_cell(fp, ent_graph_actor(g, p->src)->name);
		fputs(p->both ? " \xe2\x86\x94 " : " \xe2\x86\x92 ", fp);
		ent__report_md_cell(fp, ent_graph_actor(g, p->dst)->name);
		for (l = k; l < ln->n_parts; l++) {
			const part *q = &ln->parts[l];

			if (!done[l] && q->src == p->src && q->dst == p->dst &&
				q->both == p->both) {
				write_code(fp, q->code);
				done[l] = 1;
			}
		}
	}
}

static void write_quote(FILE *fp, const ent_event *ev)
{
	if (ev->text != NULL && ev->text[0] != '\0') {
		fputs("\xe2\x80\x9c", fp);
		ent__report_md_cell(fp, ev->text);
		fputs("\xe2\x80\x9d", fp);
	} else if (ev->source_text != NULL || ev->target_text != NULL) {
		/* a data set's row (GDELT, ICEWS): no sentence, but the
		 * actors as the row names them */
		fputs("no sentence; the row names \xe2\x80\x9c", fp);
		ent__report_md_cell(
			fp, ev->source_text ? ev->source_text : "?");
		fputs("\xe2\x80\x9d \xe2\x86\x92 \xe2\x80\x9c", fp);
		ent__report_md_cell(
			fp, ev->target_text ? ev->target_text : "?");
		fputs("\xe2\x80\x9d", fp);
	} else {
		fputs("(no sentence recorded)", fp);
	}
}

static void write_line(FILE *fp, const ent_graph *g, const line *ln)
{
	const ent_event *ev = ln->ev;
	char date[11];

	fputs("- ", fp);
	if (ev->date != 0) {
		ent_date_format(ev->date, date);
		fprintf(fp, "%s, ", date);
	}
	write_parts(fp, g, ln);
	if (ln->more_parts > 0) {
		fprintf(fp, "; and %zu more", ln->more_parts);
	}
	fputs(": ", fp);
	write_quote(fp, ev);
	if (ev->doc != NULL || ev->sentence > 0 || ev->id != NULL) {
		fputs(" (", fp);
		if (ev->doc != NULL) {
			ent__report_md_source(fp, ev->doc);
		}
		if (ev->sentence > 0) {
			fprintf(fp, "%ssentence %ld", ev->doc ? ", " : "",
				ev->sentence);
		} else if (ev->id != NULL) {
			/* without a sentence, the row's id finds it again */
			fprintf(fp, "%sevent ", ev->doc ? ", " : "");
			ent__report_md_cell(fp, ev->id);
		}
		fputs(")", fp);
	}
	fputs("\n", fp);
}

/* Adds the event to its sentence's line: a repeat of a part is nothing
 * new, the same code the other way makes the part two-headed. */
static void add_part(line *ln, const ent_event *ev, size_t s, size_t t)
{
	size_t k;

	for (k = 0; k < ln->n_parts; k++) {
		part *p = &ln->parts[k];

		if (strcmp(p->code, ev->code) != 0) {
			continue;
		}
		if (p->src == s && p->dst == t) {
			return;
		}
		if (p->src == t && p->dst == s) {
			p->both = 1;
			return;
		}
	}
	if (ln->n_parts == PARTS_PER_LINE) {
		ln->more_parts++;
		return;
	}
	ln->parts[ln->n_parts].src = s;
	ln->parts[ln->n_parts].dst = t;
	ln->parts[ln->n_parts].code = ev->code;
	ln->parts[ln->n_parts].both = 0;
	ln->n_parts++;
}

static ent_status write_relation(FILE *fp, const ent_graph *g,
	const ent_events *events, ent_level level, size_t rank, size_t ri)
{
	const ent_relation *rel = ent_graph_relation(g, ri);
	size_t n = ent_events_count(events), i, j, lines = 0, more = 0;
	line *shown = NULL;
	char net[32];

	snprintf(net, sizeof(net), "%+.1f", rel->net);
	fprintf(fp, "\n#### %zu. ", rank);
	ent__report_md_cell(fp, ent_graph_actor(g, rel->a)->name);
	fputs(" \xe2\x80\x93 ", fp);
	ent__report_md_cell(fp, ent_graph_actor(g, rel->b)->name);
	fprintf(fp, " (%lld event%s, net %s)\n\n", (long long)rel->events,
		rel->events == 1 ? "" : "s", net);

	shown = calloc(LINES_PER_RELATION, sizeof(*shown));
	if (shown == NULL) {
		return ENT_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		const ent_event *ev = ent_events_get(events, i);
		size_t s = ent__report_vertex_of(g, level, ev->source);
		size_t t = ent__report_vertex_of(g, level, ev->target);

		if (!((s == rel->a && t == rel->b) ||
			    (s == rel->b && t == rel->a))) {
			continue;
		}
		for (j = 0; j < lines; j++) {
			if (same_line(shown[j].ev, ev)) {
				break;
			}
		}
		if (j == lines) {
			if (lines == LINES_PER_RELATION) {
				more++;
				continue;
			}
			shown[lines++].ev = ev;
		}
		add_part(&shown[j], ev, s, t);
	}
	for (j = 0; j < lines; j++) {
		write_line(fp, g, &shown[j]);
	}
	if (more > 0) {
		fprintf(fp, "- and %zu more\n", more);
	}
	if (lines == 0) {
		fputs("- (no kept events: the relation came from a dyad "
		      "table)\n",
			fp);
	}
	free(shown);
	return ENT_OK;
}

ent_status ent_report_write_sources(FILE *fp, const ent_dataset *ds,
	const ent_graph *g, const ent_report_options *opts, ent_error *err)
{
	const ent_events *events;
	size_t n_rel, top, i, k, m, rank = 0;
	size_t *order = NULL;
	ent_level level;
	ent_status status = ENT_OK;

	if (fp == NULL || ds == NULL || g == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_report_write_sources: NULL argument");
	}
	events = ent_dataset_events(ds);
	level = ent_dataset_options_get(ds)->level;
	top = opts && opts->top ? opts->top : 10;
	n_rel = ent_graph_relation_count(g);

	fputs("\n## Sources\n\n", fp);
	if (events == NULL) {
		fputs("The events were not kept, so the sentences behind the "
		      "relations cannot be shown.\n",
			fp);
		return ferror(fp) ? ent__error_set(err, ENT_EIO, NULL, 0, 0,
					    "writing the sources failed")
				  : ENT_OK;
	}
	fputs("The sentences behind the strongest alliances and tensions "
	      "above, as they were read.\n",
		fp);
	order = malloc((n_rel ? n_rel : 1) * sizeof(*order));
	if (order == NULL) {
		return ent__error_nomem(err);
	}
	for (int sign = 1; sign >= -1 && status == ENT_OK; sign -= 2) {
		m = 0;
		for (i = 0; i < n_rel; i++) {
			if (ent_graph_relation(g, i)->sign == sign) {
				order[m++] = i;
			}
		}
		rank_g = g;
		qsort(order, m, sizeof(*order), cmp_net);
		k = m < top ? m : top;
		if (k > 0) {
			fprintf(fp, "\n### %s\n",
				sign > 0 ? "Alliances" : "Tensions");
		}
		for (i = 0, rank = 0; i < k && status == ENT_OK; i++) {
			status = write_relation(
				fp, g, events, level, ++rank, order[i]);
		}
	}
	free(order);
	if (status == ENT_ENOMEM) {
		return ent__error_nomem(err);
	}
	if (ferror(fp)) {
		return ent__error_set(
			err, ENT_EIO, NULL, 0, 0, "writing the sources failed");
	}
	return status;
}
