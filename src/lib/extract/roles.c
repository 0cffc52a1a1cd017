/* SPDX-License-Identifier: MIT */
/*
 * One sentence: actor mentions, groups of coordinated actors, clauses,
 * event phrases, then who did what to whom.
 *
 * Roles come from the surface structure, not a parser:
 * - the subject of a verb is the nearest actor group before it in its
 *   clause that is not the object of a preposition (the leftmost one if
 *   all are); a relative "which"/"who" stands for the actor before it;
 * - the target is the first actor group after the verb in the clause that
 *   has no preposition or a target preposition (to, with, against, on ...);
 * - passive verbs ("was attacked by X") swap: X is the source;
 * - nominal events ("criticism from X over Y", "US sanctions on Iran")
 *   take their source from "from/by X" or the actor right before them,
 *   their target from a target preposition;
 * - a verb in the complement of an earlier event verb of the clause
 *   ("agreed not to attack", "invited Russia to send troops") is part of
 *   that event and is not coded again; control verbs ("plans to",
 *   "decided to") pass to their complement, negators ("denied", "failed
 *   to") negate it;
 * - coordinated subjects with a symmetric or reciprocal event and no
 *   target code each member toward the others.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"

#define MAX_CODES 8

typedef struct mention {
	long t0, t1;
	uint16_t type; /* EXA_STATE, EXA_BLOCK, EXA_REF_*, M_REL */
	char code[ENT_CODE_SIZE];
	long group;
	long ante;   /* M_REL: the group it stands for */
	int pending; /* an adjective still looking for its head */
} mention;

#define M_REL 100

/* scratch.attrib bits per token */
#define TOK_ATTRIB 1 /* in an attribution tail */
#define TOK_HEDGE 2  /* a hedging word */
#define TOK_RECIP 4  /* a reciprocal marker */

typedef struct group {
	long m0, m1;   /* mentions [m0, m1) */
	long t0, t1;   /* tokens */
	uint32_t prep; /* EXW_* flags of the preposition before it */
	int clause;
	int n_codes;
	char codes[MAX_CODES][ENT_CODE_SIZE];
	long code_m[MAX_CODES]; /* the mention each code was read from */
	int resolved;
} group;

typedef struct vmatch {
	long t0, t1;
	const ex_phrase *p;
} vmatch;

typedef struct emitted {
	char source[ENT_CODE_SIZE];
	char target[ENT_CODE_SIZE];
	char code[5];
} emitted;

typedef struct scratch {
	mention *m;
	size_t n_m, cap_m;
	group *g;
	size_t n_g, cap_g;
	vmatch *v;
	size_t n_v, cap_v;
	int *clause;            /* clause id per token */
	unsigned char *attrib;  /* 1: token in an attribution tail */
	long *mention_at;       /* mention index covering a token, -1 */
	unsigned char *in_verb; /* token inside an event phrase */
	size_t cap_t;
	emitted *e;
	size_t n_e, cap_e;
	ent__buf text;      /* the sentence, NUL-terminated */
	ent__buf strs;      /* source_text, target_text, id */
	const ex_token *tk; /* the sentence's tokens (borrowed) */
} scratch;

void ex_scratch_free(void *p)
{
	scratch *s = p;

	if (s == NULL) {
		return;
	}
	free(s->m);
	free(s->g);
	free(s->v);
	free(s->clause);
	free(s->attrib);
	free(s->mention_at);
	free(s->in_verb);
	free(s->e);
	ent__buf_free(&s->text);
	ent__buf_free(&s->strs);
	free(s);
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
	void *np;
	size_t nc;

	if (need <= *cap) {
		return 0;
	}
	nc = *cap ? *cap : 16;
	while (nc < need) {
		nc *= 2;
	}
	np = realloc(*p, nc * size);
	if (np == NULL) {
		return -1;
	}
	*p = np;
	*cap = nc;
	return 0;
}

static uint32_t wflags(const ex_token *t)
{
	return t->w ? t->w->flags : 0;
}

static int is_punct(const ex_token *t, unsigned char c)
{
	return t->kind == EXT_PUNCT && t->punct == c;
}

/* Copy a NUL-terminated code into a buffer of `size` bytes. */
static void copy_code(char *dst, const char *src, size_t size)
{
	size_t i;

	for (i = 0; i + 1 < size && src[i] != '\0'; i++) {
		dst[i] = src[i];
	}
	dst[i] = '\0';
}

/* After ", and": does a new subject and verb follow ("..., and China has
 * invited Russia") rather than the last item of a list ("Iran, Libya, and
 * Cuba")? */
static int new_clause_after(const ex_token *tk, long n, long k)
{
	long j;

	if (k >= n || !(tk[k].tflags & EXTF_CAP)) {
		return 0;
	}
	/* "The US, Russia, and Switzerland met": a capitalised word before
	 * the comma makes it a list of names */
	if (k >= 3 && (tk[k - 3].tflags & EXTF_CAP)) {
		return 0;
	}
	for (j = k + 1; j < n && j <= k + 8; j++) {
		uint32_t f = tk[j].w ? tk[j].w->flags : 0;

		if (tk[j].kind == EXT_PUNCT && !(tk[j].tflags & EXTF_POSS)) {
			return 0;
		}
		if ((f & (EXW_BE | EXW_FUTURE | EXW_AUX)) ||
			(tk[j].w && tk[j].w->verbs >= 0 &&
				!(tk[j].tflags & EXTF_CAP))) {
			return 1;
		}
	}
	return 0;
}

/* -- clauses ------------------------------------------------------------ */

static void mark_clauses(scratch *s, const ex_token *tk, long n)
{
	long i;
	int c = 0;

	for (i = 0; i < n; i++) {
		uint32_t f = wflags(&tk[i]);

		if (i >= 1 && is_punct(&tk[i - 1], ',') && (f & EXW_AND) &&
			new_clause_after(tk, n, i + 1)) {
			c++;
		} else if ((f & EXW_THAT) && i + 1 < n &&
			(wflags(&tk[i + 1]) &
				(EXW_BE | EXW_AUX | EXW_FUTURE))) {
			/* a relative clause: "a helicopter that was captured"
			 */
			c++;
		} else if ((tk[i].kind == EXT_PUNCT &&
				   (tk[i].punct == ';' || tk[i].punct == ':' ||
					   tk[i].punct == '(' ||
					   tk[i].punct == ')')) ||
			(f & EXW_CLAUSE) ||
			((f & EXW_REL) && i > 0 && is_punct(&tk[i - 1], ','))) {
			c++;
		}
		s->clause[i] = c;
		s->attrib[i] = 0;
		if (f & EXW_HEDGE) {
			s->attrib[i] |= TOK_HEDGE;
		}
		if ((f & EXW_RECIP) ||
			((f & EXW_ONE) && i + 1 < n &&
				(wflags(&tk[i + 1]) & EXW_OTHER))) {
			s->attrib[i] |= TOK_RECIP;
		}
	}
	/* attribution tails: ", X said ..." near the end, "according to" */
	for (i = 0; i < n; i++) {
		if (is_punct(&tk[i], ',')) {
			long k;

			for (k = i + 1; k < n && k <= i + 10; k++) {
				if (wflags(&tk[k]) & EXW_SPEECH) {
					break;
				}
				if (tk[k].kind == EXT_PUNCT &&
					!(tk[k].tflags & EXTF_POSS)) {
					k = n;
					break;
				}
			}
			if (k < n && k <= i + 10 && (n - k) <= 14) {
				long j;

				/* the tail ends at a clause word: "..., the
				 * president told reporters after meeting X" */
				for (j = i; j < n &&
					!(j > k &&
						(wflags(&tk[j]) & EXW_CLAUSE));
					j++) {
					s->attrib[j] |= TOK_ATTRIB;
					s->clause[j] = c + 1;
				}
				break;
			}
		}
		if (wflags(&tk[i]) & EXW_ACCORDING) {
			long j;

			for (j = i; j < n && !(j > i && is_punct(&tk[j], ','));
				j++) {
				s->attrib[j] |= TOK_ATTRIB;
				s->clause[j] = c + 1;
			}
			c++;
			i = j;
		}
	}
}

