/* SPDX-License-Identifier: MIT */
/*
 * The report: every measure under its documented name in JSON and CSV,
 * the blocs/balance/tension/periods sections, the ranked text and
 * Markdown tables, table selection errors, and determinism.
 */
#include <cJSON.h>
#include <entente/entente.h>

#include "tap.h"

typedef struct fixture {
	ent_dataset *ds;
	ent_graph *g;
	ent_metrics *m;
	ent_periods *p;
} fixture;

static int setup(fixture *f, ent_period_unit by)
{
	ent_dataset_options o = ENT_DATASET_OPTIONS_INIT;
	ent_error err = {0};

	memset(f, 0, sizeof(*f));
	o.by = by;
	if (ent_dataset_create(&f->ds, &o, NULL) != ENT_OK ||
		ent_read_into(f->ds, "examples/baltic-black-sea.json", NULL,
			&err) != ENT_OK ||
		ent_graph_build(&f->g, ent_dataset_dyads(f->ds), NULL, &err) !=
			ENT_OK ||
		ent_metrics_compute(&f->m, f->g, NULL, &err) != ENT_OK ||
		(by != ENT_PERIOD_NONE &&
			ent_periods_compute(&f->p, f->ds, NULL, &err) !=
				ENT_OK)) {
		printf("# %s\n", err.message);
		return 0;
	}
	return 1;
}

static void teardown(fixture *f)
{
	ent_periods_destroy(f->p);
	ent_metrics_destroy(f->m);
	ent_graph_destroy(f->g);
	ent_dataset_destroy(f->ds);
}

/* The report as a string (malloc'd), NULL on failure; *st gets the status. */
static char *render(const fixture *f, ent_report_format fmt, const char *table,
	int with_periods, ent_status *st, ent_error *err)
{
	ent_report_options o = ENT_REPORT_OPTIONS_INIT;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	o.format = fmt;
	o.table = table;
	o.periods = with_periods ? f->p : NULL;
	*st = ent_report_write(fp, f->ds, f->g, f->m, &o, err);
	fclose(fp);
	if (*st != ENT_OK) {
		free(buf);
		return NULL;
	}
	return buf;
}

static void json_sections(void)
{
	static const char *const keys[] = {"code", "name", "events_out",
		"events_in", "cooperation_out", "cooperation_in",
		"conflict_out", "conflict_in", "net", "degree", "degree_out",
		"degree_in", "pagerank", "betweenness", "harmonic",
		"eigenvector", "hub", "authority", "positive_degree",
		"negative_degree", "net_degree", "degree_ratio", "pn",
		"tension_share", "component", "bloc", "ally", "rival"};
	fixture f;
	ent_error err = {0};
	ent_status st;
	char *s = NULL;
	cJSON *root = NULL, *actors, *a, *bal, *blocs, *t;
	size_t i, k;
	int all = 1;

	if (!ok(setup(&f, ENT_PERIOD_NONE), "setup")) {
		teardown(&f);
		return;
	}
	s = render(&f, ENT_REPORT_JSON, NULL, 0, &st, &err);
	root = s ? cJSON_Parse(s) : NULL;
	ok(root != NULL, "the JSON report parses");
	if (root == NULL) {
		goto done;
	}
	actors = cJSON_GetObjectItemCaseSensitive(root, "actors");
	ok(cJSON_GetArraySize(actors) == 5, "five actors");
	for (i = 0; i < (size_t)cJSON_GetArraySize(actors); i++) {
		a = cJSON_GetArrayItem(actors, (int)i);
		for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
			all &= cJSON_GetObjectItemCaseSensitive(a, keys[k]) !=
				NULL;
		}
	}
	ok(all, "every actor has every documented measure");
	/* values are the library's, printed to 9 decimals */
	for (i = 0, all = 1; i < ent_graph_actor_count(f.g); i++) {
		const ent_actor_metrics *am = ent_metrics_actor(f.m, i);
		a = cJSON_GetArrayItem(actors, (int)i);
		all &= fabs(cJSON_GetObjectItem(a, "pn")->valuedouble -
			       am->pn) < 1e-9;
		all &= fabs(cJSON_GetObjectItem(a, "hub")->valuedouble -
			       am->hub) < 1e-9;
		all &= (size_t)cJSON_GetObjectItem(a, "bloc")->valueint ==
			am->bloc;
	}
	ok(all, "pn, hub and bloc as the library computed them");
	a = cJSON_GetArrayItem(actors, (int)ent_graph_actor_index(f.g, "ROU"));
	ok(a && cJSON_IsNull(cJSON_GetObjectItem(a, "rival")) &&
			strcmp(cJSON_GetStringValue(
				       cJSON_GetObjectItem(a, "ally")),
				"USA") == 0,
		"ROU: ally \"USA\", rival null");
	blocs = cJSON_GetObjectItemCaseSensitive(root, "blocs");
	ok(cJSON_GetArraySize(blocs) == (int)ent_metrics_bloc_count(f.m),
		"one entry per bloc");
	a = cJSON_GetArrayItem(blocs, 0);
	ok(a &&
			cJSON_GetArraySize(cJSON_GetObjectItem(a, "members")) ==
				(int)ent_metrics_bloc(f.m, 0)->size,
		"bloc 1 lists its members");
	bal = cJSON_GetObjectItemCaseSensitive(root, "balance");
	ok(bal &&
			cJSON_GetObjectItem(bal, "triangles")->valueint ==
				(int)ent_metrics_balance(f.m)->triangles &&
			cJSON_IsArray(cJSON_GetObjectItem(
				bal, "unbalanced_triangles")) &&
			cJSON_GetObjectItem(bal, "normalised_balance") != NULL,
		"balance section");
	t = cJSON_GetObjectItemCaseSensitive(root, "tension");
	ok(t && cJSON_GetObjectItem(t, "between_share") != NULL,
		"tension section");
	ok(cJSON_GetObjectItemCaseSensitive(root, "periods") == NULL,
		"no periods without --by");
