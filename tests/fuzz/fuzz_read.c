/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: the streaming readers behind ent_read_into (GDELT 1.0/2.0,
 * ICEWS, dyad tables, and content detection with decompression), built
 * once per format with -DFUZZ_FORMAT=ENT_FORMAT_... (and optionally a second
 * format, FUZZ_FORMAT2, that reads the same bytes too).
 *
 * The input is handed over as a file, as the tool gets it: an in-memory
 * file (memfd) named /proc/self/fd/N, which has no extension, so AUTO
 * detects from the content. Each input is read forgiving (every skipped
 * row must come with a one-line error whose position lies in the input)
 * and, when a row was skipped, strict; whatever is read must build a graph
 * and write a dyad table.
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_common.h"

#ifndef FUZZ_FORMAT
#define FUZZ_FORMAT ENT_FORMAT_AUTO
#endif

static size_t fuzz_size;

static void on_skip(const ent_error *row_error, void *payload)
{
	long *count = payload;

	fuzz_check_error(row_error->code, row_error);
	FUZZ_CHECK(row_error->line >= 1, "a skipped row has a line number");
	FUZZ_CHECK((size_t)row_error->line <= fuzz_size + 1 &&
			(size_t)row_error->column <= fuzz_size + 1,
		"the position of a skipped row lies within the input");
	(*count)++;
}

/* Returns the number of rows skipped (forgiving mode). */
static long read_as(const char *path, ent_format format, int strict,
	int no_mmap, size_t size)
{
	ent_read_options opts = ENT_READ_OPTIONS_INIT;
	ent_dataset_options dopts = ENT_DATASET_OPTIONS_INIT;
	ent_dataset *ds = NULL;
	ent_graph *g = NULL;
	ent_error err = {0};
	ent_status st;
	long skipped = 0;

	opts.format = format;
	opts.strict = strict;
	opts.no_mmap = no_mmap;
	opts.on_skip = on_skip;
	opts.skip_payload = &skipped;
	dopts.level = strict ? ENT_LEVEL_ACTOR : ENT_LEVEL_STATE;
	dopts.by = ENT_PERIOD_MONTH;
	/* the mapped path copies the kept events' strings out of the map */
	dopts.keep_events = !no_mmap;
	FUZZ_CHECK(
		ent_dataset_create(&ds, &dopts, NULL) == ENT_OK, "dataset created");
	st = ent_read_into(ds, path, &opts, &err);
	if (st != ENT_OK) {
		fuzz_check_error(st, &err);
		FUZZ_CHECK(err.source != NULL, "a read error names the input");
		FUZZ_CHECK((size_t)err.line <= size + 1 &&
				(size_t)err.column <= size + 1,
			"the position of an error lies within the input");
		goto done;
	}
	FUZZ_CHECK(!strict || skipped == 0, "strict mode skips nothing");
	st = ent_graph_build(&g, ent_dataset_dyads(ds), NULL, &err);
	FUZZ_CHECK(st == ENT_OK, "what was read builds a graph");
	{
		char *csv = NULL;
		size_t csv_len = 0;
		FILE *fp = open_memstream(&csv, &csv_len);
		FUZZ_CHECK(fp != NULL, "memstream");
		FUZZ_CHECK(ent_dyads_write_csv(
				   fp, ent_dataset_dyads(ds), &err) == ENT_OK,
			"the dyad table writes");
		fclose(fp);
		FUZZ_CHECK(fuzz_utf8_valid(csv, csv_len),
			"the dyad table is valid UTF-8");
		free(csv);
	}
done:
	ent_graph_destroy(g);
	ent_dataset_destroy(ds);
	return skipped;
}

/* Forgiving through memory maps (where the format allows) and through
 * read(2), which must skip the same rows, then strict, which differs only
 * when a row was skipped. */
static void read_both(const char *path, ent_format format, size_t size)
{
	long mapped = read_as(path, format, 0, 0, size);

	FUZZ_CHECK(read_as(path, format, 0, 1, size) == mapped,
		"mapped and read(2) inputs skip the same rows");
	if (mapped > 0) {
		read_as(path, format, 1, 0, size);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	int fd = memfd_create("fuzz", 0);
	size_t off = 0;

	FUZZ_CHECK(fd >= 0, "memfd_create");
	while (off < size) {
		ssize_t n = write(fd, data + off, size - off);
		FUZZ_CHECK(n > 0, "write to memfd");
		off += (size_t)n;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	fuzz_size = size;
	read_both(path, FUZZ_FORMAT, size);
#ifdef FUZZ_FORMAT2
	read_both(path, FUZZ_FORMAT2, size);
#endif
	close(fd);
	return 0;
}
