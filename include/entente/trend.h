/* SPDX-License-Identifier: MIT */
/**
 * @file trend.h
 * @brief Relations and actors over time: trend measures per period, and
 * change detection ("what changed").
 *
 * The periods are those of ::ent_periods (`--by week|month|quarter|year`):
 * the calendar periods that hold events. The calendar runs on between
 * them: a period of the calendar without events is **no news**, not a
 * neutral relation. It has no trend point; a chart draws a gap there, not
 * a zero, and no change is measured across it.
 *
 * Trend measures, per relation {a, b} (a < b in code order) and period t
 * with events (names in brackets are the report's keys):
 *
 * - [events] e(t), [cooperation] c(t), [conflict] k(t) and [net] n(t) =
 *   c(t) - k(t): the relation's sums over both directions in t, as in
 *   graph.h;
 * - [share] s(t) = e(t) / E(t), where E(t) is the events of every
 *   relation in t: the relation's part of the period's news. Event data
 *   grow severalfold over the years (GDELT's volume did), so counts of
 *   different periods are compared through their share, not raw.
 *
 * Per actor v and period t with events of v: [events] (out + in),
 * [cooperation] and [conflict] (strengths, out + in), [pagerank] and
 * [bloc] of v in the graph of t alone (metrics.h definitions, computed on
 * that period's graph: the bloc numbers of different periods are not the
 * same blocs).
 *
 * Change detection. A *change* of relation r is the difference of its net
 * between two periods t-1 and t that follow each other in the calendar
 * and hold at least `min_events` events of r each:
 *
 *     d = n(t) - n(t-1)
 *
 * (so one or two stray events, or a period of no news, never make a
 * change). Let D be every change of every relation, and
 *
 *     s0^2 = mean of d^2 over D          (the usual size of a change)
 *
 * The relation's own variation at a change d_j, of the m changes d_1..d_m
 * of the same relation, is the root mean square of its *other* changes
 * pooled with one change of the usual size:
 *
 *     s_j^2 = (sum over i != j of d_i^2 + s0^2) / m
 *
 * and the change's [score] is z_j = d_j / s_j: how many times the
 * relation's usual variation this change is (a relation that always
 * swings widely needs a wider swing to score; a relation with one change
 * is measured against the usual size of all changes). s_j > 0 whenever
 * d_j != 0; z_j = 0 when d_j = 0.
 *
 * **What changed**: the changes with |z| >= `min_score`, largest |z|
 * first (ties: larger |d|, earlier period, then codes).
 *
 * Defaults: `min_events` 5, `min_score` 2.
 */
#ifndef ENT_TREND_H
#define ENT_TREND_H

#include <entente/common.h>
#include <entente/error.h>
#include <entente/graph.h>
#include <entente/metrics.h>

ENT_BEGIN_DECLS

/** One relation in one period with events. */
typedef struct ent_trend_point {
	size_t period; /**< index into the ::ent_periods */
	int64_t events;
	double cooperation, conflict, net;
	double share; /**< events / events of all relations that period */
} ent_trend_point;

/** The trend of one relation {a, b}, a < b in code order. */
typedef struct ent_trend_relation {
	char a[ENT_CODE_SIZE];
	char b[ENT_CODE_SIZE];
	int64_t events;                /**< over every period */
	size_t n_points;               /**< periods with events of {a, b} */
	const ent_trend_point *points; /**< in period order (borrowed) */
} ent_trend_relation;

/** One actor in one period with events of it. */
typedef struct ent_trend_actor_point {
	size_t period; /**< index into the ::ent_periods */
	int64_t events;
	double cooperation, conflict;
	double pagerank;
	size_t bloc; /**< from 1, in that period's graph */
} ent_trend_actor_point;

/** The trend of one actor. */
typedef struct ent_trend_actor {
	char code[ENT_CODE_SIZE];
	int64_t events; /**< over every period */
	size_t n_points;
	const ent_trend_actor_point *points; /**< in period order (borrowed) */
} ent_trend_actor;

/** One change (see the file comment). */
typedef struct ent_change {
	size_t relation; /**< index of its ::ent_trend_relation */
	size_t from, to; /**< period indices, consecutive in the calendar */
	int64_t events_before, events_after;
	double before, after; /**< net in `from` and in `to` */
	double change;        /**< after - before */
	double variation;     /**< s_j */
	double score;         /**< change / variation */
} ent_change;

/** Options of the trends. */
typedef struct ent_trend_options {
	unsigned int version;
	int64_t min_events; /**< events of the relation in both periods (5) */
	double min_score;   /**< |score| to be listed as a change (2) */
} ent_trend_options;

#define ENT_TREND_OPTIONS_VERSION 1
#define ENT_TREND_OPTIONS_INIT                                                 \
	{                                                                      \
		ENT_TREND_OPTIONS_VERSION, 5, 2.0                              \
	}

