/* SPDX-License-Identifier: MIT */
/*
 * The compiled-in reference tables: the CAMEO codebook (cameo.tsv) and the
 * state table (states.tsv). The TSV files are the source of truth and stay
 * human-editable; they are embedded at build time and parsed once, on first
 * use, into arrays and lookup indexes.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

/* CAMEO codes are 2-4 digits: index them directly by their digit string
 * read as a number with a length tag (max 4 digits -> 10000 per length). */
#define CODE_INDEX_SIZE (3 * 10000)

/* State lookups by three upper-case letters: 26^3 slots. */
#define LETTERS3 (26 * 26 * 26)

typedef struct name_slot {
	char *key;           /* lower-cased name */
	int state;           /* index into states */
} name_slot;

static struct {
	ent_status status;
	ent_error error;
	char *cameo_text;    /* mutable copies the tables point into */
	char *states_text;
	ent_cameo *cameo;
	size_t n_cameo;
	int16_t code_index[CODE_INDEX_SIZE];
	ent_state *states;
	size_t n_states;
	int16_t letters3[LETTERS3];
	int uk_alias;        /* the two-letter alias "UK", or -1 */
	name_slot *names;    /* open addressing, power of two */
	size_t names_cap;
} lex;

static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static int code_slot(const char *code)
{
	size_t n = 0;
	int v = 0;
	size_t i;

	/* the length, looking at five bytes at most (no strlen per row) */
	while (n < 5 && code[n] != '\0') {
		n++;
	}
	if (n < 2 || n > 4) {
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (code[i] < '0' || code[i] > '9') {
			return -1;
		}
		v = v * 10 + (code[i] - '0');
	}
	return (int)(n - 2) * 10000 + v;
}

static int letters_slot(const char *s)
{
	int v = 0;
	int i;

	for (i = 0; i < 3; i++) {
		if (s[i] < 'A' || s[i] > 'Z') {
			return -1;
		}
		v = v * 26 + (s[i] - 'A');
	}
	return v;
}

/* Split `line` on tabs in place into at most `max` fields; returns count. */
static size_t split_tabs(char *line, char **fields, size_t max)
{
	size_t n = 0;
	char *p = line;

	while (n < max) {
		fields[n++] = p;
		p = strchr(p, '\t');
		if (p == NULL) {
			break;
		}
		*p++ = '\0';
	}
	return n;
}

/* Iterate the lines of a mutable text: returns the next line (NUL-ended,
 * without CR/LF) and advances *cursor, or NULL at the end. */
static char *next_line(char **cursor, long *lineno)
{
	char *start = *cursor, *end;

	if (start == NULL || *start == '\0') {
		return NULL;
	}
	end = strchr(start, '\n');
	if (end != NULL) {
		*end = '\0';
		*cursor = end + 1;
	} else {
		*cursor = start + strlen(start);
	}
	if (end != start && end != NULL && end[-1] == '\r') {
		end[-1] = '\0';
	}
	(*lineno)++;
	return start;
}

static const char *dash_null(const char *s)
{
	return (s == NULL || strcmp(s, "-") == 0 || *s == '\0') ? NULL : s;
}

static ent_status load_cameo(void)
{
	const ent__lexicon_file *f = ent__lexicon_find("cameo.tsv");
	char *cursor, *line, *fields[4];
	long lineno = 0;
	size_t cap = 0;

	if (f == NULL) {
		return ent__error_set(&lex.error, ENT_ERROR, "cameo.tsv", 0, 0,
			"the CAMEO table is not compiled in");
	}
	lex.cameo_text = ent__strndup((const char *)f->data, f->len);
	if (lex.cameo_text == NULL) {
		return ent__error_nomem(&lex.error);
	}
	cursor = lex.cameo_text;
	while ((line = next_line(&cursor, &lineno)) != NULL) {
		ent_cameo *c, *p;
		char *end;
		int slot;

		if (line[0] == '#' || line[0] == '\0') {
			continue;
		}
		if (split_tabs(line, fields, 4) != 4) {
			return ent__error_set(&lex.error, ENT_EPARSE, "cameo.tsv",
				lineno, 0, "expected 4 tab-separated fields");
		}
		slot = code_slot(fields[0]);
		if (slot < 0 || lex.code_index[slot] != 0) {
			return ent__error_set(&lex.error, ENT_EPARSE, "cameo.tsv",
				lineno, 0, "bad or repeated code \"%s\"", fields[0]);
		}
		p = ent__array_grow(lex.cameo, &cap, lex.n_cameo + 1,
			sizeof(*p));
		if (p == NULL) {
			return ent__error_nomem(&lex.error);
		}
		lex.cameo = p;
		c = &lex.cameo[lex.n_cameo];
		c->code = fields[0];
		c->goldstein = strtod(fields[1], &end);
		if (end == fields[1] || *end || c->goldstein < -10 ||
			c->goldstein > 10) {
			return ent__error_set(&lex.error, ENT_EPARSE, "cameo.tsv",
				lineno, 0, "bad Goldstein weight \"%s\"", fields[1]);
		}
		c->quad = atoi(fields[2]);
		if (c->quad < 1 || c->quad > 4 ||
			c->quad != ent_cameo_quad_of_root(
				(fields[0][0] - '0') * 10 + (fields[0][1] - '0'))) {
			return ent__error_set(&lex.error, ENT_EPARSE, "cameo.tsv",
				lineno, 0, "quad class does not match the root code");
		}
		c->name = fields[3];
		lex.n_cameo++;
		lex.code_index[slot] = (int16_t)lex.n_cameo; /* 1-based */
	}
	return ENT_OK;
}

