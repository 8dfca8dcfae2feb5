# Function decorators, with and without arguments, stacked.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args)
        result = fn(*args, **kwargs)
        print("return", result)
        return result
    return wrapper

@trace
def add(a, b):
    return a + b

add(2, 3)
# expect: call add (2, 3)
# expect: return 5
def repeat(times):
    def decorate(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorate

@repeat(3)
def hello(name):
    return "hi " + name
print(hello("x"))  # expect: ['hi x', 'hi x', 'hi x']
registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn
@register
@trace
def mul(a, b):
    return a * b
print(mul(4, 5), registry)
# expect: call mul (4, 5)
# expect: return 20
# expect: 20 ['wrapper']
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))  # expect: 23416728348467685
