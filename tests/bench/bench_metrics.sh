#!/bin/sh
# SPDX-License-Identifier: MIT
# Benchmark: the full analysis of a 300-actor graph with 20,000 directed
# dyads (`entente analyze --level actor --format json`: every centrality,
# blocs, balance, tension) against NetworkX computing the same
# centralities (PageRank, betweenness, harmonic closeness, eigenvector,
# HITS, strengths) and the triangle balance index in the same run.
#
#   tests/bench/bench_metrics.sh [ENTENTE_BINARY]   (default build/src/cli/entente)
#
# The graph is synthetic and fixed (seed 300): six planted blocs, allied
# inside and hostile across, one pair in ten flipped. Times are wall clock
# of the whole command / the whole Python computation after loading,
# best of three runs. Needs Debian's python3-networkx and python3-scipy.
set -eu

bin=${1:-build/src/cli/entente}
py=/usr/bin/python3
[ -x "$py" ] || py=python3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/entente-bench-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

"$py" - "$tmp/dyads.csv" <<'PY'
import random
import sys
random.seed(300)
n, k = 300, 6
codes = ['A%03d' % i for i in range(n)]
pairs = set()
while len(pairs) < 20000:
    a, b = random.sample(range(n), 2)
    pairs.add((a, b))
with open(sys.argv[1], 'w') as f:
    f.write('source,target,events,coop_events,conflict_events,goldstein_sum,'
            'goldstein_mean,cooperation,conflict,first,last\n')
    for a, b in sorted(pairs):
        ev = random.randint(1, 20)
        friendly = (a % k == b % k) != (random.random() < 0.1)
        hi, lo = round(random.random() * 40, 3), round(random.random() * 5, 3)
        coop, conf = (hi, lo) if friendly else (lo, hi)
        f.write('%s,%s,%d,%d,%d,%.3f,%.6f,%.3f,%.3f,2019-01-01,2019-12-31\n' % (
            codes[a], codes[b], ev, ev // 2, ev - ev // 2, coop - conf,
            (coop - conf) / ev, coop, conf))
PY

"$py" - "$bin" "$tmp/dyads.csv" "$tmp/report.json" <<'PY'
import csv
import json
import resource
import subprocess
import sys
import time
import warnings

warnings.simplefilter('ignore', FutureWarning)
import networkx as nx

exe, path, report_path = sys.argv[1], sys.argv[2], sys.argv[3]


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


# entente: the whole command, best of three (wall and CPU)
wall_e = cpu_e = None
for run in range(3):
    c0, w0 = children_cpu(), time.perf_counter()
    with open(report_path, 'wb') as out:
        subprocess.run([exe, 'analyze', '--level', 'actor', '--format',
                        'json', path], stdout=out, check=True)
    w, c = time.perf_counter() - w0, children_cpu() - c0
    wall_e = w if wall_e is None else min(wall_e, w)
    cpu_e = c if cpu_e is None else min(cpu_e, c)

rows = list(csv.DictReader(open(path)))


def networkx_run():
    directed = nx.DiGraph()
    coop, net = {}, {}
    for r in rows:
        c, x = float(r['cooperation']), float(r['conflict'])
        directed.add_edge(r['source'], r['target'], weight=c + x,
                          cooperation=c, conflict=x)
        key = tuple(sorted((r['source'], r['target'])))
        coop[key] = coop.get(key, 0.0) + c
        net[key] = net.get(key, 0.0) + c - x
    layer = nx.Graph()
    layer.add_nodes_from(directed)
    for (a, b), c in coop.items():
        if c > 0:
            layer.add_edge(a, b, weight=c, distance=1.0 / c)
    res = {
        'strength_out': dict(directed.out_degree(weight='weight')),
        'strength_in': dict(directed.in_degree(weight='weight')),
        'pagerank': nx.pagerank(directed, alpha=0.85, weight='weight',
                                tol=1e-13, max_iter=100000),
        'betweenness': nx.betweenness_centrality(layer, weight='distance',
                                                 normalized=False),
        'harmonic': nx.harmonic_centrality(layer, distance='distance'),
        'eigenvector': nx.eigenvector_centrality_numpy(layer, weight='weight'),
    }
    res['hub'], res['authority'] = nx.hits(directed, max_iter=100000,
                                           tol=1e-13)
    signed = nx.Graph()
    for (a, b), w in net.items():
        if w != 0:
            signed.add_edge(a, b, sign=1 if w > 0 else -1)
    balanced = total = 0
    for clique in nx.enumerate_all_cliques(signed):
        if len(clique) < 3:
            continue
        if len(clique) > 3:
            break
        a, b, c = clique
        total += 1
        balanced += (signed[a][b]['sign'] * signed[b][c]['sign'] *
                     signed[a][c]['sign']) > 0
    res['triangle_index'] = balanced / total if total else 1.0
    return res


wall_n = cpu_n = None
for run in range(3):
    w0, c0 = time.perf_counter(), time.process_time()
    res = networkx_run()
    w, c = time.perf_counter() - w0, time.process_time() - c0
    wall_n = w if wall_n is None else min(wall_n, w)
    cpu_n = c if cpu_n is None else min(cpu_n, c)

report = json.load(open(report_path))
pr = {a['code']: a['pagerank'] for a in report['actors']}
worst = max(abs(pr[k] - v) for k, v in res['pagerank'].items())
print(f'graph: {len(report["actors"])} actors, {len(report["dyads"])} '
      f'dyads, {len(report["relations"])} relations, '
      f'{len(report["blocs"])} blocs, '
      f'{report["balance"]["triangles"]} triangles')
print(f'triangle index: entente {report["balance"]["triangle_index"]:.9f}, '
      f'networkx {res["triangle_index"]:.9f}; '
      f'PageRank worst difference {worst:.1e}')
print(f'entente analyze (everything, incl. blocs):     '
      f'{cpu_e:.2f} s CPU, {wall_e:.2f} s wall')
print(f'networkx (centralities + triangle index only):  '
      f'{cpu_n:.2f} s CPU, {wall_n:.2f} s wall')
print(f'ratio networkx / entente: {cpu_n / cpu_e:.2f} (CPU), '
      f'{wall_n / wall_e:.2f} (wall)')
PY
