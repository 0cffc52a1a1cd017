/* SPDX-License-Identifier: MIT */
/*
 * The options several commands share, and the two things every option
 * table drives: parsing a command's arguments and printing its help.
 *
 * Parsing is exact: a long option is matched by its whole name (no
 * abbreviations), "--name=value" and "--name value" are the same, a short
 * option takes its value attached or as the next argument, "--" ends the
 * options and "-" alone is an input (standard input).
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define OFF(field) offsetof(cli_opts, field)

/* -- value parsers of the custom options --------------------------------- */

/* Append the items of a comma list to an owned string list. */
static int append_list(char ***list, size_t *n, const char *arg)
{
	const char *p = arg;

	while (*p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (len > 0) {
			char **items = realloc(*list, (*n + 1) * sizeof(*items));
			if (items == NULL) {
				return -1;
			}
			*list = items;
			if ((items[*n] = malloc(len + 1)) == NULL) {
				return -1;
			}
			memcpy(items[*n], p, len);
			items[(*n)++][len] = '\0';
		}
		if (end == NULL) {
			break;
		}
		p = end + 1;
	}
	return 0;
}

/* --actors: each name must stand for something (a code, a state's name, a
 * group); an unknown one is a usage error naming the nearest matches. */
static int parse_actors(cli_opts *o, const char *arg)
{
	size_t i = o->n_actors;

	if (append_list(&o->actors, &o->n_actors, arg) < 0) {
		return cli_usage_error("out of memory");
	}
	for (; i < o->n_actors; i++) {
		ent_actor_name n;
		ent_error err = {0};

		if (ent_actor_name_resolve(&n, o->actors[i],
			    strlen(o->actors[i]), ENT_NAME_GROUPS, &err) !=
			ENT_OK) {
			return cli_usage_error("--actors: %s", err.message);
		}
	}
	return 0;
}

static int parse_codes(cli_opts *o, const char *arg)
{
	size_t i = o->n_codes;

	if (append_list(&o->codes, &o->n_codes, arg) < 0) {
		return cli_usage_error("out of memory");
	}
	for (; i < o->n_codes; i++) {
		const char *c = o->codes[i];
		size_t k, len = strlen(c);

		for (k = 0; k < len && c[k] >= '0' && c[k] <= '9'; k++) {
		}
		if (k != len || len < 2 || len > 4 ||
			ent_cameo_lookup(c) == NULL) {
			return cli_usage_error("--codes: \"%s\" is not a CAMEO "
				"code", c);
		}
	}
	return 0;
}

static int parse_quad(cli_opts *o, const char *arg)
{
	const char *p;

	for (p = arg; *p; p++) {
		if (*p >= '1' && *p <= '4') {
			o->quads |= 1u << (*p - '0');
		} else if (*p != ',') {
			return cli_usage_error("--quad: \"%s\" is not a list of "
				"1, 2, 3, 4", arg);
		}
	}
	return 0;
}

/* -- the shared options -------------------------------------------------- */

const cli_opt cli_opt_help = {CLI_OPT_HELP, "help", 'h', NULL, 0, NULL, 0,
	NULL, "show this help"};
const cli_opt cli_opt_output_file = {CLI_OPT_STRING, "output", 'o', "FILE",
	OFF(output), NULL, 0, NULL,
	"write to FILE (atomically), not to standard output"};
const cli_opt cli_opt_quiet = {CLI_OPT_FLAG, "quiet", 0, NULL, OFF(quiet),
	NULL, 0, NULL, "no progress line, no warnings"};

const cli_opt cli_section_filters = {CLI_OPT_SECTION, "Filters (an event "
	"must pass all of them)", 0, NULL, 0, NULL, 0, NULL, NULL};
const cli_opt cli_opt_since = {CLI_OPT_DATE, "since", 0, "DATE", OFF(since),
	NULL, 0, NULL, "keep events on or after DATE (YYYY[-MM[-DD]])"};
