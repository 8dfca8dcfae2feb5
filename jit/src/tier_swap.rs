//! The safepoint side of `--jit=full`: installing the worker's optimized
//! code in place of raw traces, moving the raw traces' bridges onto the
//! replacement, retiring what no slot leads to any more, and freeing its
//! code once no compiled code runs.

use crate::code_cache::{CompiledTrace, UnplacedCode};
use crate::ir::TraceKind;
use crate::snapshot::{ExitKind, Snapshot};
use crate::stats;
use crate::worker::{self, Finished, Outcome};
use crate::Jit;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Instant;

impl Jit {
    /// Is there safepoint work: optimized code to install, or replaced code
    /// to free now that no compiled code runs? (Cheap: back-edges ask.)
    #[inline]
    pub fn service_due(&self) -> bool {
        self.worker.has_results() || (self.active == 0 && !self.retired_unfreed.is_empty())
    }

    /// Safepoint work (one main-thread pause when there is any): installs
    /// what the worker finished, and frees replaced code when no compiled
    /// code is on the native stack. Never waits for the worker.
    pub fn service(&mut self) {
        if !self.service_due() {
            return;
        }
        let _heap = crate::pause_heap::PauseHeap::enter();
        let start = Instant::now();
        let cpu = stats::thread_cpu_time();
        let mut installed = false;
        let mut freed = false;
        if self.worker.has_results() {
            for finished in self.worker.drain() {
                self.finish_job(finished);
                installed = true;
            }
        }
        if self.active == 0 && !self.retired_unfreed.is_empty() {
            // Nothing can run this code now: the loop slot and the exit
            // slots lead to the replacements, and no activation is on the
            // stack.
            let mut buffers = Vec::new();
            for n in std::mem::take(&mut self.retired_unfreed) {
                buffers.extend(self.traces[n].buffer.take());
                self.stats.freed_traces += 1;
            }
            self.worker.free(buffers);
            freed = true;
        }
        if installed || freed {
            let took = start.elapsed();
            let cpu = stats::thread_cpu_time().saturating_sub(cpu);
            self.stats.pause(took, cpu);
            let kind = match (installed, freed) {
                (true, true) => "installs and frees",
                (true, false) => "installs",
                _ => "frees",
            };
            log::debug!(target: "jit::pause", "main-thread pause: safepoint {kind}, {took:?}, {cpu:?} CPU");
        }
    }

    fn finish_job(&mut self, finished: Finished) {
        self.stats.worker_time += finished.time;
        self.stats.worker_jobs += 1;
        self.stats.queue_wait_total += finished.waited;
        self.stats.queue_wait_max = self.stats.queue_wait_max.max(finished.waited);
        let same_trace = self
            .traces
            .get(finished.raw)
            .is_some_and(|t| Arc::ptr_eq(&t.trace, &finished.trace));
        if !same_trace {
            // Its raw compile failed: the number went to another trace
            // (or to none yet).
            self.stats.orphaned += 1;
            return;
        }
        match finished.outcome {
            Outcome::Cancelled => self.stats.superseded += 1,
            Outcome::Failed(failure) => self.count_failure(&failure),
            Outcome::Built { code, reports } => {
                for r in reports {
                    self.stats.add_pass(r.name, r.removed, r.time);
                }
                log::debug!(
                    target: "jit::install",
                    "job for trace {}: queued {:?}, worked {:?}, noticed after {:?}",
                    finished.raw,
                    finished.waited,
                    finished.time,
                    finished.finished_at.elapsed()
                );
                self.install_optimized(finished.raw, code);
            }
        }
    }

