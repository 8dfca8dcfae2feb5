//! The format-spec mini-language of `format()`, `str.format` and f-strings
//! (`[[fill]align][sign][z][#][0][width][,|_][.precision][type]`), and the
//! CPython 3.11 rendering of ints, floats and strs under a spec.

use crate::float_repr::{double_to_string, FloatFlags, FloatStyle};
use crate::text_error::TextError;
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// A parsed format spec. Fields left unspecified are `None`/`false`; the
/// per-type defaults (alignment, fill) are applied when rendering.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormatSpec {
    /// Explicit fill character (only set together with `align`).
    pub fill: Option<char>,
    /// Explicit alignment: `<`, `>`, `^` or `=`.
    pub align: Option<char>,
    /// Sign option: `+`, `-` or ` `.
    pub sign: Option<char>,
    /// `z`: coerce negative zero results to positive zero (floats only).
    pub no_neg_zero: bool,
    /// `#`: alternate form (`0x` prefixes, always a decimal point).
    pub alternate: bool,
    /// `0` before the width: zero padding (fill `0`, and `=` alignment for
    /// numbers when no alignment was given).
    pub zero: bool,
    /// Minimum field width in characters.
    pub width: Option<usize>,
    /// Thousands separator: `,` or `_`.
    pub grouping: Option<char>,
    /// Precision (digits for floats, maximum length for strs).
    pub precision: Option<usize>,
    /// Presentation type character, e.g. `d`, `x`, `f`, `s`.
    pub ty: Option<char>,
}

/// Parse the digits of a width or precision at `chars[*pos..]`; `None` when
/// there are none.
fn parse_count(chars: &[char], pos: &mut usize) -> Result<Option<usize>, TextError> {
    let start = *pos;
    let mut value: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| TextError::value("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(value) })
}

/// CPython's message for a `,`/`_` separator with a type that forbids it.
fn invalid_separator(sep: char, ty: char) -> TextError {
    if (ty as u32) > 32 && (ty as u32) < 128 {
        TextError::value(format!("Cannot specify '{sep}' with '{ty}'."))
    } else {
        TextError::value(format!("Cannot specify '{sep}' with '\\x{:x}'.", ty as u32))
    }
}

/// Widths beyond this are refused rather than attempting a multi-gigabyte
/// allocation (CPython would raise MemoryError; Tern says "width too big").
pub const MAX_FORMAT_WIDTH: usize = 1 << 31;

/// Refuse a width whose padding could not reasonably be allocated.
fn check_width(spec: &FormatSpec) -> Result<(), TextError> {
    match spec.width {
        Some(w) if w > MAX_FORMAT_WIDTH => Err(TextError::value("width too big")),
        _ => Ok(()),
    }
}

/// CPython's message for a presentation type the object does not support.
pub fn unknown_format_code(ty: char, type_name: &str) -> TextError {
    if (ty as u32) > 32 && (ty as u32) < 128 {
        TextError::value(format!(
            "Unknown format code '{ty}' for object of type '{type_name}'"
        ))
    } else {
        TextError::value(format!(
            "Unknown format code '\\x{:x}' for object of type '{type_name}'",
            ty as u32
        ))
    }
}

impl FormatSpec {
    /// Parse a format spec. `type_name` is the Python type of the object being
    /// formatted (`"int"`, `"float"`, `"str"`, ...), needed for CPython's
    /// "Invalid format specifier '...' for object of type '...'" message.
    pub fn parse(spec: &str, type_name: &str) -> Result<FormatSpec, TextError> {
        let chars: Vec<char> = spec.chars().collect();
        let mut out = FormatSpec::default();
        let mut pos = 0;
        let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
        if chars.len() >= 2 && is_align(chars[1]) {
            out.fill = Some(chars[0]);
            out.align = Some(chars[1]);
            pos = 2;
        } else if !chars.is_empty() && is_align(chars[0]) {
            out.align = Some(chars[0]);
            pos = 1;
        }
        if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
            out.sign = Some(c);
            pos += 1;
        }
        if chars.get(pos) == Some(&'z') {
            out.no_neg_zero = true;
            pos += 1;
        }
        if chars.get(pos) == Some(&'#') {
            out.alternate = true;
            pos += 1;
        }
        if out.fill.is_none() && chars.get(pos) == Some(&'0') {
            out.zero = true;
            pos += 1;
        }
        out.width = parse_count(&chars, &mut pos)?;
        if chars.get(pos) == Some(&',') {
            out.grouping = Some(',');
            pos += 1;
        }
        if chars.get(pos) == Some(&'_') {
            if out.grouping.is_some() {
                return Err(TextError::value("Cannot specify both ',' and '_'."));
            }
            out.grouping = Some('_');
            pos += 1;
        }
        if chars.get(pos) == Some(&',') && out.grouping == Some('_') {
            return Err(TextError::value("Cannot specify both ',' and '_'."));
        }
        if chars.get(pos) == Some(&'.') {
            pos += 1;
            out.precision = parse_count(&chars, &mut pos)?;
            if out.precision.is_none() {
                return Err(TextError::value("Format specifier missing precision"));
            }
        }
        if chars.len() - pos > 1 {
            return Err(TextError::value(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )));
        }
        out.ty = chars.get(pos).copied();
        if let Some(sep) = out.grouping {
            match out.ty {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
                Some('b' | 'o' | 'x' | 'X') if sep == '_' => {}
                // Objects with no explicit type default to 's'/'d'/'' later;
                // CPython checks the separator against the type given.
                Some(ty) => return Err(invalid_separator(sep, ty)),
            }
        }
        Ok(out)
    }

    /// The fill character and alignment in effect, given the type's default
    /// alignment (`<` for strings, `>` for numbers).
    fn fill_and_align(&self, default_align: char) -> (char, char) {
        let fill = if self.zero {
            '0'
        } else {
            self.fill.unwrap_or(' ')
        };
        let align = match self.align {
            Some(a) => a,
            None if self.zero && default_align == '>' => '=',
            None => default_align,
        };
        (fill, align)
    }
}

