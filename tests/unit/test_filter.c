/* SPDX-License-Identifier: MIT */
/*
 * Event filters (ent_filter_match): dates (event date or date added,
 * inclusive month and year bounds), actors (codes, states, alias codes),
 * CAMEO codes and roots, quad classes, root events; and the filters and
 * weights applied by a dataset reading a GDELT file.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <entente/entente.h>

#include "tap.h"

static ent_event make(const char *s, const char *t, const char *code,
	int quad, ent_date date, ent_date added, int root)
{
	ent_event ev;

	ent_event_init(&ev);
	snprintf(ev.source, sizeof(ev.source), "%s", s);
	snprintf(ev.target, sizeof(ev.target), "%s", t);
	snprintf(ev.code, sizeof(ev.code), "%s", code);
	ev.quad = quad;
	ev.date = date;
	ev.date_added = added;
	ev.root_event = root;
	return ev;
}

static void test_dates(void)
{
	ent_filter f = ENT_FILTER_INIT;
	ent_event ev = make("RUS", "UKR", "190", 4, 20220224, 20220301, 1);
	ent_event undated = make("RUS", "UKR", "190", 4, 0, 0, 1);

	ok(ent_filter_match(&f, &ev), "empty filter keeps everything");
	ok(ent_filter_match(NULL, &ev), "NULL filter keeps everything");
	f.since = 20220224;
	ok(ent_filter_match(&f, &ev), "since is inclusive");
	f.since = 20220225;
	ok(!ent_filter_match(&f, &ev), "before since: out");
	ok(!ent_filter_match(&f, &undated), "undated: out when dates filter");
	f.since = 0;
	f.until = 20220200;
	ok(ent_filter_match(&f, &ev), "until a month covers the month");
	f.until = 20220100;
	ok(!ent_filter_match(&f, &ev), "after until (month): out");
	f.until = 20220000;
	ok(ent_filter_match(&f, &ev), "until a year covers the year");
	f.until = 20220223;
	ok(!ent_filter_match(&f, &ev), "a day after until: out");
	/* the date added instead: 2022-03-01 */
	f.until = 0;
	f.since = 20220301;
	ok(!ent_filter_match(&f, &ev), "event date before since");
	f.use_date_added = 1;
	ok(ent_filter_match(&f, &ev), "date added on since: kept");
	f.since = 0;
	f.until = 20220228;
	ok(!ent_filter_match(&f, &ev), "date added after until: out");
}

static void test_actors(void)
{
	const char *list[] = {"RUS", "UKR", "ROM"};
	const char *codes_only[] = {"RUSGOV", "UKR"};
	ent_filter f = ENT_FILTER_INIT;
	ent_event a = make("RUSGOV", "UKRMIL", "190", 4, 0, 0, 1);
	ent_event b = make("RUS", "USA", "190", 4, 0, 0, 1);
	ent_event c = make("ROUGOV", "UKR", "036", 1, 0, 0, 1);
	ent_event d = make("RUSMIL", "UKR", "190", 4, 0, 0, 1);
	ent_event e = make("IGOEUREEC", "RUS", "163", 4, 0, 0, 1);

	f.actors = list;
	f.n_actors = 3;
	ok(ent_filter_match(&f, &a), "RUSGOV -> UKRMIL: both states listed");
	ok(!ent_filter_match(&f, &b), "USA not listed: out");
	ok(ent_filter_match(&f, &c), "ROUGOV kept through the alias ROM");
	ok(!ent_filter_match(&f, &e), "a non-state end is not listed");
	f.actors = codes_only;
	f.n_actors = 2;
	ok(ent_filter_match(&f, &a), "RUSGOV listed exactly, UKRMIL through "
		"its state UKR");
	ok(!ent_filter_match(&f, &d), "RUSMIL is not RUSGOV, and RUS is not "
		"listed");
}

/* Actors by name and by group: a group keeps the states that were
 * members on the event's date. */
