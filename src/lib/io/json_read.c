/* SPDX-License-Identifier: MIT */
/*
 * Reading events JSON (DESIGN.md "Events") as a stream: the document's
 * structure is walked here, byte by byte through the scanner
 * (json_locate.c), and each event is parsed by cJSON on its own and
 * handed on at once, so memory grows with the largest event and with
 * what the receiver keeps (actors and dyads for a dataset), not with the
 * number of events. Three layouts:
 *
 * - {"entente": "events/1", "events": [...], ...}: other members are
 *   checked as JSON and otherwise ignored; the first "events" counts;
 * - a bare array of events;
 * - JSON Lines (.jsonl, .ndjson; `jq -c` writes it): one event per line,
 *   blank lines skipped.
 *
 * Errors are those of the whole-document reader this replaced, at the
 * same positions; the first one in reading order is reported.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "io/json_internal.h"

/* -- cJSON's allocations ------------------------------------------------ */

/* Set on this thread when one of cJSON's allocations failed. */
static _Thread_local int json_oom;

static void *json_malloc(size_t n)
{
	void *p = malloc(n);

	if (p == NULL) {
		json_oom = 1;
	}
	return p;
}

static pthread_once_t hooks_once = PTHREAD_ONCE_INIT;

static void install_hooks(void)
{
	cJSON_Hooks hooks = {json_malloc, free};

	/* Process-wide: cJSON has one set of hooks. These only watch
	 * malloc, so another user of cJSON in the program is not changed. */
	cJSON_InitHooks(&hooks);
}

void ent__json_hooks(void)
{
	pthread_once(&hooks_once, install_hooks);
}

int ent__json_oom(void)
{
	int was = json_oom;

	json_oom = 0;
	return was;
}

/* -- the document -------------------------------------------------------- */

typedef struct reader {
	ent__jscan *sc;
	const char *path;
	ent__event_sink sink;   /* each event goes here */
	void *payload;
	ent_error *err;
	long root_line, root_column; /* the document's first byte */
	int at_root;            /* the piece is the document itself */
} reader;

/* cJSON's white space, as the whole-document reader counted it. */
static int space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
		c == '\f';
}

/* 1 when [p, end) is a string that the input cuts off before its closing
 * quote ("[{"target": "RU" at the end of a file). cJSON reports a string
 * it could not finish one byte after its opening quote. */
static int unterminated_string(const char *p, const char *end)
{
	if (p >= end || *p != '"') {
		return 0;
	}
	for (p++; p < end; p++) {
		if (*p == '\\') {
			p++;
		} else if (*p == '"') {
			return 0;
		}
	}
	return 1;
}

/*
 * cJSON failed at byte `off` of a piece that runs to where the input (or
 * the piece's limit) ends: was it only because the bytes ran out? cJSON
 * stops at the last byte it understood, so when nothing but that byte and
 * white space follows, or a string it could not close, the text was cut.
 */
static int ran_out(const char *buf, size_t len, size_t off)
{
	const char *end = buf + len, *p = buf + (off < len ? off : len);

	while (p < end && space(*p)) {
		p++;
	}
	if (p == end || p + 1 == end) {
		return 1;
	}
	if ((size_t)(p - buf) == off) {
		const char *q = p + 1;
		while (q < end && space(*q)) {
			q++;
		}
		if (q == end) {
			return 1;
		}
	}
	return off > 0 && off <= len && unterminated_string(buf + off - 1, end);
}

/*
 * Parse a piece. A failure is out of memory when cJSON's allocation
 * failed; for a piece the input cuts off, "truncated" when cJSON ran out
 * of bytes, and for one over the size limit "too large" then; else
 * "malformed JSON" where cJSON stopped (also in a piece that ran on
 * because of it: a quote too many early in a file is found where it is).
 */
