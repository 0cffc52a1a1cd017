/* SPDX-License-Identifier: MIT */
/*
 * Private interface between the input dispatcher (read.c), the byte source
 * and row pipeline (stream.c) and the row readers (gdelt.c, icews.c,
 * dyads_csv.c).
 */
#ifndef ENT_IO_INTERNAL_H
#define ENT_IO_INTERNAL_H

#include "internal.h"

/* News text is read whole: it takes the (decompressed) input in memory. */
ent_status ent__read_text_into(ent_dataset *ds, const char *buf, size_t len,
	const char *path, const ent_read_options *opts, ent_error *err);

/* -- byte source --------------------------------------------------------- */

/*
 * A byte source: a file or standard input ("-"), decompressed on the way
 * through libarchive when its first bytes are the magic of gzip, bzip2, xz
 * or zip (a zip archive must hold exactly one file). Plain inputs are read
 * with read(2) directly; a plain regular file may also be mapped, window
 * by window (ent__source_map).
 */
typedef struct ent__source ent__source;

ent_status ent__source_open(ent__source **out, const char *path,
	ent_error *err);
/* A source over bytes in memory (borrowed: they must outlive the source),
 * decompressed like a file; `name` is for errors. It can be mapped
 * (ent__source_map gives windows of the memory itself). */
ent_status ent__source_open_memory(ent__source **out, const void *data,
	size_t len, const char *name, ent_error *err);
/* The same over bytes taken as they are, never decompressed (a text in
 * memory: ent_events_parse_json parses JSON, whatever its first bytes). */
ent_status ent__source_open_text(ent__source **out, const void *data,
	size_t len, const char *name, ent_error *err);
/* Read up to `n` decompressed bytes into `buf`; `*got` is 0 at the end. */
ent_status ent__source_read(ent__source *s, char *buf, size_t n, size_t *got,
	ent_error *err);
/* Bytes of the raw input consumed so far, and its size (0 if unknown). */
uint64_t ent__source_done(const ent__source *s);
uint64_t ent__source_total(const ent__source *s);
/* "gzip", "zip", ... or NULL for a plain input. */
const char *ent__source_compression(const ent__source *s);
/* 1 for uncompressed bytes in memory (ent__source_open_memory): the total
 * is all there is, and cannot grow. */
int ent__source_in_memory(const ent__source *s);
void ent__source_close(ent__source *s);

/* A read-only window of a mapped file. */
typedef struct ent__window {
	const char *data;  /* the bytes asked for, inside the mapping */
	size_t len;        /* fewer than asked at the end of the file */
	int at_end;        /* the window reaches the end of the file */
	void *map;         /* the mapping (from a page boundary), or NULL */
	size_t map_len;
} ent__window;

/*
 * 1 when the source is uncompressed bytes in memory, or a named,
 * uncompressed, non-empty regular file that ent__source_map may map and
 * mapping was asked for (ENTENTE_MMAP=1, and ENTENTE_NO_MMAP not set).
 */
int ent__source_mappable(const ent__source *s);
/* Offset in the file of the next byte ent__source_read would give
 * (plain sources). */
uint64_t ent__source_tell(const ent__source *s);
/* Reposition a plain source: ent__source_read goes on from `off`. */
ent_status ent__source_seek(ent__source *s, uint64_t off, ent_error *err);
/*
 * Map up to `n` bytes of a mappable source from offset `off`; fewer, and
 * down to none, when the file now ends before. Unmap with
 * ent__source_unmap. Bytes mapped count as consumed for progress.
 */
ent_status ent__source_map(ent__source *s, uint64_t off, size_t n,
	ent__window *w, ent_error *err);
/* Release a window (accepts an empty or released one). */
void ent__source_unmap(ent__window *w);

/* -- events JSON ------------------------------------------------------- */

/* A receiver of events: the dataset, a list. */
typedef ent_status (*ent__event_sink)(const ent_event *ev, void *payload,
	ent_error *err);

/*
 * Read events JSON (`lines`: JSON Lines) from a source as a stream, each
 * event handed to `sink` as soon as it is read (its strings are borrowed
 * for the call). `head` (len bytes, the last read from the source) comes
 * first. Memory is the largest event. Errors name `path`, the line and
 * the column; an error of the sink without a source is placed at its
 * event. json_read.c.
 */
ent_status ent__json_stream(ent__source *src, const char *head, size_t len,
	int lines, const char *path, ent__event_sink sink, void *payload,
	ent_error *err);
/* 1 when a name says JSON Lines: .jsonl or .ndjson, perhaps compressed. */
int ent__json_lines_name(const char *path);

/* -- rows ---------------------------------------------------------------- */

/* What a row turned into. */
enum {
	ENT__ROW_NONE = 0, /* nothing (a blank line) */
	ENT__ROW_EVENT,    /* an event */
	ENT__ROW_DYAD,     /* an aggregated dyad */
	ENT__ROW_BROKEN    /* a broken row: column and message are set */
};

