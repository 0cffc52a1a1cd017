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
	"gdelt1", "icews", "dyads", "jsonl"};

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

static int ends_with(const char *s, size_t n, const char *suffix)
{
	size_t m = strlen(suffix);

	return n >= m && strncasecmp(s + n - m, suffix, m) == 0;
}

/* The length of a name without its compression suffix (.gz, .bz2, .xz,
 * .zip). */
static size_t name_length(const char *path)
{
	size_t n = strlen(path);

	if (ends_with(path, n, ".gz") || ends_with(path, n, ".xz")) {
		return n - 3;
	}
	if (ends_with(path, n, ".zip") || ends_with(path, n, ".bz2")) {
		return n - 4;
	}
	return n;
}

int ent__json_lines_name(const char *path)
{
	size_t n = path ? name_length(path) : 0;

	return n > 0 && (ends_with(path, n, ".jsonl") ||
		ends_with(path, n, ".ndjson"));
}

/*
 * JSON Lines from its content: the first line is a whole object (its
 * braces balance outside strings) and a later line starts another. A
 * document written one event per line starts with "{" alone or with "[".
 */
static int json_lines_head(const char *head, size_t len)
{
	size_t i = 0;
	long depth = 0;
	int in_string = 0;

	while (i < len && (head[i] == ' ' || head[i] == '\t')) {
		i++;
	}
	if (i == len || head[i] != '{') {
		return 0;
	}
	for (; i < len && head[i] != '\n'; i++) {
		char c = head[i];
		if (in_string) {
			if (c == '\\') {
				i++;
			} else if (c == '"') {
				in_string = 0;
			}
		} else if (c == '"') {
			in_string = 1;
		} else if (c == '{' || c == '[') {
			depth++;
		} else if ((c == '}' || c == ']') && --depth == 0) {
			break;
		}
	}
	if (i >= len || head[i] != '}') {
		return 0;
	}
	/* the rest of the line is white space, the next line starts '{' */
	for (i++; i < len && head[i] != '\n'; i++) {
		if (head[i] != ' ' && head[i] != '\t' && head[i] != '\r') {
			return 0;
		}
	}
	while (i < len && (head[i] == '\n' || head[i] == ' ' ||
		head[i] == '\t' || head[i] == '\r')) {
		i++;
	}
	return i < len && head[i] == '{';
}

/* 1 when the line's fields are those of a GDELT row of `version`. */
static int gdelt_line(const char *line, size_t len, int version)
{
	size_t cols = ent__gdelt_columns(line, len), i;

	if (version == 2 ? cols != 61 : cols != 57 && cols != 58) {
		return 0;
	}
	/* GLOBALEVENTID, then SQLDATE: digits */
	for (i = 0; i < len && line[i] != '\t'; i++) {
		if (line[i] < '0' || line[i] > '9') {
			return 0;
		}
	}
	return i > 0;
}

ent_status ent_format_detect(ent_format *out, const char *path,
	const char *head, size_t len)
{
	size_t i = 0, n, k;
	const char *p, *end;

	if (out == NULL || (head == NULL && len > 0)) {
		return ENT_EINVAL;
	}
	if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) {
		head += 3;
		len -= 3;
	}
	/* Content first: a table header or GDELT's column count is a strong
	 * signal whatever the file is called (GDELT's .CSV files are tab-
	 * separated). Up to five lines are looked at for GDELT, so that one
	 * broken first row does not hide the format. */
	p = head;
	end = head + len;
	for (k = 0; k < 5 && p < end; k++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (l > 0 && p[l - 1] == '\r') {
			l--;
		}
		if (k == 0 && ent__dyads_is_header(p, l)) {
			*out = ENT_FORMAT_DYADS;
			return ENT_OK;
		}
		if (k == 0 && ent__icews_is_header(p, l)) {
			*out = ENT_FORMAT_ICEWS;
			return ENT_OK;
		}
		if (gdelt_line(p, l, 2)) {
			*out = ENT_FORMAT_GDELT2;
			return ENT_OK;
		}
		if (gdelt_line(p, l, 1)) {
			*out = ENT_FORMAT_GDELT1;
			return ENT_OK;
		}
		if (nl == NULL) {
			break;
		}
		p = nl + 1;
	}
	if (path != NULL) {
		/* the name without a compression suffix */
		n = name_length(path);
		if (ent__json_lines_name(path)) {
			*out = ENT_FORMAT_JSONL;
			return ENT_OK;
		}
		if (ends_with(path, n, ".json")) {
			*out = json_lines_head(head, len) ? ENT_FORMAT_JSONL
							  : ENT_FORMAT_JSON;
			return ENT_OK;
		}
		if (ends_with(path, n, ".txt") || ends_with(path, n, ".text")) {
			*out = ENT_FORMAT_TEXT;
			return ENT_OK;
		}
		/* a table is never news text: none of the table formats
		 * fitted its first lines */
		if (ends_with(path, n, ".csv") || ends_with(path, n, ".tsv") ||
			ends_with(path, n, ".tab")) {
			*out = ENT_FORMAT_AUTO;
			return ENT_ENOTFOUND;
		}
	}
	/* Skip white space: JSON starts with an object or an array. */
	while (i < len && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' ||
		head[i] == '\n')) {
		i++;
	}
	if (i < len && (head[i] == '{' || head[i] == '[')) {
		*out = json_lines_head(head, len) ? ENT_FORMAT_JSONL
						  : ENT_FORMAT_JSON;
		return ENT_OK;
	}
	*out = ENT_FORMAT_TEXT;
	return ENT_OK;
}

