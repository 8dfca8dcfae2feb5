# Matching by type, base classes and tuples of types; first match wins.
def risky(kind):
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][0]
    if kind == "zero":
        return 1 / 0
    if kind == "type":
        return "a" + 1
    return "fine"

for kind in ["key", "index", "zero", "type", "none"]:
    try:
        print(risky(kind))
    except (KeyError, IndexError) as error:
        print("lookup error:", type(error).__name__, error)
        # expect: lookup error: KeyError 'missing'
        # expect: lookup error: IndexError list index out of range
    except ArithmeticError as error:
        print("arithmetic:", error)  # expect: arithmetic: division by zero
    except Exception as error:
        print("other:", type(error).__name__)
        # expect: other: TypeError
        # expect: fine
try:
    [1][5]
except LookupError as error:
    print("LookupError caught", type(error).__name__)  # expect: LookupError caught IndexError
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))  # expect: True True
print(issubclass(ValueError, Exception), issubclass(Exception, BaseException))  # expect: True True
