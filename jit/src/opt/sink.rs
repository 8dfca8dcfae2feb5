//! Store sinking: `slot_store`s leave the trace and live in the `entries` of
//! the snapshots after them, so a slot is written only when a guard fails
//! (its exit stub writes the entries) or when something needs the stack.
//!
//! A store stays pending until one of these flushes it (re-emits it):
//! - a call that reads or writes slots (arguments passed by slot, unpacking,
//!   inner loops): every pending store; a direct call (a marked `call`)
//!   reads only its function and arguments, so the other slots live at its
//!   pc keep a pending value that is not a pointer (see below);
//! - any other call that may run Python code (which may reach a safepoint
//!   and collect, and compiled code's registers and spill slots are not GC
//!   roots): every pending store whose value may be a heap pointer;
//!   `box_int`/`box_float`/`box_bool` results and non-object constants may
//!   stay pending. Calls that only allocate flush nothing: allocation
//!   never collects;
//! - a guard leaving to an inner loop's exit (`InnerLoop`: the interpreter
//!   rebuilds its state from the inner trace's exit, not from this one's
//!   entries), and `loop_back` of a trace that does not loop locally:
//!   every pending store.
//!
//! In a peeled loop the stores pending at `loop_back` go around the loop
//! (LuaJIT style) instead: each such slot gets a phi (`init`: its value at
//! the end of the preamble, `next`: its value pending at `loop_back`) that
//! is pending from the body's header on, whose snapshot names it; other
//! stores pending at the end of the preamble are done there. So a slot the
//! body writes every iteration is written only when the trace leaves.
//!
//! A store overwritten while pending disappears; a `slot_load` of a pending
//! slot becomes the stored value. A store still pending where the loop
//! header comes next (`loop_back`, the preamble's end) to a slot dead there
//! (an inlined callee's frame, call temporaries: see
//! [`super::slot_effects::dead_from`]) is dropped: the next
//! iteration writes the slot before anything reads it, and an exit before
//! that resumes where the slot is not read either. The slot keeps an older
//! value, which the GC has marked all along (it marks every slot up to the
//! trace's stack top). Traces whose snapshots already have
//! entries are left alone (an earlier pass sank something this pass would
//! have to order against).

use super::slot_effects::{
    dead_from, direct_call_args, direct_call_reads, exact_slot_reads, slot_reads, slot_writes,
    SlotWrites,
};
use super::Rewriter;
use crate::ir::{Inst, Opcode, Ref, Trace, Type};
use crate::loop_slots::mask_covers;
use crate::snapshot::{ExitKind, VirtualValue};
use runtime::value::TAG_PTR;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// A store not done yet: the new value and the old store's origin.
#[derive(Clone, Copy)]
struct Pending {
    value: Ref,
    origin: u32,
    /// The old trace's value (None: made by this pass).
    old: Option<Ref>,
}

/// The trace with its slot stores sunk into exits; None when it would
/// leave the trace as it is (already sunk): the pipeline keeps its input.
pub fn sink(trace: &Trace) -> Option<Trace> {
    if trace.snapshots.iter().any(|s| !s.entries.is_empty()) {
        return None;
    }
    // What a first run leaves pending at loop_back is what goes around,
    // except slots whose value there is a preamble value other than the
    // one they enter the body with (a phi's `next` is a body value).
    let first = sink_with(trace, &[]);
    let mut around = first.at_back.clone();
    for _ in 0..3 {
        if around.is_empty() {
            break;
        }
        let run = sink_with(trace, &around);
        if run.not_carried.is_empty() {
            return Some(run.trace);
        }
        around.retain(|s| !run.not_carried.contains(s));
    }
    Some(first.trace)
}

/// What one run of the pass made.
struct Run {
    trace: Trace,
    /// Slots with a store pending at `loop_back` (of a local loop).
    at_back: Vec<i32>,
    /// Slots asked to go around that cannot.
    not_carried: Vec<i32>,
}

