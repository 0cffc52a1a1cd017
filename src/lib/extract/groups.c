/* SPDX-License-Identifier: MIT */
/*
 * Groups: mentions of one clause joined by "and" or commas ("Poland and
 * Romania", "the US, Russia, and Switzerland"), or a title and a name of
 * one state side by side ("Bulgarian President Todor Zhivkov"), act
 * together. Each group records the preposition that introduces it, which
 * decides whether it can be a subject (none), a target (to, on, against
 * ...) or an agent (from, by).
 */
#include <stdlib.h>
#include <string.h>

#include "roles.h"

static int index_free_groups(scratch *s);

/* -- groups ------------------------------------------------------------- */

static int joinable(const ex_token *tk, long a, long b)
{
	long k;
	int conj = 0;

	if (b - a > WIN_JOIN) {
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

	for (k = t0 - 1; k >= 0 && k >= t0 - WIN_PREP; k--) {
		uint32_t f = wflags(&tk[k]);

		if (s->in_verb[k]) {
			return 0; /* "arrived in", "appeal to": part of the
				     phrase */
		}
		if (f & EXW_PREP) {
			if ((f & EXW_OF) && k > 0 && tk[k - 1].w &&
				tk[k - 1].w->cls &&
				(tk[k - 1].w->cls->extra & EXL_DIRECTION)) {
				/* "southwest of Baghdad", "the outskirts of
				 * Aleppo": a place, as "in" */
				return f | EXW_IN;
			}
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
			s->mention_at[k] >= 0) {
			return 0;
		}
	}
	return 0;
}

int ex_find_groups(scratch *s, const ex_token *tk)
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
		if (ex_grow((void **)&s->g, &s->cap_g, s->n_g + 1,
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
			long am = s->mention_at[s->m[a].ante];

			s->m[a].ante = am >= 0 ? s->m[am].group : -1;
		}
	}
	return index_free_groups(s);
}

long ex_group_from(const scratch *s, long t)
{
	long lo = 0, hi = (long)s->n_g;

	while (lo < hi) {
		long mid = lo + (hi - lo) / 2;

		if (s->g[mid].t0 < t) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo;
}

long ex_groups_before(const scratch *s, long t)
{
	long lo = 0, hi = (long)s->n_g;

	while (lo < hi) {
		long mid = lo + (hi - lo) / 2;

		if (s->g[mid].t1 <= t) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo;
}

/* The main subject of the sentence and, for every group, the last
 * state group up to it with no preposition: answers in constant time to
 * searches that every phrase makes. Returns 0, or -1 when out of memory.
 */
static int index_free_groups(scratch *s)
{
	size_t i;
	long last = -1;

	if (ex_grow((void **)&s->last_free, &s->cap_lf, s->n_g + 1,
		    sizeof(long)) != 0) {
		return -1;
	}
	s->first_main = -1;
	for (i = 0; i < s->n_g; i++) {
		const group *g = &s->g[i];

		if (!g->prep && s->m[g->m0].type == EXA_STATE) {
			last = (long)i;
			if (s->first_main < 0 &&
				!(s->attrib[g->t0] & TOK_ATTRIB)) {
				s->first_main = (long)i;
			}
		}
		s->last_free[i] = last;
	}
	return 0;
}
