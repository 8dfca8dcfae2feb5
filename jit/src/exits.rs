//! Exit descriptors: what compiled code hands back when it leaves.

use crate::snapshot::{ExitKind, Snapshot};
use std::cell::Cell;

/// Returned (by address) from compiled code when a trace leaves through a
/// snapshot's default exit. Lives in its trace's boxed exit table, so the
/// address is stable for the trace's lifetime.
#[derive(Debug)]
pub struct ExitInfo {
    /// Index of the trace in the JIT's trace table.
    pub trace: usize,
    /// Snapshot index in that trace.
    pub snap: u32,
    /// How often this exit was taken.
    pub hits: Cell<u32>,
    /// Bridge recordings started here that aborted.
    pub bridge_aborts: Cell<u32>,
    /// The exit leaves the loop normally (a guard or the loop's end) in
    /// the trace's own frame, resuming at `resume_pc`: an outer trace that
    /// ran this loop through `h_run_loop` carries on at once, and reading
    /// that here spares it the snapshot lookup (three dependent loads, hot
    /// in fannkuch: one inner-loop run per outer iteration).
    pub leaves_loop_in_own_frame: bool,
    /// The snapshot's resume pc (in its innermost frame).
    pub resume_pc: u32,
    /// A function trace's end (its `LoopDone` exit at the root frame's
    /// `Return { src }`): `src`, so the interpreter returns slot `src` of
    /// the function's frame at once, reading no snapshot and running no
    /// `Return` (see `CompiledTrace::new`). [`NOT_A_RETURN`] otherwise.
    pub return_src: u32,
}

/// [`ExitInfo::return_src`] of an exit that is not a function trace's end.
pub const NOT_A_RETURN: u32 = u32::MAX;

impl ExitInfo {
    /// A fresh descriptor for snapshot `snap` of trace `trace`.
    pub fn new(trace: usize, snap: u32) -> ExitInfo {
        ExitInfo {
            trace,
            snap,
            hits: Cell::new(0),
            bridge_aborts: Cell::new(0),
            leaves_loop_in_own_frame: false,
            resume_pc: 0,
            return_src: NOT_A_RETURN,
        }
    }

    /// The descriptor of `snapshot`, snapshot `snap` of trace `trace`.
    pub fn of_snapshot(trace: usize, snap: u32, snapshot: &Snapshot) -> ExitInfo {
        ExitInfo {
            leaves_loop_in_own_frame: matches!(snapshot.kind, ExitKind::Guard | ExitKind::LoopDone)
                && snapshot.frames.len() == 1,
            resume_pc: snapshot.pc,
            ..ExitInfo::new(trace, snap)
        }
    }

    /// Is this exit a function trace's end, returning slot `src` of the
    /// function's frame? (See [`ExitInfo::return_src`].)
    #[inline(always)]
    pub fn returns(&self) -> Option<u32> {
        (self.return_src != NOT_A_RETURN).then_some(self.return_src)
    }
}
