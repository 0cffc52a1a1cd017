/* SPDX-License-Identifier: MIT */
/*
 * What the diagram shows, decided without Graphviz: the selection of
 * relations (--min-weight, --top), the drawn actors, the visual encoding
 * (render.h gives the formulas) and the escaped labels.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/render_internal.h"

/* Fills for bloc groups (ColorBrewer Set3, light enough for black names
 * on top). The metrics' blocs are numbered largest first; only the first
 * eight get a colour, since colours beyond the palette would repeat. */
static const char *const bloc_fills[] = {
	"#8dd3c7",
	"#fdb462",
	"#bebada",
	"#fb8072",
	"#80b1d3",
	"#b3de69",
	"#fccde5",
	"#ffffb3",
};
#define N_BLOC_FILLS (sizeof(bloc_fills) / sizeof(bloc_fills[0]))
#define DEFAULT_FILL "#e0e0e0"

/* -- escaping ------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at p (1..4) that encodes an XML
 * character, or 0 when the bytes are not one. */
static size_t utf8_char(const unsigned char *p, unsigned long *cp)
{
	size_t n, i;
	unsigned long c;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	} else if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 2;
		c = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3;
		c = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		c = p[0] & 0x07;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80) {
			return 0;
		}
		c = (c << 6) | (p[i] & 0x3f);
	}
	/* overlong forms, surrogates, beyond U+10FFFF, and the two
	 * non-characters XML forbids */
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
		(c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff || c == 0xfffe ||
		c == 0xffff) {
		return 0;
	}
	*cp = c;
	return n;
}

static int clean(ent__buf *b, const char *s, int html)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	unsigned long cp;
	size_t n;
	int rc = 0;

	while (*p && rc == 0) {
		n = utf8_char(p, &cp);
		if (n == 0) {
			rc = ent__buf_puts(b, "\xef\xbf\xbd");
			p++;
			continue;
		}
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
			rc = ent__buf_puts(b, " ");
		} else if (!html) {
			rc = ent__buf_put(b, (const char *)p, n);
		} else if (cp == '&') {
			rc = ent__buf_puts(b, "&amp;");
		} else if (cp == '<') {
			rc = ent__buf_puts(b, "&lt;");
		} else if (cp == '>') {
			rc = ent__buf_puts(b, "&gt;");
		} else if (cp == '"') {
			rc = ent__buf_puts(b, "&quot;");
		} else if (cp == '\'') {
			rc = ent__buf_puts(b, "&#39;");
		} else if (cp == '\\') {
			/* not markup in HTML-like labels, but a DOT string that
			 * ends in a backslash would swallow its closing quote
			 */
			rc = ent__buf_puts(b, "&#92;");
		} else {
			rc = ent__buf_put(b, (const char *)p, n);
		}
		p += n;
	}
	return rc;
}

int ent__html_escape(ent__buf *b, const char *s)
{
	return clean(b, s, 1);
}

int ent__text_clean(ent__buf *b, const char *s)
{
	return clean(b, s, 0);
}

/* -- selection ------------------------------------------------------------ */

typedef struct rank_item {
	size_t index;
	double weight;
} rank_item;

static int rank_cmp(const void *x, const void *y)
{
	const rank_item *a = x, *b = y;

	if (a->weight != b->weight) {
		return a->weight > b->weight ? -1 : 1;
	}
	return a->index < b->index ? -1 : a->index > b->index;
}

static int index_cmp(const void *x, const void *y)
{
	const rank_item *a = x, *b = y;

	return a->index < b->index ? -1 : a->index > b->index;
}

/* The relation of the pair {s, t}, or (size_t)-1. Relations are in (a, b)
 * order, so a binary search finds it. */
