//! Generators: a generator's frame lives in its heap object between
//! resumptions and is copied onto the value stack while it runs. `next`
//! runs it in a nested `execute` (a boundary frame); a `for` loop resumes
//! it in its own dispatch loop (no boundary).

use crate::interp::Interpreter;
use runtime::object::*;
use runtime::{PyErr, PyResult, Value};

impl Interpreter {
    /// Runs the generator until its next `yield` (`Some(value)`) or its end (`None`).
    pub(crate) fn resume_generator(&mut self, gen: Value, sent: Value) -> PyResult<Option<Value>> {
        self.resume_generator_with(gen, sent, None)
    }

    /// `gen.throw(exc)`: raises `exc` at the paused `yield` (handlers and
    /// `finally` blocks in the generator run) and resumes.
    pub(crate) fn throw_into_generator(
        &mut self,
        gen: Value,
        exc: PyErr,
    ) -> PyResult<Option<Value>> {
        let g = downcast::<GeneratorObj>(gen).unwrap();
        // Delegating through `yield from` to a generator: it gets the exception first.
        let inner = g.yield_from;
        if g.state == GenState::Suspended && is_kind(inner, ObjKind::Generator) {
            self.rt.heap.push_root(gen);
            let r = self.throw_into_generator(inner, exc);
            self.rt.heap.pop_roots(1);
            return match r {
                // The inner generator yielded again: so does this one.
                Ok(Some(v)) => Ok(Some(v)),
                // It returned: resume here; `YieldFrom` picks up its return value.
                Ok(None) => {
                    let ret = self.last_return;
                    self.resume_generator_with(gen, ret, None)
                }
                // It let the exception out: raise it at our own `yield from`.
                Err(e) => {
                    if let Some(g) = downcast::<GeneratorObj>(gen) {
                        g.yield_from = Value::EMPTY;
                    }
                    self.resume_generator_with(gen, Value::NONE, Some(e))
                }
            };
        }
        let g = downcast::<GeneratorObj>(gen).unwrap();
        if g.state != GenState::Suspended {
            // Not started or finished: the exception is raised right here.
            g.state = GenState::Finished;
            g.slots = Vec::new();
            return Err(exc);
        }
        self.resume_generator_with(gen, Value::NONE, Some(exc))
    }

    fn resume_generator_with(
        &mut self,
        gen: Value,
        sent: Value,
        throw: Option<PyErr>,
    ) -> PyResult<Option<Value>> {
        let g = downcast::<GeneratorObj>(gen).unwrap();
        match g.state {
            GenState::Finished => return Ok(None),
            GenState::Running => return Err(self.rt.value_error("generator already executing")),
            GenState::Created if !sent.is_none() => {
                return Err(self
                    .rt
                    .type_error("can't send non-None value to a just-started generator"));
            }
            _ => {}
        }
        self.push_generator_frame(gen, sent, None);
        self.yielded = false;
        let run = match throw {
            // The paused instruction is the `Yield` just before `pc`: unwind from there.
            Some(e) => match self.handle_exception(e) {
                Ok(()) => self.execute(),
                Err(e) => Err(e),
            },
            None => self.execute(),
        };
        match run {
            Ok(v) => {
                if self.yielded {
                    self.yielded = false;
                    Ok(Some(v))
                } else {
                    Ok(None)
                }
            }
            Err(e) => {
                if let Some(g) = downcast::<GeneratorObj>(gen) {
                    g.state = GenState::Finished;
                    g.slots = Vec::new();
                }
                Err(self.generator_error(e))
            }
        }
    }

    /// The exception `next(gen)` raises when `e` escapes the generator's
    /// frame: a `StopIteration` becomes `RuntimeError` (PEP 479).
    pub(crate) fn generator_error(&mut self, e: PyErr) -> PyErr {
        let si = self.rt.exc.stop_iteration;
        if !self.rt.isinstance(e.0, si) {
            return e;
        }
        let c = self.rt.exc.runtime_error;
        let err = self.rt.error(c, "generator raised StopIteration");
        let cause = self.rt.names.cause;
        runtime::runtime::instance_set(err.0, cause, e.0);
        err
    }

    // ---- resumed by a `for` loop in the same dispatch loop

    /// `ForIter` over generator `gen`: pushes its frame above the running
    /// one (no nested `execute`, no boundary) so the dispatch loop runs it;
    /// its next `yield` stores the value at `ret_slot` (the loop variable's
    /// register) and the loop body goes on, and its end leaves the loop
    /// ([`Interpreter::leave_exhausted_loop`]). False (nothing done) unless
    /// `gen` is a generator that is created or suspended.
    #[inline]
    pub(crate) fn resume_generator_inline(&mut self, gen: Value, ret_slot: usize) -> bool {
        let Some(g) = downcast::<GeneratorObj>(gen) else {
            return false;
        };
        if !matches!(g.state, GenState::Created | GenState::Suspended) {
            return false;
        }
        self.push_generator_frame(gen, Value::NONE, Some(ret_slot));
        true
    }

