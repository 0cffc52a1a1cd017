/* SPDX-License-Identifier: MIT */
/*
 * Writing events JSON (DESIGN.md "Events"): the document of `entente
 * extract` and report's events.json, one event per line.
 */
#include <math.h>
#include <string.h>

#include "io/json_internal.h"

/*
 * The writer: one event per line, written directly (extraction writes
 * hundreds of thousands of events; building a cJSON tree per event was
 * most of its run time). Strings and numbers go through the util layer's
 * JSON writer (util/json.h: its one UTF-8 policy, U+FFFD for bytes that
 * are not UTF-8), so the output is always valid UTF-8 JSON.
 */
static int put_string(ent__buf *b, const char *value)
{
	return ent__json_put_string(b, value, strlen(value));
}

static int put_number(ent__buf *b, double d)
{
	return ent__json_put_number(b, d);
}

static int put_member(ent__buf *b, int *first, const char *key)
{
	int rc = 0;

	/* plain copies: printf per member was most of the writer's time */
	if (!*first) {
		rc |= ent__buf_put(b, ",", 1);
	}
	*first = 0;
	rc |= ent__buf_put(b, "\"", 1);
	rc |= ent__buf_puts(b, key);
	rc |= ent__buf_put(b, "\":", 2);
	return rc;
}

static int put_string_member(ent__buf *b, int *first, const char *key,
	const char *value)
{
	if (value == NULL) {
		return 0;
	}
	return put_member(b, first, key) < 0 ? -1 : put_string(b, value);
}

static int put_number_member(ent__buf *b, int *first, const char *key,
	double value)
{
	return put_member(b, first, key) < 0 ? -1 : put_number(b, value);
}

/* The unknown members kept from the input (a serialized object), after
 * the known ones; a known name among them is dropped. -2 when `extra` is
 * not a JSON object, -1 out of memory. */
static int write_extra(ent__buf *b, int *first, const char *extra)
{
	cJSON *obj = cJSON_Parse(extra);
	const cJSON *m;
	int rc = 0;

	if (obj == NULL || !cJSON_IsObject(obj)) {
		cJSON_Delete(obj);
		return -2;
	}
	cJSON_ArrayForEach(m, obj) {
		char *value;
		if (m->string == NULL || ent__json_known_member(m->string)) {
			continue;
		}
		if ((value = cJSON_PrintUnformatted(m)) == NULL) {
			rc = -1;
			break;
		}
		rc = *first ? 0 : ent__buf_put(b, ",", 1);
		*first = 0;
		rc |= put_string(b, m->string);
		rc |= ent__buf_put(b, ":", 1);
		rc |= ent__buf_puts(b, value);
		cJSON_free(value);
		if (rc < 0) {
			break;
		}
	}
	cJSON_Delete(obj);
	return rc < 0 ? -1 : 0;
}

static int write_event(ent__buf *b, const ent_event *ev)
{
	char date[11];
	int first = 1, rc = 0;
	size_t k;

	rc |= ent__buf_put(b, "{", 1);
	rc |= put_string_member(b, &first, "id", ev->id);
	if (ev->date) {
		ent_date_format(ev->date, date);
		rc |= put_string_member(b, &first, "date", date);
	}
	if (ev->date_added) {
		ent_date_format(ev->date_added, date);
		rc |= put_string_member(b, &first, "date_added", date);
	}
	rc |= put_string_member(b, &first, "source", ev->source);
	rc |= put_string_member(b, &first, "target", ev->target);
	if (ev->code[0]) {
		rc |= put_string_member(b, &first, "code", ev->code);
	}
	rc |= put_number_member(b, &first, "goldstein", ev->goldstein);
	if (ev->quad) {
		rc |= put_number_member(b, &first, "quad", ev->quad);
	}
	rc |= put_number_member(b, &first, "count", (double)ev->count);
	if (ev->root_event >= 0) {
		rc |= put_member(b, &first, "root_event");
		rc |= ent__buf_puts(b, ev->root_event ? "true" : "false");
	}
	if (ev->mentions) {
		rc |= put_number_member(b, &first, "mentions", (double)ev->mentions);
	}
	if (ev->sources) {
		rc |= put_number_member(b, &first, "sources", (double)ev->sources);
	}
	if (ev->articles) {
		rc |= put_number_member(b, &first, "articles", (double)ev->articles);
	}
	if (!isnan(ev->tone)) {
		rc |= put_number_member(b, &first, "tone", ev->tone);
	}
	rc |= put_string_member(b, &first, "source_text", ev->source_text);
	rc |= put_string_member(b, &first, "target_text", ev->target_text);
	rc |= put_string_member(b, &first, "doc", ev->doc);
	if (ev->sentence > 0) {
		rc |= put_number_member(b, &first, "sentence", (double)ev->sentence);
	}
	if (ev->span_start >= 0 && ev->span_end >= ev->span_start) {
		rc |= put_member(b, &first, "span");
		rc |= ent__buf_put(b, "[", 1);
		rc |= put_number(b, (double)ev->span_start);
		rc |= ent__buf_put(b, ",", 1);
		rc |= put_number(b, (double)ev->span_end);
		rc |= ent__buf_put(b, "]", 1);
	}
	rc |= put_string_member(b, &first, "text", ev->text);
	if (ev->flags) {
		int first_flag = 1;
		rc |= put_member(b, &first, "flags");
		rc |= ent__buf_put(b, "[", 1);
		for (k = 0; ent__json_flag_names[k]; k++) {
			if (ev->flags & (1u << k)) {
				if (!first_flag) {
					rc |= ent__buf_put(b, ",", 1);
				}
				rc |= ent__buf_put(b, "\"", 1);
				rc |= ent__buf_puts(b, ent__json_flag_names[k]);
				rc |= ent__buf_put(b, "\"", 1);
				first_flag = 0;
			}
		}
		rc |= ent__buf_put(b, "]", 1);
	}
	if (rc == 0 && ev->extra != NULL) {
		int x = write_extra(b, &first, ev->extra);
		if (x != 0) {
			return x;
		}
	}
	rc |= ent__buf_put(b, "}", 1);
	return rc < 0 ? -1 : 0;
}

ent_status ent_events_to_json(char **out, const ent_events *events,
	ent_error *err)
{
	ent__buf b = {0};
	size_t i, n = ent_events_count(events);

	if (out == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_events_to_json: NULL argument");
	}
	*out = NULL;
	/* One event per line: readable, and friendly to grep and diff. */
	if (ent__buf_puts(&b, "{\n  \"entente\": \"events/1\",\n  \"events\": [") < 0) {
		goto nomem;
	}
	for (i = 0; i < n; i++) {
		int rc;
		if (ent__buf_puts(&b, i ? ",\n    " : "\n    ") < 0) {
			goto nomem;
		}
		if ((rc = write_event(&b, ent_events_get(events, i))) == -2) {
			ent__buf_free(&b);
			return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
				"event %zu: its extra members are not a JSON "
				"object", i + 1);
		}
		if (rc < 0) {
			goto nomem;
		}
	}
	if (ent__buf_puts(&b, n ? "\n  ]\n}\n" : "]\n}\n") < 0) {
		goto nomem;
	}
	*out = b.data;
	return ENT_OK;
nomem:
	ent__buf_free(&b);
	return ent__error_nomem(err);
}
