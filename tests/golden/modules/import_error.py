# Importing a module that does not exist is a ModuleNotFoundError.
try:
    import _no_such_module
except ImportError as error:
    print(type(error).__name__, error)  # expect: ModuleNotFoundError No module named '_no_such_module'
try:
    from _mathutil import no_such_name  # expect: loading _mathutil
except ImportError as error:
    print("ImportError caught")  # expect: ImportError caught
import _definitely_missing
# expect-error: ModuleNotFoundError: No module named '_definitely_missing'
