/* SPDX-License-Identifier: MIT */
/*
 * entente extract: news text in, events JSON ("events/1") out.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <unistd.h>

#include "cli.h"

static const cli_opt *const options[] = {
	&cli_opt_help, &cli_opt_output_file, &cli_opt_quiet,
	&cli_opt_extract_threads,
	&cli_section_text, &cli_opt_date, &cli_opt_actor_dict,
	&cli_opt_verb_dict,
	NULL,
};

static const cli_example examples[] = {
	{"entente extract examples/cyber-pact.txt -o cyber-pact.json",
		"the events read from an article, as events JSON (events/1)"},
	{"entente extract --date 2015-05-08 - < examples/cyber-pact.txt",
		"an article on standard input, dated when it gives no date"},
	{"entente extract --threads 2 examples/*.txt -o events.json",
		"several articles read two at a time, written in the order "
		"given"},
	{NULL, NULL},
};

/*
 * Where the events go. They are written as they are read, never kept: the
 * memory of a run is the longest document, not the corpus. An output
 * file is a temporary file until the end (a failure removes it), so the
 * events go to it in blocks of FLUSH_BYTES, whatever the documents;
 * standard output (or a device) shows what is written at once, so a
 * document's events are held until the document is read whole, and a
 * document that fails leaves none of its events there.
 */
#define FLUSH_BYTES (256 * 1024)

/* --threads by default: one per CPU, at most this many (past four the
 * writing thread, which puts the documents' events in order, is the
 * limit long before the extraction is) */
#define DEFAULT_MAX_THREADS 4
/* Documents handed out ahead of the one being written, per thread: room
 * for a long document to hold up its thread while the others go on,
 * and the bound on memory (each holds one document's events) */
#define WINDOW_PER_THREAD 4

typedef struct sink {
	ent_events_writer *w;
	ent_error *err;
	int whole_documents;  /* hold a document's events until its end */
} sink;

static ent_status write_event(const ent_event *ev, void *payload)
{
	sink *s = payload;
	ent_status st = ent_events_writer_add(s->w, ev, s->err);

	if (st == ENT_OK && !s->whole_documents &&
		ent_events_writer_held(s->w) >= FLUSH_BYTES) {
		st = ent_events_writer_flush(s->w, s->err);
	}
	return st;
}

/* After a document: write what is held when the policy says so. */
static ent_status document_done(sink *s)
{
	if (s->whole_documents ||
		ent_events_writer_held(s->w) >= FLUSH_BYTES) {
		return ent_events_writer_flush(s->w, s->err);
	}
	return ENT_OK;
}

/* One thread: each document read, extracted and written in turn. */
static ent_status extract_serial(sink *s, ent_extractor *ex, char **inputs,
	size_t n)
{
	size_t i;
	ent_status st = ENT_OK;

	for (i = 0; i < n && st == ENT_OK; i++) {
		char *text = NULL;
		size_t len = 0;

		if ((st = ent_read_text(&text, &len, inputs[i], s->err)) ==
			ENT_OK) {
			st = ent_extract_text(ex, text, len, inputs[i],
				write_event, s, s->err);
		}
		free(text);
		if (st == ENT_OK) {
			st = document_done(s);
		}
	}
	return st;
}

/*
 * Several threads, the calling one among them. Each takes the documents
 * in input order, with its own extractor (one is not for two threads;
 * the built-in lexicon they all read is built once and only read), and
 * serializes a document's events into the part of its slot. Whichever
 * thread finishes the document next in input order writes it, and every
 * document after it that is done, into the writer (one thread at a time:
 * `writing`); no thread waits for another unless the window is full. A
 * thread takes document i only when its slot (i mod window) is free,
 * that is when document i - window is written: at most `window`
 * documents' events are held. The output is the bytes of the serial run
 * whatever the thread count. When document i fails no thread takes a
 * later one; the documents before it are written, then its error is the
 * run's: the first in input order, as in the serial run.
 */
typedef struct doc_slot {
	ent_events_writer *part; /* the document's events, serialized */
	ent_status st;
	ent_error err;
	int done;                /* extracted (or failed), not yet written */
} doc_slot;

