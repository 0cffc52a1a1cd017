#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Cross-check entente's centrality against NetworkX, an independent
implementation, to 1e-6.

For each input (the GDELT sample ../shared/data/gdelt/20191024143000.export.CSV
when present, and always the fixture tests/data/metrics/crosscheck-dyads.csv)
run `entente analyze --format json`, rebuild the graphs in NetworkX from the
report's directed dyads only, compute each measure as metrics.h defines it,
and compare actor by actor:

- pagerank: nx.pagerank on the directed dyads, weight = cooperation +
  conflict, alpha 0.85 (both spread dangling rank uniformly).
- betweenness: nx.betweenness_centrality(normalized=False) on the
  cooperation layer (undirected, cooperation of both directions > 0),
  distance = 1 / cooperation.
- harmonic: nx.harmonic_centrality with the same distance.
- eigenvector: nx.eigenvector_centrality_numpy on the cooperation layer,
  weight = cooperation; NetworkX scales to unit Euclidean norm, entente to
  a largest entry of 1, so the NetworkX vector is divided by its maximum.
- hub, authority: nx.hits on the directed dyads, weight = cooperation +
  conflict; NetworkX scales each vector to sum 1, entente to a largest
  entry of 1, so each NetworkX vector is divided by its maximum.

Agreement: |entente - networkx| <= 1e-6 * max(1, |networkx|) (absolute for
the measures in [0, 1], relative for path counts and harmonic sums, which
reach the hundreds). Output is TAP; without NetworkX/SciPy the test skips.
"""
import json
import os
import subprocess
import sys
import warnings

TOL = 1e-6


def load(exe, path):
    out = subprocess.run([exe, 'analyze', '--format', 'json', path],
                         check=True, capture_output=True).stdout
    return json.loads(out)


def networkx_measures(nx, report):
    codes = [a['code'] for a in report['actors']]
    directed = nx.DiGraph()
    directed.add_nodes_from(codes)
    coop = {}
    for d in report['dyads']:
        w = d['cooperation'] + d['conflict']
        directed.add_edge(d['source'], d['target'], weight=w)
        key = tuple(sorted((d['source'], d['target'])))
        coop[key] = coop.get(key, 0.0) + d['cooperation']
    layer = nx.Graph()
    layer.add_nodes_from(codes)
    for (a, b), c in coop.items():
        if c > 0:
            layer.add_edge(a, b, weight=c, distance=1.0 / c)
    res = {}
    res['pagerank'] = nx.pagerank(directed, alpha=0.85, weight='weight',
                                  tol=1e-13, max_iter=100000)
    res['betweenness'] = nx.betweenness_centrality(
        layer, weight='distance', normalized=False)
    res['harmonic'] = nx.harmonic_centrality(layer, distance='distance')
    if layer.number_of_edges() > 0:
        ev = nx.eigenvector_centrality_numpy(layer, weight='weight')
        top = max(abs(v) for v in ev.values())
        res['eigenvector'] = {k: abs(v) / top for k, v in ev.items()}
    else:
        res['eigenvector'] = {k: 0.0 for k in codes}
    hubs, auths = nx.hits(directed, max_iter=100000, tol=1e-13)
    for name, vec in (('hub', hubs), ('authority', auths)):
        top = max(abs(v) for v in vec.values())
        res[name] = {k: abs(v) / top for k, v in vec.items()}
    return res


def main():
    exe, root = sys.argv[1], sys.argv[2]
    warnings.simplefilter('ignore', FutureWarning)  # NetworkX 2.8 on scipy
    try:
        import networkx as nx
        import scipy  # noqa: F401  (pagerank, hits and eigenvector need it)
    except ImportError as e:
        print(f'1..0 # SKIP NetworkX with SciPy not available ({e})')
        return 0
    inputs = []
    gdelt = os.path.normpath(os.path.join(
        root, '..', 'shared', 'data', 'gdelt', '20191024143000.export.CSV'))
    if os.path.exists(gdelt):
        inputs.append(gdelt)
    inputs.append(os.path.join(root, 'tests', 'data', 'metrics',
                               'crosscheck-dyads.csv'))
    measures = ['pagerank', 'betweenness', 'harmonic', 'eigenvector', 'hub',
                'authority']
    print(f'1..{len(inputs) * len(measures)}')
    n = failed = 0
    for path in inputs:
        report = load(exe, path)
        ref = networkx_measures(nx, report)
        for m in measures:
            n += 1
            worst, where = 0.0, None
            for a in report['actors']:
                want = ref[m][a['code']]
                err = abs(a[m] - want) / max(1.0, abs(want))
                if err > worst:
                    worst, where = err, (a['code'], a[m], want)
            name = (f'{os.path.basename(path)}: {m} of '
                    f'{len(report["actors"])} actors')
            if worst <= TOL:
                print(f'ok {n} - {name} (worst difference {worst:.1e})')
            else:
                failed += 1
                print(f'not ok {n} - {name}')
                print(f'#   worst at {where[0]}: entente {where[1]!r}, '
                      f'networkx {where[2]!r} (difference {worst:.3e})')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
