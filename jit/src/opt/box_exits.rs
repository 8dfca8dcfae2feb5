//! Boxing at exits: a snapshot entry whose value is a box the trace made
//! only so that an exit could write it names the unboxed value instead, and
//! the exit stub boxes it (`store_slot` boxes an `Int`, `Float` or `Bool`
//! entry). The boxes, and boxed phis carried around the loop only for
//! exits, are then dead and `dce` removes them: the loop body computes
//! unboxed values only.
//!
//! Which boxes: `box_float`, `box_bool`, `box_int` and `box_int_wide`
//! calls (those as checked `box_int`s). A checked `box_int`
//! (a range check: is the value a small int?) is unboxed only in snapshots
//! without virtual objects, whose exit stubs box wide ints as big ints (see
//! `asm::exit_entries`); once nothing reads it, `dce` drops the check too:
//! the trace computes exact 64-bit ints either way. A boxed phi whose
//! `init` and `next` are boxes of one kind, and which nothing but snapshot
//! entries and unboxings read, gets an unboxed twin phi of their operands
//! for the entries to name and to stand for the unboxings (an accumulator
//! `total += x` goes around the loop unboxed). Virtual objects' fields keep their boxes (the
//! materializing code takes boxed values).

use super::Rewriter;
use crate::helpers::Helper;
use crate::ir::*;

/// The unboxed operand of a box that an exit stub can redo, if `r` is one.
/// A checked `box_int`'s value may not fit a small int: only exits without
/// virtual objects box such ints (see `asm::exit_entries`).
fn unboxed(trace: &Trace, r: Ref, has_virtuals: bool) -> Option<Ref> {
    let inst = &trace.insts[r as usize];
    match inst.op {
        Opcode::BoxInt(x) if inst.snap.is_none() || !has_virtuals => Some(x),
        Opcode::BoxFloat(x) | Opcode::BoxBool(x) => Some(x),
        // Boxes a wide int as a big int, as those exit stubs do.
        Opcode::Call(Helper::BoxIntWide, ref args) if !has_virtuals => args.first().copied(),
        _ => None,
    }
}

/// Is `r` a `box_int` with a range check?
fn checked_box(trace: &Trace, r: Ref) -> bool {
    let inst = &trace.insts[r as usize];
    matches!(inst.op, Opcode::BoxInt(_)) && inst.snap.is_some()
}

/// The operand of any box (a checked `box_int` too: where it did not
/// leave, it boxed its operand).
fn box_operand(trace: &Trace, r: Ref) -> Option<Ref> {
    match trace.insts[r as usize].op {
        Opcode::BoxInt(x) | Opcode::BoxFloat(x) | Opcode::BoxBool(x) => Some(x),
        _ => None,
    }
}

/// The pass.
pub fn box_exits(trace: &Trace) -> Trace {
    let twins = phi_twins(trace);
    let mut rw = Rewriter::new(trace);
    // New boxed phi -> its new unboxed twin.
    let mut twin_of: Vec<(Ref, Ref, bool)> = Vec::new();
    let body_phis_end = body_phis_end(trace);
    for (i, inst) in trace.insts.iter().enumerate() {
        // Unboxing a boxed phi that has a twin is the twin.
        if let Opcode::UnboxInt(p) | Opcode::UnboxFloat(p) = inst.op {
            if let Some(k) = twins.iter().position(|t| t.0 == p) {
                rw.replace(i as Ref, twin_of[k].1);
                continue;
            }
        }
        rw.copy(i as Ref);
        if Some(i) == body_phis_end {
            for &(phi, init, next, checked) in &twins {
                // An unboxed phi of the same operands may exist (peel makes
                // them for loop-carried ints), or an earlier twin.
                let header = i - body_phis(trace, i);
                let same = (header + 1..=i)
                    .find(|&p| trace.insts[p].op == Opcode::Phi(init, next))
                    .map(|p| rw.get(p as Ref))
                    .or_else(|| {
                        twins
                            .iter()
                            .zip(&twin_of)
                            .find(|((_, x0, x1, _), _)| (*x0, *x1) == (init, next))
                            .map(|(_, &(_, t, _))| t)
                    });
                if let Some(t) = same {
                    twin_of.push((rw.get(phi), t, checked));
                    continue;
                }
                let ty = trace.insts[init as usize].ty;
                let mut twin = Inst {
                    op: Opcode::Phi(init, next),
                    ty,
                    snap: None,
                    origin: trace.insts[phi as usize].origin,
                };
                rw.renumber(&mut twin);
                let new = rw.emit(twin);
                twin_of.push((rw.get(phi), new, checked));
            }
        }
    }
    let mut out = rw.finish();
    for s in 0..out.snapshots.len() {
        let has_virtuals = !out.snapshots[s].virtuals.is_empty();
        let twin = |r: Ref| {
            twin_of
                .iter()
                .find(|&&(p, _, checked)| p == r && (!checked || !has_virtuals))
                .map(|&(_, t, _)| t)
        };
        for k in 0..out.snapshots[s].entries.len() {
            let r = out.snapshots[s].entries[k].1;
            if let Some(x) = twin(r).or_else(|| unboxed(&out, r, has_virtuals)) {
                out.snapshots[s].entries[k].1 = x;
            }
        }
    }
    out
}

