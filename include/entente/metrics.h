/* SPDX-License-Identifier: MIT */
/**
 * @file metrics.h
 * @brief Alliance and tension measures of the signed, weighted actor graph:
 * centrality, signed blocs, structural balance, tension, and the relations
 * of each time period.
 *
 * Every number `entente analyze` prints is defined here. Names in brackets
 * are the keys of the report (JSON keys and CSV columns).
 *
 * Layers of the graph (see graph.h for dyads and relations):
 *
 * - the directed dyads a -> b, weight w(a->b) = cooperation + conflict
 *   (total |Goldstein|);
 * - the cooperation layer: one undirected edge per relation {a, b} with
 *   cooperation > 0, weight c(a,b) = the relation's cooperation (both
 *   directions), distance = 1 / c(a,b);
 * - the signed layer: one undirected edge per relation with a sign (+1
 *   alliance tie when net > 0, -1 tension tie when net < 0; relations whose
 *   cooperation and conflict cancel exactly carry no sign and are left
 *   out), weight |net|.
 *
 * Centrality, per actor v:
 *
 * - [events_out], [events_in]: events of the dyads leaving / entering v.
 * - [cooperation_out], [cooperation_in], [conflict_out], [conflict_in]:
 *   strength by layer, the sums of the dyads' cooperation and conflict
 *   leaving / entering v.
 * - [degree]: distinct other actors v has a dyad with, either way.
 *   [degree_out], [degree_in]: dyads leaving / entering v (out- and
 *   in-degree of the directed graph).
 * - [net]: (cooperation_out + cooperation_in) - (conflict_out +
 *   conflict_in), v's net stance.
 * - [pagerank]: PageRank (Brin & Page 1998) on the directed dyads, weight
 *   w(a->b), damping 0.85, igraph's PRPACK solver; dangling actors spread
 *   their rank uniformly. Sums to 1 over actors (0 for every actor when no
 *   dyad has weight). Same as NetworkX pagerank(alpha=0.85).
 * - [betweenness]: on the cooperation layer with distance 1 / c, the raw
 *   number of shortest paths between other pairs that pass through v, each
 *   pair's paths sharing one unit (Brandes 2001; igraph_betweenness,
 *   NetworkX betweenness_centrality(normalized=False)). 0 off the layer.
 *   Two path lengths that differ by less than 1e-10 of their size are
 *   one length (igraph's IGRAPH_SHORTEST_PATH_EPSILON), so the same
 *   lengths summed in another order tie, as they do exactly.
 * - [harmonic]: harmonic closeness (Marchiori & Latora 2000) on the
 *   cooperation layer with distance 1 / c: the sum over other actors u
 *   reachable from v of 1 / d(v, u), not normalised (igraph
 *   harmonic_centrality normalized=false, NetworkX harmonic_centrality).
 *   0 for an actor with no cooperation tie.
 * - Both come from one Dijkstra pass per source actor, the sources shared
 *   out among threads (ent_metrics_options::threads) in a way that gives
 *   the same bytes for any number of threads. When more than
 *   ent_metrics_options::sample_above actors have a cooperation tie, they
 *   are estimates (Brandes & Pich 2007, "Centrality estimation in large
 *   networks", Int. J. Bifurcation and Chaos 17:2303-2318): k =
 *   ent_metrics_options::samples of the N actors with a tie, drawn
 *   uniformly with the options' seed, are the only sources, and the sums
 *   over sources are scaled by N / k (betweenness: N / k times half the
 *   sampled dependencies; harmonic of v: N / k times the sum of
 *   1 / d(s, v) over the sampled sources s other than v), which is
 *   unbiased. ent_metrics_path_sources() gives k, 0 when exact.
 * - [eigenvector]: eigenvector centrality (Bonacich 1972) of the cooperation
 *   layer's weighted adjacency matrix, the leading eigenvector scaled so its
 *   largest entry is 1 (igraph_eigenvector_centrality with scale=true;
 *   NetworkX eigenvector_centrality gives the same vector with unit
 *   Euclidean norm). On a disconnected layer the component with the largest
 *   eigenvalue carries the vector and other components get 0; 0 for every
 *   actor when the layer has no edge.
 * - [hub], [authority]: Kleinberg's HITS scores (1999) on the directed
 *   dyads with weight w(a->b): the leading eigenvectors of A A^T (hubs) and
 *   A^T A (authorities), each scaled so its largest entry is 1
 *   (igraph_hub_and_authority_scores with scale=true; NetworkX hits() gives
 *   the same vectors scaled to sum 1). 0 for every actor when no dyad has
 *   weight.
 * - [positive_degree], [negative_degree]: alliance and tension ties of v in
 *   the signed layer; [net_degree] = positive - negative; [degree_ratio] =
 *   positive / (positive + negative), 0 for an actor with no signed tie
 *   (signnet's degree_signed, types "pos", "neg", "net", "ratio").
 * - [pn]: the PN index of Everett & Borgatti (2014), "Networks containing
 *   negative ties", Social Networks 38:111-120: PN = (I - A / (2n - 2))^-1 1
 *   with A = P - 2N, P and N the 0/1 adjacency matrices of alliance and
 *   tension ties and n the number of actors. An actor with no signed tie
 *   scores 1; more and better-connected allies raise it, enemies lower it.
 *   The matrix is singular only for two actors joined by a tension tie;
 *   for n <= 2 the divisor 2n - 2 is replaced by 2n. A lone actor gets 1.
 * - [tension_share]: (conflict_out + conflict_in) / (cooperation_out +
 *   cooperation_in + conflict_out + conflict_in), the share of v's weight
 *   that is conflict; 0 for an actor without weight.
 * - [ally], [rival]: the partner of v's strongest alliance tie (largest
 *   net) and of its strongest tension tie (most negative net), ties broken
 *   by the lower actor index; none ((size_t)-1, JSON null, empty in CSV)
 *   when v has no such tie.
 * - [component]: number (from 1) of v's connected component of the signed
 *   layer, components numbered by size (largest first), ties by their
 *   first actor.
 * - [bloc]: number (from 1) of v's bloc, see below.
 *
 * Blocs (signed community detection). The signed layer is split into
 * connected components; a component of one actor is its own bloc, one of
 * two actors is one bloc when their tie is an alliance and two when a
 * tension, and each component of three or more actors is partitioned to
 * maximise its signed modularity (Traag & Bruggeman 2009, "Community
 * detection in networks with positive and negative links", Phys. Rev. E
 * 80:036115; Gomez, Jensen & Arenas 2009):
 *
 *   Q = sum over ordered pairs i, j of the component's actors (i = j
 *       included) in one bloc of
 *       [A_ij - k+_i k+_j / 2W+ + k-_i k-_j / 2W-] / (2W+ + 2W-)
 *
 * with A_ij = +|net| for an alliance tie, -|net| for a tension tie, 0
 * without a tie; k+_i and k-_i the summed |net| of i's alliance and
 * tension ties; 2W+- = sum of k+-_i (a term is left out when its W is 0).
 * It is the Hamiltonian igraph's spinglass anneals in its negative-link
 * mode with gamma = gamma_minus = 1, up to sign and scale. The search
 * (ent_metrics_options::blocs):
 *
 * - ENT_BLOCS_AUTO (default): signed Louvain (Blondel et al. 2008: move
 *   single actors to the community that raises Q most, with the queue of
 *   Traag, Waltman & van Eck 2019 and their refinement, then merge each
 *   community into one node and repeat; weighing every community, not
 *   only the neighbours', while communities x actors stays below 2^22,
 *   since a tension tie draws an actor towards its enemy's enemies),
 *   repeated from its own result until it changes nothing; run from
 *   min(16, 16384 / actors) seeds (at least one), the best kept; then
 *   heat-bath annealing from the best (the spinglass update, all
 *   communities and one new one as candidates, with at most four
 *   communities more than Louvain found; temperature in units of the
 *   component's mean |net| falling by 0.9 to 0.01, ten sweeps per
 *   temperature or two while most moves are taken): from 3, min(4,
 *   8192 / actors) times (at least once), and from 0.3 once, each
 *   followed by Louvain again; the partition with the highest Q is kept.
 *   Time: O(m) per Louvain pass, O(n (k + d)) per annealing sweep for k
 *   communities and mean degree d.
 * - ENT_BLOCS_LOUVAIN: signed Louvain only, from one seed.
 * - ENT_BLOCS_SPINGLASS: igraph_community_spinglass with
 *   IGRAPH_SPINCOMM_IMP_NEG on each component, edge weight = net divided
 *   by the mean |net| of the component's signed ties, gamma = gamma_minus
 *   = 1, ent_metrics_options::spins spins (25), start temperature 1, stop
 *   temperature 0.01, cooling factor 0.95 instead of igraph's 0.99.
 *   O(S n^2) per sweep for S spins on dense graphs.
 *
 * A component with no tension tie at all is one bloc unless the search's
 * partition of it has Q >= ENT_COOPERATIVE_SPLIT_Q (0.4; with no tension
 * Q is Newman's modularity): cooperation alone parts a component only
 * where its structure clearly does -- groups held together by several
 * ties and joined by few (two groups of four allied states joined by one
 * tie: Q = 0.42, two blocs) -- not a chain or a star of alliances (eight
 * states in a chain: Q = 0.38, one bloc), whose split would only count
 * alliance ties as frustrated.
 *
 * Every search is seeded with the options' seed, reseeded per component,
 * so runs repeat exactly. Weights in units of their mean size make the
 * annealing independent of the unit of the weights (raw weights once gave
 * the GDELT sample and the same rows repeated 595 times different blocs);
 * Q itself does not depend on it.
 * [modularity]: the objective as one number: the components' Q weighted by
 * their 2W+ + 2W- (with their raw weights); 0 without signed ties.
 * Blocs are numbered from 1, largest first, ties by their first actor.
 * Per bloc:
 *
 * - [members]: its actors, in code order; [size].
 * - [cooperation], [conflict]: cooperation and conflict of the relations
 *   inside the bloc (all relations of the graph, not only signed ones).
 * - [cohesion]: cooperation / (cooperation + conflict) inside the bloc, in
 *   [0, 1]; 1 when the bloc has no internal weight (a bloc of one).
 * - [density]: signed ties inside / (size (size - 1) / 2); 1 for a bloc of
 *   one.
 * - [external_conflict]: conflict of the relations between this bloc and
 *   other blocs.
 *
 * Structural balance (Cartwright & Harary 1956, "Structural balance: a
 * generalization of Heider's theory", Psychological Review 63:277-293), on
 * the signed layer:
 *
 * - [triangles]: triangles of the signed layer; [balanced] those whose
 *   sign product is +1, [unbalanced] those with product -1.
 * - [triangle_index]: balanced / triangles; 1 when there is no triangle
 *   (vacuously balanced; read it with [triangles]).
 * - [weighted_triangle_index]: the same with each triangle weighted by
 *   the product of its three |net| weights; 1 without triangles.
 * - the unbalanced triangles, heaviest first (ties by actor indices):
 *   all of them, or the heaviest ent_metrics_options::max_unbalanced
 *   (1000 by default; the counts above are always exact).
 * - [signed_ties]: m, the edges of the signed layer.
 * - [bloc_frustration]: the frustration of the bloc partition, the number
 *   of tension ties inside blocs plus alliance ties across blocs (a
 *   k-partition, Davis's clustering generalisation of balance);
 *   [bloc_frustration_weight] the sum of their |net|.
 * - [frustration]: L, the fewest frustrated ties found over two-group
 *   partitions (tension ties inside a group plus alliance ties across):
 *   the best of a local search started from (a) a spanning-forest
 *   colouring, (b) the blocs folded into two groups and (c) eight random
 *   partitions drawn with the options' seed, each improved by single-actor
 *   moves until no move lowers the count. It is an upper
 *   bound on the frustration index L(G) of Aref & Wilson (2018),
 *   "Measuring partial balance in signed networks", Journal of Complex
 *   Networks 6:566-595, and never exceeds m / 2. [frustration_weight]:
 *   the |net| of those ties.
 * - [normalised_balance]: 1 - L / (m / 2), Aref & Wilson's normalised
 *   frustration index F(G) computed with the bound L (so a lower bound on
 *   F(G)), in [0, 1]; 1 without signed ties.
 *
 * Tension, over the whole graph:
 *
 * - [conflict], [cooperation]: total conflict and cooperation of the
 *   relations.
 * - [conflict_between_blocs]: conflict of the relations whose actors are
 *   in different blocs; [between_share] = that / conflict, 0 without
 *   conflict.
 * - [cooperation_within_blocs]: cooperation of relations inside blocs;
 *   [within_share] = that / cooperation, 0 without cooperation.
 */
