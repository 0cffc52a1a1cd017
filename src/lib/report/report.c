/* SPDX-License-Identifier: MIT */
/*
 * The analysis report: the public entry points, dispatching to one writer
 * per format over one report model (report_internal.h).
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "report/report_internal.h"

ent_status ent_report_format_parse(ent_report_format *out, const char *name)
{
	if (out == NULL || name == NULL) {
		return ENT_EINVAL;
	}
	if (strcmp(name, "text") == 0) {
		*out = ENT_REPORT_TEXT;
	} else if (strcmp(name, "json") == 0) {
		*out = ENT_REPORT_JSON;
	} else if (strcmp(name, "csv") == 0) {
		*out = ENT_REPORT_CSV;
	} else if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0) {
		*out = ENT_REPORT_MARKDOWN;
	} else {
		return ENT_EINVAL;
	}
	return ENT_OK;
}

/* The writer of each format, in ent_report_format order. */
static const ent__report_writer writers[] = {
	ent__report_write_text,
	ent__report_write_json,
	ent__report_write_csv,
	ent__report_write_markdown,
};

/* The model of a report; `own` receives trends computed here. */
static ent_status model_init(ent__report_model *c, ent_trends **own,
	const ent_dataset *ds, const ent_graph *g, const ent_metrics *m,
	const ent_report_options *opts, ent_error *err)
{
	static const ent_report_options defaults = ENT_REPORT_OPTIONS_INIT;

	*own = NULL;
	c->ds = ds;
	c->g = g;
	c->m = m;
	c->opts = opts ? opts : &defaults;
	c->p = c->opts->periods;
	c->top = c->opts->top ? c->opts->top : 10;
	c->t = c->opts->trends;
	if (c->p != NULL && c->t == NULL) {
		ent_status st = ent_trends_compute(own, c->p, NULL, err);
		if (st != ENT_OK) {
			return st;
		}
		c->t = *own;
	}
	return ENT_OK;
}

/* The writer's status as the caller sees it. */
static ent_status finish(FILE *fp, ent_status st, ent_error *err)
{
	if (st == ENT_EINVAL) {
		return st; /* the writer's own message */
	}
	if (st != ENT_OK) {
		return ent__error_set(
			err, st, NULL, 0, 0, "%s", ent_strerror(st));
	}
	if (ferror(fp)) {
		return ent__error_set(
			err, ENT_EIO, NULL, 0, 0, "cannot write the report");
	}
	return ENT_OK;
}

ent_status ent_report_write(FILE *fp, const ent_dataset *ds, const ent_graph *g,
	const ent_metrics *m, const ent_report_options *opts, ent_error *err)
{
	ent__report_model c;
	ent_trends *own = NULL;
	size_t fmt;
	ent_status st;

	if (fp == NULL || ds == NULL || g == NULL || m == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_report_write: NULL argument");
	}
	if ((st = model_init(&c, &own, ds, g, m, opts, err)) != ENT_OK) {
		return st;
	}
	/* as before the split, a format out of range is written as text */
	fmt = (size_t)c.opts->format < sizeof(writers) / sizeof(writers[0])
		? (size_t)c.opts->format
		: (size_t)ENT_REPORT_TEXT;
	st = writers[fmt](fp, &c, err);
	ent_trends_destroy(own);
	return finish(fp, st, err);
}

ent_status ent_report_write_html(FILE *fp, const ent_dataset *ds,
	const ent_graph *g, const ent_metrics *m,
	const ent_report_options *opts, const ent_report_html_parts *parts,
	ent_error *err)
{
	ent__report_model c;
	ent_trends *own = NULL;
	ent_status st;

	if (fp == NULL || ds == NULL || g == NULL || m == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_report_write_html: NULL argument");
	}
	if ((st = model_init(&c, &own, ds, g, m, opts, err)) != ENT_OK) {
		return st;
	}
	st = ent__report_write_html(fp, &c, parts, err);
	ent_trends_destroy(own);
	return finish(fp, st, err);
}
