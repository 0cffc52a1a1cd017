/* SPDX-License-Identifier: MIT */
/*
 * Locating the values of an events JSON document as its bytes stream past
 * (json_internal.h): a window over the byte source that holds the value
 * being read and little else, so memory is the largest event, not the
 * input. The reader (json_read.c) walks the document's structure with
 * ent__jscan_peek and takes each value whole with ent__jscan_value, which
 * cJSON then parses on its own.
 *
 * Positions: `mark` is a byte of the window whose line and column are
 * known; it only moves forward (to the start of each value, to the
 * cursor), so counting lines and columns costs one pass over the input.
 * `base` is the position of the window's first byte, for the rare
 * position asked behind the mark.
 */
#include <stdlib.h>
#include <string.h>

#include "io/json_internal.h"

/* Bytes read from the source at a time. */
#define READ_SIZE 65536
/* The largest window: a piece at its limit, and room to read on. */
#define WINDOW_MAX (ENT_JSON_MAX_EVENT_BYTES + 2 * READ_SIZE)

struct ent__jscan {
	ent__source *src;
	const char *path;
	char *buf;          /* the window */
	size_t cap, end;    /* buf[0..end) holds bytes */
	size_t pos;         /* the cursor */
	size_t keep;        /* a piece starts here: keep its bytes */
	int keeping;
	int eof;            /* the source has no more bytes */
	int started;        /* the first peek (a byte-order mark) is done */
	int cut, over;      /* the piece just taken (ent__jpiece) */
	size_t mark;        /* buf[mark] is at mark_line:mark_col */
	long mark_line, mark_col;
	long base_line, base_col; /* the position of buf[0] */
	/* just past the last byte of content dropped from the window, and
	 * whether content came into the window since (a flag, so that a
	 * stream of white space is not searched again and again) */
	int content;
	long last_line, last_col;
};

/* JSON's white space as cJSON reads it: every byte up to the space but
 * NUL, which is refused as binary data. */
static int is_space(unsigned char c)
{
	return c <= 0x20 && c != 0;
}

static unsigned popcount64(uint64_t x)
{
#if defined(__GNUC__)
	return (unsigned)__builtin_popcountll(x);
#else
	unsigned n = 0;
	for (; x != 0; x &= x - 1) {
		n++;
	}
	return n;
#endif
}

