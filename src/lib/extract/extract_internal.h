/* SPDX-License-Identifier: MIT */
/*
 * Private structures of the extractor: the word cache, the phrase tables
 * (actors and event phrases), tokens and the per-sentence working state.
 *
 * Words are identified by a 64-bit FNV-1a hash of their lower-cased bytes;
 * stems by the hash of their Snowball stem. Each distinct word is stemmed
 * and classified once and cached, so the hot loop is one hash lookup per
 * token and no allocation.
 */
#ifndef ENT_EXTRACT_INTERNAL_H
#define ENT_EXTRACT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"

struct sb_stemmer;

/* Grammar classes of a word (ex_word.flags). */
enum {
	EXW_BE = 1u << 0,        /* was, were, is, been ... */
	EXW_NEG = 1u << 1,       /* not, n't, never, no */
	EXW_HEDGE = 1u << 2,     /* reportedly, allegedly, believed ... */
	EXW_FUTURE = 1u << 3,    /* will, would, shall, plans ... */
	EXW_PREP = 1u << 4,      /* any preposition */
	EXW_TPREP = 1u << 5,     /* a preposition introducing a target */
	EXW_FROM = 1u << 6,      /* from */
	EXW_BY = 1u << 7,        /* by */
	EXW_TO = 1u << 8,        /* to */
	EXW_AND = 1u << 9,       /* and, or, & */
	EXW_CLAUSE = 1u << 10,   /* while, but, although ... start a clause */
	EXW_REL = 1u << 11,      /* which, who */
	EXW_SPEECH = 1u << 12,   /* said, told, according ... */
	EXW_RECIP = 1u << 13,    /* mutual, joint, jointly, together ... */
	EXW_DET = 1u << 14,      /* the, a, an, this ... */
	EXW_BETWEEN = 1u << 15,  /* between, among */
	EXW_TITLE = 1u << 16,    /* a title or honorific (President, Mr) */
	EXW_CALENDAR = 1u << 17, /* Monday, January ... */
	EXW_ADVERB = 1u << 18,   /* skip-able adverb (ends in -ly, also, ...) */
	EXW_ONE = 1u << 19,   /* one, each (of "one another", "each other") */
	EXW_OTHER = 1u << 20, /* another, other */
	EXW_WITH = 1u << 21,  /* with */
	EXW_THAT = 1u << 22,  /* that (a complement clause) */
	EXW_ACCORDING = 1u << 23,  /* according (to) */
	EXW_OF = 1u << 24,         /* of */
	EXW_PARTICIPLE = 1u << 25, /* an irregular past participle */
	EXW_AUX = 1u << 26,        /* has, have, had, did, does */
	EXW_IN = 1u << 27,         /* in, inside, within */
	EXW_QUANT = 1u << 28,      /* scores, dozens, some ... (of X) */
	EXW_COND = 1u << 29        /* if, unless */
};

