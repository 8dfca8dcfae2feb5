//! The plain cases of the hot str methods (`split`, `join`, `replace`,
//! `upper`, `lower`, `strip`, `startswith`, `endswith`) on values whose
//! types are already known: no argument binding, no Python code, and the new
//! strs' character counts computed from the operands instead of counted.
//! The methods in `str_type` call these once they have checked their
//! arguments; the JIT's typed helpers call them after guarding the types.
//! Each returns None where only the full method can answer (it raises).

use crate::heap::copy_text;
use crate::object::*;
use crate::runtime::{str_of, Runtime};
use crate::str_methods as sm;
use crate::str_transform as st;
use crate::str_type::{new_str_counted, new_str_from};
use crate::value::Value;

/// The str object behind `v`, when it is one.
fn str_obj<'a>(v: Value) -> Option<&'a StrObj> {
    downcast::<StrObj>(v).map(|o| &*o)
}

/// A new str for `text` of `char_len` characters: the empty and
/// one-character strs are the shared ones (as CPython shares them).
pub fn make(rt: &mut Runtime, text: &str, char_len: usize) -> Value {
    match char_len {
        0 => rt.intern(""),
        1 => rt.intern_char(text),
        _ => new_str_from(rt, text, char_len),
    }
}

/// An f-string's text (`BuildString`): its parts one after the other, in
/// one str sized from the parts' lengths and character counts, rather than
/// grown in a Rust string (reallocating) and then copied. A part that is
/// not a str counts as empty, as `str_of` reads it (the compiler passes
/// only formatted strs).
pub fn concat_parts(rt: &mut Runtime, parts: &[Value]) -> Value {
    let (mut bytes, mut chars) = (0, 0);
    for &part in parts {
        if let Some(s) = str_obj(part) {
            bytes += s.value.len();
            chars += s.char_len;
        }
    }
    let texts = parts.iter().map(|&part| str_of(part));
    Value::from_ptr(rt.heap.alloc_str(bytes, chars, texts))
}

/// A new str owning `text` of `char_len` characters (shared when short).
pub fn make_owned(rt: &mut Runtime, text: String, char_len: usize) -> Value {
    if char_len <= 1 {
        return make(rt, &text, char_len);
    }
    new_str_counted(rt, text, char_len)
}

/// The characters in `part` of a str that is ASCII when `ascii`.
fn chars_in(part: &str, ascii: bool) -> usize {
    if ascii {
        part.len()
    } else {
        part.chars().count()
    }
}

// ---- split and join

/// `s.split(sep)` (no maxsplit) of a str `s` and a str or None (`sep_v`,
/// EMPTY for none given); None when `sep` is empty or not a str (the
/// method raises).
pub fn split(rt: &mut Runtime, s: Value, sep_v: Value) -> Option<Value> {
    let obj = str_obj(s)?;
    let ascii = obj.is_ascii();
    let sep = if sep_v.is_none() || sep_v.is_empty() {
        None
    } else {
        Some(&*str_obj(sep_v)?.value)
    };
    let Some(sep) = sep else {
        let parts = sm::split(&obj.value, None, -1).ok()?;
        let items = parts
            .iter()
            .map(|p| make(rt, p, chars_in(p, ascii)))
            .collect();
        return Some(rt.new_list(items));
    };
    if let &[byte] = sep.as_bytes() {
        return Some(split_byte(rt, s, byte));
    }
    if sep.is_empty() {
        return None;
    }
    let items = obj
        .value
        .split(sep)
        .map(|p| make(rt, p, chars_in(p, ascii)))
        .collect::<Vec<_>>();
    Some(rt.new_list(items))
}

/// `s.split(sep)` of a str by a one-byte (so ASCII) separator: a byte scan,
/// which no multi-byte character can match inside.
fn split_byte(rt: &mut Runtime, s: Value, sep: u8) -> Value {
    let obj = str_obj(s).expect("a str");
    let (text, ascii) = (&*obj.value, obj.is_ascii());
    let bytes = text.as_bytes();
    let mut count = 0;
    each_byte(bytes, sep, |_| count += 1);
    if count == 0 {
        // CPython returns the str itself as the only part.
        return rt.new_list(vec![s]);
    }
    let mut items = Vec::with_capacity(count + 1);
    let mut start = 0;
    each_byte(bytes, sep, |i| {
        let part = &text[start..i];
        items.push(make(rt, part, chars_in(part, ascii)));
        start = i + 1;
    });
    let part = &text[start..];
    items.push(make(rt, part, chars_in(part, ascii)));
    rt.new_list(items)
}

