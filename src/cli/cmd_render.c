/* SPDX-License-Identifier: MIT */
/*
 * entente render: read inputs, build and measure the graph, draw it with
 * Graphviz (DOT, SVG, PNG, PDF) or export it (GraphML, GML).
 */
#include <stdint.h>
#include <string.h>

#include "cli.h"

static const cli_choice format_choices[] = {
	{"dot", ENT_RENDER_DOT}, {"svg", ENT_RENDER_SVG},
	{"png", ENT_RENDER_PNG}, {"pdf", ENT_RENDER_PDF},
	{"graphml", ENT_RENDER_GRAPHML}, {"gml", ENT_RENDER_GML},
	{"gexf", ENT_RENDER_GEXF}, {"csv", ENT_RENDER_CSV}, {NULL, 0}};

static const cli_opt opt_format = {CLI_OPT_CHOICE, "format", 0, "F",
	offsetof(cli_opts, format), format_choices, 0, NULL,
	"the output's format (default: from the extension of -o)"};

static const cli_opt opt_by = {CLI_OPT_CHOICE, "by", 0, "UNIT",
	offsetof(cli_opts, by), cli_by_choices, 0, NULL,
	"with GEXF: the periods, as time intervals for Gephi's\n"
	"timeline (the other formats have no periods)"};

static const cli_opt *const options[] = {
	&cli_opt_help, &cli_opt_output_file, &opt_format, &cli_opt_quiet,
	&cli_section_diagram, &cli_opt_layout, &cli_opt_size, &cli_opt_title,
	&cli_opt_directed, &cli_opt_top_relations, &cli_opt_min_weight,
	&cli_opt_seed, &cli_opt_all_relations,
	CLI_OPTS_FILTERS,
	CLI_OPTS_AGGREGATION, &opt_by,
	CLI_OPTS_INPUT,
	CLI_OPTS_MEASURES,
	NULL,
};

static const cli_example examples[] = {
	{"entente render examples/baltic-black-sea.json -o baltic.svg",
		"the diagram of an event list, as SVG"},
	{"entente render --layout fdp --top 20 --title \"Black Sea\" "
		"examples/baltic-black-sea.json -o baltic.png",
		"the 20 strongest relations, blocs as clusters, as PNG"},
	{"entente render --by month examples/baltic-black-sea.json "
		"-o baltic.gexf",
		"the relations month by month, for Gephi's timeline"},
	{NULL, NULL},
};

void cli_render_options(ent_render_options *ropts, const cli_opts *o)
{
	ropts->directed = o->directed;
	ropts->top = (size_t)o->top;
	ropts->min_weight = o->min_weight;
	ropts->title = o->title;
	ropts->seed = (unsigned long)o->seed;
	ropts->layout = (ent_layout)o->layout;
	ropts->size_by = (ent_size_by)o->size_by;
	if (o->all_relations) {
		ropts->crowded_top = 0;
	}
}

static int run(cli_opts *o)
{
	ent_dataset *ds = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	ent_renderer *r = NULL;
	ent_output *out = NULL;
	ent_render_options ropts = ENT_RENDER_OPTIONS_INIT;
	ent_error err = {0};
	const char *path = o->output ? o->output : "-";
	ent_status st;
	int rc;

	if (o->format >= 0) {
		ropts.format = (ent_render_format)o->format;
	} else if (strcmp(path, "-") != 0 &&
		ent_render_format_from_path(&ropts.format, path) != ENT_OK) {
		char list[128];
		return cli_usage_error("-o %s: cannot tell the format from the "
			"extension; use --format %s", path,
			cli_choices_text(list, sizeof(list), &opt_format, "|"));
	}
	/* only GEXF holds periods (as time intervals) */
	if (o->dataset.by != ENT_PERIOD_NONE && ropts.format != ENT_RENDER_GEXF) {
		return cli_usage_error("--by: only the GEXF export has periods "
			"(-o FILE.gexf); report --by draws one diagram per "
			"period, plot --by a chart over time");
	}
	cli_render_options(&ropts, o);
	if ((rc = cli_load(&ds, o, 0)) != 0) {
		return rc;
	}
	rc = CLI_EXIT_OK;
	if (ent_graph_build(&g, ent_dataset_dyads(ds), &o->graph, &err) !=
			ENT_OK ||
		ent_metrics_compute(&m, g, &o->metrics, &err) != ENT_OK ||
		ent_renderer_create(&r, &err) != ENT_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	st = ent_output_open(&out, path, &err);
	if (st == ENT_OK) {
		st = ent_render_write(r, ent_output_stream(out), g, m, ds,
			&ropts, &err);
	}
	rc = cli_output_end(out, st, &err);
done:
	ent_renderer_destroy(r);
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dataset_destroy(ds);
	return rc;
}

const cli_command cli_cmd_render = {
	"render", "Draw the relationship diagram, or export the graph.",
	"[OPTIONS] [INPUT...] -o FILE",
	"Writes the diagram as DOT, SVG, PNG or PDF (Graphviz); the graph\n"
	"as GraphML or GML (directed dyads, actor codes as ids, typed\n"
	"attributes), GEXF 1.3 (relations, with --by periods as time\n"
	"intervals) or CSV (the signed relation list a,b,sign,weight,...)\n"
	"for Gephi, Cytoscape, NetworkX or R. The format comes from the\n"
	"extension of -o, or --format.\n",
	options, examples, SIZE_MAX, run,
};
