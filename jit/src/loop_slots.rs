//! What an inner loop run through `run_loop` can do to its frame's slots:
//! which it may write, and which it (or the interpreter after it) may read;
//! and, from the same liveness, which slots are dead before each
//! instruction ([`dead_before`]: exits and direct calls skip them).
//!
//! Both are slot masks ([`SlotMask`]): bit `k` (k < 63) stands for slot
//! `k`, bit 63 for every slot from 63 up (and any negative slot). The
//! recorder computes them from the loop's bytecode once per `run_loop` call
//! and passes them as the call's third and fourth operands; the optimizer
//! reads them (`opt::slot_effects`).
//!
//! Writes: every slot an instruction between the loop's header and its
//! back-edge writes (a call clobbers everything from its function slot up:
//! its callee's frame starts there), the slots exception handlers in that
//! range receive exceptions in, and every slot from the frame's end up
//! (inlined generator frames, nested calls). The outer trace goes on after
//! the call only when the inner trace left at the loop's end in its own
//! frame: code outside the range cannot have run (a bridge leaving the
//! range by `break` can reach the loop's end only by a back-edge, which
//! ends its recording).
//!
//! Reads: the slots live at the loop's header (a backward liveness
//! analysis over the whole code object, exception edges included), the
//! parameters and cell and free slots (`super()` and closures read them
//! behind the bytecode's back) and the slots past the frame. A slot dead
//! at the header is written before it is read on every path from there,
//! so a store to it before the call is dead too.

use frontend::bytecode::{Code, Op, NO_REG};
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// A set of frame slots: bit `k` (k < 63) is slot `k`; bit 63 is every
/// slot from 63 up and every negative slot.
pub type SlotMask = u64;

/// The bit standing for the slots [`SlotMask`] does not name one by one.
const HIGH: SlotMask = 1 << 63;

/// Does `mask` contain slot `s`?
pub fn mask_covers(mask: SlotMask, s: i32) -> bool {
    match s {
        0..=62 => mask & (1 << s) != 0,
        _ => mask & HIGH != 0,
    }
}

/// The mask of slot `s`.
fn bit(s: u32) -> SlotMask {
    if s < 63 {
        1 << s
    } else {
        HIGH
    }
}

/// The mask of slots `from..to`.
fn range(from: u32, to: u32) -> SlotMask {
    (from..to.min(64)).fold(0, |m, s| m | bit(s))
}

/// Slots `from` and up.
fn from_up(from: u32) -> SlotMask {
    range(from, 64) | HIGH
}

/// The slots the inner loop `header..=jump_back` of `code` may write, and
/// those that may be read once it runs (see the module docs).
pub fn inner_loop_slots(code: &Code, header: u32, jump_back: u32) -> (SlotMask, SlotMask) {
    let past_frame = from_up(code.nslots as u32);
    let mut writes = past_frame;
    for op in &code.ops[header as usize..=jump_back as usize] {
        writes |= effect(op).writes;
    }
    for h in &code.handlers {
        if (header..=jump_back).contains(&h.handler) {
            writes |= bit(h.exc_slot as u32);
        }
    }
    let params = code.argcount as u32
        + code.kwonlycount as u32
        + code.has_varargs as u32
        + code.has_varkw as u32;
    let named = range(0, params);
    let cells = code
        .cell_slots
        .iter()
        .chain(&code.free_slots)
        .fold(0, |m, &s| m | bit(s as u32));
    let live = live_in(code)[header as usize];
    (writes, live | named | cells | past_frame)
}

/// Per instruction of `code`: the slots dead before it (of those a
/// [`SlotMask`] names one by one): on every path from there, exception
/// edges included, the interpreter writes them before it reads them. The
/// parameters and cell and free slots (read behind the bytecode's back)
/// are never dead. An exit resuming there need not write them.
pub fn dead_before(code: &Code) -> Vec<SlotMask> {
    let params = code.argcount as u32
        + code.kwonlycount as u32
        + code.has_varargs as u32
        + code.has_varkw as u32;
    let cells = code
        .cell_slots
        .iter()
        .chain(&code.free_slots)
        .fold(0, |m, &s| m | bit(s as u32));
    let keep = range(0, params) | cells | from_up(code.nslots as u32);
    live_in(code)
        .into_iter()
        .map(|live| !(live | keep))
        .collect()
}

