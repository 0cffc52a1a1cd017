/* SPDX-License-Identifier: MIT */
/*
 * Option parsing shared by every command, and the input loader.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

enum {
	OPT_SINCE = 256, OPT_UNTIL, OPT_DATE_ADDED, OPT_ACTORS, OPT_CODES,
	OPT_QUAD, OPT_ROOT_ONLY, OPT_MIN_EVENTS, OPT_WEIGHT, OPT_LEVEL, OPT_BY,
	OPT_INPUT_FORMAT, OPT_STRICT, OPT_QUIET, OPT_DATE, OPT_ACTOR_DICT,
	OPT_VERB_DICT, OPT_LAYOUT, OPT_SIZE, OPT_TITLE, OPT_DIRECTED,
	OPT_MIN_WEIGHT, OPT_SEED, OPT_TABLE, OPT_TOP, OPT_FORMAT, OPT_RELATION,
	OPT_ACTOR, OPT_BLOCS, OPT_THREADS, OPT_SAMPLE_ABOVE, OPT_SAMPLES,
	OPT_ALL_TRIANGLES, OPT_ALL_RELATIONS
};

typedef struct opt_def {
	struct option opt;
	unsigned int groups;
} opt_def;

static const opt_def defs[] = {
	{{"output", required_argument, NULL, 'o'}, CLI_OUTPUT},
	{{"format", required_argument, NULL, OPT_FORMAT},
		CLI_REPORT | CLI_RENDER | CLI_PLOT},
	{{"table", required_argument, NULL, OPT_TABLE}, CLI_REPORT},
	{{"top", required_argument, NULL, OPT_TOP}, CLI_REPORT | CLI_RENDER},
	{{"since", required_argument, NULL, OPT_SINCE}, CLI_FILTER},
	{{"until", required_argument, NULL, OPT_UNTIL}, CLI_FILTER},
	{{"date-added", no_argument, NULL, OPT_DATE_ADDED}, CLI_FILTER},
	{{"actors", required_argument, NULL, OPT_ACTORS}, CLI_FILTER},
	{{"codes", required_argument, NULL, OPT_CODES}, CLI_FILTER},
	{{"quad", required_argument, NULL, OPT_QUAD}, CLI_FILTER},
	{{"root-only", no_argument, NULL, OPT_ROOT_ONLY}, CLI_FILTER},
	{{"min-events", required_argument, NULL, OPT_MIN_EVENTS}, CLI_FILTER},
	{{"weight", required_argument, NULL, OPT_WEIGHT}, CLI_FILTER},
	{{"level", required_argument, NULL, OPT_LEVEL}, CLI_FILTER},
	{{"by", required_argument, NULL, OPT_BY}, CLI_FILTER},
	{{"input-format", required_argument, NULL, OPT_INPUT_FORMAT}, CLI_READ},
	{{"strict", no_argument, NULL, OPT_STRICT}, CLI_READ},
	{{"quiet", no_argument, NULL, OPT_QUIET}, CLI_READ},
	{{"date", required_argument, NULL, OPT_DATE}, CLI_EXTRACT},
	{{"actor-dict", required_argument, NULL, OPT_ACTOR_DICT}, CLI_EXTRACT},
	{{"verb-dict", required_argument, NULL, OPT_VERB_DICT}, CLI_EXTRACT},
	{{"layout", required_argument, NULL, OPT_LAYOUT}, CLI_RENDER},
	{{"size", required_argument, NULL, OPT_SIZE}, CLI_RENDER},
	{{"title", required_argument, NULL, OPT_TITLE}, CLI_RENDER},
	{{"directed", no_argument, NULL, OPT_DIRECTED}, CLI_RENDER},
	{{"min-weight", required_argument, NULL, OPT_MIN_WEIGHT}, CLI_RENDER},
	{{"seed", required_argument, NULL, OPT_SEED}, CLI_RENDER},
	{{"relation", required_argument, NULL, OPT_RELATION}, CLI_PLOT},
	{{"actor", required_argument, NULL, OPT_ACTOR}, CLI_PLOT},
	{{"all-relations", no_argument, NULL, OPT_ALL_RELATIONS}, CLI_RENDER},
	{{"blocs", required_argument, NULL, OPT_BLOCS}, CLI_METRICS},
	{{"threads", required_argument, NULL, OPT_THREADS}, CLI_METRICS},
	{{"sample-above", required_argument, NULL, OPT_SAMPLE_ABOVE},
		CLI_METRICS},
	{{"samples", required_argument, NULL, OPT_SAMPLES}, CLI_METRICS},
	{{"all-triangles", no_argument, NULL, OPT_ALL_TRIANGLES}, CLI_METRICS},
	{{"help", no_argument, NULL, 'h'}, ~0u},
};

#define N_DEFS (sizeof(defs) / sizeof(defs[0]))

static const char *group_help[] = {
	/* CLI_INPUTS */ NULL,
	/* CLI_OUTPUT */
	"  -o, --output FILE      write to FILE (atomically) instead of standard output\n",
	/* CLI_FILTER */
	"Filters:\n"
	"  --since DATE           keep events on or after DATE (YYYY[-MM[-DD]])\n"
	"  --until DATE           keep events on or before DATE (a month or year is inclusive)\n"
	"  --date-added           compare GDELT's DATEADDED instead of the event date\n"
	"  --actors LIST          keep events between the listed actors (CHN,RUS,USA)\n"
	"  --codes LIST           keep CAMEO codes or roots (19,057)\n"
	"  --quad LIST            keep quad classes (1 verbal coop, 2 material coop,\n"
	"                         3 verbal conflict, 4 material conflict), e.g. 3,4\n"
	"  --root-only            keep GDELT root events only (IsRootEvent = 1)\n"
	"  --min-events N         leave out directed dyads with fewer than N events\n"
	"  --weight W             what an event counts for: events (default),\n"
	"                         mentions, sources, articles\n"
	"  --level L              state (default: RUSGOV counts as RUS) or actor\n"
	"  --by UNIT              also aggregate per week, month, quarter or year\n",
	/* CLI_REPORT */
	"Report:\n"
	"  --format F             text (default), json, csv or md\n"
	"  --table T              with csv: actors, dyads, relations, blocs,\n"
	"                         periods (the default with --by, else actors)\n"
	"                         or changes (with --by)\n"
	"  --top N                rows in ranked tables (default 10)\n",
	/* CLI_EXTRACT */
	"Extraction (news text):\n"
	"  --date DATE            date of events when the text has no date line or\n"
	"                         dateline (and the year of a dateline without one)\n"
	"  --actor-dict FILE      extra actor dictionary (see README)\n"
	"  --verb-dict FILE       extra event-phrase dictionary (see README)\n",
	/* CLI_RENDER */
	"Diagram:\n"
	"  --format F             dot, svg, png, pdf, graphml or gml (default: from -o)\n"
	"  --layout L             neato (default), fdp, sfdp, circo or dot\n"
	"  --size M               node size by pagerank (default), betweenness, degree, events\n"
	"  --title TEXT           diagram title (default: inputs and date range)\n"
	"  --directed             draw directed dyads with arrows\n"
	"  --top N                keep the N strongest relations\n"
	"  --min-weight W         leave out relations with |net| below W\n"
	"  --all-relations        draw every relation of a graph over 100 actors\n"
	"                         (by default its 100 strongest, as its title says)\n"
	"  --seed N               layout seed (default 1)\n",
	/* CLI_READ */
	"Input:\n"
	"  --input-format F       json, text, gdelt2, gdelt1, icews or dyads (default: detect)\n"
	"  --strict               a broken row is an error instead of being skipped\n"
	"  --quiet                no progress line or skip reports\n",
	/* CLI_PLOT */
	"Chart:\n"
	"  --relation A-B         the relation of actors A and B (RUS-TUR)\n"
	"  --actor CODE           one actor with everyone (CHN)\n"
	"  --format F             svg, png or pdf (default: from -o)\n",
	/* CLI_METRICS */
	"Measures:\n"
	"  --blocs M              bloc search: auto (default), louvain or spinglass\n"
	"  --sample-above N       estimate betweenness and harmonic closeness from\n"
	"                         sampled sources above N actors (default 20000;\n"
	"                         0 = always exact)\n"
	"  --samples K            sources of that sample (default 2000)\n"
	"  --threads N            threads for them (default: one per CPU)\n"
	"  --all-triangles        list every unbalanced triangle (default: the\n"
	"                         1000 heaviest; the counts are always exact)\n",
};

