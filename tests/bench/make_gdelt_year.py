#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Build a year of GDELT 2.0 at the density of the real month
(../shared/data/gdelt/gdelt2_20250515-20250614_halfdaily.export.CSV, 77,566
rows from 61 half-daily exports): copy k (k = 0 .. COPIES-1) repeats every
row with a fresh GLOBALEVENTID and its SQLDATE and DATEADDED moved 30 * k
days later, every other field as published. 12 copies cover a year
(2025-05-15 to 2026-05-10) with the month's real mix of actors and events.

usage: make_gdelt_year.py MONTH.export.CSV OUTPUT [COPIES]"""
import datetime
import sys


def main():
    sample, output = sys.argv[1], sys.argv[2]
    copies = int(sys.argv[3]) if len(sys.argv) > 3 else 12
    with open(sample, encoding='utf-8', newline='') as f:
        rows = [line.rstrip('\n').split('\t') for line in f if line.strip()]
    if any(len(r) != 61 for r in rows):
        sys.exit(f'{sample}: not a GDELT 2.0 export (61 columns)')
    shifted = {}

    def shift(day, k):
        key = (day, k)
        if key not in shifted:
            try:
                d = datetime.date(int(day[:4]), int(day[4:6]), int(day[6:8]))
                shifted[key] = (d + datetime.timedelta(days=30 * k)).strftime(
                    '%Y%m%d')
            except ValueError:
                shifted[key] = day
        return shifted[key]

    next_id = 2_000_000_000
    written = 0
    with open(output, 'w', encoding='utf-8', newline='') as out:
        for k in range(copies):
            lines = []
            for r in rows:
                r = list(r)
                r[0] = str(next_id)
                next_id += 1
                r[1] = shift(r[1], k)
                if len(r[59]) == 14:
                    r[59] = shift(r[59][:8], k) + r[59][8:]
                lines.append('\t'.join(r))
            chunk = '\n'.join(lines) + '\n'
            out.write(chunk)
            written += len(chunk.encode('utf-8'))
    print(f'{output}: {written} bytes, {copies} copies of {len(rows)} rows',
          file=sys.stderr)


if __name__ == '__main__':
    main()
