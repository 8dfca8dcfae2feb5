//! Exit stubs writing a snapshot's entries to the interpreter's stack,
//! boxing the unboxed ones (`opt::box_exits` leaves ints, floats and bools
//! unboxed where the trace boxed them only for exits).
//!
//! Stubs are cold and numerous (a trace has one per guard), so they are
//! kept short: an int or float entry is boxed by a call to a subroutine the
//! trace's code holds once ([`emit_box_subroutines`]), which clobbers only
//! `rax` (the value) and `rdx`. An int entry may not fit a small int
//! (`box_exits` also unboxes entries of checked `box_int`s, whose range
//! check then goes): the int subroutine then saves every register a value
//! may live in and calls [`crate::materialize::box_wide_int`], which
//! allocates a big int (allocation never collects, so the values the stub
//! has yet to write stay valid).

// dynasm's dynamic-register syntax (`Rq(reg)`) expands to a `.into()`.
#![allow(clippy::useless_conversion)]

use super::{Emitter, CANONICAL_NAN, RAX, RCX};
use crate::ctx::JitCtx;
use crate::ir::*;
use crate::regalloc::{CALLER_SAVED, XMM_REGS};
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};
use runtime::value::{TAG_BOOL, TAG_INT};
use rustc_hash::FxHashMap;
use std::mem::offset_of;

/// The type an entry's value is written as (constants are boxed already).
fn entry_type(trace: &Trace, r: Ref) -> Type {
    match trace.insts[r as usize].op {
        Opcode::Const(_) => Type::Val,
        _ => trace.insts[r as usize].ty,
    }
}

/// Writes snapshot `k`'s entries (the stub's first part). Clobbers `rax`
/// and `rdx` only, so a stub may keep its exit slot's address in `rcx`.
///
/// The entries are written grouped by value (the slots are distinct and no
/// value lives in an interpreter slot, so their order does not matter): a
/// value several slots hold (a variable and the temporaries it was copied
/// to) is boxed once and its box stored to each of them (generators.py's
/// hot exit boxed three values three times each: sync 463.1M -> 440.8M
/// instructions).
pub(super) fn emit_entries(e: &mut Emitter, k: usize) {
    let trace = e.trace;
    let inline_ints = leaves_loop(trace, k);
    let mut entries = trace.snapshots[k].entries.clone();
    entries.sort_by_key(|&(_, r)| r);
    // The value whose box `rax` holds.
    let mut boxed: Option<Ref> = None;
    for (slot, r) in entries {
        match e.decided.at_exit(k, r) {
            Some(b) => {
                // A guard decided it: a constant (the compare may be fused).
                let bits = runtime::Value::from_bool(b).to_bits() as i64;
                dynasm!(e.ops ; .arch x64 ; mov rax, QWORD bits ; mov [rbx + 8 * slot], rax);
                e.rax_now = None;
                boxed = None;
            }
            None if boxed == Some(r) => {
                dynasm!(e.ops ; .arch x64 ; mov [rbx + 8 * slot], rax);
            }
            None => boxed = store_entry(e, slot, r, inline_ints),
        }
    }
}

/// Does snapshot `k` leave the loop where it ends, in the loop's own frame
/// (a `LoopDone`, or a guard resuming outside the loop's pcs)? Such an exit
/// is taken once per entry of the loop (an inner loop run from an outer
/// trace: once per outer iteration), so its stub boxes ints inline.
fn leaves_loop(trace: &Trace, k: usize) -> bool {
    let snap = &trace.snapshots[k];
    if snap.frames.len() != 1 || trace.kind != TraceKind::Root {
        return false;
    }
    if snap.kind == crate::snapshot::ExitKind::LoopDone {
        return true;
    }
    let header = trace.insts.iter().find(|i| i.op == Opcode::LoopHeader);
    let back = trace.insts.last().filter(|i| i.op == Opcode::LoopBack);
    let (Some(header), Some(back)) = (header, back) else {
        return false;
    };
    let Some(first) = header.snap.map(|h| trace.snapshots[h as usize].pc) else {
        return false;
    };
    let last = trace.origins[back.origin as usize].pc;
    snap.kind == crate::snapshot::ExitKind::Guard && !(first..=last).contains(&snap.pc)
}

/// Writes entry value `r` to slot `slot`, boxing an unboxed one (an int
/// inline when `inline_ints`, its small-int case at least); says whether
/// `rax` holds its box after (it does for the unboxed ones).
fn store_entry(e: &mut Emitter, slot: i32, r: Ref, inline_ints: bool) -> Option<Ref> {
    let ty = entry_type(e.trace, r);
    if !matches!(ty, Type::Int | Type::Float | Type::Bool) {
        e.store_slot(slot, r);
        return None;
    }
    let off = 8 * slot;
    e.load(RAX, r);
    match ty {
        Type::Int if inline_ints => {
            // The subroutine's small-int case in line; a wide int calls
            // the subroutine, which checks again and allocates.
            let sub = *e
                .box_int_sub
                .get_or_insert_with(|| e.ops.new_dynamic_label());
            let bias = e.pooled(1 << 47);
            dynasm!(e.ops
                ; .arch x64
                ; mov rdx, rax
                ; add rdx, QWORD [=>bias]
                ; shr rdx, 48
                ; jz >small
                ; call =>sub
                ; jmp >boxed
                ; small:
            );
            e.tag_rax(TAG_INT);
            dynasm!(e.ops ; .arch x64 ; boxed:);
        }
        Type::Int => {
            let sub = *e
                .box_int_sub
                .get_or_insert_with(|| e.ops.new_dynamic_label());
            dynasm!(e.ops ; .arch x64 ; call =>sub);
        }
        Type::Float => {
            let sub = *e
                .box_float_sub
                .get_or_insert_with(|| e.ops.new_dynamic_label());
            dynasm!(e.ops ; .arch x64 ; call =>sub);
        }
        _ => e.tag_rax(TAG_BOOL),
    }
    // rax holds the box now, not `r`.
    e.rax_now = None;
    dynasm!(e.ops ; .arch x64 ; mov [rbx + off], rax);
    Some(r)
}

