/* SPDX-License-Identifier: MIT */
/*
 * Tokens and the word cache. A token is a word (letters, digits, UTF-8
 * bytes, inner full stops of "U.S.", a hyphenated line break joined) or a
 * punctuation mark; hyphens between words and quotes are not tokens but
 * flags. Every distinct word is hashed, stemmed (Snowball English) and
 * classified once; later occurrences cost one hash lookup.
 */
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "extract_internal.h"

/* Beyond this many distinct words the cache is emptied before the next
 * sentence (bounded memory on huge inputs). */
#define WORDS_MAX (1u << 22)
#define WORD_BUF 64

uint64_t ex_hash_lower(const char *s, size_t n)
{
	uint64_t h = ENT__FNV_INIT;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'A' && c <= 'Z') {
			c = (unsigned char)(c - 'A' + 'a');
		}
		h ^= c;
		h *= 1099511628211ULL;
	}
	return h ? h : 1;
}

static void fill_word(
	ent_extractor *ex, ex_word *w, uint64_t key, const char *s, size_t n)
{
	int letters = n > 0;
	size_t i;

	w->key = key;
	w->stem = key;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!((c >= 'a' && c <= 'z') || c == '\'')) {
			letters = 0;
			break;
		}
	}
	if (letters && ex->stemmer != NULL) {
		const sb_symbol *st = sb_stemmer_stem(
			ex->stemmer, (const sb_symbol *)s, (int)n);

		if (st != NULL) {
			w->stem = ex_hash_lower((const char *)st,
				(size_t)sb_stemmer_length(ex->stemmer));
		}
	}
	w->cls = ex_word_classes(s, n);
	w->flags = w->cls ? w->cls->grammar : 0;
	w->actors = ex_map_get(&ex->actors.heads, key);
	w->verbs = ex_map_get(&ex->verbs.heads, w->stem);
	w->head = ex_map_get(&ex->head_nouns, w->stem);
}

static int words_grow(ent_extractor *ex)
{
	size_t cap = ex->words_cap ? ex->words_cap * 2 : 4096, i;
	ex_word *nw = calloc(cap, sizeof(*nw));

	if (nw == NULL) {
		return -1;
	}
	for (i = 0; i < ex->words_cap; i++) {
		if (ex->words[i].key != 0) {
			size_t j = (size_t)ex->words[i].key & (cap - 1);

			while (nw[j].key != 0) {
				j = (j + 1) & (cap - 1);
			}
			nw[j] = ex->words[i];
		}
	}
	free(ex->words);
	ex->words = nw;
	ex->words_cap = cap;
	return 0;
}

static const ex_word *word_lookup(
	ent_extractor *ex, uint64_t key, const char *s, size_t n)
{
	size_t j;

	if (ex->words_cap == 0 && words_grow(ex) != 0) {
		return NULL;
	}
	j = (size_t)key & (ex->words_cap - 1);
	while (ex->words[j].key != 0) {
		if (ex->words[j].key == key) {
			return &ex->words[j];
		}
		j = (j + 1) & (ex->words_cap - 1);
	}
	if ((ex->words_n + 1) * 2 > ex->words_cap) {
		if (words_grow(ex) != 0) {
			return NULL;
		}
		j = (size_t)key & (ex->words_cap - 1);
		while (ex->words[j].key != 0) {
			j = (j + 1) & (ex->words_cap - 1);
		}
	}
	fill_word(ex, &ex->words[j], key, s, n);
	ex->words_n++;
	return &ex->words[j];
}

const ex_word *ex_word_get(ent_extractor *ex, const char *s, size_t n)
{
	return word_lookup(ex, ex_hash_lower(s, n), s, n);
}

static int is_wordbyte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || c >= 0x80;
}

static int is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9');
}

/* UTF-8 punctuation from U+2010..U+201F (dashes, quotes): its ASCII
 * stand-in, or 0 when the bytes at t[i] are not one. */
