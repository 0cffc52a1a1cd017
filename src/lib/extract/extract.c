/* SPDX-License-Identifier: MIT */
/*
 * The extractor object: dictionaries loaded once (the state table,
 * actors.tsv, verbs.tsv and the user's files), documents split into
 * sentences and coded one at a time (roles.c).
 */
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "extract_internal.h"

static ent_status load_embedded(
	ent_extractor *ex, const char *name, int verbs, ent_error *err)
{
	const ent__lexicon_file *f = ent__lexicon_find(name);

	if (f == NULL) {
		return ent__error_set(err, ENT_ERROR, name, 0, 0,
			"the dictionary is not compiled in");
	}
	return verbs
		? ex_load_verbs(ex, (const char *)f->data, f->len, name, err)
		: ex_load_actors(ex, (const char *)f->data, f->len, name, err);
}

/* A user dictionary bigger than this is not a dictionary: refused as it is
 * read, before it fills memory. The built-in actor list is under 1 MiB. */
#define USER_DICT_MAX_BYTES ((size_t)64 << 20)

static ent_status load_user(
	ent_extractor *ex, const char *path, int verbs, ent_error *err)
{
	char *buf = NULL;
	size_t len = 0;
	ent_status st;

	if ((st = ent_read_file(&buf, &len, path, USER_DICT_MAX_BYTES, err)) !=
		ENT_OK) {
		return st;
	}
	st = verbs ? ex_load_verbs(ex, buf, len, path, err)
		   : ex_load_actors(ex, buf, len, path, err);
	free(buf);
	return st;
}

ent_status ent_extractor_create(
	ent_extractor **out, const ent_extract_options *opts, ent_error *err)
{
	ent_extractor *ex = NULL;
	ent_status st = ENT_OK;

	if (out == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_extractor_create: out is NULL");
	}
	*out = NULL;
	if ((ex = calloc(1, sizeof(*ex))) == NULL) {
		return ent__error_nomem(err);
	}
	ex->stemmer = sb_stemmer_new("english", NULL);
	if (ex->stemmer == NULL) {
		st = ent__error_nomem(err);
		goto done;
	}
	if (opts != NULL) {
		ex->default_date = opts->default_date;
	}
	if ((st = ex_words_check(err)) != ENT_OK ||
		(st = ex_load_roots(ex, err)) != ENT_OK) {
		goto done;
	}
	/* later entries win ties: states, then the gazetteer, then actors.tsv,
	 * then the user's */
	if ((st = ex_load_states(ex, err)) != ENT_OK ||
		(st = load_embedded(ex, "places.tsv", 0, err)) != ENT_OK ||
		(st = load_embedded(ex, "actors.tsv", 0, err)) != ENT_OK ||
		(st = load_embedded(ex, "verbs.tsv", 1, err)) != ENT_OK) {
		goto done;
	}
	if (opts != NULL && opts->actor_dict != NULL &&
		(st = load_user(ex, opts->actor_dict, 0, err)) != ENT_OK) {
		goto done;
	}
	if (opts != NULL && opts->verb_dict != NULL &&
		(st = load_user(ex, opts->verb_dict, 1, err)) != ENT_OK) {
		goto done;
	}
done:
	if (st != ENT_OK) {
		ent_extractor_destroy(ex);
		return st;
	}
	*out = ex;
	return ENT_OK;
}

void ent_extractor_destroy(ent_extractor *ex)
{
	if (ex == NULL) {
		return;
	}
	if (ex->stemmer != NULL) {
		sb_stemmer_delete(ex->stemmer);
	}
	free(ex->words);
	ex_map_free(&ex->head_nouns);
	ex_map_free(&ex->orgwords);
	free(ex->heads);
	ex_table_free(&ex->actors);
	ex_table_free(&ex->verbs);
	free(ex->toks);
	ex_scratch_free(ex->scratch);
	free(ex);
}

void ent_extractor_stats(const ent_extractor *ex, ent_extract_stats *out)
{
	if (out == NULL) {
		return;
	}
	if (ex == NULL) {
		memset(out, 0, sizeof(*out));
		return;
	}
	*out = ex->work;
}