/* -- mentions ----------------------------------------------------------- */

static mention *add_mention(scratch *s)
{
	if (grow((void **)&s->m, &s->cap_m, s->n_m + 1, sizeof(mention))) {
		return NULL;
	}
	memset(&s->m[s->n_m], 0, sizeof(mention));
	s->m[s->n_m].ante = -1;
	s->m[s->n_m].group = -1;
	return &s->m[s->n_m++];
}

/* A head noun after [t1 ...] within a few modifiers: its index, or -1. */
static long find_head(const ex_token *tk, long n, long t1, long max)
{
	long k;

	for (k = t1; k < n && k < t1 + max; k++) {
		uint32_t f = wflags(&tk[k]);

		if (tk[k].w && tk[k].w->head >= 0) {
			/* "prime minister", "foreign ministry spokeswoman" */
			while (k + 1 < n && tk[k + 1].w &&
				tk[k + 1].w->head >= 0 &&
				tk[k + 1].w->verbs < 0) {
				k++;
			}
			return k;
		}
		if (tk[k].kind != EXT_WORD ||
			(f &
				(EXW_PREP | EXW_AND | EXW_CLAUSE | EXW_REL |
					EXW_SPEECH | EXW_BE | EXW_NEG |
					EXW_DET | EXW_FUTURE))) {
			return -1;
		}
		if (tk[k].w && tk[k].w->verbs >= 0 && tk[k].w->head < 0) {
			return -1;
		}
	}
	return -1;
}

static void set_sector(char *code, const ent_extractor *ex, const ex_token *t)
{
	const char *sec = ex->heads[t->w->head].sector;
	size_t n = strlen(code);

	if (n == 3 && sec[0] != '\0') {
		copy_code(code + 3, sec, ENT_CODE_SIZE - 3);
	}
}

static int find_mentions(
	ent_extractor *ex, scratch *s, const ex_token *tk, long n)
{
	long i;

	for (i = 0; i < n; i++) {
		s->mention_at[i] = -1;
	}
	for (i = 0; i < n; i++) {
		const ex_phrase *best = NULL;
		long best_end = 0;
		int32_t pi;
		mention *m;

		if (tk[i].w == NULL || tk[i].w->actors < 0) {
			/* a relative pronoun after an actor */
			if (tk[i].w && (tk[i].w->flags & EXW_REL) && i >= 2 &&
				is_punct(&tk[i - 1], ',') &&
				s->mention_at[i - 2] >= 0) {
				long a = s->mention_at[i - 2];

				if ((m = add_mention(s)) == NULL) {
					return -1;
				}
				m->t0 = i;
				m->t1 = i + 1;
				m->type = M_REL;
				m->ante = a; /* a mention for now; a group later
					      */
				s->mention_at[i] = (long)(s->n_m - 1);
			}
			continue;
		}
		for (pi = tk[i].w->actors; pi >= 0;
			pi = ex->actors.phrases[pi].next) {
			const ex_phrase *p = &ex->actors.phrases[pi];
			long end;

			if ((p->need & EXTF_CAP) &&
				!(tk[i].tflags & EXTF_CAP)) {
				continue;
			}
			if (p->second != 0 &&
				(i + 1 >= n || tk[i + 1].key != p->second)) {
				continue;
			}
			if ((p->need & EXTF_UPPER) &&
				!(tk[i].tflags & EXTF_UPPER)) {
				continue;
			}
			if ((p->need & EXN_SURNAME) && i > 0 &&
				tk[i - 1].kind == EXT_WORD &&
				(tk[i - 1].tflags & EXTF_CAP) &&
				wflags(&tk[i - 1]) == 0 &&
				(tk[i - 1].w == NULL ||
					(tk[i - 1].w->head < 0 &&
						tk[i - 1].w->verbs < 0))) {
				/* another person's name: "James Cameron",
				 * "Daniil Medvedev"; a title ("President",
				 * "Mr"), a function word ("The Bush
				 * administration") or an event word in a
				 * headline ("China Slams Trump") does not
				 * count */
				continue;
			}
			if (ex_phrase_match(
				    &ex->actors, p, tk, n, i, 0, &end) &&
				(end > best_end ||
					(end == best_end && best != NULL &&
						p->order > best->order))) {
				best = p;
				best_end = end;
			}
		}
		if (best == NULL) {
			continue;
		}
		/* modifiers: "Russian-language", "pro-Russia", "U.S.-led" */
		if ((best->type == EXA_STATE || best->type == EXA_ADJ) &&
			((tk[best_end - 1].tflags & EXTF_HYPH_AFTER) ||
				(i > 0 &&
					(tk[i - 1].tflags &
						EXTF_HYPH_AFTER)))) {
			i = best_end - 1;
			continue;
		}
		if ((m = add_mention(s)) == NULL) {
			return -1;
		}
		m->t0 = i;
		m->t1 = best_end;
		m->type = best->type;
		copy_code(m->code, best->code, sizeof(m->code));
		if (best->type == EXA_STATE || best->type == EXA_ADJ) {
			/* part of an organisation's name: "China Daily",
			 * "Bank of China" */
			if ((best_end < n && (tk[best_end].tflags & EXTF_CAP) &&
				    ex_map_get(&ex->orgwords,
					    tk[best_end].key) >= 0) ||
				(i >= 2 && (tk[i - 2].tflags & EXTF_CAP) &&
					(wflags(&tk[i - 1]) & EXW_OF) &&
					ex_map_get(&ex->orgwords,
						tk[i - 2].key) >= 0)) {
				m->type = EXA_BLOCK;
				m->code[0] = '\0';
			}
		}
		if ((m->type == EXA_REF_ONE || m->type == EXA_REF_MANY) &&
			(tk[i].tflags & EXTF_UPPER)) {
			/* "IT security" is not "it" */
			s->n_m--;
			continue;
		}
		if (m->type == EXA_ADJ) {
			long h = find_head(tk, n, best_end, 4);

			if (h < 0 && best_end < n && tk[best_end].w &&
				tk[best_end].w->verbs >= 0) {
				/* "Russian attacks", "French mediation" */
				m->type = EXA_STATE;
			} else if (h >= 0) {
				m->t1 = h + 1;
				m->type = EXA_STATE;
				set_sector(m->code, ex, &tk[h]);
			} else if (i > 0 &&
				(wflags(&tk[i - 1]) & (EXW_TPREP)) &&
				!(wflags(&tk[i - 1]) & (EXW_WITH))) {
				/* "tariffs on Australian wine", "to German
				 * goods" */
				m->type = EXA_STATE;
			} else {
				m->pending = 1;
			}
		} else if (m->type == EXA_STATE) {
			long k = best_end;
			long h;

			if (k < n && (tk[k].tflags & EXTF_POSS)) {
				k++;
			}
			h = find_head(tk, n, k, 3);
			if (h >= 0 && strlen(m->code) == 3) {
				set_sector(m->code, ex, &tk[h]);
			}
		}
		{
			long k;

			for (k = m->t0; k < m->t1; k++) {
				s->mention_at[k] = (long)(s->n_m - 1);
			}
		}
		i = m->t1 - 1;
	}
	/* adjectives sharing a head: "French and Egyptian warships" */
	{
		size_t a, w = 0;

		for (a = 0; a < s->n_m; a++) {
			mention *m = &s->m[a];

			if (m->pending) {
				size_t b = a + 1;
				long k;
				int joined = 0;

				if (b < s->n_m && s->m[b].type == EXA_STATE &&
					s->m[b].t1 - s->m[b].t0 > 1) {
					joined = 1;
					for (k = m->t1; k < s->m[b].t0; k++) {
						if (!(wflags(&tk[k]) &
							    EXW_AND) &&
							!is_punct(
								&tk[k], ',')) {
							joined = 0;
						}
					}
				}
				if (!joined) {
					continue;
				}
				m->pending = 0;
				m->type = EXA_STATE;
				if (strlen(s->m[b].code) > 3 &&
					strlen(m->code) == 3) {
					copy_code(m->code + 3, s->m[b].code + 3,
						ENT_CODE_SIZE - 3);
				}
			}
			s->m[w++] = *m;
		}
		s->n_m = w;
		for (a = 0; a < (size_t)n; a++) {
			s->mention_at[a] = -1;
		}
		for (a = 0; a < s->n_m; a++) {
			long k;

			for (k = s->m[a].t0; k < s->m[a].t1; k++) {
				s->mention_at[k] = (long)a;
			}
		}
	}
	return 0;
}

