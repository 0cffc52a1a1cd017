/* SPDX-License-Identifier: MIT */
/*
 * Event nouns carry their own arguments. "Brazil condemned Israel's
 * bombing of Lebanese towns" is a condemnation of Israel (the bombing's
 * agent) and a bombing of Lebanon; "Brazil condemned the bombing of
 * Lebanese towns" condemns whoever bombed them (the document may have
 * said who), never Lebanon, the victim. So for every event noun this
 * stage finds
 * - its agent: the actor right before it ("Israel's bombing", "a Turkish
 *   strike"), "by X" in its noun phrase ("the shooting of an officer by
 *   an Israeli patrol") or "from X" ("criticism from Germany");
 * - its partners: "talks between Ethiopia and Egypt";
 * - its patient: "of X" for acts done to X ("the invasion of Ukraine"),
 *   or a target preposition ("strikes on Syrian positions"), before the
 *   next event phrase;
 * and for every phrase the event noun that is its object ("condemned the
 * raids", "concerned by a pact", "protest about the shooting").
 */
#include <stdlib.h>
#include <string.h>

#include "roles.h"

static long hyphened_before(const ctx *c, long t);

/* Is token t - 1 the participle of a hyphened state ("a Russia-brokered
 * ceasefire")? */
static int participle_before(const ctx *c, long t)
{
	const scratch *s = c->s;
	size_t h;

	if (t < 2 || !(c->tk[t - 2].tflags & EXTF_HYPH_AFTER)) {
		return 0;
	}
	for (h = 0; h < s->n_hy; h++) {
		if (s->hy[h].t1 == t - 1) {
			return 1;
		}
	}
	return 0;
}

/* May token k stand between a phrase and the event noun it governs
 * ("condemned the latest", "concerned by a")? */
static int object_filler(const scratch *s, const ex_token *tk, long k)
{
	uint32_t f = wflags(&tk[k]);

	size_t h;

	if (tk[k].tflags & EXTF_POSS) {
		return 1;
	}
	if (tk[k].kind != EXT_WORD || s->in_verb[k]) {
		return 0;
	}
	for (h = 0; h < s->n_hy; h++) {
		if (s->hy[h].t0 <= k && k < s->hy[h].t1) {
			return 1; /* "the Kenya-Ethiopia trade agreement" */
		}
	}
	if (f & (EXW_DET | EXW_ADVERB | EXW_QUANT)) {
		return 1;
	}
	/* an adjective or a noun modifier: a word of no class ("recent",
	 * "cross-border", "mortar", "trade"), in no event phrase */
	return f == 0;
}

/* Does "what X called" (or "described as", "termed") start at token k?
 * Returns the token after it, or k. "denounced what it called
 * aggression by X" is a denunciation of the aggression. */
static long naming_frame(const scratch *s, const ex_token *tk, long k, long end)
{
	long j = k + 1;
	const ex_wordclass *wc = tk[k].w ? tk[k].w->cls : NULL;

	if (wc == NULL || !(wc->extra & EXL_FREE_RELATIVE)) {
		return k;
	}
	while (j < end && s->mention_at[j] >= 0) {
		j++;
	}
	if (j == k + 1 || j >= end || tk[j].w == NULL || tk[j].w->cls == NULL ||
		!(tk[j].w->cls->extra & EXL_NAMING)) {
		return k;
	}
	j++;
	if (j < end && (wflags(&tk[j]) & EXW_PREP)) {
		j++; /* "described as" */
	}
	return j;
}

/* Is phrase v read as an event noun? */
int ex_is_noun(const ctx *c, const vmatch *v)
{
	return (v->p->type & EXV_NOUN) ||
		ex_nominal_context(c->s, c->text, c->tk, v->t0, v->t1, c->n);
}

/* Does phrase v hold its object inside it, an actor in its gap ("expels
 * Mexico's ambassador as the row deepens")? Then no event noun after it
 * is its object. */
static int holds_object(const scratch *s, const vmatch *v)
{
	long k;

	for (k = v->t0 + 1; k < v->t1; k++) {
		if (s->mention_at[k] >= 0) {
			return 1;
		}
	}
	return 0;
}

