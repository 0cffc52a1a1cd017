/* SPDX-License-Identifier: MIT */
/*
 * Betweenness and harmonic closeness of the cooperation layer from one
 * Dijkstra pass per source (Brandes 2001), the sources shared out among
 * worker threads (definitions in metrics.h).
 *
 * The threads never call igraph: Debian's igraph 0.10.2 is built with
 * IGRAPH_THREAD_SAFE 0 (igraph_threading.h) and its shared library has no
 * thread-local storage at all (no PT_TLS program header, `readelf -lW
 * libigraph.so.3`), so its error handler, FINALLY stack and RNG are
 * process-global and any igraph call from two threads at once races on
 * them. The layer is copied into plain arrays (ent__paths_graph) first.
 *
 * Output that does not depend on the thread count: the sources are dealt
 * into PATHS_CHUNKS chunks, source i of the (ascending) list to chunk
 * i mod PATHS_CHUNKS, whatever the number of threads. A chunk's
 * dependencies are summed into its own array, in source order, by
 * whichever thread takes it; the chunks' arrays are then added in chunk
 * order by the calling thread. Every floating-point operation is thus
 * the same, in the same order, for 1 thread or 64.
 */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "metrics/metrics_internal.h"

/* Chunks of sources; fixed, so sums do not depend on the thread count. */
#define PATHS_CHUNKS 32
/* Most worker threads. */
#define PATHS_MAX_THREADS 64
/* Two path lengths closer than this, relative to their size, are equal
 * (igraph's IGRAPH_SHORTEST_PATH_EPSILON): sums of the same lengths in
 * another order may differ in the last bits. */
#define PATHS_EPSILON 1e-10

void ent__paths_graph_finish(ent__paths_graph *g)
{
	if (g == NULL) {
		return;
	}
	free(g->off);
	free(g->arc);
	memset(g, 0, sizeof(*g));
}

/* 1 when two path lengths are equal within PATHS_EPSILON (relative). */
static int same_length(double a, double b)
{
	double diff = a > b ? a - b : b - a;

	return a == b || diff < PATHS_EPSILON * (a + b);
}

#define UNSETTLED UINT32_MAX

/* What Dijkstra keeps of a vertex, together: one cache line serves a
 * relaxation. */
typedef struct vertex {
	double dist;   /* INFINITY until reached */
	uint32_t rank; /* position in the settling order, UNSETTLED before */
	uint32_t where; /* position in the heap while queued */
} vertex;

/* One thread's arrays: n entries each, `pred` one per arc. */
typedef struct walker {
	vertex *vx;
	double *sigma, *delta;
	uint32_t *order;    /* vertices in the order Dijkstra settled them */
	uint32_t *heap;     /* binary heap of vertices by dist */
	uint32_t *pred_end; /* the predecessors of v end at pred[pred_end[v]] */
	uint32_t *pred;
} walker;

static void walker_finish(walker *w)
{
	free(w->vx);
	free(w->sigma);
	free(w->delta);
	free(w->order);
	free(w->heap);
	free(w->pred_end);
	free(w->pred);
	memset(w, 0, sizeof(*w));
}

static int walker_init(walker *w, size_t n, size_t arcs)
{
	size_t i;

	memset(w, 0, sizeof(*w));
	n = n ? n : 1;
	w->vx = malloc(n * sizeof(*w->vx));
	w->sigma = malloc(n * sizeof(*w->sigma));
	w->delta = malloc(n * sizeof(*w->delta));
	w->order = malloc(n * sizeof(*w->order));
	w->heap = malloc(n * sizeof(*w->heap));
	w->pred_end = malloc(n * sizeof(*w->pred_end));
	w->pred = malloc((arcs ? arcs : 1) * sizeof(*w->pred));
	if (!w->vx || !w->sigma || !w->delta || !w->order || !w->heap ||
		!w->pred_end || !w->pred) {
		walker_finish(w);
		return -1;
	}
	for (i = 0; i < n; i++) {
		w->vx[i].dist = INFINITY;
		w->vx[i].rank = UNSETTLED;
	}
	return 0;
}

static void heap_up(walker *w, uint32_t i)
{
	uint32_t v = w->heap[i];
	double d = w->vx[v].dist;

	while (i > 0) {
		uint32_t p = (i - 1) / 2;
		if (!(w->vx[w->heap[p]].dist > d)) {
			break;
		}
		w->heap[i] = w->heap[p];
		w->vx[w->heap[i]].where = i;
		i = p;
	}
	w->heap[i] = v;
	w->vx[v].where = i;
}

