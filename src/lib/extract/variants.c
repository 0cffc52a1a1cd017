/* SPDX-License-Identifier: MIT */
/*
 * The alternatives of a dictionary phrase (verbs.tsv, actors.tsv and the
 * user's files), expanded into the phrases the matcher reads.
 *
 * Words are separated by spaces; "a|b" gives alternatives for one word
 * ("call|called for" is call or called, then for). Alternatives of
 * several words go in parentheses: "threaten * (force|military
 * action|war)" is three phrases' worth of objects. A phrase with such a
 * list is expanded here into one phrase per alternative of several words
 * plus one holding all the one-word alternatives as a list, so the
 * matcher only ever sees one-word alternatives.
 *
 * What would be read otherwise than it was written is an error with its
 * column, never a phrase silently disabled: two alternative lists side by
 * side ("force|military action|war" reads as (force|military) then
 * (action|war): write "(force|military action|war)", or "(a|b) (c|d)"
 * for two lists), an empty alternative ("condemn|"), an unclosed
 * parenthesis, a gap inside one.
 */
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"

/* Phrases one line may expand into. */
#define MAX_VARIANTS 64
/* Parts (words, gaps, lists) of one phrase. */
#define MAX_PARTS 32
/* Alternatives of several words in one list. */
#define MAX_MULTI 16

enum { PART_WORD, PART_GAP, PART_LIST, PART_GROUP };

typedef struct part {
	size_t s, e; /* the part's bytes, without parentheses */
	int kind;
	int n_single;          /* one-token alternatives */
	int n_multi;           /* alternatives of several tokens */
	size_t ms[MAX_MULTI];  /* their bytes */
	size_t me[MAX_MULTI];
	int options;           /* n_multi, plus one for the one-word list */
} part;

static ent_status fail(size_t *bad_col, size_t col, const char **why,
	const char *msg)
{
	*bad_col = col;
	*why = msg;
	return ENT_EPARSE;
}

/* Read the alternatives of list part p: each one word or several. */
static ent_status read_alternatives(ent_extractor *ex, const char *phrase,
	part *p, size_t *bad_col, const char **why)
{
	size_t a = p->s;

	while (a <= p->e) {
		size_t b = a, s, e;
		long nt;

		while (b < p->e && phrase[b] != '|') {
			b++;
		}
		for (s = a; s < b && phrase[s] == ' '; s++) {
		}
		for (e = b; e > s && phrase[e - 1] == ' '; e--) {
		}
		if (e == s) {
			return fail(bad_col, a, why, "an empty alternative");
		}
		if (memchr(phrase + s, '*', e - s) != NULL) {
			return fail(bad_col, s, why,
				"a gap (*) inside a list of alternatives");
		}
		if ((nt = ex_tokenize(ex, phrase, s, e, 0)) < 0) {
			return ENT_ENOMEM;
		}
		if (nt == 0) {
			return fail(bad_col, s, why, "an empty alternative");
		}
		if (nt == 1 && memchr(phrase + s, ' ', e - s) == NULL) {
			p->n_single++;
		} else if (p->n_multi >= MAX_MULTI) {
			return fail(bad_col, s, why,
				"too many alternatives of several words");
		} else {
			p->ms[p->n_multi] = s;
			p->me[p->n_multi++] = e;
		}
		a = b + 1;
	}
	p->options = p->n_multi + (p->n_single > 0);
	return ENT_OK;
}

/* Split the phrase into parts. */
static ent_status read_parts(ent_extractor *ex, const char *phrase,
	size_t len, part *parts, size_t *n_parts, size_t *bad_col,
	const char **why)
{
	size_t i = 0, n = 0;
	ent_status st;

	while (i < len) {
		part *p;

		while (i < len && phrase[i] == ' ') {
			i++;
		}
		if (i >= len) {
			break;
		}
		if (n >= MAX_PARTS) {
			return fail(bad_col, i, why, "too many words");
		}
		p = &parts[n];
		memset(p, 0, sizeof(*p));
		if (phrase[i] == '(') {
			const char *close =
				memchr(phrase + i, ')', len - i);

			if (close == NULL) {
				return fail(bad_col, i, why,
					"a '(' with no ')'");
			}
			p->s = i + 1;
			p->e = (size_t)(close - phrase);
			if (memchr(phrase + p->s, '(', p->e - p->s) != NULL) {
				return fail(bad_col, i, why,
					"parentheses inside parentheses");
			}
			p->kind = PART_GROUP;
			i = p->e + 1;
			if (i < len && phrase[i] != ' ') {
				return fail(bad_col, i, why,
					"a space after ')'");
			}
		} else {
			p->s = i;
			while (i < len && phrase[i] != ' ') {
				i++;
			}
			p->e = i;
			if (memchr(phrase + p->s, ')', p->e - p->s) != NULL) {
				return fail(bad_col,
					(size_t)((const char *)memchr(
							 phrase + p->s, ')',
							 p->e - p->s) -
						phrase),
					why, "a ')' with no '('");
			}
			p->kind = phrase[p->s] == '*' ? PART_GAP
				: memchr(phrase + p->s, '|', p->e - p->s)
				? PART_LIST
				: PART_WORD;
		}
		if (p->kind == PART_LIST && n > 0 &&
			parts[n - 1].kind == PART_LIST) {
			return fail(bad_col, p->s, why,
				"two lists of alternatives side by side: write "
				"(a|b c|d) for alternatives of several words, "
				"or (a|b) (c|d) for two lists");
		}
		if ((p->kind == PART_LIST || p->kind == PART_GROUP) &&
			(st = read_alternatives(ex, phrase, p, bad_col, why)) !=
				ENT_OK) {
			return st;
		}
		n++;
	}
	*n_parts = n;
	return ENT_OK;
}

