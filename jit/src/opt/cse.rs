//! Common subexpression elimination: an operation identical to an earlier
//! one on the same values is replaced by that one's value.
//!
//! Pure operations (`Opcode::is_pure`) qualify, and so do the checked ones
//! whose result depends only on their operands (`int_addov`, `int_floordiv`,
//! `int_neg`, `box_int`, `float_div`, ...): the earlier one passed its check
//! on the same values, so the later one cannot fail. Integer operations that
//! commute are matched either way round. The trace is linear, so an earlier
//! instruction dominates a later one; in a peeled trace a body instruction
//! identical to a preamble one is thereby hoisted out of the loop. A phi is
//! a value of its own, so nothing computed from it matches what was computed
//! from its `init`. Loads are the heap pass's job: memory may change.

use super::Rewriter;
use crate::ir::*;
use std::collections::HashMap;

/// An operation's identity: opcode (with its constant operands), type and
/// the new values it reads.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    /// The opcode's text with the operand values blanked out, e.g.
    /// `Int(AddOv, _, _)`, plus the constants it holds.
    shape: String,
    ty: u8,
    refs: Vec<Ref>,
}

/// Can `op` be shared with an identical earlier one?
fn shareable(op: &Opcode) -> bool {
    use Opcode::*;
    op.is_pure()
        || matches!(
            op,
            Int(..) | IntNeg(_) | BoxInt(_) | Float(FloatOp::Div, ..)
        )
}

/// The key of `op` (operands already renumbered), or None when it is not
/// shareable.
fn key(op: &Opcode, ty: Type) -> Option<Key> {
    if !shareable(op) {
        return None;
    }
    let mut refs = op.refs();
    let commutes = match op {
        Opcode::Int(o, ..) => matches!(
            o,
            IntOp::AddOv | IntOp::MulOv | IntOp::And | IntOp::Or | IntOp::Xor
        ),
        Opcode::IntCmp(c, ..) => matches!(c, Cond::Eq | Cond::Ne),
        Opcode::SameValue(..) => true,
        _ => false,
    };
    if commutes {
        refs.sort_unstable();
    }
    let mut blank = op.clone();
    blank.map_refs(|_| 0);
    let shape = match op {
        // Keep a constant's exact bits (Debug of a float loses nothing,
        // but `Const` and `ConstInt` say it plainly).
        Opcode::Const(v) => format!("Const({:#x})", v.to_bits()),
        _ => format!("{blank:?}"),
    };
    Some(Key {
        shape,
        ty: ty as u8,
        refs,
    })
}

/// The pass.
pub fn cse(trace: &Trace) -> Trace {
    let mut rw = Rewriter::new(trace);
    let mut seen: HashMap<Key, Ref> = HashMap::new();
    for (i, inst) in trace.insts.iter().enumerate() {
        let old = i as Ref;
        if matches!(inst.op, Opcode::Phi(..)) {
            rw.copy(old);
            continue;
        }
        let mut op = inst.op.clone();
        op.map_refs(|r| rw.get(r));
        match key(&op, inst.ty) {
            Some(k) => match seen.get(&k) {
                Some(&earlier) => rw.replace(old, earlier),
                None => {
                    let new = rw.copy(old);
                    seen.insert(k, new);
                }
            },
            None => {
                rw.copy(old);
            }
        }
    }
    rw.finish()
}
