/* SPDX-License-Identifier: MIT */
/*
 * Trend charts (plot.h): each chart and format is written, the SVG is
 * well-formed, the same trends give the same bytes, the PDF carries no
 * clock time, a summed trend (a group's relation) is drawn, and bad
 * arguments are refused with a message.
 */
#include <stdlib.h>
#include <string.h>

#include <entente/entente.h>

#include "tap.h"
#include "helpers.h"

/* The fixture of test_trend: by month 2020, May without events. */
static ent_periods *periods(void)
{
	ent_dataset_options o = ENT_DATASET_OPTIONS_INIT;
	ent_dataset *ds = NULL;
	ent_periods *p = NULL;
	ent_error err = {0};

	o.by = ENT_PERIOD_MONTH;
	if (load1(&ds, ENT_SOURCE_ROOT "/tests/data/trend/months.json", &o,
		    NULL, NULL, &err) != ENT_OK ||
		ent_periods_compute(&p, ds, NULL, &err) != ENT_OK ||
		ent_periods_compute_actors(p, ds, NULL, &err) != ENT_OK) {
		printf("# %s\n", err.message);
	}
	ent_dataset_destroy(ds);
	return p;
}

/* A chart into memory. */
static char *draw(int kind, const ent_trends *t, ent_plot_format format,
	size_t *len, ent_status *st, ent_error *err)
{
	ent_plot_options o = ENT_PLOT_OPTIONS_INIT;
	char *buf = NULL;
	FILE *fp = open_memstream(&buf, len);
	size_t actors[2] = {0, 1};

	o.format = format;
	*st = kind == 0 ? ent_plot_relation(fp, t, 0, &o, err)
		: kind == 1 ? ent_plot_actor(fp, t, 0, &o, err)
			    : ent_plot_centrality(fp, t, actors, 2, &o, err);
	fclose(fp);
	return buf;
}

static int well_formed_svg(const char *svg, size_t len)
{
	const char *path = tmp_path("chart.svg");
	FILE *fp = path ? fopen(path, "w") : NULL;
	char cmd[600];

	if (fp == NULL) {
		return 0;
	}
	fwrite(svg, 1, len, fp);
	fclose(fp);
	snprintf(cmd, sizeof(cmd), "xmllint --noout '%s' 2>/dev/null", path);
	return system(cmd) == 0;
}

int main(void)
{
	static const char *const kinds[] = {"relation", "actor", "centrality"};
	ent_periods *p = periods();
	ent_trends *t = NULL;
	ent_error err = {0};
	ent_status st;
	size_t len, len2, actors[9] = {0};
	char *a, *b;
	int k;

	if (!ok(p && ent_trends_compute(&t, p, NULL, &err) == ENT_OK,
		    "trends of the fixture")) {
		return done_testing();
	}
	for (k = 0; k < 3; k++) {
		a = draw(k, t, ENT_PLOT_SVG, &len, &st, &err);
		ok(st == ENT_OK && len > 1000 && strncmp(a, "<?xml", 5) == 0,
			"%s chart: SVG written (%zu bytes)", kinds[k], len);
		ok(well_formed_svg(a, len), "%s chart: xmllint accepts it",
			kinds[k]);
		b = draw(k, t, ENT_PLOT_SVG, &len2, &st, &err);
		ok(len == len2 && memcmp(a, b, len) == 0,
			"%s chart: the same bytes twice", kinds[k]);
		free(a);
		free(b);
	}
	a = draw(0, t, ENT_PLOT_PNG, &len, &st, &err);
	ok(st == ENT_OK && len > 1000 && memcmp(a, "\x89PNG", 4) == 0,
		"PNG written");
	free(a);
	a = draw(0, t, ENT_PLOT_PDF, &len, &st, &err);
	b = draw(0, t, ENT_PLOT_PDF, &len2, &st, &err);
	ok(st == ENT_OK && len > 500 && memcmp(a, "%PDF", 4) == 0,
		"PDF written");
	ok(len == len2 && memcmp(a, b, len) == 0,
		"PDF: the same bytes twice (no creation time)");
	free(a);
	free(b);

	{
		ent_actor_name nato;
		ent_trend_relation *sum = NULL, bad;
		char *c = NULL;
		size_t clen = 0;
		FILE *fp = open_memstream(&c, &clen);

		ok(ent_actor_name_resolve(&nato, "NATO", 4, ENT_NAME_GROUPS,
			   &err) == ENT_OK &&
				ent_trends_sum(&sum, t, &nato, NULL, &err) ==
					ENT_OK &&
				sum->n_points == 5,
			"NATO with everyone: five months (USA and POL are "
			"members)");
		st = ent_plot_trend(fp, t, sum, NULL, &err);
		fclose(fp);
		ok(st == ENT_OK && clen > 1000 && well_formed_svg(c, clen),
			"a summed trend is drawn (SVG, xmllint accepts it)");
		free(c);
		if (sum != NULL) {
			bad = *sum;
			bad.n_points = 1;
			((ent_trend_point *)sum->points)[0].period = 99;
			err.message[0] = '\0';
			ok(ent_plot_trend(stdout, t, &bad, NULL, &err) ==
						ENT_EINVAL &&
					err.message[0],
				"a point outside the periods: refused");
		}
		ent_free(sum);
	}
	ok(ent_plot_format_from_path(&(ent_plot_format){0}, "t.SVG") ==
			ENT_OK &&
			ent_plot_format_from_path(
				&(ent_plot_format){0}, "t.gif") == ENT_ENOTFOUND,
		"format from the extension");
	err.message[0] = '\0';
	st = ent_plot_relation(stdout, t, 99, NULL, &err);
	ok(st == ENT_EINVAL && err.message[0], "no relation 99: refused");
	err.message[0] = '\0';
	st = ent_plot_centrality(stdout, t, actors, 9, NULL, &err);
	ok(st == ENT_EINVAL && err.message[0], "nine actors: refused");
	ent_trends_destroy(t);
	ent_periods_destroy(p);
	return done_testing();
}
