/* SPDX-License-Identifier: MIT */
/*
 * One sentence: the stages of roles.h run in order, then every event
 * phrase is coded:
 * - a phrase in the complement of an earlier event phrase of the clause
 *   ("agreed not to attack", "invited Russia to send troops") is part of
 *   that event and is not coded again; control verbs ("plans to",
 *   "decided to") pass to their complement, negators ("denied", "failed
 *   to") negate it;
 * - passive verbs ("was attacked by X") swap: X is the source;
 * - nominal events take their source from "from/by X" or the actor right
 *   before them, their target from a target preposition;
 * - coordinated subjects with a symmetric or reciprocal event and no
 *   target code each member toward the others.
 */
#include <stdlib.h>
#include <string.h>

#include "roles.h"

void ex_scratch_free(void *p)
{
	scratch *s = p;

	if (s == NULL) {
		return;
	}
	free(s->m);
	free(s->g);
	free(s->v);
	free(s->hy);
	free(s->clause);
	free(s->attrib);
	free(s->mention_at);
	free(s->in_verb);
	free(s->e);
	free(s->eset);
	free(s->commas);
	free(s->recip);
	free(s->last_free);
	ent__buf_free(&s->text);
	ent__buf_free(&s->strs);
	free(s);
}

int ex_grow(void **p, size_t *cap, size_t need, size_t size)
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

