# A first Tern program: prints exactly what CPython prints.
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return f"Hello, {self.name}!"


print(Greeter("Tern").greet())
print([fib(i) for i in range(10)], fib(100))
