/* SPDX-License-Identifier: MIT */
/*
 * The XML exports, written with libxml2's xmlwriter (which escapes text
 * and attribute values): GraphML (the directed dyad graph, for Gephi,
 * Cytoscape, NetworkX, igraph) and GEXF 1.3 (the signed relations, with
 * the dataset's periods as time intervals, so that Gephi's timeline plays
 * them).
 *
 * GEXF: nodes are actors (id = code, label = name) with the static
 * measures of the whole graph; edges are undirected relations with their
 * totals as static attributes. With periods, the graph is dynamic
 * (timeformat "date", closed intervals [first day, last day] of each
 * period): a node or an edge has one spell per period in which it has
 * events, and the edge's per-period values are dynamic attributes --
 * "weight" (|net|, the reserved name Gephi reads as the dynamic edge
 * weight), "periodNet", "periodSign" and "periodEvents".
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "internal.h"
#include "render/render_internal.h"

#define X(s) ((const xmlChar *)(s))

/* An xmlwriter writing into a FILE through libxml2's output buffer. */
static int write_cb(void *context, const char *buffer, int len)
{
	return fwrite(buffer, 1, (size_t)len, context) == (size_t)len ? len : -1;
}

static xmlTextWriterPtr open_writer(FILE *fp)
{
	xmlOutputBufferPtr out = xmlOutputBufferCreateIO(write_cb, NULL, fp,
		NULL);
	xmlTextWriterPtr w;

	if (out == NULL) {
		return NULL;
	}
	if ((w = xmlNewTextWriter(out)) == NULL) {
		xmlOutputBufferClose(out);
		return NULL;
	}
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, X("  "));
	return w;
}

/* Text from the input as valid UTF-8 without control characters (XML
 * 1.0 forbids most of them): into `b`, NUL-terminated. */
static const char *clean(ent__buf *b, const char *s)
{
	b->len = 0;
	if (ent__text_clean(b, s ? s : "") < 0 || b->data == NULL) {
		return "";
	}
	return b->data;
}

static int attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	return xmlTextWriterWriteAttribute(w, X(name), X(value)) < 0 ? -1 : 0;
}

static const char *value_text(const ent__value *v, char num[32],
	ent__buf *b)
{
	if (v->type == ENT__ATTR_STRING) {
		return clean(b, v->s);
	}
	ent__export_number(v, num);
	return num;
}

/* -- GraphML ------------------------------------------------------------- */

static const char *graphml_type(ent__attr_type t)
{
	return t == ENT__ATTR_INT ? "long" : t == ENT__ATTR_DOUBLE ? "double"
		: "string";
}

static int graphml_keys(xmlTextWriterPtr w, const ent__export *x)
{
	const ent__attr *a;
	int rc = 0;

	for (a = ent__export_node_attrs(); a->name && rc == 0; a++) {
		if (ent__export_node_has(x, a)) {
			rc |= xmlTextWriterStartElement(w, X("key")) < 0;
			rc |= attr(w, "id", a->name) | attr(w, "for", "node") |
				attr(w, "attr.name", a->name) |
				attr(w, "attr.type", graphml_type(a->type));
			rc |= xmlTextWriterEndElement(w) < 0;
		}
	}
	for (a = ent__export_dyad_attrs(); a->name && rc == 0; a++) {
		char id[32];

		/* edge keys get their own ids: GraphML's ids share a space */
		snprintf(id, sizeof(id), "e_%s", a->name);
		rc |= xmlTextWriterStartElement(w, X("key")) < 0;
		rc |= attr(w, "id", id) | attr(w, "for", "edge") |
			attr(w, "attr.name", a->name) |
			attr(w, "attr.type", graphml_type(a->type));
		rc |= xmlTextWriterEndElement(w) < 0;
	}
	return rc;
}

