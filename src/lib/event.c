/* SPDX-License-Identifier: MIT */
/*
 * Events: the owning event list, packed dates and event filters.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void ent_event_init(ent_event *ev)
{
	memset(ev, 0, sizeof(*ev));
	ev->count = 1;
	ev->root_event = -1;
	ev->span_start = -1;
	ev->span_end = -1;
	ev->tone = NAN;
}

struct ent_events {
	ent_event *items;
	size_t len;
	size_t cap;
};

ent_status ent_events_create(ent_events **out, ent_error *err)
{
	if (out == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_events_create: NULL argument");
	}
	*out = calloc(1, sizeof(**out));
	return *out ? ENT_OK : ent__error_nomem(err);
}

static void event_free_strings(ent_event *ev)
{
	free((char *)ev->id);
	free((char *)ev->source_text);
	free((char *)ev->target_text);
	free((char *)ev->doc);
	free((char *)ev->text);
	free((char *)ev->extra);
}

void ent_events_destroy(ent_events *events)
{
	size_t i;

	if (events == NULL) {
		return;
	}
	for (i = 0; i < events->len; i++) {
		event_free_strings(&events->items[i]);
	}
	free(events->items);
	free(events);
}

size_t ent_events_count(const ent_events *events)
{
	return events ? events->len : 0;
}

const ent_event *ent_events_get(const ent_events *events, size_t i)
{
	return events && i < events->len ? &events->items[i] : NULL;
}

static int dup_field(const char **dst, const char *src)
{
	if (src == NULL) {
		*dst = NULL;
		return 0;
	}
	*dst = ent__strdup(src);
	return *dst ? 0 : -1;
}

ent_status ent_events_add(ent_events *events, const ent_event *ev,
	ent_error *err)
{
	ent_event *dst, *p;

	if (events == NULL || ev == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_events_add: NULL argument");
	}
	p = ent__array_grow(events->items, &events->cap, events->len + 1,
		sizeof(*p));
	if (p == NULL) {
		return ent__error_nomem(err);
	}
	events->items = p;
	dst = &events->items[events->len];
	*dst = *ev;
	dst->id = dst->source_text = dst->target_text = NULL;
	dst->doc = dst->text = dst->extra = NULL;
	if (dup_field(&dst->id, ev->id) < 0 ||
		dup_field(&dst->source_text, ev->source_text) < 0 ||
		dup_field(&dst->target_text, ev->target_text) < 0 ||
		dup_field(&dst->doc, ev->doc) < 0 ||
		dup_field(&dst->text, ev->text) < 0 ||
		dup_field(&dst->extra, ev->extra) < 0) {
		event_free_strings(dst);
		return ent__error_nomem(err);
	}
	events->len++;
	return ENT_OK;
}

ent_status ent_events_add_cb(const ent_event *ev, void *payload)
{
	return ent_events_add(payload, ev, NULL);
}

/* -- dates --------------------------------------------------------------- */

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

ent_date ent__date_make(long y, long m, long d)
{
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 ||
		d > days_in_month((int)y, (int)m)) {
		return 0;
	}
	return (ent_date)(y * 10000 + m * 100 + d);
}

long ent__days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void ent__civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int digits(const char *s, size_t n, int *out)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return -1;
		}
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

ent_status ent_date_parse(ent_date *out, const char *s, size_t len)
{
	int y = 0, m = 0, d = 0;

	*out = 0;
	if (s == NULL) {
		return ENT_EPARSE;
	}
	switch (len) {
	case 4: /* YYYY */
		if (digits(s, 4, &y) < 0) {
			return ENT_EPARSE;
		}
		break;
	case 6: /* YYYYMM */
	case 8: /* YYYYMMDD */
	case 14: /* YYYYMMDDhhmmss (GDELT DATEADDED) */
		if (digits(s, 4, &y) < 0 || digits(s + 4, 2, &m) < 0 ||
			(len >= 8 && digits(s + 6, 2, &d) < 0)) {
			return ENT_EPARSE;
		}
		if (len == 14) {
			int hh, mm, ss;
			if (digits(s + 8, 2, &hh) < 0 || digits(s + 10, 2, &mm) < 0 ||
				digits(s + 12, 2, &ss) < 0 || hh > 23 || mm > 59 ||
				ss > 60) {
				return ENT_EPARSE;
			}
		}
		break;
	case 7: /* YYYY-MM */
	case 10: /* YYYY-MM-DD */
		if (digits(s, 4, &y) < 0 || s[4] != '-' ||
			digits(s + 5, 2, &m) < 0 ||
			(len == 10 && (s[7] != '-' || digits(s + 8, 2, &d) < 0))) {
			return ENT_EPARSE;
		}
		break;
	default:
		return ENT_EPARSE;
	}
	if (y < 1 || (len > 4 && (m < 1 || m > 12))) {
		return ENT_EPARSE;
	}
	if ((len == 8 || len == 10 || len == 14) &&
		(d < 1 || d > days_in_month(y, m))) {
		return ENT_EPARSE;
	}
	*out = y * 10000 + m * 100 + d;
	return ENT_OK;
}

