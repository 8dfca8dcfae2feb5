//! `str.format` / `str.format_map` templates ("{0!r:>{width}}") exactly as
//! CPython 3.11's string_format.h parses and renders them. Field lookup,
//! conversion and `__format__` are the runtime's, through [`FormatFields`];
//! like CPython, parsing is lazy, so errors surface in the same order.

use crate::text_error::TextError;

/// What the template renderer needs from the runtime.
pub trait FormatFields {
    /// A runtime value (the object a field refers to).
    type Value;
    /// The runtime's exception type; text errors convert into it.
    type Error: From<TextError>;

    /// Positional argument `index`, or `None` when out of range.
    fn positional(&mut self, index: usize) -> Result<Option<Self::Value>, Self::Error>;
    /// Keyword argument `name` (raise `KeyError(name)` when missing).
    fn keyword(&mut self, name: &str) -> Result<Self::Value, Self::Error>;
    /// `obj.name`.
    fn attribute(&mut self, obj: Self::Value, name: &str) -> Result<Self::Value, Self::Error>;
    /// `obj[index]` for an all-digit key.
    fn item_index(&mut self, obj: Self::Value, index: usize) -> Result<Self::Value, Self::Error>;
    /// `obj[key]` for any other key (a str).
    fn item_key(&mut self, obj: Self::Value, key: &str) -> Result<Self::Value, Self::Error>;
    /// Apply conversion `!r`, `!s` or `!a` (only these are passed).
    fn convert(&mut self, obj: Self::Value, conversion: char) -> Result<Self::Value, Self::Error>;
    /// `format(obj, spec)`.
    fn format(&mut self, obj: Self::Value, spec: &str) -> Result<String, Self::Error>;
    /// False for `format_map`, where positional fields are an error.
    fn positional_allowed(&self) -> bool {
        true
    }
}

/// Render `template` with `fields`, as `template.format(...)`.
pub fn format_template<F: FormatFields>(
    template: &str,
    fields: &mut F,
) -> Result<String, F::Error> {
    let chars: Vec<char> = template.chars().collect();
    let mut auto = AutoNumber {
        state: AutoState::Init,
        next: 0,
    };
    build_string(&chars, fields, 2, &mut auto)
}

/// Whether fields are numbered automatically (`{}`) or manually (`{0}`).
#[derive(PartialEq, Eq)]
enum AutoState {
    Init,
    Auto,
    Manual,
}

/// The auto-numbering state shared by a template and its nested specs.
struct AutoNumber {
    state: AutoState,
    next: usize,
}

/// A parsed replacement field, as ranges into the template's chars.
struct Field {
    name: (usize, usize),
    conversion: Option<char>,
    spec: (usize, usize),
    spec_needs_expanding: bool,
}

fn value_error(msg: &str) -> TextError {
    TextError::value(msg)
}

