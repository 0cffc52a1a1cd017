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

static ent_periods *periods(const char *json, size_t len, int actors)
{
	ent_dataset_options o = ENT_DATASET_OPTIONS_INIT;
	ent_events *evs = NULL;
	ent_dataset *ds = NULL;
	ent_periods *p = NULL;
	ent_error err = {0};
	size_t i;

	o.by = ENT_PERIOD_MONTH;
	if (ent_events_parse_json(&evs, json, len, "trend.json", &err) !=
			ENT_OK ||
		ent_dataset_create(&ds, &o, &err) != ENT_OK) {
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
		(actors &&
			ent_periods_compute_actors(p, ds, NULL, &err) !=
				ENT_OK)) {
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

/*
 * Named actors and groups (ent_trends_sum). Finland joined NATO on
 * 2023-04-04 and has been in the EU since 1995; by month, 2023:
 *
 *   FIN-RUS  Mar 1 x 112 (-2)  Apr 2 x 112 (-4)  May 1 x 036 (+4)
 *   RUS-USA  Mar 1 x 036 (+4)                    May 1 x 163 (-8)
 *   FIN-USA  Mar 1 x 057 (+8)                    May 1 x 057 (+8)
 *   CHN-RUS                    Apr 1 x 057 (+8)
 *
 * Events of every relation: March 3, April 3, May 3.
 * NATO-RUS: March USA-RUS only (Finland joins in April): 1 event, net +4,
 * share 1/3; April FIN-RUS (a member on some day of April): 2 events,
 * conflict 4, share 2/3; May FIN-RUS + RUS-USA: 2 events, cooperation 4,
 * conflict 8, net -4, share 2/3.
 * NATO with everyone: March RUS-USA + FIN-USA (Finland outside): 2
 * events, net +12; April FIN-RUS; May FIN-RUS + RUS-USA (FIN-USA is
 * inside NATO now): 2 events, net -4.
 * EU-NATO: FIN-USA in March and May (Finland in the EU, the US in NATO),
 * nothing else.
 */
static const char group_json[] =
	"[{\"date\": \"2023-03-10\", \"source\": \"FIN\", \"target\": \"RUS\","
	" \"code\": \"112\"},\n"
	" {\"date\": \"2023-04-20\", \"source\": \"RUS\", \"target\": \"FIN\","
	" \"code\": \"112\", \"count\": 2},\n"
	" {\"date\": \"2023-05-10\", \"source\": \"FIN\", \"target\": \"RUS\","
	" \"code\": \"036\"},\n"
	" {\"date\": \"2023-03-11\", \"source\": \"USA\", \"target\": \"RUS\","
	" \"code\": \"036\"},\n"
	" {\"date\": \"2023-05-11\", \"source\": \"USA\", \"target\": \"RUS\","
	" \"code\": \"163\"},\n"
	" {\"date\": \"2023-03-12\", \"source\": \"USA\", \"target\": \"FIN\","
	" \"code\": \"057\"},\n"
	" {\"date\": \"2023-05-12\", \"source\": \"FIN\", \"target\": \"USA\","
	" \"code\": \"057\"},\n"
	" {\"date\": \"2023-04-13\", \"source\": \"CHN\", \"target\": \"RUS\","
	" \"code\": \"057\"}]\n";

static ent_actor_name named(const char *name)
{
	ent_actor_name n;
	ent_error err = {0};

	memset(&n, 0, sizeof(n));
	if (ent_actor_name_resolve(&n, name, strlen(name), ENT_NAME_GROUPS,
		    &err) != ENT_OK) {
		printf("# %s\n", err.message);
	}
	return n;
}

static void sums(void)
{
	ent_periods *p = periods(group_json, sizeof(group_json) - 1, 0);
	ent_trends *t = NULL;
	ent_trend_relation *r = NULL;
	ent_actor_name nato = named("NATO"), rus = named("russia"),
		eu = named("European Union"), fin = named("Finland");
	ent_error err = {0};
	const ent_trend_relation *own;

	if (!ok(p != NULL && ent_periods_count(p) == 3 &&
			    ent_trends_compute(&t, p, NULL, &err) == ENT_OK,
		    "group fixture: three months")) {
		ent_periods_destroy(p);
		return;
	}
	ok(ent_trends_sum(&r, t, &nato, &rus, &err) == ENT_OK && r != NULL,
		"NATO-Russia summed");
	if (r != NULL) {
		ok(strcmp(r->a, "NATO") == 0 && strcmp(r->b, "RUS") == 0,
			"named NATO and RUS (the name's ISO code)");
		ok(r->n_points == 3 && r->events == 5,
			"three months, 5 events");
		ok(r->points[0].events == 1, "March: US-Russia only, Finland "
					     "not yet a member");
		is_num(r->points[0].net, 4, 1e-12, "March net +4");
		is_num(r->points[0].share, 1.0 / 3.0, 1e-12,
			"March share 1/3");
		ok(r->points[1].events == 2,
			"April: Finland counts (a member from 4 April)");
		is_num(r->points[1].conflict, 4, 1e-12, "April conflict 4");
		is_num(r->points[1].share, 2.0 / 3.0, 1e-12,
			"April share 2/3");
		is_num(r->points[2].cooperation, 4, 1e-12,
			"May cooperation 4");
		is_num(r->points[2].conflict, 8, 1e-12, "May conflict 8");
		is_num(r->points[2].net, -4, 1e-12, "May net -4");
		is_num(r->points[2].share, 2.0 / 3.0, 1e-12, "May share 2/3");
	}
	ent_free(r);
	r = NULL;
	ok(ent_trends_sum(&r, t, &rus, &nato, &err) == ENT_OK && r &&
			r->events == 5 && strcmp(r->a, "RUS") == 0,
		"Russia-NATO is the same relation, named in that order");
	ent_free(r);
	r = NULL;
	ok(ent_trends_sum(&r, t, &nato, NULL, &err) == ENT_OK && r &&
			r->n_points == 3 && r->b[0] == '\0',
		"NATO with everyone summed");
	if (r != NULL && r->n_points == 3) {
		ok(r->points[0].events == 2, "March: US-Russia and US-Finland "
					     "(Finland outside)");
		is_num(r->points[0].net, 12, 1e-12, "March net +12");
		ok(r->points[2].events == 2,
			"May: US-Finland is inside NATO, left out");
		is_num(r->points[2].net, -4, 1e-12, "May net -4");
	}
	ent_free(r);
	r = NULL;
	ok(ent_trends_sum(&r, t, &eu, &nato, &err) == ENT_OK && r &&
			r->n_points == 2 && r->events == 2 &&
			r->points[0].period == 0 && r->points[1].period == 2,
		"EU-NATO: Finland-US in March and May");
	ent_free(r);
	r = NULL;
	own = ent_trends_relation(t, ent_trends_find_relation(t, "FIN", "RUS"));
	ok(ent_trends_sum(&r, t, &fin, &rus, &err) == ENT_OK && r && own &&
			r->n_points == own->n_points &&
			memcmp(r->points, own->points,
				own->n_points * sizeof(*own->points)) == 0,
		"two states: their relation's own trend, point for point");
	ent_free(r);
	r = NULL;
	ok(ent_trends_sum(&r, t, &fin, &eu, &err) == ENT_OK && r &&
			r->n_points == 0,
		"Finland with the EU: no relation (Finland is in it, alone)");
	ent_free(r);
	r = NULL;
	ok(ent_trends_sum(&r, t, NULL, &eu, &err) == ENT_EINVAL &&
			r == NULL && err.message[0] != '\0',
		"a NULL name is refused with a message");
	ent_trends_destroy(t);
	ent_periods_destroy(p);
}

int main(void)
{
	ent_periods *p = periods(events_json, sizeof(events_json) - 1, 1);
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
	sums();
	return done_testing();
}
