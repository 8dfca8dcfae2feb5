//! What instructions do to the interpreter's frame slots besides
//! `slot_load`/`slot_store`: which runtime helper calls write slots (so a
//! value a trace stored there earlier is gone) and which read them (so stores
//! must have happened first). Shared by the `peel` and `sink` passes; the
//! facts themselves are [`Helper::effects`] and [`Helper::written_slots`].

use crate::helpers::Helper;
use crate::ir::{Inst, Opcode, Ref};

/// Slots an instruction writes other than with `slot_store`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotWrites {
    /// None.
    Nothing,
    /// Slots `from..to` (relative to the loop frame's slot 0).
    Range(i32, i32),
    /// Any slot (an inner loop's trace runs, or the call's arguments do
    /// not say which).
    All,
}

impl SlotWrites {
    /// Does this write slot `s`?
    pub fn covers(self, s: i32) -> bool {
        match self {
            SlotWrites::Nothing => false,
            SlotWrites::Range(from, to) => (from..to).contains(&s),
            SlotWrites::All => true,
        }
    }
}

/// The integer constant `r` is, if it is one.
fn const_int(insts: &[Inst], r: Ref) -> Option<i64> {
    match insts[r as usize].op {
        Opcode::ConstInt(i) => Some(i),
        _ => None,
    }
}

/// Slots `inst` (of the trace `insts`) writes without `slot_store`.
pub fn slot_writes(insts: &[Inst], inst: &Inst) -> SlotWrites {
    let Opcode::Call(h, args) = &inst.op else {
        return SlotWrites::Nothing;
    };
    if !h.effects().writes_slots {
        return SlotWrites::Nothing;
    }
    let consts: Vec<Option<i64>> = args.iter().map(|&a| const_int(insts, a)).collect();
    match h.written_slots(&consts) {
        Some(range) => SlotWrites::Range(range.start, range.end),
        None => SlotWrites::All,
    }
}

/// Does a call of helper `h` read frame slots (a call's function and
/// arguments, a container's items, an inner loop's whole frame)?
pub fn reads_slots(h: Helper) -> bool {
    h.effects().reads_slots
}
