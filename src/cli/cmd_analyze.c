/* SPDX-License-Identifier: MIT */
/*
 * entente analyze: read inputs, build the graph, measure it (and each
 * period with --by), report.
 */
#include <string.h>

#include "cli.h"

int cmd_analyze(cli_opts *o)
{
	ent_dataset *ds = NULL;
	ent_graph *g = NULL;
	ent_metrics *m = NULL;
	ent_periods *p = NULL;
	ent_output *out = NULL;
	ent_report_options ropts = ENT_REPORT_OPTIONS_INIT;
	ent_error err = {0};
	int rc;

	if (o->format &&
		ent_report_format_parse(&ropts.format, o->format) != ENT_OK) {
		return cli_usage_error(
			"--format: \"%s\" is not text, json, csv "
			"or md",
			o->format);
	}
	if (o->table && strcmp(o->table, "actors") != 0 &&
		strcmp(o->table, "dyads") != 0 &&
		strcmp(o->table, "relations") != 0 &&
		strcmp(o->table, "blocs") != 0 &&
		strcmp(o->table, "periods") != 0 &&
		strcmp(o->table, "changes") != 0) {
		return cli_usage_error("--table: \"%s\" is not actors, dyads, "
				       "relations, blocs, periods or changes",
			o->table);
	}
	if (o->table &&
		(strcmp(o->table, "periods") == 0 ||
			strcmp(o->table, "changes") == 0) &&
		o->dataset.by == ENT_PERIOD_NONE) {
		return cli_usage_error("--table %s needs --by week, month, "
				       "quarter or year",
			o->table);
	}
	ropts.top = o->top;
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
	if (ent_output_open(&out, o->output ? o->output : "-", &err) !=
			ENT_OK ||
		ent_report_write(ent_output_stream(out), ds, g, m, &ropts,
			&err) != ENT_OK) {
		ent_output_abort(out);
		rc = cli_fail(&err);
		goto done;
	}
	if (ent_output_commit(out, &err) != ENT_OK) {
		rc = cli_fail(&err);
	}
done:
	ent_periods_destroy(p);
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dataset_destroy(ds);
	return rc;
}
