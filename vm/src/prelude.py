# Builtins written in Python, for the cases the JIT can do better with a loop
# it traces than with a native loop it cannot: consuming a generator. A trace
# of these loops runs the generator's body inline (no resumption, no frame
# switch per item). Frames of this file never appear in tracebacks.
# Each must behave exactly as the native builtin it stands in for.


def sum(iterable, start):
    total = start
    for item in iterable:
        total = total + item
    return total


def any(iterable):
    for item in iterable:
        if item:
            return True
    return False


def all(iterable):
    for item in iterable:
        if not item:
            return False
    return True


def collect(iterable):
    return [item for item in iterable]
