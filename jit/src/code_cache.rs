//! Compiled traces: the machine code of one trace with its exit slots and
//! exit descriptors ([`TraceCode`], built on either thread), and what the
//! main thread keeps about it once installed ([`CompiledTrace`]).

use crate::asm::{self, AsmTargets, SafepointWords};
use crate::code_heap::CodeBlock;
use crate::exits::ExitInfo;
use crate::ir::Trace;
use crate::recorder::FUNCTION_ANCHOR;
use crate::run_loop::InnerLoops;
use crate::snapshot::ExitKind;
use frontend::bytecode::Op;
use runtime::object::{downcast, CodeObj};
use runtime::Value;
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// Words shared by every version of one loop's code: the root trace, its
/// optimized replacement and all their bridges.
#[derive(Clone, Debug, Default)]
pub struct LoopWords {
    /// The loop's entry slot: the interpreter enters through it, and every
    /// `LoopBack` that does not close its own loop jumps through it.
    /// Installing an optimized root is one store here.
    pub loop_slot: Arc<AtomicUsize>,
    /// Loop iterations run in compiled code (bumped at every loop header).
    pub iterations: Arc<AtomicU64>,
}

/// A trace assembled with its exit tables: plain owned data (`Send`), so
/// the worker thread can build it and hand it to the main thread. Nothing
/// here moves once built: the code embeds the addresses of the boxed exit
/// slots and exit descriptors.
pub struct TraceCode {
    /// The trace the code was assembled from (snapshots are read at exits;
    /// under `--jit=full` the raw trace is shared with its worker job).
    pub trace: Arc<Trace>,
    /// The machine code (read + execute; never writable again).
    pub buffer: CodeBlock,
    /// Address of the first instruction (the loop header for roots).
    pub entry: usize,
    /// Per snapshot: where its guard jumps (default exit, or a bridge).
    pub exit_slots: Box<[AtomicUsize]>,
    /// Per snapshot: the address of its default exit (no bridge attached).
    pub default_exits: Vec<usize>,
    /// Per snapshot: the descriptor its default exit returns.
    pub exit_infos: Box<[ExitInfo]>,
}

impl TraceCode {
    /// Assembles `trace` for the loop whose shared words are `words`, with
    /// exit descriptors naming trace number `index` (the worker does not
    /// know the number yet: [`TraceCode::set_index`] fixes it at install).
    /// `optimized` traces go through the register-allocating backend;
    /// `inner` are the inner loops its code may enter directly.
    pub fn build(
        trace: Arc<Trace>,
        index: usize,
        words: &LoopWords,
        safepoint: SafepointWords,
        inner: &InnerLoops,
        optimized: bool,
    ) -> Result<TraceCode, String> {
        Self::assemble(trace, index, words, safepoint, inner, optimized)?.place()
    }

    /// [`TraceCode::build`] without placing the code in executable memory
    /// (the worker thread's part; the main thread places it).
    pub fn assemble(
        trace: Arc<Trace>,
        index: usize,
        words: &LoopWords,
        safepoint: SafepointWords,
        inner: &InnerLoops,
        optimized: bool,
    ) -> Result<UnplacedCode, String> {
        let n = trace.snapshots.len();
        let exit_slots: Box<[AtomicUsize]> = (0..n).map(|_| AtomicUsize::new(0)).collect();
        let exit_infos: Box<[ExitInfo]> = trace
            .snapshots
            .iter()
            .enumerate()
            .map(|(k, s)| ExitInfo::of_snapshot(index, k as u32, s))
            .collect();
        let targets = AsmTargets {
            iterations: &words.iterations,
            exit_slots: &exit_slots,
            exit_infos: &exit_infos,
            loop_slot: &words.loop_slot,
            safepoint,
            inner_loops: inner,
        };
        let code = if optimized {
            asm::assemble_optimized_bytes(&trace, &targets)?
        } else {
            asm::assemble_bytes(&trace, &targets)?
        };
        Ok(UnplacedCode {
            trace,
            code,
            exit_slots,
            exit_infos,
        })
    }

    /// Makes the exit descriptors name trace number `index` (before the
    /// code first runs).
    pub fn set_index(&mut self, index: usize) {
        for info in self.exit_infos.iter_mut() {
            info.trace = index;
        }
    }
}

/// A trace assembled with its exit tables but not yet in executable memory:
/// what the worker thread hands back (it never maps memory itself, see
/// [`asm::AssembledBytes`]).
pub struct UnplacedCode {
    /// The trace the code was assembled from.
    pub trace: Arc<Trace>,
    /// The code's bytes and offsets.
    pub code: asm::AssembledBytes,
    /// Per snapshot: where its guard jumps (filled when placed).
    pub exit_slots: Box<[AtomicUsize]>,
    /// Per snapshot: the descriptor its default exit returns.
    pub exit_infos: Box<[ExitInfo]>,
}

