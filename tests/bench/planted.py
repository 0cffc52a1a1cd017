# SPDX-License-Identifier: MIT
"""Planted-bloc graphs and the measures that judge a bloc partition, shared
by the benchmarks (bench_blocs.py) and the cross-check.

- write_planted(): a dyad table (the CSV `entente dyads` writes) of n
  actors in k planted blocs of equal size (actor i is in bloc i mod k):
  pairs drawn at random until the relations average `degree` partners
  per actor, the second actor of a pair from the first one's bloc with
  probability `inside` (else from another bloc); a pair inside a bloc is
  an alliance (cooperation heavy, conflict light), a pair across blocs a
  tension, and one pair in ten (`flip`) the other way round. Fixed seed,
  so the file repeats.
- signed_modularity(): the objective of the bloc search as metrics.h
  defines it, from a report's relations and blocs, independently of the C
  code: per component of the signed layer,
  Q = sum over pairs in one bloc of [A_ij - k+_i k+_j / 2W+ + k-_i k-_j / 2W-]
  / (2W+ + 2W-), and the components' Q summed weighted by their 2W+ + 2W-.
- nmi(): normalised mutual information of two partitions (arithmetic
  mean normalisation, as scikit-learn's default).
- recovered(): the share of actors whose found bloc is, by majority, the
  one of their planted bloc (each found bloc stands for the planted bloc
  most of its members come from).
"""
import math
import random
from collections import Counter, defaultdict

HEADER = ('source,target,events,coop_events,conflict_events,goldstein_sum,'
          'goldstein_mean,cooperation,conflict,first,last\n')


def code(i):
    return 'P%05d' % i


def write_planted(path, n, k, degree, seed, flip=0.1, inside=0.5):
    rnd = random.Random(seed)
    want = n * degree // 2
    pairs = set()
    while len(pairs) < want:
        a = rnd.randrange(n)
        if rnd.random() < inside:  # same bloc: a + multiple of k
            b = a % k + k * rnd.randrange((n - 1 - a % k) // k + 1)
        else:
            b = rnd.randrange(n)
            if b % k == a % k:
                continue
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    with open(path, 'w') as f:
        f.write(HEADER)
        for a, b in sorted(pairs):
            ev = rnd.randint(1, 20)
            friendly = (a % k == b % k) != (rnd.random() < flip)
            hi = round(1 + rnd.random() * 39, 3)
            lo = round(rnd.random() * 5, 3)
            coop, conf = (hi, lo) if friendly else (lo, hi)
            if rnd.random() < 0.5:
                a, b = b, a
            f.write('%s,%s,%d,%d,%d,%.3f,%.6f,%.3f,%.3f,2019-01-01,'
                    '2019-12-31\n' % (code(a), code(b), ev, ev // 2,
                                      ev - ev // 2, coop - conf,
                                      (coop - conf) / ev, coop, conf))
    return {code(i): i % k for i in range(n)}


def signed_modularity(report):
    bloc = {a['code']: a['bloc'] for a in report['actors']}
    comp = {a['code']: a['component'] for a in report['actors']}
    kp, kn = defaultdict(float), defaultdict(float)
    wp2, wn2 = defaultdict(float), defaultdict(float)
    inside = defaultdict(float)
    for r in report['relations']:
        w = r['net']
        if w == 0:
            continue
        a, b, c = r['a'], r['b'], comp[r['a']]
        if w > 0:
            kp[a] += w
            kp[b] += w
            wp2[c] += 2 * w
        else:
            kn[a] -= w
            kn[b] -= w
            wn2[c] -= 2 * w
        if bloc[a] == bloc[b]:
            inside[c] += 2 * w
    kp_b, kn_b = defaultdict(float), defaultdict(float)
    for a, b in bloc.items():
        kp_b[b] += kp[a]
        kn_b[b] += kn[a]
    null_p, null_n = defaultdict(float), defaultdict(float)
    comp_of_bloc = {bloc[a]: comp[a] for a in bloc}
    for b, c in comp_of_bloc.items():
        null_p[c] += kp_b[b] ** 2
        null_n[c] += kn_b[b] ** 2
    total = num = 0.0
    for c in set(wp2) | set(wn2):
        t = wp2[c] + wn2[c]
        q = inside[c]
        q -= null_p[c] / wp2[c] if wp2[c] > 0 else 0
        q += null_n[c] / wn2[c] if wn2[c] > 0 else 0
        num += q  # = t * Q_c
        total += t
    return num / total if total > 0 else 0.0


def _entropy(counts, n):
    return -sum(c / n * math.log(c / n) for c in counts.values() if c)


def nmi(x, y):
    keys = sorted(x)
    n = len(keys)
    cx = Counter(x[k] for k in keys)
    cy = Counter(y[k] for k in keys)
    cxy = Counter((x[k], y[k]) for k in keys)
    mi = sum(c / n * math.log(c * n / (cx[a] * cy[b]))
             for (a, b), c in cxy.items())
    hx, hy = _entropy(cx, n), _entropy(cy, n)
    return 1.0 if hx + hy == 0 else 2 * mi / (hx + hy)


def recovered(found, truth):
    votes = defaultdict(Counter)
    for k, b in found.items():
        votes[b][truth[k]] += 1
    stands_for = {b: c.most_common(1)[0][0] for b, c in votes.items()}
    hits = sum(1 for k, b in found.items() if stands_for[b] == truth[k])
    return hits / len(found)
