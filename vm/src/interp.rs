//! The interpreter: runs register bytecode on one value stack.
//!
//! Python-to-Python calls push a frame and continue in the same dispatch
//! loop (no Rust recursion), so recursion depth is bounded by
//! `sys.setrecursionlimit`, not the Rust stack. Rust code that calls back into
//! Python (a builtin's `key=` function, a generator's resumption) runs a
//! nested `execute` that stops at a *boundary* frame.

use crate::frame::Frame;
use crate::jit_glue::{loop_header_marked, mark_loop_header};
use frontend::bytecode::{BinOpKind, CodeKind, Op};
use runtime::object::*;
use runtime::runtime::{module_get, module_global_slot, module_set, str_of};
use runtime::{arith, attr, iter, protocol, subscript, PyErr, PyResult, Runtime, Value, Vm};
use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::Ordering;

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Ran to the end.
    Ok,
    /// An uncaught exception or compile error; its traceback is already on stderr.
    Error,
    /// `sys.exit(code)` (or `SystemExit`) was raised with this exit code.
    Exit(i32),
}

/// Set asynchronously by the SIGINT handler; the interpreter polls it at
/// safepoints and raises `KeyboardInterrupt`.
pub static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// One interpreter instance: the runtime, the value stack and the frames.
pub struct Interpreter {
    /// The runtime state (heap, classes, modules).
    pub rt: Box<Runtime>,
    /// The value stack; frames are windows on it.
    pub(crate) stack: Vec<Value>,
    /// Active frames, innermost last.
    pub(crate) frames: Vec<Frame>,
    /// The `__main__` module.
    pub(crate) main_module: Value,
    /// The exception currently being handled (for bare `raise` and chaining).
    pub(crate) handled: Value,
    /// Set by `Yield` so `execute` can tell a yield from a return.
    pub(crate) yielded: bool,
    /// What the last finished generator returned (the value of `yield from`).
    pub(crate) last_return: Value,
    /// Where imports are searched.
    pub(crate) script_dir: PathBuf,
    /// Source text of every loaded file, for tracebacks.
    pub(crate) sources: HashMap<String, Rc<str>>,
    /// Frame ids.
    next_frame_id: u64,
    /// The tracing JIT (hot counters, recorder, compiled loops).
    pub(crate) jit: jit::Jit,
    /// Nesting depth of `execute` (the recorder only follows one level).
    pub(crate) exec_depth: usize,
    /// The stack words compiled code shares with the interpreter (boxed:
    /// compiled code embeds their address). `stack_top`: while compiled
    /// code runs, one past the highest stack slot its inlined frames use;
    /// frames pushed by Python code the trace calls go above it, and the
    /// GC marks up to it. `high_water`: the highest `stack_top` any
    /// compiled code has used; a collection clears the stack above what it
    /// marks up to here, so compiled code never finds a stale pointer to a
    /// freed object above its frame. `native_floor`: the native stack
    /// address below which compiled code is not entered
    /// (`native_stack::floor` of this interpreter's thread; 0 until the
    /// first entry reads it).
    pub(crate) jit_words: Box<jit::direct_call::VmWords>,
    /// Context of the innermost compiled loop running now (null: none); it
    /// links to the one it was entered from. Their inlined frames count
    /// toward the recursion limit.
    pub(crate) jit_innermost: *const jit::JitCtx,
    /// Where the last compiled-code exit resumed: (frame id, pc). A loop
    /// header reached there is not entered from above again at once (the
    /// trace would only fail the same guard).
    pub(crate) jit_resumed_at: (u64, usize),
    /// The prelude module (`prelude.rs`); EMPTY until first used.
    pub(crate) prelude: Value,
}

/// Returned (as an error value no exception can have) by `dispatch` when the
/// recorder starts or stops, so `execute` re-enters the other dispatch loop.
const SWITCH_DISPATCH: PyErr = PyErr(Value::EMPTY);

/// Reads slot `$r` of the current frame.
macro_rules! reg {
    ($self:ident, $base:ident, $r:expr) => {
        $self.stack[$base + $r as usize]
    };
}

impl Interpreter {
    /// A fresh interpreter; `argv` becomes `sys.argv`. Imports resolve relative
    /// to `script_dir`.
    pub fn new(argv: Vec<String>, script_dir: PathBuf) -> Self {
        let mut rt = Runtime::new();
        runtime::builtins::install(&mut rt);
        let main_module = rt.new_module("__main__", None);
        rt.modules.insert("__main__".into(), main_module);
        let mut interp = Interpreter {
            rt,
            stack: vec![Value::EMPTY; 1 << 14],
            frames: Vec::with_capacity(256),
            main_module,
            handled: Value::NONE,
            yielded: false,
            last_return: Value::NONE,
            script_dir,
            sources: HashMap::new(),
            next_frame_id: 0,
            jit: jit::Jit::new(
                jit::JitConfig {
                    mode: jit::JitMode::Off,
                    ..Default::default()
                },
                jit::asm::SafepointWords {
                    debt: std::ptr::null(),
                    threshold: std::ptr::null(),
                    interrupt: std::ptr::null(),
                    install_pending: std::ptr::null(),
                    vm: std::ptr::null_mut(),
                    recursion_limit: std::ptr::null(),
                },
            ),
            exec_depth: 0,
            jit_words: Box::default(),
            jit_innermost: std::ptr::null(),
            jit_resumed_at: (0, 0),
            prelude: Value::EMPTY,
        };
        crate::modules::install_sys(&mut interp, argv);
        interp
    }

    /// Sets the JIT mode and options (before running anything).
    pub fn configure_jit(&mut self, config: jit::JitConfig) {
        let (debt, threshold) = self.rt.heap.debt_words();
        let words = jit::asm::SafepointWords {
            debt,
            threshold,
            interrupt: INTERRUPTED.as_ptr() as *const u8,
            // The JIT points this at its worker's flag.
            install_pending: std::ptr::null(),
            // Both boxed: their addresses do not change.
            vm: &mut *self.jit_words,
            recursion_limit: &self.rt.recursion_limit,
        };
        // The optimizer thread allocates from its own arena, away from the
        // interpreter's objects (see `allocator.rs`).
        jit::worker::set_before_job(crate::allocator::before_worker_job);
        // So do the main thread's JIT pauses: a pause must not be the one
        // that touches a fresh 2 MiB huge page of the shared arena.
        jit::pause_heap::set_pause_heap(
            crate::allocator::use_separate_arena,
            crate::allocator::use_shared_arena,
        );
        self.jit = jit::Jit::new(config, words);
    }

    /// Flushes the JIT log and prints `--jit-stats`.
    pub fn finish_jit(&mut self) {
        self.jit.finish();
    }

    /// Compiles and runs `source` as the `__main__` module. Prints compile
    /// errors and tracebacks to stderr itself.
    pub fn run_main(&mut self, source: &str, filename: &str) -> Outcome {
        self.run_source(source, filename, frontend::compiler::Mode::File)
    }

    /// Runs one REPL input in the persistent `__main__` module: expression
    /// statements echo the repr of non-None results.
    pub fn run_repl_input(&mut self, source: &str) -> Outcome {
        self.run_source(source, "<stdin>", frontend::compiler::Mode::Repl)
    }

    fn run_source(
        &mut self,
        source: &str,
        filename: &str,
        mode: frontend::compiler::Mode,
    ) -> Outcome {
        // CPython prints no source lines for `-c`, stdin and REPL input.
        if !filename.starts_with('<') {
            self.sources.insert(filename.to_string(), Rc::from(source));
        }
        let file_v = self.rt.new_str(filename);
        let file_name = self.rt.names.file;
        if mode == frontend::compiler::Mode::File {
            module_set(&self.rt, self.main_module, file_name, file_v);
        }
        let code = match crate::native_stack::compile_source(source, filename, mode) {
            Ok(c) => c,
            Err(e) => {
                self.flush();
                eprintln!("{}", e.render(filename, source));
                return Outcome::Error;
            }
        };
        let code_v = runtime::code::load_code(&mut self.rt, code);
        let module = self.main_module;
        let r = self.run_module_code(code_v, module);
        self.flush();
        match r {
            Ok(_) => Outcome::Ok,
            Err(e) => self.report_uncaught(e),
        }
    }

