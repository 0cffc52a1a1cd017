/* SPDX-License-Identifier: MIT */
/*
 * entente plot: one relation (--relation A-B) or one actor with everyone
 * (--actor NAME) over time (--by), drawn by PLplot (plot.h) as SVG, PNG or
 * PDF. A and B are named as --actors names them: a code, a state's name or
 * a group (trend.h, ent_trends_sum, says what a group's relation sums).
 */
#include <stdint.h>
#include <string.h>

#include "cli.h"

/* Resolve one name of --relation or --actor (groups allowed); 0, or -1
 * with the reason in `err`. */
static int resolve(ent_actor_name *out, const char *name, size_t len,
	ent_error *err)
{
	return ent_actor_name_resolve(out, name, len, ENT_NAME_GROUPS, err) ==
			ENT_OK
		? 0
		: -1;
}

static int same_actor(const ent_actor_name *a, const ent_actor_name *b)
{
	return a->kind == b->kind &&
		(a->kind == ENT_ACTOR_STATE ? a->state == b->state
		 : a->kind == ENT_ACTOR_GROUP ? a->group == b->group
					      : strcmp(a->code, b->code) == 0);
}

/*
 * --relation A-B (or A,B): two names. A name may hold a hyphen
 * (Guinea-Bissau) or a space (United States), so with a hyphen the split
 * is the one where both sides name an actor; a comma splits first.
 */
static int parse_relation(cli_opts *o, const char *arg)
{
	ent_actor_name a, b;
	ent_error err = {0}, first_err = {0};
	const char *comma = strchr(arg, ','), *p;
	int found = 0;

	if (comma != NULL) {
		if (strchr(comma + 1, ',') != NULL ||
			resolve(&a, arg, (size_t)(comma - arg), &err) != 0 ||
			resolve(&b, comma + 1, strlen(comma + 1), &err) != 0) {
			if (err.message[0]) {
				return cli_usage_error("--relation: %s",
					err.message);
			}
			return cli_usage_error("--relation: \"%s\" is not two "
				"actors A-B", arg);
		}
		found = 1;
	}
	for (p = strchr(arg, '-'); comma == NULL && p != NULL;
		p = strchr(p + 1, '-')) {
		ent_actor_name x, y;

		if (resolve(&x, arg, (size_t)(p - arg), &err) != 0 ||
			resolve(&y, p + 1, strlen(p + 1), &err) != 0) {
			if (!first_err.message[0] && p > arg && p[1] != '\0') {
				first_err = err;
			}
			continue;
		}
		if (found) {
			return cli_usage_error("--relation: \"%s\" splits "
				"into two actors in more than one way; write "
				"A,B", arg);
		}
		a = x;
		b = y;
		found = 1;
	}
	if (!found) {
		if (first_err.message[0]) {
			return cli_usage_error("--relation: %s",
				first_err.message);
		}
		return cli_usage_error("--relation: \"%s\" is not two actors "
			"A-B (RUS-TUR, Russia-Turkey, NATO-RUS)", arg);
	}
	if (same_actor(&a, &b)) {
		return cli_usage_error("--relation: \"%s\" names one actor "
			"twice", arg);
	}
	o->relation[0] = a;
	o->relation[1] = b;
	o->has_relation = 1;
	return 0;
}

static int parse_actor(cli_opts *o, const char *arg)
{
	ent_error err = {0};

	if (resolve(&o->actor, arg, strlen(arg), &err) != 0) {
		return cli_usage_error("--actor: %s", err.message);
	}
	o->has_actor = 1;
	return 0;
}

static const cli_choice format_choices[] = {
	{"svg", ENT_PLOT_SVG}, {"png", ENT_PLOT_PNG}, {"pdf", ENT_PLOT_PDF},
	{NULL, 0}};

static const cli_opt opt_output = {CLI_OPT_STRING, "output", 'o', "FILE",
	offsetof(cli_opts, output), NULL, 0, NULL,
	"write the chart to FILE (atomically; required)"};
static const cli_opt opt_format = {CLI_OPT_CHOICE, "format", 0, "F",
	offsetof(cli_opts, format), format_choices, 0, NULL,
	"the chart's format (default: from the extension of -o)"};
static const cli_opt section_chart = {CLI_OPT_SECTION, "Chart (one of "
	"--relation and --actor)", 0, NULL, 0, NULL, 0, NULL, NULL};
static const cli_opt opt_relation = {CLI_OPT_CUSTOM, "relation", 0, "PAIR",
	0, NULL, 0, parse_relation,
	"the relation of A and B, named as --actors names them:\n"
	"RUS-TUR, Russia-Turkey, NATO-RUS (a group: its members\n"
	"in each period), or A,B"};
