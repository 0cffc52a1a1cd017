/* SPDX-License-Identifier: MIT */
/**
 * @file event.h
 * @brief Events (who did what to whom, when, read where), dates, the CAMEO
 * codebook, the state table and event filters.
 */
#ifndef ENT_EVENT_H
#define ENT_EVENT_H

#include <entente/common.h>
#include <entente/error.h>

ENT_BEGIN_DECLS

/** Event flags: how the sentence an event was read from qualifies it. A
 * negated event is kept in events JSON (so a reader sees what was read)
 * but left out of the graph. */
typedef enum ent_event_flag {
	ENT_FLAG_NEGATED = 1u << 0,    /**< "did not", "denied" */
	ENT_FLAG_HEDGED = 1u << 1,     /**< "reportedly", "allegedly" */
	ENT_FLAG_FUTURE = 1u << 2,     /**< "will", "plans to" */
	ENT_FLAG_RECIPROCAL = 1u << 3, /**< "one another", "each other" */
	ENT_FLAG_COMPOUND = 1u << 4    /**< "China and Russia ..." */
} ent_event_flag;

/**
 * A date packed as the integer YYYYMMDD, with MM and DD zero when the
 * source gives only a year or a month (2015 -> 20150000, 2015-05 ->
 * 20150500). 0 means no date. Packed dates order correctly as integers.
 */
typedef int32_t ent_date;

/**
 * One event. String fields are NUL-terminated UTF-8 or NULL when absent.
 * Events stored in an ::ent_events own their strings; an event handed to
 * an ::ent_event_cb is borrowed for the duration of the call.
 */
typedef struct ent_event {
	const char *id;            /**< identifier, or NULL */
	ent_date date;             /**< when it happened, 0 if unknown */
	ent_date date_added;       /**< when the data set added it (GDELT DATEADDED), 0 if unknown */
	char source[ENT_CODE_SIZE];/**< actor code of the source (e.g. "RUSGOV") */
	char target[ENT_CODE_SIZE];/**< actor code of the target */
	char code[5];              /**< CAMEO code (2-4 digits), "" if absent */
	double goldstein;          /**< Goldstein weight, -10..+10 */
	int quad;                  /**< quad class 1..4, 0 if unknown */
	int64_t count;             /**< how many events this record stands for (>= 1) */
	int root_event;            /**< GDELT IsRootEvent: 1 or 0; -1 unknown */
	int64_t mentions;          /**< GDELT NumMentions, 0 if unknown */
	int64_t sources;           /**< GDELT NumSources, 0 if unknown */
	int64_t articles;          /**< GDELT NumArticles, 0 if unknown */
	double tone;               /**< GDELT AvgTone, the average tone of the
	                                documents that mention it (-100..+100,
	                                mostly -10..+10); NAN when unknown */
	const char *source_text;   /**< the source as written, or NULL */
	const char *target_text;   /**< the target as written, or NULL */
	const char *doc;           /**< document (file name or URL), or NULL */
	long sentence;             /**< 1-based sentence number, 0 if unknown */
	long span_start;           /**< byte offset of the sentence in doc, -1 if unknown */
	long span_end;             /**< byte offset one past its end, -1 if unknown */
	const char *text;          /**< the sentence, or NULL */
	unsigned int flags;        /**< ::ent_event_flag bits */
	const char *extra;         /**< unknown JSON members kept for round trips:
	                                a serialized JSON object, or NULL */
} ent_event;

/** Set every field of an event to its "absent" value (count 1). */
ENT_API void ent_event_init(ent_event *ev);

/** Callback receiving one event at a time; a non-zero status stops the reader. */
typedef ent_status (*ent_event_cb)(const ent_event *ev, void *payload);

/** A growable list of events that owns their strings. */
typedef struct ent_events ent_events;

/**
 * Create an empty list.
 * @param[out] out the list (NULL on failure)
 * @param err details of a failure (may be NULL)
 * @return ENT_OK, ENT_ENOMEM, or ENT_EINVAL for a NULL `out`
 */
