/* SPDX-License-Identifier: MIT */
/*
 * Trend charts through PLplot (plot.h). PLplot draws with its extcairo
 * device into a cairo context we own, on a surface we create: so the
 * output goes to the caller's stream, and what cairo writes (the PDF
 * creation date) stays under our control.
 */
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <ctype.h>
#include <math.h>
#include <plplot.h>
#include <stdlib.h>
#include <string.h>

#include "plot/plot_internal.h"

/* -- drawing --------------------------------------------------------------- */

/* Markers, drawn as text so the legend shows the same glyph: a disc, a
 * square, a triangle, a diamond (U+25CF, U+25A0, U+25B2, U+25C6). */
#define MARK_DISC "\xe2\x97\x8f"
static const char *const marks[4] = {
	MARK_DISC, "\xe2\x96\xa0", "\xe2\x96\xb2", "\xe2\x97\x86"};

/* Colours of map 0 we set: 0 white (background), 1 black, 2 cooperation,
 * 3 conflict, 4 grey (axes), 5 light grey (no news), 6.. the centrality
 * lines. */
enum {
	COL_BG = 0,
	COL_INK,
	COL_COOP,
	COL_CONFLICT,
	COL_GREY,
	COL_NONEWS,
	COL_LINES
};

static const unsigned char line_rgb[8][3] = {
	{0x21, 0x66, 0xac},
	{0xd9, 0x5f, 0x02},
	{0x1b, 0x9e, 0x77},
	{0x75, 0x70, 0xb3},
	{0xe7, 0x29, 0x8a},
	{0x66, 0xa6, 0x1e},
	{0xa6, 0x76, 0x1d},
	{0x33, 0x33, 0x33},
};

static ent_status start_plot(
	ent__plot_canvas *cv, PLINT *stream, ent_error *err)
{
	size_t i;

	plmkstrm(stream);
	if (*stream < 0) {
		return ent__error_set(
			err, ENT_ERENDER, NULL, 0, 0, "PLplot: no stream left");
	}
	plsdev("extcairo");
	plspage(0, 0, cv->width, cv->height, 0, 0);
	plscolbg(255, 255, 255);
	plscol0(COL_INK, 0, 0, 0);
	plscol0(COL_COOP, 0x21, 0x66, 0xac);
	plscol0(COL_CONFLICT, 0xd9, 0x5f, 0x02);
	plscol0(COL_GREY, 0x70, 0x70, 0x70);
	plscol0(COL_NONEWS, 0xe8, 0xe8, 0xe8);
	for (i = 0; i < 8; i++) {
		plscol0(COL_LINES + (PLINT)i, line_rgb[i][0], line_rgb[i][1],
			line_rgb[i][2]);
	}
	plinit();
	pl_cmd(PLESC_DEVINIT, cv->cr);
	plfontld(1);
	pladv(0);
	return ENT_OK;
}

/* The frame: viewport, window, the box with period labels, titles. */
static void frame(const ent__plot_axis *a, double ymin, double ymax,
	const char *title, const char *subtitle, const char *ylabel)
{
	plvpor(0.09, 0.75, 0.13, 0.86);
	plwind(-0.5, (double)a->n - 0.5, ymin, ymax);
	plcol0(COL_INK);
	plschr(0, 0.9);
	plslabelfunc(ent__plot_label_x, (PLPointer)a);
	plbox("bcnsto", (double)a->step, a->step, "bcnstvo", 0, 0);
	plslabelfunc(NULL, NULL);
	plschr(0, 1.1);
	plmtex("t", 2.4, 0.0, 0.0, title);
	plschr(0, 0.85);
	plmtex("t", 1.0, 0.0, 0.0, subtitle);
	plmtex("l", 4.6, 0.5, 0.5, ylabel);
	plschr(0, 1.0);
}

/* Light grey bands at calendar periods without a point. */
static void shade_no_news(
	const ent__plot_axis *a, const char *has, double ymin, double ymax)
{
	size_t x;

	plcol0(COL_NONEWS);
	plpsty(0);
	for (x = 0; x < a->n; x++) {
		PLFLT bx[4], by[4];
		if (has[x]) {
			continue;
		}
		bx[0] = bx[3] = (double)x - 0.5;
		bx[1] = bx[2] = (double)x + 0.5;
		by[0] = by[1] = ymin;
		by[2] = by[3] = ymax;
		plfill(4, bx, by);
	}
}

