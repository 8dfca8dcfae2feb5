//! Where the interpreter meets the JIT: starting recordings, showing the
//! recorder each instruction, entering compiled loops and rebuilding the
//! interpreter's frames from the snapshot a trace exits through.

use crate::interp::Interpreter;
use frontend::bytecode::Op;
use jit::asm::EnterFn;
use jit::exits::ExitInfo;
use jit::recorder::FrameView;
use jit::snapshot::ExitKind;
use jit::JitCtx;
use runtime::object::CodeObj;
use runtime::{PyErr, PyResult, Value, Vm};
use std::cell::Cell;

mod trace_call;

impl Interpreter {
    /// Frames that count toward the recursion limit: the interpreter's and
    /// those inlined into the compiled loops running now.
    #[inline]
    pub(crate) fn frames_for_limit(&self) -> usize {
        self.frames.len() + self.hidden_frames()
    }

    /// Inlined frames of the compiled loops running now. Every loop but the
    /// innermost is inside a helper call that led here, so their depths are
    /// fixed while the innermost runs: its context carries their sum.
    #[inline]
    fn hidden_frames(&self) -> usize {
        let c = self.jit_innermost;
        if c.is_null() {
            return 0;
        }
        // SAFETY: a context is innermost only while its trace runs, on the
        // Rust stack of `enter_trace`, which outlives it being linked here.
        unsafe { ((*c).hidden_below + (*c).inline_depth) as usize }
    }

