# tern-only
# Complex numbers are outside the subset.
z = 3 + 4j
print(abs(z))
# expect-error: NotImplementedError: complex literals is not supported by tern
