# enum.Enum: name, value, iteration, lookup and identity.
from enum import Enum

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

print(Color.RED, repr(Color.GREEN), Color.BLUE.name, Color.BLUE.value)  # expect: Color.RED <Color.GREEN: 2> BLUE 3
print(list(Color))  # expect: [<Color.RED: 1>, <Color.GREEN: 2>, <Color.BLUE: 3>]
print([c.name for c in Color], len(Color))  # expect: ['RED', 'GREEN', 'BLUE'] 3
print(Color(2), Color["BLUE"], Color(2) is Color.GREEN)  # expect: Color.GREEN Color.BLUE True
print(Color.RED == Color.RED, Color.RED == 1, Color.RED is Color.RED)  # expect: True False True
print(isinstance(Color.RED, Color), type(Color.RED).__name__)  # expect: True Color
favourite = Color.GREEN
if favourite is Color.GREEN:
    print("green it is")  # expect: green it is
lookup = {Color.RED: "stop", Color.GREEN: "go"}
print(lookup[Color.GREEN])  # expect: go
try:
    Color(7)
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: 7 is not a valid Color
class Planet(Enum):
    MERCURY = "hot"
    NEPTUNE = "cold"
print([(p.name, p.value) for p in Planet])  # expect: [('MERCURY', 'hot'), ('NEPTUNE', 'cold')]
