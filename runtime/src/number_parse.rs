//! `int(str, base)`, `float(str)` and `str(int)` exactly as CPython 3.11:
//! accepted syntax (signs, prefixes, underscores, Unicode digits and
//! whitespace), error messages, and the 4300-digit conversion limit.

use crate::char_props::{is_decimal, is_space};
use crate::str_repr::str_repr;
use crate::text_error::TextError;
use num_bigint::BigInt;
use num_traits::{Num, Zero};

/// CPython 3.11's default `sys.get_int_max_str_digits()`: decimal strings
/// longer than this are refused both ways.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode
/// whitespace becomes ' ', Unicode decimal digits their ASCII digit, other
/// non-ASCII characters '?', so the parsers below only see ASCII.
fn to_ascii_form(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if is_space(c) {
                ' '
            } else if is_decimal(c) {
                char::from_digit(decimal_value(c), 10).unwrap_or('?')
            } else {
                '?'
            }
        })
        .collect()
}

/// The value of a Unicode decimal digit: decimal digits come in contiguous
/// runs of ten starting at a code point whose predecessor is not decimal.
fn decimal_value(c: char) -> u32 {
    let mut cp = c as u32;
    let mut steps = 0;
    while steps < 9 && char::from_u32(cp - 1).is_some_and(is_decimal) {
        cp -= 1;
        steps += 1;
    }
    steps
}

/// Python's ASCII whitespace (`Py_ISSPACE`).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `repr(s)` cut to 200 characters, as CPython's `%.200R`.
fn repr_200(s: &str) -> String {
    str_repr(s).chars().take(200).collect()
}

/// `int(s, base)`: base 0 (infer from prefix) or 2..=36.
pub fn parse_int(s: &str, base: i64) -> Result<BigInt, TextError> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(TextError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || {
        TextError::value(format!(
            "invalid literal for int() with base {base}: {}",
            repr_200(s)
        ))
    };
    let ascii = to_ascii_form(s);
    let bytes = ascii.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() && is_ascii_space(bytes[pos]) {
        pos += 1;
    }
    let negative = match bytes.get(pos) {
        Some(b'-') => {
            pos += 1;
            true
        }
        Some(b'+') => {
            pos += 1;
            false
        }
        _ => false,
    };
    let mut base = base as u32;
    let prefix_of = |b: u8| match b.to_ascii_lowercase() {
        b'x' => Some(16),
        b'o' => Some(8),
        b'b' => Some(2),
        _ => None,
    };
    let mut after_prefix = false;
    if bytes.get(pos) == Some(&b'0') {
        if let Some(prefix_base) = bytes.get(pos + 1).and_then(|&b| prefix_of(b)) {
            if base == 0 || base == prefix_base {
                base = prefix_base;
                pos += 2;
                after_prefix = true;
            }
        }
    }
    let leading_zero_rule = base == 0;
    if base == 0 {
        base = 10;
    }
    // Digits with single underscores between them (one may follow a prefix).
    let mut digits = String::with_capacity(bytes.len() - pos);
    let mut prev_underscore = after_prefix;
    let mut allow_underscore = after_prefix;
    while pos < bytes.len() {
        let b = bytes[pos];
        if b == b'_' {
            if !allow_underscore {
                return Err(invalid());
            }
            allow_underscore = false;
            prev_underscore = true;
        } else if (b as char).is_digit(base) {
            digits.push(b as char);
            allow_underscore = true;
            prev_underscore = false;
        } else {
            break;
        }
        pos += 1;
    }
    if digits.is_empty() || (prev_underscore && !digits.is_empty()) {
        return Err(invalid());
    }
    while pos < bytes.len() && is_ascii_space(bytes[pos]) {
        pos += 1;
    }
    if pos != bytes.len() {
        return Err(invalid());
    }
    if leading_zero_rule && digits.starts_with('0') && digits.bytes().any(|b| b != b'0') {
        return Err(invalid());
    }
    if !base.is_power_of_two() && digits.len() > INT_MAX_STR_DIGITS {
        return Err(TextError::value(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        )));
    }
    let magnitude = BigInt::from_str_radix(&digits, base).map_err(|_| invalid())?;
    Ok(if negative { -magnitude } else { magnitude })
}

/// Remove underscores that sit between digits; `None` if any underscore is
/// misplaced (CPython's `_Py_string_to_number_with_underscores`).
fn remove_underscores(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut prev = '\0';
    for c in s.chars() {
        if c == '_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == '_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    (prev != '_').then_some(out)
}

/// Whether `s` is a decimal float literal (sign, digits with an optional
/// point, optional exponent) or inf/infinity/nan, as `PyOS_string_to_double`.
fn is_float_syntax(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let lower = body.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity" | "nan") {
        return true;
    }
    let (mantissa, exponent) = match lower.split_once('e') {
        Some((m, e)) => (m, Some(e)),
        None => (lower.as_str(), None),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int_part)
        || !all_digits(frac_part)
        || (int_part.is_empty() && frac_part.is_empty())
    {
        return false;
    }
    match exponent {
        None => true,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            !digits.is_empty() && all_digits(digits)
        }
    }
}

/// `float(s)` for a str.
pub fn parse_float(s: &str) -> Result<f64, TextError> {
    let invalid = || {
        TextError::value(format!(
            "could not convert string to float: {}",
            str_repr(s)
        ))
    };
    let ascii = to_ascii_form(s);
    let trimmed = ascii.trim_matches(|c: char| c.is_ascii() && is_ascii_space(c as u8));
    let cleaned = if trimmed.contains('_') {
        remove_underscores(trimmed).ok_or_else(invalid)?
    } else {
        trimmed.to_string()
    };
    if !is_float_syntax(&cleaned) {
        return Err(invalid());
    }
    cleaned.parse::<f64>().map_err(|_| invalid())
}

/// `str(v)` for an int, refusing more than 4300 decimal digits like CPython.
pub fn int_to_decimal(v: &BigInt) -> Result<String, TextError> {
    // Cheap bound first: bits * log10(2) digits, +1.
    let bits = v.bits();
    if bits > 14_000 {
        let too_long = || {
            TextError::value(format!(
                "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; \
                 use sys.set_int_max_str_digits() to increase the limit"
            ))
        };
        // 14_300 bits is certainly over 4300 digits; in between, count.
        if bits > 14_300 {
            return Err(too_long());
        }
        let text = v.to_string();
        let digits = text.len() - (text.starts_with('-') as usize);
        if digits > INT_MAX_STR_DIGITS {
            return Err(too_long());
        }
        return Ok(text);
    }
    Ok(if v.is_zero() {
        "0".to_string()
    } else {
        v.to_string()
    })
}

#[cfg(test)]
#[path = "number_parse_tests.rs"]
mod tests;
