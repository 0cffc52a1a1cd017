/* SPDX-License-Identifier: MIT */
/* Dates, the event list and filters. */
#include <entente/entente.h>

#include "tap.h"

static ent_date date(const char *s)
{
	ent_date d = -1;

	ent_date_parse(&d, s, strlen(s));
	return d;
}

int main(void)
{
	ent_event ev;
	ent_events *list = NULL;
	ent_filter f = ENT_FILTER_INIT;
	const char *actors[] = {"RUS", "CHN"};
	const char *codes[] = {"05"};
	char buf[11];

	/* dates */
	ok(date("2015-05-08") == 20150508, "YYYY-MM-DD");
	ok(date("2015-05") == 20150500, "YYYY-MM");
	ok(date("2015") == 20150000, "YYYY");
	ok(date("20191024") == 20191024, "GDELT SQLDATE");
	ok(date("20191024143000") == 20191024, "GDELT DATEADDED");
	ok(date("2016-02-29") == 20160229, "leap day");
	ok(date("2015-02-29") == 0, "no leap day in 2015");
	ok(date("1900-02-29") == 0, "1900 is not a leap year");
	ok(date("2000-02-29") == 20000229, "2000 is a leap year");
	ok(date("2015-13-01") == 0 && date("2015-00") == 0, "month 1..12");
	ok(date("2015-04-31") == 0, "April has 30 days");
	ok(date("2015/05/08") == 0 && date("15-05-08") == 0 && date("") == 0,
		"other forms are rejected");
	ok(date("20191024256000") == 0, "DATEADDED hour is checked");
	ent_date_format(20150508, buf);
	is_str(buf, "2015-05-08", "format a day");
	ent_date_format(20150500, buf);
	is_str(buf, "2015-05", "format a month");
	ent_date_format(0, buf);
	is_str(buf, "", "format no date");

	/* list: deep copies */
	ok(ent_events_create(&list, NULL) == ENT_OK, "create a list");
	ent_event_init(&ev);
	strcpy(ev.source, "RUSGOV");
	strcpy(ev.target, "CHN");
	strcpy(ev.code, "057");
	ev.goldstein = 8;
	ev.quad = 1;
	ev.date = 20150508;
	{
		char text[] = "a sentence";
		ev.text = text;
		ok(ent_events_add(list, &ev, NULL) == ENT_OK, "add an event");
		text[0] = 'X';
	}
	is_str(ent_events_get(list, 0)->text, "a sentence", "strings are copied");
	ok(ent_events_count(list) == 1 && ent_events_get(list, 1) == NULL,
		"count and bounds");
	ent_events_destroy(list);
	ev.text = NULL;

	/* filters */
	ok(ent_filter_match(&f, &ev), "the empty filter keeps everything");
	f.since = 20150509;
	ok(!ent_filter_match(&f, &ev), "--since after the event");
	f.since = 20150500;
	ok(ent_filter_match(&f, &ev), "--since a month");
	f.since = 0;
	f.until = 20150500;
	ok(ent_filter_match(&f, &ev), "--until a month covers the month");
	f.until = 20150400;
	ok(!ent_filter_match(&f, &ev), "--until an earlier month");
	f.until = 0;
	f.actors = actors;
	f.n_actors = 2;
	ok(ent_filter_match(&f, &ev), "--actors compares states (RUSGOV is RUS)");
	strcpy(ev.target, "USA");
	ok(!ent_filter_match(&f, &ev), "--actors needs both ends listed");
	strcpy(ev.target, "CHN");
	f.n_actors = 0;
	f.codes = codes;
	f.n_codes = 1;
	ok(ent_filter_match(&f, &ev), "--codes by root");
	strcpy(ev.code, "112");
	ok(!ent_filter_match(&f, &ev), "--codes leaves out other roots");
	f.n_codes = 0;
	f.quads = 1u << 3 | 1u << 4;
	ev.quad = 1;
	ok(!ent_filter_match(&f, &ev), "--quad 3,4 leaves out quad 1");
	ev.quad = 3;
	ok(ent_filter_match(&f, &ev), "--quad 3,4 keeps quad 3");
	f.quads = 0;
	f.root_only = 1;
	ok(!ent_filter_match(&f, &ev), "--root-only needs IsRootEvent = 1");
	ev.root_event = 1;
	ok(ent_filter_match(&f, &ev), "--root-only keeps root events");

	/* periods */
	ok(ent_period_of(20150508, ENT_PERIOD_MONTH) == 20150501, "month of a day");
	ok(ent_period_of(20150508, ENT_PERIOD_QUARTER) == 20150401, "quarter");
	ok(ent_period_of(20150508, ENT_PERIOD_YEAR) == 20150101, "year");
	ok(ent_period_of(20150508, ENT_PERIOD_WEEK) == 20150504,
		"2015-05-08 (Friday) is in the week of Monday 2015-05-04");
	ok(ent_period_of(20150500, ENT_PERIOD_WEEK) == 0,
		"a month-precision date joins no week");
	{
		char label[16];
		ent_period_label(20150504, ENT_PERIOD_WEEK, label);
		is_str(label, "2015-W19", "ISO week label");
		ent_period_label(20141229, ENT_PERIOD_WEEK, label);
		is_str(label, "2015-W01", "the week of 2014-12-29 is 2015-W01");
		ent_period_label(20150401, ENT_PERIOD_QUARTER, label);
		is_str(label, "2015-Q2", "quarter label");
	}
	/* the version: the headers' macros and the library agree */
	{
		char want[32];
		snprintf(want, sizeof(want), "%d.%d.%d", ENT_VERSION_MAJOR,
			ENT_VERSION_MINOR, ENT_VERSION_PATCH);
		is_str(ent_version(), want, "ent_version() is MAJOR.MINOR.PATCH");
		is_str(ENT_VERSION, want, "ENT_VERSION is MAJOR.MINOR.PATCH");
		ok(ENT_VERSION_NUMBER == ENT_VERSION_MAJOR * 10000 +
			ENT_VERSION_MINOR * 100 + ENT_VERSION_PATCH,
			"ENT_VERSION_NUMBER");
	}
	/* create functions report through ent_error like the rest */
	{
		ent_error err = {0};
		ok(ent_events_create(NULL, &err) == ENT_EINVAL &&
			err.code == ENT_EINVAL && err.message[0] != '\0',
			"ent_events_create(NULL): EINVAL with a message (%s)",
			err.message);
	}
	return done_testing();
}
