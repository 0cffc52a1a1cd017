/* SPDX-License-Identifier: MIT */
/**
 * @file report.h
 * @brief The analysis report: actors, dyads, relations, blocs, balance,
 * tension and time periods as text, JSON, CSV or Markdown.
 *
 * Every number is defined in metrics.h (measures) or graph.h (dyads and
 * relations) under the same name. JSON ("report/1") has the sections
 * "input", "actors" (every per-actor measure), "dyads", "relations",
 * "blocs", "balance" (with "unbalanced_triangles", heaviest first),
 * "tension" and, when periods are given, "periods" (each period's summary
 * and relations). Text and Markdown show ranked tables: top actors by
 * PageRank, their signed stance, the strongest alliances and tensions,
 * the blocs, structural balance with the heaviest unbalanced triangles,
 * and with periods a per-period table and "what changed", the changes of
 * a relation's net weight that trend.h's rule lists. With periods, JSON
 * adds each relation's "share" of its period's events, each period's
 * "actor_measures" (when ent_periods_compute_actors() measured them) and
 * "changes" (the rule's parameters, the usual change s0 and the listed
 * changes); CSV adds the "share" column to the periods table and the
 * "changes" table (every change measured, with its score).
 */
#ifndef ENT_REPORT_H
#define ENT_REPORT_H

#include <stdio.h>

#include <entente/common.h>
#include <entente/error.h>
#include <entente/graph.h>
#include <entente/metrics.h>
#include <entente/trend.h>

ENT_BEGIN_DECLS

/** Report formats. */
typedef enum ent_report_format {
	ENT_REPORT_TEXT = 0, /**< aligned tables for a terminal */
	ENT_REPORT_JSON,     /**< {"entente": "report/1", ...} */
	ENT_REPORT_CSV,      /**< one table per section, RFC 4180 */
	ENT_REPORT_MARKDOWN  /**< GitHub-flavoured Markdown */
} ent_report_format;

/** Parse "text", "json", "csv", "md"/"markdown"; ENT_EINVAL otherwise. */
ENT_API ent_status ent_report_format_parse(ent_report_format *out,
	const char *name);

/** Options of a report. */
typedef struct ent_report_options {
	unsigned int version;
	ent_report_format format;
	size_t top;              /**< rows in ranked text/Markdown tables (0 = 10) */
	const char *diagram;     /**< Markdown: image path to embed, or NULL */
	const char *table;       /**< CSV: which table, "actors", "dyads",
	                              "relations", "blocs", "periods"
	                              (period,a,b,events,cooperation,conflict,
	                              net,sign,share: one row per relation and
	                              period) or "changes" (every change of
	                              trend.h, listed ones first); NULL =
	                              "periods" when `periods` is given, else
	                              "actors" */
	const ent_periods *periods; /**< relations per period (borrowed), or
	                              NULL for no time section */
	const struct ent_trends *trends; /**< trends of `periods` (borrowed),
	                              or NULL to compute them with the
	                              default options (trend.h) */
	int folder;              /**< Markdown in a report folder: embed the
	                              trend charts and link the per-period
	                              diagrams (file names below) */
} ent_report_options;

#define ENT_REPORT_OPTIONS_VERSION 1
#define ENT_REPORT_OPTIONS_INIT {ENT_REPORT_OPTIONS_VERSION, ENT_REPORT_TEXT, 0, \
	NULL, NULL, NULL, NULL, 0}

/**
 * Write the report of a dataset, its graph and its metrics to `fp`.
 * Output is deterministic: the same input gives byte-identical output.
 * @return ENT_OK, ENT_EINVAL (NULL argument, unknown CSV table, or the
 *         "periods" table without periods), ENT_ENOMEM, ENT_EIO (write
 *         failed)
 */
ENT_API ent_status ent_report_write(FILE *fp, const ent_dataset *ds,
	const ent_graph *g, const ent_metrics *m, const ent_report_options *opts,
	ent_error *err);

/**
 * Write the "Sources" section of report.md: for the strongest alliances
 * and the strongest tensions, ranked as in the report's tables (by |net|,
 * ties by vertex indices; `opts->top` of each, 0 = 10), the sentences each
 * relation came from -- its kept events, either direction, in input
 * order, with date, direction, CAMEO code, text, document and sentence
 * number; a repeated (document, sentence, text) once, with a two-headed
 * arrow when it was read in both directions; at most 10 lines per
 * relation. Needs a dataset made with keep_events; without kept events
 * the section says so.
 */
ENT_API ent_status ent_report_write_sources(FILE *fp, const ent_dataset *ds,
	const ent_graph *g, const ent_report_options *opts, ent_error *err);

/* -- report.html ------------------------------------------------------------ */