static size_t relation_of(const ent_graph *g, size_t s, size_t t)
{
	size_t a = s < t ? s : t, b = s < t ? t : s;
	size_t lo = 0, hi = ent_graph_relation_count(g);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const ent_relation *r = ent_graph_relation(g, mid);

		if (r->a < a || (r->a == a && r->b < b)) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	if (lo < ent_graph_relation_count(g)) {
		const ent_relation *r = ent_graph_relation(g, lo);

		if (r->a == a && r->b == b) {
			return lo;
		}
	}
	return (size_t)-1;
}

static double size_value(const ent_metrics *m, size_t i, ent_size_by by)
{
	const ent_actor_metrics *am = m ? ent_metrics_actor(m, i) : NULL;
	double v;

	if (am == NULL) {
		return 1;
	}
	switch (by) {
	case ENT_SIZE_BETWEENNESS:
		v = am->betweenness;
		break;
	case ENT_SIZE_DEGREE:
		v = (double)am->degree;
		break;
	case ENT_SIZE_EVENTS:
		v = (double)(am->events_in + am->events_out);
		break;
	default:
		v = am->pagerank;
		break;
	}
	return isfinite(v) && v > 0 ? v : 0;
}

/* The bloc drawn for actor i: the caller's, else the metrics' when the
 * bloc has two actors or more (a bloc of one is no group to show). */
static int bloc_of(
	const ent_metrics *m, const ent_render_options *opts, size_t i)
{
	const ent_actor_metrics *am;
	const ent_bloc *b;

	if (opts->blocs != NULL) {
		return opts->blocs[i] >= 0 ? opts->blocs[i] : -1;
	}
	am = m ? ent_metrics_actor(m, i) : NULL;
	if (am == NULL || am->bloc == 0) {
		return -1;
	}
	b = ent_metrics_bloc(m, am->bloc - 1);
	if (b == NULL || b->size < 2 || am->bloc > N_BLOC_FILLS) {
		return -1;
	}
	return (int)am->bloc - 1;
}

static const char *size_name(ent_size_by by)
{
	switch (by) {
	case ENT_SIZE_BETWEENNESS:
		return "betweenness";
	case ENT_SIZE_DEGREE:
		return "degree";
	case ENT_SIZE_EVENTS:
		return "events";
	default:
		return "PageRank";
	}
}

static int safe_id(const char *code)
{
	const char *p;

	if (code == NULL || code[0] == '\0') {
		return 0;
	}
	for (p = code; *p; p++) {
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
			    (*p >= '0' && *p <= '9') || *p == '_')) {
			return 0;
		}
	}
	return 1;
}

/* -- the title and legend ------------------------------------------------- */

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (strcmp(path, "-") == 0) {
		return "standard input";
	}
	return slash && slash[1] ? slash + 1 : path;
}

static int put_title_text(ent__buf *b, const ent_dataset *ds, const char *title)
{
	size_t i, n = ds ? ent_dataset_input_count(ds) : 0;
	int rc = 0;

	if (title != NULL) {
		return ent__html_escape(b, title);
	}
	if (n == 0) {
		return ent__buf_puts(b, "entente");
	}
	/* the first three inputs by name, then a count */
	for (i = 0; i < n && i < 3 && rc == 0; i++) {
		if (i > 0) {
			rc = ent__buf_puts(b, ", ");
		}
		if (rc == 0) {
			rc = ent__html_escape(
				b, base_name(ent_dataset_input_name(ds, i)));
		}
	}
	if (rc == 0 && n > 3) {
		rc = ent__buf_printf(b, " and %zu more", n - 3);
	}
	return rc;
}