static unsigned char utf8_punct(const char *t, size_t end, size_t i)
{
	unsigned char b;

	if ((unsigned char)t[i] != 0xE2 || i + 2 >= end ||
		(unsigned char)t[i + 1] != 0x80) {
		return 0;
	}
	b = (unsigned char)t[i + 2];
	if (b >= 0x90 && b <= 0x95) {
		return '-';
	}
	if (b == 0x98 || b == 0x99 || b == 0x9B) {
		return '\'';
	}
	if (b == 0x9C || b == 0x9D || b == 0x9E || b == 0x9F) {
		return '"';
	}
	if (b == 0xA6) {
		return '.';
	}
	return 0;
}

size_t ex_space_len(const char *t, size_t len, size_t i)
{
	unsigned char c = (unsigned char)t[i];

	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		c == '\v') {
		return 1;
	}
	if (c < 0x80) {
		return 0;
	}
	if (c == 0xC2 && i + 1 < len && (unsigned char)t[i + 1] == 0xA0) {
		return 2; /* no-break space */
	}
	if (i + 2 >= len) {
		return 0;
	}
	if (c == 0xE2 && (unsigned char)t[i + 1] == 0x80) {
		unsigned char b = (unsigned char)t[i + 2];

		/* en, em, thin, hair and zero-width spaces; line and
		 * paragraph separators; narrow no-break space */
		return (b <= 0x8B || b == 0xA8 || b == 0xA9 || b == 0xAF) ? 3
									  : 0;
	}
	if ((c == 0xEF && (unsigned char)t[i + 1] == 0xBB &&
		    (unsigned char)t[i + 2] == 0xBF) ||
		(c == 0xE3 && (unsigned char)t[i + 1] == 0x80 &&
			(unsigned char)t[i + 2] == 0x80) ||
		(c == 0xE2 && (unsigned char)t[i + 1] == 0x81 &&
			(unsigned char)t[i + 2] == 0x9F)) {
		return 3; /* byte-order mark, ideographic, medium space */
	}
	return 0;
}

/* The next token slot; tokenize() reserved room for one token per byte,
 * the most a text can have. */
static inline ex_token *push(ent_extractor *ex, size_t *n)
{
	ex_token *t = &ex->toks[(*n)++];

	t->w = NULL;
	t->tflags = 0;
	t->punct = 0;
	return t;
}

static uint64_t key_of(const char *s, size_t n)
{
	return ex_hash_lower(s, n);
}

/* The cache moved while a sentence was tokenised: point its tokens at
 * the new slots. */
static void relink(ent_extractor *ex, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		ex_token *tk = &ex->toks[i];

		if (tk->w != NULL) {
			size_t j = (size_t)tk->key & (ex->words_cap - 1);

			while (ex->words[j].key != tk->key) {
				j = (j + 1) & (ex->words_cap - 1);
			}
			tk->w = &ex->words[j];
		}
	}
}

static long tokenize(
	ent_extractor *ex, const char *t, size_t start, size_t end, int cache);

long ex_tokenize(
	ent_extractor *ex, const char *t, size_t start, size_t end, int cache)
{
	ex_word *before;
	long n;

	if (cache && ex->words_n >= WORDS_MAX) {
		memset(ex->words, 0, ex->words_cap * sizeof(*ex->words));
		ex->words_n = 0;
	}
	before = ex->words;
	n = tokenize(ex, t, start, end, cache);
	if (n > 0 && cache && ex->words != before) {
		relink(ex, (size_t)n);
	}
	return n;
}

/* One word token t[i..j) with hash `key` and its lower-cased bytes
 * buf[0..bl); `first` is its first byte. Returns the token or NULL when
 * out of memory. */
static ex_token *push_word(ent_extractor *ex, size_t *n, size_t i, size_t j,
	uint64_t key, const char *buf, size_t bl, unsigned char first,
	int cache)
{
	ex_token *tok = push(ex, n);

	tok->kind = EXT_WORD;
	tok->start = (uint32_t)i;
	tok->end = (uint32_t)j;
	tok->key = key ? key : 1;
	if (first >= 'A' && first <= 'Z') {
		tok->tflags |= EXTF_CAP;
	}
	if (cache) {
		/* very long words: never stemmed, never cached by their bytes
		 */
		tok->w = bl < WORD_BUF - 1 ? word_lookup(ex, tok->key, buf, bl)
					   : word_lookup(ex, tok->key, "", 0);
		if (tok->w == NULL) {
			return NULL;
		}
	}
	return tok;
}

