# yield from forwards send(), throw() and close() to the inner generator.
def inner():
    try:
        x = yield 1
        print("inner got", x)
        y = yield 2
        print("inner got", y)
        return "inner-done"
    finally:
        print("inner finally")

def outer():
    try:
        r = yield from inner()
        print("outer got", r)
        yield 3
    finally:
        print("outer finally")

o = outer()
print(next(o))  # expect: 1
print(o.send("hi"))
# expect: inner got hi
# expect: 2
print(o.send("there"))
# expect: inner got there
# expect: inner finally
# expect: outer got inner-done
# expect: 3
o.close()  # expect: outer finally
o2 = outer(); next(o2); o2.close(); print("closed")
# expect: inner finally
# expect: outer finally
# expect: closed
def catcher():
    try:
        yield 1
    except ValueError as e:
        print("inner caught", e)
        yield "recovered"
def deleg():
    v = yield from catcher()
    yield ("after", v)
d = deleg(); next(d); print(d.throw(ValueError("boom"))); print(next(d))
# expect: inner caught boom
# expect: recovered
# expect: ('after', None)
def plain():
    yield from [1, 2]
    yield from range(3, 5)
print(list(plain()))  # expect: [1, 2, 3, 4]