#ifndef ENT_METRICS_H
#define ENT_METRICS_H

#include <entente/common.h>
#include <entente/error.h>
#include <entente/graph.h>

ENT_BEGIN_DECLS

/** Per-actor measures (see the file comment for each definition). */
typedef struct ent_actor_metrics {
	int64_t events_out, events_in;
	double cooperation_out, cooperation_in;
	double conflict_out, conflict_in;
	int64_t degree;
	double pagerank;
	double betweenness;
	int64_t degree_out, degree_in;
	double net;
	double harmonic;
	double eigenvector;
	double hub, authority;
	int64_t positive_degree, negative_degree, net_degree;
	double degree_ratio;
	double pn;
	double tension_share;
	size_t component; /**< from 1 */
	size_t bloc;      /**< from 1 */
	size_t ally;      /**< actor index, or (size_t)-1 */
	size_t rival;     /**< actor index, or (size_t)-1 */
} ent_actor_metrics;

/** One bloc (see the file comment). */
typedef struct ent_bloc {
	size_t size;
	const size_t *members; /**< actor indices in code order (borrowed) */
	double cooperation, conflict;
	double cohesion;
	double density;
	double external_conflict;
} ent_bloc;

/** One triangle of the signed layer: actors a < b < c. */
typedef struct ent_triangle {
	size_t a, b, c;
	int sign;      /**< product of the three signs */
	double weight; /**< product of the three |net| */
} ent_triangle;

