/* SPDX-License-Identifier: MIT */
/*
 * entente render: read inputs, build and measure the graph, draw it with
 * Graphviz (DOT, SVG, PNG, PDF) or export it (GraphML, GML).
 */
#include <string.h>

#include "cli.h"

int cli_render_options(ent_render_options *ropts, const cli_opts *o)
{
	ropts->directed = o->directed;
	ropts->top = o->top;
	ropts->min_weight = o->min_weight;
	ropts->title = o->title;
	ropts->seed = o->seed;
	if (o->all_relations) {
		ropts->crowded_top = 0;
	}
	if (o->layout &&
		ent_layout_parse(&ropts->layout, o->layout) != ENT_OK) {
		return cli_usage_error(
			"--layout: \"%s\" is not neato, fdp, sfdp, "
			"circo or dot",
			o->layout);
	}
	if (o->size_by &&
		ent_size_by_parse(&ropts->size_by, o->size_by) != ENT_OK) {
		return cli_usage_error("--size: \"%s\" is not pagerank, "
				       "betweenness, degree or events",
			o->size_by);
	}
	return 0;
}

int cmd_render(cli_opts *o)
{
	ent_dataset *ds = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	ent_renderer *r = NULL;
	ent_output *out = NULL;
	ent_render_options ropts = ENT_RENDER_OPTIONS_INIT;
	ent_error err = {0};
	const char *path = o->output ? o->output : "-";
	int rc;

	if (o->format) {
		if (ent_render_format_parse(&ropts.format, o->format) !=
			ENT_OK) {
			return cli_usage_error(
				"--format: \"%s\" is not dot, svg, png, "
				"pdf, graphml or gml",
				o->format);
		}
	} else if (strcmp(path, "-") != 0 &&
		ent_render_format_from_path(&ropts.format, path) != ENT_OK) {
		return cli_usage_error(
			"-o %s: cannot tell the format from the "
			"extension; use --format dot|svg|png|pdf|graphml|gml",
			path);
	}
	if ((rc = cli_render_options(&ropts, o)) != 0) {
		return rc;
	}
	if (o->dataset.by != ENT_PERIOD_NONE) {
		return cli_usage_error(
			"--by: render draws one diagram; report --by draws one "
			"per period, plot --by a chart over time");
	}
	if ((rc = cli_load(&ds, o, 0)) != 0) {
		return rc;
	}
	rc = CLI_EXIT_OK;
	if (ent_graph_build(&g, ent_dataset_dyads(ds), &o->graph, &err) !=
			ENT_OK ||
		ent_metrics_compute(&m, g, &o->metrics, &err) != ENT_OK ||
		ent_renderer_create(&r, &err) != ENT_OK ||
		ent_output_open(&out, path, &err) != ENT_OK ||
		ent_render_write(r, ent_output_stream(out), g, m, ds, &ropts,
			&err) != ENT_OK) {
		ent_output_abort(out);
		rc = cli_fail(&err);
		goto done;
	}
	if (ent_output_commit(out, &err) != ENT_OK) {
		rc = cli_fail(&err);
	}
done:
	ent_renderer_destroy(r);
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dataset_destroy(ds);
	return rc;
}
