#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The report folder (`entente report INPUT... -o DIR`), as a user sees it:
periods honoured (--by), what it holds, and that it changes as a whole or
not at all. TAP output.

usage: report_folder.py ENTENTE SOURCE_ROOT"""
import json
import os
import subprocess
import sys
import tempfile

EXE, ROOT = sys.argv[1], sys.argv[2]
EXAMPLE = os.path.join(ROOT, 'examples', 'baltic-black-sea.json')
results = []


def check(name, ok, detail=''):
    results.append((name, ok, detail))


def run(*args, **kw):
    return subprocess.run([EXE] + list(args), capture_output=True,
                          timeout=300, **kw)


def test_by_month(tmp):
    """report --by month: the periods are in report.md and report.json, as
    in analyze --by month (they were silently dropped)."""
    out = os.path.join(tmp, 'by-month')
    p = run('report', '--quiet', EXAMPLE, '--by', 'month', '-o', out)
    check('report --by month exits 0', p.returncode == 0, p.stderr.decode())
    if p.returncode != 0:
        return
    with open(os.path.join(out, 'report.json'), encoding='utf-8') as f:
        rep = json.load(f)
    labels = [q['period'] for q in rep.get('periods', [])]
    check('report.json has the three months', labels ==
          ['2015-05', '2015-06', '2015-07'], repr(labels))
    check('report.json input.by is month', rep['input']['by'] == 'month')
    a = run('analyze', '--quiet', EXAMPLE, '--by', 'month', '--format', 'json')
    ana = json.loads(a.stdout)
    check('report.json periods equal analyze --by month',
          rep.get('periods') == ana.get('periods'))
    md = open(os.path.join(out, 'report.md'), encoding='utf-8').read()
    check('report.md has the periods table', '## Periods by month (3)' in md)


def main():
    with tempfile.TemporaryDirectory(prefix='entente-report-') as tmp:
        test_by_month(tmp)
    print(f'1..{len(results)}')
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} - {name}')
        if not ok:
            failed += 1
            for line in str(detail).splitlines()[:20]:
                print('#   ' + line)
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