/* The Latin letter a Greek or Cyrillic letter t[j..j+2) looks like
 * (scraped pages swap them in: "fοreign" with a Greek omicron), or 0. */
static unsigned char lookalike(const char *t, size_t end, size_t j)
{
	static const struct {
		unsigned char b0, b1, latin;
	} map[] = {
		{0xCE, 0xBF, 'o'},
		{0xCE, 0x9F, 'O'},
		{0xCE, 0xB1, 'a'},
		{0xCE, 0x91, 'A'},
		{0xCE, 0xB5, 'e'},
		{0xCE, 0x95, 'E'},
		{0xCE, 0xB9, 'i'},
		{0xCE, 0x99, 'I'},
		{0xCE, 0xBD, 'v'},
		{0xCF, 0x81, 'p'},
		{0xCE, 0xA1, 'P'},
		{0xCE, 0x9A, 'K'},
		{0xCE, 0x9C, 'M'},
		{0xCE, 0x9D, 'N'},
		{0xCE, 0xA4, 'T'},
		{0xCE, 0xA7, 'X'},
		{0xCE, 0x92, 'B'},
		{0xCE, 0x97, 'H'},
		{0xD0, 0xB0, 'a'},
		{0xD0, 0x90, 'A'},
		{0xD0, 0xB5, 'e'},
		{0xD0, 0x95, 'E'},
		{0xD0, 0xBE, 'o'},
		{0xD0, 0x9E, 'O'},
		{0xD1, 0x80, 'p'},
		{0xD0, 0xA0, 'P'},
		{0xD1, 0x81, 'c'},
		{0xD0, 0xA1, 'C'},
		{0xD1, 0x85, 'x'},
		{0xD0, 0xA5, 'X'},
		{0xD1, 0x83, 'y'},
		{0xD1, 0x96, 'i'},
		{0xD1, 0x95, 's'},
		{0xD1, 0x98, 'j'},
		{0xD0, 0x92, 'B'},
		{0xD0, 0x9A, 'K'},
		{0xD0, 0x9C, 'M'},
		{0xD0, 0x9D, 'H'},
		{0xD0, 0xA2, 'T'},
	};
	size_t k;

	if (j + 1 >= end) {
		return 0;
	}
	for (k = 0; k < sizeof(map) / sizeof(map[0]); k++) {
		if ((unsigned char)t[j] == map[k].b0 &&
			(unsigned char)t[j + 1] == map[k].b1) {
			return map[k].latin;
		}
	}
	return 0;
}

static int is_ascii_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The end of the word that starts at t[i]: letters, digits, UTF-8
 * letters, inner full stops of "U.S.", a hyphenated line break joined,
 * thousands separators. Its hash and lower-cased bytes go to *h, buf,
 * *bl; *upper and *letters say whether all its letters are capitals. */
