/* SPDX-License-Identifier: MIT */
/*
 * Dyads, the dataset and the graph, checked against sums worked out by hand
 * from examples/baltic-black-sea.json and the CAMEO Goldstein weights:
 * 057 +8.0, 062 +7.4, 112 -2.0, 111 -2.0, 070 +7.0, 163 -8.0, 036 +4.0,
 * 1041 -5.0, 042 +1.9.
 */
#include <entente/entente.h>

#include "tap.h"
#include "helpers.h"

static const ent_dyad *find(const ent_graph *g, const char *s, const char *t)
{
	size_t i;

	for (i = 0; i < ent_graph_dyad_count(g); i++) {
		const ent_dyad *d = ent_graph_dyad(g, i);
		if (strcmp(d->source, s) == 0 && strcmp(d->target, t) == 0) {
			return d;
		}
	}
	return NULL;
}

/* The example's dataset with the options given (NULL: defaults). */
static ent_dataset *example(const ent_dataset_options *o)
{
	ent_dataset *ds = NULL;
	ent_error err = {0};

	if (load1(&ds, "examples/baltic-black-sea.json", o, NULL, NULL, &err) !=
		ENT_OK) {
		printf("# %s\n", err.message);
	}
	return ds;
}

/* The dyad table (and each period's) as CSV text, to compare tables. */
static char *tables_text(const ent_dataset *ds)
{
	char *mem = NULL;
	size_t len = 0, i;
	FILE *fp = open_memstream(&mem, &len);

	if (fp == NULL) {
		return NULL;
	}
	ent_dyads_write_csv(fp, ent_dataset_dyads(ds), NULL);
	for (i = 0; i < ent_dataset_period_count(ds); i++) {
		ent_date start = 0;
		const ent_dyads *d = NULL;
		ent_dataset_period(ds, i, &start, &d);
		fprintf(fp, "period %ld\n", (long)start);
		ent_dyads_write_csv(fp, d, NULL);
	}
	fclose(fp);
	return mem;
}

/* Inputs read one after another into one dataset, and each into its own
 * dataset merged in order (what `analyze` does with many inputs): the same
 * tables, statistics and inputs. */
static void merge_matches(void)
{
	static const char *const paths[] = {
		"tests/data/gdelt/small.export.CSV",
		"tests/data/gdelt/mixed.v1.tsv",
		"tests/data/gdelt/small.export.CSV.gz",
		"tests/data/gdelt/small.dyads.csv"};
	ent_dataset_options o = ENT_DATASET_OPTIONS_INIT;
	ent_dataset *one = NULL, *merged = NULL, *part = NULL;
	ent_error err = {0};
	char *a = NULL, *b = NULL;
	size_t i;
	int good;

	o.by = ENT_PERIOD_MONTH;
	o.level = ENT_LEVEL_ACTOR;
	good = load(&one, paths, 4, &o, NULL, NULL, &err) == ENT_OK &&
		ent_dataset_create(&merged, &o, &err) == ENT_OK;
	for (i = 0; good && i < 4; i++) {
		good = load1(&part, paths[i], &o, NULL, NULL, &err) == ENT_OK &&
			ent_dataset_merge(merged, part, &err) == ENT_OK;
		ent_dataset_destroy(part);
		part = NULL;
	}
	ok(good, "four inputs merged: %s", err.message);
	a = good ? tables_text(one) : NULL;
	b = good ? tables_text(merged) : NULL;
	ok(a && b && strcmp(a, b) == 0 && ent_dataset_period_count(one) > 1,
		"merged: the same dyads, overall and per month");
	ok(good && memcmp(ent_dataset_stats_get(one),
		ent_dataset_stats_get(merged), sizeof(ent_dataset_stats)) == 0,
		"merged: the same statistics");
	ok(good && ent_dataset_input_count(merged) == 4 &&
		strcmp(ent_dataset_input_name(merged, 2), paths[2]) == 0 &&
		strcmp(ent_dataset_input_format(merged, 1), "gdelt1") == 0,
		"merged: the inputs in order, with their formats");
	free(a);
	free(b);
	ent_dataset_destroy(one);
	ent_dataset_destroy(merged);

	o.dedupe = 1;
	good = ent_dataset_create(&one, &o, &err) == ENT_OK &&
		ent_dataset_create(&merged, &o, &err) == ENT_OK;
	ent_error_clear(&err);
	ok(good && ent_dataset_merge(one, merged, &err) == ENT_EINVAL &&
		err.message[0], "deduplicated datasets are not merged");
	ent_dataset_destroy(one);
	ent_dataset_destroy(merged);
}

