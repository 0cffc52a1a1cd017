/* SPDX-License-Identifier: MIT */
/*
 * The one place that talks to igraph's error machinery. igraph's default
 * error handler aborts the process; every library function that calls
 * igraph brackets the calls with ent__igraph_enter/leave, which install a
 * capturing handler and restore the previous one.
 */
#include <string.h>

#include "internal.h"
#include "graph/graph_internal.h"

/* Debian's igraph 0.10 is built without thread-local storage: the handler
 * and the FINALLY stack are process-global, so is this record. */
static struct {
	int captured;
	igraph_error_t errno_;
	char message[ENT_ERROR_SIZE];
} last;

static void capture_error(const char *reason, const char *file, int line,
	igraph_error_t igraph_errno)
{
	(void)file;
	(void)line;
	/* IGRAPH_CHECK re-raises with an empty reason at each level: keep the
	 * first, most specific report. Copy before freeing, since the free may
	 * release the memory `reason` points into. */
	if (!last.captured) {
		last.captured = 1;
		last.errno_ = igraph_errno;
		if (reason != NULL && reason[0] != '\0') {
			snprintf(last.message, sizeof(last.message), "igraph: %s (%s)",
				reason, igraph_strerror(igraph_errno));
		} else {
			snprintf(last.message, sizeof(last.message), "igraph: %s",
				igraph_strerror(igraph_errno));
		}
	}
	IGRAPH_FINALLY_FREE();
}

static void forward_warning(const char *reason, const char *file, int line)
{
	(void)file;
	(void)line;
	ent__log(ENT_LOG_WARNING, "igraph: %s", reason);
}

void ent__igraph_enter(ent__igraph_guard *guard)
{
	memset(&last, 0, sizeof(last));
	guard->prev_error = igraph_set_error_handler(capture_error);
	guard->prev_warning = igraph_set_warning_handler(forward_warning);
}

ent_status ent__igraph_leave(ent__igraph_guard *guard, igraph_error_t rc,
	ent_error *err)
{
	igraph_set_error_handler(guard->prev_error);
	igraph_set_warning_handler(guard->prev_warning);
	if (rc == IGRAPH_SUCCESS) {
		return ENT_OK;
	}
	if (rc == IGRAPH_ENOMEM) {
		return ent__error_nomem(err);
	}
	return ent__error_set(err, ENT_EMETRIC, NULL, 0, 0, "%s",
		last.captured ? last.message : igraph_strerror(rc));
}
