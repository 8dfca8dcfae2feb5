//! Exit stubs of snapshots with virtual objects: pass the objects' field
//! values to `crate::materialize`, which builds them before the exit jumps.

// dynasm's dynamic-register syntax (`Rq(reg)`) expands to a `.into()`.
#![allow(clippy::useless_conversion)]

use super::{AsmTargets, Emitter, RAX, SPILL_SLOTS};
use crate::ctx::JitCtx;
use crate::exits::ExitInfo;
use crate::ir::*;
use crate::regalloc::Allocation;
use dynasmrt::{dynasm, DynasmApi};
use std::mem::offset_of;

/// The part of an exit stub that allocates the snapshot's virtual objects
/// (`crate::materialize`): their field values go to spill slots above the
/// trace's own, then one call builds the objects and writes their slots.
/// Allocation never collects, so the field values stay valid throughout.
pub(super) fn emit_materialize(
    e: &mut Emitter,
    k: usize,
    alloc: Option<&Allocation>,
    targets: &AsmTargets,
) -> Result<(), String> {
    let trace = e.trace;
    let snap = &trace.snapshots[k];
    let used = match alloc {
        Some(a) => a.spill_slots as usize,
        None => trace.insts.len() * 2,
    };
    let values: Vec<Ref> = snap.virtual_field_values().collect();
    if used + values.len() > SPILL_SLOTS {
        return Err("virtual objects' fields do not fit the spill frame".into());
    }
    for (j, &r) in values.iter().enumerate() {
        e.load(RAX, r);
        let off = 8 * (used + j) as i32;
        dynasm!(e.ops ; .arch x64 ; mov [rsp + off], rax);
    }
    let f = crate::materialize::materialize_exit as *const ();
    emit_exit_call(e, k, targets, f, used);
    Ok(())
}

/// Calls `f(ctx, &exit_info[k], values)` from snapshot `k`'s exit stub,
/// `values` being the words the stub wrote from spill slot `buffer` on,
/// then reloads the stack base (the call may allocate and move the stack).
pub(super) fn emit_exit_call(
    e: &mut Emitter,
    k: usize,
    targets: &AsmTargets,
    f: *const (),
    buffer: usize,
) {
    let info = &targets.exit_infos[k] as *const ExitInfo as i64;
    let buf = 8 * buffer as i32;
    let base_off = offset_of!(JitCtx, base) as i32;
    dynasm!(e.ops
        ; .arch x64
        ; mov rdi, r12
        ; mov rsi, QWORD info
        ; lea rdx, [rsp + buf]
        ; mov rax, QWORD f as i64
        ; call rax
        ; mov rbx, [r12 + base_off]
    );
    e.rax_now = None;
}