static ent_status parse_piece(reader *r, const ent__jpiece *p, int line,
	cJSON **out)
{
	const char *end = NULL;
	size_t off;
	long l, c;
	ent_status st;
	int rest_space = 0;

	ent__json_oom();
	*out = cJSON_ParseWithLengthOpts(p->data, p->len, &end, 0);
	if (*out != NULL && !p->cut && !p->over) {
		/* a piece is one value: in a line, only white space may follow
		 * it (cJSON stops after the value) */
		off = (size_t)(end - p->data);
		while (off < p->len && (unsigned char)p->data[off] <= 0x20) {
			off++;
		}
		if (off == p->len) {
			return ENT_OK;
		}
		cJSON_Delete(*out);
		*out = NULL;
		ent__jscan_where(r->sc, p, off, &l, &c);
		return ent__error_set(r->err, ENT_EPARSE, r->path, l, c,
			line ? "unexpected content after the event on this line "
			       "(JSON Lines hold one event per line)"
			: r->at_root ? "unexpected content after the JSON "
				       "document"
				     : "malformed JSON");
	}
	cJSON_Delete(*out);
	*out = NULL;
	if (ent__json_oom()) {
		return ent__error_set(r->err, ENT_ENOMEM, r->path, p->line,
			p->column, "out of memory while parsing an event");
	}
	off = end != NULL ? (size_t)(end - p->data) : p->len;
	if ((p->cut || p->over) && ran_out(p->data, p->len, off)) {
		if (p->over) {
			return ent__error_set(r->err, ENT_ELIMIT, r->path,
				p->line, p->column, "an event (a JSON value) "
				"larger than %zu MiB",
				(size_t)ENT_JSON_MAX_EVENT_BYTES >> 20);
		}
		return ent__jscan_truncated(r->sc,
			"the document ends too early", r->err);
	}
	if (!p->cut && !p->over && off + 1 >= p->len) {
		/* cJSON stopped at the end of a whole value: truncated when
		 * only white space follows in the input (or in the line) */
		if (line) {
			size_t n = p->len;
			while (n > 0 && (unsigned char)p->data[n - 1] <= 0x20) {
				n--;
			}
			ent__jscan_where(r->sc, p, n, &l, &c);
			return ent__error_set(r->err, ENT_EPARSE, r->path, l, c,
				"truncated JSON: the line ends before its event "
				"does (JSON Lines hold one event per line)");
		}
		if ((st = ent__jscan_rest_is_space(r->sc, &rest_space,
			     r->err)) != ENT_OK) {
			return st;
		}
		if (rest_space) {
			return ent__jscan_truncated(r->sc,
				"the document ends too early", r->err);
		}
	}
	ent__jscan_where(r->sc, p, off, &l, &c);
	return ent__error_set(r->err, ENT_EPARSE, r->path, l, c,
		"malformed JSON");
}

/* After a value: the next byte must be `close` or a comma; the end of the
 * input cuts the document off, anything else is malformed. `*more` when a
 * comma was taken. */
static ent_status next_or_close(reader *r, int close, int *more)
{
	ent_status st;
	int c;
	long l, col;

	if ((st = ent__jscan_peek(r->sc, &c, r->err)) != ENT_OK) {
		return st;
	}
	if (c < 0) {
		return ent__jscan_truncated(r->sc, "the document ends too early",
			r->err);
	}
	if (c != ',' && c != close) {
		ent__jscan_here(r->sc, &l, &col);
		return ent__error_set(r->err, ENT_EPARSE, r->path, l, col,
			"malformed JSON");
	}
	ent__jscan_skip(r->sc);
	*more = c == ',';
	return ENT_OK;
}

/* Check one event and hand it on. An error of the receiver (a limit of
 * the dataset) is placed at the event. */
static ent_status deliver(reader *r, const ent__jpiece *p, const cJSON *obj)
{
	ent__jevent_ctx ctx;
	ent_event ev;
	char *extra = NULL;
	ent_status st;

	ctx.sc = r->sc;
	ctx.piece = p;
	ctx.source = r->path;
	ctx.err = r->err;
	if ((st = ent__json_event(&ctx, obj, &ev, &extra)) != ENT_OK) {
		return st;
	}
	ev.extra = extra;
	st = r->sink(&ev, r->payload, r->err);
	free(extra);
	if (st != ENT_OK && r->err != NULL && r->err->source == NULL) {
		r->err->source = r->path;
		r->err->line = p->line;
		r->err->column = p->column;
	}
	return st;
}

/* One event: its piece, parsed and handed on. */
static ent_status read_event(reader *r, const ent__jpiece *p, int line)
{
	cJSON *obj = NULL;
	ent_status st;

	if ((st = parse_piece(r, p, line, &obj)) == ENT_OK) {
		st = deliver(r, p, obj);
	}
	cJSON_Delete(obj);
	return st;
}

/* The elements of the events array, its '[' taken; `depth` counts the
 * array itself. */
