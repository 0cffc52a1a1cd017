/* SPDX-License-Identifier: MIT */
/*
 * entente analyze: read inputs, build the graph, measure it (and each
 * period with --by), report.
 */
#include <stdint.h>
#include <string.h>

#include "cli.h"

static const cli_choice format_choices[] = {
	{"text", ENT_REPORT_TEXT}, {"json", ENT_REPORT_JSON},
	{"csv", ENT_REPORT_CSV}, {"md", ENT_REPORT_MARKDOWN}, {NULL, 0}};
static const cli_choice table_choices[] = {
	{"actors", 0}, {"dyads", 0}, {"relations", 0}, {"blocs", 0},
	{"periods", 0}, {"changes", 0}, {NULL, 0}};

static const cli_opt opt_format = {CLI_OPT_CHOICE, "format", 0, "F",
	offsetof(cli_opts, format), format_choices, 0, NULL,
	"the report's format (default text)"};
static const cli_opt opt_table = {CLI_OPT_KEYWORD, "table", 0, "T",
	offsetof(cli_opts, table), table_choices, 0, NULL,
	"with --format csv: which table (default periods\n"
	"with --by, else actors; changes needs --by)"};
static const cli_opt opt_top = {CLI_OPT_COUNT, "top", 0, "N",
	offsetof(cli_opts, top), NULL, 1, NULL,
	"rows in ranked tables (default 10)"};

static const cli_opt *const options[] = {
	&cli_opt_help, &cli_opt_output_file, &opt_format, &opt_table,
	&opt_top, &cli_opt_quiet,
	CLI_OPTS_FILTERS,
	CLI_OPTS_AGGREGATION, &cli_opt_by,
	CLI_OPTS_INPUT,
	CLI_OPTS_MEASURES,
	NULL,
};

static const cli_example examples[] = {
	{"entente analyze examples/baltic-black-sea.json",
		"the report of an event list, as tables for the terminal"},
	{"entente analyze --by month --format json -o report.json "
		"examples/baltic-black-sea.json",
		"the report as JSON (report/1), with a section per month"},
	{"entente analyze --format csv --table relations --actors RUS,UKR,POL "
		"examples/baltic-black-sea.json",
		"the signed relations among three states, as CSV"},
	{NULL, NULL},
};

static int run(cli_opts *o)
{
	ent_dataset *ds = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	ent_periods *p = NULL;
	ent_output *out = NULL;
	ent_report_options ropts = ENT_REPORT_OPTIONS_INIT;
	ent_error err = {0};
	ent_status st;
	int rc;

	if (o->format >= 0) {
		ropts.format = (ent_report_format)o->format;
	}
	if (o->table &&
		(strcmp(o->table, "periods") == 0 ||
			strcmp(o->table, "changes") == 0) &&
		o->dataset.by == ENT_PERIOD_NONE) {
		return cli_usage_error("--table %s needs --by week, month, "
			"quarter or year", o->table);
	}
	ropts.top = (size_t)o->top;
	ropts.table = o->table;
	if ((rc = cli_load(&ds, o, 0)) != 0) {
		return rc;
	}
	if (ent_graph_build(&g, ent_dataset_dyads(ds), &o->graph, &err) !=
			ENT_OK ||
		ent_metrics_compute(&m, g, &o->metrics, &err) != ENT_OK ||
		(o->dataset.by != ENT_PERIOD_NONE &&
			ent_periods_compute(&p, ds, &o->graph, &err) !=
				ENT_OK) ||
		/* each period's actor measures (trend.h): every format
		 * shows them */
		(p != NULL &&
			ent_periods_compute_actors(p, ds, &o->graph, &err) !=
				ENT_OK)) {
		rc = cli_fail(&err);
		goto done;
	}
	ropts.periods = p;
	st = ent_output_open(&out, o->output ? o->output : "-", &err);
	if (st == ENT_OK) {
		st = ent_report_write(ent_output_stream(out), ds, g, m, &ropts,
			&err);
	}
	rc = cli_output_end(out, st, &err);
done:
	ent_periods_destroy(p);
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dataset_destroy(ds);
	return rc;
}

const cli_command cli_cmd_analyze = {
	"analyze", "Centrality, alliances, tensions and balance of the actor graph.",
	"[OPTIONS] [INPUT...]",
	"Reads events JSON, news text, GDELT 1.0/2.0 exports, ICEWS files or\n"
	"dyad tables (detected from their content; - is standard input),\n"
	"builds the signed graph of the actors and reports who is central,\n"
	"the blocs, the strongest alliances and tensions and the balance.\n",
	options, examples, SIZE_MAX, run,
};
