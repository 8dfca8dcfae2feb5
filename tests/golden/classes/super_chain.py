# Cooperative super() calls through a diamond follow the MRO once each.
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

class B(Base):
    def __init__(self):
        super().__init__()
        self.log.append("B")
    def setup(self):
        return ["B.setup"] + super().setup()

class C(A, B):
    def __init__(self):
        super().__init__()
        self.log.append("C")
    def setup(self):
        return ["C.setup"] + super().setup()

c = C()
print(c.log)  # expect: ['Base', 'B', 'A', 'C']
print(c.setup())  # expect: ['C.setup', 'A.setup', 'B.setup', 'Base.setup']
print([cls.__name__ for cls in C.__mro__])  # expect: ['C', 'A', 'B', 'Base', 'object']
print(isinstance(c, B), issubclass(C, Base))  # expect: True True
