# Escape sequences, raw strings, triple quotes, adjacent literal concatenation.
print("tab\there")  # expect: tab	here
print("new\nline")
# expect: new
# expect: line
print("quote\" and \'single\'")  # expect: quote" and 'single'
print('back\\slash')  # expect: back\slash
print("\x41\x42\u00e9\u4e2d")  # expect: ABé中
print("\101\102")  # expect: AB
print(r"raw\n\t", len(r"\n"))  # expect: raw\n\t 2
print("""triple
quoted""")
# expect: triple
# expect: quoted
print('''single "triple"''')  # expect: single "triple"
print("adjacent " "literals " 'joined')  # expect: adjacent literals joined
print(len("\n\t\\"), ord("\n"), ord("\t"))  # expect: 3 10 9
print("a\
b")
# expect: ab
x = ("multi"
     "line")
print(x)  # expect: multiline
