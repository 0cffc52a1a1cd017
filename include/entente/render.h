/* SPDX-License-Identifier: MIT */
/**
 * @file render.h
 * @brief Diagrams of the actor graph through Graphviz (cgraph + gvc), and
 * exports of the graph: GraphML and GEXF (libxml2's xmlwriter), GML and
 * the signed relation list (CSV).
 *
 * The diagram encodes:
 *
 * - one edge per relation {a, b} (or, with `directed`, one arrow per
 *   directed dyad); an alliance tie (net > 0) is drawn solid in blue
 *   (#2166ac), a tension tie (net < 0) dashed in orange (#d95f02), a
 *   balanced tie (net = 0) dotted in grey, so the sign reads in greyscale
 *   and for colour-blind readers; an arrow's net is its own dyad's
 *   cooperation - conflict;
 * - edge width, the intensity |net| on a log scale:
 *   penwidth = 1 + 5 * ln(1 + |net|) / ln(1 + max |net|), max over the
 *   drawn edges (1 for every edge when max |net| = 0);
 * - node size, the measure chosen by ::ent_size_by on a square-root scale
 *   so that the disc's area follows the measure:
 *   width = 0.2 + 0.6 * sqrt(v / max v) inches (0.2 when max v = 0);
 * - edge length (neato, fdp, sfdp): 1.2 inches for an alliance tie, 2.4
 *   for a tension tie (1.8 balanced), so allies are drawn close and rivals
 *   apart;
 * - blocs (signed communities, see metrics.h): clusters with the fdp and
 *   dot layouts, which support them, and nodes filled with the bloc's
 *   colour with every layout; the legend names the colours;
 * - labels: the actor's name on its disc (the name may overflow the disc;
 *   overlap removal keeps names apart); a title (the inputs or
 *   ::ent_render_options::title), a subtitle (date range, events, actors,
 *   relations) and a legend on top of the picture, outside the nodes;
 *   with n > 25 drawn actors their type is scaled by min(3, sqrt(n) / 5)
 *   so they stay legible when a large picture is shrunk to a page.
 *
 * Tooltips (shown on hover in SVG): a node gives its name, code and size
 * measure; a tie its ends, kind, net, cooperation, conflict and events.
 *
 * Selection: a relation is drawn when |net| >= `min_weight`; of those, the
 * `top` relations with the largest |net| (ties: lower vertex indices
 * first) when `top` > 0. An actor is drawn when one of its relations is.
 * A crowded diagram is cut by default: when neither `top` nor
 * `min_weight` is set and more than ENT_RENDER_CROWDED actors would be
 * drawn, only the `crowded_top` strongest relations are, and the title
 * says so ("the 100 strongest of 517 relations"); `crowded_top` = 0 draws
 * every relation whatever the size.
 *
 * Safety: names, codes and titles from the input never become markup.
 * Labels (HTML-like) and tooltips are escaped: & < > " ' and the
 * backslash become character references, control characters become
 * spaces and invalid UTF-8 becomes U+FFFD. Node identifiers are the actor
 * code when it is made of letters, digits and '_', else "actor#<index>".
 *
 * Exports (GraphML, GML) hold the whole directed dyad graph (`top`,
 * `min_weight` and `directed` do not apply) with these attributes --
 * vertices: code, label (the name) and, with metrics, pagerank,
 * betweenness, degree, eventsIn, eventsOut, harmonic, eigenvector, hub,
 * authority, pn, tensionShare, component and bloc (see metrics.h; bloc
 * from 1, or `blocs` + 1 with 0 for none when the caller gives blocs);
 * edges: events, coopEvents, conflictEvents, goldsteinSum, goldsteinMean,
 * cooperation, conflict, net, sign (of net) and first, last (YYYY-MM-DD,
 * empty when undated). GML keys cannot hold '_', hence the camel case.
 *
 * Determinism: the layout is seeded (`seed`), vertices and edges are
 * created in index order and no timestamp is written, so the same input
 * and options give byte-identical DOT and SVG.
 */
