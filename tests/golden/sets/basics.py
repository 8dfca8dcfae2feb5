# Sets of small ints: add, remove, discard, pop-free operations, membership.
s = {3, 1, 2}
s.add(5)
s.add(1)
print(s, len(s), 2 in s, 4 in s)  # expect: {1, 2, 3, 5} 4 True False
s.remove(3)
s.discard(42)
s.discard(5)
print(s)  # expect: {1, 2}
print(set([1, 1, 2, 2, 3]), set(range(5)), set(), set("aaa"))  # expect: {1, 2, 3} {0, 1, 2, 3, 4} set() {'a'}
t = s.copy()
t.add(10)
print(s, t)  # expect: {1, 2} {1, 2, 10}
t.clear()
print(t, bool(t), bool(s))  # expect: set() False True
print({x % 4 for x in range(20)})  # expect: {0, 1, 2, 3}
try:
    s.remove(99)
except KeyError as error:
    print("KeyError:", error)  # expect: KeyError: 99
print(sorted({5, 3, 9, 1}), sum({1, 2, 3}), max({4, 8, 2}))  # expect: [1, 3, 5, 9] 6 8
