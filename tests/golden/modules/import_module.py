# import a sibling module: attributes, module state, executed once.
import _mathutil  # expect: loading _mathutil
import _mathutil as mu
print(_mathutil.square(7), mu.cube(3), _mathutil.PI_ISH)  # expect: 49 27 3.14
print(_mathutil.calls, mu is _mathutil)  # expect: 2 True
print(_mathutil.__name__, type(_mathutil).__name__)  # expect: _mathutil module
_mathutil.PI_ISH = 3
print(mu.PI_ISH)  # expect: 3
print(hasattr(_mathutil, "square"), hasattr(_mathutil, "missing"))  # expect: True False
