//! Raw traces: a branch's boxed compare result stored to a frame slot that
//! the next instruction overwrites, sunk into the branch guard's exit stub.
//!
//! A recorded `if`/`while` test is `c = compare; b = box_bool c;
//! slot_store [s] b; guard c; slot_store [s] other` (the interpreter's
//! stack slot of the popped test). On the path past the guard the first
//! store is dead (overwritten before anything reads the frame), and at the
//! guard's own exit `c` is known (the guard failed), so the stub writes
//! `Bool(known)` to slot `s` before it leaves. The box and the store emit
//! nothing, and the compare, now read by the guard alone, fuses into it.

use super::compare::DecidedBools;
use crate::ir::*;
use runtime::value::Value;

/// The sunk stores of one raw trace.
pub(super) struct SunkBoolStores {
    /// Per instruction: a `box_bool` or `slot_store` that emits nothing.
    pub(super) skip: Vec<bool>,
    /// Per snapshot: the frame slot and word its stub writes first.
    pub(super) stub_writes: Vec<Option<(i32, u64)>>,
    /// Per instruction: a compare whose only other reader is a skipped box
    /// (it fuses into its guard although the guard is not right after it).
    pub(super) fusable: Vec<bool>,
}

impl SunkBoolStores {
    /// Finds the sunk stores of `trace` (none when `enabled` is false: the
    /// optimized tier's code is left as it is).
    pub(super) fn new(trace: &Trace, decided: &DecidedBools, enabled: bool) -> SunkBoolStores {
        let n = trace.insts.len();
        let mut sunk = SunkBoolStores {
            skip: vec![false; n],
            stub_writes: vec![None; trace.snapshots.len()],
            fusable: vec![false; n],
        };
        if !enabled {
            return sunk;
        }
        let mut uses = vec![0u32; n];
        for inst in &trace.insts {
            inst.op.for_each_ref(|r| uses[r as usize] += 1);
        }
        for snap in &trace.snapshots {
            for &(_, r) in &snap.entries {
                uses[r as usize] += 1;
            }
            for r in snap.virtual_field_values() {
                uses[r as usize] += 1;
            }
        }
        for k in 2..n.saturating_sub(2) {
            let Opcode::SlotStore(s, b) = trace.insts[k].op else {
                continue;
            };
            let Opcode::BoxBool(c) = trace.insts[b as usize].op else {
                continue;
            };
            let guard = &trace.insts[k + 1];
            let (Opcode::GuardTrue(g) | Opcode::GuardFalse(g)) = guard.op else {
                continue;
            };
            let Some(snap) = guard.snap else { continue };
            // The next instruction that emits code overwrites the slot.
            let next = trace.insts[k + 2..]
                .iter()
                .find(|i| !matches!(i.op, Opcode::Const(_) | Opcode::ConstInt(_)));
            let overwritten =
                matches!(next, Some(i) if matches!(i.op, Opcode::SlotStore(t, _) if t == s));
            let known = decided.at_exit(snap as usize, c);
            if g != c || b as usize != k - 1 || uses[b as usize] != 1 || !overwritten {
                continue;
            }
            let Some(known) = known else { continue };
            sunk.skip[k] = true;
            sunk.skip[b as usize] = true;
            sunk.stub_writes[snap as usize] = Some((s, Value::from_bool(known).to_bits()));
            let is_compare = matches!(
                trace.insts[c as usize].op,
                Opcode::IntCmp(..) | Opcode::FloatCmp(..) | Opcode::SameValue(..)
            );
            // Read by the box and the guard only, nothing emitted between.
            sunk.fusable[c as usize] = is_compare && c as usize == k - 2 && uses[c as usize] == 2;
        }
        sunk
    }
}
