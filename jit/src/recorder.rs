//! The trace recorder: follows the interpreter through one loop iteration and
//! emits trace IR.
//!
//! The interpreter calls [`Recorder::record`] before it runs each instruction,
//! with a view of the running frame. The recorder looks at the concrete values
//! in the slots to decide what to specialise on, emits guards (each with a
//! snapshot) and operations, and says what instruction must come next; if the
//! interpreter goes somewhere else (an exception, an unexpected path) the
//! recording aborts. Calls to plain Python functions are inlined; other calls
//! become runtime calls, and the recorder skips the instructions the
//! interpreter runs inside them.

use crate::helpers::Helper;
use crate::ir::*;
use crate::loop_slots::SlotMask;
use crate::snapshot::{ExitKind, SnapFrame, Snapshot};
use frontend::bytecode::Op;
use runtime::object::{downcast, CodeObj};
use runtime::{Runtime, Value};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

/// Abort reason when the loop ended before one iteration was recorded (not
/// held against the loop: recording starts again at its next back-edge).
pub const LOOP_ENDED: &str = "loop ended before one iteration was recorded";

/// The anchor pc of a function trace (recorded from a function's entry, not
/// a loop's `JumpBack`): a root trace or bridge with this anchor ends at the
/// function's `Return` instead of a back-edge.
pub const FUNCTION_ANCHOR: u32 = u32::MAX;

/// Longest trace the recorder builds (instructions); longer ones abort.
pub const MAX_TRACE_INSTS: usize = 3000;
/// Back-edges of inner loops without a trace of their own that one recording
/// follows (unrolling those iterations into the trace, as LuaJIT does for
/// short inner loops) before it gives up.
pub const MAX_UNROLLED_ITERATIONS: u32 = 16;
/// Deepest call inlining.
pub const MAX_INLINE_DEPTH: usize = 6;

/// What the interpreter shows the recorder before each instruction.
pub struct FrameView<'a> {
    /// The whole value stack.
    pub stack: &'a [Value],
    /// Stack index of the running frame's slot 0.
    pub base: usize,
    /// Number of interpreter frames (the running one included).
    pub depth: usize,
    /// The running `CodeObj`.
    pub code: Value,
    /// The running function (EMPTY for module code).
    pub func: Value,
    /// The running frame's module.
    pub module: Value,
    /// The instruction about to run.
    pub pc: usize,
}

/// What recording one instruction led to.
pub enum RecordStep {
    /// Keep recording.
    Continue,
    /// The loop closed: here is the trace.
    Done(Box<Trace>),
    /// Recording stopped; the reason is for statistics and logs.
    Abort(String),
}

/// A frame the recorder is inside (the loop's own frame first).
#[derive(Clone, Debug)]
pub(crate) struct RecFrame {
    pub code: Value,
    pub func: Value,
    pub module: Value,
    /// Slot 0 relative to the loop frame's slot 0.
    pub base: i32,
    /// Return slot relative to the loop frame's slot 0.
    pub ret_slot: i32,
    /// The caller's pc after the call (unused for the loop frame).
    pub return_pc: u32,
    /// For an inlined `__init__`: the new instance (held in the frame's slot
    /// 0, which the `__init__` never rebinds), returned instead of None.
    pub init_self: Option<Ref>,
    /// For a generator resumed by a `for` loop in the frame below: the slot
    /// holding the generator (relative to the loop frame's slot 0).
    pub generator: Option<i32>,
}

impl RecFrame {
    /// The root trace's own frame: the one `view` shows, at slot 0.
    fn root(view: &FrameView) -> RecFrame {
        RecFrame {
            code: view.code,
            func: view.func,
            module: view.module,
            base: 0,
            ret_slot: 0,
            return_pc: 0,
            init_self: None,
            generator: None,
        }
    }
}

/// An inner loop the trace runs through its own compiled trace; the
/// interpreter runs it while recording, and the recorder skips it.
pub(crate) struct InnerLoop {
    /// Interpreter depth of the loop's frame.
    pub depth: usize,
    /// The loop's header and `JumpBack` pcs.
    pub header: u32,
    pub jump_back: u32,
    /// The `RunLoop` call and its exit-pc operand (patched when known).
    pub call: Ref,
    pub exit_pc: Ref,
}

