//! Dead code elimination: removes pure operations and loads whose value
//! nobody uses. Uses are operands of kept instructions, the `init` and
//! `next` of kept phis, and the entries of the snapshots kept instructions
//! carry. Guards, stores, calls (but those of helpers that only make a
//! value), checked arithmetic (their checks are guards) and the loop
//! markers always stay. A phi nobody else uses goes,
//! with the values only its `next` needed.

use super::Rewriter;
use crate::helpers::Helper;
use crate::ir::*;

/// Can the instruction go when its value is unused? A `box_int` can, even
/// with its range check: the check only sends a wide int to the interpreter
/// to be boxed as a big int, and nobody needs the box (exits that write the
/// value box it themselves, see `box_exits`).
/// So can a call of a helper that only computes a value or allocates a
/// new object and cannot raise (a str, a big int): allocation is not
/// observable (it never collects).
fn removable(inst: &Inst) -> bool {
    let op = &inst.op;
    op.is_pure()
        || op.is_load()
        || matches!(op, Opcode::Phi(..) | Opcode::BoxInt(_))
        || matches!(op, Opcode::Call(h, _) if inst.snap.is_none() && value_only(*h))
}

/// Helpers whose only effect is their result (perhaps a new object).
fn value_only(h: Helper) -> bool {
    let e = h.effects();
    !h.may_raise() && !e.runs_code && !e.writes_heap && !e.writes_versions && !e.writes_slots
}

/// The pass.
pub fn dce(trace: &Trace) -> Trace {
    let live = live_values(trace);
    let mut rw = Rewriter::new(trace);
    for (i, _) in trace.insts.iter().enumerate() {
        if live[i] {
            rw.copy(i as Ref);
        }
    }
    rw.finish()
}

/// Which instructions stay: those that must, and what they use
/// (transitively), found with a worklist because a phi's `next` comes after it.
fn live_values(trace: &Trace) -> Vec<bool> {
    let mut live = vec![false; trace.insts.len()];
    let mut work: Vec<Ref> = Vec::new();
    for (i, inst) in trace.insts.iter().enumerate() {
        if !removable(inst) {
            live[i] = true;
            work.push(i as Ref);
        }
    }
    while let Some(r) = work.pop() {
        let inst = &trace.insts[r as usize];
        let mut mark = |u: Ref| {
            if !live[u as usize] {
                live[u as usize] = true;
                work.push(u);
            }
        };
        inst.op.for_each_ref(&mut mark);
        if let Some(s) = inst.snap {
            for u in trace.snapshots[s as usize].exit_values() {
                mark(u);
            }
        }
    }
    live
}
