/* SPDX-License-Identifier: MIT */
/*
 * Trend measures and change detection (trend.h) on dated events whose
 * sums are worked out by hand from the CAMEO Goldstein weights: 036 +4.0,
 * 112 -2.0, 163 -8.0, 057 +8.0. By month, 2020:
 *
 *   RUS-USA  Jan 5 x 036 (+20)  Feb 5 x 036 (+20)  Mar 5 x 163 (-40)
 *            Apr 5 x 036 (+20)  Jun 5 x 036 (+20)   (May: no news)
 *   CHN-RUS  Jan 5 x 057 (+40)  Feb 6 x 057 (+48)  Apr 5 x 057 (+40)
 *   POL-RUS  Jan 1 x 112 (-2)   Feb 5 x 112 (-10)
 *
 * Changes (min_events 5; consecutive months only): RUS-USA Jan->Feb 0,
 * Feb->Mar -60, Mar->Apr +60 (Apr->Jun crosses May: none); CHN-RUS
 * Jan->Feb +8 (Feb->Apr crosses March: none); POL-RUS none (1 event in
 * January). s0^2 = (0 + 3600 + 3600 + 64) / 4 = 1816. RUS-USA, m = 3:
 * s^2 for the -60 = (3600 + 0 + 1816) / 3, z = -60 / sqrt(5416 / 3) =
 * -1.41212; CHN-RUS, m = 1: s^2 = 1816, z = 8 / sqrt(1816) = 0.18773.
 */
#include <math.h>
#include <string.h>

#include <entente/entente.h>

#include "tap.h"

static const char events_json[] =
	"{\"entente\": \"events/1\", \"events\": [\n"
	" {\"date\": \"2020-01-10\", \"source\": \"USA\", \"target\": \"RUS\","
	" \"code\": \"036\", \"count\": 5},\n"
	" {\"date\": \"2020-02-10\", \"source\": \"RUS\", \"target\": \"USA\","
	" \"code\": \"036\", \"count\": 5},\n"
	" {\"date\": \"2020-03-10\", \"source\": \"USA\", \"target\": \"RUS\","
	" \"code\": \"163\", \"count\": 5},\n"
	" {\"date\": \"2020-04-10\", \"source\": \"USA\", \"target\": \"RUS\","
	" \"code\": \"036\", \"count\": 5},\n"
	" {\"date\": \"2020-06-10\", \"source\": \"USA\", \"target\": \"RUS\","
	" \"code\": \"036\", \"count\": 5},\n"
	" {\"date\": \"2020-01-11\", \"source\": \"CHN\", \"target\": \"RUS\","
	" \"code\": \"057\", \"count\": 5},\n"
	" {\"date\": \"2020-02-11\", \"source\": \"CHN\", \"target\": \"RUS\","
	" \"code\": \"057\", \"count\": 6},\n"
	" {\"date\": \"2020-04-11\", \"source\": \"RUS\", \"target\": \"CHN\","
	" \"code\": \"057\", \"count\": 5},\n"
	" {\"date\": \"2020-01-12\", \"source\": \"POL\", \"target\": \"RUS\","
	" \"code\": \"112\"},\n"
	" {\"date\": \"2020-02-12\", \"source\": \"POL\", \"target\": \"RUS\","
	" \"code\": \"112\", \"count\": 5}\n"
	"]}\n";

static ent_periods *periods(void)
{
	ent_dataset_options o = ENT_DATASET_OPTIONS_INIT;
	ent_events *evs = NULL;
	ent_dataset *ds = NULL;
	ent_periods *p = NULL;
	ent_error err = {0};
	size_t i;

	o.by = ENT_PERIOD_MONTH;
	if (ent_events_parse_json(&evs, events_json, sizeof(events_json) - 1,
		    "trend.json", &err) != ENT_OK ||
		ent_dataset_create(&ds, &o) != ENT_OK) {
		printf("# %s\n", err.message);
		goto done;
	}
	for (i = 0; i < ent_events_count(evs); i++) {
		if (ent_dataset_add_event(ds, ent_events_get(evs, i), &err) !=
			ENT_OK) {
			printf("# %s\n", err.message);
			goto done;
		}
	}
	if (ent_periods_compute(&p, ds, NULL, &err) != ENT_OK ||
		ent_periods_compute_actors(p, ds, NULL, &err) != ENT_OK) {
		printf("# %s\n", err.message);
	}
done:
	ent_dataset_destroy(ds);
	ent_events_destroy(evs);
	return p;
}

static void calendar(const ent_periods *p)
{
	ok(ent_period_next(20200101, ENT_PERIOD_MONTH) == 20200201,
		"the month after January is February");
	ok(ent_period_next(20201201, ENT_PERIOD_MONTH) == 20210101,
		"the month after December is the next January");
	ok(ent_period_next(20201001, ENT_PERIOD_QUARTER) == 20210101,
		"the quarter after Q4 is Q1");
	ok(ent_period_next(20201228, ENT_PERIOD_WEEK) == 20210104,
		"the week after 2020-12-28 starts 2021-01-04");
	ok(ent_period_next(20200101, ENT_PERIOD_YEAR) == 20210101,
		"the year after 2020 is 2021");
	ok(ent_periods_count(p) == 5, "five months with events (May has none)");
	ok(ent_periods_adjacent(p, 0, 1) && ent_periods_adjacent(p, 2, 3),
		"January-February and March-April follow each other");
	ok(!ent_periods_adjacent(p, 3, 4),
		"April and June do not: May is no news between them");
}

