/* SPDX-License-Identifier: MIT */
/*
 * report.html: one self-contained page over the report model (report.h).
 * The numbers are report.json itself, embedded as data; the diagrams are
 * Graphviz's SVG inline (so a script can light up ties and list sources);
 * the charts are images in data: URIs. A Content-Security-Policy forbids
 * every request, so the page works from file:// and never reaches the
 * network. Text from the input only ever enters the page escaped, or as
 * JSON data that the script puts in with textContent.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "report/report_internal.h"

#define EVENTS_PER_RELATION 25

/* Text for HTML content or a quoted attribute. */
static void html_text(FILE *fp, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		case '\'':
			fputs("&#39;", fp);
			break;
		default:
			fputc(*s, fp);
		}
	}
}

/* JSON text inside <script type="application/json">: '<', '>' and '&'
 * can only stand inside JSON strings, where \u escapes mean the same, so
 * no "</script>" or "<!--" can end the element early. */
static void script_json(FILE *fp, const char *json, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		switch (json[i]) {
		case '<':
			fputs("\\u003c", fp);
			break;
		case '>':
			fputs("\\u003e", fp);
			break;
		case '&':
			fputs("\\u0026", fp);
			break;
		default:
			fputc(json[i], fp);
		}
	}
}

static void base64(FILE *fp, const char *data, size_t len)
{
	static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				     "abcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = (const unsigned char *)data;
	size_t i;

	for (i = 0; i + 2 < len; i += 3) {
		unsigned long v = (unsigned long)p[i] << 16 |
			(unsigned long)p[i + 1] << 8 | p[i + 2];
		fputc(digits[v >> 18 & 63], fp);
		fputc(digits[v >> 12 & 63], fp);
		fputc(digits[v >> 6 & 63], fp);
		fputc(digits[v & 63], fp);
	}
	if (len - i == 1) {
		unsigned long v = (unsigned long)p[i] << 16;
		fputc(digits[v >> 18 & 63], fp);
		fputc(digits[v >> 12 & 63], fp);
		fputs("==", fp);
	} else if (len - i == 2) {
		unsigned long v = (unsigned long)p[i] << 16 |
			(unsigned long)p[i + 1] << 8;
		fputc(digits[v >> 18 & 63], fp);
		fputc(digits[v >> 12 & 63], fp);
		fputc(digits[v >> 6 & 63], fp);
		fputc('=', fp);
	}
}

/* Graphviz's SVG without its XML prolog and doctype, inline. */
static void inline_svg(FILE *fp, const char *svg, size_t len)
{
	const char *start = svg ? strstr(svg, "<svg") : NULL;

	if (start != NULL) {
		fwrite(start, 1, len - (size_t)(start - svg), fp);
	}
}

/* -- the events behind each relation -------------------------------------- */

/* Relation index of the pair of vertices, or (size_t)-1 (relations are in
 * (a, b) order, a < b). */
static size_t relation_of(const ent_graph *g, size_t x, size_t y)
{
	size_t lo = 0, hi = ent_graph_relation_count(g);
	size_t a = x < y ? x : y, b = x < y ? y : x;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const ent_relation *r = ent_graph_relation(g, mid);
		if (r->a == a && r->b == b) {
			return mid;
		}
		if (r->a < a || (r->a == a && r->b < b)) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return (size_t)-1;
}

static void json_event(FILE *fp, const ent__report_model *c,
	const ent_event *ev, size_t s, size_t t)
{
	const ent_cameo *cameo =
		ev->code[0] ? ent_cameo_lookup(ev->code) : NULL;
	char date[11];

	fputs("{\"source\": ", fp);
	ent__report_json_string(fp, ent__report_code_of(c, s));
	fputs(", \"target\": ", fp);
	ent__report_json_string(fp, ent__report_code_of(c, t));
	if (ev->date != 0) {
		ent_date_format(ev->date, date);
		fputs(", \"date\": ", fp);
		ent__report_json_string(fp, date);
	}
	if (ev->code[0]) {
		fputs(", \"code\": ", fp);
		ent__report_json_string(fp, ev->code);
		if (cameo != NULL) {
			fputs(", \"cameo\": ", fp);
			ent__report_json_string(fp, cameo->name);
		}
	}
	if (ev->text && ev->text[0]) {
		fputs(", \"text\": ", fp);
		ent__report_json_string(fp, ev->text);
	}
	if (ev->source_text) {
		fputs(", \"source_text\": ", fp);
		ent__report_json_string(fp, ev->source_text);
	}
	if (ev->target_text) {
		fputs(", \"target_text\": ", fp);
		ent__report_json_string(fp, ev->target_text);
	}
	if (ev->doc) {
		fputs(", \"doc\": ", fp);
		ent__report_json_string(fp, ev->doc);
	}
	if (ev->sentence > 0) {
		fprintf(fp, ", \"sentence\": %ld", ev->sentence);
	}
	if (ev->id) {
		fputs(", \"id\": ", fp);
		ent__report_json_string(fp, ev->id);
	}
	fputc('}', fp);
}