const cli_opt cli_opt_until = {CLI_OPT_DATE, "until", 0, "DATE", OFF(until),
	NULL, 0, NULL,
	"keep events on or before DATE (a month or a year\n"
	"counts whole)"};
const cli_opt cli_opt_date_added = {CLI_OPT_FLAG, "date-added", 0, NULL,
	OFF(date_added), NULL, 0, NULL,
	"compare GDELT's DATEADDED instead of the event date"};
const cli_opt cli_opt_actors = {CLI_OPT_CUSTOM, "actors", 0, "LIST", 0, NULL,
	0, parse_actors,
	"keep events between the listed actors: codes, names\n"
	"or groups (RUS,China,\"United States\" or NATO,BRICS)"};
const cli_opt cli_opt_codes = {CLI_OPT_CUSTOM, "codes", 0, "LIST", 0, NULL, 0,
	parse_codes, "keep CAMEO codes or roots, as prefixes (19,057)"};
const cli_opt cli_opt_quad = {CLI_OPT_CUSTOM, "quad", 0, "LIST", 0, NULL, 0,
	parse_quad,
	"keep quad classes (1 verbal coop, 2 material coop,\n"
	"3 verbal conflict, 4 material conflict), e.g. 3,4"};
const cli_opt cli_opt_root_only = {CLI_OPT_FLAG, "root-only", 0, NULL,
	OFF(root_only), NULL, 0, NULL,
	"keep GDELT root events only (IsRootEvent = 1)"};
const cli_opt cli_opt_min_sources = {CLI_OPT_COUNT, "min-sources", 0, "N",
	OFF(min_sources), NULL, 0, NULL,
	"keep GDELT events reported by N sources or more\n"
	"(NumSources; events without it are left out)"};
const cli_opt cli_opt_min_articles = {CLI_OPT_COUNT, "min-articles", 0, "N",
	OFF(min_articles), NULL, 0, NULL,
	"keep GDELT events in N articles or more (NumArticles)"};
const cli_opt cli_opt_dedupe = {CLI_OPT_FLAG, "dedupe", 0, NULL, OFF(dedupe),
	NULL, 0, NULL,
	"one event per source URL, directed dyad, CAMEO code\n"
	"and day (GDELT codes one article many times)"};

static const cli_choice level_choices[] = {
	{"state", ENT_LEVEL_STATE}, {"actor", ENT_LEVEL_ACTOR}, {NULL, 0}};
static const cli_choice weight_choices[] = {
	{"events", ENT_WEIGHT_EVENTS}, {"mentions", ENT_WEIGHT_MENTIONS},
	{"sources", ENT_WEIGHT_SOURCES}, {"articles", ENT_WEIGHT_ARTICLES},
	{"tone", ENT_WEIGHT_TONE}, {NULL, 0}};
const cli_choice cli_by_choices[] = {
	{"week", ENT_PERIOD_WEEK}, {"month", ENT_PERIOD_MONTH},
	{"quarter", ENT_PERIOD_QUARTER}, {"year", ENT_PERIOD_YEAR},
	{NULL, 0}};

const cli_opt cli_section_aggregation = {CLI_OPT_SECTION, "Aggregation", 0,
	NULL, 0, NULL, 0, NULL, NULL};
const cli_opt cli_opt_level = {CLI_OPT_CHOICE, "level", 0, "L", OFF(level),
	level_choices, 0, NULL,
	"state (default: RUSGOV counts as RUS, non-state\n"
	"actors are left out) or actor (codes as they are)"};
const cli_opt cli_opt_weight = {CLI_OPT_CHOICE, "weight", 0, "W",
	OFF(weight), weight_choices, 0, NULL,
	"what an event counts for (default events: its count;\n"
	"tone: once, with GDELT's AvgTone for its Goldstein)"};
const cli_opt cli_opt_min_events = {CLI_OPT_COUNT, "min-events", 0, "N",
	OFF(min_events), NULL, 0, NULL,
	"leave out directed dyads with fewer than N events"};
