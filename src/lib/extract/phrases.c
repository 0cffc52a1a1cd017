/* SPDX-License-Identifier: MIT */
/*
 * Event phrases: the longest phrase of verbs.tsv at each token, matched on
 * stems (outside attribution tails and actor mentions), and the verb
 * forms around a phrase that decide how it is read: a past participle
 * after "be" is passive; a phrase after a determiner, a possessive or a
 * preposition is an event noun.
 */
#include <stdlib.h>
#include <string.h>

#include "roles.h"

/* -- verbs -------------------------------------------------------------- */

/* Is token i in a noun's place: after a determiner, a possessive or a
 * lower-case modifier ("the launch", "North Korea's launch", "a missile
 * launch"), not after a subject ("Qatar launched")? */
static int noun_position(const scratch *s, const ex_token *tk, long i)
{
	const ex_token *b = i > 0 ? &tk[i - 1] : NULL;

	return b != NULL &&
		((wflags(b) & EXW_DET) || (b->tflags & EXTF_POSS) ||
			(b->kind == EXT_WORD && wflags(b) == 0 &&
				!(b->tflags & EXTF_CAP) &&
				s->mention_at[i - 1] < 0 &&
				(b->w == NULL || b->w->verbs < 0)));
}

/* Is t a prefix before a hyphen ("re-established", "co-operate",
 * "counter-attack"), words.tsv class prefix? The word after it is read. */
static int prefix(const ex_token *t)
{
	return t->w != NULL && t->w->cls != NULL &&
		(t->w->cls->extra & EXL_PREFIX);
}

/* Is token i the participle of a hyphened state ("Russia-brokered")? It
 * describes the noun after it and is read with it (nouns.c). */
static int after_hyphened(const scratch *s, const ex_token *tk, long i)
{
	size_t h;

	if (i == 0 || !(tk[i - 1].tflags & EXTF_HYPH_AFTER)) {
		return 0;
	}
	for (h = 0; h < s->n_hy; h++) {
		if (s->hy[h].t1 == i) {
			return 1;
		}
	}
	return 0;
}

int ex_find_verbs(ent_extractor *ex, scratch *s, const ex_token *tk, long n)
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
			(tk[i].w->flags & (EXW_HEDGE | EXW_ADVERB)) ||
			after_hyphened(s, tk, i) ||
			/* either half of a compound: "war-torn",
			 * "long-threatened" */
			(tk[i].tflags & EXTF_HYPH_AFTER) ||
			(i > 0 && (tk[i - 1].tflags & EXTF_HYPH_AFTER) &&
				!prefix(&tk[i - 1]))) {
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
			if ((p->type & EXV_NOUN_ONLY) &&
				!noun_position(s, tk, i)) {
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
		if (ex_grow((void **)&s->v, &s->cap_v, s->n_v + 1,
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
int ex_is_passive_form(const char *text, const ex_token *tk, long t0)
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
int ex_is_passive(const char *text, const ex_token *tk, long t0)
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
			break;
		}
	}
	/* "there were ten soldiers killed": the noun phrase after "there
	 * be" is what the participle was done to */
	for (k = t0 - 1; k >= 1 && k >= t0 - WIN_EXISTENTIAL; k--) {
		const ex_token *t = &tk[k - 1];

		if ((wflags(&tk[k]) & EXW_BE) && t->w && t->w->cls &&
			(t->w->cls->extra & EXL_EXISTENTIAL)) {
			return 1;
		}
		if (tk[k].kind != EXT_WORD ||
			(wflags(&tk[k]) &
				(EXW_THAT | EXW_REL | EXW_CLAUSE | EXW_SPEECH |
					EXW_AUX | EXW_FUTURE | EXW_NEG)) ||
			(tk[k].w && tk[k].w->verbs >= 0 &&
				tk[k].w->head < 0)) {
			return 0;
		}
	}
	return 0;
}

/* Does token t end in a lower-case "s" ("Palestinians", "officials")? */
static int plural_word(const char *text, const ex_token *t)
{
	return t->kind == EXT_WORD && t->end - t->start > 3 &&
		text[t->end - 1] == 's' && text[t->end - 2] != 's';
}

/* A lower-case word of no class that is no event word: a modifier in a
 * noun phrase ("security" of "a security pact"). */
static int noun_modifier(const ex_token *t)
{
	if (t->kind == EXT_WORD && (t->tflags & EXTF_HYPH_AFTER)) {
		return 1; /* the first half of a compound: "long-" */
	}
	return t->kind == EXT_WORD && !(t->tflags & EXTF_CAP) &&
		wflags(t) == 0 &&
		(t->w == NULL || t->w->verbs < 0 ||
			/* the second half of a compound: "long-threatened" */
			(t[-1].tflags & EXTF_HYPH_AFTER));
}

/* Does token t open a noun phrase: a determiner, a possessive 's or a
 * possessive pronoun ("its")? */
static int np_opener(const ex_token *t)
{
	return (wflags(t) & EXW_DET) || (t->tflags & EXTF_POSS) ||
		(t->w != NULL && t->w->cls != NULL &&
			(t->w->cls->extra & EXL_POSSESSIVE));
}

/* Is the phrase at t0 used as a noun: after a determiner (and a modifier
 * or two), a possessive, a preposition other than "to", a clause word or
 * a possessive pronoun? */
int ex_nominal_context(const scratch *s, const char *text, const ex_token *tk,
	long t0, long t1, long n)
{
	uint32_t f;

	if (t0 == 0) {
		/* a sentence that opens with an event word and a preposition
		 * opens with a noun: "Talks between X and Y resumed" */
		return t1 < n && (wflags(&tk[t1]) & EXW_PREP) &&
			!(wflags(&tk[t1]) & (EXW_TO | EXW_BY));
	}
	f = wflags(&tk[t0 - 1]);
	if (tk[t0 - 1].tflags & EXTF_POSS) {
		return 1;
	}
	if (s->mention_at[t0 - 1] >= 0) {
		const mention *m = &s->m[s->mention_at[t0 - 1]];

		/* "their attacks", "a United Nations appeal", "the US plan";
		 * not after a plural subject ("The Palestinians reject") */
		if (m->type == EXA_STATE && plural_word(text, &tk[m->t1 - 1])) {
			return 0;
		}
		return m->type == EXA_REF_ONE || m->type == EXA_REF_MANY ||
			(m->t0 > 0 && (wflags(&tk[m->t0 - 1]) & EXW_DET) &&
				tk[m->t1 - 1].w && tk[m->t1 - 1].w->head < 0 &&
				!ex_is_passive_form(text, tk, t0));
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
	if (f == 0 && t0 >= 2 && noun_modifier(&tk[t0 - 1]) &&
		!(tk[t0].end - tk[t0].start > 4 &&
			(memcmp(text + tk[t0].end - 3, "ing", 3) == 0 ||
				memcmp(text + tk[t0].end - 2, "ed", 2) == 0)) &&
		(np_opener(&tk[t0 - 2]) ||
			(t0 >= 3 && noun_modifier(&tk[t0 - 2]) &&
				np_opener(&tk[t0 - 3])))) {
		/* after a determiner and a modifier or two: "a security
		 * pact", "the new trade deal" (not a verb form: "a
		 * statement criticising X", "its allies demanded") */
		return 1;
	}
	return (f & (EXW_DET | EXW_PREP | EXW_CLAUSE)) != 0;
}
