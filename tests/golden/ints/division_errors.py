# Integer modulo by zero raises ZeroDivisionError (caught here), then uncaught.
try:
    print(5 // 0)
except ZeroDivisionError as error:
    print("caught:", error)  # expect: caught: integer division or modulo by zero
try:
    print(5 % 0)
except ZeroDivisionError as error:
    print("caught:", error)  # expect: caught: integer modulo by zero
try:
    print(divmod(1, 0))
except ZeroDivisionError as error:
    print("caught:", error)  # expect: caught: integer division or modulo by zero
print(10 / 4, 10 // 4, -10 / 4)  # expect: 2.5 2 -2.5
print(7 / 7, type(7 / 7).__name__)  # expect: 1.0 float
print(2 ** 70 / 2 ** 69)  # expect: 2.0
print(1 // 0)
# expect-error: ZeroDivisionError: integer division or modulo by zero