    /// The recorder's view of the running frame about to run `pc`.
    fn frame_view(&self, pc: usize) -> FrameView<'_> {
        let f = self.frames.last().expect("a running frame");
        FrameView {
            stack: &self.stack,
            base: f.base,
            depth: self.frames.len(),
            code: f.code_value,
            func: f.func,
            module: f.module,
            pc,
        }
    }

    /// Starts recording the loop whose `JumpBack` is at `jump_back_pc`; the
    /// running frame's pc is the loop header.
    pub(crate) fn start_recording(&mut self, jump_back_pc: u32, cell: &Cell<[u64; 3]>) {
        let pc = self.frames.last().expect("a running frame").pc;
        // The recorder borrows the runtime and the view; the JIT is a separate field.
        let jit: *mut jit::Jit = &mut self.jit;
        let view = self.frame_view(pc);
        // SAFETY: `jit` is a field of `self` disjoint from what `view` and `rt` borrow.
        unsafe { (*jit).start_root(&self.rt, &view, jump_back_pc, cell, self.exec_depth) };
    }

    /// The running frame was just pushed for a call and is about to run its
    /// pc 0: counts the function's entry, and runs its function trace or
    /// starts recording one when it is hot. `None`: interpret the frame;
    /// `Some(Ok(false))`: continue interpreting at the running frame's pc
    /// (the trace left); `Some(Ok(true))`: a recording started (switch
    /// dispatch loops); `Some(Err)`: the trace raised, frames rebuilt where.
    #[inline(always)]
    fn function_entered(&mut self) -> Option<Result<bool, PyErr>> {
        let frame = self.frames.last().expect("a running frame");
        // SAFETY: frame code objects are live while the frame is.
        let code: &CodeObj = unsafe { &*frame.code };
        match self.jit.on_function_entry(code) {
            jit::BackEdge::Interpret => None,
            jit::BackEdge::Run(n) => self.run_compiled(n),
            jit::BackEdge::Record => {
                self.start_function_recording();
                Some(Ok(true))
            }
        }
    }

    /// Is the entry of the function whose frame was just pushed watched by
    /// the JIT (it has a function trace, or is still counted)? The dispatch
    /// loop's inline check: one load and compare (`Jit::entry_watched`).
    #[inline(always)]
    pub(crate) fn entry_watched(&self) -> bool {
        let frame = self.frames.last().expect("a running frame");
        // SAFETY: frame code objects are live while the frame is.
        jit::Jit::entry_watched(unsafe { &*frame.code })
    }

    /// [`Interpreter::function_entered`] for the dispatch loop, out of line:
    /// an exception the trace raised is handled here. Ok(true): a recording
    /// started (switch dispatch loops); Err: the exception was not caught
    /// below the innermost boundary frame.
    #[inline(never)]
    pub(crate) fn entered_watched_function(&mut self) -> Result<bool, PyErr> {
        match self.function_entered() {
            None | Some(Ok(false)) => Ok(false),
            Some(Ok(true)) => Ok(true),
            Some(Err(e)) => self.handle_exception(e).map(|()| false),
        }
    }

    /// Starts recording the function whose frame was just pushed.
    #[cold]
    fn start_function_recording(&mut self) {
        let frame = self.frames.last().expect("a running frame");
        // SAFETY: frame code objects are live while the frame is.
        let code: &CodeObj = unsafe { &*frame.code };
        let jit: *mut jit::Jit = &mut self.jit;
        let view = self.frame_view(frame.pc);
        // SAFETY: as in `start_recording`.
        unsafe { (*jit).start_function(&self.rt, &view, code, self.exec_depth) };
    }

    /// Runs the boundary frame just pushed for a call from Rust or from
    /// compiled code (`call_value`, `call_stack_args`) to its return: through
    /// its function trace first when it has one (see
    /// [`Interpreter::function_entered`]), then in the interpreter.
    #[inline]
    pub(crate) fn execute_function(&mut self) -> PyResult<Value> {
        if self.jit.enabled() && self.entry_watched() {
            return self.execute_watched_function();
        }
        self.execute()
    }

    /// [`Interpreter::execute_function`] for a function whose entry the JIT
    /// watches.
    #[inline(never)]
    fn execute_watched_function(&mut self) -> PyResult<Value> {
        // A bridge or function recording started here belongs to the
        // `execute` level below.
        self.exec_depth += 1;
        let entered = self.function_entered();
        self.exec_depth -= 1;
        match entered {
            Some(Ok(false)) => match self.return_at_function_end() {
                Some(result) => result,
                None => self.execute(),
            },
            None | Some(Ok(true)) => self.execute(),
            Some(Err(e)) => match self.handle_exception(e) {
                Ok(()) => self.execute(),
                Err(e) => Err(e),
            },
        }
    }

    /// After a function trace left: when it left at the `Return` of the
    /// boundary frame [`Interpreter::execute_function`] pushed (the function
    /// trace's end), runs that `Return` here instead of entering the
    /// dispatch loop for one instruction (a nested `execute` per call).
    #[inline]
    fn return_at_function_end(&mut self) -> Option<PyResult<Value>> {
        let frame = self.frames.last()?;
        if !frame.boundary {
            return None;
        }
        // SAFETY: frame code objects are live while the frame is.
        let code: &CodeObj = unsafe { &*frame.code };
        let Some(&Op::Return { src }) = code.code.ops.get(frame.pc) else {
            return None;
        };
        let v = self.stack[frame.base + src as usize];
        self.return_from_frame(v)
    }

    /// Shows `op` (about to run at `pc`) to the recorder; false once the
    /// recording has ended.
    pub(crate) fn record_instruction(&mut self, op: Op, pc: usize) -> bool {
        if !self.jit.recording_at(self.exec_depth) {
            return false;
        }
        let jit: *mut jit::Jit = &mut self.jit;
        let view = self.frame_view(pc);
        // SAFETY: as in `start_recording`.
        unsafe { (*jit).record(&self.rt, &view, op) }
    }

    /// Runs compiled trace `n` for the loop in the running frame (whose pc is
    /// the loop header). Returns true when a bridge recording starts, false
    /// to continue interpreting; an exception raised inside the trace comes
    /// back as `Err` with the frames rebuilt where it was raised.
    #[inline(always)]
    pub(crate) fn run_trace(&mut self, n: usize) -> Result<bool, PyErr> {
        if self.header_leaves_loop() {
            // Entering only to leave at the first guard costs far more than
            // the interpreter's one branch (a loop that ran its last pass).
            return Ok(false);
        }
        self.enter_trace(n).unwrap_or(Ok(false))
    }

    /// At a loop's header instruction (`header`, marked by
    /// [`mark_loop_header`]) reached from above rather than by the loop's
    /// `JumpBack`: runs the loop's compiled trace from its first iteration,
    /// as a function called from compiled code would otherwise interpret its
    /// loop's first pass (and every call in it) before the back-edge entered
    /// the trace. `None`: not entered, run the instruction.
    #[inline(never)]
    pub(crate) fn enter_loop_from_above(
        &mut self,
        code: &CodeObj,
        header: usize,
    ) -> Option<Result<bool, PyErr>> {
        let jump_back = code.ic[header].get()[1] as usize;
        let trace = code.ic[jump_back].get()[1];
        if trace == 0 {
            // The loop lost its trace (unlinked as unprofitable).
            code.ic[header].set([0; 3]);
            return None;
        }
        self.enter_compiled_loop_from_above(trace as usize - 1, header)
    }

    /// [`Interpreter::enter_loop_from_above`] for a loop that has a trace.
    fn enter_compiled_loop_from_above(
        &mut self,
        n: usize,
        header: usize,
    ) -> Option<Result<bool, PyErr>> {
        let frame = self.frames.last().expect("a running frame");
        if self.jit_resumed_at == (frame.id, header) {
            // A trace just left to here: entering would leave the same way.
            self.jit_resumed_at = (0, 0);
            return None;
        }
        self.frames.last_mut().expect("a running frame").pc = header;
        if self.header_leaves_loop() {
            return None;
        }
        self.enter_trace(n)
    }

    /// [`Interpreter::run_trace`] once the loop is to be entered; `None`
    /// when it was not entered after all.
    #[inline(never)]
    fn enter_trace(&mut self, n: usize) -> Option<Result<bool, PyErr>> {
        if !self.jit.profitable_entry(n) {
            return None;
        }
        self.run_compiled(n)
    }

    /// Runs compiled trace `n` (a loop's, or a function's at its entry) for
    /// the running frame, from its pc; `None` when it was not entered after
    /// all (too close to the native stack's end or the recursion limit).
    #[inline(never)]
    fn run_compiled(&mut self, n: usize) -> Option<Result<bool, PyErr>> {
        if !self.native_stack_has_room() {
            return None;
        }
        let (enter, target, extent, frames_needed) = self.jit.entry(n);
        let hidden = self.hidden_frames();
        let loop_depth = self.frames.len();
        if loop_depth + hidden + frames_needed >= self.rt.recursion_limit {
            return None;
        }
        let base = self.frames.last().expect("a running frame").base;
        // SAFETY: frame code objects are live while the frame is.
        let nslots = unsafe {
            (&*self.frames.last().expect("a running frame").code)
                .code
                .nslots
        };
        let need = base + extent.max(nslots as usize);
        let left = self.enter_code(enter, target, base, nslots as usize, need, hidden);
        // SAFETY: `info` is the exit descriptor the trace returned.
        if let Some(src) = unsafe { (*left.info).returns() } {
            if self.return_to_interpreted_caller(base + src as usize) {
                return Some(Ok(false));
            }
        }
        Some(self.resume_after_exit(left, base, loop_depth))
    }

    /// A function trace entered by the dispatch loop ended at its `Return`,
    /// whose value is in stack slot `value_slot`: for a plain frame (not a
    /// boundary, no `__init__` instance, no generator) runs that `Return`
    /// here (`return_from_frame`: the frame is popped and the value stored
    /// in the caller's slot, whose pc is already past the call), so the
    /// dispatch loop goes on in the caller without decoding the exit or
    /// dispatching the `Return`. False (nothing done) for other frames.
    #[inline]
    fn return_to_interpreted_caller(&mut self, value_slot: usize) -> bool {
        let frame = self.frames.last().expect("the function's frame");
        if frame.boundary || !frame.init_self.is_empty() || !frame.generator.is_empty() {
            return false;
        }
        self.jit.count_return_exit();
        let ret_slot = self.pop_plain_frame();
        self.stack[ret_slot] = self.stack[value_slot];
        true
    }

    /// `return_from_frame`'s pop for a plain frame (no generator, no
    /// `__init__` instance), in place: restores the exception it saved and
    /// returns its return slot. (`return_from_frame` moves the whole frame
    /// out, which costs a call's worth on this path.)
    #[inline(always)]
    fn pop_plain_frame(&mut self) -> usize {
        let frames = self.frames.len();
        let frame = &self.frames[frames - 1];
        let ret_slot = frame.ret_slot;
        self.handled = frame.saved_handled;
        self.frames.truncate(frames - 1);
        ret_slot
    }

    /// Is there native stack left to enter compiled code (see `native_stack`)?
    #[inline(always)]
    fn native_stack_has_room(&mut self) -> bool {
        if self.jit_words.native_floor == 0 {
            self.jit_words.native_floor = crate::native_stack::floor();
        }
        crate::native_stack::has_room_above(self.jit_words.native_floor)
    }

    /// [`Interpreter::native_stack_has_room`] for an entry from compiled
    /// code (a call helper's), which was entered after the same check, so
    /// the floor is known: one compare with the stack pointer.
    #[inline(always)]
    pub(crate) fn nested_native_stack_has_room(&self) -> bool {
        debug_assert!(self.jit_words.native_floor != 0);
        #[cfg(target_arch = "x86_64")]
        {
            let sp: usize;
            // SAFETY: reads the stack pointer into a register; no memory,
            // stack or flags are touched.
            unsafe {
                std::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags))
            };
            sp > self.jit_words.native_floor
        }
        #[cfg(not(target_arch = "x86_64"))]
        crate::native_stack::has_room_above(self.jit_words.native_floor)
    }

    /// Enters compiled code at `target` (through the trampoline `enter`)
    /// for the frame whose slot 0 is at `base` (with `nslots` slots set
    /// for it, the rest below the high-water mark or cleared here), with
    /// the stack ready up to `need` and `hidden` frames of the compiled
    /// code around it that the interpreter has not pushed; returns how it
    /// left. The frames are not rebuilt yet.
    #[inline(always)]
    fn enter_code(
        &mut self,
        enter: EnterFn,
        target: usize,
        base: usize,
        nslots: usize,
        need: usize,
        hidden: usize,
    ) -> Left {
        self.ensure_stack(need + 1);
        self.run_code::<false, _>(enter, target, base, nslots, need, hidden, false, Left::of)
    }

    /// [`Interpreter::enter_code`] once the stack holds `need + 1` slots
    /// (at least the frame's, `base + nslots`), handing the exit descriptor
    /// the code returned and its context to `left` (before the context is
    /// gone), whose result it returns. `NESTED`: entered from a helper
    /// called by compiled code, which is still running (counted as active
    /// by the JIT) below.
    ///
    /// While compiled code runs, `jit_words.stack_top` is the stack top
    /// (`stack_top`): the frames the interpreter pushed since are popped
    /// before it goes on. `collect`: collect garbage once the stack is
    /// covered, before the code runs.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn run_code<const NESTED: bool, R>(
        &mut self,
        enter: EnterFn,
        target: usize,
        base: usize,
        nslots: usize,
        need: usize,
        hidden: usize,
        collect: bool,
        left: impl FnOnce(*const ExitInfo, &mut JitCtx) -> R,
    ) -> R {
        // A collection while the trace runs marks the stack up to `need`, so
        // no slot there may hold a pointer to a freed object. Each collection
        // clears the stack above what it marks up to the high-water mark, and
        // slots the mark newly covers are cleared here (once): every slot
        // below it holds EMPTY or a value written since the last collection.
        debug_assert!(need >= base + nslots);
        if need > self.jit_words.high_water {
            self.cover_stack(base + nslots, need);
        }
        let saved_top = self.jit_words.stack_top;
        self.jit_words.stack_top = saved_top.max(need);
        if collect {
            self.collect_garbage();
        }
        let vm: *mut dyn Vm = self as *mut Interpreter as *mut dyn Vm;
        let mut ctx = JitCtx::new(vm, &mut self.jit, &mut self.stack, base);
        ctx.hidden_below = hidden as u64;
        ctx.call_from_stack = Some(Interpreter::call_from_trace);
        ctx.frames = self.frames.len() as u64;
        ctx.finish_direct_call = Some(Interpreter::finish_direct_call);
        ctx.outer = self.jit_innermost;
        self.jit_innermost = &ctx;
        if !NESTED {
            self.jit.enter_compiled();
        }
        let info = enter(&mut ctx, target);
        if !NESTED {
            self.jit.leave_compiled();
        }
        self.jit_innermost = ctx.outer;
        self.jit_words.stack_top = saved_top;
        // A safepoint: install what the worker finished (a loop header may
        // have left for just that) and free replaced code. (Nested, code
        // is not freed: the compiled code below is still active.)
        let due = if NESTED {
            self.jit.install_due()
        } else {
            self.jit.service_due()
        };
        if due {
            self.jit.service();
        }
        left(info, &mut ctx)
    }

    /// Rebuilds the interpreter's frames after compiled code entered for
    /// the frame whose slot 0 is at `base` (frame number `loop_depth`) left:
    /// true when a bridge recording starts, false to continue interpreting;
    /// an exception raised inside the trace comes back as `Err` with the
    /// frames rebuilt where it was raised.
    fn resume_after_exit(
        &mut self,
        left: Left,
        base: usize,
        loop_depth: usize,
    ) -> Result<bool, PyErr> {
        // SAFETY: `info` is the exit descriptor the trace returned.
        let mut action = unsafe { self.jit.on_exit(left.info) };
        if action.kind == ExitKind::InnerLoop {
            // SAFETY: an inner-loop exit leaves the inner trace's descriptor in the context.
            action = unsafe { self.jit.on_exit(left.inner_exit) };
        }
        if action.inlined_frames {
            self.restore_frames(action.trace, action.snap, base);
        } else {
            // The usual exit: in the loop's own frame.
            self.frames.last_mut().expect("a frame").pc = action.resume_pc as usize;
        }
        let resumed = self.frames.last().expect("a frame");
        self.jit_resumed_at = (resumed.id, resumed.pc);
        match action.kind {
            ExitKind::LoopDone => Ok(false),
            ExitKind::Guard if !action.record_bridge => Ok(false),
            ExitKind::Guard => {
                self.start_bridge(action.trace, action.snap, loop_depth);
                Ok(true)
            }
            ExitKind::Exception => {
                // The interpreter reports an exception with the pc after the
                // instruction that raised it.
                self.frames.last_mut().expect("a frame").pc += 1;
                Err(left.error.expect("an exception exit carries an exception"))
            }
            ExitKind::Safepoint | ExitKind::InnerLoop => self.safepoint().map(|()| false),
        }
    }

    /// Is the running frame at a loop header (its pc) whose first
    /// instruction is the loop's own exit test, on a condition that leaves
    /// the loop now? Only plain conditions (bools, ints, None) are read:
    /// deciding anything else could run Python code.
    #[inline(always)]
    fn header_leaves_loop(&self) -> bool {
        let frame = self.frames.last().expect("a running frame");
        // SAFETY: frame code objects are live while the frame is.
        let ops: &[Op] = unsafe { &(&*frame.code).code.ops };
        let (cond, target, jumps_if) = match ops.get(frame.pc) {
            Some(&Op::JumpIfFalse { cond, target }) => (cond, target, false),
            Some(&Op::JumpIfTrue { cond, target }) => (cond, target, true),
            _ => return false,
        };
        // A `while` loop's test jumps to just past the loop's `JumpBack`.
        let leaves = matches!(
            ops.get((target as usize).wrapping_sub(1)),
            Some(&Op::JumpBack { target: header }) if header as usize == frame.pc
        );
        if !leaves {
            return false;
        }
        let v = self.stack[frame.base + cond as usize];
        let truth = if v.is_bool() {
            v.as_bool()
        } else if v.is_int() {
            v.as_int() != 0
        } else if v.is_none() {
            false
        } else {
            return false;
        };
        truth == jumps_if
    }

    /// Clears the slots up to `need` that no compiled loop covered before
    /// (see `run_trace`), above the entered frame's own (which end at
    /// `frame_top`), and raises the high-water mark to `need`.
    #[cold]
    fn cover_stack(&mut self, frame_top: usize, need: usize) {
        let from = self.jit_words.high_water.max(frame_top);
        if need > from {
            self.stack[from..need].fill(Value::EMPTY);
        }
        self.jit_words.high_water = need;
    }

    /// Starts recording a bridge from exit (`trace`, `snap`), whose frames
    /// were just rebuilt; the loop's frame is frame number `loop_depth`.
    #[cold]
    fn start_bridge(&mut self, trace: usize, snap: u32, loop_depth: usize) {
        let pc = self.frames.last().expect("a frame").pc;
        let jit: *mut jit::Jit = &mut self.jit;
        let view = self.frame_view(pc);
        // SAFETY: as in `start_recording`.
        unsafe { (*jit).start_bridge(&self.rt, trace, snap, loop_depth, &view, self.exec_depth) };
    }

    /// Rebuilds the frames `snap` describes on top of the loop's frame
    /// (whose slot 0 is at `base`): inlined callees become real frames.
    fn restore_frames(&mut self, trace: usize, snap: u32, base: usize) {
        // Raw traces store every slot as they run, so `entries` is empty.
        let s = self.jit.snapshot(trace, snap);
        let (resume_pc, count) = (s.pc as usize, s.frames.len());
        for i in 0..count {
            let f = self.jit.snapshot(trace, snap).frames[i];
            let pc = if i == count - 1 {
                resume_pc
            } else {
                f.pc as usize
            };
            if i > 0 {
                self.push_frame(
                    f.code,
                    f.func,
                    f.module,
                    Value::EMPTY,
                    base + f.base as usize,
                    base + f.ret_slot as usize,
                    false,
                );
                if f.init_self {
                    let instance = self.stack[base + f.base as usize];
                    self.frames.last_mut().expect("a frame").init_self = instance;
                }
                if let Some(slot) = f.generator {
                    // A generator resumed by the `for` loop in the frame
                    // below (the trace stored its running resume word).
                    let gen = self.stack[base + slot as usize];
                    self.frames.last_mut().expect("a frame").generator = gen;
                }
            }
            self.frames.last_mut().expect("a frame").pc = pc;
        }
    }
}