void cli_print_help(FILE *fp, const cli_command *cmd)
{
	size_t i;

	fprintf(fp, "usage: entente %s %s\n\n%s\n", cmd->name, cmd->usage,
		cmd->summary);
	if (cmd->help && cmd->help[0]) {
		fprintf(fp, "\n%s", cmd->help);
	}
	fputs("\nOptions:\n  -h, --help             show this help\n", fp);
	if (cmd->groups & CLI_OUTPUT) {
		fputs(group_help[1], fp);
	}
	for (i = 2; i < sizeof(group_help) / sizeof(*group_help); i++) {
		if ((cmd->groups & (1u << i)) && group_help[i]) {
			/* report and render share --format and --top; render wins */
			if (i == 3 && (cmd->groups & CLI_RENDER)) {
				continue;
			}
			fputc('\n', fp);
			fputs(group_help[i], fp);
		}
	}
}

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("entente: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(" (try --help)\n", stderr);
	return CLI_EXIT_USAGE;
}

int cli_fail(const ent_error *err)
{
	char line[ENT_ERROR_SIZE + 512];

	ent_error_format(err, line, sizeof(line));
	fprintf(stderr, "entente: %s\n", line);
	return CLI_EXIT_FAILURE;
}

/* Split a comma list into owned, upper-cased items. */
static int split_list(char ***out, size_t *n, const char *arg, int upper)
{
	const char *p = arg;

	while (*p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char **items;
		char *item;
		size_t i;

		if (len > 0) {
			items = realloc(*out, (*n + 1) * sizeof(*items));
			if (items == NULL) {
				return -1;
			}
			*out = items;
			item = malloc(len + 1);
			if (item == NULL) {
				return -1;
			}
			for (i = 0; i < len; i++) {
				item[i] = upper && p[i] >= 'a' && p[i] <= 'z'
					? (char)(p[i] - 32) : p[i];
			}
			item[len] = '\0';
			items[(*n)++] = item;
		}
		if (end == NULL) {
			break;
		}
		p = end + 1;
	}
	return 0;
}