/// A truthiness test whose direction is known only after the interpreter ran it.
struct PendingBranch {
    truth: Ref,
    jump_if: bool,
    target: u32,
    fallthrough: u32,
}

/// Recording state for one trace.
pub struct Recorder {
    pub(crate) kind: TraceKind,
    /// The loop's `JumpBack`: where a root trace closes and bridges rejoin.
    pub(crate) anchor_code: Value,
    pub(crate) anchor_pc: u32,
    /// A function trace (anchor [`FUNCTION_ANCHOR`]): it ends at the `Return`
    /// of its root frame.
    pub(crate) function: bool,
    /// Interpreter frame count in the loop's frame.
    pub(crate) anchor_depth: usize,
    pub(crate) insts: Vec<Inst>,
    pub(crate) snapshots: Vec<Snapshot>,
    pub(crate) origins: Vec<Origin>,
    pub(crate) roots: Vec<Value>,
    pub(crate) frames: Vec<RecFrame>,
    /// (interpreter depth, pc) the next instruction must have.
    pub(crate) expect: Option<(usize, u32)>,
    pending: Option<PendingBranch>,
    /// Skip instructions run deeper than this depth (inside a called function).
    pub(crate) skip_above: Option<usize>,
    /// Skip the inner loop the interpreter is running.
    pub(crate) inner_loop: Option<InnerLoop>,
    /// Inner-loop back-edges followed so far (see [`MAX_UNROLLED_ITERATIONS`]).
    pub(crate) unrolled: u32,
    /// Known machine bool of a boxed bool IR value.
    pub(crate) bool_of: FxHashMap<Ref, Ref>,
    pub(crate) cur_origin: u32,
    pub(crate) extent: i32,
    pub(crate) max_inline: usize,
    /// Record-time forwarding: the IR value each slot holds since the trace
    /// last stored it (loads of it reuse that value instead of reading memory).
    pub(crate) slot_values: FxHashMap<i32, Ref>,
    /// Known unboxed int of a boxed IR value (its tag is already checked).
    pub(crate) int_of: FxHashMap<Ref, Ref>,
    /// Known unboxed double of a boxed IR value.
    pub(crate) float_of: FxHashMap<Ref, Ref>,
    /// Tuples the trace builds each time from constants (`(int, float)`):
    /// their items.
    pub(crate) const_tuples: FxHashMap<Ref, Vec<Value>>,
    /// Instances whose map and class version are already guarded: the map.
    pub(crate) guarded_maps: FxHashMap<Ref, u64>,
    /// Version words already guarded (until Python code may have run).
    pub(crate) guarded_words: Vec<u64>,
    /// Guards already made: (kind, value, constant).
    pub(crate) guards_made: FxHashSet<(u8, Ref, u64)>,
    /// Modules whose globals are written inside the loop: no folding there.
    pub(crate) unfolded_modules: Vec<Value>,
    pub(crate) builtins: Value,
    /// Each frame code's dead slots before each of its instructions
    /// (`loop_slots::dead_before`), once a snapshot needs them.
    dead_at: Vec<(u64, std::rc::Rc<[SlotMask]>)>,
}

impl Recorder {
    /// Starts a root trace at a loop header; `view` is the loop's frame about
    /// to run the header instruction, `anchor_pc` its `JumpBack`.
    pub fn start_root(rt: &Runtime, view: &FrameView, anchor_pc: u32) -> Recorder {
        let mut r = Recorder::empty(rt, TraceKind::Root, view, anchor_pc, view.depth);
        r.frames.push(RecFrame::root(view));
        r.note_global_stores(rt, view.code, view.module, view.pc as u32, anchor_pc);
        r.expect = Some((view.depth, view.pc as u32));
        r.set_origin(view.pc as u32);
        let snap = r.snapshot(view.pc as u32, ExitKind::Safepoint);
        r.push(Opcode::LoopHeader, Type::Void, Some(snap));
        r
    }

