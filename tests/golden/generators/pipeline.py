# Generator pipelines: each stage pulls lazily from the previous one.
def read_lines():
    for line in ["# comment", "alpha 3", "", "beta 5", "gamma x", "delta 10"]:
        print("read", repr(line))
        yield line

def non_blank(lines):
    for line in lines:
        if line and not line.startswith("#"):
            yield line

def parse(lines):
    for line in lines:
        name, value = line.split()
        if value.isdigit():
            yield name, int(value)

total = 0
for name, value in parse(non_blank(read_lines())):
    print("got", name, value)
    total += value
print("total", total)
def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]
print(list(chunks(list(range(10)), 4)))
# expect: read '# comment'
# expect: read 'alpha 3'
# expect: got alpha 3
# expect: read ''
# expect: read 'beta 5'
# expect: got beta 5
# expect: read 'gamma x'
# expect: read 'delta 10'
# expect: got delta 10
# expect: total 18
# expect: [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
