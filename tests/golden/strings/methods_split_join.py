# split, rsplit, splitlines, join, partition.
print("a,b,,c".split(","), "a b  c ".split(), "  lead".split())  # expect: ['a', 'b', '', 'c'] ['a', 'b', 'c'] ['lead']
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "x".split(","))  # expect: ['a', 'b', 'c,d'] ['a,b', 'c', 'd'] ['x']
print("one\ntwo\r\nthree\n".splitlines(), "one\ntwo\n".splitlines(True))  # expect: ['one', 'two', 'three'] ['one\n', 'two\n']
print("-".join(["a", "b", "c"]), "".join(["x", "y"]), ", ".join([]))  # expect: a-b-c xy 
print(" ".join(str(i) for i in range(5)))  # expect: 0 1 2 3 4
print("key=value=x".partition("="), "novalue".partition("="))  # expect: ('key', '=', 'value=x') ('novalue', '', '')
print("key=value=x".rpartition("="), "novalue".rpartition("="))  # expect: ('key=value', '=', 'x') ('', '', 'novalue')
print("".split(","), "".split())  # expect: [''] []
print("a\tb\nc d".split())  # expect: ['a', 'b', 'c', 'd']
parts = "2024-01-15".split("-")
year, month, day = [int(p) for p in parts]
print(year, month, day)  # expect: 2024 1 15
print("|".join("abc"))  # expect: a|b|c