    /// Starts a function trace at a function's entry; `view` is the
    /// function's fresh frame about to run pc 0. The trace ends at the
    /// frame's `Return` (`Recorder::finish_function`).
    pub fn start_function(rt: &Runtime, view: &FrameView) -> Recorder {
        let mut r = Recorder::empty(rt, TraceKind::Root, view, FUNCTION_ANCHOR, view.depth);
        r.frames.push(RecFrame::root(view));
        // Globals the function writes anywhere become mutable before
        // anything is recorded (see `record_global`).
        r.note_global_stores(rt, view.code, view.module, 1, 0);
        r.expect = Some((view.depth, view.pc as u32));
        r
    }

    /// Starts a bridge at an exit of trace `parent`: the interpreter has
    /// rebuilt the frames of `snap` and is about to run `snap.pc`.
    #[allow(clippy::too_many_arguments)]
    pub fn start_bridge(
        rt: &Runtime,
        parent: usize,
        exit: u32,
        snap: &Snapshot,
        anchor_code: Value,
        anchor_pc: u32,
        anchor_depth: usize,
        view: &FrameView,
    ) -> Recorder {
        let kind = TraceKind::Bridge { parent, exit };
        let mut r = Recorder::empty(rt, kind, view, anchor_pc, anchor_depth);
        r.anchor_code = anchor_code;
        for (i, f) in snap.frames.iter().enumerate() {
            let init_self = f.init_self.then(|| r.load_rel(f.base));
            // A snapshot keeps a callee's return pc in its caller's entry.
            let return_pc = if i == 0 { 0 } else { snap.frames[i - 1].pc };
            r.frames.push(RecFrame {
                code: f.code,
                func: f.func,
                module: f.module,
                base: f.base,
                ret_slot: f.ret_slot,
                return_pc,
                init_self,
                generator: f.generator,
            });
            r.roots.extend([f.code, f.func, f.module]);
            r.extent = r.extent.max(f.base + code_of(f.code).code.nslots as i32);
        }
        r.max_inline = snap.frames.len() - 1;
        let root = &snap.frames[0];
        r.note_global_stores(rt, root.code, root.module, 0, anchor_pc);
        r.expect = Some((view.depth, snap.pc));
        r
    }

    fn empty(
        rt: &Runtime,
        kind: TraceKind,
        view: &FrameView,
        anchor_pc: u32,
        anchor_depth: usize,
    ) -> Recorder {
        // Sized for a typical trace up front: growing a table from empty
        // rehashes or copies it at every doubling.
        let map = |n: usize| FxHashMap::with_capacity_and_hasher(n, Default::default());
        let mut roots = Vec::with_capacity(32);
        roots.extend([view.code, view.func, view.module]);
        Recorder {
            kind,
            anchor_code: view.code,
            anchor_pc,
            function: anchor_pc == FUNCTION_ANCHOR,
            anchor_depth,
            insts: Vec::with_capacity(256),
            snapshots: Vec::with_capacity(64),
            origins: Vec::with_capacity(16),
            roots,
            frames: Vec::new(),
            expect: None,
            pending: None,
            skip_above: None,
            inner_loop: None,
            unrolled: 0,
            bool_of: map(16),
            cur_origin: 0,
            extent: code_of(view.code).code.nslots as i32,
            max_inline: 0,
            unfolded_modules: Vec::new(),
            slot_values: FxHashMap::with_capacity_and_hasher(64, Default::default()),
            int_of: map(32),
            const_tuples: FxHashMap::default(),
            float_of: FxHashMap::default(),
            guarded_maps: FxHashMap::default(),
            guarded_words: Vec::new(),
            guards_made: FxHashSet::with_capacity_and_hasher(64, Default::default()),
            builtins: rt.builtins,
            dead_at: Vec::new(),
        }
    }

    /// Globals the loop body writes: made mutable before anything is
    /// recorded, and a `del` unfolds the module (`record_global`).
    pub(crate) fn note_global_stores(
        &mut self,
        rt: &Runtime,
        code: Value,
        module: Value,
        from: u32,
        to: u32,
    ) {
        crate::record_global::note_global_writes(self, Some(rt), (code, module), from, to);
    }

