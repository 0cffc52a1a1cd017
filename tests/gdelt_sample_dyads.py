#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Independent check of the GDELT 2.0 reader on the real sample: the
directed dyads computed here with the csv module, from the definitions in
include/entente/graph.h and the actor rule of the README (country code
column, else the first three letters of the actor code; reduced through the
codes and alias codes of states.tsv; non-state ends and self-dyads left
out), must equal `entente dyads SAMPLE` exactly; and so must the dyads
with each noise control: --min-sources 2, --min-articles 3, --dedupe (one
event per SOURCEURL, dyad, EventCode and SQLDATE) and --weight tone
(AvgTone in place of GoldsteinScale, each event once).

usage: gdelt_sample_dyads.py ENTENTE SOURCE_ROOT
Skips (exit 77) when the shared data folder is absent; ENTENTE_DATA points
at it, default SOURCE_ROOT/../shared/data."""
import csv
import io
import os
import subprocess
import sys
from decimal import Decimal


def states(root):
    table = {}
    with open(os.path.join(root, 'src/lib/lexicon/states.tsv'),
              encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            cols = line.rstrip('\n').split('\t')
            table[cols[0]] = cols[0]
            if cols[3] != '-':
                for alias in cols[3].split(','):
                    table[alias.strip()] = cols[0]
    return table


MODES = {
    'plain': [],
    'min-sources': ['--min-sources', '2'],
    'min-articles': ['--min-articles', '3'],
    'dedupe': ['--dedupe'],
    'tone': ['--weight', 'tone'],
}


def expected(sample, table, mode='plain'):
    dyads = {}
    seen = set()
    with open(sample, encoding='utf-8', newline='') as f:
        for row in csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE):
            assert len(row) == 61, f'{len(row)} columns'
            ends = []
            for code, country in ((row[5], row[7]), (row[15], row[17])):
                key = country.strip() or code.strip()[:3]
                ends.append(table.get(key))
            s, t = ends
            if mode == 'min-sources' and int(row[32] or 0) < 2:
                continue
            if mode == 'min-articles' and int(row[33] or 0) < 3:
                continue
            if s is None or t is None or s == t:
                continue
            if mode == 'tone' and row[34] == '':
                continue
            if mode == 'dedupe' and row[60]:
                key = (row[60], s, t, row[26], row[1])
                if key in seen:
                    continue
                seen.add(key)
            weight = row[34] if mode == 'tone' else row[30]
            g = int((Decimal(weight) * 1000).to_integral_value())
            quad, day = int(row[29]), int(row[1])
            d = dyads.setdefault((s, t), [0, 0, 0, 0, 0, 0, day, day])
            d[0] += 1
            d[1] += quad in (1, 2)
            d[2] += quad in (3, 4)
            d[3] += g
            d[4] += max(g, 0)
            d[5] += max(-g, 0)
            d[6] = min(d[6], day)
            d[7] = max(d[7], day)
    return {k: tuple(v) for k, v in dyads.items()}


def milli(text):
    return int(Decimal(text) * 1000)


def actual(entente, sample, mode='plain'):
    out = subprocess.run([entente, 'dyads', '--strict'] + MODES[mode] + [sample],
                         capture_output=True, check=True).stdout.decode()
    got = {}
    for r in csv.DictReader(io.StringIO(out)):
        got[(r['source'], r['target'])] = (
            int(r['events']), int(r['coop_events']),
            int(r['conflict_events']), milli(r['goldstein_sum']),
            milli(r['cooperation']), milli(r['conflict']),
            int(r['first'].replace('-', '')), int(r['last'].replace('-', '')))
    return got


def main():
    entente, root = sys.argv[1], sys.argv[2]
    data = os.environ.get('ENTENTE_DATA') or os.path.join(root, '..',
                                                          'shared', 'data')
    sample = os.path.join(data, 'gdelt', '20191024143000.export.CSV')
    if not os.path.exists(sample):
        print(f'SKIP: {sample} not found (set ENTENTE_DATA to the shared '
              'data folder)')
        sys.exit(77)
    failed = 0
    for mode in MODES:
        want = expected(sample, states(root), mode)
        got = actual(entente, sample, mode)
        bad = [k for k in sorted(set(want) | set(got))
               if want.get(k) != got.get(k)]
        for k in bad[:20]:
            print(f'{mode}: {k}: expected {want.get(k)}, entente {got.get(k)}')
        events = sum(v[0] for v in want.values())
        print(f'{mode}: {len(want)} dyads, {events} events; {len(bad)} differ')
        failed += bool(bad) or (mode == 'plain' and events != 422)
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
