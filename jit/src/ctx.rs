//! The context block compiled code runs with (`r12` points at it).

use runtime::{PyErr, PyResult, Value, Vm};

/// The interpreter's call of `f` with the `argc` arguments at indexes
/// `args_at..` of its value stack, made by compiled code running with
/// context `ctx` (whose `vm` is the interpreter): compiled code's calls go
/// straight to the new frame, with no argument copy on the Rust stack and
/// no generic call dispatch (see [`JitCtx::call_from_stack`]). A callee's
/// function trace may run with `ctx` itself (the caller is suspended in
/// the helper): its `base_index`, `hidden_below` and `inline_depth` are
/// the caller's again when the call returns, `base` is refreshed by the
/// helper.
pub type CallFromStackFn =
    unsafe fn(ctx: *mut JitCtx, f: Value, args_at: usize, argc: usize) -> PyResult<Value>;

/// Shared between the interpreter, compiled code and runtime helpers. The
/// machine code reads `base` and `error_pending` at fixed offsets, so the
/// layout is `repr(C)`.
#[repr(C)]
pub struct JitCtx {
    /// Address of the loop frame's slot 0 (refreshed after every helper call,
    /// since Python code run by a helper may grow and move the value stack).
    pub base: *mut Value,
    /// Nonzero when a helper raised; the exception is in `error`.
    pub error_pending: u64,
    /// The exception a helper raised.
    pub error: Value,
    /// The interpreter's value stack (to refresh `base`).
    pub stack: *mut Vec<Value>,
    /// Index of the loop frame's slot 0 in the value stack.
    pub base_index: usize,
    /// The interpreter, for runtime calls that run Python code.
    pub vm: *mut dyn Vm,
    /// The JIT, for running an inner loop's trace from an outer one.
    pub jit: *mut crate::Jit,
    /// The exit an inner loop's trace left through when it did not finish
    /// the loop (see `ExitKind::InnerLoop`).
    pub inner_exit: *const crate::exits::ExitInfo,
    /// Inlined frames active at the current runtime call (compiled code
    /// writes it before each call): they count toward the recursion limit.
    pub inline_depth: u64,
    /// Inlined frames of the compiled loops that were running when this one
    /// was entered (each is inside a helper call, so its `inline_depth`
    /// stays put until this one returns), plus the frames of function
    /// traces entered without an interpreter frame (`enter_lazy_frame` in
    /// the vm, this one's included): the interpreter sets it at entry, so
    /// the frames hidden from the limit are this plus `inline_depth`.
    pub hidden_below: u64,
    /// The context of the compiled loop this one was entered from (through
    /// a helper that ran Python code), or null.
    pub outer: *const JitCtx,
    /// How the `call` helpers call: the interpreter's stack-argument call
    /// (set at entry), or `None` for `Vm::call` with copied arguments.
    pub call_from_stack: Option<CallFromStackFn>,
    /// The interpreter's frame count when this context was entered (it is
    /// the same whenever this context's code runs): the recursion-limit
    /// check of a direct call (`direct_call.rs`) reads it.
    pub frames: u64,
    /// How a direct call whose callee left other than at its `Return` is
    /// finished (set at entry; `None`: no direct calls).
    pub finish_direct_call: Option<crate::direct_call::FinishDirectFn>,
}

impl JitCtx {
    /// A context for running a trace whose loop frame starts at `base_index`.
    pub fn new(
        vm: *mut dyn Vm,
        jit: *mut crate::Jit,
        stack: *mut Vec<Value>,
        base_index: usize,
    ) -> JitCtx {
        let mut ctx = JitCtx {
            base: std::ptr::null_mut(),
            error_pending: 0,
            error: Value::NONE,
            stack,
            base_index,
            vm,
            jit,
            inner_exit: std::ptr::null(),
            inline_depth: 0,
            hidden_below: 0,
            outer: std::ptr::null(),
            call_from_stack: None,
            frames: 0,
            finish_direct_call: None,
        };
        ctx.refresh_base();
        ctx
    }

    /// Recomputes `base` from the (possibly reallocated) stack.
    #[inline]
    pub fn refresh_base(&mut self) {
        // SAFETY: `stack` points at the interpreter's live value stack, which
        // always holds at least `base_index` + the trace's extent slots.
        unsafe { self.base = (*self.stack).as_mut_ptr().add(self.base_index) };
    }

    /// Records a raised exception for the compiled code to see.
    pub fn raise(&mut self, e: PyErr) {
        self.error = e.0;
        self.error_pending = 1;
    }

    /// The exception a helper raised, if any (clears it).
    pub fn take_error(&mut self) -> Option<PyErr> {
        if self.error_pending == 0 {
            return None;
        }
        self.error_pending = 0;
        Some(PyErr(std::mem::replace(&mut self.error, Value::NONE)))
    }

    /// Slot `rel` of the loop frame (inlined frames have higher offsets).
    ///
    /// # Safety
    /// `rel` must be inside the trace's extent (the interpreter sized the stack for it).
    #[inline]
    pub unsafe fn slot(&self, rel: i64) -> Value {
        *self.base.offset(rel as isize)
    }

    /// Writes slot `rel`.
    ///
    /// # Safety
    /// As for [`JitCtx::slot`].
    #[inline]
    pub unsafe fn set_slot(&mut self, rel: i64, v: Value) {
        *self.base.offset(rel as isize) = v;
    }
}
