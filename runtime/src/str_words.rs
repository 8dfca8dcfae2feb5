//! Concatenation and slicing of strs, short texts a word at a time: a str's
//! text sits in its own allocation, after its fields, padded with zeros to
//! a whole word (see `Heap::str_block`), so a text of 1..=8 bytes is one
//! 8-byte load with zeros after the text.

use crate::heap::copy_text;
use crate::object::{downcast, StrObj};
use crate::runtime::Runtime;
use crate::str_fast::make;
use crate::value::Value;

/// The text of `obj` as a little-endian word, zeros after it.
///
/// # Safety
/// `obj`'s text must be 1..=8 bytes (so its allocation holds a whole word
/// of text and padding there).
#[inline(always)]
unsafe fn text_word(obj: &StrObj) -> u64 {
    // SAFETY: the text and its zero padding fill the word (the caller's
    // contract and `Heap::str_block`).
    unsafe { (obj.value.as_ptr() as *const u64).read_unaligned() }
}

/// `a + b` for two strs (None when either is not one): always a new str.
#[inline]
pub fn concat(rt: &mut Runtime, a: Value, b: Value) -> Option<Value> {
    let (x, y) = (downcast::<StrObj>(a)?, downcast::<StrObj>(b)?);
    Some(concat_parts(rt, [x, y]))
}

/// A new str of `parts` (at least two) one after the other, the first two
/// a word at a time when both are 1..=8 bytes (the compiled code's
/// two- and three-part concatenations call it with strs their trace
/// guarded).
#[inline(always)]
pub fn concat_parts<const N: usize>(rt: &mut Runtime, parts: [&StrObj; N]) -> Value {
    let (x, y) = (parts[0], parts[1]);
    let (xl, yl) = (x.value.len(), y.value.len());
    let len = parts.iter().map(|p| p.value.len()).sum();
    let char_len = parts.iter().map(|p| p.char_len).sum();
    // Allocating never collects or frees: every text stays where it is.
    // SAFETY: the new str's `len` bytes are written in full below: the
    // texts one after the other, UTF-8 of `char_len` characters.
    unsafe {
        let (p, dst) = rt.heap.alloc_str_unwritten(len, char_len);
        if xl.wrapping_sub(1) < 8 && yl.wrapping_sub(1) < 8 {
            // Both texts are 1..=8 bytes: the pair is at most two words,
            // zeros after the text, and the new block holds them whole (a
            // later part's copy overwrites the zeros after them).
            let w = text_word(x) as u128 | (text_word(y) as u128) << (8 * xl);
            (dst as *mut u64).write_unaligned(w as u64);
            if xl + yl > 8 {
                (dst.add(8) as *mut u64).write_unaligned((w >> 64) as u64);
            }
        } else {
            copy_text(&x.value, dst);
            copy_text(&y.value, dst.add(xl));
        }
        let mut at = xl + yl;
        for z in &parts[2..] {
            copy_text(&z.value, dst.add(at));
            at += z.value.len();
        }
        Value::from_ptr(p)
    }
}

/// `s[start:stop]` for a str (step 1, None for an omitted bound): a new
/// str, or the shared one for no or one character (as CPython shares them).
pub fn slice(rt: &mut Runtime, s: Value, start: Option<i64>, stop: Option<i64>) -> Option<Value> {
    let obj = downcast::<StrObj>(s)?;
    let range = crate::subscript::slice_range(start, stop, obj.char_len);
    let n = range.len();
    let text: &str = &obj.value;
    if !obj.is_ascii() {
        let at = |t: &str, k: usize| t.char_indices().nth(k).map_or(t.len(), |(i, _)| i);
        let from = at(text, range.start);
        let to = from + at(&text[from..], n);
        return Some(make(rt, &text[from..to], n));
    }
    // A word from the start is inside the text and its padding.
    let padded = (text.len() + 7) & !7;
    if (2..=8).contains(&n) && range.start + 8 <= padded {
        // SAFETY: the word read lies in the text and its padding (checked
        // just above); the new str's `n` ASCII bytes are written in full
        // (with zeros after them, inside its word of text).
        unsafe {
            let w = (text.as_ptr().add(range.start) as *const u64).read_unaligned();
            let (p, dst) = rt.heap.alloc_str_unwritten(n, n);
            (dst as *mut u64).write_unaligned(w & (u64::MAX >> (64 - 8 * n)));
            return Some(Value::from_ptr(p));
        }
    }
    Some(make(rt, &text[range], n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::str_of;

    const TEXTS: [&str; 9] = [
        "",
        "a",
        "ka",
        "1234567",
        "12345678",
        "123456789",
        "é",
        "日本語のテキスト",
        "a😀bcdefghijklmnopq",
    ];

    #[test]
    fn concat_of_every_length_pair() {
        let mut rt = Runtime::new();
        for x in TEXTS {
            for y in TEXTS {
                let (a, b) = (rt.new_str(x), rt.new_str(y));
                let v = concat(&mut rt, a, b).expect("two strs");
                let want = format!("{x}{y}");
                assert_eq!(str_of(v), want);
                let obj = downcast::<StrObj>(v).expect("a str");
                assert_eq!(obj.char_len, want.chars().count());
                // The padding after the text stays zero.
                let padded = (want.len() + 7) & !7;
                // SAFETY: the text and its padding are inside the allocation.
                let tail = unsafe {
                    std::slice::from_raw_parts(
                        obj.value.as_ptr().add(want.len()),
                        padded - want.len(),
                    )
                };
                assert!(tail.iter().all(|&b| b == 0), "{want:?}");
            }
        }
    }

    #[test]
    fn slice_of_every_range() {
        let mut rt = Runtime::new();
        for t in TEXTS {
            let s = rt.new_str(t);
            let chars: Vec<char> = t.chars().collect();
            let n = chars.len() as i64;
            for from in -n - 1..=n + 1 {
                for to in -n - 1..=n + 1 {
                    let v = slice(&mut rt, s, Some(from), Some(to)).expect("a str");
                    let r = crate::subscript::slice_range(Some(from), Some(to), chars.len());
                    let want: String = chars[r].iter().collect();
                    assert_eq!(str_of(v), want, "{t:?}[{from}:{to}]");
                    let obj = downcast::<StrObj>(v).expect("a str");
                    assert_eq!(obj.char_len, want.chars().count());
                }
            }
            let whole = slice(&mut rt, s, None, None).expect("a str");
            assert_eq!(str_of(whole), t);
        }
    }
}