/// Marks a loop header's own inline-cache cell (unused by `JumpIfFalse`,
/// `JumpIfTrue` and `ForIter`) as [`LOOP_HEADER_MARK`], with its `JumpBack`'s
/// pc: the dispatch loop then enters the compiled loop when it reaches the
/// header from above (`Interpreter::enter_loop_from_above`). Headers of
/// other kinds (a `while True:` body, a condition computed first) are not
/// marked: their cells may be caches, and entering there is not the state a
/// back-edge leaves.
#[inline]
pub(crate) fn mark_loop_header(code: &CodeObj, header: usize, jump_back: usize) {
    let is_test = matches!(
        code.code.ops.get(header),
        Some(Op::JumpIfFalse { .. } | Op::JumpIfTrue { .. } | Op::ForIter { .. })
    );
    if is_test {
        code.ic[header].set([LOOP_HEADER_MARK, jump_back as u64, 0]);
    }
}

/// Is the instruction at `pc` a loop header marked by [`mark_loop_header`]?
/// (On the interpreter's hot path: every `JumpIfFalse`, `JumpIfTrue` and
/// `ForIter` asks under the JIT.)
#[inline(always)]
pub(crate) fn loop_header_marked(code: &CodeObj, pc: usize) -> bool {
    debug_assert!(pc < code.ic.len());
    // SAFETY: `pc` is the running instruction's index and a code object has
    // one inline-cache cell per instruction (`runtime::code::load_code`).
    unsafe { code.ic.get_unchecked(pc) }.get()[0] == LOOP_HEADER_MARK
}

/// Word 0 of a loop header's inline-cache cell once its loop was entered
/// compiled (see [`mark_loop_header`]).
const LOOP_HEADER_MARK: u64 = 0x4C4F_4F50_4845_4144;

/// How compiled code left ([`Interpreter::enter_code`]).
struct Left {
    /// The exit descriptor the trace returned.
    info: *const ExitInfo,
    /// For an `InnerLoop` exit: the inner loop's exit.
    inner_exit: *const ExitInfo,
    /// The exception a helper raised (an `Exception` exit).
    error: Option<PyErr>,
}

impl Left {
    /// How code that ran with `ctx` left through exit `info`.
    #[inline(always)]
    fn of(info: *const ExitInfo, ctx: &mut JitCtx) -> Left {
        Left {
            info,
            inner_exit: ctx.inner_exit,
            error: ctx.take_error(),
        }
    }
}