void ex_find_objects(const ctx *c)
{
	scratch *s = c->s;
	const ex_token *tk = c->tk;
	size_t vi;

	for (vi = 0; vi < s->n_v; vi++) {
		/* "the Iran-US swap deal": a hyphened name before it */
		s->v[vi].noun = ex_is_noun(c, &s->v[vi]) ||
			hyphened_before(c, s->v[vi].t0) >= 0 ||
			participle_before(c, s->v[vi].t0);
	}
	for (vi = 0; vi < s->n_v; vi++) {
		vmatch *v = &s->v[vi];
		vmatch *nv = vi + 1 < s->n_v ? &s->v[vi + 1] : NULL;
		long k = v->t1, agent, named;

		v->object = -1;
		if (nv == NULL || (v->p->type & (EXV_CTL | EXV_NEGATOR)) ||
			s->clause[nv->t0] != s->clause[v->t0] ||
			nv->t0 - v->t1 > WIN_OBJECT) {
			continue;
		}
		if (holds_object(s, v)) {
			continue;
		}
		/* "protest about", "concerned by", "anger at" */
		if (k < nv->t0 && tk[k].w && tk[k].w->cls &&
			(tk[k].w->cls->extra & EXL_OBJECT_PREP)) {
			k++;
		}
		named = naming_frame(s, tk, k, nv->t0);
		if (named == nv->t0 && named > k) {
			nv->noun = 1; /* what it called "aggression" */
		}
		k = named;
		if (!nv->noun) {
			continue;
		}
		agent = ex_agent_before(s, tk, nv->t0);
		for (; k < nv->t0; k++) {
			step(s);
			if (s->mention_at[k] >= 0) {
				/* only the noun's own agent, right before it */
				if (agent < 0 ||
					s->m[s->mention_at[k]].group != agent) {
					break;
				}
				continue;
			}
			if (!object_filler(s, tk, k)) {
				break;
			}
		}
		if (k == nv->t0) {
			v->object = (long)vi + 1;
		}
	}
}

/* A group that starts within two tokens after t (a determiner between),
 * in the clause of token t - 1; -1 if none. */
static long group_right_after(const scratch *s, long t)
{
	long i = ex_group_from(s, t);

	step(s);
	if (i < (long)s->n_g && s->g[i].t0 <= t + 2 &&
		s->g[i].clause == s->clause[t - 1]) {
		return i;
	}
	return -1;
}

/* The agent of a passive that carries the event noun: "evidence against
 * X was presented by Y", "sanctions were imposed by Y" (words.tsv class
 * carrier, after forms of "be" from token k); -1 if none. */
static long carrier_agent(const ctx *c, long k)
{
	const ex_token *tk = c->tk;
	long g;

	while (k < c->n && (wflags(&tk[k]) & (EXW_BE | EXW_AUX))) {
		k++;
	}
	if (k + 1 >= c->n || tk[k].w == NULL || tk[k].w->cls == NULL ||
		!(tk[k].w->cls->extra & EXL_CARRIER)) {
		return -1;
	}
	k++;
	if (!(wflags(&tk[k]) & EXW_BY) && k + 1 < c->n &&
		tk[k].kind == EXT_WORD && (wflags(&tk[k + 1]) & EXW_BY)) {
		k++; /* "carried out by", "presented today by" */
	}
	if (!(wflags(&tk[k]) & EXW_BY)) {
		return -1;
	}
	g = group_right_after(c->s, k + 1);
	return g >= 0 && (c->s->g[g].prep & EXW_BY) ? g : -1;
}

long ex_noun_agent(const ctx *c, long vi)
{
	const scratch *s = c->s;
	const ex_token *tk = c->tk;
	const vmatch *v = &s->v[vi];
	long g = ex_agent_before(s, tk, v->t0), k;

	if (g >= 0) {
		return g;
	}
	/* "by X" inside the noun phrase: "the shooting of an officer by an
	 * Israeli patrol" */
	for (k = v->t1; k < c->n && k < v->t1 + WIN_NOUN_BY; k++) {
		uint32_t f = wflags(&tk[k]);

		step(s);
		if ((f & EXW_BE) && s->clause[k] == s->clause[v->t0] &&
			(g = carrier_agent(c, k)) >= 0) {
			return g;
		}
		if (s->clause[k] != s->clause[v->t0] || s->in_verb[k] ||
			(tk[k].kind == EXT_PUNCT &&
				!(tk[k].tflags & EXTF_POSS)) ||
			/* "an agreement forced on X by Y": Y forced it */
			(tk[k].kind == EXT_WORD && s->mention_at[k] < 0 &&
				ex_is_passive_form(c->text, tk, k)) ||
			(f &
				(EXW_BE | EXW_AUX | EXW_FUTURE | EXW_THAT |
					EXW_REL | EXW_CLAUSE | EXW_SPEECH))) {
			break;
		}
		if ((f & EXW_BY) && k + 1 < c->n &&
			(g = group_right_after(s, k + 1)) >= 0 &&
			(s->g[g].prep & EXW_BY)) {
			return g;
		}
	}
	g = ex_agent_after(s, v->t1, EXW_FROM);
	if (g < 0 && (ex_root_does(c->ex, v->p->code) & EXR_OF_AGENT)) {
		/* "the help of British troops", "the visit of X" */
		g = group_right_after(s, v->t1);
		if (g >= 0 && !(s->g[g].prep & EXW_OF)) {
			g = -1;
		}
	}
	return g;
}