/* A row naming the drawn blocs with a disc in each one's colour. */
static int put_bloc_legend(ent__buf *b, const ent__scene *s)
{
	unsigned char *seen = calloc((size_t)s->n_blocs, 1);
	size_t i;
	int k, shown = 0, rc = 0;

	if (seen == NULL) {
		return -1;
	}
	for (i = 0; i < s->n_nodes; i++) {
		if (s->nodes[i].bloc >= 0) {
			seen[s->nodes[i].bloc] = 1;
		}
	}
	rc |= ent__buf_puts(b,
		"<BR/><FONT POINT-SIZE=\"4\"> </FONT>"
		"<BR/><FONT POINT-SIZE=\"12\" "
		"COLOR=\"#404040\">blocs:</FONT>");
	for (k = 0; k < s->n_blocs; k++) {
		if (!seen[k]) {
			continue;
		}
		if (++shown > 12) {
			rc |= ent__buf_puts(b,
				"<FONT POINT-SIZE=\"12\"> "
				"\xe2\x80\xa6</FONT>");
			break;
		}
		rc |= ent__buf_printf(b,
			"<FONT POINT-SIZE=\"16\" COLOR=\"%s\">"
			"  \xe2\x97\x8f</FONT><FONT POINT-SIZE=\"12\"> "
			"%d</FONT>",
			bloc_fills[(size_t)k % N_BLOC_FILLS], k + 1);
	}
	free(seen);
	return rc ? -1 : 0;
}

/* Scale every POINT-SIZE of an HTML-like label by f (user text is escaped,
 * so the pattern only matches our own markup). */
static int scale_fonts(ent__buf *b, double f)
{
	static const char key[] = "POINT-SIZE=\"";
	ent__buf out = {0};
	const char *p = b->data, *hit;
	int rc = 0;

	if (p == NULL || f == 1) {
		return 0;
	}
	while (rc == 0 && (hit = strstr(p, key)) != NULL) {
		char *end;
		long size;

		hit += sizeof(key) - 1;
		size = strtol(hit, &end, 10);
		rc |= ent__buf_put(&out, p, (size_t)(hit - p));
		rc |= ent__buf_printf(&out, "%ld", lround((double)size * f));
		p = end;
	}
	rc |= ent__buf_puts(&out, p);
	if (rc != 0) {
		ent__buf_free(&out);
		return -1;
	}
	ent__buf_free(b);
	*b = out;
	return 0;
}

static int put_label(ent__buf *b, const ent__scene *s, const ent_graph *g,
	const ent_dataset *ds, const ent_render_options *opts)
{
	const ent_dataset_stats *st = ds ? ent_dataset_stats_get(ds) : NULL;
	char d1[11], d2[11];
	size_t n_ties = opts->directed ? ent_graph_dyad_count(g)
				       : ent_graph_relation_count(g);
	int rc = 0;

	/* lines of text rather than a TABLE: Graphviz 2.43 leaks the sizing
	 * graphs of every HTML table it lays out */
	rc |= ent__buf_puts(b,
		"<FONT POINT-SIZE=\"20\">"
		"<B>");
	rc |= put_title_text(b, ds, opts->title);
	if (s->cut_of > 0) {
		rc |= ent__buf_printf(b, ": the %zu strongest of %zu relations",
			s->cut_kept, s->cut_of);
	}
	rc |= ent__buf_puts(b,
		"</B></FONT><BR/>"
		/* Graphviz spaces mixed-size lines by the smaller font: a thin
		 * blank line keeps the title off the line below it */
		"<FONT POINT-SIZE=\"6\"> </FONT><BR/>"
		"<FONT POINT-SIZE=\"12\" COLOR=\"#404040\">");
	if (st != NULL && st->first != 0) {
		ent_date_format(st->first, d1);
		ent_date_format(st->last, d2);
		rc |= ent__buf_printf(
			b, st->first == st->last ? "%s" : "%s to %s", d1, d2);
		rc |= ent__buf_puts(b, " \xc2\xb7 ");
	}
	if (st != NULL) {
		rc |= ent__buf_printf(
			b, "%lld events \xc2\xb7 ", (long long)st->kept);
	}
	rc |= ent__buf_printf(b, "%zu of %zu actors \xc2\xb7 %zu of %zu %s",
		s->n_nodes, ent_graph_actor_count(g), s->n_edges, n_ties,
		opts->directed ? "directed dyads" : "relations");
	if (opts->top > 0 || opts->min_weight > 0 || s->cut_of > 0) {
		rc |= ent__buf_puts(b, " (the strongest)");
	}
	/* legend: the two line styles in their colours, then the scales */
	rc |= ent__buf_puts(b,
		"</FONT><BR/>"
		"<FONT POINT-SIZE=\"4\"> </FONT><BR/>"
		"<FONT POINT-SIZE=\"12\" COLOR=\"" ENT__COLOR_ALLIANCE "\">"
		"<B>\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81</B></FONT>"
		"<FONT POINT-SIZE=\"12\"> alliance (solid)    </FONT>"
		"<FONT POINT-SIZE=\"12\" COLOR=\"" ENT__COLOR_TENSION "\">"
		"<B>\xe2\x95\x8d\xe2\x95\x8d\xe2\x95\x8d</B></FONT>"
		"<FONT POINT-SIZE=\"12\"> tension (dashed)    </FONT>"
		"<FONT POINT-SIZE=\"12\" COLOR=\"#404040\">"
		"line width: |net| (log)    disc area: ");
	rc |= ent__buf_puts(b, size_name(opts->size_by));
	rc |= ent__buf_puts(b, "</FONT>");
	if (s->n_blocs > 0) {
		rc |= put_bloc_legend(b, s);
	}
	/* a blank line keeps the legend off the top nodes */
	rc |= ent__buf_puts(b, "<BR/><FONT POINT-SIZE=\"8\"> </FONT>");
	/* a large drawing gets a larger title, up to three times, so that it
	 * stays legible when the picture is shrunk to fit a page */
	if (rc == 0 && s->n_nodes > 25) {
		double f = sqrt((double)s->n_nodes) / 5;

		rc |= scale_fonts(b, f > 3 ? 3 : f);
	}
	return rc ? -1 : 0;
}

