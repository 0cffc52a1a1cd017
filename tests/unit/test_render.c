/* SPDX-License-Identifier: MIT */
/*
 * Render module: option names, the visual encoding (widths and sizes
 * against hand-computed values), selection, escaping of hostile names
 * (SVG checked with xmllint and for inert text), determinism, magic bytes
 * of PNG and PDF, the GraphML/GML exports and the report's sources.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <entente/entente.h>

#include "tap.h"

typedef struct tie {
	const char *source, *target;
	double goldstein;
	int quad;
	int64_t count;
} tie;

static ent_graph *graph_of(const tie *ties, size_t n, ent_dyads **dyads_out)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	size_t i;

	if (ent_dyads_create(&d, NULL) != ENT_OK) {
		return NULL;
	}
	for (i = 0; i < n; i++) {
		ent_event ev;

		ent_event_init(&ev);
		ev.goldstein = ties[i].goldstein;
		ev.quad = ties[i].quad;
		ev.count = ties[i].count;
		ent_dyads_add_event(
			d, ties[i].source, ties[i].target, &ev, ties[i].count, NULL);
	}
	if (ent_graph_build(&g, d, NULL, NULL) != ENT_OK) {
		g = NULL;
	}
	*dyads_out = d;
	return g;
}

static char *render(ent_renderer *r, const ent_graph *g, const ent_metrics *m,
	const ent_render_options *o, size_t *len)
{
	char *out = NULL;
	ent_error err = {0};
	size_t n = 0;

	if (ent_render_data(&out, &n, r, g, m, NULL, o, &err) != ENT_OK) {
		printf("# render failed: %s\n", err.message);
		return NULL;
	}
	if (len) {
		*len = n;
	}
	return out;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	const char *p = hay;

	while (p && (p = strstr(p, needle)) != NULL) {
		n++;
		p += strlen(needle);
	}
	return n;
}

/* xmllint --noout on a buffer; -1 when xmllint is missing */
static int xml_ok(const char *data, size_t len)
{
	char path[] = "/tmp/entente-render-XXXXXX";
	char cmd[128];
	int fd, rc;
	FILE *fp;

	if (system("command -v xmllint >/dev/null 2>&1") != 0) {
		return -1;
	}
	fd = mkstemp(path);
	if (fd < 0 || (fp = fdopen(fd, "wb")) == NULL) {
		return 0;
	}
	fwrite(data, 1, len, fp);
	fclose(fp);
	snprintf(cmd, sizeof(cmd), "xmllint --noout --nonet %s", path);
	rc = system(cmd);
	unlink(path);
	return rc == 0;
}

/* The value of the attribute `name` in the DOT statement that starts at
 * `stmt` (the first occurrence of `stmt`), as a number. */
static double dot_attr(const char *dot, const char *stmt, const char *name)
{
	const char *p = strstr(dot, stmt), *end, *a;
	char key[64];

	if (p == NULL) {
		return NAN;
	}
	end = strchr(p, ';');
	snprintf(key, sizeof(key), "%s=", name);
	a = strstr(p, key);
	if (a == NULL || (end && a > end)) {
		return NAN;
	}
	return strtod(a + strlen(key), NULL);
}

/* `dot -Tsvg` on a DOT buffer, checked with xmllint: the DOT we write
 * parses back and draws well-formed SVG. -1 when the tools are missing. */
static int dot_roundtrip_ok(const char *dot)
{
	char path[] = "/tmp/entente-render-XXXXXX";
	char cmd[256];
	int fd, rc;
	FILE *fp;

	if (system("command -v dot >/dev/null 2>&1 && "
		   "command -v xmllint >/dev/null 2>&1") != 0) {
		return -1;
	}
	fd = mkstemp(path);
	if (fd < 0 || (fp = fdopen(fd, "wb")) == NULL) {
		return 0;
	}
	fputs(dot, fp);
	fclose(fp);
	snprintf(cmd, sizeof(cmd),
		"dot -Tsvg %s 2>/dev/null | xmllint --noout --nonet - "
		"2>/dev/null",
		path);
	rc = system(cmd);
	unlink(path);
	return rc == 0;
}

