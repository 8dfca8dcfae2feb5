//! Ints as text: `int(str, base)` parsing and `str()`/`bin()`/`oct()`/`hex()`
//! formatting, with CPython 3.11's rules (underscores, base prefixes, the
//! 4300-digit limit for non-power-of-two bases) and messages.

use num_bigint::BigInt;
use num_traits::Num;

use crate::int_ops::{bit_length, Int};
use crate::num_error::{py_str_repr, NumError, NumResult};

/// CPython 3.11's default `sys.get_int_max_str_digits()`.
pub const MAX_STR_DIGITS: usize = 4300;

/// Python's `str.isspace()` for one character (Rust's whitespace plus the
/// ASCII information separators \x1c..\x1f, which Python also strips).
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// The first code point (digit zero) of each run of ten Unicode decimal
/// digits (category Nd) known to CPython 3.11's unicodedata.
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The value of a Unicode decimal digit (`'٣'` is 3), as `unicodedata.decimal`.
pub fn unicode_decimal(c: char) -> Option<u32> {
    let u = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&zero| zero <= u);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (u - zero < 10).then_some(u - zero)
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode spaces
/// become ' ' and Unicode decimal digits their ASCII digit, so `int()` and
/// `float()` accept them; ASCII text is returned borrowed.
pub fn to_ascii_number_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if py_isspace(c) {
                ' '
            } else if let Some(d) = unicode_decimal(c) {
                char::from_digit(d, 10).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// The error for text that is not an int literal in `base`; the repr of the
/// original text is cut at 200 characters like CPython's `%.200R`.
fn invalid_literal(original: &str, base: u32) -> NumError {
    let repr: String = py_str_repr(original).chars().take(200).collect();
    NumError::value(format!(
        "invalid literal for int() with base {base}: {repr}"
    ))
}

/// The digit-limit error of `int(str)`.
fn too_many_digits_to_parse(digits: usize) -> NumError {
    NumError::value(format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: \
         value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// The value of `s` when it is only ASCII digits (at most 18, so it fits
/// an i64), perhaps after a `-`: the common case of `int(text)`, which
/// needs none of the general path's work (whitespace, signs, underscores,
/// Unicode digits). None for anything else.
fn short_decimal(s: &str) -> Option<i64> {
    let (negative, digits) = match s.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        bytes => (false, bytes),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut n: i64 = 0;
    for &b in digits {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + (b - b'0') as i64;
    }
    Some(if negative { -n } else { n })
}

/// `int(s, base)` exactly as CPython 3.11: surrounding whitespace, one sign,
/// `0x`/`0o`/`0b` prefixes (required for base 0, optional for 16/8/2),
/// single underscores between digits or after a prefix, no leading zeros in
/// base 0 unless the value is zero, and the 4300-digit limit for bases that
/// are not powers of two. Unicode decimal digits count as digits.
pub fn parse_int(s: &str, base: u32) -> NumResult<Int> {
    if base == 10 {
        if let Some(i) = short_decimal(s) {
            return Ok(Int::Small(i));
        }
    }
    if base != 0 && !(2..=36).contains(&base) {
        return Err(NumError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let shown_base = base;
    let bad = || invalid_literal(s, shown_base);
    let ascii = to_ascii_number_text(s);
    let text = ascii.trim_matches(py_isspace);
    let (negative, text) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let bytes = text.as_bytes();
    let prefix_of = |c: u8| match c.to_ascii_lowercase() {
        b'x' => Some(16),
        b'o' => Some(8),
        b'b' => Some(2),
        _ => None,
    };
    let mut base = base;
    let mut rest = bytes;
    let mut leading_zero_rule = false;
    if base == 0 {
        if bytes.first() == Some(&b'0') {
            match bytes.get(1).and_then(|c| prefix_of(*c)) {
                Some(b) => base = b,
                None => {
                    // An old C-style octal literal is invalid unless it is zero.
                    base = 10;
                    leading_zero_rule = true;
                }
            }
        } else {
            base = 10;
        }
    }
    if bytes.len() >= 2 && bytes[0] == b'0' && prefix_of(bytes[1]) == Some(base) {
        rest = &bytes[2..];
        // One underscore may follow the prefix.
        if rest.first() == Some(&b'_') {
            rest = &rest[1..];
        }
    }
    let mut digits = String::with_capacity(rest.len());
    let mut previous_underscore = true; // no underscore may come first
    for &c in rest {
        if c == b'_' {
            if previous_underscore {
                return Err(bad());
            }
            previous_underscore = true;
            continue;
        }
        match (c as char).to_digit(base) {
            Some(_) => digits.push(c as char),
            None => return Err(bad()),
        }
        previous_underscore = false;
    }
    if digits.is_empty() || previous_underscore {
        return Err(bad());
    }
    if !base.is_power_of_two() && digits.len() > MAX_STR_DIGITS {
        return Err(too_many_digits_to_parse(digits.len()));
    }
    if leading_zero_rule && digits.bytes().any(|d| d != b'0') {
        return Err(bad());
    }
    // Twelve base-36 digits still fit an i64.
    let magnitude = if digits.len() <= 12 {
        Int::Small(i64::from_str_radix(&digits, base).map_err(|_| bad())?)
    } else {
        Int::from_bigint(BigInt::from_str_radix(&digits, base).map_err(|_| bad())?)
    };
    Ok(if negative {
        crate::int_ops::neg(&magnitude)
    } else {
        magnitude
    })
}

/// Sign and digits of `a` in `radix` (2..=36), lowercase, without a prefix
/// and without any digit limit: `format(a, 'x')` and friends.
pub fn to_radix_digits(a: &Int, radix: u32) -> String {
    match a {
        Int::Small(i) => BigInt::from(*i).to_str_radix(radix),
        Int::Big(b) => b.to_str_radix(radix),
    }
}

/// `bin(a)`, `oct(a)` or `hex(a)` (radix 2, 8 or 16): sign, prefix, digits,
/// e.g. `-0x1f`. Any other radix gives the bare digits.
pub fn to_prefixed_string(a: &Int, radix: u32) -> String {
    let prefix = match radix {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let digits = to_radix_digits(&crate::int_ops::abs(a), radix);
    let sign = if a.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{digits}")
}

/// `str(a)`: decimal text, or CPython 3.11's ValueError when the value has
/// more than 4300 digits.
pub fn to_decimal_string(a: &Int) -> NumResult<String> {
    match a {
        Int::Small(i) => Ok(i.to_string()),
        Int::Big(b) => {
            // 4300 digits are at least 14284 bits; skip the conversion when clearly over.
            if bit_length(a) > 14_300 {
                return Err(too_many_digits_to_print());
            }
            let text = b.to_string();
            let digits = text.len() - usize::from(text.starts_with('-'));
            if digits > MAX_STR_DIGITS {
                return Err(too_many_digits_to_print());
            }
            Ok(text)
        }
    }
}

/// The digit-limit error of `str(int)`.
fn too_many_digits_to_print() -> NumError {
    NumError::value(format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

#[cfg(test)]
mod short_decimal_tests {
    use super::*;

    fn small(s: &str) -> Option<i64> {
        match parse_int(s, 10) {
            Ok(Int::Small(i)) => Some(i),
            _ => None,
        }
    }

    #[test]
    fn plain_digits_take_the_short_path_with_cpythons_results() {
        assert_eq!(short_decimal("9972"), Some(9972));
        assert_eq!(short_decimal("-45"), Some(-45));
        assert_eq!(short_decimal("007"), Some(7));
        assert_eq!(
            short_decimal("999999999999999999"),
            Some(999_999_999_999_999_999)
        );
        // Everything else goes the general way, with the same answers.
        for s in [
            "",
            "-",
            "+5",
            " 12 ",
            "1_000",
            "12a",
            "٣",
            "1234567890123456789",
        ] {
            assert_eq!(short_decimal(s), None, "{s:?}");
        }
        assert_eq!(small("+5"), Some(5));
        assert_eq!(small(" 12 "), Some(12));
        assert_eq!(small("1_000"), Some(1000));
        assert_eq!(small("٣"), Some(3));
        assert_eq!(
            small("1234567890123456789"),
            Some(1_234_567_890_123_456_789)
        );
        assert!(parse_int("", 10).is_err());
        assert!(parse_int("-", 10).is_err());
        assert!(parse_int("12a", 10).is_err());
    }
}
