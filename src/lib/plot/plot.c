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

#include "internal.h"

/* -- output surface -------------------------------------------------------- */

typedef struct canvas {
	ent_plot_format format;
	FILE *fp;
	ent__buf svg; /* SVG is held back to renumber cairo's surface ids */
	int width, height; /* pixels */
	cairo_surface_t *surface;
	cairo_t *cr;
	int io_failed;
} canvas;

static cairo_status_t write_stream(
	void *closure, const unsigned char *data, unsigned int length)
{
	canvas *c = closure;

	if (c->format == ENT_PLOT_SVG) {
		if (ent__buf_put(&c->svg, (const char *)data, length) < 0) {
			c->io_failed = 1;
			return CAIRO_STATUS_NO_MEMORY;
		}
		return CAIRO_STATUS_SUCCESS;
	}
	if (fwrite(data, 1, length, c->fp) != length) {
		c->io_failed = 1;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

static ent_status canvas_open(
	canvas *c, FILE *fp, const ent_plot_options *o, ent_error *err)
{
	/* vector surfaces are sized in points (1/72 in), 96 px = 72 pt */
	double w, h;

	memset(c, 0, sizeof(*c));
	c->format = o->format;
	c->fp = fp;
	c->width = o->width > 0 ? o->width : 800;
	c->height = o->height > 0 ? o->height : 400;
	w = c->width * 0.75;
	h = c->height * 0.75;
	switch (o->format) {
	case ENT_PLOT_SVG:
		c->surface = cairo_svg_surface_create_for_stream(
			write_stream, c, w, h);
		break;
	case ENT_PLOT_PDF:
		c->surface = cairo_pdf_surface_create_for_stream(
			write_stream, c, w, h);
		if (cairo_surface_status(c->surface) == CAIRO_STATUS_SUCCESS) {
			/* a fixed date: the same chart, the same bytes */
			cairo_pdf_surface_set_metadata(c->surface,
				CAIRO_PDF_METADATA_CREATE_DATE,
				"2000-01-01T00:00:00Z");
		}
		break;
	default:
		c->surface = cairo_image_surface_create(
			CAIRO_FORMAT_RGB24, c->width, c->height);
		break;
	}
	if (cairo_surface_status(c->surface) != CAIRO_STATUS_SUCCESS) {
		ent_status st = ent__error_set(err, ENT_ERENDER, NULL, 0, 0,
			"cairo: %s",
			cairo_status_to_string(
				cairo_surface_status(c->surface)));
		cairo_surface_destroy(c->surface);
		c->surface = NULL;
		return st;
	}
	c->cr = cairo_create(c->surface);
	if (o->format != ENT_PLOT_PNG) {
		/* PLplot draws in its device units; map them to points */
		cairo_scale(c->cr, 0.75, 0.75);
	}
	cairo_set_source_rgb(c->cr, 1, 1, 1);
	cairo_paint(c->cr);
	return ENT_OK;
}

/* cairo numbers its surfaces process-wide ("surface1", then "surface6"
 * for the next chart): number them from 1 in order of appearance, so a
 * chart does not depend on what was drawn before it. */
static void write_svg(canvas *c)
{
	const char *s = c->svg.data, *end = s + c->svg.len;
	unsigned long seen[16];
	size_t n_seen = 0;

	while (s < end) {
		const char *hit = strstr(s, "surface");
		const char *q;
		unsigned long num = 0;
		size_t k;

		if (hit == NULL) {
			fwrite(s, 1, (size_t)(end - s), c->fp);
			break;
		}
		hit += 7;
		fwrite(s, 1, (size_t)(hit - s), c->fp);
		for (q = hit; q < end && *q >= '0' && *q <= '9'; q++) {
			num = num * 10 + (unsigned long)(*q - '0');
		}
		if (q == hit) {
			s = hit;
			continue;
		}
		for (k = 0; k < n_seen && seen[k] != num; k++) {
		}
		if (k == n_seen && n_seen < 16) {
			seen[n_seen++] = num;
		}
		fprintf(c->fp, "%zu", k + 1);
		s = q;
	}
}

static ent_status canvas_close(canvas *c, ent_error *err)
{
	cairo_status_t cs;

	cairo_destroy(c->cr);
	c->cr = NULL;
	if (c->format == ENT_PLOT_PNG) {
		cs = cairo_surface_write_to_png_stream(
			c->surface, write_stream, c);
	} else {
		cairo_surface_finish(c->surface);
		cs = cairo_surface_status(c->surface);
	}
	cairo_surface_destroy(c->surface);
	c->surface = NULL;
	if (c->format == ENT_PLOT_SVG && !c->io_failed && c->svg.data) {
		write_svg(c);
	}
	ent__buf_free(&c->svg);
	if (c->io_failed || ferror(c->fp)) {
		return ent__error_set(
			err, ENT_EIO, NULL, 0, 0, "cannot write the chart");
	}
	if (cs != CAIRO_STATUS_SUCCESS) {
		return ent__error_set(err, ENT_ERENDER, NULL, 0, 0, "cairo: %s",
			cairo_status_to_string(cs));
	}
	return ENT_OK;
}

static void canvas_abort(canvas *c)
{
	ent__buf_free(&c->svg);
	if (c->cr != NULL) {
		cairo_destroy(c->cr);
	}
	if (c->surface != NULL) {
		cairo_surface_destroy(c->surface);
	}
	c->cr = NULL;
	c->surface = NULL;
}

/* -- the calendar axis ----------------------------------------------------- */

/* The calendar periods from the first period with events to the last: x
 * = 0 .. n-1, and where each period of ::ent_periods sits on it. */
typedef struct axis {
	const ent_periods *p;
	size_t n;         /* calendar periods */
	ent_date *starts; /* their first days */
	size_t *x_of;     /* period index -> x */
	size_t step;      /* label every step-th period */
} axis;

static ent_status axis_build(
	axis *a, const ent_periods *p, int width, ent_error *err)
{
	size_t i, j, np = ent_periods_count(p);
	ent_period_unit unit = ent_periods_unit(p);
	ent_date d, last;

	memset(a, 0, sizeof(*a));
	a->p = p;
	if (np == 0) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"no period to draw (give --by week|month|quarter|year, "
			"and dated events)");
	}
	last = ent_periods_summary(p, np - 1)->start;
	for (d = ent_periods_summary(p, 0)->start; d != 0 && d <= last;
		d = ent_period_next(d, unit)) {
		if (++a->n > ENT_PLOT_MAX_PERIODS) {
			return ent__error_set(err, ENT_ELIMIT, NULL, 0, 0,
				"the periods span more than %d %ss; narrow the "
				"dates with --since and --until",
				ENT_PLOT_MAX_PERIODS,
				unit == ENT_PERIOD_WEEK              ? "week"
					: unit == ENT_PERIOD_MONTH   ? "month"
					: unit == ENT_PERIOD_QUARTER ? "quarter"
								     : "year");
		}
	}
	a->starts = malloc(a->n * sizeof(*a->starts));
	a->x_of = malloc(np * sizeof(*a->x_of));
	if (a->starts == NULL || a->x_of == NULL) {
		return ent__error_nomem(err);
	}
	d = ent_periods_summary(p, 0)->start;
	for (i = 0; i < a->n; i++) {
		a->starts[i] = d;
		d = ent_period_next(d, unit);
	}
	{
		/* labels of about 8 characters, 80 px apart on a plot
		 * width of 0.66 of the page */
		size_t fit = (size_t)(0.66 * width / 80.0);
		fit = fit > 0 ? fit : 1;
		a->step = a->n <= fit ? 1 : (a->n + fit - 1) / fit;
	}
	for (i = 0, j = 0; i < np; i++) {
		ent_date s = ent_periods_summary(p, i)->start;
		while (a->starts[j] < s) {
			j++;
		}
		a->x_of[i] = j;
	}
	return ENT_OK;
}

