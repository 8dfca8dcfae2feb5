# Assignment to several targets at once, and evaluation order of sides.
a = b = c = []
a.append(1)
print(a, b, c, a is c)  # expect: [1] [1] [1] True
x = y = 5
x += 1
print(x, y)  # expect: 6 5
order = []
def left(v):
    order.append("left " + v)
    return v
def right():
    order.append("right")
    return [10, 20]
data = {}
data[left("k")] = right()
print(data, order)  # expect: {'k': [10, 20]} ['right', 'left k']
i = 0
values = [0, 0, 0]
i, values[i] = 2, 99
print(i, values)  # expect: 2 [0, 0, 99]
first = second = "shared"
print(first is second)  # expect: True