    /// May a call of `code` be inlined although `code` is being recorded?
    /// Only a function trace's call of its own function, made from its root
    /// frame or the level inlined there (every recorded frame is the
    /// function's): the trace then covers three levels of the recursion per
    /// entry (the deepest level's recursive calls go through the `call`
    /// helper, a direct call of the trace again), cutting the entries and
    /// exits. (Deeper, bridges outgrow the stack their trace reserved.)
    pub(crate) fn inlines_own_recursion(&self, code: Value) -> bool {
        self.function && self.frames.len() <= 2 && self.frames.iter().all(|f| f.code == code)
    }

    /// Is the recorder skipping instructions (inside an inner loop or a call
    /// the trace makes through the runtime)?
    pub fn skipping(&self) -> bool {
        self.inner_loop.is_some() || self.skip_above.is_some()
    }

    /// Does the recorder skip every instruction of a frame `depth` deep (the
    /// interpreter frame count with it on top)? Frames above a call the
    /// trace makes through the runtime, or above the inner loop it runs
    /// compiled: the interpreter runs them outside the recording loop.
    #[inline]
    pub fn skips_frame(&self, depth: usize) -> bool {
        self.skip_above.is_some_and(|d| depth > d)
            || self.inner_loop.as_ref().is_some_and(|l| depth > l.depth)
    }

    /// Is `pc` (in the loop's own frame) inside the recorded loop, between its
    /// header and its back-edge?
    fn in_anchor_loop(&self, pc: u32) -> bool {
        (self.anchor_header()..=self.anchor_pc).contains(&pc)
    }

    /// The recorded loop's header: where its back-edge jumps.
    pub(crate) fn anchor_header(&self) -> u32 {
        // A function trace has no anchor instruction.
        match code_of(self.anchor_code)
            .code
            .ops
            .get(self.anchor_pc as usize)
        {
            Some(&Op::JumpBack { target }) => target,
            _ => 0,
        }
    }

    /// Values the GC must keep alive while recording.
    pub fn roots(&self) -> &[Value] {
        &self.roots
    }

    /// Records the instruction `op` the interpreter is about to run.
    /// `loop_extent(n)` is the extent of compiled loop `n` (for inner loops).
    pub fn record(
        &mut self,
        rt: &Runtime,
        view: &FrameView,
        op: Op,
        loop_extent: &dyn Fn(usize) -> i32,
    ) -> RecordStep {
        if let Some(depth) = self.skip_above {
            if view.depth > depth {
                return RecordStep::Continue;
            }
            self.skip_above = None;
        }
        let pc = view.pc as u32;
        if let Some(inner) = &self.inner_loop {
            // A `Return` in the loop's frame ends the loop there (a parser's
            // `while True: ... if ch == "}": return result`): the trace goes
            // on at that `Return` (the inner trace's exits resuming there
            // carry on in it), not a recording that never sees the frame
            // again.
            let returns = matches!(op, Op::Return { .. });
            if view.depth > inner.depth
                || (view.depth == inner.depth
                    && !returns
                    && (inner.header..=inner.jump_back).contains(&pc))
            {
                return RecordStep::Continue;
            }
            let inner = self.inner_loop.take().expect("an inner loop");
            if view.depth < inner.depth {
                return RecordStep::Abort("returned from inside an inner loop".into());
            }
            // The trace goes on where the inner loop ended this time; the
            // inner trace must end there too, else the whole trace leaves.
            self.insts[inner.exit_pc as usize].op = Opcode::ConstInt(pc as i64);
            let snap = self.snapshot(pc, ExitKind::InnerLoop);
            self.push(Opcode::GuardTrue(inner.call), Type::Void, Some(snap));
            self.expect = Some((view.depth, pc));
        }
        if let Some(p) = self.pending.take() {
            self.resolve_branch(p, pc);
        }
        if let Some((depth, want)) = self.expect {
            if depth != view.depth || want != pc {
                // The loop ended at its header right away: nothing is wrong
                // with the loop, the recording just started on its last pass.
                let at_header =
                    self.kind == TraceKind::Root && !self.function && self.origins.len() <= 2;
                log::debug!(
                    target: "jit",
                    "left the recorded path: expected depth {depth} pc {want}, got depth {} pc {pc} in {}",
                    view.depth,
                    code_of(view.code).code.name
                );
                return RecordStep::Abort(if at_header {
                    LOOP_ENDED.into()
                } else {
                    "control flow left the recorded path".into()
                });
            }
        }
        if view.depth + 1 != self.anchor_depth + self.frames.len()
            || self.frames.last().map(|f| f.code) != Some(view.code)
        {
            return RecordStep::Abort("frame mismatch".into());
        }
        if self.insts.len() > MAX_TRACE_INSTS {
            return RecordStep::Abort("trace too long".into());
        }
        if self.function && self.frames.len() == 1 && matches!(op, Op::Return { .. }) {
            // The function trace (or its bridge) is done: the interpreter
            // runs this `Return` after the trace leaves.
            self.set_origin(pc);
            return RecordStep::Done(self.finish_function(pc));
        }
        if self.kind == TraceKind::Root
            && !self.function
            && self.frames.len() == 1
            && !self.in_anchor_loop(pc)
        {
            // This pass left the loop (its condition failed or it broke
            // out): the recording started on the loop's last pass. Give up
            // now, before recording the code after the loop, and try again.
            return RecordStep::Abort(LOOP_ENDED.into());
        }
        self.set_origin(pc);
        self.expect = Some((view.depth, pc + 1));
        match crate::record_op::record_op(self, rt, view, op, loop_extent) {
            Ok(Some(trace)) => RecordStep::Done(trace),
            Ok(None) => RecordStep::Continue,
            Err(reason) => RecordStep::Abort(reason),
        }
    }

