/* SPDX-License-Identifier: MIT */
/*
 * entente: the command table and dispatch.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

const cli_command cli_commands[] = {
	{"extract", "Extract events from news text into events JSON.",
		"[OPTIONS] [FILE...]",
		"Reads plain-text articles (- for standard input) and writes the\n"
		"events JSON of who did what to whom, with CAMEO codes and the\n"
		"sentence each event came from.\n",
		CLI_INPUTS | CLI_OUTPUT | CLI_EXTRACT, cmd_extract},
	{"analyze", "Centrality, alliances, tensions and balance of the actor graph.",
		"[OPTIONS] [INPUT...]",
		"Inputs are events JSON, news text, GDELT 1.0/2.0 exports, ICEWS\n"
		"files or dyad tables, detected from their content.\n",
		CLI_INPUTS | CLI_OUTPUT | CLI_FILTER | CLI_REPORT | CLI_EXTRACT |
			CLI_READ | CLI_METRICS, cmd_analyze},
	{"render", "Draw the relationship diagram with Graphviz.",
		"[OPTIONS] [INPUT...] -o FILE",
		"Writes DOT, SVG, PNG or PDF (from the extension of -o or --format),\n"
		"or GraphML/GML for Gephi and Cytoscape.\n",
		CLI_INPUTS | CLI_OUTPUT | CLI_FILTER | CLI_EXTRACT | CLI_READ |
			CLI_RENDER | CLI_METRICS, cmd_render},
	{"report", "All of it: events, tables, diagram and report.md in a folder.",
		"[OPTIONS] [INPUT...] -o DIR",
		"Writes DIR/events.json, DIR/report.md, DIR/report.json,\n"
		"DIR/graph.svg and DIR/graph.dot.\n",
		CLI_INPUTS | CLI_OUTPUT | CLI_FILTER | CLI_EXTRACT | CLI_READ |
			CLI_RENDER | CLI_METRICS, cmd_report},
	{"plot", "Chart one relation or actor over time (SVG, PNG, PDF).",
		"[OPTIONS] [INPUT...] --by UNIT (--relation A-B | --actor CODE) "
		"-o FILE",
		"Draws cooperation (bars up), conflict (hatched bars down) and\n"
		"net (line) per period with PLplot; a period without events of\n"
		"the relation or actor is no news: shaded, a gap in the line.\n",
		CLI_INPUTS | CLI_OUTPUT | CLI_FILTER | CLI_EXTRACT | CLI_READ |
			CLI_PLOT, cmd_plot},
	{"dyads", "Aggregate inputs into a directed dyad table (CSV).",
		"[OPTIONS] [INPUT...] [-o dyads.csv]",
		"The table can be read back by every command, and tables of\n"
		"separate runs merge exactly.\n",
		CLI_INPUTS | CLI_OUTPUT | CLI_FILTER | CLI_EXTRACT | CLI_READ,
		cmd_dyads},
	{"validate", "Score the extractor against a gold table.",
		"[OPTIONS] GOLD.tsv",
		"The gold table has the columns id, sentence, required, optional\n"
		"(see README). Prints precision, recall, F1, sign errors and every\n"
		"sentence that differs.\n",
		CLI_INPUTS | CLI_EXTRACT, cmd_validate},
};

const size_t cli_n_commands = sizeof(cli_commands) / sizeof(cli_commands[0]);

/* Warnings of the library (and of igraph and Graphviz through it) go to
 * standard error, one line each, unless --quiet was given. */
static void print_warning(ent_log_level level, const char *message,
	void *payload)
{
	(void)payload;
	if (level <= ENT_LOG_WARNING) {
		fprintf(stderr, "entente: warning: %s\n", message);
	}
}

static void usage(FILE *fp)
{
	size_t i;

	fputs("usage: entente COMMAND [OPTIONS] [INPUT...]\n\n"
	      "Turn reports of international events into a signed relationship\n"
	      "graph of state actors, measure it and draw it.\n\nCommands:\n", fp);
	for (i = 0; i < cli_n_commands; i++) {
		fprintf(fp, "  %-9s %s\n", cli_commands[i].name,
			cli_commands[i].summary);
	}
	fputs("\nRun 'entente COMMAND --help' for the options of a command.\n"
	      "  -h, --help     show this help\n"
	      "  --version      show the version\n", fp);
}

int main(int argc, char **argv)
{
	cli_opts o;
	size_t i;
	int rc;

	if (argc < 2) {
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
		strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return CLI_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("entente %s\n", ent_version());
		return CLI_EXIT_OK;
	}
	for (i = 0; i < cli_n_commands; i++) {
		if (strcmp(argv[1], cli_commands[i].name) == 0) {
			break;
		}
	}
	if (i == cli_n_commands) {
		return cli_usage_error("unknown command '%s'", argv[1]);
	}
	rc = cli_parse(&o, &cli_commands[i], argc - 1, argv + 1);
	if (rc == 0) {
		if (!o.quiet) {
			ent_set_log_handler(print_warning, NULL);
		}
		rc = cli_commands[i].run(&o);
	} else if (rc < 0) {
		rc = CLI_EXIT_OK;
	}
	cli_opts_free(&o);
	return rc;
}
