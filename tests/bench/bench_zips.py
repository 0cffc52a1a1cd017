#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""GDELT as it is distributed: many zip files against one plain file.

  bench_zips.py ENTENTE [MONTH_FILE] [N_ZIPS]

Cuts the real month of GDELT 2.0 (../shared/data/gdelt/
gdelt2_20250515-20250614_halfdaily.export.CSV, 77,566 rows; see that
folder's README for where it came from) in input order into N_ZIPS (96,
a day of GDELT) parts, each zipped as GDELT zips its 15-minute exports
(one member NAME.export.CSV in NAME.export.CSV.zip), and keeps the same
rows as one plain file. In $BENCH_DIR (default /tmp/entente-bench), never
committed.

Then, alternating, RUNS times (3) each, with /usr/bin/time -v:
  - plain:   entente analyze --format json PLAIN
  - zips:    entente analyze --format json ZIP...
  - serial:  the same zips read one after another (ENTENTE_SERIAL_INPUTS=1,
             how the command read many inputs before)
and prints wall, CPU and peak memory of the fastest run of each and the
ratios zips / plain and serial / plain. `entente dyads` of the zips and of
the plain file must be the same bytes, and the two reports the same but
for the list of inputs.
"""
import json
import os
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def build(month, n, folder):
    with open(month, 'rb') as f:
        rows = f.read().splitlines(keepends=True)
    plain = os.path.join(folder, 'month.export.CSV')
    zips = []
    per = (len(rows) + n - 1) // n
    for i in range(n):
        name = '2025%04d.export.CSV' % i
        path = os.path.join(folder, name + '.zip')
        zips.append(path)
        if not os.path.exists(path):
            with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
                z.writestr(name, b''.join(rows[i * per:(i + 1) * per]))
    if not os.path.exists(plain):
        with open(plain, 'wb') as f:
            f.writelines(rows)
    return plain, zips, len(rows)


def timed(cmd, env=None):
    with tempfile.NamedTemporaryFile(suffix='.time') as t:
        p = subprocess.run(['/usr/bin/time', '-v', '-o', t.name] + cmd,
                           capture_output=True, env=env)
        if p.returncode != 0:
            sys.exit('failed: %s\n%s' % (' '.join(cmd[:3]), p.stderr.decode()))
        info = {}
        for line in open(t.name):
            k, _, v = line.strip().rpartition(': ')
            info[k] = v
    wall = 0.0
    for part in info['Elapsed (wall clock) time (h:mm:ss or m:ss)'].split(':'):
        wall = wall * 60 + float(part)
    cpu = float(info['User time (seconds)']) + float(info['System time (seconds)'])
    rss = int(info['Maximum resident set size (kbytes)']) / 1024
    return p.stdout, wall, cpu, rss


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    exe = os.path.abspath(sys.argv[1])
    month = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        ROOT, '..', 'shared', 'data', 'gdelt',
        'gdelt2_20250515-20250614_halfdaily.export.CSV')
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 96
    runs = int(os.environ.get('RUNS', '3'))
    folder = os.path.join(os.environ.get('BENCH_DIR', '/tmp/entente-bench'),
                          'zips%d' % n)
    os.makedirs(folder, exist_ok=True)
    plain, zips, n_rows = build(month, n, folder)
    zbytes = sum(os.path.getsize(z) for z in zips)
    print('%d rows: one plain file of %.1f MB, %d zips of %.1f MB in all'
          % (n_rows, os.path.getsize(plain) / 1e6, n, zbytes / 1e6))

    serial_env = dict(os.environ, ENTENTE_SERIAL_INPUTS='1')
    d_plain = subprocess.run([exe, 'dyads', plain], capture_output=True).stdout
    d_zips = subprocess.run([exe, 'dyads'] + zips, capture_output=True).stdout
    d_serial = subprocess.run([exe, 'dyads'] + zips, capture_output=True,
                              env=serial_env).stdout
    same = d_plain == d_zips == d_serial and len(d_plain) > 0
    print('dyads of the zips (threaded and serial) and of the plain file: %s'
          % ('the same bytes' if same else 'DIFFERENT'))

    best = {}
    reports = {}
    for _ in range(runs):
        for what, cmd, env in (
                ('plain', [exe, 'analyze', '--format', 'json', plain], None),
                ('zips', [exe, 'analyze', '--format', 'json'] + zips, None),
                ('serial', [exe, 'analyze', '--format', 'json'] + zips,
                 serial_env)):
            out, wall, cpu, rss = timed(cmd, env)
            reports[what] = out
            if what not in best or cpu < best[what][1]:
                best[what] = (wall, cpu, rss)

    def strip(doc):
        d = json.loads(doc)
        d.get('input', {}).pop('files', None)
        return d
    print('reports the same but for the inputs: %s' %
          (strip(reports['plain']) == strip(reports['zips']) ==
           strip(reports['serial'])))
    print('%-8s %8s %8s %10s' % ('', 'wall s', 'CPU s', 'peak MiB'))
    for what in ('plain', 'zips', 'serial'):
        w, c, r = best[what]
        print('%-8s %8.3f %8.3f %10.1f' % (what, w, c, r))
    print('zips / plain: %.2fx wall, %.2fx CPU; serial / plain: %.2fx wall'
          % (best['zips'][0] / best['plain'][0],
             best['zips'][1] / best['plain'][1],
             best['serial'][0] / best['plain'][0]))
    return 0 if same else 1


if __name__ == '__main__':
    sys.exit(main())
