# hash of numbers and tuples, id identity comparisons, isinstance with tuples.
print(hash(0), hash(1), hash(-1) == hash(-2), hash(True), hash(2.0) == hash(2))  # expect: 0 1 True 1 True
print(hash((1, 2)) == hash((1, 2)), hash(10 ** 30) == hash(10 ** 30))  # expect: True True
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), a is b, a is c)  # expect: True False True False
print(isinstance(1, int), isinstance(1, (str, float)), isinstance(1, (str, int)))  # expect: True False True
print(isinstance("s", str), isinstance([], list), isinstance({}, dict), isinstance((), tuple))  # expect: True True True True
print(isinstance(True, int), isinstance(1, bool), isinstance(None, object), isinstance(1.5, (int, float)))  # expect: True False True True
class A:
    pass
class B(A):
    pass
print(isinstance(B(), A), isinstance(A(), B), isinstance(B(), (int, B)))  # expect: True False True
try:
    hash([1])
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: unhashable type: 'list'
