/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: the events JSON reader (ent_events_parse_json).
 *
 * Every input either fails with a one-line error, or parses; a parsed list
 * must serialise to valid UTF-8 JSON that parses back to the same text (the
 * writer and the reader agree), and must aggregate into a dataset at both
 * actor levels without error.
 */
#include "fuzz_common.h"

static void aggregate(const ent_events *events, ent_level level)
{
	ent_dataset_options opts = ENT_DATASET_OPTIONS_INIT;
	ent_dataset *ds = NULL;
	ent_error err = {0};
	size_t i;

	opts.level = level;
	opts.by = ENT_PERIOD_WEEK;
	FUZZ_CHECK(ent_dataset_create(&ds, &opts, NULL) == ENT_OK, "dataset created");
	for (i = 0; i < ent_events_count(events); i++) {
		ent_status st = ent_dataset_add_event(
			ds, ent_events_get(events, i), &err);
		if (st != ENT_OK) {
			/* only a documented limit may stop aggregation */
			FUZZ_CHECK(st == ENT_ELIMIT,
				"dataset accepts parsed events");
			fuzz_check_error(st, &err);
			break;
		}
	}
	ent_dataset_destroy(ds);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ent_events *events = NULL, *again = NULL;
	char *buf = fuzz_copy(data, size);
	char *text = NULL, *text2 = NULL;
	ent_error err = {0};
	ent_status st;

	st = ent_events_parse_json(&events, buf, size, "fuzz.json", &err);
	if (st != ENT_OK) {
		FUZZ_CHECK(events == NULL, "no list on failure");
		fuzz_check_error(st, &err);
		FUZZ_CHECK(err.source != NULL &&
				strcmp(err.source, "fuzz.json") == 0,
			"error names the input");
		FUZZ_CHECK(err.line >= 1 && err.column >= 1,
			"parse error has a position");
		goto done;
	}
	FUZZ_CHECK(ent_events_to_json(&text, events, &err) == ENT_OK,
		"parsed events serialise");
	FUZZ_CHECK(
		fuzz_utf8_valid(text, strlen(text)), "output is valid UTF-8");
	st = ent_events_parse_json(&again, text, strlen(text), "again", &err);
	if (st != ENT_OK) {
		fprintf(stderr, "%s:%ld:%ld: %s\n", err.source, err.line,
			err.column, err.message);
	}
	FUZZ_CHECK(st == ENT_OK, "written events parse back");
	FUZZ_CHECK(ent_events_count(again) == ent_events_count(events),
		"same number of events after a round trip");
	FUZZ_CHECK(ent_events_to_json(&text2, again, &err) == ENT_OK,
		"events serialise twice");
	FUZZ_CHECK(strcmp(text, text2) == 0, "round trip is stable");
	aggregate(events, ENT_LEVEL_STATE);
	aggregate(events, ENT_LEVEL_ACTOR);
done:
	ent_free(text);
	ent_free(text2);
	ent_events_destroy(events);
	ent_events_destroy(again);
	free(buf);
	return 0;
}
