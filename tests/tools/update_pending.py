#!/usr/bin/env python3
"""Rewrite tests/golden/PENDING to list exactly the golden programs that fail
under tern today (in any mode), each with the last stderr line of its
failure as the reason.

Usage (from the repository root): python3 tests/tools/update_pending.py
"""

import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
PENDING = os.path.join(ROOT, "tests", "golden", "PENDING")
HEADER = (
    "# Golden programs the interpreter cannot run yet; the harness expects each to fail.\n"
    "# One path (relative to tests/golden/) per line, then optionally [mode,...]\n"
    "# (pending only in those modes), then a short reason.\n"
    "# Regenerate with: python3 tests/tools/update_pending.py\n"
)


def read_reasons():
    reasons = {}
    if os.path.exists(PENDING):
        for line in open(PENDING, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                path, _, reason = line.partition(" ")
                reasons[path] = reason.strip()
    return reasons


def main():
    env = dict(os.environ, TERN_IGNORE_PENDING="1")
    run = subprocess.run(
        ["cargo", "test", "-p", "tern-tests", "--test", "golden", "--", "--skip", "cpython::"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    failures = {}
    for block in re.split(r"^---- ", run.stdout, flags=re.M)[1:]:
        header, _, message = block.partition("\n")
        message = message.split("\nfailures:\n", 1)[0]  # the closing summary
        match = re.match(r"(\S+) \[([^\]]+)\] ----", header)
        if not match:
            continue
        stderr = message.split("stderr:\n", 1)
        last = stderr[1].strip().splitlines()[-1] if len(stderr) > 1 and stderr[1].strip() else ""
        crash = re.search(r"crashed, killed by signal \d+", message)
        if crash:
            last = crash.group(0)
        if not last:
            # No stderr: name the first line that differs instead.
            diff = [l for l in message.splitlines() if l.startswith(("- ", "+ "))]
            wrong = next((l[2:] for l in diff if l.startswith("+ ")), None)
            want = next((l[2:] for l in diff if l.startswith("- ")), None)
            if want is not None or wrong is not None:
                last = f"stdout: expected {want!r}, printed {wrong!r}"
        path = match.group(1) + ".py"
        reason, modes = failures.get(path, (None, []))
        modes.append(match.group(2))
        failures[path] = (reason or (last or message.strip().splitlines()[0])[:100], modes)
    all_modes = set(re.findall(r"^test (?:\[\w+\]\s+)?\S+ \[([^\]]+)\]\s+\.\.\.", run.stdout, re.M))
    if "test result" not in run.stdout:
        sys.exit("the golden harness did not run:\n" + run.stderr[-3000:])
    old = read_reasons()
    with open(PENDING, "w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for path in sorted(failures):
            reason, modes = failures[path]
            # A program failing in only some modes is pending in those alone.
            tag = "" if len(modes) == len(all_modes) else f"[{','.join(sorted(modes))}] "
            handle.write(f"{path}  {tag}{reason}\n")
    added = sorted(set(failures) - set(old))
    removed = sorted(set(old) - set(failures))
    print(f"PENDING: {len(failures)} programs ({len(added)} added, {len(removed)} removed)")
    for path in removed:
        print(f"  now passes: {path}")


if __name__ == "__main__":
    main()
