/* SPDX-License-Identifier: MIT */
/*
 * Writing events JSON (DESIGN.md "Events"): the document of `entente
 * extract` and report's events.json, one event per line.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

/* `"key":` after a comma unless it is the first member. The key is the
 * literal `"key":` and its length (the macros below make both from the
 * name), copied whole: a strlen and four copies per member were a tenth
 * of the writer's time. */
static int put_key(ent__buf *b, int *first, const char *key, size_t n)
{
	int rc = 0;

	if (!*first) {
		rc = ent__buf_add(b, ",", 1);
	}
	*first = 0;
	return rc | ent__buf_add(b, key, n);
}

static int put_string_key(ent__buf *b, int *first, const char *key,
	size_t n, const char *value)
{
	if (value == NULL) {
		return 0;
	}
	return put_key(b, first, key, n) < 0 ? -1 : put_string(b, value);
}

static int put_number_key(ent__buf *b, int *first, const char *key,
	size_t n, double value)
{
	return put_key(b, first, key, n) < 0 ? -1 : put_number(b, value);
}

#define KEY(name) "\"" name "\":", sizeof("\"" name "\":") - 1
#define put_member(b, first, name) put_key(b, first, KEY(name))
#define put_string_member(b, first, name, value) \
	put_string_key(b, first, KEY(name), value)
#define put_number_member(b, first, name, value) \
	put_number_key(b, first, KEY(name), value)

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
		rc = *first ? 0 : ent__buf_add(b, ",", 1);
		*first = 0;
		rc |= put_string(b, m->string);
		rc |= ent__buf_add(b, ":", 1);
		rc |= ent__buf_adds(b, value);
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

	rc |= ent__buf_add(b, "{", 1);
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
		rc |= ent__buf_adds(b, ev->root_event ? "true" : "false");
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
		rc |= ent__buf_add(b, "[", 1);
		rc |= put_number(b, (double)ev->span_start);
		rc |= ent__buf_add(b, ",", 1);
		rc |= put_number(b, (double)ev->span_end);
		rc |= ent__buf_add(b, "]", 1);
	}
	rc |= put_string_member(b, &first, "text", ev->text);
	if (ev->flags) {
		int first_flag = 1;
		rc |= put_member(b, &first, "flags");
		rc |= ent__buf_add(b, "[", 1);
		for (k = 0; ent__json_flag_names[k]; k++) {
			if (ev->flags & (1u << k)) {
				if (!first_flag) {
					rc |= ent__buf_add(b, ",", 1);
				}
				rc |= ent__buf_add(b, "\"", 1);
				rc |= ent__buf_adds(b, ent__json_flag_names[k]);
				rc |= ent__buf_add(b, "\"", 1);
				first_flag = 0;
			}
		}
		rc |= ent__buf_add(b, "]", 1);
	}
	if (rc == 0 && ev->extra != NULL) {
		int x = write_extra(b, &first, ev->extra);
		if (x != 0) {
			return x;
		}
	}
	rc |= ent__buf_add(b, "}", 1);
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

/* -- the streaming writer ------------------------------------------------ */

/*
 * The same document as ent_events_to_json(), written as it goes: the
 * header when created, each event as it is added (held in `held` until
 * ent_events_writer_flush() writes it out), the closing brackets at the
 * end. Memory is the events held, not the document.
 */
struct ent_events_writer {
	FILE *fp;
	ent__buf held;   /* bytes not yet written to fp */
	size_t n;        /* events added */
};

ent_status ent_events_writer_create(ent_events_writer **out, FILE *fp,
	ent_error *err)
{
	ent_events_writer *w;

	if (out == NULL || fp == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_events_writer_create: NULL argument");
	}
	*out = NULL;
	if ((w = calloc(1, sizeof(*w))) == NULL ||
		ent__buf_adds(&w->held,
			"{\n  \"entente\": \"events/1\",\n  \"events\": [") < 0) {
		free(w);
		return ent__error_nomem(err);
	}
	w->fp = fp;
	*out = w;
	return ENT_OK;
}

ent_status ent_events_writer_add(ent_events_writer *w, const ent_event *ev,
	ent_error *err)
{
	size_t mark;
	int rc;

	if (w == NULL || ev == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_events_writer_add: NULL argument");
	}
	mark = w->held.len;
	rc = ent__buf_adds(&w->held, w->n ? ",\n    " : "\n    ");
	if (rc == 0) {
		rc = write_event(&w->held, ev);
	}
	if (rc != 0) {
		/* no half event: the held bytes end after the last whole one */
		w->held.len = mark;
		if (w->held.data != NULL) {
			w->held.data[mark] = '\0';
		}
		if (rc == -2) {
			return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
				"event %zu: its extra members are not a JSON "
				"object", w->n + 1);
		}
		return ent__error_nomem(err);
	}
	w->n++;
	return ENT_OK;
}

ent_status ent_events_writer_add_cb(const ent_event *ev, void *payload)
{
	return ent_events_writer_add(payload, ev, NULL);
}

ent_status ent_events_writer_flush(ent_events_writer *w, ent_error *err)
{
	if (w == NULL || w->fp == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_events_writer_flush: NULL writer, or a part");
	}
	if (w->held.len > 0 &&
		fwrite(w->held.data, 1, w->held.len, w->fp) != w->held.len) {
		return ent__error_set(err, ENT_EIO, NULL, 0, 0,
			"cannot write the events: %s", strerror(errno));
	}
	w->held.len = 0;
	return ENT_OK;
}

size_t ent_events_writer_count(const ent_events_writer *w)
{
	return w ? w->n : 0;
}

size_t ent_events_writer_held(const ent_events_writer *w)
{
	return w ? w->held.len : 0;
}

ent_status ent_events_writer_finish(ent_events_writer *w, ent_error *err)
{
	if (w == NULL || w->fp == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_events_writer_finish: NULL writer, or a part");
	}
	if (ent__buf_adds(&w->held, w->n ? "\n  ]\n}\n" : "]\n}\n") < 0) {
		return ent__error_nomem(err);
	}
	return ent_events_writer_flush(w, err);
}

ent_status ent_events_writer_create_part(ent_events_writer **out,
	ent_error *err)
{
	if (out == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_events_writer_create_part: NULL argument");
	}
	if ((*out = calloc(1, sizeof(**out))) == NULL) {
		return ent__error_nomem(err);
	}
	return ENT_OK;
}

ent_status ent_events_writer_take(ent_events_writer *w,
	ent_events_writer *part, ent_error *err)
{
	size_t need;

	if (w == NULL || part == NULL || w->fp == NULL || part->fp != NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_events_writer_take: a writer and a part needed");
	}
	if (part->n == 0) {
		return ENT_OK;
	}
	/* the part's first event starts "\n    " as a first event does; after
	 * other events it needs the comma they would have put before it */
	need = part->held.len + (w->n ? 1 : 0);
	if (ent__buf_grow(&w->held, need) < 0) {
		return ent__error_nomem(err);
	}
	if (w->n) {
		ent__buf_add(&w->held, ",", 1);
	}
	ent__buf_add(&w->held, part->held.data, part->held.len);
	w->n += part->n;
	part->n = 0;
	part->held.len = 0;
	part->held.data[0] = '\0';
	return ENT_OK;
}

void ent_events_writer_destroy(ent_events_writer *w)
{
	if (w != NULL) {
		ent__buf_free(&w->held);
		free(w);
	}
}