ent_status ent_extract_text(ent_extractor *ex, const char *text, size_t len,
	const char *doc, ent_event_cb cb, void *payload, ent_error *err)
{
	size_t pos = 0, s, e;
	long number = 0;
	ent_status st;

	if (ex == NULL || (text == NULL && len > 0) || cb == NULL) {
		return ent__error_set(err, ENT_EINVAL, doc, 0, 0,
			"ent_extract_text: NULL extractor, text or callback");
	}
	if (len > UINT32_MAX) {
		return ent__error_set(err, ENT_ELIMIT, doc, 0, 0,
			"a text document is limited to 4 GiB");
	}
	/* text, not binary: checked once up front so every later stage can
	 * rely on well-formed UTF-8 */
	{
		size_t bad = ent__utf8_check(text, len);
		const char *nul = memchr(text, '\0', len);
		long line, column;

		if (nul != NULL && (size_t)(nul - text) < bad) {
			ent__offset_to_position(text, len, (size_t)(nul - text),
				&line, &column);
			return ent__error_set(err, ENT_EPARSE, doc, line,
				column, "a NUL byte: binary data, not text");
		}
		if (bad < len) {
			ent__offset_to_position(text, len, bad, &line, &column);
			return ent__error_set(err, ENT_EPARSE, doc, line,
				column,
				"invalid UTF-8 (byte 0x%02X); convert the text "
				"to UTF-8 first",
				(unsigned char)text[bad]);
		}
	}
	ex->n_last_subject = 0;
	ex->n_last_pair = 0;
	ex->n_last_list = 0;
	ex->n_recent = 0;
	ex->n_doc_events = 0;
	{
		const char *base = doc ? doc : "text", *dot;

		if (strrchr(base, '/') != NULL) {
			base = strrchr(base, '/') + 1;
		}
		dot = strrchr(base, '.');
		ex->doc_base = base;
		ex->doc_base_len = dot && dot != base ? (size_t)(dot - base)
						      : strlen(base);
	}
	ex->doc_date = ent_extract_document_date(text, len, ex->default_date);
	if (ex->doc_date == 0) {
		ex->doc_date = ex->default_date;
	}
	while (pos < len) {
		pos = ent_sentence_next(text, len, pos, &s, &e);
		if (e <= s) {
			break;
		}
		number++;
		if (e - s > ENT_EXTRACT_MAX_SENTENCE) {
			long line, column;
			ent__offset_to_position(text, len, s, &line, &column);
			return ent__error_set(err, ENT_ELIMIT, doc, line,
				column,
				"sentence %ld is longer than %d bytes (the "
				"limit)",
				number, ENT_EXTRACT_MAX_SENTENCE);
		}
		st = ex_sentence(ex, text, s, e, number, doc, cb, payload, err);
		if (st != ENT_OK) {
			return st;
		}
	}
	return ENT_OK;
}

/* -- scoring against a gold table ----------------------------------------- */

typedef struct triple {
	char s[ENT_CODE_SIZE], t[ENT_CODE_SIZE];
	char p;
} triple;

typedef struct tset {
	triple *v;
	size_t n, cap;
} tset;

static int tset_has(const tset *ts, const triple *t)
{
	size_t i;

	for (i = 0; i < ts->n; i++) {
		if (ts->v[i].p == t->p && strcmp(ts->v[i].s, t->s) == 0 &&
			strcmp(ts->v[i].t, t->t) == 0) {
			return 1;
		}
	}
	return 0;
}

static int tset_add(tset *ts, const triple *t)
{
	if (tset_has(ts, t)) {
		return 0;
	}
	if (ts->n == ts->cap) {
		size_t cap = ts->cap ? ts->cap * 2 : 16;
		triple *nv = realloc(ts->v, cap * sizeof(*nv));

		if (nv == NULL) {
			return -1;
		}
		ts->v = nv;
		ts->cap = cap;
	}
	ts->v[ts->n++] = *t;
	return 0;
}

/* The state of an actor code as the scorer reduces it. */
static int state3(char out[ENT_CODE_SIZE], const char *code)
{
	const ent_state *st = ent_state_of_actor(code);

	if (st == NULL) {
		return 0;
	}
	snprintf(out, ENT_CODE_SIZE, "%s", st->code);
	return 1;
}

