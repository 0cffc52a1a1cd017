/* SPDX-License-Identifier: MIT */
/*
 * The report model shared by the report writers (one file per format:
 * write_json.c, write_csv.c, write_text.c for text and Markdown), and
 * their formatting helpers.
 */
#ifndef ENT_REPORT_INTERNAL_H
#define ENT_REPORT_INTERNAL_H

#include <stdio.h>

#include <entente/report.h>

/* What every writer reports on: the dataset, its graph and measures, the
 * periods when given, and the options in force (top already defaulted). */
typedef struct ent__report_model {
	const ent_dataset *ds;
	const ent_graph *g;
	const ent_metrics *m;
	const ent_periods *p;
	const ent_trends *t; /* with p: its trends */
	const ent_report_options *opts;
	size_t top;
} ent__report_model;

/* A writer of one format. */
typedef ent_status (*ent__report_writer)(
	FILE *fp, const ent__report_model *c, ent_error *err);

ent_status ent__report_write_json(
	FILE *fp, const ent__report_model *c, ent_error *err);
ent_status ent__report_write_csv(
	FILE *fp, const ent__report_model *c, ent_error *err);
ent_status ent__report_write_text(
	FILE *fp, const ent__report_model *c, ent_error *err);
ent_status ent__report_write_markdown(
	FILE *fp, const ent__report_model *c, ent_error *err);

ent_status ent__report_write_html(FILE *fp, const ent__report_model *c,
	const ent_report_html_parts *parts, ent_error *err);

/* -- model --------------------------------------------------------------- */

/* The vertex of an event end, reduced as the dataset reduced it, or
 * (size_t)-1. */
size_t ent__report_vertex_of(
	const ent_graph *g, ent_level level, const char *code);

const char *ent__report_level_name(ent_level level);
const char *ent__report_weight_name(ent_weight w);
const char *ent__report_unit_name(ent_period_unit u);
/* Code and name of actor i of the graph. */
const char *ent__report_code_of(const ent__report_model *c, size_t i);
const char *ent__report_name_of(const ent__report_model *c, size_t i);
/* An actor's code, or "" for (size_t)-1 (CSV). */
const char *ent__report_code_or_empty(const ent__report_model *c, size_t i);

/* A row to rank: larger key first, then smaller index. Keys are copied in,
 * so sorting needs no global state. */
typedef struct ent__report_ranked {
	double key;
	size_t idx;
} ent__report_ranked;
int ent__report_cmp_ranked(const void *a, const void *b);

/* The per-actor measures, in the order JSON and CSV write them: one table
 * so the two formats can never disagree. Sums of Goldstein points have
 * three decimals (they are exact thousandths), other measures nine. */
typedef enum ent__report_column_kind {
	ENT__COL_I64,
	ENT__COL_SUM,
	ENT__COL_MEASURE,
	ENT__COL_INDEX
} ent__report_column_kind;

typedef struct ent__report_actor_column {
	const char *name;
	size_t offset;
	ent__report_column_kind kind;
} ent__report_actor_column;

extern const ent__report_actor_column ent__report_actor_columns[];
extern const size_t ent__report_n_actor_columns;
/* Write one actor's value of a column. */
void ent__report_actor_value(FILE *fp, const ent_actor_metrics *am,
	const ent__report_actor_column *col);

/* -- formatting ---------------------------------------------------------- */

/* `v` with `decimals` decimals, trailing zeros trimmed ("-0" -> "0"). */
const char *ent__report_num(char buf[32], double v, int decimals);
/* A JSON string literal with escapes. */
void ent__report_json_string(FILE *fp, const char *s);
/* A Markdown table cell with markup characters escaped. */
void ent__report_md_cell(FILE *fp, const char *s);

/** A document's name in Markdown: an http(s) address as an autolink
 *  (<...>, written literally, with only space, control characters, < > \ `
 *  and | percent-encoded), anything else as ent__report_md_cell writes it. */
void ent__report_md_source(FILE *fp, const char *doc);

#endif
