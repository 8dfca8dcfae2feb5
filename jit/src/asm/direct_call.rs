//! The machine code of a direct call into a function trace (see
//! `crate::direct_call`): inline checks, the callee's frame set up above
//! the caller's stack in the caller's own context, a native call of the
//! callee trace's entry through an inline copy of the trampoline, and the
//! callee's `Return` read back without leaving compiled code. A failed
//! check calls the `call` helper; any other exit of the callee calls
//! `h_direct_exit`.

// dynasm's dynamic-register syntax (`Rq(reg)`) expands to a `.into()`.
#![allow(clippy::useless_conversion)]

use super::*;
use crate::direct_call::{self as dc, VmWords};
use crate::loop_slots;
use runtime::object::{cast, downcast, CodeObj, FunctionObj};
use runtime::value::TAG_EMPTY;
use runtime::Value;

/// What a marked call (`call`/`call_method` with the recorded function as
/// its third argument) needs to be made directly.
pub(super) struct DirectCall {
    /// The call's function slot (relative to the trace's slot 0).
    func: i32,
    /// The first argument's slot.
    args_at: i32,
    /// Positional arguments (the receiver included for a method).
    n: usize,
    /// Whether the receiver slot must be checked (a method call).
    method: bool,
    /// The function's boxed bits.
    f: u64,
    /// The function's code (its `direct` words are read at each call).
    code: &'static CodeObj,
}

/// The direct call `Call(h, args)` may make, if it is marked for one and
/// the interpreter supports them (`t.safepoint.vm`).
pub(super) fn direct_call(
    trace: &Trace,
    h: Helper,
    args: &[Ref],
    t: &AsmTargets,
) -> Option<DirectCall> {
    if t.safepoint.vm.is_null() || t.safepoint.recursion_limit.is_null() {
        return None;
    }
    let &[fk, ak, fc] = args else {
        return None;
    };
    let (func, argc) = (const_i32(trace, fk)?, const_i32(trace, ak)?);
    let Opcode::Const(f) = trace.insts[fc as usize].op else {
        return None;
    };
    let method = h == Helper::CallMethod;
    let (args_at, n) = if method {
        (func + 1, argc as usize + 1)
    } else {
        (func + 1, argc as usize)
    };
    if !dc::direct_callee(f, n) {
        return None;
    }
    let function = downcast::<FunctionObj>(f)?;
    // SAFETY: a function's code is a live CodeObj, kept alive (with the
    // function, a constant of the trace) by the trace's roots.
    let code: &'static CodeObj = unsafe { cast::<CodeObj>(function.code) };
    Some(DirectCall {
        func,
        args_at,
        n,
        method,
        f: f.to_bits(),
        code,
    })
}

/// Does the trace store the function `f` (a constant) to the call `i`'s
/// function slot `func` on the way there, with no call in between (only
/// calls write slots behind the trace's back) nor a loop header (the
/// way around the loop may not store it)? Then the slot holds it.
fn stores_function(trace: &Trace, i: Ref, func: i32, f: u64) -> bool {
    for inst in trace.insts[..i as usize].iter().rev() {
        match inst.op {
            Opcode::SlotStore(s, v) if s == func => {
                return matches!(trace.insts[v as usize].op, Opcode::Const(c) if c.to_bits() == f);
            }
            Opcode::Call(..) | Opcode::LoopHeader => return false,
            _ => {}
        }
    }
    false
}

/// Does the trace store a value that is not EMPTY (a constant other than
/// EMPTY, a box, or a value a tag or kind guard checked on the way) to slot
/// `s` on the way to the call `i`, as [`stores_function`] asks?
fn stores_bound(trace: &Trace, i: Ref, s: i32) -> bool {
    let before = &trace.insts[..i as usize];
    for inst in before.iter().rev() {
        match inst.op {
            Opcode::SlotStore(t, v) if t == s => {
                return match trace.insts[v as usize].op {
                    Opcode::Const(c) => c.to_bits() != Value::EMPTY.to_bits(),
                    Opcode::BoxInt(_) | Opcode::BoxFloat(_) | Opcode::BoxBool(_) => true,
                    _ => before.iter().any(|g| match g.op {
                        Opcode::GuardTag(x, tag) => x == v && tag != TAG_EMPTY,
                        Opcode::GuardKind(x, _) => x == v,
                        _ => false,
                    }),
                };
            }
            Opcode::Call(..) | Opcode::LoopHeader => return false,
            _ => {}
        }
    }
    false
}

