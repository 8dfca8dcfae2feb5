//! Recording `for` loop steps and sequence unpacking inline: a range or a
//! loop's own list/tuple iterator steps without a runtime call, and a tuple
//! or list of the right length unpacks into slots with direct loads.

use crate::ir::*;
use crate::layout;
use crate::recorder::Recorder;
use crate::snapshot::ExitKind;
use runtime::object::{downcast, IterObj, IterState, ObjKind};
use runtime::protocol::seq_items;
use runtime::value::TAG_PTR;
use runtime::Value;

/// Records `ForIter` over `itv` (the iterator in slot `iter`) inline when it
/// is a range or a loop's own list/tuple iterator that yields a value this
/// time. Returns false when the caller must record the generic step.
pub(crate) fn for_iter(r: &mut Recorder, itv: Value, iter: u16, exit: u32, pc: u32) -> bool {
    let Some(io) = downcast::<IterObj>(itv) else {
        return false;
    };
    match io.state {
        IterState::Range { next, stop, step } if step != 0 => {
            if !(step > 0 && next < stop || step < 0 && next > stop) {
                return false;
            }
            let RangeStep {
                it,
                cur,
                step,
                more,
            } = range_step(r, iter, step > 0, pc);
            loop_continues(r, more, exit);
            // Box (48-bit check) before the iterator moves on, so a failing
            // check resumes at this `ForIter` with nothing changed.
            let boxed = crate::record_arith::box_int(r, cur, pc);
            let snap = r.snapshot_here(pc);
            let moved = r.push(Opcode::Int(IntOp::AddOv, cur, step), Type::Int, Some(snap));
            let ([next_off, _, _], _) = layout::iter_range_layout();
            r.emit(Opcode::StoreField(it, next_off, moved), Type::Void);
            r.store(iter + 1, boxed);
            true
        }
        IterState::LoopSeq { seq, index } => {
            let kind = seq_kind(seq);
            if index >= seq_items(seq).len() {
                return false;
            }
            let SeqStep {
                it,
                seq,
                index,
                more,
            } = seq_step(r, iter, kind, pc);
            loop_continues(r, more, exit);
            let item = match kind {
                ObjKind::List => Opcode::ListLoad(seq, index),
                _ => Opcode::TupleLoad(seq, index),
            };
            let v = r.emit(item, Type::Val);
            let one = r.kint(1);
            let snap = r.snapshot_here(pc);
            let moved = r.push(Opcode::Int(IntOp::AddOv, index, one), Type::Int, Some(snap));
            let ([_, index_off], _) = layout::iter_loop_seq_layout();
            r.emit(Opcode::StoreField(it, index_off, moved), Type::Void);
            r.store(iter + 1, v);
            true
        }
        _ => false,
    }
}

/// Records `ForIter` over `itv` when a range or a loop's own list/tuple
/// iterator is exhausted now and the loop is not the recorded one: an inner
/// loop being unrolled (its last pass) or a loop in an inlined call that runs
/// no iteration (`for c in v.constraints` of an empty list). The trace
/// guards that it stays exhausted (a `Guard` exit back at the `ForIter`,
/// which the interpreter then runs) and goes on at the loop's exit. Returns
/// false when the caller must record the step as usual.
pub(crate) fn for_iter_done(r: &mut Recorder, itv: Value, iter: u16, exit: u32, pc: u32) -> bool {
    let Some(io) = downcast::<IterObj>(itv) else {
        return false;
    };
    match io.state {
        IterState::Range { next, stop, step } if step != 0 => {
            if step > 0 && next < stop || step < 0 && next > stop {
                return false;
            }
            let more = range_step(r, iter, step > 0, pc).more;
            r.guard(Opcode::GuardFalse(more), pc);
        }
        IterState::LoopSeq { seq, index } => {
            let kind = seq_kind(seq);
            if index < seq_items(seq).len() {
                return false;
            }
            let more = seq_step(r, iter, kind, pc).more;
            r.guard(Opcode::GuardFalse(more), pc);
        }
        _ => return false,
    }
    r.expect = Some((r.expect.map_or(0, |(depth, _)| depth), exit));
    true
}

/// A range iterator's step, guarded and loaded (see [`range_step`]).
struct RangeStep {
    it: Ref,
    /// The next value (unboxed).
    cur: Ref,
    step: Ref,
    /// Whether `cur` is still in range (a machine bool).
    more: Ref,
}

