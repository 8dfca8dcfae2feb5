# An exception raised in finally or except replaces the one in flight.
def replace():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")

try:
    replace()
except TypeError as error:
    print("caught", type(error).__name__, error, type(error.__context__).__name__)  # expect: caught TypeError from finally ValueError
except ValueError:
    print("not reached")
def handler_fails():
    try:
        [][1]
    except IndexError:
        {}["x"]
try:
    handler_fails()
except KeyError as error:
    print("KeyError", error, type(error.__context__).__name__)  # expect: KeyError 'x' IndexError
def cleanup_order():
    log = []
    try:
        try:
            log.append("try")
            raise RuntimeError("boom")
        finally:
            log.append("inner finally")
    except RuntimeError:
        log.append("except")
    finally:
        log.append("outer finally")
    return log
print(cleanup_order())  # expect: ['try', 'inner finally', 'except', 'outer finally']
