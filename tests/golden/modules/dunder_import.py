# __import__ returns the module (the top package for a dotted name).
m = __import__("_mathutil")  # expect: loading _mathutil
print(m.square(9))  # expect: 81
pkg = __import__("_shapes.polygon")  # expect: init _shapes
print(pkg.__name__, pkg.polygon.triangle().sides)  # expect: _shapes 3
import _mathutil
print(m is _mathutil, __import__("_mathutil") is m)  # expect: True True
