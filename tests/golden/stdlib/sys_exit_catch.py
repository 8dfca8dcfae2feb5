# SystemExit can be caught; its code is available; sys.exit() defaults to None.
import sys
try:
    sys.exit(5)
except SystemExit as exit_request:
    print("caught exit", exit_request.code)  # expect: caught exit 5
try:
    sys.exit()
except SystemExit as exit_request:
    print("caught exit", exit_request.code)  # expect: caught exit None
try:
    sys.exit("message")
except SystemExit as exit_request:
    print("caught exit", exit_request.code)  # expect: caught exit message
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))  # expect: False True
sys.exit(0)
print("not printed")
