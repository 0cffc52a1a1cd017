/* SPDX-License-Identifier: MIT */
/*
 * The entente tool: commands, their option tables, and shared helpers.
 * The tool uses the public API only.
 *
 * Each command has one option table (an array of ::cli_opt pointers, in
 * its cmd_<verb>.c) that drives both the parsing of its arguments and its
 * --help text, so a command cannot list an option it rejects or accept one
 * it does not list (as libgit2's src/cli/opt.h does). The options several
 * commands share are defined once, in cli_opts.c.
 */
#ifndef ENT_CLI_H
#define ENT_CLI_H

#include <stddef.h>
#include <stdio.h>

#include <entente/entente.h>

/* Exit statuses of the tool. */
#define CLI_EXIT_OK 0
#define CLI_EXIT_FAILURE 1
#define CLI_EXIT_USAGE 2

/* What the tool was asked: every option's value, then the library's
 * option structures filled from them (cli_parse does both). */
typedef struct cli_opts {
	/* positional arguments */
	char **inputs;
	size_t n_inputs;
	/* output and presentation */
	const char *output;      /* -o, NULL = standard output */
	int format;              /* --format: an ent_report_format or an
	                            ent_render_format (by command), -1 unset */
	const char *table;       /* --table, NULL unset */
	int64_t top;             /* --top, 0 = the command's default */
	int quiet;               /* --quiet */
	/* reading */
	int input_format;        /* --input-format (ent_format) */
	int strict;              /* --strict */
	ent_date date;           /* --date */
	const char *actor_dict;  /* --actor-dict */
	const char *verb_dict;   /* --verb-dict */
	/* filters and aggregation */
	ent_date since, until;   /* --since, --until */
	int date_added;          /* --date-added */
	char **actors;           /* --actors, owned, in the order given */
	size_t n_actors;
	char **codes;            /* --codes, owned */
	size_t n_codes;
	unsigned int quads;      /* --quad: bit q keeps quad class q */
	int root_only;           /* --root-only */
	int64_t min_sources;     /* --min-sources */
	int64_t min_articles;    /* --min-articles */
	int dedupe;              /* --dedupe */
	int64_t min_events;      /* --min-events */
	int weight;              /* --weight (ent_weight) */
	int level;               /* --level (ent_level) */
	int by;                  /* --by (ent_period_unit) */
	/* diagram */
	int layout;              /* --layout (ent_layout) */
	int size_by;             /* --size (ent_size_by) */
	const char *title;       /* --title */
	int directed;            /* --directed */
	double min_weight;       /* --min-weight */
	int64_t seed;            /* --seed */
	int all_relations;       /* --all-relations */
	/* measures */
	int blocs;               /* --blocs (ent_bloc_method) */
	int64_t threads;         /* --threads, 0 = one per CPU */
	int64_t sample_above;    /* --sample-above, -1 unset */
	int64_t samples;         /* --samples, 0 unset */
	int all_triangles;       /* --all-triangles */
	/* the library's options, filled from the above */
	ent_read_options read;
	ent_extract_options extract;
	ent_dataset_options dataset;
	ent_graph_options graph;
	ent_metrics_options metrics;
	/* plot (names resolved as --actors resolves them) */
	ent_actor_name relation[2]; /* --relation A-B */
	int has_relation;
	ent_actor_name actor;    /* --actor NAME */
	int has_actor;
} cli_opts;

/* How an option's value is read and stored. */
typedef enum cli_opt_kind {
	CLI_OPT_SECTION = 0, /* a heading in the help, not an option */
	CLI_OPT_HELP,        /* -h, --help */
	CLI_OPT_FLAG,        /* no value: sets an int to 1 */
	CLI_OPT_STRING,      /* any text, kept as given (const char *) */
	CLI_OPT_DATE,        /* YYYY-MM-DD, YYYY-MM or YYYY (ent_date) */
	CLI_OPT_COUNT,       /* a whole number of at least `min` (int64_t) */
	CLI_OPT_NUMBER,      /* a number of at least 0 (double) */
	CLI_OPT_CHOICE,      /* one of `choices`: its value (int) */
	CLI_OPT_KEYWORD,     /* one of `choices`: its name (const char *) */
	CLI_OPT_CUSTOM       /* read by `parse` */
} cli_opt_kind;

/* One accepted value of a CHOICE or KEYWORD option. */
typedef struct cli_choice {
	const char *name;
	int value;
} cli_choice;

/* One option (or a section heading) of a command's table. */
typedef struct cli_opt {
	cli_opt_kind kind;
	const char *name;          /* long name without "--"; a section's
	                              heading */
	char alias;                /* short name ('o' for -o), or 0 */
	const char *value_name;    /* "DATE", "N"...; NULL without a value */
	size_t offset;             /* the field of cli_opts it sets */
	const cli_choice *choices; /* CHOICE, KEYWORD: ended by {NULL, 0} */
	int64_t min;               /* COUNT: the smallest value */
	/* CUSTOM: read `arg` into `o`; 0, or CLI_EXIT_USAGE (message
	 * printed) */
	int (*parse)(cli_opts *o, const char *arg);
	const char *help;          /* what it does; '\n' starts a new line */
} cli_opt;

/* One example at the end of a command's help. */
typedef struct cli_example {
	const char *command;       /* a command line, from "entente" on */
	const char *what;          /* what it does */
} cli_example;

