/* SPDX-License-Identifier: MIT */
/*
 * GDELT 2.0 and 1.0 readers: fields of each event, actors from the country
 * codes with the actor-code fallback, broken rows (skipped, reported with
 * line and column, or an error with strict), and the real files in
 * ../shared/data when they are there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <entente/entente.h>

#include "tap.h"
#include "helpers.h"

#define FIXTURES ENT_SOURCE_ROOT "/tests/data/gdelt/"

/* Read one input (events kept) with the format, level and strictness
 * given, through the shared ::load1. */
static ent_status read_one(ent_dataset **out, const char *path,
	ent_format format, ent_level level, int strict, skips *sk,
	ent_error *err)
{
	ent_dataset_options dopts = ENT_DATASET_OPTIONS_INIT;
	ent_read_options ropts = ENT_READ_OPTIONS_INIT;

	dopts.level = level;
	dopts.keep_events = 1;
	ropts.format = format;
	ropts.strict = strict;
	return load1(out, path, &dopts, &ropts, sk, err);
}

static const ent_dyad *find_dyad(const ent_dataset *ds, const char *s,
	const char *t, ent_dyad *buf)
{
	const ent_dyads *d = ent_dataset_dyads(ds);
	size_t i;

	for (i = 0; i < ent_dyads_count(d); i++) {
		if (ent_dyads_get(buf, d, i) == ENT_OK &&
			strcmp(buf->source, s) == 0 && strcmp(buf->target, t) == 0) {
			return buf;
		}
	}
	return NULL;
}

static const ent_event *find_event(const ent_dataset *ds, const char *id)
{
	const ent_events *evs = ent_dataset_events(ds);
	size_t i;

	for (i = 0; i < ent_events_count(evs); i++) {
		const ent_event *ev = ent_events_get(evs, i);
		if (ev->id && strcmp(ev->id, id) == 0) {
			return ev;
		}
	}
	return NULL;
}

