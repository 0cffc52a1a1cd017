#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Decompression bombs and endless standard input, through the tool.

News text is read whole, so its size limit (512 MiB, ENT_TEXT_MAX_BYTES)
must hold while the bytes arrive: a small archive that inflates to more
than the limit, or a pipe that never ends, is refused once the limit + 1st
byte is read, with memory near the limit, never after filling memory.
Binary data on standard input is refused from its first bytes.

Events JSON streams: a bomb of white space is read through in little
memory, and a bomb inside one event stops at the size limit of one event
(64 MiB, ENT_JSON_MAX_EVENT_BYTES), with memory near that limit.

Each case checks the exit status, the one line on stderr and the peak
resident memory of the process (os.wait4). Under AddressSanitizer
(ASAN_OPTIONS set by `meson test --setup sanitize`), whose shadow memory and
quarantine inflate the figure, the memory bound is not checked. Output is
TAP.

usage: bombs.py ENTENTE
"""
import lzma
import os
import subprocess
import sys
import tempfile
import threading
import zipfile
import zlib

from tap import Tap

MIB = 1 << 20
LIMIT = 512 * MIB
# inflated size of the zip bomb and of the endless input: past the limit by
# a margin (the zip bomb is compressed here for real, so it stays small)
INFLATED = LIMIT + 64 * MIB
# peak memory allowed: the limit itself (the text is held whole up to it)
# plus the program and its tables
MAX_RSS = LIMIT + 96 * MIB
# events JSON streams: one event up to its limit, the window it is read in
# and the program
EVENT_LIMIT = 64 * MIB
MAX_RSS_JSON = EVENT_LIMIT + 48 * MIB
# a stream of white space: the program and a small window
MAX_RSS_STREAM = 48 * MIB
SENTENCE = b'China and Russia held talks on trade with Poland. '


def chunks(head, filler, total):
    """`head`, then `filler` repeated, `total` bytes in all, in 1 MiB."""
    yield head
    left = total - len(head)
    block = (filler * (MIB // len(filler) + 1))[:MIB]
    while left > 0:
        yield block[:min(left, MIB)]
        left -= MIB


# Bombs of gzip and xz are made of members: a head, then one compressed
# block of filler written again and again. Both formats allow concatenated
# members and every reader takes them as one stream, so a file of a few
# hundred KiB inflates to BOMB bytes without compressing them all here.
BOMB = 2048 * MIB
FILLER = 16 * MIB


def write_members(path, compress, head, filler, total=BOMB):
    block = compress((filler * (FILLER // len(filler) + 1))[:FILLER])
    with open(path, 'wb') as f:
        f.write(compress(head))
        for _ in range(total // FILLER):
            f.write(block)


def gzip_member(data):
    z = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip framing
    return z.compress(data) + z.flush()


def xz_member(data):
    return lzma.compress(data, preset=6)


def write_zip(path, name, parts):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED,
                         compresslevel=1) as zf:
        with zf.open(name, 'w', force_zip64=True) as f:
            for p in parts:
                f.write(p)


# The bombs, made by a process of their own (`bombs.py --make KIND PATH`):
# a process forked from this one starts with this one's memory counted in
# its peak (ru_maxrss survives exec), so this one must stay small.
BOMBS = {
    'json-event': lambda p: write_members(p, gzip_member,
                                          b'{"events": [{"text": "', b'a'),
    'json-space': lambda p: write_members(p, xz_member, b'[', b'\n',
                                          768 * MIB),
    'zip-text': lambda p: write_zip(p, 'article.txt',
                                    chunks(b'', SENTENCE, INFLATED)),
}


def make(kind, path):
    subprocess.run([sys.executable, os.path.abspath(__file__), '--make',
                    kind, path], check=True)


def run(cmd, feed=None):
    """Run cmd; feed() writes its standard input. Returns (status, stderr,
    peak RSS in bytes)."""
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if feed else
                            subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    out = {}

    def drain(name, stream):
        out[name] = stream.read()
    threads = [threading.Thread(target=drain, args=(n, s)) for n, s in
               (('out', proc.stdout), ('err', proc.stderr))]
    for t in threads:
        t.start()
    if feed:
        try:
            feed(proc.stdin)
        except BrokenPipeError:
            pass  # the tool stopped reading: what a limit should do
        try:
            proc.stdin.close()
        except BrokenPipeError:
            pass
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    for t in threads:
        t.join()
    return proc.returncode, out['err'].decode('utf-8', 'replace'), \
        usage.ru_maxrss * 1024, out['out']


def main():
    exe = os.path.abspath(sys.argv[1])
    asan = 'ASAN_OPTIONS' in os.environ
    tap = Tap()
    check = tap.check

    def case(name, cmd, want_err, feed=None, max_rss=MAX_RSS):
        status, err, rss, out = run(cmd, feed)
        check(status == 1, f'{name}: exit 1', f'status {status}\n{err}')
        check(err == want_err + '\n', f'{name}: the one error line',
              f'got:  {err!r}\nwant: {want_err!r}')
        check(out == b'', f'{name}: nothing on standard output')
        if asan:
            tap.skip(f'{name}: peak memory', 'AddressSanitizer build')
        else:
            check(rss <= max_rss, f'{name}: peak memory {rss // MIB} MiB '
                  f'<= {max_rss // MIB} MiB', f'{rss // MIB} MiB')

    with tempfile.TemporaryDirectory(prefix='entente-bombs-') as tmp:
        # one event that never ends: refused at the size of one event
        p = os.path.join(tmp, 'bomb.json.gz')
        make('json-event', p)
        case('gzip JSON bomb, one event (%d KiB)' %
             (os.path.getsize(p) // 1024), [exe, 'analyze', p],
             f'entente: {p}:1:13: an event (a JSON value) larger than '
             '64 MiB', max_rss=MAX_RSS_JSON)
        os.unlink(p)

        # white space for ever after the '[': read through, in a small
        # window (768 MiB, to keep the run short; the memory is the same
        # for any length)
        p = os.path.join(tmp, 'bomb.json.xz')
        make('json-space', p)
        case('xz JSON bomb, white space (%d KiB)' %
             (os.path.getsize(p) // 1024), [exe, 'dyads', p],
             f'entente: {p}:1:2: truncated JSON: the document ends too '
             'early', max_rss=MAX_RSS_STREAM)
        os.unlink(p)

        p = os.path.join(tmp, 'bomb.zip')
        make('zip-text', p)
        case('zip text bomb (%d KiB)' % (os.path.getsize(p) // 1024),
             [exe, 'extract', p],
             f'entente: {p}: news text larger than 512 MiB once '
             'decompressed (split it into documents of their own)')
        case('zip text bomb, analyzed', [exe, 'analyze', '--input-format',
                                         'text', p],
             f'entente: {p}: news text larger than 512 MiB once '
             'decompressed (split it into documents of their own)')
        os.unlink(p)


    def endless_text(stdin):
        block = (SENTENCE * (MIB // len(SENTENCE) + 1))[:MIB]
        for _ in range(INFLATED // MIB):
            stdin.write(block)

    case('endless text on standard input', [exe, 'extract', '-'],
         'entente: -: news text larger than 512 MiB (split it into '
         'documents of their own)', endless_text)

    def zeros(stdin):
        block = bytes(MIB)
        for _ in range(INFLATED // MIB):
            stdin.write(block)

    case('zeros on standard input', [exe, 'extract', '-'],
         'entente: -:1:1: a NUL byte: binary data, not text', zeros)
    case('zeros on standard input, analyzed', [exe, 'analyze',
                                               '--input-format', 'text', '-'],
         'entente: -:1:1: a NUL byte: binary data, not text', zeros)
    return tap.finish()


if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == '--make':
        BOMBS[sys.argv[2]](sys.argv[3])
        sys.exit(0)
    sys.exit(main())
