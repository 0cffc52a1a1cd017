#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Build a synthetic actor-level GDELT 2.0 export for the benchmarks: n
actors, 20 events per actor, power-law activity, real event content.

usage: make_actors.py SAMPLE.export.CSV OUTPUT N_ACTORS [SEED]

- Actors: N codes made of a real country code of the sample and five
  letters (RUSABCDE), so `--level actor` keeps each one whole and the
  state level would reduce it to its country.
- Activity: actor ranks are a fixed random permutation; an event's source
  and its target are drawn independently (never the same actor) with
  probability proportional to 1 / rank (Zipf, exponent 1), as GDELT's
  sub-state actors are: a few in most events, most in a few.
- Content: each event is a real row of SAMPLE chosen uniformly at random,
  with every column as published (date, CAMEO code, quad class, Goldstein,
  mentions, URL, ...) except the event id (fresh) and the two actors'
  code, name and country columns.
- 20 x N events in all. Fixed seed (default 1), so the file repeats byte
  for byte.
"""
import bisect
import itertools
import random
import string
import sys


def main():
    sample, output, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    rnd = random.Random(seed)
    with open(sample, encoding='utf-8', newline='') as f:
        rows = [line.rstrip('\n').split('\t') for line in f if line.strip()]
    if any(len(r) != 61 for r in rows):
        sys.exit(f'{sample}: not a GDELT 2.0 export (61 columns)')
    countries = sorted({r[c] for r in rows for c in (7, 17)
                        if len(r[c]) == 3 and r[c].isalpha()})
    names = set()
    codes = []
    for i in range(n):
        cc = countries[i % len(countries)]
        while True:
            tail = ''.join(rnd.choice(string.ascii_uppercase)
                           for _ in range(5))
            if cc + tail not in names:
                break
        names.add(cc + tail)
        codes.append((cc + tail, cc))
    rank = list(range(n))
    rnd.shuffle(rank)  # rank[i]: the popularity rank of actor i
    by_rank = sorted(range(n), key=lambda i: rank[i])
    cumulative = list(itertools.accumulate(1.0 / (r + 1) for r in range(n)))
    total = cumulative[-1]

    def draw():
        return by_rank[bisect.bisect_left(cumulative,
                                          rnd.random() * total)]

    with open(output, 'w', encoding='utf-8', newline='') as out:
        for k in range(20 * n):
            s = draw()
            t = draw()
            while t == s:
                t = draw()
            r = list(rnd.choice(rows))
            r[0] = str(2_000_000_000 + k)
            for col, (code, cc) in ((5, codes[s]), (15, codes[t])):
                r[col] = code
                r[col + 1] = 'ACTOR ' + code
                r[col + 2] = cc
            out.write('\t'.join(r) + '\n')
    print(f'{output}: {20 * n} events between {n} actors',
          file=sys.stderr)


if __name__ == '__main__':
    main()
