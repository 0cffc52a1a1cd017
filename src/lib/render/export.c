/* SPDX-License-Identifier: MIT */
/*
 * Exports of the graph for the tools analysts finish their work in: the
 * one model of what is exported (ids, typed attributes), and the text
 * writers: GML and the signed relation list (CSV). GraphML and GEXF, XML,
 * are written with libxml2 in export_xml.c.
 *
 * GraphML and GML hold the whole directed dyad graph (the diagram's --top
 * and --min-weight do not apply); the relation list and GEXF the
 * undirected relations. Nodes are identified by their actor code (GML's
 * ids are integers by the format's definition, so the code is the GML
 * label, which NetworkX uses as the node's key). Attribute names are in
 * camel case because GML keys cannot hold '_'.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/render_internal.h"

/* -- the model ----------------------------------------------------------- */

static const ent__attr node_attrs[] = {
	{"label", ENT__ATTR_STRING, 0},
	{"pagerank", ENT__ATTR_DOUBLE, 1},
	{"betweenness", ENT__ATTR_DOUBLE, 1},
	{"harmonic", ENT__ATTR_DOUBLE, 1},
	{"eigenvector", ENT__ATTR_DOUBLE, 1},
	{"hub", ENT__ATTR_DOUBLE, 1},
	{"authority", ENT__ATTR_DOUBLE, 1},
	{"degree", ENT__ATTR_INT, 1},
	{"eventsIn", ENT__ATTR_INT, 1},
	{"eventsOut", ENT__ATTR_INT, 1},
	{"pn", ENT__ATTR_DOUBLE, 1},
	{"tensionShare", ENT__ATTR_DOUBLE, 1},
	{"component", ENT__ATTR_INT, 1},
	{"bloc", ENT__ATTR_INT, 2},
	{NULL, ENT__ATTR_INT, 0},
};

static const ent__attr dyad_attrs[] = {
	{"events", ENT__ATTR_INT, 0},
	{"coopEvents", ENT__ATTR_INT, 0},
	{"conflictEvents", ENT__ATTR_INT, 0},
	{"goldsteinSum", ENT__ATTR_DOUBLE, 0},
	{"goldsteinMean", ENT__ATTR_DOUBLE, 0},
	{"cooperation", ENT__ATTR_DOUBLE, 0},
	{"conflict", ENT__ATTR_DOUBLE, 0},
	{"net", ENT__ATTR_DOUBLE, 0},
	{"weight", ENT__ATTR_DOUBLE, 0},
	{"sign", ENT__ATTR_INT, 0},
	{"first", ENT__ATTR_STRING, 0},
	{"last", ENT__ATTR_STRING, 0},
	{NULL, ENT__ATTR_INT, 0},
};

static const ent__attr relation_attrs[] = {
	{"sign", ENT__ATTR_INT, 0},
	{"weight", ENT__ATTR_DOUBLE, 0},
	{"events", ENT__ATTR_INT, 0},
	{"cooperation", ENT__ATTR_DOUBLE, 0},
	{"conflict", ENT__ATTR_DOUBLE, 0},
	{"net", ENT__ATTR_DOUBLE, 0},
	{NULL, ENT__ATTR_INT, 0},
};

const ent__attr *ent__export_node_attrs(void)
{
	return node_attrs;
}

const ent__attr *ent__export_dyad_attrs(void)
{
	return dyad_attrs;
}

const ent__attr *ent__export_relation_attrs(void)
{
	return relation_attrs;
}

int ent__export_node_has(const ent__export *x, const ent__attr *a)
{
	return a->needs == 0 || (a->needs == 1 && x->m != NULL) ||
		(a->needs == 2 && (x->m != NULL || x->blocs != NULL));
}

static int sign_of(double net)
{
	return net > 0 ? 1 : net < 0 ? -1 : 0;
}

