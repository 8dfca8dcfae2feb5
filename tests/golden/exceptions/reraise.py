# Bare raise re-raises the active exception; raising inside except chains.
def inner():
    raise KeyError("inner key")

def middle():
    try:
        inner()
    except KeyError:
        print("middle saw it")
        raise

try:
    middle()  # expect: middle saw it
except KeyError as error:
    print("outer caught", repr(error))  # expect: outer caught KeyError('inner key')
def convert():
    try:
        {}["k"]
    except KeyError as error:
        raise ValueError("converted") from error
try:
    convert()
except ValueError as error:
    print(error, type(error.__cause__).__name__, error.__cause__)  # expect: converted KeyError 'k'
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("during handling")
except RuntimeError as error:
    print(error, type(error.__context__).__name__)  # expect: during handling ZeroDivisionError
try:
    raise ValueError("no cause") from None
except ValueError as error:
    print(error, error.__cause__, error.__suppress_context__)  # expect: no cause None True
