/* SPDX-License-Identifier: MIT */
/*
 * entente report: the main job in one command. Reads the inputs once and
 * writes, into DIR (created when missing):
 *   events.json  the kept events, with their provenance
 *   report.md    the analysis as Markdown, the diagram and the sources
 *   report.json  the analysis as JSON
 *   report.html  one self-contained interactive page of all of it
 *   graph.svg    the diagram
 *   graph.dot    the diagram's graph, for Graphviz users
 * and with --by: periods.csv, graph-<period>.svg (each period on the
 * layout of the whole graph), trend-A-B.svg and actors-pagerank.svg.
 * The folder changes as a whole (ent_report_folder): the files are
 * written into a sibling temporary folder swapped in at the end.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_CHARTS (ENT_REPORT_MAX_CHARTS + 1)

static const cli_opt opt_output_dir = {CLI_OPT_STRING, "output", 'o', "DIR",
	offsetof(cli_opts, output), NULL, 0, NULL,
	"the folder to write (made when missing; required)"};
static const cli_opt opt_top = {CLI_OPT_COUNT, "top", 0, "N",
	offsetof(cli_opts, top), NULL, 1, NULL,
	"rows in ranked tables and relations drawn\n"
	"(default: 10 rows, every relation)"};

static const cli_opt opt_by = {CLI_OPT_CHOICE, "by", 0, "UNIT",
	offsetof(cli_opts, by), cli_by_choices, 0, NULL,
	"also report per period: the periods and what changed\n"
	"in report.md/.json/.html, periods.csv, one diagram per\n"
	"period on one layout, trend charts"};

static const cli_opt *const options[] = {
	&cli_opt_help, &opt_output_dir, &opt_top, &cli_opt_quiet,
	&cli_section_diagram, &cli_opt_layout, &cli_opt_size, &cli_opt_title,
	&cli_opt_directed, &cli_opt_min_weight, &cli_opt_seed,
	&cli_opt_all_relations,
	CLI_OPTS_FILTERS,
	CLI_OPTS_AGGREGATION, &opt_by,
	CLI_OPTS_INPUT,
	CLI_OPTS_MEASURES,
	NULL,
};

static const cli_example examples[] = {
	{"entente report examples/cyber-pact.txt -o cyber-pact",
		"read a news article and write its whole report"},
	{"entente report --since 2022-02 --actors RUS,UKR,POL,USA "
		"examples/baltic-black-sea.json -o baltic",
		"the report of four states' events since February 2022"},
	{"entente report --by week examples/gdelt-may-june-2025.export.CSV "
		"-o gdelt-weeks",
		"a GDELT cut by week: what changed, a diagram per week"},
	{NULL, NULL},
};

/* The drawings, kept in memory for report.html after their files. */
typedef struct drawings {
	char *diagram;
	size_t diagram_len;
	char **periods;
	size_t *period_lens;
	size_t n_periods;
	char *charts[MAX_CHARTS];
	size_t chart_lens[MAX_CHARTS];
	char titles[MAX_CHARTS][128];
	const char *title_ptrs[MAX_CHARTS];
	size_t n_charts;
} drawings;

static void drawings_free(drawings *d)
{
	size_t i;

	free(d->diagram);
	for (i = 0; i < d->n_periods; i++) {
		free(d->periods[i]);
	}
	free(d->periods);
	free(d->period_lens);
	for (i = 0; i < d->n_charts; i++) {
		free(d->charts[i]);
	}
}

static ent_status write_events(
	FILE *fp, const ent_dataset *ds, const char *dir, ent_error *err)
{
	char *json = NULL;
	ent_status st;

	st = ent_events_to_json(&json, ent_dataset_events(ds), err);
	if (st == ENT_OK && fputs(json, fp) == EOF) {
		snprintf(err->message, sizeof(err->message),
			"cannot write events.json: %s", strerror(errno));
		err->source = dir;
		st = err->code = ENT_EIO;
	}
	ent_free(json);
	return st;
}

/* Open one file of the folder, or keep the first error. */
static FILE *file(ent_report_folder *f, const char *name, ent_error *err)
{
	FILE *fp = NULL;

	return ent_report_folder_file(&fp, f, name, err) == ENT_OK ? fp : NULL;
}

/* Put bytes into a file of the folder. */
static ent_status put(ent_report_folder *f, const char *name, const char *data,
	size_t len, ent_error *err)
{
	FILE *fp = file(f, name, err);

	if (fp == NULL) {
		return err->code;
	}
	/* a short write shows at commit, which names the file */
	(void)fwrite(data, 1, len, fp);
	return ENT_OK;
}