/// Calls `f` with the offset of each `byte` in `h`, in order.
#[inline]
fn each_byte(h: &[u8], byte: u8, f: impl FnMut(usize)) {
    #[cfg(target_arch = "x86_64")]
    crate::str_find_simd::each_byte(h, byte, f);
    #[cfg(not(target_arch = "x86_64"))]
    {
        let mut f = f;
        for (i, &b) in h.iter().enumerate() {
            if b == byte {
                f(i);
            }
        }
    }
}

/// `sep.join(items)` of a str `sep` and a list or tuple's items; None when
/// an item is not a str (the method raises TypeError).
pub fn join(rt: &mut Runtime, sep: Value, items: &[Value]) -> Option<Value> {
    let sep = str_obj(sep)?;
    let (mut bytes, mut chars) = (0, 0);
    for &item in items {
        let part = str_obj(item)?;
        bytes += part.value.len();
        chars += part.char_len;
    }
    if let [only] = items {
        return Some(*only);
    }
    let gaps = items.len().saturating_sub(1);
    chars += gaps * sep.char_len;
    if chars <= 1 {
        let mut out = String::new();
        for (i, &item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep.value);
            }
            out.push_str(str_of(item));
        }
        return Some(make(rt, &out, chars));
    }
    // Written straight into the new str (allocating never collects, so
    // the items' texts stay put).
    let sep_text: &str = &sep.value;
    let len = bytes + gaps * sep_text.len();
    // SAFETY: the new str's text is the items' texts with `sep` between
    // them: `len` bytes of UTF-8 text of `chars` characters, written in
    // full below; every item is a str (checked above, and nothing has run
    // since that could change the sequence). Words are written only below
    // the end of the text's last word (inside the new str's block).
    unsafe {
        let (p, dst) = rt.heap.alloc_str_unwritten(len, chars);
        let end = dst.add((len + 7) & !7);
        let (first, rest) = items.split_first().expect("two or more items");
        let mut at = put_text(cast::<StrObj>(*first), dst, end);
        // A loop per kind of separator: the common empty and one-byte ones
        // cost no copy.
        match sep_text.as_bytes() {
            [] => {
                for &item in rest {
                    at = put_text(cast::<StrObj>(item), at, end);
                }
            }
            &[byte] => {
                for &item in rest {
                    *at = byte;
                    at = put_text(cast::<StrObj>(item), at.add(1), end);
                }
            }
            _ => {
                for &item in rest {
                    at = put_text(sep, at, end);
                    at = put_text(cast::<StrObj>(item), at, end);
                }
            }
        }
        debug_assert_eq!(at, dst.add(len));
        Some(Value::from_ptr(p))
    }
}

/// Writes `part`'s text at `at` and returns where it ends. A text of
/// 1..=8 bytes is one word (its text with the zeros after it, as every
/// str's block holds it) when a whole word fits below `end`: the next
/// part overwrites the zeros, and those after the last part are the new
/// str's padding.
///
/// # Safety
/// `at..end` must be writable and hold `part`'s text.
#[inline(always)]
unsafe fn put_text(part: &StrObj, at: *mut u8, end: *mut u8) -> *mut u8 {
    let text: &str = &part.value;
    let n = text.len();
    // SAFETY: a 1..=8-byte text's word lies inside its block (text and
    // zero padding); the word written lies below `end` (checked), and the
    // copy inside `at..end` (the caller's contract).
    unsafe {
        if n.wrapping_sub(1) < 8 && end.offset_from(at) >= 8 {
            let word = (text.as_ptr() as *const u64).read_unaligned();
            (at as *mut u64).write_unaligned(word);
        } else {
            copy_text(text, at);
        }
        at.add(n)
    }
}

