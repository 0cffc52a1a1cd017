/* SPDX-License-Identifier: MIT */
/*
 * What a report folder charts (report.h): which relations and actors, and
 * the file names the folder and report.md agree on.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "report/report_internal.h"

static const ent_trends *rank_t; /* qsort has no payload; one thread */

static int cmp_events(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int64_t ex = ent_trends_relation(rank_t, x)->events;
	int64_t ey = ent_trends_relation(rank_t, y)->events;

	if (ex != ey) {
		return ex > ey ? -1 : 1;
	}
	return x < y ? -1 : (x > y);
}

size_t ent_report_chart_relations(const ent_trends *t, size_t *out, size_t max)
{
	size_t i, k = 0, n = ent_trends_relation_count(t);
	size_t *order;

	if (t == NULL || out == NULL || max == 0) {
		return 0;
	}
	for (i = 0; i < ent_trends_changed_count(t) && k < max; i++) {
		size_t r = ent_trends_change(t, i)->relation, j;
		for (j = 0; j < k && out[j] != r; j++) {
		}
		if (j == k) {
			out[k++] = r;
		}
	}
	order = malloc((n + 1) * sizeof(*order));
	if (order == NULL) {
		return k;
	}
	for (i = 0; i < n; i++) {
		order[i] = i;
	}
	rank_t = t;
	qsort(order, n, sizeof(*order), cmp_events);
	rank_t = NULL;
	for (i = 0; i < n && k < max; i++) {
		size_t j;
		for (j = 0; j < k && out[j] != order[i]; j++) {
		}
		if (j == k) {
			out[k++] = order[i];
		}
	}
	free(order);
	return k;
}

size_t ent_report_chart_actors(const ent_trends *t, const ent_graph *g,
	const ent_metrics *m, size_t *out, size_t max)
{
	size_t i, k = 0, n = ent_graph_actor_count(g);
	ent__report_ranked *r;

	if (t == NULL || g == NULL || m == NULL || out == NULL) {
		return 0;
	}
	r = malloc((n + 1) * sizeof(*r));
	if (r == NULL) {
		return 0;
	}
	for (i = 0; i < n; i++) {
		r[i].key = ent_metrics_actor(m, i)->pagerank;
		r[i].idx = i;
	}
	qsort(r, n, sizeof(*r), ent__report_cmp_ranked);
	for (i = 0; i < n && k < max; i++) {
		size_t a = ent_trends_find_actor(
			t, ent_graph_actor(g, r[i].idx)->code);
		if (a != (size_t)-1) {
			out[k++] = a;
		}
	}
	free(r);
	return k;
}

/* A code as a file-name part. */
static void safe(char *out, const char *code)
{
	for (; *code; code++) {
		unsigned char c = (unsigned char)*code;
		*out++ = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
				(c >= '0' && c <= '9')
			? (char)c
			: '_';
	}
	*out = '\0';
}

void ent_report_chart_name(char buf[64], const ent_trend_relation *r)
{
	char a[ENT_CODE_SIZE], b[ENT_CODE_SIZE];

	safe(a, r->a);
	safe(b, r->b);
	snprintf(buf, 64, "trend-%s-%s.svg", a, b);
}

void ent_report_period_diagram_name(
	char buf[64], const ent_periods *p, size_t i)
{
	const ent_period_summary *s = ent_periods_summary(p, i);

	snprintf(buf, 64, "graph-%s.svg", s ? s->label : "none");
}