ENT_API ent_status ent_events_create(ent_events **out, ent_error *err);
/** Destroy a list and the strings of its events. Accepts NULL. */
ENT_API void ent_events_destroy(ent_events *events);
/** Number of events in the list. */
ENT_API size_t ent_events_count(const ent_events *events);
/** The i-th event (borrowed, valid until the list changes), NULL out of range. */
ENT_API const ent_event *ent_events_get(const ent_events *events, size_t i);
/** Append a deep copy of `ev`. */
ENT_API ent_status ent_events_add(ent_events *events, const ent_event *ev,
	ent_error *err);
/** An ::ent_event_cb that appends to the ::ent_events given as payload. */
ENT_API ent_status ent_events_add_cb(const ent_event *ev, void *payload);

/* -- dates --------------------------------------------------------------- */

/**
 * Parse "YYYY-MM-DD", "YYYY-MM" or "YYYY" (also the compact GDELT forms
 * YYYYMMDD, YYYYMM and YYYYMMDDhhmmss). The calendar is checked: month
 * 1..12, day within the month, leap years. Year 1..9999.
 * @param[out] out the packed date
 * @return ENT_OK or ENT_EPARSE
 */
ENT_API ent_status ent_date_parse(ent_date *out, const char *s, size_t len);

/** Write a packed date as "YYYY-MM-DD", "YYYY-MM" or "YYYY" ("" for 0). */
ENT_API void ent_date_format(ent_date date, char buf[11]);

/* -- CAMEO codebook ------------------------------------------------------ */

/** One code of the CAMEO 1.1b3 event codebook. */
typedef struct ent_cameo {
	const char *code;  /**< "057" */
	const char *name;  /**< "Sign formal agreement" */
	double goldstein;  /**< Goldstein (1992) weight as GDELT tabulates it */
	int quad;          /**< 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict */
} ent_cameo;

/** Look up a CAMEO code; NULL when it is not in the codebook. */
ENT_API const ent_cameo *ent_cameo_lookup(const char *code);
/** Number of codes in the codebook. */
ENT_API size_t ent_cameo_count(void);
/** The i-th code in code order, NULL out of range. */
ENT_API const ent_cameo *ent_cameo_at(size_t i);
/** Quad class of a root code 1..20 (GDELT's rule), 0 outside. */
ENT_API int ent_cameo_quad_of_root(int root);

/* -- states -------------------------------------------------------------- */

/** One state of the state table. Lists are ';'-separated, NULL if empty. */
typedef struct ent_state {
	const char *code;        /**< ISO 3166-1 alpha-3 ("ROU"; "XKX" for Kosovo) */
	const char *status;      /**< "member", "observer", "other" or "territory" */
	const char *name;        /**< English short name ("Romania") */
	const char *aliases;     /**< other codes event data uses ("ROM") */
	const char *other_names; /**< other English names */
	const char *adjectives;  /**< adjectives and demonyms */
	const char *capitals;    /**< capital cities and seats of government */
} ent_state;

/** The state with this ISO code or alias code (exact, upper case), or NULL. */
ENT_API const ent_state *ent_state_lookup(const char *code);
/**
 * The state an actor code belongs to: the code itself, or its first three
 * letters (CAMEO country prefix, "RUSGOV" -> RUS), via aliases ("ROMGOV" ->
 * ROU). CAMEO regional and non-state codes (AFR, EUR, IGO, NGO...) give NULL.
 */
ENT_API const ent_state *ent_state_of_actor(const char *actor_code);
/** The state with this English name or other name (case-insensitive), or NULL. */
ENT_API const ent_state *ent_state_by_name(const char *name, size_t len);
/** Number of states in the table. */
ENT_API size_t ent_state_count(void);
/** The i-th state in code order, NULL out of range. */
ENT_API const ent_state *ent_state_at(size_t i);

/* -- groups of states ---------------------------------------------------- */

/**
 * A group of states: an organisation or a club whose members change over
 * time (the group table: EU, NATO, ASEAN, AU, G7, BRICS, CSTO, GCC, SCO,
 * with their membership dates from the organisations' own records).
 */