/* Classes of words.tsv beyond the grammar flags (ex_wordclass.extra). */
enum {
	EXL_ABBREVIATION = 1u << 0,   /* Mr., Gen., Jan.: no sentence end */
	EXL_STARTER = 1u << 1,        /* starts a sentence after "U.S." */
	EXL_MONTH = 1u << 2,          /* a month name; value: its number */
	EXL_WEEKDAY = 1u << 3,        /* a weekday before a date */
	EXL_DATE_LABEL = 1u << 4,     /* "Published:" before a date line */
	EXL_AMBIGUOUS_NAME = 1u << 5, /* a capital not read as its state */
	EXL_COMMA_NAME = 1u << 6,     /* a name with a comma that is read */
	EXL_PEOPLE = 1u << 7,         /* "ethnic Albanians": a people, not
					 the state */
	EXL_FREE_RELATIVE = 1u << 8,  /* "what" of "what it called X" */
	EXL_NAMING = 1u << 9,         /* "called", "described" (as) */
	EXL_OBJECT_PREP = 1u << 10,   /* "protest about", "concerned by":
					 an event noun follows */
	EXL_AGENT_MARK = 1u << 11,    /* "U.S.-led": the state hyphened to it
					 is the agent of the event noun */
	EXL_BACKDROP = 1u << 12,      /* "during the meeting": a scene, not
					 an act of the subject */
	EXL_POSSESSIVE = 1u << 13,    /* its, their: before a plain noun, the
					 noun is the actor, not the pronoun */
	EXL_UNLESS = 1u << 14,        /* "will do X unless ...": a threat */
	EXL_PREFIX = 1u << 15,        /* "re-", "co-": the word after the
					 hyphen is read */
	EXL_PURPOSE = 1u << 16,       /* "returned for talks": the noun
					 after it is an event of its own */
	EXL_DATE_WORD = 1u << 17,     /* "last", "next": in an inserted date
					 (", last week,") */
	EXL_DIRECTION = 1u << 18,     /* "southwest", "outskirts": with "of"
					 it names a place ("southwest of X"
					 is in X's territory) */
	EXL_CARRIER = 1u << 19,       /* "presented", "imposed": a passive
					 whose agent is the agent of the
					 event noun it carries ("evidence
					 ... was presented by X") */
	EXL_EXISTENTIAL = 1u << 20    /* "there" of "there were N soldiers
					 killed": the participle is passive */
};

/* The classes of one word of words.tsv. */
typedef struct ex_wordclass {
	uint32_t grammar; /* EXW_* */
	uint32_t extra;   /* EXL_* */
	uint16_t value;   /* the class's value (a month's number) */
} ex_wordclass;

/* What the extractor does with an event by its CAMEO root (roots.tsv). */
enum {
	EXR_PLACE_TARGET = 1u << 0,     /* "in X" names the state acted upon */
	EXR_CONDITION_TARGET = 1u << 1, /* aimed at its condition's subject */
	EXR_OF_AGENT = 1u << 2          /* "the visit of X": X is the agent */
};

/* A cached word. key 0 marks an empty slot. */
typedef struct ex_word {
	uint64_t key;
	uint64_t stem;
	uint32_t flags;
	const ex_wordclass *cls; /* its words.tsv classes, NULL */
	int32_t actors; /* first actor phrase headed by this word, -1 */
	int32_t verbs;  /* first verb phrase headed by this stem, -1 */
	int32_t head;   /* agent head noun index (ex_head), -1 */
} ex_word;

/* uint64 -> int32 open-addressing map (key 0 is reserved). */
typedef struct ex_map {
	uint64_t *keys;
	int32_t *vals;
	size_t cap;
	size_t n;
} ex_map;

/* One element of a phrase: a set of alternative hashes, or a gap. */
typedef struct ex_item {
	uint32_t alt;   /* first alternative in the pool */
	uint16_t n_alt; /* 0 for a gap */
	uint16_t gap;   /* max tokens a gap spans */
} ex_item;

/* Actor phrase types (actors.tsv third column). */
enum {
	EXA_STATE = 0, /* a state name or metonym: a noun phrase */
	EXA_ADJ,       /* an adjective or demonym: needs a head noun */
	EXA_BLOCK,     /* a non-state organisation: a mention with no code */
	EXA_REF_ONE,   /* it, its, the country */
	EXA_REF_MANY,  /* they, their, them */
	EXA_REF_PAIR,  /* the two countries, both sides */
	EXA_REF_OTHER, /* its neighbour: a state other than the subject */
	EXA_REF_GROUP, /* the four countries, those nations: a list of three
			  or more (the code column: how many, or "-") */
	EXA_ORGWORD,   /* Daily, Journal: a state name next to it is an org */
	EXA_HEAD,      /* an agent head noun (officials, troops) */
	EXA_PLACE      /* a city or region of a state (places.tsv): the state
			  only where it names a location ("in Mosul") */
};

