//! Compiled traces: each owns its executable buffer, exit slots and exits.

use crate::asm::{self, AsmTargets, SafepointWords};
use crate::exits::ExitInfo;
use crate::ir::{Trace, TraceKind};
use dynasmrt::ExecutableBuffer;
use runtime::Value;
use std::cell::Cell;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// A trace with its machine code. Nothing here moves once built: compiled
/// code embeds the addresses of the exit slots, exit descriptors and the
/// loop slot.
pub struct CompiledTrace {
    /// The recorded trace (snapshots are read at exits).
    pub trace: Box<Trace>,
    /// The machine code (read + execute; never writable again).
    pub buffer: ExecutableBuffer,
    /// Address of the first instruction (the loop header for roots).
    pub entry: usize,
    /// Per snapshot: where its guard jumps (default exit, or a bridge).
    pub exit_slots: Box<[AtomicUsize]>,
    /// Per snapshot: the address of its default exit (no bridge attached).
    pub default_exits: Vec<usize>,
    /// Per snapshot: the descriptor its default exit returns.
    pub exit_infos: Box<[ExitInfo]>,
    /// Roots: the loop's entry slot, read by the interpreter and by every
    /// `LoopBack` of the loop and its bridges. Bridges: unused.
    pub loop_slot: Box<AtomicUsize>,
    /// The root trace of this trace's loop (itself for roots).
    pub root: usize,
    /// The loop's anchor: its `CodeObj` and `JumpBack` pc.
    pub anchor: (Value, u32),
    /// 0 for a root trace, parent's + 1 for a bridge.
    pub bridge_depth: u32,
    /// Roots: loop iterations run in compiled code (counted at the header).
    pub iterations: Box<AtomicU64>,
    /// Roots: entries from the interpreter.
    pub entries: Cell<u64>,
    /// Roots: the hot-counter cell of the loop's `JumpBack` (null for bridges).
    pub hot_cell: *const Cell<[u64; 3]>,
}

impl CompiledTrace {
    /// Assembles `trace` as trace number `index`. `root_loop_slot` is the
    /// loop slot bridges jump back through (None for a root trace).
    pub fn build(
        trace: Box<Trace>,
        index: usize,
        root: usize,
        anchor: (Value, u32),
        root_loop_slot: Option<&AtomicUsize>,
        safepoint: SafepointWords,
    ) -> Result<CompiledTrace, String> {
        let n = trace.snapshots.len();
        let exit_slots: Box<[AtomicUsize]> = (0..n).map(|_| AtomicUsize::new(0)).collect();
        let exit_infos: Box<[ExitInfo]> = (0..n).map(|k| ExitInfo::new(index, k as u32)).collect();
        let loop_slot = Box::new(AtomicUsize::new(0));
        let iterations = Box::new(AtomicU64::new(0));
        let targets = AsmTargets {
            iterations: &iterations,
            exit_slots: &exit_slots,
            exit_infos: &exit_infos,
            loop_slot: root_loop_slot.unwrap_or(&loop_slot),
            safepoint,
        };
        let code = asm::assemble(&trace, &targets)?;
        let default_exits: Vec<usize> = code
            .default_exits
            .iter()
            .map(|off| code.buffer.ptr(*off) as usize)
            .collect();
        for (slot, &addr) in exit_slots.iter().zip(&default_exits) {
            slot.store(addr, Ordering::Release);
        }
        let entry = code.buffer.ptr(code.entry) as usize;
        if trace.kind == TraceKind::Root {
            loop_slot.store(entry, Ordering::Release);
        }
        Ok(CompiledTrace {
            trace,
            buffer: code.buffer,
            entry,
            exit_slots,
            default_exits,
            exit_infos,
            loop_slot,
            root,
            anchor,
            bridge_depth: 0,
            iterations,
            entries: Cell::new(0),
            hot_cell: std::ptr::null(),
        })
    }

    /// Size of the machine code in bytes.
    pub fn code_bytes(&self) -> usize {
        self.buffer.len()
    }
}
