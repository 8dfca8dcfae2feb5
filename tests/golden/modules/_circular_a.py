"""Half of a circular import: uses _circular_b lazily, inside a function."""
import _circular_b

NAME = "a"

def call_b():
    return "a->" + _circular_b.name_of_b()
