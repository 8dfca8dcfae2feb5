# Strings: building, splitting, joining, replacing, searching and slicing text.
# Stresses: str allocation and concatenation, str methods, slicing, ord/chr,
# str(int), membership tests.

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]


def make_line(i):
    parts = []
    for k in range(8):
        parts.append(WORDS[(i * 7 + k * 3) % len(WORDS)])
    parts.append(str(i))
    return " ".join(parts)


def caesar(s, shift):
    out = []
    for ch in s:
        o = ord(ch)
        if 97 <= o <= 122:
            out.append(chr((o - 97 + shift) % 26 + 97))
        else:
            out.append(ch)
    return "".join(out)


def string_hash(s):
    h = 0
    for ch in s:
        h = (h * 31 + ord(ch)) % 1000000007
    return h


def process(n):
    checksum = 0
    text = ""
    for i in range(n):
        line = make_line(i)
        fields = line.split(" ")
        rev = " ".join(fields[::-1])
        upper = rev.upper()
        replaced = upper.replace("ALPHA", "a").replace("ETA", "e-t-a")
        pos = replaced.find("THETA")
        head = replaced[: pos if pos >= 0 else 5]
        tail = replaced[-7:]
        mid = line[3:20:2]
        shifted = caesar(mid, i % 26)
        checksum = (checksum + len(replaced) * 3 + pos + string_hash(head + tail + shifted)) % 1000000007
        if "kappa" in line and line.startswith("zeta"):
            checksum = (checksum + 11) % 1000000007
        text += line[:4]
        if len(text) > 4000:
            checksum = (checksum + string_hash(text[-100:]) + text.count("alp")) % 1000000007
            text = ""
    return checksum


def parse_numbers(n):
    csv = ",".join([str(i * i % 9973) for i in range(n)])
    total = 0
    for tok in csv.split(","):
        total += int(tok)
    stripped = [w.strip() for w in ("  x%d  ".replace("%d", str(i)) for i in range(200))]
    return total + len("".join(stripped)) + csv.find("9972")


def main():
    a = process(48000)
    b = parse_numbers(200000)
    print("strings", a, b)


main()