void ent_date_format(ent_date date, char buf[11])
{
	/* digits by hand: the events writer formats a date per event, and
	 * snprintf was a twentieth of `entente extract` */
	unsigned int y = (unsigned int)(date / 10000) % 10000u;
	unsigned int m = (unsigned int)(date / 100) % 100u;
	unsigned int d = (unsigned int)date % 100u;
	size_t k = 4;

	if (date <= 0) {
		buf[0] = '\0';
		return;
	}
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	if (m != 0) {
		buf[4] = '-';
		buf[5] = (char)('0' + m / 10);
		buf[6] = (char)('0' + m % 10);
		k = 7;
		if (d != 0) {
			buf[7] = '-';
			buf[8] = (char)('0' + d / 10);
			buf[9] = (char)('0' + d % 10);
			k = 10;
		}
	}
	buf[k] = '\0';
}

/* -- filters ------------------------------------------------------------- */

/* An actor passes the actor list when one of the names stands for it
 * (see ent_actor_name_resolve): its code, its state, or a group its state
 * belonged to on the event's date. */
static int actor_listed(const ent_filter *f, const ent_actor_name *names,
	const char *actor, ent_date date)
{
	size_t i;

	for (i = 0; i < f->n_actors; i++) {
		ent_actor_name n;

		if (names == NULL) {
			if (ent_actor_name_resolve(&n, f->actors[i],
				    strlen(f->actors[i]), ENT_NAME_GROUPS,
				    NULL) != ENT_OK) {
				continue;
			}
		} else {
			n = names[i];
		}
		if (ent__actor_name_match(&n, actor, date, date)) {
			return 1;
		}
	}
	return 0;
}

ent_status ent_filter_check(const ent_filter *f, ent_error *err)
{
	size_t i;
	ent_actor_name n;
	ent_status st;

	for (i = 0; f != NULL && i < f->n_actors; i++) {
		if (f->actors[i] == NULL) {
			return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
				"ent_filter_check: actor %zu is NULL", i);
		}
		if ((st = ent_actor_name_resolve(&n, f->actors[i],
			     strlen(f->actors[i]), ENT_NAME_GROUPS, err)) !=
			ENT_OK) {
			return st;
		}
	}
	return ENT_OK;
}

int ent_filter_match(const ent_filter *f, const ent_event *ev)
{
	return ent__filter_match(f, NULL, ev);
}

int ent__filter_match(const ent_filter *f, const ent_actor_name *names,
	const ent_event *ev)
{
	ent_date date;

	if (f == NULL) {
		return 1;
	}
	date = f->use_date_added ? ev->date_added : ev->date;
	if (f->since != 0 && (date == 0 || date < f->since)) {
		return 0;
	}
	if (f->until != 0) {
		/* a month or year bound covers the whole month or year */
		ent_date until = f->until;
		if (until % 100 == 0) {
			until += 99;
		}
		if (until / 100 % 100 == 0) {
			until += 9900;
		}
		if (date == 0 || date > until) {
			return 0;
		}
	}
	if (f->quads != 0 && (ev->quad < 1 || ev->quad > 4 ||
		!(f->quads & (1u << ev->quad)))) {
		return 0;
	}
	if (f->root_only && ev->root_event != 1) {
		return 0;
	}
	if ((f->min_sources > 0 && ev->sources < f->min_sources) ||
		(f->min_articles > 0 && ev->articles < f->min_articles)) {
		return 0;
	}
	if (f->n_codes > 0) {
		size_t i;
		int hit = 0;
		for (i = 0; i < f->n_codes && !hit; i++) {
			size_t n = strlen(f->codes[i]);
			hit = n > 0 && strncmp(ev->code, f->codes[i], n) == 0;
		}
		if (!hit) {
			return 0;
		}
	}
	/* a group's members at the event's own date, whichever date the
	 * date filters compare */
	if (f->n_actors > 0 && (!actor_listed(f, names, ev->source, ev->date) ||
		!actor_listed(f, names, ev->target, ev->date))) {
		return 0;
	}
	return 1;
}
