# A builtin type's method called through the class with a wrong receiver, or
# none: CPython names the bare method in the descriptor message and the
# qualified one in the unbound-method message.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


t(lambda: int.bit_length(1.5))  # expect: TypeError: descriptor 'bit_length' for 'int' objects doesn't apply to a 'float' object
t(lambda: int.bit_length())  # expect: TypeError: unbound method int.bit_length() needs an argument
t(lambda: int.bit_length(True))  # expect: 1
t(lambda: float.is_integer(1))  # expect: TypeError: descriptor 'is_integer' for 'float' objects doesn't apply to a 'int' object
t(lambda: float.is_integer())  # expect: TypeError: unbound method float.is_integer() needs an argument
t(lambda: float.hex("x"))  # expect: TypeError: descriptor 'hex' for 'float' objects doesn't apply to a 'str' object
t(lambda: dict.keys(1))  # expect: TypeError: descriptor 'keys' for 'dict' objects doesn't apply to a 'int' object
t(lambda: dict.keys([]))  # expect: TypeError: descriptor 'keys' for 'dict' objects doesn't apply to a 'list' object
t(lambda: dict.keys())  # expect: TypeError: unbound method dict.keys() needs an argument
t(lambda: list.append((), 1))  # expect: TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'tuple' object
t(lambda: list.append())  # expect: TypeError: unbound method list.append() needs an argument
t(lambda: tuple.count([], 1))  # expect: TypeError: descriptor 'count' for 'tuple' objects doesn't apply to a 'list' object
t(lambda: str.split(5))  # expect: TypeError: descriptor 'split' for 'str' objects doesn't apply to a 'int' object
t(lambda: str.join(5, []))  # expect: TypeError: descriptor 'join' for 'str' objects doesn't apply to a 'int' object
t(lambda: set.add(frozenset(), 1))  # expect: TypeError: descriptor 'add' for 'set' objects doesn't apply to a 'frozenset' object
for n in range(300):
    try:
        int.bit_length(n * 0.5)
    except TypeError as e:
        last = str(e)
print(last)  # expect: descriptor 'bit_length' for 'int' objects doesn't apply to a 'float' object