static void test_names_and_groups(void)
{
	const char *names[] = {"Russia", "united states"};
	const char *nato[] = {"NATO"};
	const char *nato_rus[] = {"nato", "RUS"};
	const char *bad[] = {"USA", "Austira"};
	ent_filter f = ENT_FILTER_INIT;
	ent_event rus_usa = make("RUSGOV", "USA", "111", 3, 20220224, 0, 1);
	ent_event fin_swe = make("FINGOV", "SWE", "057", 1, 20230410, 0, 1);
	ent_event fin_swe_early = make("FIN", "SWE", "057", 1, 20230310, 0, 1);
	ent_event fin_usa_may = make("FIN", "USA", "057", 1, 20230500, 0, 1);
	ent_event pol_usa_undated = make("POL", "USA", "057", 1, 0, 0, 1);
	ent_event swe_usa_undated = make("SWE", "USA", "057", 1, 0, 0, 1);
	ent_event rus_pol = make("RUS", "POL", "111", 3, 19980101, 0, 1);
	ent_event rus_pol_later = make("RUS", "POL", "111", 3, 19990312, 0, 1);
	ent_error err = {0};

	f.actors = names;
	f.n_actors = 2;
	ok(ent_filter_match(&f, &rus_usa), "names: Russia and united states "
		"keep RUSGOV -> USA");
	ok(ent_filter_check(&f, &err) == ENT_OK, "names check");
	f.actors = nato;
	f.n_actors = 1;
	ok(ent_filter_match(&f, &fin_swe) == 0,
		"NATO on 2023-04-10: Finland a member (2023-04-04), Sweden not "
		"yet (2024-03-07)");
	ok(!ent_filter_match(&f, &fin_swe_early), "NATO in March 2023: neither");
	ok(ent_filter_match(&f, &fin_usa_may),
		"a month date: Finland a member during May 2023");
	ok(ent_filter_match(&f, &pol_usa_undated),
		"undated: today's members (POL, USA)");
	ok(ent_filter_match(&f, &swe_usa_undated), "undated: SWE is a member "
		"today");
	f.actors = nato_rus;
	f.n_actors = 2;
	ok(!ent_filter_match(&f, &rus_pol),
		"Poland was not in NATO on 1998-01-01");
	ok(ent_filter_match(&f, &rus_pol_later),
		"Poland in NATO from 1999-03-12 (RUS listed by code)");
	f.actors = bad;
	ok(ent_filter_check(&f, &err) == ENT_ENOTFOUND &&
		strstr(err.message, "did you mean AUT (Austria)"),
		"an unknown name: ENT_ENOTFOUND with the nearest (%s)",
		err.message);
	ok(!ent_filter_match(&f, &rus_usa), "an unknown name matches nothing");
}

/* GDELT's noise controls: sources and articles, one event per document,
 * dyad, code and day, and the tone as the signed weight. */
