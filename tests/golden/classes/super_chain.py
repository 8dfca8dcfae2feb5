# Cooperative super() calls along a single-inheritance chain run each level once.
class Base:
    def __init__(self):
        self.log = ["Base"]
    def setup(self):
        return ["Base.setup"]

class A(Base):
    def __init__(self):
        super().__init__()
        self.log.append("A")
    def setup(self):
        return ["A.setup"] + super().setup()

class B(A):
    def __init__(self):
        super().__init__()
        self.log.append("B")
    def setup(self):
        return ["B.setup"] + super(B, self).setup()

class C(B):
    def __init__(self):
        super().__init__()
        self.log.append("C")

c = C()
print(c.log)  # expect: ['Base', 'A', 'B', 'C']
print(c.setup())  # expect: ['B.setup', 'A.setup', 'Base.setup']
print([cls.__name__ for cls in C.__mro__])  # expect: ['C', 'B', 'A', 'Base', 'object']
print(isinstance(c, A), issubclass(C, Base), issubclass(Base, C))  # expect: True True False
