# Set and dict comprehensions.
print({x % 5 for x in range(20)})  # expect: {0, 1, 2, 3, 4}
print({n: n ** 3 for n in range(5)})  # expect: {0: 0, 1: 1, 2: 8, 3: 27, 4: 64}
text = "the rain in spain stays mainly in the plain"
print({w: len(w) for w in text.split() if "ai" in w})  # expect: {'rain': 4, 'spain': 5, 'mainly': 6, 'plain': 5}
print(sorted({w[0] for w in text.split()}))  # expect: ['i', 'm', 'p', 'r', 's', 't']
lengths = {len(w) for w in text.split()}
print(sorted(lengths))  # expect: [2, 3, 4, 5, 6]
index = {w: i for i, w in enumerate(text.split())}
print(index)  # expect: {'the': 7, 'rain': 1, 'in': 6, 'spain': 3, 'stays': 4, 'mainly': 5, 'plain': 8}
swapped = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(swapped)  # expect: {1: 'a', 2: 'b'}
print({(i, j): i * j for i in range(2) for j in range(2)})  # expect: {(0, 0): 0, (0, 1): 0, (1, 0): 0, (1, 1): 1}