/// `sep.join(seq)` of a str `sep` and a list or tuple `seq`; None for
/// another sequence or a non-str item.
pub fn join_seq(rt: &mut Runtime, sep: Value, seq: Value) -> Option<Value> {
    if !matches!(kind_of(seq), Some(ObjKind::List | ObjKind::Tuple)) {
        return None;
    }
    // Allocating a str never collects or touches the sequence.
    let items = crate::protocol::seq_items(seq);
    join(rt, sep, items)
}

// ---- replace

/// `s.replace(old, new, count)` of three strs (`count` < 0: all); None
/// when one is not a str. `s` itself when nothing is replaced.
pub fn replace(rt: &mut Runtime, s: Value, old: Value, new: Value, count: i64) -> Option<Value> {
    let (so, oo, no) = (str_obj(s)?, str_obj(old)?, str_obj(new)?);
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    if !oo.value.is_empty() {
        if let Some(found) = replace_in_place(rt, s, old, new, limit) {
            return Some(found);
        }
    }
    let (text, replaced) = if oo.value.is_empty() {
        let text = sm::replace(&so.value, "", &no.value, count);
        (text, (so.char_len + 1).min(limit))
    } else {
        sm::replace_found(&so.value, &oo.value, &no.value, limit)
    };
    if replaced == 0 {
        return Some(s);
    }
    // Each replacement swaps `old`'s characters for `new`'s.
    let chars = so.char_len + replaced * no.char_len - replaced * oo.char_len;
    Some(make_owned(rt, text, chars))
}

/// [`replace`] of a non-empty `old` found at most [`FEW_MATCHES`] times
/// (`limit` counted): the matches' offsets found first, so the new str is
/// allocated at its exact size and written once, with no `String` to
/// build, grow and copy from. `s` itself when nothing is replaced; None
/// for more matches or a result of at most one character (the slower path
/// shares those).
fn replace_in_place(
    rt: &mut Runtime,
    s: Value,
    old: Value,
    new: Value,
    limit: usize,
) -> Option<Value> {
    let (so, oo, no) = (str_obj(s)?, str_obj(old)?, str_obj(new)?);
    let (text, old_text, new_text): (&str, &str, &str) = (&so.value, &oo.value, &no.value);
    let mut at = [0usize; FEW_MATCHES];
    let (mut n, mut last) = (0, 0);
    while n < limit {
        let Some(pos) = sm::find_bytes(&text[last..], old_text) else {
            break;
        };
        if n == FEW_MATCHES {
            return None;
        }
        at[n] = last + pos;
        last += pos + old_text.len();
        n += 1;
    }
    if n == 0 {
        return Some(s);
    }
    let chars = so.char_len + n * no.char_len - n * oo.char_len;
    if chars <= 1 {
        return None;
    }
    let bytes = text.len() + n * new_text.len() - n * old_text.len();
    // SAFETY: the new str's text is `text` with each of the `n` matches
    // (non-overlapping, in order, at char boundaries) swapped for
    // `new_text`: `bytes` bytes of UTF-8 of `chars` characters, written in
    // full below. Allocating never collects, so the texts stay put.
    unsafe {
        let (p, mut dst) = rt.heap.alloc_str_unwritten(bytes, chars);
        let mut from = 0;
        for &m in &at[..n] {
            copy_text(&text[from..m], dst);
            dst = dst.add(m - from);
            copy_text(new_text, dst);
            dst = dst.add(new_text.len());
            from = m + old_text.len();
        }
        copy_text(&text[from..], dst);
        Some(Value::from_ptr(p))
    }
}

/// How many matches [`replace_in_place`] keeps offsets for on the stack.
const FEW_MATCHES: usize = 32;

/// `needle in hay` for two strs.
pub fn contains(hay: Value, needle: Value) -> Option<bool> {
    Some(sm::find_bytes(&str_obj(hay)?.value, &str_obj(needle)?.value).is_some())
}

// ---- case, strip, affixes

/// `s.upper()` of a str.
pub fn upper(rt: &mut Runtime, s: Value) -> Option<Value> {
    let obj = str_obj(s)?;
    if obj.is_ascii() {
        if !obj.value.bytes().any(|b| b.is_ascii_lowercase()) {
            return Some(s);
        }
        let text: &str = &obj.value;
        let p = rt.heap.alloc_str_copy(text, text.len());
        // SAFETY: `p` is the str just made; nothing else refers to it yet.
        unsafe { (*p).value.as_mut_str().make_ascii_uppercase() };
        return Some(Value::from_ptr(p));
    }
    let text = st::upper(&obj.value);
    Some(changed_or_same(rt, s, text))
}

