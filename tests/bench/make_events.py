#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Write N synthetic events as events JSON, for the streaming benchmark.

usage: make_events.py N LAYOUT OUT
  LAYOUT  doc (an events/1 document, one event per line, as `entente
          extract` writes it) or lines (JSON Lines, as `jq -c` writes it)

The events look like extraction's (id, date, actors, CAMEO code, weight,
document, sentence, span, sentence text), about 250 bytes each (2 M events: 477 MiB,
under the 512 MiB a whole-document reader took), over 40
states, so the dyad table stays small (at most 1,560 dyads) while the
number of events grows. Fixed seed: the same file every time.
"""
import json
import random
import sys

STATES = ['CHN', 'RUS', 'USA', 'POL', 'ROU', 'UKR', 'DEU', 'FRA', 'GBR',
          'JPN', 'IND', 'IRN', 'ISR', 'TUR', 'BRA', 'ZAF', 'EGY', 'SAU',
          'PAK', 'KOR', 'PRK', 'VNM', 'IDN', 'AUS', 'CAN', 'MEX', 'ARG',
          'NGA', 'ETH', 'KEN', 'ITA', 'ESP', 'NLD', 'SWE', 'NOR', 'FIN',
          'HUN', 'CZE', 'BLR', 'KAZ']
CODES = [('057', 8.0, 1), ('190', -10.0, 4), ('042', 1.9, 1),
         ('112', -2.0, 3), ('036', 4.0, 1), ('173', -5.0, 4),
         ('081', 5.0, 2), ('130', -4.4, 3)]


def main():
    n, layout, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    rng = random.Random(2026)
    compact = layout == 'lines'
    sep = (',', ':') if compact else (', ', ': ')
    with open(out, 'w', encoding='utf-8') as f:
        if not compact:
            f.write('{\n  "entente": "events/1",\n  "events": [')
        for i in range(n):
            s, t = rng.sample(STATES, 2)
            code, g, quad = rng.choice(CODES)
            start = rng.randrange(0, 5000)
            ev = {'id': 'a%d:%d:1' % (i // 40, i % 40 + 1),
                  'date': '%d-%02d-%02d' % (2015 + i % 10, i % 12 + 1,
                                            i % 28 + 1),
                  'source': s, 'target': t, 'code': code, 'goldstein': g,
                  'quad': quad, 'count': 1,
                  'doc': 'article-%06d.txt' % (i // 40),
                  'sentence': i % 40 + 1, 'span': [start, start + 64],
                  'text': '%s and %s held talks on trade.' % (s, t)}
            line = json.dumps(ev, separators=sep)
            if compact:
                f.write(line + '\n')
            else:
                f.write((',\n    ' if i else '\n    ') + line)
        if not compact:
            f.write('\n  ]\n}\n')


if __name__ == '__main__':
    main()
