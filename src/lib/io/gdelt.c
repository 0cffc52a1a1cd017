/* SPDX-License-Identifier: MIT */
/*
 * GDELT event exports: 2.0 (61 columns) and 1.0 (57-column historical and
 * 58-column daily rows, mixed within a file). Rows are tab-separated with
 * no header; empty fields are significant, so every tab splits.
 *
 * Columns used (0-based, the same in both versions up to 34):
 * GLOBALEVENTID 0, SQLDATE 1, Actor1Code 5, Actor1Name 6,
 * Actor1CountryCode 7, Actor2Code 15, Actor2Name 16, Actor2CountryCode 17,
 * IsRootEvent 25, EventCode 26, QuadClass 29, GoldsteinScale 30,
 * NumMentions 31, NumSources 32, NumArticles 33, AvgTone 34; DATEADDED 59 and
 * SOURCEURL 60 in 2.0, DATEADDED 56 and (58-column rows) SOURCEURL 57 in
 * 1.0.
 */
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define HAVE_AVX2_PATH 1
#endif

#include "io/io_internal.h"

#define MAX_COLS 61

void ent__gdelt_init(ent__gdelt_state *st, int version)
{
	st->version = version;
	st->avx2 = 0;
	ent_event_init(&st->blank);
#ifdef HAVE_AVX2_PATH
	__builtin_cpu_init();
	st->avx2 = __builtin_cpu_supports("avx2") ? 1 : 0;
	if (getenv("ENTENTE_NO_AVX2") != NULL) {
		st->avx2 = 0; /* lets the tests run the SSE2 path too */
	}
#endif
}

int ent__parse_i64(const char *s, size_t len, int64_t *out)
{
	int64_t v = 0;
	size_t i;

	if (len == 0 || len > 18) {
		return -1;
	}
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return -1;
		}
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int ent__parse_double(const char *s, size_t len, double *out)
{
	static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
		1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
	uint64_t mant = 0;
	size_t i = 0, digits = 0, frac = 0;
	int neg = 0, point = 0;
	char tmp[64], *end;

	if (len == 0) {
		return -1;
	}
	if (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-';
		i = 1;
	}
	/* Fast path: up to 15 significant digits with a decimal point; the
	 * quotient of two exact doubles is correctly rounded, as strtod. */
	for (; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			mant = mant * 10 + (uint64_t)(s[i] - '0');
			digits++;
			frac += (size_t)point;
		} else if (s[i] == '.' && !point) {
			point = 1;
		} else {
			break;
		}
	}
	if (i == len && digits > 0 && digits <= 15) {
		double v = (double)mant / pow10[frac];
		*out = neg ? -v : v;
		return 0;
	}
	if (len >= sizeof(tmp)) {
		return -1;
	}
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	*out = strtod(tmp, &end);
	if (end != tmp + len || len == 0 || *out != *out ||
		*out > 1e300 || *out < -1e300) {
		return -1;
	}
	return 0;
}

size_t ent__gdelt_columns(const char *line, size_t len)
{
	size_t n = 1, i;

	for (i = 0; i < len; i++) {
		n += line[i] == '\t';
	}
	return n;
}

/* 1 when a code field holds printable ASCII (and spaces) only. */
static int code_ok(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] < 0x20 || s[i] > 0x7E) {
			return 0;
		}
	}
	return 1;
}

/* Strip the spaces some GDELT 1.0 rows carry around actor codes. */
static void trim(const char **s, size_t *len)
{
	while (*len > 0 && **s == ' ') {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && (*s)[*len - 1] == ' ') {
		(*len)--;
	}
}

/*
 * The actor of one end: the full actor code when it starts with the
 * country code (so reducing it gives that country), else the country code
 * itself (MNCUSA with country USA counts as USA; IGOEUREEC with EUR stays
 * EUR, a regional code the state table does not know). Without a country
 * code, the actor code, whose first three letters are the CAMEO country
 * prefix when it has one.
 */
