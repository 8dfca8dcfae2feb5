# Type conversion builtins: int, float, str, bool, list, tuple, dict, set.
print(int("42"), int(3.9), int("-0x1a", 16), int(" 7 "), int(True))  # expect: 42 3 -26 7 1
print(float("2.5"), float(3), float("-inf"), float(" 1e-3 "))  # expect: 2.5 3.0 -inf 0.001
print(str(42), str(2.50), str([1, "a"]), str(None), str(True), str("s"))  # expect: 42 2.5 [1, 'a'] None True s
print(bool(0), bool(3), bool(""), bool("0"), bool([]), bool([[]]), bool(None), bool(0.0))  # expect: False True False True False True False False
print(list("abc"), list((1, 2)), list(range(3)), list({"k": 1}), list())  # expect: ['a', 'b', 'c'] [1, 2] [0, 1, 2] ['k'] []
print(tuple([1, 2]), tuple("xy"), tuple())  # expect: (1, 2) ('x', 'y') ()
print(dict([(1, 2), (3, 4)]), dict(a=1), dict({"z": 0}, y=9))  # expect: {1: 2, 3: 4} {'a': 1} {'z': 0, 'y': 9}
print(sorted(set([3, 1, 3])), set(), sorted(set("hello")))  # expect: [1, 3] set() ['e', 'h', 'l', 'o']
print(int(), float(), str(), bool(), list(), tuple(), dict())  # expect: 0 0.0  False [] () {}
print(type(int("5")).__name__, type(float(5)).__name__, type(str(5)).__name__)  # expect: int float str
try:
    int("4.5")
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: invalid literal for int() with base 10: '4.5'
try:
    float("x1")
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: could not convert string to float: 'x1'
