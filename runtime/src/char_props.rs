//! Python's per-character predicates and case mappings (`isalpha`,
//! `isprintable`, `upper`, `casefold`, ...), answered from tables generated
//! from CPython 3.11 so Tern agrees with it character for character.

use crate::unicode_tables as tables;

/// Whether `c` lies in one of the sorted inclusive ranges of `table`.
fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    table
        .binary_search_by(|&(first, last)| {
            if last < cp {
                std::cmp::Ordering::Less
            } else if first > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The mapping of `c` in a sparse `(code point, replacement)` table.
fn lookup_mapping(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&(c as u32), |&(cp, _)| cp)
        .ok()
        .map(|i| table[i].1)
}

/// `c.isprintable()`: false for categories Cc, Cf, Cs, Co, Cn, Zl, Zp and
/// Zs other than the ASCII space.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_table(tables::PRINTABLE, c)
}

/// `c.isalpha()`.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_table(tables::ALPHA, c)
}

/// `c.isdecimal()`.
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_table(tables::DECIMAL, c)
}

/// `c.isdigit()`.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_table(tables::DIGIT, c)
}

/// `c.isnumeric()`.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_table(tables::NUMERIC, c)
}

/// `c.isalnum()`: alpha, decimal, digit or numeric.
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// `c.isspace()`: includes `\x1c`..`\x1f`, unlike Rust's `is_whitespace`.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ');
    }
    in_table(tables::SPACE, c)
}

/// A lowercase character (CPython's `Py_UNICODE_ISLOWER`).
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    in_table(tables::LOWER, c)
}

/// An uppercase character (CPython's `Py_UNICODE_ISUPPER`).
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    in_table(tables::UPPER, c)
}

/// A titlecase character (category Lt, e.g. `ǅ`).
pub fn is_title(c: char) -> bool {
    !c.is_ascii() && in_table(tables::TITLE, c)
}

/// A cased character: lowercase, uppercase or titlecase.
pub fn is_cased(c: char) -> bool {
    is_lower(c) || is_upper(c) || is_title(c)
}

/// A Case_Ignorable character (apostrophes, combining marks, ...).
pub fn is_case_ignorable(c: char) -> bool {
    in_table(tables::CASE_IGNORABLE, c)
}

/// Whether `c` may start an identifier (XID_Start or `_`).
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    in_table(tables::XID_START, c)
}

/// Whether `c` may continue an identifier (XID_Continue).
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_table(tables::XID_CONTINUE, c)
}

/// Append `c.upper()` (full mapping, e.g. `ß` -> `SS`) to `out`.
pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        match lookup_mapping(tables::UPPER_FULL, c) {
            Some(m) => out.push_str(m),
            None => out.push(c),
        }
    }
}

/// Append `c.lower()` (full mapping; the final-sigma rule is the caller's).
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        match lookup_mapping(tables::LOWER_FULL, c) {
            Some(m) => out.push_str(m),
            None => out.push(c),
        }
    }
}

/// Append the titlecase mapping of `c` (e.g. `ǆ` -> `ǅ`, `ﬁ` -> `Fi`).
pub fn push_title(out: &mut String, c: char) {
    match lookup_mapping(tables::TITLE_FULL, c) {
        Some(m) => out.push_str(m),
        None => push_upper(out, c),
    }
}

/// Append `c.casefold()` (e.g. `ß` -> `ss`).
pub fn push_casefold(out: &mut String, c: char) {
    match lookup_mapping(tables::FOLD_FULL, c) {
        Some(m) => out.push_str(m),
        None => push_lower(out, c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicates_match_cpython() {
        assert!(is_printable('é') && !is_printable('\u{85}') && !is_printable('\u{a0}'));
        assert!(!is_printable('\u{200b}') && is_printable('😀') && !is_printable('\u{e000}'));
        assert!(is_space('\x1f') && is_space('\u{3000}') && !is_space('\u{200b}'));
        assert!(is_alpha('ª') && !is_alpha('²') && is_digit('²') && !is_decimal('²'));
        assert!(is_numeric('½') && is_numeric('三') && !is_digit('½'));
        assert!(is_title('ǅ') && !is_upper('ǅ') && is_cased('ǅ'));
        assert!(is_xid_start('π') && !is_xid_start('1') && is_xid_continue('1'));
    }

    #[test]
    fn case_mappings_match_cpython() {
        let map = |f: fn(&mut String, char), c: char| {
            let mut s = String::new();
            f(&mut s, c);
            s
        };
        assert_eq!(map(push_upper, 'ß'), "SS");
        assert_eq!(map(push_lower, 'İ'), "i\u{307}");
        assert_eq!(map(push_title, 'ǆ'), "ǅ");
        assert_eq!(map(push_title, 'ﬁ'), "Fi");
        assert_eq!(map(push_casefold, 'ß'), "ss");
        assert_eq!(map(push_casefold, 'Σ'), "σ");
    }
}
