#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Independent check of `entente analyze --format json` on an events JSON
file: recompute every directed dyad in plain Python from the events and
the CAMEO table (src/lib/lexicon/cameo.tsv) and compare with the report.

Rules recomputed here (DESIGN.md "Dyads and the graph"): actors reduce to
their first three letters (all states in the examples), goldstein and quad
default from the code, weight = count, cooperation = sum of positive
weighted Goldstein, conflict = sum of negative ones, quads 1-2 cooperative
events and 3-4 conflict events. Prints TAP."""
import json
import os
import subprocess
import sys


def main():
    exe, root, example = sys.argv[1], sys.argv[2], sys.argv[3]
    cameo = {}
    with open(os.path.join(root, 'src/lib/lexicon/cameo.tsv'), encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            code, g, quad, _ = line.rstrip('\n').split('\t', 3)
            cameo[code] = (float(g), int(quad))
    doc = json.load(open(os.path.join(root, example), encoding='utf-8'))
    events = doc['events'] if isinstance(doc, dict) else doc
    want = {}
    for ev in events:
        s, t = ev['source'][:3].upper(), ev['target'][:3].upper()
        if s == t:
            continue
        g, quad = cameo.get(ev.get('code'), (None, 0))
        g = ev.get('goldstein', g)
        quad = ev.get('quad', quad)
        n = ev.get('count', 1)
        d = want.setdefault((s, t), dict(events=0, coop_events=0, conflict_events=0,
                                         goldstein_sum=0.0, cooperation=0.0, conflict=0.0))
        d['events'] += n
        d['coop_events'] += n if quad in (1, 2) else 0
        d['conflict_events'] += n if quad in (3, 4) else 0
        d['goldstein_sum'] += n * g
        d['cooperation'] += n * max(g, 0)
        d['conflict'] += n * max(-g, 0)
    out = subprocess.run([exe, 'analyze', '--format', 'json', example], cwd=root,
                         capture_output=True, check=True).stdout
    got = {(d['source'], d['target']): d for d in json.loads(out)['dyads']}
    keys = sorted(set(want) | set(got))
    print(f'1..{len(keys) + 1}')
    failed = 0
    ok = set(want) == set(got)
    print(f'{"ok" if ok else "not ok"} 1 - same dyads ({len(want)} expected, {len(got)} reported)')
    failed += not ok
    for i, k in enumerate(keys, 2):
        w, g = want.get(k), got.get(k)
        good = w is not None and g is not None and all(
            abs(w[f] - g[f]) < 1e-9 for f in w) and abs(
            g['goldstein_mean'] - w['goldstein_sum'] / w['events']) < 1e-6
        failed += not good
        print(f'{"ok" if good else "not ok"} {i} - dyad {k[0]}->{k[1]}')
        if not good:
            print(f'#   want {w}\n#   got  {g}')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
