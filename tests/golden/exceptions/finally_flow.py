# finally runs on return, break, continue and exceptions; return in finally wins.
def returns_in_try():
    try:
        return "from try"
    finally:
        print("finally after return")

print(returns_in_try())
# expect: finally after return
# expect: from try
def finally_overrides():
    try:
        return 1
    finally:
        return 2

print(finally_overrides())  # expect: 2
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the error"

print(swallow())  # expect: finally swallowed the error
for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)  # expect: body 0
    finally:
        print("finally", i)
        # expect: finally 0
        # expect: finally 1
        # expect: finally 2
def nested():
    try:
        try:
            raise KeyError("k")
        finally:
            print("inner finally")
    except KeyError:
        print("outer except")
    finally:
        print("outer finally")
nested()
# expect: inner finally
# expect: outer except
# expect: outer finally