static int data(xmlTextWriterPtr w, const char *key, const char *text)
{
	int rc = xmlTextWriterStartElement(w, X("data")) < 0;

	rc |= attr(w, "key", key);
	rc |= xmlTextWriterWriteString(w, X(text)) < 0;
	rc |= xmlTextWriterEndElement(w) < 0;
	return rc;
}

ent_status ent__export_graphml(FILE *fp, const ent__export *x, ent_error *err)
{
	xmlTextWriterPtr w = open_writer(fp);
	size_t n = ent_graph_actor_count(x->g), nd = ent_graph_dyad_count(x->g);
	size_t i;
	const ent__attr *a;
	ent__value v;
	ent__buf b = {0}, b2 = {0};
	char num[32], date[11], key[32];
	int rc = 0;

	if (w == NULL) {
		return ent__error_nomem(err);
	}
	rc |= xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0;
	rc |= xmlTextWriterStartElement(w, X("graphml")) < 0;
	rc |= attr(w, "xmlns", "http://graphml.graphdrawing.org/xmlns");
	rc |= graphml_keys(w, x);
	rc |= xmlTextWriterStartElement(w, X("graph")) < 0;
	rc |= attr(w, "id", "entente") | attr(w, "edgedefault", "directed");
	for (i = 0; i < n && rc == 0; i++) {
		rc |= xmlTextWriterStartElement(w, X("node")) < 0;
		rc |= attr(w, "id", clean(&b, ent_graph_actor(x->g, i)->code));
		for (a = ent__export_node_attrs(); a->name; a++) {
			if (ent__export_node_has(x, a)) {
				ent__export_node_value(x, a, i, &v);
				rc |= data(w, a->name, value_text(&v, num, &b));
			}
		}
		rc |= xmlTextWriterEndElement(w) < 0;
	}
	for (i = 0; i < nd && rc == 0; i++) {
		size_t s, t;

		ent_graph_dyad_ends(x->g, i, &s, &t);
		rc |= xmlTextWriterStartElement(w, X("edge")) < 0;
		rc |= attr(w, "source", clean(&b, ent_graph_actor(x->g, s)->code));
		rc |= attr(w, "target",
			clean(&b2, ent_graph_actor(x->g, t)->code));
		for (a = ent__export_dyad_attrs(); a->name; a++) {
			ent__export_dyad_value(a, ent_graph_dyad(x->g, i), date,
				&v);
			snprintf(key, sizeof(key), "e_%s", a->name);
			rc |= data(w, key, value_text(&v, num, &b));
		}
		rc |= xmlTextWriterEndElement(w) < 0;
	}
	rc |= xmlTextWriterEndDocument(w) < 0;
	xmlFreeTextWriter(w);
	ent__buf_free(&b);
	ent__buf_free(&b2);
	return rc ? ent__error_set(err, ENT_EIO, NULL, 0, 0,
		"export: writing GraphML failed") : ENT_OK;
}

/* -- GEXF ---------------------------------------------------------------- */

/* The relations of one period, and the period's closed interval. */
typedef struct gexf_period {
	char start[11], end[11];
	ent_graph *g;
} gexf_period;

/* The last day of the period that starts on `start`. */
static ent_date period_end(ent_date start, ent_period_unit unit)
{
	int y = start / 10000, m = start / 100 % 100, d = start % 100;
	long days = ent__days_from_civil(y, m, d);

	switch (unit) {
	case ENT_PERIOD_WEEK:
		days += 6;
		break;
	case ENT_PERIOD_MONTH:
		days = ent__days_from_civil(m == 12 ? y + 1 : y, m % 12 + 1, 1) - 1;
		break;
	case ENT_PERIOD_QUARTER:
		days = ent__days_from_civil(m >= 10 ? y + 1 : y, (m + 2) % 12 + 1,
			1) - 1;
		break;
	default:
		days = ent__days_from_civil(y + 1, 1, 1) - 1;
		break;
	}
	ent__civil_from_days(days, &y, &m, &d);
	return ent__date_make(y, m, d);
}

