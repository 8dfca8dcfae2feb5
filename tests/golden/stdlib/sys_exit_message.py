# sys.exit with a string prints it to stderr and exits with code 1.
import sys
def main():
    print("working")
    sys.exit("fatal: could not continue")
if __name__ == "__main__":
    main()  # expect: working
# expect-error: fatal: could not continue
