# Wrong argument counts give CPython's messages, in each of its declaration styles.
try:
    "a".find()
except TypeError as e:
    print(e)  # expect: find() takes at least 1 argument (0 given)
try:
    "a".find(1,2,3,4)
except TypeError as e:
    print(e)  # expect: find() takes at most 3 arguments (4 given)
try:
    [].pop(1,2)
except TypeError as e:
    print(e)  # expect: pop expected at most 1 argument, got 2
try:
    [].index()
except TypeError as e:
    print(e)  # expect: index expected at least 1 argument, got 0
try:
    "a".center()
except TypeError as e:
    print(e)  # expect: center expected at least 1 argument, got 0
try:
    "a".center(1,2,3)
except TypeError as e:
    print(e)  # expect: center expected at most 2 arguments, got 3
try:
    "a".strip(1,2)
except TypeError as e:
    print(e)  # expect: strip expected at most 1 argument, got 2
try:
    {}.pop()
except TypeError as e:
    print(e)  # expect: pop expected at least 1 argument, got 0
try:
    [].insert(1)
except TypeError as e:
    print(e)  # expect: insert expected 2 arguments, got 1
try:
    "a".split(1,2,3)
except TypeError as e:
    print(e)  # expect: split() takes at most 2 arguments (3 given)
try:
    "a".replace(1)
except TypeError as e:
    print(e)  # expect: replace expected at least 2 arguments, got 1
try:
    "a".zfill()
except TypeError as e:
    print(e)  # expect: str.zfill() takes exactly one argument (0 given)
try:
    [].count()
except TypeError as e:
    print(e)  # expect: list.count() takes exactly one argument (0 given)
try:
    "a".join()
except TypeError as e:
    print(e)  # expect: str.join() takes exactly one argument (0 given)
try:
    "a".partition()
except TypeError as e:
    print(e)  # expect: str.partition() takes exactly one argument (0 given)
try:
    ().index()
except TypeError as e:
    print(e)  # expect: index expected at least 1 argument, got 0
try:
    range(3).index()
except TypeError as e:
    print(e)  # expect: range.index() takes exactly one argument (0 given)
try:
    {}.setdefault()
except TypeError as e:
    print(e)  # expect: setdefault expected at least 1 argument, got 0
try:
    "a".startswith()
except TypeError as e:
    print(e)  # expect: startswith() takes at least 1 argument (0 given)
try:
    "a".expandtabs(1,2)
except TypeError as e:
    print(e)  # expect: expandtabs() takes at most 1 argument (2 given)
try:
    [].append()
except TypeError as e:
    print(e)  # expect: list.append() takes exactly one argument (0 given)
try:
    [].append(1,2)
except TypeError as e:
    print(e)  # expect: list.append() takes exactly one argument (2 given)
try:
    "a".removeprefix()
except TypeError as e:
    print(e)  # expect: str.removeprefix() takes exactly one argument (0 given)
try:
    "a".splitlines(1,2)
except TypeError as e:
    print(e)  # expect: splitlines() takes at most 1 argument (2 given)
try:
    "a".upper(1)
except TypeError as e:
    print(e)  # expect: str.upper() takes no arguments (1 given)
try:
    [].sort(1)
except TypeError as e:
    print(e)  # expect: sort() takes no positional arguments
try:
    {}.get(1,2,3)
except TypeError as e:
    print(e)  # expect: get expected at most 2 arguments, got 3
try:
    (1).bit_length(2)
except TypeError as e:
    print(e)  # expect: int.bit_length() takes no arguments (1 given)
try:
    [].append(x=1)
except TypeError as e:
    print(e)  # expect: list.append() takes no keyword arguments
try:
    "a".find(x=1)
except TypeError as e:
    print(e)  # expect: str.find() takes no keyword arguments
