# send() passes values into a running generator; return sets StopIteration.value.
def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return count
        total += value
        count += 1
        average = total / count

avg = averager()
print(next(avg))  # expect: None
print(avg.send(10))  # expect: 10.0
print(avg.send(20))  # expect: 15.0
print(avg.send(60))  # expect: 30.0
try:
    avg.send(None)
except StopIteration as stop:
    print("returned", stop.value)  # expect: returned 3
def echo():
    received = yield "ready"
    while True:
        received = yield received.upper()
e = echo()
print(next(e), e.send("hello"), e.send("world"))  # expect: ready HELLO WORLD
