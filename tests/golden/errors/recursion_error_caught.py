# RecursionError can be caught, and the program continues normally.
def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as error:
    print("caught:", error)  # expect: caught: maximum recursion depth exceeded
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(20))  # expect: 2432902008176640000
