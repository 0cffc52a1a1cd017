/* SPDX-License-Identifier: MIT */
/*
 * ICEWS event files: tab-separated with a header row naming the columns
 * (Event ID, Event Date, Source Name, Source Sectors, Source Country, Event
 * Text, CAMEO Code, Intensity, Target Name, ...). Countries are English
 * names, mapped to state codes through the state table; Intensity is the
 * Goldstein weight; "NA" marks a missing value.
 */
#include <string.h>
#include <strings.h>

#include "io/io_internal.h"

#define MAX_COLS 64

int ent__icews_is_header(const char *line, size_t len)
{
	static const char *const need[] = {"Event Date", "Source Country",
		"Target Country", "CAMEO Code", "Intensity"};
	size_t i;

	if (memchr(line, '\t', len) == NULL) {
		return 0;
	}
	for (i = 0; i < sizeof(need) / sizeof(*need); i++) {
		size_t m = strlen(need[i]);
		const char *p = line, *end = line + len;
		int found = 0;
		while (p < end) {
			const char *tab = memchr(p, '\t', (size_t)(end - p));
			size_t flen = tab ? (size_t)(tab - p) : (size_t)(end - p);
			if (flen == m && memcmp(p, need[i], m) == 0) {
				found = 1;
				break;
			}
			p += flen + 1;
		}
		if (!found) {
			return 0;
		}
	}
	return 1;
}

ent_status ent__icews_header(ent__icews_state *st, const char *line,
	size_t len, const char *path, ent_error *err)
{
	static const struct {
		const char *name;
		size_t off;
		int required;
	} cols[] = {
		{"Event ID", offsetof(ent__icews_state, id), 0},
		{"Event Date", offsetof(ent__icews_state, date), 1},
		{"Source Name", offsetof(ent__icews_state, source_name), 0},
		{"Source Country", offsetof(ent__icews_state, source_country), 1},
		{"CAMEO Code", offsetof(ent__icews_state, code), 1},
		{"Intensity", offsetof(ent__icews_state, intensity), 1},
		{"Target Name", offsetof(ent__icews_state, target_name), 0},
		{"Target Country", offsetof(ent__icews_state, target_country), 1},
	};
	const char *p = line, *end = line + len;
	size_t i, col = 0;

	for (i = 0; i < sizeof(cols) / sizeof(*cols); i++) {
		*(int *)((char *)st + cols[i].off) = -1;
	}
	while (p <= end) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		size_t flen = tab ? (size_t)(tab - p) : (size_t)(end - p);
		for (i = 0; i < sizeof(cols) / sizeof(*cols); i++) {
			if (strlen(cols[i].name) == flen &&
				memcmp(p, cols[i].name, flen) == 0) {
				*(int *)((char *)st + cols[i].off) = (int)col;
			}
		}
		col++;
		if (tab == NULL) {
			break;
		}
		p = tab + 1;
	}
	if (col > MAX_COLS) {
		return ent__error_set(err, ENT_EPARSE, path, 1, 1, "ICEWS "
			"header has %zu columns, at most %d are read", col,
			MAX_COLS);
	}
	for (i = 0; i < sizeof(cols) / sizeof(*cols); i++) {
		if (cols[i].required && *(int *)((char *)st + cols[i].off) < 0) {
			return ent__error_set(err, ENT_EPARSE, path, 1, 1,
				"ICEWS header has no \"%s\" column",
				cols[i].name);
		}
	}
	st->n_columns = col;
	return ENT_OK;
}

static int is_na(const char *s, size_t len)
{
	return len == 0 || (len == 2 && s[0] == 'N' && s[1] == 'A');
}

/* The state code of a country name ("" when it names no state, "NA").
 * Bare "Congo" is left out of the state table as ambiguous, but ICEWS
 * names the two states "Congo" (Brazzaville) and "Democratic Republic of
 * Congo", so in this format it is the Republic of the Congo. */
static void country(char out[ENT_CODE_SIZE], const char *name, size_t len)
{
	const ent_state *s = is_na(name, len) ? NULL :
		len == 5 && strncasecmp(name, "Congo", 5) == 0 ?
		ent_state_lookup("COG") : ent_state_by_name(name, len);

	out[0] = '\0';
	if (s != NULL && strlen(s->code) < ENT_CODE_SIZE) {
		strcpy(out, s->code);
	}
}

#define F(i) (line + starts[i])
#define L(i) ((size_t)(i) + 1 < n ? starts[(i) + 1] - 1 - starts[i] : \
	len - starts[i])
#define COL(i) ((long)starts[i] + 1)

void ent__icews_row(const void *state, char *line, size_t len,
	ent__record *rec)
{
	const ent__icews_state *st = state;
	size_t starts[MAX_COLS + 1];
	size_t n = 1, i;
	ent_event *ev = &rec->u.ev;
	const ent_cameo *cameo;
	int c;

	starts[0] = 0;
	for (i = 0; i < len; i++) {
		if (line[i] == '\t') {
			line[i] = '\0';
			if (n <= MAX_COLS) {
				starts[n] = i + 1;
			}
			n++;
		}
	}
	if (n != st->n_columns) {
		ent__row_broken(rec, n > st->n_columns && n <= MAX_COLS ?
			COL(st->n_columns) : 1, "%zu columns, the header has %zu",
			n, st->n_columns);
		return;
	}
	ent_event_init(ev);
	/* free text is kept only when it is clean (valid UTF-8, one line) */
	if (st->id >= 0 && !is_na(F(st->id), L(st->id)) &&
		ent__text_ok(F(st->id), L(st->id))) {
		ev->id = F(st->id);
	}
	c = st->date;
	if (ent_date_parse(&ev->date, F(c), L(c)) != ENT_OK) {
		ent__row_broken(rec, COL(c), "Event Date \"%.*s\" is not a "
			"date YYYY-MM-DD", (int)(L(c) < 20 ? L(c) : 20), F(c));
		return;
	}
	country(ev->source, F(st->source_country), L(st->source_country));
	country(ev->target, F(st->target_country), L(st->target_country));
	if (st->source_name >= 0 && !is_na(F(st->source_name),
		L(st->source_name)) && ent__text_ok(F(st->source_name),
		L(st->source_name))) {
		ev->source_text = F(st->source_name);
	}
	if (st->target_name >= 0 && !is_na(F(st->target_name),
		L(st->target_name)) && ent__text_ok(F(st->target_name),
		L(st->target_name))) {
		ev->target_text = F(st->target_name);
	}
	c = st->code;
	if (L(c) < 2 || L(c) > 4 || (cameo = ent_cameo_lookup(F(c))) == NULL) {
		ent__row_broken(rec, COL(c), "CAMEO Code \"%.*s\" is not in the "
			"CAMEO codebook", (int)(L(c) < 20 ? L(c) : 20), F(c));
		return;
	}
	memcpy(ev->code, F(c), L(c) + 1);
	ev->quad = cameo->quad;
	ev->goldstein = cameo->goldstein;
	c = st->intensity;
	if (!is_na(F(c), L(c)) && (ent__parse_double(F(c), L(c),
		&ev->goldstein) < 0 || ev->goldstein < -10 ||
		ev->goldstein > 10)) {
		ent__row_broken(rec, COL(c), "Intensity \"%.*s\" is not a "
			"number from -10 to 10", (int)(L(c) < 20 ? L(c) : 20),
			F(c));
		return;
	}
	rec->kind = ENT__ROW_EVENT;
}