// ---- shared number layout (CPython's calc_number_widths + fill_number)

/// Group `digits` from the right with `sep` every `size` digits, left-padding
/// with zeros until at least `min_width` characters, exactly as CPython's
/// `_PyUnicode_InsertThousandsGrouping`.
fn group_digits(digits: &str, mut min_width: i64, grouping: Option<(char, i64)>) -> String {
    let bytes = digits.as_bytes();
    let mut remaining = bytes.len() as i64;
    let mut pieces: Vec<String> = Vec::new();
    let take = |len: i64, remaining: &mut i64, pieces: &mut Vec<String>| {
        let n_zeros = (len - *remaining).max(0);
        let n_chars = (*remaining).min(len).max(0);
        let mut piece = "0".repeat(n_zeros as usize);
        let end = *remaining as usize;
        piece.push_str(&digits[end - n_chars as usize..end]);
        pieces.push(piece);
        *remaining -= n_chars;
    };
    match grouping {
        None => {
            let len = remaining.max(min_width).max(1);
            take(len, &mut remaining, &mut pieces);
            pieces.pop().unwrap_or_default()
        }
        Some((sep, size)) => {
            loop {
                let len = size.min(remaining.max(min_width).max(1));
                take(len, &mut remaining, &mut pieces);
                min_width -= len;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
            let mut out = String::new();
            for (i, piece) in pieces.iter().rev().enumerate() {
                if i > 0 {
                    out.push(sep);
                }
                out.push_str(piece);
            }
            out
        }
    }
}

/// The pieces of a rendered number before padding.
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    /// Integer digits, subject to grouping and zero padding.
    digits: &'a str,
    /// Everything after the integer digits (decimal point, fraction,
    /// exponent, `%`), or the character itself for `c`.
    remainder: &'a str,
}

