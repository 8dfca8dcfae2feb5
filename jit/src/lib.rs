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
pub mod config;
pub mod ctx;
pub mod elidable;
pub mod exits;
pub mod helpers;
pub mod ir;
pub mod ir_parse;
pub mod ir_print;
pub mod layout;
pub mod opt;
mod record_iter;
mod record_op;
pub mod recorder;
pub mod regalloc;
pub mod snapshot;
pub mod stats;

use crate::asm::{EnterFn, SafepointWords};
use crate::code_cache::CompiledTrace;
use crate::exits::ExitInfo;
use crate::ir::TraceKind;
use crate::recorder::{FrameView, RecordStep, Recorder};
use crate::snapshot::{ExitKind, Snapshot};
pub use config::{JitConfig, JitMode, DEFAULT_THRESHOLD};
pub use ctx::JitCtx;
use dynasmrt::ExecutableBuffer;
use frontend::bytecode::Op;
use runtime::{Runtime, Value};
use std::cell::Cell;
use std::io::Write;
use std::time::Instant;

/// A loop whose recording aborted this many times is never traced again.
const MAX_ABORTS: u64 = 4;
/// Bridge recordings that may abort at one exit before it is left alone.
const MAX_BRIDGE_ABORTS: u32 = 3;
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
    trampoline: Option<(ExecutableBuffer, EnterFn)>,
    safepoint: SafepointWords,
    log: Option<Box<dyn Write>>,
}

/// Slots above the loop frame's slot 0 that loop `n` (the loop trace `n`
/// belongs to) and its bridges may use: its root's extent plus slack.
fn reserved_extent(traces: &[CompiledTrace], n: usize) -> i32 {
    traces[traces[n].root].trace.extent + EXTENT_SLACK
}

// The hot-counter cell of a `JumpBack` (its inline-cache entry):
// [0] back-edges counted, [1] compiled trace index + 1, [2] aborted recordings.
const COUNT: usize = 0;
const TRACE: usize = 1;
const ABORTS: usize = 2;

