//! The machine code of `call run_loop n, exit_pc` entering the inner
//! loop's trace directly (see `crate::run_loop`).
//!
//! Inline: the entry counted, the loop's entry slot read, a native call of
//! a subroutine holding the trampoline's work (shared by the trace's
//! entries), and the exit descriptor the inner trace returns compared with
//! `exit_pc`. Out of line: any other exit (result 0, the context's
//! `inner_exit` set). When only the `guard_true` right after reads the
//! result, the entry is that guard too: the other exits jump to its stub.
//! Without inner-loop words (or with a loop number that is not a constant)
//! the call goes to `h_run_loop`.

// dynasm's dynamic-register syntax (`Rq(reg)`) expands to a `.into()`.
#![allow(clippy::useless_conversion)]

use super::*;
use crate::run_loop::LoopEntryCounts;

/// An inner-loop entry's out-of-line part.
pub(super) struct OtherExit {
    /// Where the entry jumps when the inner trace left elsewhere.
    at: DynamicLabel,
    /// Where it goes then: back to the entry with the result 0 in `rax`,
    /// or (fused) straight to the stub of the guard on the result.
    to: OtherExitTo,
    /// The counters' address.
    counts: i64,
}

/// Where an inner-loop entry's out-of-line part goes on.
enum OtherExitTo {
    /// Back to the entry, whose result (0) is in `rax`.
    Back(DynamicLabel),
    /// The stub of the `guard_true` on the result, the only reader of the
    /// result (it emits nothing: the entry jumps there itself).
    GuardStub(DynamicLabel),
}

/// Is `i` (a `run_loop` result) read only by the `guard_true` right after
/// it (no other operand, no exit value)?
fn only_guard_reads(trace: &Trace, i: Ref) -> bool {
    let next = trace.insts.get(i as usize + 1);
    if !next.is_some_and(|g| g.op == Opcode::GuardTrue(i) && g.snap.is_some()) {
        return false;
    }
    let mut uses = 0;
    for inst in &trace.insts {
        inst.op.for_each_ref(|r| uses += u32::from(r == i));
    }
    uses == 1
        && trace
            .snapshots
            .iter()
            .all(|s| s.exit_values().all(|r| r != i))
}

/// Emits `RunLoop(n, exit_pc, ..)` (instruction `i`) as a direct entry, if
/// the trace's inner-loop words name loop `n`; false: the caller calls the
/// helper. The slot masks after `exit_pc` are the optimizer's, not read here.
pub(super) fn emit_run_loop(e: &mut Emitter, i: Ref, args: &[Ref], t: &AsmTargets) -> bool {
    let &[nk, ek, ..] = args else {
        return false;
    };
    let (Some(n), Some(exit_pc)) = (e.imm32(nk), e.imm32(ek)) else {
        return false;
    };
    let Some(slot) = usize::try_from(n).ok().and_then(|n| t.inner_loops.slot(n)) else {
        return false;
    };
    let slot = slot as *const std::sync::atomic::AtomicUsize as i64;
    let counts = t.inner_loops.counts as i64;
    let enter = *e
        .run_loop_enter
        .get_or_insert_with(|| e.ops.new_dynamic_label());
    let at = e.ops.new_dynamic_label();
    let entries_off = offset_of!(LoopEntryCounts, entries) as i32;
    let base_off = offset_of!(JitCtx, base) as i32;
    let pc_off = offset_of!(ExitInfo, loop_exit_pc) as i32;
    // No inline depth is written: the outer trace is in its loop's own
    // frame (depth 0), and the inner trace writes its own before each of
    // its calls. `rbx` is the context's base already (every call reloads
    // it), as the trampoline would load it.
    dynasm!(e.ops
        ; .arch x64
        ; mov rax, QWORD counts
        ; inc QWORD [rax + entries_off]
        ; mov rcx, QWORD slot
        ; call =>enter
        // Back with the exit descriptor in `rax`. The context's base is
        // current (whatever moved the stack refreshed it).
        ; mov rbx, [r12 + base_off]
        ; cmp DWORD [rax + pc_off], exit_pc
        ; jne =>at
    );
    e.rax_now = None;
    if only_guard_reads(e.trace, i) {
        let guard = &e.trace.insts[i as usize + 1];
        let to = OtherExitTo::GuardStub(e.stub(guard));
        e.run_loop_exits.push(OtherExit { at, to, counts });
        e.guard_done = Some(i);
        return true;
    }
    let back = e.ops.new_dynamic_label();
    dynasm!(e.ops ; .arch x64 ; mov eax, 1 ; =>back);
    let to = OtherExitTo::Back(back);
    e.run_loop_exits.push(OtherExit { at, to, counts });
    e.store_rax(i);
    true
}

/// Emits the trace's inner-loop entries' out-of-line parts and the shared
/// entry subroutine (after the trace's code).
pub(super) fn emit_run_loop_tails(e: &mut Emitter) {
    let other_off = offset_of!(LoopEntryCounts, other_exits) as i32;
    let inner_off = offset_of!(ExitInfo, inner_loop) as i32;
    let inner_exit_off = offset_of!(JitCtx, inner_exit) as i32;
    for x in std::mem::take(&mut e.run_loop_exits) {
        // As `run_loop::finish_entry`: a deeper loop's exit is recorded
        // in `inner_exit` already; keep the innermost.
        dynasm!(e.ops
            ; .arch x64
            ; =>x.at
            ; mov rcx, QWORD x.counts
            ; inc QWORD [rcx + other_off]
            ; cmp BYTE [rax + inner_off], 0
            ; jne >keep
            ; mov [r12 + inner_exit_off], rax
            ; keep:
        );
        match x.to {
            OtherExitTo::Back(back) => dynasm!(e.ops ; .arch x64 ; xor eax, eax ; jmp =>back),
            OtherExitTo::GuardStub(stub) => dynasm!(e.ops ; .arch x64 ; jmp =>stub),
        }
    }
    if let Some(enter) = e.run_loop_enter {
        // The trampoline's work (`r12` is the context already, `rbx` its
        // base): the inner trace's epilogue undoes it and returns to the
        // entry with its exit descriptor. The loop's code is where its
        // entry slot (in `rcx`) says now.
        dynasm!(e.ops ; .arch x64 ; =>enter);
        enter_trace_frame!(e.ops);
        dynasm!(e.ops ; .arch x64 ; jmp QWORD [rcx]);
    }
}