/// How many phis end at instruction `end` (the body header's group).
fn body_phis(trace: &Trace, end: usize) -> usize {
    trace.insts[..=end]
        .iter()
        .rev()
        .take_while(|i| matches!(i.op, Opcode::Phi(..)))
        .count()
}

/// The last instruction of the body header's phi group (the header itself
/// when it has no phis), for a trace that loops locally.
fn body_phis_end(trace: &Trace) -> Option<usize> {
    if !trace.local_loop {
        return None;
    }
    let header = trace
        .insts
        .iter()
        .rposition(|i| i.op == Opcode::LoopHeader)?;
    let phis = trace.insts[header + 1..]
        .iter()
        .take_while(|i| matches!(i.op, Opcode::Phi(..)))
        .count();
    Some(header + phis)
}

/// The body's boxed phis that only snapshot entries and unboxings of their
/// kind read and whose `init` and `next` are boxes of one kind: `(phi, init operand, next operand,
/// whether either box is a checked box_int)`.
fn phi_twins(trace: &Trace) -> Vec<(Ref, Ref, Ref, bool)> {
    let Some(end) = body_phis_end(trace) else {
        return Vec::new();
    };
    let header = trace.insts[..=end]
        .iter()
        .rposition(|i| i.op == Opcode::LoopHeader)
        .unwrap_or(0);
    // Values read other than by snapshot entries (operands, phi inputs,
    // virtual objects' fields) and by unboxing: the kind of box unboxed
    // (the twin stands for those unboxings).
    let mut read = vec![false; trace.insts.len()];
    let mut unboxed_as: Vec<Option<std::mem::Discriminant<Opcode>>> = vec![None; trace.insts.len()];
    let mut mixed = vec![false; trace.insts.len()];
    for inst in &trace.insts {
        let kind = match inst.op {
            Opcode::UnboxInt(p) => Some((p, Opcode::BoxInt(p))),
            Opcode::UnboxFloat(p) => Some((p, Opcode::BoxFloat(p))),
            _ => None,
        };
        match kind {
            Some((p, boxed)) => {
                let d = std::mem::discriminant(&boxed);
                mixed[p as usize] |= unboxed_as[p as usize].is_some_and(|k| k != d);
                unboxed_as[p as usize] = Some(d);
            }
            None => inst.op.for_each_ref(|r| read[r as usize] = true),
        }
    }
    // Unboxing a boxed float may canonicalise a NaN's payload; the twin
    // carries it as computed. Only code that reads a float's bits could
    // tell (see `fold::float_bits_observed`).
    let float_bits = super::fold::float_bits_observed(trace);
    for snap in &trace.snapshots {
        for r in snap.virtual_field_values() {
            read[r as usize] = true;
        }
    }
    let mut twins = Vec::new();
    for (p, inst) in trace
        .insts
        .iter()
        .enumerate()
        .take(end + 1)
        .skip(header + 1)
    {
        let Opcode::Phi(init, next) = inst.op else {
            continue;
        };
        if read[p] || mixed[p] {
            continue;
        }
        let (Some(x0), Some(x1)) = (box_operand(trace, init), box_operand(trace, next)) else {
            continue;
        };
        let kind = std::mem::discriminant(&trace.insts[init as usize].op);
        let same_kind = kind == std::mem::discriminant(&trace.insts[next as usize].op)
            && trace.insts[x0 as usize].ty == trace.insts[x1 as usize].ty
            && unboxed_as[p].is_none_or(|k| k == kind)
            && !(unboxed_as[p].is_some()
                && float_bits
                && trace.insts[x0 as usize].ty == Type::Float);
        // The twin's `next` must come from the body (its phis count), as
        // every phi's does.
        if same_kind && x1 as usize > header {
            let checked = checked_box(trace, init) || checked_box(trace, next);
            twins.push((p as Ref, x0, x1, checked));
        }
    }
    twins
}
