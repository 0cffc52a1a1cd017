#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The JSON Schemas (schema/*.schema.json) against the JSON entente writes.

  check_schemas.py ENTENTE SRCDIR

- each schema is a valid Draft 2020-12 schema;
- every events/1 and report/1 document in the repository (the gallery,
  examples/) and every one the tool writes now for the examples (extract,
  analyze --format json with and without --by, report's events.json and
  report.json, GDELT and ICEWS fixtures) validates;
- a document with a wrong member fails, so the check is not vacuous.
(Each CLI golden case's JSON output is checked too, by tests/cli/run.py.)
Prints TAP.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema

n = 0
failed = 0


def ok(cond, what, detail=''):
    global n, failed
    n += 1
    print(f'{"ok" if cond else "not ok"} {n} - {what}')
    if not cond:
        failed += 1
        for line in str(detail).splitlines()[:10]:
            print(f'#   {line}')


def errors(validators, doc):
    v = validators[doc['entente']]
    return [f'{"/".join(map(str, e.absolute_path))}: {e.message[:160]}'
            for e in v.iter_errors(doc)][:5]


def main():
    exe, root = sys.argv[1], sys.argv[2]
    validators = {}
    for path in sorted(glob.glob(os.path.join(root, 'schema', '*.schema.json'))):
        with open(path, encoding='utf-8') as f:
            schema = json.load(f)
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
            good = True
        except jsonschema.SchemaError as e:
            good, schema = str(e), None
        ok(good is True, f'{os.path.basename(path)} is a valid JSON Schema', good)
        if schema:
            validators[schema['properties']['entente']['const']] = \
                jsonschema.Draft202012Validator(schema)
    ok(set(validators) == {'events/1', 'report/1'}, 'schemas for events/1 and report/1')

    docs = []
    for path in sorted(glob.glob(os.path.join(root, 'graphs', '*', '*.json')) +
                       glob.glob(os.path.join(root, 'examples', '*.json'))):
        with open(path, encoding='utf-8') as f:
            docs.append((os.path.relpath(path, root), json.load(f)))
    tmp = tempfile.mkdtemp(prefix='entente-schema-')
    try:
        ex = os.path.join(root, 'examples')
        data = os.path.join(root, 'tests', 'data')
        runs = [
            ['extract', os.path.join(ex, 'cyber-pact.txt')],
            ['analyze', '--format', 'json', os.path.join(ex, 'baltic-black-sea.json')],
            ['analyze', '--format', 'json', '--by', 'week', os.path.join(ex, 'baltic-black-sea.json')],
            ['analyze', '--format', 'json', '--weight', 'tone', '--dedupe',
             os.path.join(data, 'gdelt', 'small.export.CSV')],
            ['analyze', '--format', 'json', os.path.join(data, 'icews', 'small.tab')],
            ['analyze', '--format', 'json', '--actors', 'NATO', '--since', '2030',
             os.path.join(ex, 'baltic-black-sea.json')],
        ]
        for args in runs:
            p = subprocess.run([exe] + args,
                               capture_output=True)
            ok(p.returncode == 0, 'entente ' + ' '.join(a.replace(root + '/', '') for a in args),
               p.stderr.decode())
            docs.append(('entente ' + ' '.join(args[:3]), json.loads(p.stdout)))
        out = os.path.join(tmp, 'report')
        subprocess.run([exe, 'report', '--quiet', os.path.join(ex, 'cyber-pact.txt'),
                        os.path.join(data, 'gdelt', 'small.export.CSV'), '-o', out], check=True)
        for name in ('events.json', 'report.json'):
            with open(os.path.join(out, name), encoding='utf-8') as f:
                docs.append((f'report/{name}', json.load(f)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for where, doc in docs:
        if isinstance(doc, dict) and doc.get('entente') in validators:
            errs = errors(validators, doc)
            ok(not errs, f'{where}: valid {doc["entente"]}', '\n'.join(errs))
        else:
            ok(isinstance(doc, list), f'{where}: a bare array of events')

    # the check is not vacuous
    report = next(d for _, d in docs if isinstance(d, dict) and d.get('entente') == 'report/1')
    broken = json.loads(json.dumps(report))
    broken['actors'][0]['bloc'] = 1.5
    ok(errors(validators, broken), 'a report with a fractional bloc fails')
    broken = json.loads(json.dumps(report))
    broken['input']['unknown'] = 1
    ok(errors(validators, broken), 'a report with an undocumented member fails')
    events = {'entente': 'events/1', 'events': [{'source': 'RUS', 'target': 'UKR', 'quad': 5,
                                                 'code': '190'}]}
    ok(errors(validators, events), 'an event with quad 5 fails')
    events['events'][0] = {'source': 'RUS', 'target': 'UKR'}
    ok(errors(validators, events), 'an event without code or goldstein fails')
    print(f'1..{n}')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
