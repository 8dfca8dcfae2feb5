# Exception objects: args, str, repr, raising classes vs instances.
try:
    raise ValueError
except ValueError as error:
    print(repr(error), error.args, str(error) == "")  # expect: ValueError() () True
try:
    raise ValueError("a", 2)
except ValueError as error:
    print(error, error.args)  # expect: ('a', 2) ('a', 2)
err = KeyError("key")
print(str(err), repr(err))  # expect: 'key' KeyError('key')
print(str(IndexError("i")), repr(ZeroDivisionError("z")))  # expect: i ZeroDivisionError('z')
saved = None
try:
    int("zz")
except ValueError as error:
    saved = error
print(type(saved).__name__, saved)  # expect: ValueError invalid literal for int() with base 10: 'zz'
def raiser(exc):
    raise exc
for exc in [TypeError("t"), AttributeError("a"), StopIteration]:
    try:
        raiser(exc)
    except Exception as error:
        print(type(error).__name__, repr(error))
        # expect: TypeError TypeError('t')
        # expect: AttributeError AttributeError('a')
        # expect: StopIteration StopIteration()
print(isinstance(err, Exception), isinstance(err, LookupError), isinstance(err, IndexError))  # expect: True True False
