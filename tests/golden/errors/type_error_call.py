# Calling a non-callable raises TypeError.
handlers = {"a": print, "b": 42}
handlers["a"]("calling a")  # expect: calling a
handlers["b"]("calling b")
# expect-error: TypeError: 'int' object is not callable
