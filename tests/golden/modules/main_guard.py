# if __name__ == "__main__": runs for the program, not for imported modules.
import _mathutil  # expect: loading _mathutil

def main():
    print("main runs", __name__)
    print(_mathutil.__name__)

if __name__ == "__main__":
    main()
    # expect: main runs __main__
    # expect: _mathutil
else:
    print("imported")
