# Packages: import a.b, from a.b import c, relative imports inside the package.
import _shapes.polygon  # expect: init _shapes
from _shapes.polygon import triangle, Polygon
from _shapes._solid.cube import volume, FACES
from _shapes._solid import cube
print(_shapes.polygon.Polygon().describe())  # expect: polygon with 4 sides
print(triangle().describe(), Polygon(8).sides)  # expect: polygon with 3 sides 8
print(volume(3), FACES, cube.volume(2))  # expect: 27 6 8
print(_shapes.DEFAULT_SIDES, cube.MODULE_NAME)  # expect: 4 _shapes._solid.cube
import _shapes
print(_shapes.polygon is _shapes.polygon)  # expect: True