/// `s.lower()` of a str.
pub fn lower(rt: &mut Runtime, s: Value) -> Option<Value> {
    let obj = str_obj(s)?;
    if obj.is_ascii() {
        if !obj.value.bytes().any(|b| b.is_ascii_uppercase()) {
            return Some(s);
        }
        let text: &str = &obj.value;
        let p = rt.heap.alloc_str_copy(text, text.len());
        // SAFETY: `p` is the str just made; nothing else refers to it yet.
        unsafe { (*p).value.as_mut_str().make_ascii_lowercase() };
        return Some(Value::from_ptr(p));
    }
    let text = st::lower(&obj.value);
    Some(changed_or_same(rt, s, text))
}

/// `s` itself when `text` is its text, else a new str for `text`.
fn changed_or_same(rt: &mut Runtime, s: Value, text: String) -> Value {
    if text == str_of(s) {
        return s;
    }
    let n = text.chars().count();
    make_owned(rt, text, n)
}

/// `s.strip()`, `s.lstrip()` or `s.rstrip()` (`which` 0, 1, 2) of a str,
/// with no characters given (whitespace).
pub fn strip(rt: &mut Runtime, s: Value, which: u8) -> Option<Value> {
    let obj = str_obj(s)?;
    let text = &*obj.value;
    let part = match which {
        0 => sm::strip(text, None),
        1 => sm::lstrip(text, None),
        _ => sm::rstrip(text, None),
    };
    if part.len() == text.len() {
        return Some(s);
    }
    Some(make(rt, part, chars_in(part, obj.is_ascii())))
}

/// `s.startswith(prefix)` of two strs.
pub fn starts_with(s: Value, prefix: Value) -> Option<bool> {
    Some(str_obj(s)?.value.starts_with(&*str_obj(prefix)?.value))
}

/// `s.endswith(suffix)` of two strs.
pub fn ends_with(s: Value, suffix: Value) -> Option<bool> {
    Some(str_obj(s)?.value.ends_with(&*str_obj(suffix)?.value))
}

// ---- slices with a step

/// `obj[start:stop:step]` of a str, list or tuple (None for an omitted
/// bound); None for another type or a zero step (ValueError).
pub fn slice_step(
    rt: &mut Runtime,
    obj: Value,
    (start, stop): (Option<i64>, Option<i64>),
    step: i64,
) -> Option<Value> {
    if step == 0 {
        return None;
    }
    match kind_of(obj)? {
        ObjKind::Str => {
            let o = str_obj(obj)?;
            let si = crate::subscript::step_indices(start, stop, step, o.char_len);
            if o.is_ascii() {
                // Bytes are characters: written straight into the new str.
                let b = o.value.as_bytes();
                // SAFETY: `si.len` ASCII bytes of `b` (its indices are in
                // range), one per index, written in full; allocating never
                // collects, so `b` stays put.
                unsafe {
                    let (p, dst) = rt.heap.alloc_str_unwritten(si.len, si.len);
                    for (k, i) in si.indices().enumerate() {
                        *dst.add(k) = b[i];
                    }
                    return Some(Value::from_ptr(p));
                }
            }
            let chars: Vec<char> = o.value.chars().collect();
            let text: String = si.indices().map(|i| chars[i]).collect();
            // Always a new str, as `subscript::getitem` makes (so `is`
            // answers the same with and without the JIT).
            Some(new_str_counted(rt, text, si.len))
        }
        ObjKind::List | ObjKind::Tuple => {
            let items = crate::protocol::seq_items(obj);
            let si = crate::subscript::step_indices(start, stop, step, items.len());
            let out: Vec<Value> = si.indices().map(|i| items[i]).collect();
            Some(if is_kind(obj, ObjKind::List) {
                rt.new_list(out)
            } else {
                rt.new_tuple(out)
            })
        }
        _ => None,
    }
}

// ---- by number, for the JIT

