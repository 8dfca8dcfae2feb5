# Quicksort, mergesort and insertion sort agree with sorted().
def quicksort(items):
    if len(items) <= 1:
        return items
    pivot = items[len(items) // 2]
    less = [x for x in items if x < pivot]
    equal = [x for x in items if x == pivot]
    greater = [x for x in items if x > pivot]
    return quicksort(less) + equal + quicksort(greater)

def mergesort(items):
    if len(items) <= 1:
        return items
    mid = len(items) // 2
    left = mergesort(items[:mid])
    right = mergesort(items[mid:])
    merged = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged

def insertion_sort(items):
    items = list(items)
    for i in range(1, len(items)):
        key = items[i]
        j = i - 1
        while j >= 0 and items[j] > key:
            items[j + 1] = items[j]
            j -= 1
        items[j + 1] = key
    return items

seed = 7
data = []
for _ in range(300):
    seed = (seed * 1103515245 + 12345) % 2147483648
    data.append(seed % 1000 - 500)
expected = sorted(data)
print(quicksort(data) == expected, mergesort(data) == expected, insertion_sort(data) == expected)  # expect: True True True
print(expected[:10], expected[-5:])  # expect: [-497, -492, -491, -490, -472, -468, -468, -465, -464, -462] [464, 476, 479, 482, 491]
print(mergesort([3, 1, 2]), quicksort([]), insertion_sort([2.5, -1, 0]))  # expect: [1, 2, 3] [] [-1, 0, 2.5]
