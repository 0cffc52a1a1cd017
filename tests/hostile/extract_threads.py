#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`entente extract` on several threads writes what it writes on one.

  extract_threads.py ENTENTE ROOT

A corpus of many documents is made from the project's own text (the
sentences of tests/data/extract/gold.tsv and the paragraphs of
examples/*.txt, shuffled with a fixed seed): short and long articles
mixed, so that a long one holds up its thread while the others go on
(long ones early and late), an empty one, one with no event, one gzip
compressed, and standard input among them. Then:
- --threads 1, 2, 3, 4 and 8 write the same bytes, to a file and to
  standard output;
- a missing file and a file that is not UTF-8 among the documents: every
  thread count reports the first of them in input order (the same
  stderr, exit 1), leaves no output file (an earlier one untouched) and
  writes the same bytes to standard output (the documents before it);
  a bad document that fails at once after a long one is still reported
  after the long one's events, and a failure of the first document too;
- memory: on 4 threads the peak resident memory stays within 16 MiB of
  one thread's, and far under the events JSON written (a few documents
  are held, not the corpus). Skipped under AddressSanitizer and
  ThreadSanitizer (ASAN_OPTIONS or TSAN_OPTIONS set).
Prints TAP.
"""
import glob
import gzip
import os
import random
import subprocess
import sys
import tempfile

from tap import Tap

THREADS = [1, 2, 3, 4, 8]


def sentences(root):
    sents = []
    with open(os.path.join(root, 'tests/data/extract/gold.tsv'),
              encoding='utf-8') as f:
        next(f)
        for line in f:
            cells = line.rstrip('\n').split('\t')
            if len(cells) > 1 and not cells[1].startswith('@'):
                sents.append(cells[1])
    for path in sorted(glob.glob(os.path.join(root, 'examples/*.txt'))):
        with open(path, encoding='utf-8') as f:
            for para in f.read().split('\n\n'):
                para = ' '.join(para.split())
                if para:
                    sents.append(para)
    return sents


def article(rng, sents, size):
    """An article of about `size` bytes: a date line, a headline,
    paragraphs of five sentences."""
    parts = ['May %d, 20%02d' % (rng.randint(1, 28), rng.randint(10, 25)),
             '', rng.choice(sents).split('.')[0][:80], '']
    n = 0
    while n < size:
        para = ' '.join(rng.choice(sents) for _ in range(5))
        parts += [para, '']
        n += len(para) + 2
    return '\n'.join(parts)


def make_corpus(root, folder, count, seed):
    """`count` documents in `folder`; their paths in input order (with
    '-' for standard input) and the text standard input gets."""
    rng = random.Random(seed)
    sents = sentences(root)
    paths = []
    stdin_text = None
    for d in range(count):
        if d in (1, count - 2):
            size = 60_000        # long: holds up its thread
        else:
            size = rng.randint(200, 6000)
        text = article(rng, sents, size)
        path = os.path.join(folder, 'doc%04d.txt' % d)
        if d == 3:
            text = ''
        elif d == 4:
            text = 'The weather was mild.\n\nNothing else happened.\n'
        if d == 5:
            path += '.gz'
            with gzip.open(path, 'wt', encoding='utf-8') as f:
                f.write(text)
        elif d == 7:
            path = '-'
            stdin_text = text
        else:
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
        paths.append(path)
    return paths, stdin_text


def extract(exe, paths, threads, stdin_text, out=None):
    """(status, stdout bytes, stderr text)."""
    cmd = [exe, 'extract', '--threads', str(threads)] + paths
    if out is not None:
        cmd += ['-o', out]
    with tempfile.TemporaryFile() as so, tempfile.TemporaryFile() as se:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=so,
                                stderr=se)
        try:  # a run that fails first may not read it
            proc.stdin.write((stdin_text or '').encode('utf-8'))
            proc.stdin.close()
        except BrokenPipeError:
            pass
        status = proc.wait()
        so.seek(0)
        se.seek(0)
        return (status, so.read(),
                se.read().decode('utf-8', 'replace'))


# A child's peak memory counts what it shared with its parent before it
# became entente: this test holds much, so a fresh interpreter starts it.
MEASURE = '''
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss * 1024)
'''


def measured(exe, paths, threads, out):
    """(status, peak RSS in bytes) of extract to `out`."""
    p = subprocess.run([sys.executable, '-c', MEASURE, exe, 'extract',
                        '--threads', str(threads), '-o', out] + paths,
                       capture_output=True, text=True, check=True)
    status, rss = p.stdout.split()
    return int(status), int(rss)


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def same_runs(tap, exe, paths, stdin_text, tmp, what):
    """Every thread count: the same status, stderr, stdout and output
    file (or none) as one thread."""
    first = None
    for t in THREADS:
        out = os.path.join(tmp, 'out%d.json' % t)
        with open(out, 'wb') as f:
            f.write(b'earlier\n')
        st, _, err = extract(exe, paths, t, stdin_text, out)
        kept = read(out)
        st2, so, err2 = extract(exe, paths, t, stdin_text)
        got = (st, err, kept, st2, so, err2)
        if first is None:
            first = got
            tap.check(st == st2, f'{what}: one thread, file and standard '
                      'output agree', f'{st} {st2}')
            if st == 0:
                tap.check(kept == so and so.startswith(b'{') and
                          so.count(b'"id":') > 0,
                          f'{what}: one thread writes events', err)
            else:
                tap.check(kept == b'earlier\n' and err.count('\n') == 1
                          and err == err2,
                          f'{what}: one thread fails in one line and '
                          'leaves the earlier file', err)
            continue
        tap.check(got == first, f'{what}: --threads {t} writes the bytes, '
                  'status and error of --threads 1',
                  f'status {st}/{st2} against {first[0]}/{first[3]}; '
                  f'stderr {err!r} against {first[1]!r}; stdout '
                  f'{len(so)} against {len(first[4])} bytes')
    return first


def main():
    exe, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    # sanitizers multiply memory: under AddressSanitizer (meson's
    # sanitize setup sets ASAN_OPTIONS) or ThreadSanitizer (TSAN_OPTIONS)
    # the memory check is skipped
    sanitized = 'ASAN_OPTIONS' in os.environ or 'TSAN_OPTIONS' in os.environ
    tap = Tap()

    with tempfile.TemporaryDirectory(prefix='entente-threads-') as tmp:
        folder = os.path.join(tmp, 'corpus')
        os.mkdir(folder)
        paths, stdin_text = make_corpus(root, folder, 120, 20151102)
        good = same_runs(tap, exe, paths, stdin_text, tmp, '120 documents')
        tap.check(good[4].count(b'"doc":"') > 1000,
                  '120 documents: many events',
                  str(good[4].count(b'"doc":"')))

        missing = os.path.join(folder, 'no-such-article.txt')
        bad = os.path.join(folder, 'latin1.txt')
        with open(bad, 'wb') as f:
            f.write(b'Paris\n\nFrance and Germany signed an accord in '
                    b'M\xfcnster.\n')
        # the missing file first in input order, the bad one later
        first = same_runs(tap, exe, paths[:40] + [missing] + paths[40:80] +
                          [bad] + paths[80:], stdin_text, tmp,
                          'a missing file, then a bad one')
        tap.check('no-such-article.txt' in first[1] and
                  first[4].count(b'"doc":"') > 0,
                  'a missing file: it is the error, the documents before '
                  'it are on standard output', first[1])
        # the bad one (failing at once) right after a long document, the
        # missing one later: the bad one is reported, after the long one
        first = same_runs(tap, exe, paths[:2] + [bad] + paths[2:60] +
                          [missing] + paths[60:], stdin_text, tmp,
                          'a bad file after a long one')
        tap.check('latin1.txt:3:' in first[1] and
                  b'"doc":"' + paths[1].encode() + b'"' in first[4],
                  'a bad file: it is the error, after the long document\'s '
                  'events', first[1])
        same_runs(tap, exe, [missing] + paths[:20], stdin_text, tmp,
                  'the first document missing')

        if sanitized:
            tap.skip('memory on 4 threads', 'a sanitizer')
        else:
            big = os.path.join(tmp, 'big')
            os.mkdir(big)
            many, _ = make_corpus(root, big, 3000, 7)
            many = [p for p in many if p != '-']
            o1, o4 = os.path.join(tmp, 'one.json'), os.path.join(tmp,
                                                                 'four.json')
            st1, rss1 = measured(exe, many, 1, o1)
            st4, rss4 = measured(exe, many, 4, o4)
            size = os.path.getsize(o4)
            mib = 1 << 20
            tap.check(st1 == 0 and st4 == 0 and read(o1) == read(o4) and
                      rss4 < rss1 + 16 * mib and rss4 < size / 2,
                      'memory on 4 threads: within 16 MiB of one '
                      'thread\'s, under half the events JSON',
                      f'{rss1 / mib:.1f} MiB and {rss4 / mib:.1f} MiB '
                      f'for {size / mib:.1f} MiB of events JSON')
            print(f'# peak memory {rss1 / mib:.1f} MiB on one thread, '
                  f'{rss4 / mib:.1f} MiB on 4, {size / mib:.1f} MiB of '
                  'events JSON written')
    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
