//! Searching, splitting, replacing and stripping str methods with CPython's
//! semantics, on `&str`. Indices are in characters (code points); optional
//! `start`/`end` follow CPython's slice-index adjustment. ASCII text takes
//! byte-indexed fast paths.

use crate::char_props::is_space;
use crate::text_error::TextError;

// ---- index helpers

/// A str together with whether it is all ASCII. The runtime can pass its
/// cached flag (`PyStr::with_ascii`) so index arithmetic on ASCII text never
/// rescans the string; a plain `&str` converts by checking.
#[derive(Debug, Clone, Copy)]
pub struct PyStr<'a> {
    /// The text.
    pub text: &'a str,
    /// Whether `text` is all ASCII (then byte and character indices agree).
    pub ascii: bool,
}

impl<'a> PyStr<'a> {
    /// Wrap `text` whose ASCII-ness the caller already knows.
    pub fn with_ascii(text: &'a str, ascii: bool) -> PyStr<'a> {
        debug_assert_eq!(ascii, text.is_ascii());
        PyStr { text, ascii }
    }

    /// Number of characters (the Python `len`).
    pub fn char_len(self) -> usize {
        if self.ascii {
            self.text.len()
        } else {
            self.text.chars().count()
        }
    }
}

impl<'a> From<&'a str> for PyStr<'a> {
    fn from(text: &'a str) -> PyStr<'a> {
        PyStr {
            text,
            ascii: text.is_ascii(),
        }
    }
}

impl<'a> From<&'a String> for PyStr<'a> {
    fn from(text: &'a String) -> PyStr<'a> {
        PyStr::from(text.as_str())
    }
}

/// Number of characters in `s` (the Python `len`).
pub fn char_len(s: &str) -> usize {
    PyStr::from(s).char_len()
}

/// Byte offset of character index `idx` (clamped to the end of `s`).
fn byte_offset(s: &str, ascii: bool, idx: usize) -> usize {
    if ascii {
        idx.min(s.len())
    } else {
        s.char_indices().nth(idx).map_or(s.len(), |(b, _)| b)
    }
}

/// Character index of byte offset `byte` (a char boundary) in `s`.
fn char_index(s: &str, ascii: bool, byte: usize) -> usize {
    if ascii {
        byte
    } else {
        s[..byte].chars().count()
    }
}

/// CPython's ADJUST_INDICES: resolve optional, possibly negative `start` and
/// `end` against `len`. `end` is clamped to `[0, len]`; `start` to `>= 0`
/// but may exceed `len`.
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = len as i64;
    let mut end = end.unwrap_or(len_i);
    if end > len_i {
        end = len_i;
    } else if end < 0 {
        end = (end + len_i).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len_i).max(0);
    }
    (start as usize, end as usize)
}

/// The byte range of `s` selected by character indices `start..end`
/// (already adjusted, `start <= end <= len`).
fn byte_window(s: PyStr, start: usize, end: usize) -> (usize, usize) {
    if s.ascii {
        return (start, end);
    }
    let b_start = byte_offset(s.text, false, start);
    let b_end = b_start + byte_offset(&s.text[b_start..], false, end - start);
    (b_start, b_end)
}

/// The adjusted window `start..end` of `s` as byte offsets, or `None` when
/// it cannot hold `sub_chars` characters.
fn search_window(
    s: PyStr,
    start: Option<i64>,
    end: Option<i64>,
    sub_chars: usize,
) -> Option<(usize, usize)> {
    let (start, end) = adjust_indices(start, end, s.char_len());
    if end < start || end - start < sub_chars {
        return None;
    }
    Some(byte_window(s, start, end))
}

// ---- find / index / count

