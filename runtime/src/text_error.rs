//! The error type of the pure text and formatting functions: which CPython
//! exception class to raise and its exact message.

use std::fmt;

/// The CPython exception class a text or formatting error maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// `ValueError`: a well-typed argument with a bad value, e.g. a malformed
    /// format spec, an empty separator, or "substring not found".
    ValueError,
    /// `TypeError`: an argument of the wrong type, e.g. `'%d' % 'x'`.
    TypeError,
    /// `IndexError`: an index out of range (e.g. "tuple index out of range").
    IndexError,
    /// `OverflowError`: a number too large for the requested conversion,
    /// e.g. `'%c' % 0x110000` or a width that does not fit a machine word.
    OverflowError,
    /// `KeyError`: a `%(name)s` key missing from the mapping; the message is
    /// the repr of the key, as CPython's `KeyError` shows it.
    KeyError,
}

impl ErrorClass {
    /// The Python name of the exception class, e.g. `"ValueError"`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorClass::ValueError => "ValueError",
            ErrorClass::TypeError => "TypeError",
            ErrorClass::IndexError => "IndexError",
            ErrorClass::OverflowError => "OverflowError",
            ErrorClass::KeyError => "KeyError",
        }
    }
}

/// An error from a text function: the exception class and CPython's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    /// Which exception class the runtime should raise.
    pub kind: ErrorClass,
    /// The exception message, exactly as CPython words it.
    pub msg: String,
}

impl TextError {
    /// A `ValueError` with the given message.
    pub fn value(msg: impl Into<String>) -> TextError {
        TextError {
            kind: ErrorClass::ValueError,
            msg: msg.into(),
        }
    }

    /// A `TypeError` with the given message.
    pub fn type_error(msg: impl Into<String>) -> TextError {
        TextError {
            kind: ErrorClass::TypeError,
            msg: msg.into(),
        }
    }

    /// An `OverflowError` with the given message.
    pub fn overflow(msg: impl Into<String>) -> TextError {
        TextError {
            kind: ErrorClass::OverflowError,
            msg: msg.into(),
        }
    }

    /// An `IndexError` with the given message.
    pub fn index(msg: impl Into<String>) -> TextError {
        TextError {
            kind: ErrorClass::IndexError,
            msg: msg.into(),
        }
    }

    /// A `KeyError` whose message is the repr of the missing key.
    pub fn key(key_repr: impl Into<String>) -> TextError {
        TextError {
            kind: ErrorClass::KeyError,
            msg: key_repr.into(),
        }
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

impl std::error::Error for TextError {}
