/* SPDX-License-Identifier: MIT */
/*
 * The stages that read one sentence, in the order ex_sentence() runs them:
 *
 *   clauses.c     clause numbers, attribution tails, hedges, reciprocals
 *   mentions.c    actor mentions (names, adjectives with their heads,
 *                 references, relative pronouns)
 *   groups.c      coordinated mentions joined into groups, with the
 *                 preposition that introduces each group
 *   phrases.c     event phrases (verbs.tsv) and the verb forms around them
 *   references.c  what "it", "they", "the two countries", "which" stand
 *                 for, and what the document remembers between sentences
 *   arguments.c   the subject, target and agent of an event phrase
 *   roles.c       one event per phrase: which phrases are events of their
 *                 own, negation and modality, who did what to whom
 *   emit.c        the event handed to the caller
 *
 * Roles come from the surface structure, not a parser; each stage says
 * why it reads the text the way it does. All searches are bounded by the
 * windows below, so the time per sentence grows linearly with its length.
 */
#ifndef ENT_EXTRACT_ROLES_H
#define ENT_EXTRACT_ROLES_H

#include <string.h>

#include "extract_internal.h"

/* -- token windows ------------------------------------------------------ */

/* An event noun that is a phrase's object starts this near its end
 * ("condemned the latest Israeli air strikes"). */
#define WIN_OBJECT 6
/* "by X" inside an event noun's phrase ("the shooting of an Egyptian
 * officer by an Israeli patrol"). */
#define WIN_NOUN_BY 8
/* Synthetic groups of a sentence: actors the document supplies. */
#define MAX_SYNTHETIC 16
/* An appositive between commas is at most this long ("Pakistan, a key
 * U.S. ally in the war on terror, has ..."). */
#define WIN_APPOSITION 12
/* Dashes around a parenthetical list at most this far apart. */
#define WIN_PARENTHESIS 14
/* A dateline opening a sentence is at most this many tokens. */
#define WIN_DATELINE 16
/* A head noun after an adjective ("Russian naval officials") ... */
#define WIN_ADJ_HEAD 4
/* ... or after a state name and its 's ("China's foreign ministry"). */
#define WIN_STATE_HEAD 3
/* Words a place may sit after its preposition: "in the occupied West Bank
 * town of", "near the northern city of" end in the preposition itself. */
#define WIN_PLACE_PREP 3
/* "there were ten Russian soldiers killed": the noun phrase between
 * "there be" and the participle is at most this long. */
#define WIN_EXISTENTIAL 8
/* After ", and": a verb this near makes it a new clause. */
#define WIN_NEW_CLAUSE 8
/* ", X said": a verb of saying this near the comma ... */
#define WIN_ATTRIB_SPEECH 10
/* ... and at most this many words after it make an attribution tail. */
#define WIN_ATTRIB_TAIL 14
/* Tokens between two mentions joined by "and" or a comma. */
#define WIN_JOIN 5
/* A preposition this far before a mention introduces it. */
#define WIN_PREP 4
/* An appositive: at most this many tokens after the comma. */
#define WIN_APPOSITIVE 4
/* The target of a verb: its first word to this far after its end. */
#define WIN_TARGET 15
/* The target of an event noun. */
#define WIN_NOUN_TARGET 8
/* The next candidate when a target turns out to be the source. */
#define WIN_RETARGET 12
/* "recalled its ambassador from X": "from X" this near the phrase. */
#define WIN_FROM_SOURCE 5
/* "threatened to ... if X": the "if" this far on ... */
#define WIN_CONDITION 25
/* ... and its subject this near it. */
#define WIN_CONDITION_SUBJECT 4
/* "criticism from X": the agent this near the noun. */
#define WIN_AGENT_AFTER 4
/* "US sanctions": the agent this near before the noun. */
#define WIN_AGENT_BEFORE 3
/* Negation, hedging and future words this near before a phrase. */
#define WIN_MODALITY 5
/* Words between an intention and its negation ("vowed not to", "pledged
 * never to"). */
#define WIN_NEG_INTENT 2
/* A complement ("agreed not to attack") this near the previous phrase. */
#define WIN_COMPLEMENT 10
/* "mediation in peace negotiations": a chain of event nouns. */
#define WIN_NOUN_CHAIN 2
/* "rejected North Korea's demand": a noun this near an event. */
#define WIN_NOUN_AFTER_EVENT 4
/* An event noun takes the clause subject when it is this near. */
#define WIN_NOUN_SUBJECT 8
/* "struck targets in southern Lebanon": "in X" this near. */
#define WIN_IN_TARGET 10
/* The subject of a verb, the antecedent of "it", of "the two
 * countries": at most this far before it. The bound keeps the time per
 * sentence linear in its length. */
#define WIN_SUBJECT 80
/* A chain of targets that are the source itself ends this far after the
 * phrase. */