static void axis_free(axis *a)
{
	free(a->starts);
	free(a->x_of);
}

/* PLplot's label callback: the period label at integral ticks on the
 * step, nothing elsewhere. */
static void label_x(
	PLINT axis_id, PLFLT value, char *label, PLINT length, PLPointer data)
{
	const axis *a = data;
	double r = floor(value + 0.5);

	label[0] = '\0';
	if (axis_id != PL_X_AXIS) {
		snprintf(label, (size_t)length, "%g", value);
		return;
	}
	if (fabs(value - r) > 1e-6 || r < 0 || r >= (double)a->n ||
		(size_t)r % a->step != 0) {
		return;
	}
	{
		char buf[16];
		ent_period_label(
			a->starts[(size_t)r], ent_periods_unit(a->p), buf);
		snprintf(label, (size_t)length, "%s", buf);
	}
}

/* -- text ------------------------------------------------------------------ */

/* A name as PLplot text: its escape character '#' doubled. */
static void plot_text(char *out, size_t size, const char *s)
{
	size_t k = 0;

	for (; s && *s && k + 3 < size; s++) {
		if (*s == '#') {
			out[k++] = '#';
		}
		out[k++] = (char)((unsigned char)*s < 0x20 ? ' ' : *s);
	}
	out[k] = '\0';
}

