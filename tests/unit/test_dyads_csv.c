/* SPDX-License-Identifier: MIT */
/*
 * Dyad tables: the CSV that `entente dyads` writes, read back by every
 * command; tables of separate runs merge to exactly the table of one run
 * over all inputs; broken rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <entente/entente.h>

#include "tap.h"
#include "helpers.h"

#define DATA ENT_SOURCE_ROOT "/tests/data/"

/* Dataset options at one level. */
static const ent_dataset_options *at_level(ent_level level)
{
	static ent_dataset_options o[2] = {ENT_DATASET_OPTIONS_INIT,
		ENT_DATASET_OPTIONS_INIT};

	o[1].level = ENT_LEVEL_ACTOR;
	return &o[level == ENT_LEVEL_ACTOR];
}

static int save(const ent_dataset *ds, const char *path)
{
	FILE *fp = fopen(path, "wb");
	ent_status st;

	if (fp == NULL) {
		return -1;
	}
	st = ent_dyads_write_csv(fp, ent_dataset_dyads(ds), NULL);
	fclose(fp);
	return st == ENT_OK ? 0 : -1;
}

static void test_write_values(void)
{
	const char *in[] = {DATA "gdelt/small.export.CSV"};
	skips sk = {0};
	ent_error err = {0};
	ent_dataset *ds = NULL;
	char *text;

	load(&ds, in, 1, at_level(ENT_LEVEL_STATE), NULL, &sk, &err);
	ok(ds != NULL, "fixture loads (%s)", err.message);
	ok(save(ds, tmp_path("a.csv")) == 0, "table written");
	text = slurp(tmp_path("a.csv"), NULL);
	/* hand-computed from the fixture rows (see test_gdelt.c) */
	is_str(text,
		"source,target,events,coop_events,conflict_events,goldstein_sum,"
		"goldstein_mean,cooperation,conflict,first,last\r\n"
		"ROU,MDA,1,1,0,4,4,4,0,2022-03-10,2022-03-10\r\n"
		"RUS,UKR,2,0,2,-20,-10,0,20,2022-02-24,2022-03-01\r\n"
		"USA,CHN,1,1,0,1.9,1.9,1.9,0,2022-03-01,2022-03-01\r\n"
		"USA,POL,2,2,0,16,8,16,0,2022-01-05,2022-05-20\r\n",
		"the dyad table of the GDELT fixture");
	free(text);
	ent_dataset_destroy(ds);
}

static void test_round_trip_and_merge(void)
{
	const char *gdelt[] = {DATA "gdelt/small.export.CSV"};
	const char *icews[] = {DATA "icews/small.tab"};
	const char *both[] = {DATA "gdelt/small.export.CSV",
		DATA "icews/small.tab"};
	const char *tables[] = {NULL, NULL};
	const char *back[] = {NULL};
	skips sk = {0};
	ent_error err = {0};
	ent_dataset *a, *b, *all, *merged, *again;
	char *t_all, *t_merged, *t_a, *t_again;

	tables[0] = tmp_path("g.csv");
	tables[1] = tmp_path("i.csv");
	load(&a, gdelt, 1, at_level(ENT_LEVEL_STATE), NULL, &sk, &err);
	load(&b, icews, 1, at_level(ENT_LEVEL_STATE), NULL, &sk, &err);
	load(&all, both, 2, at_level(ENT_LEVEL_STATE), NULL, &sk, &err);
	ok(a && b && all, "inputs load");
	if (!(a && b && all)) {
		return;
	}
	save(a, tables[0]);
	save(b, tables[1]);
	save(all, tmp_path("all.csv"));
	load(&merged, tables, 2, at_level(ENT_LEVEL_STATE), NULL, &sk, &err);
	ok(merged != NULL, "two tables read back (%s)", err.message);
	is_str(ent_dataset_input_format(merged, 0), "dyads",
		"detected as a dyad table");
	is_num(ent_dataset_stats_get(merged)->dyad_rows, 4 + 5, 0,
		"9 dyad rows read");
	save(merged, tmp_path("merged.csv"));
	t_all = slurp(tmp_path("all.csv"), NULL);
	t_merged = slurp(tmp_path("merged.csv"), NULL);
	ok(t_all && t_merged && strcmp(t_all, t_merged) == 0,
		"merging the tables of two runs = one run over both inputs");
	/* reading a table back gives the same table */
	back[0] = tables[0];
	load(&again, back, 1, at_level(ENT_LEVEL_STATE), NULL, &sk, &err);
	save(again, tmp_path("again.csv"));
	t_a = slurp(tables[0], NULL);
	t_again = slurp(tmp_path("again.csv"), NULL);
	ok(t_a && t_again && strcmp(t_a, t_again) == 0, "round trip is exact");
	free(t_all);
	free(t_merged);
	free(t_a);
	free(t_again);
	ent_dataset_destroy(a);
	ent_dataset_destroy(b);
	ent_dataset_destroy(all);
	ent_dataset_destroy(merged);
	ent_dataset_destroy(again);
}