    /// Flushes buffered stdout.
    pub fn flush(&mut self) {
        self.rt.flush_out();
    }

    /// Runs a module's top-level code in `module`.
    pub(crate) fn run_module_code(&mut self, code_v: Value, module: Value) -> PyResult<Value> {
        let top = self.stack_top();
        let code_p: *mut CodeObj = code_v.as_ptr();
        // SAFETY: `code_v` is a live CodeObj (just created and held in the frame).
        let nslots = unsafe { (&*code_p).code.nslots as usize };
        let base = top + 1;
        self.ensure_stack(base + nslots);
        // The return slot becomes part of the marked stack: never leave a stale value there.
        self.stack[top] = Value::NONE;
        self.stack[base..base + nslots].fill(Value::EMPTY);
        self.push_frame(code_v, Value::EMPTY, module, Value::EMPTY, base, top, true);
        self.execute()
    }

    // ------------------------------------------------------------ stack and frames

    /// One past the highest slot in use.
    pub(crate) fn stack_top(&self) -> usize {
        let frames_top = match self.frames.last() {
            // SAFETY: frame code objects are live while the frame is.
            Some(f) => f.base + unsafe { (&*f.code).code.nslots as usize },
            None => 0,
        };
        frames_top.max(self.jit_words.stack_top)
    }

    /// Grows the stack so `len` slots exist.
    pub(crate) fn ensure_stack(&mut self, len: usize) {
        if self.stack.len() < len + 8 {
            let new_len = (len + 8).max(self.stack.len() * 2);
            self.stack.resize(new_len, Value::EMPTY);
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn push_frame(
        &mut self,
        code_v: Value,
        func: Value,
        module: Value,
        namespace: Value,
        base: usize,
        ret_slot: usize,
        boundary: bool,
    ) {
        self.next_frame_id += 1;
        self.frames.push(Frame {
            code: code_v.as_ptr(),
            code_value: code_v,
            func,
            module,
            namespace,
            base,
            pc: 0,
            ret_slot,
            boundary,
            init_self: Value::EMPTY,
            generator: Value::EMPTY,
            saved_handled: self.handled,
            id: self.next_frame_id,
        });
    }

    // ------------------------------------------------------------ GC

    /// Collects garbage: roots are the live stack, frames, modules and runtime.
    pub(crate) fn collect_garbage(&mut self) {
        // A callee's window starts inside its caller's, so the live stack ends at
        // the highest top over all frames, not at the innermost one's.
        let top = self
            .frames
            .iter()
            // SAFETY: frame code objects are live while their frames are.
            .map(|f| f.base + unsafe { (&*f.code).code.nslots as usize })
            .max()
            .unwrap_or(0)
            .max(self.jit_words.stack_top);
        let high_water = self.jit_words.high_water.min(self.stack.len());
        if high_water > top {
            self.stack[top..high_water].fill(Value::EMPTY);
        }
        let Interpreter {
            rt,
            stack,
            frames,
            main_module,
            handled,
            last_return,
            jit,
            ..
        } = self;
        rt.collect(&mut |t| {
            t.mark_all(&stack[..top.min(stack.len())]);
            for f in frames.iter() {
                f.trace(t);
            }
            t.mark(*main_module);
            t.mark(*handled);
            t.mark(*last_return);
            jit.mark_roots(t);
        });
        crate::huge_pages::after_collection();
    }

    /// A safepoint: collect if the heap asks, and turn Ctrl-C into KeyboardInterrupt.
    #[inline]
    pub(crate) fn safepoint(&mut self) -> PyResult<()> {
        if self.rt.heap.wants_collection() {
            self.collect_garbage();
        }
        if INTERRUPTED.load(Ordering::Relaxed) {
            INTERRUPTED.store(false, Ordering::Relaxed);
            let c = self.rt.exc.keyboard_interrupt;
            return Err(PyErr(self.rt.new_exception(c, &[])));
        }
        Ok(())
    }

    // ------------------------------------------------------------ the dispatch loop

    /// Runs frames until the innermost boundary frame returns (its value) or an
    /// exception escapes it.
    pub(crate) fn execute(&mut self) -> PyResult<Value> {
        self.exec_depth += 1;
        let result = loop {
            let r = if self.jit.recording_at(self.exec_depth) {
                self.dispatch::<true, true>()
            } else if self.jit.enabled() {
                self.dispatch::<false, true>()
            } else {
                // `--jit=off` pays nothing for the JIT's checks.
                self.dispatch::<false, false>()
            };
            match r {
                Err(e) if e.0 == SWITCH_DISPATCH.0 => continue,
                r => break r,
            }
        };
        if self.jit.recording_at(self.exec_depth) {
            self.jit.abort("left the recorded frame");
        }
        self.exec_depth -= 1;
        result
    }

    /// The dispatch loop; `RECORD` shows every instruction to the JIT's
    /// recorder before running it; `JIT` (the JIT is enabled; implied by
    /// `RECORD`) counts back-edges and enters compiled loops.
    fn dispatch<const RECORD: bool, const JIT: bool>(&mut self) -> PyResult<Value> {
        // A call arm pushed a function's frame (at pc 0): see `entered_function!`.
        let mut entered = false;
        'frames: loop {
            if JIT && entered {
                // Run its function trace, or count the entry (see
                // `function_entered`). Inline: one load and compare of the
                // function's entry cell (`entry_watched`).
                entered = false;
                if (!RECORD || self.jit.skipping()) && self.entry_watched() {
                    match self.entered_watched_function() {
                        Ok(false) => {}
                        Ok(true) => return Err(SWITCH_DISPATCH),
                        Err(e) => return Err(e),
                    }
                }
            }
            if RECORD && self.jit.skips_frame(self.frames.len()) {
                // A frame the recorder would only skip, instruction by
                // instruction: run it to its return in the plain loop.
                if let Err(e) = self.run_skipped_frame() {
                    self.handle_exception(e)?;
                }
                continue 'frames;
            }
            let frame = self.frames.last().expect("execute without a frame");
            let code_p = frame.code;
            let base = frame.base;
            let mut pc = frame.pc;
            // SAFETY: the frame keeps its code object alive (traced via `code_value`).
            let code: &CodeObj = unsafe { &*code_p };
            let ops: &[Op] = &code.code.ops;

            macro_rules! fail {
                ($e:expr) => {{
                    let e: PyErr = $e;
                    self.frames.last_mut().unwrap().pc = pc;
                    match self.handle_exception(e) {
                        Ok(()) => continue 'frames,
                        Err(e) => return Err(e),
                    }
                }};
            }
            // A loop header reached from above: enter its compiled loop if
            // it has one (see `enter_loop_from_above`).
            macro_rules! enter_from_above {
                () => {
                    if JIT && !RECORD && loop_header_marked(code, pc - 1) {
                        if let Some(r) = self.enter_loop_from_above(code, pc - 1) {
                            match r {
                                Ok(false) => continue 'frames,
                                Ok(true) => return Err(SWITCH_DISPATCH),
                                Err(e) => match self.handle_exception(e) {
                                    Ok(()) => continue 'frames,
                                    Err(e) => return Err(e),
                                },
                            }
                        }
                    }
                };
            }
            // A call pushed a function's frame (at pc 0): the top of the
            // `'frames` loop looks at its entry (one place, not five: the
            // dispatch loop's code is sensitive to what the arms hold).
            macro_rules! entered_function {
                () => {{
                    entered = JIT;
                    continue 'frames;
                }};
            }
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => fail!(e),
                    }
                };
            }
            macro_rules! binop {
                ($dst:expr, $a:expr, $b:expr, $kind:expr, $fast:expr) => {{
                    let x = reg!(self, base, $a);
                    let y = reg!(self, base, $b);
                    let r = if x.is_int() && y.is_int() {
                        match $fast(x.as_int(), y.as_int()) {
                            Some(v) => v,
                            None => tri!(arith::small_int_op(self, $kind, x.as_int(), y.as_int())),
                        }
                    } else if x.is_float()
                        && y.is_float()
                        && $kind != BinOpKind::FloorDiv
                        && $kind != BinOpKind::Mod
                        && $kind != BinOpKind::Pow
                        && $kind != BinOpKind::TrueDiv
                    {
                        Value::from_float(float_fast($kind, x.as_float(), y.as_float()))
                    } else {
                        tri!(arith::binary_op(self, $kind, x, y))
                    };
                    reg!(self, base, $dst) = r;
                }};
            }
            macro_rules! cmpop {
                ($dst:expr, $a:expr, $b:expr, $kind:expr, $op:tt) => {{
                    let x = reg!(self, base, $a);
                    let y = reg!(self, base, $b);
                    let r = if x.is_int() && y.is_int() {
                        Value::from_bool(x.as_int() $op y.as_int())
                    } else if x.is_float() && y.is_float() {
                        Value::from_bool(x.as_float() $op y.as_float())
                    } else {
                        tri!(protocol::compare(self, $kind, x, y))
                    };
                    reg!(self, base, $dst) = r;
                }};
            }

