# tern-only
# Structural pattern matching is outside the subset.
def describe(value):
    match value:
        case 0:
            return "zero"
        case _:
            return "other"

print(describe(0))
# expect-error: NotImplementedError: the 'match' statement is not supported by tern
