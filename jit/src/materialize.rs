//! Materialization at trace exits: the objects an optimized trace kept
//! virtual (never allocated, see `opt::virtuals`: instances, small tuples
//! and lists) are built when a guard whose snapshot names them fails,
//! before the interpreter or a bridge reads the stack.
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
use crate::snapshot::{VirtualKind, VirtualValue};
use runtime::map::Map;
use runtime::object::{downcast, ClassObj, InstanceObj, ListObj, TupleObj};
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
    // Each object gets its final size (an instance its final map) at once;
    // the fields are filled in below, once every object exists.
    let objects: Vec<Value> = snap
        .virtuals
        .iter()
        .map(|v| match v.kind {
            VirtualKind::Instance { class } => {
                let class = class.as_ptr::<ClassObj>();
                match v.fields.last() {
                    Some(f) => {
                        vm.rt()
                            .new_instance_with_map(class, f.map as *const Map, [Value::NONE; 2])
                    }
                    None => vm.rt().new_instance(class),
                }
            }
            VirtualKind::Tuple => vm.rt().new_tuple(vec![Value::NONE; v.fields.len()]),
            VirtualKind::List => vm.rt().new_list(vec![Value::NONE; v.fields.len()]),
        })
        .collect();
    let mut next = 0;
    for (v, &obj) in snap.virtuals.iter().zip(objects.iter()) {
        let slots: &mut [Value] = if let Some(inst) = downcast::<InstanceObj>(obj) {
            &mut inst.slots
        } else if let Some(tuple) = downcast::<TupleObj>(obj) {
            &mut tuple.items
        } else if let Some(list) = downcast::<ListObj>(obj) {
            &mut list.items
        } else {
            continue;
        };
        for (slot, f) in slots.iter_mut().zip(&v.fields) {
            *slot = match f.value {
                VirtualValue::Ref(_) => {
                    // SAFETY: the stub wrote one word per `Ref` field, in this order.
                    let bits = unsafe { *values.add(next) };
                    next += 1;
                    Value::from_bits(bits)
                }
                VirtualValue::Virtual(w) => objects[w as usize],
            };
        }
    }
    ctx.refresh_base();
    for (v, &obj) in snap.virtuals.iter().zip(objects.iter()) {
        for &s in &v.slots {
            // SAFETY: the slots come from the trace's snapshot, inside its extent.
            unsafe { ctx.set_slot(s as i64, obj) };
        }
    }
}

/// Boxes `i`, an int that does not fit a small int, as a big int: called
/// from an exit stub's boxing subroutine for an unboxed int entry (see
/// `asm::exit_entries`), which writes the box to the entry's slot.
/// Allocation never collects, so the values the stub has yet to write stay
/// valid; once in its slot, the big int is a root like any stack value.
pub extern "sysv64" fn box_wide_int(ctxp: *mut JitCtx, i: i64) -> u64 {
    // SAFETY: the exit stub passes the context the trace was entered with
    // (alive for the whole run).
    let ctx = unsafe { &mut *ctxp };
    // SAFETY: the interpreter set `vm` when it entered the trace; it is not
    // otherwise in use while compiled code runs.
    let vm: &mut dyn Vm = unsafe { &mut *ctx.vm };
    vm.rt().int_from_i64(i).to_bits()
}