static ent_status read_array(reader *r, int depth)
{
	ent__jpiece p;
	ent_status st;
	int c, more = 1;

	if ((st = ent__jscan_peek(r->sc, &c, r->err)) != ENT_OK) {
		return st;
	}
	if (c == ']') {
		ent__jscan_skip(r->sc);
		return ENT_OK;
	}
	while (more) {
		if ((st = ent__jscan_value(r->sc, depth, &p, r->err)) != ENT_OK ||
			(st = read_event(r, &p, 0)) != ENT_OK ||
			(st = next_or_close(r, ']', &more)) != ENT_OK) {
			return st;
		}
	}
	return ENT_OK;
}

/* A member's name, decoded as cJSON does (escapes included). */
static ent_status member_name(reader *r, ent__jpiece *p, char *name,
	size_t size)
{
	cJSON *key = NULL;
	ent_status st;
	long l, c;

	if ((st = ent__jscan_value(r->sc, 1, p, r->err)) != ENT_OK) {
		return st;
	}
	if (p->len == 0 || p->data[0] != '"') {
		ent__jscan_where(r->sc, p, 0, &l, &c);
		return ent__error_set(r->err, ENT_EPARSE, r->path, l, c,
			"malformed JSON");
	}
	if ((st = parse_piece(r, p, 0, &key)) != ENT_OK) {
		return st;
	}
	snprintf(name, size, "%s", key->valuestring);
	cJSON_Delete(key);
	return ENT_OK;
}

/* The ':' after a member's name. */
static ent_status colon(reader *r)
{
	ent_status st;
	int c;
	long l, col;

	if ((st = ent__jscan_peek(r->sc, &c, r->err)) != ENT_OK) {
		return st;
	}
	if (c < 0) {
		return ent__jscan_truncated(r->sc, "the document ends too early",
			r->err);
	}
	if (c != ':') {
		ent__jscan_here(r->sc, &l, &col);
		return ent__error_set(r->err, ENT_EPARSE, r->path, l, col,
			"malformed JSON");
	}
	ent__jscan_skip(r->sc);
	return ENT_OK;
}

/* A member's value, parsed whole; `*out` to delete. */
static ent_status member_value(reader *r, ent__jpiece *p, cJSON **out)
{
	ent_status st;

	*out = NULL;
	if ((st = ent__jscan_value(r->sc, 1, p, r->err)) != ENT_OK) {
		return st;
	}
	return parse_piece(r, p, 0, out);
}

static ent_status value_error(reader *r, const ent__jpiece *p,
	const char *msg)
{
	return ent__error_set(r->err, ENT_EPARSE, r->path, p->line, p->column,
		"%s", msg);
}

/* The document object, its '{' taken. */
static ent_status read_object(reader *r)
{
	/* a name longer than this cannot be a member we look for */
	char name[64];
	ent__jpiece p;
	cJSON *v = NULL;
	ent_status st;
	int c, more = 1, seen_events = 0;

	if ((st = ent__jscan_peek(r->sc, &c, r->err)) != ENT_OK) {
		return st;
	}
	if (c == '}') {
		ent__jscan_skip(r->sc);
		more = 0;
	}
	while (more) {
		if ((st = member_name(r, &p, name, sizeof(name))) != ENT_OK ||
			(st = colon(r)) != ENT_OK) {
			return st;
		}
		if (strcmp(name, "events") == 0 && !seen_events) {
			seen_events = 1;
			if ((st = ent__jscan_peek(r->sc, &c, r->err)) != ENT_OK) {
				return st;
			}
			if (c == '[') {
				ent__jscan_skip(r->sc);
				st = read_array(r, 2);
			} else if ((st = member_value(r, &p, &v)) == ENT_OK) {
				st = value_error(r, &p,
					"\"events\" must be an array");
			}
		} else if ((st = member_value(r, &p, &v)) == ENT_OK &&
			strcmp(name, "entente") == 0 &&
			(!cJSON_IsString(v) ||
				strncmp(v->valuestring, "events/", 7) != 0)) {
			st = value_error(r, &p, "\"entente\" must be "
				"\"events/1\" in an events file");
		}
		cJSON_Delete(v);
		v = NULL;
		if (st != ENT_OK ||
			(st = next_or_close(r, '}', &more)) != ENT_OK) {
			return st;
		}
	}
	if (!seen_events) {
		return ent__error_set(r->err, ENT_EPARSE, r->path, r->root_line,
			r->root_column, "missing \"events\" array");
	}
	return ENT_OK;
}