#ifndef ENT_RENDER_H
#define ENT_RENDER_H

#include <stdio.h>

#include <entente/common.h>
#include <entente/error.h>
#include <entente/graph.h>
#include <entente/metrics.h>

ENT_BEGIN_DECLS

/** Output formats of ::ent_render_write. */
typedef enum ent_render_format {
	ENT_RENDER_DOT = 0, /**< the graph with every attribute, before
				 layout; `dot -Tsvg` redraws it (it names its
				 layout engine) */
	ENT_RENDER_SVG,     /**< laid out and drawn by Graphviz */
	ENT_RENDER_PNG,     /**< 96 dpi raster (cairo) */
	ENT_RENDER_PDF,     /**< vector (cairo) */
	ENT_RENDER_GRAPHML, /**< GraphML: the directed dyad graph, nodes
				 identified by actor code, typed attributes */
	ENT_RENDER_GML,     /**< GML: the same graph (integer ids, the code
				 as label) */
	ENT_RENDER_GEXF,    /**< GEXF 1.3: the relations, with the dataset's
				 periods as time intervals (Gephi's
				 timeline) */
	ENT_RENDER_CSV      /**< the signed relation list:
				 a,b,sign,weight,events,cooperation,conflict,net */
} ent_render_format;

/** Parse "dot" (or "gv"), "svg", "png", "pdf", "graphml", "gml", "gexf",
 * "csv".
 * @return ENT_OK, or ENT_EINVAL for another name */
ENT_API ent_status ent_render_format_parse(
	ent_render_format *out, const char *name);

/** The format named by the extension of `path` (case-insensitive).
 * @return ENT_OK, or ENT_ENOTFOUND when the extension names no format */
ENT_API ent_status ent_render_format_from_path(
	ent_render_format *out, const char *path);

/** Graphviz layout engines. */
typedef enum ent_layout {
	ENT_LAYOUT_NEATO = 0, /**< stress majorisation (default) */
	ENT_LAYOUT_FDP,       /**< force-directed, with bloc clusters */
	ENT_LAYOUT_SFDP,      /**< multiscale force-directed, large graphs */
	ENT_LAYOUT_CIRCO,     /**< circular */
	ENT_LAYOUT_DOT        /**< layered, with bloc clusters */
} ent_layout;

/** Parse "neato", "fdp", "sfdp", "circo", "dot".
 * @return ENT_OK, or ENT_EINVAL for another name */
ENT_API ent_status ent_layout_parse(ent_layout *out, const char *name);
/** The engine name of a layout ("neato", ...). Never NULL. */
ENT_API const char *ent_layout_name(ent_layout layout);

/** The measure that sets node size (see ::ent_actor_metrics). */
typedef enum ent_size_by {
	ENT_SIZE_PAGERANK = 0, /**< PageRank (default) */
	ENT_SIZE_BETWEENNESS,  /**< betweenness on the cooperation layer */
	ENT_SIZE_DEGREE,       /**< number of partners */
	ENT_SIZE_EVENTS        /**< events_in + events_out */
} ent_size_by;

/** Parse "pagerank", "betweenness", "degree", "events".
 * @return ENT_OK, or ENT_EINVAL for another name */
ENT_API ent_status ent_size_by_parse(ent_size_by *out, const char *name);