    /// Replaces raw trace `raw` with its optimized `code`: one release-store
    /// into the loop's entry slot (roots) or into each exit slot the raw
    /// bridge is attached at (bridges). Code running the raw trace picks
    /// the new code up at its next loop back-edge; the raw code is freed at
    /// a later safepoint. The raw trace's bridges move onto the new code's
    /// matching exits ([`Jit::move_bridges`]).
    fn install_optimized(&mut self, raw: usize, code: UnplacedCode) {
        let r = &self.traces[raw];
        if r.retired {
            // Replaced meanwhile, or a bridge no live exit leads to.
            self.stats.superseded += 1;
            return;
        }
        if !worker::versions_still_hold(&code.trace) {
            log::debug!(target: "jit", "optimized trace {raw} invalidated: a version changed");
            self.stats.invalidated += 1;
            return;
        }
        let mut code = match code.place() {
            Ok(code) => code,
            Err(e) => {
                let failure = worker::Failure {
                    reason: format!("backend: {e}"),
                    detail: e,
                };
                self.count_failure(&failure);
                return;
            }
        };
        let index = self.traces.len();
        code.set_index(index);
        let latency = r.installed_at.elapsed();
        let mut compiled = CompiledTrace::new(code, r.root, r.anchor, r.words.clone());
        compiled.bridge_depth = r.bridge_depth;
        compiled.optimized = true;
        // A bridge is not retired while one of its exits is live.
        let attached: Vec<(usize, u32)> = r
            .attached
            .iter()
            .copied()
            .filter(|&(t, _)| !self.traces[t].retired)
            .collect();
        self.stats.install_latency_count += 1;
        self.stats.install_latency_total += latency;
        self.stats.install_latency_max = self.stats.install_latency_max.max(latency);
        self.stats.code_bytes += compiled.code_bytes() as u64;
        log::debug!(target: "jit::install", "optimized trace {index} replaces trace {raw} after {latency:?}");
        if self.logging() {
            let title = format!("optimized trace {index} (replaces trace {raw})");
            self.log_trace(&compiled.trace, &title);
        }
        // Before anything can jump to the new code.
        self.move_bridges(raw, &mut compiled, index);
        match compiled.trace.kind {
            TraceKind::Root => {
                self.stats.optimized_loops += 1;
                compiled
                    .words
                    .loop_slot
                    .store(compiled.entry, Ordering::Release);
            }
            TraceKind::Bridge { .. } => {
                self.stats.optimized_bridges += 1;
                for &(t, exit) in &attached {
                    self.traces[t].exit_slots[exit as usize]
                        .store(compiled.entry, Ordering::Release);
                    self.traces[t].bridges.push(index);
                }
                compiled.attached = attached;
            }
        }
        self.traces.push(compiled);
        self.retire(raw);
    }

    /// Attaches the bridges of raw trace `raw` to the exits of `new` (its
    /// optimized replacement, to be trace number `index`) that resume
    /// where they start, instead of recording them again.
    ///
    /// Sound because a bridge assumes nothing about the code it is entered
    /// from, only the interpreter state: every slot is on the stack (stores
    /// run where they were recorded; an optimized exit stub writes its sunk
    /// `entries` and materializes its virtual objects before it jumps
    /// through the exit slot), the bridge's recording started from that
    /// stack with no forwarded slots, the frames and resume pc its snapshot
    /// named, and the registers every trace of the loop shares (the
    /// context, the loop frame's slot 0). Stack reserve and inline depth are
    /// the loop's (its first root's), the same for every version. So an
    /// exit of `new` with the same frames and resume pc, a guard exit like
    /// the bridge's, leaves exactly the state the bridge expects.
    fn move_bridges(&mut self, raw: usize, new: &mut CompiledTrace, index: usize) {
        // A second handle on the raw trace, so the table can change meanwhile.
        let raw_trace = std::sync::Arc::clone(&self.traces[raw].trace);
        let mut children = self.traces[raw].bridges.clone();
        children.sort_unstable();
        children.dedup();
        for b in children {
            if self.traces[b].retired {
                continue;
            }
            let from_exits: Vec<u32> = self.traces[b]
                .attached
                .iter()
                .filter(|&&(t, _)| t == raw)
                .map(|&(_, exit)| exit)
                .collect();
            let mut moved = false;
            for exit in from_exits {
                let from = &raw_trace.snapshots[exit as usize];
                for j in free_exits_resuming_like(new, from) {
                    // The new code is not reachable yet: no ordering needed
                    // beyond the release-store that publishes it.
                    new.exit_slots[j as usize].store(self.traces[b].entry, Ordering::Relaxed);
                    self.traces[b].attached.push((index, j));
                    new.bridges.push(b);
                    moved = true;
                }
            }
            if moved {
                self.stats.moved_bridges += 1;
                log::debug!(target: "jit", "bridge {b} moved from trace {raw} to trace {index}");
            }
        }
    }

    /// Attaches the bridge just recorded from exit `exit` of trace `parent`
    /// to the parent's other exits that resume
    /// in the same state, as [`Jit::move_bridges`] does across an install:
    /// a peeled optimized loop has each exit twice (preamble and body, and
    /// every bridge's `loop_back` enters through the preamble), and the
    /// second would otherwise record the same bridge again.
    pub(crate) fn share_bridge(&mut self, bridge: &mut CompiledTrace, parent: usize, exit: u32) {
        let p = &self.traces[parent];
        let from = &p.trace.snapshots[exit as usize];
        for j in free_exits_resuming_like(p, from) {
            p.exit_slots[j as usize].store(bridge.entry, Ordering::Release);
            bridge.attached.push((parent, j));
            self.stats.shared_bridge_exits += 1;
        }
    }

