/* SPDX-License-Identifier: MIT */
/*
 * The one file that talks to Graphviz: a scene (render_internal.h) becomes
 * a cgraph graph, gvc lays it out and renders it. Graphviz's messages are
 * captured with agseterrf and the previous function restored afterwards;
 * warnings go to the log handler, the first error into `err`.
 */
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "render/gv_config.h"
#include "render/render_internal.h"

#if ENT_GV_LENGTH_SIZE_T
typedef size_t gv_length;
#else
typedef unsigned int gv_length;
#endif

/* cgraph takes `char *` for names and values it never writes to. */
#define S(s) ((char *)(s))

struct ent_renderer {
	GVC_t *gvc;
};

/* -- message capture ------------------------------------------------------ */

/* Graphviz keeps its error function globally, so is this record. cgraph
 * calls the function with pieces ("Error", ": ", the message): join them
 * into lines. */
static struct {
	ent__buf line;
	int have_error;
	char error[ENT_ERROR_SIZE];
} cap;

static void flush_line(void)
{
	char *text = cap.line.data;
	size_t n;

	if (text == NULL || text[0] == '\0') {
		return;
	}
	n = strlen(text);
	while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' ')) {
		text[--n] = '\0';
	}
	if (strncmp(text, "Error: ", 7) == 0) {
		if (!cap.have_error) {
			cap.have_error = 1;
			snprintf(cap.error, sizeof(cap.error), "graphviz: %s",
				text + 7);
		}
		ent__log(ENT_LOG_ERROR, "graphviz: %s", text + 7);
	} else {
		ent__log(ENT_LOG_WARNING, "graphviz: %s",
			strncmp(text, "Warning: ", 9) == 0 ? text + 9 : text);
	}
	cap.line.len = 0;
	cap.line.data[0] = '\0';
}

static int capture(char *msg)
{
	const char *nl;

	while (msg != NULL && *msg) {
		nl = strchr(msg, '\n');
		if (nl == NULL) {
			ent__buf_puts(&cap.line, msg);
			break;
		}
		ent__buf_put(&cap.line, msg, (size_t)(nl - msg));
		flush_line();
		msg = S(nl + 1);
	}
	return 0;
}

typedef struct gv_guard {
	agusererrf prev;
} gv_guard;

static void gv_enter(gv_guard *guard)
{
	cap.have_error = 0;
	cap.error[0] = '\0';
	guard->prev = agseterrf(capture);
}

static void gv_leave(gv_guard *guard)
{
	flush_line();
	ent__buf_free(&cap.line);
	agseterrf(guard->prev);
}

static ent_status gv_fail(ent_error *err, const char *what)
{
	flush_line(); /* a message without its final newline */
	if (cap.have_error) {
		return ent__error_set(err, ENT_ERENDER, NULL, 0, 0, "%s: %s",
			what, cap.error);
	}
	return ent__error_set(err, ENT_ERENDER, NULL, 0, 0, "%s failed", what);
}

/* -- the renderer --------------------------------------------------------- */

ent_status ent_renderer_create(ent_renderer **out, ent_error *err)
{
	ent_renderer *r = NULL;
	gv_guard guard;

	if (out == NULL) {
		return ent__error_set(
			err, ENT_EINVAL, NULL, 0, 0, "renderer: out is NULL");
	}
	*out = NULL;
	r = calloc(1, sizeof(*r));
	if (r == NULL) {
		return ent__error_nomem(err);
	}
	gv_enter(&guard);
	r->gvc = gvContext();
	gv_leave(&guard);
	if (r->gvc == NULL) {
		free(r);
		return gv_fail(err, "graphviz context");
	}
	*out = r;
	return ENT_OK;
}

void ent_renderer_destroy(ent_renderer *r)
{
	if (r == NULL) {
		return;
	}
	gvFreeContext(r->gvc);
	free(r);
}

/* -- building the graph --------------------------------------------------- */

/* Set attribute `name` of `obj`, declaring it (default "") on first use. */
static int set_attr(
	Agraph_t *g, void *obj, int kind, const char *name, const char *value)
{
	Agsym_t *sym = agattr(g, kind, S(name), NULL);

	if (sym == NULL) {
		sym = agattr(g, kind, S(name), S(""));
	}
	return sym != NULL && agxset(obj, sym, S(value)) == 0 ? 0 : -1;
}

