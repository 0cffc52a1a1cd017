#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run the table of broken and hostile inputs (tests/hostile/cases.tsv).

Each row of the table is: name, expected exit status, the arguments of the
entente command (separated by spaces), and the exact line expected on
standard error; an optional fifth column asks for set-up (see below).
Substitutions: @IN@ is tests/hostile/inputs (inputs are actual files there),
@TMP@ a fresh folder per case, @GEN:<name>@ an input generated at test time
into @TMP@/gen (big or deep inputs that are not committed; see GENERATORS).

A case passes when:
- the exit status is the expected one (a crash is a signal, never 1),
- standard error is exactly the expected line (one line; a sanitizer or
  valgrind report would add more),
- a failing case writes nothing to standard output and leaves @TMP@/out
  exactly as it was: no output file, no temporary file left behind, and an
  earlier output file ("keep" set-up) byte for byte untouched.

Set-up column: "keep=<path>" writes an earlier output file first and checks
it is unchanged; "mkdir=<path>" makes a folder; "fsize=<bytes>" limits
the size of files the command may write (RLIMIT_FSIZE), so that writing
the output fails half-way; "nonroot" skips the case when running as root (root reads
files whatever their permissions); "chmod000=<path>" makes <path>
unreadable first.

ENTENTE_VALGRIND=1 runs every case under valgrind --error-exitcode=99 with
full leak checking. Output is TAP.
"""
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile

EARLIER = b'an earlier output that a failed run must leave alone\n'


def gen_line_json(path, size=10 * 1024 * 1024):
    # one event with a 10 MB "text" on a single line, then an event with an
    # unknown code: the error is at the far end of the line
    head = '[{"source": "CHN", "target": "RUS", "code": "057", "text": "'
    tail = '"}, {"source": "CHN", "target": "RUS", "code": "0577"}]\n'
    with open(path, 'w') as f:
        f.write(head + 'x' * (size - len(head) - len(tail)) + tail)


def gen_line_text(path, size=10 * 1024 * 1024):
    # news text without a single sentence end or line break
    words = 'China and Russia held talks with Poland and Romania '
    with open(path, 'w') as f:
        f.write((words * (size // len(words) + 1))[:size])


def gen_line_gdelt(path, size=10 * 1024 * 1024):
    # a single 10 MB line in a GDELT export (no newline at all)
    with open(path, 'w') as f:
        f.write('1\t20150508\t' + 'A' * (size - 12) + '\n')


def gen_deep_array(path, depth=10000):
    with open(path, 'w') as f:
        f.write('[' * depth + ']' * depth + '\n')


def gen_deep_object(path, depth=10000):
    # the nesting is inside an unknown member of a valid event
    with open(path, 'w') as f:
        f.write('[{"source": "CHN", "target": "RUS", "code": "057", "x": ' +
                '{"a": ' * depth + '1' + '}' * depth + '}]\n')


def gen_many_actors(path, n=50001):
    # n distinct actors: sources A00000.. and one target ZZZ
    with open(path, 'w') as f:
        f.write('[\n')
        f.write(',\n'.join(
            '{"source": "A%05d", "target": "ZZZ", "code": "057"}' % i
            for i in range(n - 1)))
        f.write('\n]\n')


def gen_many_actors_table(path, n=50001):
    # a dyad table with n distinct actors: A00000.. -> ZZZ
    with open(path, 'w') as f:
        f.write('source,target,events,coop_events,conflict_events,'
                'goldstein_sum,goldstein_mean,cooperation,conflict,first,'
                'last\n')
        for i in range(n - 1):
            f.write('A%05d,ZZZ,1,1,0,3.4,3.4,3.4,0,2015-05-08,2015-05-08\n'
                    % i)


def gen_pairs(path):
    # events between every ordered pair of 16 states: a dyad table of 240
    # rows, more than a stdio buffer holds
    states = ['CHN', 'RUS', 'USA', 'POL', 'ROU', 'UKR', 'DEU', 'FRA', 'GBR',
              'JPN', 'IND', 'IRN', 'ISR', 'TUR', 'BRA', 'EGY']
    with open(path, 'w') as f:
        f.write('[\n' + ',\n'.join(
            '{"source": "%s", "target": "%s", "code": "057"}' % (a, b)
            for a in states for b in states if a != b) + '\n]\n')


GENERATORS = {
    'pairs.json': gen_pairs,
    'line-10mb.json': gen_line_json,
    'line-10mb.txt': gen_line_text,
    'line-10mb.CSV': gen_line_gdelt,
    'deep-array-10000.json': gen_deep_array,
    'deep-object-10000.json': gen_deep_object,
    'actors-50001.json': gen_many_actors,
    'actors-50001.csv': gen_many_actors_table,
}


def load_cases(path):
    cases = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            cols = line.split('\t')
            if len(cols) not in (4, 5):
                sys.exit(f'{path}:{n}: expected 4 or 5 tab-separated '
                         f'columns, found {len(cols)}')
            cases.append({'name': cols[0], 'status': int(cols[1]),
                          'args': cols[2].split(' '), 'err': cols[3],
                          'setup': cols[4] if len(cols) == 5 else ''})
    return cases


def listing(folder):
    """Every path under folder with its content (None for a folder)."""
    out = {}
    for dirpath, dirs, files in os.walk(folder):
        for name in dirs:
            out[os.path.relpath(os.path.join(dirpath, name), folder)] = None
        for name in files:
            path = os.path.join(dirpath, name)
            with open(path, 'rb') as f:
                out[os.path.relpath(path, folder)] = f.read()
    return out


def run_case(exe, root, case, valgrind):
    tmp = tempfile.mkdtemp(prefix='entente-hostile-')
    try:
        out_dir = os.path.join(tmp, 'out')
        gen_dir = os.path.join(tmp, 'gen')
        os.mkdir(out_dir)
        os.mkdir(gen_dir)

        def sub(s):
            s = s.replace('@IN@', 'tests/hostile/inputs').replace('@TMP@', tmp)
            while '@GEN:' in s:
                a = s.index('@GEN:')
                b = s.index('@', a + 1)
                name = s[a + 5:b]
                target = os.path.join(gen_dir, name)
                if not os.path.exists(target):
                    GENERATORS[name](target)
                s = s[:a] + target + s[b + 1:]
            return s

        fsize = None
        for item in filter(None, case['setup'].split(',')):
            key, _, value = item.partition('=')
            if key == 'nonroot' and os.geteuid() == 0:
                return 'skip', ('running as root, which reads a file '
                                'whatever its permissions; the unreadable '
                                'cases through /proc/self/mem and a path '
                                'under a plain file run instead')
            if key == 'keep':
                with open(sub(value), 'wb') as f:
                    f.write(EARLIER)
            if key == 'fsize':
                fsize = int(value)
            if key == 'mkdir':
                os.makedirs(sub(value))
            if key == 'chmod000':
                p = sub(value)
                with open(p, 'w') as f:
                    f.write('[]\n')
                os.chmod(p, 0)
        args = [sub(a) for a in case['args']]
        want_err = sub(case['err'])
        before = listing(out_dir)
        cmd = [exe] + args
        if valgrind:
            cmd = ['valgrind', '-q', '--error-exitcode=99',
                   '--leak-check=full', '--show-leak-kinds=definite,indirect',
                   '--errors-for-leak-kinds=definite,indirect',
                   '--suppressions=' + os.path.join(
                       root, 'tests', 'hostile', 'valgrind.supp')] + cmd

        def limit_files():
            # a write beyond fsize fails with EFBIG instead of killing
            if fsize is not None:
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        proc = subprocess.run(cmd, capture_output=True, cwd=root,
                              timeout=600, stdin=subprocess.DEVNULL,
                              preexec_fn=limit_files)
        problems = []
        if proc.returncode != case['status']:
            problems.append(f'status {proc.returncode}, want {case["status"]}')
        err = proc.stderr.decode('utf-8', 'replace')
        if err != want_err + '\n' and not (want_err == '' and err == ''):
            problems.append('stderr differs:\n  got:  ' +
                            err.replace(tmp, '@TMP@').rstrip('\n')
                            .replace('\n', '\n        ') +
                            '\n  want: ' + case['err'])
        if case['status'] != 0:
            if proc.stdout:
                problems.append(f'{len(proc.stdout)} bytes on stdout')
            after = listing(out_dir)
            if after != before:
                problems.append('output folder changed: ' +
                                ', '.join(sorted(set(after) ^ set(before)) or
                                          ['an earlier file was modified']))
        return ('fail', '\n'.join(problems)) if problems else ('ok', '')
    finally:
        for dirpath, _, files in os.walk(tmp):
            for name in files:
                try:
                    os.chmod(os.path.join(dirpath, name), 0o600)
                except OSError:
                    pass
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    exe, root = sys.argv[1], sys.argv[2]
    only = sys.argv[3:]
    valgrind = os.environ.get('ENTENTE_VALGRIND') == '1'
    cases = load_cases(os.path.join(root, 'tests', 'hostile', 'cases.tsv'))
    if only:
        cases = [c for c in cases if c['name'] in only]
    print(f'1..{len(cases)}')
    failed = 0
    for i, case in enumerate(cases, 1):
        result, detail = run_case(exe, root, case, valgrind)
        if result == 'skip':
            print(f'ok {i} - {case["name"]} # SKIP {detail}')
        elif result == 'ok':
            print(f'ok {i} - {case["name"]}')
        else:
            failed += 1
            print(f'not ok {i} - {case["name"]}')
            for line in detail.splitlines():
                print('#   ' + line)
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
