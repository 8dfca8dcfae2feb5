# next() on an exhausted iterator raises StopIteration (with an empty message).
it = iter([1, 2])
print(next(it))  # expect: 1
print(next(it))  # expect: 2
print(next(it))
# expect-error: StopIteration
