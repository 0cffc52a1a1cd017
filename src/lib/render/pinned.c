/* SPDX-License-Identifier: MIT */
/*
 * One layout for several diagrams (render.h, ent_positions): the places
 * of the actors of one laid-out diagram, and a scene put on them, so the
 * diagrams of every period line up.
 */
#include <stdlib.h>
#include <string.h>

#include "render/render_internal.h"

typedef struct place {
	char code[ENT_CODE_SIZE];
	char *name;
	double x, y;
	int used; /* scratch: drawn in the scene being pinned */
} place;

struct ent_positions {
	size_t n;
	place *items; /* in code order */
};

static int cmp_place(const void *a, const void *b)
{
	return strcmp(((const place *)a)->code, ((const place *)b)->code);
}

static place *find(const ent_positions *p, const char *code)
{
	place key;

	if (strlen(code) >= sizeof(key.code)) {
		return NULL;
	}
	strcpy(key.code, code);
	return bsearch(&key, p->items, p->n, sizeof(*p->items), cmp_place);
}

void ent_positions_destroy(ent_positions *p)
{
	size_t i;

	if (p == NULL) {
		return;
	}
	for (i = 0; i < p->n; i++) {
		free(p->items[i].name);
	}
	free(p->items);
	free(p);
}

size_t ent_positions_count(const ent_positions *p)
{
	return p ? p->n : 0;
}

ent_status ent_positions_compute(ent_positions **out, ent_renderer *r,
	const ent_graph *g, const ent_metrics *m, const ent_dataset *ds,
	const ent_render_options *opts, ent_error *err)
{
	static const ent_render_options defaults = ENT_RENDER_OPTIONS_INIT;
	ent_positions *p = NULL;
	ent__scene scene;
	double *x = NULL, *y = NULL;
	ent_status st;
	size_t i;

	if (out == NULL || r == NULL || g == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_positions_compute: NULL argument");
	}
	*out = NULL;
	opts = opts ? opts : &defaults;
	st = ent__scene_build(&scene, g, m, ds, opts, err);
	if (st != ENT_OK) {
		return st;
	}
	p = calloc(1, sizeof(*p));
	x = calloc(scene.n_nodes + 1, sizeof(*x));
	y = calloc(scene.n_nodes + 1, sizeof(*y));
	if (p == NULL || x == NULL || y == NULL ||
		(p->items = calloc(scene.n_nodes + 1, sizeof(*p->items))) ==
			NULL) {
		st = ent__error_nomem(err);
		goto done;
	}
	st = ent__gv_positions(r, &scene, x, y, err);
	if (st != ENT_OK) {
		goto done;
	}
	for (i = 0; i < scene.n_nodes; i++) {
		const ent_actor *a = ent_graph_actor(g, scene.nodes[i].actor);
		place *pl = &p->items[p->n];
		if (strlen(a->code) >= sizeof(pl->code)) {
			continue;
		}
		strcpy(pl->code, a->code);
		pl->name = ent__strdup(a->name ? a->name : a->code);
		if (pl->name == NULL) {
			st = ent__error_nomem(err);
			goto done;
		}
		pl->x = x[i];
		pl->y = y[i];
		p->n++;
	}
	qsort(p->items, p->n, sizeof(*p->items), cmp_place);
	*out = p;
	p = NULL;
done:
	ent_positions_destroy(p);
	free(x);
	free(y);
	ent__scene_free(&scene);
	return st;
}

