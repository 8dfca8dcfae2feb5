"""Print the CPython answers for format(value, spec) as Rust table rows for
runtime/src/format_spec_tests.rs. Run once with CPython 3.11."""

def rust_str(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'

def answer(v, spec):
    try:
        return format(v, spec)
    except Exception as e:
        return "!" + type(e).__name__ + ": " + str(e)

floats = [0.0, -0.0, 1.0, 0.5, 1.5, 2.5, 2.675, 0.125, 1e16, 1.5e-7, 123456.789,
          -1234.5678, 1e300, 5e-324, float('inf'), float('-inf'), float('nan'), 0.1,
          9.995, 99999.5, 12345678.9, -0.00001]
fspecs = ['', 'f', '.2f', '.0f', 'e', '.3e', 'g', '.3g', '.10g', '#g', '#.3g', '.3',
          '.0', '10.2f', '<10.2f', '^12.3e', '+.2f', ' .1f', '010.2f', '012,.2f', ',.2f',
          '_.3f', ',', '%', '.1%', 'E', 'F', 'G', 'n', '#.0f', '#.0e', 'z.2f', '*>15,.3f',
          '=+12.1f', '.20f', '.17g', '#', '+', '015', 'd', ',n', 'z']
ints = [0, 1, -1, 42, -255, 1234567, -9876543210, 2**70, 65]
ispecs = ['', 'd', 'b', 'o', 'x', 'X', '#x', '#o', '#b', '#X', ',', '_', '_x', '_b',
          '08d', '+d', ' d', '<6', '^7', '=+8', '0=8', '#010x', '010,', 'c', 'e',
          '.2f', '%', 'g', 'n', '*^9,', '.2', 'z', 's', '-#_o', '012_X', '+c', '#c', '05c']
strs = ['abc', '', 'h\u00e9llo']
sspecs = ['', 's', '5', '<5', '>5', '^6', '*^7', '.2', '8.2', '05', '=5', '+', ' ', ',',
          'd', '#', 'z', '.0', 'x^2', '\u00e9>4']

print("pub(super) static FLOAT_CASES: &[(f64, &str, &str)] = &[")
for v in floats:
    lit = repr(v)
    if lit == 'inf': lit = 'f64::INFINITY'
    elif lit == '-inf': lit = 'f64::NEG_INFINITY'
    elif lit == 'nan': lit = 'f64::NAN'
    elif 'e' not in lit and '.' not in lit: lit += '.0'
    for s in fspecs:
        print(f"    ({lit}, {rust_str(s)}, {rust_str(answer(v, s))}),")
print("];")
print("pub(super) static INT_CASES: &[(&str, &str, &str)] = &[")
for v in ints:
    for s in ispecs:
        print(f"    ({rust_str(str(v))}, {rust_str(s)}, {rust_str(answer(v, s))}),")
print("];")
print("pub(super) static STR_CASES: &[(&str, &str, &str)] = &[")
for v in strs:
    for s in sspecs:
        print(f"    ({rust_str(v)}, {rust_str(s)}, {rust_str(answer(v, s))}),")
print("];")
