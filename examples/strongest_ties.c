/* SPDX-License-Identifier: MIT */
/*
 * A small program using libentente: read an events JSON file, build the
 * actor graph and print each relation with its sign, strongest first.
 *
 *   cc strongest_ties.c $(pkg-config --cflags --libs entente) -o strongest_ties
 *   ./strongest_ties examples/baltic-black-sea.json
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <entente/entente.h>

static const ent_graph *graph;

static int by_strength(const void *a, const void *b)
{
	double x = fabs(ent_graph_relation(graph, *(const size_t *)a)->net);
	double y = fabs(ent_graph_relation(graph, *(const size_t *)b)->net);

	return (x < y) - (x > y);
}

int main(int argc, char **argv)
{
	ent_dataset *ds = NULL;
	ent_graph *g = NULL;
	ent_error err = {0};
	size_t *order = NULL, i, n;
	int rc = 1;

	if (argc != 2) {
		fprintf(stderr, "usage: %s EVENTS.json\n", argv[0]);
		return 2;
	}
	if (ent_dataset_create(&ds, NULL, &err) != ENT_OK ||
		ent_read_into(ds, argv[1], NULL, &err) != ENT_OK ||
		ent_graph_build(&g, ent_dataset_dyads(ds), NULL, &err) != ENT_OK) {
		char line[512];
		ent_error_format(&err, line, sizeof(line));
		fprintf(stderr, "%s\n", line);
		goto done;
	}
	n = ent_graph_relation_count(g);
	order = malloc((n ? n : 1) * sizeof(*order));
	if (order == NULL) {
		goto done;
	}
	for (i = 0; i < n; i++) {
		order[i] = i;
	}
	graph = g;
	qsort(order, n, sizeof(*order), by_strength);
	for (i = 0; i < n; i++) {
		const ent_relation *r = ent_graph_relation(g, order[i]);
		printf("%-14s %-14s %-8s net %+.1f over %lld events\n",
			ent_graph_actor(g, r->a)->name, ent_graph_actor(g, r->b)->name,
			r->sign > 0 ? "alliance" : r->sign < 0 ? "tension" : "even",
			r->net, (long long)r->events);
	}
	rc = 0;
done:
	free(order);
	ent_graph_destroy(g);
	ent_dataset_destroy(ds);
	return rc;
}