/* -- groups ------------------------------------------------------------- */

static int joinable(const ex_token *tk, long a, long b)
{
	long k;
	int conj = 0;

	if (b - a > 5) {
		return 0;
	}
	for (k = a; k < b; k++) {
		uint32_t f = wflags(&tk[k]);

		if (f & EXW_AND) {
			conj = 1;
		} else if (is_punct(&tk[k], ',')) {
			conj = 1;
		} else if (tk[k].kind == EXT_WORD &&
			(tk[k].tflags & EXTF_CAP) &&
			!(f & (EXW_SPEECH | EXW_CALENDAR))) {
			/* a person's name between: "leader Muammar Gaddafi and"
			 */
		} else if (f & EXW_DET) {
		} else {
			return 0;
		}
	}
	return conj;
}

static uint32_t prep_before(const ex_token *tk, const scratch *s, long t0)
{
	long k;

	for (k = t0 - 1; k >= 0 && k >= t0 - 4; k--) {
		uint32_t f = wflags(&tk[k]);

		if (s->in_verb[k]) {
			return 0; /* "arrived in", "appeal to": part of the
				     phrase */
		}
		if (f & EXW_PREP) {
			if ((f & EXW_OF) && k > 0 && tk[k - 1].w &&
				((tk[k - 1].w->head >= 0 &&
					 s->mention_at[k - 1] < 0) ||
					(tk[k - 1].w->flags & EXW_QUANT))) {
				return 0; /* "the government of Bolivia" */
			}
			return f;
		}
		if (tk[k].kind != EXT_WORD || s->in_verb[k] ||
			(f &
				(EXW_AND | EXW_BE | EXW_CLAUSE | EXW_REL |
					EXW_NEG | EXW_SPEECH | EXW_FUTURE |
					/* "said on Tuesday that Sudan": the
					 * preposition has its object */
					EXW_THAT | EXW_CALENDAR)) ||
			(tk[k].w && tk[k].w->verbs >= 0) ||
			s->mention_at[k] >= 0) {
			return 0;
		}
	}
	return 0;
}

static int find_groups(scratch *s, const ex_token *tk)
{
	size_t a;

	s->n_g = 0;
	for (a = 0; a < s->n_m; a++) {
		mention *m = &s->m[a];
		group *g;

		if (s->n_g > 0 && m->type != M_REL &&
			s->m[a - 1].type != M_REL &&
			m->type == s->m[a - 1].type && m->type == EXA_STATE &&
			s->clause[m->t0] == s->clause[s->m[a - 1].t0] &&
			(joinable(tk, s->m[a - 1].t1, m->t0) ||
				/* a title and a name of one state, side by
				 * side: "Bulgarian President Todor Zhivkov" */
				(m->t0 == s->m[a - 1].t1 && m->code[0] &&
					strncmp(m->code, s->m[a - 1].code, 3) ==
						0))) {
			g = &s->g[s->n_g - 1];
			g->m1 = (long)a + 1;
			g->t1 = m->t1;
			m->group = (long)s->n_g - 1;
			continue;
		}
		if (grow((void **)&s->g, &s->cap_g, s->n_g + 1,
			    sizeof(group))) {
			return -1;
		}
		g = &s->g[s->n_g];
		memset(g, 0, sizeof(*g));
		g->m0 = (long)a;
		g->m1 = (long)a + 1;
		g->t0 = m->t0;
		g->t1 = m->t1;
		g->clause = s->clause[m->t0];
		g->prep = prep_before(tk, s, m->t0);
		m->group = (long)s->n_g;
		s->n_g++;
	}
	for (a = 0; a < s->n_m; a++) {
		if (s->m[a].type == M_REL) {
			s->m[a].ante = s->m[s->m[a].ante].group;
		}
	}
	return 0;
}

static void add_code(group *g, const char *code, long mi)
{
	int i;

	if (code[0] == '\0' || g->n_codes >= MAX_CODES) {
		return;
	}
	for (i = 0; i < g->n_codes; i++) {
		if (strcmp(g->codes[i], code) == 0) {
			return;
		}
	}
	g->code_m[g->n_codes] = mi;
	copy_code(g->codes[g->n_codes++], code, ENT_CODE_SIZE);
}

/* The nearest state group before token t0 in its clause that is not
 * introduced by a preposition; -1 if none. */
static long clause_subject(const scratch *s, long t0)
{
	long i, best = -1;

	for (i = 0; i < (long)s->n_g; i++) {
		const group *g = &s->g[i];

		if (g->t1 > t0) {
			break;
		}
		if (g->clause == s->clause[t0] && !g->prep &&
			s->m[g->m0].type == EXA_STATE &&
			!(s->attrib[g->t0] & TOK_ATTRIB)) {
			best = i;
		}
	}
	return best;
}

/* The sentence's main subject: its first state group not introduced by a
 * preposition and before token `before`; -1 if none. */
static long main_subject(const scratch *s, long before)
{
	size_t i;

	for (i = 0; i < s->n_g; i++) {
		const group *g = &s->g[i];
		const mention *m = &s->m[g->m0];

		if (g->t0 >= before) {
			break;
		}
		if (!(g->prep) && (m->type == EXA_STATE) &&
			!(s->attrib[g->t0] & TOK_ATTRIB)) {
			return (long)i;
		}
	}
	return -1;
}

