//! One-character str tests against a constant str: `c in " \n\t"` becomes
//! a bit test in a mask of the constant's ASCII bytes (`Helper::StrInMask`),
//! `s[i] in CONST` one call that never makes the character's str
//! (`Helper::StrCharInMask`), and `c == "{"` a length and byte compare
//! (`Helper::StrIsByte`). The constant needs no guards.

use crate::helpers::Helper;
use crate::ir::*;
use crate::record_typed::{guard_kind, typed_call};
use crate::recorder::Recorder;
use runtime::object::{is_kind, ObjKind};
use runtime::runtime::str_of;
use runtime::str_char::ascii_mask;
use runtime::Value;

/// The str `v` is the constant of, if it is a constant str.
fn const_str(r: &Recorder, v: Ref) -> Option<Value> {
    match r.insts.get(v as usize)?.op {
        Opcode::Const(k) if is_kind(k, ObjKind::Str) => Some(k),
        _ => None,
    }
}

/// `i in c` (a machine bool) for a str `i` (this iteration) and a
/// constant str `c`; None when `c` is not a constant. `i_temp` is `i`'s
/// slot when it is a temporary no later instruction reads.
pub(crate) fn in_const(
    r: &mut Recorder,
    (c, i): (Ref, Ref),
    i_temp: Option<i32>,
    pc: u32,
) -> Option<Ref> {
    let hay = str_of(const_str(r, c)?);
    let (lo, hi) = ascii_mask(hay);
    if hay.is_ascii() {
        if let Some(found) = char_in(r, i, i_temp, (lo, hi)) {
            return Some(found);
        }
    }
    guard_kind(r, i, ObjKind::Str, pc);
    let (lo, hi) = (r.kint(lo as i64), r.kint(hi as i64));
    Some(typed_call(
        r,
        Helper::StrInMask,
        vec![i, lo, hi, c],
        pc,
        Type::Bool,
    ))
}

/// `s[k] in c` for the all-ASCII constant `c` whose mask is `mask`, when
/// `i` is the `s[k]` (`Helper::StrGetItem`) just recorded, kept only in
/// the temporary `i_temp`: that call becomes a None constant (so the
/// character's str is never made) and one `Helper::StrCharInMask` call
/// answers, raising the IndexError where the subscript would have. None
/// when the needle is not like that.
fn char_in(r: &mut Recorder, i: Ref, i_temp: Option<i32>, (lo, hi): (u64, u64)) -> Option<Ref> {
    let temp = i_temp?;
    let inst = r.insts.get(i as usize)?;
    let Opcode::Call(Helper::StrGetItem, ref args) = inst.op else {
        return None;
    };
    let (s, k, snap) = (args[0], args[1], Some(inst.snap?));
    // Since the subscript: only its store to the temporary uses it, and
    // nothing can leave the trace (an exit would find None there).
    let later = &r.insts[i as usize + 1..];
    let only_stored = later.iter().all(|l| {
        l.snap.is_none() && (l.op == Opcode::SlotStore(temp, i) || !l.op.refs().contains(&i))
    });
    let stores = later
        .iter()
        .filter(|l| l.op == Opcode::SlotStore(temp, i))
        .count();
    if !only_stored || stores != 1 {
        return None;
    }
    r.insts[i as usize].op = Opcode::Const(Value::NONE);
    r.insts[i as usize].snap = None;
    let (lo, hi) = (r.kint(lo as i64), r.kint(hi as i64));
    // The subscript's exception snapshot: an IndexError is raised there.
    Some(r.push(
        Opcode::Call(Helper::StrCharInMask, vec![s, k, lo, hi].into()),
        Type::Bool,
        snap,
    ))
}

/// `a == b` (a machine bool) for two strs (this iteration), one of them a
/// constant one-byte str; None otherwise.
pub(crate) fn equal_const(r: &mut Recorder, (a, b): (Ref, Ref), pc: u32) -> Option<Ref> {
    let byte_of = |r: &Recorder, v: Ref| match str_of(const_str(r, v)?).as_bytes() {
        &[byte] => Some(byte),
        _ => None,
    };
    let (other, byte) = match (byte_of(r, a), byte_of(r, b)) {
        (_, Some(byte)) => (a, byte),
        (Some(byte), None) => (b, byte),
        (None, None) => return None,
    };
    guard_kind(r, other, ObjKind::Str, pc);
    let byte = r.kint(byte as i64);
    Some(typed_call(
        r,
        Helper::StrIsByte,
        vec![other, byte],
        pc,
        Type::Bool,
    ))
}