ent_status ent__scene_pin(ent__scene *s, const ent_graph *g,
	const ent_positions *p, ent_error *err)
{
	size_t i, k = 0, n_ghosts = 0, *new_index = NULL;
	ent__scene_node *nodes = NULL;
	ent__buf b = {0};
	ent_status st = ENT_OK;

	new_index = malloc((s->n_nodes + 1) * sizeof(*new_index));
	nodes = calloc(s->n_nodes + p->n + 3, sizeof(*nodes));
	if (new_index == NULL || nodes == NULL) {
		st = ent__error_nomem(err);
		goto done;
	}
	for (i = 0; i < p->n; i++) {
		p->items[i].used = 0;
	}
	/* drawn actors the layout holds, pinned; others are left out */
	for (i = 0; i < s->n_nodes; i++) {
		const ent_actor *a = ent_graph_actor(g, s->nodes[i].actor);
		place *pl = find(p, a->code);
		new_index[i] = (size_t)-1;
		if (pl != NULL) {
			pl->used = 1;
			nodes[k] = s->nodes[i];
			nodes[k].pinned = 1;
			nodes[k].x = pl->x;
			nodes[k].y = pl->y;
			new_index[i] = k++;
		}
	}
	/* the layout's other actors, faded: no news of them here */
	for (i = 0; i < p->n; i++) {
		const place *pl = &p->items[i];
		ent__scene_node *nd;
		if (pl->used) {
			continue;
		}
		nd = &nodes[k + n_ghosts++];
		snprintf(nd->id, sizeof(nd->id), "ghost#%zu", i);
		nd->actor = (size_t)-1;
		nd->width = 0.2;
		nd->bloc = -1;
		nd->fill = "#f4f4f4";
		nd->pinned = 1;
		nd->ghost = 1;
		nd->x = pl->x;
		nd->y = pl->y;
		if (ent__html_escape(&b, pl->name) < 0) {
			st = ent__error_nomem(err);
			goto done;
		}
		nd->label = b.data ? b.data : ent__strdup("");
		memset(&b, 0, sizeof(b));
		if (ent__html_escape(&b, pl->name) < 0 ||
			ent__buf_puts(&b, ": no events in this graph") < 0) {
			st = ent__error_nomem(err);
			goto done;
		}
		nd->tooltip = b.data;
		memset(&b, 0, sizeof(b));
		if (nd->label == NULL || nd->tooltip == NULL) {
			st = ent__error_nomem(err);
			goto done;
		}
	}
	/* two invisible corners just outside every place: each diagram on
	 * this layout gets the same extent, so they line up on a page */
	for (i = 0; i < 2 && p->n > 0; i++) {
		ent__scene_node *nd = &nodes[k + n_ghosts++];
		size_t j;
		double x = p->items[0].x, y = p->items[0].y;
		for (j = 1; j < p->n; j++) {
			double px = p->items[j].x, py = p->items[j].y;
			x = i == 0 ? (px < x ? px : x) : (px > x ? px : x);
			y = i == 0 ? (py < y ? py : y) : (py > y ? py : y);
		}
		snprintf(nd->id, sizeof(nd->id), "corner#%zu", i);
		nd->label = ent__strdup("");
		nd->tooltip = ent__strdup("");
		if (nd->label == NULL || nd->tooltip == NULL) {
			st = ent__error_nomem(err);
			goto done;
		}
		nd->actor = (size_t)-1;
		nd->width = 0.1;
		nd->bloc = -1;
		nd->fill = "#ffffff";
		nd->pinned = 1;
		nd->ghost = 1; /* owned like a ghost */
		nd->invisible = 1;
		/* room for the largest disc (0.8 in) and its name */
		nd->x = i == 0 ? x - 40 : x + 40;
		nd->y = i == 0 ? y - 40 : y + 40;
	}
	/* success: drop the left-out nodes and their ties, swap in */
	for (i = 0; i < s->n_nodes; i++) {
		if (new_index[i] == (size_t)-1) {
			free(s->nodes[i].label);
			free(s->nodes[i].tooltip);
		}
	}
	for (i = 0, k = 0; i < s->n_edges; i++) {
		ent__scene_edge e = s->edges[i];
		if (new_index[e.tail] == (size_t)-1 ||
			new_index[e.head] == (size_t)-1) {
			free(e.tooltip);
			continue;
		}
		e.tail = new_index[e.tail];
		e.head = new_index[e.head];
		s->edges[k++] = e;
	}
	s->n_edges = k;
	for (i = 0, k = 0; i < s->n_nodes; i++) {
		k += new_index[i] != (size_t)-1;
	}
	free(s->nodes);
	s->nodes = nodes;
	s->n_nodes = k + n_ghosts;
	nodes = NULL;
	s->pinned = 1;
	s->clusters = 0; /* boxes would move the pinned nodes */
done:
	ent__buf_free(&b);
	if (nodes != NULL) {
		/* only the ghosts' strings are ours; the rest belong to s */
		for (i = 0; i < s->n_nodes + p->n + 2; i++) {
			if (nodes[i].ghost) {
				free(nodes[i].label);
				free(nodes[i].tooltip);
			}
		}
		free(nodes);
	}
	free(new_index);
	return st;
}