static uint32_t heap_pop(walker *w, uint32_t *size)
{
	uint32_t top = w->heap[0], i = 0, v, c;
	double d;

	if (--*size == 0) {
		return top;
	}
	v = w->heap[*size];
	d = w->vx[v].dist;
	while ((c = 2 * i + 1) < *size) {
		if (c + 1 < *size &&
			w->vx[w->heap[c + 1]].dist < w->vx[w->heap[c]].dist) {
			c++;
		}
		if (!(w->vx[w->heap[c]].dist < d)) {
			break;
		}
		w->heap[i] = w->heap[c];
		w->vx[w->heap[i]].where = i;
		i = c;
	}
	w->heap[i] = v;
	w->vx[v].where = i;
	return top;
}

/*
 * Dijkstra from s, then the dependencies of s on each vertex (Brandes
 * 2001). When a vertex u is settled, its neighbours v settled before it
 * with dist(v) + len(v, u) equal to dist(u) (same_length) are its
 * predecessors: they give its number of shortest paths and, walking back
 * in reverse settling order, receive its dependency. Adds s's dependency
 * of each other vertex to `between`, and 1 / dist to `harmonic` (per
 * vertex when `harmonic_per_target`, else the sum to harmonic[s]).
 * Leaves the vertices as it found them.
 */
static void from_source(const ent__paths_graph *g, walker *w, uint32_t s,
	double *between, double *harmonic, int harmonic_per_target)
{
	uint32_t heap_size = 0, settled = 0, n_pred = 0, i, p;
	size_t j;
	double reach = 0;

	w->vx[s].dist = 0;
	w->heap[heap_size++] = s;
	w->vx[s].where = 0;
	while (heap_size > 0) {
		uint32_t v = heap_pop(w, &heap_size);
		double dv = w->vx[v].dist, sigma = 0;
		w->vx[v].rank = settled;
		w->order[settled++] = v;
		for (j = g->off[v]; j < g->off[v + 1]; j++) {
			const ent__paths_arc *a = &g->arc[j];
			vertex *x = &w->vx[a->to];
			if (x->rank != UNSETTLED) {
				if (same_length(x->dist + a->len, dv)) {
					sigma += w->sigma[a->to];
					w->pred[n_pred++] = a->to;
				}
			} else if (x->dist == INFINITY) {
				x->dist = dv + a->len;
				w->heap[heap_size] = a->to;
				heap_up(w, heap_size++);
			} else if (dv + a->len < x->dist) {
				x->dist = dv + a->len; /* queued: move it up */
				heap_up(w, x->where);
			}
		}
		w->sigma[v] = v == s ? 1 : sigma;
		w->pred_end[v] = n_pred;
		w->delta[v] = 0;
	}
	/* dependencies, in reverse settling order */
	for (i = settled; i-- > 1;) {
		uint32_t u = w->order[i];
		double share = (1 + w->delta[u]) / w->sigma[u];
		for (p = w->pred_end[w->order[i - 1]]; p < w->pred_end[u]; p++) {
			w->delta[w->pred[p]] += w->sigma[w->pred[p]] * share;
		}
		between[u] += w->delta[u];
		if (harmonic_per_target) {
			harmonic[u] += 1 / w->vx[u].dist;
		} else {
			reach += 1 / w->vx[u].dist;
		}
	}
	if (!harmonic_per_target) {
		harmonic[s] = reach;
	}
	for (i = 0; i < settled; i++) {
		w->vx[w->order[i]].dist = INFINITY;
		w->vx[w->order[i]].rank = UNSETTLED;
	}
}

/* The work shared by the threads. */
struct ent__paths_job {
	ent__paths_graph g; /* relabelled: vertex perm[v] is the caller's v */
	size_t *perm;
	size_t *sources;
	size_t n_sources, active;
	int sampled;
	double *chunk_between;  /* PATHS_CHUNKS x n */
	double *chunk_harmonic; /* PATHS_CHUNKS x n when sampled */
	double *harmonic;       /* per source when exact */
	atomic_size_t next;     /* next chunk to take */
	atomic_int failed;
	pthread_t tid[PATHS_MAX_THREADS];
	unsigned int started;
};