/* Negation, hedging and future in the few words before a phrase. */
static unsigned modality(
	const scratch *s, const ex_token *tk, long t0, long from, int *negated)
{
	unsigned flags = 0;
	long k;
	int c = s->clause[t0];

	*negated = 0;
	for (k = t0 - 1; k >= 0 && k >= t0 - WIN_MODALITY && k >= from; k--) {
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
	if (t0 > 0 && s->clause[t0 - 1] == c &&
		(s->attrib[t0 - 1] & TOK_HEDGED)) {
		flags |= ENT_FLAG_HEDGED;
	}
	return flags;
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

/* Is there a word that sets a scene among tokens [a, b) ("during the
 * meeting", "amid the talks")? An event noun after it is the backdrop of
 * the clause, not something its subject does. */
static int backdrop(const ex_token *tk, long a, long b)
{
	long k;

	for (k = a; k < b; k++) {
		if (tk[k].w != NULL && tk[k].w->cls != NULL &&
			(tk[k].w->cls->extra & EXL_BACKDROP)) {
			return 1;
		}
	}
	return 0;
}

/* Does token t end in "-ing" ("arrested for collaborating")? */
static int gerund(const char *text, const ex_token *t)
{
	return t->end - t->start > 4 &&
		memcmp(text + t->end - 3, "ing", 3) == 0;
}

/* Is there a "for" among tokens [a, b) ("returned to Geneva for
 * talks")? The noun after it is what the event is for, an event of its
 * own. */
static int purpose_between(const ex_token *tk, long a, long b)
{
	long k;

	for (k = a; k < b; k++) {
		if (tk[k].w != NULL && tk[k].w->cls != NULL &&
			(tk[k].w->cls->extra & EXL_PURPOSE)) {
			return 1;
		}
	}
	return 0;
}

/* Is there a negation among tokens [a, b)? */
static int negation_between(const ex_token *tk, long a, long b)
{
	long k;

	for (k = a; k < b; k++) {
		if (wflags(&tk[k]) & EXW_NEG) {
			return 1;
		}
	}
	return 0;
}

/* Is there a to/from between a and b (a complement)? */
static int complement(const ex_token *tk, long a, long b)
{
	long k;

	if (b - a > WIN_COMPLEMENT) {
		return 0;
	}
	if (b == a) {
		return 1; /* "denied attacking" */
	}
	/* the previous phrase may end with the particle, right before the
	 * complement: "refrain from attacking" (not "return to Geneva for
	 * talks") */
	if (a > 0 && (wflags(&tk[a - 1]) & (EXW_TO | EXW_FROM)) && b - a <= 1) {
		return 1;
	}
	for (k = a; k < b; k++) {
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

/* The roots.tsv behaviour bits of a CAMEO code's root. */
unsigned ex_root_does(const ent_extractor *ex, const char *code)
{
	return ex->roots[(code[0] - '0') * 10 + (code[1] - '0')];
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

#ifdef EX_TRACE
#include <stdio.h>
/* Debugging aid, compiled only with -DEX_TRACE: how each sentence was
 * read. */
static void trace_tokens(const ctx *c, long a, long b)
{
	long k;

	for (k = a; k < b; k++) {
		fprintf(stderr, "%s%.*s", k > a ? " " : "",
			(int)(c->tk[k].end - c->tk[k].start),
			c->text + c->tk[k].start);
	}
}

static void trace_groups(const ctx *c)
{
	size_t i;
	long k;

	for (k = 0; k < (long)c->s->n_g; k++) {
		const group *g = &c->s->g[k];

		fprintf(stderr, "  g%ld [", k);
		trace_tokens(c, g->t0, g->t1);
		fprintf(stderr, "] clause %d prep %x type %d", g->clause,
			g->prep, c->s->m[g->m0].type);
		for (i = 0; i < (size_t)g->n_codes; i++) {
			fprintf(stderr, " %s", g->codes[i]);
		}
		fputc('\n', stderr);
	}
}
#define TRACE(...) fprintf(stderr, __VA_ARGS__)
#else
#define TRACE(...) ((void)0)
#endif

/* What the phrases before the current one in its clause leave behind. */
typedef struct chain {
	long prev;      /* the previous phrase of the clause, -1 */
	long prev_subj; /* its subject group */
	long prev_tgt;  /* its target group */
	int prev_negated, prev_embedded;
	int prev_refused, prev_intended;
	int clause_events; /* events coded so far in the clause */
} chain;

/* How one phrase is read. */
typedef struct reading {
	int nominal;     /* an event noun */
	int embedded;    /* part of an earlier event: not coded */
	int inherit_neg; /* negated by the phrase it completes */
	int refused;     /* ... which refuses it ("refused to send") */
	int intended;    /* ... which intends it ("pledged to send") */
	int negated;
	int sym;
	int tsearch; /* the target was searched for: 1 noun, 2 verb */
	unsigned flags;
	const char *code;
	long vi;       /* the phrase */
	long prev_end; /* the end of the phrase before it in its clause, 0 */
	long subj, src, tgt;
} reading;

/* Does event noun vi carry its own agent and patient, or its partners,
 * so that it is an event of its own even as another phrase's object
 * ("condemned Israel's bombing of Lebanese towns", "concerned by a pact
 * between China and Cambodia")? */
static int own_event(ctx *c, long vi)
{
	long agent = ex_noun_agent(c, vi);

	return (agent >= 0 && ex_noun_patient(c, vi, agent) >= 0) ||
		ex_noun_partners(c, vi, 2) >= 0 ||
		(c->s->n_hy > 0 && ex_hyphen_partners(c, vi) >= 0);
}

/* The agent of event noun ni, also "the U.S.-led war" (U.S.). */
static long noun_agent(ctx *c, long ni)
{
	const ex_phrase *act;
	long g = ex_noun_agent(c, ni);

	if (g < 0) {
		g = ex_hyphen_actor(c, ni, &act);
		if (act != NULL) {
			g = -1;
		}
	}
	return g;
}

/* The parties of event noun ni: "talks between X and Y", "the Iran-US
 * swap". */
static long noun_parties(ctx *c, long ni)
{
	long g = ex_noun_partners(c, ni, 2);

	return g >= 0 ? g : ex_hyphen_partners(c, ni);
}

/* "a Russia-brokered truce", "the Doha-mediated deal": the hyphened
 * state does what its participle says (mediate) toward the parties of the
 * event, or else the subject that has the event. */
static ent_status hyphen_actor_events(ctx *c, long vi, const reading *r)
{
	scratch *s = c->s;
	const ex_phrase *act = NULL;
	long x, parties;

	if (!s->v[vi].noun || s->n_hy == 0 ||
		(x = ex_hyphen_actor(c, vi, &act)) < 0 || act == NULL) {
		return ENT_OK;
	}
	parties = noun_parties(c, vi);
	if (parties < 0) {
		parties = r->subj;
	}
	if (parties < 0) {
		return ENT_OK;
	}
	ex_resolve(c->ex, s, parties, 0);
	return ex_emit_groups(c, &s->g[x], &s->g[parties], act->code,
		r->flags & ~ENT_FLAG_COMPOUND, 0);
}

/* The target of a phrase whose object is event noun ni: the noun's agent
 * ("condemned Israel's bombing", "condemned the shooting by an Israeli
 * patrol"), or its partners ("concerned by a pact between China and the
 * Solomon Islands", "called for better ties with Algeria"), or the agent of the
 * document's latest event of the same kind ("condemned the launch"); never its
 * patient, the victim. -1 when none is known. */
static long object_target(ctx *c, long ni)
{
	long g = noun_agent(c, ni);

	if (g < 0) {
		g = ex_noun_partners(c, ni, 1);
	}
	if (g < 0) {
		g = ex_hyphen_partners(c, ni);
	}
	if (g < 0) {
		/* "called for improved ties with Algeria" */
		g = ex_noun_partner_with(c, ni);
	}
	if (g < 0) {
		g = ex_remembered_agent(c, ni);
	}
	return g;
}

/* Is phrase `v` part of the phrase before it in its clause, or negated by
 * it? */
static void link_previous(
	const ctx *c, const chain *ch, const vmatch *v, reading *r)
{
	const scratch *s = c->s;
	const ex_token *tk = c->tk;
	const vmatch *pv = ch->prev >= 0 ? &s->v[ch->prev] : NULL;

	if (pv == NULL) {
		return;
	}
	if ((pv->p->type & EXV_MODAL) ||
		(ch->prev_embedded && (pv->p->type & EXV_CTL))) {
		/* what "Y must" do, or a control verb inside an embedded
		 * complement, is not an event of its own */
		r->embedded = 1;
	} else if (pv->object == r->vi && !(pv->p->type & EXV_NEGATOR) &&
		!ch->prev_embedded) {
		/* the object of the phrase before: an event of its own when
		 * it names its own agent and patient */
		r->embedded = !own_event((ctx *)c, r->vi);
	} else if (ch->prev_embedded && v->t0 - pv->t1 <= WIN_NOUN_CHAIN &&
		!joined_by_and(tk, pv->t1, v->t0)) {
		/* a chain of nouns: "mediation in peace negotiations" */
		r->embedded = 1;
	} else if ((v->p->type & EXV_MODAL) && has_that(tk, pv->t1, v->t0)) {
		/* "requests the court to declare that Nicaragua must": a
		 * demand of its own */
	} else if (complement(tk, pv->t1, v->t0)) {
		if (pv->p->type & EXV_NEGATOR) {
			r->inherit_neg = 1;
			r->refused = !!(pv->p->type & EXV_REFUSAL);
		} else if ((pv->p->type & EXV_INTENT) &&
			!negation_between(tk, pv->t1, v->t0)) {
			r->intended = 1;
		} else if (!(pv->p->type & EXV_CTL)) {
			r->embedded = 1;
		}
		if (pv->p->type & EXV_CTL) {
			r->inherit_neg = ch->prev_negated;
			r->refused = ch->prev_refused;
			r->intended = ch->prev_intended;
		}
	} else if (r->nominal && v->t0 - pv->t1 <= WIN_NOUN_AFTER_EVENT &&
		!(pv->p->type & (EXV_CTL | EXV_NEGATOR)) &&
		!(purpose_between(tk, pv->t1, v->t0) &&
			!gerund(c->text, &tk[v->t0]))) {
		/* a noun right after an event is part of it: "rejected North
		 * Korea's demand", "agreed to US mediation" (not "returned to
		 * Geneva for talks") */
		r->embedded = 1;
	}
}

/* The subject group of phrase `v`, or -1. */
static long find_subject(const ctx *c, const chain *ch, const vmatch *v)
{
	const scratch *s = c->s;
	const ex_token *tk = c->tk;
	long from = ch->prev >= 0 ? s->v[ch->prev].t1 : 0;
	long subj = ex_subject_of(s, tk, v->t0, from);

	if (subj == -2) {
		return -1; /* a subject of no actor */
	}
	if (ch->prev >= 0 && subj >= 0 && subj == ch->prev_tgt &&
		!has_that(tk, from, v->t0)) {
		/* "telephoned the leaders of X and invited ...": X is the
		 * object of the first verb, not the subject of the next */
		subj = -1;
	}
	if (subj < 0 && ch->prev >= 0) {
		subj = ch->prev_subj;
	}
	if (subj < 0) {
		subj = ex_subject_of(s, tk, v->t0, 0);
		subj = subj < 0 ? -1 : subj;
	}
	if (subj < 0 && v->t0 > 1 && s->clause[v->t0 - 2] != s->clause[v->t0] &&
		(wflags(&tk[v->t0 - 1]) & EXW_CLAUSE)) {
		/* "after meeting X", "while visiting Y": the subject of the
		 * clause before */
		subj = ex_subject_before(s, v->t0 - 1);
	}
	return subj;
}

/* Source and target of phrase `v` from its form (modal, noun, passive or
 * active verb). Returns 0 when the phrase codes no event. */
static int assign_roles(
	const ctx *c, const chain *ch, const vmatch *v, reading *r, long n)
{
	const scratch *s = c->s;
	const ex_token *tk = c->tk;

	if (!r->nominal && r->subj < 0 &&
		ex_agent_after(s, v->t1, EXW_FROM) >= 0) {
		/* "... followed criticism from Germany over X" */
		r->nominal = 1;
	}
	if (v->p->type & EXV_MODAL) {
		/* "X said Y must ...": X demands of Y */
		long ms = ex_main_subject(s, v->t0);

		if (r->subj < 0 || ms < 0 || ms == r->subj) {
			return 0;
		}
		r->src = ms;
		r->tgt = r->subj;
	} else if (r->nominal) {
		r->src = ex_agent_after(s, v->t1, EXW_FROM | EXW_BY);
		if (r->src < 0) {
			r->src = noun_agent((ctx *)c, r->vi);
		}
		if (r->src < 0) {
			/* "talks between Ethiopia and Egypt", "the Iran-US
			 * swap": each party toward the others */
			r->src = noun_parties((ctx *)c, r->vi);
			if (r->src >= 0) {
				return 1;
			}
		}
		if (r->src < 0 &&
			(ch->clause_events == 0 ||
				(purpose_between(tk, r->prev_end, v->t0) &&
					!gerund(c->text, &tk[v->t0]))) &&
			r->subj >= 0 &&
			v->t0 - s->g[r->subj].t1 <= WIN_NOUN_SUBJECT &&
			!has_that(tk, s->g[r->subj].t1, v->t0) &&
			!backdrop(tk, s->g[r->subj].t1, v->t0)) {
			r->src = r->subj;
		}
		/* "the invasion of Ukraine", "strikes on Syrian positions" */
		r->tgt = ex_noun_patient(c, r->vi, r->src);
		if (r->tgt < 0) {
			r->tgt = ex_target_of(
				s, v->t1, WIN_NOUN_TARGET, 1, v->t1);
		}
		r->tsearch = 1;
	} else if (v->t0 > 0 && is_punct(&tk[v->t0 - 1], ',') && v->t1 < n &&
		(wflags(&tk[v->t1]) & EXW_BY) &&
		ex_is_passive_form(c->text, tk, v->t0)) {
		/* ", disputed by X": a participle modifying the noun before
		 * it, not an event of the clause */
		return 0;
	} else if (!(v->p->type & EXV_ACTIVE) &&
		ex_is_passive(c->text, tk, v->t0)) {
		r->src = ex_agent_after(s, v->t1, EXW_BY);
		r->tgt = r->subj;
		if (r->src < 0) {
			if (v->t1 < n && (wflags(&tk[v->t1]) & EXW_TO)) {
				/* "is opposed to", "was committed to": active
				 */
				r->src = r->subj;
				r->tgt = ex_target_of(
					s, v->t1, WIN_TARGET, 0, v->t1);
			} else {
				return 0;
			}
		}
	} else {
		/* the target may sit in the phrase's gap: "gave Ukraine aid",
		 * "expelled three Russian diplomats" */
		r->src = r->subj;
		r->tgt = ex_target_of(
			s, v->t0 + 1, WIN_TARGET + (v->t1 - v->t0), 0, v->t1);
		r->tsearch = 2;
	}
	if (v->object >= 0 && !(v->p->type & EXV_MODAL)) {
		/* the phrase is about an event: aimed at whoever did it */
		r->tgt = object_target((ctx *)c, v->object);
		if (r->tgt >= 0 && r->src >= 0) {
			ex_resolve(c->ex, c->s, r->src, 0);
			ex_resolve(c->ex, c->s, r->tgt, 0);
			if (s->g[r->src].n_codes > 0 &&
				s->g[r->tgt].n_codes > 0 &&
				self_only(&s->g[r->src], &s->g[r->tgt])) {
				/* "Mexico criticised Monroy's expulsion",
				 * Monroy its own envoy: the possessive is who
				 * suffered the act; aimed at who did it */
				r->tgt = ex_remembered_agent((ctx *)c, v->object);
			}
		}
		r->tsearch = 0;
		r->sym = 0;
	}
	return 1;
}

/* A target where the usual search found none, or found a group of no
 * state: a place for force and coercion, the subject of a threat's
 * condition. */
static void fallback_target(ctx *c, const vmatch *v, reading *r, long n)
{
	scratch *s = c->s;

	if (r->tgt >= 0) {
		ex_resolve(c->ex, s, r->tgt, 0);
	}
	if (r->src >= 0) {
		ex_resolve(c->ex, s, r->src, 0);
	}
	if (r->tgt >= 0 &&
		(r->src >= 0 ? self_only(&s->g[r->src], &s->g[r->tgt])
			     : s->g[r->tgt].n_codes == 0) &&
		(ex_root_does(c->ex, r->code) & EXR_PLACE_TARGET)) {
		/* "struck Hezbollah targets in southern Lebanon",
		 * "strengthened its forces in Lebanon": no state, or only
		 * the source's own */
		long alt = ex_in_target(s, v->t1, WIN_IN_TARGET);

		if (alt < 0 || s->g[alt].t0 > s->g[r->tgt].t0) {
			alt = ex_in_target(s, s->g[r->tgt].t1, WIN_IN_TARGET);
		}
		if (alt >= 0) {
			ex_resolve(c->ex, s, alt, 0);
			r->tgt = alt;
		}
	}
	if (r->tgt < 0 && !r->nominal &&
		(ex_root_does(c->ex, r->code) & EXR_CONDITION_TARGET)) {
		/* a threat aimed at the subject of its condition */
		r->tgt = ex_condition_subject(s, v->t1, n);
	}
	if (r->tgt < 0 && !r->nominal &&
		(ex_root_does(c->ex, r->code) & EXR_PLACE_TARGET)) {
		/* "lifted a curfew in Montenegro", "strengthened its forces
		 * in Lebanon": the place is the target */
		r->tgt = ex_in_target(s, v->t1, WIN_IN_TARGET);
	}
}

/* A target that is the source itself ("recalled its ambassador",
 * "withdrew its troops from the border with X"): an object pronoun
 * stands for another actor; a possessive gives way to the next
 * candidate. */
static void retarget_self(ctx *c, const vmatch *v, reading *r, long n)
{
	scratch *s = c->s;
	const ex_token *tk = c->tk;

	if (r->tsearch && r->tgt >= 0 && r->src >= 0 &&
		s->g[r->src].n_codes >= 3 && s->g[r->tgt].n_codes == 1 &&
		s->g[r->tgt].m1 - s->g[r->tgt].m0 == 1 &&
		s->m[s->g[r->tgt].m0].type == EXA_STATE) {
		/* a named member of a list of three or more as the object
		 * ("officials of the four countries met the US envoy"): the
		 * event is between it and the others */
		return;
	}
	while (r->tsearch && r->tgt >= 0 &&
		s->g[r->tgt].t0 <= v->t1 + WIN_RETARGET_CHAIN &&
		self_only(&s->g[r->src], &s->g[r->tgt])) {
		const mention *tm = &s->m[s->g[r->tgt].m0];

		if (tm->type == EXA_BLOCK && s->g[r->tgt].prep == 0 &&
			s->g[r->tgt].t0 <= v->t1 + WIN_OBJECT) {
			/* a non-state object right after it ("demanded that
			 * its EC partners ..."): no state target (an
			 * addressee, "complained to the UN over X", is
			 * passed over) */
			r->tgt = -1;
			break;
		}

		if (s->g[r->tgt].m1 - s->g[r->tgt].m0 == 1 &&
			(tm->type == EXA_REF_ONE || tm->type == EXA_REF_MANY) &&
			tm->t1 < n &&
			!(tk[tm->t1].kind == EXT_WORD &&
				!(wflags(&tk[tm->t1]) &
					(EXW_PREP | EXW_AND)))) {
			/* "criticised the country for": not a possessive */
			if (ex_other_recent(
				    c->ex, &s->g[r->src], &s->g[r->tgt])) {
				break;
			}
		}
		r->tgt = ex_target_of(s, s->g[r->tgt].t1, WIN_RETARGET,
			r->tsearch == 1, v->t1);
		if (r->tgt >= 0) {
			ex_resolve(c->ex, s, r->tgt, 0);
		}
	}
}

/* Does phrase vi code an event of its own? Control verbs never do ("plans
 * to"); negators and intentions ("refused", "pledged") do only when no
 * complement follows ("refused the offer", "pledged support"). */
static int codes_itself(const ctx *c, long vi)
{
	const scratch *s = c->s;
	const vmatch *v = &s->v[vi], *nv;
	unsigned type = v->p->type;

	if (type & EXV_CTL) {
		return 0;
	}
	if (!(type & (EXV_NEGATOR | EXV_INTENT))) {
		return 1;
	}
	if (v->p->code[0] == '\0') {
		return 0;
	}
	nv = vi + 1 < (long)s->n_v ? &s->v[vi + 1] : NULL;
	if ((type & EXV_INTENT) &&
		negation_between(c->tk, v->t1,
			v->t1 + WIN_NEG_INTENT < c->n ? v->t1 + WIN_NEG_INTENT
						      : c->n)) {
		/* "vowed not to X" is a pledge of restraint only when X is
		 * a conflict ("pledged not to hack"); "vowed not to return
		 * the land" refuses, and an act of no known code is no
		 * pledge of either sign */
		const ent_cameo *cm;

		if (nv == NULL || s->clause[nv->t0] != s->clause[v->t0] ||
			!complement(c->tk, v->t1, nv->t0)) {
			return 0;
		}
		cm = ent_cameo_lookup(nv->p->code);
		return cm != NULL && cm->quad >= 3;
	}
	return nv == NULL || s->clause[nv->t0] != s->clause[v->t0] ||
		!complement(c->tk, v->t1, nv->t0) ||
		/* "pledged not to hack": a pledge of restraint, coded as
		 * the pledge, like "agreed not to attack" */
		((type & EXV_INTENT) && negation_between(c->tk, v->t1, nv->t0));
}

/* Does an "unless" follow phrase vi within WIN_CONDITION words of its
 * sentence? */
static int unless_after(const ctx *c, long vi)
{
	const vmatch *v = &c->s->v[vi];
	long k;

	for (k = v->t1; k < c->n && k < v->t1 + WIN_CONDITION; k++) {
		const ex_token *t = &c->tk[k];

		step(c->s);
		if (t->w != NULL && t->w->cls != NULL &&
			(t->w->cls->extra & EXL_UNLESS)) {
			return 1;
		}
	}
	return 0;
}

/* Settle negation and intention: a negated event is flagged (graphs leave
 * it out); an intended one is future and coded as intending it
 * (roots.tsv intent). Returns a second code to emit, unflagged, or NULL:
 * the phrase's code for its negation ("would not recognise" -> reject),
 * or the rejection a refused cooperation is ("refused to deploy
 * peacekeepers"; a refused conflict is no rejection). */
static const char *settle_modality(const ctx *c, const ex_phrase *p, reading *r)
{
	const ent_extractor *ex = c->ex;
	int root = (p->code[0] - '0') * 10 + (p->code[1] - '0');
	const ent_cameo *cm = ent_cameo_lookup(p->code);

	if (r->intended && ex->intent[root][0] != '\0' && !r->negated) {
		r->code = ex->intent[root];
		r->flags |= ENT_FLAG_FUTURE;
	}
	if ((r->flags & ENT_FLAG_FUTURE) && !r->negated &&
		ex->threat[root][0] != '\0' && unless_after(c, r->vi)) {
		/* "will withdraw its force from Chad unless ...": a threat */
		r->code = ex->threat[root];
	}
	if (!r->negated) {
		return NULL;
	}
	r->flags |= ENT_FLAG_NEGATED;
	if (p->neg_code[0] != '\0') {
		return p->neg_code;
	}
	if (r->refused && cm != NULL && cm->quad <= 2 &&
		ex->refusal[root][0] != '\0') {
		return ex->refusal[root];
	}
	return NULL;
}

/* Is the partner of a symmetric phrase someone other than its subject's
 * members: "clashed with the police", "are fighting jihadist
 * insurgencies"? Then the members acted together, not on one another.
 * (A direct object only counts for events with no target of their own:
 * "discussed trade" is still a discussion between them.) */
static int partner_elsewhere(const ctx *c, const vmatch *v, const reading *r)
{
	const scratch *s = c->s;
	const ex_token *tk = c->tk;
	long k = v->t1, g;

	while (k < c->n && (wflags(&tk[k]) & EXW_ADVERB)) {
		k++;
	}
	if (k >= c->n || tk[k].kind != EXT_WORD) {
		return 0;
	}
	g = ex_group_from(s, k);
	if (wflags(&tk[k]) & EXW_WITH) {
		/* "with" and no actor right after it */
		return !(g < (long)s->n_g && s->g[g].t0 <= k + 2);
	}
	if (r->nominal || !(v->p->type & EXV_NOTGT) ||
		(g < (long)s->n_g && s->g[g].t0 <= k + 1)) {
		return 0;
	}
	if (wflags(&tk[k]) & EXW_DET) {
		k++; /* "fought a war": the object is the event itself */
		return k < c->n && tk[k].kind == EXT_WORD && !s->in_verb[k] &&
			s->mention_at[k] < 0;
	}
	return wflags(&tk[k]) == 0 && !(tk[k].tflags & EXTF_CAP) &&
		!s->in_verb[k] && (tk[k].w == NULL || tk[k].w->verbs < 0);
}

/* Emit the events of one coded phrase. */
static ent_status emit_reading(ctx *c, const vmatch *v, reading *r, long n)
{
	scratch *s = c->s;
	const group *sg = &s->g[r->src];
	ent_status st;

	if (r->tgt >= 0) {
		/* an agreement or a meeting is mutual with its partner ("with
		 * X", or a direct object), not with the target of what was
		 * agreed ("agreed to lift sanctions on X") */
		if (s->g[r->tgt].prep != 0 &&
			!(s->g[r->tgt].prep & (EXW_WITH | EXW_BETWEEN))) {
			r->sym = 0;
		}
	}
	if (s->recip[s->clause[v->t0]]) {
		r->flags |= ENT_FLAG_RECIPROCAL;
	}
	if (r->tgt >= 0 && s->g[r->tgt].n_codes > 0) {
		if ((st = ex_emit_groups(c, sg, &s->g[r->tgt], r->code,
			     r->flags, r->sym)) != ENT_OK) {
			return st;
		}
		if (sg->n_codes > 1 && (r->flags & ENT_FLAG_RECIPROCAL)) {
			return ex_emit_within(c, sg, r->code, r->flags);
		}
	} else if (sg->n_codes > 1 &&
		((v->p->type & (EXV_SYM | EXV_NOTGT)) ||
			(r->flags & ENT_FLAG_RECIPROCAL)) &&
		!partner_elsewhere(c, v, r)) {
		return ex_emit_within(c, sg, r->code, r->flags);
	}
	return ENT_OK;
}

/* Find the roles of phrase v (read as r) and emit its events, and `alt`
 * (a rejection it also is) when not NULL. */
static ent_status code_phrase(
	ctx *c, chain *ch, const vmatch *v, reading *r, const char *alt)
{
	scratch *s = c->s;
	long n = c->n;
	ent_status st;

	if (!assign_roles(c, ch, v, r, n)) {
		return ENT_OK;
	}
	fallback_target(c, v, r, n);
	ch->prev_tgt = r->tgt;
	if (v->p->type & EXV_REV) {
		long t = r->src;

		r->src = r->tgt;
		r->tgt = t;
	}
	/* a noun later in the clause is its subject's only while no phrase
	 * of the clause has been coded */
	ch->clause_events++;
	if (r->src < 0) {
		return ENT_OK;
	}
	ex_resolve(c->ex, s, r->src, 0);
	if (r->tgt >= 0) {
		ex_resolve(c->ex, s, r->tgt, 0);
	}
	retarget_self(c, v, r, n);
#ifdef EX_TRACE
	TRACE("  phrase [");
	trace_tokens(c, v->t0, v->t1);
	TRACE("] %s nominal %d neg %d subj %ld src %ld tgt %ld\n", r->code,
		r->nominal, r->negated, r->subj, r->src, r->tgt);
#endif
	if ((st = emit_reading(c, v, r, n)) != ENT_OK) {
		return st;
	}
	if (alt != NULL) {
		/* the rejection a refusal or a negation is */
		r->code = alt;
		r->sym = 0; /* a rejection is one-way */
		r->flags &= ~(unsigned)(ENT_FLAG_NEGATED | ENT_FLAG_FUTURE);
		if ((st = emit_reading(c, v, r, n)) != ENT_OK) {
			return st;
		}
	}
	return ENT_OK;
}

ent_status ex_code_verbs(ctx *c, long n)
{
	scratch *s = c->s;
	chain ch = {-1, -1, -1, 0, 0, 0, 0, 0};
	size_t vi;
	ent_status st;

	ex_find_objects(c);
#ifdef EX_TRACE
	TRACE("S%ld: ", c->number);
	trace_tokens(c, 0, n);
	TRACE("\n");
	for (vi = 0; vi < s->n_v; vi++) {
		TRACE("  verb [");
		trace_tokens(c, s->v[vi].t0, s->v[vi].t1);
		TRACE("] %s clause %d object %ld\n", s->v[vi].p->code,
			s->clause[s->v[vi].t0], s->v[vi].object);
	}
#endif
	for (vi = 0; vi < s->n_v; vi++) {
		const vmatch *v = &s->v[vi];
		const ex_phrase *p = v->p;
		const char *alt;
		reading r;

		memset(&r, 0, sizeof(r));
		r.vi = (long)vi;
		r.sym = !!(p->type & EXV_SYM);
		r.code = p->code;
		r.src = r.tgt = -1;
		if (ch.prev >= 0 &&
			s->clause[s->v[ch.prev].t0] != s->clause[v->t0]) {
			ch.prev = -1;
			ch.clause_events = 0;
		}
		r.nominal = v->noun;
		r.prev_end = ch.prev >= 0 ? s->v[ch.prev].t1 : 0;
		link_previous(c, &ch, v, &r);
		r.subj = find_subject(c, &ch, v);
		r.flags = modality(s, c->tk, v->t0,
			ch.prev >= 0 ? s->v[ch.prev].t1 : 0, &r.negated);
		r.negated |= r.inherit_neg;
		ch.prev_negated = r.negated;
		ch.prev_refused = r.refused;
		ch.prev_intended = r.intended;
		ch.prev_embedded = r.embedded;
		ch.prev_subj = r.subj;
		ch.prev = (long)vi;
		ch.prev_tgt = -1;
		if ((st = hyphen_actor_events(c, (long)vi, &r)) != ENT_OK) {
			return st;
		}
		if (r.embedded || !codes_itself(c, (long)vi)) {
			continue;
		}
		alt = settle_modality(c, p, &r);
		if ((st = code_phrase(c, &ch, v, &r, alt)) != ENT_OK) {
			return st;
		}
	}
#ifdef EX_TRACE
	trace_groups(c);
#endif
	return ENT_OK;
}

/* Room for the per-token arrays of an n-token sentence (they share
 * cap_t). Returns 0, or -1 when out of memory. */
static int reserve_tokens(scratch *s, size_t n)
{
	size_t old_cap = s->cap_t;
	void *p;

	if (ex_grow((void **)&s->clause, &s->cap_t, n, sizeof(int))) {
		return -1;
	}
	if (s->cap_t == old_cap) {
		return 0;
	}
	if ((p = realloc(s->attrib, s->cap_t)) == NULL) {
		goto fail;
	}
	s->attrib = p;
	if ((p = realloc(s->mention_at, s->cap_t * sizeof(long))) == NULL) {
		goto fail;
	}
	s->mention_at = p;
	if ((p = realloc(s->in_verb, s->cap_t)) == NULL) {
		goto fail;
	}
	s->in_verb = p;
	return 0;
fail:
	s->cap_t = old_cap;
	return -1;
}

/* Does any token start an actor phrase or a person's name the document
 * learned? A sentence with none is skipped. */
static int may_name_actor(const ent_extractor *ex, const ex_token *tk, long n)
{
	long k;

	for (k = 0; k < n; k++) {
		if ((tk[k].w != NULL && tk[k].w->actors >= 0) ||
			ex_person_known(ex, &tk[k])) {
			return 1;
		}
	}
	return 0;
}

/* Learn the people the sentence names with their state; when it named
 * someone new (or wrote a surname in small letters: a common word), read
 * its mentions again, so that the name is an actor in this sentence too
 * ("Stanley Kakubo, the Zambian foreign minister, criticised Angola"). 0,
 * or -1 when out of memory. */
static int learn_people(ent_extractor *ex, scratch *s, long n)
{
	int learned = ex_people_learn(ex, s, ex->toks, n);

	if (learned < 0) {
		return -1;
	}
	if (learned > 0) {
		s->n_m = 0;
		return ex_find_mentions(ex, s, ex->toks, n);
	}
	return 0;
}

ent_status ex_sentence(ent_extractor *ex, const char *text, size_t start,
	size_t end, long number, const char *doc, ent_event_cb cb,
	void *payload, ent_error *err)
{
	scratch *s = ex->scratch;
	long n;
	ctx c;
	ent_status st;

	if (s == NULL) {
		if ((s = calloc(1, sizeof(*s))) == NULL) {
			return ent__error_nomem(err);
		}
		ex->scratch = s;
	}
	n = ex_tokenize(ex, text, start, end, 1);
	if (n < 0 || (n > 0 && reserve_tokens(s, (size_t)n) != 0)) {
		return ent__error_nomem(err);
	}
	if (n == 0) {
		return ENT_OK;
	}
	ex_emitted_clear(s);
	s->n_m = s->n_g = s->n_v = s->n_syn = s->n_syn_m = 0;
	s->tk = ex->toks;
	s->n_tk = n;
	s->work = &ex->work.steps;
	ex->work.sentences++;
	ex->work.tokens += (size_t)n;
	if (!may_name_actor(ex, ex->toks, n)) {
		return ENT_OK;
	}
	s->first = ex_dateline_end(text, ex->toks, n);
	ex_mark_clauses(s, ex->toks, n);
	if (ex_summarise_clauses(s, ex->toks, n) != 0 ||
		ex_find_mentions(ex, s, ex->toks, n) != 0 ||
		learn_people(ex, s, n) != 0 ||
		ex_find_verbs(ex, s, ex->toks, n) != 0 ||
		ex_find_groups(s, ex->toks) != 0) {
		return ent__error_nomem(err);
	}
	if ((s->n_g > 0 || s->n_hy > 0) && s->n_v > 0) {
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
		c.n = n;
		st = ex_code_verbs(&c, n);
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
		ex_remember(ex, s, n);
	}
	return ENT_OK;
}
