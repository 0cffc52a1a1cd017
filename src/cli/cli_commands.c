/* SPDX-License-Identifier: MIT */
/*
 * The commands of the tool, in the order the general help lists them
 * (each is defined, with its option table, in its cmd_<verb>.c).
 */
#include "cli.h"

const cli_command *const cli_commands[] = {
	&cli_cmd_extract,
	&cli_cmd_analyze,
	&cli_cmd_render,
	&cli_cmd_report,
	&cli_cmd_plot,
	&cli_cmd_dyads,
	&cli_cmd_validate,
};

const size_t cli_n_commands = sizeof(cli_commands) / sizeof(cli_commands[0]);
