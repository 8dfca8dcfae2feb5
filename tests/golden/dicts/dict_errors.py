# A missing key raises KeyError with the key's repr.
d = {"a": 1}
try:
    d["b"]
except KeyError as error:
    print("KeyError:", error)  # expect: KeyError: 'b'
try:
    d.pop("b")
except KeyError as error:
    print("KeyError:", error)  # expect: KeyError: 'b'
try:
    {}.popitem()
except KeyError as error:
    print("KeyError:", error)  # expect: KeyError: 'popitem(): dictionary is empty'
print(d["a"])  # expect: 1
print(d[("x", 1)])
# expect-error: KeyError: ('x', 1)
