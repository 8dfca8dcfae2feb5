# Text processing: normalise, count, rank and format a frequency table.
TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness"""

def words(text):
    cleaned = []
    for raw in text.split():
        word = "".join(ch for ch in raw.lower() if ch.isalpha())
        if word:
            cleaned.append(word)
    return cleaned

counts = {}
for word in words(TEXT):
    counts[word] = counts.get(word, 0) + 1
ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
for rank, (word, n) in enumerate(ranked[:8], 1):
    print(f"{rank:>2}. {word:<12}{n:>3} {'*' * n}")
    # expect:  1. it            8 ********
    # expect:  2. of            8 ********
    # expect:  3. the           8 ********
    # expect:  4. was           8 ********
    # expect:  5. age           2 **
    # expect:  6. epoch         2 **
    # expect:  7. season        2 **
    # expect:  8. times         2 **
print(len(counts), sum(counts.values()))  # expect: 16 48
longest = max(counts, key=lambda w: (len(w), w))
print(longest, len(longest))  # expect: incredulity 11
