# random with a seed produces exactly CPython's sequence.
import random
random.seed(42)
print(random.random(), random.random())  # expect: 0.6394267984578837 0.025010755222666936
print(random.randint(1, 100), random.randint(1, 100), random.randint(-5, 5))  # expect: 36 32 -2
print(random.randrange(10), random.randrange(0, 100, 5))  # expect: 2 15
print(random.choice(["a", "b", "c", "d"]))  # expect: a
items = list(range(10))
random.shuffle(items)
print(items)  # expect: [3, 5, 2, 4, 1, 8, 7, 0, 6, 9]
print(random.uniform(1.0, 2.0))  # expect: 1.561245062938613
print(random.sample(range(100), 5))  # expect: [91, 83, 89, 69, 53]
random.seed(42)
print(random.random())  # expect: 0.6394267984578837
random.seed(12345)
print([random.randint(0, 9) for _ in range(15)])  # expect: [6, 0, 4, 5, 3, 4, 9, 6, 2, 5, 1, 6, 4, 8, 2]
print(random.getrandbits(16))  # expect: 40092
