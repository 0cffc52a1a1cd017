/* SPDX-License-Identifier: MIT */
/* The events JSON reader and writer. */
#include <entente/entente.h>

#include "tap.h"

static ent_status parse(ent_events **out, const char *text, ent_error *err)
{
	ent_error_clear(err);
	return ent_events_parse_json(out, text, strlen(text), "t.json", err);
}

/* Parse must fail with this message at this position, and return NULL. */
static void fails(const char *text, long line, long column, const char *msg)
{
	ent_events *ev = (ent_events *)1;
	ent_error err;
	ent_status st = parse(&ev, text, &err);

	ok(st == ENT_EPARSE && ev == NULL && err.line == line &&
		err.column == column && strcmp(err.message, msg) == 0 &&
		err.source && strcmp(err.source, "t.json") == 0,
		"error \"%s\" at %ld:%ld", msg, line, column);
	if (err.line != line || err.column != column ||
		strcmp(err.message, msg) != 0) {
		printf("#   got \"%s\" at %ld:%ld (status %d)\n", err.message,
			err.line, err.column, st);
	}
}

/* Write `events` with the streaming writer (flushing after every
 * `every` events, 0 = only at the end) and compare with
 * ent_events_to_json(). */
static void writer_matches(const ent_events *events, size_t every,
	const char *what)
{
	ent_events_writer *w = NULL;
	ent_error err = {0};
	char *mem = NULL, *whole = NULL;
	size_t memlen = 0, i, n = ent_events_count(events);
	FILE *fp = open_memstream(&mem, &memlen);
	int good = fp != NULL &&
		ent_events_writer_create(&w, fp, &err) == ENT_OK;

	for (i = 0; good && i < n; i++) {
		good = ent_events_writer_add(w, ent_events_get(events, i),
			&err) == ENT_OK;
		if (good && every && (i + 1) % every == 0) {
			good = ent_events_writer_flush(w, &err) == ENT_OK &&
				ent_events_writer_held(w) == 0;
		}
	}
	good = good && ent_events_writer_count(w) == n &&
		ent_events_writer_finish(w, &err) == ENT_OK &&
		ent_events_writer_held(w) == 0;
	ent_events_writer_destroy(w);
	if (fp != NULL) {
		fclose(fp);
	}
	good = good && ent_events_to_json(&whole, events, &err) == ENT_OK &&
		memlen == strlen(whole) && memcmp(mem, whole, memlen) == 0;
	ok(good, "the streaming writer writes what ent_events_to_json does: "
		"%s", what);
	free(mem);
	ent_free(whole);
}

/* Write `events` as documents of 0, 1, 2, ... events (the first empty),
 * each serialized into a part writer and taken into the writer in order
 * (what `entente extract` does on several threads), and compare with
 * ent_events_to_json(). */
static void parts_match(const ent_events *events, const char *what)
{
	ent_events_writer *w = NULL, *part = NULL;
	ent_error err = {0};
	char *mem = NULL, *whole = NULL;
	size_t memlen = 0, i = 0, size = 0, n = ent_events_count(events);
	FILE *fp = open_memstream(&mem, &memlen);
	int good = fp != NULL &&
		ent_events_writer_create(&w, fp, &err) == ENT_OK &&
		ent_events_writer_create_part(&part, &err) == ENT_OK;

	while (good) {
		size_t k;
		for (k = 0; good && k < size && i < n; k++, i++) {
			good = ent_events_writer_add(part,
				ent_events_get(events, i), &err) == ENT_OK;
		}
		good = good && ent_events_writer_take(w, part, &err) ==
			ENT_OK && ent_events_writer_held(part) == 0 &&
			ent_events_writer_count(part) == 0 &&
			ent_events_writer_flush(w, &err) == ENT_OK;
		if (i == n && size > 0) {
			break;
		}
		size++;
	}
	good = good && ent_events_writer_count(w) == n &&
		ent_events_writer_finish(w, &err) == ENT_OK;
	ent_events_writer_destroy(w);
	ent_events_writer_destroy(part);
	if (fp != NULL) {
		fclose(fp);
	}
	good = good && ent_events_to_json(&whole, events, &err) == ENT_OK &&
		memlen == strlen(whole) && memcmp(mem, whole, memlen) == 0;
	ok(good, "documents serialized in parts and taken in order write what "
		"ent_events_to_json does: %s", what);
	free(mem);
	ent_free(whole);
}

