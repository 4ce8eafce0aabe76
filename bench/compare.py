#!/usr/bin/env python3
"""Compare `classify` JSON (per province) with the DuckDB runner's lines; exit 1 on any difference.
Counts and weighted sums must be identical (exact decimals); weighted rates agree to 1e-12 relative."""
import json, sys
from decimal import Decimal

java = json.load(open(sys.argv[1]), parse_float=Decimal, parse_int=int)
duck = {}
for line in open(sys.argv[2]):
    province, cls, n, w, rate = line.strip().split(',')
    duck[(province, cls)] = (int(n), Decimal(w), float(rate))
ours = {}
for province, g in java['groups'].items():
    for cls, n in g['counts'].items():
        if n:
            ours[(province, cls)] = (n, Decimal(g['weighted_counts'][cls]), float(g['rates'][cls]))
problems = []
for key in sorted(set(ours) | set(duck)):
    a, b = ours.get(key), duck.get(key)
    if a is None or b is None or a[0] != b[0] or a[1] != b[1] or abs(a[2] - b[2]) > 1e-12 * max(abs(b[2]), 1e-300):
        problems.append(f"{key}: classify={a} duckdb={b}")
if problems:
    print("RESULTS DIFFER:\n" + "\n".join(problems[:20]))
    sys.exit(1)
print(f"identical: {len(ours)} province×class cells (counts and weighted sums exact, rates within 1e-12)")
