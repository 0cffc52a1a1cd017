/* SPDX-License-Identifier: MIT */
/*
 * What every chart stands on (plot_internal.h): the cairo surface PLplot
 * draws on, written to the caller's stream; the calendar axis of the
 * periods; names as PLplot text.
 */
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <math.h>
#include <plplot.h>
#include <stdlib.h>
#include <string.h>

#include "plot/plot_internal.h"

/* -- output surface -------------------------------------------------------- */

static cairo_status_t write_stream(
	void *closure, const unsigned char *data, unsigned int length)
{
	ent__plot_canvas *c = closure;

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

ent_status ent__plot_canvas_open(ent__plot_canvas *c, FILE *fp,
	const ent_plot_options *o, ent_error *err)
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
static void write_svg(ent__plot_canvas *c)
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

ent_status ent__plot_canvas_close(ent__plot_canvas *c, ent_error *err)
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

void ent__plot_canvas_abort(ent__plot_canvas *c)
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

ent_status ent__plot_axis_build(
	ent__plot_axis *a, const ent_periods *p, int width, ent_error *err)
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

void ent__plot_axis_free(ent__plot_axis *a)
{
	free(a->starts);
	free(a->x_of);
}

/* PLplot's label callback: the period label at integral ticks on the
 * step, nothing elsewhere. */
void ent__plot_label_x(
	PLINT axis_id, PLFLT value, char *label, PLINT length, PLPointer data)
{
	const ent__plot_axis *a = data;
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
void ent__plot_plot_text(char *out, size_t size, const char *s)
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

const char *ent__plot_name_of(const char *code)
{
	const ent_state *s = ent_state_of_actor(code);

	return s && strcmp(s->code, code) == 0 ? s->name : code;
}

const char *ent__plot_unit_word(ent_period_unit u)
{
	return u == ENT_PERIOD_WEEK       ? "week"
		: u == ENT_PERIOD_MONTH   ? "month"
		: u == ENT_PERIOD_QUARTER ? "quarter"
					  : "year";
}
