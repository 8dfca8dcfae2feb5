//! Tern's tracing JIT: hot-loop counters, the trace recorder, trace IR and
//! snapshots, and the x86-64 backend.
//!
//! The interpreter drives it: it counts loop back-edges with
//! [`Jit::on_back_edge`], shows the recorder every instruction while a loop
//! is being recorded ([`Jit::record`]), enters compiled loops through
//! [`Jit::entry`] and rebuilds its frames from the snapshot an exit names.
//! The JIT never calls the interpreter; compiled code returns to it.

// Object, class and map pointers handed to this crate's functions come from
// live values the interpreter shows the recorder; dereferencing them is the
// runtime's contract, as in the runtime crate itself.
#![allow(clippy::not_unsafe_ptr_arg_deref)]

pub mod asm;
pub mod code_cache;
pub mod code_heap;
pub mod config;
pub mod ctx;
pub mod direct_call;
pub mod elidable;
pub mod exits;
pub mod helpers;
pub mod ir;
pub mod ir_parse;
pub mod ir_print;
pub mod layout;
pub mod loop_slots;
pub mod materialize;
pub mod opt;
pub mod pause_heap;
mod record_arith;
mod record_builtin;
mod record_call;
mod record_generator;
mod record_global;
mod record_isinstance;
mod record_iter;
mod record_op;
mod record_str_char;
mod record_str_concat;
mod record_typed;
pub mod recorder;
mod recording;
pub mod regalloc;
pub mod run_loop;
pub mod snapshot;
pub mod stats;
mod tier_swap;
pub mod worker;
pub mod worker_inbox;
pub mod worker_placement;

use crate::asm::{EnterFn, SafepointWords};
use crate::code_cache::{CompiledTrace, LoopWords, TraceCode};
use crate::exits::ExitInfo;
use crate::ir::TraceKind;
use crate::recorder::{FrameView, RecordStep, Recorder, FUNCTION_ANCHOR};
use crate::snapshot::{ExitKind, Snapshot};
pub use config::{
    JitConfig, JitMode, DEFAULT_THRESHOLD, DEFAULT_WORKER_SPIN, RAW_FAILURE_VARIABLE,
    WORKER_DELAY_VARIABLE, WORKER_SPIN_VARIABLE,
};
pub use ctx::JitCtx;
use dynasmrt::ExecutableBuffer;
use frontend::bytecode::Op;
use runtime::object::CodeObj;
use runtime::{Runtime, Value};
use rustc_hash::FxHashMap;
use std::cell::Cell;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;
use worker::{Job, Worker};

/// A loop whose recording aborted this many times is never traced again.
const MAX_ABORTS: u64 = 4;
/// Recordings of one loop that may end with its loop ("loop ended": the pass
/// recorded was the loop's last) before one counts as an abort; a loop that
/// always runs out right after the recorded pass is then given up like any
/// other, instead of being recorded again on every run.
const LOOP_ENDED_RETRIES: u32 = 8;
/// Times a hot function whose loops have no traces yet waits (another
/// threshold's worth of entries) before it is recorded anyway: its trace
/// runs a loop through the loop's own trace, so recording earlier would
/// unroll the loop or abort.
const LOOP_TRACE_WAITS: u32 = 8;
/// Bridge recordings that may abort at one exit before it is left alone.
const MAX_BRIDGE_ABORTS: u32 = 3;
/// Hot loops and functions a recording may keep from being recorded (while
/// a call it skips runs them interpreted) before it gives up so that one of
/// them is recorded instead: a recording whose skipped call runs long (the
/// recursive call of a function trace recorded near the top of a deep
/// recursion) would otherwise keep that whole call interpreted.
const HOT_DENIALS_BEFORE_GIVING_UP: u32 = 64;
/// Slots a loop reserves above what its root trace uses, so bridges that
/// inline a little deeper still fit the stack prepared at loop entry.
pub const EXTENT_SLACK: i32 = 24;
/// Inlined frames a loop reserves beyond its root trace's (for bridges).
pub const DEPTH_SLACK: usize = 2;
/// Entries between two profitability checks of a loop.
const PROFIT_CHECK_ENTRIES: u64 = 512;
/// A loop averaging fewer than TIMES/DIVISOR compiled iterations per entry
/// (counted at its header, so the first pass counts too) is handed back to
/// the interpreter.
const ITERATIONS_PER_ENTRY_TIMES: u64 = 3;
const ITERATIONS_PER_ENTRY_DIVISOR: u64 = 2;
/// Bridges hanging off bridges stop at this depth (a path that keeps
/// changing gets no endless chain of side traces).
const MAX_BRIDGE_DEPTH: u32 = 8;