/* {"relations": [{"a", "b", "events": [...], "more": n}]}: for each
 * relation, its first EVENTS_PER_RELATION kept events in input order. */
static ent_status sources_json(FILE *fp, const ent__report_model *c)
{
	const ent_events *events = ent_dataset_events(c->ds);
	ent_level level = ent_dataset_options_get(c->ds)->level;
	size_t nr = ent_graph_relation_count(c->g), i, n, k, r;
	size_t *count = NULL, *first = NULL, *next = NULL, *last = NULL;
	int any = 0;

	n = events ? ent_events_count(events) : 0;
	count = calloc(nr + 1, sizeof(*count));
	first = malloc((nr + 1) * sizeof(*first));
	last = malloc((nr + 1) * sizeof(*last));
	next = malloc((n + 1) * sizeof(*next));
	if (count == NULL || first == NULL || last == NULL || next == NULL) {
		free(count);
		free(first);
		free(last);
		free(next);
		return ENT_ENOMEM;
	}
	for (r = 0; r < nr; r++) {
		first[r] = last[r] = (size_t)-1;
	}
	/* chain each relation's events, in input order */
	for (i = 0; i < n; i++) {
		const ent_event *ev = ent_events_get(events, i);
		size_t s = ent__report_vertex_of(c->g, level, ev->source);
		size_t t = ent__report_vertex_of(c->g, level, ev->target);
		next[i] = (size_t)-1;
		if (s == (size_t)-1 || t == (size_t)-1 ||
			(r = relation_of(c->g, s, t)) == (size_t)-1) {
			continue;
		}
		if (first[r] == (size_t)-1) {
			first[r] = i;
		} else {
			next[last[r]] = i;
		}
		last[r] = i;
		count[r]++;
	}
	fputs("{\"relations\": [", fp);
	for (r = 0; r < nr; r++) {
		const ent_relation *rel = ent_graph_relation(c->g, r);
		if (count[r] == 0) {
			continue;
		}
		fputs(any ? ",\n {\"a\": " : "\n {\"a\": ", fp);
		any = 1;
		ent__report_json_string(fp, ent__report_code_of(c, rel->a));
		fputs(", \"b\": ", fp);
		ent__report_json_string(fp, ent__report_code_of(c, rel->b));
		fputs(", \"events\": [", fp);
		for (i = first[r], k = 0;
			i != (size_t)-1 && k < EVENTS_PER_RELATION;
			i = next[i], k++) {
			const ent_event *ev = ent_events_get(events, i);
			fputs(k ? ",\n  " : "\n  ", fp);
			json_event(fp, c, ev,
				ent__report_vertex_of(c->g, level, ev->source),
				ent__report_vertex_of(c->g, level, ev->target));
		}
		fprintf(fp, "], \"more\": %zu}",
			count[r] > EVENTS_PER_RELATION
				? count[r] - EVENTS_PER_RELATION
				: 0);
	}
	fputs("]}", fp);
	free(count);
	free(first);
	free(last);
	free(next);
	return ENT_OK;
}

/* Write `writer`'s output into memory, then into the page as script data. */
static ent_status embed_json(FILE *fp, const char *id,
	ent_status (*writer)(FILE *, const ent__report_model *),
	const ent__report_model *c)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	ent_status st;

	if (mem == NULL) {
		return ENT_ENOMEM;
	}
	st = writer(mem, c);
	if (fclose(mem) != 0 && st == ENT_OK) {
		st = ENT_ENOMEM;
	}
	if (st == ENT_OK) {
		fprintf(fp, "<script type=\"application/json\" id=\"%s\">", id);
		script_json(fp, buf, len);
		fputs("</script>\n", fp);
	}
	free(buf);
	return st;
}