/* Move the position forward over the bytes from `*line:*col`. */
static void count(const char *p, const char *e, long *line, long *col)
{
	const char *nl;

	while ((nl = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		(*line)++;
		*col = 1;
		p = nl + 1;
	}
	/* columns count characters: every byte but UTF-8 continuation bytes
	 * (10xxxxxx), eight bytes at a time */
	while (e - p >= 8) {
		uint64_t w, cont;
		memcpy(&w, p, 8);
		cont = w & ~(w << 1) & 0x8080808080808080u;
		*col += 8 - (long)popcount64(cont);
		p += 8;
	}
	for (; p < e; p++) {
		if (((unsigned char)*p & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

static void advance_mark(ent__jscan *sc, size_t to)
{
	if (to > sc->mark) {
		count(sc->buf + sc->mark, sc->buf + to, &sc->mark_line,
			&sc->mark_col);
		sc->mark = to;
	}
}

/* The position of window byte `at`, from the mark or the window's start. */
static void position(ent__jscan *sc, size_t at, long *line, long *col)
{
	if (at >= sc->mark) {
		*line = sc->mark_line;
		*col = sc->mark_col;
		count(sc->buf + sc->mark, sc->buf + at, line, col);
	} else {
		*line = sc->base_line;
		*col = sc->base_col;
		count(sc->buf, sc->buf + at, line, col);
	}
}

/* Errors at window byte `at`. */
static ent_status fail_at(ent__jscan *sc, size_t at, ent_status code,
	const char *msg, ent_error *err)
{
	long line, col;

	position(sc, at, &line, &col);
	return ent__error_set(err, code, sc->path, line, col, "%s", msg);
}

ent_status ent__jscan_open(ent__jscan **out, ent__source *src,
	const char *head, size_t len, const char *path, ent_error *err)
{
	ent__jscan *sc = calloc(1, sizeof(*sc));

	*out = NULL;
	if (sc == NULL) {
		return ent__error_nomem(err);
	}
	sc->cap = len + 2 * READ_SIZE;
	sc->buf = malloc(sc->cap);
	if (sc->buf == NULL) {
		free(sc);
		return ent__error_nomem(err);
	}
	if (len > 0) {
		memcpy(sc->buf, head, len);
	}
	sc->end = len;
	sc->src = src;
	sc->path = path;
	sc->mark_line = sc->mark_col = 1;
	sc->base_line = sc->base_col = 1;
	sc->last_line = sc->last_col = 1;
	*out = sc;
	return ENT_OK;
}

void ent__jscan_close(ent__jscan *sc)
{
	if (sc != NULL) {
		free(sc->buf);
		free(sc);
	}
}

/* Not an error: the piece being taken outgrew the limit of a piece. The
 * scanner ends it there and marks it (ent__jpiece.over). */
#define OVER ((ent_status)1)

/*
 * Read more of the input into the window: bytes before the cursor (or
 * before the piece being taken) are dropped first, and the window grows
 * when a piece fills it. `*shift` is how far the kept bytes moved down.
 * Sets eof at the end of the input.
 */
static ent_status fill(ent__jscan *sc, size_t *shift, ent_error *err)
{
	size_t drop = sc->keeping ? sc->keep : sc->pos, got, j;
	ent_status st;

	*shift = 0;
	if (sc->eof) {
		return ENT_OK;
	}
	if (drop > 0) {
		/* remember where the last content dropped ends, for an input
		 * that is cut off after nothing but white space */
		if (sc->content) {
			for (j = drop;
				j > 0 && is_space((unsigned char)sc->buf[j - 1]);
				j--) {
			}
			if (j > 0) {
				position(sc, j, &sc->last_line, &sc->last_col);
			}
			sc->content = sc->keeping; /* a piece is content */
		}
		advance_mark(sc, drop);
		sc->base_line = sc->mark_line;
		sc->base_col = sc->mark_col;
		memmove(sc->buf, sc->buf + drop, sc->end - drop);
		sc->end -= drop;
		sc->pos -= drop;
		sc->mark -= drop;
		if (sc->keeping) {
			sc->keep -= drop;
		}
		*shift = drop;
	}
	if (sc->cap - sc->end < READ_SIZE) {
		/* a piece longer than the window: twice the room, up to the
		 * limit of a piece and a read more */
		size_t cap = sc->cap * 2, most = WINDOW_MAX;
		char *p;
		if (sc->cap >= most) {
			return OVER;
		}
		if (cap > most) {
			cap = most;
		}
		p = realloc(sc->buf, cap);
		if (p == NULL) {
			return ent__error_nomem(err);
		}
		sc->buf = p;
		sc->cap = cap;
	}
	if ((st = ent__source_read(sc->src, sc->buf + sc->end,
		     sc->cap - sc->end, &got, err)) != ENT_OK) {
		return st;
	}
	sc->end += got;
	sc->eof = got == 0;
	return ENT_OK;
}

/* Make `n` bytes from window index `*at` available, unless the input ends
 * first; `*at` follows the bytes when they move. */
static ent_status need(ent__jscan *sc, size_t *at, size_t n, ent_error *err)
{
	size_t shift;
	ent_status st;

	while (sc->end - *at < n && !sc->eof) {
		if ((st = fill(sc, &shift, err)) != ENT_OK) {
			return st;
		}
		*at -= shift;
	}
	return ENT_OK;
}

/* A byte from 0x80 at window index `at` must start a UTF-8 character;
 * its length, or an error. */
static ent_status check_utf8(ent__jscan *sc, size_t *at, size_t *len,
	ent_error *err)
{
	ent_status st;

	if ((st = need(sc, at, 4, err)) != ENT_OK) {
		return st;
	}
	*len = ent__utf8_seq((const unsigned char *)sc->buf + *at,
		sc->end - *at);
	if (*len == 0) {
		long line, col;
		position(sc, *at, &line, &col);
		return ent__error_set(err, ENT_EPARSE, sc->path, line, col,
			"invalid UTF-8 (byte 0x%02X)",
			(unsigned char)sc->buf[*at]);
	}
	return ENT_OK;
}

static ent_status nul_byte(ent__jscan *sc, size_t at, ent_error *err)
{
	return fail_at(sc, at, ENT_EPARSE, "a NUL byte: binary data, not JSON",
		err);
}

ent_status ent__jscan_peek(ent__jscan *sc, int *c, ent_error *err)
{
	size_t shift, n;
	ent_status st;
	unsigned char b;

	sc->keeping = 0;
	if (!sc->started) {
		/* A byte-order mark (some editors write one) is not JSON;
		 * positions count from after it, as an editor shows them. */
		size_t at = 0;
		sc->started = 1;
		if ((st = need(sc, &at, 3, err)) != ENT_OK) {
			return st;
		}
		if (sc->end >= 3 && memcmp(sc->buf, "\xEF\xBB\xBF", 3) == 0) {
			sc->pos = sc->mark = 3;
		}
	}
	for (;;) {
		if (sc->pos == sc->end) {
			if ((st = fill(sc, &shift, err)) != ENT_OK) {
				return st;
			}
			if (sc->pos == sc->end) {
				*c = -1;
				return ENT_OK;
			}
		}
		while (sc->pos < sc->end &&
			is_space((unsigned char)sc->buf[sc->pos])) {
			sc->pos++;
		}
		if (sc->pos == sc->end) {
			continue;
		}
		b = (unsigned char)sc->buf[sc->pos];
		if (b == 0) {
			return nul_byte(sc, sc->pos, err);
		}
		sc->content = 1;
		break;
	}
	if (b >= 0x80) {
		/* a local index: fill moves the cursor itself */
		size_t at = sc->pos;
		if ((st = check_utf8(sc, &at, &n, err)) != ENT_OK) {
			return st;
		}
	}
	*c = b;
	return ENT_OK;
}

void ent__jscan_skip(ent__jscan *sc)
{
	if (sc->pos < sc->end) {
		sc->pos++;
	}
}

/* The bytes that end a scalar (a number, true, false, null). */
static int ends_scalar(unsigned char c)
{
	return is_space(c) || c == ',' || c == ']' || c == '}';
}

/* Bytes that need a look inside a string: the quote, the backslash, NUL
 * and every byte of a multi-byte character. */
static int string_special(unsigned char c)
{
	return c == '"' || c == '\\' || c == 0 || c >= 0x80;
}

/* Outside strings: brackets, quotes, NUL, bytes from 0x80, and (in JSON
 * Lines) the end of the line. */
static int structure_special(unsigned char c, int lines)
{
	return c == '"' || c == '{' || c == '[' || c == '}' || c == ']' ||
		c == 0 || c >= 0x80 || (lines && c == '\n');
}

/*
 * Scan a piece from window index `sc->keep`: a bracketed value, a string,
 * a scalar or (lines) a line. Leaves the cursor just past it. `depth` is
 * the nesting around it.
 */
static ent_status scan_piece(ent__jscan *sc, int depth, int lines,
	ent_error *err);

/* Scan a piece; a window that cannot grow ends it as over the limit. */
static ent_status scan(ent__jscan *sc, int depth, int lines, ent_error *err)
{
	ent_status st;

	sc->cut = sc->over = 0;
	st = scan_piece(sc, depth, lines, err);
	if (st == OVER) {
		sc->over = 1;
		sc->pos = sc->end;
		st = ENT_OK;
	}
	return st;
}

static ent_status scan_piece(ent__jscan *sc, int depth, int lines,
	ent_error *err)
{
	size_t i = sc->keep, n, shift;
	unsigned char first = (unsigned char)sc->buf[i];
	int in_string = 0, level = depth;
	int bracketed = !lines && (first == '{' || first == '[');
	int scalar = !lines && !bracketed && first != '"';
	ent_status st;

	for (;;) {
		if (i == sc->end) {
			if ((st = fill(sc, &shift, err)) != ENT_OK) {
				return st;
			}
			i -= shift;
			if (i == sc->end) {
				if (!lines && !scalar) {
					sc->cut = 1; /* the input ends inside */
				}
				break;
			}
		}
		if (i - sc->keep > ENT_JSON_MAX_EVENT_BYTES) {
			goto over;
		}
		if (scalar) {
			unsigned char c = (unsigned char)sc->buf[i];
			if (ends_scalar(c)) {
				break;
			}
			if (c == 0) {
				return nul_byte(sc, i, err);
			}
			if (c >= 0x80) {
				if ((st = check_utf8(sc, &i, &n, err)) != ENT_OK) {
					return st;
				}
				i += n;
			} else {
				i++;
			}
			continue;
		}
		if (in_string || (!lines && !bracketed && i == sc->keep)) {
			unsigned char c;
			if (!in_string) {
				in_string = 1; /* a string value: its quote */
				i++;
				continue;
			}
			while (i < sc->end &&
				!string_special((unsigned char)sc->buf[i]) &&
				!(lines && sc->buf[i] == '\n')) {
				i++;
			}
			if (i == sc->end) {
				continue;
			}
			c = (unsigned char)sc->buf[i];
			if (c == '\n') {
				break; /* lines: a raw line break ends the line */
			}
			if (c == '"') {
				in_string = 0;
				i++;
				if (!lines && !bracketed) {
					break; /* the end of a string value */
				}
			} else if (c == '\\') {
				if ((st = need(sc, &i, 6, err)) != ENT_OK) {
					return st;
				}
				if (sc->end - i >= 6 &&
					memcmp(sc->buf + i + 1, "u0000", 5) == 0) {
					/* cJSON would end its C string there:
					 * "CHN\u0000<script>" would load as CHN */
					return fail_at(sc, i, ENT_EPARSE, "a NUL "
						"character (\\u0000) in a JSON "
						"string", err);
				}
				/* skip the escaped byte, unless it is not
				 * ASCII: then UTF-8 is checked on it */
				i += i + 1 < sc->end &&
					(unsigned char)sc->buf[i + 1] < 0x80 ? 2 : 1;
			} else if (c == 0) {
				return nul_byte(sc, i, err);
			} else {
				if ((st = check_utf8(sc, &i, &n, err)) != ENT_OK) {
					return st;
				}
				i += n;
			}
			continue;
		}
		while (i < sc->end &&
			!structure_special((unsigned char)sc->buf[i], lines)) {
			i++;
		}
		if (i == sc->end) {
			continue;
		}
		switch ((unsigned char)sc->buf[i]) {
		case '\n':
			goto done; /* lines: the end of the line */
		case '"':
			in_string = 1;
			i++;
			break;
		case '{':
		case '[':
			if (++level > ENT_JSON_MAX_DEPTH) {
				long line, col;
				position(sc, i, &line, &col);
				return ent__error_set(err, ENT_ELIMIT, sc->path,
					line, col, "JSON nested deeper than %d "
					"levels", ENT_JSON_MAX_DEPTH);
			}
			i++;
			break;
		case '}':
		case ']':
			level--;
			i++;
			if (bracketed && level == depth) {
				goto done;
			}
			break;
		case 0:
			return nul_byte(sc, i, err);
		default:
			if ((st = check_utf8(sc, &i, &n, err)) != ENT_OK) {
				return st;
			}
			i += n;
		}
	}
done:
	if (i - sc->keep > ENT_JSON_MAX_EVENT_BYTES) {
		goto over;
	}
	sc->pos = i;
	return ENT_OK;
over:
	/* the limit of one piece: its first bytes go to the reader, which
	 * tells a value too large from a malformed one that ran on */
	sc->over = 1;
	sc->pos = i;
	return ENT_OK;
}

/* Start a piece at the cursor. */
static void begin(ent__jscan *sc, ent__jpiece *out)
{
	advance_mark(sc, sc->pos);
	sc->keep = sc->pos;
	sc->keeping = 1;
	out->line = sc->mark_line;
	out->column = sc->mark_col;
}

/* The piece from `keep` to the cursor (the window may have moved). */
static void end_piece(ent__jscan *sc, ent__jpiece *out)
{
	out->data = sc->buf + sc->keep;
	out->len = sc->pos - sc->keep;
	out->cut = sc->cut;
	out->over = sc->over;
}

ent_status ent__jscan_value(ent__jscan *sc, int depth, ent__jpiece *out,
	ent_error *err)
{
	ent_status st;
	int c;

	memset(out, 0, sizeof(*out));
	if ((st = ent__jscan_peek(sc, &c, err)) != ENT_OK) {
		return st;
	}
	if (c < 0) {
		return ent__jscan_truncated(sc, "the document ends too early",
			err);
	}
	begin(sc, out);
	if ((st = scan(sc, depth, 0, err)) != ENT_OK) {
		return st;
	}
	end_piece(sc, out);
	return ENT_OK;
}

ent_status ent__jscan_line(ent__jscan *sc, ent__jpiece *out, int *at_end,
	ent_error *err)
{
	ent_status st;
	int c;

	memset(out, 0, sizeof(*out));
	*at_end = 0;
	if ((st = ent__jscan_peek(sc, &c, err)) != ENT_OK) {
		return st;
	}
	if (c < 0) {
		*at_end = 1;
		return ENT_OK;
	}
	begin(sc, out);
	if ((st = scan(sc, 0, 1, err)) != ENT_OK) {
		return st;
	}
	end_piece(sc, out);
	return ENT_OK;
}

void ent__jscan_where(ent__jscan *sc, const ent__jpiece *p, size_t off,
	long *line, long *column)
{
	(void)sc;
	*line = p->line;
	*column = p->column;
	count(p->data, p->data + (off < p->len ? off : p->len), line, column);
}

void ent__jscan_here(ent__jscan *sc, long *line, long *column)
{
	advance_mark(sc, sc->pos);
	*line = sc->mark_line;
	*column = sc->mark_col;
}

ent_status ent__jscan_rest_is_space(ent__jscan *sc, int *yes,
	ent_error *err)
{
	size_t i = sc->pos, shift;
	ent_status st;

	*yes = 0;
	for (;;) {
		if (i == sc->end) {
			if ((st = fill(sc, &shift, err)) != ENT_OK) {
				return st;
			}
			i -= shift;
			if (i == sc->end) {
				*yes = 1;
				return ENT_OK;
			}
		}
		if (!is_space((unsigned char)sc->buf[i])) {
			return ENT_OK;
		}
		i++;
		if (!sc->keeping) {
			sc->pos = i; /* nothing to keep: let fill drop it */
		}
	}
}

ent_status ent__jscan_truncated(ent__jscan *sc, const char *what,
	ent_error *err)
{
	size_t j = sc->end;
	long line = sc->last_line, col = sc->last_col;

	/* just past the last byte of content still in the window, else
	 * past the last one dropped from it */
	while (j > 0 && is_space((unsigned char)sc->buf[j - 1])) {
		j--;
	}
	if (j > 0) {
		position(sc, j, &line, &col);
	}
	return ent__error_set(err, ENT_EPARSE, sc->path, line, col,
		"truncated JSON: %s", what);
}
