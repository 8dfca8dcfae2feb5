//! Typed calls: a generic `binary_op` (or `inplace_op`: floats have no
//! in-place operators, so it is the same) call whose operands the trace proves
//! to be numbers of simple types becomes a typed helper that runs no
//! Python code, so later passes keep their facts across it.
//!
//! `a // b`, `a % b` and `a ** b` of two floats (or a float and an inline
//! int) become `float_binop`, followed by `guard_float` of its result. The
//! helper computes what the interpreter computes (the same runtime float
//! functions) and returns EMPTY, which no float is, where Python raises (a
//! zero divisor, a negative base to a fractional power, an overflow): the
//! guard then leaves through a copy of the call's exception snapshot as a
//! `Guard` exit at the same instruction, so the interpreter runs it again
//! and raises. Unlike `binary_op`, the helper allocates nothing and runs no
//! code: `sink` keeps slot stores pending across it, the heap facts survive
//! it, and the guard on its result makes the recorder's own `guard_float`
//! after it redundant.

use super::Rewriter;
use crate::helpers::{binop_kind, Helper};
use crate::ir::*;
use crate::snapshot::ExitKind;
use frontend::bytecode::BinOpKind;
use runtime::value::TAG_INT;
use rustc_hash::FxHashSet;

/// What a value is known to be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Number {
    Float,
    Int,
}

/// The pass; None when it would leave the trace as it is (no generic
/// arithmetic call): the pipeline keeps its input.
pub fn typed_calls(trace: &Trace) -> Option<Trace> {
    if !trace
        .insts
        .iter()
        .any(|i| matches!(i.op, Opcode::Call(Helper::BinaryOp | Helper::InplaceOp, _)))
    {
        return None;
    }
    let mut rw = Rewriter::new(trace);
    // New values known to be floats and inline ints (boxed).
    let mut floats: FxHashSet<Ref> = FxHashSet::default();
    let mut ints: FxHashSet<Ref> = FxHashSet::default();
    for (k, inst) in trace.insts.iter().enumerate() {
        let old = k as Ref;
        if let (Opcode::Call(Helper::BinaryOp | Helper::InplaceOp, args), Some(snap)) =
            (&inst.op, inst.snap)
        {
            if let Some(new) = float_binop(&mut rw, &floats, &ints, args, snap, inst.origin) {
                rw.replace(old, new);
                floats.insert(new);
                continue;
            }
        }
        let new = rw.copy(old);
        match rw.insts[new as usize].op {
            Opcode::BoxFloat(_) => {
                floats.insert(new);
            }
            Opcode::BoxInt(_) => {
                ints.insert(new);
            }
            Opcode::Const(c) if c.is_float() => {
                floats.insert(new);
            }
            Opcode::Const(c) if c.is_int() => {
                ints.insert(new);
            }
            Opcode::GuardFloat(v) => {
                floats.insert(v);
            }
            Opcode::GuardTag(v, tag) if tag == TAG_INT => {
                ints.insert(v);
            }
            _ => {}
        }
    }
    Some(rw.finish())
}

/// Emits `float_binop` and the guard on its result for the old call
/// `binary_op args` with exception snapshot `snap`, when its kind is one the
/// helper computes and its operands are numbers it takes; returns the
/// result (None: nothing emitted).
fn float_binop(
    rw: &mut Rewriter,
    floats: &FxHashSet<Ref>,
    ints: &FxHashSet<Ref>,
    args: &[Ref],
    snap: u32,
    origin: u32,
) -> Option<Ref> {
    let [kind, a, b] = *args else { return None };
    let Opcode::ConstInt(kind_number) = rw.insts[rw.get(kind) as usize].op else {
        return None;
    };
    if !matches!(
        binop_kind(kind_number as u64),
        BinOpKind::FloorDiv | BinOpKind::Mod | BinOpKind::Pow
    ) {
        return None;
    }
    let number = |r: Ref| {
        if floats.contains(&r) {
            Some(Number::Float)
        } else if ints.contains(&r) {
            Some(Number::Int)
        } else {
            None
        }
    };
    let (kind, a, b) = (rw.get(kind), rw.get(a), rw.get(b));
    match (number(a)?, number(b)?) {
        (Number::Int, Number::Int) => return None,
        _ if rw.old.snapshots[snap as usize].kind != ExitKind::Exception => return None,
        _ => {}
    }
    // Leaving here re-runs the instruction: none of it has run.
    let mut exit = rw.old.snapshots[snap as usize].clone();
    if !exit.entries.iter().all(|e| rw.is_mapped(e.1)) {
        return None;
    }
    for e in &mut exit.entries {
        e.1 = rw.get(e.1);
    }
    rw.remap_virtuals(&mut exit);
    exit.kind = ExitKind::Guard;
    let result = rw.emit(Inst {
        op: Opcode::Call(Helper::FloatBinop, CallArgs::new(&[kind, a, b])),
        ty: Type::Val,
        snap: None,
        origin,
    });
    let exit = rw.add_snapshot(exit);
    rw.emit(Inst {
        op: Opcode::GuardFloat(result),
        ty: Type::Void,
        snap: Some(exit),
        origin,
    });
    Some(result)
}
