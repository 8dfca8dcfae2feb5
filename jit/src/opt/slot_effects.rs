//! What instructions do to the interpreter's frame slots besides
//! `slot_load`/`slot_store`: which runtime helper calls write slots (so a
//! value a trace stored there earlier is gone) and which read them (so stores
//! must have happened first), and which slots are dead at the loop header.
//! Shared by the `peel`, `virtuals` and `sink` passes; the facts themselves
//! are [`Helper::effects`] and [`Helper::written_slots`].

use crate::helpers::Helper;
use crate::ir::{Inst, Opcode, Ref, Trace};
use crate::loop_slots::{mask_covers, SlotMask};

/// Slots an instruction writes other than with `slot_store` (also used as
/// a set of slots a call reads).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotWrites {
    /// None.
    Nothing,
    /// Slots `from..to` (relative to the loop frame's slot 0).
    Range(i32, i32),
    /// The slots of a [`SlotMask`] (an inner loop's, see `loop_slots`).
    Mask(SlotMask),
    /// Any slot (the call's arguments do not say which).
    All,
}

impl SlotWrites {
    /// Does this write slot `s`?
    pub fn covers(self, s: i32) -> bool {
        match self {
            SlotWrites::Nothing => false,
            SlotWrites::Range(from, to) => (from..to).contains(&s),
            SlotWrites::Mask(m) => mask_covers(m, s),
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

/// The constant values of a call's arguments (None: not a constant).
fn consts(insts: &[Inst], args: &[Ref]) -> Vec<Option<i64>> {
    args.iter().map(|&a| const_int(insts, a)).collect()
}

/// Slots `inst` (of the trace `insts`) writes without `slot_store`.
pub fn slot_writes(insts: &[Inst], inst: &Inst) -> SlotWrites {
    let Opcode::Call(h, args) = &inst.op else {
        return SlotWrites::Nothing;
    };
    if !h.effects().writes_slots {
        return SlotWrites::Nothing;
    }
    h.written_slots(&consts(insts, args))
}

/// Does a call of helper `h` read frame slots (a call's function and
/// arguments, a container's items, an inner loop's whole frame)?
pub fn reads_slots(h: Helper) -> bool {
    h.effects().reads_slots
}

/// Slots `inst` (of the trace `insts`) reads from memory:
/// [`SlotWrites::All`] for a slot-reading call whose arguments do not say
/// which ([`Helper::read_slots`]).
pub fn slot_reads(insts: &[Inst], inst: &Inst) -> SlotWrites {
    let Opcode::Call(h, args) = &inst.op else {
        return SlotWrites::Nothing;
    };
    if !reads_slots(*h) {
        return SlotWrites::Nothing;
    }
    h.read_slots(&consts(insts, args))
        .unwrap_or(SlotWrites::All)
}

/// The slots a call `inst` reads when its arguments say exactly (an inner
/// loop's live slots, see `loop_slots`); None otherwise.
pub fn exact_slot_reads(insts: &[Inst], inst: &Inst) -> Option<SlotWrites> {
    let Opcode::Call(h, args) = &inst.op else {
        return None;
    };
    h.read_slots(&consts(insts, args))
}

/// The slots a call marked for a direct call (`call`/`call_method` with
/// the recorded function as its third operand) needs stored: those live
/// at its pc in its frames (its function and arguments among them). Its callee (a plain Python function, or whatever the slot holds
/// then, called through the helper) runs in a frame of its own and reads
/// none of the caller's; an exit resuming there reads only live slots.
/// None: not such a call, or nothing is known dead there.
pub fn direct_call_reads(trace: &Trace, inst: &Inst) -> Option<SlotWrites> {
    let Opcode::Call(Helper::Call | Helper::CallMethod, args) = &inst.op else {
        return None;
    };
    let &[_, _, f] = &args[..] else {
        return None;
    };
    if !matches!(trace.insts[f as usize].op, Opcode::Const(_)) {
        return None;
    }
    let dead = trace.snapshots[inst.snap? as usize].dead;
    (dead != 0).then_some(SlotWrites::Mask(!dead))
}

/// The slots a call marked for a direct call reads itself: its function
/// slot and arguments (a method's receiver among them). None: not such a
/// call, or its operands do not say.
pub fn direct_call_args(trace: &Trace, inst: &Inst) -> Option<SlotWrites> {
    let Opcode::Call(h @ (Helper::Call | Helper::CallMethod), args) = &inst.op else {
        return None;
    };
    let &[f, n, _] = &args[..] else {
        return None;
    };
    let (f, n) = (const_int(&trace.insts, f)?, const_int(&trace.insts, n)?);
    let receiver = i64::from(*h == Helper::CallMethod);
    let to = f.checked_add(n)?.checked_add(1 + receiver)?;
    Some(SlotWrites::Range(
        i32::try_from(f).ok()?,
        i32::try_from(to).ok()?,
    ))
}

/// The lowest slot that is dead at the loop header: no inlined frame's
/// return slot is below the loop frame's stack height at its header (calls
/// push their function above what the header's stack holds), and what lies
/// above that height (call temporaries, inlined frames) the interpreter
/// writes before it reads it again. Any inlined frame's return slot bounds
/// it, so a frame no snapshot names any more only makes this one higher.
pub fn dead_from(trace: &Trace) -> i32 {
    trace
        .snapshots
        .iter()
        .flat_map(|s| s.frames.iter().skip(1))
        .map(|f| f.ret_slot)
        .min()
        .unwrap_or(i32::MAX)
}
