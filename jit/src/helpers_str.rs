//! Str helpers whose trace guarded their operands' kinds: they read the
//! objects without checking them again.

use super::{
    ctx_rt, h_int_of_str, h_seq_iter_next, h_str_char_in_mask, h_str_chr, h_str_find,
    h_str_getitem, h_str_ord, v, HelperFn, JitCtx, NO_BOUND,
};
use runtime::object::{cast, Header, IterObj, IterState, ObjKind, StrObj};
use runtime::str_words::concat_parts;
use runtime::subscript::norm_index;
use runtime::Value;

/// Calls the general helper `h` out of line, so that the fast paths that
/// fall back to it save no registers.
#[cold]
#[inline(never)]
fn out_of_line(h: HelperFn, ctxp: *mut JitCtx, [a, b, c, d]: [u64; 4]) -> u64 {
    h(ctxp, a, b, c, d)
}

/// `Helper::StrConcat` (frameless): `a + b`, both guarded strs.
pub(super) extern "sysv64" fn h_str_concat(
    ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    _c: u64,
    _d: u64,
) -> u64 {
    // SAFETY: as in `ctx_rt`; the trace guarded (or made) both strs.
    unsafe {
        let rt = ctx_rt(ctxp);
        concat_parts(rt, [cast::<StrObj>(v(a)), cast::<StrObj>(v(b))]).to_bits()
    }
}

/// `Helper::StrConcat3` (frameless): `a + b + c`, all three known strs.
pub(super) extern "sysv64" fn h_str_concat3(
    ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    c: u64,
    _d: u64,
) -> u64 {
    // SAFETY: as in `ctx_rt`; the trace guarded (or made) all three strs.
    unsafe {
        let rt = ctx_rt(ctxp);
        let parts: [&StrObj; 3] = [
            cast::<StrObj>(v(a)),
            cast::<StrObj>(v(b)),
            cast::<StrObj>(v(c)),
        ];
        concat_parts(rt, parts).to_bits()
    }
}

/// `Helper::StrIterNext` (frameless): the next character of an iterator
/// the trace guarded to be a builtin iterator in state `Seq`, which over a
/// str (always ASCII there) yields the shared one-character strs; EMPTY
/// when exhausted. A `Seq` over a list or tuple takes `h_seq_iter_next`.
pub(super) extern "sysv64" fn h_str_iter_next(
    ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    c: u64,
    d: u64,
) -> u64 {
    // SAFETY: the trace guarded that `a` is an iterator.
    let io = unsafe { cast::<IterObj>(v(a)) };
    if let IterState::Seq { seq, index } = &mut io.state {
        // SAFETY: a `Seq`'s sequence is always an object.
        if unsafe { (*seq.as_ptr::<Header>()).kind } == ObjKind::Str {
            // SAFETY: its kind was just read.
            let text = unsafe { cast::<StrObj>(*seq) }.value.as_bytes();
            if let Some(&byte) = text.get(*index) {
                *index += 1;
                // SAFETY: as in `ctx_rt`.
                return unsafe { ctx_rt(ctxp) }.ascii_char(byte).to_bits();
            }
            io.state = IterState::Done;
            return Value::EMPTY.to_bits();
        }
    }
    out_of_line(h_seq_iter_next, ctxp, [a, b, c, d])
}

/// `Helper::StrGetItem` (frameless): `a[b]` of a guarded str, the shared
/// one-character str of an ASCII text's byte; the rest (a non-ASCII text,
/// the IndexError) takes `h_str_getitem`.
pub(super) extern "sysv64" fn h_str_getitem_typed(
    ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    c: u64,
    d: u64,
) -> u64 {
    // SAFETY: the trace guarded that `a` is a str.
    let s = unsafe { cast::<StrObj>(v(a)) };
    if s.is_ascii() {
        if let Some(j) = norm_index(b as i64, s.char_len) {
            // SAFETY: as in `ctx_rt`.
            return unsafe { ctx_rt(ctxp) }
                .ascii_char(s.value.as_bytes()[j])
                .to_bits();
        }
    }
    out_of_line(h_str_getitem, ctxp, [a, b, c, d])
}

/// `Helper::StrCharInMask` (frameless): `a[b] in hay` of a guarded ASCII
/// str by a bit test in the mask `(c, d)` (`runtime::str_char::ascii_mask`
/// of `hay`); the rest takes `h_str_char_in_mask`.
pub(super) extern "sysv64" fn h_str_char_in_mask_typed(
    ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    c: u64,
    d: u64,
) -> u64 {
    // SAFETY: the trace guarded that `a` is a str.
    let s = unsafe { cast::<StrObj>(v(a)) };
    if s.is_ascii() {
        if let Some(j) = norm_index(b as i64, s.char_len) {
            let byte = s.value.as_bytes()[j];
            let half = if byte < 64 { c } else { d };
            return (half >> (byte & 63)) & 1;
        }
    }
    out_of_line(h_str_char_in_mask, ctxp, [a, b, c, d])
}

/// `Helper::StrOrd` (frameless): `ord(a)` of a guarded str of one byte;
/// the rest takes `h_str_ord`.
pub(super) extern "sysv64" fn h_str_ord_typed(
    ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    c: u64,
    d: u64,
) -> u64 {
    // SAFETY: the trace guarded that `a` is a str.
    let s = unsafe { cast::<StrObj>(v(a)) };
    if let [byte] = *s.value.as_bytes() {
        return byte as u64;
    }
    out_of_line(h_str_ord, ctxp, [a, b, c, d])
}

