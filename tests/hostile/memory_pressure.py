#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Graphviz under memory pressure fails cleanly.

Graphviz, cairo, pango and fontconfig do not all check what malloc and
pthread_create return: with too little address space (ulimit -v) the
process died in them (SIGTRAP from GLib, SIGSEGV) and left its temporary
output behind. Each case renders a diagram under an address-space limit
(RLIMIT_AS) and accepts one of:

- success: exit 0 and the output file;
- a clean refusal: exit 1, a line "entente: ..." last on standard error
  (the libraries may print their own before), no output and no temporary
  file;
- where a library still dies: death by a signal, entente's one line
  saying so among the messages, and no output or temporary file left.

A graph of 200 states is drawn as PNG too: its pango starts more threads
and its image is larger, so it needs more than the small example.

(test_big_layout.c: a graph too large for neato is refused before the
layout.)

Skipped under AddressSanitizer, whose shadow memory needs terabytes of
address space. Output is TAP. usage: memory_pressure.py ENTENTE ROOT
"""
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile

from tap import Tap

MIB = 1 << 20


def write_states(path, states_tsv):
    """Events between 30% of the ordered pairs of every state."""
    codes = []
    with open(states_tsv, encoding='utf-8') as f:
        for line in f:
            code = line.split('\t')[0]
            if not line.startswith('#') and len(code) == 3 and code.isupper():
                codes.append(code)
    rng = random.Random(1)
    with open(path, 'w') as f:
        f.write('[\n' + ',\n'.join(
            '{"source":"%s","target":"%s","code":"%s"}' %
            (a, b, rng.choice(['057', '190', '042', '112']))
            for a in codes for b in codes
            if a != b and rng.random() < 0.3) + '\n]\n')


def temporaries(folder):
    return [n for n in os.listdir(folder) if '.tmp.' in n]


def main():
    exe, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    if 'ASAN_OPTIONS' in os.environ:
        print('1..0 # SKIP AddressSanitizer needs more address space')
        return 0
    tap = Tap()
    check = tap.check

    example = os.path.join(root, 'examples', 'baltic-black-sea.json')
    tmp = tempfile.mkdtemp(prefix='entente-memory-')
    try:
        big = os.path.join(tmp, 'states.json')
        write_states(big, os.path.join(root, 'src', 'lib', 'lexicon',
                                       'states.tsv'))
        outcomes = set()
        # 1 GiB draws it anywhere: the check below must not depend on how much
        # address space this machine's libraries take
        cases = [(example, 'svg', limit) for limit in (96, 128, 160, 256,
                                                       1024)]
        cases += [(example, 'png', limit) for limit in (112, 144, 192)]
        cases += [(big, 'png', limit) for limit in (180, 200, 240, 320)]
        for inp, fmt, limit in cases:
            out = os.path.join(tmp, 'graph.' + fmt)
            name = (f'{os.path.basename(inp)} as {fmt} under {limit} '
                    'MiB of address space')

            def cap(limit=limit):
                resource.setrlimit(resource.RLIMIT_AS,
                                   (limit * MIB, limit * MIB))
            proc = subprocess.run([exe, 'render', inp, '-o', out],
                                  capture_output=True,
                                  preexec_fn=cap)
            err = proc.stderr.decode('utf-8', 'replace')
            ours = [line for line in err.splitlines()
                    if line.startswith('entente: ')]
            left = temporaries(tmp)
            made = os.path.exists(out)
            if proc.returncode == 0:
                outcome = 'drawn'
                good = made and not left
            elif proc.returncode == 1:
                # the libraries print lines of their own before it
                # (fontconfig, Graphviz); entente's comes last
                outcome = 'refused'
                good = (not made and not left and len(ours) >= 1 and
                        err.rstrip('\n').split('\n')[-1] == ours[-1])
            else:
                outcome = 'died'
                good = (proc.returncode < 0 and not made and
                        not left and len(ours) == 1)
            outcomes.add(outcome)
            check(good, f'{name}: {outcome}',
                  f'status {proc.returncode}, output {made}, '
                  f'left {left}\n{err}')
            for f in os.listdir(tmp):
                if f.startswith('graph.'):
                    os.unlink(os.path.join(tmp, f))
        check('drawn' in outcomes, 'enough address space draws it')

    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
