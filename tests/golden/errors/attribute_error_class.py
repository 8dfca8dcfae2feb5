# A missing class attribute names the type object.
class Settings:
    verbose = True

print(Settings.verbose)  # expect: True
print(Settings.quiet)
# expect-error: AttributeError: type object 'Settings' has no attribute 'quiet'