/// The integer constant `r` is, if it fits 32 bits.
fn const_i32(trace: &Trace, r: Ref) -> Option<i32> {
    match trace.insts[r as usize].op {
        Opcode::ConstInt(i) => i32::try_from(i).ok(),
        _ => None,
    }
}

/// Optimized traces: the slot stores left to the direct call after them
/// (per instruction). Such a store is in the run of stores and constants
/// just before a call made directly, and to one of its arguments, or to
/// its function slot when the trace stores the function there (no check
/// reads the slot). The call writes the value straight into the callee's
/// frame (it stays in its own location until then: only stores lie
/// between), and only its slow paths store it to the slot; so nothing after
/// the call may read the slot before storing it again: no load, no
/// slot-reading call, no exit that resumes where it is live (an earlier
/// pass may have dropped a later store of the same value as redundant),
/// also around the loop.
pub(super) fn deferred_stores(trace: &Trace, t: &AsmTargets) -> Vec<bool> {
    let mut deferred = vec![false; trace.insts.len()];
    for (k, inst) in trace.insts.iter().enumerate() {
        let Opcode::Call(h @ (Helper::Call | Helper::CallMethod), args) = inst.op else {
            continue;
        };
        let Some(d) = direct_call(trace, h, &args, t) else {
            continue;
        };
        let k = k as Ref;
        // A method call whose receiver is not known bound reads its slot.
        if d.method && !stores_bound(trace, k, d.func + 1) {
            continue;
        }
        let passed = |s: i32| {
            if s == d.func {
                stores_function(trace, k, d.func, d.f)
            } else {
                (d.args_at..d.args_at + d.n as i32).contains(&s)
            }
        };
        let mut seen = Vec::new();
        for j in (0..k as usize).rev() {
            match trace.insts[j].op {
                Opcode::SlotStore(s, _) => {
                    // An earlier store to a slot stored again is not the
                    // one the call reads.
                    if !seen.contains(&s) && passed(s) && !read_after(trace, k as usize, s) {
                        deferred[j] = true;
                    }
                    seen.push(s);
                }
                Opcode::Const(_) | Opcode::ConstInt(_) => {}
                _ => break,
            }
        }
    }
    deferred
}

/// Does anything after instruction `k` of `trace` (around the loop too)
/// read slot `s` before a `slot_store` writes it?
fn read_after(trace: &Trace, k: usize, s: i32) -> bool {
    let n = trace.insts.len();
    let wrap = regalloc::body_header(trace).map_or(0, |h| h + 1);
    for j in (k + 1..n).chain(wrap..n) {
        let inst = &trace.insts[j];
        match inst.op {
            Opcode::SlotStore(t, _) if t == s => return false,
            Opcode::SlotLoad(t) if t == s => return true,
            Opcode::Call(h @ (Helper::Call | Helper::CallMethod), ref args) => {
                let method = h == Helper::CallMethod;
                match (const_i32(trace, args[0]), const_i32(trace, args[1])) {
                    (Some(f), Some(argc)) if !(f..=f + argc + method as i32).contains(&s) => {}
                    _ => return true,
                }
            }
            Opcode::Call(Helper::RunLoop, ref args) => match trace.insts[args[3] as usize].op {
                Opcode::ConstInt(mask) if !loop_slots::mask_covers(mask as u64, s) => {}
                _ => return true,
            },
            Opcode::Call(h, _) if h.effects().reads_slots => return true,
            _ => {}
        }
        if let Some(snap) = inst.snap {
            let snap = &trace.snapshots[snap as usize];
            let written = snap.entries.iter().any(|&(t, _)| t == s);
            if !loop_slots::mask_covers(snap.dead, s) && !written {
                return true;
            }
        }
    }
    false
}