    /// Emits the guard for a truthiness test now that the path is known.
    fn resolve_branch(&mut self, p: PendingBranch, pc: u32) {
        let jumped = pc == p.target;
        let (op, resume) = if jumped == p.jump_if {
            // The test came out true.
            (
                Opcode::GuardTrue(p.truth),
                if jumped { p.fallthrough } else { p.target },
            )
        } else {
            (
                Opcode::GuardFalse(p.truth),
                if jumped { p.fallthrough } else { p.target },
            )
        };
        let snap = self.snapshot(resume, ExitKind::Guard);
        self.push(op, Type::Void, Some(snap));
    }

    pub(crate) fn defer_branch(
        &mut self,
        truth: Ref,
        jump_if: bool,
        target: u32,
        fallthrough: u32,
    ) {
        self.pending = Some(PendingBranch {
            truth,
            jump_if,
            target,
            fallthrough,
        });
        self.expect = None;
    }

    // ---- emission

    pub(crate) fn set_origin(&mut self, pc: u32) {
        let code = self.frames.last().map_or(self.anchor_code, |f| f.code);
        self.origins.push(Origin {
            code,
            pc,
            depth: self.frames.len().saturating_sub(1) as u32,
        });
        self.cur_origin = self.origins.len() as u32 - 1;
    }

    pub(crate) fn push(&mut self, op: Opcode, ty: Type, snap: Option<u32>) -> Ref {
        self.insts.push(Inst {
            op,
            ty,
            snap,
            origin: self.cur_origin,
        });
        self.insts.len() as Ref - 1
    }

    pub(crate) fn emit(&mut self, op: Opcode, ty: Type) -> Ref {
        self.push(op, ty, None)
    }

    /// A guard that resumes at `pc` of the current frame when it fails.
    pub(crate) fn guard(&mut self, op: Opcode, resume_pc: u32) -> Ref {
        // IR values never change, so a guard already made on the same value
        // holds for the rest of the trace.
        if let Some(key) = op.guard_key() {
            // A constant (a folded builtin call's result) that passes
            // needs no check.
            let passes = match (op, self.insts[key.1 as usize].op) {
                (Opcode::GuardEq(..), Opcode::Const(c)) => c.to_bits() == key.2,
                (Opcode::GuardNe(..), Opcode::Const(c)) => c.to_bits() != key.2,
                _ => false,
            };
            if passes || !self.guards_made.insert(key) {
                return key.1;
            }
        }
        let snap = self.snapshot(resume_pc, ExitKind::Guard);
        self.push(op, Type::Void, Some(snap))
    }

    /// Guards that the word at `addr` (a class or module version tag) still
    /// holds `value`; once per trace until Python code may have run.
    pub(crate) fn guard_word(&mut self, addr: u64, value: u64, pc: u32) {
        if self.guarded_words.contains(&addr) {
            return;
        }
        self.guarded_words.push(addr);
        let w = self.emit(Opcode::LoadAbs(addr), Type::Word);
        self.guard(Opcode::GuardEq(w, value), pc);
    }