/// Lay out a number with sign, prefix, grouping and padding per `spec`.
fn layout_number(parts: &NumberParts, spec: &FormatSpec, grouping: Option<(char, i64)>) -> String {
    let (fill, align) = spec.fill_and_align('>');
    let sign = match (parts.negative, spec.sign) {
        (true, _) => Some('-'),
        (false, Some('+')) => Some('+'),
        (false, Some(' ')) => Some(' '),
        _ => None,
    };
    let width = spec.width.map_or(-1, |w| w as i64);
    let n_sign = sign.is_some() as i64;
    let n_prefix = parts.prefix.chars().count() as i64;
    let n_remainder = parts.remainder.chars().count() as i64;
    let non_digit = n_sign + n_prefix + n_remainder;
    let min_width = if fill == '0' && align == '=' {
        width - non_digit
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, min_width, grouping)
    };
    let padding = (width - (non_digit + grouped.chars().count() as i64)).max(0) as usize;
    let (left, inner, right) = match align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::with_capacity(padding + grouped.len() + parts.remainder.len() + 4);
    out.extend(std::iter::repeat_n(fill, left));
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(parts.prefix);
    out.extend(std::iter::repeat_n(fill, inner));
    out.push_str(&grouped);
    out.push_str(parts.remainder);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// The thousands grouping for a spec: `,` or `_` every 3 digits in decimal,
/// `_` every 4 digits in binary, octal and hex.
fn grouping_for(spec: &FormatSpec, ty: char) -> Option<(char, i64)> {
    spec.grouping.map(|sep| {
        (
            sep,
            if matches!(ty, 'b' | 'o' | 'x' | 'X') {
                4
            } else {
                3
            },
        )
    })
}

// ---- int

/// An int to format: a machine integer or a big one.
#[derive(Clone, Copy)]
enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    fn is_negative(self) -> bool {
        match self {
            IntRef::Small(v) => v < 0,
            IntRef::Big(v) => v.sign() == Sign::Minus,
        }
    }

    /// The magnitude's digits in `radix` (2, 8, 10 or 16), lowercase.
    fn magnitude_digits(self, radix: u32) -> String {
        match self {
            IntRef::Small(v) => {
                let m = v.unsigned_abs();
                match radix {
                    2 => format!("{m:b}"),
                    8 => format!("{m:o}"),
                    16 => format!("{m:x}"),
                    _ => m.to_string(),
                }
            }
            IntRef::Big(v) => v.magnitude().to_str_radix(radix),
        }
    }

    fn to_i64(self) -> Option<i64> {
        match self {
            IntRef::Small(v) => Some(v),
            IntRef::Big(v) => v.to_i64(),
        }
    }

    /// The nearest float (round-half-even), or None when out of range.
    fn to_f64(self) -> Option<f64> {
        match self {
            IntRef::Small(v) => Some(v as f64),
            IntRef::Big(v) => v.to_f64().filter(|f| f.is_finite()),
        }
    }
}

/// `format(v, spec)` for an int: types `b c d o x X n` and none, and the
/// float types `e E f F g G %` (which convert the int to float first).
pub fn format_int(v: &BigInt, spec: &FormatSpec) -> Result<String, TextError> {
    format_int_ref(IntRef::Big(v), spec)
}

/// `format(v, spec)` for an int that fits an i64 (no BigInt needed).
pub fn format_i64(v: i64, spec: &FormatSpec) -> Result<String, TextError> {
    format_int_ref(IntRef::Small(v), spec)
}

