/* SPDX-License-Identifier: MIT */
/*
 * The render module's private view: a "scene" is the diagram decided in
 * plain C (which actors and ties are drawn, with which encoding, escaped
 * labels); gv.c turns it into a Graphviz graph and nothing else in the
 * library talks to Graphviz.
 */
#ifndef ENT_RENDER_INTERNAL_H
#define ENT_RENDER_INTERNAL_H

#include <stdio.h>

#include <entente/render.h>

#include "internal.h"

typedef struct ent__scene_node {
	size_t actor;     /* vertex index in the graph */
	char id[32];      /* Graphviz node name, safe in DOT */
	char *label;      /* HTML-like label text, escaped */
	char *tooltip;    /* tooltip text, HTML-escaped */
	double width;     /* inches */
	int bloc;         /* bloc number, -1 for none */
	const char *fill; /* fill colour */
	int pinned;       /* x, y hold its place (points) */
	double x, y;
	int ghost;        /* an actor of the layout without a tie here */
	int invisible;    /* a corner that fixes the drawing's extent */
} ent__scene_node;

typedef struct ent__scene_edge {
	size_t tail, head; /* indices into the scene's nodes */
	int sign;          /* +1 alliance, -1 tension, 0 balanced */
	double intensity;  /* |net| */
	double penwidth;
	char *tooltip; /* tooltip text, HTML-escaped */
} ent__scene_edge;

typedef struct ent__scene {
	int directed;
	ent_layout layout;
	unsigned long seed;
	int clusters; /* draw blocs as clusters */
	int n_blocs;  /* blocs are numbered 0 .. n_blocs - 1 */
	ent__scene_node *nodes;
	size_t n_nodes;
	ent__scene_edge *edges;
	size_t n_edges;
	char *label; /* the graph's HTML-like label: title + legend */
	size_t cut_kept, cut_of; /* crowded: relations drawn, of (0: not cut) */
	int pinned;  /* every node is pinned: no layout, straight ties */
} ent__scene;

/* Decide the diagram. */
ent_status ent__scene_build(ent__scene *out, const ent_graph *g,
	const ent_metrics *m, const ent_dataset *ds,
	const ent_render_options *opts, ent_error *err);
void ent__scene_free(ent__scene *s);

/* Append `s` to `b` as text of an HTML-like label: markup characters and
 * the backslash become character references, control characters spaces,
 * invalid UTF-8 U+FFFD. Returns 0, or -1 when out of memory. */
int ent__html_escape(ent__buf *b, const char *s);

/* Append `s` to `b` as plain text: valid UTF-8 (invalid bytes become
 * U+FFFD), control characters spaces. Returns 0, or -1 when out of memory. */
int ent__text_clean(ent__buf *b, const char *s);

/* Colours of the encoding. */
#define ENT__COLOR_ALLIANCE "#2166ac"
#define ENT__COLOR_TENSION "#d95f02"
#define ENT__COLOR_BALANCED "#7f7f7f"

/* Refuse (ENT_ERENDER, with what is needed and what is left) a layout,
 * and with `draws` the drawing after it, that cannot fit in the memory
 * and address space left: Graphviz and the libraries under it die when
 * memory runs out (gv_memory.c). */
ent_status ent__gv_memory_check(const ent__scene *s, int draws,
	ent_error *err);
/* The same for the image a PNG is drawn on, once the layout gives the
 * picture's size in points. */
ent_status ent__gv_memory_check_image(double width_pt, double height_pt,
	ent_error *err);

/* Take cairo's /CreationDate out of a PDF (or set it from
 * SOURCE_DATE_EPOCH), so that every run writes the same bytes; the
 * cross-reference table follows. buf is malloc'd and may be replaced
 * (pdf_date.c). */
ent_status ent__pdf_fix_date(char **buf, size_t *len, ent_error *err);

/* gv.c: draw a scene in a Graphviz format ("dot" writes the graph before
 * layout). The bytes are malloc'd. */
ent_status ent__gv_render(char **out, size_t *len_out, ent_renderer *r,
	const ent__scene *s, ent_render_format format, ent_error *err);

/* gv.c: lay the scene out with its engine and give each node's place
 * (points), in scene order, into x[] and y[]. */
ent_status ent__gv_positions(ent_renderer *r, const ent__scene *s, double *x,
	double *y, ent_error *err);

/* pinned.c: put the scene on a layout (see ent_render_options). */
ent_status ent__scene_pin(ent__scene *s, const ent_graph *g,
	const struct ent_positions *p, ent_error *err);

/* -- exports (export.c, export_xml.c) ------------------------------------ */

/* What an export reads. */
typedef struct ent__export {
	const ent_graph *g;
	const ent_metrics *m;      /* may be NULL: no measures */
	const ent_dataset *ds;     /* may be NULL: no periods */
	const int *blocs;          /* the caller's blocs, or NULL */
} ent__export;

typedef enum ent__attr_type {
	ENT__ATTR_INT,     /* a whole number */
	ENT__ATTR_DOUBLE,  /* a number */
	ENT__ATTR_STRING
} ent__attr_type;

/* One exported attribute. `needs`: 0 always there, 1 with measures, 2
 * with measures or the caller's blocs. */
typedef struct ent__attr {
	const char *name;
	ent__attr_type type;
	int needs;
} ent__attr;

typedef struct ent__value {
	ent__attr_type type;
	int64_t i;
	double d;
	const char *s;     /* borrowed */
} ent__value;

/* The attributes of nodes, directed dyads and relations, ended by a NULL
 * name. */
const ent__attr *ent__export_node_attrs(void);
const ent__attr *ent__export_dyad_attrs(void);
const ent__attr *ent__export_relation_attrs(void);
int ent__export_node_has(const ent__export *x, const ent__attr *a);
void ent__export_node_value(const ent__export *x, const ent__attr *a,
	size_t v, ent__value *out);
void ent__export_dyad_value(const ent__attr *a, const ent_dyad *d,
	char date[11], ent__value *out);
void ent__export_relation_value(const ent__attr *a, const ent_relation *r,
	ent__value *out);
/* A number as the exports write it: integers as integers, others in 15
 * significant digits. */
void ent__export_number(const ent__value *v, char buf[32]);

/* GraphML, GML, GEXF or the relation list (CSV), by opts->format. */
ent_status ent__export_write(FILE *fp, const ent_graph *g, const ent_metrics *m,
	const ent_dataset *ds, const ent_render_options *opts, ent_error *err);
/* export_xml.c: the XML formats, with libxml2's xmlwriter. */
ent_status ent__export_graphml(FILE *fp, const ent__export *x, ent_error *err);
ent_status ent__export_gexf(FILE *fp, const ent__export *x, ent_error *err);

#endif
