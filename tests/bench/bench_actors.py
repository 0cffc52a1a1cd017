#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Benchmark: `entente analyze --level actor` on synthetic actor-level
GDELT exports (make_actors.py: Zipf activity, real event content from the
GDELT sample, 20 events per actor), against NetworkX computing betweenness
and harmonic closeness on the same graph, in the same run.

    tests/bench/bench_actors.py [ENTENTE] [SIZE...]
        (default build/src/cli/entente; sizes 2000 10000 50000)

Environment: BENCH_DIR (default /tmp/entente-bench) holds the generated
files (made once, reused); SAMPLE the GDELT 2.0 export to draw rows from
(default ../shared/data/gdelt/20191024143000.export.CSV); NX_SOURCES the
sources NetworkX is timed on above 2,000 actors (default 200).

For each size:
- entente: `analyze --level actor --format json` with its defaults (every
  metric; betweenness and harmonic exact up to 20,000 actors with a
  cooperation tie, estimated from 2,000 sources above), timed by
  /usr/bin/time (wall, user + system CPU, peak memory), once.
- NetworkX (Debian's 2.8): the cooperation layer rebuilt from the
  report's dyads (as tests/crosscheck does), then
  betweenness_centrality(weight=distance, normalized=False) and
  harmonic_centrality(distance=distance). Up to 2,000 actors on every
  source, and checked against entente's values (1e-6); above, on
  NX_SOURCES sources drawn with a fixed seed (betweenness_centrality's k,
  harmonic_centrality's sources) and the time scaled to the sources
  entente used (NetworkX's cost grows linearly with the sources: one
  Dijkstra each). NetworkX runs on one core; the ratio is its time over
  entente's wall time for everything, so it counts entente's other
  metrics, reading and writing against it.
- At 10,000 actors, also the error of the 2,000-source estimate
  (`--sample-above 1`) against the exact values, for betweenness and for
  harmonic closeness: Spearman's rank correlation over all actors, and the
  relative errors of the 10 and the 100 actors of highest exact value.
"""
import json
import os
import random
import re
import subprocess
import sys
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(cmd, out_path):
    """Run cmd with stdout to out_path under /usr/bin/time -v."""
    with open(out_path, 'wb') as out:
        p = subprocess.run(['/usr/bin/time', '-v', *cmd], stdout=out,
                           stderr=subprocess.PIPE, check=True)
    err = p.stderr.decode()

    def field(name):
        return re.search(name + r': (.*)', err).group(1).strip()

    wall = field(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\)')
    parts = [float(x) for x in wall.split(':')]
    seconds = sum(x * 60 ** i for i, x in enumerate(reversed(parts)))
    cpu = float(field('User time \\(seconds\\)')) + \
        float(field('System time \\(seconds\\)'))
    return seconds, cpu, int(field(r'Maximum resident set size \(kbytes\)'))


def cooperation_layer(nx, report):
    coop = {}
    for d in report['dyads']:
        key = tuple(sorted((d['source'], d['target'])))
        coop[key] = coop.get(key, 0.0) + d['cooperation']
    layer = nx.Graph()
    layer.add_nodes_from(a['code'] for a in report['actors'])
    for (a, b), c in coop.items():
        if c > 0:
            layer.add_edge(a, b, distance=1.0 / c)
    return layer


def networkx_paths(nx, layer, k):
    """Betweenness and harmonic from k sources (all when k is None);
    returns (seconds, betweenness, harmonic)."""
    t0 = time.process_time()
    if k is None:
        bet = nx.betweenness_centrality(layer, weight='distance',
                                        normalized=False)
        har = nx.harmonic_centrality(layer, distance='distance')
    else:
        bet = nx.betweenness_centrality(layer, k=k, weight='distance',
                                        normalized=False, seed=1)
        nodes = sorted(layer)
        sources = random.Random(1).sample(nodes, k)
        har = nx.harmonic_centrality(layer, distance='distance',
                                     sources=sources)
    return time.process_time() - t0, bet, har


def spearman(x, y):
    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for t in range(i, j + 1):
                r[order[t]] = (i + j) / 2
            i = j + 1
        return r
    rx, ry = ranks(x), ranks(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    num = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    den = (sum((a - mx) ** 2 for a in rx) *
           sum((b - my) ** 2 for b in ry)) ** 0.5
    return num / den


def main():
    exe = sys.argv[1] if len(sys.argv) > 1 else 'build/src/cli/entente'
    sizes = [int(a) for a in sys.argv[2:]] or [2000, 10000, 50000]
    bench = os.environ.get('BENCH_DIR', '/tmp/entente-bench')
    sample = os.environ.get('SAMPLE', os.path.join(
        HERE, '..', '..', '..', 'shared', 'data', 'gdelt',
        '20191024143000.export.CSV'))
    nx_sources = int(os.environ.get('NX_SOURCES', '200'))
    os.makedirs(bench, exist_ok=True)
    warnings.simplefilter('ignore', FutureWarning)
    import networkx as nx
    print(f'{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}')
    for n in sizes:
        path = os.path.join(bench, f'actors-{n}.CSV')
        if not os.path.exists(path):
            subprocess.run([sys.executable,
                            os.path.join(HERE, 'make_actors.py'), sample,
                            path, str(n)], check=True)
        out = os.path.join(bench, f'report-{n}.json')
        wall, cpu, rss = timed([exe, 'analyze', '--level', 'actor',
                                '--format', 'json', path], out)
        with open(out) as f:
            report = json.load(f)
        k = report.get('sampled_sources')
        layer = cooperation_layer(nx, report)
        active = sum(1 for v in layer if layer.degree(v) > 0)
        print(f'{n} actors asked: {len(report["actors"])} actors, '
              f'{len(report["relations"])} relations, '
              f'{layer.number_of_edges()} cooperation ties, '
              f'{len(report["blocs"])} blocs, '
              f'{report["balance"]["triangles"]} triangles')
        print(f'  entente analyze: {wall:.1f} s wall, {cpu:.1f} s CPU, '
              f'{rss / 1024:.0f} MB peak; betweenness and harmonic '
              + (f'estimated from {k} sources' if k else
                 f'exact ({active} sources)'), flush=True)
        full = n <= 2000
        nx_k = None if full else min(nx_sources, active)
        secs, bet, har = networkx_paths(nx, layer, nx_k)
        used = k if k else active
        scaled = secs if full else secs * used / nx_k
        how = ('every source' if full else
               f'{nx_k} sources, scaled to {used}')
        print(f'  networkx betweenness + harmonic ({how}): '
              f'{scaled:.1f} s CPU (one core)')
        print(f'  ratio networkx / entente: {scaled / wall:.0f}x '
              f'(entente wall, all metrics)', flush=True)
        if full:
            worst = 0.0
            for a in report['actors']:
                for m, ref in (('betweenness', bet), ('harmonic', har)):
                    want = ref[a['code']]
                    worst = max(worst,
                                abs(a[m] - want) / max(1.0, abs(want)))
            print(f'  agreement with networkx: worst relative difference '
                  f'{worst:.1e}')
        if n == 10000 and not k:
            est_out = os.path.join(bench, f'report-{n}-sampled.json')
            w2, c2, _ = timed([exe, 'analyze', '--level', 'actor',
                               '--format', 'json', '--sample-above', '1',
                               path], est_out)
            with open(est_out) as f:
                est = json.load(f)
            for m in ('betweenness', 'harmonic'):
                exact = [a[m] for a in report['actors']]
                estimate = [a[m] for a in est['actors']]
                top = sorted(range(len(exact)), key=lambda i: -exact[i])
                errs = [abs(estimate[i] - exact[i]) / exact[i]
                        for i in top[:100]]
                print(f'  {m} estimated from {est.get("sampled_sources")} '
                      f'sources ({w2:.1f} s wall, {c2:.1f} s CPU): Spearman '
                      f'{spearman(exact, estimate):.4f} against exact; '
                      f'relative error at most {max(errs[:10]):.1%} in the '
                      f'top 10, median {sorted(errs)[50]:.1%} and at most '
                      f'{max(errs):.1%} in the top 100', flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
