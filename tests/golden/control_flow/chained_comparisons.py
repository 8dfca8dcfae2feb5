# Chained comparisons evaluate each operand once and short-circuit.
def val(x, label):
    print("eval", label)
    return x

print(1 < 2 < 3, 3 > 2 > 2, 1 == 1 == 1, 1 < 3 > 2)  # expect: True False True True
print(val(1, "a") < val(2, "b") < val(3, "c"))
# expect: eval a
# expect: eval b
# expect: eval c
# expect: True
print(val(5, "a") < val(2, "b") < val(3, "c"))
# expect: eval a
# expect: eval b
# expect: False
x = 5
print(0 <= x < 10, 0 <= x < 5, x == 5 != 6)  # expect: True False True
print(1 < 2 > 0 < 5 != 4 == 4)  # expect: True
print("a" < "b" < "c", [1] < [2] < [3])  # expect: True True
y = None
print(x is not y is None)  # expect: True
