//! Materialization at trace exits: the objects an optimized trace kept
//! virtual (never allocated, see `opt::virtuals`) are built when a guard
//! whose snapshot names them fails, before the interpreter or a bridge
//! reads the stack.
//!
//! The exit stub writes the snapshot's entries, then the virtual objects'
//! field values (in [`Snapshot::virtual_field_values`] order) to a buffer in
//! its native frame, and calls [`materialize_exit`]. Allocation never
//! collects, so the field values (kept alive by the trace until now) are
//! valid while the objects are built; once written to their slots, the
//! objects are GC roots like any stack value.
//!
//! [`Snapshot::virtual_field_values`]: crate::snapshot::Snapshot::virtual_field_values

use crate::ctx::JitCtx;
use crate::exits::ExitInfo;
use crate::ir::Type;
use crate::snapshot::VirtualValue;
use runtime::map::Map;
use runtime::object::{downcast, ClassObj, InstanceObj};
use runtime::{Value, Vm};

/// Builds the virtual objects of the snapshot `info` names (field values
/// from `values`) and writes each to the interpreter slots that hold it.
/// Called from exit stubs with the context the trace runs with.
pub extern "sysv64" fn materialize_exit(
    ctxp: *mut JitCtx,
    info: *const ExitInfo,
    values: *const u64,
) {
    // SAFETY: the exit stub passes the context the trace was entered with
    // (alive for the whole run) and its own snapshot's exit descriptor.
    let (ctx, info) = unsafe { (&mut *ctxp, &*info) };
    // SAFETY: the interpreter set `jit` and `vm` when it entered the trace;
    // neither is otherwise in use while compiled code runs.
    let (jit, vm): (&crate::Jit, &mut dyn Vm) = unsafe { (&*ctx.jit, &mut *ctx.vm) };
    let snap = jit.snapshot(info.trace, info.snap);
    let objects: Vec<Value> = snap
        .virtuals
        .iter()
        .map(|v| vm.rt().new_instance(v.class.as_ptr::<ClassObj>()))
        .collect();
    let mut next = 0;
    for (v, &obj) in snap.virtuals.iter().zip(&objects) {
        let Some(inst) = downcast::<InstanceObj>(obj) else {
            continue;
        };
        for f in &v.fields {
            let value = match f.value {
                VirtualValue::Ref(_) => {
                    // SAFETY: the stub wrote one word per `Ref` field, in this order.
                    let bits = unsafe { *values.add(next) };
                    next += 1;
                    Value::from_bits(bits)
                }
                VirtualValue::Virtual(w) => objects[w as usize],
            };
            inst.slots.push(value);
            inst.map = f.map as *const Map;
        }
    }
    ctx.refresh_base();
    for (v, &obj) in snap.virtuals.iter().zip(&objects) {
        for &s in &v.slots {
            // SAFETY: the slots come from the trace's snapshot, inside its extent.
            unsafe { ctx.set_slot(s as i64, obj) };
        }
    }
}

/// Boxes the unboxed int entries of the snapshot `info` names (their values
/// from `values`, in entry order) and writes their slots: called from an
/// exit stub when one of them does not fit a small int (see
/// `asm::exit_entries`), after the stub wrote the other entries.
pub extern "sysv64" fn box_exit_ints(ctxp: *mut JitCtx, info: *const ExitInfo, values: *const i64) {
    // SAFETY: as in `materialize_exit`.
    let (ctx, info) = unsafe { (&mut *ctxp, &*info) };
    // SAFETY: as in `materialize_exit`.
    let (jit, vm): (&crate::Jit, &mut dyn Vm) = unsafe { (&*ctx.jit, &mut *ctx.vm) };
    let trace = &jit.traces[info.trace].trace;
    let snap = &trace.snapshots[info.snap as usize];
    let mut boxed = Vec::new();
    for &(slot, r) in &snap.entries {
        if trace.insts[r as usize].ty == Type::Int
            && !matches!(trace.insts[r as usize].op, crate::ir::Opcode::Const(_))
        {
            // SAFETY: the stub wrote one word per int entry, in this order.
            let i = unsafe { *values.add(boxed.len()) };
            boxed.push((slot, vm.rt().int_from_i64(i)));
        }
    }
    ctx.refresh_base();
    for (slot, v) in boxed {
        // SAFETY: the slots come from the trace's snapshot, inside its extent.
        unsafe { ctx.set_slot(slot as i64, v) };
    }
}