static void test_v2_fixture(void)
{
	ent_dataset *ds = NULL;
	ent_error err = {0};
	skips sk = {0};
	const ent_dataset_stats *st;
	const ent_event *ev;
	ent_dyad d;
	ent_status rc;

	rc = read_one(&ds, FIXTURES "small.export.CSV", ENT_FORMAT_AUTO,
		ENT_LEVEL_STATE, 0, &sk, &err);
	ok(rc == ENT_OK, "2.0 fixture reads (%s)", err.message);
	if (rc != ENT_OK) {
		return;
	}
	is_str(ent_dataset_input_format(ds, 0), "gdelt2", "detected as gdelt2");
	st = ent_dataset_stats_get(ds);
	/* 10 rows: 2 broken, 8 events; 1004 (GOV, no country) and 1005 (EUR,
	 * a regional code) have a non-state end */
	is_num(st->records, 8, 0, "8 events offered");
	is_num(st->skipped_rows, 2, 0, "2 broken rows counted");
	is_num(st->non_state, 2, 0, "2 events with a non-state end");
	is_num(st->kept, 6, 0, "6 events kept");
	ok(sk.n == 2, "on_skip called twice");
	is_num(sk.line[0], 8, 0, "first broken row is line 8");
	is_num(sk.column[0], 84, 0, "at the EventCode column (byte 84)");
	ok(strstr(sk.message[0], "EventCode") && strstr(sk.message[0], "999"),
		"message names the column and value: %s", sk.message[0]);
	is_num(sk.line[1], 9, 0, "second broken row is line 9");
	ok(strstr(sk.message[1], "60 columns") != NULL, "too few columns: %s",
		sk.message[1]);

	/* RUS -> UKR: rows 1001 (190, -10, 2022-02-24) and 1007 (193, -10,
	 * 2022-03-01) */
	ok(find_dyad(ds, "RUS", "UKR", &d) != NULL, "RUS->UKR dyad");
	is_num(d.events, 2, 0, "RUS->UKR events");
	is_num(d.conflict_events, 2, 0, "RUS->UKR conflict events");
	is_num(d.goldstein_sum, -20, 1e-9, "RUS->UKR goldstein_sum");
	is_num(d.conflict, 20, 1e-9, "RUS->UKR conflict");
	is_num(d.first, 20220224, 0, "RUS->UKR first");
	is_num(d.last, 20220301, 0, "RUS->UKR last");
	/* MNCUSA with country code USA counts for USA */
	ok(find_dyad(ds, "USA", "CHN", &d) != NULL, "MNCUSA (country USA) -> CHN");
	is_num(d.goldstein_sum, 1.9, 1e-9, "USA->CHN goldstein 1.9");
	/* no country codes: the actor codes' prefixes ROUGOV, MDAGOV */
	ok(find_dyad(ds, "ROU", "MDA", &d) != NULL, "fallback to actor codes");
	ok(find_dyad(ds, "USA", "POL", &d) != NULL && d.events == 2 &&
		d.cooperation == 16 && d.first == 20220105 && d.last == 20220520,
		"USA->POL: 2 events, cooperation 16, 2022-01-05 to 2022-05-20");
	is_num(ent_dyads_count(ent_dataset_dyads(ds)), 4, 0, "4 dyads");

	ev = find_event(ds, "1001");
	ok(ev != NULL, "event 1001 kept");
	if (ev != NULL) {
		is_str(ev->source, "RUSMIL", "source is the full actor code");
		is_str(ev->target, "UKR", "target");
		is_str(ev->code, "190", "EventCode");
		is_num(ev->goldstein, -10, 0, "GoldsteinScale");
		is_num(ev->quad, 4, 0, "QuadClass");
		is_num(ev->root_event, 1, 0, "IsRootEvent");
		is_num(ev->mentions, 10, 0, "NumMentions");
		is_num(ev->sources, 2, 0, "NumSources");
		is_num(ev->articles, 10, 0, "NumArticles");
		is_num(ev->date, 20220224, 0, "SQLDATE");
		is_num(ev->date_added, 20220224, 0, "DATEADDED (day)");
		is_str(ev->doc, "https://example.org/news/1", "SOURCEURL");
		is_str(ev->source_text, "RUSSIA", "Actor1Name");
	}
	ev = find_event(ds, "1003");
	ok(ev != NULL && strcmp(ev->source, "USA") == 0,
		"MNCUSA becomes its country code USA");
	ent_dataset_destroy(ds);

	/* actor level keeps the codes */
	memset(&sk, 0, sizeof(sk));
	rc = read_one(&ds, FIXTURES "small.export.CSV", ENT_FORMAT_GDELT2,
		ENT_LEVEL_ACTOR, 0, &sk, &err);
	ok(rc == ENT_OK && find_dyad(ds, "RUSMIL", "UKR", &d) != NULL &&
		find_dyad(ds, "IGOEUREEC", "RUS", &d) == NULL &&
		find_dyad(ds, "EUR", "RUS", &d) != NULL,
		"actor level: RUSMIL->UKR; the EU event as EUR->RUS");
	ent_dataset_destroy(ds);

	/* strict: the first broken row is the error */
	memset(&sk, 0, sizeof(sk));
	rc = read_one(&ds, FIXTURES "small.export.CSV", ENT_FORMAT_AUTO,
		ENT_LEVEL_STATE, 1, &sk, &err);
	ok(rc == ENT_EPARSE && ds == NULL, "strict: broken row is an error");
	is_num(err.line, 8, 0, "strict error line");
	is_num(err.column, 84, 0, "strict error column");
	ok(err.source && strstr(err.source, "small.export.CSV"),
		"strict error names the file");
	ok(sk.n == 0, "strict: nothing reported as skipped");

	/* a 1.0 file forced as 2.0: every row is broken, none crashes */
	memset(&sk, 0, sizeof(sk));
	rc = read_one(&ds, FIXTURES "mixed.v1.tsv", ENT_FORMAT_GDELT2,
		ENT_LEVEL_STATE, 0, &sk, &err);
	ok(rc == ENT_OK && sk.n == 5 && ent_dataset_stats_get(ds)->records == 0,
		"1.0 rows read as 2.0: 5 broken rows, no events");
	ent_dataset_destroy(ds);
}

