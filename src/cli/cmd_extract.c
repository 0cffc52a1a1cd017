/* SPDX-License-Identifier: MIT */
/*
 * entente extract: news text in, events JSON ("events/1") out.
 */
#include <stdint.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <unistd.h>

#include "cli.h"

static const cli_opt *const options[] = {
	&cli_opt_help, &cli_opt_output_file, &cli_opt_quiet,
	&cli_section_text, &cli_opt_date, &cli_opt_actor_dict,
	&cli_opt_verb_dict,
	NULL,
};

static const cli_example examples[] = {
	{"entente extract examples/cyber-pact.txt -o cyber-pact.json",
		"the events read from an article, as events JSON (events/1)"},
	{"entente extract --date 2015-05-08 - < examples/cyber-pact.txt",
		"an article on standard input, dated when it gives no date"},
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

static int run(cli_opts *o)
{
	ent_extractor *ex = NULL;
	ent_output *out = NULL;
	ent_error err = {0};
	sink s = {NULL, &err, 0};
	char *stdin_only[] = {"-"};
	char **inputs = o->n_inputs ? o->inputs : stdin_only;
	size_t n = o->n_inputs ? o->n_inputs : 1, i;
	ent_status st;
	int rc = CLI_EXIT_OK;

	if (o->n_inputs == 0 && isatty(STDIN_FILENO)) {
		return cli_usage_error("no input given (a file, or - for "
				       "standard input)");
	}
	if (ent_extractor_create(&ex, &o->extract, &err) != ENT_OK ||
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
#endif
	for (i = 0; i < n; i++) {
		char *text = NULL;
		size_t len = 0;

		if ((st = ent_read_text(&text, &len, inputs[i], &err)) ==
			ENT_OK) {
			st = ent_extract_text(ex, text, len, inputs[i],
				write_event, &s, &err);
		}
		free(text);
		if (st == ENT_OK && (s.whole_documents ||
			ent_events_writer_held(s.w) >= FLUSH_BYTES)) {
			st = ent_events_writer_flush(s.w, &err);
		}
		if (st != ENT_OK) {
			rc = cli_fail(&err);
			goto done;
		}
	}
	if (ent_events_writer_finish(s.w, &err) != ENT_OK) {
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
	ent_extractor_destroy(ex);
	return rc;
}

const cli_command cli_cmd_extract = {
	"extract", "Extract events from news text into events JSON.",
	"[OPTIONS] [FILE...]",
	"Reads plain-text articles in English (- for standard input) and\n"
	"writes the events JSON of who did what to whom, with CAMEO codes,\n"
	"Goldstein weights and the sentence each event came from.\n",
	options, examples, SIZE_MAX, run,
};
