/* SPDX-License-Identifier: MIT */
/*
 * Streaming input: compressed inputs (gzip, bzip2, xz, zip) read through
 * libarchive give the same table as the plain file; a multi-chunk input
 * parsed by worker threads gives exact counts and the right line numbers
 * for broken rows far into the file; overlong lines, CRLF, a missing final
 * newline, empty inputs; the progress callback.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>

#include <entente/entente.h>

#include "tap.h"

#define FIXTURE ENT_SOURCE_ROOT "/tests/data/gdelt/small.export.CSV"

static char tmpdir[] = "/tmp/entente-stream-XXXXXX";

static const char *tmp_path(const char *name)
{
	static char buf[16][256];
	static int k;
	char *p = buf[k++ % 16];

	snprintf(p, 256, "%s/%s", tmpdir, name);
	return p;
}

typedef struct skips {
	long n;
	long line[8];
	char message[8][ENT_ERROR_SIZE];
} skips;

static void on_skip(const ent_error *e, void *payload)
{
	skips *s = payload;

	if (s->n < 8) {
		s->line[s->n] = e->line;
		snprintf(s->message[s->n], ENT_ERROR_SIZE, "%s", e->message);
	}
	s->n++;
}

typedef struct progress {
	int calls;
	uint64_t done, total;
} progress;

static void on_progress(uint64_t done, uint64_t total, void *payload)
{
	progress *p = payload;

	p->calls++;
	p->done = done;
	p->total = total;
}

/* Read one input; the dyad table as CSV text (malloc'd) or NULL. */
static char *table_of(const char *path, ent_format format, int strict,
	skips *sk, progress *pr, ent_dataset_stats *stats, ent_error *err)
{
	ent_dataset_options dopts = ENT_DATASET_OPTIONS_INIT;
	ent_read_options ropts = ENT_READ_OPTIONS_INIT;
	ent_dataset *ds = NULL;
	char *text = NULL;
	size_t len = 0;
	FILE *fp;

	ropts.format = format;
	ropts.strict = strict;
	ropts.on_skip = on_skip;
	ropts.skip_payload = sk;
	ropts.progress = pr ? on_progress : NULL;
	ropts.progress_payload = pr;
	if (ent_dataset_create(&ds, &dopts) != ENT_OK) {
		return NULL;
	}
	if (ent_read_into(ds, path, &ropts, err) == ENT_OK) {
		fp = open_memstream(&text, &len);
		ent_dyads_write_csv(fp, ent_dataset_dyads(ds), NULL);
		fclose(fp);
		if (stats) {
			*stats = *ent_dataset_stats_get(ds);
		}
	}
	ent_dataset_destroy(ds);
	return text;
}

static char *slurp(const char *path, size_t *len)
{
	char *buf = NULL;

	if (ent_read_file(&buf, len, path, 0, NULL) != ENT_OK) {
		return NULL;
	}
	return buf;
}

/* Write `n` bytes as one file through a libarchive filter and format. */
static int write_archive(const char *path, const char *filter,
	const char *format, const char *const *names, const char *data,
	size_t n, int files)
{
	struct archive *a = archive_write_new();
	struct archive_entry *e;
	int i, rc = 0;

	if (strcmp(filter, "gzip") == 0) {
		rc = archive_write_add_filter_gzip(a);
	} else if (strcmp(filter, "bzip2") == 0) {
		rc = archive_write_add_filter_bzip2(a);
	} else if (strcmp(filter, "xz") == 0) {
		rc = archive_write_add_filter_xz(a);
	}
	if (rc != ARCHIVE_OK) {
		archive_write_free(a);
		return -1;
	}
	if ((strcmp(format, "zip") == 0 ? archive_write_set_format_zip(a)
		: archive_write_set_format_raw(a)) != ARCHIVE_OK ||
		archive_write_open_filename(a, path) != ARCHIVE_OK) {
		archive_write_free(a);
		return -1;
	}
	for (i = 0; i < files; i++) {
		e = archive_entry_new();
		archive_entry_set_pathname(e, names[i]);
		archive_entry_set_size(e, (la_int64_t)n);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_write_header(a, e);
		if (archive_write_data(a, data, n) != (la_ssize_t)n) {
			rc = -1;
		}
		archive_entry_free(e);
	}
	archive_write_close(a);
	archive_write_free(a);
	return rc;
}