static void test_v1_fixture(void)
{
	ent_dataset *ds = NULL;
	ent_error err = {0};
	skips sk = {0};
	const ent_event *ev;
	ent_dyad d;
	ent_status rc;

	rc = read_one(&ds, FIXTURES "mixed.v1.tsv", ENT_FORMAT_AUTO,
		ENT_LEVEL_STATE, 0, &sk, &err);
	ok(rc == ENT_OK, "1.0 fixture reads (%s)", err.message);
	if (rc != ENT_OK) {
		return;
	}
	is_str(ent_dataset_input_format(ds, 0), "gdelt1", "detected as gdelt1");
	is_num(ent_dataset_stats_get(ds)->records, 4, 0, "57- and 58-column rows");
	ok(sk.n == 1 && sk.line[0] == 5 && strstr(sk.message[0], "DATEADDED"),
		"bad DATEADDED on line 5 skipped");
	/* " DEU" has a leading space (a real 1.0 trap) */
	ok(find_dyad(ds, "FRA", "DEU", &d) != NULL && d.goldstein_sum == 3.4,
		"leading space in Actor2Code trimmed");
	ev = find_event(ds, "0");
	ok(ev != NULL && ev->date == 19790101 && ev->date_added == 20130203 &&
		ev->doc == NULL, "57-column row: DATEADDED, no SOURCEURL");
	ev = find_event(ds, "253461012");
	ok(ev != NULL && ev->date_added == 20130401 &&
		ev->doc && strcmp(ev->doc, "http://example.org/a") == 0,
		"58-column row: DATEADDED and SOURCEURL");
	ent_dataset_destroy(ds);
}

/* Bytes that are not text: a code is a broken row (its message stays valid
 * UTF-8), a name or URL is dropped, the row kept. */
static void test_not_text(void)
{
	char path[] = "/tmp/entente-gdelt-XXXXXX";
	char *row = NULL, *p;
	size_t len = 0;
	ent_dataset *ds = NULL;
	ent_error err = {0};
	skips sk = {0};
	const ent_event *ev;
	FILE *fp;
	int fd, k;

	if (ent_read_file(&row, &len, FIXTURES "small.export.CSV", 0, NULL) !=
		ENT_OK || (fd = mkstemp(path)) < 0) {
		ok(0, "fixture and temporary file");
		free(row);
		return;
	}
	row[strcspn(row, "\n")] = '\0'; /* row 1001: RUSMIL -> UKR */
	fp = fdopen(fd, "wb");
	/* 1: Actor1Code RUS\xC3 (a cut UTF-8 sequence) */
	p = strstr(row, "RUSMIL");
	fwrite(row, 1, (size_t)(p - row), fp);
	fputs("RUS\xC3", fp);
	fputs(p + 6, fp);
	fputc('\n', fp);
	/* 2: EventCode 19\xFF */
	p = strstr(row, "\t190\t");
	fwrite(row, 1, (size_t)(p - row), fp);
	fputs("\t19\xFF\t", fp);
	fputs(p + 5, fp);
	fputc('\n', fp);
	/* 3: Actor1Name with an invalid byte, SOURCEURL with a control one */
	p = strstr(row, "RUSSIA");
	fwrite(row, 1, (size_t)(p - row), fp);
	fputs("RUS\xFFSIA", fp);
	for (k = 0, p += 6; *p; p++) {
		if (*p == '/' && ++k == 3) {
			fputc('\x01', fp);
		}
		fputc(*p, fp);
	}
	fputc('\n', fp);
	/* 4: a name in UTF-8 beyond ASCII is kept */
	p = strstr(row, "RUSSIA");
	fwrite(row, 1, (size_t)(p - row), fp);
	fputs("C\xC3\x94TE D\xE2\x80\x99IVOIRE", fp);
	fputs(p + 6, fp);
	fputc('\n', fp);
	fclose(fp);
	if (read_one(&ds, path, ENT_FORMAT_GDELT2, ENT_LEVEL_ACTOR, 0, &sk,
		&err) != ENT_OK) {
		ok(0, "read (%s)", err.message);
		goto done;
	}
	ok(sk.n == 2 && sk.line[0] == 1 && strstr(sk.message[0], "Actor1Code"),
		"a code that is not text is a broken row: %s", sk.message[0]);
	ok(sk.line[1] == 2 && strstr(sk.message[1], "\"19?\"") != NULL,
		"the quoted bad byte becomes '?': %s", sk.message[1]);
	ev = ent_events_get(ent_dataset_events(ds), 0);
	ok(ev && ev->source_text == NULL && ev->doc == NULL &&
		strcmp(ev->source, "RUSMIL") == 0,
		"a name or URL that is not text is dropped, the event kept");
	ev = ent_events_get(ent_dataset_events(ds), 1);
	ok(ev && ev->source_text &&
		strcmp(ev->source_text, "C\xC3\x94TE D\xE2\x80\x99IVOIRE") == 0,
		"a UTF-8 name is kept");
done:
	ent_dataset_destroy(ds);
	free(row);
	remove(path);
}

