# An error raised inside a generator surfaces where it is consumed.
def numbers():
    yield 1
    yield 2
    raise OverflowError("too many numbers")

for n in numbers():
    print(n)
    # expect: 1
    # expect: 2
# expect-error: OverflowError: too many numbers