const cli_opt cli_opt_by = {CLI_OPT_CHOICE, "by", 0, "UNIT", OFF(by),
	cli_by_choices, 0, NULL, "also aggregate per period"};

static const cli_choice input_format_choices[] = {
	{"json", ENT_FORMAT_JSON}, {"text", ENT_FORMAT_TEXT},
	{"gdelt2", ENT_FORMAT_GDELT2}, {"gdelt1", ENT_FORMAT_GDELT1},
	{"icews", ENT_FORMAT_ICEWS}, {"dyads", ENT_FORMAT_DYADS}, {NULL, 0}};

const cli_opt cli_section_input = {CLI_OPT_SECTION, "Input", 0, NULL, 0, NULL,
	0, NULL, NULL};
const cli_opt cli_opt_input_format = {CLI_OPT_CHOICE, "input-format", 0, "F",
	OFF(input_format), input_format_choices, 0, NULL,
	"read every input as F (default: detect)"};
const cli_opt cli_opt_strict = {CLI_OPT_FLAG, "strict", 0, NULL, OFF(strict),
	NULL, 0, NULL, "a broken row is an error instead of being skipped"};

const cli_opt cli_section_text = {CLI_OPT_SECTION, "News text", 0, NULL, 0,
	NULL, 0, NULL, NULL};
const cli_opt cli_opt_date = {CLI_OPT_DATE, "date", 0, "DATE", OFF(date),
	NULL, 0, NULL,
	"date of the events when a text has no date line or\n"
	"dateline (and the year of a dateline without one)"};
const cli_opt cli_opt_actor_dict = {CLI_OPT_STRING, "actor-dict", 0, "FILE",
	OFF(actor_dict), NULL, 0, NULL,
	"extra actor dictionary (see README)"};
const cli_opt cli_opt_verb_dict = {CLI_OPT_STRING, "verb-dict", 0, "FILE",
	OFF(verb_dict), NULL, 0, NULL,
	"extra event-phrase dictionary (see README)"};

static const cli_choice layout_choices[] = {
	{"neato", ENT_LAYOUT_NEATO}, {"fdp", ENT_LAYOUT_FDP},
	{"sfdp", ENT_LAYOUT_SFDP}, {"circo", ENT_LAYOUT_CIRCO},
	{"dot", ENT_LAYOUT_DOT}, {NULL, 0}};
static const cli_choice size_choices[] = {
	{"pagerank", ENT_SIZE_PAGERANK}, {"betweenness", ENT_SIZE_BETWEENNESS},
	{"degree", ENT_SIZE_DEGREE}, {"events", ENT_SIZE_EVENTS}, {NULL, 0}};

const cli_opt cli_section_diagram = {CLI_OPT_SECTION, "Diagram", 0, NULL, 0,
	NULL, 0, NULL, NULL};
const cli_opt cli_opt_layout = {CLI_OPT_CHOICE, "layout", 0, "L",
	OFF(layout), layout_choices, 0, NULL,
	"Graphviz layout engine (default neato)"};
const cli_opt cli_opt_size = {CLI_OPT_CHOICE, "size", 0, "M", OFF(size_by),
	size_choices, 0, NULL, "what sets node size (default pagerank)"};
const cli_opt cli_opt_title = {CLI_OPT_STRING, "title", 0, "TEXT",
	OFF(title), NULL, 0, NULL,
	"diagram title (default: the inputs and date range)"};
const cli_opt cli_opt_directed = {CLI_OPT_FLAG, "directed", 0, NULL,
	OFF(directed), NULL, 0, NULL,
	"draw directed dyads with arrows, not relations"};
const cli_opt cli_opt_top_relations = {CLI_OPT_COUNT, "top", 0, "N",
	OFF(top), NULL, 1, NULL,
	"draw the N strongest relations (default: all)"};