static const char *name_of(const char *code)
{
	const ent_state *s = ent_state_of_actor(code);

	return s && strcmp(s->code, code) == 0 ? s->name : code;
}

static const char *unit_word(ent_period_unit u)
{
	return u == ENT_PERIOD_WEEK       ? "week"
		: u == ENT_PERIOD_MONTH   ? "month"
		: u == ENT_PERIOD_QUARTER ? "quarter"
					  : "year";
}

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

static ent_status start_plot(canvas *cv, PLINT *stream, ent_error *err)
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
static void frame(const axis *a, double ymin, double ymax, const char *title,
	const char *subtitle, const char *ylabel)
{
	plvpor(0.09, 0.75, 0.13, 0.86);
	plwind(-0.5, (double)a->n - 0.5, ymin, ymax);
	plcol0(COL_INK);
	plschr(0, 0.9);
	plslabelfunc(label_x, (PLPointer)a);
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
	const axis *a, const char *has, double ymin, double ymax)
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

static ent_status draw_balance(canvas *cv, const axis *a, const series *s,
	const char *title, const char *subtitle, ent_error *err)
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
static ent_status begin(canvas *cv, axis *a, FILE *fp, const ent_trends *t,
	const ent_plot_options *o, ent_error *err)
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
	if ((st = axis_build(a, ent_trends_periods(t),
		     o->width > 0 ? o->width : 800, err)) != ENT_OK) {
		return st;
	}
	return canvas_open(cv, fp, o, err);
}

static ent_status finish(canvas *cv, axis *a, ent_status st, ent_error *err)
{
	if (st == ENT_OK) {
		st = canvas_close(cv, err);
	}
	canvas_abort(cv);
	axis_free(a);
	return st;
}

static ent_status plot_series(FILE *fp, const ent_trends *t, series *s,
	const char *name, const ent_plot_options *opts, ent_error *err)
{
	ent_plot_options defaults = ENT_PLOT_OPTIONS_INIT;
	const ent_plot_options *o = opts ? opts : &defaults;
	const ent_periods *p = ent_trends_periods(t);
	char title[256], subtitle[256], clean[200];
	canvas cv;
	axis a;
	ent_status st;

	st = begin(&cv, &a, fp, t, o, err);
	if (st == ENT_OK) {
		plot_text(clean, sizeof(clean), o->title ? o->title : name);
		snprintf(title, sizeof(title), "%s by %s", clean,
			unit_word(ent_periods_unit(p)));
		if (o->title) {
			snprintf(title, sizeof(title), "%s", clean);
		}
		snprintf(subtitle, sizeof(subtitle),
			"%lld events in %zu of %zu %ss; grey: no news",
			(long long)s->events, s->n, a.n,
			unit_word(ent_periods_unit(p)));
		st = draw_balance(&cv, &a, s, title, subtitle, err);
	}
	return finish(&cv, &a, st, err);
}

ent_status ent_plot_relation(FILE *fp, const ent_trends *t, size_t relation,
	const ent_plot_options *opts, ent_error *err)
{
	const ent_trend_relation *r = ent_trends_relation(t, relation);
	size_t i, *period = NULL;
	series s;
	char name[128];
	ent_status st;

	if (r == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_plot_relation: no relation %zu", relation);
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
	snprintf(name, sizeof(name), "%s \xe2\x80\x93 %s", name_of(r->a),
		name_of(r->b));
	st = plot_series(fp, t, &s, name, opts, err);
done:
	free(period);
	free(s.coop);
	free(s.conflict);
	free(s.net);
	return st;
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
	snprintf(name, sizeof(name), "%s with everyone", name_of(ac->code));
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
	canvas cv;
	axis a;
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
	plot_text(title, sizeof(title),
		o->title ? o->title : "PageRank of the leading actors");
	if (o->title == NULL) {
		size_t len = strlen(title);
		snprintf(title + len, sizeof(title) - len, " by %s",
			unit_word(ent_periods_unit(ent_trends_periods(t))));
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
		plot_text(names[i], sizeof(names[i]), name_of(ac->code));
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
