/* SPDX-License-Identifier: MIT */
/*
 * References: the codes a group stands for. A name gives its own code;
 * "which"/"who" the group before it; "it"/"its" the subject of its clause
 * or sentence, else the subject of the last sentence; "they"/"their" a
 * coordinated subject, else the last coordinated pair of the document;
 * "the two countries"/"both sides" the last coordinated group. The
 * document remembers, between sentences, the last subject, the last pair
 * and the states mentioned most recently.
 */
#include <stdlib.h>
#include <string.h>

#include "roles.h"

void ex_add_code(group *g, const char *code, long mi)
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
long ex_clause_subject(const scratch *s, long t0)
{
	long i;

	for (i = ex_groups_before(s, t0) - 1;
		i >= 0 && s->g[i].t0 >= t0 - WIN_SUBJECT; i--) {
		const group *g = &s->g[i];

		step(s);
		if (g->clause == s->clause[t0] && !g->prep &&
			s->m[g->m0].type == EXA_STATE &&
			!(s->attrib[g->t0] & TOK_ATTRIB)) {
			return i;
		}
	}
	return -1;
}

/* The sentence's main subject: its first state group not introduced by a
 * preposition (and not in an attribution tail) if it starts before token
 * `before`; -1 if none. */
long ex_main_subject(const scratch *s, long before)
{
	step(s);
	return s->first_main >= 0 && s->g[s->first_main].t0 < before
		? s->first_main
		: -1;
}

/* Add to g the codes of group `from` (all of them, or the first). */
static void add_group_codes(group *g, const group *from, long mi, int all)
{
	int k;

	for (k = 0; k < from->n_codes; k++) {
		ex_add_code(g, from->codes[k], mi);
		if (!all) {
			break;
		}
	}
}

/* Add to g the document's remembered codes (all of them, or the first). */
static void add_remembered(
	group *g, char (*codes)[ENT_CODE_SIZE], int n, long mi, int all)
{
	int k;

	for (k = 0; k < n; k++) {
		ex_add_code(g, codes[k], mi);
		if (!all) {
			break;
		}
	}
}

/* "they", "their": a coordinated subject of the sentence, else the last
 * pair of the document. Returns 0 when neither exists (read it as "it"). */
static int resolve_many(
	ent_extractor *ex, scratch *s, long gi, long mi, int depth)
{
	long ms = ex_main_subject(s, s->m[mi].t0);

	if (ms >= 0 && ms != gi) {
		ex_resolve(ex, s, ms, depth + 1);
	}
	if (!(ms >= 0 && ms != gi && s->g[ms].n_codes >= 2) &&
		ex->n_last_pair >= 2) {
		add_remembered(
			&s->g[gi], ex->last_pair, ex->n_last_pair, mi, 1);
		return 1;
	}
	return 0;
}

/* "it", "its" (or "they" read as it): the subject of its clause, else of
 * the sentence before it, else the last subject of the document. */
static void resolve_one(
	ent_extractor *ex, scratch *s, long gi, long mi, int depth)
{
	const mention *m = &s->m[mi];
	int all = m->type != EXA_REF_ONE;
	long ms = ex_clause_subject(s, m->t0);

	if (ms < 0) {
		ms = ex_main_subject(s, m->t0);
	}
	if (ms >= 0 && ms != gi) {
		ex_resolve(ex, s, ms, depth + 1);
		add_group_codes(&s->g[gi], &s->g[ms], mi, all);
	} else if (ms < 0) {
		add_remembered(&s->g[gi], ex->last_subject, ex->n_last_subject,
			mi, all);
	}
}

/* "the two countries", "both sides": the last coordinated group before
 * it in the sentence, else the last pair of the document. */
static void resolve_pair(
	ent_extractor *ex, scratch *s, long gi, long mi, int depth)
{
	long j;

	for (j = gi - 1; j >= 0 && s->g[j].t0 >= s->g[gi].t0 - WIN_SUBJECT;
		j--) {
		step(s);
		if (s->g[j].m1 - s->g[j].m0 >= 2) {
			ex_resolve(ex, s, j, depth + 1);
			if (s->g[j].n_codes >= 2) {
				add_group_codes(&s->g[gi], &s->g[j], mi, 1);
				return;
			}
		}
	}
	add_remembered(&s->g[gi], ex->last_pair, ex->n_last_pair, mi, 1);
}

/* "the four countries" (code "4"), "those nations" (code empty): the
 * last group of that many states before it in the sentence, else the
 * document's last list of three or more, else its last pair; of any size
 * from three when no number is given. Nothing when none fits: a list of
 * another size is someone else. */
static void resolve_group(
	ent_extractor *ex, scratch *s, long gi, long mi, int depth)
{
	int want = atoi(s->m[mi].code);
	long j;

	for (j = gi - 1; j >= 0 && s->g[j].t0 >= s->g[gi].t0 - WIN_SUBJECT;
		j--) {
		step(s);
		if (s->g[j].m1 - s->g[j].m0 >= 2) {
			ex_resolve(ex, s, j, depth + 1);
			if (want ? s->g[j].n_codes == want
				 : s->g[j].n_codes >= 3) {
				add_group_codes(&s->g[gi], &s->g[j], mi, 1);
				return;
			}
		}
	}
	if (want ? ex->n_last_list == want : ex->n_last_list >= 3) {
		add_remembered(
			&s->g[gi], ex->last_list, ex->n_last_list, mi, 1);
	} else if (want && ex->n_last_pair == want) {
		add_remembered(
			&s->g[gi], ex->last_pair, ex->n_last_pair, mi, 1);
	}
}

