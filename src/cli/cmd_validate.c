/* SPDX-License-Identifier: MIT */
/* entente validate: placeholder until its issue lands; replaced wholesale. */
#include "cli.h"

int cmd_validate(cli_opts *o)
{
	(void)o;
	fprintf(stderr, "entente: 'validate' is not built yet\n");
	return CLI_EXIT_FAILURE;
}
