/* SPDX-License-Identifier: MIT */
/**
 * @file graph.h
 * @brief Aggregation of events into directed dyads, and the signed actor
 * graph built from them with igraph.
 *
 * Definitions. For the events e of a
 * directed dyad source -> target, with weight w(e) (the event's count, or
 * its mentions/sources/articles, see ::ent_weight) and Goldstein weight g(e):
 *
 * - events          = sum w(e)
 * - coop_events     = sum w(e) over events of quad 1 or 2
 * - conflict_events = sum w(e) over events of quad 3 or 4
 * - goldstein_sum   = sum w(e) * g(e)
 * - goldstein_mean  = goldstein_sum / events
 * - cooperation     = sum w(e) * max(g(e), 0)
 * - conflict        = sum w(e) * max(-g(e), 0)
 * - first, last     = the earliest and latest event date (0 if none dated)
 *
 * Sums are kept exactly, in integer thousandths of a Goldstein point, so
 * aggregation is associative: dyad tables of separate inputs merge to the
 * same table as one pass over all inputs, in any order.
 *
 * The relation of an unordered pair {a, b} sums both directions:
 * cooperation and conflict of a->b plus b->a, net = cooperation - conflict,
 * sign = +1 (alliance tie) when net > 0, -1 (tension tie) when net < 0, 0
 * when they cancel.
 */
#ifndef ENT_GRAPH_H
#define ENT_GRAPH_H

#include <entente/common.h>
#include <entente/error.h>
#include <entente/event.h>

ENT_BEGIN_DECLS

/** One directed dyad (a snapshot; see the file comment for definitions). */
typedef struct ent_dyad {
	char source[ENT_CODE_SIZE];
	char target[ENT_CODE_SIZE];
	int64_t events;
	int64_t coop_events;
	int64_t conflict_events;
	double goldstein_sum;
	double goldstein_mean;
	double cooperation;
	double conflict;
	ent_date first;
	ent_date last;
} ent_dyad;

/** How actor codes become vertices. */
typedef enum ent_level {
	ENT_LEVEL_STATE = 0, /**< reduce to the state (RUSGOV -> RUS); events
	                          with a non-state end are left out */
	ENT_LEVEL_ACTOR      /**< keep actor codes as they are */
} ent_level;

/** A table of directed dyads keyed by (source, target). */
typedef struct ent_dyads ent_dyads;

/**
 * Create an empty table.
 * @param[out] out the table (NULL on failure)
 * @param err details of a failure (may be NULL)
 * @return ENT_OK, ENT_ENOMEM, or ENT_EINVAL when `out` is NULL
 */
ENT_API ent_status ent_dyads_create(ent_dyads **out, ent_error *err);
/** Destroy a table. Accepts NULL. */
ENT_API void ent_dyads_destroy(ent_dyads *dyads);
/**
 * Add one event with weight `weight` to the dyad (source, target) given
 * (codes already reduced by the caller). Self-dyads are allowed here; the
 * dataset leaves them out.
 * @return ENT_OK; ENT_ELIMIT, the table unchanged, when a total would pass
 *   ENT_MAX_SUM; ENT_EINVAL for a NULL argument, a code of ENT_CODE_SIZE
 *   characters or more, a negative weight or a Goldstein weight that is
 *   not a number; ENT_ENOMEM
 */
ENT_API ent_status ent_dyads_add_event(ent_dyads *dyads, const char *source,
	const char *target, const ent_event *ev, int64_t weight,
	ent_error *err);
/**
 * Add an already aggregated dyad (from a dyad table) to the table. Values
 * are taken to the nearest thousandth.
 * @return ENT_OK; ENT_ELIMIT, the table unchanged, when a total would pass
 *   ENT_MAX_SUM; ENT_EINVAL for a NULL argument, a code as
 *   ::ent_dyads_add_event, or negative counts or sums; ENT_ENOMEM
 */
ENT_API ent_status ent_dyads_add_dyad(ent_dyads *dyads, const ent_dyad *dyad,
	ent_error *err);
/**
 * Merge every dyad of `from` into `into`. On ENT_ENOMEM `into` holds the
 * dyads merged before the failure.
 * @return ENT_OK; ENT_ELIMIT, nothing merged, when a total would pass
 *   ENT_MAX_SUM; ENT_ENOMEM; ENT_EINVAL for a NULL argument
 */
ENT_API ent_status ent_dyads_merge(ent_dyads *into, const ent_dyads *from,
	ent_error *err);
/** Number of dyads. */
ENT_API size_t ent_dyads_count(const ent_dyads *dyads);
/**
 * The i-th dyad in (source, target) order. Sorting happens lazily after a
 * change, so the first call after adding is O(n log n).
 * @return ENT_OK, or ENT_ENOTFOUND out of range
 */
ENT_API ent_status ent_dyads_get(ent_dyad *out, const ent_dyads *dyads, size_t i);

/** Time buckets for `--by`. */
typedef enum ent_period_unit {
	ENT_PERIOD_NONE = 0,
	ENT_PERIOD_WEEK,    /**< ISO week starting Monday, keyed by its Monday */
	ENT_PERIOD_MONTH,
	ENT_PERIOD_QUARTER,
	ENT_PERIOD_YEAR
} ent_period_unit;

