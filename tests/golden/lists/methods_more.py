# list, tuple, range, int and float methods, including their error messages and list.sort's mutation check.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
xs = [3, 1, 2]
xs.append(4); xs.extend((5, 6)); xs.insert(0, 0); xs.insert(-1, 9); xs.insert(100, 7)
print(xs, xs.pop(), xs.pop(0), xs.pop(-2), xs)  # expect: [3, 1, 2, 4, 5, 6] 7 0 9 [3, 1, 2, 4, 5, 6]
xs.remove(4); print(xs, xs.index(2), xs.count(1))  # expect: [3, 1, 2, 5, 6] 2 1
xs.sort(); print(xs); xs.sort(reverse=True); print(xs); xs.reverse(); print(xs)
# expect: [1, 2, 3, 5, 6]
# expect: [6, 5, 3, 2, 1]
# expect: [1, 2, 3, 5, 6]
ws = ["bb", "a", "ccc", "dd"]; ws.sort(key=len); print(ws); ws.sort(key=len, reverse=True); print(ws)
# expect: ['a', 'bb', 'dd', 'ccc']
# expect: ['ccc', 'bb', 'dd', 'a']
c = ws.copy(); c.clear(); print(c, ws, len(ws), ws.__len__(), ws.__getitem__(0), ws.__contains__("a"))  # expect: [] ['ccc', 'bb', 'dd', 'a'] 4 4 ccc True
t(lambda: [].pop())  # expect: IndexError: pop from empty list
t(lambda: [1].pop(5))  # expect: IndexError: pop index out of range
t(lambda: [1].remove(2))  # expect: ValueError: list.remove(x): x not in list
t(lambda: [1, 2].index(7))  # expect: ValueError: 7 is not in list
t(lambda: [1, 2].index(1, 1))  # expect: ValueError: 1 is not in list
t(lambda: [1].sort(1))  # expect: TypeError: sort() takes no positional arguments
t(lambda: [3, "a"].sort())  # expect: TypeError: '<' not supported between instances of 'str' and 'int'
l = [3, 2, 1]
def k(x):
    l.append(x)
    return x
t(lambda: l.sort(key=k))  # expect: ValueError: list modified during sort
print(l)  # expect: [1, 2, 3]
print((1, 2, 1).count(1), (1, 2, 3).index(3), (1, 2).__len__())  # expect: 2 2 2
t(lambda: (1, 2).index(5))  # expect: ValueError: tuple.index(x): x not in tuple
print(range(10).index(4), range(0, 20, 3).index(9), range(5).count(2), range(5).count(7))  # expect: 4 3 1 0
t(lambda: range(5).index(9))  # expect: ValueError: 9 is not in range
print((7).bit_length(), (-255).bit_length(), (10**20).bit_length(), (255).bit_count(), (5).conjugate(), True.bit_length())  # expect: 3 8 67 8 5 1
print((2.5).is_integer(), (3.0).is_integer(), (0.5).as_integer_ratio(), (-1.25).as_integer_ratio(), (1.5).hex(), float.fromhex("0x1.8p1"), (0.1).hex(), float.fromhex("-0x1p-1074"))  # expect: False True (1, 2) (-5, 4) 0x1.8000000000000p+0 3.0 0x1.999999999999ap-4 -5e-324
print((5).__add__(3), (5).__add__(1.5), (2.0).__mul__(3), (7).__rsub__(10), (3).__neg__(), int.__abs__(-4), (2).__pow__(10))  # expect: 8 NotImplemented 6.0 3 -3 4 1024
t(lambda: float.fromhex("zz"))  # expect: ValueError: invalid hexadecimal floating-point string
a = [1, 2]; a += (3,); print(a, a.__iadd__([4]))  # expect: [1, 2, 3, 4] [1, 2, 3, 4]
m = [[1, 2], [3]]; m[0].append(9); print(m)  # expect: [[1, 2, 9], [3]]
print(sorted([3, 1, 2], reverse=True), [].append.__name__ if hasattr([].append, "__name__") else "")  # expect: [3, 2, 1] append
