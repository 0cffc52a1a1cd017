#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A GDELT file cut short by another program while entente reads it.

With ENTENTE_MMAP=1 plain files are read through memory maps, and touching
a page that the cut took away raises SIGBUS. Whatever the moment of the
cut, the tool must either finish (exit 0, the output written) or say so in
one line (exit 1, "the file was cut short while it was being read", no
output file and no temporary file left): never die on the signal.

The first case cuts the file every time inside a mapped window, through
the cut_after_map shim (LD_PRELOAD: the file is cut right after its second
window is mapped), and must end with the message. The next eight cut from
outside at several delays, as another program would; there a run that
finishes before the cut is as valid as one that is stopped. The last two
read the file the default way, with read(2), where a cut only ends the
input early: the run finishes. Output is TAP.

usage: shrinking_input.py ENTENTE CUT_AFTER_MAP_SO
"""
import os
import subprocess
import sys
import tempfile
import time

MESSAGE = ': the file was cut short while it was being read; nothing was written'
ROW = ('{id}\t20191024\t201910\t2019\t2019.8137\tUSA\tUNITED STATES\tUSA'
       '\t\t\t\t\t\t\t\tRUS\tRUSSIA\tRUS\t\t\t\t\t\t\t\t1\t036\t036\t03'
       '\t1\t4.0\t10\t1\t10\t1.5\t1\tMoscow, Moskva, Russia\tRS\tRS48'
       '\t\t55.7522\t37.6156\t-2960561\t1\tUnited States\tUS\tUS\t\t39.828'
       '\t-98.5795\tUS\t1\tMoscow, Moskva, Russia\tRS\tRS48\t\t55.7522'
       '\t37.6156\t-2960561\t20191024143000'
       '\thttps://example.org/news/{id}.html\n')


def main():
    entente, shim = sys.argv[1], os.path.abspath(sys.argv[2])
    n = 0
    failures = 0
    with tempfile.TemporaryDirectory(prefix='entente-shrink-') as tmp:
        src = os.path.join(tmp, 'events.export.CSV')
        out_dir = os.path.join(tmp, 'out')
        os.mkdir(out_dir)
        # about 40 MB of valid GDELT 2.0 rows
        block = ''.join(ROW.format(id=1000000 + i) for i in range(2000))
        data = block.encode() * 50
        print('1..11')
        cases = [(d, True) for d in (None, 0.0, 0.002, 0.005, 0.01, 0.02,
                                     0.04, 0.08, 0.16)]
        cases += [(0.005, False), (0.02, False)]
        for delay, mapped in cases:
            n += 1
            with open(src, 'wb') as f:
                f.write(data)
            out = os.path.join(out_dir, 'dyads.csv')
            env = dict(os.environ)
            env.pop('ENTENTE_NO_MMAP', None)
            env.pop('ENTENTE_MMAP', None)
            if mapped:
                env['ENTENTE_MMAP'] = '1'
            if delay is None:
                env['LD_PRELOAD'] = shim
                env['ENTENTE_TEST_CUT'] = src
                # the sanitizer runtime need not come first then
                env['ASAN_OPTIONS'] = (env.get('ASAN_OPTIONS', '') +
                                       ':verify_asan_link_order=0')
            proc = subprocess.Popen(
                [entente, 'dyads', '--quiet', '-o', out, src], env=env,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if delay is not None:
                time.sleep(delay)
                os.truncate(src, 4096)
            stdout, stderr = proc.communicate(timeout=120)
            err = stderr.decode(errors='replace')
            left = sorted(os.listdir(out_dir))
            if delay is None:
                good = (proc.returncode == 1 and stdout == b'' and
                        err == 'entente: ' + src + MESSAGE + '\n' and
                        left == [])
                how = 'cut inside a mapped window: exit status %d' % (
                    proc.returncode)
            elif not mapped:
                good = (proc.returncode == 0 and left == ['dyads.csv'] and
                        err == '')
                how = 'read with read(2): exit status %d' % proc.returncode
            elif proc.returncode == 0:
                good = left == ['dyads.csv'] and err == ''
                how = 'finished (the cut came before the open or after the read)'
            elif proc.returncode == 1:
                good = (err == 'entente: ' + src + MESSAGE + '\n' and
                        left == [] and stdout == b'')
                how = 'stopped with the message'
            else:
                good = False
                how = 'exit status %d' % proc.returncode
            for name in left:
                os.unlink(os.path.join(out_dir, name))
            when = ('by the shim' if delay is None
                    else 'after %.3f s' % delay)
            if not mapped:
                when += ', not mapped'

            if good:
                print('ok %d - cut %s: %s' % (n, when, how))
            else:
                failures += 1
                print('not ok %d - cut %s: %s' % (n, when, how))
                print('# stderr: %r' % err[:500])
                print('# left in the output folder: %r' % left)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