static void actor(char out[ENT_CODE_SIZE], const char *code, size_t clen,
	const char *cc, size_t cclen)
{
	trim(&code, &clen);
	trim(&cc, &cclen);
	out[0] = '\0';
	if (cclen > 0) {
		if (clen >= cclen && clen < ENT_CODE_SIZE &&
			memcmp(code, cc, cclen) == 0) {
			memcpy(out, code, clen);
			out[clen] = '\0';
		} else if (cclen < ENT_CODE_SIZE) {
			memcpy(out, cc, cclen);
			out[cclen] = '\0';
		}
	} else if (clen > 0) {
		if (clen >= ENT_CODE_SIZE) {
			clen = 3;
		}
		memcpy(out, code, clen);
		out[clen] = '\0';
	}
}

/* 1 when the 8 bytes at s are ASCII digits: each byte is 0x30-0x3F, and
 * stays so with 6 added (no byte can carry into the next). */
static int eight_digits(const char *s)
{
	const uint64_t hi = 0xF0F0F0F0F0F0F0F0u, d0 = 0x3030303030303030u;
	uint64_t w;

	memcpy(&w, s, 8);
	return (w & hi) == d0 && ((w + 0x0606060606060606u) & hi) == d0;
}

#define TWO(s) (((s)[0] - '0') * 10 + ((s)[1] - '0'))

/*
 * ent_date_parse for GDELT's compact dates, YYYYMMDD (len 8) and
 * YYYYMMDDhhmmss (len 14), two per row: the common case is decided here,
 * a day up to the 28th being valid in every month and year; any other
 * string (days 29-31, errors) goes to ent_date_parse, so exactly the same
 * dates pass, with the same values.
 */
static ent_status compact_date(ent_date *out, const char *s, size_t len)
{
	int y, m, d;

	if ((len == 8 || len == 14) && eight_digits(s) &&
		(len == 8 || eight_digits(s + 6))) {
		y = TWO(s) * 100 + TWO(s + 2);
		m = TWO(s + 4);
		d = TWO(s + 6);
		if (y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= 28 &&
			(len == 8 || (TWO(s + 8) <= 23 && TWO(s + 10) <= 59 &&
				TWO(s + 12) <= 60))) {
			*out = y * 10000 + m * 100 + d;
			return ENT_OK;
		}
	}
	return ent_date_parse(out, s, len);
}

/* Bits set in a 16-bit mask (SWAR: no POPCNT in baseline x86-64). */
static unsigned int popcount16(unsigned int m)
{
	m = m - ((m >> 1) & 0x5555u);
	m = (m & 0x3333u) + ((m >> 2) & 0x3333u);
	m = (m + (m >> 4)) & 0x0F0Fu;
	return (m + (m >> 8)) & 0x1Fu;
}

/* Fields read from the front of a row (up to AvgTone, 34). */
#define HEAD_COLS 35

/* Offset of the last tab in line[0..end), which has one: SSE2 looks at
 * 16 bytes at a time from the end (the URL is the longest field). */
static size_t last_tab(const char *line, size_t end)
{
#if defined(__SSE2__)
	const __m128i tab = _mm_set1_epi8('\t');

	while (end >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)
			(line + end - 16));
		int m = _mm_movemask_epi8(_mm_cmpeq_epi8(v, tab));
		if (m != 0) {
			return end - 16 + (size_t)(31 - __builtin_clz(
				(unsigned int)m));
		}
		end -= 16;
	}
#endif
	while (line[end - 1] != '\t') {
		end--;
	}
	return end - 1;
}

/*
 * Split a row on tabs and return its number of fields. starts[i] is set
 * for the fields read: the first HEAD_COLS + 1 and the last two (the other
 * entries are left undefined). The tabs of the middle fields (the
 * geography columns) are only counted. SSE2 looks at 16 bytes at a time
 * where available: rows are long and most of their fields are empty.
 */