/* A line through the points, broken wherever x is not consecutive. */
static void gapped_line(
	size_t n, const double *x, const double *y, const char *sym)
{
	size_t i, run = 0;

	for (i = 1; i <= n; i++) {
		if (i == n || x[i] != x[i - 1] + 1) {
			if (i - run > 1) {
				plline((PLINT)(i - run), x + run, y + run);
			}
			run = i;
		}
	}
	if (n > 0) {
		plstring((PLINT)n, x, y, sym);
	}
}

static void bar(double x, double y0, double y1, PLINT col, PLINT pattern)
{
	PLFLT bx[4] = {x - 0.3, x + 0.3, x + 0.3, x - 0.3};
	PLFLT by[4] = {y0, y0, y1, y1};

	plcol0(col);
	plpsty(pattern);
	plfill(4, bx, by);
	plpsty(0);
	plline(4, bx, by);
}

/* One series of cooperation / conflict / net per period (a relation or
 * an actor's strengths). */
typedef struct series {
	size_t n;
	const size_t *period;
	double *coop, *conflict, *net;
	int64_t events;
} series;

static ent_status draw_balance(ent__plot_canvas *cv, const ent__plot_axis *a,
	const series *s, const char *title, const char *subtitle,
	ent_error *err)
{
	double ymin = 0, ymax = 0, pad;
	double *x = NULL, *net = NULL;
	char *has = NULL;
	PLINT stream;
	size_t i;
	ent_status st;
	const char *text[4] = {"cooperation", "conflict", "net", "no news"};
	PLINT opt[4] = {PL_LEGEND_COLOR_BOX, PL_LEGEND_COLOR_BOX,
		PL_LEGEND_LINE | PL_LEGEND_SYMBOL, PL_LEGEND_COLOR_BOX};
	PLINT tcol[4] = {COL_INK, COL_INK, COL_INK, COL_INK};
	PLINT bcol[4] = {COL_COOP, COL_CONFLICT, 0, COL_NONEWS};
	PLINT bpat[4] = {0, 3, 0, 0};
	PLFLT bscale[4] = {0.6, 0.6, 0, 0.6};
	PLFLT bwidth[4] = {1, 1, 0, 1};
	PLINT lcol[4] = {0, 0, COL_INK, 0};
	PLINT lsty[4] = {0, 0, 1, 0};
	PLFLT lwidth[4] = {0, 0, 2, 0};
	PLINT scol[4] = {0, 0, COL_INK, 0};
	PLFLT sscale[4] = {0, 0, 1, 0};
	PLINT snum[4] = {0, 0, 1, 0};
	const char *sym[4] = {"", "", MARK_DISC, ""};
	PLFLT lw, lh;

	x = calloc(s->n + 1, sizeof(*x));
	net = calloc(s->n + 1, sizeof(*net));
	has = calloc(a->n + 1, 1);
	if (x == NULL || net == NULL || has == NULL) {
		st = ent__error_nomem(err);
		goto done;
	}
	for (i = 0; i < s->n; i++) {
		x[i] = (double)a->x_of[s->period[i]];
		net[i] = s->net[i];
		has[a->x_of[s->period[i]]] = 1;
		ymax = fmax(ymax, fmax(s->coop[i], s->net[i]));
		ymin = fmin(ymin, fmin(-s->conflict[i], s->net[i]));
	}
	if (ymax - ymin <= 0) {
		ymax = 1;
	}
	pad = 0.08 * (ymax - ymin);
	ymax += pad;
	ymin -= ymin < 0 ? pad : 0;
	if ((st = start_plot(cv, &stream, err)) != ENT_OK) {
		goto done;
	}
	frame(a, ymin, ymax, title, subtitle, "Goldstein points");
	shade_no_news(a, has, ymin, ymax);
	for (i = 0; i < s->n; i++) {
		if (s->coop[i] > 0) {
			bar(x[i], 0, s->coop[i], COL_COOP, 0);
		}
		if (s->conflict[i] > 0) {
			bar(x[i], 0, -s->conflict[i], COL_CONFLICT, 3);
		}
	}
	plcol0(COL_GREY);
	pllsty(1);
	pljoin(-0.5, 0, (double)a->n - 0.5, 0);
	plcol0(COL_INK);
	plwidth(2);
	gapped_line(s->n, x, net, MARK_DISC);
	plwidth(1);
	/* redraw the box over the bars and bands */
	plcol0(COL_INK);
	plbox("bc", 0, 0, "bc", 0, 0);
	plschr(0, 0.85);
	pllegend(&lw, &lh, PL_LEGEND_BACKGROUND | PL_LEGEND_BOUNDING_BOX,
		PL_POSITION_RIGHT | PL_POSITION_OUTSIDE, 0.02, 0, 0.06, COL_BG,
		COL_INK, 1, 4, 1, 4, opt, 1.0, 1.0, 2.0, 0.0, tcol, text, bcol,
		bpat, bscale, bwidth, lcol, lsty, lwidth, scol, sscale, snum,
		sym);
	plend1();
	st = ENT_OK;
done:
	free(x);
	free(net);
	free(has);
	return st;
}

