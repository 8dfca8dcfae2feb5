//! printf-style `str % args` formatting exactly as CPython 3.11's
//! `PyUnicode_Format`, over the runtime's values through [`PercentArgs`].

use crate::float_repr::{double_to_string, FloatFlags, FloatStyle};
use crate::text_error::TextError;
use num_bigint::{BigInt, Sign};
use num_traits::{FromPrimitive, ToPrimitive};

/// Which argument a conversion refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentArg {
    /// Item `i` of the right operand, which is a tuple.
    Item(usize),
    /// The right operand itself (it is not a tuple), or, after a
    /// `%(key)...` conversion, the value last looked up with
    /// [`PercentArgs::select_key`].
    Whole,
}

/// An argument as the numeric and `%c` conversions see it.
#[derive(Debug, Clone, PartialEq)]
pub enum PercentValue {
    /// An int (bools too, and objects with `__index__`).
    Int(BigInt),
    /// A float (and objects with `__float__` but no `__index__`).
    Float(f64),
    /// A str (only its text matters, for `%c`).
    Str(String),
    /// Anything else; carries the Python type name for error messages.
    Other(String),
}

/// The right operand of `%`, implemented by the runtime over its values.
pub trait PercentArgs {
    /// `Some(n)` when the right operand is a tuple of `n` items, else `None`.
    fn tuple_len(&self) -> Option<usize>;
    /// Whether the right operand is a mapping (and not a tuple or str), which
    /// enables `%(key)s`.
    fn is_mapping(&self) -> bool;
    /// Look `key` up in the mapping; afterwards [`PercentArg::Whole`] refers
    /// to the value found. A missing key is a `KeyError` with the key's repr.
    fn select_key(&mut self, key: &str) -> Result<(), TextError>;
    /// `str(arg)`.
    fn str_of(&mut self, arg: PercentArg) -> Result<String, TextError>;
    /// `repr(arg)`.
    fn repr_of(&mut self, arg: PercentArg) -> Result<String, TextError>;
    /// `ascii(arg)` (the default escapes the non-ASCII characters of the repr).
    fn ascii_of(&mut self, arg: PercentArg) -> Result<String, TextError> {
        Ok(crate::str_repr::ascii_escape(&self.repr_of(arg)?))
    }
    /// The argument classified for numeric and `%c` conversions.
    fn value_of(&mut self, arg: PercentArg) -> Result<PercentValue, TextError>;
}

/// Parsed flags, width and precision of one conversion.
#[derive(Debug, Default)]
struct Conversion {
    left: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
    width: Option<usize>,
    precision: Option<usize>,
}

/// The state of CPython's argument cursor (`arglen`/`argidx`).
struct ArgCursor {
    arglen: i64,
    argidx: i64,
    mapping: bool,
}

impl ArgCursor {
    /// The next argument, or "not enough arguments for format string".
    fn next(&mut self) -> Result<PercentArg, TextError> {
        if self.argidx < self.arglen {
            let idx = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                Ok(PercentArg::Whole)
            } else {
                Ok(PercentArg::Item(idx as usize))
            }
        } else {
            Err(TextError::type_error(
                "not enough arguments for format string",
            ))
        }
    }
}

/// `fmt % args`.
pub fn percent_format(fmt: &str, args: &mut dyn PercentArgs) -> Result<String, TextError> {
    let mut cursor = match args.tuple_len() {
        Some(n) => ArgCursor {
            arglen: n as i64,
            argidx: 0,
            mapping: false,
        },
        None => ArgCursor {
            arglen: -1,
            argidx: -2,
            mapping: args.is_mapping(),
        },
    };
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut rest = fmt;
    while let Some(percent) = rest.find('%') {
        out.push_str(&rest[..percent]);
        let mut spec = Cursor {
            fmt,
            pos: fmt.len() - rest.len() + percent + 1,
        };
        if spec.peek() == Some('%') {
            out.push('%');
            spec.pos += 1;
        } else {
            format_one(&mut spec, &mut cursor, args, &mut out)?;
            if cursor.mapping && cursor.argidx < cursor.arglen {
                return Err(not_all_converted());
            }
        }
        rest = &fmt[spec.pos..];
    }
    out.push_str(rest);
    if cursor.argidx < cursor.arglen && !cursor.mapping {
        return Err(not_all_converted());
    }
    Ok(out)
}

/// "not all arguments converted during string formatting".
fn not_all_converted() -> TextError {
    TextError::type_error("not all arguments converted during string formatting")
}

/// "incomplete format".
fn incomplete() -> TextError {
    TextError::value("incomplete format")
}

