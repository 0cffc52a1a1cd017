/* SPDX-License-Identifier: MIT */
/*
 * The documented limits and encoding rules, at their boundaries:
 * ENT_JSON_MAX_DEPTH, ENT_JSON_MAX_EVENT_BYTES, ENT_MAX_ACTORS, ENT_MAX_SUM, UTF-8 checks of
 * the events JSON reader and U+FFFD replacement in its writer.
 */
#include <string.h>

#include <entente/entente.h>

#include "tap.h"

/* An event whose unknown member "x" nests `depth` arrays; the document's
 * own depth is that plus 2 (the list and the event). */
static char *nested(int depth)
{
	const char *head = "[{\"source\": \"CHN\", \"target\": \"RUS\", "
			   "\"code\": \"057\", \"x\": ";
	size_t n = strlen(head);
	char *s = malloc(n + 2 * (size_t)depth + 4);
	int i;

	memcpy(s, head, n);
	for (i = 0; i < depth; i++) {
		s[n++] = '[';
	}
	for (i = 0; i < depth; i++) {
		s[n++] = ']';
	}
	memcpy(s + n, "}]", 3);
	return s;
}

static ent_status parse(const char *text, ent_events **out, ent_error *err)
{
	return ent_events_parse_json(out, text, strlen(text), "t.json", err);
}

