# global declarations, shadowing, and module-level names seen from functions.
counter = 0
def bump():
    global counter
    counter += 1
def read():
    return counter
bump()
bump()
print(counter, read())  # expect: 2 2
x = "global"
def shadow():
    x = "local"
    return x
print(shadow(), x)  # expect: local global
def create():
    global created
    created = "made inside"
create()
print(created)  # expect: made inside
def uses_later():
    return defined_later * 2
defined_later = 21
print(uses_later())  # expect: 42
def builtin_shadow():
    len = lambda s: -1
    return len("abc")
print(builtin_shadow(), len("abc"))  # expect: -1 3
