# A property added to a class after its attribute reads were cached (interpreter
# inline cache and JIT) takes precedence over the instance attribute.
class A:
    def __init__(self): self.x = 1
a = A()
def get(o): return o.x
for i in range(3): get(a)
A.x = property(lambda self: 42)
print(get(a))  # expect: 42
