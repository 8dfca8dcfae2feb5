# iter and next over lists, strings, dicts, ranges; default values; StopIteration.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "end"))  # expect: 1 2 3 end
s = iter("ab")
print(next(s), next(s), next(s, None))  # expect: a b None
d = iter({"x": 1, "y": 2})
print(next(d), list(d))  # expect: x ['y']
r = iter(range(3))
print(list(r), list(r))  # expect: [0, 1, 2] []
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")  # expect: StopIteration
it = iter([10, 20, 30, 40])
pairs = list(zip(it, it))
print(pairs)  # expect: [(10, 20), (30, 40)]
it = iter(range(10))
for x in it:
    if x == 3:
        break
print(list(it))  # expect: [4, 5, 6, 7, 8, 9]
print(iter(it) is it)  # expect: True
