# staticmethod and classmethod, including alternate constructors and subclasses.
class Date:
    def __init__(self, year, month, day):
        self.year, self.month, self.day = year, month, day
    @classmethod
    def from_string(cls, text):
        y, m, d = (int(p) for p in text.split("-"))
        return cls(y, m, d)
    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.year}, {self.month}, {self.day})"

class EuroDate(Date):
    pass

print(Date.from_string("2024-02-29"), EuroDate.from_string("1999-12-31"))  # expect: Date(2024, 2, 29) EuroDate(1999, 12, 31)
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))  # expect: True False True
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
    @classmethod
    def how_many(cls):
        return cls.instances
for _ in range(3):
    Counter()
print(Counter.how_many(), Counter().how_many())  # expect: 3 4
