# Exceptions used for control flow inside loops and functions.
def parse_all(items):
    good = []
    bad = 0
    for item in items:
        try:
            good.append(int(item))
        except ValueError:
            bad += 1
            continue
        finally:
            pass
    return good, bad
print(parse_all(["1", "two", "3", "4.5", "-6"]))  # expect: ([1, 3, -6], 2)
def first_negative(values):
    class Found(Exception):
        pass
    try:
        for row in values:
            for v in row:
                if v < 0:
                    raise Found(v)
    except Found as found:
        return found.args[0]
    return None
print(first_negative([[1, 2], [3, -4, -5]]), first_negative([[1]]))  # expect: -4 None
class RetryLater(Exception):
    pass

attempts = 0
while True:
    try:
        attempts += 1
        if attempts < 3:
            raise RetryLater("retry")
        print("succeeded after", attempts)
        break
    except RetryLater as error:
        print("attempt", attempts, "failed:", error)
        # expect: attempt 1 failed: retry
        # expect: attempt 2 failed: retry
        # expect: succeeded after 3