/* Calendar edges of SQLDATE and DATEADDED: the common dates are decided
 * by the row reader itself, every other one by ent_date_parse; both must
 * agree with the calendar. */
static void test_dates(void)
{
	static const struct {
		const char *date, *added;
		ent_date want, want_added; /* 0: the row is broken */
	} cases[] = {
		{"20220224", "20220224101500", 20220224, 20220224},
		{"20200229", "20200229000000", 20200229, 20200229},
		{"20000229", "20221231235960", 20000229, 20221231},
		{"00010101", "00010131000000", 10101, 10131},
		{"20220430", "20220531120000", 20220430, 20220531},
		{"20190229", "20220224101500", 0, 0},
		{"19000229", "20220224101500", 0, 0},
		{"20220431", "20220224101500", 0, 0},
		{"20220132", "20220224101500", 0, 0},
		{"20221301", "20220224101500", 0, 0},
		{"20220001", "20220224101500", 0, 0},
		{"20220100", "20220224101500", 0, 0},
		{"00000101", "20220224101500", 0, 0},
		{"2022022a", "20220224101500", 0, 0},
		{"2022-2-4", "20220224101500", 0, 0},
		{"20220224", "20220224240000", 20220224, 0},
		{"20220224", "20220224236000", 20220224, 0},
		{"20220224", "20220224235961", 20220224, 0},
		{"20220224", "20190229101500", 20220224, 0},
		{"20220224", "2022022410150a", 20220224, 0},
		{"20220224", "20220224", 20220224, 0},
	};
	char path[] = "/tmp/entente-gdelt-XXXXXX";
	size_t i, n = sizeof(cases) / sizeof(*cases);
	ent_dataset *ds = NULL;
	ent_error err = {0};
	skips sk = {0};
	FILE *fp;
	int fd, k, good = 1;

	if ((fd = mkstemp(path)) < 0) {
		ok(0, "temporary file");
		return;
	}
	/* RUSMIL -> UKRGOV, 190, every other field empty */
	fp = fdopen(fd, "wb");
	for (i = 0; i < n; i++) {
		fprintf(fp, "%zu\t%s", 100 + i, cases[i].date);
		for (k = 2; k < 61; k++) {
			fprintf(fp, "\t%s", k == 59 ? cases[i].added : "");
			if (k == 5 || k == 7 || k == 15 || k == 17 || k == 26) {
				fputs(k == 5 ? "RUSMIL" : k == 7 ? "RUS" : k == 15
					? "UKRGOV" : k == 17 ? "UKR" : "190", fp);
			}
		}
		fputc('\n', fp);
	}
	fclose(fp);
	if (read_one(&ds, path, ENT_FORMAT_GDELT2, ENT_LEVEL_ACTOR, 0, &sk,
		&err) != ENT_OK) {
		ok(0, "read (%s)", err.message);
		goto done;
	}
	for (i = 0; i < n; i++) {
		char id[16];
		const ent_event *ev;
		int broken = cases[i].want == 0 || cases[i].want_added == 0;
		snprintf(id, sizeof(id), "%zu", 100 + i);
		ev = find_event(ds, id);
		if (broken ? ev != NULL : ev == NULL || ev->date !=
			cases[i].want || ev->date_added != cases[i].want_added) {
			ok(0, "SQLDATE %s, DATEADDED %s: %s", cases[i].date,
				cases[i].added, broken ? "must be broken" :
				"wrong dates");
			good = 0;
		}
	}
	ok(good, "%zu pairs of dates: valid ones read, invalid ones broken", n);
done:
	ent_dataset_destroy(ds);
	remove(path);
}