long ex_noun_partners(const ctx *c, long vi, int min)
{
	const scratch *s = c->s;
	const vmatch *v = &s->v[vi];
	long g;

	if (v->t1 >= c->n || !(wflags(&c->tk[v->t1]) & EXW_BETWEEN)) {
		return -1;
	}
	/* the first group after "between" (its preposition may be hidden
	 * by a non-state party first: "between an Israeli peace movement
	 * and the PLO") */
	g = ex_group_from(s, v->t1 + 1);
	step(s);
	if (g < (long)s->n_g && s->g[g].t0 <= v->t1 + WIN_JOIN + 2 &&
		s->g[g].clause == s->clause[v->t0] &&
		s->g[g].m1 - s->g[g].m0 >= min) {
		return g;
	}
	return -1;
}

long ex_noun_partner_with(const ctx *c, long vi)
{
	const scratch *s = c->s;
	const vmatch *v = &s->v[vi];
	long g = v->t1 < c->n ? group_right_after(s, v->t1) : -1;

	return g >= 0 && (s->g[g].prep & EXW_WITH) ? g : -1;
}

long ex_noun_patient(const ctx *c, long vi, long agent)
{
	const scratch *s = c->s;
	const vmatch *v = &s->v[vi];
	long stop = vi + 1 < (long)s->n_v ? s->v[vi + 1].t0 : c->n;
	long g;

	if (v->t1 >= c->n) {
		return -1;
	}
	g = group_right_after(s, v->t1);
	if (g >= 0 && (s->g[g].prep & EXW_OF) && g != agent &&
		!(ex_root_does(c->ex, v->p->code) & EXR_OF_AGENT)) {
		return g; /* "the invasion of Ukraine" */
	}
	g = ex_target_of(s, v->t1, WIN_NOUN_TARGET, 1, v->t1);
	if (g < 0 || g == agent || s->g[g].t0 >= stop ||
		(s->g[g].prep & (EXW_FROM | EXW_BY | EXW_BETWEEN))) {
		return -1;
	}
	return g;
}

long ex_synthetic_group(scratch *s, long t0, long t1, const char *code)
{
	group *g;
	mention *m;
	long gi = (long)(s->n_g + s->n_syn);

	if (s->n_syn >= MAX_SYNTHETIC ||
		ex_grow((void **)&s->g, &s->cap_g, (size_t)gi + 1,
			sizeof(group)) ||
		ex_grow((void **)&s->m, &s->cap_m, s->n_m + s->n_syn_m + 1,
			sizeof(mention))) {
		return -1;
	}
	m = &s->m[s->n_m + s->n_syn_m];
	memset(m, 0, sizeof(*m));
	m->t0 = t0;
	m->t1 = t1;
	m->type = EXA_STATE;
	m->group = gi;
	m->ante = -1;
	copy_code(m->code, code, sizeof(m->code));
	g = &s->g[gi];
	memset(g, 0, sizeof(*g));
	g->m0 = (long)(s->n_m + s->n_syn_m);
	g->m1 = g->m0 + 1;
	g->t0 = t0;
	g->t1 = t1;
	g->clause = s->clause[t0];
	g->resolved = 1;
	ex_add_code(g, code, g->m0);
	s->n_syn++;
	s->n_syn_m++;
	return gi;
}

long ex_synthetic_add(scratch *s, long gi, long t0, long t1, const char *code)
{
	mention *m;
	group *g = &s->g[gi];

	if (gi != (long)(s->n_g + s->n_syn) - 1 ||
		ex_grow((void **)&s->m, &s->cap_m, s->n_m + s->n_syn_m + 1,
			sizeof(mention))) {
		return -1;
	}
	m = &s->m[s->n_m + s->n_syn_m];
	memset(m, 0, sizeof(*m));
	m->t0 = t0;
	m->t1 = t1;
	m->type = EXA_STATE;
	m->group = gi;
	m->ante = -1;
	copy_code(m->code, code, sizeof(m->code));
	ex_add_code(g, code, (long)(s->n_m + s->n_syn_m));
	g->m1 = (long)(s->n_m + s->n_syn_m) + 1;
	g->t1 = t1;
	s->n_syn_m++;
	return gi;
}