static uint64_t name_hash(const char *s, size_t len)
{
	uint64_t h = ENT__FNV_INIT;
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)tolower((unsigned char)s[i]);
		h = ent__fnv(h, &c, 1);
	}
	return h;
}

static ent_status add_name(const char *name, size_t len, int state,
	long lineno)
{
	size_t mask = lex.names_cap - 1;
	size_t i = (size_t)name_hash(name, len) & mask;

	while (lex.names[i].key != NULL) {
		if (strlen(lex.names[i].key) == len &&
			strncasecmp(lex.names[i].key, name, len) == 0) {
			if (lex.names[i].state == state) {
				return ENT_OK;
			}
			return ent__error_set(&lex.error, ENT_EPARSE,
				"states.tsv", lineno, 0,
				"name \"%.*s\" belongs to two states", (int)len,
				name);
		}
		i = (i + 1) & mask;
	}
	lex.names[i].key = ent__strndup(name, len);
	if (lex.names[i].key == NULL) {
		return ent__error_nomem(&lex.error);
	}
	lex.names[i].state = state;
	return ENT_OK;
}

/* Add each ';'-separated name of `list`, trimmed. */
static ent_status add_names(const char *list, int state, long lineno)
{
	const char *p = list;

	while (p != NULL && *p) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *s = p;
		ent_status st;

		while (len > 0 && isspace((unsigned char)*s)) {
			s++;
			len--;
		}
		while (len > 0 && isspace((unsigned char)s[len - 1])) {
			len--;
		}
		if (len > 0 && (st = add_name(s, len, state, lineno)) != ENT_OK) {
			return st;
		}
		p = end ? end + 1 : NULL;
	}
	return ENT_OK;
}

static ent_status load_states(void)
{
	const ent__lexicon_file *f = ent__lexicon_find("states.tsv");
	char *cursor, *line, *fields[7];
	long lineno = 0;
	size_t cap = 0, i;
	ent_status st;

	if (f == NULL) {
		return ent__error_set(&lex.error, ENT_ERROR, "states.tsv", 0, 0,
			"the state table is not compiled in");
	}
	lex.states_text = ent__strndup((const char *)f->data, f->len);
	if (lex.states_text == NULL) {
		return ent__error_nomem(&lex.error);
	}
	lex.uk_alias = -1;
	cursor = lex.states_text;
	while ((line = next_line(&cursor, &lineno)) != NULL) {
		ent_state *s, *p;
		int slot;

		if (line[0] == '#' || line[0] == '\0') {
			continue;
		}
		if (split_tabs(line, fields, 7) != 7) {
			return ent__error_set(&lex.error, ENT_EPARSE, "states.tsv",
				lineno, 0, "expected 7 tab-separated fields");
		}
		slot = strlen(fields[0]) == 3 ? letters_slot(fields[0]) : -1;
		if (slot < 0 || lex.letters3[slot] != 0) {
			return ent__error_set(&lex.error, ENT_EPARSE, "states.tsv",
				lineno, 0, "bad or repeated code \"%s\"", fields[0]);
		}
		p = ent__array_grow(lex.states, &cap, lex.n_states + 1,
			sizeof(*p));
		if (p == NULL) {
			return ent__error_nomem(&lex.error);
		}
		lex.states = p;
		s = &lex.states[lex.n_states];
		s->code = fields[0];
		s->status = fields[1];
		s->name = fields[2];
		s->aliases = dash_null(fields[3]);
		s->other_names = dash_null(fields[4]);
		s->adjectives = dash_null(fields[5]);
		s->capitals = dash_null(fields[6]);
		lex.n_states++;
		lex.letters3[slot] = (int16_t)lex.n_states;
	}
	/* Aliases after all codes, so an alias can never shadow a real code. */
	for (i = 0; i < lex.n_states; i++) {
		const char *p = lex.states[i].aliases;
		while (p != NULL && *p) {
			const char *end = strchr(p, ',');
			size_t len = end ? (size_t)(end - p) : strlen(p);
			char code[4] = {0};
			int slot;

			if (len == 2 && strncmp(p, "UK", 2) == 0) {
				lex.uk_alias = (int)i;
			} else if (len == 3) {
				memcpy(code, p, 3);
				slot = letters_slot(code);
				if (slot < 0 || lex.letters3[slot] != 0) {
					return ent__error_set(&lex.error,
						ENT_EPARSE, "states.tsv", 0, 0,
						"alias \"%s\" of %s is bad or taken",
						code, lex.states[i].code);
				}
				lex.letters3[slot] = (int16_t)(i + 1);
			} else {
				return ent__error_set(&lex.error, ENT_EPARSE,
					"states.tsv", 0, 0,
					"alias of %s must be 2 or 3 letters",
					lex.states[i].code);
			}
			p = end ? end + 1 : NULL;
		}
	}
	lex.names_cap = 4096;
	while (lex.names_cap < lex.n_states * 16) {
		lex.names_cap *= 2;
	}
	lex.names = calloc(lex.names_cap, sizeof(*lex.names));
	if (lex.names == NULL) {
		return ent__error_nomem(&lex.error);
	}
	for (i = 0; i < lex.n_states; i++) {
		const ent_state *s = &lex.states[i];
		if ((st = add_name(s->name, strlen(s->name), (int)i, 0)) !=
				ENT_OK ||
			(st = add_names(s->other_names, (int)i, 0)) != ENT_OK) {
			return st;
		}
	}
	return ENT_OK;
}