int main(void)
{
	ent_events *events = NULL, *again = NULL;
	const ent_event *e;
	ent_error err;
	char *text = NULL, *text2 = NULL;

	/* defaults from the CAMEO table; sector codes kept; bare array */
	ok(parse(&events, "[{\"source\": \"RUSGOV\", \"target\": \"chn\", "
		"\"code\": \"057\", \"date\": \"2015-05-08\"}]", &err) == ENT_OK,
		"a bare array parses");
	e = ent_events_get(events, 0);
	ok(e && strcmp(e->source, "RUSGOV") == 0, "actor codes are kept whole");
	ok(e && strcmp(e->target, "CHN") == 0, "a state's code in any case");
	ok(e && e->goldstein == 8.0 && e->quad == 1 && e->count == 1,
		"goldstein and quad default from the code");
	ok(e && e->date == 20150508, "date");
	ent_events_destroy(events);

	ok(parse(&events, "{\"entente\": \"events/1\", \"events\": [{\"source\": "
		"\"USA\", \"target\": \"POL\", \"goldstein\": 2.5}]}", &err) == ENT_OK,
		"an object with events parses");
	e = ent_events_get(events, 0);
	ok(e && e->goldstein == 2.5 && e->quad == 0 && e->code[0] == '\0',
		"goldstein alone: no code, no quad");
	ent_events_destroy(events);

	ok(parse(&events, "{\"events\": [{\"source\": \"USA\", \"target\": "
		"\"RUS\", \"code\": \"112\", \"goldstein\": -3, \"quad\": 4}]}",
		&err) == ENT_OK, "explicit goldstein and quad");
	e = ent_events_get(events, 0);
	ok(e && e->goldstein == -3 && e->quad == 4, "explicit values win over the table");
	ent_events_destroy(events);

	/* actors by name: the state's code, never the code a name begins
	 * with (Austria is not AUS, Australia) */
	ok(parse(&events, "[{\"source\": \"Austria\", \"target\": "
		"\"russian federation\", \"code\": \"057\"}, {\"source\": "
		"\"AUSTRALIA\", \"target\": \"Germany\", \"code\": \"057\"}, "
		"{\"source\": \"ROM\", \"target\": \"Romania\", \"code\": "
		"\"057\"}]", &err) == ENT_OK, "names parse: %s", err.message);
	e = ent_events_get(events, 0);
	ok(e && strcmp(e->source, "AUT") == 0 && strcmp(e->target, "RUS") == 0,
		"Austria is AUT, russian federation RUS");
	e = ent_events_get(events, 1);
	ok(e && strcmp(e->source, "AUS") == 0 && strcmp(e->target, "DEU") == 0,
		"AUSTRALIA is AUS, Germany DEU");
	e = ent_events_get(events, 2);
	ok(e && strcmp(e->source, "ROM") == 0 && strcmp(e->target, "ROU") == 0,
		"an alias code is kept as written, a name gives the ISO code");
	ent_events_destroy(events);

	/* round trip keeps every known and unknown member */
	ok(ent_events_read_json(&events, "tests/data/json/roundtrip.json", &err) ==
		ENT_OK, "read the round-trip fixture: %s", err.message);
	ok(ent_events_to_json(&text, events, &err) == ENT_OK, "write it");
	ok(parse(&again, text, &err) == ENT_OK, "read it back: %s", err.message);
	ok(ent_events_to_json(&text2, again, &err) == ENT_OK && text && text2 &&
		strcmp(text, text2) == 0, "second round trip is identical");
	ok(text && strstr(text, "\"custom\":{\"nested\":[1,2,3]}") &&
		strstr(text, "\"note\":\"kept\""), "unknown fields survive");
	ok(text && strstr(text, "\"flags\":[\"hedged\",\"future\"]") &&
		strstr(text, "\"span\":[10,42]") && strstr(text, "\"count\":3") &&
		strstr(text, "\"date\":\"2015-05\""), "known fields survive");
	ok(text && strstr(text, "Moscow \\\"asked\\\" Beijing\\tfor aid."),
		"strings are escaped");
	writer_matches(events, 0, "the round-trip fixture (unknown members)");
	writer_matches(events, 1, "the same, flushed after each event");
	ent_free(text);
	ent_free(text2);
	ent_events_destroy(events);
	ent_events_destroy(again);

	/* numbers and dates of every shape the writer formats by hand */
	ok(ent_events_create(&events, &err) == ENT_OK, "an event list");
	{
		static const double g[] = {8, -10, 0, -0.5, 0.5, 2.5, -4.4,
			1.9, 0.1, -0.1, 3.4000000000000004, 1e-5, 123.456,
			-7.25, 9.99, 0.30000000000000004};
		static const ent_date d[] = {20150508, 20150500, 20150000,
			0, 19990101, 99991231};
		size_t k;

		for (k = 0; k < sizeof(g) / sizeof(g[0]); k++) {
			ent_event ev;
			ent_event_init(&ev);
			strcpy(ev.source, "RUS");
			strcpy(ev.target, "UKR");
			ev.goldstein = g[k];
			ev.date = d[k % (sizeof(d) / sizeof(d[0]))];
			ev.text = k % 2 ? "Quotes \"here\", a tab\t, caf\xc3\xa9, "
				"bad \xff byte, \x01 control" : "Plain.";
			ent_events_add(events, &ev, &err);
		}
	}
	writer_matches(events, 3, "numbers, dates, escapes");
	parts_match(events, "numbers, dates, escapes");
	{
		ent_events_writer *part = NULL, *w = NULL;
		ok(ent_events_writer_create_part(&part, &err) == ENT_OK &&
			ent_events_writer_add(part, ent_events_get(events, 0),
				&err) == ENT_OK &&
			ent_events_writer_flush(part, &err) == ENT_EINVAL &&
			ent_events_writer_finish(part, &err) == ENT_EINVAL &&
			ent_events_writer_take(part, part, &err) == ENT_EINVAL &&
			ent_events_writer_create(&w, stderr, &err) == ENT_OK &&
			ent_events_writer_take(part, w, &err) == ENT_EINVAL &&
			ent_events_writer_count(part) == 1,
			"a part is neither flushed, finished nor taken into");
		ent_events_writer_destroy(w);
		ent_events_writer_destroy(part);
	}
	ok(ent_events_to_json(&text, events, &err) == ENT_OK, "write them");
	{
		/* each number as cJSON prints it: %1.15g, or %1.17g when that
		 * does not read back (the writer's fast paths must agree) */
		size_t k, bad = 0;
		for (k = 0; k < ent_events_count(events); k++) {
			double x = ent_events_get(events, k)->goldstein, back;
			char want[64], num[32];
			snprintf(num, sizeof(num), "%1.15g", x);
			if (sscanf(num, "%lg", &back) != 1 || back != x) {
				snprintf(num, sizeof(num), "%1.17g", x);
			}
			snprintf(want, sizeof(want), "\"goldstein\":%s,", num);
			if (text == NULL || strstr(text, want) == NULL) {
				printf("#   missing %s\n", want);
				bad++;
			}
		}
		ok(bad == 0, "numbers are written as cJSON writes them");
	}
	ok(text && strstr(text, "\"date\":\"2015-05-08\"") &&
		strstr(text, "\"date\":\"2015-05\"") &&
		strstr(text, "\"date\":\"2015\"") &&
		strstr(text, "\"date\":\"9999-12-31\""),
		"dates are written whole, by month and by year");
	ent_free(text);
	text = NULL;
	{
		char *mem = NULL;
		size_t memlen = 0;
		FILE *fp = open_memstream(&mem, &memlen);
		ent_events_writer *w = NULL;

		ok(fp && ent_events_writer_create(&w, fp, &err) == ENT_OK &&
			ent_events_writer_add(w, ent_events_get(events, 0),
				&err) == ENT_OK && fflush(fp) == 0 && memlen == 0 &&
			ent_events_writer_held(w) > 0,
			"nothing reaches the stream before a flush");
		ok(ent_events_writer_flush(w, &err) == ENT_OK &&
			fflush(fp) == 0 && memlen > 0 &&
			ent_events_writer_held(w) == 0, "a flush writes it all");
		ent_events_writer_destroy(w);
		if (fp) {
			fclose(fp);
		}
		free(mem);
	}
	ent_events_destroy(events);
	ok(ent_events_create(&events, &err) == ENT_OK, "an empty list");
	writer_matches(events, 0, "no events");
	parts_match(events, "no events");
	ent_events_destroy(events);

	/* strict errors: message, line, column */
	fails("[{\"source\": \"CHN\", \"target\": \"RUS\", \"goldstein\": \"8\"}]",
		1, 50, "\"goldstein\" must be a number");
	fails("[\n {\"source\": \"CHN\",\n  \"code\": \"057\"}]", 2, 2,
		"missing \"target\"");
	fails("[{\"source\": \"CHN\", \"target\": \"RUS\"}]", 1, 2,
		"an event needs \"code\" or \"goldstein\"");
	fails("[{\"source\": \"CHN\", \"target\": \"RUS\", \"code\": \"999\"}]",
		1, 45, "unknown CAMEO code \"999\" in \"code\"");
	fails("[{\"source\": \"CHN\", \"target\": \"RUS\", \"code\": 57}]",
		1, 45, "\"code\" must be a string of 2 to 4 digits");
	fails("[{\"source\": \"CHN\", \"target\": \"RUS\", \"code\": \"057\", "
		"\"date\": \"2015-02-30\"}]", 1, 60,
		"\"date\" must be a date YYYY-MM-DD, YYYY-MM or YYYY, not \"2015-02-30\"");
	fails("[{\"source\": \"CHN\", \"target\": \"RUS\", \"goldstein\": 11}]",
		1, 50, "\"goldstein\" must be between -10 and 10");
	fails("[{\"source\": \"CHN\", \"target\": \"RUS\", \"goldstein\": 1, "
		"\"count\": 0}]", 1, 62, "\"count\" must be a whole number of at least 1");
	fails("[{\"source\": \"CHN\", \"target\": \"RUS\", \"goldstein\": 1, "
		"\"flags\": [\"maybe\"]}]", 1, 62, "unknown flag \"maybe\" in \"flags\"");
	fails("[{\"source\": \"C N\", \"target\": \"RUS\", \"goldstein\": 1}]", 1, 13,
		"\"source\": unknown actor \"C N\"; did you mean CAN (Canada) or "
		"CHN (China)?");
	fails("[{\"source\": \"CHN\", \"target\": \"Austira\", \"goldstein\": 1}]",
		1, 30, "\"target\": unknown actor \"Austira\"; did you mean AUT "
		"(Austria)?");
	fails("[{\"source\": \"rusgov\", \"target\": \"CHN\", \"goldstein\": 1}]",
		1, 13, "\"source\": unknown actor \"rusgov\"; did you mean RUSGOV "
		"(codes are written in capitals)?");
	fails("[{\"source\": \"\", \"target\": \"CHN\", \"goldstein\": 1}]",
		1, 13, "\"source\": an empty actor name");
	fails("[1]", 1, 2, "an event must be an object");
	fails("{\"events\": 3}", 1, 12, "\"events\" must be an array");
	fails("{\"data\": []}", 1, 1, "missing \"events\" array");
	fails("\"x\"", 1, 1, "expected an object with \"events\" or an array of events");
	fails("[{\"source\": \"CHN\",", 1, 19, "truncated JSON: the document ends too early");
	fails("", 1, 1, "empty input: expected an events JSON document");
	fails("[] x", 1, 4, "unexpected content after the JSON document");
	fails("[{\"source\": \"CHN\", \"target\": \"RUS\", \"goldstein\": 1}, "
		"{\"source\": \"X\", \"target\": \"Y\", \"code\": \"01\", "
		"\"span\": [5, 2]}]", 1, 107,
		"\"span\" must be [start, end] with 0 <= start <= end");
	/* a byte-order mark is accepted */
	ok(parse(&events, "\xEF\xBB\xBF[]", &err) == ENT_OK &&
		ent_events_count(events) == 0, "a UTF-8 byte-order mark is skipped");
	ent_events_destroy(events);
	return done_testing();
}