const cli_opt cli_opt_min_weight = {CLI_OPT_NUMBER, "min-weight", 0, "W",
	OFF(min_weight), NULL, 0, NULL,
	"leave out relations with |net| below W"};
const cli_opt cli_opt_seed = {CLI_OPT_COUNT, "seed", 0, "N", OFF(seed), NULL,
	0, NULL, "layout seed (default 1)"};

const cli_opt cli_opt_all_relations = {CLI_OPT_FLAG, "all-relations", 0,
	NULL, OFF(all_relations), NULL, 0, NULL,
	"draw every relation of a graph over 100 actors\n"
	"(by default its 100 strongest, as its title says)"};

/* --threads: the per-thread sums are added in a fixed order, so any count
 * gives the same bytes; more than 64 is a mistake, not a machine. */
static int parse_threads(cli_opts *o, const char *arg)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(arg, &end, 10);
	if (errno || end == arg || *end || v < 1 || v > 64) {
		return cli_usage_error("--threads: \"%s\" is not a whole number "
			"from 1 to 64", arg);
	}
	o->threads = v;
	return 0;
}

static const cli_choice blocs_choices[] = {
	{"auto", ENT_BLOCS_AUTO}, {"louvain", ENT_BLOCS_LOUVAIN},
	{"spinglass", ENT_BLOCS_SPINGLASS}, {NULL, 0}};

const cli_opt cli_section_measures = {CLI_OPT_SECTION, "Measures", 0, NULL,
	0, NULL, 0, NULL, NULL};
const cli_opt cli_opt_blocs = {CLI_OPT_CHOICE, "blocs", 0, "M", OFF(blocs),
	blocs_choices, 0, NULL,
	"bloc search (default auto: signed Louvain, annealed;\n"
	"spinglass: igraph's, slow above a few thousand actors)"};
const cli_opt cli_opt_sample_above = {CLI_OPT_COUNT, "sample-above", 0, "N",
	OFF(sample_above), NULL, 0, NULL,
	"estimate betweenness and harmonic closeness from\n"
	"sampled sources above N actors (default 20000;\n"
	"0 = always exact)"};
const cli_opt cli_opt_samples = {CLI_OPT_COUNT, "samples", 0, "N",
	OFF(samples), NULL, 1, NULL, "sources of that sample (default 2000)"};
const cli_opt cli_opt_threads = {CLI_OPT_CUSTOM, "threads", 0, "N", 0, NULL,
	0, parse_threads,
	"threads for betweenness and harmonic closeness\n"
	"(default: one per CPU; the output is the same\n"
	"whatever the count)"};
const cli_opt cli_opt_extract_threads = {CLI_OPT_CUSTOM, "threads", 0, "N", 0,
	NULL, 0, parse_threads,
	"documents read at once, one per thread (default:\n"
	"one per CPU, at most 4; the output is the same\n"
	"whatever the count)"};
const cli_opt cli_opt_all_triangles = {CLI_OPT_FLAG, "all-triangles", 0, NULL,
	OFF(all_triangles), NULL, 0, NULL,
	"list every unbalanced triangle (default: the 1000\n"
	"heaviest; the counts are always exact)"};

/* -- help ---------------------------------------------------------------- */

/* Width of the option column, as git and curl align them. */
#define HELP_COLUMN 25

