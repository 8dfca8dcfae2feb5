# Case methods and predicates.
s = "Hello, World"
print(s.upper(), s.lower(), s.swapcase())  # expect: HELLO, WORLD hello, world hELLO, wORLD
print("hello world foo".title(), "hELLO".capitalize())  # expect: Hello World Foo Hello
print("abc".isalpha(), "abc1".isalpha(), "123".isdigit(), "12a".isdigit())  # expect: True False True False
print("abc1".isalnum(), "a b".isalnum(), "   ".isspace(), "".isspace())  # expect: True False True False
print("ABC".isupper(), "AbC".isupper(), "abc".islower(), "Title Case".istitle())  # expect: True False True True
print("123".isnumeric(), "12.5".isdecimal(), "x_1".isidentifier(), "1x".isidentifier())  # expect: True False True False
print("Straße".upper())  # expect: STRASSE
print("abc".upper().lower() == "abc")  # expect: True
print("MiXeD 123 !".swapcase())  # expect: mIxEd 123 !