/* -- public ---------------------------------------------------------------- */

ent_status ent_plot_format_from_path(ent_plot_format *out, const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;
	char ext[8];
	size_t i;

	if (out == NULL || dot == NULL || strlen(dot) >= sizeof(ext)) {
		return ENT_ENOTFOUND;
	}
	for (i = 0; dot[i]; i++) {
		ext[i] = (char)tolower((unsigned char)dot[i]);
	}
	ext[i] = '\0';
	if (strcmp(ext, ".svg") == 0) {
		*out = ENT_PLOT_SVG;
	} else if (strcmp(ext, ".png") == 0) {
		*out = ENT_PLOT_PNG;
	} else if (strcmp(ext, ".pdf") == 0) {
		*out = ENT_PLOT_PDF;
	} else {
		return ENT_ENOTFOUND;
	}
	return ENT_OK;
}

/* Check the common arguments and set up the canvas and the axis. */
static ent_status begin(ent__plot_canvas *cv, ent__plot_axis *a, FILE *fp,
	const ent_trends *t, const ent_plot_options *o, ent_error *err)
{
	ent_status st;

	memset(a, 0, sizeof(*a));
	memset(cv, 0, sizeof(*cv));
	if (fp == NULL || t == NULL || o == NULL ||
		(unsigned)o->format > ENT_PLOT_PDF || o->width < 0 ||
		o->height < 0 || o->width > 20000 || o->height > 20000) {
		return ent__error_set(
			err, ENT_EINVAL, NULL, 0, 0, "ent_plot: bad argument");
	}
	if ((st = ent__plot_axis_build(a, ent_trends_periods(t),
		     o->width > 0 ? o->width : 800, err)) != ENT_OK) {
		return st;
	}
	return ent__plot_canvas_open(cv, fp, o, err);
}

static ent_status finish(
	ent__plot_canvas *cv, ent__plot_axis *a, ent_status st, ent_error *err)
{
	if (st == ENT_OK) {
		st = ent__plot_canvas_close(cv, err);
	}
	ent__plot_canvas_abort(cv);
	ent__plot_axis_free(a);
	return st;
}

static ent_status plot_series(FILE *fp, const ent_trends *t, series *s,
	const char *name, const ent_plot_options *opts, ent_error *err)
{
	ent_plot_options defaults = ENT_PLOT_OPTIONS_INIT;
	const ent_plot_options *o = opts ? opts : &defaults;
	const ent_periods *p = ent_trends_periods(t);
	char title[256], subtitle[256], clean[200];
	ent__plot_canvas cv;
	ent__plot_axis a;
	ent_status st;

	st = begin(&cv, &a, fp, t, o, err);
	if (st == ENT_OK) {
		ent__plot_plot_text(
			clean, sizeof(clean), o->title ? o->title : name);
		snprintf(title, sizeof(title), "%s by %s", clean,
			ent__plot_unit_word(ent_periods_unit(p)));
		if (o->title) {
			snprintf(title, sizeof(title), "%s", clean);
		}
		snprintf(subtitle, sizeof(subtitle),
			"%lld events in %zu of %zu %ss; grey: no news",
			(long long)s->events, s->n, a.n,
			ent__plot_unit_word(ent_periods_unit(p)));
		st = draw_balance(&cv, &a, s, title, subtitle, err);
	}
	return finish(&cv, &a, st, err);
}