/// The str methods whose plain cases [`call_plain`] runs, by number.
pub const PLAIN_METHODS: [&str; 10] = [
    "split",
    "join",
    "replace",
    "upper",
    "lower",
    "strip",
    "lstrip",
    "rstrip",
    "startswith",
    "endswith",
];

/// Are `args` (after the receiver) a plain case of method number `method`:
/// one [`call_plain`] answers without raising?
pub fn plain_args(method: usize, args: &[Value]) -> bool {
    let is_str = |v: Value| is_kind(v, ObjKind::Str);
    match (PLAIN_METHODS.get(method), args) {
        (Some(&"split"), []) => true,
        (Some(&"split"), [sep]) => sep.is_none() || (is_str(*sep) && !str_of(*sep).is_empty()),
        (Some(&"join"), [seq]) => {
            matches!(kind_of(*seq), Some(ObjKind::List | ObjKind::Tuple))
                && crate::protocol::seq_items(*seq).iter().all(|&v| is_str(v))
        }
        (Some(&"replace"), [old, new]) => is_str(*old) && is_str(*new),
        (Some(&("upper" | "lower" | "strip" | "lstrip" | "rstrip")), []) => true,
        (Some(&("startswith" | "endswith")), [affix]) => is_str(*affix),
        _ => false,
    }
}