static size_t split_tabs(const char *line, size_t len, size_t *starts,
	int *plain)
{
	size_t n = 1, i = 0, k;
	unsigned int odd = 0;

	starts[0] = 0;
#if defined(__SSE2__)
	{
		/* Along the way, note any byte that is not printable ASCII
		 * or a tab: rows without one need no text check later. */
		const __m128i tab = _mm_set1_epi8('\t');
		const __m128i space = _mm_set1_epi8(0x20);
		const __m128i del = _mm_set1_epi8(0x7F);
		__m128i bad = _mm_setzero_si128();
		for (; i + 16 <= len; i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)
				(line + i));
			__m128i t = _mm_cmpeq_epi8(v, tab);
			unsigned int m = (unsigned int)_mm_movemask_epi8(t);
			/* signed: bytes from 0x80 are below 0x20 too */
			bad = _mm_or_si128(bad, _mm_andnot_si128(t,
				_mm_or_si128(_mm_cmplt_epi8(v, space),
					_mm_cmpeq_epi8(v, del))));
			if (n > HEAD_COLS) {
				n += popcount16(m);
				continue;
			}
			while (m != 0) {
				if (n <= MAX_COLS) {
					starts[n] = i + (size_t)__builtin_ctz(m) + 1;
				}
				n++;
				m &= m - 1;
			}
		}
		odd = (unsigned int)_mm_movemask_epi8(bad);
	}
#endif
	for (; i < len; i++) {
		unsigned char c = (unsigned char)line[i];
		if (c == '\t') {
			if (n <= MAX_COLS) {
				starts[n] = i + 1;
			}
			n++;
		} else if (c < 0x20 || c >= 0x7F) {
			odd = 1;
		}
	}
	*plain = odd == 0;
	/* the last two fields, found from the end of the row */
	if (n > HEAD_COLS + 1 && n <= MAX_COLS) {
		size_t end = len;
		for (k = n - 1; k >= n - 2; k--) {
			starts[k] = last_tab(line, end) + 1;
			end = starts[k] - 1;
		}
	}
	return n;
}

#ifdef HAVE_AVX2_PATH
/* Bits set in a 32-bit mask. */
static unsigned int popcount32(unsigned int m)
{
	m = m - ((m >> 1) & 0x55555555u);
	m = (m & 0x33333333u) + ((m >> 2) & 0x33333333u);
	m = (m + (m >> 4)) & 0x0F0F0F0Fu;
	return (m * 0x01010101u) >> 24;
}

/*
 * split_tabs with 32-byte blocks, for CPUs with AVX2 (chosen at run time):
 * the same results. The last block overlaps the one before instead of a
 * byte loop over the rest, and the last two tabs are noted on the way
 * (the blocks holding them) instead of a search back from the end.
 */
__attribute__((target("avx2")))
static size_t split_tabs_avx2(const char *line, size_t len, size_t *starts,
	int *plain)
{
	size_t n = 1, i = 0, at, last_at = 0, prev_at = 0;
	unsigned int m, last_m = 0, prev_m = 0, top;
	const __m256i tab = _mm256_set1_epi8('\t');
	const __m256i one = _mm256_set1_epi8(1);
	const __m256i space = _mm256_set1_epi8(0x20);
	__m256i good = _mm256_set1_epi8(-1);

	if (len < 32) {
		return split_tabs(line, len, starts, plain);
	}
	starts[0] = 0;
	do {
		__m256i v, t;
		at = i + 32 <= len ? i : len - 32;
		v = _mm256_loadu_si256((const __m256i *)(const void *)
			(line + at));
		t = _mm256_cmpeq_epi8(v, tab);
		/* bits of a block overlapping the one before are dropped */
		m = (unsigned int)_mm256_movemask_epi8(t) &
			(~0u << (i - at));
		/* printable ASCII plus one is 0x21-0x7F, above 0x20 as a
		 * signed byte; 0x7F and bytes from 0x80 wrap below */
		good = _mm256_and_si256(good, _mm256_or_si256(t,
			_mm256_cmpgt_epi8(_mm256_add_epi8(v, one), space)));
		if (m != 0) {
			prev_at = last_at;
			prev_m = last_m;
			last_at = at;
			last_m = m;
		}
		if (n > HEAD_COLS) {
			n += popcount32(m);
		} else {
			while (m != 0) {
				if (n <= MAX_COLS) {
					starts[n] = at + (size_t)__builtin_ctz(m)
						+ 1;
				}
				n++;
				m &= m - 1;
			}
		}
		i = at + 32;
	} while (i < len);
	*plain = _mm256_movemask_epi8(good) == -1;
	/* Leave the upper halves clean: GCC does not always do it on every
	 * return, and dirty ones slow down every later SSE instruction of
	 * this thread (igraph's spinglass ran 70% slower after a read). */
	_mm256_zeroupper();
	if (n > HEAD_COLS + 1 && n <= MAX_COLS) {
		/* the last two fields start after the last two tabs */
		top = 31u - (unsigned int)__builtin_clz(last_m);
		starts[n - 1] = last_at + top + 1;
		last_m &= ~(1u << top);
		if (last_m == 0) {
			last_at = prev_at;
			last_m = prev_m;
		}
		starts[n - 2] = last_at + (31u - (unsigned int)
			__builtin_clz(last_m)) + 1;
	}
	return n;
}
#endif