/* The relation of codes (a, b) in graph g, or NULL. */
static const ent_relation *relation_of(const ent_graph *g, const char *a,
	const char *b)
{
	size_t ia = ent_graph_actor_index(g, a), ib = ent_graph_actor_index(g, b);
	size_t i;

	if (ia == (size_t)-1 || ib == (size_t)-1) {
		return NULL;
	}
	for (i = 0; i < ent_graph_relation_count(g); i++) {
		const ent_relation *r = ent_graph_relation(g, i);
		if ((r->a == ia && r->b == ib) || (r->a == ib && r->b == ia)) {
			return r;
		}
	}
	return NULL;
}

/* 1 when the actor has a relation in period graph g. */
static int active(const ent_graph *g, const char *code)
{
	size_t i = ent_graph_actor_index(g, code), k;

	if (i == (size_t)-1) {
		return 0;
	}
	for (k = 0; k < ent_graph_relation_count(g); k++) {
		const ent_relation *r = ent_graph_relation(g, k);
		if (r->a == i || r->b == i) {
			return 1;
		}
	}
	return 0;
}

static const char *gexf_type(ent__attr_type t)
{
	return t == ENT__ATTR_INT ? "long" : t == ENT__ATTR_DOUBLE ? "double"
		: "string";
}

static int gexf_attribute(xmlTextWriterPtr w, const char *id,
	const char *title, ent__attr_type type)
{
	int rc = xmlTextWriterStartElement(w, X("attribute")) < 0;

	rc |= attr(w, "id", id) | attr(w, "title", title) |
		attr(w, "type", gexf_type(type));
	return rc | (xmlTextWriterEndElement(w) < 0);
}

static int attvalue(xmlTextWriterPtr w, const char *id, const char *value,
	const gexf_period *p)
{
	int rc = xmlTextWriterStartElement(w, X("attvalue")) < 0;

	rc |= attr(w, "for", id) | attr(w, "value", value);
	if (p != NULL) {
		rc |= attr(w, "start", p->start) | attr(w, "end", p->end);
	}
	return rc | (xmlTextWriterEndElement(w) < 0);
}

static int spell(xmlTextWriterPtr w, const gexf_period *p)
{
	int rc = xmlTextWriterStartElement(w, X("spell")) < 0;

	rc |= attr(w, "start", p->start) | attr(w, "end", p->end);
	return rc | (xmlTextWriterEndElement(w) < 0);
}

static int gexf_declarations(xmlTextWriterPtr w, const ent__export *x,
	int dynamic)
{
	static const struct {
		const char *id;
		ent__attr_type type;
	} dyn[] = {{"weight", ENT__ATTR_DOUBLE}, {"periodNet", ENT__ATTR_DOUBLE},
		{"periodSign", ENT__ATTR_INT}, {"periodEvents", ENT__ATTR_INT}};
	const ent__attr *a;
	size_t k;
	int rc = xmlTextWriterStartElement(w, X("attributes")) < 0;

	rc |= attr(w, "class", "node") | attr(w, "mode", "static");
	for (a = ent__export_node_attrs(); a->name; a++) {
		if (strcmp(a->name, "label") != 0 && ent__export_node_has(x, a)) {
			rc |= gexf_attribute(w, a->name, a->name, a->type);
		}
	}
	rc |= xmlTextWriterEndElement(w) < 0;
	rc |= xmlTextWriterStartElement(w, X("attributes")) < 0;
	rc |= attr(w, "class", "edge") | attr(w, "mode", "static");
	for (a = ent__export_relation_attrs(); a->name; a++) {
		if (strcmp(a->name, "weight") != 0) {
			rc |= gexf_attribute(w, a->name, a->name, a->type);
		}
	}
	rc |= xmlTextWriterEndElement(w) < 0;
	if (dynamic) {
		rc |= xmlTextWriterStartElement(w, X("attributes")) < 0;
		rc |= attr(w, "class", "edge") | attr(w, "mode", "dynamic");
		for (k = 0; k < sizeof(dyn) / sizeof(dyn[0]); k++) {
			rc |= gexf_attribute(w, dyn[k].id, dyn[k].id,
				dyn[k].type);
		}
		rc |= xmlTextWriterEndElement(w) < 0;
	}
	return rc;
}

