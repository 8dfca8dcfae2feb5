//! Calls from compiled code into function traces: the callee's trace is
//! entered directly, its interpreter frame pushed only if the trace leaves
//! other than at the function's `Return` (a lazy frame).

use super::Left;
use crate::interp::Interpreter;
use frontend::bytecode::Code;
use jit::asm::EnterFn;
use jit::JitCtx;
use runtime::object::{CodeObj, FunctionObj};
use runtime::{PyResult, Value};

impl Interpreter {
    /// Compiled code's call of `f`, a plain function (`func`, see
    /// `call::plain_function`) whose code `code` has function trace `n`,
    /// with its `argc` arguments at `stack[args_at..]` (in the trace's
    /// frames), made by the compiled code running with context `ctx`: the
    /// lean form of `call_stack_args` + `execute_function` +
    /// `run_compiled`. The callee's slots start above the compiled code's
    /// stack and its trace is entered at once; when the trace ends at the
    /// function's `Return` (its exit says so, see `ExitInfo::return_src`)
    /// the value is returned without the exit being decoded or the `Return`
    /// interpreted. Any other exit goes the general way. When the trace
    /// may not be entered here (near the recursion limit or the native
    /// stack's end) the call takes the general path
    /// (`call_plain_from_stack`), which interprets.
    ///
    /// The callee's interpreter frame is usually not pushed at all (a lazy
    /// frame, see [`Interpreter::enter_lazy_frame`]): only an exit other
    /// than the function's `Return` needs it, and it is pushed then.
    ///
    /// # Safety
    /// `ctx` is the context of the compiled code making the call (the
    /// innermost, `jit_innermost`), suspended in the call helper; `code` is
    /// `func`'s code and `n` the trace its entry cell names.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    pub(crate) unsafe fn call_function_trace(
        &mut self,
        ctx: *mut JitCtx,
        f: Value,
        func: &FunctionObj,
        code: &CodeObj,
        n: usize,
        args_at: usize,
        argc: usize,
    ) -> PyResult<Value> {
        // SAFETY: compiled code is running (this is its call) and `n` is
        // the trace the callee's entry cell names.
        let (enter, target, extent, frames_needed) = unsafe { self.jit.running_entry(n) };
        debug_assert!(std::ptr::eq(ctx, self.jit_innermost));
        // SAFETY: the caller's contract: `ctx` is the running code's
        // context, linked for as long as it runs.
        let hidden = unsafe { ((*ctx).hidden_below + (*ctx).inline_depth) as usize };
        // The callee's frame is one more; this also covers the recursion
        // check of the frame push (`enter_plain_function`).
        let depth = self.frames.len() + 1;
        // Compiled code is running (this is its call).
        let top = self.jit_words.stack_top;
        debug_assert_eq!(top, self.stack_top());
        // Direct calls rely on it (`JitCtx::frames`).
        // SAFETY: the caller's contract: `ctx` is the running code's context.
        debug_assert_eq!(unsafe { (*ctx).frames } as usize, self.frames.len());
        // The arguments lie in the trace's frames, below the stack top;
        // anything else is left to the general path's checks.
        if depth + hidden + frames_needed >= self.rt.recursion_limit
            || args_at + argc > top
            || !self.nested_native_stack_has_room()
        {
            return self.call_plain_from_stack(f, func, args_at, argc);
        }
        let code = &code.code;
        let nslots = code.nslots as usize;
        let base = top + 1;
        let need = base + extent.max(nslots);
        self.ensure_stack(need + 1);
        self.jit.count_entry();
        let heap = &self.rt.heap;
        let collect = heap.wants_collection();
        // Under the GC stress test (a collection at every safepoint) the
        // lazy path is taken too, collecting at its entry, so that its
        // state is what collections see.
        if code.free_slots.is_empty() && (!collect || heap.stress) {
            // SAFETY: the stack holds `need + 9 >= base + nslots + 9` slots;
            // the arguments are below `top`; `ctx` as for this function.
            return unsafe {
                self.enter_lazy_frame(
                    ctx, f, func, code, enter, target, args_at, base, need, hidden, collect,
                )
            };
        }
        self.call_function_trace_pushed(f, func, enter, target, args_at, argc, need, hidden)
    }

    /// [`Interpreter::call_function_trace`] for a callee with closure cells
    /// or when a collection is due (and no GC stress test runs): its
    /// boundary frame is pushed (collecting if due) before its trace runs
    /// with a context of its own.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    fn call_function_trace_pushed(
        &mut self,
        f: Value,
        func: &FunctionObj,
        enter: EnterFn,
        target: usize,
        args_at: usize,
        argc: usize,
        need: usize,
        hidden: usize,
    ) -> PyResult<Value> {
        let top = self.jit_words.stack_top;
        let base = top + 1;
        let depth = self.frames.len() + 1;
        // SAFETY: a function's code is a live CodeObj.
        let nslots = unsafe { runtime::object::cast::<CodeObj>(func.code) }
            .code
            .nslots as usize;
        // SAFETY: `call_function_trace` made the stack at least `need + 9`
        // slots long, which holds the return slot `top`, the arguments
        // (below it) and the frame's slots `base..base + nslots`
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
            return Ok(self.stack[base + src as usize]);
        }
        self.finish_function_call(left, base, depth)
    }

    /// [`Interpreter::call_function_trace`] for a callee without closure
    /// cells, when no collection is due: its trace runs with no interpreter
    /// frame pushed, the frame counted as hidden (like an inlined one) by
    /// the trace's context for the recursion limit. Nothing needs the frame
    /// while the trace runs: its slots are below `jit_words.stack_top` (marked by
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
    /// The callee's trace runs with its caller's context `ctx`, borrowed
    /// (PyPy's `call_assembler` shares the caller's too): the caller is
    /// suspended in its call helper, which reloads what it reads of the
    /// context (`base`, from the restored `base_index`) when it returns,
    /// so only the frame's slot 0 and the hidden-frame count change for the
    /// callee's run and are put back after it. That costs a few stores
    /// instead of a new context block, and `jit_innermost` stays as it is.
    ///
    /// `collect`: collect garbage once the frame is ready (GC stress).
    ///
    /// # Safety
    /// `ctx` is the context of the compiled code making the call (the
    /// innermost), suspended in its call helper; `hidden` is its hidden
    /// frames (`hidden_below + inline_depth`). `code` is `func`'s; its
    /// arguments are in `args_at..`, below the return slot `base - 1`, and
    /// the stack holds `base + nslots + 9` and `need + 1` slots.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    unsafe fn enter_lazy_frame(
        &mut self,
        ctx: *mut JitCtx,
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
    ) -> PyResult<Value> {
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
            if argc <= 4 {
                // Four at once, without a branch on the count. The slots
                // from `argc` to 4 are locals, cleared below, or
                // temporaries, which get copies of the slots above the
                // arguments: safe for a collection to mark, as each copy
                // moves up from below the high-water mark (a slot that
                // holds EMPTY or a value written since the last
                // collection) or lands above it, where `cover_stack`
                // clears from the last slot cleared here (`argc` up).
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
        // A bridge or function recording started here belongs to the
        // `execute` level below (as in `execute_watched_function`).
        self.exec_depth += 1;
        // As `run_code` does: a collection while the trace runs marks the
        // stack up to `need`, whose newly covered slots are cleared once.
        if need > self.jit_words.high_water {
            self.cover_stack(base + initialized, need);
        }
        // The callee's frame starts above the caller's stack top.
        let saved_top = base - 1;
        debug_assert_eq!(saved_top, self.jit_words.stack_top);
        self.jit_words.stack_top = need;
        if collect {
            self.collect_garbage();
        }
        // SAFETY: the caller's contract: `ctx` is the suspended caller's
        // context, which nothing else reads or writes while this runs.
        let info = unsafe {
            let c = &mut *ctx;
            let (saved_base, saved_below, saved_depth) =
                (c.base_index, c.hidden_below, c.inline_depth);
            c.base_index = base;
            c.base = self.stack.as_mut_ptr().add(base);
            // The callee's own frame is hidden too.
            c.hidden_below = hidden as u64 + 1;
            c.inline_depth = 0;
            let info = enter(ctx, target);
            c.base_index = saved_base;
            c.hidden_below = saved_below;
            c.inline_depth = saved_depth;
            // `base` is refreshed by the call helper (as after any call
            // that may move the stack).
            info
        };
        self.jit_words.stack_top = saved_top;
        // A safepoint for installs (nested: compiled code is still active
        // below, so nothing is freed).
        if self.jit.install_due() {
            self.jit.service();
        }
        // SAFETY: `info` is the exit descriptor the trace returned.
        match unsafe { (*info).returns() } {
            Some(src) => {
                self.exec_depth -= 1;
                self.jit.count_return_exit();
                self.handled = saved_handled;
                // SAFETY: `base + src` is a slot of the callee's frame, inside the stack.
                Ok(unsafe { *self.stack.as_ptr().add(base + src as usize) })
            }
            None => {
                // SAFETY: as above; the callee's exception (if any) is
                // taken from the context, which the caller then sees clear.
                let left = Left::of(info, unsafe { &mut *ctx });
                self.materialize_lazy_frame(f, func, left, base, saved_handled)
            }
        }
    }

    /// The interpreter's end of compiled code's direct call of `f` (see
    /// `jit::direct_call`) whose callee's trace left through `info` other
    /// than at its `Return`: what [`Interpreter::enter_lazy_frame`] does
    /// after such an exit. The caller's code has put its context and the
    /// stack top back; the callee's frame starts above the stack top.
    ///
    /// # Safety
    /// `ctx` is the context of the compiled code that made the call (the
    /// innermost), in its `h_direct_exit` helper call; `info` the exit
    /// descriptor the callee's trace returned; `f` a plain function.
    pub(crate) unsafe fn finish_direct_call(
        ctx: *mut JitCtx,
        f: Value,
        info: *const jit::exits::ExitInfo,
    ) -> PyResult<Value> {
        // SAFETY: the caller's contract: `vm` is the interpreter, not
        // otherwise borrowed while a helper runs.
        let interp = unsafe { &mut *((*ctx).vm as *mut Interpreter) };
        debug_assert!(std::ptr::eq(ctx, interp.jit_innermost));
        let func = runtime::object::downcast::<FunctionObj>(f).expect("a direct call's function");
        let base = interp.jit_words.stack_top + 1;
        interp.jit_words.direct_slow_exits += 1;
        if interp.jit.install_due() {
            interp.jit.service();
        }
        // Undone by `finish_function_call` (as in `enter_lazy_frame`).
        interp.exec_depth += 1;
        // SAFETY: as above; the callee's exception (if any) is taken from
        // the context, which the caller then sees clear.
        let left = Left::of(info, unsafe { &mut *ctx });
        // The callee's code did not change the handled exception.
        let handled = interp.handled;
        interp.materialize_lazy_frame(f, func, left, base, handled)
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
