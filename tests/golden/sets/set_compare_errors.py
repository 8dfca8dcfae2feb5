# Sets compare by subset relations; sets of sets are not allowed.
a = {1, 2}
b = {1, 2, 3}
print(a < b, a <= b, b > a, a == {2, 1}, a != b, b < b)  # expect: True True True True True False
print({1} < {2}, {1} > {2}, {1} == {2})  # expect: False False False
print(set() <= a, a.issubset(a), a.issuperset(set()))  # expect: True True True
try:
    {a}
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: unhashable type: 'set'
print(len({1, 1.0, True}), {0, False, 0.0} == {0})  # expect: 1 True
s = {3}
s.remove(4)
# expect-error: KeyError: 4
