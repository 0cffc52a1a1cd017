/* SPDX-License-Identifier: MIT */
/*
 * A diagram too large for its layout is refused before the layout starts:
 * 50,000 actors (ENT_MAX_ACTORS) in a ring would need some 40 GB for
 * neato's matrices of distances between all pairs, and hours; with 8 GiB
 * of address space (RLIMIT_AS, the same on every machine) the renderer
 * says so at once. sfdp, which grows with nodes and edges, draws a small
 * graph under the same limit. Skipped under AddressSanitizer, whose shadow
 * memory needs terabytes of address space.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <entente/entente.h>

#include "tap.h"

static ent_graph *ring(size_t n)
{
	ent_dyads *d = NULL;
	ent_graph *g = NULL;
	ent_event ev;
	char a[32], b[32];
	size_t i;

	ent_dyads_create(&d, NULL);
	ent_event_init(&ev);
	ev.goldstein = 3;
	ev.quad = 1;
	for (i = 0; i < n; i++) {
		snprintf(a, sizeof(a), "A%05zu", i);
		snprintf(b, sizeof(b), "A%05zu", (i + 1) % n);
		ent_dyads_add_event(d, a, b, &ev, 1, NULL);
	}
	ent_graph_build(&g, d, NULL, NULL);
	ent_dyads_destroy(d);
	return g;
}

int main(void)
{
	ent_renderer *r = NULL;
	ent_render_options o = ENT_RENDER_OPTIONS_INIT;
	struct rlimit rl = {(rlim_t)8 << 30, (rlim_t)8 << 30};
	ent_error err = {0};
	ent_graph *g;
	ent_status st;
	FILE *fp;

	if (getenv("ASAN_OPTIONS") != NULL) {
		printf("1..0 # SKIP AddressSanitizer needs more address space\n");
		return 0;
	}
	if (setrlimit(RLIMIT_AS, &rl) != 0) {
		printf("1..0 # SKIP cannot limit the address space\n");
		return 0;
	}
	fp = tmpfile();
	ok(fp != NULL && ent_renderer_create(&r, &err) == ENT_OK,
		"a renderer");
	g = ring(ENT_MAX_ACTORS);
	ok(g != NULL && ent_graph_actor_count(g) == ENT_MAX_ACTORS,
		"a ring of %d actors", ENT_MAX_ACTORS);
	o.format = ENT_RENDER_SVG;
	o.layout = ENT_LAYOUT_NEATO;
	o.crowded_top = 0; /* every relation: the whole ring is laid out */
	st = ent_render_write(r, fp, g, NULL, NULL, &o, &err);
	ok(st == ENT_ERENDER && strstr(err.message, "not enough memory to "
		"draw 50000 actors with neato") != NULL,
		"neato: refused before the layout: %s", err.message);
	ok(ftell(fp) == 0, "nothing written");
	ent_graph_destroy(g);
	g = ring(50);
	o.layout = ENT_LAYOUT_SFDP;
	ok(ent_render_write(r, fp, g, NULL, NULL, &o, &err) == ENT_OK,
		"sfdp draws 50 actors under the same limit");
	ent_graph_destroy(g);
	ent_renderer_destroy(r);
	fclose(fp);
	return done_testing();
}
