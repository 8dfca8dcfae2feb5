# A tokenizer and recursive-descent evaluator for arithmetic expressions.
def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            start = i
            while i < len(text) and text[i].isdigit():
                i += 1
            tokens.append(("num", int(text[start:i])))
        elif ch in "+-*/()":
            tokens.append(("op", ch))
            i += 1
        else:
            raise SyntaxError(f"bad character {ch!r} at {i}")
    return tokens

class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0
    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ("end", None)
    def take(self):
        token = self.peek()
        self.pos += 1
        return token
    def expr(self):
        value = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            value = value + self.term() if op == "+" else value - self.term()
        return value
    def term(self):
        value = self.factor()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            value = value * self.factor() if op == "*" else value // self.factor()
        return value
    def factor(self):
        kind, value = self.take()
        if kind == "num":
            return value
        if value == "-":
            return -self.factor()
        if value == "(":
            inner = self.expr()
            self.take()
            return inner
        raise SyntaxError(f"unexpected {value!r}")

for source in ["1 + 2 * 3", "(1 + 2) * 3", "-4 + 10 / 3", "2 * (3 + (4 - 1)) * 5", "2 ** 3"]:
    try:
        print(source, "=", Parser(tokenize(source)).expr())
        # expect: 1 + 2 * 3 = 7
        # expect: (1 + 2) * 3 = 9
        # expect: -4 + 10 / 3 = -1
        # expect: 2 * (3 + (4 - 1)) * 5 = 60
    except SyntaxError as error:
        print(source, "->", error)  # expect: 2 ** 3 -> unexpected '*'
print(tokenize("12+(3)"))  # expect: [('num', 12), ('op', '+'), ('op', '('), ('num', 3), ('op', ')')]