/// What the interpreter should do at a loop back-edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackEdge {
    /// Keep interpreting.
    Interpret,
    /// Start recording the loop.
    Record,
    /// Run compiled trace number `n`.
    Run(usize),
}

/// What the interpreter should do after an exit.
pub struct ExitAction {
    /// Why the trace left.
    pub kind: ExitKind,
    /// Start recording a bridge from this exit after rebuilding.
    pub record_bridge: bool,
    /// The exit's trace and snapshot (for [`Jit::start_bridge`]).
    pub trace: usize,
    /// The exit's snapshot index.
    pub snap: u32,
    /// The snapshot's resume pc (in its innermost frame).
    pub resume_pc: u32,
    /// The snapshot rebuilds inlined frames (more than the loop's own).
    pub inlined_frames: bool,
}

/// The JIT's state for one interpreter.
pub struct Jit {
    /// The configuration.
    pub config: JitConfig,
    /// Statistics.
    pub stats: stats::JitStats,
    traces: Vec<CompiledTrace>,
    recorder: Option<Recorder>,
    /// The hot counter cell the recording will install its trace into.
    recording_cell: *const Cell<[u64; 3]>,
    /// When the current recording started (wall time, including the
    /// interpreter running the recorded iteration).
    recording_started: Instant,
    /// The loop being recorded: its code object and `JumpBack` pc.
    recording_anchor: (Value, u32),
    /// `execute` nesting depth of the recording (nested runs are not recorded).
    recording_exec_depth: usize,
    /// The root trace a bridge recording belongs to.
    bridge_root: usize,
    /// Hot loops and functions the current recording kept from being
    /// recorded (see [`HOT_DENIALS_BEFORE_GIVING_UP`]).
    hot_denials: u32,
    /// Per hot-counter cell: "loop ended" recordings since its last abort (a
    /// loop's cell), or waits for its loops' traces (a function's entry cell,
    /// see `LOOP_TRACE_WAITS`).
    loop_ended: FxHashMap<usize, u32>,
    trampoline: Option<(ExecutableBuffer, EnterFn)>,
    safepoint: SafepointWords,
    log: Option<Box<dyn Write>>,
    /// The optimizer thread (`--jit=full`).
    worker: Worker,
    /// Compiled-code activations on the native stack (trace entries from
    /// the interpreter, which may nest through helpers that run Python).
    active: usize,
    /// Retired traces whose code is not freed yet (freed once `active` is 0).
    retired_unfreed: Vec<usize>,
    /// Inner-loop entries compiled code made (boxed: the code embeds the
    /// address; see `run_loop.rs`).
    loop_entries: Box<run_loop::LoopEntryCounts>,
    /// Raw compiles started (for [`JitConfig::raw_failure_every`]).
    raw_compiles: u64,
}

/// Slots above the loop frame's slot 0 that loop `n` (the loop trace `n`
/// belongs to) and its bridges may use: its root's extent plus slack.
/// How to enter root trace `root` through trampoline `tramp`: the
/// trampoline, the code address in its entry slot, the stack extent to
/// reserve and the frames its inlining may hide (see [`Jit::entry`]).
#[inline(always)]
fn root_entry(tramp: EnterFn, root: &CompiledTrace) -> (EnterFn, usize, usize, usize) {
    (
        tramp,
        root.words.loop_slot.load(Ordering::Acquire),
        (root.trace.extent + EXTENT_SLACK) as usize,
        root.trace.max_inline_depth + DEPTH_SLACK,
    )
}

