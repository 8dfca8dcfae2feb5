# obj.__class__ = C moves an instance to another class: methods, type() and
# isinstance follow, attributes stay; compiled code guarding the old class
# must leave. Invalid assignments raise CPython's TypeErrors.


class A:
    kind = "a"

    def __init__(self, x):
        self.x = x

    def f(self):
        return "A" + str(self.x)


class B:
    kind = "b"

    def f(self):
        return "B" + str(self.x)


class C(B):
    def f(self):
        return "C" + str(self.x) + str(self.y)


a = A(1)
a.__class__ = B
print(a.f(), type(a).__name__, a.__dict__, a.kind, isinstance(a, A), isinstance(a, B))  # expect: B1 B {'x': 1} b False True

# Inside a hot loop: the method call on the instance is traced, then the
# class changes under it (back and forth).
objs = [A(i) for i in range(6)]
out = []
for i in range(300):
    o = objs[i % 6]
    out.append(o.f())
    if i % 50 == 49:
        o.__class__ = B if type(o) is A else A
    if i == 200:
        o.y = i
        o.__class__ = C
print(out[:8], out[45:60], out[-12:])  # expect: ['A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'A0', 'A1'] ['A3', 'A4', 'A5', 'A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'A0', 'B1', 'A2', 'A3', 'A4', 'A5'] ['A0', 'A1', 'C2200', 'A3', 'A4', 'B5', 'A0', 'A1', 'C2200', 'A3', 'A4', 'B5']
print([type(o).__name__ for o in objs], [o.x for o in objs])  # expect: ['A', 'A', 'C', 'A', 'A', 'A'] [0, 1, 2, 3, 4, 5]
print([isinstance(o, B) for o in objs], [o.kind for o in objs])  # expect: [False, False, True, False, False, False] ['a', 'a', 'b', 'a', 'a', 'a']


# A hot loop that changes the class every iteration.
def flip(n):
    p = A(7)
    names = []
    for i in range(n):
        names.append(p.f() + type(p).__name__ + p.kind)
        p.__class__ = B if i % 2 == 0 else A
        p.x = i
    return names


print(flip(40)[-6:])  # expect: ['A33Aa', 'B34Bb', 'A35Aa', 'B36Bb', 'A37Aa', 'B38Bb']
print(flip(3))  # expect: ['A7Aa', 'B0Bb', 'A1Aa']

# setattr and object.__setattr__ take the same path.
s = A(3)
setattr(s, "__class__", B)
print(s.f(), s.__class__.__name__)  # expect: B3 B


class Guarded(A):
    def __setattr__(self, name, value):
        print("setattr", name)
        object.__setattr__(self, name, value)


g = Guarded(4)  # expect: setattr x
g.__class__ = A  # expect: setattr __class__
print(g.f(), type(g).__name__, g.__dict__)  # expect: A4 A {'x': 4}


class E(ValueError):
    pass


class E2(ValueError):
    pass


class K(KeyError):
    pass


e = E("boom")
e.__class__ = E2
print(type(e).__name__, e.args)  # expect: E2 ('boom',)


def attempt(what, fn):
    try:
        fn()
        print(what, "ok")
    except TypeError as err:
        print(what, "TypeError:", err)


def assign(obj, cls):
    obj.__class__ = cls


def delete(obj):
    del obj.__class__


t = A(5)
attempt("int value", lambda: assign(t, 3))  # expect: int value TypeError: __class__ must be set to a class, not 'int' object
attempt("None value", lambda: assign(t, None))  # expect: None value TypeError: __class__ must be set to a class, not 'NoneType' object
attempt("str value", lambda: assign(t, "B"))  # expect: str value TypeError: __class__ must be set to a class, not 'str' object
attempt("builtin int", lambda: assign(t, int))  # expect: builtin int TypeError: __class__ assignment only supported for mutable types or ModuleType subclasses
attempt("object", lambda: assign(t, object))  # expect: object TypeError: __class__ assignment only supported for mutable types or ModuleType subclasses
attempt("builtin exception", lambda: assign(t, ValueError))  # expect: builtin exception TypeError: __class__ assignment only supported for mutable types or ModuleType subclasses
attempt("to exception", lambda: assign(t, E))  # expect: to exception TypeError: __class__ assignment: 'E' object layout differs from 'A'
attempt("from exception", lambda: assign(E(), A))  # expect: from exception TypeError: __class__ assignment: 'A' object layout differs from 'E'
attempt("other exception base", lambda: assign(E(), K))  # expect: other exception base TypeError: __class__ assignment: 'K' object layout differs from 'E'
attempt("an int", lambda: assign(1, A))  # expect: an int TypeError: __class__ assignment only supported for mutable types or ModuleType subclasses
attempt("a str", lambda: assign("x", A))  # expect: a str TypeError: __class__ assignment only supported for mutable types or ModuleType subclasses
attempt("a list", lambda: assign([], A))  # expect: a list TypeError: __class__ assignment only supported for mutable types or ModuleType subclasses
attempt("a class", lambda: assign(A, B))  # expect: a class TypeError: __class__ assignment only supported for mutable types or ModuleType subclasses
attempt("setattr", lambda: setattr(t, "__class__", 5))  # expect: setattr TypeError: __class__ must be set to a class, not 'int' object
attempt("del", lambda: delete(t))  # expect: del TypeError: can't delete __class__ attribute
attempt("del int", lambda: delete(1))  # expect: del int TypeError: can't delete __class__ attribute
attempt("delattr", lambda: delattr(t, "__class__"))  # expect: delattr TypeError: can't delete __class__ attribute
print(type(t).__name__, t.__dict__, t.f())  # expect: A {'x': 5} A5
