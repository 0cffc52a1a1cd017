/* SPDX-License-Identifier: MIT */
/*
 * The extractor's dictionaries: what CAMEO roots do, actor phrases
 * (from the state table and actors.tsv), agent head nouns and event
 * phrases (verbs.tsv), compiled into hash-indexed phrase tables.
 *
 * actors.tsv: PHRASE <TAB> CODE <TAB> TYPE, TYPE one of state (a noun
 * phrase for the actor CODE), adj (an adjective that needs a head noun),
 * block (a non-state organisation; CODE "-"), head (an agent head noun;
 * CODE is its sector suffix or "-"), orgword (a word that turns a state
 * name next to it into an organisation name), ref-one, ref-many, ref-pair,
 * ref-other
 * (references resolved within the document).
 *
 * verbs.tsv: PHRASE <TAB> CODE <TAB> OPTIONS. PHRASE is words separated by
 * spaces, matched on their Snowball stems; "a|b" gives alternatives for one
 * word, "*" or "*N" skips up to 3 (or N) words. CODE is a CAMEO code, or
 * "-" for the control verbs. OPTIONS (comma-separated, or "-"): sym, noun,
 * rev, ctl, negator, notgt, modal, neg=CODE.
 */
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "extract_internal.h"

/* Words in an inserted date (", on Monday,"). */
#define WIN_INSERTED 4

/* -- maps ------------------------------------------------------------- */

static int map_grow(ex_map *m)
{
	size_t cap = m->cap ? m->cap * 2 : 256, i;
	uint64_t *keys = calloc(cap, sizeof(*keys));
	int32_t *vals = calloc(cap, sizeof(*vals));

	if (keys == NULL || vals == NULL) {
		free(keys);
		free(vals);
		return -1;
	}
	for (i = 0; i < m->cap; i++) {
		if (m->keys[i] != 0) {
			size_t j = (size_t)m->keys[i] & (cap - 1);

			while (keys[j] != 0) {
				j = (j + 1) & (cap - 1);
			}
			keys[j] = m->keys[i];
			vals[j] = m->vals[i];
		}
	}
	free(m->keys);
	free(m->vals);
	m->keys = keys;
	m->vals = vals;
	m->cap = cap;
	return 0;
}

int ex_map_put(ex_map *m, uint64_t key, int32_t val)
{
	size_t j;

	if (key == 0) {
		key = 1;
	}
	if ((m->n + 1) * 2 > m->cap && map_grow(m) != 0) {
		return -1;
	}
	j = (size_t)key & (m->cap - 1);
	while (m->keys[j] != 0 && m->keys[j] != key) {
		j = (j + 1) & (m->cap - 1);
	}
	if (m->keys[j] == 0) {
		m->n++;
	}
	m->keys[j] = key;
	m->vals[j] = val;
	return 0;
}

int32_t ex_map_get(const ex_map *m, uint64_t key)
{
	size_t j;

	if (m->cap == 0) {
		return -1;
	}
	if (key == 0) {
		key = 1;
	}
	j = (size_t)key & (m->cap - 1);
	while (m->keys[j] != 0) {
		if (m->keys[j] == key) {
			return m->vals[j];
		}
		j = (j + 1) & (m->cap - 1);
	}
	return -1;
}

