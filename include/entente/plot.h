/* SPDX-License-Identifier: MIT */
/**
 * @file plot.h
 * @brief Trend charts of relations and actors over time, drawn by PLplot
 * (its extcairo device on a cairo surface) as SVG, PNG or PDF.
 *
 * Every chart has periods on the x axis, one tick per calendar period
 * (every k-th labelled when there are many), labelled as the periods are
 * ("2025-W24", "2025-06"). Periods are those of ::ent_trends (trend.h):
 * a calendar period where the charted relation or actor has no events is
 * **no news**: it is shaded light grey and the lines have a gap there,
 * never a zero.
 *
 * - Relation chart (ent_plot_relation(), or ent_plot_trend() for a
 *   summed trend such as a group's relation), and actor chart
 *   (ent_plot_actor(), the actor's strengths): per period, cooperation as
 *   a solid blue bar above zero (#2166ac), conflict as a hatched orange
 *   bar below zero (#d95f02, drawn as -conflict), and net = cooperation
 *   - conflict as a black line with round markers. Units: Goldstein
 *   points. The title names the relation and the unit, the subtitle its
 *   events and how many of the calendar periods hold them ("289 events in
 *   5 of 5 weeks; grey: no news").
 * - Centrality chart (ent_plot_centrality()): the PageRank of each given
 *   actor per period (metrics.h, on that period's graph), one line per
 *   actor, each with its own colour, dash pattern and marker, so the lines
 *   are told apart in greyscale.
 *
 * Every chart has a legend and axis titles. Names are drawn as text:
 * PLplot's escape character '#' in a name is doubled, so a name never
 * changes the drawing.
 *
 * Determinism: no timestamp is written (the PDF creation date is fixed at
 * 2000-01-01), so the same trends and options give byte-identical files
 * on one machine (the glyphs come from the installed fonts).
 *
 * Not thread-safe: PLplot keeps global state. Use from one thread.
 */
#ifndef ENT_PLOT_H
#define ENT_PLOT_H

#include <stdio.h>

#include <entente/common.h>
#include <entente/error.h>
#include <entente/trend.h>

ENT_BEGIN_DECLS

/** Chart formats. */
typedef enum ent_plot_format {
	ENT_PLOT_SVG = 0, /**< vector, text as glyph outlines */
	ENT_PLOT_PNG,     /**< raster, 96 dpi */
	ENT_PLOT_PDF      /**< vector */
} ent_plot_format;

/** The format named by the extension of `path` (.svg, .png, .pdf, any
 * case). @return ENT_OK, or ENT_ENOTFOUND for another extension */
ENT_API ent_status ent_plot_format_from_path(
	ent_plot_format *out, const char *path);

/** Options of a chart. */
typedef struct ent_plot_options {
	unsigned int version;
	ent_plot_format format;
	int width, height;  /**< pixels at 96 dpi; 0 = 800 x 400 */
	const char *title;  /**< NULL = the relation's or actor's name */
} ent_plot_options;

#define ENT_PLOT_OPTIONS_VERSION 1
#define ENT_PLOT_OPTIONS_INIT {ENT_PLOT_OPTIONS_VERSION, ENT_PLOT_SVG, 0, 0, \
	NULL}

/**
 * Most calendar periods a chart spans (first to last period with events).
 * More is refused with ENT_ELIMIT: narrow the dates (--since, --until) or
 * take a longer unit.
 */
#define ENT_PLOT_MAX_PERIODS 2000

/**
 * Draw the trend of relation `relation` (an index of ent_trends_relation()).
 * @return ENT_OK, ENT_EINVAL (bad argument or index), ENT_ELIMIT (too many
 *         periods), ENT_ERENDER (cairo or PLplot failed), ENT_EIO
 */
ENT_API ent_status ent_plot_relation(FILE *fp, const ent_trends *t,
	size_t relation, const ent_plot_options *opts, ent_error *err);

/**
 * Draw a trend over the periods of `t`: one of ent_trends_relation(), or
 * a sum from ent_trends_sum() (a group's relation, an actor with
 * everyone). Titled "A - B" (an en dash), or "A with everyone" when
 * `r->b` is empty. Same returns as ent_plot_relation() (ENT_EINVAL also
 * for a point outside the periods of `t`).
 */
ENT_API ent_status ent_plot_trend(FILE *fp, const ent_trends *t,
	const ent_trend_relation *r, const ent_plot_options *opts,
	ent_error *err);

/** Draw the cooperation, conflict and net of actor `actor` (an index of
 * ent_trends_actor()) per period. Same returns as ent_plot_relation(). */
ENT_API ent_status ent_plot_actor(FILE *fp, const ent_trends *t, size_t actor,
	const ent_plot_options *opts, ent_error *err);

/** Draw the PageRank per period of `n` actors (indices of
 * ent_trends_actor(), at most 8). Same returns as ent_plot_relation(). */
ENT_API ent_status ent_plot_centrality(FILE *fp, const ent_trends *t,
	const size_t *actors, size_t n, const ent_plot_options *opts,
	ent_error *err);

ENT_END_DECLS

#endif