static ent_status collect_cb(const ent_event *ev, void *payload)
{
	tset *ts = payload;
	triple t;

	memset(&t, 0, sizeof(t));
	/* a negated event reports what did not happen: no prediction */
	if ((ev->flags & ENT_FLAG_NEGATED) || !state3(t.s, ev->source) ||
		!state3(t.t, ev->target) || strcmp(t.s, t.t) == 0 ||
		ev->quad < 1 || ev->quad > 4) {
		return ENT_OK;
	}
	t.p = ev->quad <= 2 ? 'c' : 'x';
	return tset_add(ts, &t) ? ENT_ENOMEM : ENT_OK;
}

/* Parse one gold cell [s, e) into `ts`. */
static ent_status parse_cell(tset *ts, const char *buf, size_t s, size_t e,
	const char *source, long line, ent_error *err)
{
	size_t i = s;

	while (i < e) {
		size_t a = i, b, colon, arrow;
		int both = 0;
		triple t;
		char x[ENT_CODE_SIZE], y[ENT_CODE_SIZE];

		while (a < e && buf[a] == ' ') {
			a++;
		}
		b = a;
		while (b < e && buf[b] != ';') {
			b++;
		}
		i = b + 1;
		while (b > a && buf[b - 1] == ' ') {
			b--;
		}
		if (a == b) {
			continue;
		}
		colon = b;
		while (colon > a && buf[colon - 1] != ':') {
			colon--;
		}
		if (colon == a || colon + 1 != b ||
			(buf[colon] != 'c' && buf[colon] != 'x')) {
			return ent__error_set(err, ENT_EPARSE, source, line,
				(long)(a - s + 1),
				"an event cell item must be "
				"SRC>TGT:c, SRC>TGT:x or A<>B:c");
		}
		colon--;
		for (arrow = a;
			arrow < colon && buf[arrow] != '>' && buf[arrow] != '<';
			arrow++) {
		}
		if (arrow == colon) {
			return ent__error_set(err, ENT_EPARSE, source, line,
				(long)(a - s + 1),
				"an event cell item needs > or <>");
		}
		if (buf[arrow] == '<') {
			if (arrow + 1 >= colon || buf[arrow + 1] != '>') {
				return ent__error_set(err, ENT_EPARSE, source,
					line, (long)(arrow - s + 1),
					"expected <>");
			}
			both = 1;
		}
		if (arrow - a == 0 || arrow - a >= sizeof(x) ||
			colon - (arrow + 1 + (size_t)both) == 0 ||
			colon - (arrow + 1 + (size_t)both) >= sizeof(y)) {
			return ent__error_set(err, ENT_EPARSE, source, line,
				(long)(a - s + 1),
				"bad actor code in event cell");
		}
		memcpy(x, buf + a, arrow - a);
		x[arrow - a] = '\0';
		memcpy(y, buf + arrow + 1 + both, colon - (arrow + 1 + both));
		y[colon - (arrow + 1 + both)] = '\0';
		memset(&t, 0, sizeof(t));
		t.p = buf[colon + 1];
		snprintf(t.s, sizeof(t.s), "%s", x);
		snprintf(t.t, sizeof(t.t), "%s", y);
		if (tset_add(ts, &t)) {
			return ENT_ENOMEM;
		}
		if (both) {
			snprintf(t.s, sizeof(t.s), "%s", y);
			snprintf(t.t, sizeof(t.t), "%s", x);
			if (tset_add(ts, &t)) {
				return ENT_ENOMEM;
			}
		}
	}
	return ENT_OK;
}

static int by_triple(const void *a, const void *b)
{
	const triple *x = a, *y = b;
	int c = strcmp(x->s, y->s);

	if (c == 0) {
		c = strcmp(x->t, y->t);
	}
	return c != 0 ? c : x->p - y->p;
}

/* "A>B:c A>C:x" of the triples in `a` that are not in b1 or b2. */
static int list_diff(ent__buf *out, tset *a, const tset *b1, const tset *b2)
{
	size_t i;
	int any = 0;

	out->len = 0;
	qsort(a->v, a->n, sizeof(triple), by_triple);
	for (i = 0; i < a->n; i++) {
		if (tset_has(b1, &a->v[i]) || (b2 && tset_has(b2, &a->v[i]))) {
			continue;
		}
		if (ent__buf_printf(out, "%s%s>%s:%c", any ? " " : "",
			    a->v[i].s, a->v[i].t, a->v[i].p)) {
			return -1;
		}
		any = 1;
	}
	if (!any && ent__buf_puts(out, "-")) {
		return -1;
	}
	return 0;
}

