# print with sep and end; printing nothing; many argument types.
print("a", "b", "c")  # expect: a b c
print("a", "b", "c", sep="")  # expect: abc
print("a", "b", sep=", ", end=".\n")  # expect: a, b.
print("no newline", end="")  # expect: no newline continued
print(" continued")
print()  # expect: 
print(1, 2.0, None, True, [1], (2,), {3: 4}, sep=" | ")  # expect: 1 | 2.0 | None | True | [1] | (2,) | {3: 4}
print("x", end="")  # expect: xy
print("y", end="")
print()
for i in range(3):
    print(i, end=" " if i < 2 else "\n")  # expect: 0 1 2
print(*"spread", sep="-")  # expect: s-p-r-e-a-d
print("", "", sep="|")  # expect: |
print(sep="ignored")  # expect: 
print("end", end="!\n")  # expect: end!
