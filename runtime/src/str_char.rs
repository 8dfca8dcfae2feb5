//! One-character str tests against constant strs, for the JIT's typed
//! helpers: `c in " \n\t"` as a bit test in a mask of the constant's ASCII
//! bytes, `s[i] in CONST` without making the character's str, and
//! `c == "{"` as one length and one byte compare.
//!
//! A str of one byte is one ASCII character, and in UTF-8 an ASCII byte
//! never occurs inside a multi-byte character: so a one-byte needle is in a
//! str exactly when its byte is one of the str's ASCII bytes.

use crate::object::{cast, downcast, StrObj};
use crate::value::Value;

/// The ASCII bytes of `text` as a 128-bit mask (bit `b` set when byte `b`
/// occurs), low and high halves.
pub fn ascii_mask(text: &str) -> (u64, u64) {
    let (mut lo, mut hi) = (0u64, 0u64);
    for &b in text.as_bytes() {
        match b {
            0..=63 => lo |= 1 << b,
            64..=127 => hi |= 1 << (b - 64),
            _ => {}
        }
    }
    (lo, hi)
}

/// Is ASCII byte `b` (below 128) set in `mask` (as [`ascii_mask`] makes)?
#[inline(always)]
fn in_mask(b: u8, (lo, hi): (u64, u64)) -> bool {
    let half = if b < 64 { lo } else { hi };
    (half >> (b & 63)) & 1 != 0
}

/// `needle in hay` for two strs, where `mask` is `ascii_mask(hay)`: a bit
/// test when the needle is one byte, else the full search. False when
/// either is not a str (the callers guard both).
#[inline]
pub fn contains_masked(needle: Value, mask: (u64, u64), hay: Value) -> bool {
    let Some(n) = downcast::<StrObj>(needle) else {
        return false;
    };
    if let &[b] = n.value.as_bytes() {
        return in_mask(b, mask);
    }
    crate::str_fast::contains(hay, needle).unwrap_or(false)
}

/// `s[i] in hay` for a str `s`, where `mask` is `ascii_mask(hay)` of an
/// all-ASCII `hay` (so no other character is in it); None when `i` is out
/// of range (IndexError) or `s` is not a str.
#[inline]
pub fn char_at_in_mask(s: Value, i: i64, mask: (u64, u64)) -> Option<bool> {
    let obj = downcast::<StrObj>(s)?;
    let j = crate::subscript::norm_index(i, obj.char_len)?;
    if obj.is_ascii() {
        return Some(in_mask(obj.value.as_bytes()[j], mask));
    }
    let c = obj.value.chars().nth(j)?;
    Some(c.is_ascii() && in_mask(c as u8, mask))
}

/// `s == c` for a str `s` (guarded by the caller) and a one-byte str
/// whose byte is `b`.
#[inline]
pub fn is_byte(s: Value, b: u8) -> bool {
    // SAFETY: the caller guarded that `s` is a str.
    let obj = unsafe { cast::<StrObj>(s) };
    obj.value.as_bytes() == [b]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::Runtime;

    #[test]
    fn masked_membership_matches_search() {
        let mut rt = Runtime::new();
        let hays = [" \n\t", "-0123456789.", "", "é日x~\u{7f}@", "ab"];
        let needles = [
            "", " ", "\t", "x", "é", "日", "ab", "~", "\u{7f}", "@", "-", "A",
        ];
        for hay in hays {
            let h = rt.new_str(hay);
            let mask = ascii_mask(hay);
            for needle in needles {
                let n = rt.new_str(needle);
                assert_eq!(contains_masked(n, mask, h), hay.contains(needle));
            }
        }
    }

    #[test]
    fn char_at_in_mask_matches_indexing() {
        let mut rt = Runtime::new();
        let mask = ascii_mask(" \n\t{}~");
        for text in ["a {\t}", "é日 x~", ""] {
            let s = rt.new_str(text);
            let chars: Vec<char> = text.chars().collect();
            let n = chars.len() as i64;
            for i in -n - 2..n + 2 {
                let expect = crate::subscript::norm_index(i, chars.len())
                    .map(|j| " \n\t{}~".contains(chars[j]));
                assert_eq!(char_at_in_mask(s, i, mask), expect, "{text:?}[{i}]");
            }
        }
    }

    #[test]
    fn is_byte_compares_whole_str() {
        let mut rt = Runtime::new();
        for (text, expect) in [("{", true), ("{{", false), ("", false), ("é", false)] {
            let s = rt.new_str(text);
            assert_eq!(is_byte(s, b'{'), expect, "{text:?}");
        }
    }
}
