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
	{
		const ex_wordclass *wc = ex_word_classes(s, n);

		w->flags = wc ? wc->grammar : 0;
	}
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

static long tokenize(
	ent_extractor *ex, const char *t, size_t start, size_t end, int cache)
{
	size_t n = 0, i = start;

	/* at most one token per byte, plus the split "n't" */
	if (end - start + 2 > ex->toks_cap) {
		size_t cap = ex->toks_cap ? ex->toks_cap : 256;
		ex_token *nt;

		while (cap < end - start + 2) {
			cap *= 2;
		}
		if ((nt = realloc(ex->toks, cap * sizeof(*nt))) == NULL) {
			return -1;
		}
		ex->toks = nt;
		ex->toks_cap = cap;
	}

	while (i < end) {
		unsigned char c = (unsigned char)t[i];
		unsigned char up = c >= 0x80 ? utf8_punct(t, end, i) : 0;
		ex_token *tok;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
			c == '\f' || c == '\v') {
			i++;
			continue;
		}
		if (c == '"' || c == '`' || up == '"') {
			i += up ? 3 : 1;
			continue;
		}
		if (c == '-' || up == '-') {
			/* a hyphen joining two words is a flag, not a token */
			size_t step = up ? 3 : 1;

			if (n > 0 && ex->toks[n - 1].end == i &&
				i + step < end &&
				is_wordbyte((unsigned char)t[i + step]) &&
				ex->toks[n - 1].kind == EXT_WORD && !up) {
				ex->toks[n - 1].tflags |= EXTF_HYPH_AFTER;
				i += step;
				continue;
			}
			if ((tok = push(ex, &n)) == NULL) {
				return -1;
			}
			tok->kind = EXT_PUNCT;
			tok->punct = up ? ';' : '-';
			tok->key = tok->punct;
			tok->start = (uint32_t)i;
			tok->end = (uint32_t)(i + step);
			i += step;
			continue;
		}
		if ((c == '\'' || up == '\'') && n > 0 &&
			ex->toks[n - 1].end == i &&
			ex->toks[n - 1].kind == EXT_WORD) {
			/* possessive 's or a bare ' after a plural */
			size_t step = up ? 3 : 1;
			size_t j = i + step;

			if (j < end && (t[j] == 's' || t[j] == 'S') &&
				(j + 1 >= end ||
					!is_alnum((unsigned char)t[j + 1]))) {
				j++;
			}
			if (j == i + step && j < end &&
				is_alnum((unsigned char)t[j])) {
				/* an inner apostrophe (O'Brien): skip it */
				i += step;
				continue;
			}
			if ((tok = push(ex, &n)) == NULL) {
				return -1;
			}
			tok->kind = EXT_PUNCT;
			tok->punct = '\'';
			tok->key = key_of("'s", 2);
			tok->tflags = EXTF_POSS;
			tok->start = (uint32_t)i;
			tok->end = (uint32_t)j;
			i = j;
			continue;
		}
		if (is_wordbyte(c) && up == 0) {
			char buf[WORD_BUF];
			size_t bl = 0, j = i;
			uint64_t h = ENT__FNV_INIT;
			int upper = 1, letters = 0, inner_dot = 0;

			while (j < end) {
				unsigned char d = (unsigned char)t[j];

				if (d >= 0x80 && utf8_punct(t, end, j)) {
					break;
				}
				if (is_wordbyte(d)) {
					if (d >= 'A' && d <= 'Z') {
						d = (unsigned char)(d - 'A' +
							'a');
						letters++;
					} else if (d >= 'a' && d <= 'z') {
						upper = 0;
						letters++;
					}
				} else if (d == '.' && j + 1 < end &&
					is_alnum((unsigned char)t[j + 1]) &&
					(j + 2 >= end || t[j + 2] == '.' ||
						!is_alnum((unsigned char)
								t[j + 2]))) {
					/* U.S., D.C. (one letter between dots)
					 */
					inner_dot = 1;
				} else if (d == '.' && inner_dot) {
					/* the final dot of U.S. */
					h ^= d;
					h *= 1099511628211ULL;
					if (bl < WORD_BUF - 1) {
						buf[bl++] = (char)d;
					}
					j++;
					break;
				} else if (d == '-' && j + 1 < end &&
					(t[j + 1] == '\n' ||
						t[j + 1] == '\r') &&
					j > i) {
					/* a hyphenated line break: join */
					size_t k = j + 1;

					while (k < end &&
						(t[k] == '\n' || t[k] == '\r' ||
							t[k] == ' ' ||
							t[k] == '\t')) {
						k++;
					}
					if (k < end && t[k] >= 'a' &&
						t[k] <= 'z') {
						j = k;
						continue;
					}
					break;
				} else if (d == ',' && j > i && j + 3 < end &&
					t[j - 1] >= '0' && t[j - 1] <= '9' &&
					t[j + 1] >= '0' && t[j + 1] <= '9') {
					/* 25,000 */
				} else {
					break;
				}
				h ^= d;
				h *= 1099511628211ULL;
				if (bl < WORD_BUF - 1) {
					buf[bl++] = (char)d;
				}
				j++;
			}
			/* "n't": split off the negation */
			if (j + 1 < end &&
				(t[j] == '\'' || (unsigned char)t[j] == 0xE2) &&
				bl > 1 && buf[bl - 1] == 'n') {
				size_t a = (unsigned char)t[j] == 0xE2 ? 3 : 1;

				if (j + a < end &&
					(t[j + a] == 't' || t[j + a] == 'T') &&
					(a == 1 ||
						utf8_punct(t, end, j) ==
							'\'') &&
					(j + a + 1 >= end ||
						!is_alnum((unsigned char)t[j +
							a + 1]))) {
					if ((tok = push(ex, &n)) == NULL) {
						return -1;
					}
					tok->kind = EXT_WORD;
					tok->start = (uint32_t)i;
					tok->end = (uint32_t)(j - 1);
					tok->key = key_of(buf, bl - 1);
					if ((c >= 'A' && c <= 'Z')) {
						tok->tflags |= EXTF_CAP;
					}
					if (cache &&
						(tok->w = word_lookup(ex,
							 tok->key, buf,
							 bl - 1)) == NULL) {
						return -1;
					}
					if ((tok = push(ex, &n)) == NULL) {
						return -1;
					}
					tok->kind = EXT_WORD;
					tok->start = (uint32_t)(j - 1);
					tok->end = (uint32_t)(j + a + 1);
					tok->key = key_of("not", 3);
					if (cache &&
						(tok->w = word_lookup(ex,
							 tok->key, "not", 3)) ==
							NULL) {
						return -1;
					}
					i = j + a + 1;
					continue;
				}
			}
			if ((tok = push(ex, &n)) == NULL) {
				return -1;
			}
			tok->kind = EXT_WORD;
			tok->start = (uint32_t)i;
			tok->end = (uint32_t)j;
			tok->key = h ? h : 1;
			if (c >= 'A' && c <= 'Z') {
				tok->tflags |= EXTF_CAP;
				if (upper && letters >= 2) {
					tok->tflags |= EXTF_UPPER;
				}
			}
			if (cache) {
				if (bl < WORD_BUF - 1) {
					tok->w = word_lookup(
						ex, tok->key, buf, bl);
				} else {
					/* very long words: never stemmed, never
					 * cached */
					tok->w = word_lookup(
						ex, tok->key, "", 0);
				}
				if (tok->w == NULL) {
					return -1;
				}
			}
			i = j;
			continue;
		}
		/* any other byte is a punctuation token */
		if ((tok = push(ex, &n)) == NULL) {
			return -1;
		}
		tok->kind = EXT_PUNCT;
		tok->punct = up ? up : c;
		tok->key = tok->punct;
		tok->start = (uint32_t)i;
		tok->end = (uint32_t)(i + (up ? 3 : 1));
		i += up ? 3 : 1;
	}
	return (long)n;
}