/// A code object (weakly held) and its [`dead_before`] table.
type DeadBeforeEntry = (Weak<Code>, Rc<[SlotMask]>);

thread_local! {
    /// [`dead_before`] of the code objects recorded most recently (a weak
    /// reference keeps each one's allocation, so its address is its own).
    static DEAD_BEFORE: RefCell<Vec<DeadBeforeEntry>> =
        const { RefCell::new(Vec::new()) };
}

/// Code objects whose [`dead_before`] is remembered.
const DEAD_BEFORE_KEPT: usize = 64;

/// [`dead_before`] of `code`, computed once for the code objects recorded
/// most recently (each recording's snapshots ask for it).
pub fn dead_before_cached(code: &Rc<Code>) -> Rc<[SlotMask]> {
    DEAD_BEFORE.with(|kept| {
        let mut kept = kept.borrow_mut();
        if let Some((_, dead)) = kept.iter().find(|(c, _)| c.as_ptr() == Rc::as_ptr(code)) {
            return Rc::clone(dead);
        }
        let dead: Rc<[SlotMask]> = dead_before(code).into();
        if kept.len() == DEAD_BEFORE_KEPT {
            kept.remove(0);
        }
        kept.push((Rc::downgrade(code), Rc::clone(&dead)));
        dead
    })
}

/// The slots `base..base + n` (of a frame at `base` of the root frame's
/// slots) that a [`SlotMask`] names one by one.
pub fn window(base: i32, n: i32) -> SlotMask {
    let from = base.clamp(0, 63) as u32;
    let to = base.saturating_add(n).clamp(0, 63) as u32;
    range(from, to)
}

/// The slots of `mask` (a frame's, without its bit 63) moved to a frame
/// at `base` of the root frame's slots: those past slot 62 are dropped.
pub fn shifted(mask: SlotMask, base: i32) -> SlotMask {
    match u32::try_from(base) {
        Ok(b) if b < 63 => (mask & !HIGH) << b & !HIGH,
        _ => 0,
    }
}

/// What one instruction does to slots, for liveness.
struct Effect {
    /// Slots it may read.
    reads: SlotMask,
    /// Slots it always writes before anything reads them again (a kill).
    kills: SlotMask,
    /// Slots it may write or clobber.
    writes: SlotMask,
}