static void resolve(ent_extractor *ex, scratch *s, long gi, int depth)
{
	group *g = &s->g[gi];
	long mi;

	if (g->resolved || depth > 4) {
		return;
	}
	g->resolved = 1;
	for (mi = g->m0; mi < g->m1; mi++) {
		const mention *m = &s->m[mi];
		int k;

		switch (m->type) {
		case EXA_STATE:
			add_code(g, m->code, mi);
			break;
		case M_REL:
			if (m->ante >= 0 && m->ante != gi) {
				resolve(ex, s, m->ante, depth + 1);
				for (k = 0; k < s->g[m->ante].n_codes; k++) {
					add_code(g, s->g[m->ante].codes[k], mi);
				}
			}
			break;
		case EXA_REF_MANY:
			/* "they", "their": a coordinated subject, else the last
			 * pair of the document, else as "it" */
			{
				long ms = main_subject(s, m->t0);

				if (ms >= 0 && ms != gi) {
					resolve(ex, s, ms, depth + 1);
				}
				if (!(ms >= 0 && ms != gi &&
					    s->g[ms].n_codes >= 2) &&
					ex->n_last_pair >= 2) {
					for (k = 0; k < ex->n_last_pair; k++) {
						add_code(g, ex->last_pair[k],
							mi);
					}
					break;
				}
			}
			/* fall through */
		case EXA_REF_ONE: {
			long ms = clause_subject(s, m->t0);

			if (ms < 0) {
				ms = main_subject(s, m->t0);
			}

			if (ms >= 0 && ms != gi) {
				resolve(ex, s, ms, depth + 1);
				for (k = 0; k < s->g[ms].n_codes; k++) {
					add_code(g, s->g[ms].codes[k], mi);
					if (m->type == EXA_REF_ONE) {
						break;
					}
				}
			} else if (ms < 0) {
				for (k = 0; k < ex->n_last_subject; k++) {
					add_code(g, ex->last_subject[k], mi);
					if (m->type == EXA_REF_ONE) {
						break;
					}
				}
			}
			break;
		}
		case EXA_REF_PAIR: {
			long j;
			int found = 0;

			/* the last coordinated group before it in the sentence
			 */
			for (j = gi - 1; j >= 0; j--) {
				if (s->g[j].m1 - s->g[j].m0 >= 2) {
					resolve(ex, s, j, depth + 1);
					if (s->g[j].n_codes >= 2) {
						for (k = 0; k < s->g[j].n_codes;
							k++) {
							add_code(g,
								s->g[j].codes
									[k],
								mi);
						}
						found = 1;
						break;
					}
				}
			}
			for (k = 0; !found && k < ex->n_last_pair; k++) {
				add_code(g, ex->last_pair[k], mi);
			}
			break;
		}
		default:
			break;
		}
	}
}

/* -- verbs -------------------------------------------------------------- */

static int find_verbs(ent_extractor *ex, scratch *s, const ex_token *tk, long n)
{
	long i;

	s->n_v = 0;
	for (i = 0; i < n; i++) {
		s->in_verb[i] = 0;
	}
	for (i = 0; i < n; i++) {
		const ex_phrase *best = NULL;
		long best_end = 0;
		int32_t pi;

		if (tk[i].w == NULL || tk[i].w->verbs < 0 ||
			(s->attrib[i] & TOK_ATTRIB) || s->mention_at[i] >= 0 ||
			(tk[i].w->flags & (EXW_HEDGE | EXW_ADVERB))) {
			continue;
		}
		for (pi = tk[i].w->verbs; pi >= 0;
			pi = ex->verbs.phrases[pi].next) {
			const ex_phrase *p = &ex->verbs.phrases[pi];
			long end;

			if (p->second != 0 &&
				(i + 1 >= n ||
					(tk[i + 1].w ? tk[i + 1].w->stem
						     : tk[i + 1].key) !=
						p->second)) {
				continue;
			}
			if (ex_phrase_match(&ex->verbs, p, tk, n, i, 1, &end) &&
				(end > best_end ||
					(end == best_end && best != NULL &&
						p->order > best->order))) {
				best = p;
				best_end = end;
			}
		}
		if (best == NULL) {
			continue;
		}
		if (grow((void **)&s->v, &s->cap_v, s->n_v + 1,
			    sizeof(vmatch))) {
			return -1;
		}
		s->v[s->n_v].t0 = i;
		s->v[s->n_v].t1 = best_end;
		s->v[s->n_v].p = best;
		s->n_v++;
		{
			long k;

			for (k = i; k < best_end; k++) {
				s->in_verb[k] = 1;
			}
		}
		i = best_end - 1;
	}
	return 0;
}

/* Is the word at t0 a past participle ("attacked", "shown", "held")? */
static int is_passive_form(const char *text, const ex_token *tk, long t0)
{
	const ex_token *v = &tk[t0];
	size_t len = v->end - v->start;
	const char *w = text + v->start;

	if (len >= 3 &&
		((w[len - 2] == 'e' && w[len - 1] == 'd') ||
			(w[len - 2] == 'e' && w[len - 1] == 'n') ||
			(w[len - 2] == 'w' && w[len - 1] == 'n'))) {
		return 1;
	}
	return (wflags(v) & EXW_PARTICIPLE) != 0;
}

/* Is the verb at t0 passive ("was attacked", "have been expelled")? */
static int is_passive(const char *text, const ex_token *tk, long t0)
{
	const ex_token *v = &tk[t0];
	size_t len = v->end - v->start;
	const char *w = text + v->start;
	long k;
	int participle = 0;

	if (len >= 3 &&
		((w[len - 2] == 'e' && w[len - 1] == 'd') ||
			(w[len - 2] == 'e' && w[len - 1] == 'n') ||
			(w[len - 2] == 'w' && w[len - 1] == 'n'))) {
		participle = 1;
	}
	if (wflags(v) & EXW_PARTICIPLE) {
		participle = 1;
	}
	if (!participle) {
		return 0;
	}
	for (k = t0 - 1; k >= 0 && k >= t0 - 3; k--) {
		uint32_t f = wflags(&tk[k]);

		if (f & EXW_BE) {
			return 1;
		}
		if (!(f & (EXW_ADVERB | EXW_NEG))) {
			return 0;
		}
	}
	return 0;
}

/* Is [g0, g1) inside ", ... ," right after an earlier actor ending at
 * prev_end, with the verb at t0 after the closing comma? */
static int appositive(
	const ex_token *tk, long prev_end, long g0, long g1, long t0)
{
	long k;
	int open = 0, close = 0;

	for (k = prev_end; k < g0; k++) {
		if (is_punct(&tk[k], ',')) {
			open = 1;
		}
	}
	for (k = g1; k < t0; k++) {
		if (is_punct(&tk[k], ',')) {
			close = 1;
		}
	}
	return open && close && g0 - prev_end <= 4;
}

/* The subject group of a verb starting at t0: see the file comment. An
 * appositive between commas ("Pakistan, a key U.S. ally, has") is passed
 * over for the actor it describes. */
static long subject_of(const scratch *s, const ex_token *tk, long t0, long from)
{
	long i, best = -1, leftmost = -1;
	int c = s->clause[t0];

	for (i = 0; i < (long)s->n_g; i++) {
		const group *g = &s->g[i];

		if (g->t1 > t0) {
			break;
		}
		if (g->clause != c || g->t0 < from ||
			(s->attrib[g->t0] & TOK_ATTRIB)) {
			continue;
		}
		if (leftmost < 0) {
			leftmost = i;
		}
		if (!g->prep) {
			if (best >= 0 &&
				appositive(
					tk, s->g[best].t1, g->t0, g->t1, t0)) {
				continue;
			}
			best = i;
		}
	}
	/* all candidates follow prepositions: take the first ("Security
	 * forces in Guinea tortured ..."), but only at the clause level, not
	 * for a verb after another one */
	return best >= 0 ? best : from == 0 ? leftmost : -1;
}