/* The header's column indexes. */
typedef struct columns {
	long id, text, req, opt;
} columns;

/* Split the line [s, e) on tabs into at most 16 fields. */
static size_t tab_fields(
	const char *tsv, size_t s, size_t e, size_t *fs, size_t *fe)
{
	size_t nf = 0, i;

	fs[0] = s;
	for (i = s; i < e && nf < 15; i++) {
		if (tsv[i] == '\t') {
			fe[nf++] = i;
			fs[nf] = i + 1;
		}
	}
	fe[nf++] = e;
	return nf;
}

static ent_status read_header(columns *col, const char *tsv, const size_t *fs,
	const size_t *fe, size_t nf, const char *source, ent_error *err)
{
	size_t i;

	col->id = col->text = col->req = col->opt = -1;
	for (i = 0; i < nf; i++) {
		const char *h = tsv + fs[i];
		size_t n = fe[i] - fs[i];

		if (n == 2 && memcmp(h, "id", 2) == 0) {
			col->id = (long)i;
		} else if (n == 8 && memcmp(h, "sentence", 8) == 0) {
			col->text = (long)i;
		} else if (n == 8 && memcmp(h, "required", 8) == 0) {
			col->req = (long)i;
		} else if (n == 8 && memcmp(h, "optional", 8) == 0) {
			col->opt = (long)i;
		}
	}
	if (col->id < 0 || col->text < 0 || col->req < 0) {
		return ent__error_set(err, ENT_EPARSE, source, 1, 1,
			"the header must name the columns id, sentence, "
			"required (and optional)");
	}
	return ENT_OK;
}

/* Working buffers of a scoring run. */
typedef struct scoring {
	tset got, req, opt;
	ent__buf missed, extra, path, id;
	char *doc;
} scoring;

/* Extract the row's text (or its "@FILE") into sc->got. */
static ent_status extract_row(scoring *sc, ent_extractor *ex, const char *tsv,
	size_t s, size_t e, const char *base_dir, ent_error *err)
{
	size_t dl = 0;
	ent_status st;

	if (!(e > s && tsv[s] == '@')) {
		return ent_extract_text(ex, tsv + s, e - s, sc->id.data,
			collect_cb, &sc->got, err);
	}
	sc->path.len = 0;
	if ((base_dir && *base_dir &&
		    (ent__buf_puts(&sc->path, base_dir) ||
			    ent__buf_puts(&sc->path, "/"))) ||
		ent__buf_put(&sc->path, tsv + s + 1, e - s - 1) ||
		ent__buf_put(&sc->path, "", 1)) {
		return ent__error_nomem(err);
	}
	free(sc->doc);
	sc->doc = NULL;
	if ((st = ent_read_file(&sc->doc, &dl, sc->path.data,
		     ENT_TEXT_MAX_BYTES, err)) != ENT_OK) {
		return st;
	}
	return ent_extract_text(
		ex, sc->doc, dl, sc->id.data, collect_cb, &sc->got, err);
}

/* Count the row's predictions into `out` and report a differing row. */
static ent_status count_row(ent_extract_score *out, scoring *sc,
	ent_score_row_fn on_row, void *payload, ent_error *err)
{
	size_t i, differs = 0;

	out->rows++;
	out->required += sc->req.n;
	out->predicted += sc->got.n;
	for (i = 0; i < sc->got.n; i++) {
		triple flip = sc->got.v[i];
		int in_req = tset_has(&sc->req, &sc->got.v[i]);
		int in_opt = tset_has(&sc->opt, &sc->got.v[i]);

		out->correct += in_req || in_opt;
		out->recalled += in_req;
		differs += !in_req && !in_opt;
		flip.p = flip.p == 'c' ? 'x' : 'c';
		if (tset_has(&sc->req, &flip) || tset_has(&sc->opt, &flip)) {
			out->sign_errors++;
		}
	}
	for (i = 0; i < sc->req.n; i++) {
		differs += !tset_has(&sc->got, &sc->req.v[i]);
	}
	if (on_row == NULL || !differs) {
		return ENT_OK;
	}
	if (list_diff(&sc->missed, &sc->req, &sc->got, NULL) ||
		list_diff(&sc->extra, &sc->got, &sc->req, &sc->opt)) {
		return ent__error_nomem(err);
	}
	on_row(sc->id.data, sc->missed.data, sc->extra.data, payload);
	return ENT_OK;
}