fn reserved_extent(traces: &[CompiledTrace], n: usize) -> i32 {
    traces[traces[n].root].trace.extent + EXTENT_SLACK
}

// The hot-counter cell of a `JumpBack` (its inline-cache entry):
// [0] back-edges counted, [1] compiled trace index + 1, [2] aborted recordings.
const COUNT: usize = 0;
const TRACE: usize = 1;
const ABORTS: usize = 2;

/// Has the loop whose `JumpBack` owns hot-counter cell `cell` a compiled trace?
pub fn loop_has_trace(cell: &Cell<[u64; 3]>) -> bool {
    cell.get()[TRACE] != 0
}

impl Jit {
    /// A JIT with `config`; compiled code polls `safepoint` at loop headers.
    pub fn new(config: JitConfig, mut safepoint: SafepointWords) -> Jit {
        let log: Option<Box<dyn Write>> =
            config
                .log_file
                .as_ref()
                .and_then(|path| match std::fs::File::create(path) {
                    Ok(f) => Some(Box::new(std::io::BufWriter::new(f)) as Box<dyn Write>),
                    Err(e) => {
                        eprintln!("tern: cannot write JIT log {}: {e}", path.display());
                        None
                    }
                });
        let mut worker = Worker::new(
            config.passes.clone(),
            config.worker_delay,
            config.worker_spin,
        );
        // Only `full` has a worker whose results compiled loops must notice.
        safepoint.install_pending = if config.mode == JitMode::Full {
            worker.pending_flag()
        } else {
            std::ptr::null()
        };
        worker.set_safepoint(safepoint);
        Jit {
            config,
            stats: stats::JitStats::default(),
            traces: Vec::new(),
            recorder: None,
            recording_cell: std::ptr::null(),
            recording_exec_depth: 0,
            recording_anchor: (Value::NONE, 0),
            recording_started: Instant::now(),
            bridge_root: 0,
            hot_denials: 0,
            loop_ended: FxHashMap::default(),
            trampoline: None,
            safepoint,
            log,
            worker,
            active: 0,
            retired_unfreed: Vec::new(),
            loop_entries: Box::default(),
            raw_compiles: 0,
        }
    }

    /// Is any compilation on?
    #[inline]
    pub fn enabled(&self) -> bool {
        self.config.mode != JitMode::Off
    }

    /// Is a recording running at `execute` depth `depth`?
    #[inline]
    pub fn recording_at(&self, depth: usize) -> bool {
        self.recorder.is_some() && self.recording_exec_depth == depth
    }

    /// Is the recorder skipping code the trace calls or runs compiled (an
    /// inner loop, a function called through the runtime)? Compiled loops
    /// may run there.
    #[inline]
    pub fn skipping(&self) -> bool {
        self.recorder.as_ref().is_some_and(|r| r.skipping())
    }

    /// Does the recording skip every instruction of the running frame, `depth`
    /// frames deep (see [`Recorder::skips_frame`])? The interpreter then
    /// runs that frame to its return outside the recording loop.
    #[inline]
    pub fn skips_frame(&self, depth: usize) -> bool {
        self.recorder.as_ref().is_some_and(|r| r.skips_frame(depth))
    }

    /// Compiles a finished recording and installs it (one main-thread
    /// pause): raw code under `raw` and `full` (which then queues an owned
    /// copy for the worker), optimized code under `sync`. Never inlined:
    /// profiles then show the pause as one function.
    #[inline(never)]
    fn install(&mut self, trace: Box<ir::Trace>) {
        let _heap = pause_heap::PauseHeap::enter();
        let pause = Instant::now();
        let cpu = stats::thread_cpu_time();
        self.install_recorded(trace);
        let took = pause.elapsed();
        let cpu = stats::thread_cpu_time().saturating_sub(cpu);
        self.stats.pause(took, cpu);
        log::debug!(target: "jit::pause", "main-thread pause: compile and install, {took:?}, {cpu:?} CPU");
    }