#define WIN_RETARGET_CHAIN 40
/* References resolved through references at most this deep. */
#define MAX_RESOLVE_DEPTH 4
/* States the document remembers as recently mentioned. */
#define MAX_RECENT EX_REMEMBERED
/* Actor codes one group can hold. */
#define MAX_CODES 8
/* a group's codes are remembered whole */
_Static_assert(MAX_CODES <= EX_REMEMBERED, "MAX_CODES > EX_REMEMBERED");

/* -- per-sentence state ------------------------------------------------- */

/* A mention type beyond the EXA_* types: a relative pronoun. */
#define M_REL 100

typedef struct mention {
	long t0, t1;   /* tokens [t0, t1) */
	uint16_t type; /* EXA_STATE, EXA_BLOCK, EXA_REF_*, M_REL */
	char code[ENT_CODE_SIZE];
	long group;
	long ante;   /* M_REL: the antecedent's last token, then its group */
	int pending; /* an adjective still looking for its head */
} mention;

/* A state name joined by a hyphen: a modifier, kept for the event noun
 * it may modify ("the Iran-US swap", "a Russia-brokered truce"). */
typedef struct hyphened {
	long t0, t1;
	char code[ENT_CODE_SIZE];
} hyphened;

/* scratch.attrib bits per token */
#define TOK_ATTRIB 1 /* in an attribution tail */
#define TOK_HEDGE 2  /* a hedging word */
#define TOK_RECIP 4  /* a reciprocal marker */
#define TOK_HEDGED 8 /* a hedging word at or before it in its clause */
#define TOK_PAREN 16 /* a dash around a parenthetical list */

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
	long object; /* the event noun that is its object, -1 (nouns.c) */
	int noun;    /* read as an event noun (nouns.c) */
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
	hyphened *hy;
	size_t n_hy, cap_hy;
	int *clause;            /* clause id per token */
	unsigned char *attrib;  /* TOK_* bits per token */
	long *mention_at;       /* mention index covering a token, -1 */
	unsigned char *in_verb; /* token inside an event phrase */
	size_t cap_t;
	long *commas;         /* commas before each token (n + 1) */
	unsigned char *recip; /* clause has a reciprocal marker */
	size_t cap_c;         /* room in commas and recip */
	long *last_free;      /* per group: the last state group up to it
				 with no preposition, -1 */
	size_t cap_lf;
	long first_main; /* the sentence's main subject (ex_main_subject) */
	emitted *e;
	size_t n_e, cap_e;
	uint32_t *eset; /* emitted, hashed: index + 1, 0 empty */
	size_t cap_eset;
	size_t *work;       /* the extractor's step counter */
	ent__buf text;      /* the sentence, NUL-terminated */
	ent__buf strs;      /* source_text, target_text, id */
	const ex_token *tk; /* the sentence's tokens (borrowed) */
	size_t n_syn;       /* synthetic groups, after the n_g real ones */
	size_t n_syn_m;     /* their mentions, after the n_m real ones */
	long first;         /* the first token after a dateline */
	long n_tk;          /* the sentence's tokens */
} scratch;

/* What emission needs to know about the sentence. */
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
	long n; /* tokens */
} ctx;

/* -- small helpers shared by the stages --------------------------------- */

static inline uint32_t wflags(const ex_token *t)
{
	return t->w ? t->w->flags : 0;
}

static inline int is_punct(const ex_token *t, unsigned char c)
{
	return t->kind == EXT_PUNCT && t->punct == c;
}

/* Copy a NUL-terminated code into a buffer of `size` bytes. */
static inline void copy_code(char *dst, const char *src, size_t size)
{
	size_t i;

	for (i = 0; i + 1 < size && src[i] != '\0'; i++) {
		dst[i] = src[i];
	}
	dst[i] = '\0';
}

/* Every actor code the dictionaries give starts with its state's ISO
 * alpha-3 code (dict.c normalises aliases), so two codes belong to one
 * state when their first three letters agree. */
static inline int same_state(const char *a, const char *b)
{
	return a[0] != '\0' && a[0] == b[0] && a[1] == b[1] && a[2] == b[2];
}

/* One step of a search (the work counter of ent_extractor_stats()). */
static inline void step(const scratch *s)
{
	++*s->work;
}

/* Is there a comma among tokens [a, b)? */
static inline int comma_between(const scratch *s, long a, long b)
{
	return b > a && s->commas[b] - s->commas[a] > 0;
}

/* Grow an array to hold `need` elements of `size` bytes. */
int ex_grow(void **p, size_t *cap, size_t need, size_t size);

/* -- the stages --------------------------------------------------------- */

/* clauses.c */
void ex_mark_clauses(scratch *s, const ex_token *tk, long n);
/* The tokens of a dateline opening the sentence ("MOSCOW, May 9
 * (Reuters) -", "Oslo/Stockholm, 14 May 2022 (NTB/TT) -"): the place
 * where it was written, not an actor. 0 when there is none. */