/// The boxing subroutines exit stubs call, when any did (after the
/// trace's other code). Both take the value in `rax`, return the box in
/// `rax` and clobber only `rdx` (and the flags).
pub(super) fn emit_box_subroutines(e: &mut Emitter) {
    if let Some(sub) = e.box_int_sub {
        let wide = e.ops.new_dynamic_label();
        // x fits a small int iff x + 2^47 is in [0, 2^48) as an unsigned word.
        let bias = e.pooled(1 << 47);
        dynasm!(e.ops
            ; .arch x64
            ; =>sub
            ; mov rdx, rax
            ; add rdx, QWORD [=>bias]
            ; shr rdx, 48
            ; jnz =>wide
        );
        e.tag_rax(TAG_INT);
        dynasm!(e.ops ; .arch x64 ; ret ; =>wide);
        emit_wide_int_call(e);
    }
    if let Some(sub) = e.box_float_sub {
        // A NaN becomes the one canonical NaN (xmm0 is scratch in stubs).
        dynasm!(e.ops
            ; .arch x64
            ; =>sub
            ; movq xmm0, rax
            ; ucomisd xmm0, xmm0
            ; jnp >ordered
            ; mov rax, QWORD CANONICAL_NAN as i64
            ; ordered:
            ; ret
        );
    }
}

/// The int subroutine's slow path: `rax` does not fit a small int. Saves
/// the registers values live in that a call clobbers (the caller-saved
/// general ones, the xmm ones; the emitter's scratch registers hold nothing
/// in a stub except `rcx`, the exit slot's address), calls
/// [`crate::materialize::box_wide_int`] and returns its box in `rax`.
fn emit_wide_int_call(e: &mut Emitter) {
    // `rcx` (the stub's exit slot) and the allocatable caller-saved ones.
    let saved_gprs: Vec<u8> = [RCX].into_iter().chain(CALLER_SAVED).collect();
    // Entered by `call` from a stub, where rsp is 16-byte aligned: the
    // return address, the pushes and the xmm area must add up to a
    // multiple of 16 at the call.
    let mut xmm_bytes = XMM_REGS.len() as i32 * 8;
    if (8 + 8 * saved_gprs.len() as i32 + xmm_bytes) % 16 != 0 {
        xmm_bytes += 8;
    }
    for &g in &saved_gprs {
        dynasm!(e.ops ; .arch x64 ; push Rq(g));
    }
    dynasm!(e.ops ; .arch x64 ; sub rsp, xmm_bytes);
    for (j, &x) in XMM_REGS.iter().enumerate() {
        let off = 8 * j as i32;
        dynasm!(e.ops ; .arch x64 ; movsd [rsp + off], Rx(x));
    }
    let f = crate::materialize::box_wide_int as *const () as i64;
    let base_off = offset_of!(JitCtx, base) as i32;
    dynasm!(e.ops
        ; .arch x64
        ; mov rdi, r12
        ; mov rsi, rax
        ; mov rax, QWORD f
        ; call rax
        // The call does not move the stack, but reloading is cheap insurance.
        ; mov rbx, [r12 + base_off]
    );
    for (j, &x) in XMM_REGS.iter().enumerate() {
        let off = 8 * j as i32;
        dynasm!(e.ops ; .arch x64 ; movsd Rx(x), [rsp + off]);
    }
    dynasm!(e.ops ; .arch x64 ; add rsp, xmm_bytes);
    for &g in saved_gprs.iter().rev() {
        dynasm!(e.ops ; .arch x64 ; pop Rq(g));
    }
    dynasm!(e.ops ; .arch x64 ; ret);
}

/// Where each snapshot's entry-writing code is, so that a later snapshot
/// whose stub would write the same (same entries, the same decided bools,
/// no virtual objects) jumps there instead of emitting it again (its stub
/// only loads its own exit slot's address).
#[derive(Default)]
pub(super) struct SharedWriters {
    by_entries: FxHashMap<Vec<(i32, Ref, Option<bool>)>, DynamicLabel>,
}

impl SharedWriters {
    /// What snapshot `k`'s entry-writing code depends on (built once per
    /// stub: it is a lookup per entry).
    pub(super) fn key(e: &Emitter, k: usize) -> Vec<(i32, Ref, Option<bool>)> {
        e.trace.snapshots[k]
            .entries
            .iter()
            .map(|&(slot, r)| (slot, r, e.decided.at_exit(k, r)))
            .collect()
    }

    /// The label of earlier code writing what `key` says, if any.
    pub(super) fn find(&self, key: &[(i32, Ref, Option<bool>)]) -> Option<DynamicLabel> {
        self.by_entries.get(key).copied()
    }

    /// Remembers that the code at `label` writes what `key` says, then
    /// jumps through the slot whose address is in `rcx`.
    pub(super) fn remember(&mut self, key: Vec<(i32, Ref, Option<bool>)>, label: DynamicLabel) {
        self.by_entries.insert(key, label);
    }
}
