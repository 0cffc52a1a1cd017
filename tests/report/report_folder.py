#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The report folder (`entente report INPUT... -o DIR`), as a user sees it:
periods honoured (--by), what it holds, and that it changes as a whole or
not at all. TAP output.

usage: report_folder.py ENTENTE SOURCE_ROOT"""
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile

EXE, ROOT = sys.argv[1], sys.argv[2]
EXAMPLE = os.path.join(ROOT, 'examples', 'baltic-black-sea.json')
OTHER = os.path.join(ROOT, 'examples', 'nile-dam.events.json')
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


def snapshot(folder):
    """{name: bytes} of a folder's files."""
    return {n: open(os.path.join(folder, n), 'rb').read()
            for n in sorted(os.listdir(folder))}


def leftovers(parent):
    return [n for n in os.listdir(parent) if '.tmp.' in n or '.old.' in n]


def small_files(limit):
    """preexec_fn: files bigger than `limit` bytes cannot be written (the
    write fails with EFBIG instead of killing the process)."""
    def pre():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return pre


def test_new_nested(tmp):
    out = os.path.join(tmp, 'new', 'a', 'b')
    p = run('report', '--quiet', EXAMPLE, '-o', out)
    check('report into a new nested folder exits 0', p.returncode == 0,
          p.stderr.decode())
    check('the new folder holds the report', sorted(os.listdir(out)) == [
        'events.json', 'graph.dot', 'graph.svg', 'report.html', 'report.json',
        'report.md'],
        repr(os.listdir(out)))
    check('no temporary folder is left beside it',
          leftovers(os.path.dirname(out)) == [])


def test_replaced_whole(tmp):
    out = os.path.join(tmp, 'whole')
    run('report', '--quiet', EXAMPLE, '-o', out)
    # a file of an earlier report that the new one does not write
    with open(os.path.join(out, 'graph-2015-05.svg'), 'w') as f:
        f.write('<svg/>')
    p = run('report', '--quiet', OTHER, '-o', out)
    check('a second report into the folder exits 0', p.returncode == 0,
          p.stderr.decode())
    check('the earlier report\'s files are gone with it',
          'graph-2015-05.svg' not in os.listdir(out), repr(os.listdir(out)))
    check('every file is the second report\'s',
          all(origin(out, n) == 'nile-dam' for n in os.listdir(out)),
          repr({n: origin(out, n) for n in os.listdir(out)}))
    check('no temporary folder is left', leftovers(tmp) == [])


def test_failure_keeps_old(tmp):
    out = os.path.join(tmp, 'kept')
    run('report', '--quiet', EXAMPLE, '-o', out)
    before = snapshot(out)
    # events.json of the other input is larger than 3000 bytes: writing it
    # fails after the first files were written
    p = run('report', '--quiet', OTHER, '-o', out,
            preexec_fn=small_files(3000))
    check('a report that cannot write its files exits 1', p.returncode == 1,
          p.stderr.decode())
    check('the error names the file and the reason',
          b'cannot write' in p.stderr and b'File too large' in p.stderr,
          p.stderr.decode())
    check('the earlier report is kept byte for byte', snapshot(out) == before)
    check('no temporary folder is left', leftovers(tmp) == [])


def test_failure_leaves_nothing(tmp):
    out = os.path.join(tmp, 'never', 'made')
    p = run('report', '--quiet', OTHER, '-o', out,
            preexec_fn=small_files(3000))
    check('a failed report into a new folder exits 1', p.returncode == 1)
    check('no empty folder (nor its new parent) is left behind',
          not os.path.exists(os.path.join(tmp, 'never')))


def test_foreign_files(tmp):
    out = os.path.join(tmp, 'mine')
    os.makedirs(out)
    with open(os.path.join(out, 'notes.txt'), 'w') as f:
        f.write('my notes')
    p = run('report', '--quiet', EXAMPLE, '-o', out)
    check('a folder with the user\'s files is refused', p.returncode == 1
          and b'notes.txt' in p.stderr, p.stderr.decode())
    check('and left untouched', os.listdir(out) == ['notes.txt'])
    # the reproducer of issue 11: graph.svg replaced by a folder made a
    # rename fail half way, leaving new events.json beside old files
    out = os.path.join(tmp, 'half')
    run('report', '--quiet', EXAMPLE, '-o', out)
    os.remove(os.path.join(out, 'graph.svg'))
    os.makedirs(os.path.join(out, 'graph.svg', 'x'))
    before = snapshot_files(out)
    p = run('report', '--quiet', OTHER, '-o', out)
    check('a folder where a report file is a folder is refused',
          p.returncode == 1, p.stderr.decode())
    check('and no file in it changed', snapshot_files(out) == before)


def snapshot_files(folder):
    return {n: open(os.path.join(folder, n), 'rb').read()
            for n in os.listdir(folder)
            if os.path.isfile(os.path.join(folder, n))}


def origin(folder, name):
    """Which example a report file came from."""
    data = open(os.path.join(folder, name), 'rb').read()
    data = data.replace(b'&#45;', b'-')  # SVG escapes the hyphen
    a, b = b'baltic-black-sea' in data, b'nile-dam' in data
    return 'baltic-black-sea' if a and not b else 'nile-dam' if b and not a \
        else 'unknown'


def test_concurrent(tmp, rounds=30):
    """Two reports into one folder at once, many times: the folder always
    holds the files of one of them (issue 11: mixed in 2 of 30 runs)."""
    mixed = failed = 0
    for i in range(rounds):
        out = os.path.join(tmp, f'race{i}')
        procs = [subprocess.Popen([EXE, 'report', '--quiet', inp, '-o', out],
                                  stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
                 for inp in (EXAMPLE, OTHER)]
        failed += sum(p.wait() != 0 for p in procs)
        origins = {origin(out, n) for n in os.listdir(out)}
        mixed += len(origins) != 1 or 'unknown' in origins
        mixed += len(leftovers(tmp)) != 0
    check(f'{rounds} pairs of concurrent reports into one folder: no run '
          'failed', failed == 0, f'{failed} failed')
    check('and the folder never mixed their files', mixed == 0,
          f'{mixed} of {rounds} mixed')


def main():
    with tempfile.TemporaryDirectory(prefix='entente-report-') as tmp:
        test_by_month(tmp)
        test_new_nested(tmp)
        test_replaced_whole(tmp)
        test_failure_keeps_old(tmp)
        test_failure_leaves_nothing(tmp)
        test_foreign_files(tmp)
        test_concurrent(tmp)
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