static size_t scan_word(const char *t, size_t i, size_t end, uint64_t *h,
	char *buf, size_t *bl, int *upper, int *letters)
{
	size_t j = i;
	int inner_dot = 0;

	*h = ENT__FNV_INIT;
	*bl = 0;
	*upper = 1;
	*letters = 0;
	while (j < end) {
		unsigned char d = (unsigned char)t[j];

		if (d >= 0x80 &&
			(utf8_punct(t, end, j) || ex_space_len(t, end, j))) {
			break;
		}
		if (d >= 0xCE && d <= 0xD1 && lookalike(t, end, j) &&
			((j > i && is_ascii_letter((unsigned char)t[j - 1])) ||
				(j + 2 < end &&
					is_ascii_letter(
						(unsigned char)t[j + 2])))) {
			/* a look-alike letter inside a Latin word: read as
			 * the Latin letter it stands for */
			d = lookalike(t, end, j);
			j++;
		}
		if (is_wordbyte(d)) {
			if (d >= 'A' && d <= 'Z') {
				d = (unsigned char)(d - 'A' + 'a');
				(*letters)++;
			} else if (d >= 'a' && d <= 'z') {
				*upper = 0;
				(*letters)++;
			}
		} else if (d == '.' && j + 1 < end &&
			is_alnum((unsigned char)t[j + 1]) &&
			(j + 2 >= end || t[j + 2] == '.' ||
				!is_alnum((unsigned char)t[j + 2]))) {
			/* U.S., D.C. (one letter between dots) */
			inner_dot = 1;
		} else if (d == '.' && inner_dot) {
			/* the final dot of U.S. */
			*h = (*h ^ d) * 1099511628211ULL;
			if (*bl < WORD_BUF - 1) {
				buf[(*bl)++] = (char)d;
			}
			return j + 1;
		} else if (d == '-' && j + 1 < end &&
			(t[j + 1] == '\n' || t[j + 1] == '\r') && j > i) {
			/* a hyphenated line break: join */
			size_t k = j + 1;

			while (k < end &&
				(t[k] == '\n' || t[k] == '\r' || t[k] == ' ' ||
					t[k] == '\t')) {
				k++;
			}
			if (k < end && t[k] >= 'a' && t[k] <= 'z') {
				j = k;
				continue;
			}
			break;
		} else if (d == ',' && j > i && j + 3 < end &&
			t[j - 1] >= '0' && t[j - 1] <= '9' && t[j + 1] >= '0' &&
			t[j + 1] <= '9') {
			/* 25,000 */
		} else {
			break;
		}
		*h = (*h ^ d) * 1099511628211ULL;
		if (*bl < WORD_BUF - 1) {
			buf[(*bl)++] = (char)d;
		}
		j++;
	}
	return j;
}

/* The length of "n't" (ASCII or with a typographic apostrophe) at t[j]
 * closing a word, or 0. */
static size_t nt_suffix(const char *t, size_t j, size_t end)
{
	size_t a;

	if (!(j + 1 < end && (t[j] == '\'' || (unsigned char)t[j] == 0xE2))) {
		return 0;
	}
	a = (unsigned char)t[j] == 0xE2 ? 3 : 1;
	if (j + a < end && (t[j + a] == 't' || t[j + a] == 'T') &&
		(a == 1 || utf8_punct(t, end, j) == '\'') &&
		(j + a + 1 >= end || !is_alnum((unsigned char)t[j + a + 1]))) {
		return a + 1;
	}
	return 0;
}

/* A word at t[i]: one token, or two for "didn't" (did + not). Returns the
 * offset after it, or 0 when out of memory. */
static size_t word_token(ent_extractor *ex, size_t *n, const char *t, size_t i,
	size_t end, int cache)
{
	char buf[WORD_BUF];
	size_t bl, j, nt;
	uint64_t h;
	int upper, letters;
	unsigned char c = (unsigned char)t[i];
	ex_token *tok;

	j = scan_word(t, i, end, &h, buf, &bl, &upper, &letters);
	if (bl > 1 && buf[bl - 1] == 'n' && (nt = nt_suffix(t, j, end)) > 0) {
		/* "n't": split off the negation */
		if (push_word(ex, n, i, j - 1, key_of(buf, bl - 1), buf, bl - 1,
			    c, cache) == NULL ||
			(tok = push_word(ex, n, j - 1, j + nt, key_of("not", 3),
				 "not", 3, 0, cache)) == NULL) {
			return 0;
		}
		return j + nt;
	}
	if ((tok = push_word(ex, n, i, j, h, buf, bl, c, cache)) == NULL) {
		return 0;
	}
	if ((tok->tflags & EXTF_CAP) && upper && letters >= 2) {
		tok->tflags |= EXTF_UPPER;
	}
	return j;
}