ent_status ent_plot_trend(FILE *fp, const ent_trends *t,
	const ent_trend_relation *r, const ent_plot_options *opts,
	ent_error *err)
{
	size_t i, *period = NULL;
	series s;
	char name[128];
	ent_status st;

	if (t == NULL || r == NULL || (r->n_points > 0 && r->points == NULL)) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_plot_trend: NULL argument");
	}
	for (i = 0; i < r->n_points; i++) {
		if (r->points[i].period >= ent_periods_count(
						   ent_trends_periods(t))) {
			return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
				"ent_plot_trend: point %zu is in no period of "
				"the trends", i);
		}
	}
	memset(&s, 0, sizeof(s));
	s.n = r->n_points;
	s.events = r->events;
	period = malloc((s.n + 1) * sizeof(*period));
	s.coop = malloc((s.n + 1) * sizeof(double));
	s.conflict = malloc((s.n + 1) * sizeof(double));
	s.net = malloc((s.n + 1) * sizeof(double));
	if (period == NULL || s.coop == NULL || s.conflict == NULL ||
		s.net == NULL) {
		st = ent__error_nomem(err);
		goto done;
	}
	for (i = 0; i < s.n; i++) {
		period[i] = r->points[i].period;
		s.coop[i] = r->points[i].cooperation;
		s.conflict[i] = r->points[i].conflict;
		s.net[i] = r->points[i].net;
	}
	s.period = period;
	if (r->b[0] == '\0') {
		snprintf(name, sizeof(name), "%s with everyone",
			ent__plot_name_of(r->a));
	} else {
		snprintf(name, sizeof(name), "%s \xe2\x80\x93 %s",
			ent__plot_name_of(r->a), ent__plot_name_of(r->b));
	}
	st = plot_series(fp, t, &s, name, opts, err);
done:
	free(period);
	free(s.coop);
	free(s.conflict);
	free(s.net);
	return st;
}

ent_status ent_plot_relation(FILE *fp, const ent_trends *t, size_t relation,
	const ent_plot_options *opts, ent_error *err)
{
	const ent_trend_relation *r = ent_trends_relation(t, relation);

	if (r == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_plot_relation: no relation %zu", relation);
	}
	return ent_plot_trend(fp, t, r, opts, err);
}

ent_status ent_plot_actor(FILE *fp, const ent_trends *t, size_t actor,
	const ent_plot_options *opts, ent_error *err)
{
	const ent_trend_actor *ac = ent_trends_actor(t, actor);
	size_t i, *period = NULL;
	series s;
	char name[128];
	ent_status st;

	if (ac == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_plot_actor: no actor %zu", actor);
	}
	memset(&s, 0, sizeof(s));
	s.n = ac->n_points;
	s.events = ac->events;
	period = malloc((s.n + 1) * sizeof(*period));
	s.coop = malloc((s.n + 1) * sizeof(double));
	s.conflict = malloc((s.n + 1) * sizeof(double));
	s.net = malloc((s.n + 1) * sizeof(double));
	if (period == NULL || s.coop == NULL || s.conflict == NULL ||
		s.net == NULL) {
		st = ent__error_nomem(err);
		goto done;
	}
	for (i = 0; i < s.n; i++) {
		period[i] = ac->points[i].period;
		s.coop[i] = ac->points[i].cooperation;
		s.conflict[i] = ac->points[i].conflict;
		s.net[i] = ac->points[i].cooperation - ac->points[i].conflict;
	}
	s.period = period;
	snprintf(name, sizeof(name), "%s with everyone",
		ent__plot_name_of(ac->code));
	st = plot_series(fp, t, &s, name, opts, err);
done:
	free(period);
	free(s.coop);
	free(s.conflict);
	free(s.net);
	return st;
}

