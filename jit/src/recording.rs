//! Hot counters and a recording's life: when a loop, a function or an
//! exit starts recording, each instruction shown to the recorder, and how
//! a recording ends early (given up for hot code it keeps waiting, or
//! aborted, with back-off and blacklisting).

use super::*;

impl Jit {
    // ---- hot counters

    /// Counts one back-edge of the loop whose `JumpBack` owns `cell`.
    #[inline]
    pub fn on_back_edge(&mut self, cell: &Cell<[u64; 3]>) -> BackEdge {
        self.count_hot(cell)
    }

    /// One more run of the loop or function whose counter is `cell`: `Run`
    /// its trace, `Record` it now that it is hot, or `Interpret`.
    #[inline(always)]
    fn count_hot(&mut self, cell: &Cell<[u64; 3]>) -> BackEdge {
        let mut c = cell.get();
        if c[TRACE] != 0 {
            return BackEdge::Run(c[TRACE] as usize - 1);
        }
        if c[ABORTS] >= MAX_ABORTS {
            return BackEdge::Interpret;
        }
        if self.recorder.is_some() {
            return self.hot_while_recording(cell);
        }
        c[COUNT] += 1;
        cell.set(c);
        if c[COUNT] >= self.iterations_before_recording(c[ABORTS]) {
            BackEdge::Record
        } else {
            BackEdge::Interpret
        }
    }

    /// [`Jit::count_hot`] while a recording runs (in code it skips: a call
    /// made through the runtime, or an inner loop's trace leaving to the
    /// interpreter). The loop or function is not counted; when it would be
    /// recorded now, that is one more denial, and past
    /// [`HOT_DENIALS_BEFORE_GIVING_UP`] the recording gives up and this one
    /// is recorded instead.
    #[cold]
    #[inline(never)]
    fn hot_while_recording(&mut self, cell: &Cell<[u64; 3]>) -> BackEdge {
        let c = cell.get();
        if c[COUNT] + 1 < self.iterations_before_recording(c[ABORTS]) {
            return BackEdge::Interpret;
        }
        self.hot_denials += 1;
        if self.hot_denials < HOT_DENIALS_BEFORE_GIVING_UP {
            return BackEdge::Interpret;
        }
        self.give_up_recording();
        BackEdge::Record
    }

    /// Ends the recording without counting it as an abort of its loop,
    /// function or exit: it ran long in a call it skips (see
    /// [`Jit::hot_while_recording`]). Its loop or function stays hot and
    /// its exit keeps its hits: each is recorded again at its next run
    /// outside a recording. (Counting from zero instead would make a
    /// recursion's deeper recording, started at once, deaf to the denials
    /// of its own function.)
    fn give_up_recording(&mut self) {
        if self.recorder.take().is_none() {
            return;
        }
        self.stats.record_time += self.recording_started.elapsed();
        self.stats.given_up += 1;
        log::debug!(target: "jit", "recording given up: a call it skips ran hot code too long");
    }

    /// A hot loop the interpreter chose not to record now (see
    /// `Interpreter::leave_loop_to_resuming_for`): it counts from zero again,
    /// so the question comes back only after another threshold's worth of
    /// back-edges, not at every one.
    pub fn postpone_recording(&self, cell: &Cell<[u64; 3]>) {
        let mut c = cell.get();
        c[COUNT] = 0;
        cell.set(c);
    }

    /// Counts one entry of a function by the interpreter (its frame was just
    /// pushed, at pc 0) in the code's entry cell (`CodeObj::entry`, laid out
    /// like a loop's counter). A function whose code holds a loop is traced
    /// from its entry too: its loop is an inner loop of the function trace,
    /// run by the loop's own trace (`run_loop`).
    #[inline]
    pub fn on_function_entry(&mut self, code: &CodeObj) -> BackEdge {
        match self.count_hot(&code.entry) {
            BackEdge::Record => self.function_traceable(code),
            other => other,
        }
    }

    /// Does the JIT watch entries of `code` (it has a function trace, or
    /// its entries are still counted)? False for a function given up on
    /// (blacklisted, or not a plain function): the interpreter's call path
    /// then pays one load and compare.
    #[inline(always)]
    pub fn entry_watched(code: &CodeObj) -> bool {
        let c = code.entry.get();
        c[TRACE] != 0 || c[ABORTS] < MAX_ABORTS
    }

    /// The function trace of `code` (the trace index its entry cell names),
    /// if it has one.
    #[inline(always)]
    pub fn function_trace(code: &CodeObj) -> Option<usize> {
        let t = code.entry.get()[TRACE];
        (t != 0).then(|| t as usize - 1)
    }

