# Dict methods: get, setdefault, pop, popitem, keys/values/items, copy, clear, fromkeys.
d = {"x": 1, "y": 2, "z": 3}
print(d.get("x"), d.get("w"), d.get("w", 0))  # expect: 1 None 0
print(d.setdefault("x", 100), d.setdefault("w", 4), d)  # expect: 1 4 {'x': 1, 'y': 2, 'z': 3, 'w': 4}
print(d.pop("y"), d.pop("missing", "default"), d)  # expect: 2 default {'x': 1, 'z': 3, 'w': 4}
print(d.popitem(), d)  # expect: ('w', 4) {'x': 1, 'z': 3}
print(list(d.keys()), list(d.values()), list(d.items()))  # expect: ['x', 'z'] [1, 3] [('x', 1), ('z', 3)]
e = d.copy()
e["x"] = 99
print(d["x"], e["x"])  # expect: 1 99
e.clear()
print(e)  # expect: {}
print(dict.fromkeys("abc", 0), dict.fromkeys([1, 2]))  # expect: {'a': 0, 'b': 0, 'c': 0} {1: None, 2: None}
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)  # expect: {'a': ['apple', 'avocado'], 'b': ['banana', 'blueberry'], 'c': ['cherry']}
print(sorted({"b": 1, "a": 2}))  # expect: ['a', 'b']