static void print_opt(FILE *fp, const cli_opt *opt)
{
	char head[64];
	const char *h = opt->help ? opt->help : "";
	int n;

	if (opt->alias) {
		n = snprintf(head, sizeof(head), "  -%c, --%s%s%s", opt->alias,
			opt->name, opt->value_name ? " " : "",
			opt->value_name ? opt->value_name : "");
	} else {
		n = snprintf(head, sizeof(head), "  --%s%s%s", opt->name,
			opt->value_name ? " " : "",
			opt->value_name ? opt->value_name : "");
	}
	fputs(head, fp);
	if (n >= HELP_COLUMN - 1) {
		fprintf(fp, "\n%*s", HELP_COLUMN, "");
	} else {
		fprintf(fp, "%*s", HELP_COLUMN - n, "");
	}
	/* continuation lines of the help are indented to the column */
	for (; *h; h++) {
		fputc(*h, fp);
		if (*h == '\n') {
			fprintf(fp, "%*s", HELP_COLUMN, "");
		}
	}
	fputc('\n', fp);
	if (opt->choices != NULL) {
		const cli_choice *c;

		fprintf(fp, "%*s%s: ", HELP_COLUMN, "", opt->value_name);
		for (c = opt->choices; c->name; c++) {
			fprintf(fp, "%s%s", c->name, c[1].name ? ", " : "\n");
		}
	}
}

void cli_print_help(FILE *fp, const cli_command *cmd)
{
	const cli_opt *const *p;
	const cli_example *ex;

	fprintf(fp, "usage: entente %s %s\n\n%s\n", cmd->name, cmd->usage,
		cmd->summary);
	if (cmd->description && cmd->description[0]) {
		fprintf(fp, "\n%s", cmd->description);
	}
	fputs("\nOptions:\n", fp);
	for (p = cmd->opts; *p; p++) {
		if ((*p)->kind == CLI_OPT_SECTION) {
			fprintf(fp, "\n%s:\n", (*p)->name);
		} else {
			print_opt(fp, *p);
		}
	}
	if (cmd->examples && cmd->examples[0].command) {
		fputs("\nExamples:\n", fp);
		for (ex = cmd->examples; ex->command; ex++) {
			fprintf(fp, "  %s\n      %s\n", ex->command, ex->what);
		}
	}
}

const cli_command *cli_find_command(const char *name)
{
	size_t i;

	for (i = 0; i < cli_n_commands; i++) {
		if (strcmp(cli_commands[i]->name, name) == 0) {
			return cli_commands[i];
		}
	}
	return NULL;
}

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("entente: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(" (try --help)\n", stderr);
	return CLI_EXIT_USAGE;
}

int cli_fail(const ent_error *err)
{
	char line[ENT_ERROR_SIZE + 512];

	ent_error_format(err, line, sizeof(line));
	fprintf(stderr, "entente: %s\n", line);
	return CLI_EXIT_FAILURE;
}

int cli_output_end(ent_output *out, ent_status written, ent_error *err)
{
	if (written != ENT_OK) {
		ent_output_abort(out);
		return cli_fail(err);
	}
	if (ent_output_commit(out, err) != ENT_OK) {
		return cli_fail(err);
	}
	return CLI_EXIT_OK;
}

/* -- parsing ------------------------------------------------------------- */

const char *cli_choices_text(char *buf, size_t size, const cli_opt *opt,
	const char *last)
{
	const cli_choice *c;
	size_t n = 0;

	buf[0] = '\0';
	for (c = opt->choices; c && c->name && n < size; c++) {
		n += (size_t)snprintf(buf + n, size - n, "%s%s", c->name,
			!c[1].name ? "" : c[2].name && strcmp(last, "|") != 0
				? ", " : last);
	}
	return buf;
}

