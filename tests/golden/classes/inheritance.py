# Inheritance, overriding, super() in both forms, method resolution.
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def intro(self):
        return f"{self.name} says {self.speak()}"

class Cat(Animal):
    def speak(self):
        return "meow"

class Lion(Cat):
    def __init__(self, name, pride):
        super().__init__(name)
        self.pride = pride
    def speak(self):
        return super().speak().upper() + "!"

class Tiger(Cat):
    def __init__(self, name):
        super(Tiger, self).__init__(name + " the tiger")
    def speak(self):
        return "roar, not " + super(Tiger, self).speak()

for a in [Animal("generic"), Cat("Tom"), Lion("Leo", "west"), Tiger("Tig")]:
    print(a.intro())
    # expect: generic says ...
    # expect: Tom says meow
    # expect: Leo says MEOW!
    # expect: Tig the tiger says roar, not meow
leo = Lion("Leo", "east")
print(leo.pride, isinstance(leo, Cat), isinstance(leo, Animal), isinstance(leo, Tiger))  # expect: east True True False
print(issubclass(Lion, Animal), issubclass(Animal, Lion), issubclass(Cat, Cat))  # expect: True False True
print([c.__name__ for c in Lion.__mro__])  # expect: ['Lion', 'Cat', 'Animal', 'object']
class Base:
    def hello(self):
        return "base"
class Middle(Base):
    def hello(self):
        return "middle>" + super().hello()
class Leaf(Middle):
    pass
print(Leaf().hello(), [c.__name__ for c in Leaf.__mro__])  # expect: middle>base ['Leaf', 'Middle', 'Base', 'object']