    /// Pushes the frame of `gen` (created or suspended) just above the
    /// running frames, its saved slots copied in and `sent` in the slot its
    /// paused `yield` receives; it is running from then on. `ret_slot`: the
    /// register a `for` loop's resumption yields into (the frame has no
    /// boundary); None: a boundary frame whose `execute` returns what it
    /// yields.
    fn push_generator_frame(&mut self, gen: Value, sent: Value, ret_slot: Option<usize>) {
        let g = downcast::<GeneratorObj>(gen).unwrap();
        let func = g.func;
        let f = downcast::<FunctionObj>(func).unwrap();
        let (code_v, module) = (f.code, f.module);
        let top = self.stack_top();
        let base = top + 1;
        let n = g.slots.len();
        self.ensure_stack(base + n);
        // The slot between the frames is marked by the GC like the frames'
        // own: it must not hold a stale pointer.
        self.stack[top] = Value::NONE;
        let g = downcast::<GeneratorObj>(gen).unwrap();
        self.stack[base..base + n].copy_from_slice(&g.slots);
        if g.state == GenState::Suspended && g.resume_dst != frontend::bytecode::NO_REG {
            self.stack[base + g.resume_dst as usize] = sent;
        }
        let pc = g.pc as usize;
        g.state = GenState::Running;
        let (ret, boundary) = match ret_slot {
            Some(slot) => (slot, false),
            None => (top, true),
        };
        self.push_frame(code_v, func, module, Value::EMPTY, base, ret, boundary);
        let frame = self.frames.last_mut().unwrap();
        frame.pc = pc;
        frame.generator = gen;
    }

    /// `Yield` (or `YieldFrom` passing a value on) of `v` in the running
    /// generator frame, whose pc is already where it resumes: saves the
    /// frame and pops it. `Some(v)`: `execute` returns `v` (a generator
    /// resumed through `next`); `None`: `v` went to the resuming `ForIter`'s
    /// loop variable and the dispatch loop continues in its frame.
    #[inline]
    pub(crate) fn yield_value(&mut self, v: Value, dst: u16) -> Option<Value> {
        let frame = self.frames.last().unwrap();
        let (boundary, ret_slot) = (frame.boundary, frame.ret_slot);
        let v = self.yield_from_frame(v, dst);
        if boundary {
            return Some(v);
        }
        self.yielded = false;
        self.stack[ret_slot] = v;
        None
    }

    /// Is the hot loop `header..=jump_back` of `code` one that yields, in a
    /// generator frame resumed by a `for` loop, whose resuming loop has no
    /// trace yet? Such a loop is not recorded on its own: its trace could
    /// not follow the `yield` out of the frame, and the `for` loop's trace
    /// runs it inline instead (a loop that covered only its non-yielding
    /// path would also keep the generator from being inlined there, see
    /// `record_generator.rs`). Once the resuming loop has its trace (the
    /// generator inlined in it), the loop is recorded: its non-yielding
    /// path (`if x & 1: yield x` skipping a long run of even numbers) then
    /// runs compiled, not in the interpreter, when the `for` loop's trace
    /// leaves to it.
    #[cold]
    pub(crate) fn leave_loop_to_resuming_for(
        &self,
        code: &CodeObj,
        header: usize,
        jump_back: usize,
    ) -> bool {
        let frame = self.frames.last().unwrap();
        !frame.generator.is_empty()
            && !frame.boundary
            && code.code.ops[header..=jump_back].iter().any(|op| {
                matches!(
                    op,
                    frontend::bytecode::Op::Yield { .. } | frontend::bytecode::Op::YieldFrom { .. }
                )
            })
            && !self.resuming_loop_compiled()
    }

    /// Has the `for` loop resuming the running generator frame a trace, or,
    /// when that loop is in a generator frame resumed by a `for` loop
    /// itself, the loop resuming that one (and so on down)?
    fn resuming_loop_compiled(&self) -> bool {
        for pair in self.frames.windows(2).rev() {
            let (consumer, resumed) = (&pair[0], &pair[1]);
            if resumed.generator.is_empty() || resumed.boundary {
                return false;
            }
            // SAFETY: a frame's code object is live while the frame is.
            let code = unsafe { &*consumer.code };
            // The consumer stopped just past its `ForIter`, the loop's header.
            let Some(for_iter) = consumer.pc.checked_sub(1) else {
                return false;
            };
            let compiled = code.code.ops.iter().zip(code.ic.iter()).any(|(op, cell)| {
                matches!(op, frontend::bytecode::Op::JumpBack { target } if *target as usize == for_iter)
                    && jit::loop_has_trace(cell)
            });
            if compiled {
                return true;
            }
        }
        false
    }

    /// A generator resumed by a `ForIter` returned: the loop in the running
    /// frame (whose pc is just past that `ForIter`) continues at its exit.
    pub(crate) fn leave_exhausted_loop(&mut self) {
        let frame = self.frames.last_mut().unwrap();
        // SAFETY: the frame's code object is live.
        let ops = unsafe { &(&*frame.code).code.ops };
        match ops.get(frame.pc.wrapping_sub(1)) {
            Some(&frontend::bytecode::Op::ForIter { exit, .. }) => frame.pc = exit as usize,
            other => unreachable!("a generator frame without a boundary returned to {other:?}"),
        }
    }

    /// `Yield`: saves the frame into its generator, pops it, and hands `v` out.
    pub(crate) fn yield_from_frame(&mut self, v: Value, dst: u16) -> Value {
        let frame = self.frames.pop().unwrap();
        // SAFETY: the frame's code object is live.
        let nslots = unsafe { (&*frame.code).code.nslots as usize };
        if let Some(g) = downcast::<GeneratorObj>(frame.generator) {
            g.slots.clear();
            g.slots
                .extend_from_slice(&self.stack[frame.base..frame.base + nslots]);
            g.pc = frame.pc as u32;
            g.resume_dst = dst;
            g.state = GenState::Suspended;
        }
        self.handled = frame.saved_handled;
        self.yielded = true;
        v
    }

    /// A generator frame returned `v`.
    pub(crate) fn finish_generator(&mut self, gen: Value, v: Value) {
        if let Some(g) = downcast::<GeneratorObj>(gen) {
            g.state = GenState::Finished;
            g.slots = Vec::new();
        }
        self.last_return = v;
    }
}
