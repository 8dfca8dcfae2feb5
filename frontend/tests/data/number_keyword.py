if 1if True else 2: pass
x = 1or 2
