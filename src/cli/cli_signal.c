/* SPDX-License-Identifier: MIT */
/*
 * Interrupted runs: SIGINT (Ctrl-C), SIGTERM (kill, a job scheduler's
 * time limit) and SIGHUP (a closed terminal) remove the temporary files of
 * the outputs not yet committed, then end the process by the same signal,
 * so the shell and a parent process see what happened.
 *
 * Crashes: the libraries under the renderer (Graphviz, cairo, pango,
 * GLib) do not all survive running out of memory -- GLib aborts with
 * SIGTRAP when pango cannot start a thread, Graphviz dereferences a NULL
 * from its allocator. The renderer refuses a drawing that cannot fit
 * first; where one still dies, the temporary files go too and one line
 * says what happened, then the signal takes its course (the handler from
 * before -- a sanitizer's, say -- or the default). A library that calls
 * exit() instead is caught at exit.
 *
 * Only async-signal-safe calls in the handlers.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};

static const struct {
	int sig;
	const char *name;
} crash_signals[] = {{SIGSEGV, "SIGSEGV"}, {SIGBUS, "SIGBUS"},
	{SIGABRT, "SIGABRT"}, {SIGTRAP, "SIGTRAP"}, {SIGFPE, "SIGFPE"},
	{SIGILL, "SIGILL"}};

#define N_CRASH (sizeof(crash_signals) / sizeof(*crash_signals))

static struct sigaction crash_before[N_CRASH];

static void on_crash(int sig, siginfo_t *info, void *context)
{
	static const char pre[] = "\nentente: died of ", post[] = " (out of "
		"memory, or a crash in a library); no temporary file was left\n";
	size_t i;
	ssize_t r;

	(void)context;
	ent_output_remove_temporaries();
	for (i = 0; i < N_CRASH; i++) {
		if (crash_signals[i].sig != sig) {
			continue;
		}
		r = write(STDERR_FILENO, pre, sizeof(pre) - 1);
		r = write(STDERR_FILENO, crash_signals[i].name,
			strlen(crash_signals[i].name));
		r = write(STDERR_FILENO, post, sizeof(post) - 1);
		(void)r;
		/* the action from before: on return a fault happens again
		 * and gets it; a raised signal (abort, a breakpoint trap,
		 * kill) is raised again for it */
		sigaction(sig, &crash_before[i], NULL);
		if (info == NULL || info->si_code <= 0 || sig == SIGABRT ||
			sig == SIGTRAP) {
			if (crash_before[i].sa_handler == SIG_IGN) {
				signal(sig, SIG_DFL);
			}
			raise(sig);
		}
		return;
	}
}

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

/* The command returned: nothing is left to clean up at exit. */
static volatile sig_atomic_t finished;

/* A library that calls exit() half-way (Graphviz 2.42 does when its
 * allocator fails) skips the command's clean-up: its temporary files go
 * here. */
static void at_exit(void)
{
	static const char msg[] = "entente: a library ended the run early "
		"(out of memory?); no temporary file was left\n";
	ssize_t r;

	if (!finished) {
		ent_output_remove_temporaries();
		r = write(STDERR_FILENO, msg, sizeof(msg) - 1);
		(void)r;
	}
}

void cli_signals_finished(void)
{
	finished = 1;
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
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_crash;
	sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < N_CRASH; i++) {
		sigaction(crash_signals[i].sig, &sa, &crash_before[i]);
	}
	atexit(at_exit);
}
