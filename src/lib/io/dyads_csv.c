/* SPDX-License-Identifier: MIT */
/*
 * Dyad tables as CSV (RFC 4180): the aggregated directed dyads that
 * `entente dyads` writes and every command reads back. Sums are written
 * with exactly three decimals' worth of precision (the table keeps them in
 * integer thousandths), so reading a table back and merging tables is
 * exact.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "io/io_internal.h"
#include "util/csv.h"

#define HEADER "source,target,events,coop_events,conflict_events," \
	"goldstein_sum,goldstein_mean,cooperation,conflict,first,last"
#define N_COLS 11

int ent__dyads_is_header(const char *line, size_t len)
{
	size_t m = strlen(HEADER);

	if (len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
		line += 3;
		len -= 3;
	}
	while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == '\n')) {
		len--;
	}
	return len == m && memcmp(line, HEADER, m) == 0;
}

/* A value kept in thousandths, written without trailing zeros. */
static void put_milli(FILE *fp, int64_t v)
{
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	unsigned frac = (unsigned)(a % 1000);
	char dec[5] = "";

	if (frac != 0) {
		snprintf(dec, sizeof(dec), ".%03u", frac);
		while (dec[strlen(dec) - 1] == '0') {
			dec[strlen(dec) - 1] = '\0';
		}
	}
	fprintf(fp, "%s%" PRIu64 "%s", v < 0 ? "-" : "", a / 1000, dec);
}


ent_status ent_dyads_write_csv(FILE *fp, const ent_dyads *dyads,
	ent_error *err)
{
	size_t i, n = ent_dyads_count(dyads);
	char first[11], last[11], mean[32];
	ent_dyad d;
	char *p;

	if (fp == NULL || dyads == NULL) {
		return ent__error_set(err, ENT_EINVAL, NULL, 0, 0,
			"ent_dyads_write_csv: NULL argument");
	}
	errno = 0;
	fputs(HEADER "\r\n", fp);
	/* stop at the first failed write: errno then says why */
	for (i = 0; i < n && !ferror(fp); i++) {
		if (ent_dyads_get(&d, dyads, i) != ENT_OK) {
			return ent__error_nomem(err);
		}
		ent_date_format(d.first, first);
		ent_date_format(d.last, last);
		snprintf(mean, sizeof(mean), "%.6f", d.goldstein_mean);
		p = mean + strlen(mean) - 1;
		while (*p == '0') {
			*p-- = '\0';
		}
		if (*p == '.') {
			*p = '\0';
		}
		if (strcmp(mean, "-0") == 0) {
			strcpy(mean, "0");
		}
		ent__csv_field(fp, d.source);
		fputc(',', fp);
		ent__csv_field(fp, d.target);
		fprintf(fp, ",%" PRId64 ",%" PRId64 ",%" PRId64 ",", d.events,
			d.coop_events, d.conflict_events);
		put_milli(fp, ent__to_milli(d.goldstein_sum));
		fprintf(fp, ",%s,", mean);
		put_milli(fp, ent__to_milli(d.cooperation));
		fputc(',', fp);
		put_milli(fp, ent__to_milli(d.conflict));
		fprintf(fp, ",%s,%s\r\n", first, last);
	}
	if (ferror(fp)) {
		return ent__error_set(err, ENT_EIO, NULL, 0, 0,
			"cannot write the dyad table: %s",
			strerror(errno ? errno : EIO));
	}
	return ENT_OK;
}

/*
 * Split a CSV line into fields in place (quotes removed, "" unescaped).
 * Returns the number of fields, or -1 with *bad at a malformed quote.
 */
static int split_csv(char *line, size_t len, char **fields, size_t *lens,
	size_t *starts, int max, size_t *bad)
{
	size_t i = 0;
	int n = 0;

	for (;;) {
		char *out;
		if (n == max) {
			starts[n] = i; /* where the first extra field starts */
			return max + 1;
		}
		starts[n] = i;
		fields[n] = out = line + i;
		if (i < len && line[i] == '"') {
			i++;
			for (;;) {
				if (i >= len) {
					*bad = starts[n];
					return -1;
				}
				if (line[i] == '"') {
					if (i + 1 < len && line[i + 1] == '"') {
						*out++ = '"';
						i += 2;
						continue;
					}
					i++;
					break;
				}
				*out++ = line[i++];
			}
			if (i < len && line[i] != ',') {
				*bad = i;
				return -1;
			}
		} else {
			while (i < len && line[i] != ',') {
				if (line[i] == '"') {
					*bad = i;
					return -1;
				}
				*out++ = line[i++];
			}
		}
		lens[n] = (size_t)(out - fields[n]);
		n++;
		if (i >= len) {
			break;
		}
		*out = '\0';
		i++; /* the comma */
	}
	fields[n - 1][lens[n - 1]] = '\0';
	return n;
}

