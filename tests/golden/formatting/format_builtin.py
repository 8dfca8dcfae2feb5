# The format() builtin and __format__-free objects falling back to str.
print(format(42), format(42, "5"), format(42, "<5") + "|", format(42, "x"))  # expect: 42    42 42   | 2a
print(format(3.14159, ".2f"), format(0.5, "%"), format(1e6, ",.0f"))  # expect: 3.14 50.000000% 1,000,000
print(format("txt", "^7") + "|", format(True), format(None))  # expect:   txt  | True None
class Thing:
    def __str__(self):
        return "thing"
print(format(Thing()), f"{Thing()}", "{}".format(Thing()))  # expect: thing thing thing
print(format(-7, "+05"), format(7, " "), format(255, "#06x"))
# expect: -0007  7 0x00ff
