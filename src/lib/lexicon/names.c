/* SPDX-License-Identifier: MIT */
/*
 * Names a user gives for actors: state codes and names, groups of states
 * with their membership dates (groups.tsv), and actor codes; the nearest
 * matches of a name that is none of them.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

typedef struct group_rec {
	ent_group pub;
	size_t first, n;       /* its spells in groups.members */
} group_rec;

static struct {
	ent_status status;
	ent_error error;
	char *text;            /* the table, split in place */
	group_rec *groups;
	size_t n_groups;
	ent_membership *members;
	size_t n_members;
} groups;

static pthread_once_t groups_once = PTHREAD_ONCE_INIT;

static const char *dash_null(const char *s)
{
	return (s == NULL || *s == '\0' || strcmp(s, "-") == 0) ? NULL : s;
}

static ent_status table_error(long line, const char *what, const char *value)
{
	return ent__error_set(&groups.error, ENT_EPARSE, "groups.tsv", line, 0,
		"%s \"%s\"", what, value);
}

static group_rec *find_code(const char *code)
{
	size_t i;

	for (i = 0; i < groups.n_groups; i++) {
		if (strcmp(groups.groups[i].pub.code, code) == 0) {
			return &groups.groups[i];
		}
	}
	return NULL;
}

/* One "member" line: the spell joins its group's run of spells, which
 * must be contiguous in the file. */
static ent_status add_member(char **f, size_t nf, long line)
{
	group_rec *g;
	ent_membership *m;
	ent_date from = 0, until = 0;

	if (nf != 5) {
		return table_error(line, "expected 5 fields in member line", f[0]);
	}
	if ((g = find_code(f[1])) == NULL) {
		return table_error(line, "member of an unknown group", f[1]);
	}
	if (g->n > 0 && g->first + g->n != groups.n_members) {
		return table_error(line, "members of a group must be together",
			f[1]);
	}
	if (ent_state_lookup(f[2]) == NULL ||
		strcmp(ent_state_lookup(f[2])->code, f[2]) != 0) {
		return table_error(line, "not an ISO code of the state table", f[2]);
	}
	if (ent_date_parse(&from, f[3], strlen(f[3])) != ENT_OK ||
		strlen(f[3]) != 10 ||
		(dash_null(f[4]) != NULL &&
			(ent_date_parse(&until, f[4], strlen(f[4])) != ENT_OK ||
				strlen(f[4]) != 10 || until < from))) {
		return table_error(line, "bad dates of", f[2]);
	}
	m = realloc(groups.members, (groups.n_members + 1) * sizeof(*m));
	if (m == NULL) {
		return ent__error_nomem(&groups.error);
	}
	groups.members = m;
	if (g->n == 0) {
		g->first = groups.n_members;
	}
	m[groups.n_members].state = ent_state_lookup(f[2])->code;
	m[groups.n_members].from = from;
	m[groups.n_members].until = until;
	groups.n_members++;
	g->n++;
	return ENT_OK;
}

static ent_status add_group(char **f, size_t nf, long line)
{
	group_rec *g;
	const char *p;

	if (nf != 5) {
		return table_error(line, "expected 5 fields in group line", f[0]);
	}
	for (p = f[1]; *p; p++) {
		if (!(isupper((unsigned char)*p) || isdigit((unsigned char)*p))) {
			return table_error(line, "a group code is capitals and "
				"digits, not", f[1]);
		}
	}
	if (find_code(f[1]) != NULL || ent_state_lookup(f[1]) != NULL) {
		return table_error(line, "repeated group code, or a state's",
			f[1]);
	}
	g = realloc(groups.groups, (groups.n_groups + 1) * sizeof(*g));
	if (g == NULL) {
		return ent__error_nomem(&groups.error);
	}
	groups.groups = g;
	g = &groups.groups[groups.n_groups++];
	memset(g, 0, sizeof(*g));
	g->pub.code = f[1];
	g->pub.name = f[2];
	g->pub.other_names = dash_null(f[3]);
	g->pub.note = f[4];
	return ENT_OK;
}

static ent_status load_groups(void)
{
	const ent__lexicon_file *file = ent__lexicon_find("groups.tsv");
	char *p, *line;
	long lineno = 0;
	ent_status st = ENT_OK;

	if (file == NULL) {
		return ent__error_set(&groups.error, ENT_ERROR, "groups.tsv", 0,
			0, "the group table is not compiled in");
	}
	if ((groups.text = ent__strndup((const char *)file->data, file->len)) ==
		NULL) {
		return ent__error_nomem(&groups.error);
	}
	for (p = groups.text; st == ENT_OK && p != NULL && *p; ) {
		char *f[6];
		size_t nf = 0;
		char *end = strchr(p, '\n');

		line = p;
		if (end != NULL) {
			*end = '\0';
		}
		p = end ? end + 1 : NULL;
		lineno++;
		if (line[0] == '#' || line[0] == '\0') {
			continue;
		}
		while (nf < 6) {
			char *tab = strchr(line, '\t');
			f[nf++] = line;
			if (tab == NULL) {
				break;
			}
			*tab = '\0';
			line = tab + 1;
		}
		if (strcmp(f[0], "group") == 0) {
			st = add_group(f, nf, lineno);
		} else if (strcmp(f[0], "member") == 0) {
			st = add_member(f, nf, lineno);
		} else {
			st = table_error(lineno, "a line is group or member, not",
				f[0]);
		}
	}
	return st;
}

