# Keyword-only parameters after * and errors for misuse.
def connect(host, *, port=80, secure=False):
    return f"{host}:{port} secure={secure}"

print(connect("a"))  # expect: a:80 secure=False
print(connect("b", port=443, secure=True))  # expect: b:443 secure=True
try:
    connect("c", 8080)
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: connect() takes 1 positional argument but 2 were given
def required_kw(*, key):
    return key * 2
print(required_kw(key=21))  # expect: 42
try:
    required_kw()
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: required_kw() missing 1 required keyword-only argument: 'key'
try:
    connect("d", colour="red")
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: connect() got an unexpected keyword argument 'colour'
try:
    connect()
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: connect() missing 1 required positional argument: 'host'
try:
    connect("e", port=1, port2=2)
except TypeError as error:
    print("TypeError:", error)  # expect: TypeError: connect() got an unexpected keyword argument 'port2'
