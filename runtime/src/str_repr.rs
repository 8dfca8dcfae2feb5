//! `repr(str)` and `ascii(str)` exactly as CPython 3.11 writes them.

use crate::char_props::is_printable;
use std::fmt::Write;

/// The quote CPython's repr picks: `"` only when the text has a `'` and no `"`.
fn choose_quote(s: &str) -> char {
    if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    }
}

/// Append the escape for a character that repr/ascii cannot show as itself.
fn push_hex_escape(out: &mut String, c: char) {
    let cp = c as u32;
    // Writing to a String cannot fail.
    let _ = if cp <= 0xff {
        write!(out, "\\x{cp:02x}")
    } else if cp <= 0xffff {
        write!(out, "\\u{cp:04x}")
    } else {
        write!(out, "\\U{cp:08x}")
    };
}

/// Append `c` as repr shows it inside quotes `quote`; `ascii_only` escapes
/// every non-ASCII character as `ascii()` does.
fn push_repr_char(out: &mut String, c: char, quote: char, ascii_only: bool) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        ' '..='~' => out.push(c),
        c if c.is_ascii() => push_hex_escape(out, c),
        c if !ascii_only && is_printable(c) => out.push(c),
        c => push_hex_escape(out, c),
    }
}

/// `repr(s)`: quoted, with `\\ \n \r \t`, `\xNN`, `\uNNNN`, `\UNNNNNNNN`
/// escapes; printable non-ASCII characters are kept as they are.
pub fn str_repr(s: &str) -> String {
    if s.bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'\\' && b != b'\'')
    {
        // Common case: printable ASCII without quotes or backslashes.
        let mut out = String::with_capacity(s.len() + 2);
        out.push('\'');
        out.push_str(s);
        out.push('\'');
        return out;
    }
    let quote = choose_quote(s);
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        push_repr_char(&mut out, c, quote, false);
    }
    out.push(quote);
    out
}

/// `ascii(s)` for a str: like `repr(s)` but every non-ASCII character is
/// escaped.
pub fn ascii_repr(s: &str) -> String {
    let quote = choose_quote(s);
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        push_repr_char(&mut out, c, quote, true);
    }
    out.push(quote);
    out
}

/// `ascii()` of an arbitrary repr text: escapes the non-ASCII characters of
/// an already computed `repr(obj)` (what `ascii(obj)` does for non-str
/// objects, e.g. lists of strings).
pub fn ascii_escape(repr_text: &str) -> String {
    let mut out = String::with_capacity(repr_text.len());
    for c in repr_text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_hex_escape(&mut out, c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        // Expected values printed by CPython 3.11.
        let cases: &[(&str, &str)] = &[
            ("abc", "'abc'"),
            ("", "''"),
            ("it's", "\"it's\""),
            ("say \"hi\"", "'say \"hi\"'"),
            ("both ' and \"", "'both \\' and \"'"),
            ("a\\b", "'a\\\\b'"),
            ("\n\r\t", "'\\n\\r\\t'"),
            ("\x00\x07\x1b\x7f", "'\\x00\\x07\\x1b\\x7f'"),
            ("\u{80}\u{85}\u{a0}\u{a1}", "'\\x80\\x85\\xa0¡'"),
            ("é中😀", "'é中😀'"),
            ("\u{200b}\u{2028}\u{e000}", "'\\u200b\\u2028\\ue000'"),
            ("\u{f0000}\u{e0001}", "'\\U000f0000\\U000e0001'"),
            ("\u{ad}", "'\\xad'"),
        ];
        for &(s, want) in cases {
            assert_eq!(str_repr(s), want, "repr of {s:?}");
        }
    }

    #[test]
    fn ascii_matches_cpython() {
        assert_eq!(ascii_repr("é中😀'"), "\"\\xe9\\u4e2d\\U0001f600'\"");
        assert_eq!(ascii_repr("a\nb"), "'a\\nb'");
        assert_eq!(ascii_escape("['é']"), "['\\xe9']");
    }
}
