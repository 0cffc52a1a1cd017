/* SPDX-License-Identifier: MIT */
/**
 * @file io.h
 * @brief Reading inputs (events JSON, news text, GDELT, ICEWS, dyad tables),
 * writing events JSON, and atomic output files.
 */
#ifndef ENT_IO_H
#define ENT_IO_H

#include <stdio.h>

#include <entente/common.h>
#include <entente/error.h>
#include <entente/event.h>
#include <entente/graph.h>

ENT_BEGIN_DECLS

/** Input formats. */
typedef enum ent_format {
	ENT_FORMAT_AUTO = 0, /**< detect from the extension, then the content */
	ENT_FORMAT_JSON,     /**< events JSON: {"entente": "events/1",
	                          "events": [...]} or a bare array of events
	                          (see ::ent_events_parse_json) */
	ENT_FORMAT_TEXT,     /**< news text, extracted on the way */
	ENT_FORMAT_GDELT2,   /**< GDELT 2.0 export, 61 columns */
	ENT_FORMAT_GDELT1,   /**< GDELT 1.0, 57 or 58 columns */
	ENT_FORMAT_ICEWS,    /**< ICEWS tab-separated with header */
	ENT_FORMAT_DYADS,    /**< a dyad table written by `entente dyads` */
	ENT_FORMAT_JSONL     /**< events as JSON Lines: one event object per
	                          line (.jsonl, .ndjson; what `jq -c` writes) */
} ent_format;

/** Name of a format ("json", "jsonl", "text", "gdelt2", ...). */
ENT_API const char *ent_format_name(ent_format format);
/** Parse a format name; ENT_EINVAL if unknown. */
ENT_API ent_status ent_format_parse(ent_format *out, const char *name);

/** Progress callback: bytes read so far and the total (0 if unknown). */
typedef void (*ent_progress_fn)(uint64_t done, uint64_t total, void *payload);

struct ent_extract_options;
struct ent_extractor;

/** Options for reading one input. */
typedef struct ent_read_options {
	unsigned int version;
	ent_format format;          /**< ENT_FORMAT_AUTO to detect */
	int strict;                 /**< a broken row is an error, not skipped */
	const struct ent_extract_options *extract; /**< for text, NULL = defaults */
	ent_progress_fn progress;   /**< called now and then, may be NULL */
	void *progress_payload;
	/**
	 * Called for each broken row that is skipped (not in strict mode), with
	 * the error describing it; may be NULL.
	 */
	void (*on_skip)(const ent_error *row_error, void *payload);
	void *skip_payload;
	/**
	 * An extractor to reuse for news text (borrowed), so reading many
	 * articles builds the dictionaries once; NULL makes one per text input
	 * from `extract`.
	 */
	struct ent_extractor *extractor;
	/**
	 * 1: read plain files with read(2) only, never map them, even when
	 * ENTENTE_MMAP=1 asks for mapping (see ent_read_into). read(2) is the
	 * default; the environment variable ENTENTE_NO_MMAP=1 does the same
	 * as this option for every read.
	 */
	int no_mmap;
} ent_read_options;

#define ENT_READ_OPTIONS_VERSION 1
#define ENT_READ_OPTIONS_INIT {ENT_READ_OPTIONS_VERSION, ENT_FORMAT_AUTO, 0, \
	NULL, NULL, NULL, NULL, NULL, NULL, 0}

/**
 * Detect the format of an input from its name and its first bytes.
 * JSON Lines is told by its name (.jsonl, .ndjson) or by a first line
 * that is a whole object followed by a line that starts another. A name
 * that says table (.csv, .tsv, .tab, in any case, perhaps compressed) is
 * never news text: when no table format fits its first lines the result
 * is ENT_ENOTFOUND (and `*out` ENT_FORMAT_AUTO).
 * @param[out] out the format
 * @param path the name (its extension is looked at first)
 * @param head the first bytes of the (decompressed) content
 */
ENT_API ent_status ent_format_detect(ent_format *out, const char *path,
	const char *head, size_t len);

/**
 * Read one input into a dataset: the format is detected (or forced), the
 * input is streamed (compressed .gz/.zip inputs are decompressed on the
 * way), events go through the dataset's filter into its dyads, and dyad
 * tables merge in. `path` "-" reads standard input.
 * Errors name `path`, the line and the column.
 *
 * Files are read with read(2), 2 MiB at a time; a file cut short while
 * it is read only ends the input early. With the environment variable
 * ENTENTE_MMAP=1 (and neither `no_mmap` nor ENTENTE_NO_MMAP=1), a named,
 * uncompressed regular file in a format parsed in place (GDELT) is read
 * through read-only memory maps instead, a few 2 MiB windows at a time
 * (slower where it was measured: page faults and unmapping cost more than
 * the copy). If another program then cuts the file short while windows of
 * it are mapped (up to about 20 MiB ahead of the rows handed over),
 * touching a lost page raises SIGBUS in the calling process, as with any
 * program that maps its input; the entente tool catches it and exits with
 * a one-line error.
 */
