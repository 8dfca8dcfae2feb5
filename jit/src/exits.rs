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
    /// the trace's own frame: its resume pc; else [`NOT_A_LOOP_EXIT`]. An
    /// outer trace that ran this loop (`run_loop.rs`) carries on at once
    /// when this is where it goes on: one compare of this word in its
    /// machine code, no snapshot lookup.
    pub loop_exit_pc: u32,
    /// The snapshot is an `InnerLoop` exit (a loop run from this trace left
    /// early; the context's `inner_exit` names that loop's exit).
    pub inner_loop: bool,
    /// A function trace's end (its `LoopDone` exit at the root frame's
    /// `Return { src }`): `src`, so the interpreter returns slot `src` of
    /// the function's frame at once, reading no snapshot and running no
    /// `Return` (see `CompiledTrace::new`). [`NOT_A_RETURN`] otherwise.
    pub return_src: u32,
}

/// [`ExitInfo::return_src`] of an exit that is not a function trace's end.
pub const NOT_A_RETURN: u32 = u32::MAX;

/// [`ExitInfo::loop_exit_pc`] of an exit that does not leave the loop in
/// its own frame (no pc is this large).
pub const NOT_A_LOOP_EXIT: u32 = u32::MAX;

impl ExitInfo {
    /// A fresh descriptor for snapshot `snap` of trace `trace`.
    pub fn new(trace: usize, snap: u32) -> ExitInfo {
        ExitInfo {
            trace,
            snap,
            hits: Cell::new(0),
            bridge_aborts: Cell::new(0),
            loop_exit_pc: NOT_A_LOOP_EXIT,
            inner_loop: false,
            return_src: NOT_A_RETURN,
        }
    }

    /// The descriptor of `snapshot`, snapshot `snap` of trace `trace`.
    pub fn of_snapshot(trace: usize, snap: u32, snapshot: &Snapshot) -> ExitInfo {
        let leaves_loop = matches!(snapshot.kind, ExitKind::Guard | ExitKind::LoopDone)
            && snapshot.frames.len() == 1;
        ExitInfo {
            loop_exit_pc: if leaves_loop {
                snapshot.pc
            } else {
                NOT_A_LOOP_EXIT
            },
            inner_loop: snapshot.kind == ExitKind::InnerLoop,
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
