#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The exports, read back by the tools users open them with.

  check_exports.py ENTENTE SRCDIR [INPUT]

Renders INPUT (default examples/baltic-black-sea.json) as GraphML, GML,
the signed relation list (CSV) and GEXF with --by month, reads each back
with NetworkX (read_graphml, read_gml, read_gexf) or pandas (read_csv)
and checks ids, types and values against the report of `entente analyze
--format json` (its actors, dyads, relations and periods; the report
rounds measures to 9 decimals). Prints TAP.

NetworkX 2.8 reads GEXF 1.1 and 1.2 only; entente writes 1.3, using only
elements and attributes that 1.2 has too (attributes with mode, attvalues
and spells with start and end), so the file is read with the 1.2 reader
after its namespace is renamed; the 1.3 declarations are checked
separately.
"""
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd

n = 0
failed = 0


def ok(cond, what, detail=''):
    global n, failed
    n += 1
    print(f'{"ok" if cond else "not ok"} {n} - {what}')
    if not cond:
        failed += 1
        for line in str(detail).splitlines()[:10]:
            print(f'#   {line}')


def close(a, b):
    return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)


def run(args):
    return subprocess.run(args, capture_output=True, check=True).stdout


def main():
    exe, root = sys.argv[1], sys.argv[2]
    src = sys.argv[3] if len(sys.argv) > 3 else os.path.join(
        root, 'examples', 'baltic-black-sea.json')
    rep = json.loads(run([exe, 'analyze', '--format', 'json', src]))
    monthly = json.loads(run([exe, 'analyze', '--by', 'month', '--format', 'json', src]))
    actors = {a['code']: a for a in rep['actors']}
    dyads = {(d['source'], d['target']): d for d in rep['dyads']}
    relations = {(r['a'], r['b']): r for r in rep['relations']}
    tmp = tempfile.mkdtemp(prefix='entente-exports-')
    try:
        paths = {}
        for ext in ('graphml', 'gml', 'csv'):
            paths[ext] = os.path.join(tmp, 'graph.' + ext)
            run([exe, 'render', src, '-o', paths[ext]])
        paths['gexf'] = os.path.join(tmp, 'graph.gexf')
        run([exe, 'render', '--by', 'month', src, '-o', paths['gexf']])

        # GraphML: codes as ids, integers as integers
        g = nx.read_graphml(paths['graphml'])
        ok(isinstance(g, nx.DiGraph) and set(g.nodes) == set(actors),
           'GraphML: NetworkX reads a directed graph whose node ids are the actor codes',
           sorted(g.nodes))
        ok(all(isinstance(g.nodes[c]['degree'], int) and isinstance(g.nodes[c]['bloc'], int)
               and isinstance(g.nodes[c]['pagerank'], float) for c in g),
           'GraphML: degree and bloc are integers, pagerank a float')
        ok(all(g.nodes[c]['label'] == actors[c]['name'] and g.nodes[c]['bloc'] == actors[c]['bloc']
               and math.isclose(g.nodes[c]['pagerank'], actors[c]['pagerank'], abs_tol=1e-9)
               and g.nodes[c]['degree'] == actors[c]['degree'] for c in g),
           'GraphML: names, blocs, PageRank and degree as the report has them')
        ok(set(g.edges) == set(dyads), 'GraphML: one edge per directed dyad')
        bad = [e for e, d in dyads.items()
               if not (g.edges[e]['events'] == d['events'] and isinstance(g.edges[e]['events'], int)
                       and close(g.edges[e]['net'], d['cooperation'] - d['conflict'])
                       and close(g.edges[e]['weight'], abs(d['cooperation'] - d['conflict']))
                       and g.edges[e]['sign'] == (d['cooperation'] > d['conflict']) - (d['cooperation'] < d['conflict'])
                       and g.edges[e]['first'] == d['first'])]
        ok(not bad, 'GraphML: events, net, weight = |net|, sign and first of each dyad', bad)

        # GML: integer ids, the code as label (NetworkX's node key)
        h = nx.read_gml(paths['gml'])
        ok(set(h.nodes) == set(actors) and h.is_directed(),
           'GML: NetworkX reads it, nodes keyed by actor code')
        ok(all(h.nodes[c]['name'] == actors[c]['name'] and isinstance(h.nodes[c]['bloc'], int)
               for c in h), 'GML: names, integer blocs')
        ok(set(h.edges) == set(dyads)
           and all(h.edges[e]['events'] == d['events'] and isinstance(h.edges[e]['sign'], int)
                   and close(h.edges[e]['net'], d['cooperation'] - d['conflict'])
                   for e, d in dyads.items()), 'GML: the dyads and their values')

        # the signed relation list: pandas, then NetworkX as a signed graph
        df = pd.read_csv(paths['csv'])
        ok(list(df.columns[:5]) == ['a', 'b', 'sign', 'weight', 'events'],
           'CSV: columns a, b, sign, weight, events first', list(df.columns))
        ok(str(df['sign'].dtype) == 'int64' and str(df['events'].dtype) == 'int64'
           and str(df['weight'].dtype) == 'float64', 'CSV: pandas reads integer sign and events',
           df.dtypes)
        got = {(r.a, r.b): r for r in df.itertuples()}
        ok(set(got) == set(relations) and all(
            got[k].sign == r['sign'] and got[k].events == r['events']
            and close(got[k].weight, abs(r['net'])) and close(got[k].net, r['net'])
            for k, r in relations.items()), 'CSV: one row per relation, as the report has them')
        s = nx.from_pandas_edgelist(df, 'a', 'b', ['sign', 'weight', 'events'])
        ok(s.number_of_edges() == len(relations)
           and sum(d['sign'] < 0 for _, _, d in s.edges(data=True))
           == sum(r['sign'] < 0 for r in relations.values()),
           'CSV: NetworkX builds the signed graph from it as is')

        # GEXF 1.3 with periods
        tree = ET.parse(paths['gexf'])
        rootel = tree.getroot()
        ns = '{http://gexf.net/1.3}'
        graph = rootel.find(ns + 'graph')
        ok(rootel.tag == ns + 'gexf' and rootel.get('version') == '1.3'
           and graph is not None and graph.get('mode') == 'dynamic'
           and graph.get('timeformat') == 'date'
           and graph.get('timerepresentation') == 'interval',
           'GEXF: version 1.3, a dynamic graph with date intervals')
        with open(paths['gexf'], encoding='utf-8') as f:
            text = f.read().replace('http://gexf.net/1.3', 'http://www.gexf.net/1.2draft')
        text = text.replace('version="1.3"', 'version="1.2"')
        g12 = os.path.join(tmp, 'graph12.gexf')
        with open(g12, 'w', encoding='utf-8') as f:
            f.write(text)
        x = nx.read_gexf(g12)
        ok(set(x.nodes) == set(actors) and not x.is_directed()
           and set(tuple(sorted(e)) for e in x.edges) == set(relations),
           'GEXF: NetworkX reads the actors and one undirected edge per relation')
        ok(all(x.nodes[c]['label'] == actors[c]['name'] and x.nodes[c]['bloc'] == actors[c]['bloc']
               for c in x), 'GEXF: labels and blocs')
        periods = {}
        for p in monthly['periods']:
            start = p['start']
            for r in p['relations']:
                periods.setdefault((r['a'], r['b']), {})[start] = r
        bad = []
        for (a, b), per in periods.items():
            d = x.edges[a, b]
            spells = sorted(s0 for s0, _ in d.get('spells', []))
            nets = {s0: v for v, s0, _ in d.get('periodNet', [])}
            if spells != sorted(per) or any(not close(nets[s0], r['net']) for s0, r in per.items()):
                bad.append(((a, b), spells, nets))
            if d['sign'] != relations[(a, b)]['sign'] or not close(d['net'], relations[(a, b)]['net']):
                bad.append(((a, b), 'totals'))
        ok(not bad, 'GEXF: each relation has a spell and its net in exactly the months '
           'in which analyze --by month has it', bad)
        months = sorted(p['start'] for p in monthly['periods'])
        ok(all(x.nodes[c].get('spells') for c in x)
           and graph.get('start') == months[0],
           'GEXF: every actor has spells; the graph starts with the first month')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f'1..{n}')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