long ex_remembered_agent(ctx *c, long vi)
{
	const ent_extractor *ex = c->ex;
	const vmatch *v = &c->s->v[vi];
	int k;

	for (k = 0; k < ex->n_doc_events; k++) {
		if (ex->doc_events[k].code[0] == v->p->code[0] &&
			ex->doc_events[k].code[1] == v->p->code[1]) {
			return ex_synthetic_group(
				c->s, v->t0, v->t1, ex->doc_events[k].source);
		}
	}
	return -1;
}

/* The hyphened name that ends right before token t, with at most two
 * modifiers between ("the Iran-US prisoner swap deal"); its index in
 * s->hy, or -1. */
static long hyphened_before(const ctx *c, long t)
{
	const scratch *s = c->s;
	long h, k;

	for (h = (long)s->n_hy - 1; h >= 0; h--) {
		step(s);
		if (s->hy[h].t1 <= t) {
			break;
		}
	}
	if (h < 0 || t - s->hy[h].t1 > 2) {
		return -1;
	}
	for (k = s->hy[h].t1; k < t; k++) {
		if (!object_filler(s, c->tk, k) ||
			(wflags(&c->tk[k]) & EXW_DET)) {
			return -1;
		}
	}
	return h;
}

long ex_hyphen_partners(ctx *c, long vi)
{
	scratch *s = c->s;
	const vmatch *v = &s->v[vi];
	long h = hyphened_before(c, v->t0), first, g = -1, k;
	int states = 1;

	/* the last name of a chain has no hyphen after it */
	if (h < 0 || (c->tk[s->hy[h].t1 - 1].tflags & EXTF_HYPH_AFTER)) {
		return -1;
	}
	/* walk back along "Australia-U.S.-Britain" */
	first = h;
	while (first > 0 && s->hy[first - 1].t1 == s->hy[first].t0 &&
		(c->tk[s->hy[first - 1].t1 - 1].tflags & EXTF_HYPH_AFTER)) {
		first--;
		states++;
	}
	if (states < 2) {
		return -1;
	}
	for (k = first; k <= h; k++) {
		g = g < 0 ? ex_synthetic_group(
				    s, s->hy[k].t0, s->hy[k].t1, s->hy[k].code)
			  : ex_synthetic_add(s, g, s->hy[k].t0, s->hy[k].t1,
				    s->hy[k].code);
		if (g < 0) {
			return -1;
		}
	}
	return s->g[g].n_codes >= 2 ? g : -1;
}

long ex_hyphen_actor(ctx *c, long vi, const ex_phrase **act)
{
	ent_extractor *ex = c->ex;
	scratch *s = c->s;
	const vmatch *v = &s->v[vi];
	const ex_token *tk = c->tk;
	long h, k, p;
	int32_t pi;

	*act = NULL;
	/* "a Russia-brokered truce": the participle right after the name */
	for (h = (long)s->n_hy - 1; h >= 0 && s->hy[h].t1 + 1 > v->t0; h--) {
	}
	if (h < 0 || s->hy[h].t1 >= v->t0 ||
		!(tk[s->hy[h].t1 - 1].tflags & EXTF_HYPH_AFTER)) {
		return -1;
	}
	p = s->hy[h].t1; /* the participle */
	for (k = p + 1; k < v->t0; k++) {
		if (!object_filler(s, tk, k) || (wflags(&tk[k]) & EXW_DET)) {
			return -1;
		}
	}
	if (tk[p].w == NULL || !ex_is_passive_form(c->text, tk, p)) {
		return -1;
	}
	if (tk[p].w->cls != NULL && (tk[p].w->cls->extra & EXL_AGENT_MARK)) {
		/* "the U.S.-led war": the agent of the event */
		return ex_synthetic_group(
			s, s->hy[h].t0, s->hy[h].t1, s->hy[h].code);
	}
	/* "Russia-brokered": the one-word event phrase of the participle */
	for (pi = tk[p].w->verbs; pi >= 0; pi = ex->verbs.phrases[pi].next) {
		const ex_phrase *ph = &ex->verbs.phrases[pi];

		if (ph->n_items == 1 && ph->code[0] != '\0') {
			*act = ph;
			return ex_synthetic_group(
				s, s->hy[h].t0, s->hy[h].t1, s->hy[h].code);
		}
	}
	return -1;
}
