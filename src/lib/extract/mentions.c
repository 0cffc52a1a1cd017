/* SPDX-License-Identifier: MIT */
/*
 * Actor mentions: the longest actor phrase at each token (states, their
 * adjectives, capitals, offices and people of actors.tsv, non-state
 * blockers, references), then the readings that depend on the words
 * around it: an adjective is an actor only with a head noun ("Russian
 * officials") or an event noun after it ("Russian attacks"); a name
 * joined by a hyphen is a modifier ("pro-Russia", "U.S.-led"); a state
 * name next to an organisation word is part of the organisation's name
 * ("China Daily", "Bank of China"); "which"/"who" after ", " stands for
 * the actor before the comma.
 */
#include <stdlib.h>
#include <string.h>

#include "roles.h"

/* -- mentions ----------------------------------------------------------- */

static mention *add_mention(scratch *s)
{
	if (ex_grow((void **)&s->m, &s->cap_m, s->n_m + 1, sizeof(mention))) {
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

/* May actor phrase `p` start at token i? Its case needs (capitalised,
 * all capitals), its second word, and for a bare surname no other name
 * right before it. */
static int phrase_may_start(
	const ex_phrase *p, const ex_token *tk, long n, long i)
{
	if ((p->need & EXTF_CAP) && !(tk[i].tflags & EXTF_CAP)) {
		return 0;
	}
	if (p->second != 0 && (i + 1 >= n || tk[i + 1].key != p->second)) {
		return 0;
	}
	if ((p->need & EXTF_UPPER) && !(tk[i].tflags & EXTF_UPPER)) {
		return 0;
	}
	if ((p->need & EXN_SURNAME) && i > 0 && tk[i - 1].kind == EXT_WORD &&
		(tk[i - 1].tflags & EXTF_CAP) && wflags(&tk[i - 1]) == 0 &&
		(tk[i - 1].w == NULL ||
			(tk[i - 1].w->head < 0 && tk[i - 1].w->verbs < 0))) {
		/* another person's name: "James Cameron", "Daniil Medvedev";
		 * a title ("President", "Mr"), a function word ("The Bush
		 * administration") or an event word in a headline ("China
		 * Slams Trump") does not count */
		return 0;
	}
	return 1;
}

/* The longest actor phrase starting at token i (the later one of equally
 * long phrases: user dictionaries win), or NULL. */
static const ex_phrase *best_actor_phrase(
	const ent_extractor *ex, const ex_token *tk, long n, long i, long *end)
{
	const ex_phrase *best = NULL;
	int32_t pi;

	*end = 0;
	for (pi = tk[i].w->actors; pi >= 0; pi = ex->actors.phrases[pi].next) {
		const ex_phrase *p = &ex->actors.phrases[pi];
		long e;

		if (phrase_may_start(p, tk, n, i) &&
			ex_phrase_match(&ex->actors, p, tk, n, i, 0, &e) &&
			(e > *end ||
				(e == *end && best != NULL &&
					p->order > best->order))) {
			best = p;
			*end = e;
		}
	}
	return best;
}

/* Is the state name [t0, t1) part of an organisation's name: "China
 * Daily", "Bank of China"? */
static int in_org_name(
	const ent_extractor *ex, const ex_token *tk, long n, long t0, long t1)
{
	return (t1 < n && (tk[t1].tflags & EXTF_CAP) &&
		       ex_map_get(&ex->orgwords, tk[t1].key) >= 0) ||
		(t0 >= 2 && (tk[t0 - 2].tflags & EXTF_CAP) &&
			(wflags(&tk[t0 - 1]) & EXW_OF) &&
			ex_map_get(&ex->orgwords, tk[t0 - 2].key) >= 0);
}

/* Is the name at token i a people rather than a state: "ethnic
 * Albanians" (words.tsv class people)? */
static int people_of(const ex_token *tk, long i)
{
	const ex_wordclass *wc;

	if (i == 0 || tk[i - 1].kind != EXT_WORD || tk[i - 1].w == NULL) {
		return 0;
	}
	wc = tk[i - 1].w->cls;
	return wc != NULL && (wc->extra & EXL_PEOPLE);
}

/* Does the place name at token i name a location: a preposition before it,
 * past a determiner and a few modifiers ("in Mosul", "near the northern
 * city of Aleppo", "southwest of Baghdad")? "to Geneva" is a destination,
 * often of a meeting between others, not the host state. */
static int names_location(const ex_token *tk, long i)
{
	long k;

	for (k = i - 1; k >= 0 && k >= i - WIN_PLACE_PREP; k--) {
		uint32_t f = wflags(&tk[k]);

		if (f & EXW_PREP) {
			return !(f & EXW_TO);
		}
		if (tk[k].kind != EXT_WORD || (f & ~(uint32_t)EXW_DET) ||
			(tk[k].w && tk[k].w->verbs >= 0)) {
			return 0;
		}
	}
	return 0;
}

/* An adjective is an actor with a head noun ("Russian naval officials":
 * the head gives the sector), before an event noun ("Russian attacks"),
 * after a target preposition ("tariffs on Australian wine") or after an
 * event's "of" ("the shelling of Togolese farms"); else it waits for a
 * head it may share (join_shared_heads()). */
static void read_adjective(
	const ent_extractor *ex, mention *m, const ex_token *tk, long n)
{
	long h = find_head(tk, n, m->t1, WIN_ADJ_HEAD);

	if (h < 0 && m->t1 < n && tk[m->t1].w && tk[m->t1].w->verbs >= 0) {
		m->type = EXA_STATE;
	} else if (h >= 0) {
		m->t1 = h + 1;
		m->type = EXA_STATE;
		set_sector(m->code, ex, &tk[h]);
	} else if (m->t0 > 0 && (wflags(&tk[m->t0 - 1]) & (EXW_TPREP)) &&
		!(wflags(&tk[m->t0 - 1]) & (EXW_WITH))) {
		m->type = EXA_STATE;
	} else if (m->t0 > 1 && (wflags(&tk[m->t0 - 1]) & EXW_OF) &&
		tk[m->t0 - 2].w && tk[m->t0 - 2].w->verbs >= 0 &&
		tk[m->t0 - 2].w->head < 0) {
		/* what an event was done to: "the shelling of Togolese
		 * farms" */
		m->type = EXA_STATE;
	} else {
		m->pending = 1;
	}
}

/* A state name takes the sector of a head noun after it ("China's
 * foreign ministry" -> CHNGOV). */
static void read_state_head(
	const ent_extractor *ex, mention *m, const ex_token *tk, long n)
{
	long k = m->t1, h;

	if (k < n && (tk[k].tflags & EXTF_POSS)) {
		k++;
	}
	h = find_head(tk, n, k, WIN_STATE_HEAD);
	if (h >= 0 && strlen(m->code) == 3) {
		set_sector(m->code, ex, &tk[h]);
	}
}

/* Words between a clause's subject and its verb: "had", "will", "not",
 * "reportedly". */
#define SUBJECT_VERB_GAP 3
/* The words of an unlisted name ("Boko Haram", "Islamic Jihad"). */
#define SUBJECT_NAME_MAX 4

/* Is a plain word at token i: no word class, no event phrase, no actor? */
static int plain_word(const ex_token *tk, long i)
{
	return tk[i].kind == EXT_WORD && tk[i].w != NULL &&
		tk[i].w->verbs < 0 && tk[i].w->actors < 0 && wflags(&tk[i]) == 0;
}

/* The end of the subject of a reported clause that is no state, starting
 * at token i: a bare rebel noun or an unlisted name of one or more
 * capitalised words right after "that" or a verb of saying, before its
 * verb ("claimed that ISIL had attacked Iraq", "said Boko Haram attacked
 * the town"); 0 if there is none. Such a subject is a mention of no
 * state, so the speaker is not read as the one who acted. */
static long nonstate_subject(
	const ent_extractor *ex, const ex_token *tk, long n, long i)
{
	long k, e = i + 1;

	if (i == 0 || !plain_word(tk, i) ||
		!(wflags(&tk[i - 1]) & (EXW_THAT | EXW_SPEECH))) {
		return 0;
	}
	if (tk[i].tflags & EXTF_CAP) {
		while (e < n && e < i + SUBJECT_NAME_MAX && plain_word(tk, e) &&
			(tk[e].tflags & EXTF_CAP)) {
			e++;
		}
	} else if (!(tk[i].w->head >= 0 &&
			   strcmp(ex->heads[tk[i].w->head].sector, "REB") ==
				   0)) {
		return 0;
	}
	for (k = e; k < n && k <= e + SUBJECT_VERB_GAP; k++) {
		uint32_t f = wflags(&tk[k]);
		uint32_t aux = EXW_AUX | EXW_BE | EXW_FUTURE;

		if (tk[k].w && tk[k].w->verbs >= 0 && !(f & aux)) {
			return e;
		}
		if (tk[k].kind != EXT_WORD ||
			!(f & (aux | EXW_NEG | EXW_ADVERB))) {
			return 0;
		}
	}
	return 0;
}

/* A relative pronoun right after ", " and an actor: a mention that
 * stands for that actor. Returns 0, or -1 when out of memory. */
static int relative_pronoun(scratch *s, const ex_token *tk, long i)
{
	mention *m;

	if (!(tk[i].w && (tk[i].w->flags & EXW_REL) && i >= 2 &&
		    is_punct(&tk[i - 1], ',') && s->mention_at[i - 2] >= 0)) {
		return 0;
	}
	if ((m = add_mention(s)) == NULL) {
		return -1;
	}
	m->t0 = i;
	m->t1 = i + 1;
	m->type = M_REL;
	/* the antecedent's last token: adjectives that find no head are
	 * dropped later, which moves the mentions after them, so the
	 * mention (then its group) is looked up once they are final */
	m->ante = i - 2;
	s->mention_at[i] = (long)(s->n_m - 1);
	return 0;
}

/* Adjectives sharing a head: "French and Egyptian warships". An
 * adjective that found no head is dropped. */
static void join_shared_heads(scratch *s, const ex_token *tk, long n)
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
					if (!(wflags(&tk[k]) & EXW_AND) &&
						!is_punct(&tk[k], ',')) {
						joined = 0;
					}
				}
			}
			if (!joined) {
				continue;
			}
			m->pending = 0;
			m->type = EXA_STATE;
			if (strlen(s->m[b].code) > 3 && strlen(m->code) == 3) {
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

/* Keep a state name joined by a hyphen (a modifier). Returns 0, or -1
 * when out of memory. */
static int add_hyphened(scratch *s, long t0, long t1, const char *code)
{
	hyphened *h;

	if (ex_grow((void **)&s->hy, &s->cap_hy, s->n_hy + 1,
		    sizeof(hyphened))) {
		return -1;
	}
	h = &s->hy[s->n_hy++];
	h->t0 = t0;
	h->t1 = t1;
	copy_code(h->code, code, sizeof(h->code));
	return 0;
}

int ex_find_mentions(ent_extractor *ex, scratch *s, const ex_token *tk, long n)
{
	long i, k;

	s->n_hy = 0;
	for (i = 0; i < n; i++) {
		s->mention_at[i] = -1;
	}
	for (i = s->first; i < n; i++) {
		const ex_phrase *best;
		long best_end;
		mention *m;

		if (tk[i].w == NULL || tk[i].w->actors < 0) {
			if (relative_pronoun(s, tk, i) != 0) {
				return -1;
			}
			if ((k = nonstate_subject(ex, tk, n, i)) > 0) {
				if ((m = add_mention(s)) == NULL) {
					return -1;
				}
				m->t0 = i;
				m->t1 = k;
				m->type = EXA_BLOCK;
				for (; i < k; i++) {
					s->mention_at[i] = (long)(s->n_m - 1);
				}
				i--;
			}
			continue;
		}
		if ((best = best_actor_phrase(ex, tk, n, i, &best_end)) ==
			NULL) {
			/* "who" is no "WHO": a word that begins only actor
			 * names written otherwise may be a relative pronoun */
			if (relative_pronoun(s, tk, i) != 0) {
				return -1;
			}
			continue;
		}
		/* modifiers: "Russian-language", "pro-Russia", "U.S.-led";
		 * kept aside for the event nouns they may modify ("the
		 * Iran-US prisoner swap", "a Russia-brokered truce") */
		if ((best->type == EXA_STATE || best->type == EXA_ADJ) &&
			((tk[best_end - 1].tflags & EXTF_HYPH_AFTER) ||
				(i > 0 &&
					(tk[i - 1].tflags &
						EXTF_HYPH_AFTER)))) {
			if (best->code[0] != '\0' &&
				add_hyphened(s, i, best_end, best->code) != 0) {
				return -1;
			}
			i = best_end - 1;
			continue;
		}
		if ((best->type == EXA_REF_ONE || best->type == EXA_REF_MANY) &&
			(tk[i].tflags & EXTF_UPPER)) {
			continue; /* "IT security" is not "it" */
		}
		if ((m = add_mention(s)) == NULL) {
			return -1;
		}
		m->t0 = i;
		m->t1 = best_end;
		m->type = best->type;
		copy_code(m->code, best->code, sizeof(m->code));
		if (m->type == EXA_PLACE) {
			/* a city or region: its state where it names a
			 * location, no state elsewhere ("Basra's governor") */
			m->type = names_location(tk, i) ? EXA_STATE : EXA_BLOCK;
		}
		if ((m->type == EXA_STATE || m->type == EXA_ADJ) &&
			(in_org_name(ex, tk, n, i, best_end) ||
				people_of(tk, i))) {
			m->type = EXA_BLOCK;
		}
		if (m->type == EXA_BLOCK) {
			m->code[0] = '\0';
		}
		if (m->type == EXA_ADJ) {
			read_adjective(ex, m, tk, n);
		} else if (m->type == EXA_STATE) {
			read_state_head(ex, m, tk, n);
		}
		for (k = m->t0; k < m->t1; k++) {
			s->mention_at[k] = (long)(s->n_m - 1);
		}
		i = m->t1 - 1;
	}
	join_shared_heads(s, tk, n);
	return 0;
}