typedef struct ent_group {
	const char *code;        /**< "NATO" */
	const char *name;        /**< "North Atlantic Treaty Organization" */
	const char *other_names; /**< ';'-separated other names, or NULL */
	const char *note;        /**< what the dates mean, in a sentence */
} ent_group;

/** One spell of membership: `state` was a member from `from` to `until`,
 * both days included; `until` is 0 while the membership lasts. */
typedef struct ent_membership {
	const char *state;       /**< ISO code of the state */
	ent_date from;
	ent_date until;
} ent_membership;

/** Number of groups in the table. */
ENT_API size_t ent_group_count(void);
/** The i-th group in table order, NULL out of range. */
ENT_API const ent_group *ent_group_at(size_t i);
/** The group with this code or (other) name, in any case ("NATO",
 * "nato", "African Union"), or NULL. */
ENT_API const ent_group *ent_group_lookup(const char *name, size_t len);
/** Number of membership spells of a group (0 for NULL). */
ENT_API size_t ent_group_member_count(const ent_group *g);
/** The i-th membership spell of a group, NULL out of range. */
ENT_API const ent_membership *ent_group_member(const ent_group *g, size_t i);
/**
 * 1 when the state with ISO code `state` was a member of `g` at `date`,
 * else 0. A date of a month or a year (20150500, 20150000) counts when a
 * spell covers any day of it; an undated event (0) counts for the members
 * of today (spells without an end).
 */
ENT_API int ent_group_has(const ent_group *g, const char *state, ent_date date);

/* -- actors named by a user ---------------------------------------------- */

/** What a name given for an actor stands for. */
typedef enum ent_actor_kind {
	ENT_ACTOR_STATE = 1, /**< a state of the state table */
	ENT_ACTOR_CODE,      /**< an actor code written in capitals (RUSGOV) */
	ENT_ACTOR_GROUP      /**< a group of the group table */
} ent_actor_kind;

/** A resolved actor name (see ::ent_actor_name_resolve). */
typedef struct ent_actor_name {
	ent_actor_kind kind;
	/** the code to use: a state's code as written ("ROM") or, for a
	 * name, its ISO code ("Romania" -> "ROU"); the actor code; or the
	 * group's code */
	char code[ENT_CODE_SIZE];
	/** STATE: the state; CODE: the state its first three letters name
	 * (what the state level reduces it to), or NULL */
	const ent_state *state;
	const ent_group *group; /**< GROUP: the group, else NULL */
} ent_actor_name;

/** ::ent_actor_name_resolve flag: a group name is allowed. */
#define ENT_NAME_GROUPS 1u

/**
 * What a name given for an actor stands for (in a filter, in an events
 * JSON file, in a user dictionary). The first rule that fits wins:
 *
 * 1. a state's code or alias code, in any case: "RUS", "rus", "ROM", "UK";
 * 2. with ::ENT_NAME_GROUPS, a group's code or name, in any case: "NATO",
 *    "eu", "African Union";
 * 3. a state's name or other name, in any case: "Russia", "russian
 *    federation", "AUSTRIA";
 * 4. an actor code: 1 to 15 capital letters and digits, "RUSGOV",
 *    "CHNMIL", "IGOUNO" (CAMEO style: at state level an actor counts for
 *    the state its first three letters name).
 *
 * The three-letter prefix of rule 4 is never applied to a name: "Austria"
 * is AUT by rule 3, and "Austira" is an error, not AUS (Australia).
 *
 * @param[out] out what the name stands for
 * @param name the name as given (not NUL-terminated: `len` bytes); spaces
 *   around it are ignored
 * @param flags 0 or ::ENT_NAME_GROUPS
 * @param err details of a failure (may be NULL)
 * @return ENT_OK; ENT_ENOTFOUND when no rule fits, with a message that
 *   names up to three nearest matches: unknown actor "Austira"; did you
 *   mean AUT (Austria)?; ENT_EINVAL for a NULL argument
 */
