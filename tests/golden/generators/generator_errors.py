# An exception inside a generator propagates to the consumer.
def risky():
    yield 1
    yield 2
    raise ValueError("generator failed")

try:
    for v in risky():
        print(v)
        # expect: 1
        # expect: 2
except ValueError as error:
    print("caught", error)  # expect: caught generator failed
def divide_all(values):
    for v in values:
        yield 100 // v
print(list(divide_all([1, 2, 5])))  # expect: [100, 50, 20]
for result in divide_all([4, 0]):
    print(result)  # expect: 25
# expect-error: ZeroDivisionError: integer division or modulo by zero
