//! Exit stubs writing a snapshot's entries to the interpreter's stack,
//! boxing the unboxed ones (`opt::box_exits` leaves ints, floats and bools
//! unboxed where the trace boxed them only for exits).
//!
//! An int entry may not fit a small int: `box_exits` also unboxes entries
//! of checked `box_int`s (whose range check then goes). Such an entry is
//! checked at the exit; when one does not fit, a slow path writes the other
//! entries, puts the ints in a buffer in the native frame and calls
//! [`crate::materialize::box_exit_ints`], which boxes them (allocating big
//! ints) and writes their slots. `box_exits` does that only in snapshots
//! without virtual objects: their materializing call would find its field
//! values' registers clobbered by this one. In snapshots with virtual
//! objects every int entry comes from an unchecked box and fits.

// dynasm's dynamic-register syntax (`Rq(reg)`) expands to a `.into()`.
#![allow(clippy::useless_conversion)]

use super::exit_materialize::emit_exit_call;
use super::{AsmTargets, Emitter, RAX, SPILL_SLOTS};
use crate::ir::*;
use crate::regalloc::Allocation;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};
use runtime::value::TAG_BOOL;

/// The type an entry's value is written as (constants are boxed already).
fn entry_type(trace: &Trace, r: Ref) -> Type {
    match trace.insts[r as usize].op {
        Opcode::Const(_) => Type::Val,
        _ => trace.insts[r as usize].ty,
    }
}

/// Writes snapshot `k`'s entries (the stub's first part).
pub(super) fn emit_entries(
    e: &mut Emitter,
    k: usize,
    alloc: Option<&Allocation>,
    targets: &AsmTargets,
) -> Result<(), String> {
    let trace = e.trace;
    let snap = &trace.snapshots[k];
    let ints: Vec<Ref> = snap
        .entries
        .iter()
        .map(|&(_, r)| r)
        .filter(|&r| entry_type(trace, r) == Type::Int)
        .collect();
    // Ints that may be wide: see the file comment.
    let wide = (!ints.is_empty() && snap.virtuals.is_empty()).then(|| e.ops.new_dynamic_label());
    for &(s, r) in &snap.entries {
        store_entry(e, s, r, wide);
    }
    let Some(wide) = wide else {
        return Ok(());
    };
    let done = e.ops.new_dynamic_label();
    dynasm!(e.ops ; .arch x64 ; jmp =>done ; =>wide);
    // Every value is still where it was: the fast path wrote only slots.
    e.rax_now = None;
    let used = match alloc {
        Some(a) => a.spill_slots as usize,
        None => trace.insts.len() * 2,
    };
    if used + ints.len() > SPILL_SLOTS {
        return Err("an exit's int entries do not fit the spill frame".into());
    }
    for (j, &r) in ints.iter().enumerate() {
        e.load(RAX, r);
        let off = 8 * (used + j) as i32;
        dynasm!(e.ops ; .arch x64 ; mov [rsp + off], rax);
    }
    for &(s, r) in &snap.entries {
        if entry_type(trace, r) != Type::Int {
            store_entry(e, s, r, None);
        }
    }
    let f = crate::materialize::box_exit_ints as *const ();
    emit_exit_call(e, k, targets, f, used);
    dynasm!(e.ops ; .arch x64 ; =>done);
    Ok(())
}

/// Writes entry value `r` to slot `slot`, boxing an unboxed one; an int
/// that does not fit a small int jumps to `wide` (when given; else it is
/// known to fit).
fn store_entry(e: &mut Emitter, slot: i32, r: Ref, wide: Option<DynamicLabel>) {
    let ty = entry_type(e.trace, r);
    if !matches!(ty, Type::Int | Type::Float | Type::Bool) {
        e.store_slot(slot, r);
        return;
    }
    let off = 8 * slot;
    e.load(RAX, r);
    match ty {
        Type::Int => {
            if let Some(wide) = wide {
                e.jump_unless_small_int_rax(wide);
            }
            e.box_int_rax();
        }
        Type::Float => {
            dynasm!(e.ops ; .arch x64 ; movq xmm0, rax);
            e.box_float_rax(0);
        }
        _ => {
            let tag = (TAG_BOOL << 48) as i64;
            dynasm!(e.ops ; .arch x64 ; mov rcx, QWORD tag ; or rax, rcx);
        }
    }
    // rax holds the box now, not `r`.
    e.rax_now = None;
    dynasm!(e.ops ; .arch x64 ; mov [rbx + off], rax);
}
