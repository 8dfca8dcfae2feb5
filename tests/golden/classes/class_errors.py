# Missing attributes raise AttributeError naming the type.
class Thing:
    def __init__(self):
        self.present = 1
t = Thing()
print(t.present)  # expect: 1
try:
    t.absent
except AttributeError as error:
    print("AttributeError:", error)  # expect: AttributeError: 'Thing' object has no attribute 'absent'
try:
    Thing.nothing
except AttributeError as error:
    print("AttributeError:", error)  # expect: AttributeError: type object 'Thing' has no attribute 'nothing'
try:
    (5).nope
except AttributeError as error:
    print("AttributeError:", error)  # expect: AttributeError: 'int' object has no attribute 'nope'
t.method_that_does_not_exist()
# expect-error: AttributeError: 'Thing' object has no attribute 'method_that_does_not_exist'
