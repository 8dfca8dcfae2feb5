# random.Random instances keep their own state; seeds of every kind match CPython.
import random
a = random.Random(2024)
b = random.Random(2024)
print([a.randint(1, 6) for _ in range(8)])  # expect: [4, 2, 6, 5, 3, 2, 6, 4]
print([b.randint(1, 6) for _ in range(8)])  # expect: [4, 2, 6, 5, 3, 2, 6, 4]
print(a.random() == b.random(), a.getrandbits(70) == b.getrandbits(70))  # expect: True True
random.seed("tern")
print(random.random(), random.choice("abcdef"))  # expect: 0.057236504400163146 a
random.seed(2.5)
print(random.randrange(1000), random.uniform(10, 20))  # expect: 428 13.362889955971209
random.seed(2 ** 80 + 1)
print(random.sample(range(50), 4), random.choices("xyz", weights=[5, 1, 1], k=5))  # expect: [17, 38, 23, 35] ['x', 'z', 'x', 'x', 'x']
random.seed(3)
print(round(random.gauss(0, 1), 12), round(random.normalvariate(10, 2), 12))  # expect: 0.094708038287 8.873482403246
class Dice(random.Random):
    def roll(self):
        return self.randint(1, 6)
d = Dice(7)
print([d.roll() for _ in range(10)], isinstance(d, random.Random))  # expect: [3, 2, 4, 6, 1, 1, 5, 1, 3, 5] True
r = random.Random(1)
cards = list("AKQJT98765432")
r.shuffle(cards)
print("".join(cards))  # expect: 62A39J874TK5Q
try:
    random.choice([])
except IndexError as error:
    print("IndexError:", error)  # expect: IndexError: Cannot choose from an empty sequence
try:
    random.randint(5, 1)
except ValueError as error:
    print("ValueError:", error)  # expect: ValueError: empty range for randrange() (5, 2, -3)
try:
    random.sample({1, 2, 3}, 2)
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: Population must be a sequence.  For dicts or sets, use sorted(d).