/* Verb phrase options (verbs.tsv third column). */
enum {
	EXV_SYM = 1u << 0,       /* both directions (meet, agree, sign) */
	EXV_NOUN = 1u << 1,      /* a nominal event (sanctions, criticism) */
	EXV_REV = 1u << 2,       /* the object acts on the subject (receive) */
	EXV_CTL = 1u << 3,       /* a control verb: no event, passes to its
				    complement (plans to, decided to) */
	EXV_NEGATOR = 1u << 4,   /* denies its complement (deny, fail to) */
	EXV_NOTGT = 1u << 5,     /* needs no target: the subject group is
				    coded reciprocally (clash, hold talks) */
	EXV_MODAL = 1u << 6,     /* "X said Y must": the speaker demands of
				    the actor before the phrase */
	EXV_NOUN_ONLY = 1u << 7, /* only after a determiner, a possessive or
				    an actor: "the launch", not "launched" */
	EXV_ACTIVE = 1u << 8,    /* never passive: "is concerned by X" */
	EXV_REFUSAL = 1u << 9,   /* a negator that refuses: a refused
				    cooperation is a rejection */
	EXV_INTENT = 1u << 10    /* "pledged to X": X is intended (future,
				    roots.tsv intent code) */
};

typedef struct ex_phrase {
	uint32_t item; /* first item in the item array */
	uint16_t n_items;
	uint16_t type;            /* EXA_* or EXV_* bits */
	int32_t next;             /* next phrase with the same head, -1 */
	char code[ENT_CODE_SIZE]; /* actor code / sector, or CAMEO code */
	char neg_code[5];         /* CAMEO code when negated ("" = drop) */
	uint32_t order;           /* load order, for ties */
	uint16_t need;   /* EXTF_CAP / EXTF_UPPER the first token needs;
			    EXN_SURNAME */
	uint64_t second; /* the second item's only hash, 0 if none: a
			    quick test before the full match */
} ex_phrase;

typedef struct ex_table {
	ex_phrase *phrases;
	size_t n, cap;
	ex_item *items;
	size_t n_items, cap_items;
	uint64_t *pool;
	size_t n_pool, cap_pool;
	ex_map heads; /* head hash -> first phrase */
} ex_table;

/* A phrase that is a person's surname alone (actors.tsv type "surname"):
 * not read after another capitalised word that is neither a title nor a
 * function word ("James Cameron" is not "Cameron"; "The Bush
 * administration", "President Bush" are Bush). Kept in ex_phrase.need,
 * above the EXTF_ bits. */
enum { EXN_SURNAME = 1u << 15 };

/* Token kinds. */
enum { EXT_WORD = 0, EXT_PUNCT = 1 };

/* Token flags. */
enum {
	EXTF_CAP = 1u << 0,        /* starts with an upper-case letter */
	EXTF_UPPER = 1u << 1,      /* all letters upper case (US, DPRK) */
	EXTF_HYPH_AFTER = 1u << 2, /* a hyphen joins it to the next token */
	EXTF_POSS = 1u << 3        /* the possessive 's / ' token */
};

typedef struct ex_token {
	uint32_t start, end; /* byte offsets in the document */
	uint64_t key;        /* word hash (or the punctuation byte) */
	const ex_word *w;    /* cached word (NULL for punctuation) */
	uint16_t kind;
	uint16_t tflags;
	unsigned char punct; /* the punctuation character */
} ex_token;

/* Codes the document remembers: its last subject, its last pair, its
 * recently mentioned states. */
#define EX_REMEMBERED 8

/* An agent head noun: sector suffix for "Russian troops" -> RUSMIL. */
typedef struct ex_head {
	char sector[4];
} ex_head;