int main(void)
{
	ent_dataset *ds = example(NULL);
	ent_graph *g = NULL;
	ent_error err = {0};
	const ent_dyad *d;
	const ent_relation *r;
	size_t i, rus, usa;

	ok(ent_graph_build(&g, ent_dataset_dyads(ds), NULL, &err) == ENT_OK,
		"build the graph");
	ok(ent_graph_actor_count(g) == 5, "5 actors");
	ok(ent_graph_dyad_count(g) == 11, "11 directed dyads");
	is_str(ent_graph_actor(g, 0)->code, "CHN", "actors sorted by code");
	is_str(ent_graph_actor(g, 3)->name, "Russia", "names from the state table");

	/* RUS -> CHN: 057 (+8.0) and RUSMIL -> CHNMIL 062 (+7.4) */
	d = find(g, "RUS", "CHN");
	ok(d && d->events == 2 && d->coop_events == 2 && d->conflict_events == 0,
		"RUS->CHN counts (sector codes reduced to states)");
	is_num(d ? d->goldstein_sum : 0, 15.4, 1e-12, "RUS->CHN goldstein_sum = 8.0 + 7.4");
	is_num(d ? d->goldstein_mean : 0, 7.7, 1e-12, "RUS->CHN goldstein_mean");
	is_num(d ? d->cooperation : 0, 15.4, 1e-12, "RUS->CHN cooperation");
	is_num(d ? d->conflict : 1, 0, 1e-12, "RUS->CHN conflict");
	ok(d && d->first == 20150508 && d->last == 20150511, "RUS->CHN dates");

	/* POL -> RUS: 163 with count 2 */
	d = find(g, "POL", "RUS");
	ok(d && d->events == 2 && d->conflict_events == 2, "count weighs events");
	is_num(d ? d->goldstein_sum : 0, -16.0, 1e-12, "POL->RUS goldstein_sum = 2 x -8.0");
	is_num(d ? d->conflict : 0, 16.0, 1e-12, "POL->RUS conflict");

	/* CHN -> USA: goldstein only (quad 3 given) */
	d = find(g, "CHN", "USA");
	ok(d && d->events == 1 && d->conflict_events == 1, "explicit quad counts");
	is_num(d ? d->conflict : 0, 2.0, 1e-12, "CHN->USA conflict");

	/* relations */
	rus = ent_graph_actor_index(g, "RUS");
	usa = ent_graph_actor_index(g, "USA");
	ok(rus != (size_t)-1 && usa != (size_t)-1, "actor index");
	for (i = 0, r = NULL; i < ent_graph_relation_count(g); i++) {
		const ent_relation *x = ent_graph_relation(g, i);
		if (x->a == rus && x->b == usa) {
			r = x;
		}
	}
	ok(r && r->events == 2 && r->sign == -1, "RUS-USA relation is a tension");
	is_num(r ? r->net : 0, -4.0, 1e-12, "RUS-USA net = -2.0 + -2.0");
	ok(ent_graph_relation_count(g) == 7, "7 relations");
	ent_graph_destroy(g);

	/* aggregation is associative: two halves merged = one pass */
	{
		ent_dyads *a = NULL, *b = NULL;
		const ent_dyads *all = ent_dataset_dyads(ds);
		ent_dyad x, y;
		int same = 1;
		ent_dyads_create(&a, NULL);
		ent_dyads_create(&b, NULL);
		for (i = 0; i < ent_dyads_count(all); i++) {
			ent_dyads_get(&x, all, i);
			ent_dyads_add_dyad(i % 2 ? a : b, &x, NULL);
		}
		ent_dyads_merge(b, a, NULL);
		same = ent_dyads_count(b) == ent_dyads_count(all);
		for (i = 0; same && i < ent_dyads_count(all); i++) {
			ent_dyads_get(&x, all, i);
			ent_dyads_get(&y, b, i);
			same = memcmp(&x, &y, sizeof(x)) == 0;
		}
		ok(same, "merged halves equal the whole table, bit for bit");
		ent_dyads_destroy(a);
		ent_dyads_destroy(b);
	}
	ent_dataset_destroy(ds);

	/* filters and levels through the dataset */
	{
		ent_dataset_options o = ENT_DATASET_OPTIONS_INIT;
		const ent_dataset_stats *st;
		o.filter.since = 20150601;
		ds = example(&o);
		st = ent_dataset_stats_get(ds);
		ok(st->kept == 4 && st->filtered == 8, "--since 2015-06-01 keeps 4 (the month-only date 2015-06 sorts before it)");
		ent_dataset_destroy(ds);

		o.filter.since = 0;
		o.level = ENT_LEVEL_ACTOR;
		ds = example(&o);
		ok(ent_graph_build(&g, ent_dataset_dyads(ds), NULL, &err) == ENT_OK &&
			ent_graph_actor_index(g, "RUSMIL") != (size_t)-1,
			"actor level keeps sector codes");
		ent_graph_destroy(g);
		ent_dataset_destroy(ds);

		o.level = ENT_LEVEL_STATE;
		o.by = ENT_PERIOD_MONTH;
		ds = example(&o);
		ok(ent_dataset_period_count(ds) == 3, "three months: May, June, July");
		ent_dataset_destroy(ds);
	}

	/* --min-events drops thin dyads */
	{
		ent_graph_options go = ENT_GRAPH_OPTIONS_INIT;
		go.min_events = 2;
		ds = example(NULL);
		ok(ent_graph_build(&g, ent_dataset_dyads(ds), &go, &err) == ENT_OK &&
			ent_graph_dyad_count(g) == 2, "--min-events 2 keeps RUS->CHN and POL->RUS");
		ent_graph_destroy(g);
		ent_dataset_destroy(ds);
	}

	/* an empty graph is fine */
	{
		ent_dyads *empty = NULL;
		ent_metrics *m = NULL;
		ent_dyads_create(&empty, NULL);
		ok(ent_graph_build(&g, empty, NULL, &err) == ENT_OK &&
			ent_graph_actor_count(g) == 0 &&
			ent_metrics_compute(&m, g, NULL, &err) == ENT_OK,
			"an empty dyad table gives an empty graph and metrics");
		ent_metrics_destroy(m);
		ent_graph_destroy(g);
		ent_dyads_destroy(empty);
	}
	/* the create and add functions report through ent_error */
	{
		ent_dyads *dy = NULL, *dy2 = NULL;
		ent_dataset *ds2 = NULL;
		ent_event ev;
		ent_dyad row;

		ent_event_init(&ev);
		ent_error_clear(&err);
		ok(ent_dataset_create(NULL, NULL, &err) == ENT_EINVAL &&
			err.code == ENT_EINVAL && err.message[0],
			"ent_dataset_create(NULL): EINVAL, \"%s\"", err.message);
		ok(ent_dataset_create(&ds2, NULL, &err) == ENT_OK,
			"ent_dataset_create");
		ent_error_clear(&err);
		ok(ent_dataset_add_input(ds2, NULL, "json", &err) ==
			ENT_EINVAL && err.message[0],
			"ent_dataset_add_input(NULL name): EINVAL, \"%s\"",
			err.message);
		ok(ent_dataset_add_input(ds2, "a.json", NULL, &err) == ENT_OK &&
			ent_dataset_input_count(ds2) == 1,
			"ent_dataset_add_input");
		ok(ent_dyads_create(&dy, &err) == ENT_OK &&
			ent_dyads_create(&dy2, &err) == ENT_OK, "ent_dyads_create");
		ent_error_clear(&err);
		ok(ent_dyads_add_event(dy, "ABCDEFGHIJKLMNOPQ", "RUS", &ev, 1,
			&err) == ENT_EINVAL && strstr(err.message, "longer"),
			"a code too long for ENT_CODE_SIZE: EINVAL, \"%s\"",
			err.message);
		ok(ent_dyads_add_event(dy, "RUS", "UKR", &ev, 1, &err) ==
			ENT_OK, "ent_dyads_add_event");
		memset(&row, 0, sizeof(row));
		strcpy(row.source, "UKR");
		strcpy(row.target, "RUS");
		row.events = 2;
		ok(ent_dyads_add_dyad(dy2, &row, &err) == ENT_OK,
			"ent_dyads_add_dyad");
		ent_error_clear(&err);
		ok(ent_dyads_merge(dy, NULL, &err) == ENT_EINVAL &&
			err.message[0], "ent_dyads_merge(NULL): EINVAL");
		ok(ent_dyads_merge(dy, dy2, &err) == ENT_OK &&
			ent_dyads_count(dy) == 2, "ent_dyads_merge");
		ent_dyads_destroy(dy);
		ent_dyads_destroy(dy2);
		ent_dataset_destroy(ds2);
	}
	merge_matches();
	return done_testing();
}