/* Append phrase[s, e) to the variant, remembering where each byte came
 * from. */
static void put(char *out, size_t *at, size_t *from, const char *phrase,
	size_t s, size_t e)
{
	size_t k;

	for (k = s; k < e; k++) {
		from[*at] = k;
		out[(*at)++] = phrase[k];
	}
}

/* Write variant number v (its choice in each list by mixed radix). */
static size_t write_variant(const char *phrase, const part *parts,
	size_t n_parts, size_t v, char *out, size_t *from)
{
	size_t at = 0, k;

	for (k = 0; k < n_parts; k++) {
		const part *p = &parts[k];

		if (k > 0) {
			from[at] = p->s;
			out[at++] = ' ';
		}
		if (p->kind == PART_WORD || p->kind == PART_GAP) {
			put(out, &at, from, phrase, p->s, p->e);
		} else {
			size_t choice = v % (size_t)p->options;

			v /= (size_t)p->options;
			if (choice < (size_t)p->n_multi) {
				put(out, &at, from, phrase, p->ms[choice],
					p->me[choice]);
			} else {
				/* the one-word alternatives, as a list */
				size_t a = p->s;
				int first = 1;

				while (a <= p->e) {
					size_t b = a, s, e;
					int m, multi = 0;

					while (b < p->e && phrase[b] != '|') {
						b++;
					}
					for (s = a; phrase[s] == ' '; s++) {
					}
					for (e = b; e > s && phrase[e - 1] == ' ';
						e--) {
					}
					for (m = 0; m < p->n_multi; m++) {
						multi |= p->ms[m] == s;
					}
					if (!multi) {
						if (!first) {
							from[at] = a - 1;
							out[at++] = '|';
						}
						put(out, &at, from, phrase, s, e);
						first = 0;
					}
					a = b + 1;
				}
			}
		}
	}
	return at;
}

ent_status ex_phrase_variants(ent_extractor *ex, const char *phrase,
	size_t len, ex_variant_fn fn, void *payload, size_t *bad_col,
	const char **why)
{
	part parts[MAX_PARTS];
	size_t n_parts = 0, n_var = 1, v, k;
	char *out = NULL;
	size_t *from = NULL;
	ent_status st;

	*bad_col = 0;
	*why = NULL;
	if ((st = read_parts(ex, phrase, len, parts, &n_parts, bad_col,
		     why)) != ENT_OK) {
		return st;
	}
	for (k = 0; k < n_parts; k++) {
		if (parts[k].kind == PART_LIST || parts[k].kind == PART_GROUP) {
			n_var *= (size_t)parts[k].options;
			if (n_var > MAX_VARIANTS) {
				return fail(bad_col, parts[k].s, why,
					"more than 64 phrases from one line's "
					"alternatives");
			}
		}
	}
	/* a variant is never longer than the phrase: parentheses and
	 * the multi-word alternatives not chosen are dropped */
	if ((out = malloc(len + 1)) == NULL ||
		(from = malloc((len + 1) * sizeof(*from))) == NULL) {
		st = ENT_ENOMEM;
		goto done;
	}
	for (v = 0; v < n_var; v++) {
		size_t n = write_variant(phrase, parts, n_parts, v, out, from);

		st = fn(payload, out, n, bad_col);
		if (st != ENT_OK) {
			if (st == ENT_EPARSE) {
				*bad_col = *bad_col < n ? from[*bad_col] : 0;
			}
			goto done;
		}
	}
	st = ENT_OK;
done:
	free(out);
	free(from);
	return st;
}