static void groups_free(void)
{
	free(groups.groups);
	free(groups.members);
	free(groups.text);
}

static void groups_init(void)
{
	ent_error err;

	/* the state table first: members are checked against it */
	if ((groups.status = ent_lexicon_check(&err)) != ENT_OK) {
		groups.error = err;
	} else {
		groups.status = load_groups();
	}
	atexit(groups_free);
}

static int groups_ready(void)
{
	pthread_once(&groups_once, groups_init);
	return groups.status == ENT_OK;
}

ent_status ent__groups_check(ent_error *err)
{
	if (groups_ready()) {
		return ENT_OK;
	}
	if (err != NULL) {
		*err = groups.error;
	}
	return groups.status;
}

size_t ent_group_count(void)
{
	return groups_ready() ? groups.n_groups : 0;
}

const ent_group *ent_group_at(size_t i)
{
	return groups_ready() && i < groups.n_groups ? &groups.groups[i].pub
		: NULL;
}

/* 1 when `s` (len bytes) equals one of the ';'-separated names of `list`,
 * in any case. */
static int in_list(const char *list, const char *s, size_t len)
{
	const char *p = list;

	while (p != NULL && *p) {
		const char *end = strchr(p, ';');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n == len && strncasecmp(p, s, len) == 0) {
			return 1;
		}
		p = end ? end + 1 : NULL;
	}
	return 0;
}

const ent_group *ent_group_lookup(const char *name, size_t len)
{
	size_t i;

	if (name == NULL || !groups_ready()) {
		return NULL;
	}
	for (i = 0; i < groups.n_groups; i++) {
		const ent_group *g = &groups.groups[i].pub;

		if ((strlen(g->code) == len && strncasecmp(g->code, name, len) == 0) ||
			(strlen(g->name) == len &&
				strncasecmp(g->name, name, len) == 0) ||
			in_list(g->other_names, name, len)) {
			return g;
		}
	}
	return NULL;
}

static const group_rec *rec_of(const ent_group *g)
{
	return g ? (const group_rec *)(const void *)g : NULL;
}

size_t ent_group_member_count(const ent_group *g)
{
	return g ? rec_of(g)->n : 0;
}

const ent_membership *ent_group_member(const ent_group *g, size_t i)
{
	const group_rec *r = rec_of(g);

	return r && i < r->n ? &groups.members[r->first + i] : NULL;
}

/* The first and last day a packed date stands for (a month or a year
 * covers all of it). */
static void date_span(ent_date d, ent_date *first, ent_date *last)
{
	*first = *last = d;
	if (d % 100 == 0) {
		*last += 31;  /* the 31st of any month orders after its last day */
	}
	if (d / 100 % 100 == 0) {
		*first += 101;
		*last = d + 1231;
	}
}

int ent__group_has_during(const ent_group *g, const char *state,
	ent_date from, ent_date to)
{
	const group_rec *r = rec_of(g);
	size_t i;

	if (r == NULL || state == NULL) {
		return 0;
	}
	for (i = 0; i < r->n; i++) {
		const ent_membership *m = &groups.members[r->first + i];

		if (strcmp(m->state, state) != 0) {
			continue;
		}
		if (from == 0) {
			if (m->until == 0) {
				return 1;
			}
		} else if (m->from <= to && (m->until == 0 || m->until >= from)) {
			return 1;
		}
	}
	return 0;
}

int ent_group_has(const ent_group *g, const char *state, ent_date date)
{
	ent_date first = 0, last = 0;

	if (date != 0) {
		date_span(date, &first, &last);
	}
	return ent__group_has_during(g, state, first, last);
}

int ent__actor_name_match(const ent_actor_name *n, const char *actor,
	ent_date from, ent_date to)
{
	const ent_state *s;
	ent_date first = 0, last = 0, f2, l2;

	switch (n->kind) {
	case ENT_ACTOR_CODE:
		return strcmp(n->code, actor) == 0;
	case ENT_ACTOR_STATE:
		return strcmp(n->code, actor) == 0 ||
			(n->state != NULL && ent_state_of_actor(actor) == n->state);
	case ENT_ACTOR_GROUP:
		s = ent_state_of_actor(actor);
		if (s == NULL) {
			return 0;
		}
		if (from != 0) {
			date_span(from, &first, &l2);
			date_span(to ? to : from, &f2, &last);
		}
		return ent__group_has_during(n->group, s->code, first, last);
	default:
		return 0;
	}
}