struct ent_extractor {
	struct sb_stemmer *stemmer;
	ex_word *words; /* the word cache */
	size_t words_cap, words_n;
	uint8_t roots[100];   /* EXR_* bits by CAMEO root */
	char intent[100][5];  /* by root: the code of intending it, "" */
	char refusal[100][5]; /* by root: the code of refusing it, "" */
	char threat[100][5];  /* by root: the code of doing it "unless" */
	ex_map head_nouns;    /* stem hash -> ex_head index */
	ex_map orgwords;      /* word hash -> 1 */
	ex_head *heads;
	size_t n_heads, cap_heads;
	ex_table actors; /* keyed by first word hash */
	ex_table verbs;  /* keyed by first stem hash */
	ent_date default_date;
	/* scratch, reused across sentences */
	ex_token *toks;
	size_t toks_cap;
	void *scratch; /* sentence analysis buffers (roles.c) */
	/* document state: references to earlier actors */
	char last_subject[EX_REMEMBERED][ENT_CODE_SIZE];
	int n_last_subject;
	char last_pair[EX_REMEMBERED][ENT_CODE_SIZE];
	int n_last_pair;
	char last_list[EX_REMEMBERED][ENT_CODE_SIZE]; /* the last of three
							 or more */
	int n_last_list;
	char recent[EX_REMEMBERED][ENT_CODE_SIZE]; /* states mentioned,
						  latest first */
	int n_recent;
	const char *doc_base; /* the document name without folder and
				 extension, for event ids */
	size_t doc_base_len;
	ent_date doc_date; /* the date stamped on the document's events */
	char stem_buf[256];
	ent_extract_stats work; /* ent_extractor_stats() */
	/* the document's latest events, latest first */
	struct {
		char source[ENT_CODE_SIZE];
		char code[5];
	} doc_events[EX_REMEMBERED];
	int n_doc_events;
};

/* -- maps (dict.c) -- */
int ex_map_put(ex_map *m, uint64_t key, int32_t val);
int32_t ex_map_get(const ex_map *m, uint64_t key);
void ex_map_free(ex_map *m);

/* -- tokens (token.c) -- */
uint64_t ex_hash_lower(const char *s, size_t n);
/* The cached entry of a word (computes and caches it on a miss). NULL only
 * when out of memory. */
const ex_word *ex_word_get(ent_extractor *ex, const char *s, size_t n);
/* The length of white space at t[i] (ASCII, or a UTF-8 space of web
 * pages: no-break, thin, zero-width, a byte-order mark); 0 if none. */
size_t ex_space_len(const char *t, size_t len, size_t i);
/* Tokenise [start, end) of `text`; tokens go to ex->toks. Returns the
 * count, or -1 when out of memory. */
long ex_tokenize(ent_extractor *ex, const char *text, size_t start, size_t end,
	int cache);

/* -- word classes (words.c) -- */
/* Load words.tsv (once per process); ENT_OK or its parse error. */
ent_status ex_words_check(ent_error *err);
/* The classes of the word s[0..n) (any case), or NULL when unlisted. */
const ex_wordclass *ex_word_classes(const char *s, size_t n);

/* -- dictionaries (dict.c) -- */
ent_status ex_load_actors(ent_extractor *ex, const char *buf, size_t len,
	const char *source, ent_error *err);
ent_status ex_load_verbs(ent_extractor *ex, const char *buf, size_t len,
	const char *source, ent_error *err);
ent_status ex_load_states(ent_extractor *ex, ent_error *err);
ent_status ex_load_roots(ent_extractor *ex, ent_error *err);
void ex_table_free(ex_table *t);

/* Does phrase `p` of `t` match tokens from `i`? Sets *end to one past the
 * last matched token. `stems` compares stems instead of words. */
int ex_phrase_match(const ex_table *t, const ex_phrase *p, const ex_token *toks,
	long n, long i, int stems, long *end);

/* -- roles (roles.c) -- */
ent_status ex_sentence(ent_extractor *ex, const char *text, size_t start,
	size_t end, long number, const char *doc, ent_event_cb cb,
	void *payload, ent_error *err);
void ex_scratch_free(void *scratch);

#endif
