# Float division by zero is an uncaught ZeroDivisionError.
values = [4.0, 2.0, 1.0, 0.5]
for v in values:
    print(1 / v)
    # expect: 0.25
    # expect: 0.5
    # expect: 1.0
    # expect: 2.0
print(1.0 / 0.0)
# expect-error: ZeroDivisionError: float division by zero
