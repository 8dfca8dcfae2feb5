//! Direct calls from compiled code into function traces (PyPy's
//! `call_assembler`): which calls the recorder marks for one, the words the
//! machine code reads to make one (`asm/direct_call.rs` emits it), and the
//! out-of-line helpers it calls when the callee's trace leaves other than
//! at its `Return`.
//!
//! A marked call is `call`/`call_method` with a third argument, the
//! function the recorder saw (a constant). Compiled code checks that the
//! function slot still holds it, that its code has a function trace
//! ([`CodeObj::direct`]), the recursion limit, the native stack, that no
//! collection is due and that the callee's stack reach is already covered;
//! then it copies the arguments above its own stack, swaps the callee's
//! frame into its own context (as `enter_lazy_frame` in the vm does) and
//! calls the trace's entry through an inline copy of the trampoline. The
//! callee's `Return` exit comes back to the caller's code, which reads the
//! returned slot. Any other exit calls [`h_direct_exit`], which finishes
//! the call the general way; a failed check calls `h_call` as before.

use crate::ctx::JitCtx;
use crate::exits::ExitInfo;
use runtime::object::{downcast, CodeObj, FunctionObj};
use runtime::{PyResult, Value};

/// Interpreter words compiled code reads and writes around a direct call.
/// The interpreter owns them in a box (a fixed address compiled code
/// embeds) and uses them itself as its stack bookkeeping.
#[repr(C)]
#[derive(Debug, Default)]
pub struct VmWords {
    /// While compiled code runs: one past the highest stack slot it uses
    /// (`Interpreter::jit_words` in the vm): the GC marks up to here.
    pub stack_top: usize,
    /// The highest stack top any compiled code has used: every slot below
    /// it holds EMPTY or a value written since the last collection.
    pub high_water: usize,
    /// The native stack address below which compiled code is not entered
    /// (0 until the first entry reads it).
    pub native_floor: usize,
    /// Direct calls made (trace entries, for the statistics).
    pub direct_calls: u64,
    /// Direct calls whose callee left other than at its `Return` (the
    /// others returned there: exits, for the statistics).
    pub direct_slow_exits: u64,
}

/// The interpreter's end of a direct call whose callee's trace left
/// through `info` other than at its `Return`: the caller's code has put
/// its context back (the callee's frame starts at `stack_top + 1`); this
/// pushes the callee's frame, rebuilds the frames and runs the function to
/// its return in the interpreter. `f` is the function called.
pub type FinishDirectFn =
    unsafe fn(ctx: *mut JitCtx, f: Value, info: *const ExitInfo) -> PyResult<Value>;

/// Most local variables a directly called function may have (its frame's
/// locals are cleared by unrolled stores).
pub const MAX_DIRECT_LOCALS: usize = 32;

/// Is a call of `f` with `n` positional arguments one compiled code may
/// make directly? `f` is a plain function (a Python function, not a
/// generator, taking exactly `n` positional arguments and nothing else)
/// without closure cells (whose frame code reads: those take the pushed
/// path) and with few locals. Whether its code has a function trace is
/// checked when the call runs.
pub(crate) fn direct_callee(f: Value, n: usize) -> bool {
    let Some(func) = downcast::<FunctionObj>(f) else {
        return false;
    };
    let Some(code) = downcast::<CodeObj>(func.code) else {
        return false;
    };
    let c = &code.code;
    c.kind == frontend::bytecode::CodeKind::Function
        && c.argcount as usize == n
        && c.kwonlycount == 0
        && !c.has_varargs
        && !c.has_varkw
        && c.free_slots.is_empty()
        && c.local_names.len() <= MAX_DIRECT_LOCALS
        && n <= c.nslots as usize
}

/// Sets `code`'s direct-call words once its function trace is installed:
/// the trace's entry slot (where the optimized tier installs its code),
/// the slots it needs above the frame's slot 0, and the frames a call adds
/// for the recursion limit (the callee's own and those its trace may
/// hide, one word: the call's check adds no constant for them).
pub(crate) fn publish(code: &CodeObj, entry_slot: usize, extent: usize, frames_needed: usize) {
    let need = extent.max(code.code.nslots as usize);
    code.direct
        .set([entry_slot as u64, need as u64, frames_needed as u64 + 1]);
}

/// Compiled code's call after a direct call's callee left other than at
/// its `Return` (`a`: the function called, boxed, as the call's function
/// slot may not hold it: see `asm::direct_call::deferred_store`; `b`: the
/// exit descriptor):
/// hands the call to the interpreter ([`JitCtx::finish_direct_call`]) and
/// returns its value, or raises its exception, as a call helper does.
pub(crate) extern "sysv64" fn h_direct_exit(
    ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    _c: u64,
    _d: u64,
) -> u64 {
    let f = Value::from_bits(a);
    // SAFETY: compiled code passes the context it runs with, whose base
    // is its own frame's again.
    let finish = unsafe { (*ctxp).finish_direct_call };
    let finish = finish.expect("direct calls are made only where the interpreter finishes them");
    // SAFETY: `b` is the exit descriptor the callee's trace returned; the
    // context is the running code's, not otherwise borrowed.
    let result = unsafe { finish(ctxp, f, b as *const ExitInfo) };
    // SAFETY: as above.
    let ctx = unsafe { &mut *ctxp };
    ctx.refresh_base();
    match result {
        Ok(v) => v.to_bits(),
        Err(e) => {
            ctx.raise(e);
            0
        }
    }
}

/// Compiled code's call after a direct call returned while the optimizer
/// thread has code waiting: installs it (a safepoint, nested: nothing is
/// freed while compiled code runs below).
pub(crate) extern "sysv64" fn h_direct_service(ctxp: *mut JitCtx) {
    // SAFETY: the interpreter set `jit` when it entered the code; the JIT
    // outlives every run of its code and is not otherwise borrowed while a
    // helper runs.
    let jit = unsafe { &mut *(*ctxp).jit };
    if jit.install_due() {
        jit.service();
    }
}
