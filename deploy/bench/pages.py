#!/usr/bin/env python3
"""Keyset paging at depth, through the API: walks a list's cursors to page N, then fetches page 1 and
page N alternately and prints the median and p95 of each and their ratio.
Usage: pages.py LABEL BASE_URL TOKEN_FILE PATH LIMIT PAGES REPEATS"""
import json, statistics, sys, time, urllib.request

label, base, token_file, path, limit, pages, repeats = sys.argv[1:8]
limit, pages, repeats = int(limit), int(pages), int(repeats)
token = open(token_file).read().strip()

def get(cursor):
    sep = '&' if '?' in path else '?'
    url = f"{base}{path}{sep}limit={limit}" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    t0 = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        body = json.load(r)
    return (time.perf_counter() - t0) * 1000, body

import urllib.parse
cursor = None
for page in range(1, pages):
    _, body = get(cursor)
    cursor = body.get("nextCursor")
    if cursor is None:
        print(f"PAGES {label} only {page} pages of {limit}: not deep enough")
        sys.exit(0)
first, deep = [], []
for _ in range(repeats):
    first.append(get(None)[0])
    ms, body = get(cursor)
    deep.append(ms)
    assert len(body["items"]) > 0
def q(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(len(xs) * p))]
m1, mN = statistics.median(first), statistics.median(deep)
print(f"PAGES {label} limit {limit}: page 1 p50 {m1:.1f} ms p95 {q(first, .95):.1f} ms | page {pages} p50 {mN:.1f} ms"
      f" p95 {q(deep, .95):.1f} ms | ratio {mN / m1:.2f}")
