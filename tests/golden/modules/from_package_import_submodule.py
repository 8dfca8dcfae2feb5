# from package import submodule, and a submodule's __name__.
from _shapes import polygon  # expect: init _shapes
from _shapes import DEFAULT_SIDES as sides
print(polygon.__name__, sides)  # expect: _shapes.polygon 4
print(polygon.Polygon(5).describe())  # expect: polygon with 5 sides
import _shapes._solid.cube as cube_module
print(cube_module.__name__, cube_module.volume(4), cube_module.FACES)  # expect: _shapes._solid.cube 64 6
