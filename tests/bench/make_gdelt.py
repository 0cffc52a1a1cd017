#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Build a large GDELT 2.0 export for the benchmark by repeating the rows of
a real 15-minute export: copy k gets fresh GLOBALEVENTIDs and its SQLDATE
and DATEADDED moved k days later, every other field as published.

usage: make_gdelt.py SAMPLE.export.CSV OUTPUT MIN_MEGABYTES"""
import datetime
import sys


def main():
    sample, output, min_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    with open(sample, encoding='utf-8', newline='') as f:
        rows = [line.rstrip('\n').split('\t') for line in f if line.strip()]
    if any(len(r) != 61 for r in rows):
        sys.exit(f'{sample}: not a GDELT 2.0 export (61 columns)')
    shifted = {}

    def shift(day, k):
        key = (day, k)
        if key not in shifted:
            d = datetime.date(int(day[:4]), int(day[4:6]), int(day[6:8]))
            shifted[key] = (d + datetime.timedelta(days=k)).strftime('%Y%m%d')
        return shifted[key]

    target = int(min_mb * 1e6)
    written = 0
    next_id = 1_000_000_000
    k = 0
    with open(output, 'w', encoding='utf-8', newline='') as out:
        while written < target:
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
            k += 1
    print(f'{output}: {written} bytes, {k} copies of {len(rows)} rows',
          file=sys.stderr)


if __name__ == '__main__':
    main()