/** Structural balance of the graph (see the file comment). */
typedef struct ent_balance {
	int64_t triangles, balanced, unbalanced;
	double triangle_index;
	double weighted_triangle_index;
	int64_t signed_ties;
	int64_t bloc_frustration;
	double bloc_frustration_weight;
	int64_t frustration;
	double frustration_weight;
	double normalised_balance;
} ent_balance;

/** Tension across the graph (see the file comment). */
typedef struct ent_tension {
	double cooperation, conflict;
	double conflict_between_blocs;
	double between_share;
	double cooperation_within_blocs;
	double within_share;
} ent_tension;

/** Measures of one graph. */
typedef struct ent_metrics ent_metrics;

/** The least Q at which a component without tension ties is split into
 *  blocs (see the file comment). */
#define ENT_COOPERATIVE_SPLIT_Q 0.4

/** How the blocs of a component are found (see the file comment). */
typedef enum ent_bloc_method {
	ENT_BLOCS_AUTO = 0,  /**< signed Louvain, spinglass on small components */
	ENT_BLOCS_LOUVAIN,   /**< signed Louvain on every component */
	ENT_BLOCS_SPINGLASS  /**< igraph's spinglass on every component */
} ent_bloc_method;

/** Parse "auto", "louvain", "spinglass".
 * @return ENT_OK, or ENT_EINVAL for another name */
