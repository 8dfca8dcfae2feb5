# pass, empty bodies, is/is not, None comparisons.
def nothing():
    pass

class Empty:
    pass

print(nothing(), nothing() is None, type(Empty()).__name__)  # expect: None True Empty
for _ in range(3):
    pass
x = None
print(x is None, x is not None, x == None, None is None)  # expect: True False True True
a = [1]
b = [1]
print(a == b, a is b, a is not b)  # expect: True False True
if x is None:
    pass
else:
    print("unreachable")
print(type(None).__name__, repr(None), str(None), bool(None))  # expect: NoneType None None False