static int parse_date_arg(ent_date *out, const char *name, const char *arg)
{
	if (ent_date_parse(out, arg, strlen(arg)) != ENT_OK) {
		return cli_usage_error("%s: \"%s\" is not a date YYYY-MM-DD, "
			"YYYY-MM or YYYY", name, arg);
	}
	return 0;
}

static int parse_long(long long *out, const char *name, const char *arg,
	long long min)
{
	char *end;

	errno = 0;
	*out = strtoll(arg, &end, 10);
	if (errno || end == arg || *end || *out < min) {
		return cli_usage_error("%s: \"%s\" is not a whole number of at "
			"least %lld", name, arg, min);
	}
	return 0;
}

int cli_parse(cli_opts *o, const cli_command *cmd, int argc, char **argv)
{
	struct option longopts[N_DEFS + 1];
	ent_read_options read = ENT_READ_OPTIONS_INIT;
	ent_extract_options extract = ENT_EXTRACT_OPTIONS_INIT;
	ent_dataset_options dataset = ENT_DATASET_OPTIONS_INIT;
	ent_graph_options graph = ENT_GRAPH_OPTIONS_INIT;
	ent_metrics_options metrics = ENT_METRICS_OPTIONS_INIT;
	size_t i, n = 0;
	int c, rc;

	memset(o, 0, sizeof(*o));
	o->read = read;
	o->extract = extract;
	o->dataset = dataset;
	o->graph = graph;
	o->metrics = metrics;
	o->seed = 1;
	for (i = 0; i < N_DEFS; i++) {
		if (defs[i].groups & cmd->groups) {
			longopts[n++] = defs[i].opt;
		}
	}
	memset(&longopts[n], 0, sizeof(longopts[n]));
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv,
			(cmd->groups & CLI_OUTPUT) ? ":ho:" : ":h", longopts,
			NULL)) != -1) {
		long long v;
		char *end;

		switch (c) {
		case 'h':
			cli_print_help(stdout, cmd);
			return -1;
		case 'o':
			o->output = optarg;
			break;
		case OPT_FORMAT:
			o->format = optarg;
			break;
		case OPT_TABLE:
			o->table = optarg;
			break;
		case OPT_TOP:
			if ((rc = parse_long(&v, "--top", optarg, 1)) != 0) {
				return rc;
			}
			o->top = (size_t)v;
			break;
		case OPT_SINCE:
			if ((rc = parse_date_arg(&o->dataset.filter.since, "--since",
				     optarg)) != 0) {
				return rc;
			}
			break;
		case OPT_UNTIL:
			if ((rc = parse_date_arg(&o->dataset.filter.until, "--until",
				     optarg)) != 0) {
				return rc;
			}
			break;
		case OPT_DATE_ADDED:
			o->dataset.filter.use_date_added = 1;
			break;
		case OPT_ACTORS:
			if (split_list(&o->actors, &o->n_actors, optarg, 1) < 0) {
				return cli_usage_error("out of memory");
			}
			break;
		case OPT_CODES:
			if (split_list(&o->codes, &o->n_codes, optarg, 0) < 0) {
				return cli_usage_error("out of memory");
			}
			for (i = 0; i < o->n_codes; i++) {
				size_t k, len = strlen(o->codes[i]);
				for (k = 0; k < len && o->codes[i][k] >= '0' &&
					o->codes[i][k] <= '9'; k++) {
				}
				if (k != len || len < 2 || len > 4 ||
					ent_cameo_lookup(o->codes[i]) == NULL) {
					return cli_usage_error("--codes: \"%s\" is not "
						"a CAMEO code", o->codes[i]);
				}
			}
			break;
		case OPT_QUAD: {
			const char *p = optarg;
			for (; *p; p++) {
				if (*p >= '1' && *p <= '4') {
					o->dataset.filter.quads |= 1u << (*p - '0');
				} else if (*p != ',') {
					return cli_usage_error("--quad: \"%s\" is not "
						"a list of 1, 2, 3, 4", optarg);
				}
			}
			break;
		}
		case OPT_ROOT_ONLY:
			o->dataset.filter.root_only = 1;
			break;
		case OPT_MIN_EVENTS:
			if ((rc = parse_long(&v, "--min-events", optarg, 0)) != 0) {
				return rc;
			}
			o->graph.min_events = v;
			break;
		case OPT_WEIGHT:
			if (strcmp(optarg, "events") == 0) {
				o->dataset.weight = ENT_WEIGHT_EVENTS;
			} else if (strcmp(optarg, "mentions") == 0) {
				o->dataset.weight = ENT_WEIGHT_MENTIONS;
			} else if (strcmp(optarg, "sources") == 0) {
				o->dataset.weight = ENT_WEIGHT_SOURCES;
			} else if (strcmp(optarg, "articles") == 0) {
				o->dataset.weight = ENT_WEIGHT_ARTICLES;
			} else {
				return cli_usage_error("--weight: \"%s\" is not events, "
					"mentions, sources or articles", optarg);
			}
			break;
		case OPT_LEVEL:
			if (strcmp(optarg, "state") == 0) {
				o->dataset.level = ENT_LEVEL_STATE;
			} else if (strcmp(optarg, "actor") == 0) {
				o->dataset.level = ENT_LEVEL_ACTOR;
			} else {
				return cli_usage_error("--level: \"%s\" is not state "
					"or actor", optarg);
			}
			break;
		case OPT_BY:
			if (strcmp(optarg, "week") == 0) {
				o->dataset.by = ENT_PERIOD_WEEK;
			} else if (strcmp(optarg, "month") == 0) {
				o->dataset.by = ENT_PERIOD_MONTH;
			} else if (strcmp(optarg, "quarter") == 0) {
				o->dataset.by = ENT_PERIOD_QUARTER;
			} else if (strcmp(optarg, "year") == 0) {
				o->dataset.by = ENT_PERIOD_YEAR;
			} else {
				return cli_usage_error("--by: \"%s\" is not week, "
					"month, quarter or year", optarg);
			}
			break;
		case OPT_INPUT_FORMAT:
			if (ent_format_parse(&o->read.format, optarg) != ENT_OK) {
				return cli_usage_error("--input-format: unknown format "
					"\"%s\"", optarg);
			}
			break;
		case OPT_STRICT:
			o->read.strict = 1;
			break;
		case OPT_QUIET:
			o->quiet = 1;
			break;
		case OPT_DATE:
			if ((rc = parse_date_arg(&o->extract.default_date, "--date",
				     optarg)) != 0) {
				return rc;
			}
			break;
		case OPT_ACTOR_DICT:
			o->extract.actor_dict = optarg;
			break;
		case OPT_VERB_DICT:
			o->extract.verb_dict = optarg;
			break;
		case OPT_LAYOUT:
			o->layout = optarg;
			break;
		case OPT_SIZE:
			o->size_by = optarg;
			break;
		case OPT_TITLE:
			o->title = optarg;
			break;
		case OPT_DIRECTED:
			o->directed = 1;
			break;
		case OPT_MIN_WEIGHT:
			errno = 0;
			o->min_weight = strtod(optarg, &end);
			if (errno || end == optarg || *end || !(o->min_weight >= 0)) {
				return cli_usage_error("--min-weight: \"%s\" is not a "
					"number of at least 0", optarg);
			}
			break;
		case OPT_RELATION:
			o->relation = optarg;
			break;
		case OPT_ACTOR:
			o->actor = optarg;
			break;
		case OPT_SEED:
			if ((rc = parse_long(&v, "--seed", optarg, 0)) != 0) {
				return rc;
			}
			o->seed = (unsigned long)v;
			break;
		case OPT_BLOCS:
			if (ent_bloc_method_parse(&o->metrics.blocs, optarg) !=
				ENT_OK) {
				return cli_usage_error("--blocs: \"%s\" is not auto, "
					"louvain or spinglass", optarg);
			}
			break;
		case OPT_THREADS:
			if ((rc = parse_long(&v, "--threads", optarg, 1)) != 0) {
				return rc;
			}
			if (v > 64) {
				return cli_usage_error("--threads: at most 64");
			}
			o->metrics.threads = (unsigned int)v;
			break;
		case OPT_SAMPLE_ABOVE:
			if ((rc = parse_long(&v, "--sample-above", optarg, 0)) !=
				0) {
				return rc;
			}
			o->metrics.sample_above = (size_t)v;
			break;
		case OPT_ALL_RELATIONS:
			o->all_relations = 1;
			break;
		case OPT_ALL_TRIANGLES:
			o->metrics.max_unbalanced = 0;
			break;
		case OPT_SAMPLES:
			if ((rc = parse_long(&v, "--samples", optarg, 1)) != 0) {
				return rc;
			}
			o->metrics.samples = (size_t)v;
			break;
		case ':':
			return cli_usage_error("option %s needs a value",
				argv[optind - 1]);
		default:
			return cli_usage_error("unknown option %s for '%s'",
				argv[optind - 1], cmd->name);
		}
	}
	o->dataset.filter.actors = (const char *const *)o->actors;
	o->dataset.filter.n_actors = o->n_actors;
	o->dataset.filter.codes = (const char *const *)o->codes;
	o->dataset.filter.n_codes = o->n_codes;
	o->read.extract = &o->extract;
	o->inputs = argv + optind;
	o->n_inputs = (size_t)(argc - optind);
	if (!(cmd->groups & CLI_INPUTS) && o->n_inputs > 0) {
		return cli_usage_error("'%s' takes no inputs", cmd->name);
	}
	return 0;
}

