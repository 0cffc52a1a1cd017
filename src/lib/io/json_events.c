/* SPDX-License-Identifier: MIT */
/*
 * The events JSON format ("entente": "events/1"; schema/events-1.schema.json
 * describes it), read and written with cJSON.
 *
 * cJSON keeps no positions, so when a parsed value is wrong a small scanner
 * walks the raw text along the same path (events array, element, member) to
 * find the line and column to report.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "internal.h"

/* -- positions ----------------------------------------------------------- */

typedef struct scanner {
	const char *buf;
	size_t len, pos;
} scanner;

static void skip_ws(scanner *s)
{
	while (s->pos < s->len && isspace((unsigned char)s->buf[s->pos])) {
		s->pos++;
	}
}

/* Skip one string starting at the opening quote. */
static void skip_string(scanner *s)
{
	s->pos++;
	while (s->pos < s->len && s->buf[s->pos] != '"') {
		s->pos += s->buf[s->pos] == '\\' ? 2 : 1;
	}
	s->pos++;
}

/* Skip one value of any kind; nesting is bounded by cJSON's limit, which
 * the document has already passed, and handled iteratively anyway. */
static void skip_value(scanner *s)
{
	long depth = 0;

	skip_ws(s);
	do {
		if (s->pos >= s->len) {
			return;
		}
		switch (s->buf[s->pos]) {
		case '"':
			skip_string(s);
			break;
		case '{':
		case '[':
			depth++;
			s->pos++;
			break;
		case '}':
		case ']':
			depth--;
			s->pos++;
			break;
		default:
			if (depth == 0) {
				while (s->pos < s->len &&
					strchr(",]} \t\r\n", s->buf[s->pos]) == NULL) {
					s->pos++;
				}
				return;
			}
			s->pos++;
		}
	} while (depth > 0);
}

/* At an object's '{': move to the value of member `key`; 0 if found. */
static int enter_member(scanner *s, const char *key)
{
	size_t klen = strlen(key);

	skip_ws(s);
	if (s->pos >= s->len || s->buf[s->pos] != '{') {
		return -1;
	}
	s->pos++;
	for (;;) {
		size_t start;
		skip_ws(s);
		if (s->pos >= s->len || s->buf[s->pos] != '"') {
			return -1;
		}
		start = s->pos + 1;
		skip_string(s);
		skip_ws(s);
		if (s->pos >= s->len || s->buf[s->pos] != ':') {
			return -1;
		}
		s->pos++;
		skip_ws(s);
		if (s->pos - start >= 1 && s->pos > start &&
			strncmp(s->buf + start, key, klen) == 0 &&
			s->buf[start + klen] == '"') {
			return 0;
		}
		skip_value(s);
		skip_ws(s);
		if (s->pos >= s->len || s->buf[s->pos] != ',') {
			return -1;
		}
		s->pos++;
	}
}

/* At an array's '[': move to element `index`; 0 if found. */
static int enter_element(scanner *s, size_t index)
{
	size_t i;

	skip_ws(s);
	if (s->pos >= s->len || s->buf[s->pos] != '[') {
		return -1;
	}
	s->pos++;
	for (i = 0; i < index; i++) {
		skip_value(s);
		skip_ws(s);
		if (s->pos >= s->len || s->buf[s->pos] != ',') {
			return -1;
		}
		s->pos++;
	}
	skip_ws(s);
	return 0;
}

/* Offset of the value of `key` in event `index` (or of the event itself
 * when key is NULL, or of the root when index is (size_t)-1). */
static size_t locate(const char *buf, size_t len, int bare, size_t index,
	const char *key)
{
	scanner s = {buf, len, 0};
	size_t found;

	skip_ws(&s);
	/* skip a UTF-8 byte-order mark, as the parser does */
	if (s.len - s.pos >= 3 && memcmp(s.buf + s.pos, "\xEF\xBB\xBF", 3) == 0) {
		s.pos += 3;
		skip_ws(&s);
	}
	if (index == (size_t)-1) {
		found = s.pos;
		if (key != NULL && enter_member(&s, key) == 0) {
			found = s.pos;
		}
		return found;
	}
	if (!bare && enter_member(&s, "events") != 0) {
		return 0;
	}
	if (enter_element(&s, index) != 0) {
		return 0;
	}
	found = s.pos;
	if (key != NULL && enter_member(&s, key) == 0) {
		found = s.pos;
	}
	return found;
}

/* -- limits and encoding ------------------------------------------------ */

/*
 * Before cJSON sees the text, one pass checks what cJSON does not: that the
 * bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
 * nothing above U+10FFFF), so that no string we keep or write back can be
 * invalid, and that brackets nest at most ENT_JSON_MAX_DEPTH deep, so that a
 * hostile file gets a clear error rather than cJSON's "malformed" at its own
 * limit of 1000 (and no deep recursion anywhere later).
 *
 */