/** The drawings report.html holds, made by render.h and plot.h (borrowed). */
typedef struct ent_report_html_parts {
	const char *diagram; /**< the diagram as Graphviz SVG, or NULL */
	size_t diagram_len;
	/** one Graphviz SVG per period (ent_periods_count()), or NULL */
	const char *const *period_diagrams;
	const size_t *period_diagram_lens;
	size_t n_charts;           /**< trend charts (SVG) */
	const char *const *charts;
	const size_t *chart_lens;
	const char *const *chart_titles; /**< their alternative texts */
} ent_report_html_parts;

/**
 * Write report.html: one self-contained page (no request of any kind: a
 * Content-Security-Policy forbids them; it works from file://) with the
 * diagram, where hovering over an actor lights up its ties and clicking an
 * actor or a tie lists the events behind it (date, direction, CAMEO code,
 * sentence or the row's actor names, document or source link; at most 25
 * per relation), a period slider that shows each period's diagram, "what
 * changed", the trend charts, and tables of actors and relations that sort
 * when a header is clicked. Its numbers are report.json's, embedded as
 * data. Names, sentences and links from the input are data, never markup:
 * the page puts them in as text (a link only when it is http or https).
 * Needs `opts->periods` for the time parts, and a dataset with kept events
 * for the sources.
 * @return as ent_report_write()
 */
ENT_API ent_status ent_report_write_html(FILE *fp, const ent_dataset *ds,
	const ent_graph *g, const ent_metrics *m, const ent_report_options *opts,
	const ent_report_html_parts *parts, ent_error *err);

/* -- charts of a report folder --------------------------------------------- */

/** Most relation charts a report folder holds. */
#define ENT_REPORT_MAX_CHARTS 6

/**
 * The relations a report charts, as indices of ent_trends_relation(): the
 * relations of "what changed", in its order, then those with the most
 * events over all periods (ties: code order), each once, at most `max`.
 * @return how many were written to `out`
 */
ENT_API size_t ent_report_chart_relations(
	const ent_trends *t, size_t *out, size_t max);
/**
 * The actors of the PageRank-over-time chart, as indices of
 * ent_trends_actor(): the `max` actors with the largest PageRank in `m`
 * (the whole graph `g`) that have trend points.
 * @return how many were written to `out`
 */
ENT_API size_t ent_report_chart_actors(const ent_trends *t, const ent_graph *g,
	const ent_metrics *m, size_t *out, size_t max);
/** The file name of a relation's chart, "trend-A-B.svg" (characters other
 * than letters and digits in a code become '_'). */
ENT_API void ent_report_chart_name(char buf[64], const ent_trend_relation *r);
/** The file name of period i's diagram, "graph-2025-W24.svg". */
ENT_API void ent_report_period_diagram_name(
	char buf[64], const ent_periods *p, size_t i);
/** The file name of the PageRank-over-time chart. */
#define ENT_REPORT_ACTORS_CHART "actors-pagerank.svg"

/* -- the report folder ---------------------------------------------------- */

/**
 * A report folder written as a whole: the files go into a sibling
 * temporary folder (DIR.tmp.XXXXXX) and replace DIR only on commit, in one
 * rename (a new DIR is renamed into place; an existing one is exchanged
 * with it atomically, renameat2 RENAME_EXCHANGE, and its old files are
 * then removed). So DIR holds every file of one report or of the one
 * before, never a mix: two reports written into one folder at the same
 * time leave the files of one of them. A failure, or an abort, removes the
 * temporary folder and any parent folder the open created, so no empty
 * DIR is left behind.
 *
 * An existing DIR is replaced only when it holds nothing but files a
 * report writes (see ent_report_file_name()); a folder holding anything
 * else is refused, untouched, so a report never deletes the user's files.
 * On file systems without renameat2's flags the old folder is moved aside
 * and the new one renamed into place: two renames, still never mixed.
 */
typedef struct ent_report_folder ent_report_folder;

/**
 * Start writing the report folder `dir` (its missing parents are created).
 * @return ENT_OK; ENT_EIO when `dir` exists and is not a folder, holds
 *         files a report does not write, or cannot be created; ENT_ENOMEM
 */
ENT_API ent_status ent_report_folder_open(
	ent_report_folder **out, const char *dir, ent_error *err);
/**
 * Create the file `name` (a report file name, see ent_report_file_name())
 * in the folder being written. The stream belongs to the folder: do not
 * close it; commit or abort does.
 */
ENT_API ent_status ent_report_folder_file(
	FILE **out, ent_report_folder *f, const char *name, ent_error *err);
/** Close every file (a write error names its file), then swap the folder
 * into place. Destroys `f` in all cases. */
ENT_API ent_status ent_report_folder_commit(
	ent_report_folder *f, ent_error *err);
/** Discard everything written; destroys `f`. Accepts NULL. */
ENT_API void ent_report_folder_abort(ent_report_folder *f);
/**
 * 1 when `name` is a file name a report writes: events.json, report.md,
 * report.json, report.html, periods.csv, trends.csv, or graph*, trend*,
 * actors* ending in .svg, .dot, .png or .pdf; else 0.
 */
ENT_API int ent_report_file_name(const char *name);

ENT_END_DECLS

#endif