/* Set an HTML-like label attribute; `html` is already escaped text. */
static int set_html(
	Agraph_t *g, void *obj, int kind, const char *name, const char *html)
{
	char *h = agstrdup_html(g, S(html));
	int rc;

	if (h == NULL) {
		return -1;
	}
	rc = set_attr(g, obj, kind, name, h);
	agstrfree(g, h);
	return rc;
}

static int set_num(Agraph_t *g, void *obj, int kind, const char *name, double v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%.3f", v);
	return set_attr(g, obj, kind, name, buf);
}

/* Defaults, declared once so the DOT output stays short. */
static int declare(Agraph_t *g, int kind, const char *name, const char *value)
{
	return agattr(g, kind, S(name), S(value)) != NULL ? 0 : -1;
}

static int build(Agraph_t **out, const ent__scene *s)
{
	Agraph_t *g;
	Agraph_t **subs = NULL;
	Agnode_t **nodes = NULL;
	/* pinned nodes: neato -n ("nop") keeps them where they are */
	const char *engine = s->pinned ? "nop" : ent_layout_name(s->layout);
	int force = !s->pinned &&
		(s->layout == ENT_LAYOUT_NEATO || s->layout == ENT_LAYOUT_FDP ||
			s->layout == ENT_LAYOUT_SFDP);
	char buf[64];
	size_t i;
	int rc = 0;

	*out = NULL;
	g = agopen(S("entente"), s->directed ? Agdirected : Agundirected, NULL);
	if (g == NULL) {
		return -1;
	}
	/* the graph: seeded layout, no overlaps, labels kept apart, edges
	 * under the nodes, title and legend on top */
	rc |= set_attr(g, g, AGRAPH, "layout", engine);
	if (force) {
		snprintf(buf, sizeof(buf), "%lu", s->seed);
		rc |= set_attr(g, g, AGRAPH, "start", buf);
		rc |= set_attr(g, g, AGRAPH, "overlap",
			s->layout == ENT_LAYOUT_SFDP ? "prism" : "false");
		rc |= set_attr(g, g, AGRAPH, "sep", "+14");
		/* spline routing around nodes is quadratic: small graphs only
		 */
		rc |= set_attr(g, g, AGRAPH, "splines",
			s->n_nodes <= 60 ? "true" : "false");
	} else if (s->pinned) {
		rc |= set_attr(g, g, AGRAPH, "splines", "false");
	} else if (s->layout == ENT_LAYOUT_CIRCO) {
		rc |= set_attr(g, g, AGRAPH, "mindist", "1.2");
	} else {
		rc |= set_attr(g, g, AGRAPH, "nodesep", "0.5");
		rc |= set_attr(g, g, AGRAPH, "ranksep", "0.8");
	}
	rc |= set_attr(g, g, AGRAPH, "outputorder", "edgesfirst");
	rc |= set_attr(g, g, AGRAPH, "fontname", "Helvetica");
	rc |= set_attr(g, g, AGRAPH, "labelloc", "t");
	rc |= set_attr(g, g, AGRAPH, "pad", "0.3");
	rc |= set_attr(g, g, AGRAPH, "bgcolor", "white");
	rc |= set_html(g, g, AGRAPH, "label", s->label);

	rc |= declare(g, AGNODE, "shape", "circle");
	/* the disc keeps its size (the measure) while the name may overflow
	 * it; overlap removal still counts the name */
	rc |= declare(g, AGNODE, "fixedsize", "shape");
	rc |= declare(g, AGNODE, "style", "filled");
	rc |= declare(g, AGNODE, "fillcolor", "#e0e0e0");
	rc |= declare(g, AGNODE, "color", "#505050");
	rc |= declare(g, AGNODE, "fontname", "Helvetica");
	rc |= declare(g, AGNODE, "fontsize", "12");
	rc |= declare(g, AGNODE, "label", "\\N");
	rc |= declare(g, AGEDGE, "color", ENT__COLOR_ALLIANCE);
	rc |= declare(g, AGEDGE, "style", "solid");
	if (s->directed) {
		rc |= declare(g, AGEDGE, "arrowsize", "0.7");
	}
	if (rc != 0) {
		goto done;
	}

	/* blocs as clusters where the layout draws them */
	if (s->clusters && s->n_blocs > 0) {
		subs = calloc((size_t)s->n_blocs, sizeof(*subs));
		if (subs == NULL) {
			rc = -1;
			goto done;
		}
	}
	nodes = calloc(s->n_nodes ? s->n_nodes : 1, sizeof(*nodes));
	if (nodes == NULL) {
		rc = -1;
		goto done;
	}
	for (i = 0; i < s->n_nodes && rc == 0; i++) {
		const ent__scene_node *nd = &s->nodes[i];
		Agraph_t *parent = g;

		if (subs != NULL && nd->bloc >= 0) {
			if (subs[nd->bloc] == NULL) {
				snprintf(buf, sizeof(buf), "cluster_bloc%d",
					nd->bloc + 1);
				subs[nd->bloc] = agsubg(g, buf, 1);
				if (subs[nd->bloc] == NULL) {
					rc = -1;
					break;
				}
				snprintf(buf, sizeof(buf), "bloc %d",
					nd->bloc + 1);
				rc |= set_attr(g, subs[nd->bloc], AGRAPH,
					"label", buf);
				rc |= set_attr(g, subs[nd->bloc], AGRAPH,
					"style", "rounded,filled");
				/* the members' colour, faint (alpha 0x30) */
				snprintf(buf, sizeof(buf), "%.7s30", nd->fill);
				rc |= set_attr(g, subs[nd->bloc], AGRAPH,
					"fillcolor", buf);
				rc |= set_attr(g, subs[nd->bloc], AGRAPH,
					"color", "#b0b0b0");
			}
			parent = subs[nd->bloc];
		}
		nodes[i] = agnode(parent, S(nd->id), 1);
		if (nodes[i] == NULL) {
			rc = -1;
			break;
		}
		rc |= set_num(g, nodes[i], AGNODE, "width", nd->width);
		rc |= set_html(g, nodes[i], AGNODE, "label", nd->label);
		rc |= set_attr(g, nodes[i], AGNODE, "tooltip", nd->tooltip);
		if (strcmp(nd->fill, "#e0e0e0") != 0) {
			rc |= set_attr(
				g, nodes[i], AGNODE, "fillcolor", nd->fill);
		}
		if (nd->pinned) {
			snprintf(buf, sizeof(buf), "%.2f,%.2f!", nd->x, nd->y);
			rc |= set_attr(g, nodes[i], AGNODE, "pos", buf);
		}
		if (nd->invisible) {
			rc |= set_attr(g, nodes[i], AGNODE, "style", "invis");
		}
		if (nd->ghost) {
			rc |= set_attr(g, nodes[i], AGNODE, "color", "#c8c8c8");
			rc |= set_attr(
				g, nodes[i], AGNODE, "fontcolor", "#9a9a9a");
		}
	}
	for (i = 0; i < s->n_edges && rc == 0; i++) {
		const ent__scene_edge *se = &s->edges[i];
		Agedge_t *e =
			agedge(g, nodes[se->tail], nodes[se->head], NULL, 1);

		if (e == NULL) {
			rc = -1;
			break;
		}
		if (se->sign < 0) {
			rc |= set_attr(
				g, e, AGEDGE, "color", ENT__COLOR_TENSION);
			rc |= set_attr(g, e, AGEDGE, "style", "dashed");
		} else if (se->sign == 0) {
			rc |= set_attr(
				g, e, AGEDGE, "color", ENT__COLOR_BALANCED);
			rc |= set_attr(g, e, AGEDGE, "style", "dotted");
		}
		rc |= set_num(g, e, AGEDGE, "penwidth", se->penwidth);
		rc |= set_attr(g, e, AGEDGE, "tooltip", se->tooltip);
		if (force) {
			/* allies close, rivals apart */
			rc |= set_attr(g, e, AGEDGE, "len",
				se->sign > 0           ? "1.2"
					: se->sign < 0 ? "2.4"
						       : "1.8");
		} else if (s->layout == ENT_LAYOUT_DOT && se->sign > 0) {
			rc |= set_attr(g, e, AGEDGE, "weight", "2");
		}
	}
done:
	free(subs);
	free(nodes);
	if (rc != 0) {
		agclose(g);
		return -1;
	}
	*out = g;
	return 0;
}

