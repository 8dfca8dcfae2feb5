# Two names for one instance: a new attribute added through one must not leave a
# stale layout guard on the other (found while documenting the JIT).
class C:
    def __init__(self): self.x = 0
out = []
def run():
    for i in range(100):
        a = C(); pair = [C(), a]; b = pair[i // 60]
        b.x; a.y = 1; b.z = 2
        out.append((b.z, a.y, b.x))
run(); print(out[-1], out[0])
# expect: (2, 1, 0) (2, 1, 0)
