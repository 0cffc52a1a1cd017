#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The same input and options give byte-identical output, in every format.

Each diagram format is rendered twice, more than a second apart and in two
time zones, and the files are compared byte for byte. PDF is the one to
watch: cairo writes the time of the run as the document's creation date
(/CreationDate), which entente removes, or sets from SOURCE_DATE_EPOCH
(the reproducible-builds convention) when that is set. The PDF must stay
a valid PDF (its cross-reference table is rewritten: checked by offsets).

Output is TAP. usage: determinism.py ENTENTE ROOT
"""
import os
import re
import subprocess
import sys
import tempfile
import time

from tap import Tap

FORMATS = ['dot', 'svg', 'png', 'pdf', 'graphml', 'gml']


def render(exe, root, out, fmt, env):
    subprocess.run([exe, 'render', '--format', fmt,
                    os.path.join(root, 'examples', 'baltic-black-sea.json'),
                    '-o', out], check=True, env=env)
    with open(out, 'rb') as f:
        return f.read()


def xref_ok(pdf):
    """Every offset of the cross-reference table points at its object,
    and startxref at the table."""
    m = re.search(rb'startxref\s+(\d+)\s+%%EOF\s*$', pdf)
    if not m:
        return False
    start = int(m.group(1))
    if not pdf.startswith(b'xref', start):
        return False
    lines = pdf[start:].split(b'\n')
    first, count = (int(x) for x in lines[1].split())
    for k in range(count):
        off, gen, kind = lines[2 + k].split()[:3]
        if kind == b'n' and not pdf.startswith(b'%d %d obj' % (first + k,
                                                                int(gen)),
                                               int(off)):
            return False
    return True


def main():
    exe, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    tap = Tap()
    check = tap.check

    base = dict(os.environ)
    base.pop('SOURCE_DATE_EPOCH', None)
    with tempfile.TemporaryDirectory(prefix='entente-determinism-') as tmp:
        first = {}
        for fmt in FORMATS:
            first[fmt] = render(exe, root, os.path.join(tmp, 'a.' + fmt),
                                fmt, dict(base, TZ='UTC'))
        time.sleep(1.1)
        for fmt in FORMATS:
            again = render(exe, root, os.path.join(tmp, 'b.' + fmt), fmt,
                           dict(base, TZ='Europe/Bucharest'))
            check(again == first[fmt], f'{fmt}: byte-identical a second '
                  'later, in another time zone')
        pdf = first['pdf']
        check(pdf.startswith(b'%PDF-') and xref_ok(pdf),
              'pdf: a valid cross-reference table')
        check(b'/CreationDate' not in pdf, 'pdf: no creation date')
        dated = render(exe, root, os.path.join(tmp, 'c.pdf'), 'pdf',
                       dict(base, SOURCE_DATE_EPOCH='1431043200'))
        check(b'/CreationDate (D:20150508000000Z)' in dated and
              xref_ok(dated),
              'pdf: SOURCE_DATE_EPOCH sets the creation date')
    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
