# tern-only
# The walrus operator is outside Tern's subset.
values = [1, 2, 3]
if (n := len(values)) > 2:
    print(n)
# expect-error: NotImplementedError: the walrus operator ':=' is not supported by tern
