/* SPDX-License-Identifier: MIT */
/*
 * The plot module's private view: the output surface and the calendar
 * axis (canvas.c) that the charts (plot.c) draw on.
 */
#ifndef ENT_PLOT_INTERNAL_H
#define ENT_PLOT_INTERNAL_H

#include <cairo.h>
#include <plplot.h>
#include <stdio.h>

#include <entente/plot.h>

#include "internal.h"

/* The cairo surface a chart is drawn on, and where its bytes go. */
typedef struct ent__plot_canvas {
	ent_plot_format format;
	FILE *fp;
	ent__buf svg; /* SVG is held back to renumber cairo's surface ids */
	int width, height; /* pixels */
	cairo_surface_t *surface;
	cairo_t *cr;
	int io_failed;
} ent__plot_canvas;

ent_status ent__plot_canvas_open(ent__plot_canvas *c, FILE *fp,
	const ent_plot_options *o, ent_error *err);
/* Finish the surface and write it out (SVG with cairo's surface ids
 * numbered from 1). */
ent_status ent__plot_canvas_close(ent__plot_canvas *c, ent_error *err);
void ent__plot_canvas_abort(ent__plot_canvas *c);

/* The calendar periods from the first period with events to the last: x
 * = 0 .. n-1, and where each period of ::ent_periods sits on it. */
typedef struct ent__plot_axis {
	const ent_periods *p;
	size_t n;         /* calendar periods */
	ent_date *starts; /* their first days */
	size_t *x_of;     /* period index -> x */
	size_t step;      /* label every step-th period */
} ent__plot_axis;

ent_status ent__plot_axis_build(
	ent__plot_axis *a, const ent_periods *p, int width, ent_error *err);
void ent__plot_axis_free(ent__plot_axis *a);
/* PLplot's label callback for the x axis (data: the axis). */
void ent__plot_label_x(
	PLINT axis_id, PLFLT value, char *label, PLINT length, PLPointer data);

/* A name as PLplot text: its escape character '#' doubled. */
void ent__plot_plot_text(char *out, size_t size, const char *s);
/* The state's name for a state code, else the code. */
const char *ent__plot_name_of(const char *code);
const char *ent__plot_unit_word(ent_period_unit u);

#endif