static int gexf_nodes(xmlTextWriterPtr w, const ent__export *x,
	const gexf_period *p, size_t np, ent__buf *b)
{
	size_t i, k, n = ent_graph_actor_count(x->g);
	const ent__attr *a;
	ent__value v;
	char num[32];
	int rc = xmlTextWriterStartElement(w, X("nodes")) < 0;

	for (i = 0; i < n && rc == 0; i++) {
		const ent_actor *actor = ent_graph_actor(x->g, i);

		rc |= xmlTextWriterStartElement(w, X("node")) < 0;
		rc |= attr(w, "id", clean(b, actor->code));
		rc |= attr(w, "label",
			clean(b, actor->name ? actor->name : actor->code));
		rc |= xmlTextWriterStartElement(w, X("attvalues")) < 0;
		for (a = ent__export_node_attrs(); a->name; a++) {
			if (strcmp(a->name, "label") != 0 &&
				ent__export_node_has(x, a)) {
				ent__export_node_value(x, a, i, &v);
				rc |= attvalue(w, a->name,
					value_text(&v, num, b), NULL);
			}
		}
		rc |= xmlTextWriterEndElement(w) < 0;
		if (np > 0) {
			rc |= xmlTextWriterStartElement(w, X("spells")) < 0;
			for (k = 0; k < np; k++) {
				if (active(p[k].g, actor->code)) {
					rc |= spell(w, &p[k]);
				}
			}
			rc |= xmlTextWriterEndElement(w) < 0;
		}
		rc |= xmlTextWriterEndElement(w) < 0;
	}
	return rc | (xmlTextWriterEndElement(w) < 0);
}

static int gexf_edges(xmlTextWriterPtr w, const ent__export *x,
	const gexf_period *p, size_t np, ent__buf *b)
{
	size_t i, k, nr = ent_graph_relation_count(x->g);
	const ent__attr *a;
	ent__value v;
	char num[32], id[32];
	int rc = xmlTextWriterStartElement(w, X("edges")) < 0;

	for (i = 0; i < nr && rc == 0; i++) {
		const ent_relation *r = ent_graph_relation(x->g, i);
		const char *ca = ent_graph_actor(x->g, r->a)->code;
		const char *cb = ent_graph_actor(x->g, r->b)->code;

		rc |= xmlTextWriterStartElement(w, X("edge")) < 0;
		snprintf(id, sizeof(id), "%zu", i);
		rc |= attr(w, "id", id);
		rc |= attr(w, "source", clean(b, ca));
		rc |= attr(w, "target", clean(b, cb));
		snprintf(num, sizeof(num), "%.15g", fabs(r->net));
		rc |= attr(w, "weight", num);
		rc |= xmlTextWriterStartElement(w, X("attvalues")) < 0;
		for (a = ent__export_relation_attrs(); a->name; a++) {
			if (strcmp(a->name, "weight") != 0) {
				ent__export_relation_value(a, r, &v);
				rc |= attvalue(w, a->name,
					value_text(&v, num, b), NULL);
			}
		}
		for (k = 0; k < np; k++) {
			const ent_relation *pr = relation_of(p[k].g, ca, cb);

			if (pr == NULL) {
				continue;
			}
			snprintf(num, sizeof(num), "%.15g", fabs(pr->net));
			rc |= attvalue(w, "weight", num, &p[k]);
			snprintf(num, sizeof(num), "%.15g",
				pr->net == 0 ? 0.0 : pr->net);
			rc |= attvalue(w, "periodNet", num, &p[k]);
			snprintf(num, sizeof(num), "%d", pr->sign);
			rc |= attvalue(w, "periodSign", num, &p[k]);
			snprintf(num, sizeof(num), "%lld", (long long)pr->events);
			rc |= attvalue(w, "periodEvents", num, &p[k]);
		}
		rc |= xmlTextWriterEndElement(w) < 0;
		if (np > 0) {
			rc |= xmlTextWriterStartElement(w, X("spells")) < 0;
			for (k = 0; k < np; k++) {
				if (relation_of(p[k].g, ca, cb) != NULL) {
					rc |= spell(w, &p[k]);
				}
			}
			rc |= xmlTextWriterEndElement(w) < 0;
		}
		rc |= xmlTextWriterEndElement(w) < 0;
	}
	return rc | (xmlTextWriterEndElement(w) < 0);
}

