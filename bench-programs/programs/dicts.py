# Dicts: word counting, grouping into dicts of lists, int and str keys,
# membership, get(), items() iteration, deletion and sets.
# Stresses: dict lookup/insert/update with str and int keys, hashing.


def make_words(n):
    syll = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi"]
    words = []
    seed = 12345
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        w = syll[seed % 8] + syll[(seed >> 3) % 8]
        if seed % 5 == 0:
            w = w + syll[(seed >> 6) % 8]
        words.append(w)
    return words


def count_words(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def group_by_length(words):
    groups = {}
    for w in words:
        n = len(w)
        if n not in groups:
            groups[n] = []
        groups[n].append(w)
    return groups


def int_keys(n):
    squares = {}
    for i in range(n):
        squares[i * 7919 % 100003] = i
    total = 0
    for k in range(0, 100003, 3):
        if k in squares:
            total += squares[k]
    for k in list(squares.keys()):
        if k % 2 == 0:
            del squares[k]
    return total + len(squares)


def invert(counts):
    inv = {}
    for word, c in counts.items():
        inv.setdefault(c, []).append(word)
    best = 0
    for c in inv:
        if len(inv[c]) > best:
            best = len(inv[c])
    return len(inv) * 1000 + best


def main():
    words = make_words(450000)
    counts = count_words(words)
    groups = group_by_length(words)
    checksum = 0
    for w in sorted(counts):
        checksum = (checksum * 31 + counts[w]) % 1000000007
    sizes = sorted([(k, len(v)) for k, v in groups.items()])
    seen = set()
    for w in words:
        seen.add(w[:3])
    comp = {w: len(w) for w in counts if w.startswith("k")}
    print("dicts", len(counts), checksum, sizes, int_keys(150000), invert(counts), len(seen), len(comp))


main()
