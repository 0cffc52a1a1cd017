/* SPDX-License-Identifier: MIT */
/* entente extract: placeholder until its issue lands; replaced wholesale. */
#include "cli.h"

int cmd_extract(cli_opts *o)
{
	(void)o;
	fprintf(stderr, "entente: 'extract' is not built yet\n");
	return CLI_EXIT_FAILURE;
}
