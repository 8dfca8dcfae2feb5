# Two import forms see the same module object and its state.
import _counter
from _counter import bump
bump()
bump()
_counter.bump()
print(_counter.value)  # expect: 3
from _counter import value
print(value)  # expect: 3
_counter.value = 100
print(bump(), value)  # expect: 101 3