    /// Forgets layout and version guards: code that may change classes,
    /// modules or instance layouts may have run.
    pub(crate) fn forget_heap_guards(&mut self) {
        self.guarded_maps.clear();
        self.guarded_words.clear();
    }

    /// Snapshot of the recorder's frames, resuming at `pc` in the innermost.
    ///
    /// A guard's resume pc at a forward `Jump` (a `break`, the end of an
    /// `if` arm) resumes at the jump's target instead: the jump does
    /// nothing else, and a loop left by `break` then leaves at the pc an
    /// outer trace's `run_loop` goes on from (`ExitInfo::loop_exit_pc`), so
    /// the outer trace carries on in compiled code.
    pub(crate) fn snapshot(&mut self, pc: u32, kind: ExitKind) -> u32 {
        let pc = match (kind, self.frames.last()) {
            (ExitKind::Guard, Some(f)) => through_forward_jumps(&code_of(f.code).code.ops, pc),
            _ => pc,
        };
        let snap_frame = |i: usize, f: &RecFrame| SnapFrame {
            code: f.code,
            func: f.func,
            module: f.module,
            base: f.base,
            ret_slot: f.ret_slot,
            pc: self.frames.get(i + 1).map_or(0, |callee| callee.return_pc),
            init_self: f.init_self.is_some(),
            generator: f.generator,
        };
        // Consecutive snapshots mostly see the same frames: they share one
        // (immutable) list instead of allocating a copy each.
        let frames = match self.snapshots.last() {
            Some(last)
                if last.frames.iter().copied().eq(self
                    .frames
                    .iter()
                    .enumerate()
                    .map(|(i, f)| snap_frame(i, f))) =>
            {
                Arc::clone(&last.frames)
            }
            _ => self
                .frames
                .iter()
                .enumerate()
                .map(|(i, f)| snap_frame(i, f))
                .collect(),
        };
        let dead = self.dead_slots(pc);
        self.snapshots.push(Snapshot {
            frames,
            pc,
            kind,
            entries: Vec::new(),
            virtuals: Vec::new(),
            dead,
        });
        self.snapshots.len() as u32 - 1
    }

    /// The slots (relative to the root frame's slot 0) dead at a snapshot
    /// of the recorder's frames resuming at `pc`: in some frame's window,
    /// and not live in any frame (each frame's liveness taken before its
    /// instruction running: the innermost's at `pc`, a caller's at its
    /// call, whose handlers an exception unwinding there reaches). A
    /// generator's slot (the frames are rebuilt from it) is live.
    fn dead_slots(&mut self, pc: u32) -> SlotMask {
        let (mut covered, mut live): (SlotMask, SlotMask) = (0, 0);
        for (i, f) in self.frames.iter().enumerate() {
            let at = self
                .frames
                .get(i + 1)
                .map_or(pc, |callee| callee.return_pc.saturating_sub(1));
            let code = f.code;
            let key = code.to_bits();
            let k = match self.dead_at.iter().position(|(c, _)| *c == key) {
                Some(k) => k,
                None => {
                    let dead = crate::loop_slots::dead_before_cached(&code_of(code).code);
                    self.dead_at.push((key, dead));
                    self.dead_at.len() - 1
                }
            };
            let dead = self.dead_at[k].1.get(at as usize).copied().unwrap_or(0);
            if self.frames.len() == 1 {
                // The root frame alone: its dead slots are in its window.
                return dead;
            }
            let window = crate::loop_slots::window(f.base, code_of(code).code.nslots as i32);
            covered |= window;
            live |= window & !crate::loop_slots::shifted(dead, f.base);
            if let Some(g) = f.generator {
                live |= crate::loop_slots::window(g, 1);
            }
        }
        covered & !live
    }

    /// A boxed constant (objects become trace roots).
    pub(crate) fn konst(&mut self, v: Value) -> Ref {
        if v.is_ptr() {
            self.roots.push(v);
        }
        self.emit(Opcode::Const(v), Type::Val)
    }

