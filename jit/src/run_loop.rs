//! Entering an inner loop's trace from compiled code (`call run_loop n,
//! exit_pc`): the inner loops' entry slots an outer trace's code jumps
//! through (`asm/run_loop.rs` emits the entry) and the counters it bumps.
//!
//! The outer trace's code enters the inner loop's current code (read from
//! the loop's entry slot at each entry, so a tier swap is picked up) through
//! an inline copy of the trampoline, and reads the exit descriptor the inner
//! trace returns: the usual outcome (the loop ended in its own frame where
//! the outer trace goes on, [`ExitInfo::loop_exit_pc`]) is the result 1;
//! any other exit is the result 0 with the context's `inner_exit` set
//! (unless it is a deeper loop's, whose own exit is recorded already), as
//! `h_run_loop` does for traces assembled without these words.

use crate::exits::ExitInfo;
use crate::helpers::Helper;
use crate::ir::{Opcode, Trace};
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;

/// Inner-loop entries made by compiled code (the JIT owns them in a box,
/// whose address compiled code embeds); moved into the statistics at the end.
#[repr(C)]
#[derive(Debug, Default)]
pub struct LoopEntryCounts {
    /// Inner-loop traces entered (trace entries).
    pub entries: u64,
    /// Entries whose inner trace left other than at the loop's end where
    /// the outer trace goes on: the interpreter counts those exits when it
    /// decodes them (the others are exits counted here).
    pub other_exits: u64,
}

/// What an outer trace's assembly needs to enter its inner loops directly:
/// each inner loop's entry slot (shared by every version of the loop's
/// code, kept alive here while the code is assembled on either thread) and
/// the counters' address. Empty (the default): every `run_loop` calls the
/// helper.
#[derive(Default, Clone)]
pub struct InnerLoops {
    /// The address of the JIT's [`LoopEntryCounts`] (0: none).
    pub(crate) counts: usize,
    /// (loop number, the loop's entry slot) for each inner loop.
    pub(crate) slots: Vec<(usize, Arc<AtomicUsize>)>,
}

impl InnerLoops {
    /// The inner loops `trace` runs (its `run_loop` calls' constant loop
    /// numbers), with `slot_of(n)` giving loop `n`'s entry slot (None:
    /// not a loop) and `counts` the counters compiled code bumps.
    pub(crate) fn of(
        trace: &Trace,
        counts: &LoopEntryCounts,
        slot_of: impl Fn(usize) -> Option<Arc<AtomicUsize>>,
    ) -> InnerLoops {
        let mut slots: Vec<(usize, Arc<AtomicUsize>)> = Vec::new();
        for inst in &trace.insts {
            let Opcode::Call(Helper::RunLoop, ref args) = inst.op else {
                continue;
            };
            let Some(&nk) = args.first() else { continue };
            let Opcode::ConstInt(n) = trace.insts[nk as usize].op else {
                continue;
            };
            let Ok(n) = usize::try_from(n) else { continue };
            if slots.iter().any(|&(m, _)| m == n) {
                continue;
            }
            if let Some(slot) = slot_of(n) {
                slots.push((n, slot));
            }
        }
        InnerLoops {
            counts: counts as *const LoopEntryCounts as usize,
            slots,
        }
    }

    /// Loop `n`'s entry slot, if its entry can be made directly.
    pub(crate) fn slot(&self, n: usize) -> Option<&AtomicUsize> {
        if self.counts == 0 {
            return None;
        }
        self.slots.iter().find(|&&(m, _)| m == n).map(|(_, s)| &**s)
    }
}

/// The result of entering an inner loop whose trace left through `exit`
/// (`exit_pc`: where the outer trace goes on), as the machine code decides
/// it: 1 when the loop ended there in its own frame, else 0 with `inner`
/// (the context's `inner_exit`) set to `exit` unless that is a deeper
/// loop's inner-loop exit (whose own exit `inner` holds already).
#[inline(always)]
pub(crate) fn finish_entry(exit: &ExitInfo, exit_pc: u64, inner: &mut *const ExitInfo) -> u64 {
    if exit.loop_exit_pc as u64 == exit_pc {
        return 1;
    }
    if !exit.inner_loop {
        *inner = exit;
    }
    0
}