/* One row of the table (fields fs/fe, line number `line`). */
static ent_status score_row(ent_extract_score *out, scoring *sc,
	ent_extractor *ex, const char *tsv, const columns *col,
	const size_t *fs, const size_t *fe, size_t nf, long line,
	const char *source, const char *base_dir, ent_score_row_fn on_row,
	void *payload, ent_error *err)
{
	ent_status st;

	sc->got.n = sc->req.n = sc->opt.n = 0;
	if ((long)nf > col->req &&
		(st = parse_cell(&sc->req, tsv, fs[col->req], fe[col->req],
			 source, line, err)) != ENT_OK) {
		return st;
	}
	if (col->opt >= 0 && (long)nf > col->opt &&
		(st = parse_cell(&sc->opt, tsv, fs[col->opt], fe[col->opt],
			 source, line, err)) != ENT_OK) {
		return st;
	}
	if ((long)nf <= col->text) {
		return ent__error_set(err, ENT_EPARSE, source, line, 1,
			"the row has no sentence column");
	}
	sc->id.len = 0;
	if (ent__buf_put(
		    &sc->id, tsv + fs[col->id], fe[col->id] - fs[col->id]) ||
		ent__buf_put(&sc->id, "", 1)) {
		return ent__error_nomem(err);
	}
	if ((st = extract_row(sc, ex, tsv, fs[col->text], fe[col->text],
		     base_dir, err)) != ENT_OK) {
		return st;
	}
	return count_row(out, sc, on_row, payload, err);
}

ent_status ent_extract_score_table(ent_extract_score *out, ent_extractor *ex,
	const char *tsv, size_t len, const char *source, const char *base_dir,
	ent_score_row_fn on_row, void *payload, ent_error *err)
{
	size_t pos = 0;
	long line = 0;
	columns col = {-1, -1, -1, -1};
	scoring sc;
	ent_status st = ENT_OK;

	if (out == NULL || ex == NULL || (tsv == NULL && len > 0)) {
		return ent__error_set(err, ENT_EINVAL, source, 0, 0,
			"ent_extract_score_table: NULL argument");
	}
	memset(out, 0, sizeof(*out));
	memset(&sc, 0, sizeof(sc));
	while (pos < len) {
		size_t s = pos, e, fs[16], fe[16], nf;

		while (pos < len && tsv[pos] != '\n') {
			pos++;
		}
		e = pos;
		pos = pos < len ? pos + 1 : len;
		if (e > s && tsv[e - 1] == '\r') {
			e--;
		}
		line++;
		nf = tab_fields(tsv, s, e, fs, fe);
		if (line == 1) {
			if ((st = read_header(&col, tsv, fs, fe, nf, source,
				     err)) != ENT_OK) {
				goto done;
			}
		} else if (e > s &&
			(st = score_row(out, &sc, ex, tsv, &col, fs, fe, nf,
				 line, source, base_dir, on_row, payload,
				 err)) != ENT_OK) {
			goto done;
		}
	}
	if (line == 0) {
		st = ent__error_set(err, ENT_EPARSE, source, 1, 1,
			"the gold table is empty");
		goto done;
	}
	out->precision = out->predicted
		? (double)out->correct / (double)out->predicted
		: 0.0;
	out->recall = out->required
		? (double)out->recalled / (double)out->required
		: 0.0;
	out->f1 = out->precision + out->recall > 0 ? 2.0 * out->precision *
			out->recall / (out->precision + out->recall)
						   : 0.0;
done:
	if (st == ENT_ENOMEM && (err == NULL || err->code == ENT_OK)) {
		st = ent__error_nomem(err);
	}
	free(sc.got.v);
	free(sc.req.v);
	free(sc.opt.v);
	free(sc.doc);
	ent__buf_free(&sc.missed);
	ent__buf_free(&sc.extra);
	ent__buf_free(&sc.path);
	ent__buf_free(&sc.id);
	return st;
}
