# An uncaught user exception with arguments.
class ParseError(Exception):
    def __init__(self, line, message):
        super().__init__(f"line {line}: {message}")
        self.line = line

def parse(lines):
    for number, line in enumerate(lines, 1):
        if "=" not in line:
            raise ParseError(number, f"expected '=' in {line!r}")
        print("ok", line)

parse(["a=1", "b=2", "c 3"])
# expect: ok a=1
# expect: ok b=2
# expect-error: ParseError: line 3: expected '=' in 'c 3'
