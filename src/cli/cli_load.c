/* SPDX-License-Identifier: MIT */
/*
 * Reading the inputs of a command into one dataset: a progress line on a
 * terminal, the first broken rows reported, and a plain input cut short
 * while it is mapped turned into a one-line error.
 */
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* A progress line is on the terminal (the SIGBUS handler clears it). */
static volatile sig_atomic_t progress_on_screen;

typedef struct progress {
	const char *name;
	struct timespec start;
	struct timespec last;
	int shown;
} progress;

static double seconds_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) +
		(double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* A progress line for long inputs, only on a terminal: bytes, rate, and
 * time left when the total is known. Redrawn at most every 0.2 s. */
static void show_progress(uint64_t done, uint64_t total, void *payload)
{
	progress *p = payload;
	double elapsed = seconds_since(&p->start), rate;

	if (elapsed < 1.0 || seconds_since(&p->last) < 0.2) {
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &p->last);
	rate = (double)done / elapsed / 1e6;
	if (total > 0 && done <= total) {
		double left = rate > 0 ? (double)(total - done) / 1e6 / rate : 0;
		fprintf(stderr, "\r%s: %.0f / %.0f MB, %.1f MB/s, %.0f s left   ",
			p->name, (double)done / 1e6, (double)total / 1e6, rate,
			left);
	} else {
		fprintf(stderr, "\r%s: %.0f MB, %.1f MB/s   ", p->name,
			(double)done / 1e6, rate);
	}
	p->shown = 1;
	progress_on_screen = 1;
}

typedef struct skips {
	const char *name;
	long long count;
} skips;

/* Report the first few broken rows; the total goes in the report. */
static void report_skip(const ent_error *row_error, void *payload)
{
	skips *s = payload;

	if (++s->count <= 5) {
		char line[ENT_ERROR_SIZE + 512];
		ent_error_format(row_error, line, sizeof(line));
		fprintf(stderr, "entente: warning: skipped %s\n", line);
	}
}

/*
 * A plain input cut short while it is read. With ENTENTE_MMAP=1 the
 * library reads plain files through memory maps (read(2) is the default),
 * and when another program cuts the file short, the next touch of a lost
 * page raises SIGBUS (BUS_ADRERR) in whichever thread touches it. While an input is being read, the handler below turns that
 * into the tool's one-line error and exit status 1 instead of a death by
 * signal. No output file is open yet (outputs are created after the
 * inputs are read), so nothing is left behind. Any other SIGBUS (a
 * signal sent by kill, or outside the reading) keeps its default action.
 * Only async-signal-safe calls in the handler.
 */
/* The input being read: `reading_input` for the whole process, and on a
 * reader thread of many inputs `thread_input`, the input of that thread
 * (the handler runs on the thread that touched the lost page). The parse
 * threads of one input's pipeline have no `thread_input`; they report
 * `reading_input`, which then names the input a reader took last. */
static _Atomic(const char *) reading_input;
static _Thread_local const char *volatile thread_input;
static atomic_flag sigbus_taken = ATOMIC_FLAG_INIT;
static struct sigaction sigbus_before;

static void on_sigbus(int sig, siginfo_t *info, void *context)
{
	static const char clear[] = "\r\033[K", pre[] = "entente: ",
		post[] = ": the file was cut short while it was being read; "
		"nothing was written\n";
	const char *name = thread_input ? thread_input
					: atomic_load(&reading_input);
	ssize_t r;

	(void)context;
	if (name == NULL || info == NULL || info->si_code != BUS_ADRERR) {
		/* not ours: the action from before, on return or when the
		 * signal is unblocked */
		sigaction(SIGBUS, &sigbus_before, NULL);
		if (info == NULL || info->si_code <= 0) {
			raise(sig);
		}
		return;
	}
	if (atomic_flag_test_and_set(&sigbus_taken)) {
		for (;;) {
			pause(); /* another thread is reporting it */
		}
	}
	if (progress_on_screen) {
		r = write(STDERR_FILENO, clear, sizeof(clear) - 1);
	}
	r = write(STDERR_FILENO, pre, sizeof(pre) - 1);
	r = write(STDERR_FILENO, name, strlen(name));
	r = write(STDERR_FILENO, post, sizeof(post) - 1);
	(void)r;
	_exit(1);
}

static void sigbus_guard(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_sigbus;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, &sigbus_before);
}