    fn install_recorded(&mut self, trace: Box<ir::Trace>) {
        debug_assert_eq!(
            opt::verify::verify(&trace),
            Ok(()),
            "recorder made a malformed trace"
        );
        if let TraceKind::Bridge { parent, .. } = trace.kind {
            let root = &self.traces[self.bridge_root].trace;
            if trace.extent > root.extent + EXTENT_SLACK
                || trace.max_inline_depth > root.max_inline_depth + DEPTH_SLACK
            {
                // Loop entry prepared the stack for the root's needs only.
                self.abort("bridge needs more stack than its loop reserved");
                return;
            }
            if self.traces[parent].retired {
                // Its parent's code was replaced while the bridge was
                // recorded: nothing jumps to that exit any more.
                self.abort("parent trace replaced while recording");
                return;
            }
        }
        let start = Instant::now();
        let index = self.traces.len();
        let (root, anchor, words) = match trace.kind {
            TraceKind::Root => (index, self.recording_anchor, LoopWords::default()),
            TraceKind::Bridge { .. } => {
                let r = &self.traces[self.bridge_root];
                (self.bridge_root, r.anchor, r.words.clone())
            }
        };
        // Listings only when logging (the title alone is an allocation).
        let function = anchor.1 == FUNCTION_ANCHOR;
        let title = self.logging().then(|| match trace.kind {
            TraceKind::Root if function => format!("function {index}"),
            TraceKind::Root => format!("loop {index}"),
            TraceKind::Bridge { parent, exit } => {
                format!("bridge {index} from trace {parent} exit {exit}")
            }
        });
        if let Some(title) = &title {
            self.log_trace(&trace, title);
        }
        let inner = self.inner_loops(&trace);
        let trace: Arc<ir::Trace> = Arc::from(trace);
        // `--jit=full`: the worker starts on the trace while this thread
        // compiles its raw code, not after (the optimized code arrives that
        // much sooner).
        let cancel = if self.config.mode == JitMode::Full {
            self.submit_job(index, &trace, &words, &inner)
        } else {
            None
        };
        let built = if self.config.mode == JitMode::Sync {
            self.compile_sync(trace, index, &words, &inner)
        } else {
            self.raw_compiles += 1;
            let every = self.config.raw_failure_every;
            TraceCode::build(trace, index, &words, self.safepoint, &inner, false).and_then(|c| {
                if every != 0 && self.raw_compiles.is_multiple_of(every) {
                    // Testing: after the work, as a failure to place code.
                    return Err(format!("failure injected by {RAW_FAILURE_VARIABLE}"));
                }
                Ok((c, false))
            })
        };
        self.stats.compile_time += start.elapsed();
        let (code, optimized) = match built {
            Ok(c) => {
                self.recorder = None;
                self.stats.record_time += self.recording_started.elapsed();
                c
            }
            Err(reason) => {
                // Trace number `index` goes to the next trace installed:
                // the job's result must not land on it (`finish_job` also
                // checks the result's trace is the one at `index`).
                if let Some(cancel) = cancel {
                    cancel.store(true, Ordering::Relaxed);
                }
                self.abort(&format!("compile: {reason}"));
                return;
            }
        };
        if let (true, Some(title)) = (optimized, &title) {
            self.log_trace(&code.trace, &format!("optimized {title}"));
        }
        let mut compiled = CompiledTrace::new(code, root, anchor, words);
        compiled.optimized = optimized;
        if optimized {
            match compiled.trace.kind {
                TraceKind::Root => self.stats.optimized_loops += 1,
                TraceKind::Bridge { .. } => self.stats.optimized_bridges += 1,
            }
        }
        self.stats.guards += compiled.trace.guard_count() as u64;
        self.stats.code_bytes += compiled.code_bytes() as u64;
        match compiled.trace.kind {
            TraceKind::Root => {
                if function {
                    // No profitability checks: a function trace has no
                    // iterations to count (see `Jit::profitable_entry`).
                    self.stats.functions += 1;
                } else {
                    self.stats.loops += 1;
                    compiled.hot_cell = self.recording_cell;
                }
                compiled
                    .words
                    .loop_slot
                    .store(compiled.entry, Ordering::Release);
                // SAFETY: see `abort`.
                let cell = unsafe { &*self.recording_cell };
                let mut c = cell.get();
                c[TRACE] = index as u64 + 1;
                cell.set(c);
                if function {
                    // Compiled code's direct calls enter it from now on.
                    let extent = (compiled.trace.extent + EXTENT_SLACK) as usize;
                    let frames_needed = compiled.trace.max_inline_depth + DEPTH_SLACK;
                    direct_call::publish(
                        recorder::code_of(anchor.0),
                        Arc::as_ptr(&compiled.words.loop_slot) as usize,
                        extent,
                        frames_needed,
                    );
                }
            }
            TraceKind::Bridge { parent, exit } => {
                self.stats.bridges += 1;
                compiled.bridge_depth = self.traces[parent].bridge_depth + 1;
                compiled.attached.push((parent, exit));
                self.traces[parent].bridges.push(index);
                self.traces[parent].exit_slots[exit as usize]
                    .store(compiled.entry, Ordering::Release);
                self.share_bridge(&mut compiled, parent, exit);
            }
        }
        compiled.cancel = cancel;
        self.traces.push(compiled);
    }

