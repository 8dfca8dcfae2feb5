# Classes: __init__, instance and class attributes, methods.
class Dog:
    species = "canis"
    count = 0

    def __init__(self, name, age):
        self.name = name
        self.age = age
        Dog.count += 1

    def describe(self):
        return f"{self.name} is {self.age}"

    def birthday(self):
        self.age += 1
        return self

rex = Dog("Rex", 3)
fido = Dog("Fido", 5)
print(rex.describe(), fido.describe())  # expect: Rex is 3 Fido is 5
print(rex.birthday().birthday().describe())  # expect: Rex is 5
print(Dog.count, rex.count, rex.species, Dog.species)  # expect: 2 2 canis canis
rex.species = "wolf"
print(rex.species, fido.species, Dog.species)  # expect: wolf canis canis
Dog.species = "dog"
print(rex.species, fido.species)  # expect: wolf dog
print(type(rex).__name__, isinstance(rex, Dog), rex.name)  # expect: Dog True Rex
rex.nickname = "R"
print(rex.nickname)  # expect: R
