# Indexing past the end raises IndexError.
items = [10, 20, 30]
i = 0
while True:
    print(items[i])
    # expect: 10
    # expect: 20
    # expect: 30
    i += 1
# expect-error: IndexError: list index out of range