static void *worker(void *arg)
{
	ent__paths_job *jb = arg;
	const ent__paths_graph *g = &jb->g;
	walker w;
	size_t c, i;

	if (walker_init(&w, g->n, g->off[g->n]) != 0) {
		atomic_store(&jb->failed, 1);
		return NULL;
	}
	while ((c = atomic_fetch_add(&jb->next, 1)) < PATHS_CHUNKS) {
		double *between = jb->chunk_between + c * g->n;
		double *harmonic =
			jb->sampled ? jb->chunk_harmonic + c * g->n : jb->harmonic;
		for (i = c; i < jb->n_sources; i += PATHS_CHUNKS) {
			from_source(g, &w, (uint32_t)jb->sources[i], between,
				harmonic, jb->sampled);
		}
	}
	walker_finish(&w);
	return NULL;
}

unsigned int ent__paths_threads(unsigned int asked)
{
	long cpus;

	if (asked > 0) {
		return asked > PATHS_MAX_THREADS ? PATHS_MAX_THREADS : asked;
	}
	cpus = sysconf(_SC_NPROCESSORS_ONLN);
	if (cpus < 1) {
		return 1;
	}
	return cpus > PATHS_MAX_THREADS ? PATHS_MAX_THREADS : (unsigned)cpus;
}

/* The sources: every vertex with a tie, or, above `sample_above` of them,
 * `samples` of them drawn uniformly without replacement (seeded partial
 * Fisher-Yates), ascending. */
static size_t pick_sources(const ent__paths_graph *g,
	const ent__paths_options *o, size_t *sources, size_t *active_out)
{
	size_t v, k = 0, i;
	uint64_t x = (uint64_t)o->seed * 0x9E3779B97F4A7C15u + 0x632BE59BD9B4E019u;

	for (v = 0; v < g->n; v++) {
		if (g->off[v + 1] > g->off[v]) {
			sources[k++] = v;
		}
	}
	*active_out = k;
	if (o->sample_above == 0 || k <= o->sample_above || o->samples >= k ||
		o->samples == 0) {
		return k;
	}
	for (i = 0; i < o->samples; i++) {
		size_t j, t;
		/* xorshift64* */
		x ^= x >> 12;
		x ^= x << 25;
		x ^= x >> 27;
		j = i + (size_t)((x * 0x2545F4914F6CDD1Du) % (uint64_t)(k - i));
		t = sources[i];
		sources[i] = sources[j];
		sources[j] = t;
	}
	k = o->samples;
	/* ascending, so the chunks do not depend on the draw order */
	for (i = 1; i < k; i++) {
		size_t s = sources[i], j = i;
		while (j > 0 && sources[j - 1] > s) {
			sources[j] = sources[j - 1];
			j--;
		}
		sources[j] = s;
	}
	return k;
}

/*
 * Relabel the vertices by degree, highest first (ties by index), into
 * `out`, with perm[v] the new label of v: the hubs that most shortest
 * paths run through then sit together in memory, and their distances
 * stay in cache (about a tenth faster on a Zipf-like actor graph). Arcs
 * keep their order. Returns 0, or -1 when out of memory.
 */
static int relabel(ent__paths_graph *out, size_t *perm,
	const ent__paths_graph *g)
{
	size_t n = g->n, v, j, top = 0, *count = NULL, *old_of = NULL;

	memset(out, 0, sizeof(*out));
	for (v = 0; v < n; v++) {
		size_t d = g->off[v + 1] - g->off[v];
		top = d > top ? d : top;
	}
	count = calloc(top + 2, sizeof(*count));
	old_of = malloc((n ? n : 1) * sizeof(*old_of));
	out->off = malloc((n + 1) * sizeof(*out->off));
	out->arc = malloc((g->off[n] ? g->off[n] : 1) * sizeof(*out->arc));
	if (!count || !old_of || !out->off || !out->arc) {
		free(count);
		free(old_of);
		ent__paths_graph_finish(out);
		return -1;
	}
	out->n = n;
	/* counting sort on top - degree: stable, so ties keep index order */
	for (v = 0; v < n; v++) {
		count[top - (g->off[v + 1] - g->off[v]) + 1]++;
	}
	for (j = 0; j <= top; j++) {
		count[j + 1] += count[j];
	}
	for (v = 0; v < n; v++) {
		size_t u = count[top - (g->off[v + 1] - g->off[v])]++;
		perm[v] = u;
		old_of[u] = v;
	}
	out->off[0] = 0;
	for (v = 0; v < n; v++) {
		size_t old = old_of[v], k = out->off[v];
		for (j = g->off[old]; j < g->off[old + 1]; j++, k++) {
			out->arc[k].len = g->arc[j].len;
			out->arc[k].to = (uint32_t)perm[g->arc[j].to];
		}
		out->off[v + 1] = k;
	}
	free(count);
	free(old_of);
	return 0;
}

