#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The CLI golden cases.

A case is tests/cli/<case>.args: the arguments, one per line (@SRC@ is the
source root, @TMP@ a fresh temporary folder). It passes when standard
output equals <case>.out (if present), standard error equals <case>.err (if
present), the exit status equals <case>.status (default 0), and every path
listed in <case>.absent does not exist afterwards. Standard input comes
from <case>.stdin when present. Every JSON document the case writes (its
standard output, or a .json file in @TMP@) that names a format
("entente": "events/1" or "report/1") is also checked against that
format's JSON Schema (schema/*.schema.json).

  run.py ENTENTE SRCDIR --list            the case names, one a line
  run.py ENTENTE SRCDIR [CASE...]         run cases (all when none given):
                                          a unified diff for each failure
  run.py ENTENTE SRCDIR --update [CASE...] rewrite .out/.err/.status from
                                          what the tool does now (review the
                                          diff before committing it)

meson registers one test per case ("cli <case>"), so a failing case shows
by name in the test log.
"""
import difflib
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def case_names(root):
    return sorted(os.path.basename(p)[:-5]
                  for p in glob.glob(os.path.join(root, 'tests', 'cli', '*.args')))


def schemas(root):
    """The JSON Schema of each format, by its "entente" name."""
    out = {}
    for path in glob.glob(os.path.join(root, 'schema', '*.schema.json')):
        with open(path, encoding='utf-8') as f:
            s = json.load(f)
        name = s.get('properties', {}).get('entente', {}).get('const')
        if name:
            out[name] = s
    return out


def check_json(text, where, known):
    """Problems of one JSON output against its schema (none if it is not
    an entente document)."""
    try:
        doc = json.loads(text)
    except ValueError:
        return []
    if not isinstance(doc, dict) or doc.get('entente') not in known:
        return []
    import jsonschema
    v = jsonschema.Draft202012Validator(known[doc['entente']])
    errors = sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path))
    return [f'{where}: {doc["entente"]} schema: {"/".join(map(str, e.absolute_path))}: '
            f'{e.message[:200]}' for e in errors[:5]]


def run_case(exe, root, name, known):
    """Run one case; returns (got, problems) where got maps an extension
    to what the tool produced."""
    base = os.path.join(root, 'tests', 'cli', name)
    tmp = tempfile.mkdtemp(prefix='entente-cli-')
    try:
        def sub(s):
            return s.replace('@SRC@', root).replace('@TMP@', tmp)
        with open(base + '.args', encoding='utf-8') as f:
            args = [sub(line.rstrip('\n')) for line in f if line.strip()]
        stdin = None
        if os.path.exists(base + '.stdin'):
            with open(base + '.stdin', 'rb') as f:
                stdin = f.read()
        proc = subprocess.run([exe] + args, input=stdin, capture_output=True,
                              cwd=root, timeout=300)
        def unsub(b):
            return b.decode('utf-8', 'replace').replace(tmp, '@TMP@').replace(root, '@SRC@')
        got = {'.out': unsub(proc.stdout), '.err': unsub(proc.stderr),
               '.status': proc.returncode}
        problems = []
        want_status = 0
        if os.path.exists(base + '.status'):
            with open(base + '.status') as f:
                want_status = int(f.read().strip())
        if proc.returncode != want_status:
            problems.append(f'exit status {proc.returncode}, want {want_status}')
        for ext in ('.out', '.err'):
            if not os.path.exists(base + ext):
                continue
            with open(base + ext, encoding='utf-8', newline='') as f:
                want = f.read()
            if got[ext] != want:
                diff = difflib.unified_diff(
                    want.splitlines(keepends=True), got[ext].splitlines(keepends=True),
                    f'{name}{ext} (expected)', f'{name}{ext} (got)')
                problems.append(''.join(diff).rstrip('\n'))
        if os.path.exists(base + '.absent'):
            with open(base + '.absent') as f:
                for line in f:
                    p = sub(line.strip())
                    if p and os.path.exists(p):
                        problems.append(f'{p.replace(tmp, "@TMP@")} exists')
        problems += check_json(got['.out'], 'stdout', known)
        for dirpath, _, files in os.walk(tmp):
            for fn in sorted(files):
                if fn.endswith('.json'):
                    path = os.path.join(dirpath, fn)
                    with open(path, encoding='utf-8', errors='replace') as f:
                        problems += check_json(f.read(), path.replace(tmp, '@TMP@'), known)
        return got, problems
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def update(base, got):
    """Rewrite the expected files of a case from what the tool did: .out
    and .err when the case has them (or the stream is not empty), .status
    when it is not 0."""
    for ext in ('.out', '.err'):
        if os.path.exists(base + ext) or got[ext]:
            with open(base + ext, 'w', encoding='utf-8', newline='') as f:
                f.write(got[ext])
    if got['.status'] != 0:
        with open(base + '.status', 'w') as f:
            f.write(f'{got[".status"]}\n')
    elif os.path.exists(base + '.status'):
        os.remove(base + '.status')


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    exe, root, rest = os.path.abspath(args[0]), os.path.abspath(args[1]), args[2:]
    if rest == ['--list']:
        print('\n'.join(case_names(root)))
        return
    do_update = '--update' in rest
    names = [a for a in rest if a != '--update'] or case_names(root)
    known = schemas(root)
    failed = 0
    for name in names:
        if not os.path.exists(os.path.join(root, 'tests', 'cli', name + '.args')):
            print(f'{name}: no such case (tests/cli/{name}.args)')
            failed += 1
            continue
        got, problems = run_case(exe, root, name, known)
        if do_update:
            update(os.path.join(root, 'tests', 'cli', name), got)
            print(f'updated {name}')
        elif problems:
            failed += 1
            print(f'FAIL {name}')
            for p in problems:
                print(p)
        elif len(names) > 1:
            print(f'ok {name}')
    if len(names) > 1 and not do_update:
        print(f'{len(names) - failed} passed, {failed} failed')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