typedef struct pool {
	char **inputs;
	size_t n;
	doc_slot *slots;
	size_t window;
	sink *s;                 /* the writer; its error is the run's */
	pthread_mutex_t mu;
	pthread_cond_t freed;    /* a slot is free, or stop */
	size_t next;             /* the next document to hand out */
	size_t written;          /* documents written: their slots are free */
	size_t fail_at;          /* the first document that failed, or n */
	int writing;             /* a thread is writing documents */
	int stop;                /* a failure was written: all leave */
	ent_status st;           /* the run's status */
} pool;

typedef struct worker {
	pool *p;
	ent_extractor *ex;
	pthread_t tid;
} worker;

typedef struct part_sink {
	ent_events_writer *part;
	ent_error *err;
} part_sink;

static ent_status add_to_part(const ent_event *ev, void *payload)
{
	part_sink *ps = payload;

	return ent_events_writer_add(ps->part, ev, ps->err);
}

/* The next document for a thread, waiting for its slot; n when none is
 * left to take. Called with p->mu held. */
static size_t take_document(pool *p)
{
	while (!p->stop && p->next < p->fail_at &&
		p->next >= p->written + p->window) {
		pthread_cond_wait(&p->freed, &p->mu);
	}
	return !p->stop && p->next < p->fail_at ? p->next++ : p->n;
}

/* Write the documents that are done, in order, from p->written on, unless
 * another thread is at it. Called with p->mu held; the writing itself is
 * done without it. */
static void write_done_documents(pool *p)
{
	if (p->writing) {
		return;
	}
	p->writing = 1;
	while (!p->stop && p->written < p->n &&
		p->slots[p->written % p->window].done) {
		doc_slot *slot = &p->slots[p->written % p->window];
		ent_status st = slot->st;

		pthread_mutex_unlock(&p->mu);
		if (st != ENT_OK) {
			*p->s->err = slot->err;
		} else if ((st = ent_events_writer_take(p->s->w, slot->part,
				    p->s->err)) == ENT_OK) {
			st = document_done(p->s);
		}
		pthread_mutex_lock(&p->mu);
		slot->done = 0;
		p->written++;
		if (st != ENT_OK) {
			p->st = st;
			p->stop = 1;
		}
		pthread_cond_broadcast(&p->freed);
	}
	p->writing = 0;
}

static void *worker_main(void *arg)
{
	worker *wk = arg;
	pool *p = wk->p;
	size_t i;

	pthread_mutex_lock(&p->mu);
	while ((i = take_document(p)) < p->n) {
		doc_slot *slot = &p->slots[i % p->window];
		part_sink ps = {slot->part, &slot->err};
		char *text = NULL;
		size_t len = 0;
		ent_status st;

		pthread_mutex_unlock(&p->mu);
		if ((st = ent_read_text(&text, &len, p->inputs[i],
			     &slot->err)) == ENT_OK) {
			st = ent_extract_text(wk->ex, text, len, p->inputs[i],
				add_to_part, &ps, &slot->err);
		}
		free(text);
		pthread_mutex_lock(&p->mu);
		slot->st = st;
		slot->done = 1;
		if (st != ENT_OK && i < p->fail_at) {
			p->fail_at = i;
		}
		write_done_documents(p);
	}
	/* the last to leave finds every document written, or the stop: no
	 * document is done and unwritten once no thread is working */
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* Extract on `n_threads` threads (the calling one and n_threads - 1
 * more) with the extractors `ex`. When the pool cannot be set up (no
 * memory) nothing is read or written and *started is 0: the caller goes
 * serial. */
static ent_status extract_parallel(sink *s, ent_extractor **ex,
	size_t n_threads, char **inputs, size_t n, int *started)
{
	pool p;
	worker wk[64];
	size_t i, running = 0;

	*started = 0;
	memset(&p, 0, sizeof(p));
	p.inputs = inputs;
	p.n = n;
	p.fail_at = n;
	p.s = s;
	p.st = ENT_OK;
	p.window = n_threads * WINDOW_PER_THREAD;
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.freed, NULL);
	if ((p.slots = calloc(p.window, sizeof(*p.slots))) == NULL) {
		goto done;
	}
	for (i = 0; i < p.window; i++) {
		if (ent_events_writer_create_part(&p.slots[i].part, NULL) !=
			ENT_OK) {
			goto done;
		}
	}
	*started = 1;
	for (i = 1; i < n_threads; i++) {
		wk[running].p = &p;
		wk[running].ex = ex[i];
		/* a thread that cannot start leaves its share to the others */
		if (pthread_create(&wk[running].tid, NULL, worker_main,
			    &wk[running]) == 0) {
			running++;
		}
	}
	{
		worker self = {&p, ex[0], pthread_self()};
		worker_main(&self);
	}
	for (i = 0; i < running; i++) {
		pthread_join(wk[i].tid, NULL);
	}
	/* every thread gone: what is done is written (or a failure is) */
	pthread_mutex_lock(&p.mu);
	write_done_documents(&p);
	pthread_mutex_unlock(&p.mu);
done:
	for (i = 0; p.slots != NULL && i < p.window; i++) {
		ent_events_writer_destroy(p.slots[i].part);
	}
	free(p.slots);
	pthread_cond_destroy(&p.freed);
	pthread_mutex_destroy(&p.mu);
	return p.st;
}

