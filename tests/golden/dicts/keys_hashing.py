# Keys hash by value: equal ints/floats/bools share a slot; user objects by identity.
d = {}
d[1] = "one"
d[1.0] = "float one"
d[True] = "true"
print(d, len(d))  # expect: {1: 'true'} 1
d[2 ** 70] = "big"
print(d[2 ** 70], (2 ** 70) in d)  # expect: big True
class Key:
    pass
k1 = Key()
k2 = Key()
objs = {k1: "first", k2: "second"}
print(objs[k1], objs[k2], len(objs))  # expect: first second 2
try:
    bad = {[1, 2]: "list"}
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: unhashable type: 'list'
try:
    d[{}] = 1
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: unhashable type: 'dict'
print({(1, (2, 3)): "nested tuple"}[(1, (2, 3))])  # expect: nested tuple
