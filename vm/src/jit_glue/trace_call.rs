//! Calls from compiled code into function traces: the callee's trace is
//! entered directly, its interpreter frame pushed only if the trace leaves
//! other than at the function's `Return` (a lazy frame).

use super::Left;
use crate::interp::Interpreter;
use frontend::bytecode::Code;
use jit::asm::EnterFn;
use runtime::object::{cast, CodeObj, FunctionObj};
use runtime::{PyResult, Value};

impl Interpreter {
    /// Compiled code's call of `f`, a plain function (`func`, see
    /// `call::plain_function`) whose code has function trace `n`, with its
    /// `argc` arguments at `stack[args_at..]` (in the trace's frames): the
    /// lean form of `call_stack_args` + `execute_function` +
    /// `run_compiled`. The callee's slots start above the compiled code's
    /// stack and its trace is entered at once; when the trace ends at the
    /// function's `Return` (its exit says so, see `ExitInfo::return_src`)
    /// the value is returned without the exit being decoded or the `Return`
    /// interpreted. Any other exit goes the general way. `None` (nothing
    /// done): the trace may not be entered here (near the recursion limit or
    /// the native stack's end), so the caller takes the general path, which
    /// interprets.
    ///
    /// The callee's interpreter frame is usually not pushed at all (a lazy
    /// frame, see [`Interpreter::enter_lazy_frame`]): only an exit other
    /// than the function's `Return` needs it, and it is pushed then.
    #[inline(always)]
    pub(crate) fn call_function_trace(
        &mut self,
        f: Value,
        func: &FunctionObj,
        n: usize,
        args_at: usize,
        argc: usize,
    ) -> Option<PyResult<Value>> {
        if !self.native_stack_has_room() {
            return None;
        }
        // SAFETY: compiled code is running (this is its call) and `n` is
        // the trace the callee's entry cell names.
        let (enter, target, extent, frames_needed) = unsafe { self.jit.running_entry(n) };
        debug_assert!(!self.jit_innermost.is_null());
        // SAFETY: compiled code is running (this is its call), so its
        // context is the innermost, linked for as long as it runs.
        let c = unsafe { &*self.jit_innermost };
        let hidden = (c.hidden_below + c.inline_depth) as usize;
        // The callee's frame is one more; this also covers the recursion
        // check of the frame push (`enter_plain_function`).
        let depth = self.frames.len() + 1;
        if depth + hidden + frames_needed >= self.rt.recursion_limit {
            return None;
        }
        // SAFETY: a function's code is a live CodeObj.
        let code = &unsafe { cast::<CodeObj>(func.code) }.code;
        let nslots = code.nslots as usize;
        // Compiled code is running (this is its call).
        let top = self.jit_stack_top;
        debug_assert_eq!(top, self.stack_top());
        let base = top + 1;
        let need = base + extent.max(nslots);
        if args_at + argc > top {
            // The arguments lie in the trace's frames, below the stack top;
            // anything else is left to the general path's checks.
            return None;
        }
        self.ensure_stack(need + 1);
        self.jit.count_entry();
        let heap = &self.rt.heap;
        let collect = heap.wants_collection();
        // Under the GC stress test (a collection at every safepoint) the
        // lazy path is taken too, collecting at its entry, so that its
        // state is what collections see.
        if code.free_slots.is_empty() && (!collect || heap.stress) {
            // SAFETY: the stack holds `need + 9 >= base + nslots + 9` slots;
            // the arguments are below `top`.
            return unsafe {
                self.enter_lazy_frame(
                    f, func, code, enter, target, args_at, base, need, hidden, collect,
                )
            };
        }
        // SAFETY: `ensure_stack` made the stack at least `need + 9` slots
        // long, which holds the return slot `top`, the arguments (below
        // it) and the frame's slots `base..base + nslots`
        // (`nslots <= need - base`), which do not overlap.
        unsafe {
            let slots = self.stack.as_mut_ptr();
            *slots.add(top) = Value::NONE;
            copy_values(slots.add(args_at), slots.add(base), argc);
        }
        // SAFETY: the stack holds `need + 9 >= base + nslots + 9` slots.
        unsafe { self.open_frame(f, func, base, argc, top, true) };
        // A bridge or function recording started here belongs to the
        // `execute` level below (as in `execute_watched_function`).
        self.exec_depth += 1;
        let left =
            self.run_code::<true, _>(enter, target, base, nslots, need, hidden, false, Left::of);
        // SAFETY: `info` is the exit descriptor the trace returned.
        if let Some(src) = unsafe { (*left.info).returns() } {
            self.exec_depth -= 1;
            self.jit.count_return_exit();
            // A plain function's boundary frame: popped, its value handed back.
            self.pop_plain_frame();
            return Some(Ok(self.stack[base + src as usize]));
        }
        Some(self.finish_function_call(left, base, depth))
    }