void ent__export_node_value(const ent__export *x, const ent__attr *a,
	size_t v, ent__value *out)
{
	const ent_actor *actor = ent_graph_actor(x->g, v);
	const ent_actor_metrics *am = x->m ? ent_metrics_actor(x->m, v) : NULL;
	const char *n = a->name;

	memset(out, 0, sizeof(*out));
	out->type = a->type;
	if (strcmp(n, "label") == 0) {
		out->s = actor->name ? actor->name : actor->code;
	} else if (strcmp(n, "bloc") == 0) {
		out->i = x->blocs ? (x->blocs[v] >= 0 ? x->blocs[v] + 1 : 0)
			: am ? (int64_t)am->bloc : 0;
	} else if (am == NULL) {
		return;
	} else if (strcmp(n, "pagerank") == 0) {
		out->d = am->pagerank;
	} else if (strcmp(n, "betweenness") == 0) {
		out->d = am->betweenness;
	} else if (strcmp(n, "harmonic") == 0) {
		out->d = am->harmonic;
	} else if (strcmp(n, "eigenvector") == 0) {
		out->d = am->eigenvector;
	} else if (strcmp(n, "hub") == 0) {
		out->d = am->hub;
	} else if (strcmp(n, "authority") == 0) {
		out->d = am->authority;
	} else if (strcmp(n, "degree") == 0) {
		out->i = am->degree;
	} else if (strcmp(n, "eventsIn") == 0) {
		out->i = am->events_in;
	} else if (strcmp(n, "eventsOut") == 0) {
		out->i = am->events_out;
	} else if (strcmp(n, "pn") == 0) {
		out->d = am->pn;
	} else if (strcmp(n, "tensionShare") == 0) {
		out->d = am->tension_share;
	} else if (strcmp(n, "component") == 0) {
		out->i = (int64_t)am->component;
	}
}

void ent__export_dyad_value(const ent__attr *a, const ent_dyad *d,
	char date[11], ent__value *out)
{
	const char *n = a->name;
	double net = d->cooperation - d->conflict;

	memset(out, 0, sizeof(*out));
	out->type = a->type;
	if (strcmp(n, "events") == 0) {
		out->i = d->events;
	} else if (strcmp(n, "coopEvents") == 0) {
		out->i = d->coop_events;
	} else if (strcmp(n, "conflictEvents") == 0) {
		out->i = d->conflict_events;
	} else if (strcmp(n, "goldsteinSum") == 0) {
		out->d = d->goldstein_sum;
	} else if (strcmp(n, "goldsteinMean") == 0) {
		out->d = d->goldstein_mean;
	} else if (strcmp(n, "cooperation") == 0) {
		out->d = d->cooperation;
	} else if (strcmp(n, "conflict") == 0) {
		out->d = d->conflict;
	} else if (strcmp(n, "net") == 0) {
		out->d = net;
	} else if (strcmp(n, "weight") == 0) {
		out->d = fabs(net);
	} else if (strcmp(n, "sign") == 0) {
		out->i = sign_of(net);
	} else {
		ent_date_format(strcmp(n, "first") == 0 ? d->first : d->last,
			date);
		out->s = date;
	}
}

void ent__export_relation_value(const ent__attr *a, const ent_relation *r,
	ent__value *out)
{
	const char *n = a->name;

	memset(out, 0, sizeof(*out));
	out->type = a->type;
	if (strcmp(n, "sign") == 0) {
		out->i = r->sign;
	} else if (strcmp(n, "weight") == 0) {
		out->d = fabs(r->net);
	} else if (strcmp(n, "events") == 0) {
		out->i = r->events;
	} else if (strcmp(n, "cooperation") == 0) {
		out->d = r->cooperation;
	} else if (strcmp(n, "conflict") == 0) {
		out->d = r->conflict;
	} else {
		out->d = r->net;
	}
}

void ent__export_number(const ent__value *v, char buf[32])
{
	if (v->type == ENT__ATTR_INT) {
		snprintf(buf, 32, "%lld", (long long)v->i);
	} else {
		/* sums are exact thousandths, measures doubles: 15 digits
		 * keep both without noise in the last place; never "-0" */
		snprintf(buf, 32, "%.15g", v->d == 0 ? 0.0 : v->d);
	}
}

/* -- GML ----------------------------------------------------------------- */

/* A GML string: ASCII only (as NetworkX and igraph read it), with '"' and
 * '&' and every other character outside printable ASCII written as a
 * character reference. */
static void gml_string(FILE *fp, const char *s)
{
	ent__buf clean = {0};
	const unsigned char *p;

	if (ent__text_clean(&clean, s) < 0) {
		clean.data = NULL;
	}
	fputc('"', fp);
	for (p = (const unsigned char *)(clean.data ? clean.data : ""); *p;) {
		unsigned long cp = *p;
		size_t n = 1;

		if (cp >= 0x80) {
			n = cp >= 0xF0 ? 4 : cp >= 0xE0 ? 3 : 2;
			cp &= n == 4 ? 0x07 : n == 3 ? 0x0F : 0x1F;
			for (size_t k = 1; k < n && p[k]; k++) {
				cp = (cp << 6) | (p[k] & 0x3F);
			}
		}
		if (cp == '"' || cp == '&' || cp < 0x20 || cp >= 0x7F) {
			fprintf(fp, "&#%lu;", cp);
		} else {
			fputc((int)cp, fp);
		}
		p += n;
	}
	fputc('"', fp);
	ent__buf_free(&clean);
}