    /// `--jit=full`: queues the optimizer job for `trace`, to be raw trace
    /// number `index`; the flag that cancels it (None when the worker
    /// cannot run: the raw code stays).
    fn submit_job(
        &mut self,
        index: usize,
        trace: &Arc<ir::Trace>,
        words: &LoopWords,
        inner: &run_loop::InnerLoops,
    ) -> Option<Arc<AtomicBool>> {
        let cancel = Arc::new(AtomicBool::new(false));
        let job = Job {
            raw: index,
            trace: Arc::clone(trace),
            words: words.clone(),
            inner: inner.clone(),
            cancel: Arc::clone(&cancel),
            queued_at: Instant::now(),
        };
        if self.worker.submit(job) {
            Some(cancel)
        } else {
            *self
                .stats
                .optimizer_failures
                .entry("worker: the optimizer thread could not start".to_string())
                .or_default() += 1;
            None
        }
    }

    /// `--jit=sync`: optimizes and assembles `trace` on the main thread;
    /// when that fails, assembles the raw trace. The flag says which.
    fn compile_sync(
        &mut self,
        trace: Arc<ir::Trace>,
        index: usize,
        words: &LoopWords,
        inner: &run_loop::InnerLoops,
    ) -> Result<(TraceCode, bool), String> {
        let result = worker::optimize_and_assemble(
            &trace,
            index,
            &self.config.passes,
            words,
            self.safepoint,
            inner,
        );
        match result {
            Ok((code, reports)) => {
                for r in reports {
                    self.stats.add_pass(r.name, r.removed, r.time);
                }
                Ok((code.place()?, true))
            }
            Err(failure) => {
                self.count_failure(&failure);
                TraceCode::build(trace, index, words, self.safepoint, inner, false)
                    .map(|c| (c, false))
            }
        }
    }

    /// The inner loops `trace` runs, for entering them directly: each
    /// loop's entry slot (its first root's, shared by all its versions).
    fn inner_loops(&self, trace: &ir::Trace) -> run_loop::InnerLoops {
        run_loop::InnerLoops::of(trace, &self.loop_entries, |n| {
            let t = self.traces.get(n)?;
            let root = &self.traces[t.root];
            (root.trace.kind == TraceKind::Root && root.anchor.1 != FUNCTION_ANCHOR)
                .then(|| Arc::clone(&root.words.loop_slot))
        })
    }

    fn count_failure(&mut self, failure: &worker::Failure) {
        log::debug!(target: "jit", "optimization failed: {}", failure.detail);
        *self
            .stats
            .optimizer_failures
            .entry(failure.reason.clone())
            .or_default() += 1;
    }

