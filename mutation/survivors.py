#!/usr/bin/env python3
"""Summarise a Stryker JSON report: score per file and every surviving / no-coverage / timeout mutant.

usage: mutation/survivors.py [REPORT.json ...]   (default: the newest mutation/out/*/*/reports/mutation-report.json)
Several reports (the slices of one target, docs/testing.md) are added up: per file, the report given last that tested
any mutant of the file counts, so a re-run of a slice replaces its earlier figures.
The score counts killed + timeout over killed + timeout + survived + no coverage; ignored and compile-error
mutants (names, descriptions and messages, see docs/testing.md) are left out, as Stryker does."""
import glob, json, os, sys

paths = sys.argv[1:] or [max(
    glob.glob(os.path.join(os.path.dirname(__file__), "out", "*", "*", "reports", "mutation-report.json")), key=os.path.getmtime)]
tested = ("Killed", "Timeout", "Survived", "NoCoverage")
report = {"files": {}}
for path in paths:
    for name, f in json.load(open(path))["files"].items():
        if any(m["status"] in tested for m in f["mutants"]) or name not in report["files"]:
            report["files"][name] = f
totals = {}
rows = []
for name, f in sorted(report["files"].items()):
    lines = f["source"].splitlines()
    counts = {}
    for m in f["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
        totals[m["status"]] = totals.get(m["status"], 0) + 1
        if m["status"] in ("Survived", "NoCoverage"):
            line = m["location"]["start"]["line"]
            rows.append(f'{m["status"][:8]:8} {os.path.relpath(name)}:{line} {m["mutatorName"]}: '
                        f'{lines[line - 1].strip()[:110]}  =>  {m.get("replacement", "")[:80]!r}')
    detected = counts.get("Killed", 0) + counts.get("Timeout", 0)
    valid = detected + counts.get("Survived", 0) + counts.get("NoCoverage", 0)
    if valid:
        print(f"{100 * detected / valid:6.1f}% {detected:4}/{valid:<4} {os.path.relpath(name)}")
detected = totals.get("Killed", 0) + totals.get("Timeout", 0)
valid = detected + totals.get("Survived", 0) + totals.get("NoCoverage", 0)
print(f"total: {detected}/{valid} = {100 * detected / max(valid, 1):.1f}%  ({', '.join(f'{k} {v}' for k, v in sorted(totals.items()))})")
print("\n".join(rows))
