# Random dict, str index and slice operations in one hot loop: keys of many
# types (ints, strs, floats, bools, tuples, big ints, None, user keys whose
# hash and __eq__ match int keys) meet the typed fast paths, which must bail
# to the interpreter where only __eq__ can decide; misses and bad indices
# raise as in CPython.
class K:
    def __init__(self, n): self.n = n
    def __hash__(self): return hash(self.n)
    def __eq__(self, o): return (isinstance(o, K) and o.n == self.n) or o == self.n
    def __repr__(self): return "K(%r)" % self.n
seed = 12345
def rnd(m):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % m
keys = [0, 1, 2, 3, -1, -2, "a", "b", "é", "ab", 1.0, 2.5, True, False, (1, 2), K(3), K(5), K(2), 2**50, None]
def run(n):
    d = {}
    out = []
    s = "héllo wörld"
    t = "plain text"
    for i in range(n):
        k = keys[rnd(len(keys))]
        op = rnd(9)
        try:
            if op == 0:
                d[k] = i
            elif op == 1:
                out.append(d[k])
            elif op == 2:
                out.append(d.get(k, -1))
            elif op == 3:
                out.append(k in d)
            elif op == 4:
                out.append(d.setdefault(k, i))
            elif op == 5:
                if k in d:
                    del d[k]
            elif op == 6:
                j = rnd(30) - 15
                src = s if rnd(2) else t
                out.append(src[j])
            elif op == 7:
                a, b = rnd(20) - 10, rnd(20) - 10
                src = s if rnd(2) else t
                out.append(src[a:b] + src[:a] + src[b:])
            else:
                src = s if rnd(2) else t
                out.append(ord(src[rnd(len(src))]) + len(src))
        except (KeyError, IndexError, TypeError) as e:
            out.append(type(e).__name__)
    return d, out
d, out = run(5000)
print(len(d), sorted(map(repr, d.items()))[:4])  # expect: 8 ["('a', 4901)", "('é', 4991)", '((1, 2), 4894)', '(-2, 4928)']
print(out[:12])  # expect: [0, False, 'plain texext', 'l', 0, 0, False, 'IndexError', 120, 11, 'i', 'KeyError']
print(len(out), sum(len(repr(x)) for x in out), [out.count(e) for e in ("KeyError", "IndexError", "TypeError")])  # expect: 3864 22552 [173, 194, 0]
