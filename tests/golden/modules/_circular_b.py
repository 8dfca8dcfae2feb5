"""Other half of a circular import."""
import _circular_a

def name_of_b():
    return "b(" + _circular_a.NAME + ")"
