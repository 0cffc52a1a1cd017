/* SPDX-License-Identifier: MIT */
/* entente dyads: placeholder until its issue lands; replaced wholesale. */
#include "cli.h"

int cmd_dyads(cli_opts *o)
{
	(void)o;
	fprintf(stderr, "entente: 'dyads' is not built yet\n");
	return CLI_EXIT_FAILURE;
}
