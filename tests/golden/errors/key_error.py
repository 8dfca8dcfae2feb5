# A missing dict key raises KeyError showing the key's repr.
inventory = {"apple": 3, "pear": 0}
for fruit in ["apple", "pear", "plum"]:
    print(fruit, inventory[fruit])
    # expect: apple 3
    # expect: pear 0
# expect-error: KeyError: 'plum'