fn format_int_ref(v: IntRef, spec: &FormatSpec) -> Result<String, TextError> {
    check_width(spec)?;
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = v
                .to_f64()
                .ok_or_else(|| TextError::overflow("int too large to convert to float"))?;
            return format_float(f, spec);
        }
        other => return Err(unknown_format_code(other, "int")),
    }
    if spec.precision.is_some() {
        return Err(TextError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(TextError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(TextError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(TextError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let code = v
            .to_i64()
            .ok_or_else(|| TextError::overflow("Python int too large to convert to C long"))?;
        let ch = Some(code)
            .filter(|&x| (0..=0x10ffff).contains(&x))
            .and_then(|x| char::from_u32(x as u32))
            .ok_or_else(|| TextError::overflow("%c arg not in range(0x110000)"))?;
        let text = ch.to_string();
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            remainder: &text,
        };
        return Ok(layout_number(&parts, spec, None));
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude_digits(radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = NumberParts {
        negative: v.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        remainder: "",
    };
    Ok(layout_number(&parts, spec, grouping_for(spec, ty)))
}

// ---- float

/// Remove the `-` of a result that rounded to zero (the `z` option).
fn drop_negative_zero(text: &mut String) {
    if text.starts_with('-') {
        let mantissa = text[1..].split(['e', 'E']).next().unwrap_or("");
        if mantissa.bytes().all(|b| b == b'0' || b == b'.') {
            text.remove(0);
        }
    }
}

/// `format(v, spec)` for a float: types `e E f F g G n %` and none (like
/// `str(v)`, or with a precision like `g` that always shows a `.` or exponent).
pub fn format_float(v: f64, spec: &FormatSpec) -> Result<String, TextError> {
    check_width(spec)?;
    let ty = spec.ty;
    if let Some(t) = ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return Err(unknown_format_code(t, "float"));
        }
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(TextError::value("precision too big"));
    }
    let mut flags = FloatFlags {
        alt: spec.alternate,
        ..FloatFlags::default()
    };
    let mut value = v;
    let mut percent = false;
    let (style, default_precision) = match ty {
        None => {
            flags.add_dot_0 = true;
            if spec.precision.is_some() {
                (FloatStyle::General, 0)
            } else {
                (FloatStyle::Repr, 0)
            }
        }
        Some('e' | 'E') => (FloatStyle::Exponent, 6),
        Some('f' | 'F') => (FloatStyle::Fixed, 6),
        Some('%') => {
            value *= 100.0;
            percent = true;
            (FloatStyle::Fixed, 6)
        }
        _ => (FloatStyle::General, 6),
    };
    flags.upper = matches!(ty, Some('E' | 'F' | 'G'));
    let precision = spec.precision.unwrap_or(default_precision);
    let mut text = double_to_string(value, style, precision, flags);
    if spec.no_neg_zero {
        drop_negative_zero(&mut text);
    }
    if percent {
        text.push('%');
    }
    let negative = text.starts_with('-');
    let body = if negative { &text[1..] } else { &text[..] };
    let int_len = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let parts = NumberParts {
        negative,
        prefix: "",
        digits: &body[..int_len],
        remainder: &body[int_len..],
    };
    Ok(layout_number(&parts, spec, grouping_for(spec, 'f')))
}

// ---- str

/// `format(s, spec)` for a str: type `s` or none; precision truncates.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, TextError> {
    check_width(spec)?;
    if let Some(t) = spec.ty {
        if t != 's' {
            return Err(unknown_format_code(t, "str"));
        }
    }
    if let (Some(sep), None) = (spec.grouping, spec.ty) {
        // CPython parses a str spec with default type 's', which forbids it.
        return Err(invalid_separator(sep, 's'));
    }
    match spec.sign {
        Some(' ') => {
            return Err(TextError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(TextError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.no_neg_zero {
        return Err(TextError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(TextError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let (fill, align) = spec.fill_and_align('<');
    if align == '=' {
        return Err(TextError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let text = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((byte, _)) => &s[..byte],
            None => s,
        },
        None => s,
    };
    let len = text.chars().count();
    let padding = spec.width.map_or(0, |w| w.saturating_sub(len));
    let (left, right) = match align {
        '>' => (padding, 0),
        '^' => (padding / 2, padding - padding / 2),
        _ => (0, padding),
    };
    let mut out = String::with_capacity(text.len() + padding);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

#[cfg(test)]
#[path = "format_spec_tests.rs"]
mod tests;
