/* SPDX-License-Identifier: MIT */
/* Placeholder until the extractor lands (issue 3); replaced wholesale. */
#include "internal.h"

ent_status ent_extractor_create(ent_extractor **out,
	const ent_extract_options *opts, ent_error *err)
{
	(void)opts;
	*out = NULL;
	return ent__error_set(err, ENT_ERROR, NULL, 0, 0,
		"news text extraction is not built yet");
}

void ent_extractor_destroy(ent_extractor *ex)
{
	(void)ex;
}

ent_status ent_extract_text(ent_extractor *ex, const char *text, size_t len,
	const char *doc, ent_event_cb cb, void *payload, ent_error *err)
{
	(void)ex; (void)text; (void)len; (void)cb; (void)payload;
	return ent__error_set(err, ENT_ERROR, doc, 0, 0,
		"news text extraction is not built yet");
}
