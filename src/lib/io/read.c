/* SPDX-License-Identifier: MIT */
/*
 * Input dispatch: detect the format of an input and hand it to its reader,
 * which feeds events (or aggregated dyads) into a dataset.
 */
#include <string.h>
#include <strings.h>
#include <stdlib.h>

#include "io/io_internal.h"

static const char *const format_names[] = {"auto", "json", "text", "gdelt2",
	"gdelt1", "icews", "dyads"};

const char *ent_format_name(ent_format format)
{
	if ((int)format < 0 || (size_t)format >= sizeof(format_names) / sizeof(*format_names)) {
		return "unknown";
	}
	return format_names[format];
}

ent_status ent_format_parse(ent_format *out, const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(format_names) / sizeof(*format_names); i++) {
		if (strcmp(format_names[i], name) == 0) {
			*out = (ent_format)i;
			return ENT_OK;
		}
	}
	return ENT_EINVAL;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

ent_status ent_format_detect(ent_format *out, const char *path,
	const char *head, size_t len)
{
	size_t i = 0;

	if (out == NULL) {
		return ENT_EINVAL;
	}
	if (path != NULL) {
		if (ends_with(path, ".json")) {
			*out = ENT_FORMAT_JSON;
			return ENT_OK;
		}
		if (ends_with(path, ".txt") || ends_with(path, ".text")) {
			*out = ENT_FORMAT_TEXT;
			return ENT_OK;
		}
	}
	/* Content: skip a byte-order mark and leading white space. */
	if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) {
		i = 3;
	}
	while (i < len && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' ||
		head[i] == '\n')) {
		i++;
	}
	if (i < len && (head[i] == '{' || head[i] == '[')) {
		*out = ENT_FORMAT_JSON;
		return ENT_OK;
	}
	*out = ENT_FORMAT_TEXT;
	return ENT_OK;
}

ent_status ent__read_json_into(ent_dataset *ds, const char *buf, size_t len,
	const char *path, ent_error *err)
{
	ent_events *events = NULL;
	ent_status st;
	size_t i;

	if ((st = ent_events_parse_json(&events, buf, len, path, err)) != ENT_OK) {
		return st;
	}
	for (i = 0; i < ent_events_count(events); i++) {
		if ((st = ent_dataset_add_event(ds, ent_events_get(events, i),
			     err)) != ENT_OK) {
			break;
		}
	}
	ent_events_destroy(events);
	return st;
}

ent_status ent__read_text_into(ent_dataset *ds, const char *buf, size_t len,
	const char *path, const ent_read_options *opts, ent_error *err)
{
	ent_extractor *ex = NULL;
	ent_status st;

	if ((st = ent_extractor_create(&ex, opts->extract, err)) != ENT_OK) {
		return st;
	}
	st = ent_extract_text(ex, buf, len, path, ent_dataset_add_cb, ds, err);
	ent_extractor_destroy(ex);
	return st;
}

ent_status ent_read_into(ent_dataset *ds, const char *path,
	const ent_read_options *opts, ent_error *err)
{
	ent_read_options defaults = ENT_READ_OPTIONS_INIT;
	ent_format format;
	char *buf = NULL;
	size_t len = 0;
	ent_status st;

	if (ds == NULL || path == NULL) {
		return ent__error_set(err, ENT_EINVAL, path, 0, 0,
			"ent_read_into: NULL argument");
	}
	if (opts == NULL) {
		opts = &defaults;
	}
	if ((st = ent_read_file(&buf, &len, path, 0, err)) != ENT_OK) {
		return st;
	}
	format = opts->format;
	if (format == ENT_FORMAT_AUTO) {
		ent_format_detect(&format, strcmp(path, "-") ? path : NULL, buf,
			len < 4096 ? len : 4096);
	}
	switch (format) {
	case ENT_FORMAT_JSON:
		st = ent__read_json_into(ds, buf, len, path, err);
		break;
	case ENT_FORMAT_TEXT:
		st = ent__read_text_into(ds, buf, len, path, opts, err);
		break;
	default:
		st = ent__error_set(err, ENT_EINVAL, path, 0, 0,
			"the %s format is not supported yet",
			ent_format_name(format));
		break;
	}
	if (st == ENT_OK) {
		st = ent_dataset_add_input(ds, path, ent_format_name(format));
		if (st != ENT_OK) {
			ent__error_nomem(err);
		}
	}
	free(buf);
	return st;
}
