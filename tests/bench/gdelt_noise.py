#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""What each GDELT noise control does to a real export: events kept and the
strongest tensions, without and with it. Prints a Markdown table for the
README.

  gdelt_noise.py ENTENTE FILE [TOP]

Each setting runs `entente analyze --format json`; "events kept" is the
report's input.kept, the tensions its relations with the most negative net
weight (tension ties), as "A-B net".
"""
import json
import subprocess
import sys

SETTINGS = [
    ('none', []),
    ('--root-only', ['--root-only']),
    ('--min-sources 2', ['--min-sources', '2']),
    ('--min-articles 3', ['--min-articles', '3']),
    ('--dedupe', ['--dedupe']),
    ('--weight tone', ['--weight', 'tone']),
    ('--dedupe --min-sources 2', ['--dedupe', '--min-sources', '2']),
    ('--dedupe --root-only --min-articles 3',
     ['--dedupe', '--root-only', '--min-articles', '3']),
]


def main():
    exe, path = sys.argv[1], sys.argv[2]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    print('| setting | events kept | relations | tension ties | strongest tensions (net) |')
    print('| --- | ---: | ---: | ---: | --- |')
    for name, args in SETTINGS:
        out = subprocess.run([exe, 'analyze', '--quiet', '--format', 'json'] + args + [path],
                             capture_output=True, check=True).stdout
        rep = json.loads(out)
        rels = rep['relations']
        tensions = sorted((r for r in rels if r['net'] < 0), key=lambda r: r['net'])
        shown = ', '.join(f'{r["a"]}-{r["b"]} {r["net"]:g}' for r in tensions[:top])
        print(f'| {name} | {rep["input"]["kept"]:,} | {len(rels):,} | {len(tensions):,} | {shown} |')


if __name__ == '__main__':
    main()
