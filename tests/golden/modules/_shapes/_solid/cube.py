"""A module two packages deep."""
MODULE_NAME = __name__
FACES = 6

def volume(side):
    return side ** 3
