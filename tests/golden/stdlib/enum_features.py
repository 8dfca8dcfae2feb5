# enum: aliases, auto, unique, IntEnum, methods on members, the functional API.
from enum import Enum, IntEnum, auto, unique

class Weekday(Enum):
    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 3
    TUE = 2

    def is_early(self):
        return self.value <= 2

print(Weekday.TUE is Weekday.TUESDAY, len(Weekday), [d.name for d in Weekday])  # expect: True 3 ['MONDAY', 'TUESDAY', 'WEDNESDAY']
print(list(Weekday.__members__), Weekday.MONDAY.is_early(), Weekday.WEDNESDAY.is_early())  # expect: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'TUE'] True False
print(repr(Weekday), Weekday["TUE"], Weekday(3), Weekday.MONDAY in Weekday)  # expect: <enum 'Weekday'> Weekday.TUESDAY Weekday.WEDNESDAY True
try:
    Weekday["SUNDAY"]
except KeyError as error:
    print("KeyError:", error)  # expect: KeyError: 'SUNDAY'

class Shape(Enum):
    CIRCLE = auto()
    SQUARE = auto()
    TRIANGLE = auto()
print([(s.name, s.value) for s in Shape])  # expect: [('CIRCLE', 1), ('SQUARE', 2), ('TRIANGLE', 3)]

try:
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 2
        UNO = 1
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: duplicate values found in <enum 'Mistake'>: UNO -> ONE

class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10
print(Priority.HIGH > Priority.LOW, Priority.MEDIUM == 5, Priority.LOW + 1, str(Priority.HIGH), repr(Priority.HIGH))  # expect: True True 2 10 <Priority.HIGH: 10>
print(sorted([Priority.HIGH, Priority.LOW, Priority.MEDIUM]), f"{Priority.MEDIUM:>3}", int(Priority.HIGH))  # expect: [<Priority.LOW: 1>, <Priority.MEDIUM: 5>, <Priority.HIGH: 10>]   5 10

class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    def density_ratio(self):
        return self.mass / self.radius ** 3

print(Planet.EARTH.mass, Planet.EARTH.radius, Planet((3.303e23, 2.4397e6)) is Planet.MERCURY)  # expect: 5.976e+24 6378140.0 True
print(Planet.EARTH.density_ratio() > Planet.MERCURY.density_ratio())  # expect: True

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.CAT.value, Animal(2).name)  # expect: [<Animal.ANT: 1>, <Animal.BEE: 2>, <Animal.CAT: 3>] 3 BEE

counts = {}
for colour in [Shape.CIRCLE, Shape.SQUARE, Shape.CIRCLE]:
    counts[colour] = counts.get(colour, 0) + 1
print(counts[Shape.CIRCLE], counts[Shape.SQUARE], Shape.CIRCLE != Shape.SQUARE)  # expect: 2 1 True
try:
    class MoreShapes(Shape):
        HEXAGON = 6
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: <enum 'MoreShapes'> cannot extend <enum 'Shape'>