/* Upper bound of a row message (the error text of a broken row). */
#define ENT__ROW_MSG 160

/* A string inside a line: not NUL-terminated. */
typedef struct ent__span {
	const char *s;  /* NULL when absent */
	size_t len;
} ent__span;

/* The string fields of an event, as spans (see ent__record). */
enum {
	ENT__TEXT_ID,      /* ev.id */
	ENT__TEXT_SOURCE,  /* ev.source_text */
	ENT__TEXT_TARGET,  /* ev.target_text */
	ENT__TEXT_DOC,     /* ev.doc */
	ENT__TEXT_N
};

/*
 * One parsed row. Strings of `ev` point into the row's line, which stays
 * valid until the record is consumed.
 *
 * A read-only row (row_const below) cannot end strings inside its line:
 * it leaves the string fields of `ev` NULL and gives them in `text`
 * instead. The pipeline turns them into strings only when the dataset
 * keeps events, the only reader of those fields; dyads need none of them.
 */
typedef struct ent__record {
	int kind;
	long line;      /* line number, relative to the chunk while parsing */
	long column;    /* broken rows: 1-based column (byte) of the problem */
	union {
		ent_event ev;
		ent_dyad dy;
		char msg[ENT__ROW_MSG];
	} u;
	ent__span text[ENT__TEXT_N]; /* events of row_const formats */
} ent__record;

/*
 * A line-oriented format: exactly one of `row` and `row_const` is set.
 * Both parse one line (without its end of line) into `rec`; they must be
 * safe to call from several threads at once with the same `state`, which
 * they only read. `row` gets the line NUL-terminated in place and may
 * write into it (it ends fields with NULs, unquotes). `row_const` only
 * reads line[0..len): no NUL follows, and the line may lie in a read-only
 * mapping of the file, which spares the copy into a buffer.
 * The kind is returned through rec->kind.
 */
typedef struct ent__row_format {
	void (*row)(const void *state, char *line, size_t len, ent__record *rec);
	void (*row_const)(const void *state, const char *line, size_t len,
		ent__record *rec);
	const void *state;
} ent__row_format;

/* 1 when s[0..len) is well-formed UTF-8 without control characters. */
int ent__text_ok(const char *s, size_t len);

/* Set a broken-row record: column (1-based byte) and a message. */
void ent__row_broken(ent__record *rec, long column, const char *fmt, ...)
	ENT__PRINTF(3, 4);

/*
 * Run a line format over a source: `head` (len bytes already read from the
 * source, may be empty) comes first. They must be the last bytes read: when
 * the file is mapped, they are read again where they lie in it. Lines are
 * numbered from `first_line`.
 * Rows are parsed by worker threads when the input is large and handed to
 * the dataset in input order on the calling thread: events through
 * ent_dataset_add_event, dyads through ent_dataset_add_dyad; broken rows
 * are counted and reported through opts->on_skip, or end the run with
 * ENT_EPARSE in strict mode. Progress is reported through opts->progress.
 */
ent_status ent__rows_run(ent_dataset *ds, ent__source *src, const char *head,
	size_t len, long first_line, const ent__row_format *fmt,
	const char *path, const ent_read_options *opts, ent_error *err);

/* -- formats ------------------------------------------------------------- */

/* GDELT: state for ent__gdelt_row; `version` is 1 or 2. */
typedef struct ent__gdelt_state {
	int version;
	int avx2;       /* split rows with AVX2 (set by ent__gdelt_init) */
	ent_event blank; /* ent_event_init's event, copied into each row */
} ent__gdelt_state;
/* Fill a state for GDELT `version` (1 or 2), checking the CPU once. */
void ent__gdelt_init(ent__gdelt_state *st, int version);
void ent__gdelt_row(const void *state, const char *line, size_t len,
	ent__record *rec);
/* Columns of a GDELT line (tabs + 1). */
size_t ent__gdelt_columns(const char *line, size_t len);

/* ICEWS: the columns found in the header. */
typedef struct ent__icews_state {
	int id, date, source_name, source_country, code, intensity,
		target_name, target_country;
	size_t n_columns;
} ent__icews_state;
/* 1 when the line is an ICEWS header. */
int ent__icews_is_header(const char *line, size_t len);
ent_status ent__icews_header(ent__icews_state *st, const char *line,
	size_t len, const char *path, ent_error *err);
void ent__icews_row(const void *state, char *line, size_t len,
	ent__record *rec);

/* Dyad tables. */
int ent__dyads_is_header(const char *line, size_t len);
void ent__dyads_row(const void *state, char *line, size_t len,
	ent__record *rec);

/* Parse helpers shared by the row readers. */
int ent__parse_i64(const char *s, size_t len, int64_t *out);
int ent__parse_double(const char *s, size_t len, double *out);

#endif