/// Sinks the stores of `trace`, carrying the slots `around` around a local
/// loop through phis.
fn sink_with(trace: &Trace, around: &[i32]) -> Run {
    let mut rw = Rewriter::new(trace);
    // Ordered by slot, so flushes come out in a stable order.
    let mut pending: BTreeMap<i32, Pending> = BTreeMap::new();
    let mut at_back = Vec::new();
    // Per old snapshot: its latest copy (whose entries are what it was
    // made with).
    let mut last_copy: Vec<Option<u32>> = vec![None; trace.snapshots.len()];
    let body = trace
        .insts
        .iter()
        .rposition(|i| i.op == Opcode::LoopHeader)
        .filter(|&h| h > 0 && trace.local_loop);
    // The body's header (new), and the values going around at its entry
    // from the preamble, until their phis are emitted after the body's own.
    let mut header = None;
    let mut inits: Vec<(i32, Pending)> = Vec::new();
    // Slot and phi of each value going around.
    let mut carried: Vec<(i32, Ref)> = Vec::new();
    // Carried phis that are their `init` (the slot holds it throughout).
    let mut invariant: Vec<(Ref, Ref)> = Vec::new();
    let mut not_carried = Vec::new();
    let dead = dead_from(trace);
    // Stores dropped before an inner loop that reads neither their slots nor
    // writes them (see `flush_read`): later loads still see their values.
    let mut dropped: BTreeMap<i32, Ref> = BTreeMap::new();
    let last_use = last_uses(trace);
    for (k, inst) in trace.insts.iter().enumerate() {
        let old = k as Ref;
        if !inits.is_empty() && !matches!(inst.op, Opcode::Phi(..)) {
            add_carried_phis(&mut rw, &mut pending, &mut carried, &mut inits, header);
            // Guards sharing the header's snapshot must not take its copy
            // for one without the carried entries.
            let old_snap = body.and_then(|b| trace.insts[b].snap);
            if let (Some(h), Some(old_snap)) = (header, old_snap) {
                if let Some(new) = rw.insts[h].snap {
                    last_copy[old_snap as usize] = Some(new);
                }
            }
        }
        match &inst.op {
            Opcode::SlotStore(s, v) => {
                let value = rw.get(*v);
                dropped.remove(s);
                if !pending.contains_key(s) && holds(&rw.insts, *s, value) {
                    // The slot holds the value already (it was just loaded).
                    continue;
                }
                pending.insert(
                    *s,
                    Pending {
                        value,
                        origin: inst.origin,
                        old: Some(*v),
                    },
                );
                continue;
            }
            Opcode::SlotLoad(s) => {
                if let Some(v) = pending.get(s).map(|p| p.value).or(dropped.get(s).copied()) {
                    rw.replace(old, v);
                    continue;
                }
            }
            Opcode::LoopHeader if Some(k) == body => {
                // The end of the preamble: what goes around stays pending
                // (as its phi's init; a slot stored earlier is read back),
                // the rest is stored.
                for &s in around {
                    let p = pending.remove(&s).unwrap_or_else(|| Pending {
                        value: in_memory(&rw.insts, s).unwrap_or_else(|| {
                            rw.emit(Inst {
                                op: Opcode::SlotLoad(s),
                                ty: Type::Val,
                                snap: None,
                                origin: inst.origin,
                            })
                        }),
                        origin: inst.origin,
                        old: None,
                    });
                    inits.push((s, p));
                }
                pending.retain(|&s, _| s < dead);
                flush(&mut rw, &mut pending, all);
                header = Some(rw.insts.len());
            }
            Opcode::LoopBack => {
                pending.retain(|&s, _| s < dead);
                if body.is_some() {
                    at_back = pending.keys().copied().collect();
                }
                for &(s, phi) in &carried {
                    let Opcode::Phi(init, _) = rw.insts[phi as usize].op else {
                        continue;
                    };
                    let next = match pending.remove(&s) {
                        // Done already (memory has it): it cannot go around.
                        None => {
                            not_carried.push(s);
                            phi
                        }
                        // The same preamble value every time: the phi is it.
                        Some(p) if p.value == init => {
                            invariant.push((phi, init));
                            phi
                        }
                        // Another preamble value: a phi's next is a body value.
                        Some(p) if header.is_some_and(|h| p.value as usize <= h) => {
                            not_carried.push(s);
                            phi
                        }
                        Some(p) => p.value,
                    };
                    rw.insts[phi as usize].op = Opcode::Phi(init, next);
                }
                flush(&mut rw, &mut pending, all);
            }
            Opcode::Call(h, _) => {
                let effects = h.effects();
                let writes = slot_writes(&trace.insts, inst);
                let reads = slot_reads(&trace.insts, inst);
                // A dropped store a call may read is done after all.
                let due: Vec<i32> = dropped
                    .keys()
                    .copied()
                    .filter(|&s| reads.covers(s))
                    .collect();
                for s in due {
                    let value = dropped.remove(&s).expect("a dropped store");
                    rw.emit(Inst {
                        op: Opcode::SlotStore(s, value),
                        ty: Type::Void,
                        snap: None,
                        origin: inst.origin,
                    });
                }
                dropped.retain(|&s, _| !writes.covers(s));
                // A direct call reads its function and arguments; the
                // other slots live at its pc it leaves alone.
                let exact = exact_slot_reads(&trace.insts, inst);
                let live = exact
                    .is_none()
                    .then(|| direct_call_reads(trace, inst))
                    .flatten();
                let read = exact.or_else(|| live.and(direct_call_args(trace, inst)));
                if let Some(read) = read {
                    let call = Call {
                        read,
                        live,
                        writes,
                        at: k,
                    };
                    flush_read(
                        &mut rw,
                        &mut pending,
                        &mut dropped,
                        call,
                        (trace, &last_use),
                    );
                } else if reads != SlotWrites::Nothing || writes != SlotWrites::Nothing {
                    flush(&mut rw, &mut pending, all);
                } else if effects.runs_code {
                    // Only Python code reaches a safepoint: allocation never
                    // collects, so pointers may stay pending across it.
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
            ..*inst
        };
        rw.renumber(&mut copy);
        if let (Some(snap), Some(old_snap)) = (snap, inst.snap) {
            // Slots dead where the exit resumes keep their older values.
            let entries = pending
                .iter()
                .filter(|(&s, _)| !mask_covers(snap.dead, s))
                .map(|(&s, p)| (s, p.value));
            // Guards sharing a snapshot share its copy while the entries
            // agree (compared without collecting them first).
            let new_snap = match last_copy[old_snap as usize] {
                Some(k)
                    if rw.snapshots[k as usize]
                        .entries
                        .iter()
                        .copied()
                        .eq(entries.clone()) =>
                {
                    k
                }
                _ => {
                    let mut copy = snap.with_entries(entries.collect());
                    rw.remap_virtuals(&mut copy);
                    let k = rw.add_snapshot(copy);
                    last_copy[old_snap as usize] = Some(k);
                    k
                }
            };
            copy.snap = Some(new_snap);
        }
        let new = rw.emit(copy);
        rw.replace(old, new);
    }
    let mut trace = rw.finish();
    share_phis(&mut trace, &carried, &invariant);
    Run {
        trace,
        at_back,
        not_carried,
    }
}

/// Emits a phi for each value going around the loop (after the body's own
/// phis), makes it the slot's pending value, and names them all in the
/// body header's snapshot (the header runs after the phis took their values).
fn add_carried_phis(
    rw: &mut Rewriter,
    pending: &mut BTreeMap<i32, Pending>,
    carried: &mut Vec<(i32, Ref)>,
    inits: &mut Vec<(i32, Pending)>,
    header: Option<usize>,
) {
    for (s, p) in std::mem::take(inits) {
        let phi = rw.emit(Inst {
            op: Opcode::Phi(p.value, p.value),
            ty: Type::Val,
            snap: None,
            origin: p.origin,
        });
        carried.push((s, phi));
        pending.insert(
            s,
            Pending {
                value: phi,
                origin: p.origin,
                old: None,
            },
        );
    }
    let Some(h) = header else { return };
    if let Some(snap) = rw.insts[h].snap {
        let entries = pending.iter().map(|(&s, p)| (s, p.value)).collect();
        // The header's own snapshot takes them; a shared one is copied.
        let shared = rw.insts.iter().filter(|i| i.snap == Some(snap)).count() > 1;
        if shared {
            let copy = rw.snapshots[snap as usize].with_entries(entries);
            rw.insts[h].snap = Some(rw.add_snapshot(copy));
        } else {
            rw.snapshots[snap as usize].entries = entries;
        }
    }
}

/// A carried phi that is its `init` (`invariant`), or has the same `init`
/// and `next` as another phi (peel's phi of a slot the body reads), is
/// replaced by that value in every use; then nothing uses it (dce removes
/// it; it stays well formed as a phi of itself).
fn share_phis(trace: &mut Trace, carried: &[(i32, Ref)], invariant: &[(Ref, Ref)]) {
    let mut same: FxHashMap<Ref, Ref> = invariant.iter().copied().collect();
    for &(_, c) in carried {
        if same.contains_key(&c) {
            continue;
        }
        let op = trace.insts[c as usize].op;
        let twin = trace
            .insts
            .iter()
            .position(|i| i.op == op && i.ty == Type::Val)
            .map(|k| k as Ref);
        if let Some(t) = twin.filter(|&t| t != c) {
            same.insert(c, t);
        }
    }
    if same.is_empty() {
        return;
    }
    let to = |r: Ref| same.get(&r).copied().unwrap_or(r);
    for inst in &mut trace.insts {
        inst.op.map_refs(to);
    }
    for snap in &mut trace.snapshots {
        for e in &mut snap.entries {
            e.1 = to(e.1);
        }
        for f in snap.virtuals.iter_mut().flat_map(|v| v.fields.iter_mut()) {
            if let VirtualValue::Ref(r) = &mut f.value {
                *r = to(*r);
            }
        }
    }
    for &c in same.keys() {
        if let Opcode::Phi(init, _) = trace.insts[c as usize].op {
            trace.insts[c as usize].op = Opcode::Phi(init, c);
        }
    }
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

/// A call that says which slots it reads (see [`flush_read`]).
struct Call {
    read: SlotWrites,
    /// A direct call: the slots live at its pc (its exits and those after
    /// it resume where they are read), which it reads none of but its
    /// function and arguments.
    live: Option<SlotWrites>,
    writes: SlotWrites,
    /// Its index in the old trace.
    at: usize,
}

/// Before a call that reads only the slots `call.read`: emits the pending
/// stores to slots it reads, and drops the others: their slots are dead
/// where the call's code starts (it writes them before it reads them, and
/// so does any code the interpreter runs after an exit), so neither the
/// call nor an exit after it needs them. A dropped store's value stays
/// known for later loads of its slot unless the call writes it.
///
/// A value that may be a heap pointer is kept alive across a collection
/// the call's code may run only by a slot: its store is dropped only when
/// the trace never uses the value after the call (nor loads the slot
/// before storing it again; none is known for later loads).
fn flush_read(
    rw: &mut Rewriter,
    pending: &mut BTreeMap<i32, Pending>,
    dropped: &mut BTreeMap<i32, Ref>,
    call: Call,
    (trace, last_use): (&Trace, &[usize]),
) {
    let not_pointer = |rw: &Rewriter, p: &Pending| {
        !may_be_pointer(&rw.insts, p.value) || known_not_pointer(&rw.insts, p.value)
    };
    let live = |s: i32| call.live.is_some_and(|l| l.covers(s));
    // Live slots a direct call does not read: a value that is not a
    // pointer stays pending (the exits write it), as across any call that
    // runs Python code; a pointer is stored (a collection the callee runs
    // marks it there). Only what is cheap to see (no search for guards:
    // traces make many calls with many slots live).
    let kept: Vec<(i32, Pending)> = pending
        .iter()
        .filter(|&(&s, p)| {
            !call.read.covers(s)
                && !call.writes.covers(s)
                && live(s)
                && (!may_be_pointer(&rw.insts, p.value)
                    || p.old.is_some_and(|o| phi_of_boxes(trace, o)))
        })
        .map(|(&s, &p)| (s, p))
        .collect();
    for (s, _) in &kept {
        pending.remove(s);
    }
    let unread: Vec<(i32, bool)> = pending
        .iter()
        .filter(|(&s, _)| !call.read.covers(s) && !live(s))
        .filter_map(|(&s, p)| {
            if not_pointer(rw, p) {
                return Some((s, true));
            }
            let unused = p.old.is_some_and(|o| last_use[o as usize] < call.at);
            (unused && !loaded_later(trace, call.at, s)).then_some((s, false))
        })
        .collect();
    for (s, known) in unread {
        let p = pending.remove(&s).expect("a pending store");
        if known && !call.writes.covers(s) {
            dropped.insert(s, p.value);
        }
    }
    flush(rw, pending, all);
    pending.extend(kept);
}

/// Per value of `trace`: the index of the last instruction that uses it
/// (an operand, or a value its snapshot names); a phi's operands count as
/// used at the end (the next iteration may use them).
fn last_uses(trace: &Trace) -> Vec<usize> {
    let mut last = vec![0; trace.insts.len()];
    for (k, inst) in trace.insts.iter().enumerate() {
        let at = match inst.op {
            Opcode::Phi(..) => usize::MAX,
            _ => k,
        };
        inst.op.for_each_ref(|r| last[r as usize] = at);
        if let Some(snap) = inst.snap {
            for r in trace.snapshots[snap as usize].exit_values() {
                last[r as usize] = k;
            }
        }
    }
    last
}

/// Does the old trace load slot `s` after instruction `at` before
/// anything stores it again?
fn loaded_later(trace: &Trace, at: usize, s: i32) -> bool {
    for inst in &trace.insts[at + 1..] {
        match inst.op {
            Opcode::SlotLoad(t) if t == s => return true,
            Opcode::SlotStore(t, _) if t == s => return false,
            _ if slot_reads(&trace.insts, inst).covers(s) => return true,
            _ if slot_writes(&trace.insts, inst).covers(s) => return false,
            _ => {}
        }
    }
    false
}

/// Is `v` known not to be a heap pointer (an earlier guard on its tag
/// says an int, bool or None)?
fn known_not_pointer(insts: &[Inst], v: Ref) -> bool {
    insts.iter().any(|i| match i.op {
        Opcode::GuardTag(x, tag) => x == v && tag != TAG_PTR,
        Opcode::GuardFloat(x) => x == v,
        _ => false,
    })
}

/// Is old value `v` a phi whose both operands are new boxes (or constants
/// that are not objects), so never a pointer?
fn phi_of_boxes(trace: &Trace, v: Ref) -> bool {
    match trace.insts[v as usize].op {
        Opcode::Phi(init, next) => {
            !may_be_pointer(&trace.insts, init) && !may_be_pointer(&trace.insts, next)
        }
        _ => false,
    }
}

/// Does slot `s` hold `value` (a `slot_load` of `s` in the output so far
/// that nothing wrote since)?
fn holds(insts: &[Inst], s: i32, value: Ref) -> bool {
    if insts[value as usize].op != Opcode::SlotLoad(s) {
        return false;
    }
    insts[value as usize + 1..]
        .iter()
        .all(|inst| match inst.op {
            Opcode::SlotStore(t, _) => t != s,
            _ => !slot_writes(insts, inst).covers(s),
        })
}

/// The value the output so far last stored to or loaded from slot `s`, if
/// no helper wrote the slot since.
fn in_memory(insts: &[Inst], s: i32) -> Option<Ref> {
    for (k, inst) in insts.iter().enumerate().rev() {
        match inst.op {
            Opcode::SlotStore(t, v) if t == s => return Some(v),
            Opcode::SlotLoad(t) if t == s => return Some(k as Ref),
            _ if slot_writes(insts, inst).covers(s) => return None,
            _ => {}
        }
    }
    None
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