ENT_API ent_status ent_read_into(ent_dataset *ds, const char *path,
	const ent_read_options *opts, ent_error *err);

/**
 * Free the read buffers this thread keeps. Reading a file takes a few
 * 2 MiB buffers (about 20 MB on a machine of two or more CPUs); they are
 * kept for the thread's next input, so many inputs read one after another
 * make them once, and freed when the thread exits or by this call.
 */
ENT_API void ent_read_release(void);

/**
 * Read one input held in memory into a dataset, as ent_read_into reads a
 * file: the format is detected (from `name`'s extension, then the bytes)
 * or forced, compressed bytes are decompressed, tables are parsed in place
 * (no copy), errors name `name` (may be NULL: "<memory>"; borrowed).
 * `data` is borrowed for the call.
 */
ENT_API ent_status ent_read_memory(ent_dataset *ds, const void *data,
	size_t len, const char *name, const ent_read_options *opts,
	ent_error *err);

/**
 * Limits of the events JSON reader. It streams: the document is read one
 * event at a time and memory is the largest event, whatever the number of
 * events. JSON nested deeper than ENT_JSON_MAX_DEPTH, or one event (or any
 * other value of the document, or one line of JSON Lines) larger than
 * ENT_JSON_MAX_EVENT_BYTES, is refused with ENT_ELIMIT at its position.
 */
#define ENT_JSON_MAX_DEPTH 64
#define ENT_JSON_MAX_EVENT_BYTES ((size_t)64 << 20)

/**
 * Limit of a news-text input, which the extractor reads whole (after
 * decompression): a bigger one is refused with ENT_ELIMIT as soon as its
 * limit + 1st byte arrives, never after reading it all.
 */
#define ENT_TEXT_MAX_BYTES ((size_t)512 << 20)

/**
 * Parse an events JSON document (an object with an "events" array, or a
 * bare array). Strict: a wrong type, a missing required field, a bad date
 * or an unknown CAMEO code is an error naming source:line:column and the
 * field. goldstein and quad default from the CAMEO table. A string holding
 * the escape \u0000 is refused (C strings would end there).
 * @param source the name used in errors (borrowed)
 */
ENT_API ent_status ent_events_parse_json(ent_events **out, const char *buf,
	size_t len, const char *source, ent_error *err);

/** Read an events JSON file ("-" for standard input), decompressed as
 * every reader does; a name ending in .jsonl or .ndjson is read as JSON
 * Lines. */
ENT_API ent_status ent_events_read_json(ent_events **out, const char *path,
	ent_error *err);

/**
 * Serialise events as events JSON: {"entente": "events/1", "events":
 * [...]}, one object per event with the members of ::ent_event under
 * their names (absent values left out, flags as an array of names,
 * unknown members of read events written back). The JSON Schema
 * schema/events-1.schema.json (installed in share/entente/schema)
 * describes it member by member.
 * @param[out] out the text, NUL-terminated (free with ent_free)
 */
ENT_API ent_status ent_events_to_json(char **out, const ent_events *events,
	ent_error *err);

/**
 * An events JSON document written as it goes: the same bytes as
 * ent_events_to_json() over the same events, without holding them. Events
 * added are held (serialized) until ent_events_writer_flush() writes them
 * to the stream, so a caller decides what reaches the stream whole: the
 * events of one document at a time (`entente extract`), or each event.
 * Memory is the held events, not the list.
 *
 *     ent_events_writer_create(&w, fp, &err);
 *     ent_extract_text(ex, text, len, doc, ent_events_writer_add_cb, w,
 *         &err);   (then ent_events_writer_flush(w, &err), per document)
 *     ent_events_writer_finish(w, &err);
 *     ent_events_writer_destroy(w);
 */
typedef struct ent_events_writer ent_events_writer;

/** Create a writer on `fp` (borrowed); the header is held. */
ENT_API ent_status ent_events_writer_create(ent_events_writer **out,
	FILE *fp, ent_error *err);
/** Serialize one event after the others (held until the next flush). On
 * ENT_ENOMEM nothing of it is held. */
ENT_API ent_status ent_events_writer_add(ent_events_writer *w,
	const ent_event *ev, ent_error *err);