/// Render literal text and replacement fields (CPython's build_string).
fn build_string<F: FormatFields>(
    chars: &[char],
    fields: &mut F,
    depth: i32,
    auto: &mut AutoNumber,
) -> Result<String, F::Error> {
    if depth <= 0 {
        return Err(value_error("Max string recursion exceeded").into());
    }
    let mut out = String::with_capacity(chars.len() + 16);
    let mut pos = 0;
    while pos < chars.len() {
        let start = pos;
        let mut c = '\0';
        let mut markup = false;
        while pos < chars.len() {
            c = chars[pos];
            pos += 1;
            if c == '{' || c == '}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= chars.len();
        let mut literal_end = pos;
        if markup && c == '}' && (at_end || chars[pos] != '}') {
            return Err(value_error("Single '}' encountered in format string").into());
        }
        if markup && at_end && c == '{' {
            return Err(value_error("Single '{' encountered in format string").into());
        }
        if !at_end {
            if chars[pos] == c {
                // An escaped brace: literal text including one brace.
                pos += 1;
                markup = false;
            } else {
                literal_end -= 1;
            }
        }
        out.extend(&chars[start..literal_end]);
        if markup {
            let field = parse_field(chars, &mut pos)?;
            out.push_str(&render_field(chars, &field, fields, depth, auto)?);
        }
    }
    Ok(out)
}

/// Parse a replacement field starting just after its `{`, through its `}`.
fn parse_field(chars: &[char], pos: &mut usize) -> Result<Field, TextError> {
    let len = chars.len();
    let name_start = *pos;
    let mut c = '\0';
    while *pos < len {
        c = chars[*pos];
        *pos += 1;
        match c {
            '{' => return Err(value_error("unexpected '{' in field name")),
            '[' => {
                while *pos < len && chars[*pos] != ']' {
                    *pos += 1;
                }
            }
            '}' | ':' | '!' => break,
            _ => {}
        }
    }
    let mut field = Field {
        name: (name_start, *pos - 1),
        conversion: None,
        spec: (*pos, *pos),
        spec_needs_expanding: false,
    };
    if c == '!' || c == ':' {
        if c == '!' {
            if *pos >= len {
                return Err(value_error(
                    "end of string while looking for conversion specifier",
                ));
            }
            field.conversion = Some(chars[*pos]);
            *pos += 1;
            if *pos < len {
                let next = chars[*pos];
                *pos += 1;
                if next == '}' {
                    field.spec = (*pos, *pos);
                    return Ok(field);
                }
                if next != ':' {
                    return Err(value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut depth = 1;
        while *pos < len {
            let c = chars[*pos];
            *pos += 1;
            match c {
                '{' => {
                    field.spec_needs_expanding = true;
                    depth += 1;
                }
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        field.spec = (spec_start, *pos - 1);
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(value_error("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(value_error("expected '}' before end of string"));
    }
    Ok(field)
}

/// An all-ASCII-digit string's value; `None` if empty or not all digits.
fn parse_index(text: &[char]) -> Result<Option<usize>, TextError> {
    if text.is_empty() || !text.iter().all(char::is_ascii_digit) {
        return Ok(None);
    }
    let mut value: usize = 0;
    for d in text {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d.to_digit(10).unwrap_or(0) as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(value))
}

/// Look up, convert and format one field (CPython's output_markup).
fn render_field<F: FormatFields>(
    chars: &[char],
    field: &Field,
    fields: &mut F,
    depth: i32,
    auto: &mut AutoNumber,
) -> Result<String, F::Error> {
    let name = &chars[field.name.0..field.name.1];
    let mut obj = field_object(name, fields, auto)?;
    if let Some(conv) = field.conversion {
        if !matches!(conv, 'r' | 's' | 'a') {
            let msg = if (conv as u32) > 32 && (conv as u32) < 127 {
                format!("Unknown conversion specifier {conv}")
            } else {
                format!("Unknown conversion specifier \\x{:x}", conv as u32)
            };
            return Err(TextError::value(msg).into());
        }
        obj = fields.convert(obj, conv)?;
    }
    let spec_chars = &chars[field.spec.0..field.spec.1];
    let spec: String = if field.spec_needs_expanding {
        build_string(spec_chars, fields, depth - 1, auto)?
    } else {
        spec_chars.iter().collect()
    };
    fields.format(obj, &spec)
}

/// Resolve a field name like `0`, `name.attr[2][key]` or `` (automatic).
fn field_object<F: FormatFields>(
    name: &[char],
    fields: &mut F,
    auto: &mut AutoNumber,
) -> Result<F::Value, F::Error> {
    let first_len = name
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(name.len());
    let first = &name[..first_len];
    let mut index = parse_index(first)?;
    let is_empty = first.is_empty();
    if is_empty || index.is_some() {
        if auto.state == AutoState::Init {
            auto.state = if is_empty {
                AutoState::Auto
            } else {
                AutoState::Manual
            };
        }
        if auto.state == AutoState::Manual && is_empty {
            return Err(value_error(
                "cannot switch from manual field specification to automatic field numbering",
            )
            .into());
        }
        if auto.state == AutoState::Auto && !is_empty {
            return Err(value_error(
                "cannot switch from automatic field numbering to manual field specification",
            )
            .into());
        }
        if is_empty {
            index = Some(auto.next);
            auto.next += 1;
        }
    }
    let mut obj = match index {
        None => fields.keyword(&first.iter().collect::<String>())?,
        Some(i) => {
            if !fields.positional_allowed() {
                return Err(value_error("Format string contains positional fields").into());
            }
            match fields.positional(i)? {
                Some(v) => v,
                None => {
                    return Err(TextError::index(format!(
                        "Replacement index {i} out of range for positional args tuple"
                    ))
                    .into())
                }
            }
        }
    };
    let mut pos = first_len;
    while pos < name.len() {
        let is_attribute = name[pos] == '.';
        if !is_attribute && name[pos] != '[' {
            return Err(
                value_error("Only '.' or '[' may follow ']' in format field specifier").into(),
            );
        }
        pos += 1;
        let start = pos;
        let text: &[char];
        if is_attribute {
            while pos < name.len() && name[pos] != '.' && name[pos] != '[' {
                pos += 1;
            }
            text = &name[start..pos];
        } else {
            while pos < name.len() && name[pos] != ']' {
                pos += 1;
            }
            if pos >= name.len() {
                return Err(value_error("Missing ']' in format string").into());
            }
            text = &name[start..pos];
            pos += 1;
        }
        if text.is_empty() {
            return Err(value_error("Empty attribute in format string").into());
        }
        let key: String = text.iter().collect();
        obj = if is_attribute {
            fields.attribute(obj, &key)?
        } else {
            match parse_index(text)? {
                Some(i) => fields.item_index(obj, i)?,
                None => fields.item_key(obj, &key)?,
            }
        };
    }
    Ok(obj)
}

#[cfg(test)]
#[path = "format_string_tests.rs"]
mod tests;
