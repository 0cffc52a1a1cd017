#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Cross-check entente's centrality against NetworkX, an independent
implementation, to 1e-6, and its blocs against planted ones.

For each input (the GDELT sample ../shared/data/gdelt/20191024143000.export.CSV
at state and at actor level when present; always the fixture
tests/data/metrics/crosscheck-dyads.csv and a planted-bloc graph of 300
actors made by tests/bench/planted.py) run `entente analyze --format json`,
rebuild the graphs in NetworkX from the report's directed dyads only,
compute each measure as metrics.h defines it, and compare actor by actor:

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
reach the hundreds).

On the planted graph (6 blocs of 50, 40 partners per actor, half in the
own bloc, one tie in ten against it) the blocs must be the planted ones
(NMI 1), with a signed modularity, computed here from the report
(planted.py), no lower than the planted partition's; and the report must
be the same bytes with 1 and with 4 threads.
Output is TAP; without NetworkX/SciPy the test skips.
"""
import json
import os
import subprocess
import sys
import tempfile
import warnings

TOL = 1e-6


def run(exe, path, args=()):
    return subprocess.run([exe, 'analyze', '--format', 'json', *args, path],
                          check=True, capture_output=True).stdout


def load(exe, path, args=()):
    return json.loads(run(exe, path, args))


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
    sys.path.insert(0, os.path.join(root, 'tests', 'bench'))
    import planted
    tmp = tempfile.TemporaryDirectory(prefix='entente-crosscheck-')
    planted_path = os.path.join(tmp.name, 'planted-300.csv')
    truth = planted.write_planted(planted_path, 300, 6, 40, seed=300)
    inputs = []
    gdelt = os.path.normpath(os.path.join(
        root, '..', 'shared', 'data', 'gdelt', '20191024143000.export.CSV'))
    if os.path.exists(gdelt):
        inputs.append((gdelt, ()))
        inputs.append((gdelt, ('--level', 'actor')))
    inputs.append((os.path.join(root, 'tests', 'data', 'metrics',
                                'crosscheck-dyads.csv'), ()))
    inputs.append((planted_path, ('--level', 'actor')))
    measures = ['pagerank', 'betweenness', 'harmonic', 'eigenvector', 'hub',
                'authority']
    print(f'1..{len(inputs) * len(measures) + 3}')
    n = failed = 0
    for path, args in inputs:
        report = load(exe, path, args)
        ref = networkx_measures(nx, report)
        for m in measures:
            n += 1
            worst, where = 0.0, None
            for a in report['actors']:
                want = ref[m][a['code']]
                err = abs(a[m] - want) / max(1.0, abs(want))
                if err > worst:
                    worst, where = err, (a['code'], a[m], want)
            name = (f'{os.path.basename(path)}{" " if args else ""}'
                    f'{" ".join(args)}: {m} of '
                    f'{len(report["actors"])} actors')
            if worst <= TOL:
                print(f'ok {n} - {name} (worst difference {worst:.1e})')
            else:
                failed += 1
                print(f'not ok {n} - {name}')
                print(f'#   worst at {where[0]}: entente {where[1]!r}, '
                      f'networkx {where[2]!r} (difference {worst:.3e})')
    found = {a['code']: a['bloc'] for a in report['actors']}
    q = planted.signed_modularity(report)
    q_truth = planted.signed_modularity({
        'actors': [{'code': c, 'bloc': b, 'component': 1}
                   for c, b in truth.items()],
        'relations': report['relations']})
    nmi = planted.nmi(found, truth)
    checks = [
        (nmi == 1.0, f'planted: the 6 planted blocs (NMI {nmi:.4f}, '
                     f'{len(report["blocs"])} blocs)'),
        (q >= q_truth - 1e-9, f'planted: modularity {q:.6f}, planted '
                              f'{q_truth:.6f}'),
        (run(exe, planted_path, ('--level', 'actor', '--threads', '1')) ==
         run(exe, planted_path, ('--level', 'actor', '--threads', '4')),
         'planted: the same bytes with 1 and 4 threads'),
    ]
    for good, name in checks:
        n += 1
        print(f'{"ok" if good else "not ok"} {n} - {name}')
        failed += not good
    tmp.cleanup()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