/* A number of thousandths written by put_milli (or any decimal). */
static int parse_milli(const char *s, size_t len, int64_t *out)
{
	double v;

	if (ent__parse_double(s, len, &v) < 0 || fabs(v) > 9e12) {
		return -1;
	}
	*out = ent__to_milli(v);
	return 0;
}

void ent__dyads_row(const void *state, char *line, size_t len,
	ent__record *rec)
{
	static const char *const names[N_COLS] = {"source", "target",
		"events", "coop_events", "conflict_events", "goldstein_sum",
		"goldstein_mean", "cooperation", "conflict", "first", "last"};
	char *f[N_COLS + 1];
	size_t l[N_COLS + 1], starts[N_COLS + 1], bad = 0;
	int64_t counts[3], milli[3];
	ent_dyad *d = &rec->u.dy;
	double mean;
	int n, i;

	(void)state;
	n = split_csv(line, len, f, l, starts, N_COLS, &bad);
	if (n < 0) {
		ent__row_broken(rec, (long)bad + 1, "malformed quoted field");
		return;
	}
	if (n != N_COLS) {
		ent__row_broken(rec, n > N_COLS ? (long)starts[N_COLS] + 1 : 1,
			"%s columns, a dyad table has %d", n > N_COLS ?
			"too many" : "too few", N_COLS);
		return;
	}
	memset(d, 0, sizeof(*d));
	for (i = 0; i < 2; i++) {
		/* a code the writer defused ('=1+1 for =1+1) reads back as
		 * it was */
		l[i] = ent__csv_undefuse(f[i], l[i]);
		if (l[i] == 0 || l[i] >= ENT_CODE_SIZE ||
			!ent__text_ok(f[i], l[i])) {
			ent__row_broken(rec, (long)starts[i] + 1, "%s must be an "
				"actor code of 1 to %d bytes of text", names[i],
				ENT_CODE_SIZE - 1);
			return;
		}
	}
	memcpy(d->source, f[0], l[0] + 1);
	memcpy(d->target, f[1], l[1] + 1);
	for (i = 0; i < 3; i++) {
		if (ent__parse_i64(f[2 + i], l[2 + i], &counts[i]) < 0) {
			ent__row_broken(rec, (long)starts[2 + i] + 1, "%s \"%.*s\" "
				"is not a whole number", names[2 + i],
				(int)(l[2 + i] < 20 ? l[2 + i] : 20), f[2 + i]);
			return;
		}
	}
	for (i = 0; i < 3; i++) {
		int c = i == 0 ? 5 : 6 + i;
		if (parse_milli(f[c], l[c], &milli[i]) < 0) {
			ent__row_broken(rec, (long)starts[c] + 1, "%s \"%.*s\" is "
				"not a number", names[c], (int)(l[c] < 20 ? l[c] :
				20), f[c]);
			return;
		}
	}
	if (ent__parse_double(f[6], l[6], &mean) < 0) {
		ent__row_broken(rec, (long)starts[6] + 1, "goldstein_mean "
			"\"%.*s\" is not a number", (int)(l[6] < 20 ? l[6] : 20),
			f[6]);
		return;
	}
	/* goldstein_sum = cooperation - conflict, exactly, by definition */
	if (milli[1] < 0 || milli[2] < 0 || milli[0] != milli[1] - milli[2]) {
		ent__row_broken(rec, (long)starts[5] + 1, "goldstein_sum must "
			"equal cooperation - conflict, both at least 0");
		return;
	}
	if (counts[1] + counts[2] > counts[0]) {
		ent__row_broken(rec, (long)starts[3] + 1, "coop_events + "
			"conflict_events exceed events");
		return;
	}
	for (i = 9; i <= 10; i++) {
		ent_date *dt = i == 9 ? &d->first : &d->last;
		if (l[i] != 0 && ent_date_parse(dt, f[i], l[i]) != ENT_OK) {
			ent__row_broken(rec, (long)starts[i] + 1, "%s \"%.*s\" is "
				"not a date YYYY-MM-DD", names[i],
				(int)(l[i] < 20 ? l[i] : 20), f[i]);
			return;
		}
	}
	if (d->first > d->last) {
		ent__row_broken(rec, (long)starts[9] + 1, "first is after last");
		return;
	}
	d->events = counts[0];
	d->coop_events = counts[1];
	d->conflict_events = counts[2];
	d->goldstein_sum = (double)milli[0] / 1000.0;
	d->cooperation = (double)milli[1] / 1000.0;
	d->conflict = (double)milli[2] / 1000.0;
	d->goldstein_mean = counts[0] ? d->goldstein_sum / (double)counts[0]
		: 0.0;
	rec->kind = ENT__ROW_DYAD;
}
