# Classic loops: fizzbuzz, range with steps, nested counting.
out = []
for i in range(1, 21):
    if i % 15 == 0:
        out.append("FizzBuzz")
    elif i % 3 == 0:
        out.append("Fizz")
    elif i % 5 == 0:
        out.append("Buzz")
    else:
        out.append(str(i))
print(" ".join(out))  # expect: 1 2 Fizz 4 Buzz Fizz 7 8 Fizz Buzz 11 Fizz 13 14 FizzBuzz 16 17 Fizz 19 Buzz
print(list(range(10, 0, -3)), list(range(-5, 5, 2)), list(range(3, 3)), list(range(5, 0)))  # expect: [10, 7, 4, 1] [-5, -3, -1, 1, 3] [] []
count = 0
for a in range(10):
    for b in range(a, 10):
        for c in range(b, 10):
            if a + b + c == 10:
                count += 1
print(count)  # expect: 13
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)  # expect: 111
