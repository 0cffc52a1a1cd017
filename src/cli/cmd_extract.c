/* SPDX-License-Identifier: MIT */
/*
 * entente extract: news text in, events JSON ("events/1") out.
 */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"

static const cli_opt *const options[] = {
	&cli_opt_help, &cli_opt_output_file,
	&cli_section_text, &cli_opt_date, &cli_opt_actor_dict,
	&cli_opt_verb_dict,
	NULL,
};

static const cli_example examples[] = {
	{"entente extract examples/cyber-pact.txt -o cyber-pact.json",
		"the events read from an article, as events JSON (events/1)"},
	{"entente extract --date 2015-05-08 - < examples/cyber-pact.txt",
		"an article on standard input, dated when it gives no date"},
	{NULL, NULL},
};

static int run(cli_opts *o)
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
		ent_events_create(&events, &err) != ENT_OK) {
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

const cli_command cli_cmd_extract = {
	"extract", "Extract events from news text into events JSON.",
	"[OPTIONS] [FILE...]",
	"Reads plain-text articles in English (- for standard input) and\n"
	"writes the events JSON of who did what to whom, with CAMEO codes,\n"
	"Goldstein weights and the sentence each event came from.\n",
	options, examples, SIZE_MAX, run,
};
