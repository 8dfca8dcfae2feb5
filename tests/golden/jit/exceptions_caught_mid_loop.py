# IndexError, KeyError, ZeroDivisionError, AttributeError and TypeError raised at chosen iterations and caught in the loop.
class Box:
    def __init__(self, v):
        self.v = v

items = list(range(100))
table = {i: i * i for i in range(0, 300, 2)}
boxes = [Box(i) for i in range(10)]
caught = {}
total = 0
for i in range(500):
    try:
        total += items[i % 130]          # IndexError when i % 130 >= 100
        total += table[i % 300]          # KeyError for odd keys
        total += 1000 // (i % 97)        # ZeroDivisionError at multiples of 97
        b = boxes[i % 10] if i % 41 else None
        total += b.v                     # AttributeError on None
        total = total + ("x" if i % 173 == 172 else 0)  # TypeError
    except (IndexError, KeyError) as e:
        name = type(e).__name__
        caught[name] = caught.get(name, 0) + 1
    except ZeroDivisionError:
        caught["zero"] = caught.get("zero", 0) + 1
    except AttributeError as e:
        caught["attr"] = caught.get("attr", 0) + 1
        last_attr = str(e)
    except TypeError as e:
        caught["type"] = caught.get("type", 0) + 1
        last_type = str(e)
    if i % 100 == 0:
        print(i, total, sorted(caught.items()))
        # expect: 0 0 [('zero', 1)]
        # expect: 100 170056 [('IndexError', 1), ('KeyError', 50), ('attr', 1), ('zero', 1)]
        # expect: 200 1169762 [('IndexError', 30), ('KeyError', 85), ('attr', 2), ('type', 1), ('zero', 2)]
        # expect: 300 3383503 [('IndexError', 60), ('KeyError', 120), ('attr', 2), ('type', 1), ('zero', 2)]
        # expect: 400 3478427 [('IndexError', 90), ('KeyError', 155), ('attr', 3), ('type', 1), ('zero', 2)]
print(total, sorted(caught.items()))  # expect: 4439299 [('IndexError', 100), ('KeyError', 200), ('attr', 4), ('type', 1), ('zero', 2)]
print(last_attr)  # expect: 'NoneType' object has no attribute 'v'
print(last_type)  # expect: unsupported operand type(s) for +: 'int' and 'str'

# try/except/else/finally all run in a hot loop; finally sees every iteration.
fin = 0
els = 0
exc = 0
for i in range(400):
    try:
        if i % 9 == 0:
            raise ValueError(i)
    except ValueError as e:
        exc += e.args[0]
    else:
        els += 1
    finally:
        fin += 1
print(fin, els, exc)  # expect: 400 355 8910

# continue and break through finally.
log = []
for i in range(300):
    try:
        if i % 2:
            continue
        if i == 250:
            break
    finally:
        if i % 50 == 0 or i == 250:
            log.append(i)
print(log)  # expect: [0, 50, 100, 150, 200, 250]
