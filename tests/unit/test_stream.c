/* SPDX-License-Identifier: MIT */
/*
 * Streaming input: compressed inputs (gzip, bzip2, xz, zip) read through
 * libarchive give the same table as the plain file; a multi-chunk input
 * parsed by worker threads gives exact counts and the right line numbers
 * for broken rows far into the file; overlong lines, CRLF, a missing final
 * newline, empty inputs; the progress callback. Plain GDELT files are
 * parsed in mapped windows of the file: mapped and read() paths give the
 * same datasets, kept events and skip reports on every edge (no final
 * newline, CRLF, lines around the chunk size, empty files, a size of whole
 * pages, a head longer than a page, a file cut while read), and only the
 * windows in flight are mapped.
 */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>

#include <entente/entente.h>

#include "tap.h"
#include "helpers.h"

#define FIXTURE ENT_SOURCE_ROOT "/tests/data/gdelt/small.export.CSV"

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
	ent_read_options ropts = ENT_READ_OPTIONS_INIT;
	ent_dataset *ds = NULL;
	char *text = NULL;
	size_t len = 0;
	FILE *fp;

	ropts.format = format;
	ropts.strict = strict;
	ropts.progress = pr ? on_progress : NULL;
	ropts.progress_payload = pr;
	if (load1(&ds, path, NULL, &ropts, sk, err) == ENT_OK) {
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
	/* a truncated gzip stream is an error naming the input and what is
	 * wrong: malformed input (the read itself worked) */
	write_archive(tmp_path("cut.gz"), "gzip", "raw", names, data, n, 1);
	if (truncate(tmp_path("cut.gz"), 300) == 0) {
		got = table_of(tmp_path("cut.gz"), ENT_FORMAT_AUTO, 0, &sk,
			NULL, NULL, &err);
		ok(got == NULL && err.code == ENT_EPARSE && err.source &&
			strstr(err.source, "cut.gz") &&
			strstr(err.message, "truncated gzip input"),
			"truncated gzip: %s",
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

/*
 * Mapped and read paths. A plain GDELT file is copied with read() by
 * default; ENTENTE_MMAP=1 has it parsed in read-only mappings of the file
 * instead (never standard input, a pipe or a compressed input). Both
 * must give the same dataset, the same kept events and the same skip
 * reports on every kind of edge.
 */

/* Chunk size of the row pipeline (stream.c): longer lines are broken. */
#define CHUNK ((size_t)2 << 20)

/*
 * Mapping can fail (a file system without mmap, no address space left);
 * the reader then reads the rest of the file with read(). To test that
 * at any point of a file, this program's mmap, which the library calls,
 * fails the map_fail_at-th read-only mapping of a file from now on.
 *
 * It also puts an inaccessible guard page right after every read-only
 * mapping of a file, so a read past the end of a window faults: the
 * kernel would otherwise often place the next mapping there, and a read
 * past the end would go unnoticed. (The guard page is left reserved when
 * the window is unmapped; a page of address space per window is nothing
 * for a test.)
 */
static int map_fail_at, map_count;

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	static void *(*real)(void *, size_t, int, int, int, off_t);
	size_t page = (size_t)sysconf(_SC_PAGESIZE), span;
	void *area;

	if (real == NULL) {
		*(void **)&real = dlsym(RTLD_NEXT, "mmap");
	}
	if (fd < 0 || prot != PROT_READ || flags != MAP_PRIVATE ||
		addr != NULL) {
		return real(addr, len, prot, flags, fd, off);
	}
	if (map_fail_at > 0 && ++map_count == map_fail_at) {
		errno = ENOMEM;
		return MAP_FAILED;
	}
	span = (len + page - 1) / page * page;
	area = real(NULL, span + page, PROT_NONE,
		MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (area == MAP_FAILED) {
		return MAP_FAILED;
	}
	if (real(area, len, prot, flags | MAP_FIXED, fd, off) == MAP_FAILED) {
		munmap(area, span + page);
		return MAP_FAILED;
	}
	return area;
}

typedef struct run {
	ent_status st;
	char error[ENT_ERROR_SIZE + 64]; /* line:column: message */
	char *dyads;    /* the dyad table, CSV */
	char *events;   /* the kept events, events JSON */
	char *skips;    /* line:column: message of each skipped row */
	FILE *skip_fp;
	ent_dataset_stats stats;
	const char *path;
	int mapped;     /* the file showed in /proc/self/maps meanwhile */
	size_t max_mapped; /* most bytes of it mapped at once */
	int progress_calls;
	off_t cut_to;   /* > 0: truncate the file at the first progress call */
} run;

static void run_skip(const ent_error *e, void *payload)
{
	run *r = payload;

	fprintf(r->skip_fp, "%ld:%ld: %s\n", e->line, e->column, e->message);
}

/* Bytes of `path` mapped in this process now (0 when none). */
static size_t mapped_bytes(const char *path)
{
	FILE *fp = fopen("/proc/self/maps", "r");
	char line[4096];
	size_t total = 0, n = strlen(path);

	if (fp == NULL) {
		return 0;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		size_t l = strlen(line);
		unsigned long lo, hi;
		if (l > 0 && line[l - 1] == '\n') {
			line[--l] = '\0';
		}
		if (l >= n && strcmp(line + l - n, path) == 0 &&
			sscanf(line, "%lx-%lx", &lo, &hi) == 2) {
			total += hi - lo;
		}
	}
	fclose(fp);
	return total;
}

/* Called on the reading thread after each chunk is filled: when the ring
 * of slots is fullest. */
static void run_progress(uint64_t done, uint64_t total, void *payload)
{
	run *r = payload;
	size_t m = mapped_bytes(r->path);

	(void)done;
	(void)total;
	if (m > 0) {
		r->mapped = 1;
	}
	if (m > r->max_mapped) {
		r->max_mapped = m;
	}
	if (r->progress_calls++ == 0 && r->cut_to > 0 &&
		truncate(r->path, r->cut_to) != 0) {
		r->st = ENT_ERROR;
	}
}

static void run_free(run *r)
{
	free(r->dyads);
	free(r->events);
	free(r->skips);
	memset(r, 0, sizeof(*r));
}

/* Read `path` (keeping events) with mapping asked for (mapped > 0),
 * refused (0), or as by default (< 0). */
static void read_one(run *r, const char *path, ent_format format,
	int strict, int mapped, off_t cut_to)
{
	ent_dataset_options dopts = ENT_DATASET_OPTIONS_INIT;
	ent_read_options ropts = ENT_READ_OPTIONS_INIT;
	ent_dataset *ds = NULL;
	ent_error err = {0};
	size_t len = 0;
	FILE *fp;

	memset(r, 0, sizeof(*r));
	r->path = path;
	r->cut_to = cut_to;
	if (mapped > 0) {
		setenv("ENTENTE_MMAP", "1", 1);
	} else if (mapped == 0) {
		setenv("ENTENTE_NO_MMAP", "1", 1);
	} /* else neither: the default */
	dopts.keep_events = 1;
	ropts.format = format;
	ropts.strict = strict;
	ropts.on_skip = run_skip;
	ropts.skip_payload = r;
	ropts.progress = run_progress;
	ropts.progress_payload = r;
	r->skip_fp = open_memstream(&r->skips, &len);
	if (r->skip_fp == NULL || ent_dataset_create(&ds, &dopts, NULL) != ENT_OK) {
		r->st = ENT_ENOMEM;
		goto done;
	}
	if (ent_read_into(ds, path, &ropts, &err) != ENT_OK) {
		r->st = err.code;
		snprintf(r->error, sizeof(r->error), "%ld:%ld: %s", err.line,
			err.column, err.message);
		goto done;
	}
	fp = open_memstream(&r->dyads, &len);
	ent_dyads_write_csv(fp, ent_dataset_dyads(ds), NULL);
	fclose(fp);
	ent_events_to_json(&r->events, ent_dataset_events(ds), NULL);
	r->stats = *ent_dataset_stats_get(ds);
done:
	if (r->skip_fp != NULL) {
		fclose(r->skip_fp);
		r->skip_fp = NULL;
	}
	ent_dataset_destroy(ds);
	unsetenv("ENTENTE_MMAP");
	unsetenv("ENTENTE_NO_MMAP");
}

static int same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/* Check that a mapped run `m` and a read() run `r` found the same. */
static void same_runs(const run *m, const run *r, int want_map,
	const char *what)
{
	ok(m->mapped == want_map && !r->mapped, "%s: %s mapped with "
		"ENTENTE_MMAP, not with ENTENTE_NO_MMAP", what,
		want_map ? "is" : "not");
	ok(m->st == r->st && strcmp(m->error, r->error) == 0,
		"%s: same status (%d %s | %d %s)", what, m->st, m->error, r->st,
		r->error);
	ok(same_text(m->dyads, r->dyads), "%s: same dyads", what);
	ok(same_text(m->events, r->events), "%s: same kept events", what);
	ok(same_text(m->skips, r->skips), "%s: same skipped rows", what);
	if (!same_text(m->skips, r->skips)) {
		printf("# mapped:\n%s# read:\n%s", m->skips ? m->skips : "",
			r->skips ? r->skips : "");
	}
	ok(m->stats.records == r->stats.records &&
		m->stats.skipped_rows == r->stats.skipped_rows, "%s: same "
		"counts (%ld records, %ld skipped)", what,
		(long)m->stats.records, (long)m->stats.skipped_rows);
}

/*
 * Read `path` both ways and check that everything is the same; `want_map`
 * says whether ENTENTE_MMAP=1 maps it. The default (neither switch) reads
 * it with read() and finds the same. The mapped run is left in `out` when
 * it is not NULL, for checks of its own.
 */
static void both_ways(const char *path, ent_format format, int strict,
	int want_map, const char *what, run *out)
{
	run m, r, d;

	read_one(&m, path, format, strict, 1, 0);
	read_one(&r, path, format, strict, 0, 0);
	read_one(&d, path, format, strict, -1, 0);
	same_runs(&m, &r, want_map, what);
	ok(!d.mapped && d.st == r.st && strcmp(d.error, r.error) == 0 &&
		same_text(d.dyads, r.dyads) && same_text(d.events, r.events) &&
		same_text(d.skips, r.skips), "%s: by default not mapped, the "
		"same as read()", what);
	run_free(&d);
	if (out != NULL) {
		*out = m;
	} else {
		run_free(&m);
	}
	run_free(&r);
}

static int write_bytes(const char *path, const char *data, size_t n)
{
	FILE *fp = fopen(path, "wb");

	if (fp == NULL) {
		return -1;
	}
	if (n > 0 && fwrite(data, 1, n, fp) != n) {
		fclose(fp);
		return -1;
	}
	return fclose(fp);
}

/* `n` copies of the fixture (rows 1-10, two of them broken), as one
 * buffer; `crlf` ends lines with CR LF. */
static char *fixture_times(size_t n, int crlf, size_t *len)
{
	size_t fl, i, k = 0;
	char *f = slurp(FIXTURE, &fl), *out;

	out = f ? malloc(n * fl * 2 + 1) : NULL;
	for (i = 0; out && i < n * fl; i++) {
		char c = f[i % fl];
		if (c == '\n' && crlf) {
			out[k++] = '\r';
		}
		out[k++] = c;
	}
	free(f);
	*len = k;
	return out;
}

/* A long line: tabs every 7 bytes (many columns), `n` bytes. */
static void put_long(FILE *fp, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		fputc(k % 7 ? 'x' : '\t', fp);
	}
}

static void test_map_edges(void)
{
	const char *path = tmp_path("edge.CSV");
	long page = sysconf(_SC_PAGESIZE);
	size_t n, i;
	char *data, what[128];

	/* the fixture as it is, then without its final newline, then cut
	 * after its (broken) line 9 without a newline */
	data = fixture_times(1, 0, &n);
	ok(data != NULL && write_bytes(path, data, n) == 0, "fixture written");
	both_ways(path, ENT_FORMAT_AUTO, 0, 1, "the fixture", NULL);
	write_bytes(path, data, n - 1);
	both_ways(path, ENT_FORMAT_AUTO, 0, 1, "no final newline", NULL);
	for (i = n - 1; i > 0 && data[i - 1] != '\n'; i--) {
	}
	write_bytes(path, data, i - 1);
	both_ways(path, ENT_FORMAT_AUTO, 0, 1, "a broken last row without "
		"newline", NULL);
	both_ways(path, ENT_FORMAT_GDELT2, 1, 1, "strict, a broken last row "
		"without newline", NULL);
	free(data);

	/* CR LF, then a lone CR at the very end */
	data = fixture_times(3, 1, &n);
	write_bytes(path, data, n);
	both_ways(path, ENT_FORMAT_AUTO, 0, 1, "CRLF rows", NULL);
	write_bytes(path, data, n - 1);
	both_ways(path, ENT_FORMAT_AUTO, 0, 1, "CRLF, a lone CR at the end",
		NULL);
	free(data);

	/* empty, and blank lines only */
	write_bytes(path, "", 0);
	both_ways(path, ENT_FORMAT_GDELT2, 1, 0, "an empty file", NULL);
	write_bytes(path, "\n\r\n\n", 4);
	both_ways(path, ENT_FORMAT_GDELT2, 1, 1, "blank lines only", NULL);

	/* a size of exactly 3 pages, the last row's URL padded to fit: the
	 * last byte is the last of a page, followed by the guard page of
	 * this program's mmap, so a read past the end of the line faults
	 * (with and without a final newline) */
	for (i = 0; i < 2; i++) {
		size_t want = 3 * (size_t)page, pad;
		char *buf;
		data = fixture_times(1, 0, &n);
		/* rows 1-7 (good) repeated, then row 1 with a long URL */
		buf = malloc(want + 1);
		{
			size_t r7 = 0, lines = 0, k = 0, row1;
			while (lines < 7) {
				lines += data[r7++] == '\n';
			}
			for (row1 = 0; data[row1] != '\n'; row1++) {
			}
			while (k + r7 + row1 + 1 < want - 64) {
				memcpy(buf + k, data, r7);
				k += r7;
			}
			if (k + row1 + 1 > want - 64) {
				k -= r7;
			}
			memcpy(buf + k, data, row1);
			k += row1;
			pad = want - k - (i == 0 ? 1 : 0);
			memset(buf + k, 'z', pad);
			k += pad;
			if (i == 0) {
				buf[k++] = '\n';
			}
			ok(k == want, "a file of 3 pages (%zu bytes)", k);
			write_bytes(path, buf, k);
		}
		snprintf(what, sizeof(what), "a size of 3 pages, %s",
			i == 0 ? "ending in a newline" : "no final newline");
		both_ways(path, ENT_FORMAT_AUTO, 0, 1, what, NULL);
		free(buf);
		free(data);
	}

	/* A byte-order mark, then more than one page: the first line is
	 * 3 bytes in, in the middle of the detected head. Then more than
	 * the head (64 KiB), so that the rows go on past it. */
	for (i = 0; i < 2; i++) {
		size_t copies = i == 0 ? 5 : 100;
		char *buf;
		data = fixture_times(copies, 0, &n);
		buf = malloc(n + 3);
		memcpy(buf, "\xEF\xBB\xBF", 3);
		memcpy(buf + 3, data, n);
		write_bytes(path, buf, n + 3);
		snprintf(what, sizeof(what), "a byte-order mark and a %zu-byte "
			"head", n + 3 < 65536 ? n + 3 : (size_t)65536);
		both_ways(path, ENT_FORMAT_AUTO, 0, 1, what, NULL);
		free(buf);
		free(data);
	}
	remove(path);
}

/* Lines at and around the chunk size: a line of CHUNK bytes or more
 * (counting a CR) is broken, one byte less is read. */
static void test_map_overlong(void)
{
	static const struct {
		size_t len;      /* bytes of the long line, CR included */
		const char *end; /* its end of line ("" at the end of file) */
		int overlong;    /* reported as too long (else: columns) */
		const char *what;
	} cases[] = {
		{3u << 20, "\n", 1, "a 3 MB line"},
		{CHUNK, "\n", 1, "a line of exactly the chunk size"},
		{CHUNK - 1, "\n", 0, "a line of the chunk size less one"},
		{CHUNK, "\r\n", 1, "a CR LF line of the chunk size"},
		{CHUNK - 1, "\r\n", 0, "a CR LF line one byte shorter"},
		{CHUNK + 10, "", 1, "a long last line without newline"},
		{CHUNK, "", 1, "a last line of the chunk size without newline"},
		{CHUNK - 1, "", 0, "a last line one byte shorter, no newline"},
	};
	run m;
	char *first;
	const char *path = tmp_path("long2.CSV");
	size_t n, i, k;
	char *data;
	FILE *fp;

	data = fixture_times(1, 0, &n);
	for (i = 0; data && i < sizeof(cases) / sizeof(*cases); i++) {
		size_t lines = 0;
		int at_end = cases[i].end[0] == '\0';
		fp = fopen(path, "wb");
		/* rows 1-7 first, so the long line starts inside a chunk */
		for (k = 0; k < n && lines < 7; k++) {
			fputc(data[k], fp);
			lines += data[k] == '\n';
		}
		put_long(fp, cases[i].len - (strcmp(cases[i].end, "\r\n") ==
			0));
		fputs(cases[i].end, fp);
		if (!at_end) {
			fwrite(data + k, 1, n - k, fp);
		}
		fclose(fp);
		both_ways(path, ENT_FORMAT_GDELT2, 0, 1, cases[i].what, &m);
		first = m.skips ? strchr(m.skips, '\n') : NULL;
		if (first != NULL) {
			*first = '\0';
		}
		ok(first && strncmp(m.skips, "8:", 2) == 0 &&
			strstr(m.skips, cases[i].overlong ? ": line longer than "
				"2097152 bytes" : ": 299594 columns"),
			"%s: line 8 %s (%s)", cases[i].what, cases[i].overlong ?
			"is too long" : "is read, with too many columns",
			m.skips ? m.skips : "");
		run_free(&m);
		if (i == 0) {
			both_ways(path, ENT_FORMAT_GDELT2, 1, 1,
				"strict, a 3 MB line", NULL);
		}
	}
	free(data);
	remove(path);
}

/* Many short rows (91 bytes, most fields empty): more rows per chunk than
 * one pass over a slot parses (REC_CAP), so slots are parsed and consumed
 * in several passes while their lines stay mapped. */
static void test_map_short_rows(void)
{
	const char *path = tmp_path("short.CSV");
	FILE *fp = fopen(path, "wb");
	run m;
	long i;
	int k;

	for (i = 0; fp && i < 70000; i++) {
		fprintf(fp, "%ld\t2022%02ld05", i, 1 + i % 12);
		for (k = 2; k <= 60; k++) {
			fputc('\t', fp);
			fputs(k == 5 || k == 7 ? "USA" : k == 15 || k == 17 ?
				"POL" : k == 26 ? (i % 1000 ? "057" : "999") :
				"", fp);
		}
		fputc('\n', fp);
	}
	ok(fp && fclose(fp) == 0, "short rows written");
	both_ways(path, ENT_FORMAT_GDELT2, 0, 1, "70000 short rows", &m);
	ok(m.stats.records == 70000 - 70 && m.stats.skipped_rows == 70,
		"every short row read (%ld), the 70 broken skipped (%ld)",
		(long)m.stats.records, (long)m.stats.skipped_rows);
	run_free(&m);
	remove(path);
}

/* A multi-chunk file parsed by the worker threads, mapped: the same as
 * read, and only the windows of the slots in flight are mapped at once
 * (stream.c: 2 slots per worker, at most 4 workers, and 2 more). */
static void test_map_big(int crlf)
{
	const char *path = tmp_path("big-map.CSV");
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	long page = sysconf(_SC_PAGESIZE);
	size_t slots = 2 * (size_t)(cpus < 1 ? 1 : cpus > 4 ? 4 : cpus) + 2;
	run m;

	ok(write_big(path, crlf) == 0, "big input written (%s)",
		crlf ? "CRLF" : "LF");
	both_ways(path, ENT_FORMAT_AUTO, 0, 1, crlf ? "big input, CRLF" :
		"big input", &m);
	ok(m.max_mapped > 0 && m.max_mapped <= slots * (CHUNK +
		(size_t)page), "at most %zu windows mapped at once (%zu bytes "
		"at most)", slots, m.max_mapped);
	run_free(&m);
	both_ways(path, ENT_FORMAT_AUTO, 1, 1, crlf ? "strict, big input, "
		"CRLF" : "strict, big input", NULL);
	remove(path);
}

/* Mapping fails at the first window, at a later one, or while the rest of
 * an overlong line is skipped: the rest is read, with the same results;
 * a file that cannot be mapped at all (sysfs) is read too. */
static void test_map_fails(void)
{
	static const struct {
		int at;
		const char *what;
	} big_cases[] = {
		{1, "mapping fails at once"},
		{4, "mapping fails at the 4th window"},
	};
	const char *path = tmp_path("fail.CSV");
	const char *sys = "/sys/kernel/mm/transparent_hugepage/enabled";
	run m, r;
	size_t i, n;
	char *data;
	FILE *fp;

	write_big(path, 0);
	for (i = 0; i < sizeof(big_cases) / sizeof(*big_cases); i++) {
		map_count = 0;
		map_fail_at = big_cases[i].at;
		read_one(&m, path, ENT_FORMAT_AUTO, 0, 1, 0);
		map_fail_at = 0;
		read_one(&r, path, ENT_FORMAT_AUTO, 0, 0, 0);
		ok(map_count >= big_cases[i].at, "%s: it failed",
			big_cases[i].what);
		same_runs(&m, &r, big_cases[i].at > 1, big_cases[i].what);
		run_free(&m);
		run_free(&r);
	}

	/* rows 1-7, a 3 MB line, rows 8-10: the windows are rows 1-7, the
	 * first 2 MiB of the long line, then its rest, skipped */
	data = fixture_times(1, 0, &n);
	fp = fopen(path, "wb");
	for (i = 0; data && i < n; i++) {
		fputc(data[i], fp);
		if (data[i] == '\n' && i + 1 < n &&
			strncmp(data + i + 1, "1008\t", 5) == 0) {
			put_long(fp, 3u << 20);
			fputc('\n', fp);
		}
	}
	fclose(fp);
	free(data);
	map_count = 0;
	map_fail_at = 3;
	read_one(&m, path, ENT_FORMAT_GDELT2, 0, 1, 0);
	map_fail_at = 0;
	read_one(&r, path, ENT_FORMAT_GDELT2, 0, 0, 0);
	same_runs(&m, &r, 1, "mapping fails inside an overlong line");
	ok(map_count >= 3 && m.stats.records == 8 && m.skips && strncmp(m.skips, "8:1: line "
		"longer", 15) == 0, "the long line is skipped, the rest read");
	run_free(&m);
	run_free(&r);
	remove(path);

	if (access(sys, R_OK) != 0) {
		printf("ok %d # SKIP no %s\n", ++tap_n, sys);
		return;
	}
	both_ways(sys, ENT_FORMAT_GDELT2, 0, 0, "a sysfs file (no mmap)",
		&m);
	ok(m.st == ENT_OK && m.stats.skipped_rows == 1, "it is read: one "
		"broken row");
	run_free(&m);
}

/* A file cut while it is read (at the first progress report, after the
 * first chunk) ends where it now ends, with or without mapping. */
static void test_map_shrink(void)
{
	const char *path = tmp_path("shrink.CSV");
	run m, r;
	size_t n;
	char *data = fixture_times(3500, 0, &n); /* about 6.9 MB */
	off_t cut = 3000001;

	write_bytes(path, data, n);
	read_one(&m, path, ENT_FORMAT_GDELT2, 0, 1, cut);
	write_bytes(path, data, n);
	read_one(&r, path, ENT_FORMAT_GDELT2, 0, 0, cut);
	same_runs(&m, &r, 1, "a file cut to 3 MB while read");
	ok(m.st == ENT_OK && m.stats.records > 0 &&
		m.stats.records < 3500 * 8, "only the rows before the cut are "
		"read (%ld)", (long)m.stats.records);
	run_free(&m);
	run_free(&r);
	free(data);
	remove(path);
}

/* The dyad table of bytes read from memory (ent_read_memory, no name):
 * CSV text (malloc'd) or NULL. */
static char *memory_table(const char *data, size_t len, ent_format format,
	int strict, skips *sk, ent_error *err)
{
	ent_read_options ropts = ENT_READ_OPTIONS_INIT;
	ent_dataset *ds = NULL;
	char *text = NULL;
	size_t tl = 0;
	FILE *fp;

	ropts.format = format;
	ropts.strict = strict;
	ropts.on_skip = on_skip;
	ropts.skip_payload = sk;
	if (ent_dataset_create(&ds, NULL, err) == ENT_OK &&
		ent_read_memory(ds, data, len, NULL, &ropts, err) == ENT_OK) {
		fp = open_memstream(&text, &tl);
		ent_dyads_write_csv(fp, ent_dataset_dyads(ds), NULL);
		fclose(fp);
	}
	ent_dataset_destroy(ds);
	return text;
}

/* An input in memory smaller than a chunk gets buffers its own size and
 * few records a pass (SMALL_REC_CAP): its rows, many more than that, read
 * as from a file -- the same dyads, the same skipped rows at the same
 * lines, the same strict error -- for GDELT (parsed in place) and a dyad
 * table (parsed in a copy). */
static void test_memory(void)
{
	const char *gpath = tmp_path("memory.CSV"), *dpath = tmp_path(
		"memory.dyads.csv");
	size_t glen, dlen = 0, i;
	char *g = fixture_times(300, 1, &glen), *d = NULL;
	char *from_file, *from_mem;
	skips fs = {0}, ms = {0};
	ent_error fe = {0}, me = {0};
	FILE *fp = open_memstream(&d, &dlen);

	fprintf(fp, "source,target,events,coop_events,conflict_events,"
		"goldstein_sum,goldstein_mean,cooperation,conflict,first,last\n");
	for (i = 0; i < 1000; i++) {
		fprintf(fp, i % 97 == 5 ? "CHN,RUS,x,1,0,3,3,3,0,2015-05-08,"
			"2015-05-08\n" : "A%03zu,B%03zu,2,2,0,6,3,6,0,2015-05-08,"
			"2015-05-09\n", i % 40, i % 7);
	}
	fclose(fp);
	ok(g != NULL && write_bytes(gpath, g, glen) == 0 &&
		write_bytes(dpath, d, dlen) == 0, "memory: inputs written");
	{
		const struct {
			const char *name, *path, *data;
			size_t len;
			ent_format format;
		} c[] = {
			{"GDELT, 3,000 rows", gpath, g, glen, ENT_FORMAT_GDELT2},
			{"dyad table, 1,000 rows", dpath, d, dlen,
				ENT_FORMAT_DYADS},
		};
		size_t k;
		for (k = 0; k < 2; k++) {
			memset(&fs, 0, sizeof(fs));
			memset(&ms, 0, sizeof(ms));
			from_file = table_of(c[k].path, c[k].format, 0, &fs, NULL,
				NULL, &fe);
			from_mem = memory_table(c[k].data, c[k].len, c[k].format,
				0, &ms, &me);
			ok(from_file != NULL && from_mem != NULL &&
					strcmp(from_file, from_mem) == 0 &&
					fs.n > 0 && fs.n == ms.n &&
					memcmp(fs.line, ms.line, sizeof(fs.line)) == 0,
				"memory: %s read as from a file (%ld rows skipped, "
				"at the same lines)", c[k].name, ms.n);
			free(from_file);
			free(from_mem);
			from_file = table_of(c[k].path, c[k].format, 1, NULL, NULL,
				NULL, &fe);
			from_mem = memory_table(c[k].data, c[k].len, c[k].format,
				1, &ms, &me);
			ok(from_file == NULL && from_mem == NULL &&
					fe.line == me.line && fe.column == me.column &&
					strcmp(fe.message, me.message) == 0,
				"memory: %s strict, the same error (line %ld: %s)",
				c[k].name, me.line, me.message);
			free(from_file);
			free(from_mem);
		}
	}
	free(g);
	free(d);
}

/*
 * A thread keeps its read buffers for its next input (stream.c): inputs
 * read one after another, large and small, on this thread and on another
 * one, after ent_read_release() too, all give what the first read gave.
 */
typedef struct reread {
	const char *path;
	char *table;
} reread;

static void *reread_main(void *arg)
{
	reread *r = arg;
	skips sk = {0};
	ent_error err = {0};

	r->table = table_of(r->path, ENT_FORMAT_AUTO, 0, &sk, NULL, NULL,
		&err);
	return NULL; /* the thread's buffers are freed as it exits */
}

static void test_kept_buffers(void)
{
	const char *big = tmp_path("kept-big.CSV");
	const char *small = tmp_path("kept-small.CSV");
	char *first, *again, *small1, *small2;
	skips sk = {0};
	ent_error err = {0};
	reread other = {big, NULL};
	pthread_t t;
	FILE *in, *out;
	char line[4096];
	int n = 0;

	ok(write_big(big, 0) == 0, "big input written");
	/* the first ten rows of it, a small input */
	in = fopen(big, "rb");
	out = fopen(small, "wb");
	while (in && out && n < 10 && fgets(line, sizeof(line), in)) {
		fputs(line, out);
		n++;
	}
	if (in) {
		fclose(in);
	}
	ok(out != NULL && fclose(out) == 0 && n == 10, "small input written");
	first = table_of(big, ENT_FORMAT_AUTO, 0, &sk, NULL, NULL, &err);
	small1 = table_of(small, ENT_FORMAT_AUTO, 0, &sk, NULL, NULL, &err);
	again = table_of(big, ENT_FORMAT_AUTO, 0, &sk, NULL, NULL, &err);
	small2 = table_of(small, ENT_FORMAT_AUTO, 0, &sk, NULL, NULL, &err);
	ok(first != NULL && again != NULL && strcmp(first, again) == 0,
		"a big input read again with the kept buffers: the same dyads");
	ok(small1 != NULL && small2 != NULL && strcmp(small1, small2) == 0 &&
		strcmp(small1, first) != 0, "a small input after a big one, "
		"in its kept buffers: the same dyads");
	ok(pthread_create(&t, NULL, reread_main, &other) == 0 &&
		pthread_join(t, NULL) == 0 && other.table != NULL &&
		first != NULL && strcmp(other.table, first) == 0,
		"read on another thread: the same dyads");
	ent_read_release();
	ent_read_release(); /* nothing kept: nothing to do */
	free(again);
	again = table_of(big, ENT_FORMAT_AUTO, 0, &sk, NULL, NULL, &err);
	ok(again != NULL && first != NULL && strcmp(first, again) == 0,
		"read after ent_read_release(): the same dyads");
	ent_read_release();
	free(first);
	free(again);
	free(small1);
	free(small2);
	free(other.table);
	remove(big);
	remove(small);
}

int main(void)
{
	if (tmp_dir() == NULL) {
		printf("1..0 # SKIP cannot create a temporary folder\n");
		return 0;
	}
	test_compressed();
	test_big(0);
	test_big(1);
	test_overlong_and_empty();
	test_map_edges();
	test_map_overlong();
	test_map_big(0);
	test_map_big(1);
	test_map_short_rows();
	test_map_fails();
	test_map_shrink();
	test_memory();
	test_kept_buffers();
	return done_testing();
}
