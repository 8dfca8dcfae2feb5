# Handlers in nested functions and try blocks; exceptions crossing frames.
def level3(n):
    if n == 0:
        raise ValueError("bottom")
    return level3(n - 1)

def level2():
    try:
        level3(5)
    except TypeError:
        print("wrong handler")
    print("not reached")

def level1():
    try:
        level2()
    except ValueError as error:
        print("level1 caught", error)
        return "recovered"

print(level1())
# expect: level1 caught bottom
# expect: recovered
try:
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise IndexError("b")
        except IndexError as inner:
            print("inner", repr(inner))  # expect: inner IndexError('b')
        print("still in outer handler")  # expect: still in outer handler
except Exception:
    print("not reached")
print("done")  # expect: done
