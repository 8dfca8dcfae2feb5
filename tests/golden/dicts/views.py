# Dict views are live and support len, in, iteration and set-like operations.
d = {"a": 1, "b": 2}
keys = d.keys()
values = d.values()
items = d.items()
d["c"] = 3
print(keys, values, items)  # expect: dict_keys(['a', 'b', 'c']) dict_values([1, 2, 3]) dict_items([('a', 1), ('b', 2), ('c', 3)])
print(len(keys), "c" in keys, 3 in values, ("a", 1) in items, ("a", 2) in items)  # expect: 3 True True True False
print(keys & {"a", "z"}, sorted(keys | {"z"}), sorted(keys - {"a"}))  # expect: {'a'} ['a', 'b', 'c', 'z'] ['b', 'c']
for k, v in d.items():
    print(k, v)
    # expect: a 1
    # expect: b 2
    # expect: c 3
print(list(reversed(d)), list(reversed(d.values())))  # expect: ['c', 'b', 'a'] [3, 2, 1]
print(sum(d.values()), max(d, key=d.get))  # expect: 6 c
print(d.keys() == {"a", "b", "c"}, list(d.items())[0])  # expect: True ('a', 1)
