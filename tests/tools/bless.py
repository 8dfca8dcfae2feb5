#!/usr/bin/env python3
"""Rewrite the expectation comments of golden programs from CPython's output.

Usage: python3 tests/tools/bless.py [FILE_OR_DIR ...]   (default: tests/golden)

For each program (skipping `# tern-only` ones and `_`-prefixed helpers) it
removes every `# expect:`, `# expect-error:` and `# expect-exit:` comment, runs
the program under this python3 (cwd = the program's folder, like the harness),
and writes the real output back: each stdout line goes next to (or just after)
the statement that printed it, the last stderr line of an error becomes
`# expect-error:` and any other non-zero exit code `# expect-exit:`.
"""

import ast
import json
import os
import re
import subprocess
import sys

GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "golden")
EXPECT_COMMENT = re.compile(r"\s*# expect(-error|-exit)?:.*$")

# Runs the program with sys.stdout replaced, recording for each printed line
# which line of the program file was running when its first character was written.
TRACER = r"""
import json, os, runpy, sys
path = os.path.abspath(sys.argv[1])
real_stdout = sys.stdout
records = []  # [text, line]
class Recorder:
    def __init__(self):
        self.pending = None
    def write(self, text):
        frame = sys._getframe(1)
        line = None
        while frame is not None:
            if frame.f_code.co_filename == path:
                line = frame.f_lineno  # keep the outermost frame in the program
            frame = frame.f_back
        for piece in text.splitlines(keepends=True):
            if self.pending is None:
                self.pending = ["", line]
            self.pending[0] += piece
            if piece.endswith("\n"):
                records.append(self.pending)
                self.pending = None
        return len(text)
    def flush(self):
        pass
sys.stdout = Recorder()
sys.argv = sys.argv[1:]
sys.path[0] = os.path.dirname(path)
try:
    runpy.run_path(path, run_name="__main__")
except BaseException:
    pass
if sys.stdout.pending is not None:
    records.append(sys.stdout.pending)
real_stdout.write(json.dumps(records))
"""


def program_args(source):
    match = re.search(r"# args:(.*)$", source, re.M)
    return match.group(1).split() if match else []


def simple_statements(tree):
    """(first line, last line, column) of each statement without a body."""
    spans = []
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and not hasattr(node, "body"):
            spans.append((node.lineno, node.end_lineno, node.col_offset))
    return spans


def statement_at(spans, line):
    """The innermost simple statement covering `line`, or None."""
    best = None
    for first, last, column in spans:
        if first <= line <= last and (best is None or last - first < best[1] - best[0]):
            best = (first, last, column)
    return best


def bless(path):
    with open(path, encoding="utf-8") as handle:
        original = handle.read()
    if re.search(r"^\s*# tern-only\s*$", original, re.M):
        print(f"skip (tern-only): {path}")
        return
    lines = [EXPECT_COMMENT.sub("", line) for line in original.split("\n")]
    # Drop lines that held nothing but an expectation.
    kept = []
    for before, after in zip(original.split("\n"), lines):
        if after.strip() == "" and EXPECT_COMMENT.match(before) and before.strip():
            continue
        kept.append(after)
    while kept and kept[-1] == "":
        kept.pop()
    source = "\n".join(kept) + "\n"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(source)

    folder = os.path.dirname(os.path.abspath(path))
    name = os.path.basename(path)
    args = program_args(source)
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    real = subprocess.run(
        [sys.executable, name, *args], cwd=folder, capture_output=True, text=True,
        timeout=30, env=env,
    )
    stdout_lines = real.stdout.split("\n")
    if stdout_lines[-1] != "":
        print(f"WARNING: {path}: output does not end with a newline")
    else:
        stdout_lines.pop()

    traced = subprocess.run(
        [sys.executable, "-c", TRACER, name, *args], cwd=folder, capture_output=True,
        text=True, timeout=30, env=env,
    )
    try:
        records = json.loads(traced.stdout)
    except ValueError:
        records = []
    traced_lines = [text.rstrip("\n") for text, _ in records]
    if traced_lines != stdout_lines:
        records = [[text, None] for text in stdout_lines]  # place all at the end

    source_lines = source.rstrip("\n").split("\n")
    spans = simple_statements(ast.parse(source))
    # Group printed lines by the statement they belong to; keep file order monotone.
    placements = {}  # last line of a statement -> [first, last, column, texts]
    trailing = []
    floor = 0
    for text, line in records:
        text = text.rstrip("\n")
        span = statement_at(spans, line) if line else None
        if span is None or floor > len(source_lines):
            trailing.append(text)
            floor = len(source_lines) + 1
        elif span[1] < floor:
            placements[floor][3].append(text)  # keep the comments in output order
        else:
            floor = span[1]
            placements.setdefault(floor, [span[0], span[1], span[2], []])[3].append(text)
    output = []
    for number, line in enumerate(source_lines, start=1):
        entry = placements.get(number)
        if entry is None:
            output.append(line)
            continue
        first, last, column, texts = entry
        if len(texts) == 1 and first == last and "#" not in line:
            output.append(f"{line}  # expect: {texts[0]}")
        else:
            output.append(line)
            output.extend(" " * column + f"# expect: {text}" for text in texts)
    for text in trailing:
        output.append(f"# expect: {text}")
    stderr_lines = real.stderr.rstrip("\n").split("\n") if real.stderr.strip() else []
    if real.returncode == 1 and stderr_lines:
        output.append(f"# expect-error: {stderr_lines[-1]}")
    elif real.returncode != 0:
        output.append(f"# expect-exit: {real.returncode}")
    elif stderr_lines:
        print(f"WARNING: {path}: exit 0 but wrote to stderr")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(output) + "\n")
    print(f"blessed: {path} ({len(records)} lines, exit {real.returncode})")


def programs(targets):
    for target in targets:
        if os.path.isdir(target):
            for root, dirs, files in os.walk(target):
                dirs[:] = sorted(d for d in dirs if not d.startswith(("_", ".")))
                for name in sorted(files):
                    if name.endswith(".py") and not name.startswith("_"):
                        yield os.path.join(root, name)
        else:
            yield target


def main():
    targets = sys.argv[1:] or [GOLDEN]
    for path in programs(targets):
        bless(path)


if __name__ == "__main__":
    main()
