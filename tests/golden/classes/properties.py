# property with getter, setter and validation; computed attributes.
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

t = Temperature(25)
print(t.celsius, t.fahrenheit)  # expect: 25 77.0
t.celsius = 100
print(t.celsius, t.fahrenheit)  # expect: 100 212.0
try:
    t.celsius = -300
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: below absolute zero
print(t.celsius)  # expect: 100
try:
    t.fahrenheit = 5
except AttributeError:
    print("AttributeError: read-only")  # expect: AttributeError: read-only
class Circle:
    def __init__(self, r):
        self.r = r
    @property
    def area(self):
        return round(3.14159 * self.r ** 2, 2)
c = Circle(2)
print(c.area)  # expect: 12.57
c.r = 3
print(c.area)  # expect: 28.27
