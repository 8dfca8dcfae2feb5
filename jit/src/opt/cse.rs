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
//! from its `init`; but a phi the loop carries around unchanged (its `next`
//! is itself) is its `init`, and two phis with the same `init` and `next`
//! are one value. Loads are the heap pass's job: memory may change.

use super::Rewriter;
use crate::ir::*;
use rustc_hash::FxHashMap;

/// An operation's identity: opcode, the constant it holds or its
/// operation kind, its type, and the (at most two) new values it reads.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    opcode: std::mem::Discriminant<Opcode>,
    payload: u64,
    ty: u8,
    refs: [Ref; 2],
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
    let payload = match *op {
        Opcode::Const(v) => v.to_bits(),
        Opcode::ConstInt(i) => i as u64,
        Opcode::Int(o, ..) => o as u64,
        Opcode::IntCmp(c, ..) | Opcode::FloatCmp(c, ..) => c as u64,
        Opcode::Float(o, ..) => o as u64,
        _ => 0,
    };
    let mut refs = [Ref::MAX; 2];
    let mut n = 0;
    let mut too_many = false;
    op.for_each_ref(|r| {
        match refs.get_mut(n) {
            Some(slot) => *slot = r,
            None => too_many = true,
        }
        n += 1;
    });
    if too_many {
        return None;
    }
    let commutes = match op {
        Opcode::Int(o, ..) => matches!(
            o,
            IntOp::AddOv
                | IntOp::Add
                | IntOp::MulOv
                | IntOp::Mul
                | IntOp::And
                | IntOp::Or
                | IntOp::Xor
                | IntOp::Min
                | IntOp::Max
        ),
        Opcode::IntCmp(c, ..) => matches!(c, Cond::Eq | Cond::Ne),
        Opcode::SameValue(..) => true,
        _ => false,
    };
    if commutes {
        refs.sort_unstable();
    }
    Some(Key {
        opcode: std::mem::discriminant(op),
        payload,
        ty: ty as u8,
        refs,
    })
}

/// The pass.
pub fn cse(trace: &Trace) -> Trace {
    let mut rw = Rewriter::new(trace);
    // Sized for the trace: growing it cost more than the lookups.
    let mut seen: FxHashMap<Key, Ref> =
        FxHashMap::with_capacity_and_hasher(trace.insts.len() / 2, Default::default());
    // (new init, old next) -> the phi already made for them.
    let mut phis: FxHashMap<(Ref, Ref), Ref> = FxHashMap::default();
    for (i, inst) in trace.insts.iter().enumerate() {
        let old = i as Ref;
        if let Opcode::Phi(init, next) = inst.op {
            let init = rw.get(init);
            if next == old || (rw.is_mapped(next) && rw.get(next) == init) {
                // The loop carries the phi's own value around, or the value it
                // started with: it is its init (a phi naming this one as its
                // next then gets the init too).
                rw.replace(old, init);
                continue;
            }
            match phis.get(&(init, next)) {
                // Moved at the same edges from the same values: the same value.
                Some(&same) => rw.replace(old, same),
                None => {
                    let new = rw.copy(old);
                    phis.insert((init, next), new);
                }
            }
            continue;
        }
        let mut op = inst.op;
        op.map_refs(|r| rw.get(r));
        match key(&op, inst.ty) {
            Some(k) => match seen.get(&k) {
                // A phi's next may be the preamble's value (then the phi
                // carries an invariant).
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