static void test_compressed(void)
{
	static const struct {
		const char *name, *filter, *format;
	} kinds[] = {
		{"small.export.CSV.gz", "gzip", "raw"},
		{"small.export.CSV.bz2", "bzip2", "raw"},
		{"small.export.CSV.xz", "xz", "raw"},
		{"small.export.CSV.zip", "none", "zip"},
		{"noext", "gzip", "raw"},
	};
	const char *names[] = {"small.export.CSV", "second.CSV"};
	skips sk = {0};
	ent_error err = {0};
	char *plain, *data, *got;
	size_t n, i;

	plain = table_of(FIXTURE, ENT_FORMAT_AUTO, 0, &sk, NULL, NULL, &err);
	data = slurp(FIXTURE, &n);
	ok(plain != NULL && data != NULL, "plain fixture read");
	for (i = 0; i < sizeof(kinds) / sizeof(*kinds); i++) {
		const char *path = tmp_path(kinds[i].name);
		if (write_archive(path, kinds[i].filter, kinds[i].format, names,
			data, n, 1) != 0) {
			printf("ok %d # SKIP libarchive cannot write %s here\n",
				++tap_n, kinds[i].filter);
			continue;
		}
		memset(&sk, 0, sizeof(sk));
		got = table_of(path, ENT_FORMAT_AUTO, 0, &sk, NULL, NULL, &err);
		ok(got && plain && strcmp(got, plain) == 0 && sk.n == 2 &&
			sk.line[0] == 8, "%s (%s): same table, broken rows on "
			"the same lines (%s)", kinds[i].name, kinds[i].filter,
			got ? "" : err.message);
		free(got);
		remove(path);
	}
	/* a zip archive with two files is refused, not half read */
	write_archive(tmp_path("two.zip"), "none", "zip", names, data, n, 2);
	got = table_of(tmp_path("two.zip"), ENT_FORMAT_AUTO, 0, &sk, NULL, NULL,
		&err);
	ok(got == NULL && strstr(err.message, "more than one file") &&
		strstr(err.message, "second.CSV"), "two files in a zip: %s",
		err.message);
	free(got);
	remove(tmp_path("two.zip"));
	/* a truncated gzip stream is an error naming the input */
	write_archive(tmp_path("cut.gz"), "gzip", "raw", names, data, n, 1);
	if (truncate(tmp_path("cut.gz"), 300) == 0) {
		got = table_of(tmp_path("cut.gz"), ENT_FORMAT_AUTO, 0, &sk,
			NULL, NULL, &err);
		ok(got == NULL && err.code == ENT_EIO && err.source &&
			strstr(err.source, "cut.gz"), "truncated gzip: %s",
			err.message);
		free(got);
	}
	remove(tmp_path("cut.gz"));
	free(plain);
	free(data);
}

/*
 * A multi-chunk input: ROWS rows of a real-looking 2.0 layout, every third
 * one USA -> POL (057, +8) and the others RUS -> UKR (190, -10); rows at
 * lines BAD1 and BAD2 carry an unknown EventCode. CRLF endings when `crlf`,
 * and no newline after the last row.
 */
#define ROWS 60000L
#define BAD1 25000L
#define BAD2 59999L

static int write_big(const char *path, int crlf)
{
	FILE *fp = fopen(path, "wb");
	long i;
	int k;

	if (fp == NULL) {
		return -1;
	}
	for (i = 1; i <= ROWS; i++) {
		int usa = i % 3 == 0;
		const char *code = i == BAD1 || i == BAD2 ? "999" :
			usa ? "057" : "190";
		fprintf(fp, "%ld\t2022%02ld%02ld\t202201\t2022\t2022.0\t%s\t"
			"NAME\t%s\t\t\t\t\t\t\t\t%s\tNAME\t%s", 5000000 + i,
			1 + i % 12, 1 + i % 28, usa ? "USAGOV" : "RUSMIL",
			usa ? "USA" : "RUS", usa ? "POLGOV" : "UKR",
			usa ? "POL" : "UKR");
		for (k = 18; k <= 24; k++) {
			fputc('\t', fp);
		}
		fprintf(fp, "\t1\t%s\t%.3s\t%.2s\t%d\t%s\t3\t1\t3\t-1.5", code,
			code, code, usa ? 1 : 4, usa ? "8.0" : "-10.0");
		for (k = 35; k <= 58; k++) {
			fputs("\tgeo", fp);
		}
		fprintf(fp, "\t20220101000000\thttps://example.org/%ld", i);
		if (i < ROWS) {
			fputs(crlf ? "\r\n" : "\n", fp);
		}
	}
	return fclose(fp);
}

