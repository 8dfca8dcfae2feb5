# Dict equality ignores order; copies are shallow.
a = {"x": 1, "y": [1, 2]}
b = {"y": [1, 2], "x": 1}
print(a == b, a != b, list(a) == list(b))  # expect: True False False
c = a.copy()
c["x"] = 100
c["y"].append(3)
print(a, c)  # expect: {'x': 1, 'y': [1, 2, 3]} {'x': 100, 'y': [1, 2, 3]}
d = dict(a)
print(d == a, d is a)  # expect: True False
print({1: "a"} == {1.0: "a"}, {} == {}, {"k": None} == {"k": 0})  # expect: True True False
merged = dict(a)
merged.update(b, z=0)
print(merged)  # expect: {'x': 1, 'y': [1, 2], 'z': 0}
