#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample` (stdin): where the app's CPU samples are, by the
top frame's method, by the top frame's package, and inclusively by package (a sample counts once for
every package anywhere on its stack)."""
import collections, re, sys

samples = []
stack = None
for line in sys.stdin:
    line = line.strip()
    if line.startswith("stackTrace = ["):
        stack = []
    elif stack is not None:
        if line.startswith("]"):
            samples.append(stack)
            stack = None
        elif line and line != "...":
            stack.append(re.sub(r"\s+line:.*$", "", line))

def package(frame, depth=3):
    name = frame.split("(")[0]
    parts = name.split(".")[:-2]  # drop Class.method
    return ".".join(parts[:depth]) or name

n = len(samples) or 1
top = collections.Counter(s[0].split("(")[0] for s in samples if s)
top_pkg = collections.Counter(package(s[0]) for s in samples if s)
incl = collections.Counter()
for s in samples:
    for p in {package(f) for f in s}:
        incl[p] += 1
print(f"{len(samples)} execution samples")
print("top frames (method):")
for m, c in top.most_common(15):
    print(f"  {100 * c / n:5.1f}%  {m}")
print("top frames (package):")
for m, c in top_pkg.most_common(12):
    print(f"  {100 * c / n:5.1f}%  {m}")
print("inclusive (package anywhere on the stack):")
for m, c in incl.most_common(20):
    print(f"  {100 * c / n:5.1f}%  {m}")
# A method's share of samples anywhere on the stack (counted once per sample): who calls the hot frames.
incl_m = collections.Counter()
for s in samples:
    for m in {f.split("(")[0] for f in s}:
        incl_m[m] += 1
print("inclusive (method anywhere on the stack):")
for m, c in incl_m.most_common(int(sys.argv[1]) if len(sys.argv) > 1 else 60):
    print(f"  {100 * c / n:5.1f}%  {m}")
