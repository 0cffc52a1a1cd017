#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Out of memory is said so, not mistaken for bad input.

With fail_malloc (LD_PRELOAD) every malloc above a size fails, as when
memory runs out. An events JSON document, valid, whose one event holds a
text of 8 MiB is read with mallocs above 4 MiB failing: cJSON's copy of
the string fails, and the tool must say "out of memory" (exit 1, no
output), not "malformed JSON" at a position of a valid file.

Skipped under AddressSanitizer, which must come first among the
libraries of a process and replaces malloc itself. Output is TAP.

usage: oom.py ENTENTE FAIL_MALLOC_SO
"""
import os
import subprocess
import sys
import tempfile

from tap import Tap


def main():
    exe, shim = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    if 'ASAN_OPTIONS' in os.environ:
        print('1..0 # SKIP AddressSanitizer replaces malloc')
        return 0
    tap = Tap()
    check = tap.check

    with tempfile.TemporaryDirectory(prefix='entente-oom-') as tmp:
        path = os.path.join(tmp, 'big-text.json')
        with open(path, 'w') as f:
            f.write('{"entente": "events/1", "events": [\n')
            f.write('{"source": "CHN", "target": "RUS", "code": "057", '
                    '"text": "' + 'x' * (8 << 20) + '"}\n]}\n')
        out = os.path.join(tmp, 'out.csv')
        env = dict(os.environ)
        proc = subprocess.run([exe, 'dyads', path, '-o', out],
                              capture_output=True, env=env)
        check(proc.returncode == 0, 'the document is valid: read with '
              'memory enough', proc.stderr.decode('utf-8', 'replace'))
        os.unlink(out)
        env['LD_PRELOAD'] = shim
        env['ENTENTE_FAIL_MALLOC_ABOVE'] = str(4 << 20)
        for cmd in ('dyads', 'analyze'):
            proc = subprocess.run([exe, cmd, path, '-o', out],
                                  capture_output=True, env=env)
            err = proc.stderr.decode('utf-8', 'replace')
            want = (f'entente: {path}:2:1: out of memory while parsing an '
                    'event\n')
            check(proc.returncode == 1 and err == want and
                  not os.path.exists(out),
                  f'{cmd}: out of memory inside cJSON is said so',
                  f'status {proc.returncode}\ngot:  {err!r}\nwant: {want!r}')
    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