/* The first group after t1 in the clause with no preposition or a target
 * preposition; `nominal` requires a target preposition. */
static long target_of(
	const scratch *s, long t1, long max, int nominal, long pend)
{
	size_t i;
	long from = -1;
	int c = s->clause[t1 > 0 ? t1 - 1 : 0];

	for (i = 0; i < s->n_g; i++) {
		const group *g = &s->g[i];

		if (g->t0 < t1) {
			continue;
		}
		if (g->t0 > t1 + max || g->clause != c ||
			(s->attrib[g->t0] & TOK_ATTRIB)) {
			break;
		}
		if (s->m[g->m0].type == M_REL) {
			continue;
		}
		if (!nominal && (g->prep & (EXW_FROM | EXW_BY)) && from < 0 &&
			g->t0 <= pend + 5) {
			from = (long)i; /* "recalled its ambassador from X" */
		}
		if (nominal ? ((g->prep & (EXW_TPREP | EXW_BETWEEN)) != 0 ||
				      (g->prep == 0 &&
					      (g->t0 == t1 ||
						      (g->t0 == t1 + 1 &&
							      (wflags(&s->tk[t1]) &
								      EXW_DET)))))
			    : (!g->prep ||
				      (g->prep & (EXW_TPREP | EXW_BETWEEN)))) {
			if (g->prep & (EXW_FROM | EXW_BY)) {
				continue;
			}
			return (long)i;
		}
	}
	return from;
}

/* The subject of a condition after a threat ("threatened to walk out of
 * the talks if the United States ..."): the first group without a
 * preposition within a few words of the next "if" or "unless", which is
 * at most 25 words on. -1 when there is none. */
static long condition_subject(const scratch *s, long t1, long n)
{
	long k;
	size_t i;

	for (k = t1; k < n && k < t1 + 25; k++) {
		if (s->tk[k].kind == EXT_WORD && (wflags(&s->tk[k]) & EXW_COND)) {
			break;
		}
	}
	if (k >= n || k >= t1 + 25) {
		return -1;
	}
	for (i = 0; i < s->n_g; i++) {
		const group *g = &s->g[i];

		if (g->t0 <= k) {
			continue;
		}
		if (g->t0 > k + 4) {
			break;
		}
		if (g->prep == 0 && s->m[g->m0].type != M_REL) {
			return (long)i;
		}
	}
	return -1;
}

/* A group right after the phrase introduced by from/by (nominal source). */
static long agent_after(const scratch *s, long t1, uint32_t which)
{
	size_t i;

	for (i = 0; i < s->n_g; i++) {
		const group *g = &s->g[i];

		if (g->t0 < t1) {
			continue;
		}
		if (g->t0 > t1 + 4 || g->clause != s->clause[t1 - 1]) {
			break;
		}
		if (g->prep & which) {
			return (long)i;
		}
	}
	return -1;
}

/* A group right before a nominal phrase ("US sanctions", "their joint
 * exercises"), with at most two modifiers between. */
static long agent_before(const scratch *s, const ex_token *tk, long t0)
{
	long k;

	for (k = t0 - 1; k >= 0 && k >= t0 - 3; k--) {
		uint32_t f = wflags(&tk[k]);

		if (s->mention_at[k] >= 0) {
			return s->m[s->mention_at[k]].group;
		}
		if (tk[k].tflags & EXTF_POSS) {
			continue;
		}
		if (tk[k].kind != EXT_WORD ||
			(f &
				(EXW_PREP | EXW_AND | EXW_CLAUSE | EXW_BE |
					EXW_DET | EXW_SPEECH)) ||
			s->in_verb[k]) {
			return -1;
		}
	}
	return -1;
}

static int has_recip(const scratch *s, const ex_token *tk, long n, int c)
{
	long k;

	(void)tk;
	for (k = 0; k < n; k++) {
		if (s->clause[k] == c && (s->attrib[k] & TOK_RECIP)) {
			return 1;
		}
	}
	return 0;
}

/* -- emission ----------------------------------------------------------- */

typedef struct ctx {
	ent_extractor *ex;
	scratch *s;
	const char *text;
	const ex_token *tk;
	size_t start, end;
	long number;
	const char *doc;
	ent_event_cb cb;
	void *payload;
	long serial;
} ctx;

/* Every actor code the dictionaries give starts with its state's ISO
 * alpha-3 code (dict.c normalises aliases), so two codes belong to one
 * state when their first three letters agree. */
static int same_state(const char *a, const char *b)
{
	return a[0] != '\0' && a[0] == b[0] && a[1] == b[1] && a[2] == b[2];
}

static ent_status emit(ctx *c, const char *src, const mention *sm,
	const char *tgt, const mention *tm, const char *code, unsigned flags)
{
	scratch *s = c->s;
	const ent_cameo *cm = ent_cameo_lookup(code);
	ent_event ev;
	size_t i, o_src, o_tgt, o_id;
	char num[64];

	if (cm == NULL || src[0] == '\0' || tgt[0] == '\0' ||
		same_state(src, tgt)) {
		return ENT_OK;
	}
	for (i = 0; i < s->n_e; i++) {
		/* one event per pair of states and code: "Beijing" and
		 * "China" in one sentence are the same target */
		if (same_state(s->e[i].source, src) &&
			same_state(s->e[i].target, tgt) &&
			strcmp(s->e[i].code, code) == 0) {
			return ENT_OK;
		}
	}
	if (grow((void **)&s->e, &s->cap_e, s->n_e + 1, sizeof(emitted))) {
		return ENT_ENOMEM;
	}
	copy_code(s->e[s->n_e].source, src, ENT_CODE_SIZE);
	copy_code(s->e[s->n_e].target, tgt, ENT_CODE_SIZE);
	copy_code(s->e[s->n_e].code, code, 5);
	s->n_e++;

	s->strs.len = 0;
	o_src = 0;
	if (ent__buf_put(&s->strs, c->text + c->tk[sm->t0].start,
		    c->tk[sm->t1 - 1].end - c->tk[sm->t0].start) ||
		ent__buf_put(&s->strs, "", 1)) {
		return ENT_ENOMEM;
	}
	o_tgt = s->strs.len;
	if (ent__buf_put(&s->strs, c->text + c->tk[tm->t0].start,
		    c->tk[tm->t1 - 1].end - c->tk[tm->t0].start) ||
		ent__buf_put(&s->strs, "", 1)) {
		return ENT_ENOMEM;
	}
	o_id = s->strs.len;
	c->serial++;
	{
		/* ":<sentence>:<serial>" without printf, which is slow here */
		char tmp[24];
		size_t k = 0, o = 0;
		long v;
		int part;

		for (part = 0; part < 2; part++) {
			v = part == 0 ? c->number : c->serial;
			num[o++] = ':';
			k = 0;
			do {
				tmp[k++] = (char)('0' + v % 10);
				v /= 10;
			} while (v > 0 && k < sizeof(tmp));
			while (k > 0) {
				num[o++] = tmp[--k];
			}
		}
		num[o] = '\0';
	}
	if (ent__buf_put(&s->strs, c->ex->doc_base, c->ex->doc_base_len) ||
		ent__buf_puts(&s->strs, num) || ent__buf_put(&s->strs, "", 1)) {
		return ENT_ENOMEM;
	}
	ent_event_init(&ev);
	ev.id = s->strs.data + o_id;
	ev.date = c->ex->doc_date;
	copy_code(ev.source, src, sizeof(ev.source));
	copy_code(ev.target, tgt, sizeof(ev.target));
	copy_code(ev.code, code, sizeof(ev.code));
	ev.goldstein = cm->goldstein;
	ev.quad = cm->quad;
	ev.count = 1;
	ev.source_text = s->strs.data + o_src;
	ev.target_text = s->strs.data + o_tgt;
	ev.doc = c->doc;
	ev.sentence = c->number;
	ev.span_start = (long)c->start;
	ev.span_end = (long)c->end;
	ev.text = s->text.data;
	ev.flags = flags;
	return c->cb(&ev, c->payload);
}