static void gml_value(FILE *fp, const char *key, const ent__value *v)
{
	char num[32];

	fprintf(fp, "    %s ", key);
	if (v->type == ENT__ATTR_STRING) {
		gml_string(fp, v->s ? v->s : "");
	} else {
		ent__export_number(v, num);
		fputs(num, fp);
	}
	fputc('\n', fp);
}

static ent_status write_gml(FILE *fp, const ent__export *x)
{
	size_t n = ent_graph_actor_count(x->g), nd = ent_graph_dyad_count(x->g);
	size_t i;
	const ent__attr *a;
	ent__value v;
	char date[11];

	fprintf(fp, "Creator \"entente %s\"\ngraph [\n  directed 1\n",
		ent_version());
	for (i = 0; i < n; i++) {
		const ent_actor *actor = ent_graph_actor(x->g, i);

		fprintf(fp, "  node [\n    id %zu\n    label ", i);
		gml_string(fp, actor->code);
		fputc('\n', fp);
		for (a = node_attrs; a->name; a++) {
			if (!ent__export_node_has(x, a)) {
				continue;
			}
			ent__export_node_value(x, a, i, &v);
			/* the label is the code: the name goes under "name" */
			gml_value(fp, strcmp(a->name, "label") == 0 ? "name"
				: a->name, &v);
		}
		fputs("  ]\n", fp);
	}
	for (i = 0; i < nd; i++) {
		size_t s, t;

		ent_graph_dyad_ends(x->g, i, &s, &t);
		fprintf(fp, "  edge [\n    source %zu\n    target %zu\n", s, t);
		for (a = dyad_attrs; a->name; a++) {
			ent__export_dyad_value(a, ent_graph_dyad(x->g, i), date,
				&v);
			gml_value(fp, a->name, &v);
		}
		fputs("  ]\n", fp);
	}
	fputs("]\n", fp);
	return ENT_OK;
}

/* -- the signed relation list -------------------------------------------- */

/* a,b,sign,weight,events,cooperation,conflict,net: one row per relation,
 * RFC 4180 (codes are letters and digits; no field needs quotes). */
static ent_status write_relations(FILE *fp, const ent__export *x)
{
	size_t nr = ent_graph_relation_count(x->g), i;
	const ent__attr *a;
	ent__value v;
	char num[32];

	fputs("a,b", fp);
	for (a = relation_attrs; a->name; a++) {
		fprintf(fp, ",%s", a->name);
	}
	fputs("\r\n", fp);
	for (i = 0; i < nr; i++) {
		const ent_relation *r = ent_graph_relation(x->g, i);

		fprintf(fp, "%s,%s", ent_graph_actor(x->g, r->a)->code,
			ent_graph_actor(x->g, r->b)->code);
		for (a = relation_attrs; a->name; a++) {
			ent__export_relation_value(a, r, &v);
			ent__export_number(&v, num);
			fprintf(fp, ",%s", num);
		}
		fputs("\r\n", fp);
	}
	return ENT_OK;
}

ent_status ent__export_write(FILE *fp, const ent_graph *g, const ent_metrics *m,
	const ent_dataset *ds, const ent_render_options *opts, ent_error *err)
{
	ent__export x;
	ent_status st;

	x.g = g;
	x.m = m;
	x.ds = ds;
	x.blocs = opts->blocs;
	switch (opts->format) {
	case ENT_RENDER_GML:
		st = write_gml(fp, &x);
		break;
	case ENT_RENDER_CSV:
		st = write_relations(fp, &x);
		break;
	case ENT_RENDER_GRAPHML:
		st = ent__export_graphml(fp, &x, err);
		break;
	case ENT_RENDER_GEXF:
		st = ent__export_gexf(fp, &x, err);
		break;
	default:
		st = ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"export: not an export format");
	}
	if (st == ENT_OK && ferror(fp)) {
		st = ent__error_set(err, ENT_EIO, NULL, 0, 0,
			"export: writing failed");
	}
	return st;
}