/** Options of a diagram. */
typedef struct ent_render_options {
	unsigned int version;
	ent_render_format format;
	ent_layout layout;
	ent_size_by size_by;
	int directed;       /**< draw directed dyads with arrows */
	size_t top;         /**< keep the `top` strongest relations (0 = all) */
	double min_weight;  /**< leave out relations with |net| below this */
	const char *title;  /**< title; NULL = the inputs' names */
	unsigned long seed; /**< layout seed */
	/**
	 * Bloc of each actor (vertex index -> bloc number from 0, negative for
	 * none), `ent_graph_actor_count()` entries, borrowed; or NULL for the
	 * blocs of the metrics (::ent_actor_metrics bloc), of which the eight
	 * largest with two actors or more are drawn (eight colours tell apart
	 * well). An array of -1 draws no blocs.
	 */
	const int *blocs;
	/**
	 * A layout to draw on (ent_positions_compute()), borrowed; NULL to
	 * lay out the graph. With it, each drawn actor is pinned where the
	 * layout put the actor with its code (an actor the layout does not
	 * hold is left out, with its ties), every other actor of the
	 * layout is drawn faded with no tie ("no news" in this graph), and
	 * ties are straight: diagrams of several periods drawn on one
	 * layout line up, so a tie that appears or turns is seen, not
	 * re-laid out. Only for the drawn formats (SVG, PNG, PDF); DOT and
	 * the exports ignore it.
	 */
	const struct ent_positions *positions;
	/** Relations drawn when a diagram is crowded (see Selection; default
	 * 100; 0 = never cut). Version 2. */
	size_t crowded_top;
} ent_render_options;

/** Actors above which a diagram counts as crowded (see Selection). */
#define ENT_RENDER_CROWDED 100

#define ENT_RENDER_OPTIONS_VERSION 2
#define ENT_RENDER_OPTIONS_INIT                                                \
	{                                                                      \
		ENT_RENDER_OPTIONS_VERSION, ENT_RENDER_DOT, ENT_LAYOUT_NEATO,  \
			ENT_SIZE_PAGERANK, 0, 0, 0.0, NULL, 1, NULL, NULL,     \
			100                                                    \
	}

/**
 * A renderer: one Graphviz context, reused for several diagrams. Not
 * thread-safe (Graphviz keeps global state): use from one thread.
 */
typedef struct ent_renderer ent_renderer;

/** Create a renderer (loads Graphviz's plugins). */
ENT_API ent_status ent_renderer_create(ent_renderer **out, ent_error *err);
/** Destroy a renderer. Accepts NULL. */
ENT_API void ent_renderer_destroy(ent_renderer *r);

/**
 * Draw (or export) the graph and write it to `fp`.
 *
 * @param r a renderer (unused, may be NULL, for GraphML and GML)
 * @param fp where the output goes
 * @param g the graph
 * @param m its metrics, for node sizes (NULL: every node the same size)
 * @param ds the dataset it came from, for the title and subtitle (may be
 *   NULL)
 * @param opts options, NULL for the defaults
 * @param err details of a failure (may be NULL)
 * @return ENT_OK; ENT_ERENDER when Graphviz fails (its message in `err`);
 *   ENT_EMETRIC when igraph fails; ENT_EIO when writing fails;
 *   ENT_EINVAL for a bad argument
 *
 * Time complexity: that of the layout engine; O(V + E) otherwise.
 */
ENT_API ent_status ent_render_write(ent_renderer *r, FILE *fp,
	const ent_graph *g, const ent_metrics *m, const ent_dataset *ds,
	const ent_render_options *opts, ent_error *err);

/**
 * Same as ::ent_render_write, into memory.
 * @param[out] out the bytes (NUL-terminated for text formats); free with
 *   ent_free()
 * @param[out] len_out their number
 */
ENT_API ent_status ent_render_data(char **out, size_t *len_out, ent_renderer *r,
	const ent_graph *g, const ent_metrics *m, const ent_dataset *ds,
	const ent_render_options *opts, ent_error *err);

/**
 * The places of the actors in one layout, by actor code: lay out the
 * diagram `ent_render_write()` would draw of `g` with `opts` (its layout
 * engine, seed, top, min_weight) and record where each drawn actor went,
 * to draw other graphs on it (::ent_render_options positions).
 * @return as ent_render_write()
 */
typedef struct ent_positions ent_positions;
ENT_API ent_status ent_positions_compute(ent_positions **out,
	ent_renderer *r, const ent_graph *g, const ent_metrics *m,
	const ent_dataset *ds, const ent_render_options *opts, ent_error *err);
/** Destroy. Accepts NULL. */
ENT_API void ent_positions_destroy(ent_positions *p);
/** Number of actors placed. */
ENT_API size_t ent_positions_count(const ent_positions *p);

ENT_END_DECLS

#endif