    /// Are trace listings written (to the JIT log or the debug log)?
    fn logging(&self) -> bool {
        self.log.is_some() || log::log_enabled!(target: "jit", log::Level::Debug)
    }

    /// Writes `trace`'s listing to the JIT log (and the debug log).
    fn log_trace(&mut self, trace: &ir::Trace, title: &str) {
        if !self.logging() {
            return;
        }
        let text = ir_print::print_trace(trace, title);
        log::debug!(target: "jit", "{text}");
        if let Some(out) = self.log.as_mut() {
            let _ = out.write_all(text.as_bytes());
        }
    }

    /// Compiled code is about to run (from the interpreter).
    #[inline]
    pub fn enter_compiled(&mut self) {
        self.active += 1;
    }

    /// Has the worker finished code to install ([`Jit::service`] is due
    /// while compiled code is active, when nothing may be freed)?
    #[inline]
    pub fn install_due(&self) -> bool {
        self.worker.has_results()
    }

    /// Compiled code entered with [`Jit::enter_compiled`] has returned.
    #[inline]
    pub fn leave_compiled(&mut self) {
        self.active -= 1;
    }

    // ---- running compiled code

    /// The trampoline and the loop entry address for running trace `n`, and
    /// how many slots above the loop frame and frames beyond it it needs.
    #[inline]
    pub fn entry(&mut self, n: usize) -> (EnterFn, usize, usize, usize) {
        self.stats.entries += 1;
        let tramp = self.trampoline.get_or_insert_with(asm::build_trampoline).1;
        root_entry(tramp, &self.traces[self.traces[n].root])
    }

    /// [`Jit::entry`], not counted, for a call from compiled code that is
    /// running now (a helper's call of a function with trace `n`, the index
    /// its entry cell names): the trampoline exists and `n` is a trace, so
    /// nothing is checked ([`Jit::count_entry`] counts the entry once the
    /// caller makes it).
    ///
    /// # Safety
    /// Compiled code of this JIT is running, and `n` is a trace index (one
    /// an entry or loop cell named; traces are never removed).
    #[inline(always)]
    pub unsafe fn running_entry(&self, n: usize) -> (EnterFn, usize, usize, usize) {
        debug_assert!(self.trampoline.is_some() && n < self.traces.len());
        // SAFETY: the caller's contract: compiled code ran, so the
        // trampoline was built, and `n` (so its root) is in `traces`.
        let (tramp, root) = unsafe {
            let tramp = self.trampoline.as_ref().unwrap_unchecked().1;
            let root = self.traces.get_unchecked(self.traces.get_unchecked(n).root);
            (tramp, root)
        };
        root_entry(tramp, root)
    }

    /// Counts an entry into compiled code looked up with [`Jit::running_entry`].
    #[inline]
    pub fn count_entry(&mut self) {
        self.stats.entries += 1;
    }

    /// Counts an exit that ended a function trace at its `Return`, which
    /// the interpreter handled without [`Jit::on_exit`] (see
    /// `ExitInfo::return_src`).
    #[inline]
    pub fn count_return_exit(&mut self) {
        self.stats.exits += 1;
    }

    /// Counts an entry into loop `n` from the interpreter; returns false when
    /// the loop turned out not to pay (it runs too few iterations per entry
    /// to win back the cost of entering and leaving): it is then unlinked
    /// and the interpreter runs it from now on.
    #[inline]
    pub fn profitable_entry(&mut self, n: usize) -> bool {
        let t = &self.traces[n];
        let entries = t.entries.get() + 1;
        t.entries.set(entries);
        if !entries.is_multiple_of(PROFIT_CHECK_ENTRIES) || t.hot_cell.is_null() {
            return true;
        }
        self.check_profit(n, entries)
    }