static void test_noise_controls(void)
{
	ent_filter f = ENT_FILTER_INIT;
	ent_dataset_options o = ENT_DATASET_OPTIONS_INIT;
	ent_dataset *ds = NULL;
	ent_event ev = make("RUSGOV", "UKR", "190", 4, 20220224, 0, 1);
	ent_dyad d;
	ent_error err = {0};

	ev.sources = 2;
	ev.articles = 5;
	f.min_sources = 2;
	ok(ent_filter_match(&f, &ev), "2 sources pass --min-sources 2");
	f.min_sources = 3;
	ok(!ent_filter_match(&f, &ev), "2 sources fail --min-sources 3");
	f.min_sources = 0;
	f.min_articles = 5;
	ok(ent_filter_match(&f, &ev), "5 articles pass --min-articles 5");
	ev.articles = 0;
	ok(!ent_filter_match(&f, &ev), "no article count: left out");

	/* dedupe at state level: RUSGOV and RUS are one dyad */
	o.dedupe = 1;
	ok(ent_dataset_create(&ds, &o, &err) == ENT_OK, "dedupe dataset");
	ev = make("RUSGOV", "UKR", "190", 4, 20220224, 0, 1);
	ev.doc = "https://example.org/a";
	ent_dataset_add_event(ds, &ev, &err);
	snprintf(ev.source, sizeof(ev.source), "RUS");
	ent_dataset_add_event(ds, &ev, &err);     /* same URL, dyad, code, day */
	ev.date = 20220225;
	ent_dataset_add_event(ds, &ev, &err);     /* another day */
	ev.doc = "https://example.org/b";
	ent_dataset_add_event(ds, &ev, &err);     /* another document */
	snprintf(ev.code, sizeof(ev.code), "193");
	ent_dataset_add_event(ds, &ev, &err);     /* another code */
	ev.doc = NULL;
	ent_dataset_add_event(ds, &ev, &err);     /* no document: never a */
	ent_dataset_add_event(ds, &ev, &err);     /* duplicate */
	ok(ent_dataset_stats_get(ds)->kept == 6 &&
		ent_dataset_stats_get(ds)->duplicates == 1 &&
		ent_dataset_stats_get(ds)->filtered == 1,
		"dedupe: 1 duplicate of 7 (kept %lld)",
		(long long)ent_dataset_stats_get(ds)->kept);
	ent_dataset_destroy(ds);
	o.level = ENT_LEVEL_ACTOR;
	ent_dataset_create(&ds, &o, &err);
	ev = make("RUSGOV", "UKR", "190", 4, 20220224, 0, 1);
	ev.doc = "https://example.org/a";
	ent_dataset_add_event(ds, &ev, &err);
	snprintf(ev.source, sizeof(ev.source), "RUS");
	ent_dataset_add_event(ds, &ev, &err);
	ok(ent_dataset_stats_get(ds)->duplicates == 0,
		"at actor level RUSGOV and RUS are two dyads");
	ent_dataset_destroy(ds);

	/* tone: once per event, AvgTone in place of Goldstein */
	o = (ent_dataset_options)ENT_DATASET_OPTIONS_INIT;
	o.weight = ENT_WEIGHT_TONE;
	ent_dataset_create(&ds, &o, &err);
	ev = make("USA", "CHN", "057", 1, 20220224, 0, 1);
	ev.count = 5;
	ev.tone = 2.5;
	ent_dataset_add_event(ds, &ev, &err);
	ev.tone = -4.25;
	ent_dataset_add_event(ds, &ev, &err);
	ev.tone = NAN;
	ent_dataset_add_event(ds, &ev, &err);
	ok(ent_dyads_get(&d, ent_dataset_dyads(ds), 0) == ENT_OK &&
		d.events == 2 && d.coop_events == 2 && d.cooperation == 2.5 &&
		d.conflict == 4.25 && d.goldstein_sum == -1.75,
		"tone: 2 events, cooperation 2.5, conflict 4.25, net -1.75 "
		"(a 057 of negative tone counts as conflict weight)");
	ok(ent_dataset_stats_get(ds)->filtered == 1,
		"an event without a tone is left out");
	ent_dataset_destroy(ds);
}

static void test_codes_quads_roots(void)
{
	const char *roots[] = {"19"};
	const char *full[] = {"057", "0311"};
	ent_filter f = ENT_FILTER_INIT;
	ent_event fight = make("RUS", "UKR", "193", 4, 0, 0, 1);
	ent_event sign = make("USA", "POL", "057", 1, 0, 0, 0);
	ent_event econ = make("USA", "POL", "0311", 1, 0, 0, 1);
	ent_event econ2 = make("USA", "POL", "031", 1, 0, 0, 1);

	f.codes = roots;
	f.n_codes = 1;
	ok(ent_filter_match(&f, &fight), "root 19 keeps 193");
	ok(!ent_filter_match(&f, &sign), "root 19 drops 057");
	f.codes = full;
	f.n_codes = 2;
	ok(ent_filter_match(&f, &sign), "full code 057");
	ok(ent_filter_match(&f, &econ), "full code 0311");
	ok(!ent_filter_match(&f, &econ2), "0311 does not keep its parent 031");
	f.n_codes = 0;
	f.quads = 1u << 3 | 1u << 4;
	ok(ent_filter_match(&f, &fight), "quad 4 in 3,4");
	ok(!ent_filter_match(&f, &sign), "quad 1 not in 3,4");
	f.quads = 0;
	f.root_only = 1;
	ok(ent_filter_match(&f, &fight), "root event kept");
	ok(!ent_filter_match(&f, &sign), "non-root event dropped");
	sign.root_event = -1;
	ok(!ent_filter_match(&f, &sign), "unknown root status dropped");
}