static void test_names(void)
{
	ent_render_format f;
	ent_layout l;
	ent_size_by s;

	ok(ent_render_format_parse(&f, "svg") == ENT_OK && f == ENT_RENDER_SVG,
		"format svg");
	ok(ent_render_format_parse(&f, "gml") == ENT_OK && f == ENT_RENDER_GML,
		"format gml");
	ok(ent_render_format_parse(&f, "jpeg") == ENT_EINVAL,
		"format jpeg refused");
	ok(ent_render_format_from_path(&f, "out/graph.PNG") == ENT_OK &&
			f == ENT_RENDER_PNG,
		"format from .PNG");
	ok(ent_render_format_from_path(&f, "a.dir/graph") == ENT_ENOTFOUND,
		"no extension: not found");
	ok(ent_render_format_from_path(&f, "g.graphml") == ENT_OK &&
			f == ENT_RENDER_GRAPHML,
		"format from .graphml");
	ok(ent_layout_parse(&l, "sfdp") == ENT_OK && l == ENT_LAYOUT_SFDP,
		"layout sfdp");
	ok(ent_layout_parse(&l, "twopi") == ENT_EINVAL, "layout twopi refused");
	is_str(ent_layout_name(ENT_LAYOUT_CIRCO), "circo", "layout name");
	ok(ent_size_by_parse(&s, "betweenness") == ENT_OK &&
			s == ENT_SIZE_BETWEENNESS,
		"size betweenness");
	ok(ent_size_by_parse(&s, "pr") == ENT_EINVAL, "size pr refused");
}

/*
 * Four states: CHN-RUS alliance (2 x 057, g = 8 each way: net 32),
 * USA-RUS tension (112 g = -2, twice: net -4), USA-POL alliance (070
 * g = 7: net 7), POL-RUS balanced (+3 and -3: net 0).
 */
static const tie four[] = {
	{"CHN", "RUS", 8.0, 1, 2},
	{"RUS", "CHN", 8.0, 1, 2},
	{"USA", "RUS", -2.0, 3, 2},
	{"USA", "POL", 7.0, 2, 1},
	{"POL", "RUS", 3.0, 1, 1},
	{"RUS", "POL", -3.0, 3, 1},
};

