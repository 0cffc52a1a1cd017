/* SPDX-License-Identifier: MIT */
/*
 * entente report: the main job in one command. Reads the inputs once and
 * writes, into DIR (created when missing):
 *   events.json  the kept events, with their provenance
 *   report.md    the analysis as Markdown, the diagram and the sources
 *   report.json  the analysis as JSON
 *   graph.svg    the diagram
 *   graph.dot    the diagram's graph, for Graphviz users
 * The folder changes as a whole (ent_report_folder): the files are
 * written into a sibling temporary folder swapped in at the end.
 */
#include <errno.h>
#include <string.h>

#include "cli.h"

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

/* With --by: periods.csv, one diagram per period on the layout of the
 * whole graph, and the trend charts (names in report.h). */
static ent_status write_time(ent_report_folder *folder, ent_renderer *r,
	const ent_dataset *ds, const ent_graph *g, const ent_metrics *m,
	const ent_periods *p, const ent_trends *t,
	const ent_render_options *ropts, ent_error *err)
{
	ent_report_options csv = ENT_REPORT_OPTIONS_INIT;
	ent_render_options po = *ropts;
	ent_plot_options plot = ENT_PLOT_OPTIONS_INIT;
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
	for (i = 0; i < ent_periods_count(p) && st == ENT_OK; i++) {
		snprintf(title, sizeof(title), "%s",
			ent_periods_summary(p, i)->label);
		po.title = ropts->title ? ropts->title : title;
		ent_report_period_diagram_name(name, p, i);
		st = (fp = file(folder, name, err)) == NULL
			? err->code
			: ent_render_write(r, fp, ent_periods_graph(p, i),
				  ent_periods_metrics(p, i), NULL, &po, err);
	}
	ent_positions_destroy(pos);
	n = ent_report_chart_relations(t, rel, ENT_REPORT_MAX_CHARTS);
	for (i = 0; i < n && st == ENT_OK; i++) {
		ent_report_chart_name(name, ent_trends_relation(t, rel[i]));
		st = (fp = file(folder, name, err)) == NULL
			? err->code
			: ent_plot_relation(fp, t, rel[i], &plot, err);
	}
	n = ent_report_chart_actors(t, g, m, act, 6);
	if (n > 0 && st == ENT_OK) {
		st = (fp = file(folder, ENT_REPORT_ACTORS_CHART, err)) == NULL
			? err->code
			: ent_plot_centrality(fp, t, act, n, &plot, err);
	}
	return st;
}

int cmd_report(cli_opts *o)
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
	ent_error err = {0};
	FILE *fp;
	int rc;

	if (o->output == NULL || strcmp(o->output, "-") == 0) {
		return cli_usage_error(
			"report needs -o DIR, the folder to write");
	}
	if (o->format) {
		return cli_usage_error("--format: report writes every format; "
				       "use render or analyze for one");
	}
	if ((rc = cli_render_options(&ropts, o)) != 0) {
		return rc;
	}
	md.format = ENT_REPORT_MARKDOWN;
	md.top = o->top;
	md.diagram = "graph.svg";
	json.format = ENT_REPORT_JSON;
	json.top = o->top;
	if ((rc = cli_load(&ds, o, 1)) != 0) {
		return rc;
	}
	if (ent_graph_build(&g, ent_dataset_dyads(ds), &o->graph, &err) !=
			ENT_OK ||
		ent_metrics_compute(&m, g, NULL, &err) != ENT_OK ||
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
	if ((fp = file(folder, "graph.svg", &err)) == NULL ||
		ent_render_write(r, fp, g, m, ds, &ropts, &err) != ENT_OK) {
		goto fail;
	}
	ropts.format = ENT_RENDER_DOT;
	if ((fp = file(folder, "graph.dot", &err)) == NULL ||
		ent_render_write(r, fp, g, m, ds, &ropts, &err) != ENT_OK) {
		goto fail;
	}
	if (p != NULL &&
		write_time(folder, r, ds, g, m, p, t, &ropts, &err) != ENT_OK) {
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
	ent_renderer_destroy(r);
	ent_trends_destroy(t);
	ent_periods_destroy(p);
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dataset_destroy(ds);
	return rc;
}
