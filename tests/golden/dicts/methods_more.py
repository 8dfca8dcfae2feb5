# dict methods and views, including their error messages.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 9), d)  # expect: 1 None 0 3 1 {'a': 1, 'b': 2, 'c': 3}
print(d.pop("a"), d.pop("zz", None), d, d.popitem(), d)  # expect: 1 None {'b': 2} ('c', 3) {'b': 2}
d.update({"x": 1}, y=2); d.update([("p", 5)]); d.update(q=7); print(d)  # expect: {'b': 2, 'x': 1, 'y': 2, 'p': 5, 'q': 7}
print(list(d.keys()), list(d.values()), list(d.items()), d.keys(), d.values(), d.items())  # expect: ['b', 'x', 'y', 'p', 'q'] [2, 1, 2, 5, 7] [('b', 2), ('x', 1), ('y', 2), ('p', 5), ('q', 7)] dict_keys(['b', 'x', 'y', 'p', 'q']) dict_values([2, 1, 2, 5, 7]) dict_items([('b', 2), ('x', 1), ('y', 2), ('p', 5), ('q', 7)])
k = d.keys(); d["new"] = 0; print(k, len(k), "new" in k, ("new", 0) in d.items())  # expect: dict_keys(['b', 'x', 'y', 'p', 'q', 'new']) 6 True True
c = d.copy(); c["only"] = 1; print(c, d, c == d)  # expect: {'b': 2, 'x': 1, 'y': 2, 'p': 5, 'q': 7, 'new': 0, 'only': 1} {'b': 2, 'x': 1, 'y': 2, 'p': 5, 'q': 7, 'new': 0} False
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), {}.fromkeys((1,)))  # expect: {'a': None, 'b': None, 'c': None} {1: 0, 2: 0} {1: None}
d.clear(); print(d, len(d))  # expect: {} 0
t(lambda: {}.pop("b"))  # expect: KeyError: 'b'
t(lambda: {}.popitem())  # expect: KeyError: 'popitem(): dictionary is empty'
t(lambda: {}.update(1, 2))  # expect: TypeError: update expected at most 1 argument, got 2
t(lambda: {}.update([1]))  # expect: TypeError: cannot convert dictionary update sequence element #0 to a sequence
t(lambda: {}.update([(1, 2, 3)]))  # expect: ValueError: dictionary update sequence element #0 has length 3; 2 is required
t(lambda: {}.get())  # expect: TypeError: get expected at least 1 argument, got 0
t(lambda: dict.get(1, 2))  # expect: TypeError: descriptor 'get' for 'dict' objects doesn't apply to a 'int' object
e = {1: "x"}
print(e.__getitem__(1), e.__contains__(2), e.__len__(), list(e.__iter__()))  # expect: x False 1 [1]
e.__setitem__(2, "y"); e.__delitem__(1); print(e)  # expect: {2: 'y'}
for kk, vv in {"m": 1, "n": 2}.items():
    print(kk, vv)
    # expect: m 1
    # expect: n 2
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: -kv[1]))  # expect: [('a', 3), ('b', 2), ('c', 1)]