impl UnplacedCode {
    /// Copies the code into fresh read + execute pages and points every exit
    /// slot at its default exit (on the main thread, before the code runs).
    pub fn place(self) -> Result<TraceCode, String> {
        let code = self.code.place()?;
        let default_exits: Vec<usize> = code
            .default_exits
            .iter()
            .map(|off| code.buffer.ptr(*off) as usize)
            .collect();
        for (slot, &addr) in self.exit_slots.iter().zip(&default_exits) {
            slot.store(addr, Ordering::Release);
        }
        let entry = code.buffer.ptr(code.entry) as usize;
        Ok(TraceCode {
            trace: self.trace,
            buffer: code.buffer,
            entry,
            exit_slots: self.exit_slots,
            default_exits,
            exit_infos: self.exit_infos,
        })
    }
}

/// What the main thread keeps about one installed trace. Entries of the
/// JIT's trace table are never removed (exit descriptors and snapshots stay
/// readable); a replaced trace's machine code is freed at a safepoint.
pub struct CompiledTrace {
    /// The trace (snapshots are read at exits); shared with the worker's
    /// job, which reads it while the raw code runs.
    pub trace: Arc<Trace>,
    /// The machine code; None once the trace was replaced and its code freed.
    pub buffer: Option<CodeBlock>,
    /// Address of the first instruction (the loop header for roots).
    pub entry: usize,
    /// Per snapshot: where its guard jumps (default exit, or a bridge).
    pub exit_slots: Box<[AtomicUsize]>,
    /// Per snapshot: the address of its default exit (no bridge attached).
    pub default_exits: Vec<usize>,
    /// Per snapshot: the descriptor its default exit returns.
    pub exit_infos: Box<[ExitInfo]>,
    /// The loop's shared words (entry slot, iteration counter).
    pub words: LoopWords,
    /// The loop's first root trace (its index names the loop: hot counters,
    /// `run_loop` and bridges' roots refer to it).
    pub root: usize,
    /// The loop's anchor: its `CodeObj` and `JumpBack` pc.
    pub anchor: (Value, u32),
    /// 0 for a root trace, parent's + 1 for a bridge.
    pub bridge_depth: u32,
    /// A bridge: the exits (trace, snapshot) whose slots lead to it. At
    /// first its parent's exit; when an optimized trace replaces the parent,
    /// the replacement's exits with the same resume state (the bridge
    /// moves instead of being recorded again). Empty for roots.
    pub attached: Vec<(usize, u32)>,
    /// Bridges attached to this trace's exits (may name bridges that moved
    /// on or retired since: their `attached` says).
    pub bridges: Vec<usize>,
    /// The loop's first root: entries from the interpreter.
    pub entries: Cell<u64>,
    /// The loop's first root: the hot-counter cell of its `JumpBack` (null
    /// otherwise).
    pub hot_cell: *const Cell<[u64; 3]>,
    /// This is the optimizer's version of a trace (under `--jit=full` or
    /// `--jit=sync`).
    pub optimized: bool,
    /// Replaced by an optimized version, or a bridge of a replaced trace:
    /// no new bridges, no installs through it; its code is freed once no
    /// compiled code runs.
    pub retired: bool,
    /// When the code was installed (for install latency).
    pub installed_at: Instant,
    /// Set when the trace retires, so a worker job for it is skipped.
    pub cancel: Option<Arc<AtomicBool>>,
}

impl CompiledTrace {
    /// The main thread's record of `code`, installed as trace `root`'s loop
    /// (or one of its bridges).
    pub fn new(code: TraceCode, root: usize, anchor: (Value, u32), words: LoopWords) -> Self {
        let mut code = code;
        if anchor.1 == FUNCTION_ANCHOR {
            mark_function_returns(&code.trace, &mut code.exit_infos);
        }
        CompiledTrace {
            trace: code.trace,
            buffer: Some(code.buffer),
            entry: code.entry,
            exit_slots: code.exit_slots,
            default_exits: code.default_exits,
            exit_infos: code.exit_infos,
            words,
            root,
            anchor,
            bridge_depth: 0,
            attached: Vec::new(),
            bridges: Vec::new(),
            entries: Cell::new(0),
            hot_cell: std::ptr::null(),
            optimized: false,
            retired: false,
            installed_at: Instant::now(),
            cancel: None,
        }
    }

    /// Size of the machine code in bytes (0 once freed).
    pub fn code_bytes(&self) -> usize {
        self.buffer.as_ref().map_or(0, |b| b.len())
    }
}

/// Marks the exits of a function trace (or of one of its bridges) that end
/// it: a `LoopDone` exit in the root frame resumes at that frame's
/// `Return` (`Recorder::finish_function`), whose source slot the exit
/// descriptor then names ([`ExitInfo::return_src`]). Runs on the main
/// thread at install, before the code first runs, as it reads the code
/// object (the worker never reads the heap).
fn mark_function_returns(trace: &Trace, infos: &mut [ExitInfo]) {
    for (info, snap) in infos.iter_mut().zip(&trace.snapshots) {
        if snap.kind != ExitKind::LoopDone || snap.frames.len() != 1 {
            continue;
        }
        let Some(code) = downcast::<CodeObj>(snap.frames[0].code) else {
            continue;
        };
        if let Some(&Op::Return { src }) = code.code.ops.get(snap.pc as usize) {
            info.return_src = src as u32;
        }
    }
}