/* A command of the tool. */
typedef struct cli_command {
	const char *name;
	const char *summary;       /* one line */
	const char *usage;         /* after "entente NAME " */
	const char *description;   /* paragraphs, or NULL */
	const cli_opt *const *opts;       /* the option table, NULL-ended */
	const cli_example *examples;      /* ended by {NULL, NULL} */
	size_t max_inputs;         /* most positional arguments (SIZE_MAX: any) */
	int (*run)(cli_opts *o);
} cli_command;

/* The values of --by (cli_opts.c). */
extern const cli_choice cli_by_choices[];

/* The shared options (cli_opts.c). */
extern const cli_opt cli_opt_help, cli_opt_output_file, cli_opt_quiet;
extern const cli_opt cli_section_filters, cli_opt_since, cli_opt_until,
	cli_opt_date_added, cli_opt_actors, cli_opt_codes, cli_opt_quad,
	cli_opt_root_only, cli_opt_min_sources, cli_opt_min_articles,
	cli_opt_dedupe;
extern const cli_opt cli_section_aggregation, cli_opt_level, cli_opt_weight,
	cli_opt_min_events, cli_opt_by;
extern const cli_opt cli_section_input, cli_opt_input_format, cli_opt_strict;
extern const cli_opt cli_section_text, cli_opt_date, cli_opt_actor_dict,
	cli_opt_verb_dict;
extern const cli_opt cli_section_diagram, cli_opt_layout, cli_opt_size,
	cli_opt_title, cli_opt_directed, cli_opt_top_relations,
	cli_opt_min_weight, cli_opt_seed, cli_opt_all_relations;
extern const cli_opt cli_section_measures, cli_opt_blocs, cli_opt_threads,
	cli_opt_sample_above, cli_opt_samples, cli_opt_all_triangles;
/* extract's --threads: the same values as cli_opt_threads, its own help */
extern const cli_opt cli_opt_extract_threads;

/*
 * The option groups every command that reads inputs shares, in the order
 * of its help: entries of an option table (NULL-ended array of pointers).
 * AGGREGATION takes the command's --by (cli_opt_by or its own wording).
 */
#define CLI_OPTS_FILTERS \
	&cli_section_filters, &cli_opt_since, &cli_opt_until, \
	&cli_opt_date_added, &cli_opt_actors, &cli_opt_codes, &cli_opt_quad, \
	&cli_opt_root_only, &cli_opt_min_sources, &cli_opt_min_articles, \
	&cli_opt_dedupe
#define CLI_OPTS_AGGREGATION \
	&cli_section_aggregation, &cli_opt_level, &cli_opt_weight, \
	&cli_opt_min_events
#define CLI_OPTS_INPUT \
	&cli_section_input, &cli_opt_input_format, &cli_opt_strict, \
	&cli_section_text, &cli_opt_date, &cli_opt_actor_dict, \
	&cli_opt_verb_dict
#define CLI_OPTS_MEASURES \
	&cli_section_measures, &cli_opt_blocs, &cli_opt_threads, \
	&cli_opt_sample_above, &cli_opt_samples, &cli_opt_all_triangles

/*
 * Parse the arguments of a command (argv[0] is the command's name) by its
 * option table into `o`, then fill the library's options. Returns 0 on
 * success, -1 when it printed the help (exit 0), CLI_EXIT_USAGE on a usage
 * error (message printed). Call cli_opts_free() in every case.
 */
int cli_parse(cli_opts *o, const cli_command *cmd, int argc, char **argv);
void cli_opts_free(cli_opts *o);
/* The help of a command, from its table. */
void cli_print_help(FILE *fp, const cli_command *cmd);
/* The names of a CHOICE or KEYWORD option as "a, b, c`last`d" in `buf`. */
const char *cli_choices_text(char *buf, size_t size, const cli_opt *opt,
	const char *last);
/* The command named `name`, or NULL. */
const cli_command *cli_find_command(const char *name);

/* Print "entente: <error line>" to stderr; returns CLI_EXIT_FAILURE. */
int cli_fail(const ent_error *err);
/*
 * End an output: commit it when `written` (the status of opening it and
 * writing into it) is ENT_OK, else remove it (`out` may be NULL) and
 * report `err`. Returns the command's exit status.
 */
int cli_output_end(ent_output *out, ent_status written, ent_error *err);
/* Print "entente: <message> (try --help)" for a usage problem; returns
 * CLI_EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* Read every input of `o` into a new dataset (with progress and skip
 * reports on stderr as asked). */
int cli_load(ent_dataset **out, cli_opts *o, int keep_events);

/* Remove the temporary files of unfinished outputs on SIGINT, SIGTERM and
 * SIGHUP, and on a crash (with a message), then die of the signal
 * (cli_signal.c). */
void cli_signals_install(void);
/* The command returned (main calls it): an exit from now on is ours. */
void cli_signals_finished(void);

/* Render options from the parsed diagram options. */
void cli_render_options(ent_render_options *ropts, const cli_opts *o);

/* The commands, in the order the general help lists them. */
extern const cli_command cli_cmd_extract, cli_cmd_analyze, cli_cmd_render,
	cli_cmd_report, cli_cmd_plot, cli_cmd_dyads, cli_cmd_validate;
extern const cli_command *const cli_commands[];
extern const size_t cli_n_commands;

#endif
