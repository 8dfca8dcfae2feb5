//! Case-mapping, classification and padding str methods (`upper`, `title`,
//! `isdigit`, `center`, `zfill`, `expandtabs`, ...) with CPython 3.11
//! semantics, on `&str`.

use crate::char_props as props;

// ---- case mapping

/// The lowercase of the capital sigma at character `i` of `chars`: final
/// sigma `ς` when it ends a word (CPython's handle_capital_sigma).
fn lower_sigma(chars: &[char], i: usize) -> char {
    let before = chars[..i]
        .iter()
        .rev()
        .find(|&&c| !props::is_case_ignorable(c));
    let mut final_sigma = before.is_some_and(|&c| props::is_cased(c));
    if final_sigma {
        let after = chars[i + 1..]
            .iter()
            .find(|&&c| !props::is_case_ignorable(c));
        final_sigma = after.is_none_or(|&c| !props::is_cased(c));
    }
    if final_sigma {
        'ς'
    } else {
        'σ'
    }
}

/// Append the lowercase of `chars[i]`, applying the final-sigma rule.
fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    if chars[i] == 'Σ' {
        out.push(lower_sigma(chars, i));
    } else {
        props::push_lower(out, chars[i]);
    }
}

/// `s.upper()` (full mappings: `ß` -> `SS`).
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        props::push_upper(&mut out, c);
    }
    out
}

/// `s.lower()` (full mappings and the final-sigma rule).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        push_lower_at(&mut out, &chars, i);
    }
    out
}

/// `s.casefold()`.
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        props::push_casefold(&mut out, c);
    }
    out
}

/// `s.capitalize()`: first character titlecased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            props::push_title(&mut out, chars[0]);
        } else {
            push_lower_at(&mut out, &chars, i);
        }
    }
    out
}

/// `s.title()`: titlecase after an uncased character, lowercase after a
/// cased one.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for i in 0..chars.len() {
        if previous_is_cased {
            push_lower_at(&mut out, &chars, i);
        } else {
            props::push_title(&mut out, chars[i]);
        }
        previous_is_cased = props::is_cased(chars[i]);
    }
    out
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if props::is_upper(c) {
            push_lower_at(&mut out, &chars, i);
        } else if props::is_lower(c) {
            props::push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

// ---- classification

/// True when `s` is non-empty and every character satisfies `pred`.
fn all_nonempty(s: &str, pred: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(pred)
}

/// `s.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, props::is_digit)
}

/// `s.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, props::is_decimal)
}

/// `s.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, props::is_numeric)
}

/// `s.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, props::is_alpha)
}

/// `s.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, props::is_alnum)
}

/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, props::is_space)
}

/// `s.isascii()` (true for the empty string).
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `s.isprintable()` (true for the empty string).
pub fn isprintable(s: &str) -> bool {
    s.chars().all(props::is_printable)
}

/// `s.isupper()`: at least one cased character and none lowercase/titlecase.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if props::is_lower(c) || props::is_title(c) {
            return false;
        }
        cased |= props::is_upper(c);
    }
    cased
}

/// `s.islower()`: at least one cased character and none uppercase/titlecase.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if props::is_upper(c) || props::is_title(c) {
            return false;
        }
        cased |= props::is_lower(c);
    }
    cased
}

/// `s.istitle()`: uppercase only after uncased characters, lowercase only
/// after cased ones, and at least one cased character.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if props::is_upper(c) || props::is_title(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if props::is_lower(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// `s.isidentifier()`: XID_Start (or `_`) then XID_Continue characters.
pub fn isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) if props::is_xid_start(first) => chars.all(props::is_xid_continue),
        _ => false,
    }
}

// ---- padding

/// `fill` repeated `n` times.
fn repeat_char(fill: char, n: usize) -> impl Iterator<Item = char> {
    std::iter::repeat_n(fill, n)
}

/// Pad `s` (of `len` characters) with `left`/`right` copies of `fill`.
fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(repeat_char(fill, left));
    out.push_str(s);
    out.extend(repeat_char(fill, right));
    out
}

/// Characters of padding needed to reach `width`, if any.
fn padding_needed(s: &str, width: i64) -> Option<usize> {
    let len = crate::str_methods::char_len(s) as i64;
    (width > len).then(|| (width - len) as usize)
}

/// `s.center(width, fillchar)`, with CPython's choice of the odd extra
/// character's side.
pub fn center(s: &str, width: i64, fillchar: char) -> String {
    match padding_needed(s, width) {
        None => s.to_string(),
        Some(marg) => {
            let left = marg / 2 + (marg & (width as usize) & 1);
            pad(s, left, marg - left, fillchar)
        }
    }
}

/// `s.ljust(width, fillchar)`.
pub fn ljust(s: &str, width: i64, fillchar: char) -> String {
    match padding_needed(s, width) {
        None => s.to_string(),
        Some(n) => pad(s, 0, n, fillchar),
    }
}

/// `s.rjust(width, fillchar)`.
pub fn rjust(s: &str, width: i64, fillchar: char) -> String {
    match padding_needed(s, width) {
        None => s.to_string(),
        Some(n) => pad(s, n, 0, fillchar),
    }
}

/// `s.zfill(width)`: zeros on the left, after a leading sign.
pub fn zfill(s: &str, width: i64) -> String {
    match padding_needed(s, width) {
        None => s.to_string(),
        Some(n) => match s.chars().next() {
            Some(sign @ ('+' | '-')) => {
                let mut out = String::with_capacity(s.len() + n);
                out.push(sign);
                out.extend(repeat_char('0', n));
                out.push_str(&s[1..]);
                out
            }
            _ => pad(s, n, 0, '0'),
        },
    }
}

/// `s.expandtabs(tabsize)`: tabs become spaces up to the next multiple of
/// `tabsize`; the column restarts after `\n` and `\r`.
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut column: i64 = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let incr = tabsize - column % tabsize;
                column += incr;
                out.extend(repeat_char(' ', incr as usize));
            }
        } else {
            column += 1;
            out.push(c);
            if c == '\n' || c == '\r' {
                column = 0;
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "str_transform_tests.rs"]
mod tests;