static void skip_to_file(const ent_error *e, void *payload)
{
	fprintf(payload, "%ld:%ld: %s\n", e->line, e->column, e->message);
}

/* Everything a read gives, as text: events JSON, every skip report. */
static char *read_as_text(const char *path, int version, long *events)
{
	ent_dataset_options dopts = ENT_DATASET_OPTIONS_INIT;
	ent_read_options ropts = ENT_READ_OPTIONS_INIT;
	ent_dataset *ds = NULL;
	ent_error err = {0};
	char *json = NULL, *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);

	dopts.level = ENT_LEVEL_ACTOR;
	dopts.keep_events = 1;
	ropts.format = version == 2 ? ENT_FORMAT_GDELT2 : ENT_FORMAT_GDELT1;
	ropts.on_skip = skip_to_file;
	ropts.skip_payload = fp;
	if (fp == NULL || ent_dataset_create(&ds, &dopts, NULL) != ENT_OK ||
		ent_read_into(ds, path, &ropts, &err) != ENT_OK ||
		ent_events_to_json(&json, ent_dataset_events(ds), &err) !=
		ENT_OK) {
		ent_dataset_destroy(ds);
		if (fp != NULL) {
			fclose(fp);
		}
		free(out);
		return NULL;
	}
	fprintf(fp, "%s\n", json);
	fclose(fp);
	*events = (long)ent_events_count(ent_dataset_events(ds));
	ent_dataset_destroy(ds);
	free(json);
	return out;
}

/*
 * The AVX2 row splitter and the SSE2 one (ENTENTE_NO_AVX2) give the same
 * events and skip reports on random rows: 50 to 70 columns of random
 * length, tabs across every block boundary, bytes that are not text at
 * random places (a name or URL dropped, a code broken), rows shorter than
 * a block. Without AVX2, both runs take the SSE2 path.
 */
static void test_splitters(void)
{
	static const char *const codes[] = {"190", "057", "0233", "14",
		"999", "RUS", "UKRGOV", ""};
	static const char *const odd[] = {"\x01", "\x7F", "\xC3\xA9",
		"\xFF", "\r", " "};
	char path[] = "/tmp/entente-gdelt-XXXXXX";
	unsigned int seed = 12345;
	char *a, *b;
	long na = 0, nb = 0;
	FILE *fp;
	int fd, row, k, version;

	if ((fd = mkstemp(path)) < 0) {
		ok(0, "temporary file");
		return;
	}
	fp = fdopen(fd, "wb");
	for (row = 0; row < 4000; row++) {
		int cols = rand_r(&seed) % 4 ? (rand_r(&seed) % 2 ? 61 : 57 +
			rand_r(&seed) % 2) : 50 + rand_r(&seed) % 21;
		/* one byte that is not text in one field of one row in 4 */
		int odd_field = rand_r(&seed) % 4 ? -1 : rand_r(&seed) % 3 ?
			(rand_r(&seed) % 2 ? 6 : 16) : cols - 1;
		if (rand_r(&seed) % 50 == 0) {
			fprintf(fp, "%d\t%d\n", row, rand_r(&seed) % 1000);
			continue;
		}
		for (k = 0; k < cols; k++) {
			int r = rand_r(&seed) % 100, len, j;
			if (k > 0) {
				fputc('\t', fp);
			}
			if (k == 0) {
				fprintf(fp, "%d", row);
			} else if (k == 1 || (k == cols - 2 && r < 90)) {
				fputs(r < 95 ? "20220224" : "2022022x", fp);
				if (k > 1 && cols == 61) {
					fputs("101500", fp);
				}
			} else if (k == 5 || k == 7 || k == 15 || k == 17 ||
				k == 26) {
				fputs(codes[r % 8], fp);
				if (r >= 97) {
					fputs(odd[r % 6], fp);
				}
			} else if (k >= 25 && k <= 34 && r < 97) {
				/* AvgTone (34) is a number too */
				fputs(k == 26 ? "190" : k == 30 ? "-2.5" :
					k == 34 ? "-3.75" : "1", fp);
			} else {
				int at = -1;
				len = r < 40 && k != 6 && k != 16 &&
					k != odd_field ? 0 :
					1 + rand_r(&seed) % (k == cols - 1 ? 140 :
					/* a long second-to-last field puts the
					 * last two tabs blocks apart */
					k == cols - 2 ? 80 : 24);
				if (k == odd_field) {
					at = rand_r(&seed) % len;
				}
				for (j = 0; j < len; j++) {
					int c = rand_r(&seed) % 200;
					if (c == 0 || j == at) {
						fputs(odd[rand_r(&seed) % 6], fp);
					} else {
						fputc('a' + c % 26, fp);
					}
				}
			}
		}
		fputc('\n', fp);
	}
	fclose(fp);
	for (version = 1; version <= 2; version++) {
		unsetenv("ENTENTE_NO_AVX2");
		a = read_as_text(path, version, &na);
		setenv("ENTENTE_NO_AVX2", "1", 1);
		b = read_as_text(path, version, &nb);
		unsetenv("ENTENTE_NO_AVX2");
		ok(a && b && strcmp(a, b) == 0 && na == nb, "GDELT %d.0: the "
			"AVX2 and SSE2 splitters agree on 4000 random rows (%ld "
			"events kept, %zu bytes of events and skips)", version,
			na, a ? strlen(a) : 0);
		ok(na > 200 && a && strstr(a, "columns") && strstr(a,
			"printable") && strstr(a, "source_text"), "some rows are "
			"events with names, some are broken");
		free(a);
		free(b);
	}
	remove(path);
}

