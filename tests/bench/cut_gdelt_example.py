#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Cut examples/gdelt-may-june-2025.export.CSV from the real GDELT month
(../shared/data/gdelt/gdelt2_20250515-20250614_halfdaily.export.CSV): rows
between two states dated 2025-05-12 to 2025-06-14 of eight relations, every
IRN-ISR row and 1 in n of the others (file order), byte for byte.

usage: cut_gdelt_example.py MONTH.export.CSV > examples/gdelt-may-june-2025.export.CSV"""
import sys, collections
src = sys.argv[1]
# relation -> keep 1 in n (rows in file order), both ends states, in range
keep = {('IRN','ISR'): 1, ('ISR','USA'): 8, ('IRN','USA'): 3, ('RUS','UKR'): 12,
        ('IND','PAK'): 4, ('CHN','USA'): 8, ('UKR','USA'): 8, ('ISR','PSE'): 8}
seen = collections.Counter(); out = []
for line in open(src, encoding='utf-8', newline=''):
    r = line.rstrip('\n').split('\t')
    a, b = r[7], r[17]
    if not a or not b or a == b or not ('20250512' <= r[1] <= '20250614'):
        continue
    k = tuple(sorted((a, b)))
    if k not in keep: continue
    seen[k] += 1
    if (seen[k] - 1) % keep[k] == 0:
        out.append(line)
sys.stdout.write(''.join(out))
print(len(out), file=sys.stderr)
