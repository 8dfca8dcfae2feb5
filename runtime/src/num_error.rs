//! The error type of the pure numeric layer (int_ops, float_ops, math_funcs, random):
//! which Python exception to raise and its CPython 3.11 message.

use std::fmt;

/// Which Python exception a numeric failure maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumErrorKind {
    /// `ValueError`.
    ValueError,
    /// `ZeroDivisionError`.
    ZeroDivisionError,
    /// `OverflowError`.
    OverflowError,
    /// `TypeError`.
    TypeError,
    /// `IndexError` (only `random.choice` on an empty sequence).
    IndexError,
}

/// A numeric failure: the exception kind plus CPython's exact message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumError {
    /// The exception class to raise.
    pub kind: NumErrorKind,
    /// The exception message, exactly as CPython 3.11 words it.
    pub msg: String,
}

impl NumError {
    /// A `ValueError` with the given message.
    pub fn value(msg: impl Into<String>) -> NumError {
        NumError {
            kind: NumErrorKind::ValueError,
            msg: msg.into(),
        }
    }

    /// A `ZeroDivisionError` with the given message.
    pub fn zero_division(msg: impl Into<String>) -> NumError {
        NumError {
            kind: NumErrorKind::ZeroDivisionError,
            msg: msg.into(),
        }
    }

    /// An `OverflowError` with the given message.
    pub fn overflow(msg: impl Into<String>) -> NumError {
        NumError {
            kind: NumErrorKind::OverflowError,
            msg: msg.into(),
        }
    }

    /// A `TypeError` with the given message.
    pub fn type_error(msg: impl Into<String>) -> NumError {
        NumError {
            kind: NumErrorKind::TypeError,
            msg: msg.into(),
        }
    }

    /// An `IndexError` with the given message.
    pub fn index(msg: impl Into<String>) -> NumError {
        NumError {
            kind: NumErrorKind::IndexError,
            msg: msg.into(),
        }
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

impl std::error::Error for NumError {}

/// Shorthand for results of the numeric layer.
pub type NumResult<T> = Result<T, NumError>;

/// Python's `repr()` of a str, as used in messages like
/// `invalid literal for int() with base 10: 'abc'`.
///
/// Quote choice and escapes follow CPython: single quotes unless the text
/// contains `'` and no `"`; `\\`, `\n`, `\r`, `\t` and the quote are escaped;
/// other non-printable characters become `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// An approximation of `str.isprintable()` for one character: control
/// characters, separators other than the ASCII space, and unassigned
/// surrogate-like code points are not printable.
fn is_printable(c: char) -> bool {
    let u = c as u32;
    if u < 0x20 || (0x7f..0xa1).contains(&u) || u == 0xad {
        return false;
    }
    // Unicode separators (Zl, Zp, Zs other than ' ') and format characters are escaped by repr.
    !matches!(
        u,
        0x1680 | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064 | 0x3000 | 0xfeff | 0xfff9..=0xfffb
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_python() {
        assert_eq!(py_str_repr("abc"), "'abc'");
        assert_eq!(py_str_repr("it's"), "\"it's\"");
        assert_eq!(py_str_repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(py_str_repr("\t1\n"), "'\\t1\\n'");
        assert_eq!(py_str_repr("\x00\u{7f}é"), "'\\x00\\x7fé'");
        assert_eq!(py_str_repr("\u{2003}"), "'\\u2003'");
        assert_eq!(py_str_repr("back\\slash"), "'back\\\\slash'");
    }
}
