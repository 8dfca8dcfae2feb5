# More methods: format_map-free helpers, translate-free replacement chains, casefold.
s = "Mississippi"
print(s.lower().count("ss"), s.replace("ss", "SS").replace("i", "!"))  # expect: 2 M!SS!SS!pp!
print(s.casefold())  # expect: mississippi
print(s.startswith("Miss") and s.endswith("pi"))  # expect: True
print("{}-{}".format(s[:4], s[4:]))  # expect: Miss-issippi
print(s.index("s"), s.rindex("s"), s.rfind("x"))  # expect: 2 6 -1
print(s.split("s"), s.split("ss"))  # expect: ['Mi', '', 'i', '', 'ippi'] ['Mi', 'i', 'ippi']
print(s.strip("Mi"), s.center(15, "~"))  # expect: ssissipp ~~Mississippi~~
print(" ".join(w.capitalize() for w in "a tale of two cities".split()))  # expect: A Tale Of Two Cities
print("%d items" % len(s))  # expect: 11 items
print(str.upper("abc"), str.join(",", ["1", "2"]))  # expect: ABC 1,2
print("x".join("") == "", "abc".replace("", "-"))  # expect: True -a-b-c-