/* Events JSON read into a dataset, with progress now and then. */
typedef struct json_into {
	ent_dataset *ds;
	const ent__source *src;
	const ent_read_options *opts;
	unsigned long n;
} json_into;

static ent_status add_to_dataset(const ent_event *ev, void *payload,
	ent_error *err)
{
	json_into *j = payload;

	if (j->opts->progress != NULL && ++j->n % 8192 == 0) {
		j->opts->progress(ent__source_done(j->src),
			ent__source_total(j->src), j->opts->progress_payload);
	}
	return ent_dataset_add_event(j->ds, ev, err);
}

ent_status ent__read_text_into(ent_dataset *ds, const char *buf, size_t len,
	const char *path, const ent_read_options *opts, ent_error *err)
{
	ent_extractor *ex = opts->extractor;
	ent_status st;

	if (ex == NULL &&
		(st = ent_extractor_create(&ex, opts->extract, err)) != ENT_OK) {
		return st;
	}
	st = ent_extract_text(ex, buf, len, path, ent_dataset_add_cb, ds, err);
	if (ex != opts->extractor) {
		ent_extractor_destroy(ex);
	}
	return st;
}

/* Bytes read before the format is known: enough for a few rows of any
 * format, and the header. */
#define HEAD_SIZE 65536

/* What a whole-document input is called in a size error, and the advice. */
typedef struct whole_kind {
	const char *name;
	const char *advice;
} whole_kind;

static const whole_kind kind_text = {"news text",
	" (split it into documents of their own)"};

static ent_status too_big(const ent__source *src, const whole_kind *kind,
	size_t limit, const char *path, ent_error *err)
{
	const char *unpacked =
		ent__source_compression(src) ? " once decompressed" : "";

	if (limit % ((size_t)1 << 20) == 0) {
		return ent__error_set(err, ENT_ELIMIT, path, 0, 0,
			"%s larger than %zu MiB%s%s", kind->name, limit >> 20,
			unpacked, kind->advice);
	}
	return ent__error_set(err, ENT_ELIMIT, path, 0, 0,
		"%s larger than %zu bytes%s%s", kind->name, limit, unpacked,
		kind->advice);
}

/*
 * Read the rest of a source after `head` into one buffer, refusing more
 * than `limit` bytes (0 = none). The limit is checked as the bytes arrive,
 * never after: at most limit + 1 bytes are read and held, so a small
 * compressed file that inflates to gigabytes (or an endless standard
 * input) stops at the limit instead of filling memory first.
 */
static ent_status read_all(ent__buf *b, ent__source *src, const char *head,
	size_t len, size_t limit, const whole_kind *kind, const char *path,
	ent_error *err)
{
	size_t got, want;
	ent_status st;

	if (limit && len > limit) {
		return too_big(src, kind, limit, path, err);
	}
	if (ent__buf_put(b, head, len) < 0) {
		return ent__error_nomem(err);
	}
	for (;;) {
		want = HEAD_SIZE;
		if (limit && want > limit + 1 - b->len) {
			want = limit + 1 - b->len;
		}
		if (ent__buf_grow(b, want) < 0) {
			return ent__error_nomem(err);
		}
		if ((st = ent__source_read(src, b->data + b->len, want, &got,
			     err)) != ENT_OK) {
			return st;
		}
		if (got == 0) {
			break;
		}
		b->len += got;
		if (limit && b->len > limit) {
			return too_big(src, kind, limit, path, err);
		}
	}
	if (ent__buf_grow(b, 1) < 0) {
		return ent__error_nomem(err);
	}
	b->data[b->len] = '\0';
	return ENT_OK;
}

/*
 * News text is refused at its first NUL byte or invalid UTF-8 sequence, as
 * the extractor would, but from the head, before the rest is read: binary
 * data (or /dev/zero) fails at once instead of after half a gigabyte. The
 * head's last three bytes may be a character cut in two, so they wait.
 */