/* -- resolving names ----------------------------------------------------- */

/* Optimal string alignment distance (Levenshtein with adjacent
 * transpositions), in any case, capped: a result above `cap` may be any
 * value above it. Names are short; longer ones are not compared. */
#define DIST_MAX 48

static int distance(const char *a, size_t la, const char *b, size_t lb, int cap)
{
	int d[DIST_MAX + 1][DIST_MAX + 1];
	size_t i, j;

	if (la > DIST_MAX || lb > DIST_MAX) {
		return cap + 1;
	}
	if ((la > lb ? la - lb : lb - la) > (size_t)cap) {
		return cap + 1;
	}
	for (i = 0; i <= la; i++) {
		d[i][0] = (int)i;
	}
	for (j = 0; j <= lb; j++) {
		d[0][j] = (int)j;
	}
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			int ca = tolower((unsigned char)a[i - 1]);
			int cb = tolower((unsigned char)b[j - 1]);
			int best = d[i - 1][j - 1] + (ca != cb);

			if (d[i - 1][j] + 1 < best) {
				best = d[i - 1][j] + 1;
			}
			if (d[i][j - 1] + 1 < best) {
				best = d[i][j - 1] + 1;
			}
			if (i > 1 && j > 1 &&
				ca == tolower((unsigned char)b[j - 2]) &&
				tolower((unsigned char)a[i - 2]) == cb &&
				d[i - 2][j - 2] + 1 < best) {
				best = d[i - 2][j - 2] + 1;
			}
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

typedef struct suggestion {
	int dist;
	const char *code;      /* state or group code */
	const char *name;      /* its name */
} suggestion;

typedef struct suggestions {
	suggestion best[3];
	size_t n;
	int cap;
} suggestions;

static void consider(suggestions *sg, const char *name, size_t len,
	const char *cand, size_t cand_len, const char *code, const char *full)
{
	int d = distance(name, len, cand, cand_len, sg->cap);
	size_t i, at;

	if (d > sg->cap) {
		return;
	}
	for (i = 0; i < sg->n; i++) {
		if (strcmp(sg->best[i].code, code) == 0) {
			if (d < sg->best[i].dist) {
				sg->best[i].dist = d;
			}
			return;
		}
	}
	for (at = 0; at < sg->n && sg->best[at].dist <= d; at++) {
	}
	if (at >= 3) {
		return;
	}
	if (sg->n < 3) {
		sg->n++;
	}
	memmove(&sg->best[at + 1], &sg->best[at],
		(sg->n - 1 - at) * sizeof(sg->best[0]));
	sg->best[at].dist = d;
	sg->best[at].code = code;
	sg->best[at].name = full;
}

static void consider_list(suggestions *sg, const char *name, size_t len,
	const char *list, char sep, const char *code, const char *full)
{
	const char *p = list;

	while (p != NULL && *p) {
		const char *end = strchr(p, sep);
		size_t n = end ? (size_t)(end - p) : strlen(p);

		consider(sg, name, len, p, n, code, full);
		p = end ? end + 1 : NULL;
	}
}

size_t ent_actor_name_suggest(const char *name, size_t len,
	unsigned int flags, char *buf, size_t size)
{
	suggestions sg;
	size_t i, k, n = 0;

	if (buf == NULL || size == 0) {
		return 0;
	}
	buf[0] = '\0';
	if (name == NULL || ent__groups_check(NULL) != ENT_OK) {
		return 0;
	}
	memset(&sg, 0, sizeof(sg));
	sg.cap = len <= 4 ? 1 : len <= 8 ? 2 : 3;
	for (i = 0; i < ent_state_count(); i++) {
		const ent_state *s = ent_state_at(i);

		consider(&sg, name, len, s->code, strlen(s->code), s->code,
			s->name);
		consider(&sg, name, len, s->name, strlen(s->name), s->code,
			s->name);
		consider_list(&sg, name, len, s->other_names, ';', s->code,
			s->name);
		consider_list(&sg, name, len, s->aliases, ',', s->code, s->name);
	}
	for (i = 0; (flags & ENT_NAME_GROUPS) && i < ent_group_count(); i++) {
		const ent_group *g = ent_group_at(i);

		consider(&sg, name, len, g->code, strlen(g->code), g->code,
			g->name);
		consider(&sg, name, len, g->name, strlen(g->name), g->code,
			g->name);
		consider_list(&sg, name, len, g->other_names, ';', g->code,
			g->name);
	}
	/* only the nearest: "Rusia" is Russia, not also USA */
	while (sg.n > 1 && sg.best[sg.n - 1].dist > sg.best[0].dist) {
		sg.n--;
	}
	for (k = 0; k < sg.n && n < size; k++) {
		n += (size_t)snprintf(buf + n, size - n, "%s%s (%s)",
			k ? (k + 1 == sg.n ? " or " : ", ") : "", sg.best[k].code,
			sg.best[k].name);
	}
	return sg.n;
}

/* The "unknown actor" error with up to three nearest matches. */
static ent_status unknown(const char *name, size_t len, unsigned int flags,
	ent_error *err)
{
	char upper[ENT_CODE_SIZE], hint[384] = "", near[160];
	size_t i, k, n = 0;
	int looks_like_code = len > 0 && len < ENT_CODE_SIZE;

	for (i = 0; i < len && looks_like_code; i++) {
		if (!isalnum((unsigned char)name[i])) {
			looks_like_code = 0;
		} else {
			upper[i] = (char)toupper((unsigned char)name[i]);
		}
	}
	if (looks_like_code) {
		upper[len] = '\0';
	}
	/* "rusgov": a CAMEO code (country and sector triples) written in
	 * small letters */
	for (i = 0; i < len && looks_like_code; i++) {
		looks_like_code = islower((unsigned char)name[i]) ||
			isdigit((unsigned char)name[i]);
	}
	if (looks_like_code && len >= 6 && len % 3 == 0 &&
		ent_state_of_actor(upper) != NULL) {
		n += (size_t)snprintf(hint, sizeof(hint), "%s (codes are written "
			"in capitals)", upper);
	}
	k = ent_actor_name_suggest(name, len, flags, near, sizeof(near));
	if (k > 0 && n < sizeof(hint)) {
		/* after the capitals hint: "X or A", "X, A or B" */
		snprintf(hint + n, sizeof(hint) - n, "%s%s",
			n == 0 ? "" : k == 1 ? " or " : ", ", near);
	}
	if (hint[0]) {
		return ent__error_set(err, ENT_ENOTFOUND, NULL, 0, 0,
			"unknown actor \"%.*s\"; did you mean %s?",
			(int)(len > 40 ? 40 : len), name, hint);
	}
	return ent__error_set(err, ENT_ENOTFOUND, NULL, 0, 0,
		"unknown actor \"%.*s\" (give a state's name or code%s, or an "
		"actor code in capitals)", (int)(len > 40 ? 40 : len), name,
		(flags & ENT_NAME_GROUPS) ? ", a group" : "");
}

ent_status ent_actor_name_resolve(ent_actor_name *out, const char *name,
	size_t len, unsigned int flags, ent_error *err)
{
	const ent_state *s = NULL;
	const ent_group *g;
	char code[ENT_CODE_SIZE];
	size_t i;
	int capitals = 1;
	ent_status st;

	if (out == NULL || (name == NULL && len > 0)) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_actor_name_resolve: NULL argument");
	}
	memset(out, 0, sizeof(*out));
	if ((st = ent__groups_check(err)) != ENT_OK) {
		return st;
	}
	while (len > 0 && isspace((unsigned char)*name)) {
		name++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)name[len - 1])) {
		len--;
	}
	if (len == 0) {
		return ent__error_set(err, ENT_ENOTFOUND, NULL, 0, 0,
			"an empty actor name");
	}
	/* rule 1: a state's code or alias code, in any case */
	if (len < ENT_CODE_SIZE) {
		for (i = 0; i < len; i++) {
			code[i] = (char)toupper((unsigned char)name[i]);
			capitals = capitals && (isupper((unsigned char)name[i]) ||
				isdigit((unsigned char)name[i]));
		}
		code[len] = '\0';
		if ((len == 2 || len == 3) && (s = ent_state_lookup(code)) != NULL) {
			out->kind = ENT_ACTOR_STATE;
			memcpy(out->code, code, len + 1);
			out->state = s;
			return ENT_OK;
		}
	}
	/* rule 2: a group */
	if ((flags & ENT_NAME_GROUPS) &&
		(g = ent_group_lookup(name, len)) != NULL) {
		out->kind = ENT_ACTOR_GROUP;
		snprintf(out->code, sizeof(out->code), "%s", g->code);
		out->group = g;
		return ENT_OK;
	}
	/* rule 3: a state's name */
	if ((s = ent_state_by_name(name, len)) != NULL) {
		out->kind = ENT_ACTOR_STATE;
		snprintf(out->code, sizeof(out->code), "%s", s->code);
		out->state = s;
		return ENT_OK;
	}
	/* rule 4: an actor code, written in capitals */
	if (len < ENT_CODE_SIZE && capitals) {
		out->kind = ENT_ACTOR_CODE;
		memcpy(out->code, code, len + 1);
		out->state = ent_state_of_actor(code);
		return ENT_OK;
	}
	return unknown(name, len, flags, err);
}
