# tern-only
# The walrus operator inside a comprehension filter is rejected too.
data = [1, 5, 9]
print([y for x in data if (y := x * 2) > 4])
# expect-error: NotImplementedError: the walrus operator ':=' is not supported by tern