long ex_dateline_end(const char *text, const ex_token *tk, long n);
/* Per-clause and running summaries: hedges, reciprocals, commas. 0, or -1
 * when out of memory. */
int ex_summarise_clauses(scratch *s, const ex_token *tk, long n);

/* mentions.c: 0, or -1 when out of memory */
int ex_find_mentions(ent_extractor *ex, scratch *s, const ex_token *tk, long n);

/* groups.c: 0, or -1 when out of memory */
int ex_find_groups(scratch *s, const ex_token *tk);
/* The first group that starts at or after token t (n_g if none). */
long ex_group_from(const scratch *s, long t);
/* How many groups end at or before token t. */
long ex_groups_before(const scratch *s, long t);

/* phrases.c */
int ex_find_verbs(ent_extractor *ex, scratch *s, const ex_token *tk, long n);
int ex_is_passive_form(const char *text, const ex_token *tk, long t0);
int ex_is_passive(const char *text, const ex_token *tk, long t0);
int ex_nominal_context(const scratch *s, const char *text, const ex_token *tk,
	long t0, long t1, long n);

/* references.c */
void ex_add_code(group *g, const char *code, long mi);
long ex_clause_subject(const scratch *s, long t0);
long ex_main_subject(const scratch *s, long before);
void ex_resolve(ent_extractor *ex, scratch *s, long gi, int depth);
int ex_other_recent(const ent_extractor *ex, const group *src, group *t);
/* Does group g hold a code of the state of `code`? */
int ex_group_has_state(const group *g, const char *code);
void ex_remember(ent_extractor *ex, scratch *s, long n);

/* arguments.c */
/* Is group g a possessive pronoun before a plain noun ("its European
 * partners")? The noun is the actor: g is neither subject nor target. */
int ex_possessive_of_noun(const scratch *s, const group *g);
/* The subject group of the verb at t0 (searching from token `from`), -1,
 * or -2 when the subject is a noun of no actor ("its partners refuse"). */
long ex_subject_of(const scratch *s, const ex_token *tk, long t0, long from);
long ex_target_of(const scratch *s, long t1, long max, int nominal, long pend);
long ex_condition_subject(const scratch *s, long t1, long n);
long ex_agent_after(const scratch *s, long t1, uint32_t which);
long ex_agent_before(const scratch *s, const ex_token *tk, long t0);
long ex_in_target(const scratch *s, long t1, long max);
long ex_subject_before(const scratch *s, long t);

/* nouns.c */
int ex_is_noun(const ctx *c, const vmatch *v);
/* Set every phrase's object: the event noun it governs, or -1. */
void ex_find_objects(const ctx *c);
/* The agent, partners ("between X and Y") and patient of event noun vi;
 * -1 when it has none. */
long ex_noun_agent(const ctx *c, long vi);
/* partners: a "between" group of at least `min` mentions */
long ex_noun_partners(const ctx *c, long vi, int min);
long ex_noun_patient(const ctx *c, long vi, long agent);
/* The partner of event noun vi: "ties with Algeria"; -1. */
long ex_noun_partner_with(const ctx *c, long vi);
/* A group standing for `code` over tokens [t0, t1) (an actor the
 * document supplies); its index, or -1. */
long ex_synthetic_group(scratch *s, long t0, long t1, const char *code);
/* Add a code (read over [t0, t1)) to the last synthetic group gi. */
long ex_synthetic_add(scratch *s, long gi, long t0, long t1, const char *code);
/* The parties a chain of hyphened states gives event noun vi ("the
 * Australia-U.S.-Britain alliance"), as a synthetic group; -1. */
long ex_hyphen_partners(ctx *c, long vi);
/* The state of "X-brokered", "X-led" right before event noun vi, as a
 * synthetic group, with *act the event phrase of its participle
 * ("brokered": mediate) or NULL when X is the noun's agent ("led"); -1
 * when there is none. */
long ex_hyphen_actor(ctx *c, long vi, const ex_phrase **act);
/* The source of the document's latest event of the same CAMEO root as
 * event noun vi ("condemned the launch": who launched), as a synthetic
 * group; -1 when there is none. */
long ex_remembered_agent(ctx *c, long vi);

/* roles.c */
/* The roots.tsv behaviour bits (EXR_*) of a CAMEO code. */
unsigned ex_root_does(const ent_extractor *ex, const char *code);
ent_status ex_code_verbs(ctx *c, long n);

/* emit.c */
/* Forget the events of the last sentence (before a new one). */
void ex_emitted_clear(scratch *s);
ent_status ex_emit_groups(ctx *c, const group *sg, const group *tg,
	const char *code, unsigned flags, int sym);
ent_status ex_emit_within(
	ctx *c, const group *g, const char *code, unsigned flags);

#endif