/* Store the value of one option; 0 or CLI_EXIT_USAGE. */
static int set_value(cli_opts *o, const cli_opt *opt, const char *arg)
{
	char *field = (char *)o + opt->offset, *end;
	const cli_choice *c;
	long long v;
	double d;

	switch (opt->kind) {
	case CLI_OPT_FLAG:
		*(int *)field = 1;
		return 0;
	case CLI_OPT_STRING:
		*(const char **)field = arg;
		return 0;
	case CLI_OPT_DATE:
		if (ent_date_parse((ent_date *)field, arg, strlen(arg)) !=
			ENT_OK) {
			return cli_usage_error("--%s: \"%s\" is not a date "
				"YYYY-MM-DD, YYYY-MM or YYYY", opt->name, arg);
		}
		return 0;
	case CLI_OPT_COUNT:
		errno = 0;
		v = strtoll(arg, &end, 10);
		if (errno || end == arg || *end || v < opt->min) {
			return cli_usage_error("--%s: \"%s\" is not a whole number "
				"of at least %lld", opt->name, arg,
				(long long)opt->min);
		}
		*(int64_t *)field = v;
		return 0;
	case CLI_OPT_NUMBER:
		errno = 0;
		d = strtod(arg, &end);
		if (errno || end == arg || *end || !(d >= 0) || isinf(d)) {
			return cli_usage_error("--%s: \"%s\" is not a number of "
				"at least 0", opt->name, arg);
		}
		*(double *)field = d;
		return 0;
	case CLI_OPT_CHOICE:
	case CLI_OPT_KEYWORD:
		for (c = opt->choices; c->name; c++) {
			if (strcmp(c->name, arg) == 0) {
				if (opt->kind == CLI_OPT_CHOICE) {
					*(int *)field = c->value;
				} else {
					*(const char **)field = c->name;
				}
				return 0;
			}
		}
		{
			char list[256];
			return cli_usage_error("--%s: \"%s\" is not %s",
				opt->name, arg,
				cli_choices_text(list, sizeof(list), opt, " or "));
		}
	case CLI_OPT_CUSTOM:
		return opt->parse(o, arg);
	default:
		return 0;
	}
}

static const cli_opt *find_long(const cli_command *cmd, const char *name,
	size_t len)
{
	const cli_opt *const *p;

	for (p = cmd->opts; *p; p++) {
		if ((*p)->kind != CLI_OPT_SECTION && strlen((*p)->name) == len &&
			strncmp((*p)->name, name, len) == 0) {
			return *p;
		}
	}
	return NULL;
}

static const cli_opt *find_short(const cli_command *cmd, char alias)
{
	const cli_opt *const *p;

	for (p = cmd->opts; *p; p++) {
		if ((*p)->kind != CLI_OPT_SECTION && (*p)->alias == alias) {
			return *p;
		}
	}
	return NULL;
}

static void set_defaults(cli_opts *o)
{
	ent_read_options read = ENT_READ_OPTIONS_INIT;
	ent_extract_options extract = ENT_EXTRACT_OPTIONS_INIT;
	ent_dataset_options dataset = ENT_DATASET_OPTIONS_INIT;
	ent_graph_options graph = ENT_GRAPH_OPTIONS_INIT;
	ent_metrics_options metrics = ENT_METRICS_OPTIONS_INIT;

	memset(o, 0, sizeof(*o));
	o->format = -1;
	o->input_format = ENT_FORMAT_AUTO;
	o->weight = ENT_WEIGHT_EVENTS;
	o->level = ENT_LEVEL_STATE;
	o->by = ENT_PERIOD_NONE;
	o->layout = ENT_LAYOUT_NEATO;
	o->size_by = ENT_SIZE_PAGERANK;
	o->seed = 1;
	o->read = read;
	o->extract = extract;
	o->dataset = dataset;
	o->graph = graph;
	o->metrics = metrics;
	o->blocs = (int)metrics.blocs;
	o->sample_above = -1;
}