    /// [`Jit::profitable_entry`]'s periodic check (out of line: entering a
    /// loop is on the interpreter's hot path).
    #[cold]
    #[inline(never)]
    fn check_profit(&mut self, n: usize, entries: u64) -> bool {
        let t = &self.traces[n];
        let iterations = t.words.iterations.load(Ordering::Relaxed);
        log::debug!(target: "jit", "loop {n}: {iterations} iterations in {entries} entries");
        if iterations * ITERATIONS_PER_ENTRY_DIVISOR >= entries * ITERATIONS_PER_ENTRY_TIMES {
            return true;
        }
        // SAFETY: the cell belongs to the loop's code object, which the
        // trace keeps alive (it is the trace's anchor root).
        let cell = unsafe { &*t.hot_cell };
        let mut c = cell.get();
        c[TRACE] = 0;
        c[ABORTS] = MAX_ABORTS;
        cell.set(c);
        self.stats.unprofitable += 1;
        log::debug!(target: "jit", "loop {n} unlinked: {iterations} iterations in {entries} entries");
        false
    }

    /// Decodes the exit compiled code returned.
    ///
    /// # Safety
    /// `info` must be what a trace of this JIT returned.
    #[inline(always)]
    pub unsafe fn on_exit(&mut self, info: *const ExitInfo) -> ExitAction {
        let info = &*info;
        self.stats.exits += 1;
        let hits = info.hits.get() + 1;
        info.hits.set(hits);
        let t = &self.traces[info.trace];
        let snap = info.snap as usize;
        let snapshot = &t.trace.snapshots[snap];
        let kind = snapshot.kind;
        if kind == ExitKind::Exception {
            self.stats.exception_exits += 1;
        }
        // Cheapest tests first: a hot exit is usually one that gave up on
        // bridges or is still warming up.
        let record_bridge = kind == ExitKind::Guard
            && info.bridge_aborts.get() < MAX_BRIDGE_ABORTS
            && hits >= self.config.threshold.clamp(1, 10)
            && self.recorder.is_none()
            && t.bridge_depth < MAX_BRIDGE_DEPTH
            && !t.retired
            && t.exit_slots[snap].load(Ordering::Relaxed) == t.default_exits[snap];
        ExitAction {
            kind,
            record_bridge,
            trace: info.trace,
            snap: info.snap,
            resume_pc: snapshot.pc,
            inlined_frames: snapshot.frames.len() > 1,
        }
    }

    /// Snapshot `snap` of trace `trace`.
    #[inline]
    pub fn snapshot(&self, trace: usize, snap: u32) -> &Snapshot {
        &self.traces[trace].trace.snapshots[snap as usize]
    }

    // ---- GC

    /// Marks every object compiled code or the recorder refers to.
    pub fn mark_roots(&self, t: &mut runtime::heap::Tracer) {
        for c in &self.traces {
            t.mark_all(&c.trace.roots);
            t.mark(c.anchor.0);
        }
        if let Some(rec) = &self.recorder {
            t.mark_all(rec.roots());
        }
    }

    /// Moves the direct calls compiled code counted (`direct_call.rs`)
    /// into the statistics: each is a trace entry, and each that returned
    /// at the callee's `Return` an exit (the others were counted as exits
    /// when the interpreter decoded them); likewise its inner-loop entries.
    fn count_direct_calls(&mut self) {
        // SAFETY: the interpreter's words outlive the JIT (set at
        // configuration, boxed); no compiled code runs now.
        if let Some(words) = unsafe { self.safepoint.vm.as_mut() } {
            let calls = std::mem::take(&mut words.direct_calls);
            self.stats.entries += calls;
            self.stats.exits += calls - std::mem::take(&mut words.direct_slow_exits);
        }
        // And the inner-loop entries (`run_loop.rs`).
        let loops = std::mem::take(&mut *self.loop_entries);
        self.stats.entries += loops.entries;
        self.stats.exits += loops.entries - loops.other_exits;
    }

    /// Flushes the log and prints statistics when asked.
    pub fn finish(&mut self) {
        if let Some(out) = self.log.as_mut() {
            let _ = out.flush();
        }
        if self.config.stats {
            self.stats.main_thread = stats::thread_usage();
            self.count_direct_calls();
            eprint!("{}", self.stats.report());
        }
    }
}