/// `Helper::StrChr` (frameless): `chr(a)` of an ASCII code is its shared
/// str; the rest takes `h_str_chr`.
pub(super) extern "sysv64" fn h_str_chr_typed(
    ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    c: u64,
    d: u64,
) -> u64 {
    if a < 128 {
        // SAFETY: as in `ctx_rt`.
        return unsafe { ctx_rt(ctxp) }.ascii_char(a as u8).to_bits();
    }
    out_of_line(h_str_chr, ctxp, [a, b, c, d])
}

/// `Helper::IntOfStr` (frameless): `int(a)` of a guarded str of 1..=18
/// ASCII digits after an optional `-`, without the general parser (which
/// `h_int_of_str` runs for the rest: signs, spaces, underscores,
/// non-ASCII digits, errors).
pub(super) extern "sysv64" fn h_int_of_str_typed(
    ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    c: u64,
    d: u64,
) -> u64 {
    // SAFETY: the trace guarded that `a` is a str.
    let text = unsafe { cast::<StrObj>(v(a)) }.value.as_bytes();
    let (negative, digits) = match text {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, text),
    };
    if !(1..=18).contains(&digits.len()) {
        return out_of_line(h_int_of_str, ctxp, [a, b, c, d]);
    }
    // One pass: each byte checked and added.
    let mut n = 0i64;
    for &byte in digits {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            return out_of_line(h_int_of_str, ctxp, [a, b, c, d]);
        }
        n = n * 10 + digit as i64;
    }
    let n = if negative { -n } else { n };
    // SAFETY: as in `ctx_rt`.
    unsafe { ctx_rt(ctxp) }.int_from_i64(n).to_bits()
}

/// How far `Helper::StrFind`'s one-byte search scans before it leaves a
/// longer search to the runtime's vectorised one.
const SHORT_SCAN: usize = 32;

/// `Helper::StrFind` (frameless): `a.find(b, c)` of two guarded strs. A
/// one-byte needle in an ASCII text from a start that is not negative is
/// a byte scan (the needles programs look for next are mostly near);
/// the rest takes `h_str_find`.
pub(super) extern "sysv64" fn h_str_find_typed(
    ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    c: u64,
    d: u64,
) -> u64 {
    // SAFETY: the trace guarded that both are strs.
    let (s, sub) = unsafe { (cast::<StrObj>(v(a)), cast::<StrObj>(v(b))) };
    let start = c as i64;
    if let (&[byte], true) = (sub.value.as_bytes(), s.is_ascii()) {
        let from = if start == NO_BOUND { 0 } else { start };
        if from >= 0 {
            let Some(rest) = s.value.as_bytes().get(from as usize..) else {
                return -1i64 as u64;
            };
            if let Some(i) = find_byte_near(rest, byte) {
                return (from + i as i64) as u64;
            }
            if rest.len() <= SHORT_SCAN {
                return -1i64 as u64;
            }
        }
    }
    out_of_line(h_str_find, ctxp, [a, b, c, d])
}

/// The offset of the first `byte` in the first [`SHORT_SCAN`] bytes of
/// `h`: sixteen bytes a compare with SSE2 while sixteen remain, the last
/// few one at a time.
#[inline(always)]
fn find_byte_near(h: &[u8], byte: u8) -> Option<usize> {
    use std::arch::x86_64::*;
    let mut at = 0;
    while at < SHORT_SCAN && at + 16 <= h.len() {
        // SAFETY: SSE2 is part of the x86_64 baseline; the sixteen bytes
        // read from `at` lie inside `h` (checked just above).
        let mask = unsafe {
            let block = _mm_loadu_si128(h.as_ptr().add(at) as *const __m128i);
            _mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_set1_epi8(byte as i8))) as u32
        };
        if mask != 0 {
            return Some(at + mask.trailing_zeros() as usize);
        }
        at += 16;
    }
    let tail = &h[at..h.len().min(SHORT_SCAN.max(at))];
    tail.iter().position(|&x| x == byte).map(|i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use runtime::object::downcast;
    use runtime::runtime::str_of;
    use runtime::Runtime;

    #[test]
    fn find_byte_near_scans_the_first_bytes() {
        for len in 0..80 {
            let h: Vec<u8> = (0..len).map(|i| b'a' + (i % 7) as u8).collect();
            for at in 0..=len {
                let mut h = h.clone();
                if at < len {
                    h[at] = b'"';
                }
                let want = h.iter().take(SHORT_SCAN).position(|&x| x == b'"');
                assert_eq!(find_byte_near(&h, b'"'), want, "{len} {at}");
            }
        }
    }

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

    /// The str `v` is, its text padded with zeros to a whole word.
    fn check(v: Value, want: &str) {
        assert_eq!(str_of(v), want);
        let obj = downcast::<StrObj>(v).expect("a str");
        assert_eq!(obj.char_len, want.chars().count());
        let padded = (want.len() + 7) & !7;
        // SAFETY: the text and its padding are inside the allocation.
        let tail = unsafe {
            std::slice::from_raw_parts(obj.value.as_ptr().add(want.len()), padded - want.len())
        };
        assert!(tail.iter().all(|&b| b == 0), "{want:?}");
    }

    #[test]
    fn concat_parts_of_every_length_pair_and_triple() {
        let mut rt = Runtime::new();
        let strs: Vec<(&str, Value)> = TEXTS.iter().map(|&t| (t, rt.new_str(t))).collect();
        let obj = |v: Value| downcast::<StrObj>(v).expect("a str");
        for &(x, a) in &strs {
            for &(y, b) in &strs {
                let v = concat_parts(&mut rt, [obj(a), obj(b)]);
                check(v, &format!("{x}{y}"));
                for &(z, c) in &strs {
                    let v = concat_parts(&mut rt, [obj(a), obj(b), obj(c)]);
                    check(v, &format!("{x}{y}{z}"));
                }
            }
        }
    }
}
