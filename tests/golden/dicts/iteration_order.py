# Iteration follows insertion order, surviving deletes and re-inserts.
d = {}
for key in ["zeta", "alpha", "mid", "beta"]:
    d[key] = len(key)
print(list(d))  # expect: ['zeta', 'alpha', 'mid', 'beta']
del d["alpha"]
d["alpha"] = 0
print(list(d))  # expect: ['zeta', 'mid', 'beta', 'alpha']
d["zeta"] = 100
print(list(d.items()))  # expect: [('zeta', 100), ('mid', 3), ('beta', 4), ('alpha', 0)]
for i in range(100):
    d[i] = i
for i in range(0, 100, 2):
    del d[i]
print(len(d), list(d)[:8])  # expect: 54 ['zeta', 'mid', 'beta', 'alpha', 1, 3, 5, 7]
print(d == {k: d[k] for k in reversed(list(d))})  # expect: True
try:
    for k in d:
        d[k + 1000 if isinstance(k, int) else k + "!"] = 0
except RuntimeError as error:
    print("RuntimeError:", error)  # expect: RuntimeError: dictionary changed size during iteration