/* --threads, or one per CPU up to DEFAULT_MAX_THREADS; never more than
 * the documents. */
static size_t thread_count(const cli_opts *o, size_t n)
{
	size_t t = (size_t)o->threads;

	if (t == 0) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		t = cpus < 1 ? 1 : (size_t)cpus;
		if (t > DEFAULT_MAX_THREADS) {
			t = DEFAULT_MAX_THREADS;
		}
	}
	return t < n ? t : n;
}

static int run(cli_opts *o)
{
	ent_extractor *ex[64] = {NULL};
	ent_output *out = NULL;
	ent_error err = {0};
	sink s = {NULL, &err, 0};
	char *stdin_only[] = {"-"};
	char **inputs = o->n_inputs ? o->inputs : stdin_only;
	size_t n = o->n_inputs ? o->n_inputs : 1, i, n_threads;
	ent_status st = ENT_OK;
	int rc = CLI_EXIT_OK, started = 0;

	if (o->n_inputs == 0 && isatty(STDIN_FILENO)) {
		return cli_usage_error("no input given (a file, or - for "
				       "standard input)");
	}
	n_threads = thread_count(o, n);
	/* one extractor per thread: the first reports a bad dictionary */
	for (i = 0; i < n_threads && st == ENT_OK; i++) {
		st = ent_extractor_create(&ex[i], &o->extract, &err);
	}
	if (st != ENT_OK ||
		ent_output_open(&out, o->output ? o->output : "-", &err) !=
			ENT_OK ||
		ent_events_writer_create(&s.w, ent_output_stream(out), &err) !=
			ENT_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	s.whole_documents = ent_output_direct(out);
#ifdef M_TRIM_THRESHOLD
	/* Each document is read into a new buffer and freed; by default glibc
	 * hands the top of the heap back to the kernel after each one and
	 * takes it again for the next (two brk calls and the page faults per
	 * document: a tenth of the run on 10,000 articles). Memory stays
	 * bounded: freed memory is reused. */
	mallopt(M_TRIM_THRESHOLD, 16 * 1024 * 1024);
	/* On the worker threads each document's read buffer (past 128 KiB,
	 * glibc's default threshold) came from mmap and went back with
	 * munmap: 10,000 pairs for 10,000 articles. Below 4 MiB it stays in
	 * the heap and is reused. */
	mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
#endif
	if (n_threads > 1) {
		st = extract_parallel(&s, ex, n_threads, inputs, n, &started);
	}
	if (!started && st == ENT_OK) {
		st = extract_serial(&s, ex[0], inputs, n);
	}
	if (st != ENT_OK || ent_events_writer_finish(s.w, &err) != ENT_OK) {
		rc = cli_fail(&err);
		goto done;
	}
	st = ent_output_commit(out, &err);
	out = NULL;   /* committed or not, it is gone */
	if (st != ENT_OK) {
		rc = cli_fail(&err);
	}
done:
	ent_output_abort(out);
	ent_events_writer_destroy(s.w);
	for (i = 0; i < n_threads; i++) {
		ent_extractor_destroy(ex[i]);
	}
	return rc;
}

const cli_command cli_cmd_extract = {
	"extract", "Extract events from news text into events JSON.",
	"[OPTIONS] [FILE...]",
	"Reads plain-text articles in English (- for standard input) and\n"
	"writes the events JSON of who did what to whom, with CAMEO codes,\n"
	"Goldstein weights and the sentence each event came from. Several\n"
	"articles are read on several threads and written in the order\n"
	"given, the same bytes whatever the thread count.\n",
	options, examples, SIZE_MAX, run,
};