/** An ::ent_event_cb adding to the ::ent_events_writer given as payload
 * (ENT_ENOMEM without a message when memory runs out). */
ENT_API ent_status ent_events_writer_add_cb(const ent_event *ev,
	void *payload);
/** Write what is held to the stream: ENT_OK or ENT_EIO. */
ENT_API ent_status ent_events_writer_flush(ent_events_writer *w,
	ent_error *err);
/** Events added so far. */
ENT_API size_t ent_events_writer_count(const ent_events_writer *w);
/** Bytes held, not yet flushed. */
ENT_API size_t ent_events_writer_held(const ent_events_writer *w);
/** Hold the end of the document and flush. The caller then commits or
 * closes the stream. */
ENT_API ent_status ent_events_writer_finish(ent_events_writer *w,
	ent_error *err);
/** Destroy a writer (what is still held is dropped). Accepts NULL. */
ENT_API void ent_events_writer_destroy(ent_events_writer *w);

/**
 * A writer with no stream: it only holds the events added to it, for a
 * thread that serializes one document's events while another writes the
 * documents in order (`entente extract` on several cores). Add events to
 * it with ent_events_writer_add(), then ent_events_writer_take() moves
 * them into a writer with a stream; it cannot be flushed or finished.
 */
ENT_API ent_status ent_events_writer_create_part(ent_events_writer **out,
	ent_error *err);
/**
 * Move the events held by `part` (a writer from
 * ent_events_writer_create_part()) after the events of `w`, held there
 * until w's next flush: the bytes are those of adding the same events to
 * `w` directly. `part` is left empty, ready for the next document. On
 * ENT_ENOMEM both are unchanged.
 */
ENT_API ent_status ent_events_writer_take(ent_events_writer *w,
	ent_events_writer *part, ent_error *err);

/** Write a dyad table as CSV (the format `entente dyads` writes). */
ENT_API ent_status ent_dyads_write_csv(FILE *fp, const ent_dyads *dyads,
	ent_error *err);

/* -- atomic output ------------------------------------------------------- */

/**
 * An output file written atomically: data goes to a temporary file beside
 * the target, which is renamed over the target on commit. Aborting (or
 * destroying without commit) removes the temporary file and leaves any
 * earlier file untouched. Path "-" writes standard output directly.
 */
typedef struct ent_output ent_output;

ENT_API ent_status ent_output_open(ent_output **out, const char *path,
	ent_error *err);
/** The stream to write to (borrowed). */
ENT_API FILE *ent_output_stream(ent_output *o);
/** 1 when the output is written in place (standard output, a device, a
 * FIFO: what is written is seen at once and cannot be taken back), 0 when
 * it goes to a temporary file that only a commit puts in place. */
ENT_API int ent_output_direct(const ent_output *o);
/** Flush, sync, close and rename into place; destroys `o` in all cases. */
ENT_API ent_status ent_output_commit(ent_output *o, ent_error *err);
/** Discard the output; destroys `o`. Accepts NULL. */
ENT_API void ent_output_abort(ent_output *o);

/**
 * Remove the temporary files of every output not yet committed, in this
 * process. For a handler of SIGINT, SIGTERM or SIGHUP that then lets the
 * signal end the process (the entente tool does so): a run interrupted
 * half-way leaves no `NAME.tmp.XXXXXX` behind, and the earlier files as
 * they were. Async-signal-safe (it calls unlink and rmdir only) and safe
 * while other threads open, commit or abort outputs.
 */
ENT_API void ent_output_remove_temporaries(void);

/**
 * Read a news-text input ("-" = standard input) whole, NUL-terminated,
 * decompressing gzip, bzip2, xz and zip (one file) as every reader does.
 * The head is checked first: a NUL byte or invalid UTF-8 in it is an
 * ENT_EPARSE error with its line and column before the rest is read. More
 * than ENT_TEXT_MAX_BYTES once decompressed is ENT_ELIMIT as the bytes
 * arrive (at most the limit + 1 are read), so a decompression bomb or an
 * endless standard input cannot fill memory. Free `*out` with ent_free.
 */
ENT_API ent_status ent_read_text(char **out, size_t *len_out,
	const char *path, ent_error *err);

/**
 * Read a whole file ("-" = standard input) into memory, NUL-terminated,
 * as it is (no decompression).
 * Refuses files larger than `limit` bytes (0 = no limit) with ENT_ELIMIT.
 */
ENT_API ent_status ent_read_file(char **out, size_t *len_out, const char *path,
	size_t limit, ent_error *err);

ENT_END_DECLS

#endif