/* Fill the library's option structures from the parsed values. */
static void fill_library_options(cli_opts *o)
{
	ent_filter *f = &o->dataset.filter;

	o->read.format = (ent_format)o->input_format;
	o->read.strict = o->strict;
	o->read.extract = &o->extract;
	o->extract.default_date = o->date;
	o->extract.actor_dict = o->actor_dict;
	o->extract.verb_dict = o->verb_dict;
	f->since = o->since;
	f->until = o->until;
	f->use_date_added = o->date_added;
	f->actors = (const char *const *)o->actors;
	f->n_actors = o->n_actors;
	f->codes = (const char *const *)o->codes;
	f->n_codes = o->n_codes;
	f->quads = o->quads;
	f->root_only = o->root_only;
	f->min_sources = o->min_sources;
	f->min_articles = o->min_articles;
	o->dataset.dedupe = o->dedupe;
	o->dataset.level = (ent_level)o->level;
	o->dataset.weight = (ent_weight)o->weight;
	o->dataset.by = (ent_period_unit)o->by;
	o->graph.min_events = o->min_events;
	o->metrics.blocs = (ent_bloc_method)o->blocs;
	o->metrics.threads = (unsigned int)o->threads;
	if (o->sample_above >= 0) {
		o->metrics.sample_above = (size_t)o->sample_above;
	}
	if (o->samples > 0) {
		o->metrics.samples = (size_t)o->samples;
	}
	if (o->all_triangles) {
		o->metrics.max_unbalanced = 0;
	}
}

/* Keep a positional argument (argv outlives the options). */
static int add_input(cli_opts *o, char *arg)
{
	char **inputs = realloc(o->inputs, (o->n_inputs + 1) * sizeof(*inputs));

	if (inputs == NULL) {
		return cli_usage_error("out of memory");
	}
	o->inputs = inputs;
	o->inputs[o->n_inputs++] = arg;
	return 0;
}

int cli_parse(cli_opts *o, const cli_command *cmd, int argc, char **argv)
{
	int i, rc, only_inputs = 0;

	set_defaults(o);
	for (i = 1; i < argc; i++) {
		char *arg = argv[i];
		const cli_opt *opt;
		const char *value = NULL;

		if (only_inputs || arg[0] != '-' || arg[1] == '\0') {
			if ((rc = add_input(o, arg)) != 0) {
				return rc;
			}
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_inputs = 1;
			continue;
		}
		if (arg[1] == '-') {
			const char *eq = strchr(arg + 2, '=');
			size_t len = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);

			opt = find_long(cmd, arg + 2, len);
			if (opt == NULL) {
				return cli_usage_error("unknown option --%.*s for "
					"'%s'", (int)len, arg + 2, cmd->name);
			}
			if (eq != NULL) {
				if (opt->value_name == NULL) {
					return cli_usage_error("--%s takes no value",
						opt->name);
				}
				value = eq + 1;
			}
		} else {
			opt = find_short(cmd, arg[1]);
			if (opt == NULL) {
				return cli_usage_error("unknown option -%c for "
					"'%s'", arg[1], cmd->name);
			}
			if (arg[2] != '\0') {
				if (opt->value_name == NULL) {
					return cli_usage_error("-%c takes no value "
						"(\"%s\")", arg[1], arg);
				}
				value = arg + 2;
			}
		}
		if (opt->kind == CLI_OPT_HELP) {
			cli_print_help(stdout, cmd);
			return -1;
		}
		if (opt->value_name != NULL && value == NULL) {
			if (i + 1 >= argc) {
				return cli_usage_error("--%s needs a value (%s)",
					opt->name, opt->value_name);
			}
			value = argv[++i];
		}
		if ((rc = set_value(o, opt, value)) != 0) {
			return rc;
		}
	}
	if (o->n_inputs > cmd->max_inputs) {
		return cmd->max_inputs == 0
			? cli_usage_error("'%s' takes no inputs", cmd->name)
			: cli_usage_error("'%s' takes at most %zu input%s",
				cmd->name, cmd->max_inputs,
				cmd->max_inputs == 1 ? "" : "s");
	}
	fill_library_options(o);
	return 0;
}

void cli_opts_free(cli_opts *o)
{
	size_t i;

	for (i = 0; i < o->n_actors; i++) {
		free(o->actors[i]);
	}
	free(o->actors);
	for (i = 0; i < o->n_codes; i++) {
		free(o->codes[i]);
	}
	free(o->codes);
	free(o->inputs);
	o->actors = o->codes = o->inputs = NULL;
	o->n_actors = o->n_codes = o->n_inputs = 0;
}
