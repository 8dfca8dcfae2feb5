# int() of a malformed string raises ValueError.
for text in ["12", "-3", "4.5"]:
    print(int(text) * 2)
    # expect: 24
    # expect: -6
# expect-error: ValueError: invalid literal for int() with base 10: '4.5'