static void measures(const ent_trends *t)
{
	size_t i = ent_trends_find_relation(t, "USA", "RUS");
	const ent_trend_relation *r = ent_trends_relation(t, i);
	const ent_trend_actor *a;

	ok(ent_trends_relation_count(t) == 3, "three relations");
	if (!ok(r != NULL && strcmp(r->a, "RUS") == 0 &&
			    strcmp(r->b, "USA") == 0,
		    "RUS-USA found either way round, in code order")) {
		return;
	}
	ok(r->n_points == 5 && r->events == 25,
		"RUS-USA: five months with events, 25 events");
	ok(r->points[4].period == 4, "its fifth point is June (period 4)");
	is_num(r->points[2].net, -40, 1e-9, "March net -40");
	is_num(r->points[2].conflict, 40, 1e-9, "March conflict 40");
	/* January: 5 + 5 + 1 = 11 events of every relation */
	is_num(r->points[0].share, 5.0 / 11.0, 1e-12, "January share 5/11");
	/* March: RUS-USA alone */
	is_num(r->points[2].share, 1, 1e-12, "March share 1");
	r = ent_trends_relation(t, ent_trends_find_relation(t, "CHN", "RUS"));
	ok(r && r->n_points == 3 && r->points[2].period == 3,
		"CHN-RUS: January, February, April");
	/* February: 5 + 6 + 5 = 16 events */
	is_num(r ? r->points[1].share : 0, 6.0 / 16.0, 1e-12,
		"CHN-RUS February share 6/16");
	ok(ent_trends_find_relation(t, "CHN", "USA") == (size_t)-1,
		"no CHN-USA relation");
	a = ent_trends_actor(t, ent_trends_find_actor(t, "RUS"));
	ok(a && a->n_points == 5 &&
			a->events == 5 + 5 + 1 + 5 + 6 + 5 + 5 + 5 + 5 + 5,
		"RUS: in every month with events");
	ok(a && a->points[0].events == 11, "RUS in January: 11 events");
	is_num(a ? a->points[0].cooperation : 0, 60, 1e-9,
		"RUS in January: cooperation 20 + 40");
	is_num(a ? a->points[0].conflict : 0, 2, 1e-9,
		"RUS in January: conflict 2");
	/* March: one dyad USA -> RUS; PageRank of a two-actor graph whose
	 * only edge points at RUS: RUS = (1 + 0.85) / (2 + 0.85) */
	is_num(a ? a->points[2].pagerank : 0, 1.85 / 2.85, 1e-9,
		"RUS PageRank in March 1.85/2.85");
	ok(a && a->points[0].bloc >= 1, "RUS has a bloc in January");
}

static void changes(const ent_trends *t)
{
	const ent_change *c;
	double s_rus_usa = sqrt(5416.0 / 3.0);

	ok(ent_trends_change_count(t) == 4,
		"four changes: RUS-USA x3, CHN-RUS x1");
	is_num(ent_trends_usual_change(t), sqrt(1816.0), 1e-9,
		"s0 = sqrt(1816)");
	ok(ent_trends_changed_count(t) == 0,
		"none reaches twice its relation's variation");
	c = ent_trends_change(t, 0);
	ok(c && c->from == 1 && c->to == 2,
		"largest |score| first: Feb->Mar (ties by the earlier period)");
	is_num(c ? c->change : 0, -60, 1e-9, "its change -60");
	is_num(c ? c->variation : 0, s_rus_usa, 1e-9,
		"variation sqrt((3600 + 1816) / 3)");
	is_num(c ? c->score : 0, -60 / s_rus_usa, 1e-9, "score -1.41212");
	c = ent_trends_change(t, 1);
	ok(c && c->from == 2 && c->to == 3 && c->change == 60,
		"then Mar->Apr +60");
	c = ent_trends_change(t, 2);
	is_num(c ? c->score : 0, 8 / sqrt(1816.0), 1e-9,
		"CHN-RUS +8 against s0: 0.18773");
	c = ent_trends_change(t, 3);
	ok(c && c->change == 0 && c->score == 0, "a zero change scores 0");
}

int main(void)
{
	ent_periods *p = periods();
	ent_trends *t = NULL, *t2 = NULL;
	ent_trend_options o = ENT_TREND_OPTIONS_INIT;
	ent_error err = {0};

	if (!ok(p != NULL, "periods computed")) {
		return done_testing();
	}
	calendar(p);
	if (ok(ent_trends_compute(&t, p, NULL, &err) == ENT_OK,
		    "trends computed")) {
		measures(t);
		changes(t);
	}
	o.min_score = 1.4;
	ok(ent_trends_compute(&t2, p, &o, &err) == ENT_OK &&
			ent_trends_changed_count(t2) == 2,
		"min_score 1.4: the two RUS-USA swings are listed");
	ent_trends_destroy(t2);
	t2 = NULL;
	o.min_score = 2;
	o.min_events = 6;
	ok(ent_trends_compute(&t2, p, &o, &err) == ENT_OK &&
			ent_trends_change_count(t2) == 0,
		"min_events 6: no relation has 6 events in two months running");
	ent_trends_destroy(t2);
	o.min_events = 0;
	ok(ent_trends_compute(&t2, p, &o, &err) == ENT_EINVAL &&
			err.message[0] != '\0',
		"min_events 0 is refused with a message");
	ent_trends_destroy(t);
	ent_periods_destroy(p);
	return done_testing();
}
