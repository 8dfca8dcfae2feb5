# Functions as values: passing, returning, storing, attributes.
def apply(fn, *args):
    return fn(*args)
def twice(fn):
    return lambda x: fn(fn(x))
print(apply(max, 3, 9, 2), apply(len, "four"))  # expect: 9 4
add_four = twice(lambda x: x + 2)
print(add_four(10), twice(twice(lambda s: s + "!"))("hey"))  # expect: 14 hey!!!!
table = [abs, str, lambda v: v * 3]
print([f(-4) for f in table])  # expect: [4, '-4', -12]
def named():
    "A docstring."
    return 1
print(named.__name__, named.__doc__)  # expect: named A docstring.
alias = named
print(alias(), alias is named, callable(alias), callable(5))  # expect: 1 True True False
def make_multiplier(k):
    def multiply(x):
        return x * k
    return multiply
fns = {k: make_multiplier(k) for k in range(1, 4)}
print([fns[k](10) for k in fns])  # expect: [10, 20, 30]
print(type(named).__name__)  # expect: function
