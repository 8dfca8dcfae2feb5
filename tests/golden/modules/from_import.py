# from ... import names, aliases; the module still runs only once.
from _mathutil import square, cube as third_power  # expect: loading _mathutil
from _mathutil import PI_ISH
import _mathutil
print(square(4), third_power(2), PI_ISH)  # expect: 16 8 3.14
print(_mathutil.calls)  # expect: 2
def square(x):
    return "shadowed"
print(square(1), _mathutil.square(3))  # expect: shadowed 9
