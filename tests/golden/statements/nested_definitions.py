# Classes defined inside functions and functions inside methods.
def make_class(greeting):
    class Greeter:
        def greet(self, name):
            def decorate(text):
                return f"<{text}>"
            return decorate(f"{greeting}, {name}")
    return Greeter

Hello = make_class("hello")
Hi = make_class("hi")
print(Hello().greet("ann"), Hi().greet("bo"))  # expect: <hello, ann> <hi, bo>
print(Hello is Hi, Hello.__name__, type(Hello()).__name__)  # expect: False Greeter Greeter
def counter_class():
    count = 0
    class Counted:
        def __init__(self):
            nonlocal count
            count += 1
        @staticmethod
        def total():
            return count
    return Counted
C = counter_class()
C()
C()
print(C.total())  # expect: 2