ENT_API ent_status ent_bloc_method_parse(ent_bloc_method *out, const char *name);

/** Options of the metrics. */
typedef struct ent_metrics_options {
	unsigned int version;
	double damping;     /**< PageRank damping, default 0.85 */
	unsigned long seed; /**< seed of the bloc search, the sample of
				 sources and the two-group search */
	int spins;          /**< spinglass: most blocs per component (25) */
	ent_bloc_method blocs; /**< bloc search (ENT_BLOCS_AUTO) */
	/** Betweenness and harmonic closeness are estimated from a sample of
	 * sources when more than this many actors have a cooperation tie
	 * (default 20000; 0 = always exact). */
	size_t sample_above;
	size_t samples;       /**< sources of the sample (default 2000) */
	unsigned int threads; /**< threads for them (0 = one per CPU) */
	/** Unbalanced triangles listed, the heaviest (default 1000; 0 = all);
	 * the counts are always exact. */
	size_t max_unbalanced;
} ent_metrics_options;

#define ENT_METRICS_OPTIONS_VERSION 2
#define ENT_METRICS_OPTIONS_INIT                                               \
	{                                                                      \
		ENT_METRICS_OPTIONS_VERSION, 0.85, 42, 25, ENT_BLOCS_AUTO,     \
			20000, 2000, 0, 1000                                   \
	}

