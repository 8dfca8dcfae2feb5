# Changing a class at run time affects existing instances.
class Greeter:
    def greet(self):
        return "hello"

g = Greeter()
print(g.greet())  # expect: hello
def shout(self):
    return "HELLO!"
Greeter.greet = shout
print(g.greet())  # expect: HELLO!
Greeter.extra = lambda self, n: "x" * n
print(g.extra(3))  # expect: xxx
Greeter.greeting_count = 5
print(g.greeting_count)  # expect: 5
class Child(Greeter):
    pass
ch = Child()
print(ch.greet())  # expect: HELLO!
Greeter.greet = lambda self: "patched base"
print(ch.greet(), g.greet())  # expect: patched base patched base
Child.greet = lambda self: "child override"
print(ch.greet(), g.greet())  # expect: child override patched base
del Child.greet
print(ch.greet())  # expect: patched base
for i in range(3):
    Greeter.value = i
    print(g.value, ch.value)
    # expect: 0 0
    # expect: 1 1
    # expect: 2 2