/* Code every source of group `sg` toward every target of `tg`. */
static ent_status emit_groups(ctx *c, const group *sg, const group *tg,
	const char *code, unsigned flags, int sym)
{
	int a, b;
	ent_status st;

	if (sg->n_codes > 1) {
		flags |= ENT_FLAG_COMPOUND;
	}
	for (a = 0; a < sg->n_codes; a++) {
		for (b = 0; b < tg->n_codes; b++) {
			const mention *sm = &c->s->m[sg->code_m[a]];
			const mention *tm = &c->s->m[tg->code_m[b]];

			if ((st = emit(c, sg->codes[a], sm, tg->codes[b], tm,
				     code, flags)) != ENT_OK) {
				return st;
			}
			if (sym &&
				(st = emit(c, tg->codes[b], tm, sg->codes[a],
					 sm, code, flags)) != ENT_OK) {
				return st;
			}
		}
	}
	return ENT_OK;
}

static ent_status emit_within(
	ctx *c, const group *g, const char *code, unsigned flags)
{
	int a, b;
	ent_status st;

	for (a = 0; a < g->n_codes; a++) {
		for (b = 0; b < g->n_codes; b++) {
			if (a != b &&
				(st = emit(c, g->codes[a],
					 &c->s->m[g->code_m[a]], g->codes[b],
					 &c->s->m[g->code_m[b]], code,
					 flags | ENT_FLAG_COMPOUND)) !=
					ENT_OK) {
				return st;
			}
		}
	}
	return ENT_OK;
}

/* Negation, hedging and future in the few words before a phrase. */
static unsigned modality(
	const scratch *s, const ex_token *tk, long t0, long from, int *negated)
{
	unsigned flags = 0;
	long k;
	int c = s->clause[t0];

	*negated = 0;
	for (k = t0 - 1; k >= 0 && k >= t0 - 5 && k >= from; k--) {
		uint32_t f = wflags(&tk[k]);

		if (s->clause[k] != c) {
			break;
		}
		if (f & EXW_FUTURE) {
			/* "are expected to sign" (a control verb in between) */
			flags |= ENT_FLAG_FUTURE;
		}
		if (s->in_verb[k] || s->mention_at[k] >= 0) {
			break;
		}
		if (f & EXW_NEG) {
			*negated = 1;
		}
	}
	for (k = t0 - 1; k >= 0 && s->clause[k] == c; k--) {
		if (s->attrib[k] & TOK_HEDGE) {
			flags |= ENT_FLAG_HEDGED;
			break;
		}
	}
	return flags;
}

/* Is the phrase at t0 used as a noun: after a determiner, a possessive,
 * a preposition other than "to", a clause word or a possessive pronoun? */
static int nominal_context(
	const scratch *s, const char *text, const ex_token *tk, long t0)
{
	uint32_t f;

	if (t0 == 0) {
		return 0;
	}
	f = wflags(&tk[t0 - 1]);
	if (tk[t0 - 1].tflags & EXTF_POSS) {
		return 1;
	}
	if (s->mention_at[t0 - 1] >= 0) {
		const mention *m = &s->m[s->mention_at[t0 - 1]];

		/* "their attacks", "a United Nations appeal", "the US plan" */
		return m->type == EXA_REF_ONE || m->type == EXA_REF_MANY ||
			(m->t0 > 0 && (wflags(&tk[m->t0 - 1]) & EXW_DET) &&
				tk[m->t1 - 1].w && tk[m->t1 - 1].w->head < 0 &&
				!is_passive_form(text, tk, t0));
	}
	if ((f & EXW_TO) || (f & EXW_BE)) {
		return 0;
	}
	{
		/* after a gerund: "prompting condemnation from Japan" */
		const ex_token *p = &tk[t0 - 1];
		size_t len = p->end - p->start;

		if (p->kind == EXT_WORD && len > 5 &&
			memcmp(text + p->end - 3, "ing", 3) == 0 &&
			(p->w == NULL || p->w->verbs < 0)) {
			return 1;
		}
	}
	return (f & (EXW_DET | EXW_PREP | EXW_CLAUSE)) != 0;
}

/* Is there an "and" or a comma between tokens a and b? */
static int joined_by_and(const ex_token *tk, long a, long b)
{
	long k;

	for (k = a; k < b; k++) {
		if ((wflags(&tk[k]) & EXW_AND) || is_punct(&tk[k], ',')) {
			return 1;
		}
	}
	return 0;
}

/* Is there a to/from between a and b (a complement)? */
static int complement(const ex_token *tk, long a, long b)
{
	long k;

	if (b - a > 10) {
		return 0;
	}
	if (b == a) {
		return 1; /* "denied attacking" */
	}
	/* the previous phrase may end with the particle: "refrain from" */
	for (k = a > 0 ? a - 1 : a; k < b; k++) {
		if (wflags(&tk[k]) & (EXW_TO | EXW_FROM)) {
			return 1;
		}
	}
	/* coordinated verbs of one event: "agreed and signed" */
	return 0;
}

/* Do all codes of `t` belong to states of `src`? */
static int self_only(const group *src, const group *t)
{
	int a, b;

	if (t->n_codes == 0) {
		return 1;
	}
	for (b = 0; b < t->n_codes; b++) {
		int same = 0;

		for (a = 0; a < src->n_codes; a++) {
			if (same_state(src->codes[a], t->codes[b])) {
				same = 1;
			}
		}
		if (!same) {
			return 0;
		}
	}
	return 1;
}

/* Re-point a pronoun group at the most recent state of the document that
 * is not the source. Returns 1 when one was found. */
static int other_recent(const ent_extractor *ex, const group *src, group *t)
{
	int k, a;

	for (k = 0; k < ex->n_recent; k++) {
		int same = 0;

		for (a = 0; a < src->n_codes; a++) {
			if (same_state(src->codes[a], ex->recent[k])) {
				same = 1;
			}
		}
		if (!same) {
			t->n_codes = 0;
			add_code(t, ex->recent[k], t->m0);
			return 1;
		}
	}
	return 0;
}

/* Codes whose "in X" names the state acted upon: yield (08), force
 * posture (15), coercion (17), assault (18), fight (19), mass violence. */
static int territorial(const char *code)
{
	int root = (code[0] - '0') * 10 + (code[1] - '0');

	return root == 8 || root == 15 || root == 17 || root == 18 ||
		root == 19 || root == 20;
}

/* The first group introduced by "in" after t1 in the clause. */
static long in_target(const scratch *s, long t1, long max)
{
	size_t i;

	for (i = 0; i < s->n_g; i++) {
		const group *g = &s->g[i];

		if (g->t0 < t1) {
			continue;
		}
		if (g->t0 > t1 + max || g->clause != s->clause[t1 - 1]) {
			break;
		}
		if (g->prep & EXW_IN) {
			return (long)i;
		}
	}
	return -1;
}

/* The last state group before token t that is not introduced by a
 * preposition, in any clause; -1 if none. */
