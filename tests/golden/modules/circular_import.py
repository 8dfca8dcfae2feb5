# A circular import works when names are used only at call time.
import _circular_a
print(_circular_a.call_b())  # expect: a->b(a)
import _circular_b
print(_circular_b.name_of_b())  # expect: b(a)
