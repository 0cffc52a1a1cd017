/* SPDX-License-Identifier: MIT */
/*
 * One event of an events JSON document, parsed by cJSON, checked member
 * by member (DESIGN.md "Events"). cJSON keeps no positions, so when a
 * member is wrong a small scanner walks the event's own text to that
 * member to report its line and column.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/json_internal.h"

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

/* Offset of the value of member `key` in the object text buf[0..len),
 * or 0 (the object itself) when it is not found or key is NULL. */
static size_t locate(const char *buf, size_t len, const char *key)
{
	scanner s = {buf, len, 0};

	if (key == NULL || enter_member(&s, key) != 0) {
		return 0;
	}
	return s.pos;
}

/* -- members ------------------------------------------------------------ */

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

ent_status ent__json_event_error(ent__jevent_ctx *c, const char *key,
	const char *fmt, const char *detail)
{
	long line, column;
	size_t off = locate(c->piece->data, c->piece->len, key);

	ent__jscan_where(c->sc, c->piece, off, &line, &column);
	if (detail != NULL) {
		return ent__error_set(c->err, ENT_EPARSE, c->source, line,
			column, fmt, key, detail);
	}
	return ent__error_set(c->err, ENT_EPARSE, c->source, line, column, fmt,
		key);
}

/* The known members of an event, in the order they are written. */
static const struct {
	const char *name;
	size_t len;
} known[ENT__JSON_N_KNOWN] = {{"id", 2}, {"date", 4}, {"date_added", 10},
	{"source", 6}, {"target", 6}, {"code", 4}, {"goldstein", 9},
	{"quad", 4}, {"count", 5}, {"root_event", 10}, {"mentions", 8},
	{"sources", 7}, {"articles", 8}, {"tone", 4}, {"source_text", 11},
	{"target_text", 11}, {"doc", 3}, {"sentence", 8}, {"span", 4},
	{"text", 4}, {"flags", 5}};

/* The index of a known member, or -1. Called for every member of every
 * event: lengths and first letters rule out most names before a memcmp. */
static int member_index(const char *key)
{
	size_t n = strlen(key), i;

	for (i = 0; i < ENT__JSON_N_KNOWN; i++) {
		if (known[i].len == n && known[i].name[0] == key[0] &&
			memcmp(known[i].name, key, n) == 0) {
			return (int)i;
		}
	}
	return -1;
}

int ent__json_known_member(const char *key)
{
	return member_index(key) >= 0;
}

/* The event's member `key` (the first of that name, as cJSON finds it). */
static const cJSON *member_of(const ent__jevent_ctx *c, const char *key)
{
	int k = member_index(key);

	return k >= 0 ? c->member[k] : NULL;
}

