# sys.argv holds the program path (as given) then the arguments.
# args: alpha 42 --flag
import sys
print(sys.argv[1:])  # expect: ['alpha', '42', '--flag']
print(len(sys.argv), sys.argv[0].endswith("sys_argv.py"))  # expect: 4 True
total = 0
for arg in sys.argv[1:]:
    if arg.isdigit():
        total += int(arg)
print(total)  # expect: 42
