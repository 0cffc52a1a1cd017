/* SPDX-License-Identifier: MIT */
/* entente report: placeholder until its issue lands; replaced wholesale. */
#include "cli.h"

int cmd_report(cli_opts *o)
{
	(void)o;
	fprintf(stderr, "entente: 'report' is not built yet\n");
	return CLI_EXIT_FAILURE;
}