/// `s.find(sub, start, end)`: lowest character index of `sub`, or -1.
pub fn find<'a>(s: impl Into<PyStr<'a>>, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let s = s.into();
    let text = s.text;
    if start.is_none() && end.is_none() {
        // Whole-string search: no index adjustment needed.
        return match find_bytes(text, sub) {
            Some(pos) => char_index(text, s.ascii || text.as_bytes()[..pos].is_ascii(), pos) as i64,
            None => -1,
        };
    }
    let Some((b_start, b_end)) = search_window(s, start, end, char_len(sub)) else {
        return -1;
    };
    match find_bytes(&text[b_start..b_end], sub) {
        Some(pos) => char_index(text, s.ascii, b_start + pos) as i64,
        None => -1,
    }
}

/// `s.rfind(sub, start, end)`: highest character index of `sub`, or -1.
pub fn rfind<'a>(s: impl Into<PyStr<'a>>, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let s = s.into();
    let text = s.text;
    if start.is_none() && end.is_none() {
        return match text.rfind(sub) {
            Some(pos) => char_index(text, s.ascii || text.as_bytes()[..pos].is_ascii(), pos) as i64,
            None => -1,
        };
    }
    let Some((b_start, b_end)) = search_window(s, start, end, char_len(sub)) else {
        return -1;
    };
    match text[b_start..b_end].rfind(sub) {
        Some(pos) => char_index(text, s.ascii, b_start + pos) as i64,
        None => -1,
    }
}

/// `s.index(sub, start, end)`: like `find` but raises "substring not found".
pub fn index<'a>(
    s: impl Into<PyStr<'a>>,
    sub: &str,
    start: Option<i64>,
    end: Option<i64>,
) -> Result<i64, TextError> {
    match find(s, sub, start, end) {
        -1 => Err(TextError::value("substring not found")),
        i => Ok(i),
    }
}

/// `s.rindex(sub, start, end)`: like `rfind` but raises "substring not found".
pub fn rindex<'a>(
    s: impl Into<PyStr<'a>>,
    sub: &str,
    start: Option<i64>,
    end: Option<i64>,
) -> Result<i64, TextError> {
    match rfind(s, sub, start, end) {
        -1 => Err(TextError::value("substring not found")),
        i => Ok(i),
    }
}

/// `s.count(sub, start, end)`: non-overlapping occurrences of `sub`.
pub fn count<'a>(s: impl Into<PyStr<'a>>, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let s = s.into();
    if start.is_none() && end.is_none() && !sub.is_empty() {
        return count_in(s.text, sub);
    }
    let (start, end) = adjust_indices(start, end, s.char_len());
    if end < start {
        return 0;
    }
    if sub.is_empty() {
        return (end - start) as i64 + 1;
    }
    let (b_start, b_end) = byte_window(s, start, end);
    count_in(&s.text[b_start..b_end], sub)
}

/// Non-overlapping occurrences of a non-empty `sub` in `window`.
fn count_in(window: &str, sub: &str) -> i64 {
    if sub.len() == 1 {
        // An ASCII byte never occurs inside a multi-byte UTF-8 sequence.
        let needle = sub.as_bytes()[0];
        return window.bytes().filter(|&b| b == needle).count() as i64;
    }
    window.matches(sub).count() as i64
}

/// `s.startswith(prefix, start, end)` for one prefix (tuples are the
/// caller's loop).
pub fn startswith<'a>(
    s: impl Into<PyStr<'a>>,
    prefix: &str,
    start: Option<i64>,
    end: Option<i64>,
) -> bool {
    let s = s.into();
    if start.is_none() && end.is_none() {
        return s.text.starts_with(prefix);
    }
    match search_window(s, start, end, char_len(prefix)) {
        Some((b_start, b_end)) => s.text[b_start..b_end].starts_with(prefix),
        None => false,
    }
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith<'a>(
    s: impl Into<PyStr<'a>>,
    suffix: &str,
    start: Option<i64>,
    end: Option<i64>,
) -> bool {
    let s = s.into();
    if start.is_none() && end.is_none() {
        return s.text.ends_with(suffix);
    }
    match search_window(s, start, end, char_len(suffix)) {
        Some((b_start, b_end)) => s.text[b_start..b_end].ends_with(suffix),
        None => false,
    }
}

