# Infinite recursion raises RecursionError.
def forever(n):
    return forever(n + 1) + 1

print("recursing")  # expect: recursing
forever(0)
# expect-error: RecursionError: maximum recursion depth exceeded