static ent_status sniff_text(const char *head, size_t len, int eof,
	const char *path, ent_error *err)
{
	size_t upto = eof || len < 3 ? len : len - 3;
	size_t bad = ent__utf8_check(head, upto);
	const char *nul = memchr(head, '\0', upto);
	long line, column;

	if (nul != NULL && (size_t)(nul - head) < bad) {
		ent__offset_to_position(head, len, (size_t)(nul - head), &line,
			&column);
		return ent__error_set(err, ENT_EPARSE, path, line, column,
			"a NUL byte: binary data, not text");
	}
	if (bad < upto) {
		ent__offset_to_position(head, len, bad, &line, &column);
		return ent__error_set(err, ENT_EPARSE, path, line, column,
			"invalid UTF-8 (byte 0x%02X); convert the text to "
			"UTF-8 first", (unsigned char)head[bad]);
	}
	return ENT_OK;
}

/* Fill `head` with up to HEAD_SIZE bytes; `*eof` when the input ended. */
static ent_status read_head(ent__source *src, char *head, size_t *len,
	int *eof, ent_error *err)
{
	size_t got;
	ent_status st;

	*len = 0;
	*eof = 0;
	while (*len < HEAD_SIZE) {
		if ((st = ent__source_read(src, head + *len, HEAD_SIZE - *len,
			     &got, err)) != ENT_OK) {
			return st;
		}
		if (got == 0) {
			*eof = 1;
			break;
		}
		*len += got;
	}
	return ENT_OK;
}

ent_status ent_read_text(char **out, size_t *len_out, const char *path,
	ent_error *err)
{
	ent__source *src = NULL;
	ent__buf all = {0};
	char *head = NULL;
	size_t len = 0;
	int eof = 0;
	ent_status st;

	if (out == NULL || path == NULL) {
		return ent__error_set(err, ENT_EINVAL, path, 0, 0,
			"ent_read_text: NULL argument");
	}
	*out = NULL;
	if (len_out) {
		*len_out = 0;
	}
	if ((st = ent__source_open(&src, path, err)) != ENT_OK) {
		return st;
	}
	if ((head = malloc(HEAD_SIZE)) == NULL) {
		st = ent__error_nomem(err);
	} else if ((st = read_head(src, head, &len, &eof, err)) == ENT_OK &&
		(st = sniff_text(head, len, eof, path, err)) == ENT_OK) {
		st = read_all(&all, src, head, len, ENT_TEXT_MAX_BYTES,
			&kind_text, path, err);
	}
	free(head);
	ent__source_close(src);
	if (st != ENT_OK) {
		ent__buf_free(&all);
		return st;
	}
	*out = all.data;
	if (len_out) {
		*len_out = all.len;
	}
	return ENT_OK;
}

/* The first line of head (header of ICEWS files and dyad tables). */
static ent_status header_line(const char *head, size_t len, int eof,
	const char *path, size_t *line_len, size_t *skip, ent_error *err)
{
	const char *nl = memchr(head, '\n', len);

	*line_len = *skip = 0;
	if (nl == NULL && !eof) {
		return ent__error_set(err, ENT_EPARSE, path, 1, 1,
			"header line longer than %d bytes", HEAD_SIZE);
	}
	*skip = nl ? (size_t)(nl - head) + 1 : len;
	*line_len = nl ? (size_t)(nl - head) : len;
	if (*line_len > 0 && head[*line_len - 1] == '\r') {
		(*line_len)--;
	}
	return ENT_OK;
}

/* Read one opened source into a dataset: detect the format from `name`
 * (NULL: content only) and the head, and run its reader. */