/* -- tooltips ------------------------------------------------------------ */

/* Append a name to a tooltip. Tooltips are escStrings, not HTML, but the
 * SVG writer passes character references through (and other formats do
 * not show tooltips), so the HTML escaping serves here too: no quote, no
 * angle bracket and no backslash reaches the DOT string. */
static int put_tip_name(ent__buf *b, const char *name)
{
	return ent__html_escape(b, name);
}

static char *node_tip(const ent_actor *a, double v, ent_size_by by)
{
	ent__buf b = {0};
	int rc = put_tip_name(&b, a->name ? a->name : a->code);

	rc |= ent__buf_puts(&b, " (");
	rc |= put_tip_name(&b, a->code);
	rc |= ent__buf_printf(&b, "): %s %.4g", size_name(by), v);
	if (rc != 0) {
		ent__buf_free(&b);
		return NULL;
	}
	return b.data;
}

static char *edge_tip(const ent_actor *a, const ent_actor *b, int directed,
	double cooperation, double conflict, int64_t events)
{
	ent__buf t = {0};
	double net = cooperation - conflict;
	int rc = put_tip_name(&t, a->name ? a->name : a->code);

	rc |= ent__buf_puts(&t, directed ? " \xe2\x86\x92 " : " \xe2\x80\x93 ");
	rc |= put_tip_name(&t, b->name ? b->name : b->code);
	rc |= ent__buf_printf(&t,
		": %s, net %+.1f (cooperation %.1f, conflict %.1f, %lld "
		"event%s)",
		net > 0           ? "alliance"
			: net < 0 ? "tension"
				  : "balanced",
		net, cooperation, conflict, (long long)events,
		events == 1 ? "" : "s");
	if (rc != 0) {
		ent__buf_free(&t);
		return NULL;
	}
	return t.data;
}

/* -- the scene ------------------------------------------------------------ */

void ent__scene_free(ent__scene *s)
{
	size_t i;

	if (s == NULL) {
		return;
	}
	for (i = 0; i < s->n_nodes; i++) {
		free(s->nodes[i].label);
		free(s->nodes[i].tooltip);
	}
	for (i = 0; i < s->n_edges; i++) {
		free(s->edges[i].tooltip);
	}
	free(s->nodes);
	free(s->edges);
	free(s->label);
	memset(s, 0, sizeof(*s));
}

