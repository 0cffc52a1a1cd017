#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The help is true.

  help_check.py ENTENTE SRCDIR

For every command listed by `entente help`:
- `entente help CMD` prints exactly what `entente CMD --help` prints;
- every option the help lists is accepted, with a value of the kind the
  help names (a choice from the list the help gives);
- every option known to the tool (listed by any command's help, or
  defined in src/cli) that the help does not list is refused as unknown;
- the examples at the end of the help run and succeed (in a scratch folder
  that sees the source tree's examples/ and tests/);
- the man page (doc/entente.1.scd) lists the same options for the command.
Prints TAP.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

OPT_LINE = re.compile(r'^  (?:-(\w), )?--([a-z][a-z-]*)(?: ([A-Z]+))?(?:\s|$)')
CHOICES = re.compile(r'^ {25}([A-Z]+): (.+)$')

n = 0
failed = 0


def ok(cond, what, detail=''):
    global n, failed
    n += 1
    print(f'{"ok" if cond else "not ok"} {n} - {what}')
    if not cond:
        failed += 1
        for line in str(detail).splitlines()[:15]:
            print(f'#   {line}')


def run(args, cwd=None, stdin=subprocess.DEVNULL):
    return subprocess.run(args, capture_output=True, text=True, cwd=cwd,
                          stdin=stdin, timeout=300)


def parse_help(text):
    """{option: (alias, value name, [choices])} in the order listed, and
    the examples (command lines)."""
    opts, examples = {}, []
    last = None
    section = None
    for line in text.splitlines():
        if line and not line.startswith(' '):
            section = line.rstrip(':')
            continue
        if section == 'Examples':
            if line.startswith('  entente '):
                examples.append(line.strip())
            continue
        m = OPT_LINE.match(line)
        if m:
            last = m.group(2)
            opts[last] = (m.group(1), m.group(3), [])
            continue
        m = CHOICES.match(line)
        if m and last and opts[last][1] == m.group(1):
            opts[last][2].extend(c.strip() for c in m.group(2).split(','))
    return opts, examples


# Arguments that put a command in a context where each of its options
# applies: render's --by needs an output with periods (GEXF).
CONTEXT = {'render': ['--format', 'gexf']}


def sample(name, value, choices, tmp):
    """A valid value for an option."""
    if choices:
        return choices[-1]
    return {
        'DATE': '2020-01',
        'N': '3',
        'W': '1.5',
        'TEXT': 'a title',
        'FILE': os.path.join(tmp, 'out.txt'),
        'DIR': os.path.join(tmp, 'out'),
        'LIST': {'actors': 'USA,RUS', 'codes': '19', 'quad': '3,4'}.get(name, 'x'),
        'PAIR': 'USA-RUS',
        'NAME': 'USA',
    }.get(value, 'x')


def defined_options(root):
    """Long names of every option defined in src/cli (a cli_opt whose
    kind is not a section)."""
    names = set()
    for path in glob.glob(os.path.join(root, 'src', 'cli', '*.c')):
        with open(path, encoding='utf-8') as f:
            text = f.read()
        names.update(re.findall(r'\{CLI_OPT_(?!SECTION)[A-Z]+, "([a-z][a-z-]*)"', text))
    return names


def man_options(root):
    """{command: set of options} from the man page's OPTIONS sections."""
    path = os.path.join(root, 'doc', 'entente.1.scd')
    if not os.path.exists(path):
        return None
    out, cmd = {}, None
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = re.match(r'^## entente ([a-z]+)', line)
            if m:
                cmd = m.group(1)
                out[cmd] = set()
                continue
            if line.startswith('# '):
                cmd = None
            if cmd:
                for o in re.findall(r'\*--([a-z][a-z-]*)\*', line):
                    out[cmd].add(o)
    return out


def main():
    exe, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    general = run([exe, 'help'])
    ok(general.returncode == 0 and general.stdout == run([exe, '--help']).stdout,
       'entente help is entente --help', general.stderr)
    commands = re.findall(r'^  ([a-z]+) ', general.stdout.split('Commands:')[1]
                          .split('\n\n')[0], re.M)
    ok(len(commands) >= 6, f'the general help lists the commands ({", ".join(commands)})')
    helps = {}
    for cmd in commands:
        a = run([exe, 'help', cmd])
        b = run([exe, cmd, '--help'])
        ok(a.returncode == 0 and b.returncode == 0 and a.stdout == b.stdout
           and a.stdout.startswith(f'usage: entente {cmd} '),
           f'entente help {cmd} is entente {cmd} --help', a.stderr + b.stderr)
        ok(run([exe, cmd, '-h']).stdout == b.stdout, f'{cmd} -h is {cmd} --help')
        helps[cmd] = parse_help(b.stdout)
    universe = set(defined_options(root))
    for opts, _ in helps.values():
        universe.update(opts)
    man = man_options(root)

    tmp = tempfile.mkdtemp(prefix='entente-help-')
    try:
        missing = os.path.join(tmp, 'no-such-input.json')
        for cmd, (opts, examples) in helps.items():
            for name, (alias, value, choices) in opts.items():
                args = [f'--{name}']
                if value:
                    args.append(sample(name, value, choices, tmp))
                p = run([exe, cmd] + CONTEXT.get(cmd, []) + args + [missing])
                bad = ('unknown option' in p.stderr or f'--{name}:' in p.stderr
                       or 'needs a value' in p.stderr or 'takes no value' in p.stderr)
                ok(not bad and p.returncode in (0, 1, 2),
                   f'{cmd}: --{name} {" ".join(args[1:])} is accepted', p.stderr)
                if alias:
                    p2 = run([exe, cmd, f'-{alias}'] + args[1:] + [missing])
                    ok('unknown option' not in p2.stderr,
                       f'{cmd}: -{alias} is accepted', p2.stderr)
                for c in choices[:-1]:
                    p3 = run([exe, cmd] + CONTEXT.get(cmd, []) + [f'--{name}', c, missing])
                    ok(f'--{name}:' not in p3.stderr,
                       f'{cmd}: --{name} {c} is accepted', p3.stderr)
            for name in sorted(universe - set(opts)):
                p = run([exe, cmd, f'--{name}', 'x', missing])
                ok(p.returncode == 2 and f'unknown option --{name} ' in p.stderr,
                   f'{cmd}: --{name}, not in its help, is refused', p.stderr)
            p = run([exe, cmd, '--no-such-option', missing])
            ok(p.returncode == 2 and 'unknown option --no-such-option' in p.stderr,
               f'{cmd}: an unknown option is a usage error', p.stderr)
            # a prefix of --actors (and of plot's --actor) is not taken for
            # either
            p = run([exe, cmd, '--acto', 'USA', missing])
            ok(p.returncode == 2 and 'unknown option --acto ' in p.stderr,
               f'{cmd}: no abbreviations (--acto)', p.stderr)
            if 'actor' not in opts:
                p = run([exe, cmd, '--actor', 'USA', missing])
                ok(p.returncode == 2 and 'unknown option --actor ' in p.stderr,
                   f'{cmd}: no abbreviations (--actor)', p.stderr)
            ok(2 <= len(examples) <= 3, f'{cmd}: the help ends with 2 or 3 examples',
               examples)
            if man is not None:
                ok(man.get(cmd) == set(opts),
                   f'{cmd}: the man page lists the same options as the help',
                   f'only in the help: {sorted(set(opts) - man.get(cmd, set()))}\n'
                   f'only in the man page: {sorted(man.get(cmd, set()) - set(opts))}')

        # the examples run, in a scratch folder that sees the sources
        work = os.path.join(tmp, 'work')
        bindir = os.path.join(tmp, 'bin')
        os.makedirs(work)
        os.makedirs(bindir)
        os.symlink(exe, os.path.join(bindir, 'entente'))
        for d in ('examples', 'tests'):
            os.symlink(os.path.join(root, d), os.path.join(work, d))
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get('PATH', ''))
        for cmd, (_, examples) in helps.items():
            for line in examples:
                p = subprocess.run(['sh', '-c', line + ' > /dev/null'], cwd=work, env=env,
                                   capture_output=True, text=True, timeout=300)
                ok(p.returncode == 0, f'{cmd} example runs: {line}', p.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f'1..{n}')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
