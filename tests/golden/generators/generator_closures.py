# Generators that close over variables and generator factories.
def make_counter(step):
    def gen(limit):
        n = 0
        while n < limit:
            yield n
            n += step
    return gen
by_two = make_counter(2)
by_five = make_counter(5)
print(list(by_two(9)), list(by_five(21)))  # expect: [0, 2, 4, 6, 8] [0, 5, 10, 15, 20]
def repeater(value, times):
    for _ in range(times):
        yield value
print(list(repeater("ab", 3)), sum(repeater(7, 4)))  # expect: ['ab', 'ab', 'ab'] 28
gens = [repeater(i, i) for i in range(4)]
print([list(g) for g in gens])  # expect: [[], [1], [2, 2], [3, 3, 3]]
def interleave(*iterables):
    iterators = [iter(it) for it in iterables]
    while iterators:
        for it in list(iterators):
            try:
                yield next(it)
            except StopIteration:
                iterators.remove(it)
print(list(interleave("abc", [1, 2], "XYZW")))  # expect: ['a', 1, 'X', 'b', 2, 'Y', 'c', 'Z', 'W']