/// Method number `method` of str `s` with arguments `a` and `b` (EMPTY
/// when not given); None where the full method must run (it raises, or an
/// argument is of another type).
pub fn call_plain(rt: &mut Runtime, method: usize, s: Value, a: Value, b: Value) -> Option<Value> {
    str_obj(s)?;
    let given = |v: Value| !v.is_empty();
    // By number (the names' positions in PLAIN_METHODS, which the tests
    // check): no name compares per call.
    match (method, given(a), given(b)) {
        (0, _, false) => split(rt, s, a),
        (1, true, false) => join_seq(rt, s, a),
        (2, true, true) => replace(rt, s, a, b, -1),
        (3, false, false) => upper(rt, s),
        (4, false, false) => lower(rt, s),
        (5, false, false) => strip(rt, s, 0),
        (6, false, false) => strip(rt, s, 1),
        (7, false, false) => strip(rt, s, 2),
        (8, true, false) => starts_with(s, a).map(Value::from_bool),
        (9, true, false) => ends_with(s, a).map(Value::from_bool),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(list: Value) -> Vec<String> {
        crate::protocol::seq_items(list)
            .iter()
            .map(|&v| str_of(v).to_string())
            .collect()
    }

    fn chars(v: Value) -> usize {
        str_obj(v).map_or(usize::MAX, |o| o.char_len)
    }

    #[test]
    fn split_matches_str_split() {
        let mut rt = Runtime::new();
        for (text, sep) in [
            ("a b  c", " "),
            ("", ","),
            (",", ","),
            ("héllo,wörld,", ","),
            ("abcabc", "bc"),
            ("no sep", ","),
            ("  x  y ", ""),
        ] {
            let s = rt.new_str(text);
            let sep_v = if sep.is_empty() {
                Value::NONE
            } else {
                rt.new_str(sep)
            };
            let list = split(&mut rt, s, sep_v).expect("a split");
            let want: Vec<String> = if sep.is_empty() {
                text.split_whitespace().map(String::from).collect()
            } else {
                text.split(sep).map(String::from).collect()
            };
            assert_eq!(texts(list), want, "{text:?} by {sep:?}");
            for &part in crate::protocol::seq_items(list) {
                assert_eq!(chars(part), str_of(part).chars().count());
            }
        }
        let s = rt.new_str("abc");
        let empty = rt.new_str("");
        assert!(split(&mut rt, s, empty).is_none());
    }

    #[test]
    fn join_counts_and_refuses_non_strs() {
        let mut rt = Runtime::new();
        let parts: Vec<Value> = ["é", "", "xy"].iter().map(|p| rt.new_str(p)).collect();
        let sep = rt.new_str("--");
        let joined = join(&mut rt, sep, &parts).expect("strs");
        assert_eq!(str_of(joined), "é----xy");
        assert_eq!(chars(joined), 7);
        assert!(join(&mut rt, sep, &[parts[0], Value::int(1)]).is_none());
        let none = join(&mut rt, sep, &[]).expect("empty");
        assert_eq!(str_of(none), "");
    }

    #[test]
    fn replace_counts_characters() {
        let mut rt = Runtime::new();
        for (text, old, new, count) in [
            ("ALPHA BETA ALPHA", "ALPHA", "a", -1),
            ("ééé", "é", "xy", 2),
            ("abc", "", "-", -1),
            ("abc", "", "-", 2),
            ("abc", "z", "-", -1),
            ("aaa", "a", "", 0),
        ] {
            let (s, o, n) = (rt.new_str(text), rt.new_str(old), rt.new_str(new));
            let r = replace(&mut rt, s, o, n, count).expect("strs");
            let want = sm::replace(text, old, new, count);
            assert_eq!(str_of(r), want);
            assert_eq!(chars(r), want.chars().count());
        }
    }

    #[test]
    fn case_and_strip() {
        let mut rt = Runtime::new();
        let s = rt.new_str("Straße x");
        let up = upper(&mut rt, s).expect("a str");
        assert_eq!((str_of(up), chars(up)), ("STRASSE X", 9));
        let same = rt.new_str("ABC");
        assert_eq!(upper(&mut rt, same), Some(same));
        let low = lower(&mut rt, same).expect("a str");
        assert_eq!(str_of(low), "abc");
        let padded = rt.new_str("  ü x\t");
        let stripped = strip(&mut rt, padded, 0).expect("a str");
        assert_eq!((str_of(stripped), chars(stripped)), ("ü x", 3));
        let left = strip(&mut rt, padded, 1).expect("a str");
        assert_eq!(str_of(left), "ü x\t");
    }

    #[test]
    fn methods_by_number() {
        // `call_plain` dispatches on positions in PLAIN_METHODS: every
        // name must reach its own method.
        let mut rt = Runtime::new();
        let number = |name| {
            PLAIN_METHODS
                .iter()
                .position(|&m| m == name)
                .expect("a method")
        };
        let s = rt.new_str("a,b");
        let comma = rt.new_str(",");
        let list = call_plain(&mut rt, number("split"), s, comma, Value::EMPTY).expect("split");
        assert_eq!(texts(list), ["a", "b"]);
        assert!(plain_args(number("join"), &[list]));
        let joined = call_plain(&mut rt, number("join"), comma, list, Value::EMPTY);
        assert_eq!(joined.map(str_of), Some("a,b"));
        let yes = call_plain(&mut rt, number("startswith"), s, comma, Value::EMPTY);
        assert_eq!(yes, Some(Value::FALSE));
        // A tuple of prefixes, a non-str separator: the full method decides.
        assert!(!plain_args(number("startswith"), &[list]));
        assert!(call_plain(&mut rt, number("split"), s, Value::int(1), Value::EMPTY).is_none());
        assert!(call_plain(&mut rt, number("replace"), s, comma, Value::EMPTY).is_none());
        assert!(call_plain(&mut rt, PLAIN_METHODS.len(), s, comma, comma).is_none());
        let padded = rt.new_str(" aB,b ");
        let by_name = |rt: &mut Runtime, name, a| {
            call_plain(rt, number(name), padded, a, Value::EMPTY).map(str_of)
        };
        assert_eq!(by_name(&mut rt, "upper", Value::EMPTY), Some(" AB,B "));
        assert_eq!(by_name(&mut rt, "lower", Value::EMPTY), Some(" ab,b "));
        assert_eq!(by_name(&mut rt, "strip", Value::EMPTY), Some("aB,b"));
        assert_eq!(by_name(&mut rt, "lstrip", Value::EMPTY), Some("aB,b "));
        assert_eq!(by_name(&mut rt, "rstrip", Value::EMPTY), Some(" aB,b"));
        let tail = rt.new_str("b ");
        let ends = call_plain(&mut rt, number("endswith"), padded, tail, Value::EMPTY);
        assert_eq!(ends, Some(Value::TRUE));
        let ab = rt.new_str("aB");
        let x = rt.new_str("x");
        let replaced = call_plain(&mut rt, number("replace"), padded, ab, x);
        assert_eq!(replaced.map(str_of), Some(" x,b "));
    }
}
