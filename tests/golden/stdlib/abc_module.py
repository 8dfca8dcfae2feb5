# abc: abstract base classes cannot be instantiated until methods are implemented.
from abc import ABC, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self):
        pass

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"

class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2

class Incomplete(Shape):
    pass

print(Square(3).describe())  # expect: Square with area 9
try:
    Shape()
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: Can't instantiate abstract class Shape with abstract method area
try:
    Incomplete()
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: Can't instantiate abstract class Incomplete with abstract method area
print(isinstance(Square(1), Shape), issubclass(Square, ABC))  # expect: True True
