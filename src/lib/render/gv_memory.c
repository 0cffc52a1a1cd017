/* SPDX-License-Identifier: MIT */
/*
 * Memory for Graphviz, checked before the layout. Graphviz, cairo, pango
 * and fontconfig do not all check what malloc and pthread_create return:
 * short of memory they die (GLib aborts when pango cannot start a thread,
 * neato dereferences a NULL from its allocator) instead of failing. So
 * what a drawing needs is estimated first and compared with what is left,
 * and a drawing that cannot fit is refused with a message instead.
 *
 * The estimate (measured with Graphviz 2.42 on Debian 12):
 * - the libraries themselves take address space while they draw (pango's
 *   threads and their stacks and malloc arenas, font caches), however
 *   small the graph: 62 MiB for an example of 9 states, over 105 MiB for
 *   200 states (pango starts more threads to find fonts): DRAW_BASE, a
 *   generous bound, as refusing under a tight `ulimit -v` costs little
 *   and dying costs the run;
 * - neato, fdp and circo hold matrices of distances between all pairs of
 *   nodes: n^2 doubles, twice (QUADRATIC bytes a pair); sfdp and dot grow
 *   with nodes and edges (LINEAR bytes each).
 * - a PNG is drawn on an image of 4 bytes a pixel (96 pixels an inch)
 *   and encoded from it: IMAGE bytes a pixel, checked once the layout
 *   gives the picture's size.
 * Address space is compared with what RLIMIT_AS (ulimit -v) leaves; the
 * layout's own memory also with the memory the system has available. A
 * layout alone (ent_positions, for the per-period diagrams) needs no
 * DRAW_BASE; a pinned scene (laid out by "nop") nothing quadratic.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "render/render_internal.h"

#define MIB ((uint64_t)1 << 20)
#define DRAW_BASE (128 * MIB)
#define QUADRATIC 16
#define LINEAR 4096
#define IMAGE 8

/* The process's address space now (bytes), 0 if unknown. */
static uint64_t address_space(void)
{
	FILE *fp = fopen("/proc/self/statm", "r");
	unsigned long long pages = 0;
	long page = sysconf(_SC_PAGESIZE);

	if (fp == NULL) {
		return 0;
	}
	if (fscanf(fp, "%llu", &pages) != 1) {
		pages = 0;
	}
	fclose(fp);
	return page > 0 ? pages * (uint64_t)page : 0;
}

/* Address space left under RLIMIT_AS; UINT64_MAX without a limit. */
static uint64_t address_space_left(void)
{
	struct rlimit rl;
	uint64_t used;

	if (getrlimit(RLIMIT_AS, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY) {
		return UINT64_MAX;
	}
	used = address_space();
	return (uint64_t)rl.rlim_cur > used ? (uint64_t)rl.rlim_cur - used : 0;
}

/* MemAvailable of /proc/meminfo (bytes); UINT64_MAX if unknown. */
static uint64_t memory_available(void)
{
	FILE *fp = fopen("/proc/meminfo", "r");
	char line[128];
	unsigned long long kb;
	uint64_t avail = UINT64_MAX;

	if (fp == NULL) {
		return avail;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (sscanf(line, "MemAvailable: %llu kB", &kb) == 1) {
			avail = (uint64_t)kb * 1024;
			break;
		}
	}
	fclose(fp);
	return avail;
}

ent_status ent__gv_memory_check(const ent__scene *s, int draws,
	ent_error *err)
{
	uint64_t n = s->n_nodes, layout, base, as_left, mem;
	/* a pinned scene is laid out by "nop": nothing quadratic */
	int quadratic = !s->pinned && (s->layout == ENT_LAYOUT_NEATO ||
		s->layout == ENT_LAYOUT_FDP || s->layout == ENT_LAYOUT_CIRCO);

	layout = quadratic ? QUADRATIC * n * n
			   : LINEAR * (n + (uint64_t)s->n_edges);
	base = draws ? DRAW_BASE : 0;
	as_left = address_space_left();
	mem = memory_available();
	if (as_left >= base + layout && mem >= layout) {
		return ENT_OK;
	}
	return ent__error_set(err, ENT_ERENDER, NULL, 0, 0, "not enough memory "
		"to %s %zu actors with %s: about %llu MiB needed, %llu MiB "
		"left%s; draw fewer (--top, --actors, --min-weight)%s",
		draws ? "draw" : "lay out", s->n_nodes,
		s->pinned ? "their positions" : ent_layout_name(s->layout),
		(unsigned long long)((base + layout) / MIB),
		(unsigned long long)((as_left < mem ? as_left : mem) / MIB),
		as_left < base + layout ? " (ulimit -v)" : "",
		quadratic ? " or use --layout sfdp" : "");
}

ent_status ent__gv_memory_check_image(double width_pt, double height_pt,
	ent_error *err)
{
	/* points are 1/72 inch, pixels 1/96 */
	double px = width_pt * 96.0 / 72.0 * height_pt * 96.0 / 72.0;
	uint64_t need, as_left = address_space_left(), mem = memory_available();

	if (!(px >= 0) || px > 1e15) {
		px = 1e15;
	}
	need = (uint64_t)(px * IMAGE) + 32 * MIB;
	if (as_left >= need && mem >= need) {
		return ENT_OK;
	}
	return ent__error_set(err, ENT_ERENDER, NULL, 0, 0, "not enough memory "
		"to draw a PNG of %.0f x %.0f pixels: about %llu MiB needed, "
		"%llu MiB left%s; draw fewer actors (--top, --actors, "
		"--min-weight) or write SVG or PDF",
		width_pt * 96.0 / 72.0, height_pt * 96.0 / 72.0,
		(unsigned long long)(need / MIB),
		(unsigned long long)((as_left < mem ? as_left : mem) / MIB),
		as_left < need ? " (ulimit -v)" : "");
}