            loop {
                let op = ops[pc];
                if RECORD && !self.record_instruction(op, pc) {
                    self.frames.last_mut().unwrap().pc = pc;
                    return Err(SWITCH_DISPATCH);
                }
                pc += 1;
                match op {
                    // ---------------------------------------------------- moves
                    Op::Move { dst, src } => reg!(self, base, dst) = reg!(self, base, src),
                    Op::LoadConst { dst, idx } => reg!(self, base, dst) = code.consts[idx as usize],
                    Op::LoadInt { dst, value } => reg!(self, base, dst) = Value::int(value as i64),
                    Op::LoadNone { dst } => reg!(self, base, dst) = Value::NONE,
                    Op::LoadTrue { dst } => reg!(self, base, dst) = Value::TRUE,
                    Op::LoadFalse { dst } => reg!(self, base, dst) = Value::FALSE,
                    Op::CheckBound { slot, name } => {
                        if reg!(self, base, slot).is_empty() {
                            fail!(self.unbound_error(code, name))
                        }
                    }
                    Op::DeleteLocal { slot, name } => {
                        if reg!(self, base, slot).is_empty() {
                            fail!(self.unbound_error(code, name))
                        }
                        reg!(self, base, slot) = Value::EMPTY;
                    }

                    // ---------------------------------------------------- globals
                    Op::LoadGlobal { dst, name } => {
                        let module = self.frames.last().unwrap().module;
                        let cache = &code.ic[pc - 1];
                        let key = global_cache_key(module, self.rt.builtins);
                        let c = cache.get();
                        if c[0] == key && key != 0 {
                            reg!(self, base, dst) = if c[2] == 0 {
                                Value::from_bits(c[1])
                            } else {
                                // SAFETY: a mutable global's entry address,
                                // valid while both versions are unchanged
                                // (`module_global_slot`), which `key` checks.
                                unsafe { *(c[1] as *const Value) }
                            };
                        } else {
                            let n = code.names[name as usize];
                            let builtins = self.rt.builtins;
                            let (v, home) = match module_get(module, n) {
                                Some(v) => (v, module),
                                None => match module_get(builtins, n) {
                                    Some(v) => (v, builtins),
                                    None => fail!(self.rt.name_error(format!(
                                        "name '{}' is not defined",
                                        str_of(n)
                                    ))),
                                },
                            };
                            // A mutable global is rebound without a version
                            // change: cache where it lives, not its value.
                            cache.set(match module_global_slot(home, n) {
                                Some(at) => [key, at as u64, 1],
                                None => [key, v.to_bits(), 0],
                            });
                            reg!(self, base, dst) = v;
                        }
                    }
                    Op::StoreGlobal { name, src } => {
                        let module = self.frames.last().unwrap().module;
                        module_set(
                            &self.rt,
                            module,
                            code.names[name as usize],
                            reg!(self, base, src),
                        );
                    }
                    Op::DeleteGlobal { name } => {
                        let module = self.frames.last().unwrap().module;
                        let n = code.names[name as usize];
                        if !runtime::runtime::module_del(&self.rt, module, n) {
                            fail!(self
                                .rt
                                .name_error(format!("name '{}' is not defined", str_of(n))))
                        }
                    }
                    Op::LoadName { dst, name } => {
                        let ns = self.frames.last().unwrap().namespace;
                        let module = self.frames.last().unwrap().module;
                        let n = code.names[name as usize];
                        let local = if ns.is_empty() {
                            None
                        } else {
                            tri!(protocol::dict_lookup(self, ns, n))
                        };
                        let v = match local
                            .or_else(|| module_get(module, n))
                            .or_else(|| module_get(self.rt.builtins, n))
                        {
                            Some(v) => v,
                            None => fail!(self
                                .rt
                                .name_error(format!("name '{}' is not defined", str_of(n)))),
                        };
                        reg!(self, base, dst) = v;
                    }
                    Op::StoreName { name, src } => {
                        let ns = self.frames.last().unwrap().namespace;
                        let n = code.names[name as usize];
                        let v = reg!(self, base, src);
                        if ns.is_empty() {
                            let module = self.frames.last().unwrap().module;
                            module_set(&self.rt, module, n, v);
                        } else {
                            tri!(protocol::dict_store(self, ns, n, v));
                        }
                    }
                    Op::DeleteName { name } => {
                        let ns = self.frames.last().unwrap().namespace;
                        let n = code.names[name as usize];
                        let found = if ns.is_empty() {
                            let module = self.frames.last().unwrap().module;
                            runtime::runtime::module_del(&self.rt, module, n)
                        } else {
                            tri!(protocol::dict_remove(self, ns, n)).is_some()
                        };
                        if !found {
                            fail!(self
                                .rt
                                .name_error(format!("name '{}' is not defined", str_of(n))))
                        }
                    }

                    // ---------------------------------------------------- closures
                    Op::MakeCell { slot } => {
                        let v = reg!(self, base, slot);
                        reg!(self, base, slot) = self.rt.new_cell(v);
                    }
                    Op::LoadCell { dst, slot } => {
                        let cell = reg!(self, base, slot);
                        let v = downcast::<CellObj>(cell).map_or(Value::EMPTY, |c| c.value);
                        if v.is_empty() {
                            fail!(self.free_var_error(code, slot))
                        }
                        reg!(self, base, dst) = v;
                    }
                    Op::StoreCell { slot, src } => {
                        let v = reg!(self, base, src);
                        if let Some(c) = downcast::<CellObj>(reg!(self, base, slot)) {
                            c.value = v;
                        }
                    }
                    Op::DeleteCell { slot } => {
                        if let Some(c) = downcast::<CellObj>(reg!(self, base, slot)) {
                            if c.value.is_empty() {
                                fail!(self.free_var_error(code, slot))
                            }
                            c.value = Value::EMPTY;
                        }
                    }

                    // ---------------------------------------------------- arithmetic
                    Op::Add { dst, a, b } => {
                        let x = reg!(self, base, a);
                        let y = reg!(self, base, b);
                        let r = if x.is_int() && y.is_int() {
                            self.rt.int_from_i64(x.as_int() + y.as_int())
                        } else if x.is_float() && y.is_float() {
                            Value::from_float(x.as_float() + y.as_float())
                        } else {
                            tri!(arith::binary_op(self, BinOpKind::Add, x, y))
                        };
                        reg!(self, base, dst) = r;
                    }
                    Op::Sub { dst, a, b } => {
                        let x = reg!(self, base, a);
                        let y = reg!(self, base, b);
                        let r = if x.is_int() && y.is_int() {
                            self.rt.int_from_i64(x.as_int() - y.as_int())
                        } else if x.is_float() && y.is_float() {
                            Value::from_float(x.as_float() - y.as_float())
                        } else {
                            tri!(arith::binary_op(self, BinOpKind::Sub, x, y))
                        };
                        reg!(self, base, dst) = r;
                    }
                    Op::Mul { dst, a, b } => binop!(dst, a, b, BinOpKind::Mul, |x: i64, y: i64| x
                        .checked_mul(y)
                        .and_then(Value::from_i64)),
                    Op::TrueDiv { dst, a, b } => {
                        binop!(dst, a, b, BinOpKind::TrueDiv, |_x: i64, _y: i64| None)
                    }
                    Op::FloorDiv { dst, a, b } => binop!(
                        dst,
                        a,
                        b,
                        BinOpKind::FloorDiv,
                        |x: i64, y: i64| if y > 0 && x >= 0 {
                            Some(Value::int(x / y))
                        } else {
                            None
                        }
                    ),
                    Op::Mod { dst, a, b } => binop!(
                        dst,
                        a,
                        b,
                        BinOpKind::Mod,
                        |x: i64, y: i64| if y > 0 && x >= 0 {
                            Some(Value::int(x % y))
                        } else {
                            None
                        }
                    ),
                    Op::Pow { dst, a, b } => {
                        binop!(dst, a, b, BinOpKind::Pow, |_x: i64, _y: i64| None)
                    }
                    Op::LShift { dst, a, b } => {
                        binop!(dst, a, b, BinOpKind::LShift, |_x: i64, _y: i64| None)
                    }
                    Op::RShift { dst, a, b } => {
                        binop!(dst, a, b, BinOpKind::RShift, |x: i64, y: i64| if (0..64)
                            .contains(&y)
                        {
                            Some(Value::int(x >> y))
                        } else {
                            None
                        })
                    }
                    Op::BitAnd { dst, a, b } => {
                        binop!(dst, a, b, BinOpKind::BitAnd, |x: i64, y: i64| Some(
                            Value::int(x & y)
                        ))
                    }
                    Op::BitOr { dst, a, b } => {
                        binop!(dst, a, b, BinOpKind::BitOr, |x: i64, y: i64| Some(
                            Value::int(x | y)
                        ))
                    }
                    Op::BitXor { dst, a, b } => {
                        binop!(dst, a, b, BinOpKind::BitXor, |x: i64, y: i64| Some(
                            Value::int(x ^ y)
                        ))
                    }
                    Op::Inplace { op, dst, a, b } => {
                        let x = reg!(self, base, a);
                        let y = reg!(self, base, b);
                        let r = if x.is_int()
                            && y.is_int()
                            && matches!(op, BinOpKind::Add | BinOpKind::Sub)
                        {
                            let (i, j) = (x.as_int(), y.as_int());
                            self.rt
                                .int_from_i64(if op == BinOpKind::Add { i + j } else { i - j })
                        } else if x.is_float()
                            && y.is_float()
                            && matches!(op, BinOpKind::Add | BinOpKind::Sub | BinOpKind::Mul)
                        {
                            Value::from_float(float_fast(op, x.as_float(), y.as_float()))
                        } else {
                            tri!(arith::inplace_op(self, op, x, y))
                        };
                        reg!(self, base, dst) = r;
                    }
                    Op::Neg { dst, src } => {
                        let v = reg!(self, base, src);
                        reg!(self, base, dst) = tri!(arith::neg(self, v));
                    }
                    Op::Pos { dst, src } => {
                        let v = reg!(self, base, src);
                        reg!(self, base, dst) = tri!(arith::pos(self, v));
                    }
                    Op::Invert { dst, src } => {
                        let v = reg!(self, base, src);
                        reg!(self, base, dst) = tri!(arith::invert(self, v));
                    }
                    Op::Not { dst, src } => {
                        let v = reg!(self, base, src);
                        let t = if v.is_bool() {
                            v.as_bool()
                        } else {
                            tri!(protocol::truthy(self, v))
                        };
                        reg!(self, base, dst) = Value::from_bool(!t);
                    }

                    // ---------------------------------------------------- comparisons
                    Op::Lt { dst, a, b } => cmpop!(dst, a, b, protocol::CmpKind::Lt, <),
                    Op::Le { dst, a, b } => cmpop!(dst, a, b, protocol::CmpKind::Le, <=),
                    Op::Gt { dst, a, b } => cmpop!(dst, a, b, protocol::CmpKind::Gt, >),
                    Op::Ge { dst, a, b } => cmpop!(dst, a, b, protocol::CmpKind::Ge, >=),
                    Op::Eq { dst, a, b } => {
                        let x = reg!(self, base, a);
                        let y = reg!(self, base, b);
                        let r = if x.is_int() && y.is_int() {
                            Value::from_bool(x == y)
                        } else {
                            tri!(protocol::eq_value(self, x, y, false))
                        };
                        reg!(self, base, dst) = r;
                    }
                    Op::Ne { dst, a, b } => {
                        let x = reg!(self, base, a);
                        let y = reg!(self, base, b);
                        let r = if x.is_int() && y.is_int() {
                            Value::from_bool(x != y)
                        } else {
                            tri!(protocol::eq_value(self, x, y, true))
                        };
                        reg!(self, base, dst) = r;
                    }
                    Op::Is { dst, a, b } => {
                        reg!(self, base, dst) =
                            Value::from_bool(reg!(self, base, a) == reg!(self, base, b))
                    }
                    Op::IsNot { dst, a, b } => {
                        reg!(self, base, dst) =
                            Value::from_bool(reg!(self, base, a) != reg!(self, base, b))
                    }
                    Op::In { dst, a, b } => {
                        let (x, y) = (reg!(self, base, a), reg!(self, base, b));
                        reg!(self, base, dst) =
                            Value::from_bool(tri!(subscript::contains(self, y, x)));
                    }
                    Op::NotIn { dst, a, b } => {
                        let (x, y) = (reg!(self, base, a), reg!(self, base, b));
                        reg!(self, base, dst) =
                            Value::from_bool(!tri!(subscript::contains(self, y, x)));
                    }

                    // ---------------------------------------------------- control flow
                    Op::Jump { target } => pc = target as usize,
                    Op::JumpBack { target } => {
                        let jump_back_pc = pc - 1;
                        pc = target as usize;
                        if self.rt.heap.wants_collection() || INTERRUPTED.load(Ordering::Relaxed) {
                            self.frames.last_mut().unwrap().pc = pc;
                            tri!(self.safepoint());
                        }
                        if JIT && self.jit.service_due() {
                            // Install optimized code, free replaced code.
                            self.jit.service();
                        }
                        if JIT && (!RECORD || self.jit.skipping()) {
                            match self.jit.on_back_edge(&code.ic[jump_back_pc]) {
                                jit::BackEdge::Interpret => {}
                                jit::BackEdge::Run(n) => {
                                    self.frames.last_mut().unwrap().pc = pc;
                                    mark_loop_header(code, pc, jump_back_pc);
                                    match self.run_trace(n) {
                                        Ok(false) => continue 'frames,
                                        Ok(true) => return Err(SWITCH_DISPATCH),
                                        Err(e) => match self.handle_exception(e) {
                                            Ok(()) => continue 'frames,
                                            Err(e) => return Err(e),
                                        },
                                    }
                                }
                                jit::BackEdge::Record
                                    if self.leave_loop_to_resuming_for(code, pc, jump_back_pc) =>
                                {
                                    self.jit.postpone_recording(&code.ic[jump_back_pc]);
                                }
                                jit::BackEdge::Record => {
                                    self.frames.last_mut().unwrap().pc = pc;
                                    self.start_recording(
                                        jump_back_pc as u32,
                                        &code.ic[jump_back_pc],
                                    );
                                    return Err(SWITCH_DISPATCH);
                                }
                            }
                        }
                    }
                    Op::JumpIfFalse { cond, target } => {
                        enter_from_above!();
                        let v = reg!(self, base, cond);
                        let t = if v.is_bool() {
                            v.as_bool()
                        } else {
                            tri!(protocol::truthy(self, v))
                        };
                        if !t {
                            pc = target as usize;
                        }
                    }
                    Op::JumpIfTrue { cond, target } => {
                        enter_from_above!();
                        let v = reg!(self, base, cond);
                        let t = if v.is_bool() {
                            v.as_bool()
                        } else {
                            tri!(protocol::truthy(self, v))
                        };
                        if t {
                            pc = target as usize;
                        }
                    }

                    // ---------------------------------------------------- containers
                    Op::BuildList { dst, start, count } => {
                        let s = base + start as usize;
                        let items = self.stack[s..s + count as usize].to_vec();
                        reg!(self, base, dst) = self.rt.new_list(items);
                    }
                    Op::BuildTuple { dst, start, count } => {
                        let s = base + start as usize;
                        let t = self.rt.new_tuple_from(&self.stack[s..s + count as usize]);
                        reg!(self, base, dst) = t;
                    }
                    Op::BuildSet { dst, start, count } => {
                        let s = base + start as usize;
                        let items = self.stack[s..s + count as usize].to_vec();
                        let set = self.rt.new_set(false);
                        self.rt.heap.push_root(set);
                        for it in items {
                            if let Err(e) = protocol::set_add(self, set, it) {
                                self.rt.heap.pop_roots(1);
                                fail!(e)
                            }
                        }
                        self.rt.heap.pop_roots(1);
                        reg!(self, base, dst) = set;
                    }
                    Op::BuildDict { dst, start, count } => {
                        let d = self.rt.new_dict();
                        self.rt.heap.push_root(d);
                        for i in 0..count as usize {
                            let k = reg!(self, base, start as usize + 2 * i);
                            let v = reg!(self, base, start as usize + 2 * i + 1);
                            if let Err(e) = protocol::dict_store(self, d, k, v) {
                                self.rt.heap.pop_roots(1);
                                fail!(e)
                            }
                        }
                        self.rt.heap.pop_roots(1);
                        reg!(self, base, dst) = d;
                    }
                    Op::BuildSlice { dst, start } => {
                        let (a, b, c) = (
                            reg!(self, base, start),
                            reg!(self, base, start + 1),
                            reg!(self, base, start + 2),
                        );
                        let norm = |v: Value| if v.is_empty() { Value::NONE } else { v };
                        reg!(self, base, dst) = self.rt.heap.alloc_value(SliceObj {
                            header: Header::new(ObjKind::Slice),
                            start: norm(a),
                            stop: norm(b),
                            step: norm(c),
                        });
                    }
                    Op::BuildString { dst, start, count } => {
                        let first = base + start as usize;
                        let parts = &self.stack[first..first + count as usize];
                        let s = runtime::str_fast::concat_parts(&mut self.rt, parts);
                        reg!(self, base, dst) = s;
                    }
                    Op::ListAppend { list, src } => {
                        let v = reg!(self, base, src);
                        if let Some(l) = downcast::<ListObj>(reg!(self, base, list)) {
                            l.items.push(v);
                        }
                    }
                    Op::ListExtend { list, src } => {
                        let v = reg!(self, base, src);
                        let items = tri!(iter::collect(self, v));
                        if let Some(l) = downcast::<ListObj>(reg!(self, base, list)) {
                            l.items.extend(items);
                        }
                    }
                    Op::SetAdd { set, src } => {
                        let (s, v) = (reg!(self, base, set), reg!(self, base, src));
                        tri!(protocol::set_add(self, s, v));
                    }
                    Op::SetUpdate { set, src } => {
                        let (s, v) = (reg!(self, base, set), reg!(self, base, src));
                        let items = tri!(iter::collect(self, v));
                        for it in items {
                            tri!(protocol::set_add(self, s, it));
                        }
                    }
                    Op::DictInsert { dict, key } => {
                        let (d, k, v) = (
                            reg!(self, base, dict),
                            reg!(self, base, key),
                            reg!(self, base, key + 1),
                        );
                        tri!(protocol::dict_store(self, d, k, v));
                    }
                    Op::DictUpdate { dict, src, merge } => {
                        let (d, s) = (reg!(self, base, dict), reg!(self, base, src));
                        tri!(self.dict_update(d, s, merge != 0));
                    }
                    Op::ListToTuple { dst, src } => {
                        let items = protocol::seq_items(reg!(self, base, src)).to_vec();
                        reg!(self, base, dst) = self.rt.new_tuple(items);
                    }
                    Op::FormatValue { dst, src, spec } => {
                        let v = reg!(self, base, src);
                        let spec_v = if spec == frontend::bytecode::NO_REG {
                            Value::EMPTY
                        } else {
                            reg!(self, base, spec)
                        };
                        let s = tri!(runtime::builtins::format_value(self, v, spec_v));
                        reg!(self, base, dst) = s;
                    }
                    Op::Convert { dst, src, kind } => {
                        let v = reg!(self, base, src);
                        let s = match kind {
                            frontend::bytecode::Conversion::Str => tri!(protocol::to_str(self, v)),
                            frontend::bytecode::Conversion::Repr => tri!(protocol::repr(self, v)),
                            frontend::bytecode::Conversion::Ascii => {
                                runtime::str_repr::ascii_escape(&tri!(protocol::repr(self, v)))
                            }
                        };
                        reg!(self, base, dst) = self.rt.new_str(&s);
                    }

                    // ---------------------------------------------------- subscripts and attributes
                    Op::GetItem { dst, obj, key } => {
                        let (o, k) = (reg!(self, base, obj), reg!(self, base, key));
                        let v = match (downcast::<ListObj>(o), k.is_int()) {
                            (Some(l), true) => {
                                match subscript::norm_index(k.as_int(), l.items.len()) {
                                    Some(i) => l.items[i],
                                    None => tri!(subscript::getitem(self, o, k)),
                                }
                            }
                            _ => tri!(subscript::getitem(self, o, k)),
                        };
                        reg!(self, base, dst) = v;
                    }
                    Op::SetItem { obj, key, src } => {
                        let (o, k, v) = (
                            reg!(self, base, obj),
                            reg!(self, base, key),
                            reg!(self, base, src),
                        );
                        if let (Some(l), true) = (downcast::<ListObj>(o), k.is_int()) {
                            if let Some(i) = subscript::norm_index(k.as_int(), l.items.len()) {
                                l.items[i] = v;
                                continue;
                            }
                        }
                        tri!(subscript::setitem(self, o, k, v));
                    }
                    Op::DelItem { obj, key } => {
                        let (o, k) = (reg!(self, base, obj), reg!(self, base, key));
                        tri!(subscript::delitem(self, o, k));
                    }
                    Op::GetAttr { dst, obj, name } => {
                        let o = reg!(self, base, obj);
                        let cache = &code.ic[pc - 1];
                        if let Some(inst) = downcast::<InstanceObj>(o) {
                            let c = cache.get();
                            // SAFETY: the class of a live instance is live.
                            if c[0] == inst.map as u64
                                && c[2] == unsafe { (*inst.class).version.get() }
                            {
                                reg!(self, base, dst) = inst.slots[c[1] as usize];
                                continue;
                            }
                        }
                        let n = code.names[name as usize];
                        let v = tri!(attr::getattr(self, o, n));
                        if let Some(inst) = downcast::<InstanceObj>(o) {
                            // Cache only plain instance-slot hits (not class attributes or properties).
                            // SAFETY: maps are never freed.
                            if let Some(i) = unsafe { (*inst.map).lookup(n) } {
                                let cls = inst.class;
                                if !self.class_has_data_descriptor(cls, n) {
                                    // Keyed on the class version too: a property
                                    // added to the class later takes precedence.
                                    // SAFETY: the class of a live instance is live.
                                    let version = unsafe { (*cls).version.get() };
                                    cache.set([inst.map as u64, i as u64, version]);
                                }
                            }
                        }
                        reg!(self, base, dst) = v;
                    }
                    Op::SetAttr { obj, name, src } => {
                        let (o, v) = (reg!(self, base, obj), reg!(self, base, src));
                        let cache = &code.ic[pc - 1];
                        if let Some(inst) = downcast::<InstanceObj>(o) {
                            let c = cache.get();
                            // SAFETY: the class of a live instance is live.
                            if c[0] == inst.map as u64
                                && c[2] == unsafe { (*inst.class).version.get() }
                            {
                                if c[1] & MAP_TRANSITION != 0 {
                                    // A new attribute: append the slot, follow the cached transition.
                                    inst.push_slot(v);
                                    inst.map = (c[1] & !MAP_TRANSITION) as *const runtime::map::Map;
                                } else {
                                    inst.slots[c[1] as usize] = v;
                                }
                                continue;
                            }
                        }
                        let old_map = downcast::<InstanceObj>(o).map(|i| i.map);
                        let n = code.names[name as usize];
                        tri!(attr::setattr(self, o, n, v));
                        if let Some(inst) = downcast::<InstanceObj>(o) {
                            // SAFETY: maps are never freed; the class is live.
                            unsafe {
                                if let Some(i) = (*inst.map).lookup(n) {
                                    let cls = inst.class;
                                    if !self.class_has_data_descriptor(cls, n)
                                        && !self.class_has_setattr(cls)
                                    {
                                        let version = (*cls).version.get();
                                        let added = old_map.is_some_and(|m| {
                                            m != inst.map
                                                && (*inst.map).names.len() == (*m).names.len() + 1
                                                && i == (*m).names.len()
                                        });
                                        if let (true, Some(m)) = (added, old_map) {
                                            cache.set([
                                                m as u64,
                                                inst.map as u64 | MAP_TRANSITION,
                                                version,
                                            ]);
                                        } else {
                                            cache.set([inst.map as u64, i as u64, version]);
                                        }
                                    }
                                }
                            }
                        }
                    }
                    Op::DelAttr { obj, name } => {
                        let o = reg!(self, base, obj);
                        tri!(attr::delattr(self, o, code.names[name as usize]));
                    }
                    Op::LoadMethod { dst, obj, name } => {
                        let o = reg!(self, base, obj);
                        let cache = &code.ic[pc - 1];
                        if let Some(inst) = downcast::<InstanceObj>(o) {
                            let c = cache.get();
                            // SAFETY: the class of a live instance is live.
                            let version = unsafe { (*inst.class).version.get() };
                            if c[0] == inst.map as u64 && c[1] == version {
                                reg!(self, base, dst) = Value::from_bits(c[2]);
                                reg!(self, base, dst + 1) = o;
                                continue;
                            }
                        }
                        let n = code.names[name as usize];
                        let (f, recv) = tri!(attr::load_method(self, o, n));
                        if let Some(inst) = downcast::<InstanceObj>(o) {
                            if !recv.is_empty() {
                                // SAFETY: as above; the function stays alive through the class namespace while the version matches.
                                cache.set([
                                    inst.map as u64,
                                    unsafe { (*inst.class).version.get() },
                                    f.to_bits(),
                                ]);
                            }
                        }
                        reg!(self, base, dst) = f;
                        reg!(self, base, dst + 1) = recv;
                    }

                    // ---------------------------------------------------- iteration
                    Op::GetIter { dst, src } => {
                        let v = reg!(self, base, src);
                        reg!(self, base, dst) = tri!(iter::get_loop_iter(self, v));
                    }
                    Op::ForIter { iter: it, exit } => {
                        enter_from_above!();
                        let itv = reg!(self, base, it);
                        // Fast paths: range and list iterators without a call.
                        if let Some(io) = downcast::<IterObj>(itv) {
                            match &mut io.state {
                                IterState::Range { next, stop, step } => {
                                    let cur = *next;
                                    if (*step > 0 && cur < *stop) || (*step < 0 && cur > *stop) {
                                        *next = cur + *step;
                                        reg!(self, base, it + 1) = self.rt.int_from_i64(cur);
                                    } else {
                                        pc = exit as usize;
                                    }
                                    continue;
                                }
                                IterState::LoopSeq { seq, index } => {
                                    let items = protocol::seq_items(*seq);
                                    if *index < items.len() {
                                        reg!(self, base, it + 1) = items[*index];
                                        *index += 1;
                                    } else {
                                        pc = exit as usize;
                                    }
                                    continue;
                                }
                                _ => {}
                            }
                        }
                        self.frames.last_mut().unwrap().pc = pc;
                        // A generator resumes in this dispatch loop: its frame
                        // is pushed above this one and its `yield` comes back
                        // here (the recorder follows it: `record_generator.rs`).
                        if self.resume_generator_inline(itv, base + it as usize + 1) {
                            continue 'frames;
                        }
                        match tri!(iter::next(self, itv)) {
                            Some(v) => reg!(self, base, it + 1) = v,
                            None => pc = exit as usize,
                        }
                    }
                    Op::UnpackSeq { dst, src, count } => {
                        let v = reg!(self, base, src);
                        let items = match kind_of(v) {
                            Some(ObjKind::Tuple) | Some(ObjKind::List) => {
                                protocol::seq_items(v).to_vec()
                            }
                            _ => tri!(self.unpack_items(v)),
                        };
                        if items.len() != count as usize {
                            let msg = if items.len() < count as usize {
                                format!(
                                    "not enough values to unpack (expected {count}, got {})",
                                    items.len()
                                )
                            } else {
                                format!("too many values to unpack (expected {count})")
                            };
                            fail!(self.rt.value_error(msg))
                        }
                        for (i, x) in items.into_iter().enumerate() {
                            reg!(self, base, dst as usize + i) = x;
                        }
                    }
                    Op::UnpackEx {
                        dst,
                        src,
                        before,
                        after,
                    } => {
                        let v = reg!(self, base, src);
                        let items = tri!(self.unpack_items(v));
                        let (b, a) = (before as usize, after as usize);
                        if items.len() < b + a {
                            fail!(self.rt.value_error(format!(
                                "not enough values to unpack (expected at least {}, got {})",
                                b + a,
                                items.len()
                            )))
                        }
                        let mid_end = items.len() - a;
                        for (i, &x) in items[..b].iter().enumerate() {
                            reg!(self, base, dst as usize + i) = x;
                        }
                        let middle = items[b..mid_end].to_vec();
                        reg!(self, base, dst as usize + b) = self.rt.new_list(middle);
                        for i in 0..a {
                            reg!(self, base, dst as usize + b + 1 + i) = items[mid_end + i];
                        }
                    }

                    // ---------------------------------------------------- functions and calls
                    Op::MakeFunction { dst, code: ci } => {
                        let f = self.make_function(code, ci, base, dst);
                        reg!(self, base, dst) = f;
                    }
                    Op::Call { func, argc } => {
                        let f = reg!(self, base, func);
                        let args_at = base + func as usize + 1;
                        self.frames.last_mut().unwrap().pc = pc;
                        match self.call_from_stack(
                            f,
                            args_at,
                            argc as usize,
                            &[],
                            base + func as usize,
                            Some((code, pc - 1)),
                        ) {
                            Ok(true) => entered_function!(),
                            Ok(false) => {}
                            Err(e) => fail!(e),
                        }
                    }
                    Op::CallKw {
                        func,
                        argc,
                        kwnames,
                    } => {
                        let f = reg!(self, base, func);
                        let names = protocol::seq_items(code.consts[kwnames as usize]).to_vec();
                        let args_at = base + func as usize + 1;
                        self.frames.last_mut().unwrap().pc = pc;
                        match self.call_from_stack(
                            f,
                            args_at,
                            argc as usize,
                            &names,
                            base + func as usize,
                            None,
                        ) {
                            Ok(true) => entered_function!(),
                            Ok(false) => {}
                            Err(e) => fail!(e),
                        }
                    }
                    Op::CallMethod { func, argc } => {
                        let f = reg!(self, base, func);
                        let recv = reg!(self, base, func + 1);
                        let (args_at, n) = if recv.is_empty() {
                            (base + func as usize + 2, argc as usize)
                        } else {
                            (base + func as usize + 1, argc as usize + 1)
                        };
                        self.frames.last_mut().unwrap().pc = pc;
                        match self.call_from_stack(f, args_at, n, &[], base + func as usize, None) {
                            Ok(true) => entered_function!(),
                            Ok(false) => {}
                            Err(e) => fail!(e),
                        }
                    }
                    Op::CallMethodKw {
                        func,
                        argc,
                        kwnames,
                    } => {
                        let f = reg!(self, base, func);
                        let recv = reg!(self, base, func + 1);
                        let names = protocol::seq_items(code.consts[kwnames as usize]).to_vec();
                        let (args_at, n) = if recv.is_empty() {
                            (base + func as usize + 2, argc as usize)
                        } else {
                            (base + func as usize + 1, argc as usize + 1)
                        };
                        self.frames.last_mut().unwrap().pc = pc;
                        match self.call_from_stack(
                            f,
                            args_at,
                            n,
                            &names,
                            base + func as usize,
                            None,
                        ) {
                            Ok(true) => entered_function!(),
                            Ok(false) => {}
                            Err(e) => fail!(e),
                        }
                    }
                    Op::CallEx { func } => {
                        let f = reg!(self, base, func);
                        let args_v = reg!(self, base, func + 1);
                        let kw_v = reg!(self, base, func + 2);
                        self.frames.last_mut().unwrap().pc = pc;
                        let args = tri!(iter::collect(self, args_v));
                        let mut kw = Vec::new();
                        if let Some(d) = downcast::<DictObj>(kw_v) {
                            kw = d.table.iter().collect();
                        }
                        match self.call_with_vec(f, args, kw, base + func as usize) {
                            Ok(true) => entered_function!(),
                            Ok(false) => {}
                            Err(e) => fail!(e),
                        }
                    }
                    Op::Return { src } => {
                        let v = reg!(self, base, src);
                        match self.return_from_frame(v) {
                            Some(r) => return r,
                            None => continue 'frames,
                        }
                    }
                    Op::BuildClass { dst, start, nbases } => {
                        self.frames.last_mut().unwrap().pc = pc;
                        let cls = tri!(self.build_class(base + start as usize, nbases as usize));
                        reg!(self, base, dst) = cls;
                    }

                    // ---------------------------------------------------- generators
                    Op::Yield { dst, src } => {
                        let v = reg!(self, base, src);
                        self.frames.last_mut().unwrap().pc = pc;
                        match self.yield_value(v, dst) {
                            Some(v) => return Ok(v),
                            None => continue 'frames,
                        }
                    }
                    Op::YieldFrom { dst, src } => {
                        let sub = reg!(self, base, src);
                        self.frames.last_mut().unwrap().pc = pc;
                        let sub_it = if matches!(
                            kind_of(sub),
                            Some(ObjKind::Iter)
                                | Some(ObjKind::Generator)
                                | Some(ObjKind::Instance)
                        ) {
                            sub
                        } else {
                            tri!(iter::get_iter(self, sub))
                        };
                        reg!(self, base, src) = sub_it;
                        // Resuming a delegation (this generator's `yield_from` is the
                        // sub-iterator): a value sent to us is sent on to a sub-generator.
                        let me = self.frames.last().unwrap().generator;
                        let resuming =
                            downcast::<GeneratorObj>(me).is_some_and(|g| g.yield_from == sub_it);
                        let sent = if resuming {
                            reg!(self, base, dst)
                        } else {
                            Value::NONE
                        };
                        let step = if is_kind(sub_it, ObjKind::Generator)
                            && !sent.is_none()
                            && !sent.is_empty()
                        {
                            self.resume_generator(sub_it, sent)
                        } else {
                            iter::next(self, sub_it)
                        };
                        let step = match step {
                            Ok(s) => s,
                            Err(e) => {
                                if let Some(g) = downcast::<GeneratorObj>(me) {
                                    g.yield_from = Value::EMPTY;
                                }
                                fail!(e)
                            }
                        };
                        match step {
                            Some(v) => {
                                if let Some(g) = downcast::<GeneratorObj>(me) {
                                    g.yield_from = sub_it;
                                }
                                // Re-run this instruction on resume to pull the next value.
                                self.frames.last_mut().unwrap().pc = pc - 1;
                                match self.yield_value(v, dst) {
                                    Some(v) => return Ok(v),
                                    None => continue 'frames,
                                }
                            }
                            None => {
                                if let Some(g) = downcast::<GeneratorObj>(me) {
                                    g.yield_from = Value::EMPTY;
                                }
                                // Only a generator delegate's end returns a value
                                // (`last_return` may hold one nothing took).
                                let r = if is_kind(sub_it, ObjKind::Generator) {
                                    std::mem::replace(&mut self.last_return, Value::NONE)
                                } else {
                                    Value::NONE
                                };
                                reg!(self, base, dst) = r;
                            }
                        }
                    }

                    // ---------------------------------------------------- exceptions
                    Op::Raise { src } => {
                        let v = reg!(self, base, src);
                        let e = self.make_raisable(v);
                        fail!(e)
                    }
                    Op::RaiseFrom { src, cause } => {
                        let v = reg!(self, base, src);
                        let c = reg!(self, base, cause);
                        let e = self.make_raisable(v);
                        let e = self.set_cause(e, c);
                        fail!(e)
                    }
                    Op::Reraise => {
                        let h = self.handled;
                        if h.is_none() || h.is_empty() {
                            fail!(self.rt.runtime_error("No active exception to reraise"))
                        }
                        fail!(PyErr(h))
                    }
                    Op::ReraiseValue { src } => {
                        let v = reg!(self, base, src);
                        fail!(PyErr(v))
                    }
                    Op::ExcMatch { dst, exc, typ } => {
                        let (e, t) = (reg!(self, base, exc), reg!(self, base, typ));
                        let r = tri!(self.exception_matches(e, t));
                        reg!(self, base, dst) = Value::from_bool(r);
                    }
                    Op::PushExcInfo { exc, save } => {
                        reg!(self, base, save) = self.handled;
                        self.handled = reg!(self, base, exc);
                    }
                    Op::PopExcInfo { save } => {
                        let v = reg!(self, base, save);
                        self.handled = if v.is_empty() { Value::NONE } else { v };
                    }
                    Op::AssertFail { msg } => {
                        let c = self.rt.exc.assertion_error;
                        let e = if msg == frontend::bytecode::NO_REG {
                            self.rt.new_exception(c, &[])
                        } else {
                            let m = reg!(self, base, msg);
                            self.rt.new_exception(c, &[m])
                        };
                        fail!(PyErr(e))
                    }

                    // ---------------------------------------------------- modules
                    Op::ImportName { dst, name, level } => {
                        self.frames.last_mut().unwrap().pc = pc;
                        let n = str_of(code.names[name as usize]).to_string();
                        let m = tri!(self.import(&n, level as usize, true));
                        reg!(self, base, dst) = m;
                    }
                    Op::ImportModule { dst, name, level } => {
                        self.frames.last_mut().unwrap().pc = pc;
                        let n = str_of(code.names[name as usize]).to_string();
                        let m = tri!(self.import(&n, level as usize, false));
                        reg!(self, base, dst) = m;
                    }
                    Op::ImportFrom { dst, module, name } => {
                        self.frames.last_mut().unwrap().pc = pc;
                        let m = reg!(self, base, module);
                        let n = code.names[name as usize];
                        let v = tri!(self.import_from(m, n));
                        reg!(self, base, dst) = v;
                    }

                    Op::PrintExpr { src } => {
                        let v = reg!(self, base, src);
                        if !v.is_none() {
                            let s = tri!(protocol::repr(self, v));
                            self.rt.write_out(&s);
                            self.rt.write_out("\n");
                            let under = self.rt.intern("_");
                            let b = self.rt.builtins;
                            module_set(&self.rt, b, under, v);
                        }
                    }
                    Op::Nop => {}
                }
            }
        }
    }

    /// Runs the running frame, one the recording skips (a call the trace
    /// makes through the runtime, or a generator it resumes that way), to
    /// its return or yield in a nested `execute`, whose plain dispatch loop
    /// shows the recorder nothing (and may enter compiled code); then
    /// finishes the return or yield as the recording loop would have. `Err`:
    /// the exception left the frame, to be handled in its caller.
    #[inline(never)]
    fn run_skipped_frame(&mut self) -> PyResult<()> {
        let frame = self.frames.last_mut().expect("a skipped frame");
        debug_assert!(!frame.boundary, "a skipped frame is its loop's own");
        frame.boundary = true;
        let (ret_slot, generator) = (frame.ret_slot, !frame.generator.is_empty());
        match self.execute() {
            Ok(v) if generator => {
                if std::mem::replace(&mut self.yielded, false) {
                    self.stack[ret_slot] = v;
                } else {
                    // Resumed by a `ForIter`: the loop is done.
                    self.leave_exhausted_loop();
                }
                Ok(())
            }
            Ok(v) => {
                self.stack[ret_slot] = v;
                Ok(())
            }
            // It left the generator as `next` would raise it (see
            // `handle_exception`, which leaves that to a boundary frame's caller).
            Err(e) if generator => Err(self.generator_error(e)),
            Err(e) => Err(e),
        }
    }

    /// Pops the current frame after `Return`; `Some(result)` when `execute`
    /// must return (a boundary frame), `None` to continue in the caller.
    pub(crate) fn return_from_frame(&mut self, mut v: Value) -> Option<PyResult<Value>> {
        let frame = self.frames.pop().unwrap();
        self.handled = frame.saved_handled;
        if !frame.generator.is_empty() {
            self.finish_generator(frame.generator, v);
            self.yielded = false;
            if frame.boundary {
                return Some(Ok(v));
            }
            // Resumed by a `ForIter` (see `resume_generator_inline`): the
            // loop is done.
            self.leave_exhausted_loop();
            return None;
        }
        if !frame.init_self.is_empty() {
            if !v.is_none() {
                let tn = self.rt.type_name(v);
                let e = self
                    .rt
                    .type_error(format!("__init__() should return None, not '{tn}'"));
                return Some(self.propagate_from_caller(e, frame.boundary));
            }
            v = frame.init_self;
        }
        if frame.boundary {
            return Some(Ok(v));
        }
        self.stack[frame.ret_slot] = v;
        None
    }

    /// An error raised while returning (after the frame was popped) continues
    /// unwinding in the caller.
    fn propagate_from_caller(&mut self, e: PyErr, boundary: bool) -> PyResult<Value> {
        if boundary {
            return Err(e);
        }
        match self.handle_exception(e) {
            Ok(()) => self.execute(),
            Err(e) => Err(e),
        }
    }

    fn unbound_error(&mut self, code: &CodeObj, name: u16) -> PyErr {
        let n = str_of(code.names[name as usize]).to_string();
        if code.code.kind == CodeKind::Module {
            self.rt.name_error(format!("name '{n}' is not defined"))
        } else {
            let c = self.rt.exc.unbound_local_error;
            self.rt.error(
                c,
                format!(
                    "cannot access local variable '{n}' where it is not associated with a value"
                ),
            )
        }
    }

    fn free_var_error(&mut self, code: &CodeObj, slot: u16) -> PyErr {
        let c = &code.code;
        let name = c
            .free_slots
            .iter()
            .position(|&s| s == slot)
            .and_then(|i| c.free_names.get(i).cloned())
            .or_else(|| c.local_names.get(slot as usize).cloned())
            .unwrap_or_else(|| "?".into());
        if c.free_slots.contains(&slot) {
            self.rt.name_error(format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
        } else {
            let cls = self.rt.exc.unbound_local_error;
            self.rt.error(
                cls,
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        }
    }

    fn class_has_data_descriptor(&self, cls: *mut ClassObj, name: Value) -> bool {
        self.rt
            .lookup_in_class(cls, name)
            .is_some_and(|a| is_kind(a, ObjKind::Property))
    }

    fn class_has_setattr(&self, cls: *mut ClassObj) -> bool {
        self.rt
            .lookup_in_class(cls, self.rt.names.setattr)
            .is_some()
    }

    /// The items of an unpacking source, with CPython's error for non-iterables.
    fn unpack_items(&mut self, v: Value) -> PyResult<Vec<Value>> {
        if let Err(e) = iter::get_iter(self, v) {
            if self.rt.isinstance(e.0, self.rt.exc.type_error) {
                let tn = self.rt.type_name(v);
                return Err(self
                    .rt
                    .type_error(format!("cannot unpack non-iterable {tn} object")));
            }
            return Err(e);
        }
        iter::collect(self, v)
    }

    fn dict_update(&mut self, d: Value, src: Value, merge: bool) -> PyResult<()> {
        if !merge {
            return runtime::builtins_support::dict_update_from(self, d, src);
        }
        let Some(sd) = downcast::<DictObj>(src) else {
            let tn = self.rt.type_name(src);
            return Err(self
                .rt
                .type_error(format!("argument after ** must be a mapping, not {tn}")));
        };
        let entries: Vec<(Value, Value)> = sd.table.iter().collect();
        for (k, v) in entries {
            if protocol::dict_lookup(self, d, k)?.is_some() {
                let ks = str_of(k).to_string();
                return Err(self
                    .rt
                    .type_error(format!("got multiple values for keyword argument '{ks}'")));
            }
            protocol::dict_store(self, d, k, v)?;
        }
        Ok(())
    }
}

/// Marks a `SetAttr` cache entry as a map transition (the payload is the new
/// map; pointers use only the low 48 bits).
const MAP_TRANSITION: u64 = 1 << 63;

/// Float fast path for `+ - *` (the others need error checks).
#[inline]
fn float_fast(op: BinOpKind, x: f64, y: f64) -> f64 {
    match op {
        BinOpKind::Add => x + y,
        BinOpKind::Sub => x - y,
        _ => x * y,
    }
}

/// Key for the LoadGlobal cache: both module versions (0 = never valid).
#[inline]
fn global_cache_key(module: Value, builtins: Value) -> u64 {
    let mv = downcast::<ModuleObj>(module).map_or(0, |m| m.version.get());
    let bv = downcast::<ModuleObj>(builtins).map_or(0, |m| m.version.get());
    mv.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ bv
}

impl Vm for Interpreter {
    fn rt(&mut self) -> &mut Runtime {
        &mut self.rt
    }

    fn call(&mut self, func: Value, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Value> {
        self.call_value(func, args, kwargs)
    }

    fn generator_next(&mut self, gen: Value, sent: Value) -> PyResult<Option<Value>> {
        self.resume_generator(gen, sent)
    }

    fn take_generator_return(&mut self) -> Value {
        std::mem::replace(&mut self.last_return, Value::NONE)
    }

    fn generator_throw(&mut self, gen: Value, exc: PyErr) -> PyResult<Option<Value>> {
        self.throw_into_generator(gen, exc)
    }

    fn call_prelude(&mut self, which: runtime::PreludeFn, args: &[Value]) -> PyResult<Value> {
        Interpreter::call_prelude(self, which, args)
    }

    fn frame_super(&mut self) -> PyResult<(Value, Value)> {
        let Some(frame) = self.frames.last() else {
            return Err(self.rt.runtime_error("super(): no arguments"));
        };
        // SAFETY: the frame's code object is live.
        let code = unsafe { &(*frame.code).code };
        let base = frame.base;
        let class_slot = code
            .free_names
            .iter()
            .position(|n| n == "__class__")
            .map(|i| code.free_slots[i]);
        let Some(slot) = class_slot else {
            return Err(self.rt.runtime_error("super(): __class__ cell not found"));
        };
        let cls =
            downcast::<CellObj>(self.stack[base + slot as usize]).map_or(Value::EMPTY, |c| c.value);
        if cls.is_empty() {
            return Err(self.rt.runtime_error("super(): empty __class__ cell"));
        }
        if code.argcount == 0 {
            return Err(self.rt.runtime_error("super(): no arguments"));
        }
        let mut first = self.stack[base];
        if let Some(c) = downcast::<CellObj>(first) {
            first = c.value;
        }
        Ok((cls, first))
    }

    fn import_module(&mut self, name: &str) -> PyResult<Value> {
        self.import_module_named(name)
    }
}
