# Float computation in loops: Newton's method, series for pi and e.
def sqrt(x):
    guess = x / 2.0
    for _ in range(30):
        guess = (guess + x / guess) / 2.0
    return guess

for n in (2.0, 9.0, 1e10, 0.25):
    print(n, sqrt(n))
    # expect: 2.0 1.414213562373095
    # expect: 9.0 3.0
    # expect: 10000000000.0 100000.0
    # expect: 0.25 0.5

def leibniz(terms):
    total = 0.0
    sign = 1.0
    for k in range(terms):
        total += sign / (2 * k + 1)
        sign = -sign
    return 4 * total

print(leibniz(1000))  # expect: 3.140592653839794

e = 0.0
fact = 1.0
for k in range(20):
    if k > 0:
        fact *= k
    e += 1.0 / fact
print(e)  # expect: 2.7182818284590455
print(round(e, 5), round(leibniz(10000), 3))  # expect: 2.71828 3.141
