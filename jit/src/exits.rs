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
}

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
}