ENT_API ent_status ent_actor_name_resolve(ent_actor_name *out,
	const char *name, size_t len, unsigned int flags, ent_error *err);

/**
 * The nearest states (and, with ::ENT_NAME_GROUPS, groups) to a name, as
 * ::ent_actor_name_resolve's error names them: up to three, the nearest
 * only, by edit distance to a code, name or other name (at most 1 for
 * names of up to four letters, 2 up to eight, 3 beyond).
 * @param buf receives "AUT (Austria)" or "GBR (United Kingdom), GEO
 *   (Georgia) or NER (Niger)"; "" when nothing is near (NUL-terminated,
 *   cut at `size`)
 * @return how many matches were written (0 to 3)
 */
ENT_API size_t ent_actor_name_suggest(const char *name, size_t len,
	unsigned int flags, char *buf, size_t size);

/**
 * Check that the compiled-in tables parsed (they are parsed on first use).
 * @return ENT_OK, or the error with the table name and line.
 */
ENT_API ent_status ent_lexicon_check(ent_error *err);

/* -- filters ------------------------------------------------------------- */

/** What each event counts for when events are aggregated. */
typedef enum ent_weight {
	ENT_WEIGHT_EVENTS = 0,   /**< the event's count (1 per record) */
	ENT_WEIGHT_MENTIONS,     /**< GDELT NumMentions */
	ENT_WEIGHT_SOURCES,      /**< GDELT NumSources */
	ENT_WEIGHT_ARTICLES,     /**< GDELT NumArticles */
	ENT_WEIGHT_TONE          /**< each event counts once, and its signed
	                              weight is GDELT's AvgTone in place of its
	                              Goldstein weight (cooperation = sum of the
	                              positive tones, conflict of the negative
	                              ones); events without a tone are left out
	                              (counted as filtered) */
} ent_weight;

/**
 * Which events to keep. Zero / NULL members mean "no restriction".
 */
typedef struct ent_filter {
	unsigned int version;
	ent_date since;          /**< keep events dated on or after (packed), 0 = open */
	ent_date until;          /**< keep events dated on or before; a month or year
	                              bound covers the whole month or year */
	int use_date_added;      /**< compare date_added instead of date */
	const char *const *actors; /**< actors by code, name or group (see
	                              ::ent_actor_name_resolve, groups allowed);
	                              keep events whose source AND target are
	                              listed: a state keeps its actor codes
	                              (RUS keeps RUSGOV), an actor code keeps
	                              itself, a group its members at the
	                              event's date */
	size_t n_actors;
	const char *const *codes;  /**< CAMEO codes or prefixes ("19", "057") */
	size_t n_codes;
	unsigned int quads;      /**< bit q set keeps quad class q (1..4); 0 keeps all */
	int root_only;           /**< keep only GDELT root events */
	int64_t min_sources;     /**< keep events with at least this many
	                              sources (GDELT NumSources: distinct outlets
	                              that reported it); 0 keeps all, and events
	                              without the field are left out otherwise */
	int64_t min_articles;    /**< the same for GDELT NumArticles (articles
	                              that mention it) */
} ent_filter;

#define ENT_FILTER_VERSION 1
#define ENT_FILTER_INIT {ENT_FILTER_VERSION, 0, 0, 0, NULL, 0, NULL, 0, 0, 0, \
	0, 0}

/**
 * 1 when the event passes the filter, 0 when it does not. The actor
 * names are resolved on each call (a dataset resolves them once, when it
 * is created); a name that resolves to nothing matches no event (see
 * ::ent_filter_check).
 */
ENT_API int ent_filter_match(const ent_filter *filter, const ent_event *ev);

/**
 * Check the actor names of a filter.
 * @return ENT_OK, or ENT_ENOTFOUND naming the first unknown name and its
 *   nearest matches (see ::ent_actor_name_resolve)
 */
ENT_API ent_status ent_filter_check(const ent_filter *filter, ent_error *err);

ENT_END_DECLS

#endif
