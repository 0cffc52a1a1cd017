#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Benchmark of the bloc search: signed Louvain against igraph's spinglass
on planted-bloc graphs (planted.py), in the same run.

    tests/bench/bench_blocs.py [ENTENTE] [SIZE... | real]
        (default build/src/cli/entente; 300 2000 10000 real)

For each size n: k planted blocs (6 at 300 actors, 10 at 2,000, 20 at
10,000; spinglass allows at most 25), 20 partners per actor on average
(40 at 300 actors), half of them in the actor's own bloc, one relation in
ten against its bloc. Runs `entente analyze --level actor
--format json --blocs M` for M = louvain, spinglass and auto and prints,
for each: the signed modularity of its blocs (computed here from the
report, planted.py), the NMI against the planted blocs and the share of
actors put with their planted bloc, the number of blocs, and the wall and CPU time of the whole command. Each method runs
once per size (spinglass takes minutes at 10,000 actors).

Then the same three searches on the real files of ../shared/data when
present (size "real"): the GDELT sample at state and actor level, the
month of GDELT at state and actor level, the ICEWS sample; there is no
planted truth, only the modularity and the time.
"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import planted  # noqa: E402

CASES = {300: (6, 40), 2000: (10, 20), 10000: (20, 20)}


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(exe, path, method, out_path, level='actor'):
    c0, w0 = children_cpu(), time.perf_counter()
    with open(out_path, 'wb') as out:
        subprocess.run([exe, 'analyze', '--level', level, '--format',
                        'json', '--blocs', method, path], stdout=out,
                       check=True)
    wall, cpu = time.perf_counter() - w0, children_cpu() - c0
    with open(out_path) as f:
        return json.load(f), wall, cpu


REAL = [('gdelt/20191024143000.export.CSV', 'state'),
        ('gdelt/20191024143000.export.CSV', 'actor'),
        ('gdelt/gdelt2_20250515-20250614_halfdaily.export.CSV', 'state'),
        ('gdelt/gdelt2_20250515-20250614_halfdaily.export.CSV', 'actor'),
        ('icews/events.2018.sample.tab', 'state')]


def real(exe, tmp):
    data = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..',
                        '..', '..', 'shared', 'data')
    for name, level in REAL:
        path = os.path.join(data, name)
        if not os.path.exists(path):
            continue
        print(f'{os.path.basename(name)}, {level} level:')
        for method in ('louvain', 'spinglass', 'auto'):
            rep, wall, cpu = run(exe, path, method,
                                 os.path.join(tmp, 'report.json'), level)
            print(f'  {method:9s}  Q {planted.signed_modularity(rep):.6f}  '
                  f'{len(rep["actors"]):5d} actors  '
                  f'{len(rep["blocs"]):3d} blocs  frustration '
                  f'{rep["balance"]["bloc_frustration"]:6d}  '
                  f'{wall:7.2f} s wall {cpu:7.2f} s CPU', flush=True)


def main():
    exe = sys.argv[1] if len(sys.argv) > 1 else 'build/src/cli/entente'
    args = sys.argv[2:] or [str(n) for n in sorted(CASES)] + ['real']
    sizes = [int(a) for a in args if a != 'real']
    with tempfile.TemporaryDirectory(prefix='entente-blocs-') as tmp:
        if 'real' in args:
            real(exe, tmp)
        for n in sizes:
            k, degree = CASES.get(n, (max(2, min(20, n // 100)), 20))
            path = os.path.join(tmp, f'planted-{n}.csv')
            truth = planted.write_planted(path, n, k, degree, seed=n)
            print(f'{n} actors, {k} planted blocs, {n * degree // 2} '
                  f'relations:')
            for method in ('louvain', 'spinglass', 'auto'):
                rep, wall, cpu = run(exe, path, method,
                                     os.path.join(tmp, 'report.json'))
                found = {a['code']: a['bloc'] for a in rep['actors']}
                q = planted.signed_modularity(rep)
                print(f'  {method:9s}  Q {q:.6f}  NMI '
                      f'{planted.nmi(found, truth):.4f}  recovered '
                      f'{planted.recovered(found, truth):6.1%}  '
                      f'{len(rep["blocs"]):3d} blocs  '
                      f'frustration {rep["balance"]["bloc_frustration"]:6d}'
                      f'  {wall:7.2f} s wall {cpu:7.2f} s CPU', flush=True)
            q_truth = planted.signed_modularity({
                'actors': [{'code': c, 'bloc': b, 'component': 1}
                           for c, b in truth.items()],
                'relations': rep['relations']})
            print(f'  planted    Q {q_truth:.6f}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
