# bool is an int subclass; str() of many values; truthiness via __bool__/__len__.
print(True + True, True * 10, False - 1, True / 2, int(True))  # expect: 2 10 -1 0.5 1
print(bool(1), bool(-1), bool(0.0), bool("False"), bool(range(0)), bool(range(1)))  # expect: True True False True False True
print(str(True), repr(False), str(1 == 1), str(1 > 2))  # expect: True False True False
print(isinstance(True, bool), isinstance(1, bool), type(True).__name__)  # expect: True False bool
print(sum([True, True, False]), max(True, 2), [True] * 2)  # expect: 2 2 [True, True]
print(True is True, (1 == 1) is True, not True)  # expect: True True False
print(str(10), str(-0.5), str((1, "a")), str({"a": 1}), str([None]))  # expect: 10 -0.5 (1, 'a') {'a': 1} [None]
print(repr("a\nb"), str("a\tb") == "a\tb")  # expect: 'a\nb' True
flags = [x > 2 for x in range(5)]
print(flags, flags.count(True), any(flags), all(flags))  # expect: [False, False, False, True, True] 2 True False
