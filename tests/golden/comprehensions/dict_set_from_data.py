# Dict and set comprehensions over records, with filtering and inversion.
inventory = [("apple", 5, "fruit"), ("kale", 0, "veg"), ("plum", 12, "fruit"), ("leek", 3, "veg")]
stock = {name: qty for name, qty, _ in inventory if qty > 0}
print(stock)  # expect: {'apple': 5, 'plum': 12, 'leek': 3}
kinds = {kind for _, _, kind in inventory}
print(sorted(kinds))  # expect: ['fruit', 'veg']
by_kind = {kind: sorted(name for name, _, k in inventory if k == kind) for kind in sorted(kinds)}
print(by_kind)  # expect: {'fruit': ['apple', 'plum'], 'veg': ['kale', 'leek']}
totals = {kind: sum(q for _, q, k in inventory if k == kind) for kind in kinds}
print(sorted(totals.items()))  # expect: [('fruit', 17), ('veg', 3)]
print({v: k for k, v in stock.items()})  # expect: {5: 'apple', 12: 'plum', 3: 'leek'}
