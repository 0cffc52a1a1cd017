#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Events JSON streams: memory grows with actors and dyads, not events.

200,000 events are written as an events/1 document, a bare array, JSON
Lines (.jsonl, and .ndjson compressed with gzip) and JSON Lines named
.json (told from its content). For each, through the tool (`entente
dyads`):

- the run succeeds and the dyad table is the same for every layout, and
  the same as the events counted here, independently;
- the peak resident memory (os.wait4) stays under 64 MiB: the reader holds
  one event at a time (the whole-document reader it replaced peaked at
  434 MiB here). Not checked under AddressSanitizer, whose shadow memory
  inflates the figure (and 20,000 events only there);
- a bad event at the end is reported at the same line and column in every
  layout, with the same message.

Output is TAP. usage: streaming_json.py ENTENTE
"""
import collections
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

from tap import Tap

# fewer under AddressSanitizer, where memory is not checked and every
# byte costs ten times more
N = 20_000 if 'ASAN_OPTIONS' in os.environ else 200_000
MIB = 1 << 20
MAX_RSS = 64 * MIB
STATES = ['CHN', 'RUS', 'USA', 'POL', 'ROU', 'UKR', 'DEU', 'FRA', 'GBR',
          'JPN', 'IND', 'IRN', 'ISR', 'TUR', 'BRA']
CODES = ['057', '190', '042', '112', '036', '173', '081', '130']


def events(bad_last=False):
    rng = random.Random(7)
    for i in range(N):
        s, t = rng.sample(STATES, 2)
        ev = {'id': 'doc%d:%d' % (i // 50, i % 50),
              'date': '2015-%02d-%02d' % (i % 12 + 1, i % 28 + 1),
              'source': s, 'target': t, 'code': rng.choice(CODES),
              'count': 1 + i % 3, 'doc': 'article-%d.txt' % (i // 50),
              'text': 'Officials of %s said they would meet %s.' % (s, t),
              'x_note': {'kept': [i % 7, 'as it is']}}
        if bad_last and i == N - 1:
            ev['code'] = '999'
        yield ev


def write(path, layout, bad_last=False):
    """Write the events; returns the last event's line."""
    opener = gzip.open if path.endswith('.gz') else open
    line = ''
    with opener(path, 'wt', encoding='utf-8') as f:
        if layout == 'lines':
            for ev in events(bad_last):
                line = json.dumps(ev, separators=(',', ':'))
                f.write(line + '\n')
            return line
        f.write('{"entente": "events/1", "events": [\n' if layout == 'doc'
                else '[\n')
        for i, ev in enumerate(events(bad_last)):
            line = json.dumps(ev)
            f.write((',\n' if i else '') + line)
        f.write('\n]}\n' if layout == 'doc' else '\n]\n')
    return line


def run_measured(cmd, out_path):
    """(status, stderr, peak RSS in bytes); stdout to out_path."""
    with open(out_path, 'wb') as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
    return os.waitstatus_to_exitcode(status), \
        err.decode('utf-8', 'replace'), usage.ru_maxrss * 1024


def main():
    exe = os.path.abspath(sys.argv[1])
    asan = 'ASAN_OPTIONS' in os.environ
    tap = Tap()
    check = tap.check

    # the events counted here: directed dyads and their events
    want = collections.Counter()
    for ev in events():
        want[(ev['source'], ev['target'])] += ev['count']

    tmp = tempfile.mkdtemp(prefix='entente-stream-')
    try:
        files = [('events/1 document', 'doc', 'events.json'),
                 ('bare array', 'array', 'array.json'),
                 ('JSON Lines', 'lines', 'events.jsonl'),
                 ('JSON Lines, gzip', 'lines', 'events.ndjson.gz'),
                 ('JSON Lines named .json', 'lines', 'lines.json')]
        tables = {}
        for name, layout, fname in files:
            path = os.path.join(tmp, fname)
            write(path, layout)
            out = os.path.join(tmp, fname + '.csv')
            status, err, rss = run_measured([exe, 'dyads', path], out)
            check(status == 0 and err == '', f'{name}: read',
                  f'status {status}\n{err}')
            with open(out, encoding='utf-8') as f:
                tables[name] = f.read()
            if asan:
                tap.skip(f'{name}: peak memory', 'AddressSanitizer build')
            else:
                check(rss <= MAX_RSS, f'{name}: peak memory {rss // MIB} '
                      f'MiB <= {MAX_RSS // MIB} MiB for {N} events',
                      f'{rss // MIB} MiB')
            os.unlink(path)
        first = tables[files[0][0]]
        for name in tables:
            check(tables[name] == first, f'{name}: the same dyad table')
        got = {}
        for row in first.splitlines()[1:]:
            cols = row.split(',')
            got[(cols[0], cols[1])] = int(cols[2])
        check(got == dict(want), 'the dyad table counts the events as '
              'counted here', f'{len(got)} dyads, want {len(want)}')

        # a bad event at the end: the same message at the same place
        for layout, fname in (('doc', 'bad.json'), ('array', 'bad2.json'),
                              ('lines', 'bad.jsonl')):
            path = os.path.join(tmp, fname)
            line = write(path, layout, bad_last=True)
            # the line of the last event, the column of the code's value
            column = line.index('"999"') + 1
            where = f'{N if layout == "lines" else N + 1}:{column}'
            proc = subprocess.run([exe, 'dyads', path], capture_output=True)
            want_err = (f'entente: {path}:{where}: unknown CAMEO '
                        'code "999" in "code"\n')
            got_err = proc.stderr.decode('utf-8', 'replace')
            check(proc.returncode == 1 and got_err == want_err and
                  proc.stdout == b'',
                  f'{layout}: the last event\'s error at {where}',
                  f'status {proc.returncode}\ngot:  {got_err!r}\n'
                  f'want: {want_err!r}')
            os.unlink(path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
