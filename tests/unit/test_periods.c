/* SPDX-License-Identifier: MIT */
/*
 * The relations of each time period, on a few dated events whose sums are
 * worked out by hand from the CAMEO Goldstein weights: 036 +4.0, 112 -2.0,
 * 163 -8.0, 057 +8.0, 042 +1.9.
 */
#include <entente/entente.h>

#include "tap.h"

static const char events_json[] =
	"{\"entente\": \"events/1\", \"events\": [\n"
	" {\"date\": \"2015-03-02\", \"source\": \"USA\", \"target\": \"RUS\","
	" \"code\": \"036\"},\n"
	" {\"date\": \"2015-03-20\", \"source\": \"RUS\", \"target\": \"USA\","
	" \"code\": \"112\"},\n"
	" {\"date\": \"2015-04-07\", \"source\": \"USA\", \"target\": \"RUS\","
	" \"code\": \"163\"},\n"
	" {\"date\": \"2015-04-09\", \"source\": \"CHN\", \"target\": \"RUS\","
	" \"code\": \"057\"},\n"
	" {\"date\": \"2015\", \"source\": \"POL\", \"target\": \"RUS\","
	" \"code\": \"042\"}\n"
	"]}\n";

static ent_periods *periods_by(ent_period_unit unit)
{
	ent_dataset_options o = ENT_DATASET_OPTIONS_INIT;
	ent_events *evs = NULL;
	ent_dataset *ds = NULL;
	ent_periods *p = NULL;
	ent_error err = {0};
	size_t i;

	o.by = unit;
	if (ent_events_parse_json(&evs, events_json, sizeof(events_json) - 1,
		    "periods.json", &err) != ENT_OK ||
		ent_dataset_create(&ds, &o, NULL) != ENT_OK) {
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
	if (ent_periods_compute(&p, ds, NULL, &err) != ENT_OK) {
		printf("# %s\n", err.message);
	}
done:
	ent_dataset_destroy(ds);
	ent_events_destroy(evs);
	return p;
}

static void by_month(void)
{
	ent_periods *p = periods_by(ENT_PERIOD_MONTH);
	const ent_period_summary *s;
	const ent_period_relation *r;

	if (!ok(p != NULL, "by month: computed")) {
		return;
	}
	ok(ent_periods_unit(p) == ENT_PERIOD_MONTH, "by month: unit kept");
	/* the bare-year event has no month: it joins no period */
	ok(ent_periods_count(p) == 2, "by month: March and April");
	s = ent_periods_summary(p, 0);
	is_str(s->label, "2015-03", "first period 2015-03");
	ok(s->start == 20150301, "starts 2015-03-01");
	ok(s->events == 2 && s->actors == 2 && s->relations == 1 &&
			s->alliances == 1 && s->tensions == 0,
		"March: one alliance tie");
	r = ent_periods_relation(p, 0, 0);
	/* RUS-USA in March: cooperation 4 (036), conflict 2 (112), net +2 */
	ok(r && strcmp(r->a, "RUS") == 0 && strcmp(r->b, "USA") == 0,
		"March: relation RUS-USA");
	is_num(r ? r->cooperation : 0, 4, 1e-12, "March: cooperation 4");
	is_num(r ? r->conflict : 0, 2, 1e-12, "March: conflict 2");
	is_num(r ? r->net : 0, 2, 1e-12, "March: net +2");
	ok(r && r->sign == 1 && r->events == 2, "March: sign +1, 2 events");
	s = ent_periods_summary(p, 1);
	is_str(s->label, "2015-04", "second period 2015-04");
	ok(s->relations == 2 && s->alliances == 1 && s->tensions == 1 &&
			s->actors == 3,
		"April: one alliance, one tension, three actors");
	is_num(s->net, 8 - 8, 1e-12, "April: net 0 overall");
	r = ent_periods_relation(p, 1, 0);
	ok(r && strcmp(r->a, "CHN") == 0 && r->sign == 1,
		"April: CHN-RUS allied");
	r = ent_periods_relation(p, 1, 1);
	ok(r && strcmp(r->a, "RUS") == 0 && strcmp(r->b, "USA") == 0 &&
			r->net == -8 && r->sign == -1,
		"April: RUS-USA worsened to -8");
	ok(ent_periods_relation(p, 1, 2) == NULL &&
			ent_periods_summary(p, 2) == NULL,
		"out of range gives NULL");
	ok(s->triangles == 0, "April: no triangle");
	is_num(s->triangle_index, 1, 1e-12,
		"April: balance 1 without triangles");
	ent_periods_destroy(p);
}

static void by_year(void)
{
	ent_periods *p = periods_by(ENT_PERIOD_YEAR);
	const ent_period_summary *s;

	if (!ok(p != NULL, "by year: computed")) {
		return;
	}
	ok(ent_periods_count(p) == 1, "by year: one period");
	s = ent_periods_summary(p, 0);
	is_str(s ? s->label : NULL, "2015", "label 2015");
	/* all five events: relations CHN-RUS +8, POL-RUS +1.9, RUS-USA
	 * 4 - 2 - 8 = -6 */
	ok(s && s->events == 5 && s->relations == 3 && s->alliances == 2 &&
			s->tensions == 1,
		"by year: five events, three relations");
	is_num(s ? s->cooperation : 0, 4 + 8 + 1.9, 1e-9,
		"by year: cooperation");
	is_num(s ? s->conflict : 0, 10, 1e-9, "by year: conflict");
	ent_periods_destroy(p);
}

/* ISO weeks: 2015-03-02 is the Monday of week 10, 2015-03-20 falls in
 * week 12, 2015-04-07 and 2015-04-09 in week 15. */
static void by_week(void)
{
	ent_periods *p = periods_by(ENT_PERIOD_WEEK);

	if (!ok(p != NULL, "by week: computed")) {
		return;
	}
	ok(ent_periods_count(p) == 3, "by week: three weeks with events");
	is_str(ent_periods_summary(p, 0)->label, "2015-W10", "week 10");
	ok(ent_periods_summary(p, 0)->start == 20150302,
		"starts Monday 2015-03-02");
	is_str(ent_periods_summary(p, 2)->label, "2015-W15", "week 15");
	ok(ent_periods_relation_count(p, 2) == 2, "week 15: two relations");
	ent_periods_destroy(p);
}

static void no_periods(void)
{
	ent_periods *p = periods_by(ENT_PERIOD_NONE);

	ok(p != NULL && ent_periods_count(p) == 0, "without --by: no period");
	ent_periods_destroy(p);
	ent_periods_destroy(NULL);
	ok(ent_periods_count(NULL) == 0, "NULL has no period");
}

int main(void)
{
	by_month();
	by_year();
	by_week();
	no_periods();
	return done_testing();
}