ent_status ent__export_gexf(FILE *fp, const ent__export *x, ent_error *err)
{
	xmlTextWriterPtr w = NULL;
	gexf_period *p = NULL;
	size_t np = 0, k;
	ent__buf b = {0};
	ent_period_unit unit = ENT_PERIOD_NONE;
	ent_status st = ENT_OK;
	int rc = 0;

	if (x->ds != NULL) {
		unit = ent_dataset_options_get(x->ds)->by;
		np = ent_dataset_period_count(x->ds);
	}
	if (np > 0 && (p = calloc(np, sizeof(*p))) == NULL) {
		return ent__error_nomem(err);
	}
	for (k = 0; k < np; k++) {
		ent_date start;
		const ent_dyads *dy;

		ent_dataset_period(x->ds, k, &start, &dy);
		ent_date_format(start, p[k].start);
		ent_date_format(period_end(start, unit), p[k].end);
		if ((st = ent_graph_build(&p[k].g, dy, NULL, err)) != ENT_OK) {
			goto done;
		}
	}
	if ((w = open_writer(fp)) == NULL) {
		st = ent__error_nomem(err);
		goto done;
	}
	rc |= xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0;
	rc |= xmlTextWriterStartElement(w, X("gexf")) < 0;
	rc |= attr(w, "xmlns", "http://gexf.net/1.3") | attr(w, "version", "1.3");
	rc |= xmlTextWriterStartElement(w, X("meta")) < 0;
	rc |= xmlTextWriterWriteFormatElement(w, X("creator"), "entente %s",
		ent_version()) < 0;
	rc |= xmlTextWriterWriteElement(w, X("description"),
		X("Signed relations between actors: net = cooperation - "
			"conflict (Goldstein points), sign +1 alliance, -1 "
			"tension")) < 0;
	rc |= xmlTextWriterEndElement(w) < 0;
	rc |= xmlTextWriterStartElement(w, X("graph")) < 0;
	rc |= attr(w, "defaultedgetype", "undirected");
	if (np > 0) {
		rc |= attr(w, "mode", "dynamic") | attr(w, "timeformat", "date") |
			attr(w, "timerepresentation", "interval") |
			attr(w, "start", p[0].start) |
			attr(w, "end", p[np - 1].end);
	} else {
		rc |= attr(w, "mode", "static");
	}
	rc |= gexf_declarations(w, x, np > 0);
	rc |= gexf_nodes(w, x, p, np, &b);
	rc |= gexf_edges(w, x, p, np, &b);
	rc |= xmlTextWriterEndDocument(w) < 0;
	if (rc) {
		st = ent__error_set(err, ENT_EIO, NULL, 0, 0,
			"export: writing GEXF failed");
	}
done:
	if (w != NULL) {
		xmlFreeTextWriter(w);
	}
	for (k = 0; k < np; k++) {
		ent_graph_destroy(p[k].g);
	}
	free(p);
	ent__buf_free(&b);
	return st;
}
