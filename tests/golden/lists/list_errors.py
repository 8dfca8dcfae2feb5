# List errors: index out of range, remove of a missing value, pop from empty.
xs = [1, 2, 3]
try:
    xs.remove(5)
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: list.remove(x): x not in list
try:
    [].pop()
except IndexError as error:
    print("IndexError:", error)  # expect: IndexError: pop from empty list
try:
    xs.index(7)
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: 7 is not in list
try:
    xs[3] = 0
except IndexError as error:
    print("IndexError:", error)  # expect: IndexError: list assignment index out of range
print(xs[-3])  # expect: 1
print(xs[3])
# expect-error: IndexError: list index out of range