/// The value of a `*` width or precision argument.
fn star_value(args: &mut dyn PercentArgs, arg: PercentArg, ctype: &str) -> Result<i64, TextError> {
    match args.value_of(arg)? {
        PercentValue::Int(v) => v
            .to_i64()
            .filter(|&v| ctype == "ssize_t" || i32::try_from(v).is_ok())
            .ok_or_else(|| {
                TextError::overflow(format!("Python int too large to convert to C {ctype}"))
            }),
        _ => Err(TextError::type_error("* wants int")),
    }
}

/// A read position in the format string (a byte offset on a char boundary).
struct Cursor<'a> {
    fmt: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    /// The character at the position, if any.
    fn peek(&self) -> Option<char> {
        self.fmt[self.pos..].chars().next()
    }

    /// Move past the character at the position.
    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.pos += c.len_utf8();
        }
    }

    /// The character index of the position (for error messages).
    fn char_index(&self) -> usize {
        self.fmt[..self.pos].chars().count()
    }
}

/// Parse and render one conversion starting just after its `%`, leaving the
/// cursor after it.
fn format_one(
    spec: &mut Cursor,
    cursor: &mut ArgCursor,
    args: &mut dyn PercentArgs,
    out: &mut String,
) -> Result<(), TextError> {
    if spec.peek() == Some('(') {
        if !cursor.mapping {
            return Err(TextError::type_error("format requires a mapping"));
        }
        spec.bump();
        let key_start = spec.pos;
        let mut depth = 1;
        let mut key_end = spec.pos;
        while depth > 0 {
            let Some(c) = spec.peek() else {
                return Err(TextError::value("incomplete format key"));
            };
            match c {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
            key_end = spec.pos;
            spec.bump();
        }
        args.select_key(&spec.fmt[key_start..key_end])?;
        cursor.arglen = -1;
        cursor.argidx = -2;
    }
    let mut conv = Conversion::default();
    while let Some(c) = spec.peek() {
        match c {
            '-' => conv.left = true,
            '+' => conv.sign = true,
            ' ' => conv.blank = true,
            '#' => conv.alt = true,
            '0' => conv.zero = true,
            _ => break,
        }
        spec.bump();
    }
    if spec.peek() == Some('*') {
        let arg = cursor.next()?;
        let w = star_value(args, arg, "ssize_t")?;
        if w < 0 {
            conv.left = true;
        }
        conv.width = Some(w.unsigned_abs() as usize);
        spec.bump();
    } else {
        conv.width = parse_digits(spec, isize::MAX as usize, "width too big")?;
    }
    if conv
        .width
        .is_some_and(|w| w > crate::format_spec::MAX_FORMAT_WIDTH)
    {
        // CPython would attempt the allocation and raise MemoryError.
        return Err(TextError::value("width too big"));
    }
    if spec.peek() == Some('.') {
        spec.bump();
        if spec.peek() == Some('*') {
            let arg = cursor.next()?;
            conv.precision = Some(star_value(args, arg, "int")?.max(0) as usize);
            spec.bump();
        } else {
            conv.precision =
                Some(parse_digits(spec, i32::MAX as usize, "precision too big")?.unwrap_or(0));
        }
    }
    if matches!(spec.peek(), Some('h' | 'l' | 'L')) {
        spec.bump();
    }
    let Some(ch) = spec.peek() else {
        return Err(incomplete());
    };
    let ch_index = spec.char_index();
    spec.bump();
    let arg = cursor.next()?;
    let (text, numeric) = match ch {
        's' => (args.str_of(arg)?, false),
        'r' => (args.repr_of(arg)?, false),
        'a' => (args.ascii_of(arg)?, false),
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => (format_long(args.value_of(arg)?, ch, &conv)?, true),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => (format_float(args.value_of(arg)?, ch, &conv)?, true),
        'c' => (format_char(args.value_of(arg)?)?.to_string(), false),
        _ => {
            let shown = if (' '..='~').contains(&ch) || ch == '\x1f' {
                ch
            } else {
                '?'
            };
            return Err(TextError::value(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {ch_index}",
                ch as u32
            )));
        }
    };
    write_padded(out, &text, ch, numeric, &conv);
    Ok(())
}

/// Parse decimal digits at the cursor; `None` if there are none.
fn parse_digits(spec: &mut Cursor, max: usize, too_big: &str) -> Result<Option<usize>, TextError> {
    let start = spec.pos;
    let mut value: usize = 0;
    while let Some(d) = spec.peek().and_then(|c| c.to_digit(10)) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= max)
            .ok_or_else(|| TextError::value(too_big))?;
        spec.bump();
    }
    Ok((spec.pos > start).then_some(value))
}