/* -- rendering ------------------------------------------------------------ */

static const char *gv_format(ent_render_format f)
{
	switch (f) {
	case ENT_RENDER_SVG:
		return "svg";
	case ENT_RENDER_PNG:
		return "png";
	case ENT_RENDER_PDF:
		return "pdf";
	default:
		return "dot";
	}
}

ent_status ent__gv_render(char **out, size_t *len_out, ent_renderer *r,
	const ent__scene *s, ent_render_format format, ent_error *err)
{
	Agraph_t *g = NULL;
	char *data = NULL;
	gv_length len = 0;
	FILE *mem = NULL;
	char *buf = NULL;
	size_t buf_len = 0;
	int laid_out = 0;
	ent_status status = ENT_OK;
	gv_guard guard;

	*out = NULL;
	*len_out = 0;
	if (format != ENT_RENDER_DOT &&
		(status = ent__gv_memory_check(s, 1, err)) != ENT_OK) {
		return status;
	}
	gv_enter(&guard);
	if (build(&g, s) != 0) {
		status = cap.have_error ? gv_fail(err, "building the graph")
					: ent__error_nomem(err);
		goto done;
	}
	if (format == ENT_RENDER_DOT) {
		/* the graph with its attributes, before layout: `dot -Tsvg`
		 * redraws it with the engine its `layout` names */
		mem = open_memstream(&buf, &buf_len);
		if (mem == NULL) {
			status = ent__error_nomem(err);
			goto done;
		}
		if (agwrite(g, mem) != 0) {
			status = gv_fail(err, "writing DOT");
			goto done;
		}
		if (fclose(mem) != 0) {
			mem = NULL;
			status = ent__error_nomem(err);
			goto done;
		}
		mem = NULL;
		*out = buf;
		*len_out = buf_len;
		buf = NULL;
		goto done;
	}
	if (gvLayout(r->gvc, g,
		    s->pinned ? "nop" : ent_layout_name(s->layout)) != 0) {
		status = gv_fail(err, "layout");
		goto done;
	}
	laid_out = 1;
	if (format == ENT_RENDER_PNG &&
		(status = ent__gv_memory_check_image(
			 GD_bb(g).UR.x - GD_bb(g).LL.x,
			 GD_bb(g).UR.y - GD_bb(g).LL.y, err)) != ENT_OK) {
		goto done;
	}
	if (gvRenderData(r->gvc, g, gv_format(format), &data, &len) != 0 ||
		data == NULL) {
		status = gv_fail(err, "rendering");
		goto done;
	}
	buf = malloc((size_t)len + 1);
	if (buf == NULL) {
		status = ent__error_nomem(err);
		goto done;
	}
	memcpy(buf, data, (size_t)len);
	buf[len] = '\0';
	*len_out = (size_t)len;
	if (format == ENT_RENDER_PDF &&
		(status = ent__pdf_fix_date(&buf, len_out, err)) != ENT_OK) {
		*len_out = 0;
		goto done;
	}
	*out = buf;
	buf = NULL;
done:
	if (mem != NULL) {
		fclose(mem);
	}
	free(buf);
	gvFreeRenderData(data);
	if (laid_out) {
		gvFreeLayout(r->gvc, g);
	}
	if (g != NULL) {
		agclose(g);
	}
	gv_leave(&guard);
	return status;
}

ent_status ent__gv_positions(ent_renderer *r, const ent__scene *s, double *x,
	double *y, ent_error *err)
{
	Agraph_t *g = NULL;
	ent_status status = ENT_OK;
	gv_guard guard;
	size_t i;

	if ((status = ent__gv_memory_check(s, 0, err)) != ENT_OK) {
		return status;
	}
	gv_enter(&guard);
	if (build(&g, s) != 0) {
		status = cap.have_error ? gv_fail(err, "building the graph")
					: ent__error_nomem(err);
		goto done;
	}
	if (gvLayout(r->gvc, g, ent_layout_name(s->layout)) != 0) {
		status = gv_fail(err, "layout");
		goto done;
	}
	for (i = 0; i < s->n_nodes; i++) {
		Agnode_t *n = agnode(g, S(s->nodes[i].id), 0);
		x[i] = n ? ND_coord(n).x : 0;
		y[i] = n ? ND_coord(n).y : 0;
	}
	gvFreeLayout(r->gvc, g);
done:
	if (g != NULL) {
		agclose(g);
	}
	gv_leave(&guard);
	return status;
}