/** Trends of every relation and actor over the periods. */
typedef struct ent_trends ent_trends; /* struct tag used by report.h */

/**
 * Compute the trends and the changes of a set of periods.
 *
 * Time complexity: O(P log P) for the P (relation, period) pairs.
 *
 * @param[out] out the trends, destroy with ent_trends_destroy()
 * @param p the periods (borrowed: it must outlive the trends)
 * @param opts options, or NULL for the defaults
 * @return ENT_OK, ENT_EINVAL (NULL argument, min_events < 1, min_score <
 *         0), ENT_ENOMEM
 */
ENT_API ent_status ent_trends_compute(ent_trends **out, const ent_periods *p,
	const ent_trend_options *opts, ent_error *err);
/** Destroy. Accepts NULL. */
ENT_API void ent_trends_destroy(ent_trends *t);
/** The periods the trends were computed from (borrowed). */
ENT_API const ent_periods *ent_trends_periods(const ent_trends *t);
/** The options in force. */
ENT_API const ent_trend_options *ent_trends_options(const ent_trends *t);

/** Number of relations with events in some period. */
ENT_API size_t ent_trends_relation_count(const ent_trends *t);
/** Relation i, in (a, b) code order (borrowed); NULL out of range. */
ENT_API const ent_trend_relation *ent_trends_relation(
	const ent_trends *t, size_t i);
/** Index of the relation between codes x and y (either order), or
 * (size_t)-1. */
ENT_API size_t ent_trends_find_relation(
	const ent_trends *t, const char *x, const char *y);

/** Number of actors with events in some period. */
ENT_API size_t ent_trends_actor_count(const ent_trends *t);
/** Actor i, in code order (borrowed); NULL out of range. */
ENT_API const ent_trend_actor *ent_trends_actor(const ent_trends *t, size_t i);
/** Index of the actor with this code, or (size_t)-1. */
ENT_API size_t ent_trends_find_actor(const ent_trends *t, const char *code);

/**
 * The trend of the relation between two actors as a user names them
 * (ent_actor_name_resolve(): a state, an actor code or a group such as
 * NATO), or of one actor with everyone: per period, the sum of the
 * relations that join them.
 *
 * A code x of the trends stands for a name in period t when x is the
 * name's code or an actor code of its state (at actor level RUSGOV stands
 * for RUS), or, for a group, when x's state was a member of the group on
 * some day of t (the filter's `actors` keeps a group's members at each
 * event's date; a trend has the period's dates only). The point of t sums
 * every relation {x, y} of t where x stands for `a` and y for `b`, or y
 * for `a` and x for `b`; with `b` NULL, every relation where one end
 * stands for `a` and the other does not (the relations among a group's
 * members are not its relations with others). Each relation counts once;
 * events, cooperation, conflict, net and share are sums (Goldstein points
 * summed as exact thousandths). A period where no relation counts is no
 * news: it has no point. For two states it is their relation's own
 * ::ent_trend_relation, point for point.
 *
 * Time complexity: O(P + G) for the P (relation, period) pairs, G the
 * groups' membership spells checked per pair.
 *
 * @param[out] out the trend: `a` and `b` hold the names' codes (a state's
 *   ISO code; `b` empty for everyone), `points` the periods with a point,
 *   all in one block: free it with ent_free(); NULL on failure
 * @param t the trends
 * @param a a resolved name
 * @param b a resolved name, or NULL for everyone
 * @return ENT_OK (also when no period has a point: n_points 0),
 *   ENT_EINVAL (NULL `out`, `t` or `a`), ENT_ENOMEM
 */
ENT_API ent_status ent_trends_sum(ent_trend_relation **out,
	const ent_trends *t, const ent_actor_name *a, const ent_actor_name *b,
	ent_error *err);

/** Number of changes measured (every change, listed or not). */
ENT_API size_t ent_trends_change_count(const ent_trends *t);
/** Number of changes listed as "what changed" (|score| >= min_score). */
ENT_API size_t ent_trends_changed_count(const ent_trends *t);
/** Change i, in the order of "what changed": by |score|, largest first;
 * the listed ones come first (borrowed); NULL out of range. */
ENT_API const ent_change *ent_trends_change(const ent_trends *t, size_t i);
/** s0, the usual size of a change (root mean square of every change; 0
 * without changes). */
ENT_API double ent_trends_usual_change(const ent_trends *t);

/**
 * 1 when period j directly follows period i in the calendar (no period of
 * no news between them), else 0.
 */
ENT_API int ent_periods_adjacent(const ent_periods *p, size_t i, size_t j);
/** The start of the calendar period after the one starting at `start`. */
ENT_API ent_date ent_period_next(ent_date start, ent_period_unit unit);

ENT_END_DECLS

#endif
