# set and frozenset methods and operators print in CPython's order (same table layout and loops).
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
print({5, 3, 1} | {2, 4})  # expect: {1, 2, 3, 4, 5}
print(set(range(20, 0, -3)))  # expect: {2, 5, 8, 11, 14, 17, 20}
print({x*7 % 11 for x in range(10)})  # expect: {0, 1, 2, 3, 5, 6, 7, 8, 9, 10}
a = set(range(0, 40, 3)); b = set(range(0, 40, 5))
print(a | b, a & b, a - b, b - a, a ^ b, b ^ a)  # expect: {0, 3, 5, 6, 9, 10, 12, 15, 18, 20, 21, 24, 25, 27, 30, 33, 35, 36, 39} {0, 30, 15} {33, 3, 36, 6, 39, 9, 12, 18, 21, 24, 27} {35, 5, 10, 20, 25} {3, 5, 6, 9, 10, 12, 18, 20, 21, 24, 25, 27, 33, 35, 36, 39} {3, 5, 6, 9, 10, 12, 18, 20, 21, 24, 25, 27, 33, 35, 36, 39}
print(a.union(b, [100, 7]), a.intersection(b), a.intersection(b, range(10)), a.difference(b), a.difference(b, {0, 3}), a.symmetric_difference(b))  # expect: {0, 3, 5, 6, 7, 9, 10, 12, 15, 18, 20, 21, 24, 25, 27, 30, 33, 35, 36, 100, 39} {0, 30, 15} {0} {33, 3, 36, 6, 39, 9, 12, 18, 21, 24, 27} {33, 36, 6, 39, 9, 12, 18, 21, 24, 27} {3, 5, 6, 9, 10, 12, 18, 20, 21, 24, 25, 27, 33, 35, 36, 39}
print(a.intersection([30, 15, 0, 99]), a.difference(range(20)), a.symmetric_difference([1, 2, 3, 30]))  # expect: {0, 30, 15} {33, 36, 39, 21, 24, 27, 30} {0, 1, 2, 33, 36, 6, 39, 9, 12, 15, 18, 21, 24, 27}
c = set(range(50)); c.difference_update(range(0, 50, 2)); print(c)  # expect: {1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 41, 43, 45, 47, 49}
c.intersection_update(range(10, 40)); print(c)  # expect: {33, 35, 37, 39, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31}
c.symmetric_difference_update({1, 11, 100}); print(c)  # expect: {33, 1, 35, 100, 37, 39, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31}
c.update([200, 3], {300}); print(c)  # expect: {1, 3, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 300, 200, 100}
c |= {7, 8}; print(c); c &= set(range(0, 400, 1)); print(c); c -= {7}; print(c); c ^= {8, 9}; print(c)
# expect: {1, 3, 7, 8, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 300, 200, 100}
# expect: {1, 3, 7, 8, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 300, 200, 100}
# expect: {1, 3, 8, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 300, 200, 100}
# expect: {1, 3, 9, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 300, 200, 100}
s = {10, 20, 30}; s.add(5); s.discard(20); s.remove(10); print(s, len(s), 5 in s, s.pop(), s)  # expect: {30} 2 True 5 {30}
t(lambda: s.remove(99))  # expect: KeyError: 99
t(lambda: set().pop())  # expect: KeyError: 'pop from an empty set'
print({1, 2}.issubset({1, 2, 3}), {1, 2}.issuperset([1]), {1}.isdisjoint([2, 3]), {1, 2} <= {1, 2}, {1} < {1, 2})  # expect: True True True True True
f = frozenset([3, 1, 2]); print(f, f | {9}, {9} | f, f.copy() is f, frozenset(f) is f, hash(frozenset()) == hash(frozenset()))  # expect: frozenset({1, 2, 3}) frozenset({1, 2, 3, 9}) {9, 2, 3, 1} True True True
print(set({3: "a", 1: "b", 17: "c"}), set("aaa"), sorted({"x", "y"}))  # expect: {1, 3, 17} {'a'} ['x', 'y']
print({frozenset({1, 2}), frozenset({3})} == {frozenset({3}), frozenset({2, 1})})  # expect: True
big = set(range(1000)); big -= set(range(0, 1000, 3)); print(list(big)[:10], len(big))  # expect: [1, 2, 4, 5, 7, 8, 10, 11, 13, 14] 666
s2 = set(range(100)); [s2.pop() for _ in range(30)]; print(list(s2)[:5], s2.pop())  # expect: [30, 31, 32, 33, 34] 30
d = {i: i for i in range(10)}; print(set(d), set(d.keys()), set(range(10)).difference(d))  # expect: {0, 1, 2, 3, 4, 5, 6, 7, 8, 9} {0, 1, 2, 3, 4, 5, 6, 7, 8, 9} set()
print(hash(frozenset([1, 2, 3])), hash(frozenset()), hash(frozenset(range(100))))  # expect: -272375401224217160 133146708735736 4411996150312757951
t(lambda: frozenset().add(1))  # expect: AttributeError: 'frozenset' object has no attribute 'add'
