//! Backslash escapes in (non-raw) string literals, decoded as CPython does.

use crate::error::CompileError;

/// Decodes the escapes in `body` (the text between a string's quotes).
///
/// Unknown escapes such as `\d` keep their backslash, as in CPython. Errors
/// are reported at `line`:`col` (the string's position) with CPython's
/// `(unicode error)` wording.
pub fn decode_escapes(body: &str, line: u32, col: u32) -> Result<String, CompileError> {
    if !body.contains('\\') {
        return Ok(body.to_string());
    }
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    while i < chars.len() {
        let (start_byte, c) = chars[i];
        if c != '\\' {
            out.push(c);
            i += 1;
            continue;
        }
        let Some(&(_, next)) = chars.get(i + 1) else {
            // A lone trailing backslash cannot end a literal; keep it verbatim.
            out.push('\\');
            break;
        };
        i += 2;
        let simple = match next {
            '\n' => Some(None),
            '\\' => Some(Some('\\')),
            '\'' => Some(Some('\'')),
            '"' => Some(Some('"')),
            'a' => Some(Some('\x07')),
            'b' => Some(Some('\x08')),
            'f' => Some(Some('\x0c')),
            'n' => Some(Some('\n')),
            'r' => Some(Some('\r')),
            't' => Some(Some('\t')),
            'v' => Some(Some('\x0b')),
            _ => None,
        };
        if let Some(decoded) = simple {
            if let Some(ch) = decoded {
                out.push(ch);
            }
            continue;
        }
        match next {
            '0'..='7' => {
                // Up to three octal digits; the first is already consumed.
                let mut value = next.to_digit(8).unwrap_or(0);
                let mut taken = 1;
                while taken < 3 {
                    match chars.get(i).and_then(|&(_, d)| d.to_digit(8)) {
                        Some(d) => {
                            value = value * 8 + d;
                            i += 1;
                            taken += 1;
                        }
                        None => break,
                    }
                }
                // At most 0o777 = 511, always a valid scalar value.
                out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (digits, name) = match next {
                    'x' => (2, "\\xXX"),
                    'u' => (4, "\\uXXXX"),
                    _ => (8, "\\UXXXXXXXX"),
                };
                let mut value: u32 = 0;
                for _ in 0..digits {
                    match chars.get(i).and_then(|&(_, d)| d.to_digit(16)) {
                        Some(d) => {
                            value = value.wrapping_mul(16).wrapping_add(d);
                            i += 1;
                        }
                        None => {
                            let end_byte = byte_before(&chars, i, body.len());
                            return Err(unicode_error(
                                &format!("truncated {name} escape"),
                                start_byte,
                                end_byte,
                                line,
                                col,
                            ));
                        }
                    }
                }
                if value > 0x10FFFF {
                    let end_byte = byte_before(&chars, i, body.len());
                    return Err(unicode_error(
                        "illegal Unicode character",
                        start_byte,
                        end_byte,
                        line,
                        col,
                    ));
                }
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(CompileError::unsupported(
                            "a lone surrogate in a string literal",
                            line,
                            col,
                        ))
                    }
                }
            }
            'N' => return Err(CompileError::unsupported("the \\N{...} escape", line, col)),
            other => {
                // Unknown escapes are kept verbatim (CPython warns, then keeps them).
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// Byte offset of the last character before char index `i` (for error ranges).
fn byte_before(chars: &[(usize, char)], i: usize, total: usize) -> usize {
    if i == 0 {
        return 0;
    }
    chars.get(i - 1).map(|&(b, _)| b).unwrap_or(total)
}

/// A `(unicode error)` SyntaxError in CPython's wording.
fn unicode_error(what: &str, start: usize, end: usize, line: u32, col: u32) -> CompileError {
    CompileError::syntax(
        format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: {what}"),
        line,
        col,
    )
}

#[cfg(test)]
mod tests {
    use super::decode_escapes;

    #[test]
    fn decodes_simple_and_numeric_escapes() {
        assert_eq!(
            decode_escapes(r"a\tb\n\\\'\x41\101\u00e9\U0001F600\0", 1, 1).unwrap(),
            "a\tb\n\\'AA\u{e9}\u{1F600}\0"
        );
        assert_eq!(decode_escapes("a\\\nb", 1, 1).unwrap(), "ab");
        assert_eq!(decode_escapes(r"\d\w", 1, 1).unwrap(), r"\d\w");
    }

    #[test]
    fn rejects_truncated_escapes() {
        let err = decode_escapes(r"\x4", 1, 5).unwrap_err();
        assert_eq!(err.msg, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape");
        assert!(decode_escapes(r"\U00110000", 1, 1).is_err());
        assert!(decode_escapes(r"\ud800", 1, 1).is_err());
    }
}
