/* SPDX-License-Identifier: MIT */
/*
 * entente plot: one relation (--relation A-B) or one actor (--actor CODE)
 * over time (--by), drawn by PLplot (plot.h) as SVG, PNG or PDF.
 */
#include <ctype.h>
#include <string.h>

#include "cli.h"

/* "rus-tur" -> "RUS" and "TUR" (also "RUS,TUR"). 0, or -1 if malformed. */
static int split_relation(
	const char *arg, char a[ENT_CODE_SIZE], char b[ENT_CODE_SIZE])
{
	const char *sep = strpbrk(arg, "-,");
	size_t la, lb, i;

	if (sep == NULL) {
		return -1;
	}
	la = (size_t)(sep - arg);
	lb = strlen(sep + 1);
	if (la == 0 || lb == 0 || la >= ENT_CODE_SIZE || lb >= ENT_CODE_SIZE ||
		strpbrk(sep + 1, "-,") != NULL) {
		return -1;
	}
	for (i = 0; i < la; i++) {
		a[i] = (char)toupper((unsigned char)arg[i]);
	}
	a[la] = '\0';
	for (i = 0; i < lb; i++) {
		b[i] = (char)toupper((unsigned char)sep[1 + i]);
	}
	b[lb] = '\0';
	return 0;
}

int cmd_plot(cli_opts *o)
{
	ent_dataset *ds = NULL;
	ent_periods *p = NULL;
	ent_trends *t = NULL;
	ent_output *out = NULL;
	ent_plot_options popts = ENT_PLOT_OPTIONS_INIT;
	ent_error err = {0};
	char a[ENT_CODE_SIZE], b[ENT_CODE_SIZE];
	size_t idx;
	int rc;

	if (o->dataset.by == ENT_PERIOD_NONE) {
		return cli_usage_error("plot needs --by week, month, quarter "
				       "or year");
	}
	if ((o->relation == NULL) == (o->actor == NULL)) {
		return cli_usage_error(
			"plot needs one of --relation A-B or --actor CODE");
	}
	if (o->relation && split_relation(o->relation, a, b) != 0) {
		return cli_usage_error("--relation: \"%s\" is not two actor "
				       "codes A-B (RUS-TUR)",
			o->relation);
	}
	if (o->actor) {
		size_t i, len = strlen(o->actor);
		if (len == 0 || len >= ENT_CODE_SIZE) {
			return cli_usage_error(
				"--actor: \"%s\" is not an actor code",
				o->actor);
		}
		for (i = 0; i <= len; i++) {
			a[i] = (char)toupper((unsigned char)o->actor[i]);
		}
	}
	if (o->output == NULL || strcmp(o->output, "-") == 0) {
		return cli_usage_error(
			"plot needs -o FILE (.svg, .png or .pdf)");
	}
	if (o->format) {
		char name[16];
		snprintf(name, sizeof(name), "x.%s", o->format);
		if (ent_plot_format_from_path(&popts.format, name) != ENT_OK) {
			return cli_usage_error(
				"--format: \"%s\" is not svg, png or pdf",
				o->format);
		}
	} else if (ent_plot_format_from_path(&popts.format, o->output) !=
		ENT_OK) {
		return cli_usage_error("-o %s: cannot tell the format from the "
				       "extension; use --format svg|png|pdf",
			o->output);
	}
	if ((rc = cli_load(&ds, o, 0)) != 0) {
		return rc;
	}
	rc = CLI_EXIT_OK;
	if (ent_periods_compute(&p, ds, &o->graph, &err) != ENT_OK ||
		(o->actor &&
			ent_periods_compute_actors(p, ds, &o->graph, &err) !=
				ENT_OK) ||
		ent_trends_compute(&t, p, NULL, &err) != ENT_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	idx = o->relation ? ent_trends_find_relation(t, a, b)
			  : ent_trends_find_actor(t, a);
	if (idx == (size_t)-1) {
		if (o->relation) {
			snprintf(err.message, sizeof(err.message),
				"no dated events between %s and %s in the "
				"inputs",
				a, b);
		} else {
			snprintf(err.message, sizeof(err.message),
				"no dated events of %s in the inputs", a);
		}
		err.code = ENT_ENOTFOUND;
		rc = cli_fail(&err);
		goto done;
	}
	if (ent_output_open(&out, o->output, &err) != ENT_OK ||
		(o->relation ? ent_plot_relation(ent_output_stream(out), t, idx,
				       &popts, &err)
			     : ent_plot_actor(ent_output_stream(out), t, idx,
				       &popts, &err)) != ENT_OK) {
		ent_output_abort(out);
		rc = cli_fail(&err);
		goto done;
	}
	if (ent_output_commit(out, &err) != ENT_OK) {
		rc = cli_fail(&err);
	}
done:
	ent_trends_destroy(t);
	ent_periods_destroy(p);
	ent_dataset_destroy(ds);
	return rc;
}