static void test_encoding(ent_renderer *r)
{
	ent_dyads *d = NULL;
	ent_graph *g = graph_of(four, sizeof(four) / sizeof(four[0]), &d);
	ent_metrics *m = NULL;
	ent_render_options o = ENT_RENDER_OPTIONS_INIT;
	char *dot = NULL, *dot2 = NULL;
	double w;

	ok(g != NULL && ent_metrics_compute(&m, g, NULL, NULL) == ENT_OK,
		"graph and metrics");
	o.blocs = (const int[]){-1, -1, -1, -1};
	dot = render(r, g, m, &o, NULL);
	ok(dot != NULL && strncmp(dot, "graph entente {", 15) == 0,
		"undirected DOT");
	ok(count(dot, " -- ") == 4, "one edge per relation (%zu)",
		count(dot, " -- "));
	/* penwidth = 1 + 5 ln(1 + |net|) / ln(1 + max |net|), max = 32 */
	is_num(dot_attr(dot, "CHN -- RUS", "penwidth"), 6, 1e-3,
		"strongest tie is 6 wide");
	is_num(dot_attr(dot, "POL -- USA", "penwidth"),
		1 + 5 * log(8) / log(33), 1e-3, "alliance of 7: log width");
	is_num(dot_attr(dot, "RUS -- USA", "penwidth"),
		1 + 5 * log(5) / log(33), 1e-3, "tension of 4: log width");
	is_num(dot_attr(dot, "POL -- RUS", "penwidth"), 1, 1e-3,
		"balanced tie: width 1");
	ok(strstr(strstr(dot, "RUS -- USA"), "style=dashed") != NULL &&
			strstr(strstr(dot, "RUS -- USA"), "#d95f02") != NULL,
		"tension: dashed and orange");
	ok(strstr(strstr(dot, "POL -- RUS"), "style=dotted") != NULL,
		"balanced: dotted");
	is_num(dot_attr(dot, "RUS -- USA", "len"), 2.4, 0, "rivals apart");
	is_num(dot_attr(dot, "CHN -- RUS", "len"), 1.2, 0, "allies close");
	/* width = 0.2 + 0.6 sqrt(pagerank / max pagerank) */
	{
		size_t i, best = 0, pol = ent_graph_actor_index(g, "POL");
		double max = 0;

		for (i = 0; i < ent_graph_actor_count(g); i++) {
			if (ent_metrics_actor(m, i)->pagerank > max) {
				max = ent_metrics_actor(m, i)->pagerank;
				best = i;
			}
		}
		w = 0.2 + 0.6 * sqrt(ent_metrics_actor(m, pol)->pagerank / max);
		is_num(dot_attr(dot, "\tPOL\t[", "width"), w, 1e-3,
			"node width follows sqrt(pagerank)");
		ok(best == ent_graph_actor_index(g, "RUS"),
			"Russia ranks first by PageRank");
		is_num(dot_attr(dot, "\tRUS\t[", "width"), 0.8, 1e-3,
			"the top actor is 0.8 wide");
	}
	ok(strstr(dot, "layout=neato") && strstr(dot, "start=1"),
		"layout and seed in the DOT");

	/* determinism */
	dot2 = render(r, g, m, &o, NULL);
	ok(dot2 && strcmp(dot, dot2) == 0, "same input, same DOT");
	free(dot2);
	free(dot);

	/* selection */
	o.top = 1;
	dot = render(r, g, m, &o, NULL);
	ok(dot && count(dot, " -- ") == 1 && strstr(dot, "CHN -- RUS"),
		"--top 1 keeps the strongest relation");
	ok(dot && strstr(dot, "\tUSA") == NULL, "and only its actors");
	free(dot);
	o.top = 0;
	o.min_weight = 5;
	dot = render(r, g, m, &o, NULL);
	ok(dot && count(dot, " -- ") == 2, "--min-weight 5 keeps two");
	free(dot);
	o.min_weight = 0;

	/* directed: one arrow per dyad */
	o.directed = 1;
	dot = render(r, g, m, &o, NULL);
	ok(dot && strncmp(dot, "digraph entente {", 17) == 0, "directed DOT");
	ok(dot && count(dot, " -> ") == 6, "one arrow per dyad");
	ok(dot && strstr(strstr(dot, "RUS -> POL"), "dashed") != NULL,
		"a conflictual dyad of a balanced relation is dashed");
	free(dot);
	o.directed = 0;

	/* blocs from the caller: fdp draws clusters */
	o.layout = ENT_LAYOUT_FDP;
	o.blocs = (const int[]){0, 1, 0, 1};
	dot = render(r, g, m, &o, NULL);
	ok(dot && strstr(dot, "subgraph cluster_bloc1") &&
			strstr(dot, "subgraph cluster_bloc2"),
		"fdp: blocs as clusters");
	free(dot);
	o.layout = ENT_LAYOUT_NEATO;
	dot = render(r, g, m, &o, NULL);
	ok(dot && !strstr(dot, "cluster") && strstr(dot, "#fdb462"),
		"neato: blocs as fill colours");
	free(dot);

	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

static void test_formats(ent_renderer *r)
{
	ent_dyads *d = NULL;
	ent_graph *g = graph_of(four, sizeof(four) / sizeof(four[0]), &d);
	ent_metrics *m = NULL;
	ent_render_options o = ENT_RENDER_OPTIONS_INIT;
	char *a, *b;
	size_t la = 0, lb = 0;
	int x;

	ent_metrics_compute(&m, g, NULL, NULL);
	o.format = ENT_RENDER_SVG;
	a = render(r, g, m, &o, &la);
	b = render(r, g, m, &o, &lb);
	ok(a && b && la == lb && memcmp(a, b, la) == 0, "same input, same SVG");
	x = a ? xml_ok(a, la) : 0;
	ok(x != 0, "SVG is well-formed%s", x < 0 ? " # SKIP no xmllint" : "");
	free(a);
	free(b);
	o.layout = ENT_LAYOUT_SFDP;
	a = render(r, g, m, &o, &la);
	ok(a && strstr(a, "<svg"), "sfdp renders");
	free(a);
	o.layout = ENT_LAYOUT_CIRCO;
	a = render(r, g, m, &o, &la);
	ok(a && strstr(a, "<svg"), "circo renders");
	free(a);
	o.layout = ENT_LAYOUT_DOT;
	a = render(r, g, m, &o, &la);
	ok(a && strstr(a, "<svg"), "dot renders");
	free(a);
	o.layout = ENT_LAYOUT_NEATO;

	o.format = ENT_RENDER_PNG;
	a = render(r, g, m, &o, &la);
	ok(a && la > 8 && memcmp(a, "\x89PNG\r\n\x1a\n", 8) == 0, "PNG magic");
	free(a);
	o.format = ENT_RENDER_PDF;
	a = render(r, g, m, &o, &la);
	ok(a && la > 5 && memcmp(a, "%PDF-", 5) == 0, "PDF magic");
	free(a);

	o.format = ENT_RENDER_GRAPHML;
	a = render(NULL, g, m, &o, &la);
	ok(a && strstr(a, "<graphml") && count(a, "<edge ") == 6 &&
			count(a, "<node ") == 4,
		"GraphML: 4 nodes, 6 directed edges");
	ok(a && strstr(a, "attr.name=\"pagerank\"") &&
			strstr(a, "attr.name=\"goldsteinSum\"") &&
			strstr(a, "attr.name=\"bloc\"") &&
			strstr(a, "<data key=\"label\">Russia</data>"),
		"GraphML carries actor and dyad attributes");
	x = a ? xml_ok(a, la) : 0;
	ok(x != 0, "GraphML is well-formed%s",
		x < 0 ? " # SKIP no xmllint" : "");
	free(a);
	o.format = ENT_RENDER_GML;
	a = render(NULL, g, m, &o, &la);
	ok(a && strncmp(a, "Creator \"entente ", 17) == 0 &&
			count(a, "  edge [\n") == 6 &&
			strstr(a, "conflictEvents") &&
			strstr(a, "    label \"RUS\"\n    name \"Russia\"\n"),
		"GML: the code as label, the name, attributes, no timestamp");
	free(a);
	o.format = ENT_RENDER_GRAPHML;
	a = render(NULL, g, m, &o, &la);
	ok(a && strstr(a, "<node id=\"RUS\">") &&
			strstr(a, "attr.name=\"degree\" attr.type=\"long\"") &&
			strstr(a, "attr.name=\"sign\" attr.type=\"long\""),
		"GraphML: actor codes as node ids, integers typed long");
	free(a);
	o.format = ENT_RENDER_CSV;
	a = render(NULL, g, m, &o, &la);
	ok(a && strncmp(a, "a,b,sign,weight,events,cooperation,conflict,"
			"net\r\n", 48) == 0 &&
			count(a, "\r\n") == 1 + ent_graph_relation_count(g),
		"CSV: the signed relation list, a header and one row per "
		"relation");
	free(a);
	o.format = ENT_RENDER_GEXF;
	a = render(NULL, g, m, &o, &la);
	ok(a && strstr(a, "<gexf xmlns=\"http://gexf.net/1.3\" "
			"version=\"1.3\">") && strstr(a, "mode=\"static\"") &&
			count(a, "<edge ") == ent_graph_relation_count(g) &&
			!strstr(a, "<spells>"),
		"GEXF without periods: static, one edge per relation");
	x = a ? xml_ok(a, la) : 0;
	ok(x != 0, "GEXF is well-formed%s", x < 0 ? " # SKIP no xmllint" : "");
	free(a);

	/* bad options */
	{
		ent_error err = {0};
		char *out = (char *)"x";
		size_t n = 1;

		o.version = 99;
		ok(ent_render_data(&out, &n, r, g, m, NULL, &o, &err) ==
					ENT_EINVAL &&
				out == NULL && err.message[0] != '\0',
			"bad options version: EINVAL, message, no output");
		o.version = ENT_RENDER_OPTIONS_VERSION;
		o.format = ENT_RENDER_SVG;
		err.message[0] = '\0';
		ok(ent_render_data(&out, &n, NULL, g, m, NULL, &o, &err) ==
					ENT_EINVAL &&
				out == NULL && err.message[0] != '\0',
			"a diagram without a renderer: EINVAL and a message");
		o.layout = (ent_layout)17;
		ok(ent_render_data(&out, &n, r, g, m, NULL, &o, &err) ==
				ENT_EINVAL,
			"a layout out of range: EINVAL");
		o.layout = ENT_LAYOUT_NEATO;
	}
	ent_metrics_destroy(m);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

/* Actor codes and a title that try to break out of every format. */
static void test_hostile(ent_renderer *r)
{
	static const tie bad[] = {
		{"<script>", "a\"b\\", 7.0, 2, 1},
		{"x\ny</svg>", "<script>", -5.0, 4, 1},
		{"&amp;]]>--", "\\", 3.0, 1, 1},
		{"\\", "'\xff<b>", -2.0, 3, 1},
	};
	ent_dyads *d = NULL;
	ent_graph *g = graph_of(bad, sizeof(bad) / sizeof(bad[0]), &d);
	ent_render_options o = ENT_RENDER_OPTIONS_INIT;
	ent_error err = {0};
	char *svg = NULL, *dot = NULL, *gml = NULL;
	size_t len = 0, i;
	int x;

	o.title = "</B></FONT><script>alert(1)</script>\\";
	dot = render(r, g, NULL, &o, NULL);
	ok(dot != NULL, "hostile names: DOT");
	ok(dot && strstr(dot, "<script") == NULL &&
			strstr(dot, "&lt;script&gt;"),
		"DOT: names are escaped in HTML-like labels");
	ok(dot && strstr(dot, "&#92;") && strstr(dot, "\\\"") == NULL,
		"DOT: backslashes are character references");
	ok(dot && strstr(dot, "\"actor#") != NULL, "unsafe codes get safe ids");
	x = dot ? dot_roundtrip_ok(dot) : 0;
	ok(x != 0, "DOT of hostile names parses back (dot -Tsvg | xmllint)%s",
		x < 0 ? " # SKIP no dot or xmllint" : "");
	o.format = ENT_RENDER_SVG;
	svg = render(r, g, NULL, &o, &len);
	ok(svg != NULL, "hostile names: SVG");
	x = svg ? xml_ok(svg, len) : 0;
	for (i = 0; svg && i < len; i++) {
		svg[i] = (char)(svg[i] >= 'A' && svg[i] <= 'Z' ? svg[i] + 32
							       : svg[i]);
	}
	ok(svg && strstr(svg, "<script") == NULL &&
			strstr(svg, "</b></font") == NULL,
		"SVG: no raw <script>, no injected markup");
	ok(x != 0, "SVG of hostile names is well-formed%s",
		x < 0 ? " # SKIP no xmllint" : "");
	o.format = ENT_RENDER_GRAPHML;
	gml = render(NULL, g, NULL, &o, &len);
	x = gml ? xml_ok(gml, len) : 0;
	ok(x != 0, "GraphML of hostile names is well-formed%s",
		x < 0 ? " # SKIP no xmllint" : "");
	ok(gml && strstr(gml, "<script") == NULL, "GraphML: no raw <script>");
	free(gml);
	o.format = ENT_RENDER_GML;
	gml = render(NULL, g, NULL, &o, &len);
	ok(gml != NULL, "GML of hostile names");
	free(gml);
	free(svg);
	free(dot);

	/* a graph with no relation still draws its title */
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
	ent_dyads_create(&d, NULL);
	ent_graph_build(&g, d, NULL, &err);
	o.format = ENT_RENDER_SVG;
	o.title = NULL;
	svg = render(r, g, NULL, &o, &len);
	ok(svg && strstr(svg, "entente") && strstr(svg, "0 of 0 actors"),
		"empty graph: a titled, empty picture");
	free(svg);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

/* 36 actors: the title and legend grow by sqrt(36) / 5 = 1.2 */
static void test_large(ent_renderer *r)
{
	tie ties[35];
	char codes[36][8];
	ent_dyads *d = NULL;
	ent_graph *g;
	ent_render_options o = ENT_RENDER_OPTIONS_INIT;
	char *dot;
	size_t i;

	for (i = 0; i < 36; i++) {
		snprintf(codes[i], sizeof(codes[i]), "A%02zu", i);
	}
	for (i = 0; i < 35; i++) {
		ties[i].source = codes[0];
		ties[i].target = codes[i + 1];
		ties[i].goldstein = 1.0 + (double)i;
		ties[i].quad = 1;
		ties[i].count = 1;
	}
	g = graph_of(ties, 35, &d);
	dot = g ? render(r, g, NULL, &o, NULL) : NULL;
	ok(dot && strstr(dot, "<FONT POINT-SIZE=\"24\"><B>") &&
			strstr(dot, "POINT-SIZE=\"14\"") &&
			!strstr(dot, "POINT-SIZE=\"20\""),
		"36 actors: type scaled by 1.2 (20 -> 24, 12 -> 14)");
	ok(dot && strstr(dot, "splines=true"), "36 actors: routed splines");
	free(dot);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}


/* A crowded diagram (a star of 150 actors, 149 relations of |net| 1..149)
 * draws its 100 strongest relations and says so in the title; the full
 * graph with crowded_top 0; an explicit --top wins; a version-1 options
 * struct gets the cut too; 100 actors are not crowded. */
static void test_crowded(ent_renderer *r)
{
	tie ties[149];
	char codes[150][8];
	ent_dyads *d = NULL;
	ent_graph *g;
	ent_render_options o = ENT_RENDER_OPTIONS_INIT;
	char *dot;
	size_t i;

	for (i = 0; i < 150; i++) {
		snprintf(codes[i], sizeof(codes[i]), "S%03zu", i);
	}
	for (i = 0; i < 149; i++) {
		ties[i].source = codes[0];
		ties[i].target = codes[i + 1];
		ties[i].goldstein = 1.0 + (double)i;
		ties[i].quad = 1;
		ties[i].count = 1;
	}
	g = graph_of(ties, 149, &d);
	dot = g ? render(r, g, NULL, &o, NULL) : NULL;
	ok(dot && count(dot, " -- ") == 100 &&
			strstr(dot, ": the 100 strongest of 149 relations</B>") &&
			strstr(dot, "101 of 150 actors") && !strstr(dot, "S049") &&
			strstr(dot, "S050"),
		"150 actors: the 100 strongest relations, said in the title");
	free(dot);
	o.crowded_top = 0;
	dot = g ? render(r, g, NULL, &o, NULL) : NULL;
	ok(dot && count(dot, " -- ") == 149 && !strstr(dot, "strongest of"),
		"150 actors, crowded_top 0: every relation");
	free(dot);
	o.crowded_top = 100;
	o.top = 120;
	dot = g ? render(r, g, NULL, &o, NULL) : NULL;
	ok(dot && count(dot, " -- ") == 120 && !strstr(dot, "strongest of"),
		"150 actors, top 120: 120 relations, no cut");
	free(dot);
	o = (ent_render_options)ENT_RENDER_OPTIONS_INIT;
	o.version = 1;
	dot = g ? render(r, g, NULL, &o, NULL) : NULL;
	ok(dot && count(dot, " -- ") == 100,
		"version-1 options: the crowded default applies");
	free(dot);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
	g = graph_of(ties, 99, &d);
	o = (ent_render_options)ENT_RENDER_OPTIONS_INIT;
	o.crowded_top = 10;
	dot = g ? render(r, g, NULL, &o, NULL) : NULL;
	ok(dot && count(dot, " -- ") == 99,
		"100 actors are not crowded: every relation");
	free(dot);
	ent_graph_destroy(g);
	ent_dyads_destroy(d);
}

static void test_sources(void)
{
	const char *json =
		"{\"entente\": \"events/1\", \"events\": ["
		"{\"source\": \"CHN\", \"target\": \"RUS\", \"code\": \"057\", "
		"\"date\": \"2015-05-08\", \"doc\": \"a.txt\", \"sentence\": "
		"2, "
		"\"text\": \"China and Russia signed a *pact*.\"},"
		"{\"source\": \"RUS\", \"target\": \"CHN\", \"code\": \"057\", "
		"\"date\": \"2015-05-08\", \"doc\": \"a.txt\", \"sentence\": "
		"2, "
		"\"text\": \"China and Russia signed a *pact*.\"},"
		"{\"source\": \"USAGOV\", \"target\": \"RUS\", \"code\": "
		"\"112\", "
		"\"doc\": \"b.txt\", \"sentence\": 5, "
		"\"text\": \"Washington accused <b>Moscow</b>.\"},"
		/* the same sentence: another event, the other way */
		"{\"source\": \"RUS\", \"target\": \"USA\", \"code\": "
		"\"120\", \"doc\": \"b.txt\", \"sentence\": 5, "
		"\"text\": \"Washington accused <b>Moscow</b>.\"},"
		/* a web address with underscores and markup */
		"{\"source\": \"CHN\", \"target\": \"RUS\", \"code\": "
		"\"042\", \"doc\": \"https://ex.org/a_b/c_d<i>.html\", "
		"\"sentence\": 1, \"text\": \"Xi went to Moscow.\"},"
		/* two data rows from one article: two lines */
		"{\"source\": \"USA\", \"target\": \"RUS\", \"code\": "
		"\"111\", \"doc\": \"https://ex.org/x_y\", \"id\": \"7\", "
		"\"source_text\": \"WASHINGTON\"},"
		"{\"source\": \"RUS\", \"target\": \"USA\", \"code\": "
		"\"111\", \"doc\": \"https://ex.org/x_y\", \"id\": \"8\", "
		"\"source_text\": \"MOSCOW\"}]}";
	ent_dataset_options dopts = ENT_DATASET_OPTIONS_INIT;
	ent_dataset *ds = NULL;
	ent_events *evs = NULL;
	ent_graph *g = NULL;
	ent_report_options ro = ENT_REPORT_OPTIONS_INIT;
	ent_error err = {0};
	char *buf = NULL;
	size_t len = 0, i;
	FILE *fp;

	dopts.keep_events = 1;
	ok(ent_dataset_create(&ds, &dopts, NULL) == ENT_OK &&
			ent_events_parse_json(&evs, json, strlen(json),
				"t.json", &err) == ENT_OK,
		"sources fixture");
	for (i = 0; evs && i < ent_events_count(evs); i++) {
		ent_dataset_add_event(ds, ent_events_get(evs, i), &err);
	}
	ent_graph_build(&g, ent_dataset_dyads(ds), NULL, &err);
	fp = open_memstream(&buf, &len);
	ok(ent_report_write_sources(fp, ds, g, &ro, &err) == ENT_OK,
		"write sources");
	fclose(fp);
	ok(buf && strstr(buf, "China \xe2\x80\x93 Russia (3 events"),
		"alliance heading");
	ok(buf && count(buf, "signed a \\*pact\\*") == 1,
		"a sentence read for both directions is listed once, escaped");
	ok(buf && strstr(buf, "(a.txt, sentence 2)"), "document and sentence");
	ok(buf && strstr(buf, "China \xe2\x86\x94 Russia, 057"),
		"read both ways: a two-headed arrow");
	ok(buf && strstr(buf, "### Tensions") &&
			strstr(buf, "United States \xe2\x86\x92 Russia, 112") &&
			strstr(buf, "\\<b\\>Moscow\\</b\\>"),
		"tension: sector code reduced to the state, markup escaped");
	ok(buf && strstr(buf, "United States \xe2\x86\x92 Russia, 112 "
				"Accuse; Russia \xe2\x86\x92 United States, "
				"120 Reject: "),
		"every event of a sentence is listed, each its own way");
	ok(buf && strstr(buf, "(<https://ex.org/a_b/c_d%3Ci%3E.html>, "
				"sentence 1)"),
		"a web address is an autolink, underscores as they are");
	ok(buf && strstr(buf, "\xe2\x80\x9cWASHINGTON\xe2\x80\x9d") &&
			strstr(buf, "\xe2\x80\x9cMOSCOW\xe2\x80\x9d") &&
			strstr(buf, "x_y>, event 7)") &&
			strstr(buf, "x_y>, event 8)"),
		"two rows of one article are two lines");
	free(buf);
	ent_graph_destroy(g);
	ent_events_destroy(evs);
	ent_dataset_destroy(ds);
}

int main(void)
{
	ent_renderer *r = NULL;
	ent_error err = {0};

	test_names();
	ok(ent_renderer_create(&r, &err) == ENT_OK, "renderer: %s",
		err.message);
	test_encoding(r);
	test_formats(r);
	test_hostile(r);
	test_large(r);
	test_crowded(r);
	test_sources();
	ent_renderer_destroy(r);
	return done_testing();
}