static void sigbus_unguard(void)
{
	sigaction(SIGBUS, &sigbus_before, NULL);
}

/* Read one input with the SIGBUS handler in place. */
static ent_status read_guarded(ent_dataset *ds, const char *input,
	const ent_read_options *ropts, ent_error *err)
{
	ent_status st;

	atomic_store(&reading_input, input);
	sigbus_guard();
	st = ent_read_into(ds, input, ropts, err);
	sigbus_unguard();
	atomic_store(&reading_input, NULL);
	return st;
}

/*
 * Many inputs at once. Each input is read on a reader thread into a
 * dataset of its own (its own dyad tables; the plain files are mapped,
 * the archives inflated by the thread that reads them), and the calling
 * thread merges the datasets in input order (ent_dataset_merge: exact, the
 * sums are integer thousandths), printing each input's skip reports as it
 * merges it. So the result, the skip reports and the first error in
 * strict mode are those of reading the inputs one after another; only the
 * work is spread. An input that fails stops the taking of new ones.
 */
#define MAX_READERS 4
#define SKIPS_SHOWN 5

typedef struct job {
	const char *input;
	ent_dataset *ds;
	ent_status st;
	ent_error err;
	ent_error shown[SKIPS_SHOWN]; /* the first broken rows */
	long long skipped;
	int done;
} job;

typedef struct readers {
	job *jobs;
	size_t n, next;
	int stop;
	const cli_opts *o;
	ent_dataset_options dopts;
	pthread_mutex_t mu;
	pthread_cond_t done_cv;
} readers;

static void keep_skip(const ent_error *row_error, void *payload)
{
	job *j = payload;

	if (j->skipped < SKIPS_SHOWN) {
		j->shown[j->skipped] = *row_error;
	}
	j->skipped++;
}

static void *reader_main(void *arg)
{
	readers *r = arg;

	for (;;) {
		ent_read_options ropts = r->o->read;
		job *j;

		pthread_mutex_lock(&r->mu);
		if (r->stop || r->next == r->n) {
			pthread_mutex_unlock(&r->mu);
			return NULL;
		}
		j = &r->jobs[r->next++];
		pthread_mutex_unlock(&r->mu);
		/* no shared extractor (one is not for two threads): a text
		 * input gets its own (inputs_parallel keeps them rare) */
		ropts.extractor = NULL;
		ropts.on_skip = keep_skip;
		ropts.skip_payload = j;
		j->st = ent_dataset_create(&j->ds, &r->dopts, &j->err);
		if (j->st == ENT_OK) {
			thread_input = j->input;
			atomic_store(&reading_input, j->input);
			j->st = ent_read_into(j->ds, j->input, &ropts, &j->err);
			thread_input = NULL;
		}
		pthread_mutex_lock(&r->mu);
		j->done = 1;
		if (j->st != ENT_OK) {
			r->stop = 1;
		}
		pthread_cond_broadcast(&r->done_cv);
		pthread_mutex_unlock(&r->mu);
	}
}

/* Report job j's skips as the sequential reader would have. */
static void report_job_skips(const job *j)
{
	long long k;

	for (k = 0; k < j->skipped && k < SKIPS_SHOWN; k++) {
		char line[ENT_ERROR_SIZE + 512];
		ent_error_format(&j->shown[k], line, sizeof(line));
		fprintf(stderr, "entente: warning: skipped %s\n", line);
	}
	if (j->skipped > SKIPS_SHOWN) {
		fprintf(stderr, "entente: warning: %s: %lld broken rows "
			"skipped in all\n", j->input, j->skipped);
	}
}

/* How many reader threads for these inputs: 0 to read them one after
 * another (one input, one CPU, events kept, --dedupe across inputs,
 * standard input, or news text by name: the extractor is built once). */
static size_t inputs_parallel(const cli_opts *o, char **inputs, size_t n,
	int keep_events)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t i;

	if (n < 2 || cpus < 2 || keep_events || o->dedupe ||
		o->input_format == ENT_FORMAT_TEXT ||
		getenv("ENTENTE_SERIAL_INPUTS") != NULL) {
		return 0;
	}
	for (i = 0; i < n; i++) {
		const char *dot = strrchr(inputs[i], '.');
		if (strcmp(inputs[i], "-") == 0 ||
			(dot && (strncasecmp(dot, ".txt", 4) == 0 ||
				strstr(inputs[i], ".txt.") != NULL))) {
			return 0;
		}
	}
	return (size_t)(cpus < MAX_READERS ? cpus : MAX_READERS);
}