done:
	cJSON_Delete(root);
	free(s);
	teardown(&f);
}

static void periods_sections(void)
{
	fixture f;
	ent_error err = {0};
	ent_status st;
	char *s = NULL, *csv = NULL, *txt = NULL;
	cJSON *root = NULL, *p;
	/* share: 3 of May's 7 events */
	const char *want_csv = "period,a,b,events,cooperation,conflict,net,"
			       "sign,share\r\n"
			       "2015-05,CHN,RUS,3,23.4,0,23.4,1,0.428571429\r\n";

	if (!ok(setup(&f, ENT_PERIOD_MONTH), "setup by month")) {
		teardown(&f);
		return;
	}
	s = render(&f, ENT_REPORT_JSON, NULL, 1, &st, &err);
	root = s ? cJSON_Parse(s) : NULL;
	p = root ? cJSON_GetObjectItemCaseSensitive(root, "periods") : NULL;
	ok(cJSON_GetArraySize(p) == 3, "JSON: three months");
	is_str(cJSON_GetStringValue(
		       cJSON_GetObjectItem(cJSON_GetArrayItem(p, 1), "period")),
		"2015-06", "JSON: second period 2015-06");
	is_str(cJSON_GetStringValue(cJSON_GetObjectItem(
		       cJSON_GetObjectItem(root, "input"), "by")),
		"month", "JSON: by month");
	csv = render(&f, ENT_REPORT_CSV, NULL, 1, &st, &err);
	ok(csv && strncmp(csv, want_csv, strlen(want_csv)) == 0,
		"CSV: the periods table is the default with periods");
	txt = render(&f, ENT_REPORT_TEXT, NULL, 1, &st, &err);
	ok(txt && strstr(txt, "Periods by month (3)") != NULL &&
			strstr(txt, "What changed (0 of 0)") != NULL,
		"text: periods and what changed");
	/* CHN-RUS +23.4 in May, no news in June: no news is not a change
	 * (trend.h), nor is any change with fewer than 5 events a side */
	ok(txt && strstr(txt, "(0 measured; usual change 0.0)") != NULL &&
			strstr(txt, "1 CHN - RUS") == NULL,
		"text: a relation that goes quiet is no change");
	cJSON_Delete(root);
	free(s);
	free(csv);
	free(txt);
	teardown(&f);
}

static void tables_and_text(void)
{
	fixture f;
	ent_error err = {0};
	ent_status st;
	char *s, *again;

	if (!ok(setup(&f, ENT_PERIOD_NONE), "setup")) {
		teardown(&f);
		return;
	}
	s = render(&f, ENT_REPORT_CSV, NULL, 0, &st, &err);
	ok(s && strncmp(s, "code,name,events_out,", 21) == 0,
		"CSV: actors by default");
	ok(s &&
			strstr(s,
				",pn,tension_share,component,bloc,ally,"
				"rival\r\n") != NULL,
		"CSV: actors carry the signed measures");
	ok(s && strstr(s, "\r\nROU,Romania,") && strstr(s, ",1,1,USA,\r\n"),
		"CSV: an empty field (ROU has no rival) is left empty");
	free(s);
	s = render(&f, ENT_REPORT_CSV, "blocs", 0, &st, &err);
	ok(s && strstr(s, "1,3,POL ROU USA,19.9,0,1,1,27\r\n") != NULL,
		"CSV: blocs table (POL, ROU, USA: cooperation 19.9)");
	free(s);
	s = render(&f, ENT_REPORT_CSV, "periods", 0, &st, &err);
	ok(s == NULL && st == ENT_EINVAL && strstr(err.message, "--by"),
		"CSV: periods without --by refused: %s", err.message);
	s = render(&f, ENT_REPORT_CSV, "nodes", 0, &st, &err);
	ok(s == NULL && st == ENT_EINVAL && strstr(err.message, "nodes"),
		"CSV: unknown table refused: %s", err.message);
	s = render(&f, ENT_REPORT_TEXT, NULL, 0, &st, &err);
	ok(s && strstr(s, "Top actors by PageRank (5 of 5)") &&
			strstr(s, "Blocs (signed modularity") &&
			strstr(s, "Structural balance") &&
			strstr(s, "Strongest tensions (3 of 3)"),
		"text: ranked sections");
	ok(s && strstr(s, " \n") == NULL, "text: no trailing blanks");
	again = render(&f, ENT_REPORT_TEXT, NULL, 0, &st, &err);
	ok(s && again && strcmp(s, again) == 0, "text: byte-identical twice");
	free(s);
	free(again);
	s = render(&f, ENT_REPORT_MARKDOWN, NULL, 0, &st, &err);
	ok(s && strstr(s, "## Blocs") && strstr(s, "## Structural balance") &&
			strstr(s, "|---:|---|"),
		"Markdown: headings and tables");
	free(s);
	teardown(&f);
}

int main(void)
{
	json_sections();
	periods_sections();
	tables_and_text();
	return done_testing();
}