static const char *data_dir(void)
{
	static char buf[4096];
	const char *env = getenv("ENTENTE_DATA");

	if (env && *env) {
		return env;
	}
	snprintf(buf, sizeof(buf), "%s/../shared/data", ENT_SOURCE_ROOT);
	return buf;
}

static void test_real(void)
{
	char path[4200];
	ent_dataset *ds = NULL;
	ent_error err = {0};
	skips sk = {0};
	const ent_dataset_stats *st;
	FILE *fp;
	ent_status rc;

	snprintf(path, sizeof(path), "%s/gdelt/20191024143000.export.CSV",
		data_dir());
	fp = fopen(path, "rb");
	if (fp == NULL) {
		printf("ok %d # SKIP real GDELT files: %s not found (set "
			"ENTENTE_DATA to the shared data folder)\n", ++tap_n, path);
		return;
	}
	fclose(fp);
	rc = read_one(&ds, path, ENT_FORMAT_AUTO, ENT_LEVEL_STATE, 1, &sk, &err);
	ok(rc == ENT_OK, "real 2.0 export reads strictly (%s)", err.message);
	if (rc == ENT_OK) {
		st = ent_dataset_stats_get(ds);
		is_num(st->records, 2111, 0, "all 2,111 rows are events");
		/* 469 rows name two different country codes; 47 of them
		 * involve AFR, EUR or SAF, which are not states */
		is_num(st->kept, 422, 0, "422 events between two states");
		is_num(ent_dyads_count(ent_dataset_dyads(ds)), 160, 0,
			"160 directed dyads");
	}
	ent_dataset_destroy(ds);

	snprintf(path, sizeof(path), "%s/gdelt/gdelt1_mixed_57_58.tsv",
		data_dir());
	rc = read_one(&ds, path, ENT_FORMAT_AUTO, ENT_LEVEL_STATE, 1, &sk, &err);
	ok(rc == ENT_OK, "mixed 1.0 file reads strictly (%s)", err.message);
	if (rc == ENT_OK) {
		is_str(ent_dataset_input_format(ds, 0), "gdelt1", "as gdelt1");
		is_num(ent_dataset_stats_get(ds)->records, 100, 0,
			"all 100 rows read");
		is_num(ent_events_count(ent_dataset_events(ds)),
			ent_dataset_stats_get(ds)->kept, 0, "kept events stored");
	}
	ent_dataset_destroy(ds);
}

int main(void)
{
	test_v2_fixture();
	test_v1_fixture();
	test_not_text();
	test_dates();
	test_splitters();
	test_real();
	return done_testing();
}