static int load_parallel(ent_dataset *ds, cli_opts *o, char **inputs,
	size_t n, size_t n_threads)
{
	readers r;
	pthread_t threads[MAX_READERS];
	size_t i, started = 0;
	ent_error err = {0};
	int rc = 0;

	memset(&r, 0, sizeof(r));
	r.jobs = calloc(n, sizeof(*r.jobs));
	if (r.jobs == NULL) {
		err.code = ENT_ENOMEM;
		snprintf(err.message, sizeof(err.message), "out of memory");
		return cli_fail(&err);
	}
	r.n = n;
	r.o = o;
	r.dopts = *ent_dataset_options_get(ds);
	for (i = 0; i < n; i++) {
		r.jobs[i].input = inputs[i];
	}
	pthread_mutex_init(&r.mu, NULL);
	pthread_cond_init(&r.done_cv, NULL);
#ifdef M_MMAP_THRESHOLD
	/* Each input takes blocks of memory (its dataset, the decoder's
	 * buffers) and gives them back; by default glibc maps each large
	 * block afresh and, in a thread's arena, hands freed memory back at
	 * once, so every input paid its page faults again. Blocks under 16
	 * MiB come from the heap and stay there for the next input. (The
	 * read buffers themselves are kept by the library from one input to
	 * the next on each reader thread, and freed when it exits.) */
	mallopt(M_MMAP_THRESHOLD, 16 * 1024 * 1024);
	mallopt(M_TRIM_THRESHOLD, 32 * 1024 * 1024);
#endif
	sigbus_guard();
	for (i = 0; i < n_threads; i++) {
		if (pthread_create(&threads[started], NULL, reader_main, &r) ==
			0) {
			started++;
		}
	}
	if (started == 0) {
		reader_main(&r); /* no thread: read them here */
	}
	for (i = 0; i < n && rc == 0; i++) {
		job *j = &r.jobs[i];

		pthread_mutex_lock(&r.mu);
		while (!j->done) {
			pthread_cond_wait(&r.done_cv, &r.mu);
		}
		pthread_mutex_unlock(&r.mu);
		if (!o->quiet) {
			report_job_skips(j);
		}
		if (j->st != ENT_OK) {
			rc = cli_fail(&j->err);
		} else if (ent_dataset_merge(ds, j->ds, &err) != ENT_OK) {
			rc = cli_fail(&err);
		}
		ent_dataset_destroy(j->ds);
		j->ds = NULL;
	}
	pthread_mutex_lock(&r.mu);
	r.stop = 1;
	pthread_mutex_unlock(&r.mu);
	for (i = 0; i < started; i++) {
		pthread_join(threads[i], NULL);
	}
	sigbus_unguard();
	atomic_store(&reading_input, NULL);
	for (i = 0; i < n; i++) {
		ent_dataset_destroy(r.jobs[i].ds);
	}
	pthread_cond_destroy(&r.done_cv);
	pthread_mutex_destroy(&r.mu);
	free(r.jobs);
	return rc;
}

/* The filters given, as "--actors, --since" (empty when none). */
static void active_filters(char *buf, size_t size, const cli_opts *o)
{
	const struct {
		int on;
		const char *name;
	} f[] = {
		{o->since != 0, "--since"}, {o->until != 0, "--until"},
		{o->n_actors > 0, "--actors"}, {o->n_codes > 0, "--codes"},
		{o->quads != 0, "--quad"}, {o->root_only, "--root-only"},
		{o->min_sources > 0, "--min-sources"},
		{o->min_articles > 0, "--min-articles"},
		{o->dedupe, "--dedupe"}, {o->weight == ENT_WEIGHT_TONE, "--weight tone"},
	};
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < sizeof(f) / sizeof(f[0]) && n < size; i++) {
		if (f[i].on) {
			n += (size_t)snprintf(buf + n, size - n, "%s%s",
				n ? ", " : "", f[i].name);
		}
	}
}

/* A filter that keeps nothing says so, rather than leaving an empty
 * report to speak for itself. */
