#!/usr/bin/env python3
"""Shrinks a program on which two ways of running it disagree (by default
`tern --jit=off` and `tern --jit=raw --jit-threshold 1`), e.g. a failure saved
by tests/jit_diff.rs in target/jit-diff-failures/seed-<n>.py.

    python3 tests/tools/shrink_jit_diff.py target/jit-diff-failures/seed-7.py min.py
    python3 tests/tools/shrink_jit_diff.py --tern target/debug/tern \\
        --mode '--jit=raw --jit-threshold 3' in.py out.py
    python3 tests/tools/shrink_jit_diff.py --against-python in.py out.py   # interpreter bugs

Greedy: drops whole statements with their bodies, unwraps compound
statements (`try:`/`if`/`for` replaced by their dedented body), then removes
runs of lines, halving the run length, until nothing more can go. A candidate
is kept only if CPython compiles it and the two runs still differ (stdout,
stderr or exit status). Takes a minute or two for a generated program.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--tern", default=os.path.join("target", "debug", "tern"))
    parser.add_argument("--reference", default="--jit=off", help="arguments of the reference run")
    parser.add_argument("--mode", default="--jit=raw --jit-threshold 1", help="arguments of the run under test")
    parser.add_argument("--against-python", action="store_true",
                        help="compare tern (reference arguments) with python3 instead")
    parser.add_argument("--timeout", type=float, default=20.0)
    return parser.parse_args()


def main():
    options = parse_arguments()
    tern = os.path.abspath(options.tern)
    workdir = tempfile.mkdtemp(prefix="tern-shrink-")
    path = os.path.join(workdir, "p.py")

    def run(command):
        try:
            done = subprocess.run(command + ["p.py"], cwd=workdir, capture_output=True,
                                  text=True, timeout=options.timeout)
        except subprocess.TimeoutExpired:
            return ("timeout",)
        if options.against_python:
            # CPython's tracebacks carry column markers tern does not print.
            lines = done.stderr.strip().splitlines()
            return (done.stdout, lines[-1:] if lines else [], done.returncode)
        return (done.stdout, done.stderr, done.returncode)

    reference = [tern] + options.reference.split()
    tested = ["python3"] if options.against_python else [tern] + options.mode.split()

    def interesting(lines):
        text = "\n".join(lines) + "\n"
        try:
            compile(text, "p.py", "exec")
        except SyntaxError:
            return False
        with open(path, "w") as file:
            file.write(text)
        return run(reference) != run(tested)

    lines = [line for line in open(options.input).read().split("\n") if line.strip()]
    if not interesting(lines):
        sys.exit("the two runs agree on the input: nothing to shrink")

    def indent(line):
        return len(line) - len(line.lstrip())

    def block_end(lines, start):
        end = start + 1
        while end < len(lines) and indent(lines[end]) > indent(lines[start]):
            end += 1
        return end

    def statement_end(lines, start):
        """The end of the statement at `start`, its `except`/`else`/... clauses included."""
        end = block_end(lines, start)
        while end < len(lines) and indent(lines[end]) == indent(lines[start]) and \
                lines[end].strip().startswith(("except", "else", "finally", "elif")):
            end = block_end(lines, end)
        return end

    changed = True
    while changed:
        changed = False
        # Whole statements with their bodies.
        index = 0
        while index < len(lines):
            end = statement_end(lines, index)
            candidate = lines[:index] + lines[end:]
            if end - index > 1 and interesting(candidate):
                lines, changed = candidate, True
            else:
                index += 1
        # Compound statements replaced by their body (with their clauses gone).
        index = 0
        while index < len(lines):
            stripped = lines[index].strip()
            if stripped.endswith(":") and not stripped.startswith(("def ", "class ", "@")):
                end = block_end(lines, index)
                after = statement_end(lines, index)
                body = [line[4:] for line in lines[index + 1:end]]
                candidate = lines[:index] + body + lines[after:]
                if interesting(candidate):
                    lines, changed = candidate, True
                    continue
            index += 1
        # Runs of lines, long runs first.
        run_length = max(1, len(lines) // 4)
        while run_length >= 1:
            index = 0
            while index < len(lines):
                candidate = lines[:index] + lines[index + run_length:]
                if interesting(candidate):
                    lines, changed = candidate, True
                else:
                    index += run_length
            run_length //= 2
    with open(options.output, "w") as file:
        file.write("\n".join(lines) + "\n")
    shutil.rmtree(workdir, ignore_errors=True)
    print(f"{options.output}: {len(lines)} lines")


if __name__ == "__main__":
    main()