/* An apostrophe after a word at t[i] (`step` bytes): the possessive token
 * "'s" (or a bare ' after a plural), or nothing for an inner apostrophe
 * (O'Brien). Returns the offset after it. */
static size_t apostrophe(ent_extractor *ex, size_t *n, const char *t, size_t i,
	size_t end, size_t step)
{
	size_t j = i + step;
	ex_token *tok;

	if (j < end && (t[j] == 's' || t[j] == 'S') &&
		(j + 1 >= end || !is_alnum((unsigned char)t[j + 1]))) {
		j++;
	}
	if (j == i + step && j < end && is_alnum((unsigned char)t[j])) {
		return i + step;
	}
	tok = push(ex, n);
	tok->kind = EXT_PUNCT;
	tok->punct = '\'';
	tok->key = key_of("'s", 2);
	tok->tflags = EXTF_POSS;
	tok->start = (uint32_t)i;
	tok->end = (uint32_t)j;
	return j;
}

/* A punctuation token of `len` bytes at t[i] read as `p`. */
static void punct_token(
	ent_extractor *ex, size_t *n, size_t i, size_t len, unsigned char p)
{
	ex_token *tok = push(ex, n);

	tok->kind = EXT_PUNCT;
	tok->punct = p;
	tok->key = p;
	tok->start = (uint32_t)i;
	tok->end = (uint32_t)(i + len);
}

/* Room for the tokens of [start, end): at most one per byte, plus the
 * split "n't". Returns 0, or -1 when out of memory. */
static int reserve(ent_extractor *ex, size_t start, size_t end)
{
	size_t cap = ex->toks_cap ? ex->toks_cap : 256;
	ex_token *nt;

	if (end - start + 2 <= ex->toks_cap) {
		return 0;
	}
	while (cap < end - start + 2) {
		cap *= 2;
	}
	if ((nt = realloc(ex->toks, cap * sizeof(*nt))) == NULL) {
		return -1;
	}
	ex->toks = nt;
	ex->toks_cap = cap;
	return 0;
}

static int is_space_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		c == '\v';
}

static long tokenize(
	ent_extractor *ex, const char *t, size_t start, size_t end, int cache)
{
	size_t n = 0, i = start;

	if (reserve(ex, start, end) != 0) {
		return -1;
	}
	while (i < end) {
		unsigned char c = (unsigned char)t[i];
		unsigned char up = c >= 0x80 ? utf8_punct(t, end, i) : 0;
		size_t step = up ? 3 : 1;
		const ex_token *last = n > 0 ? &ex->toks[n - 1] : NULL;

		if (is_space_byte(c)) {
			i++;
		} else if (c >= 0x80 && ex_space_len(t, end, i) > 0) {
			/* no-break and zero-width spaces, a byte-order mark */
			i += ex_space_len(t, end, i);
		} else if (c == '"' || c == '`' || up == '"' ||
			((c == '\'' || up == '\'') &&
				(last == NULL || last->end < i))) {
			/* quotes are not tokens (a single quote not attached
			 * to a word opens a quotation: "what it called
			 * 'aggression'") */
			i += step;
		} else if ((c == '-' || up == '-') && last != NULL &&
			last->end == i && i + step < end &&
			is_wordbyte((unsigned char)t[i + step]) &&
			last->kind == EXT_WORD && !up) {
			/* a hyphen joining two words is a flag, not a token */
			ex->toks[n - 1].tflags |= EXTF_HYPH_AFTER;
			i += step;
		} else if (c == '-' || up == '-') {
			punct_token(ex, &n, i, step, up ? ';' : '-');
			i += step;
		} else if ((c == '\'' || up == '\'') && last != NULL &&
			last->end == i && last->kind == EXT_WORD) {
			i = apostrophe(ex, &n, t, i, end, step);
		} else if (is_wordbyte(c) && up == 0) {
			if ((i = word_token(ex, &n, t, i, end, cache)) == 0) {
				return -1;
			}
		} else {
			/* any other byte is a punctuation token */
			punct_token(ex, &n, i, step, up ? up : c);
			i += step;
		}
	}
	return (long)n;
}
