"""Module docstring: not printed."""
# Docstrings are expressions that do nothing; __doc__ exposes them.
def documented():
    """Returns one."""
    return 1

class Documented:
    """A class with a docstring."""
    def method(self):
        """Method docs."""
        pass

print(documented(), documented.__doc__)  # expect: 1 Returns one.
print(Documented.__doc__, Documented().method(), Documented.method.__doc__)  # expect: A class with a docstring. None Method docs.
def no_doc():
    return None
print(no_doc.__doc__)  # expect: None
print(__doc__)  # expect: Module docstring: not printed.
...
print(...)  # expect: Ellipsis
