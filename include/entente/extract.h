/* SPDX-License-Identifier: MIT */
/**
 * @file extract.h
 * @brief Event extraction from news text: who did what to whom, with CAMEO
 * codes, negation, modality and provenance.
 */
#ifndef ENT_EXTRACT_H
#define ENT_EXTRACT_H

#include <entente/common.h>
#include <entente/error.h>
#include <entente/event.h>

ENT_BEGIN_DECLS

/** Options of an extractor. */
typedef struct ent_extract_options {
	unsigned int version;
	ent_date default_date;   /**< stamped on events when the text gives no
	                              date (see ent_extract_document_date()) */
	const char *actor_dict;  /**< path of a user actor dictionary, or NULL */
	const char *verb_dict;   /**< path of a user verb dictionary, or NULL */
} ent_extract_options;

#define ENT_EXTRACT_OPTIONS_VERSION 1
#define ENT_EXTRACT_OPTIONS_INIT {ENT_EXTRACT_OPTIONS_VERSION, 0, NULL, NULL}

/**
 * The longest sentence the extractor reads, in bytes. Time per sentence
 * grows linearly with its length (every search for a subject, target or
 * antecedent looks at most a fixed number of words away); a longer
 * sentence (a page of text with no full stop) is refused with ENT_ELIMIT.
 */
#define ENT_EXTRACT_MAX_SENTENCE 65536

/** An extractor: the compiled dictionaries, reusable across documents. */
typedef struct ent_extractor ent_extractor;

/** Create an extractor (loads the built-in lexicon and any user dictionaries). */
ENT_API ent_status ent_extractor_create(ent_extractor **out,
	const ent_extract_options *opts, ent_error *err);
/** Destroy an extractor. Accepts NULL. */
ENT_API void ent_extractor_destroy(ent_extractor *ex);

/** Work done by an extractor since it was created. */
typedef struct ent_extract_stats {
	size_t sentences; /**< sentences read (those with a word at all) */
	size_t tokens;    /**< their tokens (words and punctuation) */
	size_t steps;     /**< steps of the searches that assign roles: each
	                       candidate group or word looked at for a
	                       subject, target, agent, antecedent or modality,
	                       and each probe for a duplicate event. Every
	                       search is bounded by a window of words, so steps
	                       grow linearly with tokens. */
} ent_extract_stats;

/**
 * The extractor's work counters (for tests and benchmarks: the steps per
 * token stay bounded however long a sentence is).
 * @param[out] out the counters
 */
ENT_API void ent_extractor_stats(const ent_extractor *ex,
	ent_extract_stats *out);

/**
 * The date a news document gives itself, read from its first eight
 * non-blank lines, or 0. Two shapes count, the first found wins:
 *
 * - a line that is only a date, perhaps labelled and followed by a time:
 *   "2026-03-04", "March 4, 2026", "Tue, 4 March 2026 10:32 GMT",
 *   "Published: Mar. 4 2026";
 * - a dateline: a place in capitals, a comma, a date, perhaps an agency in
 *   brackets, then a dash or a colon: "MOSCOW, May 9 (Reuters) - ...".
 *   A dateline without a year ("May 9") takes the year that puts it
 *   nearest `reference` (within a year either way); without a reference
 *   it gives no date.
 *
 * Dates inside sentences are what an article is about, not when it was
 * written, and are never taken. ent_extract_text() stamps this date on the
 * document's events, and the options' default_date only when it is 0.
 */
ENT_API ent_date ent_extract_document_date(const char *text, size_t len,
	ent_date reference);

