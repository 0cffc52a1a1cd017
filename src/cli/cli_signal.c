/* SPDX-License-Identifier: MIT */
/*
 * Interrupted runs: SIGINT (Ctrl-C), SIGTERM (kill, a job scheduler's
 * time limit) and SIGHUP (a closed terminal) remove the temporary files of
 * the outputs not yet committed, then end the process by the same signal,
 * so the shell and a parent process see what happened. Only
 * async-signal-safe calls in the handler.
 */
#include <signal.h>
#include <string.h>

#include "cli.h"

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};

static void on_stop(int sig)
{
	struct sigaction dfl;

	ent_output_remove_temporaries();
	/* the default action, delivered again when the handler returns
	 * (the signal is blocked until then) */
	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	raise(sig);
}

void cli_signals_install(void)
{
	struct sigaction sa, before;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(stop_signals) / sizeof(*stop_signals); i++) {
		sigaddset(&sa.sa_mask, stop_signals[i]);
	}
	for (i = 0; i < sizeof(stop_signals) / sizeof(*stop_signals); i++) {
		/* a signal ignored by the parent (nohup) stays ignored */
		if (sigaction(stop_signals[i], NULL, &before) == 0 &&
			before.sa_handler == SIG_IGN) {
			continue;
		}
		sigaction(stop_signals[i], &sa, NULL);
	}
}