/* Filters and weights through a dataset reading the GDELT fixture. */
static void test_dataset(void)
{
	const char *codes[] = {"19"};
	ent_dataset_options o = ENT_DATASET_OPTIONS_INIT;
	ent_read_options r = ENT_READ_OPTIONS_INIT;
	ent_dataset *ds = NULL;
	ent_dyad d;

	o.filter.codes = codes;
	o.filter.n_codes = 1;
	ent_dataset_create(&ds, &o, NULL);
	ok(ent_read_into(ds, ENT_SOURCE_ROOT "/tests/data/gdelt/small.export.CSV",
		&r, NULL) == ENT_OK, "fixture read with --codes 19");
	ok(ent_dyads_count(ent_dataset_dyads(ds)) == 1 &&
		ent_dyads_get(&d, ent_dataset_dyads(ds), 0) == ENT_OK &&
		strcmp(d.source, "RUS") == 0 && d.events == 2,
		"only RUS->UKR (190, 193) is left");
	is_num(ent_dataset_stats_get(ds)->filtered, 6, 0, "6 events filtered");
	ent_dataset_destroy(ds);

	/* --weight mentions: RUS->UKR 10 + 5 mentions, USA->POL 4 + 2 */
	o = (ent_dataset_options)ENT_DATASET_OPTIONS_INIT;
	o.weight = ENT_WEIGHT_MENTIONS;
	ent_dataset_create(&ds, &o, NULL);
	ent_read_into(ds, ENT_SOURCE_ROOT "/tests/data/gdelt/small.export.CSV",
		&r, NULL);
	ent_dyads_get(&d, ent_dataset_dyads(ds), 1);
	ok(strcmp(d.source, "RUS") == 0 && d.events == 15 &&
		d.goldstein_sum == -150, "mentions: RUS->UKR 15, sum -150");
	ent_dyads_get(&d, ent_dataset_dyads(ds), 3);
	ok(strcmp(d.target, "POL") == 0 && d.events == 6 &&
		d.cooperation == 48, "mentions: USA->POL 6, cooperation 48");
	ent_dataset_destroy(ds);

	/* --since 2022-03 --date-added --root-only */
	o = (ent_dataset_options)ENT_DATASET_OPTIONS_INIT;
	o.filter.since = 20220300;
	o.filter.use_date_added = 1;
	o.filter.root_only = 1;
	ent_dataset_create(&ds, &o, NULL);
	ent_read_into(ds, ENT_SOURCE_ROOT "/tests/data/gdelt/small.export.CSV",
		&r, NULL);
	/* added in or after March and root: 1003 (USA->CHN), 1004, 1005
	 * (non-state), 1006 (ROU->MDA), 1010 (USA->POL); not 1007 (root 0) */
	is_num(ent_dataset_stats_get(ds)->kept, 3, 0,
		"3 root events added since March kept");
	is_num(ent_dyads_count(ent_dataset_dyads(ds)), 3, 0, "3 dyads");
	ent_dataset_destroy(ds);
}

int main(void)
{
	test_dates();
	test_actors();
	test_names_and_groups();
	test_noise_controls();
	test_codes_quads_roots();
	test_dataset();
	return done_testing();
}