/// Guards the range iterator in slot `iter` and the sign of its step (only
/// the sign: loops like `for m in range(start, stop, p)` run with many
/// steps), and computes whether a value is left.
fn range_step(r: &mut Recorder, iter: u16, rising: bool, pc: u32) -> RangeStep {
    let ([next_off, stop_off, step_off], tag) = layout::iter_range_layout();
    let it = iterator(r, iter, tag, pc);
    let step = r.emit(Opcode::LoadField(it, step_off), Type::Int);
    let zero = r.kint(0);
    let cond = if rising { Cond::Gt } else { Cond::Lt };
    let sign = r.emit(Opcode::IntCmp(cond, step, zero), Type::Bool);
    r.guard(Opcode::GuardTrue(sign), pc);
    let cur = r.emit(Opcode::LoadField(it, next_off), Type::Int);
    let end = r.emit(Opcode::LoadField(it, stop_off), Type::Int);
    let cond = if rising { Cond::Lt } else { Cond::Gt };
    let more = r.emit(Opcode::IntCmp(cond, cur, end), Type::Bool);
    RangeStep {
        it,
        cur,
        step,
        more,
    }
}

/// The kind of a `LoopSeq`'s sequence: a list or a tuple.
fn seq_kind(seq: Value) -> ObjKind {
    if downcast::<runtime::object::ListObj>(seq).is_some() {
        ObjKind::List
    } else {
        ObjKind::Tuple
    }
}

/// A loop's own list or tuple iterator, guarded and loaded (see [`seq_step`]).
struct SeqStep {
    it: Ref,
    /// The list or tuple.
    seq: Ref,
    /// The position (unboxed).
    index: Ref,
    /// Whether `index` is still inside the sequence (a machine bool).
    more: Ref,
}

/// Guards the loop iterator in slot `iter` and the kind of its sequence (a
/// `LoopSeq` always holds a list or tuple object), and computes whether an
/// item is left.
fn seq_step(r: &mut Recorder, iter: u16, kind: ObjKind, pc: u32) -> SeqStep {
    let ([seq_off, index_off], tag) = layout::iter_loop_seq_layout();
    let it = iterator(r, iter, tag, pc);
    let seq = r.emit(Opcode::LoadField(it, seq_off), Type::Val);
    r.guard(Opcode::GuardKind(seq, kind as u8), pc);
    let index = r.emit(Opcode::LoadField(it, index_off), Type::Int);
    let len = match kind {
        ObjKind::List => r.emit(Opcode::ListLen(seq), Type::Int),
        _ => r.emit(Opcode::TupleLen(seq), Type::Int),
    };
    let more = r.emit(Opcode::IntCmp(Cond::Lt, index, len), Type::Bool);
    SeqStep {
        it,
        seq,
        index,
        more,
    }
}

/// Loads the iterator in slot `iter` and guards that it is a builtin
/// iterator whose state has variant `tag`.
fn iterator(r: &mut Recorder, iter: u16, tag: u64, pc: u32) -> Ref {
    let it = r.load(iter);
    r.guard(Opcode::GuardTag(it, TAG_PTR), pc);
    r.guard(Opcode::GuardKind(it, ObjKind::Iter as u8), pc);
    let t = r.emit(Opcode::LoadField(it, layout::iter_tag_offset()), Type::Word);
    r.guard(Opcode::GuardEq(t, tag), pc);
    it
}

/// Guards that the loop goes on (`more`); otherwise it leaves to the code
/// after the loop, as the interpreter's `ForIter` does.
fn loop_continues(r: &mut Recorder, more: Ref, exit: u32) {
    let snap = r.snapshot(exit, ExitKind::LoopDone);
    r.push(Opcode::GuardTrue(more), Type::Void, Some(snap));
}

/// Records `UnpackSeq` of `x` (in slot `src`) into `count` slots from `dst`
/// inline when it is a tuple or list of exactly that length. Returns false
/// when the caller must call the runtime.
pub(crate) fn unpack_seq(
    r: &mut Recorder,
    x: Value,
    src: u16,
    dst: u16,
    count: u16,
    pc: u32,
) -> bool {
    let kind = match runtime::object::kind_of(x) {
        Some(k @ (ObjKind::Tuple | ObjKind::List)) => k,
        _ => return false,
    };
    if seq_items(x).len() != count as usize {
        return false;
    }
    let v = r.load(src);
    r.guard(Opcode::GuardTag(v, TAG_PTR), pc);
    r.guard(Opcode::GuardKind(v, kind as u8), pc);
    let len = match kind {
        ObjKind::List => r.emit(Opcode::ListLen(v), Type::Int),
        _ => r.emit(Opcode::TupleLen(v), Type::Int),
    };
    r.guard(Opcode::GuardEq(len, count as u64), pc);
    let items: Vec<Ref> = (0..count as i64)
        .map(|k| {
            let i = r.kint(k);
            let load = match kind {
                ObjKind::List => Opcode::ListLoad(v, i),
                _ => Opcode::TupleLoad(v, i),
            };
            r.emit(load, Type::Val)
        })
        .collect();
    for (k, item) in items.into_iter().enumerate() {
        r.store(dst + k as u16, item);
    }
    true
}