static ent_status prescan(
	const char *buf, size_t len, const char *source, ent_error *err)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t i = 0, n;
	long depth = 0, line, column;
	int in_string = 0;

	while (i < len) {
		if (s[i] >= 0x80) {
			if ((n = ent__utf8_seq(s + i, len - i)) == 0) {
				ent__offset_to_position(
					buf, len, i, &line, &column);
				return ent__error_set(err, ENT_EPARSE, source,
					line, column,
					"invalid UTF-8 (byte 0x%02X)", s[i]);
			}
			i += n;
			continue;
		}
		if (in_string) {
			if (s[i] == '\\' && i + 1 < len && s[i + 1] < 0x80) {
				i++;
			} else if (s[i] == '"') {
				in_string = 0;
			}
		} else if (s[i] == '"') {
			in_string = 1;
		} else if (s[i] == '{' || s[i] == '[') {
			if (++depth > ENT_JSON_MAX_DEPTH) {
				ent__offset_to_position(
					buf, len, i, &line, &column);
				return ent__error_set(err, ENT_ELIMIT, source,
					line, column,
					"JSON nested deeper than %d levels",
					ENT_JSON_MAX_DEPTH);
			}
		} else if (s[i] == '}' || s[i] == ']') {
			depth--;
		}
		i++;
	}
	return ENT_OK;
}

/* A value from the input quoted in a message: at most 40 characters, cut
 * on a character boundary, control characters shown as '?'. */
static const char *detail(char out[64], const char *s)
{
	size_t i = 0, o = 0, n;

	while (s[i] != '\0' && o < 40) {
		/* the string ends in NUL, which no sequence accepts: 4 is safe
		 */
		n = ent__utf8_seq((const unsigned char *)s + i, 4);
		if (n == 0 || (unsigned char)s[i] < 0x20 || s[i] == 0x7F) {
			out[o++] = '?';
			i++;
			continue;
		}
		memcpy(out + o, s + i, n);
		o += n;
		i += n;
	}
	if (s[i] != '\0') {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
	return out;
}

/* -- reading ------------------------------------------------------------- */

typedef struct parse_ctx {
	const char *buf;
	size_t len;
	const char *source;
	int bare;
	size_t index;
	ent_error *err;
} parse_ctx;

static ent_status field_error(parse_ctx *c, const char *key, const char *fmt,
	const char *detail)
{
	long line, column;
	size_t off = locate(c->buf, c->len, c->bare, c->index, key);

	ent__offset_to_position(c->buf, c->len, off, &line, &column);
	if (detail != NULL) {
		return ent__error_set(c->err, ENT_EPARSE, c->source, line, column,
			fmt, key, detail);
	}
	return ent__error_set(c->err, ENT_EPARSE, c->source, line, column, fmt,
		key);
}

/* The known members of an event, in the order they are written. */
static const char *const known[] = {"id", "date", "date_added", "source",
	"target", "code", "goldstein", "quad", "count", "root_event",
	"mentions", "sources", "articles", "tone", "source_text",
	"target_text", "doc",
	"sentence", "span", "text", "flags", NULL};

static int is_known(const char *key)
{
	size_t i;

	for (i = 0; known[i]; i++) {
		if (strcmp(known[i], key) == 0) {
			return 1;
		}
	}
	return 0;
}

static const char *const flag_names[] = {"negated", "hedged", "future",
	"reciprocal", "compound", NULL};

/* A non-negative integer number that a double holds exactly. */
static int as_count(const cJSON *item, double min, double max, int64_t *out)
{
	double v;

	if (!cJSON_IsNumber(item)) {
		return -1;
	}
	v = item->valuedouble;
	if (!isfinite(v) || v != floor(v) || v < min || v > max) {
		return -2;
	}
	*out = (int64_t)v;
	return 0;
}

static ent_status get_string(parse_ctx *c, const cJSON *obj, const char *key,
	const char **out)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	*out = NULL;
	if (item == NULL || cJSON_IsNull(item)) {
		return ENT_OK;
	}
	if (!cJSON_IsString(item)) {
		return field_error(c, key, "\"%s\" must be a string", NULL);
	}
	*out = item->valuestring;
	return ENT_OK;
}

/* An actor: a state's code or name, or an actor code in capitals (see
 * ent_actor_name_resolve; a group is not one actor). A name becomes its
 * state's code ("Austria" -> AUT), never the code its letters begin with. */
static ent_status get_actor(parse_ctx *c, const cJSON *obj, const char *key,
	char out[ENT_CODE_SIZE])
{
	const char *s;
	ent_actor_name n;
	ent_error e = {0};
	ent_status st;

	if ((st = get_string(c, obj, key, &s)) != ENT_OK) {
		return st;
	}
	if (s == NULL) {
		return field_error(c, key, "missing \"%s\"", NULL);
	}
	if (ent_actor_name_resolve(&n, s, strlen(s), 0, &e) != ENT_OK) {
		return field_error(c, key, "\"%s\": %s", e.message);
	}
	memcpy(out, n.code, ENT_CODE_SIZE);
	return ENT_OK;
}

