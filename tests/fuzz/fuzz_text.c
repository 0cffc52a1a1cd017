/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: the news-text extractor (ent_extract_text).
 *
 * Every input either fails with a one-line error or yields events; each
 * event has both actors, a span inside the document and a sentence number,
 * and the list serialises to valid UTF-8 events JSON that reads back (bytes
 * of the text that are not UTF-8 are written as U+FFFD).
 */
#include "fuzz_common.h"

static ent_extractor *extractor;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ent_events *events = NULL, *again = NULL;
	char *buf = fuzz_copy(data, size);
	char *json = NULL;
	ent_error err = {0};
	ent_status st;
	size_t i;

	/* created once and kept: loading the dictionaries is the slow part */
	if (extractor == NULL) {
		FUZZ_CHECK(
			ent_extractor_create(&extractor, NULL, &err) == ENT_OK,
			"extractor created");
	}
	FUZZ_CHECK(ent_events_create(&events, NULL) == ENT_OK, "list created");
	st = ent_extract_text(extractor, buf, size, "fuzz.txt",
		ent_events_add_cb, events, &err);
	if (st != ENT_OK) {
		fuzz_check_error(st, &err);
		goto done;
	}
	for (i = 0; i < ent_events_count(events); i++) {
		const ent_event *ev = ent_events_get(events, i);
		FUZZ_CHECK(ev->source[0] != '\0' && ev->target[0] != '\0',
			"an event has both actors");
		FUZZ_CHECK(ev->span_start < 0 ||
				(ev->span_start <= ev->span_end &&
					(size_t)ev->span_end <= size),
			"the span lies inside the document");
		FUZZ_CHECK(ev->sentence >= 1, "an event has a sentence number");
	}
	FUZZ_CHECK(ent_events_to_json(&json, events, &err) == ENT_OK,
		"the events serialise");
	FUZZ_CHECK(fuzz_utf8_valid(json, strlen(json)),
		"the events JSON is valid UTF-8");
	st = ent_events_parse_json(&again, json, strlen(json), "again", &err);
	if (st != ENT_OK) {
		fprintf(stderr, "%s:%ld:%ld: %s\n", err.source, err.line,
			err.column, err.message);
	}
	FUZZ_CHECK(st == ENT_OK, "the events JSON reads back");
	FUZZ_CHECK(ent_events_count(again) == ent_events_count(events),
		"as many events after a round trip");
done:
	ent_free(json);
	ent_events_destroy(events);
	ent_events_destroy(again);
	free(buf);
	return 0;
}