static long subject_before(const scratch *s, long t)
{
	long i, best = -1;

	for (i = 0; i < (long)s->n_g && s->g[i].t1 <= t; i++) {
		if (!s->g[i].prep && s->m[s->g[i].m0].type == EXA_STATE) {
			best = i;
		}
	}
	return best;
}

/* Does anything between tokens a and b read "that"? */
static int has_that(const ex_token *tk, long a, long b)
{
	long k;

	for (k = a; k < b; k++) {
		if (wflags(&tk[k]) & EXW_THAT) {
			return 1;
		}
	}
	return 0;
}

static ent_status code_verbs(ctx *c, long n)
{
	scratch *s = c->s;
	const ex_token *tk = c->tk;
	size_t vi;
	long prev = -1; /* previous phrase in the same clause */
	long prev_subj = -1;
	int prev_negated = 0, prev_embedded = 0, clause_events = 0;
	long prev_tgt = -1;
	ent_status st;

	for (vi = 0; vi < s->n_v; vi++) {
		const vmatch *v = &s->v[vi];
		const ex_phrase *p = v->p;
		int cl = s->clause[v->t0], negated, sym = !!(p->type & EXV_SYM);
		long subj, tgt = -1, src = -1;
		unsigned flags;
		const char *code = p->code;
		int embedded = 0, inherit_neg = 0, nominal, tsearch = 0;

		if (prev >= 0 && s->clause[s->v[prev].t0] != cl) {
			prev = -1;
			clause_events = 0;
		}
		nominal = (p->type & EXV_NOUN) ||
			nominal_context(s, c->text, tk, v->t0);
		if (prev >= 0 &&
			((s->v[prev].p->type & EXV_MODAL) ||
				(prev_embedded &&
					(s->v[prev].p->type & EXV_CTL)))) {
			/* what "Y must" do, or a control verb inside an
			 * embedded complement, is not an event of its own */
			embedded = 1;
		} else if (prev >= 0 && prev_embedded &&
			v->t0 - s->v[prev].t1 <= 2 &&
			!joined_by_and(tk, s->v[prev].t1, v->t0)) {
			/* a chain of nouns: "mediation in peace negotiations"
			 */
			embedded = 1;
		} else if (prev >= 0 && complement(tk, s->v[prev].t1, v->t0)) {
			const ex_phrase *pp = s->v[prev].p;

			if (pp->type & EXV_NEGATOR) {
				inherit_neg = 1;
			} else if (!(pp->type & EXV_CTL)) {
				embedded = 1;
			}
			if (pp->type & EXV_CTL) {
				inherit_neg = prev_negated;
			}
		} else if (prev >= 0 && nominal && v->t0 - s->v[prev].t1 <= 4 &&
			!(s->v[prev].p->type & (EXV_CTL | EXV_NEGATOR))) {
			/* a noun right after an event is part of it: "rejected
			 * North Korea's demand", "agreed to US mediation" */
			embedded = 1;
		}
		subj = subject_of(s, tk, v->t0, prev >= 0 ? s->v[prev].t1 : 0);
		if (prev >= 0 && subj >= 0 && subj == prev_tgt &&
			!has_that(tk, s->v[prev].t1, v->t0)) {
			/* "telephoned the leaders of X and invited ...": X is
			 * the object of the first verb, not the subject of the
			 * next */
			subj = -1;
		}
		if (subj < 0 && prev >= 0) {
			subj = prev_subj;
		}
		if (subj < 0) {
			subj = subject_of(s, tk, v->t0, 0);
		}
		if (subj < 0 && v->t0 > 1 && s->clause[v->t0 - 2] != cl &&
			(wflags(&tk[v->t0 - 1]) & EXW_CLAUSE)) {
			/* "after meeting X", "while visiting Y": the subject
			 * of the clause before */
			subj = subject_before(s, v->t0 - 1);
		}
		flags = modality(
			s, tk, v->t0, prev >= 0 ? s->v[prev].t1 : 0, &negated);
		negated |= inherit_neg;
		prev_negated = negated;
		prev_embedded = embedded;
		prev_subj = subj;
		prev = (long)vi;
		prev_tgt = -1;
		if (embedded || (p->type & (EXV_CTL | EXV_NEGATOR))) {
			continue;
		}
		if (negated) {
			if (p->neg_code[0] == '\0') {
				continue;
			}
			code = p->neg_code;
		}
		if (!nominal && subj < 0 &&
			agent_after(s, v->t1, EXW_FROM) >= 0) {
			/* "... followed criticism from Germany over X" */
			nominal = 1;
		}
		if (p->type & EXV_MODAL) {
			/* "X said Y must ...": X demands of Y */
			long ms = main_subject(s, v->t0);

			if (subj < 0 || ms < 0 || ms == subj) {
				continue;
			}
			src = ms;
			tgt = subj;
		} else if (nominal) {
			src = agent_after(s, v->t1, EXW_FROM | EXW_BY);
			if (src < 0) {
				src = agent_before(s, tk, v->t0);
			}
			if (src < 0 && clause_events == 0 && subj >= 0 &&
				v->t0 - s->g[subj].t1 <= 8 &&
				!has_that(tk, s->g[subj].t1, v->t0)) {
				src = subj;
			}
			tgt = target_of(s, v->t1, 8, 1, v->t1);
			tsearch = 1;
		} else if (v->t0 > 0 && is_punct(&tk[v->t0 - 1], ',') &&
			v->t1 < n && (wflags(&tk[v->t1]) & EXW_BY) &&
			is_passive_form(c->text, tk, v->t0)) {
			/* ", disputed by X": a participle modifying the noun
			 * before it, not an event of the clause */
			continue;
		} else if (is_passive(c->text, tk, v->t0)) {
			src = agent_after(s, v->t1, EXW_BY);
			tgt = subj;
			if (src < 0) {
				if (v->t1 < n &&
					(wflags(&tk[v->t1]) & EXW_TO)) {
					/* "is opposed to", "was committed to":
					 * active */
					src = subj;
					tgt = target_of(s, v->t1, 15, 0, v->t1);
				} else {
					continue;
				}
			}
		} else {
			/* the target may sit in the phrase's gap: "gave Ukraine
			 * aid", "expelled three Russian diplomats" */
			src = subj;
			tgt = target_of(
				s, v->t0 + 1, 15 + (v->t1 - v->t0), 0, v->t1);
			tsearch = 2;
		}
		if (tgt >= 0 && s->g[tgt].n_codes == 0 && territorial(code)) {
			/* "struck Hezbollah targets in southern Lebanon" */
			long alt = in_target(s, s->g[tgt].t1, 10);

			if (alt >= 0) {
				resolve(c->ex, s, alt, 0);
				tgt = alt;
			}
		}
		if (tgt < 0 && !nominal && code[0] == '1' && code[1] == '3') {
			/* a threat aimed at the subject of its condition */
			tgt = condition_subject(s, v->t1, n);
		}
		if (tgt < 0 && !nominal && territorial(code)) {
			/* "lifted a curfew in Montenegro", "strengthened its
			 * forces in Lebanon": the place is the target */
			tgt = in_target(s, v->t1, 10);
		}
		prev_tgt = tgt;
		if (p->type & EXV_REV) {
			long t = src;

			src = tgt;
			tgt = t;
		}
		clause_events++;
		if (src < 0) {
			continue;
		}
		resolve(c->ex, s, src, 0);
		if (tgt >= 0) {
			resolve(c->ex, s, tgt, 0);
		}
		/* a target that is the source itself ("recalled its
		 * ambassador", "withdrew its troops from the border with X"):
		 * an object pronoun stands for another actor; a possessive
		 * gives way to the next candidate */
		while (tsearch && tgt >= 0 &&
			self_only(&s->g[src], &s->g[tgt])) {
			const mention *tm = &s->m[s->g[tgt].m0];

			if (s->g[tgt].m1 - s->g[tgt].m0 == 1 &&
				(tm->type == EXA_REF_ONE ||
					tm->type == EXA_REF_MANY) &&
				tm->t1 < n &&
				!(tk[tm->t1].kind == EXT_WORD &&
					!(wflags(&tk[tm->t1]) &
						(EXW_PREP | EXW_AND)))) {
				/* "criticised the country for": not a
				 * possessive */
				if (other_recent(
					    c->ex, &s->g[src], &s->g[tgt])) {
					break;
				}
			}
			tgt = target_of(
				s, s->g[tgt].t1, 12, tsearch == 1, v->t1);
			if (tgt >= 0) {
				resolve(c->ex, s, tgt, 0);
			}
		}
		if (tgt >= 0) {
			/* an agreement or a meeting is mutual with its partner
			 * ("with X", or a direct object), not with the target
			 * of what was agreed ("agreed to lift sanctions on X")
			 */
			if (s->g[tgt].prep != 0 &&
				!(s->g[tgt].prep & (EXW_WITH | EXW_BETWEEN))) {
				sym = 0;
			}
		}
		if (has_recip(s, tk, n, cl)) {
			flags |= ENT_FLAG_RECIPROCAL;
		}
		if (tgt >= 0 && s->g[tgt].n_codes > 0) {
			if ((st = emit_groups(c, &s->g[src], &s->g[tgt], code,
				     flags, sym)) != ENT_OK) {
				return st;
			}
			if (s->g[src].n_codes > 1 &&
				(flags & ENT_FLAG_RECIPROCAL) &&
				(st = emit_within(c, &s->g[src], code,
					 flags)) != ENT_OK) {
				return st;
			}
		} else if (s->g[src].n_codes > 1 &&
			((p->type & EXV_SYM) || (p->type & EXV_NOTGT) ||
				(flags & ENT_FLAG_RECIPROCAL))) {
			if ((st = emit_within(c, &s->g[src], code, flags)) !=
				ENT_OK) {
				return st;
			}
		}
	}
	return ENT_OK;
}

