# import inside functions binds a local name; the module body still runs once.
def use_square(x):
    import _mathutil
    return _mathutil.square(x)

def use_cube(x):
    from _mathutil import cube
    return cube(x)

print(use_square(3), use_cube(2), use_square(4))
# expect: loading _mathutil
# expect: 9 8 16
try:
    print(_mathutil)
except NameError as error:
    print("NameError:", error)  # expect: NameError: name '_mathutil' is not defined
import _mathutil
print(_mathutil.calls)  # expect: 3
