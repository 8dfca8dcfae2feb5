"""A helper package: its __init__ runs once on first import."""
print("init _shapes")
DEFAULT_SIDES = 4