    /// An unboxed integer constant.
    pub(crate) fn kint(&mut self, i: i64) -> Ref {
        self.emit(Opcode::ConstInt(i), Type::Int)
    }

    /// Slot `s` of the current frame, relative to the loop frame's slot 0.
    pub(crate) fn rel(&mut self, s: u16) -> i32 {
        let r = self.frames.last().map_or(0, |f| f.base) + s as i32;
        self.extent = self.extent.max(r + 1);
        r
    }

    pub(crate) fn load(&mut self, s: u16) -> Ref {
        let r = self.rel(s);
        self.load_rel(r)
    }

    /// Reads slot `r` (relative to the loop frame), reusing the value the
    /// trace last stored there.
    pub(crate) fn load_rel(&mut self, r: i32) -> Ref {
        if let Some(&v) = self.slot_values.get(&r) {
            return v;
        }
        let v = self.emit(Opcode::SlotLoad(r), Type::Val);
        self.slot_values.insert(r, v);
        v
    }

    pub(crate) fn store(&mut self, s: u16, v: Ref) {
        let r = self.rel(s);
        self.store_rel(r, v);
    }

    /// Writes slot `r` (relative to the loop frame). The store always runs,
    /// so the interpreter's stack is current at every exit.
    pub(crate) fn store_rel(&mut self, r: i32, v: Ref) {
        self.emit(Opcode::SlotStore(r, v), Type::Void);
        self.slot_values.insert(r, v);
    }

    /// Forgets what slots `from..=to` (relative) hold: a helper wrote them.
    pub(crate) fn forget_slots(&mut self, from: i32, to: i32) {
        self.slot_values.retain(|&s, _| s < from || s > to);
    }

    /// A runtime call; raising helpers get an exception snapshot at `pc`.
    pub(crate) fn call(&mut self, h: Helper, args: Vec<Ref>, pc: u32, ty: Type) -> Ref {
        let snap = h
            .may_raise()
            .then(|| self.snapshot(pc, ExitKind::Exception));
        if h.may_raise() || h == Helper::GlobalSet {
            // It may run Python code (or rebinds a global), which can change
            // layouts, classes and module versions.
            self.forget_heap_guards();
        }
        self.push(Opcode::Call(h, args.into()), ty, snap)
    }

    /// The finished function trace (or function-trace bridge), at the root
    /// frame's `Return` at `pc`: an unconditional exit (`guard_true` of a
    /// false constant) whose `LoopDone` snapshot resumes at the `Return`,
    /// which the interpreter then runs (popping the frame, `__init__`'s
    /// instance, a boundary frame's result). Every slot is stored by then in
    /// raw traces; an optimized trace writes its sunk stores in the exit
    /// stub. The `loop_back` after it is never reached: it keeps the shape
    /// every pass and backend expects of a trace's end.
    pub(crate) fn finish_function(&mut self, pc: u32) -> Box<Trace> {
        let never = self.emit(Opcode::ConstInt(0), Type::Bool);
        let snap = self.snapshot(pc, ExitKind::LoopDone);
        self.push(Opcode::GuardTrue(never), Type::Void, Some(snap));
        self.emit(Opcode::LoopBack, Type::Void);
        self.finish()
    }

    /// The finished trace.
    pub(crate) fn finish(&mut self) -> Box<Trace> {
        Box::new(Trace {
            kind: self.kind,
            insts: std::mem::take(&mut self.insts),
            snapshots: std::mem::take(&mut self.snapshots),
            origins: std::mem::take(&mut self.origins),
            roots: std::mem::take(&mut self.roots),
            extent: self.extent,
            max_inline_depth: self.max_inline,
            local_loop: false,
        })
    }
}

/// The pc execution reaches from `pc` through forward `Jump`s (each
/// moves it on, so this ends).
fn through_forward_jumps(ops: &[Op], mut pc: u32) -> u32 {
    while let Some(&Op::Jump { target }) = ops.get(pc as usize) {
        if target <= pc {
            break;
        }
        pc = target;
    }
    pc
}

/// The `CodeObj` behind a code value.
pub(crate) fn code_of(code: Value) -> &'static CodeObj {
    downcast::<CodeObj>(code).expect("a code object")
}
