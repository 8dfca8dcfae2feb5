# Dict creation, lookup, insertion order, update, deletion.
d = {"b": 2, "a": 1}
d["c"] = 3
d["a"] = 10
print(d, len(d), d["a"], "b" in d, "z" in d)  # expect: {'b': 2, 'a': 10, 'c': 3} 3 10 True False
del d["b"]
print(d)  # expect: {'a': 10, 'c': 3}
d["b"] = 20
print(d, list(d))  # expect: {'a': 10, 'c': 3, 'b': 20} ['a', 'c', 'b']
print(dict(x=1, y=2), dict([("p", 1), ("q", 2)]), dict({"k": 0}), dict())  # expect: {'x': 1, 'y': 2} {'p': 1, 'q': 2} {'k': 0} {}
d.update({"a": -1, "new": 5})
d.update(z=26)
print(d)  # expect: {'a': -1, 'c': 3, 'b': 20, 'new': 5, 'z': 26}
mixed = {1: "int", 1.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool"}
print(mixed)  # expect: {1: 'bool', 1.5: 'float', 's': 'str', (1, 2): 'tuple', None: 'none'}
print(mixed[1], mixed[(1, 2)], mixed[None])  # expect: bool tuple none
empty = {}
print(empty, bool(empty), bool(d))  # expect: {} False True
print({1: "a", 1.0: "b"})  # expect: {1: 'b'}
