#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""SIGINT, SIGTERM and SIGHUP in the middle of a run leave nothing behind.

A diagram of 120 states (render, report) takes long enough to lay out that
its temporary output (NAME.tmp.XXXXXX) exists for a while. Each case starts
the tool, waits until a temporary file appears in the output folder (for
report, a file in its temporary folder DIR.tmp.XXXXXX), sends the signal,
and checks that

- the process died of that signal (the shell and a parent see it),
- no temporary file or folder is left anywhere in the output folder,
- an earlier output is byte for byte as it was.

Output is TAP. usage: signals.py ENTENTE
"""
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from tap import Tap

EARLIER = b'an earlier diagram that an interrupted run must leave alone\n'


def write_graph(path, states_tsv):
    """Events between half the ordered pairs of 120 states."""
    codes = []
    with open(states_tsv, encoding='utf-8') as f:
        for line in f:
            code = line.split('\t')[0]
            if not line.startswith('#') and len(code) == 3 and code.isupper():
                codes.append(code)
    codes = codes[:120]
    rng = random.Random(1)
    events = []
    for a in codes:
        for b in codes:
            if a != b and rng.random() < 0.5:
                events.append('{"source":"%s","target":"%s","code":"%s"}' %
                              (a, b, rng.choice(['057', '190', '042',
                                                 '112'])))
    with open(path, 'w') as f:
        f.write('[\n' + ',\n'.join(events) + '\n]\n')


def temporaries(folder):
    found = []
    for dirpath, dirs, files in os.walk(folder):
        found += [os.path.join(dirpath, n) for n in dirs + files
                  if '.tmp.' in n]
    return found


def ready(folder, cmd):
    """A temporary output exists: render's file, or a file written into
    the report's temporary folder (so that its removal must empty it)."""
    found = temporaries(folder)
    if cmd == 'render':
        return bool(found)
    return any(os.path.isdir(p) and os.listdir(p) for p in found)


def main():
    exe, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    tap = Tap()
    check = tap.check

    tmp = tempfile.mkdtemp(prefix='entente-signals-')
    try:
        graph = os.path.join(tmp, 'graph.json')
        write_graph(graph, os.path.join(root, 'src', 'lib', 'lexicon',
                                        'states.tsv'))
        # SIGSEGV and SIGABRT stand for a library dying (Graphviz out of
        # memory): the temporaries go too, one line says so
        cases = [(sig, cmd) for sig in (signal.SIGINT, signal.SIGTERM,
                                        signal.SIGHUP)
                 for cmd in ('render', 'report')]
        cases += [(signal.SIGSEGV, 'render'), (signal.SIGABRT, 'report')]
        for sig, cmd in cases:
            if True:
                name = f'{cmd}, {sig.name}'
                out = os.path.join(tmp, 'out')
                shutil.rmtree(out, ignore_errors=True)
                os.mkdir(out)
                target = os.path.join(out, 'graph.svg' if cmd == 'render'
                                      else 'report')
                if cmd == 'render':
                    with open(target, 'wb') as f:
                        f.write(EARLIER)
                proc = subprocess.Popen([exe, cmd, '--quiet', graph, '-o',
                                         target], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE)
                seen = False
                while proc.poll() is None:
                    if ready(out, cmd):
                        proc.send_signal(sig)
                        seen = True
                        break
                    time.sleep(0.001)
                proc.wait()
                err = proc.stderr.read().decode('utf-8', 'replace')
                proc.stderr.close()
                check(seen, f'{name}: a temporary output appeared while '
                      'the run went on', f'status {proc.returncode}\n{err}')
                if not seen:
                    continue
                crash = sig in (signal.SIGSEGV, signal.SIGABRT)
                # a sanitizer's handler, chained, may end with SIGABRT
                check(proc.returncode == -sig or
                      (crash and proc.returncode < 0),
                      f'{name}: died of the signal',
                      f'status {proc.returncode}\n{err}')
                if crash:
                    check(f'entente: died of {sig.name}' in err,
                          f'{name}: says so in one line', err)
                left = temporaries(out)
                check(not left, f'{name}: no temporary file left',
                      '\n'.join(left))
                if cmd == 'render':
                    with open(target, 'rb') as f:
                        check(f.read() == EARLIER,
                              f'{name}: the earlier output is untouched')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
