//! Str helpers whose trace guarded their operands' kinds: they read the
//! objects without checking them again.

use super::{ctx_rt, h_seq_iter_next, v, JitCtx};
use runtime::heap::copy_text;
use runtime::object::{cast, Header, IterObj, IterState, ObjKind, StrObj};
use runtime::{Runtime, Value};

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

/// A new str of `parts` (at least two) one after the other, the first
/// two a word at a time when both are 1..=8 bytes, as
/// `runtime::str_words::concat` (kept out of the runtime crate: a change
/// there moves the interpreter's dispatch codegen).
#[inline(always)]
fn concat_parts<const N: usize>(rt: &mut Runtime, parts: [&StrObj; N]) -> Value {
    let len = parts.iter().map(|p| p.value.len()).sum();
    let char_len = parts.iter().map(|p| p.char_len).sum();
    let (x, y) = (parts[0], parts[1]);
    let (xl, yl) = (x.value.len(), y.value.len());
    // Allocating never collects or frees: every text stays where it is.
    // SAFETY: the new str's `len` bytes are written in full below: the
    // texts one after the other, UTF-8 of `char_len` characters.
    unsafe {
        let (p, dst) = rt.heap.alloc_str_unwritten(len, char_len);
        if xl.wrapping_sub(1) < 8 && yl.wrapping_sub(1) < 8 {
            // A str block's text is padded with zeros to a whole word
            // (`Heap::str_block`): each short text is one load, the pair
            // one or two stores inside the new block (`len >= xl + yl`);
            // a later part's copy overwrites the zeros after them.
            let word = |s: &StrObj| (s.value.as_ptr() as *const u64).read_unaligned();
            let w = word(x) as u128 | (word(y) as u128) << (8 * xl);
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
    h_seq_iter_next(ctxp, a, b, c, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use runtime::object::downcast;
    use runtime::runtime::str_of;

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