    /// A hot function: record it, unless it is not a plain function (then
    /// it is never counted again).
    #[cold]
    #[inline(never)]
    fn function_traceable(&mut self, code: &CodeObj) -> BackEdge {
        if code.code.kind != frontend::bytecode::CodeKind::Function {
            let mut c = code.entry.get();
            c[ABORTS] = MAX_ABORTS;
            code.entry.set(c);
            return BackEdge::Interpret;
        }
        // A loop's cell (its `JumpBack`'s cache entry) names its trace.
        let untraced_loop = code
            .code
            .ops
            .iter()
            .enumerate()
            .any(|(pc, op)| matches!(op, Op::JumpBack { .. }) && !loop_has_trace(&code.ic[pc]));
        if untraced_loop {
            let waits = self
                .loop_ended
                .entry(&code.entry as *const _ as usize)
                .or_default();
            *waits += 1;
            if *waits < LOOP_TRACE_WAITS {
                self.postpone_recording(&code.entry);
                return BackEdge::Interpret;
            }
        }
        BackEdge::Record
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
        if self.config.mode == JitMode::Full {
            // The worker starts while the first loop is recorded, not in the
            // pause that queues its first job: its start-up (a thread, its
            // arena) could run on this CPU and preempt that pause for ~1 ms,
            // and until it runs its CPU placement cannot be set.
            self.worker.start_early();
        }
        self.recorder = Some(Recorder::start_root(rt, view, anchor_pc));
        self.recording_cell = cell;
        self.recording_anchor = (view.code, anchor_pc);
        self.recording_exec_depth = exec_depth;
        self.hot_denials = 0;
    }

    /// Starts recording a function trace: `view` is the function's frame,
    /// just pushed, about to run pc 0; `code` is its code (whose entry cell
    /// gets the trace).
    pub fn start_function(
        &mut self,
        rt: &Runtime,
        view: &FrameView,
        code: &CodeObj,
        exec_depth: usize,
    ) {
        self.recording_started = Instant::now();
        if self.config.mode == JitMode::Full {
            self.worker.start_early();
        }
        self.recorder = Some(Recorder::start_function(rt, view));
        self.recording_cell = &code.entry;
        self.recording_anchor = (view.code, FUNCTION_ANCHOR);
        self.recording_exec_depth = exec_depth;
        self.hot_denials = 0;
    }

    /// Is compiled trace `n` (a root or bridge) part of a function trace
    /// (recorded from a function's entry) rather than a loop's?
    #[inline]
    pub fn is_function_trace(&self, n: usize) -> bool {
        self.traces[n].anchor.1 == FUNCTION_ANCHOR
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
        log::debug!(target: "jit", "recording aborted: {reason} ({})", self.anchor_name(&rec));
        match rec.kind {
            TraceKind::Root => {
                // SAFETY: the cell belongs to a code object the recorder kept
                // alive (it is in the recorder's roots until now).
                let cell = unsafe { &*self.recording_cell };
                let mut c = cell.get();
                if reason == recorder::LOOP_ENDED {
                    let ended = self
                        .loop_ended
                        .entry(cell as *const _ as usize)
                        .or_default();
                    *ended += 1;
                    if *ended < LOOP_ENDED_RETRIES {
                        // Try again at the loop's next back-edge.
                        c[COUNT] = self
                            .iterations_before_recording(c[ABORTS])
                            .saturating_sub(1);
                        cell.set(c);
                        return;
                    }
                    *ended = 0;
                }
                c[ABORTS] += 1;
                c[COUNT] = 0;
                if c[ABORTS] == MAX_ABORTS {
                    if rec.function {
                        self.stats.functions_blacklisted += 1;
                    } else {
                        self.stats.blacklisted += 1;
                    }
                }
                cell.set(c);
            }
            TraceKind::Bridge { parent, exit } => {
                let info = &self.traces[parent].exit_infos[exit as usize];
                info.bridge_aborts.set(info.bridge_aborts.get() + 1);
            }
        }
    }

    /// Names what the recording was for (function or loop and its code),
    /// for the debug log.
    fn anchor_name(&self, rec: &Recorder) -> String {
        let (code, pc) = match rec.kind {
            TraceKind::Root => self.recording_anchor,
            TraceKind::Bridge { parent, .. } => self.traces[self.traces[parent].root].anchor,
        };
        let name = &recorder::code_of(code).code.name;
        let what = match rec.kind {
            TraceKind::Bridge { .. } => "bridge of",
            TraceKind::Root if rec.function => "function",
            TraceKind::Root => "loop",
        };
        format!("{what} {name} pc {pc}")
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
        self.hot_denials = 0;
        self.recording_started = Instant::now();
    }
}
