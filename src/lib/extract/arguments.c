/* SPDX-License-Identifier: MIT */
/*
 * Arguments of an event phrase, found in its clause:
 * - the subject of a verb is the nearest actor group before it that is
 *   not the object of a preposition (the leftmost one if all are); an
 *   appositive between commas ("Pakistan, a key U.S. ally, has") is
 *   passed over for the actor it describes;
 * - the target is the first group after the verb with no preposition or
 *   a target preposition (to, with, against, on ...);
 * - the agent of an event noun is "from/by X" after it or the actor right
 *   before it ("US sanctions on Iran", "criticism from X over Y");
 * - a threat is aimed at the subject of its "if"/"unless" condition; for
 *   force and coercion "in X" names the state acted upon.
 */
#include <stdlib.h>
#include <string.h>

#include "roles.h"

/* The phrase that starts at token k, or -1. */
static long phrase_at(const scratch *s, long k)
{
	long lo = 0, hi = (long)s->n_v;

	while (lo < hi) {
		long mid = lo + (hi - lo) / 2;

		if (s->v[mid].t0 < k) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo < (long)s->n_v && s->v[lo].t0 == k ? lo : -1;
}

int ex_possessive_of_noun(const scratch *s, const group *g)
{
	const ex_token *tk = s->tk;
	const ex_token *p = &tk[g->t0];
	long k = g->t1;

	if (g->m1 - g->m0 != 1 || g->t1 - g->t0 != 1 || p->w == NULL ||
		p->w->cls == NULL || !(p->w->cls->extra & EXL_POSSESSIVE)) {
		return 0;
	}
	/* skip modifiers: "its European Community partners" */
	while (k < s->n_tk && k < g->t1 + WIN_AGENT_BEFORE &&
		tk[k].kind == EXT_WORD && wflags(&tk[k]) == 0 &&
		!s->in_verb[k] && (tk[k].w == NULL || tk[k].w->head < 0)) {
		k++;
	}
	/* "its own troops" (a head), "its new attacks" (an event noun): the
	 * state's own; "its European partners (refuse)": someone else */
	if (k < s->n_tk && tk[k].w != NULL && tk[k].w->head >= 0) {
		return 0;
	}
	if (k < s->n_tk && s->in_verb[k]) {
		long vi = phrase_at(s, k);

		if (vi < 0 || s->v[vi].noun) {
			return 0;
		}
	}
	return k > g->t1;
}

/* Is [g0, g1) inside ", ... ," right after an earlier actor ending at
 * prev_end, with the verb at t0 after the closing comma? */
static int appositive(
	const scratch *s, long prev_end, long g0, long g1, long t0)
{
	return g0 - prev_end <= WIN_APPOSITIVE &&
		comma_between(s, prev_end, g0) && comma_between(s, g1, t0);
}

/* The subject group of a verb starting at t0: see the file comment. An
 * appositive between commas ("Pakistan, a key U.S. ally, has") is passed
 * over for the actor it describes. */
long ex_subject_of(const scratch *s, const ex_token *tk, long t0, long from)
{
	long i, best = -1, leftmost = -1;
	int c = s->clause[t0];

	for (i = ex_group_from(
		     s, from > t0 - WIN_SUBJECT ? from : t0 - WIN_SUBJECT);
		i < (long)s->n_g; i++) {
		const group *g = &s->g[i];

		step(s);
		if (g->t1 > t0) {
			break;
		}
		if (g->clause != c || (s->attrib[g->t0] & TOK_ATTRIB)) {
			continue;
		}
		if (!g->prep && ex_possessive_of_noun(s, g)) {
			/* "its European partners refuse": a subject that is
			 * no actor */
			best = -2;
			continue;
		}
		if (leftmost < 0) {
			leftmost = i;
		}
		if (!g->prep) {
			if (best >= 0 &&
				appositive(
					s, s->g[best].t1, g->t0, g->t1, t0)) {
				continue;
			}
			best = i;
		}
	}
	/* all candidates follow prepositions: take the first ("Security
	 * forces in Guinea tortured ..."), but only at the clause level, not
	 * for a verb after another one or an infinitive ("concern in the US
	 * about Taiwan's ability to defend itself") */
	if (best == -2) {
		return -2;
	}
	if (best < 0 && t0 > 0 && (wflags(&tk[t0 - 1]) & EXW_TO)) {
		return -1;
	}
	return best >= 0 ? best : from == 0 ? leftmost : -1;
}

/* Is group g the subject of a "that" clause ("requested the court to
 * declare that Nicaragua must withdraw"): "that" before it, a verb after
 * it? Not an object of the phrase before. */
static int that_clause_subject(const scratch *s, const group *g)
{
	const ex_token *tk = s->tk;
	long k = g->t0 - 1;

	if (k >= 0 && (wflags(&tk[k]) & EXW_DET) &&
		!(wflags(&tk[k]) & EXW_THAT)) {
		k--;
	}
	if (k < 0 || !(wflags(&tk[k]) & EXW_THAT) || g->t1 >= s->n_tk) {
		return 0;
	}
	return (wflags(&tk[g->t1]) & (EXW_BE | EXW_AUX | EXW_FUTURE)) != 0;
}

/* The first group after t1 in the clause with no preposition or a target
 * preposition; `nominal` requires a target preposition. */
long ex_target_of(const scratch *s, long t1, long max, int nominal, long pend)
{
	long i;
	long from = -1;
	int c = s->clause[t1 > 0 ? t1 - 1 : 0];

	for (i = ex_group_from(s, t1); i < (long)s->n_g; i++) {
		const group *g = &s->g[i];

		step(s);
		if (g->t0 > t1 + max || g->clause != c ||
			(s->attrib[g->t0] & TOK_ATTRIB)) {
			break;
		}
		if (s->m[g->m0].type == M_REL) {
			continue;
		}
		if (!g->prep && ex_possessive_of_noun(s, g)) {
			break; /* the object is a noun of no actor */
		}
		if (!nominal && (g->prep & (EXW_FROM | EXW_BY)) && from < 0 &&
			g->t0 <= pend + WIN_FROM_SOURCE) {
			from = i; /* "recalled its ambassador from X" */
		}
		if (!nominal && that_clause_subject(s, g)) {
			break; /* "requested ... that Nicaragua must" */
		}
		if (nominal ? ((g->prep & (EXW_TPREP | EXW_BETWEEN)) != 0 ||
				      (g->prep == 0 &&
					      (g->t0 == t1 ||
						      (g->t0 == t1 + 1 &&
							      (wflags(&s->tk[t1]) &
								      EXW_DET) &&
							      !(wflags(&s->tk[t1]) &
								      EXW_THAT)))))
			    : (!g->prep ||
				      (g->prep & (EXW_TPREP | EXW_BETWEEN)))) {
			if (g->prep & (EXW_FROM | EXW_BY)) {
				continue;
			}
			return i;
		}
	}
	return from;
}

/* The subject of a condition after a threat ("threatened to walk out of
 * the talks if the United States ..."): the first group without a
 * preposition within a few words of the next "if" or "unless", which is
 * at most WIN_CONDITION words on. -1 when there is none. */
long ex_condition_subject(const scratch *s, long t1, long n)
{
	long k, i;

	for (k = t1; k < n && k < t1 + WIN_CONDITION; k++) {
		step(s);
		if (s->tk[k].kind == EXT_WORD &&
			(wflags(&s->tk[k]) & EXW_COND)) {
			break;
		}
	}
	if (k >= n || k >= t1 + WIN_CONDITION) {
		return -1;
	}
	for (i = ex_group_from(s, k + 1); i < (long)s->n_g; i++) {
		const group *g = &s->g[i];

		step(s);
		if (g->t0 > k + WIN_CONDITION_SUBJECT) {
			break;
		}
		if (g->prep == 0 && s->m[g->m0].type != M_REL) {
			return i;
		}
	}
	return -1;
}

/* A group right after the phrase introduced by from/by (nominal source). */
long ex_agent_after(const scratch *s, long t1, uint32_t which)
{
	long i;

	for (i = ex_group_from(s, t1); i < (long)s->n_g; i++) {
		const group *g = &s->g[i];

		step(s);
		if (g->t0 > t1 + WIN_AGENT_AFTER ||
			g->clause != s->clause[t1 - 1]) {
			break;
		}
		if (g->prep & which) {
			return i;
		}
	}
	return -1;
}

/* A group right before a nominal phrase ("US sanctions", "their joint
 * exercises"), with at most two modifiers between. */
long ex_agent_before(const scratch *s, const ex_token *tk, long t0)
{
	long k;

	for (k = t0 - 1; k >= 0 && k >= t0 - WIN_AGENT_BEFORE; k--) {
		uint32_t f = wflags(&tk[k]);

		step(s);
		if (s->mention_at[k] >= 0) {
			return s->m[s->mention_at[k]].group;
		}
		if (tk[k].tflags & EXTF_POSS) {
			continue;
		}
		if (tk[k].w != NULL && tk[k].w->cls != NULL &&
			(tk[k].w->cls->extra & EXL_NAMING)) {
			return -1; /* "what it called aggression": the namer */
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

/* The first group introduced by "in" after t1 in the clause. */
long ex_in_target(const scratch *s, long t1, long max)
{
	long i;

	for (i = ex_group_from(s, t1); i < (long)s->n_g; i++) {
		const group *g = &s->g[i];

		step(s);
		if (g->t0 > t1 + max || g->clause != s->clause[t1 - 1]) {
			break;
		}
		if (g->prep & EXW_IN) {
			return i;
		}
	}
	return -1;
}

/* The last state group before token t that is not introduced by a
 * preposition, in any clause; -1 if none. */
long ex_subject_before(const scratch *s, long t)
{
	long i = ex_groups_before(s, t);

	step(s);
	return i > 0 ? s->last_free[i - 1] : -1;
}