/* A chart into memory: kind 0 a relation, 1 the actors' PageRank. */
static ent_status chart(drawings *d, const ent_trends *t, int kind, size_t rel,
	const size_t *act, size_t n_act, ent_error *err)
{
	ent_plot_options plot = ENT_PLOT_OPTIONS_INIT;
	size_t k = d->n_charts;
	FILE *mem = open_memstream(&d->charts[k], &d->chart_lens[k]);
	ent_status st;

	if (mem == NULL) {
		err->code = ENT_ENOMEM;
		snprintf(err->message, sizeof(err->message), "out of memory");
		return ENT_ENOMEM;
	}
	st = kind == 0 ? ent_plot_relation(mem, t, rel, &plot, err)
		       : ent_plot_centrality(mem, t, act, n_act, &plot, err);
	if (fclose(mem) != 0 && st == ENT_OK) {
		err->code = st = ENT_ENOMEM;
		snprintf(err->message, sizeof(err->message), "out of memory");
	}
	d->n_charts++;
	return st;
}

/* With --by: periods.csv, one diagram per period on the layout of the
 * whole graph, and the trend charts (names in report.h). */
static ent_status write_time(ent_report_folder *folder, drawings *d,
	ent_renderer *r, const ent_dataset *ds, const ent_graph *g,
	const ent_metrics *m, const ent_periods *p, const ent_trends *t,
	const ent_render_options *ropts, ent_error *err)
{
	ent_report_options csv = ENT_REPORT_OPTIONS_INIT;
	ent_render_options po = *ropts;
	ent_positions *pos = NULL;
	size_t rel[ENT_REPORT_MAX_CHARTS], act[6], i, n;
	char name[64], title[128];
	ent_status st;
	FILE *fp;

	csv.format = ENT_REPORT_CSV;
	csv.table = "periods";
	csv.periods = p;
	csv.trends = t;
	if ((fp = file(folder, "periods.csv", err)) == NULL) {
		return err->code;
	}
	if ((st = ent_report_write(fp, ds, g, m, &csv, err)) != ENT_OK) {
		return st;
	}
	po.format = ENT_RENDER_SVG;
	if ((st = ent_positions_compute(&pos, r, g, m, ds, &po, err)) !=
		ENT_OK) {
		return st;
	}
	po.positions = pos;
	n = ent_periods_count(p);
	d->periods = calloc(n + 1, sizeof(*d->periods));
	d->period_lens = calloc(n + 1, sizeof(*d->period_lens));
	if (d->periods == NULL || d->period_lens == NULL) {
		ent_positions_destroy(pos);
		err->code = ENT_ENOMEM;
		snprintf(err->message, sizeof(err->message), "out of memory");
		return ENT_ENOMEM;
	}
	d->n_periods = n;
	for (i = 0; i < n && st == ENT_OK; i++) {
		snprintf(title, sizeof(title), "%s",
			ent_periods_summary(p, i)->label);
		po.title = ropts->title ? ropts->title : title;
		ent_report_period_diagram_name(name, p, i);
		st = ent_render_data(&d->periods[i], &d->period_lens[i], r,
			ent_periods_graph(p, i), ent_periods_metrics(p, i),
			NULL, &po, err);
		if (st == ENT_OK) {
			st = put(folder, name, d->periods[i], d->period_lens[i],
				err);
		}
	}
	ent_positions_destroy(pos);
	n = ent_report_chart_relations(t, rel, ENT_REPORT_MAX_CHARTS);
	for (i = 0; i < n && st == ENT_OK; i++) {
		const ent_trend_relation *tr = ent_trends_relation(t, rel[i]);
		ent_report_chart_name(name, tr);
		snprintf(d->titles[d->n_charts], sizeof(d->titles[0]),
			"%s - %s by %s", tr->a, tr->b,
			ent_periods_unit(p) == ENT_PERIOD_WEEK ? "week"
				: ent_periods_unit(p) == ENT_PERIOD_MONTH
				? "month"
				: ent_periods_unit(p) == ENT_PERIOD_QUARTER
				? "quarter"
				: "year");
		st = chart(d, t, 0, rel[i], NULL, 0, err);
		if (st == ENT_OK) {
			st = put(folder, name, d->charts[d->n_charts - 1],
				d->chart_lens[d->n_charts - 1], err);
		}
	}
	n = ent_report_chart_actors(t, g, m, act, 6);
	if (n > 0 && st == ENT_OK) {
		snprintf(d->titles[d->n_charts], sizeof(d->titles[0]),
			"PageRank per period of the leading actors");
		st = chart(d, t, 1, 0, act, n, err);
		if (st == ENT_OK) {
			st = put(folder, ENT_REPORT_ACTORS_CHART,
				d->charts[d->n_charts - 1],
				d->chart_lens[d->n_charts - 1], err);
		}
	}
	return st;
}