static ent_status read_source(ent_dataset *ds, ent__source *src,
	const char *path, const char *name, const ent_read_options *opts,
	ent_error *err)
{
	ent__buf all = {0};
	ent_format format;
	char *head = NULL;
	size_t len = 0, got, skip = 0, hlen;
	ent__gdelt_state gdelt;
	ent__icews_state icews;
	ent__row_format rows = {NULL, NULL, NULL};
	json_into into = {ds, src, opts, 0};
	ent_status st;
	int eof = 0;

	head = malloc(HEAD_SIZE);
	if (head == NULL) {
		st = ent__error_nomem(err);
		goto done;
	}
	if ((st = read_head(src, head, &len, &eof, err)) != ENT_OK) {
		goto done;
	}
	format = opts->format;
	if (format == ENT_FORMAT_AUTO &&
		ent_format_detect(&format, name, head, len) != ENT_OK) {
		st = ent__error_set(err, ENT_EPARSE, path, 0, 0, "a table (.csv, "
			".tsv, .tab) in none of the formats entente reads: tried "
			"a dyad table, GDELT 2.0, GDELT 1.0 and ICEWS "
			"(--input-format names one)");
		goto done;
	}
	/* a byte-order mark before a table (the JSON reader skips its own) */
	if (format != ENT_FORMAT_JSON && format != ENT_FORMAT_JSONL &&
		format != ENT_FORMAT_TEXT &&
		len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) {
		skip = 3;
	}
	switch (format) {
	case ENT_FORMAT_JSON:
	case ENT_FORMAT_JSONL:
		/* streamed: one event at a time, from the head on */
		st = ent__json_stream(src, head, len,
			format == ENT_FORMAT_JSONL, path, add_to_dataset, &into,
			err);
		break;
	case ENT_FORMAT_TEXT:
		if ((st = sniff_text(head, len, eof, path, err)) != ENT_OK ||
			(st = read_all(&all, src, head, len, ENT_TEXT_MAX_BYTES,
				&kind_text, path, err)) != ENT_OK) {
			goto done;
		}
		if (opts->progress != NULL) {
			opts->progress(ent__source_done(src),
				ent__source_total(src), opts->progress_payload);
		}
		st = ent__read_text_into(ds, all.data, all.len, path, opts, err);
		break;
	case ENT_FORMAT_GDELT1:
	case ENT_FORMAT_GDELT2:
		ent__gdelt_init(&gdelt, format == ENT_FORMAT_GDELT1 ? 1 : 2);
		rows.row_const = ent__gdelt_row;
		rows.state = &gdelt;
		st = ent__rows_run(ds, src, head + skip, len - skip, 1, &rows,
			path, opts, err);
		break;
	case ENT_FORMAT_ICEWS:
		if ((st = header_line(head + skip, len - skip, eof, path, &hlen,
			     &got, err)) != ENT_OK ||
			(st = ent__icews_header(&icews, head + skip, hlen, path,
				err)) != ENT_OK) {
			goto done;
		}
		skip += got;
		rows.row = ent__icews_row;
		rows.state = &icews;
		st = ent__rows_run(ds, src, head + skip, len - skip, 2, &rows,
			path, opts, err);
		break;
	case ENT_FORMAT_DYADS:
		if ((st = header_line(head + skip, len - skip, eof, path, &hlen,
			     &got, err)) != ENT_OK) {
			goto done;
		}
		if (!ent__dyads_is_header(head + skip, hlen)) {
			st = ent__error_set(err, ENT_EPARSE, path, 1, 1, "a dyad "
				"table starts with the header source,target,"
				"events,coop_events,conflict_events,goldstein_sum,"
				"goldstein_mean,cooperation,conflict,first,last");
			goto done;
		}
		skip += got;
		rows.row = ent__dyads_row;
		st = ent__rows_run(ds, src, head + skip, len - skip, 2, &rows,
			path, opts, err);
		break;
	default:
		st = ent__error_set(err, ENT_EINVAL, path, 0, 0,
			"unknown input format %d", (int)format);
		break;
	}
	if (st == ENT_OK) {
		st = ent_dataset_add_input(ds, path, ent_format_name(format),
			err);
	}
done:
	ent__buf_free(&all);
	free(head);
	return st;
}

ent_status ent_read_into(ent_dataset *ds, const char *path,
	const ent_read_options *opts, ent_error *err)
{
	ent_read_options defaults = ENT_READ_OPTIONS_INIT;
	ent__source *src = NULL;
	ent_status st;

	if (ds == NULL || path == NULL) {
		return ent__error_set(err, ENT_EINVAL, path, 0, 0,
			"ent_read_into: NULL argument");
	}
	if ((st = ent__source_open(&src, path, err)) != ENT_OK) {
		return st;
	}
	st = read_source(ds, src, path, strcmp(path, "-") ? path : NULL,
		opts ? opts : &defaults, err);
	ent__source_close(src);
	return st;
}

ent_status ent_read_memory(ent_dataset *ds, const void *data, size_t len,
	const char *name, const ent_read_options *opts, ent_error *err)
{
	ent_read_options defaults = ENT_READ_OPTIONS_INIT;
	const char *path = name ? name : "<memory>";
	ent__source *src = NULL;
	ent_status st;

	if (ds == NULL || (data == NULL && len > 0)) {
		return ent__error_set(err, ENT_EINVAL, path, 0, 0,
			"ent_read_memory: NULL argument");
	}
	if ((st = ent__source_open_memory(&src, data ? data : "", len, path,
		     err)) != ENT_OK) {
		return st;
	}
	st = read_source(ds, src, path, name, opts ? opts : &defaults, err);
	ent__source_close(src);
	return st;
}
