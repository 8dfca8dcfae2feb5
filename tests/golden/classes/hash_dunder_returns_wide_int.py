# __hash__ returning a str's hash (a full 64-bit int): hash() keeps it as
# is, so instances and strs with equal hashes meet in sets and dicts.


class Key:
    def __init__(self, text):
        self.text = text

    def __hash__(self):
        return hash(self.text)

    def __eq__(self, other):
        return other == self.text


print(hash(Key("abc")) == hash("abc"))  # expect: True
print(Key("abc") in {"abc"}, "abc" in {Key("abc")})  # expect: True True
d = {"abc": 1}
d[Key("abc")] = 2
print(d)  # expect: {'abc': 2}


class Minus:
    def __hash__(self):
        return -1


class Huge:
    def __hash__(self):
        return 2**70


print(hash(Minus()), hash(Huge()) == hash(2**70))  # expect: -2 True
