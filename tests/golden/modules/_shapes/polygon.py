"""Polygons for the package-import programs."""
from . import DEFAULT_SIDES

class Polygon:
    def __init__(self, sides=DEFAULT_SIDES):
        self.sides = sides
    def describe(self):
        return f"polygon with {self.sides} sides"

def triangle():
    return Polygon(3)