static ent_status report_json(FILE *fp, const ent__report_model *c)
{
	return ent__report_write_json(fp, c, NULL);
}

static void put_asset(FILE *fp, const char *name)
{
	const ent__lexicon_file *f = ent__lexicon_find(name);

	if (f != NULL) {
		fwrite(f->data, 1, f->len, fp);
	}
}

ent_status ent__report_write_html(FILE *fp, const ent__report_model *c,
	const ent_report_html_parts *parts, ent_error *err)
{
	static const ent_report_html_parts none = {0};
	size_t i, n_periods = ent_periods_count(c->p);
	ent_status st;

	parts = parts ? parts : &none;
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\""
	      "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
	      "script-src 'unsafe-inline'\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, "
	      "initial-scale=1\">\n<title>entente report</title>\n<style>\n",
		fp);
	put_asset(fp, "report.css");
	fputs("</style>\n</head>\n<body>\n<h1>entente report</h1>\n"
	      "<p id=\"summary\"></p>\n"
	      "<h2>Relationship diagram</h2>\n"
	      "<p class=\"note\">Hover over an actor to see its ties; click an "
	      "actor or a tie for the sentences or rows behind it. Solid blue: "
	      "alliance; dashed orange: tension.</p>\n"
	      "<div id=\"period-control\" hidden><label for=\"period\">"
	      "Period</label> <input type=\"range\" id=\"period\" min=\"0\" "
	      "max=\"0\" step=\"1\" value=\"0\"><span id=\"period-label\">"
	      "</span></div>\n<div id=\"diagram-section\">\n"
	      "<div id=\"diagram-pane\">\n"
	      "<div class=\"diagram\" data-period=\"all\">\n",
		fp);
	inline_svg(fp, parts->diagram, parts->diagram_len);
	fputs("</div>\n", fp);
	for (i = 0; i < n_periods && parts->period_diagrams != NULL; i++) {
		fprintf(fp,
			"<div class=\"diagram\" data-period=\"%zu\" hidden>\n",
			i);
		inline_svg(fp, parts->period_diagrams[i],
			parts->period_diagram_lens[i]);
		fputs("</div>\n", fp);
	}
	fputs("</div>\n<aside id=\"sources\"><h3 id=\"sources-title\">Sources"
	      "</h3><ul id=\"sources-list\"><li>Click an actor or a tie in "
	      "the diagram.</li></ul></aside>\n</div>\n",
		fp);
	if (c->p != NULL) {
		fputs("<h2>What changed</h2>\n<p class=\"note\">", fp);
		fprintf(fp,
			"Changes of a relation's net between consecutive "
			"%ss with at least %lld events each, at least %g "
			"times the relation's usual variation.</p>\n"
			"<table id=\"changes-table\"></table>\n",
			ent__report_unit_name(ent_periods_unit(c->p)),
			(long long)ent_trends_options(c->t)->min_events,
			ent_trends_options(c->t)->min_score);
	}
	if (parts->n_charts > 0) {
		fputs("<h2>Trends</h2>\n<div class=\"charts\">\n", fp);
		for (i = 0; i < parts->n_charts; i++) {
			fputs("<img alt=\"", fp);
			html_text(fp, parts->chart_titles[i]);
			fputs("\" src=\"data:image/svg+xml;base64,", fp);
			base64(fp, parts->charts[i], parts->chart_lens[i]);
			fputs("\">\n", fp);
		}
		fputs("</div>\n", fp);
	}
	fputs("<h2>Actors</h2>\n<p class=\"note\">Click a header to sort.</p>\n"
	      "<table id=\"actors-table\"></table>\n"
	      "<h2>Relations</h2>\n<table id=\"relations-table\"></table>\n",
		fp);
	if ((st = embed_json(fp, "report-data", report_json, c)) != ENT_OK ||
		(st = embed_json(fp, "sources-data", sources_json, c)) !=
			ENT_OK) {
		return st;
	}
	fputs("<script>\n", fp);
	put_asset(fp, "report.js");
	fputs("</script>\n</body>\n</html>\n", fp);
	(void)err;
	return ENT_OK;
}
