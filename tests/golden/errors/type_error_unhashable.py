# Using a list as a dict key raises TypeError: unhashable type.
seen = {}
for item in [(1, 2), "key", [3, 4]]:
    seen[item] = True
    print("stored", item)
    # expect: stored (1, 2)
    # expect: stored key
# expect-error: TypeError: unhashable type: 'list'
