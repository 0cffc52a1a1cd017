#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Check that two dyad tables are equal, exactly: the baseline's CSV
(pandas_dyads.py: sums in thousandths, dates YYYYMMDD) against entente's
output, either a report (analyze --format json, its "dyads" list) or a dyad
table (entente dyads). Exit 0 when every dyad and every field agrees.

usage: compare_dyads.py BASELINE.csv ENTENTE.json|ENTENTE.csv"""
import csv
import json
import sys
from decimal import Decimal


def milli(text):
    """'12.5' -> 12500, exactly (entente writes at most three decimals)."""
    v = Decimal(str(text)) * 1000
    if v != v.to_integral_value():
        raise ValueError(f'{text} has more than three decimals')
    return int(v)


def day(text):
    return int(str(text).replace('-', '')) if text else 0


def load_baseline(path):
    out = {}
    with open(path, newline='', encoding='utf-8') as f:
        for r in csv.DictReader(f):
            out[(r['source'], r['target'])] = (
                int(r['events']), int(r['coop_events']),
                int(r['conflict_events']), int(r['goldstein_milli']),
                int(r['cooperation_milli']), int(r['conflict_milli']),
                int(r['first']), int(r['last']))
    return out


def load_entente(path):
    out = {}
    with open(path, newline='', encoding='utf-8') as f:
        if path.endswith('.json'):
            rows = json.load(f)['dyads']
        else:
            rows = list(csv.DictReader(f))
    for r in rows:
        out[(r['source'], r['target'])] = (
            int(r['events']), int(r['coop_events']),
            int(r['conflict_events']), milli(r['goldstein_sum']),
            milli(r['cooperation']), milli(r['conflict']),
            day(r.get('first')), day(r.get('last')))
    return out


def main():
    base, ent = load_baseline(sys.argv[1]), load_entente(sys.argv[2])
    problems = []
    for key in sorted(set(base) | set(ent)):
        if key not in ent:
            problems.append(f'{key}: only in the baseline')
        elif key not in base:
            problems.append(f'{key}: only in entente')
        elif base[key] != ent[key]:
            problems.append(f'{key}: baseline {base[key]}, entente {ent[key]}')
    if problems:
        print(f'{len(problems)} dyads differ:', *problems[:20], sep='\n  ')
        sys.exit(1)
    print(f'dyads equal: {len(base)} dyads, '
          f'{sum(v[0] for v in base.values())} events')


if __name__ == '__main__':
    main()