/* Keep field i of a row as a string of the event: the line is read-only,
 * so it is noted as a span and NUL-terminated by the pipeline, and only
 * when the dataset keeps events (see ent__record). */
#define KEEP(k, i) do { \
	rec->text[k].s = F(i); \
	rec->text[k].len = L(i); \
} while (0)

/* 1-based byte column where field k (0-based) starts, for errors about
 * extra fields (the splitter does not record the middle ones). */
static long field_column(const char *line, size_t len, size_t k)
{
	size_t i;

	for (i = 0; i < len && k > 0; i++) {
		k -= line[i] == '\t';
	}
	return (long)i + 1;
}

#define F(i) (line + starts[i])
#define L(i) ((i) + 1 < n ? starts[(i) + 1] - 1 - starts[i] : len - starts[i])
#define COL(i) ((long)starts[i] + 1)

void ent__gdelt_row(const void *state, const char *line, size_t len,
	ent__record *rec)
{
	const ent__gdelt_state *gs = state;
	size_t starts[MAX_COLS + 1];
	size_t n, i;
	size_t c_added = 0, c_url = 0;
	int plain;
	ent_event *ev = &rec->u.ev;
	const ent_cameo *cameo;
	int64_t v;

#ifdef HAVE_AVX2_PATH
	if (gs->avx2) {
		n = split_tabs_avx2(line, len, starts, &plain);
	} else
#endif
	{
		n = split_tabs(line, len, starts, &plain);
	}
	if (gs->version == 2 && n != 61) {
		ent__row_broken(rec, n > 61 ? field_column(line, len, 61) : 1,
			"%zu columns, a GDELT 2.0 row has 61", n);
		return;
	}
	if (gs->version != 2 && n != 57 && n != 58) {
		ent__row_broken(rec, n > 58 ? field_column(line, len, 58) : 1,
			"%zu columns, a GDELT 1.0 row has 57 or 58", n);
		return;
	}
	if (gs->version == 2) {
		c_added = 59;
		c_url = 60;
	} else {
		c_added = 56;
		c_url = n == 58 ? 57 : 0;
	}
	/* a struct copy the compiler inlines: ent_event_init is a call
	 * and a memset per row */
	*ev = gs->blank;
	memset(rec->text, 0, sizeof(rec->text));
	for (i = 0; i < L(0) && F(0)[i] >= '0' && F(0)[i] <= '9'; i++) {
	}
	if (L(0) == 0 || i != L(0) || L(0) > 20) {
		ent__row_broken(rec, COL(0), "GLOBALEVENTID \"%.*s\" is not a "
			"number", (int)(L(0) < 20 ? L(0) : 20), F(0));
		return;
	}
	KEEP(ENT__TEXT_ID, 0);
	if (L(1) != 8 || compact_date(&ev->date, F(1), 8) != ENT_OK) {
		ent__row_broken(rec, COL(1), "SQLDATE \"%.*s\" is not a date "
			"YYYYMMDD", (int)(L(1) < 20 ? L(1) : 20), F(1));
		return;
	}
	{
		static const size_t code_cols[] = {5, 7, 15, 17};
		static const char *const code_names[] = {"Actor1Code",
			"Actor1CountryCode", "Actor2Code", "Actor2CountryCode"};
		for (i = 0; i < 4; i++) {
			size_t c = code_cols[i];
			if (!plain && !code_ok(F(c), L(c))) {
				ent__row_broken(rec, COL(c), "%s has a character "
					"that is not printable ASCII",
					code_names[i]);
				return;
			}
		}
	}
	actor(ev->source, F(5), L(5), F(7), L(7));
	actor(ev->target, F(15), L(15), F(17), L(17));
	/* names and the URL are kept only when they are clean text */
	if (L(6) > 0 && (plain || ent__text_ok(F(6), L(6)))) {
		KEEP(ENT__TEXT_SOURCE, 6);
	}
	if (L(16) > 0 && (plain || ent__text_ok(F(16), L(16)))) {
		KEEP(ENT__TEXT_TARGET, 16);
	}
	if (L(25) == 1 && (F(25)[0] == '0' || F(25)[0] == '1')) {
		ev->root_event = F(25)[0] - '0';
	} else if (L(25) != 0) {
		ent__row_broken(rec, COL(25), "IsRootEvent \"%.*s\" is not 0 "
			"or 1", (int)(L(25) < 20 ? L(25) : 20), F(25));
		return;
	}
	/* the code is copied first: the lookup takes a string */
	if (L(26) >= 2 && L(26) <= 4) {
		memcpy(ev->code, F(26), L(26));
		ev->code[L(26)] = '\0';
	}
	if (L(26) < 2 || L(26) > 4 || (cameo = ent_cameo_lookup(ev->code)) ==
		NULL) {
		ent__row_broken(rec, COL(26), "EventCode \"%.*s\" is not in the "
			"CAMEO codebook", (int)(L(26) < 20 ? L(26) : 20), F(26));
		return;
	}
	ev->quad = cameo->quad;
	ev->goldstein = cameo->goldstein;
	if (L(29) == 1 && F(29)[0] >= '1' && F(29)[0] <= '4') {
		ev->quad = F(29)[0] - '0';
	} else if (L(29) != 0) {
		ent__row_broken(rec, COL(29), "QuadClass \"%.*s\" is not 1, 2, "
			"3 or 4", (int)(L(29) < 20 ? L(29) : 20), F(29));
		return;
	}
	if (L(30) != 0 && (ent__parse_double(F(30), L(30), &ev->goldstein) <
		0 || ev->goldstein < -10 || ev->goldstein > 10)) {
		ent__row_broken(rec, COL(30), "GoldsteinScale \"%.*s\" is not a "
			"number from -10 to 10", (int)(L(30) < 20 ? L(30) : 20),
			F(30));
		return;
	}
	for (i = 31; i <= 33; i++) {
		static const char *const names[] = {"NumMentions",
			"NumSources", "NumArticles"};
		v = 0;
		if (L(i) != 0 && ent__parse_i64(F(i), L(i), &v) < 0) {
			ent__row_broken(rec, COL(i), "%s \"%.*s\" is not a "
				"whole number", names[i - 31],
				(int)(L(i) < 20 ? L(i) : 20), F(i));
			return;
		}
		if (i == 31) {
			ev->mentions = v;
		} else if (i == 32) {
			ev->sources = v;
		} else {
			ev->articles = v;
		}
	}
	if (L(34) != 0 && (ent__parse_double(F(34), L(34), &ev->tone) < 0 ||
		!(ev->tone >= -100 && ev->tone <= 100))) {
		ent__row_broken(rec, COL(34), "AvgTone \"%.*s\" is not a number "
			"from -100 to 100", (int)(L(34) < 20 ? L(34) : 20), F(34));
		return;
	}
	if (L(c_added) != 0) {
		size_t want = gs->version == 2 ? 14 : 8;
		if (L(c_added) != want || compact_date(&ev->date_added,
			F(c_added), want) != ENT_OK) {
			ent__row_broken(rec, COL(c_added), "DATEADDED \"%.*s\" is "
				"not a date %s", (int)(L(c_added) < 20 ?
				L(c_added) : 20), F(c_added),
				gs->version == 2 ? "YYYYMMDDhhmmss" : "YYYYMMDD");
			return;
		}
	}
	if (c_url != 0 && L(c_url) != 0 &&
		(plain || ent__text_ok(F(c_url), L(c_url)))) {
		KEEP(ENT__TEXT_DOC, c_url);
	}
	rec->kind = ENT__ROW_EVENT;
}
