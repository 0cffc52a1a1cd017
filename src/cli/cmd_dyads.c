/* SPDX-License-Identifier: MIT */
/*
 * entente dyads: aggregate the inputs into a directed dyad table (CSV),
 * which every command reads back and which merges exactly with the tables
 * of other runs.
 */
#include "cli.h"

int cmd_dyads(cli_opts *o)
{
	ent_dataset *ds = NULL;
	ent_dyads *kept = NULL;
	const ent_dyads *table;
	ent_output *out = NULL;
	ent_error err = {0};
	ent_dyad d;
	size_t i;
	int rc;

	if (o->dataset.by != ENT_PERIOD_NONE) {
		return cli_usage_error("--by: a dyad table has no periods "
			"(analyze --by gives them)");
	}
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
	if (ent_output_open(&out, o->output ? o->output : "-", &err) !=
		ENT_OK ||
		ent_dyads_write_csv(ent_output_stream(out), table, &err) !=
		ENT_OK) {
		if (err.source == NULL && o->output != NULL) {
			err.source = o->output;
		}
		ent_output_abort(out);
		rc = cli_fail(&err);
		goto done;
	}
	if (ent_output_commit(out, &err) != ENT_OK) {
		rc = cli_fail(&err);
	}
done:
	ent_dyads_destroy(kept);
	ent_dataset_destroy(ds);
	return rc;
}
