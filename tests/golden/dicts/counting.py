# Counting words and grouping: a typical dict workload.
text = """the quick brown fox jumps over the lazy dog the fox barks
and the dog sleeps while the quick fox runs"""
counts = {}
for word in text.split():
    counts[word] = counts.get(word, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
for word, n in top:
    print(f"{word:6} {n}")
    # expect: the    5
    # expect: fox    3
    # expect: dog    2
    # expect: quick  2
    # expect: and    1
by_length = {}
for word in counts:
    by_length.setdefault(len(word), []).append(word)
for length in sorted(by_length):
    print(length, sorted(by_length[length]))
    # expect: 3 ['and', 'dog', 'fox', 'the']
    # expect: 4 ['lazy', 'over', 'runs']
    # expect: 5 ['barks', 'brown', 'jumps', 'quick', 'while']
    # expect: 6 ['sleeps']
print(len(counts), sum(counts.values()))  # expect: 13 21