/**
 * Extract the events of one document and hand each to `cb`, in text order.
 *
 * The text is split into sentences (ent_sentence_next()), each sentence
 * into tokens; actors come from the state table (names, adjectives and
 * demonyms, capitals) and actors.tsv (metonyms, office holders by title
 * and about 890 people by name, non-state blockers, references such as
 * "the two countries"), events from the event phrases of verbs.tsv matched
 * on Snowball stems. Every event carries
 * `doc`, its 1-based sentence number, the byte span of the sentence, the
 * sentence text, the actors as written and its flags. A negated event
 * ("did not sign", "denied attacking") is emitted with ENT_FLAG_NEGATED
 * (graphs leave it out and count it), unless its phrase names a code for
 * the negated form ("would not recognise" -> reject, emitted without the
 * flag). The same code between the same two states
 * is emitted once per sentence (the first mention's actor codes win).
 * Not thread-safe for one extractor: use one extractor per thread.
 *
 * The text must be UTF-8 without NUL bytes: anything else (a binary file,
 * a Latin-1 file) is refused with ENT_EPARSE naming the line and column of
 * the first bad byte. A sentence longer than ENT_EXTRACT_MAX_SENTENCE bytes
 * is refused with ENT_ELIMIT and its position.
 * @param doc the document name stored in each event's provenance
 * (borrowed), also the source of errors
 * @return ENT_OK, ENT_EPARSE, ENT_ELIMIT, ENT_ENOMEM, or the status `cb`
 * returned
 */
ENT_API ent_status ent_extract_text(ent_extractor *ex, const char *text,
	size_t len, const char *doc, ent_event_cb cb, void *payload,
	ent_error *err);

/**
 * Find the next sentence of `text` starting the scan at `pos`.
 *
 * A sentence ends at '.', '!' or '?' (plus closing quotes and brackets)
 * followed by white space and a word that may start a sentence, unless
 * the full stop belongs to an abbreviation (Mr., Gen., Jan., U.S. before
 * a lower-case or proper word, an initial) or a number; a blank line or a
 * line with no final stop followed by a blank line (a headline) also ends
 * one. A hyphen at the end of a line does not. Leading and trailing white
 * space is not part of the span.
 * @param[out] start the byte offset of the sentence
 * @param[out] end one past its last byte
 * @return the offset to continue from; equal to `len` (with `*start ==
 * *end`) when no sentence is left
 */
ENT_API size_t ent_sentence_next(const char *text, size_t len, size_t pos,
	size_t *start, size_t *end);

/**
 * Scores of an extractor against a gold table, counted as
 * shared/tools/score_extract.py counts them: per row, the predicted set is
 * the distinct (source state, target state, polarity) triples of the
 * events extracted from the row's text (source != target; polarity c for
 * quad 1-2, x for quad 3-4); the gold sets are the required and optional
 * cells (`A<>B:p` stands for both directions).
 */
typedef struct ent_extract_score {
	size_t rows;           /**< rows scored */
	size_t required;       /**< sum of |required| */
	size_t predicted;      /**< sum of |predicted| */
	size_t correct;        /**< sum of |predicted & (required | optional)| */
	size_t recalled;       /**< sum of |predicted & required| */
	size_t sign_errors;    /**< predicted triples whose flipped polarity is gold */
	double precision;      /**< correct / predicted (0 when nothing predicted) */
	double recall;         /**< recalled / required (0 when nothing required) */
	double f1;             /**< 2PR / (P + R) (0 when P + R = 0) */
} ent_extract_score;

/**
 * Called for each gold row whose prediction differs: the row id, and the
 * missed (required, not predicted) and extra (predicted, not gold)
 * triples as space-separated "SRC>TGT:p" lists ("-" when empty).
 */
typedef void (*ent_score_row_fn)(const char *id, const char *missed,
	const char *extra, void *payload);

/**
 * Score the extractor against a gold table (TSV with the header columns
 * id, sentence, required, optional; a sentence cell "@FILE" names a text
 * file relative to `base_dir`).
 * @param[out] out the scores
 * @param source the table's name, used in errors (borrowed)
 * @param base_dir folder for "@FILE" cells, or NULL for the working folder
 * @return ENT_OK; ENT_EPARSE naming source:line:column for a malformed
 * table or cell; ENT_EIO when an "@FILE" cannot be read
 */
ENT_API ent_status ent_extract_score_table(ent_extract_score *out,
	ent_extractor *ex, const char *tsv, size_t len, const char *source,
	const char *base_dir, ent_score_row_fn on_row, void *payload,
	ent_error *err);

ENT_END_DECLS

#endif