/**
 * Compute every measure of a graph: centrality, blocs, balance, tension.
 *
 * Time complexity: O(V E + V^2 log V) for betweenness and harmonic
 * closeness (O(k (E + V log V)) with a sample of k sources), shared among
 * the threads; O(k (V + E)) for the PN index (k <= V conjugate-gradient
 * steps, usually a few dozen); blocs, see above; O(E^1.5) for the
 * triangles; the rest is lower.
 *
 * Not thread-safe: igraph's error handler and RNG are process-global
 * (Debian's igraph 0.10 is built without thread-local storage), and
 * spinglass reseeds igraph's default RNG with `opts->seed`. The function
 * starts worker threads of its own for betweenness and harmonic
 * closeness; they call no igraph function and end before it returns.
 *
 * @param[out] out the measures, destroy with ent_metrics_destroy()
 * @param g the graph
 * @param opts options, or NULL for the defaults
 * @param err details on failure, or NULL
 * @return ENT_OK, ENT_EINVAL (bad argument), ENT_ENOMEM, ENT_EMETRIC
 *         (igraph failed)
 */
ENT_API ent_status ent_metrics_compute(ent_metrics **out, const ent_graph *g,
	const ent_metrics_options *opts, ent_error *err);
/** Destroy. Accepts NULL. */
ENT_API void ent_metrics_destroy(ent_metrics *m);
/** The measures of actor i (vertex index of the graph), NULL out of range. */
ENT_API const ent_actor_metrics *ent_metrics_actor(
	const ent_metrics *m, size_t i);
/** Number of blocs (0 for an empty graph). */
ENT_API size_t ent_metrics_bloc_count(const ent_metrics *m);
/** Bloc k, counted from 0 (bloc number k + 1), borrowed; NULL out of range. */
ENT_API const ent_bloc *ent_metrics_bloc(const ent_metrics *m, size_t k);
/** Signed modularity of the blocs ([modularity], see the file comment);
 * 0 without signed ties. */
ENT_API double ent_metrics_modularity(const ent_metrics *m);
/** Number of connected components of the signed layer. */
ENT_API size_t ent_metrics_component_count(const ent_metrics *m);
/** Structural balance (borrowed). */
ENT_API const ent_balance *ent_metrics_balance(const ent_metrics *m);
/** Tension (borrowed). */
ENT_API const ent_tension *ent_metrics_tension(const ent_metrics *m);
/** Sources of the sample betweenness and harmonic closeness were
 * estimated from, or 0 when they are exact (every source). */
ENT_API size_t ent_metrics_path_sources(const ent_metrics *m);
/** Number of unbalanced triangles listed: all of them
 * (ent_balance::unbalanced), or the heaviest `max_unbalanced` of them. */
ENT_API size_t ent_metrics_unbalanced_count(const ent_metrics *m);
/** The i-th unbalanced triangle listed, heaviest first (borrowed), NULL
 * out of range. */
ENT_API const ent_triangle *ent_metrics_unbalanced(
	const ent_metrics *m, size_t i);
/**
 * Group of actor i in the best two-group partition found for
 * [frustration] (0 or 1; the group of the lowest-indexed actor of each
 * component is 0). -1 out of range.
 */
ENT_API int ent_metrics_side(const ent_metrics *m, size_t i);

/* -- time periods ------------------------------------------------------- */

/** One relation of one period, by actor code. */
typedef struct ent_period_relation {
	char a[ENT_CODE_SIZE]; /**< a < b in code order */
	char b[ENT_CODE_SIZE];
	int64_t events;
	double cooperation, conflict, net;
	int sign;
} ent_period_relation;

