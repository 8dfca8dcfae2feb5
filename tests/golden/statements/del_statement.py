# del on names, list items, slices, dict keys and attributes.
x = 5
del x
try:
    print(x)
except NameError as error:
    print("NameError:", error)  # expect: NameError: name 'x' is not defined
items = [0, 1, 2, 3, 4, 5]
del items[0]
del items[-1]
del items[1:3]
print(items)  # expect: [1, 4]
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)  # expect: {'a': 1, 'c': 3}
class Box:
    pass
b = Box()
b.value = 1
b.other = 2
del b.value
print(hasattr(b, "value"), b.other)  # expect: False 2
a, c = 1, 2
del a, c
try:
    print(a + c)
except NameError as error:
    print("NameError:", error)  # expect: NameError: name 'a' is not defined
try:
    del d["zzz"]
except KeyError as error:
    print("KeyError:", error)  # expect: KeyError: 'zzz'
