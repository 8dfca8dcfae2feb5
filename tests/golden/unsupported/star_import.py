# tern-only
# Star imports are outside the subset.
from math import *
print(sqrt(4))
# expect-error: NotImplementedError: star imports ('from module import *') is not supported by tern
