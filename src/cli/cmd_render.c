/* SPDX-License-Identifier: MIT */
/* entente render: placeholder until its issue lands; replaced wholesale. */
#include "cli.h"

int cmd_render(cli_opts *o)
{
	(void)o;
	fprintf(stderr, "entente: 'render' is not built yet\n");
	return CLI_EXIT_FAILURE;
}