    /// [`Interpreter::call_function_trace`] for a callee without closure
    /// cells, when no collection is due: its trace runs with no interpreter
    /// frame pushed, the frame counted as hidden (like an inlined one) by
    /// the trace's context for the recursion limit. Nothing needs the frame
    /// while the trace runs: its slots are below `jit_stack_top` (marked by
    /// a collection), `f` (and through it the code and module) stays in the
    /// caller's function slot, and code that runs Python from a helper
    /// pushes its own frames above. An exit other than the function's
    /// `Return` pushes the frame (as `open_frame` would have) before the
    /// frames are rebuilt, so tracebacks and resumption are as for a pushed
    /// frame. Function traces of code with cells (a `super()` reads its
    /// frame) take the pushed-frame path.
    ///
    /// Of the frame's slots only the local variables are cleared (an
    /// unbound one must read EMPTY); the code writes a temporary before it
    /// reads it. What a temporary holds meanwhile is safe for a collection
    /// to mark: below the high-water mark every slot holds EMPTY or a value
    /// written since the last collection (see `run_code`), and the
    /// temporaries above it are cleared with the rest of the compiled
    /// code's new reach (`cover_stack` from the last slot cleared here).
    ///
    /// `collect`: collect garbage once the frame is ready (GC stress).
    ///
    /// # Safety
    /// `code` is `func`'s; its arguments are in `args_at..`, below the
    /// return slot `base - 1`, and the stack holds `base + nslots + 9`
    /// slots.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    unsafe fn enter_lazy_frame(
        &mut self,
        f: Value,
        func: &FunctionObj,
        code: &Code,
        enter: EnterFn,
        target: usize,
        args_at: usize,
        base: usize,
        need: usize,
        hidden: usize,
        collect: bool,
    ) -> Option<PyResult<Value>> {
        let (nslots, argc) = (code.nslots as usize, code.argcount as usize);
        // Parameters first, then the other locals (`local_names.len() <= nslots`).
        let nlocals = code.local_names.len();
        // SAFETY: the caller's contract: the stack holds `base + nslots + 9`
        // slots, so the four-slot writes from `argc` (or from 0 for the
        // arguments) below `nlocals + 3` stay inside it; the arguments'
        // four-slot read starts below `base - 1` and the return slot is
        // written after it.
        let initialized = unsafe {
            let slots = self.stack.as_mut_ptr();
            let frame = slots.add(base);
            if argc <= 4 && nlocals >= 4 {
                // Four at once, without a branch on the count: the slots
                // from `argc` to 4 are locals, cleared below.
                frame
                    .cast::<[Value; 4]>()
                    .write_unaligned(slots.add(args_at).cast::<[Value; 4]>().read_unaligned());
            } else {
                copy_values(slots.add(args_at), frame, argc);
            }
            *slots.add(base - 1) = Value::NONE;
            let mut i = argc;
            while i < nlocals {
                frame
                    .add(i)
                    .cast::<[Value; 4]>()
                    .write_unaligned([Value::EMPTY; 4]);
                i += 4;
            }
            // Slots `0..i` hold the arguments and EMPTY.
            i.min(nslots)
        };
        // Restored at the return, as popping the frame would (the callee's
        // own code does not change it; frames it calls restore theirs).
        let saved_handled = self.handled;
        self.exec_depth += 1;
        let returned = self.run_code::<true, _>(
            enter,
            target,
            base,
            initialized,
            need,
            hidden + 1,
            collect,
            // SAFETY: `info` is the exit descriptor the trace returned.
            |info, ctx| match unsafe { (*info).returns() } {
                Some(src) => Ok(src),
                None => Err(Left::of(info, ctx)),
            },
        );
        match returned {
            Ok(src) => {
                self.exec_depth -= 1;
                self.jit.count_return_exit();
                self.handled = saved_handled;
                // SAFETY: `base + src` is a slot of the callee's frame, inside the stack.
                Some(Ok(unsafe { *self.stack.as_ptr().add(base + src as usize) }))
            }
            Err(left) => Some(self.materialize_lazy_frame(f, func, left, base, saved_handled)),
        }
    }

    /// [`Interpreter::enter_lazy_frame`] after the trace left other than at
    /// the function's end: pushes the callee's frame, then goes on as
    /// [`Interpreter::finish_function_call`].
    #[cold]
    #[inline(never)]
    fn materialize_lazy_frame(
        &mut self,
        f: Value,
        func: &FunctionObj,
        left: Left,
        base: usize,
        saved_handled: Value,
    ) -> PyResult<Value> {
        let handled = std::mem::replace(&mut self.handled, saved_handled);
        self.push_frame(
            func.code,
            f,
            func.module,
            Value::EMPTY,
            base,
            base - 1,
            true,
        );
        self.handled = handled;
        let depth = self.frames.len();
        self.finish_function_call(left, base, depth)
    }

    /// [`Interpreter::call_function_trace`] after the trace left other than
    /// at the function's end: rebuilds the frames and runs the function's
    /// boundary frame (number `depth`, slot 0 at `base`) to its return in
    /// the interpreter.
    #[inline(never)]
    fn finish_function_call(&mut self, left: Left, base: usize, depth: usize) -> PyResult<Value> {
        let resumed = self.resume_after_exit(left, base, depth);
        self.exec_depth -= 1;
        match resumed {
            Ok(false) => match self.return_at_function_end() {
                Some(result) => result,
                None => self.execute(),
            },
            Ok(true) => self.execute(),
            Err(e) => match self.handle_exception(e) {
                Ok(()) => self.execute(),
                Err(e) => Err(e),
            },
        }
    }
}

/// Copies `n` values from `from` to `to` (not overlapping): the usual few
/// as plain moves, without a `memcpy` call.
///
/// # Safety
/// As for `std::ptr::copy_nonoverlapping`.
#[inline(always)]
unsafe fn copy_values(from: *const Value, to: *mut Value, n: usize) {
    // SAFETY: the caller's contract: `n` values readable at `from` and
    // writable at `to`, not overlapping.
    unsafe {
        match n {
            0 => {}
            1 => *to = *from,
            2 => to
                .cast::<[Value; 2]>()
                .write_unaligned(from.cast::<[Value; 2]>().read_unaligned()),
            3 => to
                .cast::<[Value; 3]>()
                .write_unaligned(from.cast::<[Value; 3]>().read_unaligned()),
            4 => to
                .cast::<[Value; 4]>()
                .write_unaligned(from.cast::<[Value; 4]>().read_unaligned()),
            _ => std::ptr::copy_nonoverlapping(from, to, n),
        }
    }
}
