//! Recording `a + b` of two strs: no kind guard on an operand known to be
//! a str (a constant, or a concatenation's result), and a chain `x + y + b`
//! whose intermediate `x + y` only passed through a temporary becomes one
//! `Helper::StrConcat3` call that never makes the intermediate.

use crate::helpers::Helper;
use crate::ir::*;
use crate::record_typed::{guard_kind, typed_call};
use crate::recorder::Recorder;
use runtime::object::{is_kind, ObjKind};
use runtime::Value;

/// `a + b` (also `a += b`) of two values that are strs this iteration.
/// `a_temp` is `a`'s slot (relative to the loop frame) when it is a
/// temporary, which no instruction after this one reads.
pub(crate) fn concat(r: &mut Recorder, (a, b): (Ref, Ref), a_temp: Option<i32>, pc: u32) -> Ref {
    for v in [a, b] {
        if !known_str(r, v) {
            guard_kind(r, v, ObjKind::Str, pc);
        }
    }
    if let Some(out) = fuse(r, (a, b), a_temp) {
        return out;
    }
    typed_call(r, Helper::StrConcat, vec![a, b], pc, Type::Val)
}

/// Is `v` a str whatever the trace's values: a constant str, or the
/// result of a concatenation (whose operands were guarded strs)?
fn known_str(r: &Recorder, v: Ref) -> bool {
    match r.insts.get(v as usize).map(|i| &i.op) {
        Some(Opcode::Const(k)) => is_kind(*k, ObjKind::Str),
        Some(Opcode::Call(Helper::StrConcat | Helper::StrConcat3, _)) => true,
        _ => false,
    }
}

/// `x + y + b` as one call when `a` is the `x + y` (`Helper::StrConcat`)
/// recorded last, kept only in the temporary `a_temp`: with nothing since
/// but constants and slot stores (no exit could find the temporary
/// without it), that call becomes a None constant. None when `a` is not
/// like that.
fn fuse(r: &mut Recorder, (a, b): (Ref, Ref), a_temp: Option<i32>) -> Option<Ref> {
    let temp = a_temp?;
    let Opcode::Call(Helper::StrConcat, ref args) = r.insts.get(a as usize)?.op else {
        return None;
    };
    let (x, y) = (args[0], args[1]);
    if b == a || r.insts[a as usize].snap.is_some() {
        return None;
    }
    let later = &r.insts[a as usize + 1..];
    let quiet = later.iter().all(|l| {
        l.snap.is_none()
            && match l.op {
                Opcode::SlotStore(slot, v) => v != a || slot == temp,
                Opcode::Const(_) | Opcode::ConstInt(_) => true,
                _ => false,
            }
    });
    let stores = later
        .iter()
        .filter(|l| l.op == Opcode::SlotStore(temp, a))
        .count();
    if !quiet || stores != 1 {
        return None;
    }
    r.insts[a as usize].op = Opcode::Const(Value::NONE);
    Some(r.push(
        Opcode::Call(Helper::StrConcat3, vec![x, y, b].into()),
        Type::Val,
        None,
    ))
}
