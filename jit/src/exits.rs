//! Exit descriptors: what compiled code hands back when it leaves.

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
}

impl ExitInfo {
    /// A fresh descriptor for snapshot `snap` of trace `trace`.
    pub fn new(trace: usize, snap: u32) -> ExitInfo {
        ExitInfo {
            trace,
            snap,
            hits: Cell::new(0),
            bridge_aborts: Cell::new(0),
        }
    }
}