/// The slot effects of `op` (over-approximated reads and writes,
/// under-approximated kills).
fn effect(op: &Op) -> Effect {
    let r = |s: u16| if s == NO_REG { 0 } else { bit(s as u32) };
    let span = |s: u16, n: u32| range(s as u32, s as u32 + n);
    // (reads, definite writes, other writes)
    let (reads, kills, clobbers) = match *op {
        Op::Move { dst, src } => (r(src), r(dst), 0),
        Op::LoadConst { dst, .. }
        | Op::LoadInt { dst, .. }
        | Op::LoadNone { dst }
        | Op::LoadTrue { dst }
        | Op::LoadFalse { dst }
        | Op::LoadGlobal { dst, .. }
        | Op::LoadName { dst, .. }
        | Op::ImportName { dst, .. }
        | Op::ImportModule { dst, .. } => (0, r(dst), 0),
        Op::CheckBound { slot, .. } => (r(slot), 0, 0),
        Op::DeleteLocal { slot, .. } | Op::MakeCell { slot } => (r(slot), r(slot), 0),
        Op::StoreGlobal { src, .. } | Op::StoreName { src, .. } => (r(src), 0, 0),
        Op::DeleteGlobal { .. } | Op::DeleteName { .. } | Op::Reraise | Op::Nop => (0, 0, 0),
        Op::Jump { .. } | Op::JumpBack { .. } => (0, 0, 0),
        Op::LoadCell { dst, slot } => (r(slot), r(dst), 0),
        Op::StoreCell { slot, src } => (r(slot) | r(src), 0, 0),
        Op::DeleteCell { slot } => (r(slot), 0, 0),
        Op::Add { dst, a, b }
        | Op::Sub { dst, a, b }
        | Op::Mul { dst, a, b }
        | Op::TrueDiv { dst, a, b }
        | Op::FloorDiv { dst, a, b }
        | Op::Mod { dst, a, b }
        | Op::Pow { dst, a, b }
        | Op::LShift { dst, a, b }
        | Op::RShift { dst, a, b }
        | Op::BitAnd { dst, a, b }
        | Op::BitOr { dst, a, b }
        | Op::BitXor { dst, a, b }
        | Op::Inplace { dst, a, b, .. }
        | Op::Lt { dst, a, b }
        | Op::Le { dst, a, b }
        | Op::Gt { dst, a, b }
        | Op::Ge { dst, a, b }
        | Op::Eq { dst, a, b }
        | Op::Ne { dst, a, b }
        | Op::Is { dst, a, b }
        | Op::IsNot { dst, a, b }
        | Op::In { dst, a, b }
        | Op::NotIn { dst, a, b } => (r(a) | r(b), r(dst), 0),
        Op::Neg { dst, src }
        | Op::Pos { dst, src }
        | Op::Invert { dst, src }
        | Op::Not { dst, src }
        | Op::ListToTuple { dst, src }
        | Op::Convert { dst, src, .. }
        | Op::GetIter { dst, src } => (r(src), r(dst), 0),
        Op::JumpIfFalse { cond, .. } | Op::JumpIfTrue { cond, .. } => (r(cond), 0, 0),
        Op::BuildList { dst, start, count }
        | Op::BuildTuple { dst, start, count }
        | Op::BuildSet { dst, start, count }
        | Op::BuildString { dst, start, count } => (span(start, count as u32), r(dst), 0),
        Op::BuildDict { dst, start, count } => (span(start, 2 * count as u32), r(dst), 0),
        Op::BuildSlice { dst, start } => (span(start, 3), r(dst), 0),
        Op::ListAppend { list: a, src: b }
        | Op::ListExtend { list: a, src: b }
        | Op::SetAdd { set: a, src: b }
        | Op::SetUpdate { set: a, src: b }
        | Op::DictUpdate {
            dict: a, src: b, ..
        } => (r(a) | r(b), 0, 0),
        Op::DictInsert { dict, key } => (r(dict) | span(key, 2), 0, 0),
        Op::FormatValue { dst, src, spec } => (r(src) | r(spec), r(dst), 0),
        Op::GetItem { dst, obj, key } => (r(obj) | r(key), r(dst), 0),
        Op::SetItem { obj, key, src } => (r(obj) | r(key) | r(src), 0, 0),
        Op::DelItem { obj, key } => (r(obj) | r(key), 0, 0),
        Op::GetAttr { dst, obj, .. } => (r(obj), r(dst), 0),
        Op::SetAttr { obj, src, .. } => (r(obj) | r(src), 0, 0),
        Op::DelAttr { obj, .. } => (r(obj), 0, 0),
        Op::LoadMethod { dst, obj, .. } => (r(obj), span(dst, 2), 0),
        // The next value goes to `iter + 1` only when there is one.
        Op::ForIter { iter, .. } => (r(iter), 0, r(iter + 1)),
        Op::UnpackSeq { dst, src, count } => (r(src), span(dst, count as u32), 0),
        Op::UnpackEx {
            dst,
            src,
            before,
            after,
        } => (r(src), span(dst, before as u32 + 1 + after as u32), 0),
        Op::MakeFunction { dst, .. } => (span(dst, 2), r(dst), 0),
        // The callee's frame starts at `func + 1`: everything above `func`
        // may change.
        Op::Call { func, argc } | Op::CallKw { func, argc, .. } => {
            (span(func, argc as u32 + 1), r(func), from_up(func as u32))
        }
        Op::CallMethod { func, argc } | Op::CallMethodKw { func, argc, .. } => {
            (span(func, argc as u32 + 2), r(func), from_up(func as u32))
        }
        Op::CallEx { func } => (span(func, 3), r(func), from_up(func as u32)),
        Op::BuildClass { dst, start, nbases } => (
            span(start, 2 + nbases as u32),
            r(dst),
            from_up(dst.min(start) as u32),
        ),
        Op::Return { src }
        | Op::Raise { src }
        | Op::ReraiseValue { src }
        | Op::PrintExpr { src } => (r(src), 0, 0),
        Op::RaiseFrom { src, cause } => (r(src) | r(cause), 0, 0),
        Op::AssertFail { msg } => (r(msg), 0, 0),
        Op::Yield { dst, src } => (r(src), r(dst), 0),
        // Resumed until the delegate is done: `src` is read every time.
        Op::YieldFrom { dst, src } => (r(src), 0, r(dst)),
        Op::ExcMatch { dst, exc, typ } => (r(exc) | r(typ), r(dst), 0),
        Op::PushExcInfo { exc, save } => (r(exc), r(save), 0),
        Op::PopExcInfo { save } => (r(save), 0, 0),
        Op::ImportFrom { dst, module, .. } => (r(module), r(dst), 0),
    };
    Effect {
        reads,
        // Bit 63 stands for many slots: one write kills none of them.
        kills: kills & !HIGH,
        writes: kills | clobbers,
    }
}

