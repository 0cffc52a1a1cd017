/* SPDX-License-Identifier: MIT */
/*
 * entente: the command table and dispatch.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

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

	fputs("usage: entente COMMAND [OPTIONS] [INPUT...]\n"
	      "       entente help COMMAND\n\n"
	      "Turn reports of international events into a signed relationship\n"
	      "graph of state actors, measure it and draw it.\n\nCommands:\n", fp);
	for (i = 0; i < cli_n_commands; i++) {
		fprintf(fp, "  %-9s %s\n", cli_commands[i]->name,
			cli_commands[i]->summary);
	}
	fputs("\nOptions:\n"
	      "  -h, --help     show this help\n"
	      "  --version      show the version\n"
	      "\n'entente help COMMAND' (or 'entente COMMAND --help') gives the\n"
	      "options and examples of a command; man entente has them all.\n"
	      "\nExamples:\n"
	      "  entente report examples/cyber-pact.txt -o cyber-pact\n"
	      "      the whole report of a news article, in the folder cyber-pact\n"
	      "  entente analyze --by month examples/baltic-black-sea.json\n"
	      "      alliances, tensions and balance of an event list, month by month\n",
		fp);
}

int main(int argc, char **argv)
{
	const cli_command *cmd;
	cli_opts o;
	int rc;

	if (argc < 2) {
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return CLI_EXIT_OK;
	}
	if (strcmp(argv[1], "help") == 0) {
		/* "entente help CMD" is "entente CMD --help" */
		if (argc == 2) {
			usage(stdout);
			return CLI_EXIT_OK;
		}
		if (argc > 3) {
			return cli_usage_error("help takes one command");
		}
		if ((cmd = cli_find_command(argv[2])) == NULL) {
			return cli_usage_error("unknown command '%s'", argv[2]);
		}
		cli_print_help(stdout, cmd);
		return CLI_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("entente %s\n", ent_version());
		return CLI_EXIT_OK;
	}
	if ((cmd = cli_find_command(argv[1])) == NULL) {
		return cli_usage_error("unknown command '%s'", argv[1]);
	}
	rc = cli_parse(&o, cmd, argc - 1, argv + 1);
	if (rc == 0) {
		if (!o.quiet) {
			ent_set_log_handler(print_warning, NULL);
		}
		cli_signals_install();
		rc = cmd->run(&o);
		cli_signals_finished();
	} else if (rc < 0) {
		rc = CLI_EXIT_OK;
	}
	cli_opts_free(&o);
	return rc;
}
