# abc: metaclass=ABCMeta, several abstract methods, abstract properties, partial implementations.
from abc import ABC, ABCMeta, abstractmethod

class Base(metaclass=ABCMeta):
    @abstractmethod
    def load(self):
        pass

    @abstractmethod
    def save(self):
        pass

    @property
    @abstractmethod
    def name(self):
        pass

class Partial(Base):
    def load(self):
        return "loaded"

class Complete(Partial):
    def save(self):
        return "saved"

    @property
    def name(self):
        return "complete"

try:
    Base()
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: Can't instantiate abstract class Base with abstract methods load, name, save
try:
    Partial()
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: Can't instantiate abstract class Partial with abstract methods name, save
c = Complete()
print(c.load(), c.save(), c.name, isinstance(c, Base))  # expect: loaded saved complete True

class Plugin(ABC):
    registry = []

    def __init__(self, label):
        self.label = label

    @abstractmethod
    def run(self, value):
        ...

class Doubler(Plugin):
    def run(self, value):
        return value * 2

print(Doubler("x2").run(21), Doubler("d").label)  # expect: 42 d
try:
    Plugin("p")
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: Can't instantiate abstract class Plugin with abstract method run
print(getattr(Plugin.run, "__isabstractmethod__", False), getattr(Doubler.run, "__isabstractmethod__", False))  # expect: True False
