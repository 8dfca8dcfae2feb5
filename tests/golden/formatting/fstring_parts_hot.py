# f-strings built in hot loops: ints (small, negative, wide, big), floats,
# bools, None, strs with non-ASCII characters, empty parts, many parts and
# user __str__/__format__, whose texts go straight into one new str.


class Named:
    def __init__(self, n):
        self.n = n

    def __str__(self):
        return "N<" + str(self.n) + ">"


class Fmt:
    def __format__(self, spec):
        return "fmt[" + spec + "]"


def ints(rounds):
    total = 0
    last = ""
    for i in range(rounds):
        s = f"v{i}"
        t = f"{-i}:{i * 1000003}:{2 ** 50 + i}"
        total += len(s) + len(t)
        last = s + "|" + t
    return total, last


def floats(rounds):
    total = 0
    last = ""
    for i in range(rounds):
        x = i / 7
        s = f"{x}/{i * 0.5}/{1e300 * i}/{-0.0}"
        total += len(s)
        last = s
    return total, last


def mixed(rounds):
    out = []
    for i in range(rounds):
        word = "żółw" if i % 2 else "kot"
        s = f"{word}{i}{''}{word}é{i % 3 == 0}{None}"
        if i % 250 == 0:
            out.append(s)
        if len(s) != len(word) * 2 + len(str(i)) + 1 + len(str(i % 3 == 0)) + 4:
            out.append("bad length " + s)
    return out


def many_parts(rounds):
    acc = 0
    s = ""
    for i in range(rounds):
        s = f"{i}a{i + 1}b{i + 2}c{i + 3}d{i + 4}e{i + 5}f{i + 6}g{i + 7}h{i + 8}"
        acc += len(s)
    return acc, s


def objects(rounds):
    acc = []
    for i in range(rounds):
        s = f"<{Named(i)}|{Fmt():x>3}|{Fmt()}|{i:>4}|{i:x}|{i / 4:.2f}|{i!r}>"
        if i % 300 == 0:
            acc.append(s)
    return acc


print(ints(3000))  # expect: (110663, 'v2999|-2999:2999008997:1125899906845623')
print(floats(3000))  # expect: (126709, '428.42857142857144/1499.5/2.999e+303/-0.0')
print(mixed(1000))  # expect: ['kot0kotéTrueNone', 'kot250kotéFalseNone', 'kot500kotéFalseNone', 'kot750kotéTrueNone']
print(many_parts(3000))  # expect: (122118, '2999a3000b3001c3002d3003e3004f3005g3006h3007')
print(objects(1000))  # expect: ['<N<0>|fmt[x>3]|fmt[]|   0|0|0.00|0>', '<N<300>|fmt[x>3]|fmt[]| 300|12c|75.00|300>', '<N<600>|fmt[x>3]|fmt[]| 600|258|150.00|600>', '<N<900>|fmt[x>3]|fmt[]| 900|384|225.00|900>']
print(f"{''}", f"{'é'}", f"{1}", f"{1.5}", f"{True}", f"{[1, 'a']}", f"{(2,)}")  # expect:  é 1 1.5 True [1, 'a'] (2,)