void ex_map_free(ex_map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

void ex_table_free(ex_table *t)
{
	free(t->phrases);
	free(t->items);
	free(t->pool);
	ex_map_free(&t->heads);
	memset(t, 0, sizeof(*t));
}

static int next_line(
	const char *buf, size_t len, size_t *pos, size_t *s, size_t *e);
static size_t split(const char *buf, size_t s, size_t e, size_t *fs, size_t *fe,
	size_t max);
static int field_is(const char *buf, size_t s, size_t e, const char *w);

/* -- CAMEO roots ------------------------------------------------------ */

/* Behaviour names of roots.tsv and their bits. */
static const struct {
	const char *name;
	uint8_t bit;
} root_behaviours[] = {
	{"place-target", EXR_PLACE_TARGET},
	{"condition-target", EXR_CONDITION_TARGET},
	{"of-agent", EXR_OF_AGENT},
};

/* roots.tsv: ROOT <TAB> BEHAVIOUR, ROOT two digits of a CAMEO root. */
ent_status ex_load_roots(ent_extractor *ex, ent_error *err)
{
	const ent__lexicon_file *f = ent__lexicon_find("roots.tsv");
	const char *buf;
	size_t pos = 0, s, e, k;
	long line = 0;

	if (f == NULL) {
		return ent__error_set(err, ENT_ERROR, "roots.tsv", 0, 0,
			"the dictionary is not compiled in");
	}
	buf = (const char *)f->data;
	while (next_line(buf, f->len, &pos, &s, &e)) {
		size_t fs[3] = {0}, fe[3] = {0};
		int root;

		line++;
		if (e == s || buf[s] == '#') {
			continue;
		}
		if (split(buf, s, e, fs, fe, 2) != 2 || fe[0] - fs[0] != 2 ||
			buf[fs[0]] < '0' || buf[fs[0]] > '2' ||
			buf[fs[0] + 1] < '0' || buf[fs[0] + 1] > '9') {
			return ent__error_set(err, ENT_EPARSE, "roots.tsv",
				line, 1,
				"expected ROOT (two digits) <TAB> BEHAVIOUR");
		}
		root = (buf[fs[0]] - '0') * 10 + (buf[fs[0] + 1] - '0');
		if ((fe[1] - fs[1] > 7 &&
			    memcmp(buf + fs[1], "intent=", 7) == 0) ||
			(fe[1] - fs[1] > 8 &&
				memcmp(buf + fs[1], "refusal=", 8) == 0) ||
			(fe[1] - fs[1] > 7 &&
				memcmp(buf + fs[1], "threat=", 7) == 0)) {
			/* the code of intending, refusing or threatening an
			 * event */
			char kind = buf[fs[1]];
			size_t at = fs[1] + (kind == 'r' ? 8 : 7);
			char *dst = kind == 'i' ? ex->intent[root]
				: kind == 'r'   ? ex->refusal[root]
						: ex->threat[root];

			if (fe[1] - at < 2 || fe[1] - at > 4) {
				return ent__error_set(err, ENT_EPARSE,
					"roots.tsv", line, (long)(at - s) + 1,
					"not a CAMEO code");
			}
			memcpy(dst, buf + at, fe[1] - at);
			dst[fe[1] - at] = '\0';
			if (ent_cameo_lookup(dst) == NULL) {
				return ent__error_set(err, ENT_EPARSE,
					"roots.tsv", line, (long)(at - s) + 1,
					"not a CAMEO code");
			}
			continue;
		}
		for (k = 0; k <
			sizeof(root_behaviours) / sizeof(root_behaviours[0]);
			k++) {
			if (field_is(buf, fs[1], fe[1],
				    root_behaviours[k].name)) {
				ex->roots[root] |= root_behaviours[k].bit;
				break;
			}
		}
		if (k == sizeof(root_behaviours) / sizeof(root_behaviours[0])) {
			return ent__error_set(err, ENT_EPARSE, "roots.tsv",
				line, (long)(fs[1] - s) + 1,
				"unknown behaviour (place-target, "
				"condition-target, of-agent, intent=CODE, "
				"refusal=CODE, threat=CODE)");
		}
	}
	return ENT_OK;
}

/* -- phrases ---------------------------------------------------------- */

static int pool_add(ex_table *t, uint64_t h)
{
	if (t->n_pool == t->cap_pool) {
		size_t cap = t->cap_pool ? t->cap_pool * 2 : 1024;
		uint64_t *np = realloc(t->pool, cap * sizeof(*np));

		if (np == NULL) {
			return -1;
		}
		t->pool = np;
		t->cap_pool = cap;
	}
	t->pool[t->n_pool++] = h;
	return 0;
}

static ex_item *item_add(ex_table *t)
{
	if (t->n_items == t->cap_items) {
		size_t cap = t->cap_items ? t->cap_items * 2 : 1024;
		ex_item *ni = realloc(t->items, cap * sizeof(*ni));

		if (ni == NULL) {
			return NULL;
		}
		t->items = ni;
		t->cap_items = cap;
	}
	memset(&t->items[t->n_items], 0, sizeof(ex_item));
	return &t->items[t->n_items++];
}

/* The hash of token k of a phrase: its word hash, or its stem's. */
static uint64_t tok_hash(
	ent_extractor *ex, const char *text, const ex_token *tk, int stems)
{
	char buf[64];
	size_t n = tk->end - tk->start, i;
	const sb_symbol *st;

	if (!stems || tk->kind != EXT_WORD || n >= sizeof(buf)) {
		return tk->key;
	}
	for (i = 0; i < n; i++) {
		char c = text[tk->start + i];

		buf[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
		if (!((buf[i] >= 'a' && buf[i] <= 'z') || buf[i] == '\'')) {
			return tk->key;
		}
	}
	st = sb_stemmer_stem(ex->stemmer, (const sb_symbol *)buf, (int)n);
	if (st == NULL) {
		return tk->key;
	}
	return ex_hash_lower(
		(const char *)st, (size_t)sb_stemmer_length(ex->stemmer));
}

/* Room for one more phrase in `t`. */
static ent_status phrase_room(ex_table *t)
{
	size_t cap;
	ex_phrase *np;

	if (t->n < t->cap) {
		return ENT_OK;
	}
	cap = t->cap ? t->cap * 2 : 512;
	if ((np = realloc(t->phrases, cap * sizeof(*np))) == NULL) {
		return ENT_ENOMEM;
	}
	t->phrases = np;
	t->cap = cap;
	return ENT_OK;
}

/* A gap item "*" or "*N" (phrase[s..e)); not the first item. */
static ent_status add_gap(ex_table *t, const char *phrase, size_t s, size_t e,
	size_t first_item, size_t *bad_col)
{
	ex_item *it;
	unsigned gap = 3;

	if (t->n_items == first_item) {
		*bad_col = s;
		return ENT_EPARSE; /* a phrase cannot start with a gap */
	}
	if (e - s == 2 && phrase[s + 1] >= '1' && phrase[s + 1] <= '9') {
		gap = (unsigned)(phrase[s + 1] - '0');
	} else if (e - s != 1) {
		*bad_col = s;
		return ENT_EPARSE;
	}
	if ((it = item_add(t)) == NULL) {
		return ENT_ENOMEM;
	}
	it->gap = (uint16_t)gap;
	return ENT_OK;
}

/* An item of alternatives "a|b|c" (phrase[s..e)), each one token. */
static ent_status add_alternatives(ent_extractor *ex, ex_table *t,
	const char *phrase, size_t s, size_t e, int stems, size_t *bad_col)
{
	ex_item *it = item_add(t);
	size_t a = s;

	if (it == NULL) {
		return ENT_ENOMEM;
	}
	it->alt = (uint32_t)t->n_pool;
	while (a < e) {
		size_t b = a;
		long nt;

		while (b < e && phrase[b] != '|') {
			b++;
		}
		if ((nt = ex_tokenize(ex, phrase, a, b, 0)) < 0) {
			return ENT_ENOMEM;
		}
		if (nt != 1) {
			*bad_col = a;
			return ENT_EPARSE;
		}
		if (pool_add(t, tok_hash(ex, phrase, &ex->toks[0], stems)) !=
			0) {
			return ENT_ENOMEM;
		}
		t->items[t->n_items - 1].n_alt++;
		a = b + 1;
	}
	return ENT_OK;
}

/* One item per token of a plain word (phrase[s..e)); the case of the
 * phrase's first token becomes the phrase's *need. */
static ent_status add_words(ent_extractor *ex, ex_table *t, const char *phrase,
	size_t s, size_t e, int stems, size_t first_item, uint16_t *need)
{
	long nt = ex_tokenize(ex, phrase, s, e, 0), k;

	if (nt < 0) {
		return ENT_ENOMEM;
	}
	if (nt > 0 && t->n_items == first_item) {
		*need = ex->toks[0].tflags & (EXTF_CAP | EXTF_UPPER);
	}
	for (k = 0; k < nt; k++) {
		ex_item *it = item_add(t);

		if (it == NULL) {
			return ENT_ENOMEM;
		}
		it->alt = (uint32_t)t->n_pool;
		it->n_alt = 1;
		if (pool_add(t, tok_hash(ex, phrase, &ex->toks[k], stems)) !=
			0) {
			return ENT_ENOMEM;
		}
	}
	return ENT_OK;
}

/* Chain the phrase t->phrases[t->n] under each of its head alternatives:
 * the chain link lives in the phrase, so a phrase with several heads is
 * stored once per head. */
static ent_status index_heads(ex_table *t)
{
	const ex_item *it0 = &t->items[t->phrases[t->n].item];
	uint64_t head_alts[16];
	size_t n_head = 0, h;

	for (h = 0; h < it0->n_alt && n_head < 16; h++) {
		head_alts[n_head++] = t->pool[it0->alt + h];
	}
	for (h = 0; h < n_head; h++) {
		ex_phrase *q;

		if (h > 0) {
			if (phrase_room(t) != ENT_OK) {
				return ENT_ENOMEM;
			}
			t->phrases[t->n] = t->phrases[t->n - h];
		}
		q = &t->phrases[t->n];
		q->next = ex_map_get(&t->heads, head_alts[h]);
		if (ex_map_put(&t->heads, head_alts[h], (int32_t)t->n) != 0) {
			return ENT_ENOMEM;
		}
		t->n++;
	}
	return ENT_OK;
}

/*
 * Compile `phrase` into `t` with the given payload. Returns ENT_OK,
 * ENT_ENOMEM, or ENT_EPARSE with *bad_col set (0-based column in phrase).
 */
static ent_status phrase_add(ent_extractor *ex, ex_table *t, const char *phrase,
	size_t len, int stems, uint16_t type, const char *code,
	const char *neg_code, size_t *bad_col)
{
	ex_phrase *p;
	size_t i = 0, first_item = t->n_items;
	uint16_t need = 0;
	ent_status st;

	*bad_col = 0;
	if (phrase_room(t) != ENT_OK) {
		return ENT_ENOMEM;
	}
	while (i < len) {
		size_t s, e;

		while (i < len && phrase[i] == ' ') {
			i++;
		}
		if (i >= len) {
			break;
		}
		s = i;
		while (i < len && phrase[i] != ' ') {
			i++;
		}
		e = i;
		if (phrase[s] == '*') {
			st = add_gap(t, phrase, s, e, first_item, bad_col);
		} else if (memchr(phrase + s, '|', e - s) != NULL) {
			st = add_alternatives(
				ex, t, phrase, s, e, stems, bad_col);
		} else {
			st = add_words(
				ex, t, phrase, s, e, stems, first_item, &need);
		}
		if (st != ENT_OK) {
			return st;
		}
	}
	if (t->n_items == first_item) {
		*bad_col = 0;
		return ENT_EPARSE;
	}
	if (t->items[t->n_items - 1].n_alt == 0) {
		*bad_col = len ? len - 1 : 0;
		return ENT_EPARSE; /* nor end with a gap */
	}
	p = &t->phrases[t->n];
	memset(p, 0, sizeof(*p));
	p->item = (uint32_t)first_item;
	p->n_items = (uint16_t)(t->n_items - first_item);
	p->type = type;
	p->order = (uint32_t)t->n;
	p->need = need;
	p->second = 0;
	if (p->n_items >= 2 && t->items[first_item + 1].n_alt == 1) {
		p->second = t->pool[t->items[first_item + 1].alt];
	}
	snprintf(p->code, sizeof(p->code), "%s", code);
	snprintf(p->neg_code, sizeof(p->neg_code), "%s",
		neg_code ? neg_code : "");
	return index_heads(t);
}

/* The token after an inserted date opening at the comma toks[k] (", on
 * Monday,", ", last week,"): a comma, at most WIN_INSERTED words of
 * prepositions, calendar words, determiners and numbers, and a comma;
 * 0 when there is none. */
static long inserted_date(const ex_token *toks, long n, long k)
{
	long j;
	int date = 0;

	if (toks[k].kind != EXT_PUNCT || toks[k].punct != ',') {
		return 0;
	}
	for (j = k + 1; j < n && j <= k + 1 + WIN_INSERTED; j++) {
		uint32_t f = toks[j].w ? toks[j].w->flags : 0;

		if (toks[j].kind == EXT_PUNCT && toks[j].punct == ',') {
			return date && j + 1 < n ? j + 1 : 0;
		}
		if (toks[j].kind != EXT_WORD) {
			return 0;
		}
		if (f & EXW_CALENDAR) {
			date = 1;
		} else if (!(f & (EXW_PREP | EXW_DET | EXW_ADVERB)) &&
			!(toks[j].w && toks[j].w->cls &&
				(toks[j].w->cls->extra & EXL_DATE_WORD))) {
			return 0;
		}
	}
	return 0;
}

int ex_phrase_match(const ex_table *t, const ex_phrase *p, const ex_token *toks,
	long n, long i, int stems, long *end)
{
	long k = i, k2;
	uint16_t j;

	for (j = 0; j < p->n_items; j++) {
		const ex_item *it = &t->items[p->item + j];
		uint16_t a;

		if (it->n_alt == 0) {
			/* a gap: try each length, shortest first */
			ex_phrase rest = *p;
			long g;

			rest.item = p->item + j + 1;
			rest.n_items = (uint16_t)(p->n_items - j - 1);
			/* k2 is where the rest starts after g gap words: an
			 * inserted date ("cutting, on Monday, its ties") is
			 * passed over and not counted */
			for (g = 0, k2 = k; g <= it->gap && k2 < n; g++) {
				if (g > 0) {
					const ex_token *gt = &toks[k2];
					long e = inserted_date(toks, n, k2);

					if (e > 0) {
						k2 = e;
						gt = &toks[k2];
					}
					if (k2 >= n ||
						(gt->kind == EXT_PUNCT &&
							!(gt->tflags &
								EXTF_POSS))) {
						return 0;
					}
					if (gt->w &&
						(gt->w->flags &
							(EXW_CLAUSE | EXW_REL |
								EXW_SPEECH))) {
						return 0;
					}
					k2++;
				}
				if (k2 < n && inserted_date(toks, n, k2) > 0 &&
					ex_phrase_match(t, &rest, toks, n,
						inserted_date(toks, n, k2),
						stems, end)) {
					return 1;
				}
				if (ex_phrase_match(t, &rest, toks, n, k2,
					    stems, end)) {
					return 1;
				}
			}
			return 0;
		}
		if (k >= n) {
			return 0;
		}
		{
			uint64_t h = stems && toks[k].w ? toks[k].w->stem
							: toks[k].key;

			for (a = 0; a < it->n_alt; a++) {
				if (t->pool[it->alt + a] == h) {
					break;
				}
			}
			if (a == it->n_alt) {
				return 0;
			}
		}
		k++;
	}
	*end = k;
	return 1;
}

/* -- loading ---------------------------------------------------------- */

/* Next line of a TSV buffer: [s, e) without the newline; 0 at the end. */
static int next_line(
	const char *buf, size_t len, size_t *pos, size_t *s, size_t *e)
{
	size_t i = *pos;

	if (i >= len) {
		return 0;
	}
	*s = i;
	while (i < len && buf[i] != '\n') {
		i++;
	}
	*e = i;
	if (*e > *s && buf[*e - 1] == '\r') {
		(*e)--;
	}
	*pos = i < len ? i + 1 : len;
	return 1;
}

/* Split [s, e) on tabs into at most max fields (offsets). */
static size_t split(
	const char *buf, size_t s, size_t e, size_t *fs, size_t *fe, size_t max)
{
	size_t n = 0, i = s;

	fs[0] = s;
	while (i < e) {
		if (buf[i] == '\t') {
			if (n + 1 >= max) {
				return max + 1;
			}
			fe[n++] = i;
			fs[n] = i + 1;
		}
		i++;
	}
	fe[n++] = e;
	return n;
}

static int field_is(const char *buf, size_t s, size_t e, const char *w)
{
	size_t n = strlen(w);

	return e - s == n && memcmp(buf + s, w, n) == 0;
}

static ent_status add_head(
	ent_extractor *ex, const char *word, size_t n, const char *sector)
{
	ex_token tk;
	long nt = ex_tokenize(ex, word, 0, n, 0);

	if (nt != 1) {
		return nt < 0 ? ENT_ENOMEM : ENT_EPARSE;
	}
	tk = ex->toks[0];
	if (ex->n_heads == ex->cap_heads) {
		size_t cap = ex->cap_heads ? ex->cap_heads * 2 : 64;
		ex_head *nh = realloc(ex->heads, cap * sizeof(*nh));

		if (nh == NULL) {
			return ENT_ENOMEM;
		}
		ex->heads = nh;
		ex->cap_heads = cap;
	}
	/* sectors are three letters; %.3s says so to -Wformat-truncation */
	snprintf(ex->heads[ex->n_heads].sector, 4, "%.3s", sector);
	if (ex_map_put(&ex->head_nouns, tok_hash(ex, word, &tk, 1),
		    (int32_t)ex->n_heads) != 0) {
		return ENT_ENOMEM;
	}
	ex->n_heads++;
	return ENT_OK;
}

static const struct {
	const char *name;
	uint16_t type;
	uint16_t need; /* EXN_ bits of the phrase */
} actor_types[] = {
	{"state", EXA_STATE, 0},
	{"surname", EXA_STATE, EXN_SURNAME},
	{"adj", EXA_ADJ, 0},
	{"block", EXA_BLOCK, 0},
	{"ref-one", EXA_REF_ONE, 0},
	{"ref-many", EXA_REF_MANY, 0},
	{"ref-pair", EXA_REF_PAIR, 0},
	{"ref-group", EXA_REF_GROUP, 0},
	{"ref-other", EXA_REF_OTHER, 0},
	{"orgword", EXA_ORGWORD, 0},
	{"head", EXA_HEAD, 0},
	{"place", EXA_PLACE, 0},
};

static ent_status line_error(ent_error *err, ent_status st, const char *source,
	long line, size_t col, const char *what)
{
	if (st == ENT_ENOMEM) {
		return ent__error_nomem(err);
	}
	return ent__error_set(
		err, ENT_EPARSE, source, line, (long)col + 1, "%s", what);
}

ent_status ex_load_actors(ent_extractor *ex, const char *buf, size_t len,
	const char *source, ent_error *err)
{
	size_t pos = 0, s, e;
	long line = 0;

	while (next_line(buf, len, &pos, &s, &e)) {
		size_t fs[4], fe[4], nf, ty, bad;
		char code[ENT_CODE_SIZE];
		ent_status st;

		line++;
		if (e == s || buf[s] == '#') {
			continue;
		}
		nf = split(buf, s, e, fs, fe, 3);
		if (nf != 3) {
			return ent__error_set(err, ENT_EPARSE, source, line, 1,
				"expected 3 tab-separated fields (phrase, "
				"code, type), "
				"got %zu",
				nf > 3 ? (size_t)4 : nf);
		}
		for (ty = 0; ty < sizeof(actor_types) / sizeof(actor_types[0]);
			ty++) {
			if (field_is(buf, fs[2], fe[2], actor_types[ty].name)) {
				break;
			}
		}
		if (ty == sizeof(actor_types) / sizeof(actor_types[0])) {
			return line_error(err, ENT_EPARSE, source, line,
				fs[2] - s,
				"unknown actor type (state, surname, adj, "
				"block, "
				"head, orgword, ref-one, ref-many, ref-pair, "
				"ref-group, "
				"ref-other, place)");
		}
		if (fe[1] == fs[1]) {
			return line_error(err, ENT_EPARSE, source, line,
				fs[1] - s, "bad actor code");
		}
		if (actor_types[ty].type == EXA_STATE ||
			actor_types[ty].type == EXA_ADJ ||
			actor_types[ty].type == EXA_PLACE) {
			/* a state by its code or its name ("Russia"), or an
			 * actor code in capitals (ent_actor_name_resolve) */
			ent_actor_name an;
			ent_error ae = {0};
			const ent_state *sta;

			if (ent_actor_name_resolve(&an, buf + fs[1],
				    fe[1] - fs[1], 0, &ae) != ENT_OK) {
				return line_error(err, ENT_EPARSE, source, line,
					fs[1] - s, ae.message);
			}
			memcpy(code, an.code, sizeof(code));
			sta = ent_state_of_actor(code);

			if (sta == NULL) {
				return line_error(err, ENT_EPARSE, source, line,
					fs[1] - s,
					"the actor code names no state of the "
					"state table");
			}
			/* alias codes ("ROMGOV", "UKGOV") become ISO ones, so
			 * the first three letters always name the state */
			if (strncmp(code, sta->code, 3) != 0) {
				char iso[ENT_CODE_SIZE];
				size_t skip = strncmp(code, "UK", 2) == 0 &&
						strncmp(code, "UKR", 3) != 0
					? 2
					: 3;

				snprintf(iso, sizeof(iso), "%.3s%s", sta->code,
					strlen(code) > skip ? code + skip : "");
				memcpy(code, iso, sizeof(code));
			}
		} else if (fe[1] - fs[1] >= ENT_CODE_SIZE) {
			return line_error(err, ENT_EPARSE, source, line,
				fs[1] - s, "bad actor code");
		} else {
			memcpy(code, buf + fs[1], fe[1] - fs[1]);
			code[fe[1] - fs[1]] = '\0';
			if (strcmp(code, "-") == 0) {
				code[0] = '\0';
			}
		}
		if (actor_types[ty].type == EXA_ORGWORD) {
			long nt = ex_tokenize(ex, buf, fs[0], fe[0], 0);

			if (nt != 1) {
				return line_error(err,
					nt < 0 ? ENT_ENOMEM : ENT_EPARSE,
					source, line, 0,
					"an orgword must be one word");
			}
			if (ex_map_put(&ex->orgwords, ex->toks[0].key, 1) !=
				0) {
				return ent__error_nomem(err);
			}
			continue;
		}
		if (actor_types[ty].type == EXA_HEAD) {
			st = add_head(ex, buf + fs[0], fe[0] - fs[0], code);
			if (st != ENT_OK) {
				return line_error(err, st, source, line, 0,
					"a head noun must be one word");
			}
			continue;
		}
		st = phrase_add(ex, &ex->actors, buf + fs[0], fe[0] - fs[0], 0,
			actor_types[ty].type, code, NULL, &bad);
		if (st != ENT_OK) {
			return line_error(
				err, st, source, line, bad, "bad actor phrase");
		}
		ex->actors.phrases[ex->actors.n - 1].need |=
			actor_types[ty].need;
	}
	return ENT_OK;
}

static const struct {
	const char *name;
	uint16_t bit;
} verb_opts[] = {
	{"sym", EXV_SYM},
	{"noun", EXV_NOUN},
	{"rev", EXV_REV},
	{"ctl", EXV_CTL},
	{"negator", EXV_NEGATOR},
	{"notgt", EXV_NOTGT},
	{"modal", EXV_MODAL},
	{"noun-only", EXV_NOUN | EXV_NOUN_ONLY},
	{"active", EXV_ACTIVE},
	{"refusal", EXV_REFUSAL},
	{"intent", EXV_INTENT},
};

ent_status ex_load_verbs(ent_extractor *ex, const char *buf, size_t len,
	const char *source, ent_error *err)
{
	size_t pos = 0, s, e;
	long line = 0;

	while (next_line(buf, len, &pos, &s, &e)) {
		size_t fs[4], fe[4], nf, bad, o;
		char code[5] = "", neg[5] = "";
		uint16_t type = 0;
		ent_status st;

		line++;
		if (e == s || buf[s] == '#') {
			continue;
		}
		nf = split(buf, s, e, fs, fe, 3);
		if (nf < 2 || nf > 3) {
			return ent__error_set(err, ENT_EPARSE, source, line, 1,
				"expected 2 or 3 tab-separated fields (phrase, "
				"code, "
				"options)");
		}
		/* options */
		o = nf == 3 ? fs[2] : e;
		while (nf == 3 && o < fe[2]) {
			size_t oe = o, k;

			while (oe < fe[2] && buf[oe] != ',') {
				oe++;
			}
			for (k = 0;
				k < sizeof(verb_opts) / sizeof(verb_opts[0]);
				k++) {
				if (field_is(buf, o, oe, verb_opts[k].name)) {
					type |= verb_opts[k].bit;
					break;
				}
			}
			if (k == sizeof(verb_opts) / sizeof(verb_opts[0])) {
				if (oe - o > 4 && oe - o <= 8 &&
					memcmp(buf + o, "neg=", 4) == 0) {
					memcpy(neg, buf + o + 4, oe - o - 4);
					neg[oe - o - 4] = '\0';
					if (ent_cameo_lookup(neg) == NULL) {
						return line_error(err,
							ENT_EPARSE, source,
							line, o - s,
							"neg= names no CAMEO "
							"code");
					}
				} else if (!field_is(buf, o, oe, "-")) {
					return line_error(err, ENT_EPARSE,
						source, line, o - s,
						"unknown option (sym, noun, "
						"noun-only, active, refusal, "
						"intent, rev, ctl, "
						"negator, notgt, modal, "
						"neg=CODE)");
				}
			}
			o = oe + 1;
		}
		if (field_is(buf, fs[1], fe[1], "-")) {
			if (!(type & (EXV_CTL | EXV_NEGATOR))) {
				return line_error(err, ENT_EPARSE, source, line,
					fs[1] - s,
					"code \"-\" needs the ctl or negator "
					"option");
			}
		} else {
			if (fe[1] - fs[1] < 2 || fe[1] - fs[1] > 4) {
				return line_error(err, ENT_EPARSE, source, line,
					fs[1] - s, "not a CAMEO code");
			}
			memcpy(code, buf + fs[1], fe[1] - fs[1]);
			code[fe[1] - fs[1]] = '\0';
			if (ent_cameo_lookup(code) == NULL) {
				return line_error(err, ENT_EPARSE, source, line,
					fs[1] - s, "not a CAMEO code");
			}
		}
		st = phrase_add(ex, &ex->verbs, buf + fs[0], fe[0] - fs[0], 1,
			type, code, neg, &bad);
		if (st != ENT_OK) {
			return line_error(
				err, st, source, line, bad, "bad event phrase");
		}
	}
	return ENT_OK;
}

/* Add each ';'-separated entry of `list` as an actor phrase. */
static ent_status add_list(ent_extractor *ex, const char *list, uint16_t type,
	const char *code, int plurals)
{
	uint16_t ty;
	const char *s = list;

	while (s != NULL && *s) {
		const char *e = strchr(s, ';');
		size_t n = e ? (size_t)(e - s) : strlen(s), bad;
		const ex_wordclass *wc;
		int skipped;

		if (n > 4 &&
			(memcmp(s, "the ", 4) == 0 ||
				memcmp(s, "The ", 4) == 0)) {
			s += 4;
			n -= 4;
		}
		/* names that more often mean something else ("Victoria") */
		wc = ex_word_classes(s, n);
		skipped = wc != NULL && (wc->extra & EXL_AMBIGUOUS_NAME);
		/* inverted forms "Korea, Republic of" are never written in news
		 */
		if (!skipped &&
			(memchr(s, ',', n) == NULL || type == EXA_STATE) &&
			n > 0) {
			ent_status st;

			if (memchr(s, ',', n) != NULL &&
				!(wc != NULL && (wc->extra & EXL_COMMA_NAME))) {
				goto next;
			}
			/* a plural demonym in the adjective column
			 * ("Palestinians", "Britons") is a noun: it acts
			 * without a head */
			ty = type;
			if (type == EXA_ADJ && n > 4 && s[n - 1] == 's' &&
				s[n - 2] != 's' && s[n - 2] != 'e') {
				ty = EXA_STATE;
			}
			st = phrase_add(
				ex, &ex->actors, s, n, 0, ty, code, NULL, &bad);
			if (st == ENT_ENOMEM) {
				return st;
			}
			if (plurals && type == EXA_ADJ && n > 1 &&
				(s[n - 1] == 'n' || s[n - 1] == 'i')) {
				/* the demonym as a plural noun: "Russians" */
				char buf[96];

				if (n + 1 < sizeof(buf)) {
					memcpy(buf, s, n);
					buf[n] = 's';
					st = phrase_add(ex, &ex->actors, buf,
						n + 1, 0, EXA_STATE, code, NULL,
						&bad);
					if (st == ENT_ENOMEM) {
						return st;
					}
				}
			}
		}
	next:
		s = e ? e + 1 : NULL;
	}
	return ENT_OK;
}

ent_status ex_load_states(ent_extractor *ex, ent_error *err)
{
	size_t i, n = ent_state_count();
	ent_status st;

	if ((st = ent_lexicon_check(err)) != ENT_OK) {
		return st;
	}
	for (i = 0; i < n; i++) {
		const ent_state *s = ent_state_at(i);
		char gov[ENT_CODE_SIZE];

		snprintf(gov, sizeof(gov), "%sGOV", s->code);
		if ((st = add_list(ex, s->name, EXA_STATE, s->code, 0)) !=
				ENT_OK ||
			(st = add_list(ex, s->other_names, EXA_STATE, s->code,
				 0)) != ENT_OK ||
			(st = add_list(ex, s->adjectives, EXA_ADJ, s->code,
				 1)) != ENT_OK ||
			(st = add_list(ex, s->capitals, EXA_STATE, gov, 0)) !=
				ENT_OK) {
			return ent__error_nomem(err);
		}
	}
	return ENT_OK;
}