ent_status ent_plot_centrality(FILE *fp, const ent_trends *t,
	const size_t *actors, size_t n, const ent_plot_options *opts,
	ent_error *err)
{
	ent_plot_options defaults = ENT_PLOT_OPTIONS_INIT;
	const ent_plot_options *o = opts ? opts : &defaults;
	const char *text[8];
	char names[8][128], title[256], subtitle[128];
	PLINT opt[8], tcol[8], lcol[8], lsty[8], scol[8], snum[8], z[8];
	PLFLT lwidth[8], sscale[8], zf[8];
	const char *sym[8];
	double ymax = 0, *x = NULL, *y = NULL;
	PLINT stream;
	PLFLT lw, lh;
	size_t i, k;
	ent__plot_canvas cv;
	ent__plot_axis a;
	ent_status st;

	if (actors == NULL || n == 0 || n > 8) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_plot_centrality: 1 to 8 actors");
	}
	for (i = 0; i < n; i++) {
		const ent_trend_actor *ac = ent_trends_actor(t, actors[i]);
		if (ac == NULL) {
			return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
				"ent_plot_centrality: no actor %zu", actors[i]);
		}
		for (k = 0; k < ac->n_points; k++) {
			ymax = fmax(ymax, ac->points[k].pagerank);
		}
	}
	st = begin(&cv, &a, fp, t, o, err);
	if (st != ENT_OK) {
		return finish(&cv, &a, st, err);
	}
	x = calloc(a.n + 1, sizeof(*x));
	y = calloc(a.n + 1, sizeof(*y));
	if (x == NULL || y == NULL) {
		st = ent__error_nomem(err);
		goto done;
	}
	if ((st = start_plot(&cv, &stream, err)) != ENT_OK) {
		goto done;
	}
	ent__plot_plot_text(title, sizeof(title),
		o->title ? o->title : "PageRank of the leading actors");
	if (o->title == NULL) {
		size_t len = strlen(title);
		snprintf(title + len, sizeof(title) - len, " by %s",
			ent__plot_unit_word(
				ent_periods_unit(ent_trends_periods(t))));
	}
	snprintf(subtitle, sizeof(subtitle),
		"each period's own graph; a gap: no news of the actor");
	frame(&a, 0, ymax > 0 ? ymax * 1.1 : 1, title, subtitle, "PageRank");
	for (i = 0; i < n; i++) {
		const ent_trend_actor *ac = ent_trends_actor(t, actors[i]);
		const char *symbol = marks[i % 4];
		for (k = 0; k < ac->n_points; k++) {
			x[k] = (double)a.x_of[ac->points[k].period];
			y[k] = ac->points[k].pagerank;
		}
		plcol0(COL_LINES + (PLINT)i);
		pllsty((PLINT)(i % 8) + 1);
		plwidth(2);
		gapped_line(ac->n_points, x, y, symbol);
		ent__plot_plot_text(names[i], sizeof(names[i]),
			ent__plot_name_of(ac->code));
		text[i] = names[i];
		opt[i] = PL_LEGEND_LINE | PL_LEGEND_SYMBOL;
		tcol[i] = COL_INK;
		lcol[i] = scol[i] = COL_LINES + (PLINT)i;
		lsty[i] = (PLINT)(i % 8) + 1;
		lwidth[i] = 2;
		sscale[i] = 1;
		snum[i] = 1;
		z[i] = 0;
		zf[i] = 0;
		sym[i] = symbol;
	}
	plwidth(1);
	pllsty(1);
	plschr(0, 0.85);
	pllegend(&lw, &lh, PL_LEGEND_BACKGROUND | PL_LEGEND_BOUNDING_BOX,
		PL_POSITION_RIGHT | PL_POSITION_OUTSIDE, 0.02, 0, 0.06, COL_BG,
		COL_INK, 1, (PLINT)n, 1, (PLINT)n, opt, 1.0, 1.0, 2.0, 0.0,
		tcol, text, z, z, zf, zf, lcol, lsty, lwidth, scol, sscale,
		snum, sym);
	plend1();
done:
	free(x);
	free(y);
	return finish(&cv, &a, st, err);
}
