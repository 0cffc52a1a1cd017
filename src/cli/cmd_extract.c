/* SPDX-License-Identifier: MIT */
/*
 * entente extract: news text in, the events JSON of DESIGN.md out.
 */
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"

int cmd_extract(cli_opts *o)
{
	ent_extractor *ex = NULL;
	ent_events *events = NULL;
	ent_output *out = NULL;
	ent_error err = {0};
	char *json = NULL;
	char *stdin_only[] = {"-"};
	char **inputs = o->n_inputs ? o->inputs : stdin_only;
	size_t n = o->n_inputs ? o->n_inputs : 1, i;
	int rc = CLI_EXIT_OK;

	if (o->n_inputs == 0 && isatty(STDIN_FILENO)) {
		return cli_usage_error("no input given (a file, or - for "
				       "standard input)");
	}
	if (ent_extractor_create(&ex, &o->extract, &err) != ENT_OK ||
		ent_events_create(&events) != ENT_OK) {
		if (err.code == ENT_OK) {
			err.code = ENT_ENOMEM;
			snprintf(err.message, sizeof(err.message),
				"out of memory");
		}
		rc = cli_fail(&err);
		goto done;
	}
	for (i = 0; i < n; i++) {
		char *text = NULL;
		size_t len = 0;
		ent_status st;

		if ((st = ent_read_text(&text, &len, inputs[i], &err)) ==
			ENT_OK) {
			st = ent_extract_text(ex, text, len, inputs[i],
				ent_events_add_cb, events, &err);
		}
		free(text);
		if (st != ENT_OK) {
			rc = cli_fail(&err);
			goto done;
		}
	}
	if (ent_events_to_json(&json, events, &err) != ENT_OK ||
		ent_output_open(&out, o->output ? o->output : "-", &err) !=
			ENT_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	fputs(json, ent_output_stream(out));
	if (ent_output_commit(out, &err) != ENT_OK) {
		rc = cli_fail(&err);
	}
done:
	ent_free(json);
	ent_events_destroy(events);
	ent_extractor_destroy(ex);
	return rc;
}