/**
 * The first day of the period that contains `date`, as a packed date
 * (2015-05-08 by month -> 20150501). Dates without the needed precision
 * (a bare year by month) give 0: such events join no period.
 */
ENT_API ent_date ent_period_of(ent_date date, ent_period_unit unit);
/** Label of a period: "2015-W19", "2015-05", "2015-Q2", "2015". */
ENT_API void ent_period_label(ent_date start, ent_period_unit unit, char buf[16]);

/** Options of a dataset. */
typedef struct ent_dataset_options {
	unsigned int version;
	ent_filter filter;      /**< which events to keep (borrowed arrays) */
	ent_level level;        /**< state (default) or actor level */
	ent_weight weight;      /**< what an event counts for */
	ent_period_unit by;     /**< also aggregate per period */
	int keep_events;        /**< keep every kept event (for provenance and
	                             events.json); memory then grows with events */
	int dedupe;             /**< keep one event per document (source URL),
	                             directed dyad (after reduction to the level),
	                             CAMEO code and date: the later ones are
	                             duplicates, left out and counted (among the
	                             filtered, and in `duplicates`). Events
	                             without a document are never duplicates.
	                             Memory grows with the kept events (8 bytes
	                             each). */
} ent_dataset_options;

#define ENT_DATASET_OPTIONS_VERSION 1
#define ENT_DATASET_OPTIONS_INIT {ENT_DATASET_OPTIONS_VERSION, ENT_FILTER_INIT, \
	ENT_LEVEL_STATE, ENT_WEIGHT_EVENTS, ENT_PERIOD_NONE, 0, 0}

/**
 * Most distinct actors a dataset aggregates (after reduction to the level).
 * A dataset stops with ENT_ELIMIT at the first event or dyad that would add
 * one more, so that a hostile input cannot grow the dyad table (and the
 * graph metrics' time) without bound. State level never comes near it.
 */
#define ENT_MAX_ACTORS 50000

/**
 * Most a dyad table sums, each total over all its dyads: the events (the
 * count or --weight of each), and the Goldstein points in thousandths
 * (|goldstein| x weight, cooperation and conflict apart). 2^53: every sum
 * derived from the table -- a dyad, a relation, an actor's strength, a
 * period -- is then exact in 64-bit integers and in a double. An event or
 * dyad that would take a total past it is refused with ENT_ELIMIT (a
 * count of 10^15 on an attack, or a huge NumMentions with --weight
 * mentions, wrapped around to negative conflict before).
 */
#define ENT_MAX_SUM ((int64_t)1 << 53)

/** Counts of what a dataset saw, for the report's "input" section. */
typedef struct ent_dataset_stats {
	int64_t records;     /**< events offered to the dataset */
	int64_t kept;        /**< events aggregated */
	int64_t filtered;    /**< left out by the filter */
	int64_t non_state;   /**< left out: an end is not a state (state level) */
	int64_t self;        /**< left out: source and target are the same actor */
	int64_t negated;     /**< left out: reported as not having happened
	                          (ENT_FLAG_NEGATED: "did not sign") */
	int64_t dyad_rows;   /**< aggregated dyads read from dyad tables */
	int64_t skipped_rows;/**< broken rows skipped by readers */
	ent_date first;      /**< earliest kept date */
	ent_date last;       /**< latest kept date */
	int64_t duplicates;  /**< left out by `dedupe` (also in `filtered`) */
} ent_dataset_stats;

/**
 * Everything read from the inputs: the filter and level applied, events
 * aggregated into dyads (and per period when asked), and optionally the
 * events themselves.
 */
typedef struct ent_dataset ent_dataset;

/**
 * Create an empty dataset.
 * @param[out] out the dataset (NULL on failure)
 * @param opts options, NULL for the defaults; copied (the filter's arrays
 *   are borrowed and must outlive the dataset)
 * @param err details of a failure (may be NULL)
 * @return ENT_OK, ENT_ENOMEM, or ENT_EINVAL for a NULL `out`
 */
ENT_API ent_status ent_dataset_create(ent_dataset **out,
	const ent_dataset_options *opts, ent_error *err);
/** Destroy a dataset. Accepts NULL. */
ENT_API void ent_dataset_destroy(ent_dataset *ds);
/** Offer one event: filtered, reduced, aggregated (and kept if asked). */
ENT_API ent_status ent_dataset_add_event(ent_dataset *ds, const ent_event *ev,
	ent_error *err);
/** An ::ent_event_cb that offers events to the ::ent_dataset given as payload. */
ENT_API ent_status ent_dataset_add_cb(const ent_event *ev, void *payload);
/** Merge an aggregated dyad read from a dyad table (the filter's actor list
 * and the level apply; date and code filters cannot). */
ENT_API ent_status ent_dataset_add_dyad(ent_dataset *ds, const ent_dyad *dyad,
	ent_error *err);
/**
 * Record the name of an input and its format name, for the report (both
 * copied; `format` may be NULL).
 * @return ENT_OK, ENT_ENOMEM, or ENT_EINVAL for a NULL `ds` or `name`
 */
