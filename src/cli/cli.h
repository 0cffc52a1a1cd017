/* SPDX-License-Identifier: MIT */
/*
 * The entente tool: command table, shared options and helpers. The tool
 * uses the public API only.
 */
#ifndef ENT_CLI_H
#define ENT_CLI_H

#include <stdio.h>

#include <entente/entente.h>

/* Exit statuses of the tool. */
#define CLI_EXIT_OK 0
#define CLI_EXIT_FAILURE 1
#define CLI_EXIT_USAGE 2

/* Option groups a command accepts. */
enum {
	CLI_INPUTS = 1 << 0,   /* positional inputs, '-' = stdin */
	CLI_OUTPUT = 1 << 1,   /* -o FILE */
	CLI_FILTER = 1 << 2,   /* --since --until --actors --codes --quad ... */
	CLI_REPORT = 1 << 3,   /* --format text|json|csv|md, --table, --top */
	CLI_EXTRACT = 1 << 4,  /* --date --actor-dict --verb-dict */
	CLI_RENDER = 1 << 5,   /* --layout --size --directed --top --min-weight ... */
	CLI_READ = 1 << 6,     /* --input-format --strict --quiet */
	CLI_PLOT = 1 << 7,     /* --relation --actor */
	CLI_METRICS = 1 << 8   /* --blocs --threads ... */
};

typedef struct cli_opts {
	/* positional */
	char **inputs;
	size_t n_inputs;
	/* common */
	const char *output;          /* -o, NULL = standard output */
	const char *format;          /* --format */
	const char *table;           /* --table */
	size_t top;                  /* --top */
	int quiet;                   /* --quiet */
	/* reading */
	ent_read_options read;
	ent_extract_options extract;
	ent_dataset_options dataset;
	ent_graph_options graph;
	ent_metrics_options metrics;
	/* filter lists, owned */
	char **actors;
	size_t n_actors;
	char **codes;
	size_t n_codes;
	/* render */
	const char *layout;
	const char *size_by;
	const char *title;
	int directed;
	double min_weight;
	unsigned long seed;
	int all_relations;           /* --all-relations */
	/* plot */
	const char *relation;        /* --relation A-B */
	const char *actor;           /* --actor CODE */
} cli_opts;

typedef struct cli_command {
	const char *name;
	const char *summary;
	const char *usage;           /* after "entente NAME " */
	const char *help;            /* command-specific description and options */
	unsigned int groups;
	int (*run)(cli_opts *o);
} cli_command;

/* Parse argv for a command (argv[0] is the command name). Returns -1 when
 * it printed help (exit 0), 0 on success, CLI_EXIT_USAGE on a usage error
 * (message printed). */
int cli_parse(cli_opts *o, const cli_command *cmd, int argc, char **argv);
void cli_opts_free(cli_opts *o);
void cli_print_help(FILE *fp, const cli_command *cmd);

/* Print "entente: <error line>" to stderr; returns CLI_EXIT_FAILURE. */
int cli_fail(const ent_error *err);
/* Print "entente: <message>" for a usage problem; returns CLI_EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...);

/* Read every input of `o` into a new dataset (with progress and skip
 * reports on stderr as asked). */
int cli_load(ent_dataset **out, cli_opts *o, int keep_events);

/* Render options from the parsed render options (usage errors printed). */
int cli_render_options(ent_render_options *ropts, const cli_opts *o);

/* The commands. */
int cmd_analyze(cli_opts *o);
int cmd_extract(cli_opts *o);
int cmd_validate(cli_opts *o);
int cmd_render(cli_opts *o);
int cmd_report(cli_opts *o);
int cmd_dyads(cli_opts *o);
int cmd_plot(cli_opts *o);

extern const cli_command cli_commands[];
extern const size_t cli_n_commands;

#endif
