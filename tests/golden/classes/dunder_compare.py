# __eq__, __lt__ and friends, __hash__; sorting user objects.
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
    def __eq__(self, other):
        return isinstance(other, Version) and self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __le__(self, other):
        return self.parts <= other.parts
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return "v" + ".".join(str(p) for p in self.parts)

vs = [Version("1.10.0"), Version("1.2"), Version("1.2.1"), Version("0.9")]
print(sorted(vs))  # expect: [v0.9, v1.2, v1.2.1, v1.10.0]
print(max(vs), min(vs))  # expect: v1.10.0 v0.9
print(Version("1.2") == Version("1.2"), Version("1.2") != Version("1.3"), Version("1.0") == "1.0")  # expect: True True False
print(Version("1.2") < Version("1.3"), Version("2.0") > Version("1.9"), Version("1.0") >= Version("1.0"))  # expect: True True True
print(len({Version("1.0"), Version("1.0"), Version("2.0")}))  # expect: 2
print(Version("3.1") in [Version("3.1")])  # expect: True
class NoEq:
    pass
a = NoEq()
print(a == a, a == NoEq(), a != NoEq())  # expect: True False True