static void test_big(int crlf)
{
	const char *path = tmp_path(crlf ? "big-crlf.CSV" : "big.CSV");
	ent_dataset_stats st;
	skips sk = {0};
	progress pr = {0};
	ent_error err = {0};
	char *table, want[512];
	long usa = ROWS / 3, rus = ROWS - usa - 2; /* BAD1, BAD2: not x3 */
	long i, first[2] = {99999999, 99999999}, last[2] = {0, 0};

	/* first and last dates of each dyad, from the generator's rule */
	for (i = 1; i <= ROWS; i++) {
		int k = i % 3 == 0;
		long date = 20220000 + (1 + i % 12) * 100 + 1 + i % 28;
		if (i == BAD1 || i == BAD2) {
			continue;
		}
		first[k] = date < first[k] ? date : first[k];
		last[k] = date > last[k] ? date : last[k];
	}

	ok(write_big(path, crlf) == 0, "big input written (%s)",
		crlf ? "CRLF" : "LF");
	table = table_of(path, ENT_FORMAT_AUTO, 0, &sk, &pr, &st, &err);
	ok(table != NULL, "big input read (%s)", err.message);
	is_num(st.records, ROWS - 2, 0, "every good row is an event");
	is_num(st.skipped_rows, 2, 0, "2 broken rows");
	ok(sk.n == 2 && sk.line[0] == BAD1 && sk.line[1] == BAD2,
		"broken rows reported on lines %ld and %ld (got %ld, %ld)",
		BAD1, BAD2, sk.line[0], sk.line[1]);
	snprintf(want, sizeof(want),
		"source,target,events,coop_events,conflict_events,goldstein_sum,"
		"goldstein_mean,cooperation,conflict,first,last\r\n"
		"RUS,UKR,%ld,0,%ld,%ld,-10,0,%ld,2022-%02ld-%02ld,2022-%02ld-%02ld\r\n"
		"USA,POL,%ld,%ld,0,%ld,8,%ld,0,2022-%02ld-%02ld,2022-%02ld-%02ld\r\n",
		rus, rus, -10 * rus, 10 * rus, first[0] / 100 % 100,
		first[0] % 100, last[0] / 100 % 100, last[0] % 100,
		usa, usa, 8 * usa, 8 * usa, first[1] / 100 % 100,
		first[1] % 100, last[1] / 100 % 100, last[1] % 100);
	is_str(table, want, "exact dyads of the big input");
	ok(pr.calls > 1 && pr.total > 0 && pr.done == pr.total,
		"progress reported %d times, ending at the total", pr.calls);
	free(table);

	/* strict: the first broken row, far into the file, is the error */
	table = table_of(path, ENT_FORMAT_AUTO, 1, &sk, NULL, NULL, &err);
	ok(table == NULL && err.code == ENT_EPARSE && err.line == BAD1,
		"strict: error on line %ld (got %ld: %s)", BAD1, err.line,
		err.message);
	free(table);
	remove(path);
}

static void test_overlong_and_empty(void)
{
	const char *path = tmp_path("long.CSV");
	char *data, *text;
	size_t n, i;
	skips sk = {0};
	ent_dataset_stats st;
	ent_error err = {0};
	FILE *fp;

	/* fixture rows 1-7, then a 3 MB line, then the rest */
	data = slurp(FIXTURE, &n);
	fp = fopen(path, "wb");
	for (i = 0; i < n && data; i++) {
		fputc(data[i], fp);
		if (data[i] == '\n' && i + 1 < n && data[i + 1] == '1' &&
			strncmp(data + i + 1, "1008\t", 5) == 0) {
			size_t k;
			for (k = 0; k < 3u << 20; k++) {
				fputc(k % 7 ? 'x' : '\t', fp);
			}
			fputc('\n', fp);
		}
	}
	fclose(fp);
	free(data);
	text = table_of(path, ENT_FORMAT_GDELT2, 0, &sk, NULL, &st, &err);
	ok(text != NULL, "a 3 MB line does not stop the reader");
	ok(sk.n == 3 && sk.line[0] == 8 && strstr(sk.message[0], "longer"),
		"overlong line 8 skipped: %s", sk.message[0]);
	ok(sk.line[1] == 9 && sk.line[2] == 10,
		"the following broken rows keep their line numbers (9, 10)");
	is_num(st.records, 8, 0, "the other rows are read");
	free(text);
	remove(path);

	fp = fopen(path, "wb");
	fclose(fp);
	text = table_of(path, ENT_FORMAT_GDELT2, 1, &sk, NULL, &st, &err);
	ok(text != NULL && st.records == 0, "an empty file is an empty input");
	free(text);
	remove(path);
}

int main(void)
{
	if (mkdtemp(tmpdir) == NULL) {
		printf("1..0 # SKIP cannot create a temporary folder\n");
		return 0;
	}
	test_compressed();
	test_big(0);
	test_big(1);
	test_overlong_and_empty();
	rmdir(tmpdir);
	return done_testing();
}
