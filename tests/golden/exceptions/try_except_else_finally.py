# try/except/else/finally: which blocks run in each case.
def attempt(x):
    try:
        print("try", x)
        result = 10 // x
    except ZeroDivisionError:
        print("except")
        return "failed"
    else:
        print("else", result)
        return "ok"
    finally:
        print("finally")

print(attempt(2))
# expect: try 2
# expect: else 5
# expect: finally
# expect: ok
print(attempt(0))
# expect: try 0
# expect: except
# expect: finally
# expect: failed
for value in ["5", "x", None]:
    try:
        n = int(value)
    except ValueError as error:
        print("ValueError", error)
    except TypeError:
        print("TypeError for", value)
    else:
        print("parsed", n)  # expect: parsed 5
    finally:
        print("next")
        # expect: next
        # expect: ValueError invalid literal for int() with base 10: 'x'
        # expect: next
        # expect: TypeError for None
        # expect: next