static void lexicon_free(void)
{
	size_t i;

	for (i = 0; i < lex.names_cap; i++) {
		free(lex.names[i].key);
	}
	free(lex.names);
	free(lex.cameo);
	free(lex.states);
	free(lex.cameo_text);
	free(lex.states_text);
}

static void lexicon_init(void)
{
	lex.status = load_cameo();
	if (lex.status == ENT_OK) {
		lex.status = load_states();
	}
	/* The tables live for the whole process; free them at exit so leak
	 * checkers see a clean heap. */
	atexit(lexicon_free);
}

static int ready(void)
{
	pthread_once(&lex_once, lexicon_init);
	return lex.status == ENT_OK;
}

ent_status ent_lexicon_check(ent_error *err)
{
	if (ready()) {
		return ENT_OK;
	}
	if (err != NULL) {
		*err = lex.error;
	}
	return lex.status;
}

int ent_cameo_quad_of_root(int root)
{
	if (root >= 1 && root <= 5) {
		return 1;
	}
	if (root >= 6 && root <= 9) {
		return 2;
	}
	if (root >= 10 && root <= 14) {
		return 3;
	}
	if (root >= 15 && root <= 20) {
		return 4;
	}
	return 0;
}

const ent_cameo *ent_cameo_lookup(const char *code)
{
	int slot;

	if (code == NULL || !ready()) {
		return NULL;
	}
	slot = code_slot(code);
	if (slot < 0 || lex.code_index[slot] == 0) {
		return NULL;
	}
	return &lex.cameo[lex.code_index[slot] - 1];
}

size_t ent_cameo_count(void)
{
	return ready() ? lex.n_cameo : 0;
}

const ent_cameo *ent_cameo_at(size_t i)
{
	return ready() && i < lex.n_cameo ? &lex.cameo[i] : NULL;
}

const ent_state *ent_state_lookup(const char *code)
{
	int slot;

	if (code == NULL || !ready()) {
		return NULL;
	}
	if (strcmp(code, "UK") == 0) {
		return lex.uk_alias >= 0 ? &lex.states[lex.uk_alias] : NULL;
	}
	if (strlen(code) != 3 || (slot = letters_slot(code)) < 0 ||
		lex.letters3[slot] == 0) {
		return NULL;
	}
	return &lex.states[lex.letters3[slot] - 1];
}

const ent_state *ent_state_of_actor(const char *actor_code)
{
	int slot;

	if (actor_code == NULL || !ready()) {
		return NULL;
	}
	/* called for both ends of every event: no strcmp, no strlen */
	if (actor_code[0] == 'U' && actor_code[1] == 'K' &&
		actor_code[2] == '\0') {
		return lex.uk_alias >= 0 ? &lex.states[lex.uk_alias] : NULL;
	}
	/* CAMEO actor codes start with the country's three letters;
	 * letters_slot stops at a NUL, so a shorter code fails there. */
	if ((slot = letters_slot(actor_code)) < 0 ||
		lex.letters3[slot] == 0) {
		return NULL;
	}
	return &lex.states[lex.letters3[slot] - 1];
}

const ent_state *ent_state_by_name(const char *name, size_t len)
{
	size_t mask, i;

	if (name == NULL || !ready()) {
		return NULL;
	}
	mask = lex.names_cap - 1;
	i = (size_t)name_hash(name, len) & mask;
	while (lex.names[i].key != NULL) {
		if (strlen(lex.names[i].key) == len &&
			strncasecmp(lex.names[i].key, name, len) == 0) {
			return &lex.states[lex.names[i].state];
		}
		i = (i + 1) & mask;
	}
	return NULL;
}

size_t ent_state_count(void)
{
	return ready() ? lex.n_states : 0;
}

const ent_state *ent_state_at(size_t i)
{
	return ready() && i < lex.n_states ? &lex.states[i] : NULL;
}