impl Jit {
    /// A JIT with `config`; compiled code polls `safepoint` at loop headers.
    pub fn new(config: JitConfig, safepoint: SafepointWords) -> Jit {
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
            trampoline: None,
            safepoint,
            log,
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

    // ---- hot counters

    /// Counts one back-edge of the loop whose `JumpBack` owns `cell`.
    #[inline]
    pub fn on_back_edge(&self, cell: &Cell<[u64; 3]>) -> BackEdge {
        let mut c = cell.get();
        if c[TRACE] != 0 {
            return BackEdge::Run(c[TRACE] as usize - 1);
        }
        if self.recorder.is_some() || c[ABORTS] >= MAX_ABORTS {
            return BackEdge::Interpret;
        }
        c[COUNT] += 1;
        cell.set(c);
        if c[COUNT] >= self.iterations_before_recording(c[ABORTS]) {
            BackEdge::Record
        } else {
            BackEdge::Interpret
        }
    }

    /// Back-edges a loop takes before it is recorded: each abort doubles them.
    fn iterations_before_recording(&self, aborts: u64) -> u64 {
        (self.config.threshold as u64) << aborts
    }

    /// Starts recording the loop whose header `view` is about to run.
    pub fn start_root(
        &mut self,
        rt: &Runtime,
        view: &FrameView,
        anchor_pc: u32,
        cell: &Cell<[u64; 3]>,
        exec_depth: usize,
    ) {
        self.recording_started = Instant::now();
        self.recorder = Some(Recorder::start_root(rt, view, anchor_pc));
        self.recording_cell = cell;
        self.recording_anchor = (view.code, anchor_pc);
        self.recording_exec_depth = exec_depth;
    }

    /// Records one instruction; returns false when the recording has ended
    /// (finished or aborted), so the interpreter goes back to plain dispatch.
    pub fn record(&mut self, rt: &Runtime, view: &FrameView, op: Op) -> bool {
        let Some(rec) = self.recorder.as_mut() else {
            return false;
        };
        let traces = &self.traces;
        let step = rec.record(rt, view, op, &|n| reserved_extent(traces, n));
        match step {
            RecordStep::Continue => true,
            RecordStep::Done(trace) => {
                self.install(trace);
                false
            }
            RecordStep::Abort(reason) => {
                self.abort(&reason);
                false
            }
        }
    }

    /// Stops the recording (e.g. an exception was raised while recording).
    pub fn abort(&mut self, reason: &str) {
        let Some(rec) = self.recorder.take() else {
            return;
        };
        self.stats.record_time += self.recording_started.elapsed();
        *self.stats.aborts.entry(reason.to_string()).or_default() += 1;
        log::debug!(target: "jit", "recording aborted: {reason}");
        match rec.kind {
            TraceKind::Root => {
                // SAFETY: the cell belongs to a code object the recorder kept
                // alive (it is in the recorder's roots until now).
                let cell = unsafe { &*self.recording_cell };
                let mut c = cell.get();
                if reason == recorder::LOOP_ENDED {
                    // Try again at the loop's next back-edge.
                    c[COUNT] = self
                        .iterations_before_recording(c[ABORTS])
                        .saturating_sub(1);
                    cell.set(c);
                    return;
                }
                c[ABORTS] += 1;
                c[COUNT] = 0;
                if c[ABORTS] == MAX_ABORTS {
                    self.stats.blacklisted += 1;
                }
                cell.set(c);
            }
            TraceKind::Bridge { parent, exit } => {
                let info = &self.traces[parent].exit_infos[exit as usize];
                info.bridge_aborts.set(info.bridge_aborts.get() + 1);
            }
        }
    }

    fn install(&mut self, trace: Box<ir::Trace>) {
        debug_assert_eq!(
            opt::verify::verify(&trace),
            Ok(()),
            "recorder made a malformed trace"
        );
        if let TraceKind::Bridge { .. } = trace.kind {
            let root = &self.traces[self.bridge_root].trace;
            if trace.extent > root.extent + EXTENT_SLACK
                || trace.max_inline_depth > root.max_inline_depth + DEPTH_SLACK
            {
                // Loop entry prepared the stack for the root's needs only.
                self.abort("bridge needs more stack than its loop reserved");
                return;
            }
        }
        let start = Instant::now();
        let index = self.traces.len();
        let (root, anchor, loop_slot) = match trace.kind {
            TraceKind::Root => (index, self.recording_anchor, None),
            TraceKind::Bridge { .. } => {
                let r = &self.traces[self.bridge_root];
                (self.bridge_root, r.anchor, Some(&*r.loop_slot))
            }
        };
        let title = match trace.kind {
            TraceKind::Root => format!("loop {index}"),
            TraceKind::Bridge { parent, exit } => {
                format!("bridge {index} from trace {parent} exit {exit}")
            }
        };
        let listing = (self.log.is_some() || log::log_enabled!(target: "jit", log::Level::Debug))
            .then(|| ir_print::print_trace(&trace, &title));
        let built = CompiledTrace::build(trace, index, root, anchor, loop_slot, self.safepoint);
        self.stats.compile_time += start.elapsed();
        let mut compiled = match built {
            Ok(c) => {
                self.recorder = None;
                self.stats.record_time += self.recording_started.elapsed();
                c
            }
            Err(reason) => {
                self.abort(&format!("compile: {reason}"));
                return;
            }
        };
        if let Some(text) = listing {
            log::debug!(target: "jit", "{text}");
            if let Some(out) = self.log.as_mut() {
                let _ = out.write_all(text.as_bytes());
            }
        }
        self.stats.guards += compiled.trace.guard_count() as u64;
        self.stats.code_bytes += compiled.code_bytes() as u64;
        match compiled.trace.kind {
            TraceKind::Root => {
                self.stats.loops += 1;
                compiled.hot_cell = self.recording_cell;
                // SAFETY: see `abort`.
                let cell = unsafe { &*self.recording_cell };
                let mut c = cell.get();
                c[TRACE] = index as u64 + 1;
                cell.set(c);
            }
            TraceKind::Bridge { parent, exit } => {
                self.stats.bridges += 1;
                compiled.bridge_depth = self.traces[parent].bridge_depth + 1;
                self.traces[parent].exit_slots[exit as usize]
                    .store(compiled.entry, std::sync::atomic::Ordering::Release);
            }
        }
        self.traces.push(compiled);
    }

    // ---- running compiled code

    /// The trampoline and the loop entry address for running trace `n`, and
    /// how many slots above the loop frame and frames beyond it it needs.
    pub fn entry(&mut self, n: usize) -> (EnterFn, usize, usize, usize) {
        let tramp = self.trampoline.get_or_insert_with(asm::build_trampoline).1;
        self.stats.entries += 1;
        let root = &self.traces[self.traces[n].root];
        let target = root.loop_slot.load(std::sync::atomic::Ordering::Acquire);
        (
            tramp,
            target,
            reserved_extent(&self.traces, n) as usize,
            root.trace.max_inline_depth + DEPTH_SLACK,
        )
    }

    /// Counts an entry into loop `n` from the interpreter; returns false when
    /// the loop turned out not to pay (it runs too few iterations per entry
    /// to win back the cost of entering and leaving): it is then unlinked
    /// and the interpreter runs it from now on.
    pub fn profitable_entry(&mut self, n: usize) -> bool {
        let t = &self.traces[n];
        let entries = t.entries.get() + 1;
        t.entries.set(entries);
        if !entries.is_multiple_of(PROFIT_CHECK_ENTRIES) || t.hot_cell.is_null() {
            return true;
        }
        let iterations = t.iterations.load(std::sync::atomic::Ordering::Relaxed);
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
    pub unsafe fn on_exit(&mut self, info: *const ExitInfo) -> ExitAction {
        let info = &*info;
        self.stats.exits += 1;
        info.hits.set(info.hits.get() + 1);
        let t = &self.traces[info.trace];
        let kind = t.trace.snapshots[info.snap as usize].kind;
        if kind == ExitKind::Exception {
            self.stats.exception_exits += 1;
        }
        let slot = &t.exit_slots[info.snap as usize];
        let unbridged =
            slot.load(std::sync::atomic::Ordering::Relaxed) == t.default_exits[info.snap as usize];
        let record_bridge = kind == ExitKind::Guard
            && self.recorder.is_none()
            && unbridged
            && info.hits.get() >= self.config.threshold.clamp(1, 10)
            && info.bridge_aborts.get() < MAX_BRIDGE_ABORTS
            && t.bridge_depth < MAX_BRIDGE_DEPTH;
        ExitAction {
            kind,
            record_bridge,
            trace: info.trace,
            snap: info.snap,
        }
    }

    /// Starts recording a bridge from exit (`trace`, `snap`); the interpreter
    /// has rebuilt the snapshot's frames and `view` shows the innermost.
    pub fn start_bridge(
        &mut self,
        rt: &Runtime,
        trace: usize,
        snap: u32,
        loop_depth: usize,
        view: &FrameView,
        exec_depth: usize,
    ) {
        let t = &self.traces[trace];
        let root = t.root;
        let (anchor_code, anchor_pc) = self.traces[root].anchor;
        let snapshot = &t.trace.snapshots[snap as usize];
        self.recorder = Some(Recorder::start_bridge(
            rt,
            trace,
            snap,
            snapshot,
            anchor_code,
            anchor_pc,
            loop_depth,
            view,
        ));
        self.bridge_root = root;
        self.recording_exec_depth = exec_depth;
        self.recording_started = Instant::now();
    }

    /// Snapshot `snap` of trace `trace`.
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

    /// Flushes the log and prints statistics when asked.
    pub fn finish(&mut self) {
        if let Some(out) = self.log.as_mut() {
            let _ = out.flush();
        }
        if self.config.stats {
            eprint!("{}", self.stats.report());
        }
    }
}