int main(void)
{
	ent_events *events = NULL;
	ent_error err = {0};
	ent_status st;
	char *doc, *json = NULL;

	/* depth */
	doc = nested(ENT_JSON_MAX_DEPTH - 2);
	ok(parse(doc, &events, &err) == ENT_OK, "depth %d is read",
		ENT_JSON_MAX_DEPTH);
	ent_events_destroy(events);
	events = NULL;
	free(doc);
	doc = nested(ENT_JSON_MAX_DEPTH - 1);
	st = parse(doc, &events, &err);
	ok(st == ENT_ELIMIT && events == NULL, "depth %d: ENT_ELIMIT",
		ENT_JSON_MAX_DEPTH + 1);
	is_str(err.message, "JSON nested deeper than 64 levels", "message");
	/* the 65th bracket: 56 characters of head, then 62 brackets */
	ok(err.line == 1 && err.column == 56 + 62 + 1,
		"at the bracket that goes too deep (1:%ld)", err.column);
	free(doc);

	/* the size of one event: the reader streams, so the limit is on
	 * the largest value it holds, not on the document */
	{
		const char *head = "[{\"source\": \"CHN\", \"target\": "
				   "\"RUS\", \"code\": \"057\", \"text\": \"";
		size_t n = strlen(head), ev = ENT_JSON_MAX_EVENT_BYTES;
		/* "[" + the event (ev bytes) + "]" */
		char *big = malloc(ev + 4);
		memcpy(big, head, n);
		memset(big + n, 'x', ev - (n - 1) - 2);
		memcpy(big + ev - 1, "\"}]", 3);
		st = ent_events_parse_json(&events, big, ev + 2, "big.json",
			&err);
		ok(st == ENT_OK && ent_events_count(events) == 1,
			"an event of ENT_JSON_MAX_EVENT_BYTES is read");
		ent_events_destroy(events);
		events = NULL;
		/* one more byte of text */
		big[ev - 1] = 'x';
		memcpy(big + ev, "\"}]", 3);
		st = ent_events_parse_json(&events, big, ev + 3, "big.json",
			&err);
		ok(st == ENT_ELIMIT && events == NULL && err.line == 1 &&
				err.column == 2,
			"one byte more: ENT_ELIMIT at the event (%ld:%ld)",
			err.line, err.column);
		is_str(err.message, "an event (a JSON value) larger than 64 MiB",
			"message");
		free(big);
	}

	/* UTF-8 in the reader */
	st = parse("[{\"source\": \"CHN\", \"target\": \"RUS\", \"code\": "
		   "\"057\", \"text\": \"caf\xc3\xa9 \xe2\x82\xac "
		   "\xf0\x9f\x8c\x8d\"}]",
		&events, &err);
	ok(st == ENT_OK, "2-, 3- and 4-byte characters are read");
	ok(st == ENT_OK && ent_events_to_json(&json, events, &err) == ENT_OK &&
			strstr(json,
				"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x8c\x8d"),
		"and written back unchanged");
	ent_free(json);
	json = NULL;
	ent_events_destroy(events);
	events = NULL;
	st = parse("[{\"source\": \"CHN\", \"target\": \"RUS\", \"code\": "
		   "\"057\", \"text\": \"\xf4\x90\x80\x80\"}]",
		&events, &err);
	ok(st == ENT_EPARSE && err.column == 61,
		"a code point above U+10FFFF is refused at its byte (1:%ld)",
		err.column);
	is_str(err.message, "invalid UTF-8 (byte 0xF4)", "message");
	st = parse("\xef\xbb\xbf[{\"source\": 1}]", &events, &err);
	ok(st == ENT_EPARSE && err.line == 1 && err.column == 13,
		"columns are counted after a byte-order mark (1:%ld)",
		err.column);

	/* U+FFFD in the writer, for events from other readers */
	{
		ent_event ev;
		ent_events *again = NULL;
		ent_event_init(&ev);
		strcpy(ev.source, "CHN");
		strcpy(ev.target, "RUS");
		strcpy(ev.code, "057");
		ev.goldstein = 8;
		ev.quad = 1;
		ev.text = "bad \xff byte, cut \xe2\x82";
		ok(ent_events_create(&events, NULL) == ENT_OK &&
				ent_events_add(events, &ev, &err) == ENT_OK,
			"an event with invalid UTF-8 in its text");
		ok(ent_events_to_json(&json, events, &err) == ENT_OK &&
				strstr(json,
					"\"bad \xef\xbf\xbd byte, cut "
					"\xef\xbf\xbd\xef\xbf\xbd\"") != NULL,
			"each bad byte is written as U+FFFD");
		ok(json && parse(json, &again, &err) == ENT_OK,
			"the output reads back");
		ent_events_destroy(again);
		ent_free(json);
		ent_events_destroy(events);
		events = NULL;
	}

	/* actors */
	{
		ent_dataset_options opts = ENT_DATASET_OPTIONS_INIT;
		ent_dataset *ds = NULL;
		ent_event ev;
		int i;
		opts.level = ENT_LEVEL_ACTOR;
		ent_dataset_create(&ds, &opts, NULL);
		ent_event_init(&ev);
		strcpy(ev.target, "ZZZ");
		strcpy(ev.code, "057");
		ev.goldstein = 8;
		ev.quad = 1;
		st = ENT_OK;
		for (i = 0; i < ENT_MAX_ACTORS - 1 && st == ENT_OK; i++) {
			snprintf(ev.source, sizeof(ev.source), "A%05d", i);
			st = ent_dataset_add_event(ds, &ev, &err);
		}
		ok(st == ENT_OK, "%d distinct actors are aggregated",
			ENT_MAX_ACTORS);
		strcpy(ev.source, "NEWCOMER");
		st = ent_dataset_add_event(ds, &ev, &err);
		ok(st == ENT_ELIMIT, "one more: ENT_ELIMIT");
		is_str(err.message,
			"more than 50000 distinct actors (the limit; "
			"aggregate at state level or narrow with --actors)",
			"message");
		strcpy(ev.source, "A00007");
		ok(ent_dataset_add_event(ds, &ev, &err) == ENT_OK,
			"known actors are still aggregated after the limit");
		ok(ent_dyads_count(ent_dataset_dyads(ds)) ==
				(size_t)ENT_MAX_ACTORS - 1,
			"the refused event left no dyad");
		ent_dataset_destroy(ds);
	}

	/* sums: the totals of a dyad table stop at ENT_MAX_SUM (2^53) */
	{
		ent_dyads *a = NULL, *b = NULL;
		ent_dyad d;
		ent_event ev;
		/* a Goldstein weight of 1 is 1000 thousandths */
		int64_t most = ENT_MAX_SUM / 1000;
		ent_event_init(&ev);
		ev.goldstein = 1;
		ev.quad = 1;
		ent_dyads_create(&a, NULL);
		ent_dyads_create(&b, NULL);
		ok(ent_dyads_add_event(a, "CHN", "RUS", &ev, most, &err) == ENT_OK,
			"a weight of 2^53 / 1000 at Goldstein 1 is summed");
		ok(ent_dyads_add_event(a, "USA", "RUS", &ev, 1, &err) == ENT_ELIMIT &&
				strstr(err.message, "weight 1 too large") != NULL,
			"one more thousand thousandths: ENT_ELIMIT, and says so "
			"(%s)", err.message);
		ok(ent_dyads_count(a) == 1 && ent_dyads_get(&d, a, 0) == ENT_OK &&
				d.events == most && d.cooperation == most,
			"the refused event changed nothing (%lld events)",
			(long long)d.events);
		ev.goldstein = 0;
		ok(ent_dyads_add_event(a, "CHN", "RUS", &ev,
			   ENT_MAX_SUM - most, &err) == ENT_OK,
			"events up to 2^53 in all (Goldstein 0)");
		ok(ent_dyads_add_event(a, "CHN", "RUS", &ev, 1, &err) == ENT_ELIMIT,
			"one event more: ENT_ELIMIT");
		ev.goldstein = -10;
		ev.quad = 4;
		ok(ent_dyads_add_event(b, "USA", "RUS", &ev, 1000000000000000, &err) ==
				ENT_ELIMIT,
			"an attack counted 10^15 times: ENT_ELIMIT (it wrapped "
			"to negative conflict)");
		ok(ent_dyads_add_event(b, "USA", "RUS", &ev, 1, &err) == ENT_OK &&
				ent_dyads_merge(b, a, &err) == ENT_ELIMIT &&
				ent_dyads_count(b) == 1,
			"a merge past the limit: ENT_ELIMIT, nothing merged");
		ok(ent_dyads_add_event(b, "USA", "RUS", &ev, -1, &err) == ENT_EINVAL,
			"a negative weight: ENT_EINVAL");
		ent_dyads_destroy(a);
		ent_dyads_destroy(b);
	}
	return done_testing();
}