static ent_status get_date(parse_ctx *c, const cJSON *obj, const char *key,
	ent_date *out)
{
	const char *s;
	ent_status st;

	*out = 0;
	if ((st = get_string(c, obj, key, &s)) != ENT_OK || s == NULL) {
		return st;
	}
	if (ent_date_parse(out, s, strlen(s)) != ENT_OK) {
		char q[64];
		return field_error(c, key,
			"\"%s\" must be a date YYYY-MM-DD, YYYY-MM or YYYY, not \"%s\"",
			detail(q, s));
	}
	return ENT_OK;
}

static ent_status get_int(parse_ctx *c, const cJSON *obj, const char *key,
	double min, double max, int64_t *out, const char *what)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
	char msg[96];

	if (item == NULL || cJSON_IsNull(item)) {
		return ENT_OK;
	}
	if (as_count(item, min, max, out) != 0) {
		snprintf(msg, sizeof(msg), "\"%%s\" must be %s", what);
		return field_error(c, key, msg, NULL);
	}
	return ENT_OK;
}

static ent_status parse_event(parse_ctx *c, const cJSON *obj, ent_event *ev,
	cJSON **extra_out)
{
	const cJSON *item;
	const cJSON *member;
	cJSON *extra = NULL;
	ent_status st;
	int64_t v;
	int have_goldstein = 0;

	*extra_out = NULL;
	ent_event_init(ev);
	if (!cJSON_IsObject(obj)) {
		return field_error(c, NULL, "an event must be an object", NULL);
	}
	if ((st = get_string(c, obj, "id", &ev->id)) != ENT_OK ||
		(st = get_date(c, obj, "date", &ev->date)) != ENT_OK ||
		(st = get_date(c, obj, "date_added", &ev->date_added)) != ENT_OK ||
		(st = get_actor(c, obj, "source", ev->source)) != ENT_OK ||
		(st = get_actor(c, obj, "target", ev->target)) != ENT_OK) {
		return st;
	}
	item = cJSON_GetObjectItemCaseSensitive(obj, "id");
	if (cJSON_IsNumber(item)) {
		return field_error(c, "id", "\"%s\" must be a string", NULL);
	}
	item = cJSON_GetObjectItemCaseSensitive(obj, "code");
	if (item != NULL && !cJSON_IsNull(item)) {
		const ent_cameo *cameo;
		if (!cJSON_IsString(item)) {
			return field_error(c, "code",
				"\"%s\" must be a string of 2 to 4 digits", NULL);
		}
		cameo = ent_cameo_lookup(item->valuestring);
		if (cameo == NULL) {
			char q[64];
			return field_error(c, "code", "unknown CAMEO code \"%2$s\" in \"%1$s\"",
				detail(q, item->valuestring));
		}
		strcpy(ev->code, cameo->code);
		ev->goldstein = cameo->goldstein;
		ev->quad = cameo->quad;
	}
	item = cJSON_GetObjectItemCaseSensitive(obj, "goldstein");
	if (item != NULL && !cJSON_IsNull(item)) {
		if (!cJSON_IsNumber(item)) {
			return field_error(c, "goldstein",
				"\"%s\" must be a number", NULL);
		}
		if (!isfinite(item->valuedouble) || item->valuedouble < -10 ||
			item->valuedouble > 10) {
			return field_error(c, "goldstein",
				"\"%s\" must be between -10 and 10", NULL);
		}
		ev->goldstein = item->valuedouble;
		have_goldstein = 1;
	}
	if (ev->code[0] == '\0' && !have_goldstein) {
		return field_error(c, NULL,
			"an event needs \"code\" or \"goldstein\"", NULL);
	}
	v = ev->quad;
	if ((st = get_int(c, obj, "quad", 1, 4, &v, "1, 2, 3 or 4")) != ENT_OK) {
		return st;
	}
	ev->quad = (int)v;
	if ((st = get_int(c, obj, "count", 1, 1e15, &ev->count,
			"a whole number of at least 1")) != ENT_OK ||
		(st = get_int(c, obj, "mentions", 0, 1e15, &ev->mentions,
			"a whole number of at least 0")) != ENT_OK ||
		(st = get_int(c, obj, "sources", 0, 1e15, &ev->sources,
			"a whole number of at least 0")) != ENT_OK ||
		(st = get_int(c, obj, "articles", 0, 1e15, &ev->articles,
			"a whole number of at least 0")) != ENT_OK) {
		return st;
	}
	item = cJSON_GetObjectItemCaseSensitive(obj, "tone");
	if (item != NULL && !cJSON_IsNull(item)) {
		if (!cJSON_IsNumber(item) || !isfinite(item->valuedouble) ||
			item->valuedouble < -100 || item->valuedouble > 100) {
			return field_error(c, "tone",
				"\"%s\" must be a number between -100 and 100",
				NULL);
		}
		ev->tone = item->valuedouble;
	}
	item = cJSON_GetObjectItemCaseSensitive(obj, "root_event");
	if (item != NULL && !cJSON_IsNull(item)) {
		if (!cJSON_IsBool(item)) {
			return field_error(c, "root_event",
				"\"%s\" must be true or false", NULL);
		}
		ev->root_event = cJSON_IsTrue(item) ? 1 : 0;
	}
	v = 0;
	if ((st = get_int(c, obj, "sentence", 0, 1e12, &v,
			"a whole number of at least 0")) != ENT_OK) {
		return st;
	}
	ev->sentence = (long)v;
	item = cJSON_GetObjectItemCaseSensitive(obj, "span");
	if (item != NULL && !cJSON_IsNull(item)) {
		int64_t a, b;
		if (!cJSON_IsArray(item) || cJSON_GetArraySize(item) != 2 ||
			as_count(cJSON_GetArrayItem(item, 0), 0, 1e15, &a) != 0 ||
			as_count(cJSON_GetArrayItem(item, 1), 0, 1e15, &b) != 0 ||
			b < a) {
			return field_error(c, "span",
				"\"%s\" must be [start, end] with 0 <= start <= end",
				NULL);
		}
		ev->span_start = (long)a;
		ev->span_end = (long)b;
	}
	if ((st = get_string(c, obj, "source_text", &ev->source_text)) != ENT_OK ||
		(st = get_string(c, obj, "target_text", &ev->target_text)) != ENT_OK ||
		(st = get_string(c, obj, "doc", &ev->doc)) != ENT_OK ||
		(st = get_string(c, obj, "text", &ev->text)) != ENT_OK) {
		return st;
	}
	item = cJSON_GetObjectItemCaseSensitive(obj, "flags");
	if (item != NULL && !cJSON_IsNull(item)) {
		const cJSON *f;
		if (!cJSON_IsArray(item)) {
			return field_error(c, "flags",
				"\"%s\" must be an array of strings", NULL);
		}
		cJSON_ArrayForEach(f, item) {
			size_t k;
			int hit = 0;
			if (!cJSON_IsString(f)) {
				return field_error(c, "flags",
					"\"%s\" must be an array of strings", NULL);
			}
			for (k = 0; flag_names[k]; k++) {
				if (strcmp(flag_names[k], f->valuestring) == 0) {
					ev->flags |= 1u << k;
					hit = 1;
				}
			}
			if (!hit) {
				char q[64];
				return field_error(c, "flags",
					"unknown flag \"%2$s\" in \"%1$s\"",
					detail(q, f->valuestring));
			}
		}
	}
	/* Unknown members survive a round trip. */
	cJSON_ArrayForEach(member, obj) {
		cJSON *copy;
		if (member->string == NULL || is_known(member->string)) {
			continue;
		}
		if (extra == NULL && (extra = cJSON_CreateObject()) == NULL) {
			return ent__error_nomem(c->err);
		}
		copy = cJSON_Duplicate(member, 1);
		if (copy == NULL || !cJSON_AddItemToObject(extra, member->string, copy)) {
			cJSON_Delete(copy);
			cJSON_Delete(extra);
			return ent__error_nomem(c->err);
		}
	}
	*extra_out = extra;
	return ENT_OK;
}