/* Put a state first in the document's list of recent states. */
static void push_recent(ent_extractor *ex, const char *code)
{
	int k, j;

	for (k = 0; k < ex->n_recent; k++) {
		if (same_state(ex->recent[k], code)) {
			break;
		}
	}
	if (k == ex->n_recent && k < 8) {
		ex->n_recent++;
	}
	if (k >= 8) {
		k = 7;
	}
	for (j = k; j > 0; j--) {
		memcpy(ex->recent[j], ex->recent[j - 1], ENT_CODE_SIZE);
	}
	copy_code(ex->recent[0], code, ENT_CODE_SIZE);
}

/* Remember the sentence's subject, last coordinated pair and states. */
static void remember(ent_extractor *ex, scratch *s, long n)
{
	long ms = main_subject(s, n);
	size_t i;
	int k;

	for (i = 0; i < s->n_m; i++) {
		if (s->m[i].type == EXA_STATE && s->m[i].code[0] != '\0') {
			push_recent(ex, s->m[i].code);
		}
	}
	if (ms >= 0) {
		resolve(ex, s, ms, 0);
		if (s->g[ms].n_codes > 0) {
			ex->n_last_subject = s->g[ms].n_codes;
			for (k = 0; k < s->g[ms].n_codes; k++) {
				memcpy(ex->last_subject[k], s->g[ms].codes[k],
					ENT_CODE_SIZE);
			}
		}
	}
	for (i = s->n_g; i-- > 0;) {
		if (s->g[i].m1 - s->g[i].m0 >= 2) {
			resolve(ex, s, (long)i, 0);
			if (s->g[i].n_codes >= 2) {
				ex->n_last_pair = s->g[i].n_codes;
				for (k = 0; k < s->g[i].n_codes; k++) {
					memcpy(ex->last_pair[k],
						s->g[i].codes[k],
						ENT_CODE_SIZE);
				}
				break;
			}
		}
	}
}

ent_status ex_sentence(ent_extractor *ex, const char *text, size_t start,
	size_t end, long number, const char *doc, ent_event_cb cb,
	void *payload, ent_error *err)
{
	scratch *s = ex->scratch;
	long n;
	size_t old_cap;
	ctx c;
	ent_status st;

	if (s == NULL) {
		if ((s = calloc(1, sizeof(*s))) == NULL) {
			return ent__error_nomem(err);
		}
		ex->scratch = s;
	}
	n = ex_tokenize(ex, text, start, end, 1);
	if (n < 0) {
		return ent__error_nomem(err);
	}
	if (n == 0) {
		return ENT_OK;
	}
	old_cap = s->cap_t;
	if (grow((void **)&s->clause, &s->cap_t, (size_t)n, sizeof(int))) {
		return ent__error_nomem(err);
	}
	/* the per-token arrays share cap_t: grow the others to match */
	if (s->cap_t != old_cap) {
		void *a = realloc(s->attrib, s->cap_t);
		void *b;
		void *d;

		if (a == NULL) {
			s->cap_t = old_cap;
			return ent__error_nomem(err);
		}
		s->attrib = a;
		b = realloc(s->mention_at, s->cap_t * sizeof(long));
		if (b == NULL) {
			s->cap_t = old_cap;
			return ent__error_nomem(err);
		}
		s->mention_at = b;
		d = realloc(s->in_verb, s->cap_t);
		if (d == NULL) {
			s->cap_t = old_cap;
			return ent__error_nomem(err);
		}
		s->in_verb = d;
	}
	s->n_m = s->n_g = s->n_v = s->n_e = 0;
	s->tk = ex->toks;
	{
		/* a sentence with no word that can start an actor is skipped */
		long k;

		for (k = 0; k < n; k++) {
			if (ex->toks[k].w != NULL &&
				ex->toks[k].w->actors >= 0) {
				break;
			}
		}
		if (k == n) {
			return ENT_OK;
		}
	}
	mark_clauses(s, ex->toks, n);
	if (find_mentions(ex, s, ex->toks, n) != 0 ||
		find_verbs(ex, s, ex->toks, n) != 0 ||
		find_groups(s, ex->toks) != 0) {
		return ent__error_nomem(err);
	}
	if (s->n_g > 0 && s->n_v > 0) {
		s->text.len = 0;
		if (ent__buf_put(&s->text, text + start, end - start) ||
			ent__buf_put(&s->text, "", 1)) {
			return ent__error_nomem(err);
		}
		c.ex = ex;
		c.s = s;
		c.text = text;
		c.tk = ex->toks;
		c.start = start;
		c.end = end;
		c.number = number;
		c.doc = doc;
		c.cb = cb;
		c.payload = payload;
		c.serial = 0;
		st = code_verbs(&c, n);
		if (st == ENT_ENOMEM) {
			return ent__error_nomem(err);
		}
		if (st != ENT_OK) {
			if (err != NULL && err->code == ENT_OK) {
				ent__error_set(err, st, doc, 0, 0,
					"the event callback failed");
			}
			return st;
		}
	}
	if (s->n_g > 0) {
		remember(ex, s, n);
	}
	return ENT_OK;
}
