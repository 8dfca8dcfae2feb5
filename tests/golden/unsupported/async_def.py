# tern-only
# Coroutines are outside the subset.
async def fetch():
    return 1

print("unreachable")
# expect-error: NotImplementedError: 'async' is not supported by tern
