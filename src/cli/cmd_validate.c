/* SPDX-License-Identifier: MIT */
/*
 * entente validate: score the extractor (with the user's dictionaries)
 * against a gold table, as shared/tools/score_extract.py does: each row
 * that differs, then precision, recall, F1 and sign errors.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_opt opt_quiet = {CLI_OPT_FLAG, "quiet", 0, NULL,
	offsetof(cli_opts, quiet), NULL, 0, NULL,
	"only the scores, not the sentences that differ"};

static const cli_opt *const options[] = {
	&cli_opt_help, &opt_quiet,
	&cli_section_text, &cli_opt_actor_dict, &cli_opt_verb_dict,
	NULL,
};

static const cli_example examples[] = {
	{"entente validate tests/data/extract/gold.tsv",
		"score the extractor on the project's own gold sentences"},
	{"entente validate --quiet --actor-dict "
		"tests/data/extract/user-actors.tsv tests/data/extract/mini.tsv",
		"the scores only, with an actor dictionary of your own"},
	{NULL, NULL},
};

static void print_row(
	const char *id, const char *missed, const char *extra, void *payload)
{
	FILE *fp = payload;

	fprintf(fp, "%s\tmissed: %s\textra: %s\n", id, missed, extra);
}

static int run(cli_opts *o)
{
	ent_extractor *ex = NULL;
	ent_extract_score sc;
	ent_error err = {0};
	char *tsv = NULL, *dir = NULL, *slash;
	size_t len = 0;
	int rc = CLI_EXIT_OK;

	if (o->n_inputs != 1) {
		return cli_usage_error("validate takes one gold table (TSV)");
	}
	if (ent_read_file(&tsv, &len, o->inputs[0],
		    ENT_TEXT_MAX_BYTES, &err) != ENT_OK ||
		ent_extractor_create(&ex, &o->extract, &err) != ENT_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	/* "@FILE" cells are relative to the table's folder */
	if ((dir = malloc(strlen(o->inputs[0]) + 1)) == NULL) {
		err.code = ENT_ENOMEM;
		snprintf(err.message, sizeof(err.message), "out of memory");
		rc = cli_fail(&err);
		goto done;
	}
	strcpy(dir, o->inputs[0]);
	slash = strrchr(dir, '/');
	if (slash != NULL) {
		*slash = '\0';
	} else {
		dir[0] = '\0';
	}
	if (ent_extract_score_table(&sc, ex, tsv, len, o->inputs[0], dir,
		    o->quiet ? NULL : print_row, stdout, &err) != ENT_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	printf("rows %zu, required %zu, predicted %zu, sign errors %zu: "
	       "precision %.3f recall %.3f F1 %.3f\n",
		sc.rows, sc.required, sc.predicted, sc.sign_errors,
		sc.precision, sc.recall, sc.f1);
done:
	free(dir);
	ent_free(tsv);
	ent_extractor_destroy(ex);
	return rc;
}

const cli_command cli_cmd_validate = {
	"validate", "Score the extractor against a gold table.",
	"[OPTIONS] GOLD.tsv",
	"The gold table has the columns id, sentence, required, optional\n"
	"(see README). Prints every sentence whose events differ, then\n"
	"precision, recall, F1 and sign errors.\n",
	options, examples, 1, run,
};