    /// Retires trace `n` and every bridge no live exit leads to any more
    /// (directly or through other bridges): nothing new attaches to them,
    /// their worker jobs are skipped and their code is freed once no
    /// compiled code runs.
    pub(crate) fn retire(&mut self, n: usize) {
        self.retire_one(n);
        let mut work = vec![n];
        while let Some(x) = work.pop() {
            for k in 0..self.traces[x].bridges.len() {
                let b = self.traces[x].bridges[k];
                let t = &self.traces[b];
                if !t.retired && t.attached.iter().all(|&(p, _)| self.traces[p].retired) {
                    self.retire_one(b);
                    work.push(b);
                }
            }
        }
    }

    fn retire_one(&mut self, n: usize) {
        let t = &mut self.traces[n];
        t.retired = true;
        if let Some(cancel) = &t.cancel {
            cancel.store(true, Ordering::Relaxed);
        }
        self.retired_unfreed.push(n);
    }
}

/// The exits of `t` that lead to no bridge yet and resume in the state
/// an exit through `from` leaves ([`same_resume_state`]).
fn free_exits_resuming_like(t: &CompiledTrace, from: &Snapshot) -> Vec<u32> {
    (0..t.trace.snapshots.len())
        .filter(|&j| {
            t.exit_slots[j].load(Ordering::Relaxed) == t.default_exits[j]
                && same_resume_state(from, &t.trace.snapshots[j])
        })
        .map(|j| j as u32)
        .collect()
}

/// Does an exit through `to` leave the interpreter in the state a bridge
/// recorded from an exit through `from` starts from? Both must be guard
/// exits (the interpreter re-runs the instruction at the resume pc; other
/// kinds unwind, collect or leave the loop) with the same resume pc and
/// the same frames: code, function, module, stack position, return slot,
/// `__init__` flag and, for callers, the pc to return to.
fn same_resume_state(from: &Snapshot, to: &Snapshot) -> bool {
    let last = from.frames.len().wrapping_sub(1);
    from.kind == ExitKind::Guard
        && to.kind == ExitKind::Guard
        && from.pc == to.pc
        && from.frames.len() == to.frames.len()
        && from
            .frames
            .iter()
            .zip(to.frames.iter())
            .enumerate()
            .all(|(i, (a, b))| {
                a.code == b.code
                    && a.func == b.func
                    && a.module == b.module
                    && a.base == b.base
                    && a.ret_slot == b.ret_slot
                    && a.init_self == b.init_self
                    && a.generator == b.generator
                    && (i == last || a.pc == b.pc)
            })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::SnapFrame;
    use runtime::Value;

    fn frame(base: i32, pc: u32) -> SnapFrame {
        SnapFrame {
            code: Value::NONE,
            func: Value::NONE,
            module: Value::NONE,
            base,
            ret_slot: base - 1,
            pc,
            init_self: false,
            generator: None,
        }
    }

    fn snap(kind: ExitKind, pc: u32, frames: Vec<SnapFrame>) -> Snapshot {
        Snapshot {
            frames: frames.into(),
            pc,
            kind,
            entries: Vec::new(),
            virtuals: Vec::new(),
            dead: 0,
        }
    }

    #[test]
    fn resume_states_match_on_pc_and_frames_only() {
        let one = snap(ExitKind::Guard, 7, vec![frame(0, 99)]);
        // The innermost frame's own pc is unused: the snapshot's pc counts.
        let same = snap(ExitKind::Guard, 7, vec![frame(0, 3)]);
        assert!(same_resume_state(&one, &same));
        assert!(!same_resume_state(
            &one,
            &snap(ExitKind::Guard, 8, vec![frame(0, 99)])
        ));
        let inlined = vec![frame(0, 12), frame(10, 0)];
        let called = snap(ExitKind::Guard, 4, inlined.clone());
        assert!(same_resume_state(&called, &called.clone()));
        assert!(!same_resume_state(&one, &called));
        // A caller returning elsewhere, a frame elsewhere on the stack.
        let other_return = snap(ExitKind::Guard, 4, vec![frame(0, 13), frame(10, 0)]);
        assert!(!same_resume_state(&called, &other_return));
        let other_base = snap(ExitKind::Guard, 4, vec![frame(0, 12), frame(11, 0)]);
        assert!(!same_resume_state(&called, &other_base));
        let mut init = inlined;
        init[1].init_self = true;
        assert!(!same_resume_state(&called, &snap(ExitKind::Guard, 4, init)));
    }

    #[test]
    fn only_guard_exits_take_bridges() {
        let guard = snap(ExitKind::Guard, 7, vec![frame(0, 0)]);
        for kind in [
            ExitKind::Exception,
            ExitKind::LoopDone,
            ExitKind::Safepoint,
            ExitKind::InnerLoop,
        ] {
            let other = snap(kind, 7, vec![frame(0, 0)]);
            assert!(!same_resume_state(&guard, &other), "{kind:?}");
            assert!(!same_resume_state(&other, &guard), "{kind:?}");
        }
    }
}