/// The int text of `%d %i %u %o %x %X`: sign, `0x`/`0o` prefix under `#`,
/// digits zero-extended to the precision.
fn format_long(value: PercentValue, ch: char, conv: &Conversion) -> Result<String, TextError> {
    let v = match value {
        PercentValue::Int(v) => v,
        PercentValue::Float(f) if !matches!(ch, 'o' | 'x' | 'X') => float_to_int(f)?,
        other => {
            let type_name = match &other {
                PercentValue::Float(_) => "float",
                PercentValue::Str(_) => "str",
                PercentValue::Other(name) => name.as_str(),
                PercentValue::Int(_) => "int",
            };
            let what = if matches!(ch, 'o' | 'x' | 'X') {
                "an integer"
            } else {
                "a real number"
            };
            return Err(TextError::type_error(format!(
                "%{ch} format: {what} is required, not {type_name}"
            )));
        }
    };
    let radix = match ch {
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    let mut digits = v.magnitude().to_str_radix(radix);
    if let Some(p) = conv.precision {
        if p > digits.len() {
            digits = "0".repeat(p - digits.len()) + &digits;
        }
    }
    let mut text = String::with_capacity(digits.len() + 3);
    if v.sign() == Sign::Minus {
        text.push('-');
    }
    if conv.alt && radix != 10 {
        text.push('0');
        text.push(if ch == 'o' { 'o' } else { 'x' });
    }
    text.push_str(&digits);
    if ch == 'X' {
        text.make_ascii_uppercase();
    }
    Ok(text)
}

/// `int(f)` for `%d` of a float.
fn float_to_int(f: f64) -> Result<BigInt, TextError> {
    if f.is_nan() {
        return Err(TextError::value("cannot convert float NaN to integer"));
    }
    BigInt::from_f64(f.trunc())
        .ok_or_else(|| TextError::overflow("cannot convert float infinity to integer"))
}

/// The float text of `%e %E %f %F %g %G` (default precision 6).
fn format_float(value: PercentValue, ch: char, conv: &Conversion) -> Result<String, TextError> {
    let x = match value {
        PercentValue::Float(f) => f,
        PercentValue::Int(v) => v
            .to_f64()
            .filter(|f| f.is_finite())
            .ok_or_else(|| TextError::overflow("int too large to convert to float"))?,
        PercentValue::Str(_) => return Err(TextError::type_error("must be real number, not str")),
        PercentValue::Other(name) => {
            return Err(TextError::type_error(format!(
                "must be real number, not {name}"
            )))
        }
    };
    let style = match ch.to_ascii_lowercase() {
        'e' => FloatStyle::Exponent,
        'f' => FloatStyle::Fixed,
        _ => FloatStyle::General,
    };
    let flags = FloatFlags {
        alt: conv.alt,
        upper: ch.is_ascii_uppercase(),
        ..FloatFlags::default()
    };
    Ok(double_to_string(
        x,
        style,
        conv.precision.unwrap_or(6),
        flags,
    ))
}

/// The character of `%c`: an int code point or a one-character str.
fn format_char(value: PercentValue) -> Result<char, TextError> {
    let requires = || TextError::type_error("%c requires int or char");
    match value {
        PercentValue::Str(s) => {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(requires()),
            }
        }
        PercentValue::Int(v) => v
            .to_u32()
            .filter(|&cp| cp <= 0x10ffff)
            .map(|cp| char::from_u32(cp).unwrap_or('\u{fffd}'))
            .ok_or_else(|| TextError::overflow("%c arg not in range(0x110000)")),
        _ => Err(requires()),
    }
}

/// Write `text` with CPython's width, sign and zero-fill rules
/// (unicode_format_arg_output).
fn write_padded(out: &mut String, text: &str, ch: char, numeric: bool, conv: &Conversion) {
    if conv.width.is_none() && !conv.sign && !conv.blank && (numeric || conv.precision.is_none()) {
        // Nothing to pad, truncate or sign (CPython's fast path).
        out.push_str(text);
        return;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut len = chars.len();
    if matches!(ch, 's' | 'r' | 'a') {
        if let Some(p) = conv.precision {
            len = len.min(p);
        }
    }
    let fill = if numeric && conv.zero { '0' } else { ' ' };
    let mut idx = 0;
    let mut sign_char = None;
    if numeric {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign_char = Some(c);
                len -= 1;
                idx = 1;
            }
            _ if conv.sign => sign_char = Some('+'),
            _ if conv.blank => sign_char = Some(' '),
            _ => {}
        }
    }
    let mut width = conv.width.unwrap_or(0).max(len);
    if let Some(s) = sign_char {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    let has_prefix = conv.alt && matches!(ch, 'x' | 'X' | 'o');
    if has_prefix {
        if fill != ' ' {
            out.extend(&chars[idx..idx + 2]);
            idx += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !conv.left {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = sign_char {
            out.push(s);
        }
        if has_prefix {
            out.extend(&chars[idx..idx + 2]);
            idx += 2;
        }
    }
    out.extend(&chars[idx..idx + len]);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
}

#[cfg(test)]
#[path = "percent_format_tests.rs"]
mod tests;
