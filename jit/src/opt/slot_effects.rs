//! What instructions do to the interpreter's frame slots besides
//! `slot_load`/`slot_store`: which runtime helpers write slots (so a value a
//! trace stored there earlier is gone) and which read them (so stores must
//! have happened first). Shared by the `peel` and `sink` passes.

use crate::helpers::Helper;
use crate::ir::{Inst, Opcode, Ref, Trace};

/// Slots an instruction writes other than with `slot_store`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotWrites {
    /// None.
    Nothing,
    /// Slots `from..=to` (relative to the loop frame's slot 0).
    Range(i32, i32),
    /// Any slot (an inner loop's trace runs).
    All,
}

impl SlotWrites {
    /// Does this write slot `s`?
    pub fn covers(self, s: i32) -> bool {
        match self {
            SlotWrites::Nothing => false,
            SlotWrites::Range(from, to) => (from..=to).contains(&s),
            SlotWrites::All => true,
        }
    }
}

/// The integer constant `r` is, if it is one.
fn const_int(trace: &Trace, r: Ref) -> Option<i64> {
    match trace.insts[r as usize].op {
        Opcode::ConstInt(i) => Some(i),
        _ => None,
    }
}

/// Slots `inst` (of `trace`) writes without `slot_store`: `load_method`
/// writes the receiver slot after its `dst`, `unpack_seq` its `count` slots
/// from `dst`, `run_loop` anything (see `helpers.rs`).
pub fn slot_writes(trace: &Trace, inst: &Inst) -> SlotWrites {
    let Opcode::Call(h, args) = &inst.op else {
        return SlotWrites::Nothing;
    };
    let konst = |k: usize| args.get(k).and_then(|&r| const_int(trace, r));
    match h {
        Helper::LoadMethod => match konst(2) {
            Some(d) => SlotWrites::Range(d as i32 + 1, d as i32 + 1),
            None => SlotWrites::All,
        },
        Helper::UnpackSeq => match (konst(1), konst(2)) {
            (Some(d), Some(n)) if n > 0 => SlotWrites::Range(d as i32, (d + n - 1) as i32),
            (Some(_), Some(_)) => SlotWrites::Nothing,
            _ => SlotWrites::All,
        },
        Helper::RunLoop => SlotWrites::All,
        _ => SlotWrites::Nothing,
    }
}

/// Does helper `h` read frame slots (a call's function and arguments, a
/// container's items, an inner loop's whole frame)?
pub fn reads_slots(h: Helper) -> bool {
    matches!(
        h,
        Helper::Call
            | Helper::CallKw
            | Helper::CallMethod
            | Helper::CallMethodKw
            | Helper::CallEx
            | Helper::CallBuiltin
            | Helper::BuildList
            | Helper::BuildTuple
            | Helper::BuildSet
            | Helper::BuildDict
            | Helper::BuildSlice
            | Helper::BuildString
            | Helper::RunLoop
    )
}
