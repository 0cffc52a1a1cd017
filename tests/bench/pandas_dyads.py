#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""The baseline of the benchmark: the directed dyads of a GDELT 2.0 export
computed the way an analyst would with pandas (read_csv, then groupby),
with entente's definitions (README "Dyad tables"):

  actor of an end = Actor1CountryCode (Actor2CountryCode), or when it is
  empty the first three letters of Actor1Code (Actor2Code); reduced to a
  state through the codes and alias codes of src/lib/lexicon/states.tsv;
  events with a non-state end or within one state are left out.
  goldstein_sum, cooperation, conflict are sums in thousandths.

usage: pandas_dyads.py EXPORT.CSV STATES.tsv OUT.csv"""
import csv
import sys

import numpy as np
import pandas as pd

# GDELT 2.0 columns (0-based)
SQLDATE, ACTOR1CODE, ACTOR1CC, ACTOR2CODE, ACTOR2CC = 1, 5, 7, 15, 17
QUAD, GOLDSTEIN = 29, 30


def state_table(path):
    codes = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            fields = line.rstrip('\n').split('\t')
            codes[fields[0]] = fields[0]
            if fields[3] != '-':
                for alias in fields[3].split(','):
                    codes[alias.strip()] = fields[0]
    return codes


def main():
    export, states_path, out = sys.argv[1:4]
    states = state_table(states_path)
    df = pd.read_csv(export, sep='\t', header=None, quoting=csv.QUOTE_NONE,
                     usecols=[SQLDATE, ACTOR1CODE, ACTOR1CC, ACTOR2CODE,
                              ACTOR2CC, QUAD, GOLDSTEIN],
                     dtype={ACTOR1CODE: str, ACTOR1CC: str, ACTOR2CODE: str,
                            ACTOR2CC: str},
                     keep_default_na=False, float_precision='round_trip')

    def end(code, cc):
        key = cc.where(cc != '', code.str.strip().str[:3])
        return key.map(states)

    df['s'] = end(df[ACTOR1CODE], df[ACTOR1CC])
    df['t'] = end(df[ACTOR2CODE], df[ACTOR2CC])
    df = df[df['s'].notna() & df['t'].notna() & (df['s'] != df['t'])]
    g = np.rint(df[GOLDSTEIN].to_numpy() * 1000).astype(np.int64)
    quad = df[QUAD].to_numpy()
    work = pd.DataFrame({
        'source': df['s'].to_numpy(), 'target': df['t'].to_numpy(),
        'events': 1,
        'coop_events': ((quad == 1) | (quad == 2)).astype(np.int64),
        'conflict_events': ((quad == 3) | (quad == 4)).astype(np.int64),
        'g': g, 'coop': np.maximum(g, 0), 'confl': np.maximum(-g, 0),
        'date': df[SQLDATE].to_numpy()})
    dy = work.groupby(['source', 'target'], sort=True).agg(
        events=('events', 'sum'), coop_events=('coop_events', 'sum'),
        conflict_events=('conflict_events', 'sum'),
        goldstein_milli=('g', 'sum'), cooperation_milli=('coop', 'sum'),
        conflict_milli=('confl', 'sum'), first=('date', 'min'),
        last=('date', 'max')).reset_index()
    dy.to_csv(out, index=False)
    print(f'{out}: {len(dy)} dyads from {len(df)} events', file=sys.stderr)


if __name__ == '__main__':
    main()