static void test_thousandths(void)
{
	ent_dyads *d = NULL;
	ent_dyad in = {"CHN", "RUS", 3, 1, 2, -0.125, 0, 0.5, 0.625,
		20150508, 20150601};
	ent_dyad q = {"A,\"B\"", "RUS", 1, 1, 0, 0.001, 0, 0.001, 0, 0, 0};
	const char *paths[1];
	FILE *fp;
	skips sk = {0};
	ent_error err = {0};
	ent_dataset *ds;
	char *text;
	ent_dyad out;

	ent_dyads_create(&d, NULL);
	ent_dyads_add_dyad(d, &in, NULL);
	ent_dyads_add_dyad(d, &q, NULL);
	paths[0] = tmp_path("milli.csv");
	fp = fopen(paths[0], "wb");
	ent_dyads_write_csv(fp, d, NULL);
	fclose(fp);
	text = slurp(paths[0], NULL);
	ok(text && strstr(text, "\r\n\"A,\"\"B\"\"\",RUS,1,1,0,0.001,0.001,"
		"0.001,0,,\r\n") != NULL, "a code with a comma and quotes is "
		"quoted; no dates are empty fields");
	ok(text && strstr(text, "CHN,RUS,3,1,2,-0.125,-0.041667,0.5,0.625,"
		"2015-05-08,2015-06-01\r\n") != NULL,
		"thousandths written exactly, mean to 6 decimals");
	free(text);
	load(&ds, paths, 1, at_level(ENT_LEVEL_ACTOR), NULL, &sk, &err);
	ok(ds != NULL && ent_dyads_count(ent_dataset_dyads(ds)) == 2,
		"read back at actor level");
	if (ds) {
		ent_dyads_get(&out, ent_dataset_dyads(ds), 0);
		is_str(out.source, "A,\"B\"", "quoted code read back");
		ent_dyads_get(&out, ent_dataset_dyads(ds), 1);
		is_num(out.goldstein_sum, -0.125, 1e-12, "-0.125 read back");
		is_num(out.conflict, 0.625, 1e-12, "0.625 read back");
		is_num(out.first, 20150508, 0, "first read back");
	}
	ent_dataset_destroy(ds);
	ent_dyads_destroy(d);
}

static void test_broken(void)
{
	const char *paths[1];
	skips sk = {0};
	ent_error err = {0};
	ent_dataset *ds;
	ent_dataset_options dopts = ENT_DATASET_OPTIONS_INIT;
	ent_read_options ropts = ENT_READ_OPTIONS_INIT;

	paths[0] = tmp_path("broken.csv");
	write_file(paths[0],
		"source,target,events,coop_events,conflict_events,goldstein_sum,"
		"goldstein_mean,cooperation,conflict,first,last\n"
		"POL,ROU,2,2,0,6,3,6,0,2020-01-01,2020-02-01\n"   /* 2 good */
		"POL,ROU,2,2,0,6,3,5,0,2020-01-01,2020-02-01\n"   /* 3 sum */
		"POL,ROU,2,2,1,6,3,6,0,2020-01-01,2020-02-01\n"   /* 4 counts */
		"POL,ROU,2,2,0,6,3,6,0,2020-13-01,2020-02-01\n"   /* 5 date */
		"POL,\"ROU,2,2,0,6,3,6,0,,\n"                     /* 6 quote */
		"POL,ROU,2,2,0,6,3,6,0,,,x\n"                     /* 7 cols */
		"POL,ROU,x,2,0,6,3,6,0,,\n"                       /* 8 count */
		",ROU,1,1,0,6,6,6,0,,\n"                          /* 9 code */
		"\n"
		"ROU,POL,1,0,1,-2,-2,0,2,2020-03-01,2020-03-01\n"); /* 11 */
	load(&ds, paths, 1, at_level(ENT_LEVEL_STATE), NULL, &sk, &err);
	ok(ds != NULL, "a table with broken rows reads");
	is_num(sk.n, 7, 0, "7 broken rows");
	ok(sk.line[0] == 3 && strstr(sk.message[0], "cooperation - conflict"),
		"line 3: sum inconsistent (%s)", sk.message[0]);
	ok(sk.line[1] == 4 && strstr(sk.message[1], "exceed"), "line 4: %s",
		sk.message[1]);
	ok(sk.line[2] == 5 && strstr(sk.message[2], "first"), "line 5: %s",
		sk.message[2]);
	ok(sk.line[3] == 6 && strstr(sk.message[3], "quote"), "line 6: %s",
		sk.message[3]);
	ok(sk.line[4] == 7 && sk.column[4] == 25 &&
		strstr(sk.message[4], "too many"), "line 7 column 25, the extra "
		"field: %s", sk.message[4]);
	ok(sk.line[5] == 8 && sk.column[5] == 9, "line 8 column 9: %s",
		sk.message[5]);
	ok(sk.line[6] == 9 && sk.column[6] == 1, "line 9: empty code");
	is_num(ent_dyads_count(ent_dataset_dyads(ds)), 2, 0, "2 good rows");
	ent_dataset_destroy(ds);

	/* forced as a dyad table without the header */
	write_file(paths[0], "POL,ROU,2,2,0,6,3,6,0,2020-01-01,2020-02-01\n");
	ropts.format = ENT_FORMAT_DYADS;
	ent_dataset_create(&ds, &dopts, NULL);
	ok(ent_read_into(ds, paths[0], &ropts, &err) == ENT_EPARSE &&
		err.line == 1 && strstr(err.message, "header"),
		"no header: error on line 1 (%s)", err.message);
	ent_dataset_destroy(ds);
}

int main(void)
{
	if (tmp_dir() == NULL) {
		printf("1..0 # SKIP cannot create a temporary folder\n");
		return 0;
	}
	test_write_values();
	test_round_trip_and_merge();
	test_thousandths();
	test_broken();
	return done_testing();
}
