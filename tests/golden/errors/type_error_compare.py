# Ordering comparison between unrelated types raises TypeError.
values = [3, 1, 2]
values.sort()
print(values)  # expect: [1, 2, 3]
print(1 < "2")
# expect-error: TypeError: '<' not supported between instances of 'int' and 'str'