static void warn_if_nothing_kept(const ent_dataset *ds, const cli_opts *o)
{
	const ent_dataset_stats *st = ent_dataset_stats_get(ds);
	char names[128];

	active_filters(names, sizeof(names), o);
	if (names[0] == '\0' || st->filtered == 0 ||
		ent_dyads_count(ent_dataset_dyads(ds)) > 0) {
		return;
	}
	fprintf(stderr, "entente: warning: the filters (%s) keep none of the "
		"%lld %s read\n", names, (long long)(st->records + st->dyad_rows),
		st->records == 0 ? "dyad rows" : st->dyad_rows == 0 ? "events"
		: "events and dyad rows");
}

/* A three-letter code in capitals that is no state ("GER", "XYZ") is read
 * as an actor code, as GDELT's IGO or NGO are, but is most often a
 * misspelt state: say so, with the nearest states. */
static void warn_unknown_codes(const cli_opts *o)
{
	size_t i;

	for (i = 0; i < o->n_actors; i++) {
		ent_actor_name n;
		char near[160];
		size_t len = strlen(o->actors[i]);

		if (len != 3 || ent_actor_name_resolve(&n, o->actors[i], len,
					ENT_NAME_GROUPS, NULL) != ENT_OK ||
			n.kind != ENT_ACTOR_CODE || n.state != NULL) {
			continue;
		}
		ent_actor_name_suggest(o->actors[i], len, ENT_NAME_GROUPS, near,
			sizeof(near));
		fprintf(stderr, "entente: warning: --actors: %s is no state's or "
			"group's code, read as an actor code%s%s%s\n",
			o->actors[i], near[0] ? "; did you mean " : "", near,
			near[0] ? "?" : "");
	}
}

int cli_load(ent_dataset **out, cli_opts *o, int keep_events)
{
	ent_dataset *ds = NULL;
	ent_extractor *ex = NULL;
	ent_dataset_options dopts = o->dataset;
	ent_error err = {0};
	size_t i, readers_n;
	char *stdin_input[] = {"-"};
	char **inputs = o->inputs;
	size_t n_inputs = o->n_inputs;

	*out = NULL;
	if (!o->quiet) {
		warn_unknown_codes(o);
	}
	if (n_inputs == 0) {
		if (isatty(STDIN_FILENO)) {
			return cli_usage_error("no input given (a file, or - for "
				"standard input)");
		}
		inputs = stdin_input;
		n_inputs = 1;
	}
	dopts.keep_events = keep_events;
	/* one extractor for every text input: its dictionaries are built once
	 * (a user dictionary given with a non-text input is still checked) */
	if (ent_extractor_create(&ex, &o->extract, &err) != ENT_OK) {
		return cli_fail(&err);
	}
	if (ent_dataset_create(&ds, &dopts, &err) != ENT_OK) {
		ent_extractor_destroy(ex);
		return cli_fail(&err);
	}
	if ((readers_n = inputs_parallel(o, inputs, n_inputs, keep_events)) >
		0) {
		ent_extractor_destroy(ex);
		if (load_parallel(ds, o, inputs, n_inputs, readers_n) != 0) {
			ent_dataset_destroy(ds);
			return CLI_EXIT_FAILURE;
		}
		if (!o->quiet) {
			warn_if_nothing_kept(ds, o);
		}
		*out = ds;
		return 0;
	}
	for (i = 0; i < n_inputs; i++) {
		ent_read_options ropts = o->read;
		progress prog = {0};
		skips sk = {inputs[i], 0};
		ent_status st;

		prog.name = inputs[i];
		clock_gettime(CLOCK_MONOTONIC, &prog.start);
		prog.last = prog.start;
		if (!o->quiet && isatty(STDERR_FILENO)) {
			ropts.progress = show_progress;
			ropts.progress_payload = &prog;
		}
		if (!o->quiet) {
			ropts.on_skip = report_skip;
			ropts.skip_payload = &sk;
		}
		ropts.extractor = ex;
		st = read_guarded(ds, inputs[i], &ropts, &err);
		if (prog.shown) {
			fputs("\r\033[K", stderr);
			progress_on_screen = 0;
		}
		if (sk.count > 5) {
			fprintf(stderr, "entente: warning: %s: %lld broken rows "
				"skipped in all\n", inputs[i], sk.count);
		}
		if (st != ENT_OK) {
			ent_extractor_destroy(ex);
			ent_dataset_destroy(ds);
			ent_read_release();
			return cli_fail(&err);
		}
	}
	ent_extractor_destroy(ex);
	ent_read_release(); /* the inputs are read: give back their buffers */
	if (!o->quiet) {
		warn_if_nothing_kept(ds, o);
	}
	*out = ds;
	return 0;
}