// ---- replace

/// `s.replace(old, new, count)`; a negative `count` replaces all.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if limit == 0 {
        return s.to_string();
    }
    if old.is_empty() {
        // Insert `new` before every character and at the end, up to `limit`.
        let mut out = String::with_capacity(s.len() + new.len() * (s.len() + 1).min(limit));
        let mut done = 0;
        for c in s.chars() {
            if done < limit {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < limit {
            out.push_str(new);
        }
        return out;
    }
    replace_found(s, old, new, limit).0
}

/// `s.replace(old, new)` for a non-empty `old`, at most `limit` times: the
/// new text and how many replacements it made.
pub fn replace_found(s: &str, old: &str, new: &str, limit: usize) -> (String, usize) {
    let mut out = String::with_capacity(s.len());
    let (mut last, mut done) = (0, 0);
    while done < limit {
        let Some(pos) = find_bytes(&s[last..], old) else {
            break;
        };
        out.push_str(&s[last..last + pos]);
        out.push_str(new);
        last += pos + old.len();
        done += 1;
    }
    out.push_str(&s[last..]);
    (out, done)
}

/// The byte offset of the first `needle` in `hay`. Short needles (what
/// Python code mostly looks for) are found by scanning for their first
/// byte and comparing, which costs less than setting up the standard
/// two-way searcher; a UTF-8 needle can only match at a character start.
#[inline]
pub fn find_bytes(hay: &str, needle: &str) -> Option<usize> {
    const SHORT: usize = 8;
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    match n.len() {
        0 => Some(0),
        1 => h.iter().position(|&b| b == n[0]),
        len if len <= SHORT => find_short(h, n),
        _ => hay.find(needle),
    }
}

/// [`find_bytes`] of a needle of 2..=8 bytes: eight start positions at a
/// time, a word of the haystack compared with the needle's first byte and
/// the word `len - 1` further with its last (a zero byte in both XORs is a
/// candidate, whose middle bytes are then compared); the few start
/// positions left over one at a time.
fn find_short(h: &[u8], n: &[u8]) -> Option<usize> {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let len = n.len();
    // Sixteen starts a step where the haystack has that many.
    #[cfg(target_arch = "x86_64")]
    if h.len() >= len + 15 {
        return crate::str_find_simd::find_short(h, n);
    }
    let last_start = h.len().checked_sub(len)?;
    let (first, last, middle) = (n[0], n[len - 1], &n[1..len - 1]);
    let splat = |b: u8| u64::from_ne_bytes([b; 8]);
    let (firsts, lasts) = (splat(first), splat(last));
    let word = |at: usize| u64::from_le_bytes(h[at..at + 8].try_into().expect("8 bytes"));
    let mut i = 0;
    // Starts `i..i + 8` are all at most `last_start`, so the word read at
    // `i + len - 1` ends within the haystack.
    while i + 8 <= last_start + 1 {
        let x = (word(i) ^ firsts) | (word(i + len - 1) ^ lasts);
        // The high bit of each byte of `x` that is zero (exact: no carry
        // crosses bytes); byte k of the little-endian word is start i + k.
        let mut zeros = !(((x & LOW7) + LOW7) | x | LOW7);
        while zeros != 0 {
            let at = i + zeros.trailing_zeros() as usize / 8;
            if h[at + 1..at + len - 1] == *middle {
                return Some(at);
            }
            zeros &= zeros - 1;
        }
        i += 8;
    }
    (i..=last_start).find(|&at| h[at] == first && h[at + 1..at + len] == n[1..])
}

// ---- split

/// The "empty separator" ValueError of split, rsplit and partition.
fn empty_separator() -> TextError {
    TextError::value("empty separator")
}

/// Split on runs of whitespace, at most `maxsplit` times (negative: all).
fn split_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut splits_left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut rest = s.trim_start_matches(is_space);
    while !rest.is_empty() {
        if splits_left == 0 {
            out.push(rest);
            break;
        }
        match rest.find(is_space) {
            Some(pos) => {
                out.push(&rest[..pos]);
                rest = rest[pos..].trim_start_matches(is_space);
                splits_left -= 1;
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

/// Split on runs of whitespace from the right, at most `maxsplit` times.
fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut splits_left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut rest = s.trim_end_matches(is_space);
    while !rest.is_empty() {
        if splits_left == 0 {
            out.push(rest);
            break;
        }
        match rest.rfind(is_space) {
            Some(pos) => {
                let space_len = rest[pos..].chars().next().map_or(1, char::len_utf8);
                out.push(&rest[pos + space_len..]);
                rest = rest[..pos].trim_end_matches(is_space);
                splits_left -= 1;
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out.reverse();
    out
}

/// `s.split(sep, maxsplit)`: `sep=None` splits on whitespace runs and drops
/// empty strings; a negative `maxsplit` means no limit.
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, TextError> {
    let sep = match sep {
        None => return Ok(split_whitespace(s, maxsplit)),
        Some("") => return Err(empty_separator()),
        Some(sep) => sep,
    };
    if let &[byte] = sep.as_bytes() {
        // A one-byte separator is an ASCII char: the char searcher is faster.
        let sep = byte as char;
        if maxsplit < 0 {
            return Ok(s.split(sep).collect());
        }
        return Ok(s.splitn(maxsplit as usize + 1, sep).collect());
    }
    if maxsplit < 0 {
        return Ok(s.split(sep).collect());
    }
    Ok(s.splitn(maxsplit as usize + 1, sep).collect())
}

/// `s.rsplit(sep, maxsplit)`: like `split` but splitting from the right.
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, TextError> {
    let sep = match sep {
        None => return Ok(rsplit_whitespace(s, maxsplit)),
        Some("") => return Err(empty_separator()),
        Some(sep) => sep,
    };
    let mut parts: Vec<&str> = if maxsplit < 0 {
        s.rsplit(sep).collect()
    } else {
        s.rsplitn(maxsplit as usize + 1, sep).collect()
    };
    parts.reverse();
    Ok(parts)
}

/// Whether `c` ends a line for `splitlines` (`\n \r \v \f \x1c-\x1e \x85
/// \u2028 \u2029`).
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `s.splitlines(keepends)`; `\r\n` counts as one line break.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((pos, c)) = iter.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut break_end = pos + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = iter.peek() {
                iter.next();
                break_end += 1;
            }
        }
        out.push(&s[line_start..if keepends { break_end } else { pos }]);
        line_start = break_end;
    }
    if line_start < s.len() {
        out.push(&s[line_start..]);
    }
    out
}

/// `s.partition(sep)`: (head, sep, tail), or (s, "", "") when absent.
pub fn partition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), TextError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.find(sep) {
        Some(pos) => (&s[..pos], &s[pos..pos + sep.len()], &s[pos + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `s.rpartition(sep)`: split at the last `sep`, or ("", "", s).
pub fn rpartition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), TextError> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.rfind(sep) {
        Some(pos) => (&s[..pos], &s[pos..pos + sep.len()], &s[pos + sep.len()..]),
        None => ("", "", s),
    })
}

// ---- strip and affixes

/// `s.strip(chars)`: `None` strips whitespace.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_matches(is_space),
        Some(set) => s.trim_matches(|c: char| set.contains(c)),
    }
}

/// `s.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(is_space),
        Some(set) => s.trim_start_matches(|c: char| set.contains(c)),
    }
}

/// `s.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(is_space),
        Some(set) => s.trim_end_matches(|c: char| set.contains(c)),
    }
}

/// `s.removeprefix(prefix)`.
pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `s.removesuffix(suffix)`.
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}

#[cfg(test)]
#[path = "str_methods_tests.rs"]
mod tests;