/* A document: an object with "events", or a bare array. */
static ent_status read_document(reader *r)
{
	ent__jpiece p;
	cJSON *v = NULL;
	ent_status st;
	int c;
	long l, col;

	if ((st = ent__jscan_peek(r->sc, &c, r->err)) != ENT_OK) {
		return st;
	}
	if (c < 0) {
		return ent__error_set(r->err, ENT_EPARSE, r->path, 1, 1,
			"empty input: expected an events JSON document");
	}
	ent__jscan_here(r->sc, &r->root_line, &r->root_column);
	r->at_root = c != '[' && c != '{';
	if (!r->at_root) {
		ent__jscan_skip(r->sc);
		st = c == '[' ? read_array(r, 1) : read_object(r);
	} else if ((st = member_value(r, &p, &v)) == ENT_OK) {
		/* content after the document is reported first, as a parse
		 * of the whole text would */
		if ((st = ent__jscan_peek(r->sc, &c, r->err)) == ENT_OK &&
			c < 0) {
			st = value_error(r, &p, "expected an object with "
				"\"events\" or an array of events");
		}
	}
	cJSON_Delete(v);
	if (st != ENT_OK) {
		return st;
	}
	/* white space may follow the document, nothing else */
	if ((st = ent__jscan_peek(r->sc, &c, r->err)) != ENT_OK) {
		return st;
	}
	if (c >= 0) {
		ent__jscan_here(r->sc, &l, &col);
		return ent__error_set(r->err, ENT_EPARSE, r->path, l, col,
			"unexpected content after the JSON document");
	}
	return ENT_OK;
}

/* JSON Lines: one event per line. */
static ent_status read_lines(reader *r)
{
	ent__jpiece p;
	ent_status st;
	int at_end = 0;

	for (;;) {
		if ((st = ent__jscan_line(r->sc, &p, &at_end, r->err)) != ENT_OK) {
			return st;
		}
		if (at_end) {
			return ENT_OK;
		}
		if ((st = read_event(r, &p, 1)) != ENT_OK) {
			return st;
		}
	}
}

ent_status ent__json_stream(ent__source *src, const char *head, size_t len,
	int lines, const char *path, ent__event_sink sink, void *payload,
	ent_error *err)
{
	reader r = {0};
	ent_status st;

	ent__json_hooks();
	r.path = path;
	r.sink = sink;
	r.payload = payload;
	r.err = err;
	if ((st = ent__jscan_open(&r.sc, src, head, len, path, err)) != ENT_OK) {
		return st;
	}
	st = lines ? read_lines(&r) : read_document(&r);
	ent__jscan_close(r.sc);
	return st;
}

/* -- the public readers -------------------------------------------------- */

/* Events kept in a list: the receiver of ent_events_parse_json. */
static ent_status add_to_list(const ent_event *ev, void *payload,
	ent_error *err)
{
	return ent_events_add(payload, ev, err);
}

/* Read all of a source into a new list. */
static ent_status read_list(ent_events **out, ent__source *src, int lines,
	const char *path, ent_error *err)
{
	ent_events *events = NULL;
	ent_status st;

	if ((st = ent_events_create(&events, err)) != ENT_OK) {
		return st;
	}
	st = ent__json_stream(src, NULL, 0, lines, path, add_to_list, events,
		err);
	if (st != ENT_OK) {
		ent_events_destroy(events);
		return st;
	}
	*out = events;
	return ENT_OK;
}

ent_status ent_events_parse_json(ent_events **out, const char *buf, size_t len,
	const char *source, ent_error *err)
{
	ent__source *src = NULL;
	ent_status st;

	if (out == NULL || (buf == NULL && len > 0)) {
		return ent__error_set(err, ENT_EINVAL, source, 0, 0,
			"ent_events_parse_json: NULL argument");
	}
	*out = NULL;
	if ((st = ent__source_open_text(&src, buf ? buf : "", len, source,
		     err)) != ENT_OK) {
		return st;
	}
	st = read_list(out, src, 0, source, err);
	ent__source_close(src);
	return st;
}

ent_status ent_events_read_json(ent_events **out, const char *path,
	ent_error *err)
{
	ent__source *src = NULL;
	ent_status st;

	if (out == NULL || path == NULL) {
		return ent__error_set(err, ENT_EINVAL, path, 0, 0,
			"ent_events_read_json: NULL argument");
	}
	*out = NULL;
	if ((st = ent__source_open(&src, path, err)) != ENT_OK) {
		return st;
	}
	st = read_list(out, src, ent__json_lines_name(path), path, err);
	ent__source_close(src);
	return st;
}