/** Summary of one period. */
typedef struct ent_period_summary {
	ent_date start;   /**< first day of the period */
	char label[16];   /**< "2015-05", see ent_period_label() */
	int64_t events;   /**< events of the period's dyads */
	size_t actors;    /**< actors with a dyad in the period */
	size_t relations; /**< relations of the period */
	size_t alliances, tensions;
	double cooperation, conflict, net;
	int64_t triangles;     /**< triangles of the period's signed layer */
	double triangle_index; /**< balanced / triangles, 1 without any */
} ent_period_summary;

/** One actor of one period: its measures in that period's graph alone
 * (definitions above; bloc numbers are the period's own). */
typedef struct ent_period_actor {
	char code[ENT_CODE_SIZE];
	int64_t events;        /**< events_out + events_in */
	double cooperation;    /**< cooperation_out + cooperation_in */
	double conflict;       /**< conflict_out + conflict_in */
	double pagerank;
	size_t bloc;           /**< from 1 */
} ent_period_actor;

/** The relations of every period of a dataset. */
typedef struct ent_periods ent_periods;

/**
 * Build the relations of each period of a dataset aggregated with `by`
 * (ent_dataset_period_count() > 0), each period's dyads through
 * ent_graph_build() with `gopts`, so a relation's net weight can be
 * followed from period to period. A dataset without periods gives an
 * empty result. The periods' actors are measured on demand, by
 * ent_periods_compute_actors().
 *
 * Time complexity: O(d log d) over the d dyads of all periods, plus
 * triangle listing per period.
 *
 * @param[out] out the periods, destroy with ent_periods_destroy()
 * @param ds the dataset
 * @param gopts graph options (min_events), or NULL
 * @param err details on failure, or NULL
 */
ENT_API ent_status ent_periods_compute(ent_periods **out, const ent_dataset *ds,
	const ent_graph_options *gopts, ent_error *err);
/**
 * Measure the actors of every period: ent_metrics_compute() (default
 * options) on each period's graph, built again from the dataset with
 * `gopts`; the graphs and measures are kept (ent_periods_graph()). Until
 * then every period has 0 actors.
 *
 * Time complexity: that of ent_metrics_compute() per period (spinglass
 * dominates).
 *
 * @param p periods computed from `ds` with the same `gopts`
 * @return ENT_OK, ENT_EINVAL (periods of another dataset), ENT_ENOMEM,
 *         ENT_EMETRIC
 */
ENT_API ent_status ent_periods_compute_actors(ent_periods *p,
	const ent_dataset *ds, const ent_graph_options *gopts, ent_error *err);
/** Destroy. Accepts NULL. */
ENT_API void ent_periods_destroy(ent_periods *p);
/** The unit the periods were aggregated by. */
ENT_API ent_period_unit ent_periods_unit(const ent_periods *p);
/** Number of periods. */
ENT_API size_t ent_periods_count(const ent_periods *p);
/** Summary of period i (borrowed), NULL out of range. */
ENT_API const ent_period_summary *ent_periods_summary(
	const ent_periods *p, size_t i);
/** Number of relations of period i (0 out of range). */
ENT_API size_t ent_periods_relation_count(const ent_periods *p, size_t i);
/** Relation j of period i, in (a, b) code order (borrowed), NULL out of
 * range. */
ENT_API const ent_period_relation *ent_periods_relation(
	const ent_periods *p, size_t i, size_t j);
/** The graph of period i and its measures, kept by
 * ent_periods_compute_actors() (borrowed); NULL before it or out of
 * range. */
ENT_API const ent_graph *ent_periods_graph(const ent_periods *p, size_t i);
ENT_API const ent_metrics *ent_periods_metrics(const ent_periods *p, size_t i);
/** Number of actors of period i (0 out of range). */
ENT_API size_t ent_periods_actor_count(const ent_periods *p, size_t i);
/** Actor j of period i, in code order (borrowed), NULL out of range. */
ENT_API const ent_period_actor *ent_periods_actor(
	const ent_periods *p, size_t i, size_t j);

ENT_END_DECLS

#endif
