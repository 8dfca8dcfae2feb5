# Dunders of builtin classes are slot wrappers in CPython: each belongs to
# its class and words its receiver errors as "requires a 'C' object".


def attempt(label, f):
    try:
        print(label, f())
    except TypeError as e:
        print(label, "TypeError:", e)


attempt("int.__add__ float", lambda: int.__add__(1.5, 2))  # expect: int.__add__ float TypeError: descriptor '__add__' requires a 'int' object but received a 'float'
attempt("int.__add__ bool", lambda: int.__add__(True, 2))  # expect: int.__add__ bool 3
attempt("int.__add__ no args", lambda: int.__add__())  # expect: int.__add__ no args TypeError: descriptor '__add__' of 'int' object needs an argument
attempt("int.__radd__ str", lambda: int.__radd__("a", 1))  # expect: int.__radd__ str TypeError: descriptor '__radd__' requires a 'int' object but received a 'str'
attempt("float.__mul__ int", lambda: float.__mul__(2, 3))  # expect: float.__mul__ int TypeError: descriptor '__mul__' requires a 'float' object but received a 'int'
attempt("float.__mul__ ok", lambda: float.__mul__(2.0, 3))  # expect: float.__mul__ ok 6.0
attempt("float.__truediv__ ok", lambda: float.__truediv__(1.0, 4))  # expect: float.__truediv__ ok 0.25
attempt("int.__neg__ float", lambda: int.__neg__(2.0))  # expect: int.__neg__ float TypeError: descriptor '__neg__' requires a 'int' object but received a 'float'
attempt("int.__abs__ ok", lambda: int.__abs__(-7))  # expect: int.__abs__ ok 7
attempt("float.__hash__ bool", lambda: float.__hash__(True))  # expect: float.__hash__ bool TypeError: descriptor '__hash__' requires a 'float' object but received a 'bool'
attempt("float.__pos__ no args", lambda: float.__pos__())  # expect: float.__pos__ no args TypeError: descriptor '__pos__' of 'float' object needs an argument
attempt("int.__pow__ ok", lambda: int.__pow__(2, 10))  # expect: int.__pow__ ok 1024
attempt("int.__add__ other type", lambda: int.__add__(1, "x"))  # expect: int.__add__ other type NotImplemented
attempt("str.__len__ int", lambda: str.__len__(3))  # expect: str.__len__ int TypeError: descriptor '__len__' requires a 'str' object but received a 'int'
attempt("list.__len__ no args", lambda: list.__len__())  # expect: list.__len__ no args TypeError: descriptor '__len__' of 'list' object needs an argument
attempt("dict.__len__ list", lambda: dict.__len__([]))  # expect: dict.__len__ list TypeError: descriptor '__len__' requires a 'dict' object but received a 'list'
attempt("dict.__getitem__ list", lambda: dict.__getitem__([], 1))  # expect: dict.__getitem__ list TypeError: descriptor '__getitem__' for 'dict' objects doesn't apply to a 'list' object
attempt("list.__getitem__ no args", lambda: list.__getitem__())  # expect: list.__getitem__ no args TypeError: unbound method list.__getitem__() needs an argument
attempt("set.__len__ frozenset", lambda: set.__len__(frozenset()))  # expect: set.__len__ frozenset TypeError: descriptor '__len__' requires a 'set' object but received a 'frozenset'
attempt("frozenset.__contains__ set", lambda: frozenset.__contains__({1}, 1))  # expect: frozenset.__contains__ set TypeError: descriptor '__contains__' for 'frozenset' objects doesn't apply to a 'set' object

# The bound forms still work in a hot loop.
total = 0
for i in range(500):
    total = total.__add__(i)
    total = int.__sub__(total, 1)
print(total)  # expect: 124250