void cli_opts_free(cli_opts *o)
{
	size_t i;

	for (i = 0; i < o->n_actors; i++) {
		free(o->actors[i]);
	}
	free(o->actors);
	for (i = 0; i < o->n_codes; i++) {
		free(o->codes[i]);
	}
	free(o->codes);
	o->actors = o->codes = NULL;
	o->n_actors = o->n_codes = 0;
}

/* -- loading ------------------------------------------------------------- */

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
 * A plain input cut short while it is read. The library reads plain files
 * through memory maps, and when another program cuts the file short, the
 * next touch of a lost page raises SIGBUS (BUS_ADRERR) in whichever thread
 * touches it. While an input is being read, the handler below turns that
 * into the tool's one-line error and exit status 1 instead of a death by
 * signal. No output file is open yet (outputs are created after the
 * inputs are read), so nothing is left behind. Any other SIGBUS (a
 * signal sent by kill, or outside the reading) keeps its default action.
 * Only async-signal-safe calls in the handler.
 */
static _Atomic(const char *) reading_input;
static atomic_flag sigbus_taken = ATOMIC_FLAG_INIT;
static struct sigaction sigbus_before;

static void on_sigbus(int sig, siginfo_t *info, void *context)
{
	static const char clear[] = "\r\033[K", pre[] = "entente: ",
		post[] = ": the file was cut short while it was being read; "
		"nothing was written\n";
	const char *name = atomic_load(&reading_input);
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

/* Read one input with the SIGBUS handler in place. */
static ent_status read_guarded(ent_dataset *ds, const char *input,
	const ent_read_options *ropts, ent_error *err)
{
	struct sigaction sa;
	ent_status st;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_sigbus;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	atomic_store(&reading_input, input);
	sigaction(SIGBUS, &sa, &sigbus_before);
	st = ent_read_into(ds, input, ropts, err);
	sigaction(SIGBUS, &sigbus_before, NULL);
	atomic_store(&reading_input, NULL);
	return st;
}

int cli_load(ent_dataset **out, cli_opts *o, int keep_events)
{
	ent_dataset *ds = NULL;
	ent_extractor *ex = NULL;
	ent_dataset_options dopts = o->dataset;
	ent_error err = {0};
	size_t i;
	char *stdin_input[] = {"-"};
	char **inputs = o->inputs;
	size_t n_inputs = o->n_inputs;

	*out = NULL;
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
	if (ent_dataset_create(&ds, &dopts) != ENT_OK) {
		ent_extractor_destroy(ex);
		err.code = ENT_ENOMEM;
		snprintf(err.message, sizeof(err.message), "out of memory");
		return cli_fail(&err);
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
			return cli_fail(&err);
		}
	}
	ent_extractor_destroy(ex);
	*out = ds;
	return 0;
}
