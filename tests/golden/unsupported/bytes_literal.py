# tern-only
# bytes literals are outside the subset.
data = b"raw bytes"
print(len(data))
# expect-error: NotImplementedError: bytes literals is not supported by tern
