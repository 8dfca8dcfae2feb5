# JSON-like parsing: a hand-written recursive-descent parser for a JSON
# subset, run over generated documents, then a serializer and a round trip.
# Stresses: character-by-character string scanning, indexing and slicing,
# small-object allocation (dicts/lists), recursion, str building.


class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def skip_ws(self):
        text = self.text
        n = len(text)
        while self.pos < n and text[self.pos] in " \n\t":
            self.pos += 1

    def parse(self):
        self.skip_ws()
        ch = self.text[self.pos]
        if ch == "{":
            return self.parse_object()
        if ch == "[":
            return self.parse_array()
        if ch == '"':
            return self.parse_string()
        if ch == "t":
            self.pos += 4
            return True
        if ch == "f":
            self.pos += 5
            return False
        if ch == "n":
            self.pos += 4
            return None
        return self.parse_number()

    def parse_object(self):
        self.pos += 1
        result = {}
        self.skip_ws()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip_ws()
            key = self.parse_string()
            self.skip_ws()
            self.pos += 1  # ':'
            result[key] = self.parse()
            self.skip_ws()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "}":
                return result

    def parse_array(self):
        self.pos += 1
        result = []
        self.skip_ws()
        if self.text[self.pos] == "]":
            self.pos += 1
            return result
        while True:
            result.append(self.parse())
            self.skip_ws()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]":
                return result

    def parse_string(self):
        self.pos += 1
        end = self.text.find('"', self.pos)
        s = self.text[self.pos : end]
        self.pos = end + 1
        return s

    def parse_number(self):
        start = self.pos
        text = self.text
        while self.pos < len(text) and text[self.pos] in "-0123456789.":
            self.pos += 1
        token = text[start : self.pos]
        if "." in token:
            return float(token)
        return int(token)


def dump(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, str):
        return '"' + v + '"'
    if isinstance(v, list):
        return "[" + ", ".join([dump(x) for x in v]) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(['"' + k + '": ' + dump(v[k]) for k in v]) + "}"
    return str(v)


def make_doc(i):
    items = []
    for j in range(8):
        items.append(
            {
                "id": i * 100 + j,
                "name": "item" + str(j),
                "price": (i * 7 + j * 3) % 100 + 0.5,
                "tags": ["a" + str(j % 3), "b" + str(i % 5)],
                "active": (i + j) % 2 == 0,
                "parent": None,
            }
        )
    return {"doc": i, "items": items, "meta": {"count": len(items), "title": "doc number " + str(i)}}


def main():
    checksum = 0
    total_price = 0.0
    for i in range(1700):
        text = dump(make_doc(i))
        doc = Parser(text).parse()
        again = dump(doc)
        if again != text:
            print("round trip failed", i)
        for item in doc["items"]:
            total_price += item["price"]
            checksum = (checksum * 31 + item["id"] + len(item["tags"][1])) % 1000000007
        checksum = (checksum + len(text) + doc["meta"]["count"]) % 1000000007
    print(f"json_parse {checksum} {total_price:.2f}")


main()