static void job_free(ent__paths_job *jb)
{
	ent__paths_graph_finish(&jb->g);
	free(jb->perm);
	free(jb->sources);
	free(jb->chunk_between);
	free(jb->chunk_harmonic);
	free(jb->harmonic);
	free(jb);
}

ent_status ent__paths_start(ent__paths_job **out, ent__paths_graph *g,
	const ent__paths_options *o)
{
	ent__paths_job *jb;
	size_t n = g->n ? g->n : 1;
	unsigned int t, threads;

	*out = NULL;
	jb = calloc(1, sizeof(*jb));
	if (jb == NULL) {
		ent__paths_graph_finish(g);
		return ENT_ENOMEM;
	}
	jb->g = *g;
	memset(g, 0, sizeof(*g));
	atomic_init(&jb->next, 0);
	atomic_init(&jb->failed, 0);
	jb->sources = malloc(n * sizeof(*jb->sources));
	jb->harmonic = calloc(n, sizeof(*jb->harmonic));
	jb->chunk_between = calloc(PATHS_CHUNKS * n, sizeof(double));
	if (!jb->sources || !jb->harmonic || !jb->chunk_between) {
		job_free(jb);
		return ENT_ENOMEM;
	}
	jb->n_sources = pick_sources(&jb->g, o, jb->sources, &jb->active);
	jb->sampled = jb->n_sources < jb->active;
	{
		ent__paths_graph relabelled;
		size_t i;
		jb->perm = malloc(n * sizeof(*jb->perm));
		if (jb->perm == NULL ||
			relabel(&relabelled, jb->perm, &jb->g) != 0) {
			job_free(jb);
			return ENT_ENOMEM;
		}
		ent__paths_graph_finish(&jb->g);
		jb->g = relabelled;
		/* the same sources in the same order: the same chunks */
		for (i = 0; i < jb->n_sources; i++) {
			jb->sources[i] = jb->perm[jb->sources[i]];
		}
	}
	if (jb->sampled &&
		!(jb->chunk_harmonic = calloc(PATHS_CHUNKS * n, sizeof(double)))) {
		job_free(jb);
		return ENT_ENOMEM;
	}
	/* the calling thread joins in ent__paths_finish */
	threads = ent__paths_threads(o->threads);
	for (t = 1; t < threads; t++) {
		if (pthread_create(&jb->tid[jb->started], NULL, worker, jb) !=
			0) {
			break; /* fewer threads: same result, only later */
		}
		jb->started++;
	}
	*out = jb;
	return ENT_OK;
}

ent_status ent__paths_finish(ent__paths_job *jb, double *between,
	double *harmonic, size_t *sources_out)
{
	size_t n, c, v;
	unsigned int t;
	double scale;
	ent_status st = ENT_OK;

	if (jb == NULL) {
		return ENT_OK;
	}
	if (between == NULL) {
		/* abandoned: no more chunks; wait for the ones under way */
		atomic_store(&jb->next, PATHS_CHUNKS);
	}
	worker(jb);
	for (t = 0; t < jb->started; t++) {
		pthread_join(jb->tid[t], NULL);
	}
	if (between == NULL) {
		job_free(jb);
		return ENT_OK;
	}
	if (atomic_load(&jb->failed)) {
		job_free(jb);
		return ENT_ENOMEM;
	}
	n = jb->g.n;
	for (v = 0; v < n; v++) {
		size_t u = jb->perm[v]; /* v's label in the job */
		double b = 0, h = jb->sampled ? 0 : jb->harmonic[u];
		/* chunks in order; each pair was counted from both ends */
		for (c = 0; c < PATHS_CHUNKS; c++) {
			b += jb->chunk_between[c * n + u];
			if (jb->sampled) {
				h += jb->chunk_harmonic[c * n + u];
			}
		}
		between[v] = b;
		harmonic[v] = h;
	}
	/* Brandes & Pich (2007): a uniform sample of k of the N sources,
	 * scaled by N / k, estimates the sums without bias */
	scale = jb->sampled ? (double)jb->active / (double)jb->n_sources : 1;
	for (v = 0; v < n; v++) {
		between[v] *= scale / 2;
		harmonic[v] *= scale;
	}
	*sources_out = jb->sampled ? jb->n_sources : 0;
	job_free(jb);
	return st;
}
