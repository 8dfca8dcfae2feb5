# Default values, keyword arguments, and defaults evaluated once.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("Ann"))  # expect: Hello, Ann!
print(greet("Bob", "Hi"))  # expect: Hi, Bob!
print(greet("Cy", punct="?"))  # expect: Hello, Cy?
print(greet(punct=".", name="Di", greeting="Yo"))  # expect: Yo, Di.
counter = 0
def next_default():
    global counter
    counter += 1
    return counter
def f(x=next_default()):
    return x
print(f(), f(), f(10), counter)  # expect: 1 1 10 1
def accumulate(item, into=[]):
    into.append(item)
    return into
print(accumulate(1), accumulate(2), accumulate(3, []))  # expect: [1, 2] [1, 2] [3]
def power(base, exponent=2):
    return base ** exponent
print(power(3), power(2, 10), power(exponent=3, base=2))  # expect: 9 1024 8