/// The instructions control may go to after `op` at `pc` (exceptions
/// aside); `ops.len()` stands for none.
fn successors(op: &Op, pc: u32) -> [Option<u32>; 2] {
    match *op {
        Op::Jump { target } | Op::JumpBack { target } => [Some(target), None],
        Op::JumpIfFalse { target, .. } | Op::JumpIfTrue { target, .. } => {
            [Some(pc + 1), Some(target)]
        }
        Op::ForIter { exit, .. } => [Some(pc + 1), Some(exit)],
        Op::Return { .. }
        | Op::Raise { .. }
        | Op::RaiseFrom { .. }
        | Op::Reraise
        | Op::ReraiseValue { .. }
        | Op::AssertFail { .. } => [None, None],
        _ => [Some(pc + 1), None],
    }
}

/// The slots (of those a [`SlotMask`] names one by one) live before each
/// instruction of `code`: read on some path from there before any write.
/// Every instruction may raise, so each in a handler's range may go on at
/// the handler (with its exception slot written).
fn live_in(code: &Code) -> Vec<SlotMask> {
    let n = code.ops.len();
    let effects: Vec<Effect> = code.ops.iter().map(effect).collect();
    let mut live = vec![0; n + 1];
    let at = |live: &[SlotMask], pc: Option<u32>| pc.map_or(0, |p| live[(p as usize).min(n)]);
    loop {
        let mut changed = false;
        for pc in (0..n).rev() {
            let e = &effects[pc];
            let [a, b] = successors(&code.ops[pc], pc as u32);
            let mut out = at(&live, a) | at(&live, b);
            if let Op::ForIter { iter, exit } = code.ops[pc] {
                // The next value is written on the way into the body only.
                let body = at(&live, a) & !(bit(iter as u32 + 1) & !HIGH);
                out = body | at(&live, Some(exit));
            }
            let mut inn = e.reads | (out & !e.kills);
            for h in &code.handlers {
                if (h.start..h.end).contains(&(pc as u32)) {
                    inn |= at(&live, Some(h.handler)) & !(bit(h.exc_slot as u32) & !HIGH);
                }
            }
            if inn & !live[pc] != 0 {
                live[pc] |= inn;
                changed = true;
            }
        }
        if !changed {
            return live;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use frontend::bytecode::Const;
    use frontend::compiler::{compile_source, Mode};
    use std::rc::Rc;

    /// The first function defined in `src`, and its (only) inner loop's
    /// header and back-edge: the `JumpBack` whose target is the highest.
    fn inner_loop(src: &str) -> (Rc<Code>, u32, u32) {
        let module = compile_source(src, "t.py", Mode::File).expect("compiles");
        let code = module
            .consts
            .iter()
            .find_map(|c| match c {
                Const::Code(c) => Some(Rc::clone(c)),
                _ => None,
            })
            .expect("a function");
        let (pc, target) = code
            .ops
            .iter()
            .enumerate()
            .filter_map(|(pc, op)| match *op {
                Op::JumpBack { target } => Some((pc as u32, target)),
                _ => None,
            })
            .max_by_key(|&(_, target)| target)
            .expect("a loop");
        (code, target, pc)
    }

    fn slot(code: &Code, name: &str) -> i32 {
        code.local_names
            .iter()
            .position(|n| n == name)
            .expect("a local") as i32
    }

    #[test]
    fn the_inner_loop_writes_what_it_assigns_and_reads_live_slots() {
        let src = "def f(n):\n    t = 0\n    for i in range(n):\n        x = i * 2\n        j = 0\n        while j < (i & 3) + 2:\n            t += x + j\n            j += 1\n    return t\n";
        let (code, header, jump_back) = inner_loop(src);
        let (writes, reads) = inner_loop_slots(&code, header, jump_back);
        for (name, written) in [
            ("n", false),
            ("t", true),
            ("i", false),
            ("x", false),
            ("j", true),
        ] {
            assert_eq!(mask_covers(writes, slot(&code, name)), written, "{name}");
            assert!(mask_covers(reads, slot(&code, name)), "{name} is read");
        }
        // Slots past the frame are always written and read.
        assert!(mask_covers(writes, code.nslots as i32) && mask_covers(reads, 63));
        // Some temporary (the `for` loop's next value, the condition's
        // operands) is dead at the header; the range iterator is not.
        let temps = code.local_names.len() as i32..code.nslots as i32;
        assert!(temps.clone().any(|s| !mask_covers(reads, s)));
        let Op::ForIter { iter, .. } = code.ops[..header as usize]
            .iter()
            .rev()
            .find(|op| matches!(op, Op::ForIter { .. }))
            .copied()
            .expect("the outer loop's ForIter")
        else {
            unreachable!()
        };
        assert!(mask_covers(reads, iter as i32));
        assert!(!mask_covers(writes, iter as i32));
    }

    #[test]
    fn a_call_in_the_inner_loop_clobbers_the_slots_above_its_function() {
        let src = "def f(n):\n    t = 0\n    for i in range(n):\n        for j in range(3):\n            t += abs(j)\n    return t\n";
        let (code, header, jump_back) = inner_loop(src);
        let (writes, _) = inner_loop_slots(&code, header, jump_back);
        let func = code.ops[header as usize..=jump_back as usize]
            .iter()
            .find_map(|op| match *op {
                Op::Call { func, .. } => Some(func as i32),
                _ => None,
            })
            .expect("a call");
        assert!((func..code.nslots as i32).all(|s| mask_covers(writes, s)));
        assert!(!mask_covers(writes, slot(&code, "n")));
    }

    #[test]
    fn a_handler_in_the_inner_loop_writes_its_exception_slot() {
        let src = "def f(n):\n    t = 0\n    for i in range(n):\n        for j in range(3):\n            try:\n                t += 1 // j\n            except ZeroDivisionError as e:\n                t -= 1\n    return t\n";
        let (code, header, jump_back) = inner_loop(src);
        let (writes, _) = inner_loop_slots(&code, header, jump_back);
        let h = code.handlers.first().expect("a handler");
        assert!(mask_covers(writes, h.exc_slot as i32));
        assert!(mask_covers(writes, slot(&code, "e")));
        assert!(!mask_covers(writes, slot(&code, "i")));
    }
}