static int run(cli_opts *o)
{
	ent_dataset *ds = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	ent_periods *p = NULL;
	ent_trends *t = NULL;
	ent_renderer *r = NULL;
	ent_report_folder *folder = NULL;
	ent_render_options ropts = ENT_RENDER_OPTIONS_INIT;
	ent_report_options md = ENT_REPORT_OPTIONS_INIT;
	ent_report_options json = ENT_REPORT_OPTIONS_INIT;
	ent_report_html_parts parts = {0};
	drawings d;
	ent_error err = {0};
	size_t i;
	FILE *fp;
	int rc;

	memset(&d, 0, sizeof(d));
	if (o->output == NULL || strcmp(o->output, "-") == 0) {
		return cli_usage_error(
			"report needs -o DIR, the folder to write");
	}
	cli_render_options(&ropts, o);
	md.format = ENT_REPORT_MARKDOWN;
	md.top = (size_t)o->top;
	md.diagram = "graph.svg";
	json.format = ENT_REPORT_JSON;
	json.top = (size_t)o->top;
	if ((rc = cli_load(&ds, o, 1)) != 0) {
		return rc;
	}
	if (ent_graph_build(&g, ent_dataset_dyads(ds), &o->graph, &err) !=
			ENT_OK ||
		ent_metrics_compute(&m, g, &o->metrics, &err) != ENT_OK ||
		(o->dataset.by != ENT_PERIOD_NONE &&
			(ent_periods_compute(&p, ds, &o->graph, &err) !=
					ENT_OK ||
				ent_periods_compute_actors(
					p, ds, &o->graph, &err) != ENT_OK ||
				ent_trends_compute(&t, p, NULL, &err) !=
					ENT_OK)) ||
		ent_renderer_create(&r, &err) != ENT_OK ||
		ent_report_folder_open(&folder, o->output, &err) != ENT_OK) {
		goto fail;
	}
	/* --by: the periods go into report.md and report.json, as in
	 * analyze --by */
	md.periods = p;
	md.trends = t;
	md.folder = 1;
	json.periods = p;
	json.trends = t;
	if ((fp = file(folder, "events.json", &err)) == NULL ||
		write_events(fp, ds, o->output, &err) != ENT_OK ||
		(fp = file(folder, "report.md", &err)) == NULL ||
		ent_report_write(fp, ds, g, m, &md, &err) != ENT_OK ||
		ent_report_write_sources(fp, ds, g, &md, &err) != ENT_OK ||
		(fp = file(folder, "report.json", &err)) == NULL ||
		ent_report_write(fp, ds, g, m, &json, &err) != ENT_OK) {
		goto fail;
	}
	ropts.format = ENT_RENDER_SVG;
	if (ent_render_data(&d.diagram, &d.diagram_len, r, g, m, ds, &ropts,
		    &err) != ENT_OK ||
		put(folder, "graph.svg", d.diagram, d.diagram_len, &err) !=
			ENT_OK) {
		goto fail;
	}
	ropts.format = ENT_RENDER_DOT;
	if ((fp = file(folder, "graph.dot", &err)) == NULL ||
		ent_render_write(r, fp, g, m, ds, &ropts, &err) != ENT_OK) {
		goto fail;
	}
	if (p != NULL &&
		write_time(folder, &d, r, ds, g, m, p, t, &ropts, &err) !=
			ENT_OK) {
		goto fail;
	}
	parts.diagram = d.diagram;
	parts.diagram_len = d.diagram_len;
	parts.period_diagrams = (const char *const *)d.periods;
	parts.period_diagram_lens = d.period_lens;
	for (i = 0; i < d.n_charts; i++) {
		d.title_ptrs[i] = d.titles[i];
	}
	parts.n_charts = d.n_charts;
	parts.charts = (const char *const *)d.charts;
	parts.chart_lens = d.chart_lens;
	parts.chart_titles = d.title_ptrs;
	if ((fp = file(folder, "report.html", &err)) == NULL ||
		ent_report_write_html(fp, ds, g, m, &json, &parts, &err) !=
			ENT_OK) {
		goto fail;
	}
	/* everything is written: now swap the folder into place */
	rc = ent_report_folder_commit(folder, &err) == ENT_OK ? CLI_EXIT_OK
							      : cli_fail(&err);
	folder = NULL;
	goto done;
fail:
	rc = cli_fail(&err);
done:
	ent_report_folder_abort(folder);
	drawings_free(&d);
	ent_renderer_destroy(r);
	ent_trends_destroy(t);
	ent_periods_destroy(p);
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dataset_destroy(ds);
	return rc;
}

const cli_command cli_cmd_report = {
	"report",
	"All of it in a folder: events, tables, diagrams, report.md/.html.",
	"[OPTIONS] [INPUT...] -o DIR",
	"Writes DIR/events.json (the kept events with their sources),\n"
	"DIR/report.md (the analysis, the diagram and the sentences behind\n"
	"the strongest relations), DIR/report.json, DIR/report.html (one\n"
	"self-contained page of all of it), DIR/graph.svg and DIR/graph.dot;\n"
	"with --by also periods.csv, graph-PERIOD.svg and trend charts. The\n"
	"folder is replaced as a whole or not at all.\n",
	options, examples, SIZE_MAX, run,
};
