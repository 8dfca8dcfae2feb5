# Globals rebound again and again (mutable globals): reads of them in hot
# loops and in functions those loops call must see every new binding, of
# any type, while the module's other globals stay folded.
LIMIT = 3
planner = None
counter = 0


class Planner:
    def __init__(self, mark):
        self.mark = mark

    def step(self, k):
        return self.mark + k * LIMIT


def use_planner(k):
    return planner.step(k)


def bump():
    global counter
    counter += 1


def run_round(r):
    global planner
    planner = Planner(r * 10)
    total = 0
    for k in range(60):
        total += use_planner(k)
        bump()
    return total


for r in range(6):
    print(r, run_round(r), counter)
    # expect: 0 5310 60
    # expect: 1 5910 120
    # expect: 2 6510 180
    # expect: 3 7110 240
    # expect: 4 7710 300
    # expect: 5 8310 360


# The mutable global changes type mid-loop: int, float, str, instance, None.
value = 0


def read_value():
    return value


def set_value(i):
    global value
    if i == 50:
        value = 2.5
    elif i == 100:
        value = "text"
    elif i == 150:
        value = Planner(7)
    elif i == 200:
        value = None
    elif i < 50:
        value = i


seen = []
for i in range(250):
    set_value(i)
    v = read_value()
    if i % 25 == 0 or i in (49, 50, 99, 100, 149, 150, 199, 200):
        seen.append(type(v).__name__)
print(seen)  # expect: ['int', 'int', 'int', 'float', 'float', 'float', 'str', 'str', 'str', 'Planner', 'Planner', 'Planner', 'NoneType', 'NoneType']


# A global first created inside the hot loop by a called function, then
# rebound every iteration; and a builtin shadowed by a new global mid-loop.
def make_late(i):
    global late
    late = i * 2


acc = 0
for i in range(120):
    make_late(i)
    acc += late
    if i == 60:
        def len(x):
            return -1
    acc += len("abc")
print(acc, late)  # expect: 14400 238
del len
print(len("abc"))  # expect: 3


# A mutable global deleted and bound again, read in a loop; then a read of
# it once deleted raises NameError with a traceback through the function.
vanished_value = 1
total = 0
for i in range(100):
    vanished_value = i
    total += vanished_value
print(total)  # expect: 4950
del vanished_value
vanished_value = "back"
for i in range(50):
    vanished_value = vanished_value[:4]
print(vanished_value)  # expect: back


def read_gone():
    return vanished_value + 1


del vanished_value
for i in range(80):
    if i == 70:
        read_gone()
# expect-error: NameError: name 'vanished_value' is not defined