static const cli_opt opt_actor = {CLI_OPT_CUSTOM, "actor", 0, "NAME", 0,
	NULL, 0, parse_actor,
	"one actor (a code, name or group) with everyone else"};
static const cli_opt opt_by = {CLI_OPT_CHOICE, "by", 0, "UNIT",
	offsetof(cli_opts, by), cli_by_choices, 0, NULL,
	"the periods of the chart (required)"};

static const cli_opt *const options[] = {
	&cli_opt_help, &opt_output, &opt_format, &cli_opt_quiet,
	&section_chart, &opt_relation, &opt_actor,
	CLI_OPTS_FILTERS,
	CLI_OPTS_AGGREGATION, &opt_by,
	CLI_OPTS_INPUT,
	NULL,
};

static const cli_example examples[] = {
	{"entente plot --by week --relation IRN-ISR "
		"examples/gdelt-may-june-2025.export.CSV -o iran-israel.svg",
		"Iran and Israel week by week, from GDELT rows"},
	{"entente plot --by month --relation NATO-Russia "
		"examples/baltic-black-sea.json -o nato-russia.png",
		"the NATO members' relation with Russia, month by month"},
	{"entente plot --by quarter --actor China "
		"examples/baltic-black-sea.json -o china.pdf",
		"China with everyone else, quarter by quarter"},
	{NULL, NULL},
};

/* The chart's format: --format, else the extension of -o. */
static int chart_format(ent_plot_format *out, const cli_opts *o)
{
	if (o->format >= 0) {
		*out = (ent_plot_format)o->format;
		return 0;
	}
	if (ent_plot_format_from_path(out, o->output) != ENT_OK) {
		char list[64];
		return cli_usage_error("-o %s: cannot tell the format from the "
			"extension; use --format %s", o->output,
			cli_choices_text(list, sizeof(list), &opt_format, "|"));
	}
	return 0;
}

static int run(cli_opts *o)
{
	ent_dataset *ds = NULL;
	ent_periods *p = NULL;
	ent_trends *t = NULL;
	ent_trend_relation *r = NULL;
	ent_output *out = NULL;
	ent_plot_options popts = ENT_PLOT_OPTIONS_INIT;
	ent_error err = {0};
	ent_status st;
	int rc;

	if (o->dataset.by == ENT_PERIOD_NONE) {
		return cli_usage_error("plot needs --by week, month, quarter "
			"or year");
	}
	if (o->has_relation == o->has_actor) {
		return cli_usage_error(
			"plot needs one of --relation A-B or --actor NAME");
	}
	if (o->output == NULL || strcmp(o->output, "-") == 0) {
		return cli_usage_error(
			"plot needs -o FILE (.svg, .png or .pdf)");
	}
	if ((rc = chart_format(&popts.format, o)) != 0) {
		return rc;
	}
	if ((rc = cli_load(&ds, o, 0)) != 0) {
		return rc;
	}
	rc = CLI_EXIT_OK;
	if (ent_periods_compute(&p, ds, &o->graph, &err) != ENT_OK ||
		ent_trends_compute(&t, p, NULL, &err) != ENT_OK ||
		ent_trends_sum(&r, t,
			o->has_relation ? &o->relation[0] : &o->actor,
			o->has_relation ? &o->relation[1] : NULL,
			&err) != ENT_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	if (r->n_points == 0) {
		if (o->has_relation) {
			snprintf(err.message, sizeof(err.message),
				"no dated events between %s and %s in the "
				"inputs",
				r->a, r->b);
		} else {
			snprintf(err.message, sizeof(err.message),
				"no dated events of %s in the inputs", r->a);
		}
		err.code = ENT_ENOTFOUND;
		rc = cli_fail(&err);
		goto done;
	}
	st = ent_output_open(&out, o->output, &err);
	if (st == ENT_OK) {
		st = ent_plot_trend(ent_output_stream(out), t, r, &popts,
			&err);
	}
	rc = cli_output_end(out, st, &err);
done:
	ent_free(r);
	ent_trends_destroy(t);
	ent_periods_destroy(p);
	ent_dataset_destroy(ds);
	return rc;
}

const cli_command cli_cmd_plot = {
	"plot", "Chart one relation or actor over time (SVG, PNG, PDF).",
	"[OPTIONS] [INPUT...] --by UNIT (--relation A-B | --actor NAME) "
	"-o FILE",
	"Draws cooperation (bars up), conflict (hatched bars down) and net\n"
	"(line) per period with PLplot; a period without events of the\n"
	"relation or actor is no news: shaded, a gap in the line. A group\n"
	"(NATO, EU, ...) stands for the states that were its members in\n"
	"each period; --actor sums the actor's relations with everyone\n"
	"outside it.\n",
	options, examples, SIZE_MAX, run,
};
