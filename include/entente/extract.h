/* SPDX-License-Identifier: MIT */
/**
 * @file extract.h
 * @brief Event extraction from news text: who did what to whom, with CAMEO
 * codes, negation, modality and provenance.
 */
#ifndef ENT_EXTRACT_H
#define ENT_EXTRACT_H

#include <entente/common.h>
#include <entente/error.h>
#include <entente/event.h>

ENT_BEGIN_DECLS

/** Options of an extractor. */
typedef struct ent_extract_options {
	unsigned int version;
	ent_date default_date;   /**< stamped on events when the text gives no date */
	const char *actor_dict;  /**< path of a user actor dictionary, or NULL */
	const char *verb_dict;   /**< path of a user verb dictionary, or NULL */
} ent_extract_options;

#define ENT_EXTRACT_OPTIONS_VERSION 1
#define ENT_EXTRACT_OPTIONS_INIT {ENT_EXTRACT_OPTIONS_VERSION, 0, NULL, NULL}

/** An extractor: the compiled dictionaries, reusable across documents. */
typedef struct ent_extractor ent_extractor;

/** Create an extractor (loads the built-in lexicon and any user dictionaries). */
ENT_API ent_status ent_extractor_create(ent_extractor **out,
	const ent_extract_options *opts, ent_error *err);
/** Destroy an extractor. Accepts NULL. */
ENT_API void ent_extractor_destroy(ent_extractor *ex);

/**
 * Extract the events of one document and hand each to `cb`, in text order.
 * @param doc the document name stored in each event's provenance (borrowed)
 */
ENT_API ent_status ent_extract_text(ent_extractor *ex, const char *text,
	size_t len, const char *doc, ent_event_cb cb, void *payload,
	ent_error *err);

ENT_END_DECLS

#endif
