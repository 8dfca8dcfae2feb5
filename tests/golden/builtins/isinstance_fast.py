# isinstance with a class, a tuple, nested tuples, subclasses, bool and int,
# in hot loops and with the errors CPython raises.


class A:
    pass


class B(A):
    pass


class C:
    pass


def run():
    values = [1, True, 2.5, "s", None, A(), B(), C(), [1], (1,), {}]
    counts = [0] * 8
    for i in range(400):
        v = values[i % len(values)]
        counts[0] += isinstance(v, int)
        counts[1] += isinstance(v, bool)
        counts[2] += isinstance(v, A)
        counts[3] += isinstance(v, (str, B))
        counts[4] += isinstance(v, (list, (tuple, dict)))
        counts[5] += isinstance(v, ())
        counts[6] += isinstance(v, object)
        counts[7] += isinstance(v, (C, float, type(None)))
    print(counts)
    print(isinstance(1, (int, 5)))
    for spec in [(str, 5), 5, [int]]:
        try:
            print(isinstance(1, spec))
        except TypeError as e:
            print("TypeError", e)


run()
# expect: [74, 37, 72, 73, 108, 0, 400, 109]
# expect: True
# expect: TypeError isinstance() arg 2 must be a type, a tuple of types, or a union
# expect: TypeError isinstance() arg 2 must be a type, a tuple of types, or a union
# expect: TypeError isinstance() arg 2 must be a type, a tuple of types, or a union
