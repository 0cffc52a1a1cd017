#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run the CLI golden cases: tests/cli/<case>.args holds the arguments (one
per line; @SRC@ is the source root, @TMP@ a fresh temporary folder). The
case passes when stdout equals <case>.out (if present), stderr equals
<case>.err (if present), the exit status equals <case>.status (default 0),
and every path listed in <case>.absent does not exist afterwards. Standard
input comes from <case>.stdin when present. Output is TAP."""
import glob
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    exe, root = sys.argv[1], sys.argv[2]
    cases = sorted(glob.glob(os.path.join(root, 'tests', 'cli', '*.args')))
    print(f'1..{len(cases)}')
    failed = 0
    for i, args_path in enumerate(cases, 1):
        base = args_path[:-5]
        name = os.path.basename(base)
        tmp = tempfile.mkdtemp(prefix='entente-cli-')
        try:
            def sub(s):
                return s.replace('@SRC@', root).replace('@TMP@', tmp)
            with open(args_path, encoding='utf-8') as f:
                args = [sub(line.rstrip('\n')) for line in f if line.strip()]
            stdin = None
            if os.path.exists(base + '.stdin'):
                stdin = open(base + '.stdin', 'rb').read()
            proc = subprocess.run([exe] + args, input=stdin,
                                  capture_output=True, cwd=root, timeout=300)
            problems = []
            want_status = 0
            if os.path.exists(base + '.status'):
                want_status = int(open(base + '.status').read().strip())
            if proc.returncode != want_status:
                problems.append(f'status {proc.returncode}, want {want_status}')
            for ext, got in (('.out', proc.stdout), ('.err', proc.stderr)):
                if os.path.exists(base + ext):
                    want = sub(open(base + ext, encoding='utf-8', newline='').read())
                    text = got.decode('utf-8', 'replace').replace(tmp, '@TMP@')
                    want = want.replace(tmp, '@TMP@')
                    if text != want:
                        problems.append(f'{ext[1:]} differs:\n' + ''.join(
                            '#   ' + l + '\n' for l in text.splitlines()[:20]))
            if os.path.exists(base + '.absent'):
                for line in open(base + '.absent'):
                    p = sub(line.strip())
                    if p and os.path.exists(p):
                        problems.append(f'{p} exists')
            if problems:
                failed += 1
                print(f'not ok {i} - {name}')
                for p in problems:
                    print('#   ' + p.replace('\n', '\n#   ').rstrip('# \n'))
            else:
                print(f'ok {i} - {name}')
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
