# hasattr, getattr, setattr, and type(x).__name__.
class Config:
    debug = False
    def __init__(self):
        self.level = 3

c = Config()
print(hasattr(c, "level"), hasattr(c, "debug"), hasattr(c, "missing"))  # expect: True True False
print(getattr(c, "level"), getattr(c, "missing", "fallback"))  # expect: 3 fallback
setattr(c, "level", 7)
setattr(c, "new_attr", [1])
print(c.level, c.new_attr)  # expect: 7 [1]
for name in ["debug", "level", "nope"]:
    print(name, getattr(c, name, None))
    # expect: debug False
    # expect: level 7
    # expect: nope None
try:
    getattr(c, "nope")
except AttributeError as error:
    print("AttributeError:", error)  # expect: AttributeError: 'Config' object has no attribute 'nope'
for value in [1, 1.5, "s", [], (), {}, set(), None, True, c, Config, len]:
    print(type(value).__name__)
    # expect: int
    # expect: float
    # expect: str
    # expect: list
    # expect: tuple
    # expect: dict
    # expect: set
    # expect: NoneType
    # expect: bool
    # expect: Config
    # expect: type
    # expect: builtin_function_or_method
