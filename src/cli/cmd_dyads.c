/* SPDX-License-Identifier: MIT */
/*
 * entente dyads: aggregate the inputs into a directed dyad table (CSV),
 * which every command reads back and which merges exactly with the tables
 * of other runs.
 */
#include <stdint.h>

#include "cli.h"

static const cli_opt *const options[] = {
	&cli_opt_help, &cli_opt_output_file, &cli_opt_quiet,
	CLI_OPTS_FILTERS,
	CLI_OPTS_AGGREGATION,
	CLI_OPTS_INPUT,
	NULL,
};

static const cli_example examples[] = {
	{"entente dyads examples/baltic-black-sea.json -o baltic.csv",
		"the directed dyads of an event list, as CSV"},
	{"entente dyads --codes 19 examples/baltic-black-sea.json "
		"examples/cyber-pact.txt -o fights.csv",
		"the fighting (CAMEO root 19) of two inputs in one table"},
	{"entente analyze baltic.csv fights.csv",
		"analyse tables made earlier: they merge exactly"},
	{NULL, NULL},
};

static int run(cli_opts *o)
{
	ent_dataset *ds = NULL;
	ent_dyads *kept = NULL;
	const ent_dyads *table;
	ent_output *out = NULL;
	ent_error err = {0};
	ent_dyad d;
	size_t i;
	ent_status st;
	int rc;

	if ((rc = cli_load(&ds, o, 0)) != 0) {
		return rc;
	}
	table = ent_dataset_dyads(ds);
	if (o->graph.min_events > 0) {
		/* --min-events: the same dyads the graph would keep */
		if (ent_dyads_create(&kept, &err) != ENT_OK) {
			rc = cli_fail(&err);
			goto done;
		}
		for (i = 0; i < ent_dyads_count(table); i++) {
			if (ent_dyads_get(&d, table, i) == ENT_OK &&
				d.events >= o->graph.min_events &&
				ent_dyads_add_dyad(kept, &d, &err) != ENT_OK) {
				rc = cli_fail(&err);
				goto done;
			}
		}
		table = kept;
	}
	st = ent_output_open(&out, o->output ? o->output : "-", &err);
	if (st == ENT_OK) {
		st = ent_dyads_write_csv(ent_output_stream(out), table, &err);
	}
	if (st != ENT_OK && err.source == NULL && o->output != NULL) {
		err.source = o->output;
	}
	rc = cli_output_end(out, st, &err);
done:
	ent_dyads_destroy(kept);
	ent_dataset_destroy(ds);
	return rc;
}

const cli_command cli_cmd_dyads = {
	"dyads", "Aggregate inputs into a directed dyad table (CSV).",
	"[OPTIONS] [INPUT...] [-o dyads.csv]",
	"Every command reads the table back as an input, and the tables of\n"
	"separate runs merge exactly, so a large data set can be aggregated\n"
	"once, piece by piece, and analysed later.\n",
	options, examples, SIZE_MAX, run,
};
