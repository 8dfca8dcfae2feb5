//! Store sinking: `slot_store`s leave the trace and live in the `entries` of
//! the snapshots after them, so a slot is written only when a guard fails
//! (its exit stub writes the entries) or when something needs the stack.
//!
//! A store stays pending until one of these flushes it (re-emits it):
//! - a call that reads or writes slots (arguments passed by slot, unpacking,
//!   inner loops): every pending store;
//! - any other call (it may allocate and so collect, and compiled code's
//!   registers and spill slots are not GC roots): every pending store whose
//!   value may be a heap pointer; `box_int`/`box_float`/`box_bool` results
//!   and non-object constants may stay pending;
//! - the body's `loop_header` (end of the preamble), `loop_back`, and a
//!   guard leaving to an inner loop's exit (`InnerLoop`: the interpreter
//!   rebuilds its state from the inner trace's exit, not from this one's
//!   entries): every pending store.
//!
//! A store overwritten while pending disappears; a `slot_load` of a pending
//! slot becomes the stored value. Traces whose snapshots already have
//! entries are left alone (an earlier pass sank something this pass would
//! have to order against).

use super::slot_effects::{reads_slots, slot_writes, SlotWrites};
use super::Rewriter;
use crate::ir::{Inst, Opcode, Ref, Trace, Type};
use crate::snapshot::{ExitKind, Snapshot};
use std::collections::BTreeMap;

/// A snapshot's slot entries.
type Entries = Vec<(i32, Ref)>;

/// A store not done yet: the new value and the old store's origin.
#[derive(Clone, Copy)]
struct Pending {
    value: Ref,
    origin: u32,
}

/// The trace with its slot stores sunk into exits.
pub fn sink(trace: &Trace) -> Trace {
    if trace.snapshots.iter().any(|s| !s.entries.is_empty()) {
        return trace.clone();
    }
    let mut rw = Rewriter::new(trace);
    // Ordered by slot, so flushes come out in a stable order.
    let mut pending: BTreeMap<i32, Pending> = BTreeMap::new();
    // Per old snapshot: the entries of its latest copy, and that copy.
    let mut last_copy: Vec<Option<(Entries, u32)>> = vec![None; trace.snapshots.len()];
    let first_header = trace.insts.iter().position(|i| i.op == Opcode::LoopHeader);
    for (k, inst) in trace.insts.iter().enumerate() {
        let old = k as Ref;
        match &inst.op {
            Opcode::SlotStore(s, v) => {
                let value = rw.get(*v);
                pending.insert(
                    *s,
                    Pending {
                        value,
                        origin: inst.origin,
                    },
                );
                continue;
            }
            Opcode::SlotLoad(s) => {
                if let Some(p) = pending.get(s) {
                    rw.replace(old, p.value);
                    continue;
                }
            }
            Opcode::LoopHeader if Some(k) != first_header => flush(&mut rw, &mut pending, all),
            Opcode::LoopBack => flush(&mut rw, &mut pending, all),
            Opcode::Call(h, _) => {
                let effects = h.effects();
                if reads_slots(*h) || slot_writes(trace, inst) != SlotWrites::Nothing {
                    flush(&mut rw, &mut pending, all);
                } else if effects.allocates || effects.runs_code {
                    flush(&mut rw, &mut pending, may_be_pointer);
                }
            }
            _ => {}
        }
        let snap = inst.snap.map(|s| &trace.snapshots[s as usize]);
        if snap.is_some_and(|s| s.kind == ExitKind::InnerLoop) {
            flush(&mut rw, &mut pending, all);
        }
        let mut copy = Inst {
            snap: None,
            ..inst.clone()
        };
        rw.renumber(&mut copy);
        if let (Some(snap), Some(old_snap)) = (snap, inst.snap) {
            let entries: Vec<(i32, Ref)> = pending.iter().map(|(&s, p)| (s, p.value)).collect();
            // Guards sharing a snapshot share its copy while the entries agree.
            let new_snap = match &last_copy[old_snap as usize] {
                Some((same, k)) if *same == entries => *k,
                _ => {
                    let mut copy = Snapshot {
                        entries: entries.clone(),
                        ..snap.clone()
                    };
                    rw.remap_virtuals(&mut copy);
                    let k = rw.add_snapshot(copy);
                    last_copy[old_snap as usize] = Some((entries, k));
                    k
                }
            };
            copy.snap = Some(new_snap);
        }
        let new = rw.emit(copy);
        rw.replace(old, new);
    }
    rw.finish()
}

/// Emits the pending stores `must` says yes to (given the output so far)
/// and forgets them.
fn flush(rw: &mut Rewriter, pending: &mut BTreeMap<i32, Pending>, must: fn(&[Inst], Ref) -> bool) {
    let slots: Vec<i32> = pending
        .iter()
        .filter(|(_, p)| must(&rw.insts, p.value))
        .map(|(&s, _)| s)
        .collect();
    for s in slots {
        let p = pending.remove(&s).expect("a pending store");
        rw.emit(Inst {
            op: Opcode::SlotStore(s, p.value),
            ty: Type::Void,
            snap: None,
            origin: p.origin,
        });
    }
}

/// Every pending store.
fn all(_: &[Inst], _: Ref) -> bool {
    true
}

/// May new value `v` be a pointer to a heap object (which only a stored
/// slot keeps alive across a collection)?
fn may_be_pointer(insts: &[Inst], v: Ref) -> bool {
    match insts[v as usize].op {
        Opcode::BoxInt(_) | Opcode::BoxFloat(_) | Opcode::BoxBool(_) => false,
        Opcode::Const(c) => c.is_ptr(),
        _ => true,
    }
}
