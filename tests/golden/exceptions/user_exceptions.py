# User-defined exception classes with hierarchies, args and extra attributes.
class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, name):
        super().__init__(f"{name} not found")
        self.name = name

class Invalid(AppError):
    pass

def lookup(name):
    if name == "":
        raise Invalid("empty name", 42)
    if name != "root":
        raise NotFound(name)
    return "found root"

for name in ["root", "bob", ""]:
    try:
        print(lookup(name))  # expect: found root
    except NotFound as error:
        print("NotFound:", error, error.name, error.args)  # expect: NotFound: bob not found bob ('bob not found',)
    except AppError as error:
        print(type(error).__name__, error, error.args)  # expect: Invalid ('empty name', 42) ('empty name', 42)
e = AppError()
print(repr(e), str(e), e.args)  # expect: AppError()  ()
print(repr(Invalid("x")), repr(Invalid("x", 1)), str(Invalid("x", 1)))  # expect: Invalid('x') Invalid('x', 1) ('x', 1)
print(isinstance(NotFound("a"), AppError), isinstance(NotFound("a"), Exception))  # expect: True True