/* 1 when only white space lies in [p, end). */
static int only_space(const char *p, const char *end)
{
	while (p < end && isspace((unsigned char)*p)) {
		p++;
	}
	return p == end;
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

ent_status ent_events_parse_json(ent_events **out, const char *buf, size_t len,
	const char *source, ent_error *err)
{
	cJSON *root = NULL;
	const cJSON *list, *item;
	ent_events *events = NULL;
	const char *end = NULL;
	parse_ctx c;
	ent_status st = ENT_OK;

	if (out == NULL || (buf == NULL && len > 0)) {
		return ent__error_set(err, ENT_EINVAL, source, 0, 0,
			"ent_events_parse_json: NULL argument");
	}
	*out = NULL;
	if (buf == NULL) {
		buf = "";
	}
	if (len > ENT_JSON_MAX_BYTES) {
		return ent__error_set(err, ENT_ELIMIT, source, 0, 0,
			"events JSON larger than %lu MiB (use a GDELT or dyad "
			"table for bigger inputs)",
			(unsigned long)(ENT_JSON_MAX_BYTES >> 20));
	}
	/* cJSON rejects a byte-order mark; editors on some systems write one.
	 * Positions are counted after it, as an editor shows them. */
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	if ((st = prescan(buf, len, source, err)) != ENT_OK) {
		return st;
	}
	c.buf = buf;
	c.len = len;
	c.source = source;
	c.err = err;
	c.index = (size_t)-1;
	c.bare = 0;
	root = cJSON_ParseWithLengthOpts(buf, len, &end, 0);
	if (root == NULL) {
		long line, column;
		size_t off = end ? (size_t)(end - buf) : len;
		/* cJSON points at the start of the value it could not finish */
		const char *p = buf + (off < len ? off : len);

		while (p < buf + len && isspace((unsigned char)*p)) {
			p++;
		}
		ent__offset_to_position(buf, len, off, &line, &column);
		if (only_space(buf, buf + len)) {
			return ent__error_set(err, ENT_EPARSE, source, 1, 1,
				"empty input: expected an events JSON document");
		}
		/* cJSON stops at the last byte it understood: when nothing but
		 * that byte and white space follows, the document was cut off */
		if (p == buf + len || p + 1 == buf + len ||
			((size_t)(p - buf) == off && only_space(p + 1, buf + len)) ||
			(off > 0 && off <= len &&
				unterminated_string(buf + off - 1, buf + len))) {
			/* point just past the last byte of content */
			size_t end_off = len;
			while (end_off > 0 &&
				isspace((unsigned char)buf[end_off - 1])) {
				end_off--;
			}
			ent__offset_to_position(buf, len, end_off, &line, &column);
			return ent__error_set(err, ENT_EPARSE, source, line, column,
				"truncated JSON: the document ends too early");
		}
		return ent__error_set(err, ENT_EPARSE, source, line, column,
			"malformed JSON");
	}
	if (end != NULL) {
		/* trailing content after the document (whitespace is fine) */
		const char *p = end;
		while (p < buf + len && isspace((unsigned char)*p)) {
			p++;
		}
		if (p < buf + len) {
			long line, column;
			ent__offset_to_position(buf, len, (size_t)(p - buf), &line,
				&column);
			st = ent__error_set(err, ENT_EPARSE, source, line, column,
				"unexpected content after the JSON document");
			goto done;
		}
	}
	if (cJSON_IsArray(root)) {
		c.bare = 1;
		list = root;
	} else if (cJSON_IsObject(root)) {
		const cJSON *tag = cJSON_GetObjectItemCaseSensitive(root, "entente");
		if (tag != NULL && (!cJSON_IsString(tag) ||
			strncmp(tag->valuestring, "events/", 7) != 0)) {
			st = field_error(&c, "entente",
				"\"%s\" must be \"events/1\" in an events file", NULL);
			goto done;
		}
		list = cJSON_GetObjectItemCaseSensitive(root, "events");
		if (list == NULL) {
			st = field_error(&c, NULL, "missing \"events\" array", NULL);
			goto done;
		}
		if (!cJSON_IsArray(list)) {
			st = field_error(&c, "events", "\"%s\" must be an array", NULL);
			goto done;
		}
	} else {
		st = field_error(&c, NULL,
			"expected an object with \"events\" or an array of events",
			NULL);
		goto done;
	}
	if ((st = ent_events_create(&events, err)) != ENT_OK) {
		goto done;
	}
	c.index = 0;
	cJSON_ArrayForEach(item, list) {
		ent_event ev;
		cJSON *extra = NULL;
		char *extra_text = NULL;

		if ((st = parse_event(&c, item, &ev, &extra)) != ENT_OK) {
			goto done;
		}
		if (extra != NULL) {
			extra_text = cJSON_PrintUnformatted(extra);
			cJSON_Delete(extra);
			if (extra_text == NULL) {
				st = ent__error_nomem(err);
				goto done;
			}
			ev.extra = extra_text;
		}
		st = ent_events_add(events, &ev, err);
		cJSON_free(extra_text);
		if (st != ENT_OK) {
			goto done;
		}
		c.index++;
	}
done:
	cJSON_Delete(root);
	if (st != ENT_OK) {
		ent_events_destroy(events);
		return st;
	}
	*out = events;
	return ENT_OK;
}

ent_status ent_events_read_json(ent_events **out, const char *path,
	ent_error *err)
{
	char *buf = NULL;
	size_t len = 0;
	ent_status st;

	if (out != NULL) {
		*out = NULL;
	}
	if ((st = ent_read_file(&buf, &len, path,
		     ENT_JSON_MAX_BYTES, err)) != ENT_OK) {
		return st;
	}
	st = ent_events_parse_json(out, buf, len, path, err);
	free(buf);
	return st;
}

/* -- writing ------------------------------------------------------------- */

/* Add a string member. Events from other readers (news text, GDELT rows)
 * may carry bytes that are not UTF-8; each bad byte is written as U+FFFD,
 * so the output is always valid UTF-8 JSON. */
static int add_string(cJSON *obj, const char *key, const char *value)
{
	const unsigned char *s = (const unsigned char *)value;
	ent__buf b = {0};
	size_t i, n, len;
	int ok;

	if (value == NULL) {
		return 1;
	}
	len = strlen(value);
	for (i = 0; i < len; i += n) {
		if ((n = ent__utf8_seq(s + i, len - i)) == 0) {
			break;
		}
	}
	if (i == len) {
		return cJSON_AddStringToObject(obj, key, value) != NULL;
	}
	for (i = 0; i < len; i += n) {
		n = ent__utf8_seq(s + i, len - i);
		if (n == 0) {
			n = 1;
			if (ent__buf_puts(&b, "\xEF\xBF\xBD") < 0) {
				ent__buf_free(&b);
				return 0;
			}
		} else if (ent__buf_put(&b, value + i, n) < 0) {
			ent__buf_free(&b);
			return 0;
		}
	}
	ok = cJSON_AddStringToObject(obj, key, b.data) != NULL;
	ent__buf_free(&b);
	return ok;
}

static cJSON *event_to_json(const ent_event *ev)
{
	cJSON *o = cJSON_CreateObject();
	char date[11];
	int ok = o != NULL;

	if (!ok) {
		return NULL;
	}
	ok = ok && add_string(o, "id", ev->id);
	if (ok && ev->date) {
		ent_date_format(ev->date, date);
		ok = cJSON_AddStringToObject(o, "date", date) != NULL;
	}
	if (ok && ev->date_added) {
		ent_date_format(ev->date_added, date);
		ok = cJSON_AddStringToObject(o, "date_added", date) != NULL;
	}
	ok = ok && add_string(o, "source", ev->source);
	ok = ok && add_string(o, "target", ev->target);
	if (ok && ev->code[0]) {
		ok = cJSON_AddStringToObject(o, "code", ev->code) != NULL;
	}
	ok = ok && cJSON_AddNumberToObject(o, "goldstein", ev->goldstein) != NULL;
	if (ok && ev->quad) {
		ok = cJSON_AddNumberToObject(o, "quad", ev->quad) != NULL;
	}
	ok = ok && cJSON_AddNumberToObject(o, "count", (double)ev->count) != NULL;
	if (ok && ev->root_event >= 0) {
		ok = cJSON_AddBoolToObject(o, "root_event", ev->root_event) != NULL;
	}
	if (ok && ev->mentions) {
		ok = cJSON_AddNumberToObject(o, "mentions", (double)ev->mentions) != NULL;
	}
	if (ok && ev->sources) {
		ok = cJSON_AddNumberToObject(o, "sources", (double)ev->sources) != NULL;
	}
	if (ok && ev->articles) {
		ok = cJSON_AddNumberToObject(o, "articles", (double)ev->articles) != NULL;
	}
	if (ok && !isnan(ev->tone)) {
		ok = cJSON_AddNumberToObject(o, "tone", ev->tone) != NULL;
	}
	ok = ok && add_string(o, "source_text", ev->source_text);
	ok = ok && add_string(o, "target_text", ev->target_text);
	ok = ok && add_string(o, "doc", ev->doc);
	if (ok && ev->sentence > 0) {
		ok = cJSON_AddNumberToObject(o, "sentence", (double)ev->sentence) != NULL;
	}
	if (ok && ev->span_start >= 0 && ev->span_end >= ev->span_start) {
		cJSON *span = cJSON_CreateArray();
		ok = span != NULL;
		if (ok && !cJSON_AddItemToObject(o, "span", span)) {
			cJSON_Delete(span);
			ok = 0;
		}
		ok = ok && cJSON_AddItemToArray(span,
			cJSON_CreateNumber((double)ev->span_start));
		ok = ok && cJSON_AddItemToArray(span,
			cJSON_CreateNumber((double)ev->span_end));
	}
	ok = ok && add_string(o, "text", ev->text);
	if (ok && ev->flags) {
		cJSON *flags = cJSON_CreateArray();
		size_t k;
		ok = flags != NULL;
		if (ok && !cJSON_AddItemToObject(o, "flags", flags)) {
			cJSON_Delete(flags);
			ok = 0;
		}
		for (k = 0; ok && flag_names[k]; k++) {
			if (ev->flags & (1u << k)) {
				ok = cJSON_AddItemToArray(flags,
					cJSON_CreateString(flag_names[k]));
			}
		}
	}
	if (ok && ev->extra) {
		cJSON *extra = cJSON_Parse(ev->extra), *m;
		ok = extra != NULL;
		while (ok && extra->child != NULL) {
			m = cJSON_DetachItemViaPointer(extra, extra->child);
			/* only a known member can clash with one written above;
			 * looking each up in `o` would be quadratic in the number
			 * of unknown members */
			if (m->string == NULL || is_known(m->string) ||
				!cJSON_AddItemToObject(o, m->string, m)) {
				cJSON_Delete(m);
			}
		}
		cJSON_Delete(extra);
	}
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/*
 * The direct writer: the same bytes cJSON_PrintUnformatted gives for
 * event_to_json(), without building a tree per event (extraction writes
 * hundreds of thousands of events; the tree was most of its run time).
 * Events with unknown members still go through cJSON, which merges them.
 */
/* ent__buf_put and _puts, inlined: an event is some twenty of them, and
 * the call was a tenth of `entente extract`'s time. */
static inline int put(ent__buf *b, const char *s, size_t n)
{
	if (b->cap - b->len <= n && ent__buf_grow(b, n) < 0) {
		return -1;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

static inline int puts_(ent__buf *b, const char *s)
{
	return put(b, s, strlen(s));
}

/* Bytes a JSON string holds as they are: printable ASCII but '"' and
 * '\\' (a table: the test per byte was most of put_string's time). */
#define PLAIN8(c) ((c) >= 0x20 && (c) != '"' && (c) != '\\')
#define PLAIN(c) PLAIN8(c), PLAIN8(c + 1), PLAIN8(c + 2), PLAIN8(c + 3), \
	PLAIN8(c + 4), PLAIN8(c + 5), PLAIN8(c + 6), PLAIN8(c + 7)
static const unsigned char plain[256] = {
	PLAIN(0x00), PLAIN(0x08), PLAIN(0x10), PLAIN(0x18), PLAIN(0x20),
	PLAIN(0x28), PLAIN(0x30), PLAIN(0x38), PLAIN(0x40), PLAIN(0x48),
	PLAIN(0x50), PLAIN(0x58), PLAIN(0x60), PLAIN(0x68), PLAIN(0x70),
	PLAIN(0x78)
	/* 0x80 and above: 0, UTF-8 sequences are checked one by one */
};
#undef PLAIN
#undef PLAIN8

static int put_string(ent__buf *b, const char *value)
{
	const unsigned char *s = (const unsigned char *)value;
	size_t i = 0, n, len = strlen(value), run;

	if (ent__buf_grow(b, len + 2) < 0 || put(b, "\"", 1) < 0) {
		return -1;
	}
	while (i < len) {
		/* copy a run of bytes that need no escape in one go */
		for (run = i; run < len && plain[s[run]]; run++) {
		}
		if (run > i && put(b, value + i, run - i) < 0) {
			return -1;
		}
		i = run;
		if (i >= len) {
			break;
		}
		if (s[i] >= 0x80) {
			n = ent__utf8_seq(s + i, len - i);
			if (n == 0) {
				/* not UTF-8: U+FFFD, as add_string does */
				if (put(b, "\xEF\xBF\xBD", 3) < 0) {
					return -1;
				}
				n = 1;
			} else if (put(b, value + i, n) < 0) {
				return -1;
			}
			i += n;
			continue;
		}
		switch (s[i]) {
		case '"': n = (size_t)put(b, "\\\"", 2); break;
		case '\\': n = (size_t)put(b, "\\\\", 2); break;
		case '\b': n = (size_t)put(b, "\\b", 2); break;
		case '\f': n = (size_t)put(b, "\\f", 2); break;
		case '\n': n = (size_t)put(b, "\\n", 2); break;
		case '\r': n = (size_t)put(b, "\\r", 2); break;
		case '\t': n = (size_t)put(b, "\\t", 2); break;
		default: n = (size_t)ent__buf_printf(b, "\\u%04x", s[i]); break;
		}
		if (n != 0) {
			return -1;
		}
		i++;
	}
	return put(b, "\"", 1);
}

/* A number as cJSON prints it: whole numbers within int as integers,
 * others with 15 significant digits unless 17 are needed to read back. */
static int put_number(ent__buf *b, double d)
{
	char tmp[32];
	double back;
	int n;

	if (d != d || d - d != 0) {
		return put(b, "null", 4);
	}
	if (d > -2147483648.0 && d < 2147483647.0 && d == (double)(int)d) {
		/* whole numbers (counts, offsets) are most numbers written */
		char digits[12];
		long v = (long)d;
		unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
		size_t k = sizeof(digits);
		do {
			digits[--k] = (char)('0' + u % 10);
			u /= 10;
		} while (u > 0);
		if (v < 0) {
			digits[--k] = '-';
		}
		return put(b, digits + k, sizeof(digits) - k);
	}
	/* one decimal (Goldstein weights are): the digits of d * 10, which
	 * is what "%1.15g" prints when d is the double nearest v / 10 */
	if (d > -1e12 && d < 1e12) {
		double t = d * 10;
		long v = (long)(t < 0 ? t - 0.5 : t + 0.5);
		if ((double)v / 10 == d) {
			char digits[24];
			unsigned long u = v < 0 ? 0UL - (unsigned long)v
						: (unsigned long)v;
			size_t k = sizeof(digits);
			digits[--k] = (char)('0' + u % 10);
			digits[--k] = '.';
			u /= 10;
			do {
				digits[--k] = (char)('0' + u % 10);
				u /= 10;
			} while (u > 0);
			if (v < 0) {
				digits[--k] = '-';
			}
			return put(b, digits + k, sizeof(digits) - k);
		}
	}
	n = snprintf(tmp, sizeof(tmp), "%1.15g", d);
	if (sscanf(tmp, "%lg", &back) != 1 || back != d) {
		n = snprintf(tmp, sizeof(tmp), "%1.17g", d);
	}
	return put(b, tmp, (size_t)n);
}

static int put_member(ent__buf *b, int *first, const char *key)
{
	int rc = 0;

	/* plain copies: printf per member was most of the writer's time */
	if (!*first) {
		rc |= put(b, ",", 1);
	}
	*first = 0;
	rc |= put(b, "\"", 1);
	rc |= puts_(b, key);
	rc |= put(b, "\":", 2);
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

static int write_event(ent__buf *b, const ent_event *ev)
{
	char date[11];
	int first = 1, rc = 0;
	size_t k;

	rc |= put(b, "{", 1);
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
		rc |= puts_(b, ev->root_event ? "true" : "false");
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
		rc |= put(b, "[", 1);
		rc |= put_number(b, (double)ev->span_start);
		rc |= put(b, ",", 1);
		rc |= put_number(b, (double)ev->span_end);
		rc |= put(b, "]", 1);
	}
	rc |= put_string_member(b, &first, "text", ev->text);
	if (ev->flags) {
		int first_flag = 1;
		rc |= put_member(b, &first, "flags");
		rc |= put(b, "[", 1);
		for (k = 0; flag_names[k]; k++) {
			if (ev->flags & (1u << k)) {
				if (!first_flag) {
					rc |= put(b, ",", 1);
				}
				rc |= put(b, "\"", 1);
				rc |= puts_(b, flag_names[k]);
				rc |= put(b, "\"", 1);
				first_flag = 0;
			}
		}
		rc |= put(b, "]", 1);
	}
	rc |= put(b, "}", 1);
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
		const ent_event *ev = ent_events_get(events, i);
		cJSON *o;
		char *text;
		if (ev->extra == NULL) {
			if (ent__buf_puts(&b, i ? ",\n    " : "\n    ") < 0 ||
				write_event(&b, ev) < 0) {
				goto nomem;
			}
			continue;
		}
		o = event_to_json(ev);
		if (o == NULL) {
			goto nomem;
		}
		text = cJSON_PrintUnformatted(o);
		cJSON_Delete(o);
		if (text == NULL) {
			goto nomem;
		}
		if (ent__buf_printf(&b, "%s\n    %s", i ? "," : "", text) < 0) {
			cJSON_free(text);
			goto nomem;
		}
		cJSON_free(text);
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
		ent__buf_puts(&w->held,
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
	char *text;
	cJSON *o;
	int rc;

	if (w == NULL || ev == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_events_writer_add: NULL argument");
	}
	mark = w->held.len;
	if (ev->extra == NULL) {
		rc = ent__buf_puts(&w->held, w->n ? ",\n    " : "\n    ") < 0 ||
			write_event(&w->held, ev) < 0;
	} else {
		/* unknown members kept from a read event: through cJSON, as
		 * ent_events_to_json() writes them */
		if ((o = event_to_json(ev)) == NULL) {
			return ent__error_nomem(err);
		}
		text = cJSON_PrintUnformatted(o);
		cJSON_Delete(o);
		rc = text == NULL || ent__buf_printf(&w->held, "%s\n    %s",
			w->n ? "," : "", text) < 0;
		cJSON_free(text);
	}
	if (rc) {
		/* no half event: the held bytes end after the last whole one */
		w->held.len = mark;
		if (w->held.data != NULL) {
			w->held.data[mark] = '\0';
		}
		return ent__error_nomem(err);
	}
	w->n++;
	return ENT_OK;
}

ent_status ent_events_writer_flush(ent_events_writer *w, ent_error *err)
{
	if (w == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_events_writer_flush: NULL writer");
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
	if (w == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_events_writer_finish: NULL writer");
	}
	if (ent__buf_puts(&w->held, w->n ? "\n  ]\n}\n" : "]\n}\n") < 0) {
		return ent__error_nomem(err);
	}
	return ent_events_writer_flush(w, err);
}

void ent_events_writer_destroy(ent_events_writer *w)
{
	if (w != NULL) {
		ent__buf_free(&w->held);
		free(w);
	}
}

ent_status ent_events_writer_add_cb(const ent_event *ev, void *payload)
{
	return ent_events_writer_add(payload, ev, NULL);
}