const char *const ent__json_flag_names[] = {"negated", "hedged", "future",
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

static ent_status get_string(ent__jevent_ctx *c, const char *key,
	const char **out)
{
	const cJSON *item = member_of(c, key);

	*out = NULL;
	if (item == NULL || cJSON_IsNull(item)) {
		return ENT_OK;
	}
	if (!cJSON_IsString(item)) {
		return ent__json_event_error(c, key, "\"%s\" must be a string", NULL);
	}
	*out = item->valuestring;
	return ENT_OK;
}

/* An actor: a state's code or name, or an actor code in capitals (see
 * ent_actor_name_resolve; a group is not one actor). A name becomes its
 * state's code ("Austria" -> AUT), never the code its letters begin with. */
static ent_status get_actor(ent__jevent_ctx *c, const char *key,
	char out[ENT_CODE_SIZE])
{
	const char *s;
	ent_actor_name n;
	ent_error e = {0};
	ent_status st;

	if ((st = get_string(c, key, &s)) != ENT_OK) {
		return st;
	}
	if (s == NULL) {
		return ent__json_event_error(c, key, "missing \"%s\"", NULL);
	}
	if (ent_actor_name_resolve(&n, s, strlen(s), 0, &e) != ENT_OK) {
		return ent__json_event_error(c, key, "\"%s\": %s", e.message);
	}
	memcpy(out, n.code, ENT_CODE_SIZE);
	return ENT_OK;
}

static ent_status get_date(ent__jevent_ctx *c, const char *key,
	ent_date *out)
{
	const char *s;
	ent_status st;

	*out = 0;
	if ((st = get_string(c, key, &s)) != ENT_OK || s == NULL) {
		return st;
	}
	if (ent_date_parse(out, s, strlen(s)) != ENT_OK) {
		char q[64];
		return ent__json_event_error(c, key,
			"\"%s\" must be a date YYYY-MM-DD, YYYY-MM or YYYY, not \"%s\"",
			detail(q, s));
	}
	return ENT_OK;
}

static ent_status get_int(ent__jevent_ctx *c, const char *key,
	double min, double max, int64_t *out, const char *what)
{
	const cJSON *item = member_of(c, key);
	char msg[96];

	if (item == NULL || cJSON_IsNull(item)) {
		return ENT_OK;
	}
	if (as_count(item, min, max, out) != 0) {
		snprintf(msg, sizeof(msg), "\"%%s\" must be %s", what);
		return ent__json_event_error(c, key, msg, NULL);
	}
	return ENT_OK;
}

/* The unknown members of an event, serialized as one object (they are
 * written back unchanged), or NULL when there are none. */
static ent_status unknown_members(ent__jevent_ctx *c, const cJSON *obj,
	char **out)
{
	const cJSON *member;
	ent__buf b = {0};
	int rc = 0;

	*out = NULL;
	if (!c->unknown) {
		return ENT_OK;
	}
	cJSON_ArrayForEach(member, obj) {
		char *value;
		if (member->string == NULL ||
			ent__json_known_member(member->string)) {
			continue;
		}
		if ((value = cJSON_PrintUnformatted(member)) == NULL) {
			rc = -1;
			break;
		}
		rc = ent__buf_put(&b, b.len ? "," : "{", 1);
		rc |= ent__json_put_string(&b, member->string,
			strlen(member->string));
		rc |= ent__buf_put(&b, ":", 1);
		rc |= ent__buf_puts(&b, value);
		cJSON_free(value);
		if (rc < 0) {
			break;
		}
	}
	if (rc == 0 && b.len > 0) {
		rc = ent__buf_put(&b, "}", 1);
	}
	if (rc < 0) {
		ent__buf_free(&b);
		return ent__error_nomem(c->err);
	}
	*out = b.data;
	return ENT_OK;
}

ent_status ent__json_event(ent__jevent_ctx *c, const cJSON *obj,
	ent_event *ev, char **extra_out)
{
	const cJSON *item;
	ent_status st;
	int64_t v;
	int have_goldstein = 0;

	*extra_out = NULL;
	ent_event_init(ev);
	if (!cJSON_IsObject(obj)) {
		return ent__json_event_error(c, NULL, "an event must be an object", NULL);
	}
	/* one pass over the members: each known one found by name once */
	memset(c->member, 0, sizeof(c->member));
	c->unknown = 0;
	cJSON_ArrayForEach(item, obj) {
		int k = item->string ? member_index(item->string) : -1;
		if (k < 0) {
			c->unknown = 1;
		} else if (c->member[k] == NULL) {
			c->member[k] = item;
		}
	}
	if ((st = get_string(c, "id", &ev->id)) != ENT_OK ||
		(st = get_date(c, "date", &ev->date)) != ENT_OK ||
		(st = get_date(c, "date_added", &ev->date_added)) != ENT_OK ||
		(st = get_actor(c, "source", ev->source)) != ENT_OK ||
		(st = get_actor(c, "target", ev->target)) != ENT_OK) {
		return st;
	}
	item = member_of(c, "id");
	if (cJSON_IsNumber(item)) {
		return ent__json_event_error(c, "id", "\"%s\" must be a string", NULL);
	}
	item = member_of(c, "code");
	if (item != NULL && !cJSON_IsNull(item)) {
		const ent_cameo *cameo;
		if (!cJSON_IsString(item)) {
			return ent__json_event_error(c, "code",
				"\"%s\" must be a string of 2 to 4 digits", NULL);
		}
		cameo = ent_cameo_lookup(item->valuestring);
		if (cameo == NULL) {
			char q[64];
			return ent__json_event_error(c, "code", "unknown CAMEO code \"%2$s\" in \"%1$s\"",
				detail(q, item->valuestring));
		}
		strcpy(ev->code, cameo->code);
		ev->goldstein = cameo->goldstein;
		ev->quad = cameo->quad;
	}
	item = member_of(c, "goldstein");
	if (item != NULL && !cJSON_IsNull(item)) {
		if (!cJSON_IsNumber(item)) {
			return ent__json_event_error(c, "goldstein",
				"\"%s\" must be a number", NULL);
		}
		if (!isfinite(item->valuedouble) || item->valuedouble < -10 ||
			item->valuedouble > 10) {
			return ent__json_event_error(c, "goldstein",
				"\"%s\" must be between -10 and 10", NULL);
		}
		ev->goldstein = item->valuedouble;
		have_goldstein = 1;
	}
	if (ev->code[0] == '\0' && !have_goldstein) {
		return ent__json_event_error(c, NULL,
			"an event needs \"code\" or \"goldstein\"", NULL);
	}
	v = ev->quad;
	if ((st = get_int(c, "quad", 1, 4, &v, "1, 2, 3 or 4")) != ENT_OK) {
		return st;
	}
	ev->quad = (int)v;
	if ((st = get_int(c, "count", 1, 1e15, &ev->count,
			"a whole number of at least 1")) != ENT_OK ||
		(st = get_int(c, "mentions", 0, 1e15, &ev->mentions,
			"a whole number of at least 0")) != ENT_OK ||
		(st = get_int(c, "sources", 0, 1e15, &ev->sources,
			"a whole number of at least 0")) != ENT_OK ||
		(st = get_int(c, "articles", 0, 1e15, &ev->articles,
			"a whole number of at least 0")) != ENT_OK) {
		return st;
	}
	item = member_of(c, "tone");
	if (item != NULL && !cJSON_IsNull(item)) {
		if (!cJSON_IsNumber(item) || !isfinite(item->valuedouble) ||
			item->valuedouble < -100 || item->valuedouble > 100) {
			return ent__json_event_error(c, "tone",
				"\"%s\" must be a number between -100 and 100",
				NULL);
		}
		ev->tone = item->valuedouble;
	}
	item = member_of(c, "root_event");
	if (item != NULL && !cJSON_IsNull(item)) {
		if (!cJSON_IsBool(item)) {
			return ent__json_event_error(c, "root_event",
				"\"%s\" must be true or false", NULL);
		}
		ev->root_event = cJSON_IsTrue(item) ? 1 : 0;
	}
	v = 0;
	if ((st = get_int(c, "sentence", 0, 1e12, &v,
			"a whole number of at least 0")) != ENT_OK) {
		return st;
	}
	ev->sentence = (long)v;
	item = member_of(c, "span");
	if (item != NULL && !cJSON_IsNull(item)) {
		int64_t a, b;
		if (!cJSON_IsArray(item) || cJSON_GetArraySize(item) != 2 ||
			as_count(cJSON_GetArrayItem(item, 0), 0, 1e15, &a) != 0 ||
			as_count(cJSON_GetArrayItem(item, 1), 0, 1e15, &b) != 0 ||
			b < a) {
			return ent__json_event_error(c, "span",
				"\"%s\" must be [start, end] with 0 <= start <= end",
				NULL);
		}
		ev->span_start = (long)a;
		ev->span_end = (long)b;
	}
	if ((st = get_string(c, "source_text", &ev->source_text)) != ENT_OK ||
		(st = get_string(c, "target_text", &ev->target_text)) != ENT_OK ||
		(st = get_string(c, "doc", &ev->doc)) != ENT_OK ||
		(st = get_string(c, "text", &ev->text)) != ENT_OK) {
		return st;
	}
	item = member_of(c, "flags");
	if (item != NULL && !cJSON_IsNull(item)) {
		const cJSON *f;
		if (!cJSON_IsArray(item)) {
			return ent__json_event_error(c, "flags",
				"\"%s\" must be an array of strings", NULL);
		}
		cJSON_ArrayForEach(f, item) {
			size_t k;
			int hit = 0;
			if (!cJSON_IsString(f)) {
				return ent__json_event_error(c, "flags",
					"\"%s\" must be an array of strings", NULL);
			}
			for (k = 0; ent__json_flag_names[k]; k++) {
				if (strcmp(ent__json_flag_names[k], f->valuestring) == 0) {
					ev->flags |= 1u << k;
					hit = 1;
				}
			}
			if (!hit) {
				char q[64];
				return ent__json_event_error(c, "flags",
					"unknown flag \"%2$s\" in \"%1$s\"",
					detail(q, f->valuestring));
			}
		}
	}
	/* Unknown members survive a round trip. */
	return unknown_members(c, obj, extra_out);
}