int ex_group_has_state(const group *g, const char *code)
{
	int a;

	for (a = 0; a < g->n_codes; a++) {
		if (same_state(g->codes[a], code)) {
			return 1;
		}
	}
	return 0;
}

/* "its neighbour": the nearest state mentioned before it that is not the
 * subject's, in the sentence or else the document. */
static void resolve_other(
	ent_extractor *ex, scratch *s, long gi, long mi, int depth)
{
	long ms = ex_clause_subject(s, s->m[mi].t0), j;
	group none;

	if (ms < 0) {
		ms = ex_main_subject(s, s->m[mi].t0);
	}
	if (ms >= 0 && ms != gi) {
		ex_resolve(ex, s, ms, depth + 1);
	}
	for (j = gi - 1; j >= 0 && s->g[j].t0 >= s->g[gi].t0 - WIN_SUBJECT;
		j--) {
		int k;

		step(s);
		if (j == ms || s->m[s->g[j].m0].type != EXA_STATE) {
			continue;
		}
		ex_resolve(ex, s, j, depth + 1);
		for (k = 0; k < s->g[j].n_codes; k++) {
			if (ms < 0 ||
				!ex_group_has_state(
					&s->g[ms], s->g[j].codes[k])) {
				ex_add_code(&s->g[gi], s->g[j].codes[k], mi);
				return;
			}
		}
	}
	memset(&none, 0, sizeof(none));
	ex_other_recent(ex, ms >= 0 ? &s->g[ms] : &none, &s->g[gi]);
}

void ex_resolve(ent_extractor *ex, scratch *s, long gi, int depth)
{
	group *g = &s->g[gi];
	long mi;

	if (g->resolved || depth > MAX_RESOLVE_DEPTH) {
		return;
	}
	g->resolved = 1;
	for (mi = g->m0; mi < g->m1; mi++) {
		const mention *m = &s->m[mi];

		switch (m->type) {
		case EXA_STATE:
			ex_add_code(g, m->code, mi);
			break;
		case M_REL:
			if (m->ante >= 0 && m->ante != gi) {
				ex_resolve(ex, s, m->ante, depth + 1);
				add_group_codes(g, &s->g[m->ante], mi, 1);
			}
			break;
		case EXA_REF_MANY:
			if (resolve_many(ex, s, gi, mi, depth)) {
				break;
			}
			resolve_one(ex, s, gi, mi, depth);
			break;
		case EXA_REF_ONE:
			resolve_one(ex, s, gi, mi, depth);
			break;
		case EXA_REF_PAIR:
			resolve_pair(ex, s, gi, mi, depth);
			break;
		case EXA_REF_OTHER:
			resolve_other(ex, s, gi, mi, depth);
			break;
		case EXA_REF_GROUP:
			resolve_group(ex, s, gi, mi, depth);
			break;
		default:
			break;
		}
	}
}

/* Re-point a pronoun group at the most recent state of the document that
 * is not the source. Returns 1 when one was found. */
int ex_other_recent(const ent_extractor *ex, const group *src, group *t)
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
			ex_add_code(t, ex->recent[k], t->m0);
			return 1;
		}
	}
	return 0;
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
	if (k == ex->n_recent && k < MAX_RECENT) {
		ex->n_recent++;
	}
	if (k >= MAX_RECENT) {
		k = MAX_RECENT - 1;
	}
	for (j = k; j > 0; j--) {
		memcpy(ex->recent[j], ex->recent[j - 1], ENT_CODE_SIZE);
	}
	copy_code(ex->recent[0], code, ENT_CODE_SIZE);
}

/* Remember the sentence's subject, last coordinated pair and states. */
void ex_remember(ent_extractor *ex, scratch *s, long n)
{
	long ms = ex_main_subject(s, n);
	size_t i;
	int k;

	for (i = 0; i < s->n_m; i++) {
		if (s->m[i].type == EXA_STATE && s->m[i].code[0] != '\0') {
			push_recent(ex, s->m[i].code);
		}
	}
	if (ms >= 0) {
		ex_resolve(ex, s, ms, 0);
		if (s->g[ms].n_codes > 0) {
			ex->n_last_subject = s->g[ms].n_codes;
			for (k = 0; k < s->g[ms].n_codes; k++) {
				memcpy(ex->last_subject[k], s->g[ms].codes[k],
					ENT_CODE_SIZE);
			}
		}
	}
	for (i = s->n_g; i-- > 0;) {
		if (s->g[i].m1 - s->g[i].m0 >= 3) {
			ex_resolve(ex, s, (long)i, 0);
			if (s->g[i].n_codes >= 3) {
				ex->n_last_list = s->g[i].n_codes;
				for (k = 0; k < s->g[i].n_codes; k++) {
					memcpy(ex->last_list[k],
						s->g[i].codes[k],
						ENT_CODE_SIZE);
				}
				break;
			}
		}
	}
	for (i = s->n_g; i-- > 0;) {
		if (s->g[i].m1 - s->g[i].m0 >= 2) {
			ex_resolve(ex, s, (long)i, 0);
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