/* Actors the first n relations of `rank` would draw; `mark` is scratch of
 * one entry per actor. */
static size_t drawn_actors(const ent_graph *g, const rank_item *rank,
	size_t n, size_t *mark)
{
	size_t i, count = 0;

	for (i = 0; i < ent_graph_actor_count(g); i++) {
		mark[i] = 0;
	}
	for (i = 0; i < n; i++) {
		const ent_relation *r = ent_graph_relation(g, rank[i].index);
		count += !mark[r->a]++;
		count += !mark[r->b]++;
	}
	return count;
}

ent_status ent__scene_build(ent__scene *out, const ent_graph *g,
	const ent_metrics *m, const ent_dataset *ds,
	const ent_render_options *opts, ent_error *err)
{
	size_t n_actors = ent_graph_actor_count(g);
	size_t n_rel = ent_graph_relation_count(g);
	size_t n_dyads = ent_graph_dyad_count(g);
	rank_item *rank = NULL;
	unsigned char *rel_kept = NULL;
	size_t *node_of = NULL;
	size_t i, n_kept = 0;
	double max_size = 0, max_intensity = 0;
	ent__buf label = {0};
	ent_status status = ENT_OK;
	ent__scene s;

	memset(&s, 0, sizeof(s));
	memset(out, 0, sizeof(*out));
	s.directed = opts->directed;
	s.layout = opts->layout;
	s.seed = opts->seed;
	s.clusters = opts->layout == ENT_LAYOUT_FDP ||
		opts->layout == ENT_LAYOUT_DOT;

	rank = calloc(n_rel ? n_rel : 1, sizeof(*rank));
	rel_kept = calloc(n_rel ? n_rel : 1, 1);
	node_of = malloc((n_actors ? n_actors : 1) * sizeof(*node_of));
	s.nodes = calloc(n_actors ? n_actors : 1, sizeof(*s.nodes));
	s.edges = calloc(
		(opts->directed ? n_dyads : n_rel) + 1, sizeof(*s.edges));
	if (!rank || !rel_kept || !node_of || !s.nodes || !s.edges) {
		status = ent__error_nomem(err);
		goto done;
	}

	/* relations with |net| >= min_weight; the `top` strongest of them */
	for (i = 0; i < n_rel; i++) {
		double w = fabs(ent_graph_relation(g, i)->net);

		if (w >= opts->min_weight) {
			rank[n_kept].index = i;
			rank[n_kept].weight = w;
			n_kept++;
		}
	}
	qsort(rank, n_kept, sizeof(*rank), rank_cmp);
	if (opts->top > 0 && n_kept > opts->top) {
		n_kept = opts->top;
	} else if (opts->top == 0 && opts->min_weight == 0 &&
		opts->crowded_top > 0 && n_kept > opts->crowded_top &&
		drawn_actors(g, rank, n_kept, node_of) > ENT_RENDER_CROWDED) {
		s.cut_of = n_kept; /* crowded: the title says so */
		n_kept = s.cut_kept = opts->crowded_top;
	}
	qsort(rank, n_kept, sizeof(*rank), index_cmp);
	for (i = 0; i < n_kept; i++) {
		rel_kept[rank[i].index] = 1;
	}

	/* drawn actors, in vertex order */
	for (i = 0; i < n_actors; i++) {
		node_of[i] = (size_t)-1;
	}
	for (i = 0; i < n_kept; i++) {
		const ent_relation *r = ent_graph_relation(g, rank[i].index);

		node_of[r->a] = 0;
		node_of[r->b] = 0;
	}
	for (i = 0; i < n_actors; i++) {
		const ent_actor *a = ent_graph_actor(g, i);
		ent__scene_node *nd;

		if (node_of[i] != 0) {
			continue;
		}
		node_of[i] = s.n_nodes;
		nd = &s.nodes[s.n_nodes++];
		nd->actor = i;
		if (safe_id(a->code) && strlen(a->code) < sizeof(nd->id)) {
			snprintf(nd->id, sizeof(nd->id), "%s", a->code);
		} else {
			snprintf(nd->id, sizeof(nd->id), "actor#%zu", i);
		}
		if (ent__html_escape(&label, a->name ? a->name : a->code) < 0) {
			status = ent__error_nomem(err);
			goto done;
		}
		nd->label = label.data ? label.data : ent__strdup("");
		memset(&label, 0, sizeof(label));
		if (nd->label == NULL) {
			status = ent__error_nomem(err);
			goto done;
		}
		nd->width = size_value(m, i, opts->size_by);
		nd->tooltip = node_tip(a, nd->width, opts->size_by);
		if (nd->tooltip == NULL) {
			status = ent__error_nomem(err);
			goto done;
		}
		if (nd->width > max_size) {
			max_size = nd->width;
		}
		nd->bloc = bloc_of(m, opts, i);
		if (nd->bloc >= s.n_blocs) {
			s.n_blocs = nd->bloc + 1;
		}
		nd->fill = nd->bloc >= 0
			? bloc_fills[(size_t)nd->bloc % N_BLOC_FILLS]
			: DEFAULT_FILL;
	}
	for (i = 0; i < s.n_nodes; i++) {
		/* area follows the measure: width grows with its square root */
		s.nodes[i].width = max_size > 0
			? 0.2 + 0.6 * sqrt(s.nodes[i].width / max_size)
			: 0.2;
	}

	/* ties: relations, or the directed dyads of kept relations */
	if (opts->directed) {
		for (i = 0; i < n_dyads; i++) {
			const ent_dyad *d = ent_graph_dyad(g, i);
			size_t src, dst, rel;
			double net = d->cooperation - d->conflict;
			ent__scene_edge *e;

			ent_graph_dyad_ends(g, i, &src, &dst);
			rel = relation_of(g, src, dst);
			if (rel == (size_t)-1 || !rel_kept[rel]) {
				continue;
			}
			e = &s.edges[s.n_edges++];
			e->tail = node_of[src];
			e->head = node_of[dst];
			e->sign = net > 0 ? 1 : net < 0 ? -1 : 0;
			e->intensity = fabs(net);
			e->tooltip = edge_tip(ent_graph_actor(g, src),
				ent_graph_actor(g, dst), 1, d->cooperation,
				d->conflict, d->events);
			if (e->tooltip == NULL) {
				status = ent__error_nomem(err);
				goto done;
			}
		}
	} else {
		for (i = 0; i < n_kept; i++) {
			const ent_relation *r =
				ent_graph_relation(g, rank[i].index);
			ent__scene_edge *e = &s.edges[s.n_edges++];

			e->tail = node_of[r->a];
			e->head = node_of[r->b];
			e->sign = r->sign;
			e->intensity = fabs(r->net);
			e->tooltip = edge_tip(ent_graph_actor(g, r->a),
				ent_graph_actor(g, r->b), 0, r->cooperation,
				r->conflict, r->events);
			if (e->tooltip == NULL) {
				status = ent__error_nomem(err);
				goto done;
			}
		}
	}
	for (i = 0; i < s.n_edges; i++) {
		if (s.edges[i].intensity > max_intensity) {
			max_intensity = s.edges[i].intensity;
		}
	}
	for (i = 0; i < s.n_edges; i++) {
		s.edges[i].penwidth = max_intensity > 0 ? 1 +
				5 * log1p(s.edges[i].intensity) /
					log1p(max_intensity)
							: 1;
	}

	if (put_label(&label, &s, g, ds, opts) < 0) {
		status = ent__error_nomem(err);
		goto done;
	}
	s.label = label.data;
	memset(&label, 0, sizeof(label));
	*out = s;
	memset(&s, 0, sizeof(s));
done:
	ent__buf_free(&label);
	ent__scene_free(&s);
	free(rank);
	free(rel_kept);
	free(node_of);
	return status;
}