ENT_API ent_status ent_dataset_add_input(ent_dataset *ds, const char *name,
	const char *format, ent_error *err);
/**
 * Add everything `from` holds to `into`, as if the inputs of `from` had
 * been read into `into` after its own: the dyads (overall and per period)
 * with ent_dyads_merge() (exact: sums are integer thousandths), the
 * statistics, the input list, and the events of a keep_events dataset.
 * Both must have been created with the same options. A `dedupe` dataset
 * cannot be merged (an event of `from` may repeat one of `into`):
 * ENT_EINVAL. More than ENT_MAX_ACTORS distinct actors together is
 * ENT_ELIMIT, and the sums past ENT_MAX_SUM too; `into` may then hold part
 * of `from` and should be destroyed. `from` is unchanged.
 * This is how many inputs are read at once: each into its own dataset on
 * its own thread, merged in input order.
 */
ENT_API ent_status ent_dataset_merge(ent_dataset *into,
	const ent_dataset *from, ent_error *err);
/** Count broken rows a reader skipped. */
ENT_API void ent_dataset_count_skipped(ent_dataset *ds, int64_t rows);
/** The dyad table over all periods (borrowed). */
ENT_API const ent_dyads *ent_dataset_dyads(const ent_dataset *ds);
/** The kept events, or NULL unless keep_events was set (borrowed). */
ENT_API const ent_events *ent_dataset_events(const ent_dataset *ds);
/** What the dataset saw. */
ENT_API const ent_dataset_stats *ent_dataset_stats_get(const ent_dataset *ds);
/** The options in force (borrowed). */
ENT_API const ent_dataset_options *ent_dataset_options_get(const ent_dataset *ds);
/** Number of inputs recorded, and the i-th name and format (borrowed). */
ENT_API size_t ent_dataset_input_count(const ent_dataset *ds);
ENT_API const char *ent_dataset_input_name(const ent_dataset *ds, size_t i);
ENT_API const char *ent_dataset_input_format(const ent_dataset *ds, size_t i);
/** Number of periods (0 unless `by` was set); periods are in date order. */
ENT_API size_t ent_dataset_period_count(const ent_dataset *ds);
/** The start date of the i-th period and its dyad table (borrowed). */
ENT_API ent_status ent_dataset_period(const ent_dataset *ds, size_t i,
	ent_date *start_out, const ent_dyads **dyads_out);

/* -- graph --------------------------------------------------------------- */

/** One vertex of the graph. */
typedef struct ent_actor {
	const char *code;   /**< actor code ("RUS") */
	const char *name;   /**< English name from the state table, else the code */
} ent_actor;

/** One undirected relation {a, b}, a < b by vertex index. */
typedef struct ent_relation {
	size_t a, b;          /**< vertex indices */
	int64_t events;       /**< events both ways */
	double cooperation;   /**< cooperation both ways */
	double conflict;      /**< conflict both ways */
	double net;           /**< cooperation - conflict */
	int sign;             /**< +1 alliance, -1 tension, 0 balanced */
} ent_relation;

/** Options of the graph. */
typedef struct ent_graph_options {
	unsigned int version;
	int64_t min_events;   /**< leave out directed dyads with fewer events (0 keeps all) */
} ent_graph_options;

#define ENT_GRAPH_OPTIONS_VERSION 1
#define ENT_GRAPH_OPTIONS_INIT {ENT_GRAPH_OPTIONS_VERSION, 0}

/** The actor graph: vertices sorted by code, one directed edge per dyad in
 * (source, target) order, one relation per connected pair. */
typedef struct ent_graph ent_graph;

/**
 * Build the graph of a dyad table (an igraph directed graph underneath).
 * Time complexity: O(d log d) for d dyads.
 */
ENT_API ent_status ent_graph_build(ent_graph **out, const ent_dyads *dyads,
	const ent_graph_options *opts, ent_error *err);
/** Destroy a graph. Accepts NULL. */
ENT_API void ent_graph_destroy(ent_graph *g);
ENT_API size_t ent_graph_actor_count(const ent_graph *g);
/** The i-th actor (borrowed), NULL out of range. */
ENT_API const ent_actor *ent_graph_actor(const ent_graph *g, size_t i);
/** Index of the actor with this code, or (size_t)-1. */
ENT_API size_t ent_graph_actor_index(const ent_graph *g, const char *code);
ENT_API size_t ent_graph_dyad_count(const ent_graph *g);
/** The i-th dyad / directed edge (borrowed), NULL out of range. */
ENT_API const ent_dyad *ent_graph_dyad(const ent_graph *g, size_t i);
/** Vertex indices of the i-th dyad's source and target. */
ENT_API void ent_graph_dyad_ends(const ent_graph *g, size_t i, size_t *source,
	size_t *target);
ENT_API size_t ent_graph_relation_count(const ent_graph *g);
/** The i-th relation (borrowed), in (a, b) order, NULL out of range. */
ENT_API const ent_relation *ent_graph_relation(const ent_graph *g, size_t i);

ENT_END_DECLS

#endif