/// Emits direct call `d` for `Call(h, args)` (instruction `i`).
pub(super) fn emit_direct_call(
    e: &mut Emitter,
    i: Ref,
    inst: &Inst,
    h: Helper,
    args: &[Ref],
    d: DirectCall,
    t: &AsmTargets,
) {
    let sp = t.safepoint;
    let ctx_off = |o: usize| o as i32;
    let base_off = ctx_off(offset_of!(JitCtx, base));
    let index_off = ctx_off(offset_of!(JitCtx, base_index));
    let hidden_off = ctx_off(offset_of!(JitCtx, hidden_below));
    let depth_off = ctx_off(offset_of!(JitCtx, inline_depth));
    let frames_off = ctx_off(offset_of!(JitCtx, frames));
    let err_off = ctx_off(offset_of!(JitCtx, error_pending));
    let top_off = offset_of!(VmWords, stack_top) as i32;
    let water_off = offset_of!(VmWords, high_water) as i32;
    let floor_off = offset_of!(VmWords, native_floor) as i32;
    let calls_off = offset_of!(VmWords, direct_calls) as i32;
    let ret_off = offset_of!(ExitInfo, return_src) as i32;
    let depth = e.trace.origins[inst.origin as usize].depth as i32;
    let vm = sp.vm as i64;
    let direct = &d.code.direct as *const _ as i64;
    let nlocals = d.code.code.local_names.len().max(d.n);
    let (slow, slow_exit, service, enter, join, done) = (
        e.ops.new_dynamic_label(),
        e.ops.new_dynamic_label(),
        e.ops.new_dynamic_label(),
        e.ops.new_dynamic_label(),
        e.ops.new_dynamic_label(),
        e.ops.new_dynamic_label(),
    );
    // The checks: any failing one leaves the call to the helper, with
    // nothing changed. The function slot still holds the function (so the
    // code is the one whose shape the recorder checked).
    let (fslot, empty) = (8 * d.func, Value::EMPTY.to_bits() as i64);
    // The stores left to this call: the fast path writes their values into
    // the callee's frame, the slow paths into the slots. The checks keep
    // `r9`-`r11` (where such values may live) as they are.
    let deferred: Vec<(i32, Ref)> = e.trace.insts[..i as usize]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, x)| {
            matches!(
                x.op,
                Opcode::SlotStore(..) | Opcode::Const(_) | Opcode::ConstInt(_)
            )
        })
        .filter_map(|(j, x)| match x.op {
            Opcode::SlotStore(s, v) if e.deferred[j] => Some((s, v)),
            _ => None,
        })
        .collect();
    if !stores_function(e.trace, i, d.func, d.f) {
        dynasm!(e.ops
            ; .arch x64
            ; mov rax, [rbx + fslot]
            ; mov rcx, QWORD d.f as i64
            ; cmp rax, rcx
            ; jne =>slow
        );
    }
    if d.method && !stores_bound(e.trace, i, d.func + 1) {
        // A method call's receiver is bound (the arguments start at it).
        dynasm!(e.ops
            ; .arch x64
            ; mov rax, [rbx + fslot + 8]
            ; mov rcx, QWORD empty
            ; cmp rax, rcx
            ; je =>slow
        );
    }
    let (limit, debt, threshold) = (
        sp.recursion_limit as i64,
        sp.debt as i64,
        sp.threshold as i64,
    );
    dynasm!(e.ops
        ; .arch x64
        // The code's function trace: its entry slot (0: none yet).
        ; mov rsi, QWORD direct
        ; mov rdx, [rsi]
        ; test rdx, rdx
        ; jz =>slow
        // The recursion limit, as `call_function_trace` checks it: the
        // frames, the hidden ones (the caller's and its inlined ones), the
        // callee's frame and the frames its trace may hide (one word).
        ; mov rax, [r12 + frames_off]
        ; add rax, [r12 + hidden_off]
        ; add rax, [rsi + 16]
    );
    if depth != 0 {
        dynasm!(e.ops ; .arch x64 ; add rax, depth);
    }
    dynasm!(e.ops
        ; .arch x64
        ; mov rcx, QWORD limit
        ; cmp rax, [rcx]
        ; jae =>slow
        // Native stack left for the callee's spill frame.
        ; mov r8, QWORD vm
        ; cmp rsp, [r8 + floor_off]
        ; jbe =>slow
    );
    // A collection due: the helper's path collects at the frame push. (The
    // heap keeps its debt and threshold side by side: one address.)
    match i32::try_from(threshold.wrapping_sub(debt)) {
        Ok(apart) => dynasm!(e.ops
            ; .arch x64
            ; mov rcx, QWORD debt
            ; mov rax, [rcx]
            ; cmp rax, [rcx + apart]
            ; jae =>slow
        ),
        Err(_) => dynasm!(e.ops
            ; .arch x64
            ; mov rcx, QWORD debt
            ; mov rax, [rcx]
            ; mov rcx, QWORD threshold
            ; cmp rax, [rcx]
            ; jae =>slow
        ),
    }
    dynasm!(e.ops
        ; .arch x64
        // The callee's frame starts above the caller's stack top (`rdi`:
        // its index); its reach (`need`) must be below the high-water
        // mark, so that the stack is long enough and every slot up to it
        // is safe to mark.
        ; mov rdi, [r8 + top_off]
        ; add rdi, 1
        ; mov rax, [rsi + 8]
        ; add rax, rdi
        ; cmp rax, [r8 + water_off]
        ; ja =>slow
        // Committed. The GC marks up to `need` while the callee runs.
        ; mov [r8 + top_off], rax
        ; inc QWORD [r8 + calls_off]
        // `rsi`: the callee's slot 0 (`rdx` keeps the entry slot).
        ; mov rcx, [r12 + index_off]
        ; mov rax, rdi
        ; sub rax, rcx
        ; lea rsi, [rbx + rax * 8]
    );
    // The arguments, the return slot (None, as a frame push sets it) and
    // the local variables read unbound (EMPTY); temporaries are written before
    // they are read, and hold safe values meanwhile (below the high-water
    // mark: EMPTY or a value written since the last collection).
    e.rax_now = None;
    for k in 0..d.n as i32 {
        let to = 8 * k;
        match deferred.iter().find(|&&(s, _)| s == d.args_at + k) {
            Some(&(_, v)) => match e.gpr(v) {
                Some(g) => dynasm!(e.ops ; .arch x64 ; mov [rsi + to], Rq(g)),
                None => {
                    e.load(RAX, v);
                    dynasm!(e.ops ; .arch x64 ; mov [rsi + to], rax);
                }
            },
            None => {
                let from = 8 * (d.args_at + k);
                dynasm!(e.ops ; .arch x64 ; mov rax, [rbx + from] ; mov [rsi + to], rax);
            }
        }
    }
    e.rax_now = None;
    let none = Value::NONE.to_bits() as i64;
    dynasm!(e.ops ; .arch x64 ; mov rax, QWORD none ; mov [rsi - 8], rax);
    // Only locals the callee may read before it assigns them (at its first
    // instruction: see `loop_slots::dead_before`) must read as unbound; the
    // others are like temporaries.
    let dead = if e.alloc.is_none() {
        // Raw traces are assembled on the main thread (`assemble_bytes`),
        // whose code objects' `Rc`s the recorder's cache of these tables
        // may hold: it usually has the callee's already.
        loop_slots::dead_before_cached(&d.code.code)
            .first()
            .copied()
    } else {
        // Optimized traces may be assembled on the optimizer thread, which
        // must not touch the `Rc`'s counts.
        loop_slots::dead_before(&d.code.code).first().copied()
    }
    .unwrap_or(0);
    let unbound: Vec<i32> = (d.n as i32..nlocals as i32)
        .filter(|&k| !loop_slots::mask_covers(dead, k))
        .collect();
    if !unbound.is_empty() {
        dynasm!(e.ops ; .arch x64 ; mov rax, QWORD empty);
        for k in unbound {
            dynasm!(e.ops ; .arch x64 ; mov [rsi + 8 * k], rax);
        }
    }
    let hide = depth + 1;
    dynasm!(e.ops
        ; .arch x64
        // The caller's slot-0 index, kept on the native stack (16 bytes:
        // calls stay aligned); the context becomes the callee's, its frame
        // hidden like an inlined one (as `enter_lazy_frame` does). Its
        // `inline_depth` is written by its code before each helper call.
        ; sub rsp, 16
        ; mov [rsp], rcx
        ; mov [r12 + index_off], rdi
        ; mov [r12 + base_off], rsi
        ; add QWORD [r12 + hidden_off], hide
        ; mov rbx, rsi
        ; call =>enter
        // Back with the exit descriptor in `rax`; the context's base is
        // the callee's slot 0 in the stack as it is now.
        ; mov rcx, [r12 + index_off]
        ; mov rdx, [r12 + base_off]
        ; mov r8, QWORD vm
        ; lea r9, [rcx - 1]
        ; mov [r8 + top_off], r9
        ; sub QWORD [r12 + hidden_off], hide
        ; mov r9, [rsp]
        ; add rsp, 16
        ; mov [r12 + index_off], r9
        // The caller's slot 0 lies `callee index - caller index` slots below.
        ; sub r9, rcx
        ; lea rbx, [rdx + r9 * 8]
        ; mov [r12 + base_off], rbx
        // The callee's `Return`: its value is slot `return_src` of its frame.
        ; mov ecx, DWORD [rax + ret_off]
        ; cmp ecx, -1
        ; je =>slow_exit
        ; mov rax, [rdx + rcx * 8]
    );
    if !sp.install_pending.is_null() {
        let pending = sp.install_pending as i64;
        dynasm!(e.ops
            ; .arch x64
            ; mov rcx, QWORD pending
            ; cmp BYTE [rcx], 0
            ; jne =>service
        );
    }
    let (exit_helper, service_helper) = (
        dc::h_direct_exit as *const () as i64,
        dc::h_direct_service as *const () as i64,
    );
    dynasm!(e.ops
        ; .arch x64
        ; jmp =>done
        // The trampoline's work, inline (`r12` is the context already,
        // `rbx` the callee's slot 0): the callee's epilogue undoes it and
        // returns here with its exit descriptor.
        ; =>enter
    );
    enter_trace_frame!(e.ops);
    dynasm!(e.ops
        ; .arch x64
        ; jmp QWORD [rdx]
        // Any other exit: the interpreter finishes the call (it reads the
        // caller's inline depth, which the callee's code changed; the
        // caller's own calls write it again).
        ; =>slow_exit
        ; mov QWORD [r12 + depth_off], depth
        ; mov rsi, QWORD d.f as i64
        ; mov rdx, rax
        ; mov rdi, r12
        ; mov rax, QWORD exit_helper
        ; call rax
        ; mov rbx, [r12 + base_off]
        ; jmp =>join
        ; =>service
        ; sub rsp, 16
        ; mov [rsp], rax
        ; mov rdi, r12
        ; mov rax, QWORD service_helper
        ; call rax
        ; mov rax, [rsp]
        ; add rsp, 16
        ; jmp =>done
        ; =>slow
    );
    // The helper, as for an unmarked call (nothing is known in `rax` here),
    // after the stores left to the call.
    e.rax_now = None;
    for &(s, v) in deferred.iter().rev() {
        e.store_slot(s, v);
    }
    e.rax_now = None;
    super::instructions::emit_helper_call(e, inst, h, args);
    dynasm!(e.ops ; .arch x64 ; =>join);
    if inst.snap.is_some() {
        let stub = e.stub(inst);
        dynasm!(e.ops ; .arch x64 ; cmp QWORD [r12 + err_off], 0 ; jne =>stub);
    }
    dynasm!(e.ops ; .arch x64 ; =>done);
    e.rax_now = None;
    if inst.ty != Type::Void {
        e.store_rax(i);
    }
}
