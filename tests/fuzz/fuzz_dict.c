/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: user dictionaries of the extractor (--actor-dict and
 * --verb-dict, see extract.h). The first byte picks the kind (even: actor
 * dictionary, odd: verb dictionary); the rest is the file, handed over as an
 * in-memory file. A dictionary either loads or fails with a one-line error;
 * an extractor with a loaded dictionary must extract from a few sentences
 * that use its words.
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_common.h"

static const char sample[] =
	"China and Russia signed an agreement on Friday. Poland condemned "
	"Moscow, and the Romanian government praised Warsaw.\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ent_extract_options opts = ENT_EXTRACT_OPTIONS_INIT;
	ent_extractor *ex = NULL;
	ent_events *events = NULL;
	ent_error err = {0};
	ent_status st;
	char path[64];
	size_t off = 1;
	int fd;

	if (size == 0) {
		return 0;
	}
	fd = memfd_create("dict", 0);
	FUZZ_CHECK(fd >= 0, "memfd_create");
	while (off < size) {
		ssize_t n = write(fd, data + off, size - off);
		FUZZ_CHECK(n > 0, "write to memfd");
		off += (size_t)n;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if (data[0] % 2 == 0) {
		opts.actor_dict = path;
	} else {
		opts.verb_dict = path;
	}
	st = ent_extractor_create(&ex, &opts, &err);
	if (st != ENT_OK) {
		FUZZ_CHECK(ex == NULL, "no extractor on failure");
		fuzz_check_error(st, &err);
		FUZZ_CHECK((size_t)err.line <= size + 1 &&
				(size_t)err.column <= size + 1,
			"the position of an error lies within the dictionary");
		goto done;
	}
	FUZZ_CHECK(ent_events_create(&events, NULL) == ENT_OK, "list created");
	st = ent_extract_text(ex, sample, sizeof(sample) - 1, "sample.txt",
		ent_events_add_cb, events, &err);
	if (st != ENT_OK) {
		fuzz_check_error(st, &err);
	}
done:
	ent_events_destroy(events);
	ent_extractor_destroy(ex);
	close(fd);
	return 0;
}
