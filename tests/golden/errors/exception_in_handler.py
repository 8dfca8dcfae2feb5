# An error raised while handling another: the last line names the new error.
def load(config):
    try:
        return config["path"]
    except KeyError:
        return config.default_path

print(load({"path": "/tmp"}))  # expect: /tmp
print(load({}))
# expect-error: AttributeError: 'dict' object has no attribute 'default_path'
