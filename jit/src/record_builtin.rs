//! Folding calls of common builtins at record time into a few typed IR
//! operations: `min`/`max` of two ints, `abs` of an int, `range` of ints,
//! `float` of a str, int or float, `int` of an int or float and `type(x)`.
//!
//! Each fold guards the callee's identity (a shadowed or patched builtin is
//! another value: the guard leaves and the interpreter calls it) and the
//! arguments' exact types (a bool, a big int or a subclass instance is
//! another type: the guard leaves before the call, which the interpreter
//! then runs in full).

use crate::helpers::Helper;
use crate::ir::*;
use crate::record_arith::{box_float, box_int, unbox_float, unbox_int};
use crate::record_typed::{guard_kind, is_builtin_function, typed_call};
use crate::recorder::Recorder;
use runtime::object::*;
use runtime::{Runtime, Value};

/// `f(args)` with `f` in slot `func` and the arguments after it (this
/// iteration's values `args`) when it is one of the folded builtin calls:
/// its result. None (and nothing emitted) otherwise.
pub(crate) fn call(
    r: &mut Recorder,
    rt: &Runtime,
    f: Value,
    args: &[Value],
    func: u16,
    pc: u32,
) -> Option<Ref> {
    if downcast::<ClassObj>(f).is_some() {
        return class_call(r, rt, f, args, func, pc);
    }
    let is = |name| is_builtin_function(rt, r.builtins, f, name);
    match args {
        [a, b] if a.is_int() && b.is_int() => {
            let op = if is("min") {
                IntOp::Min
            } else if is("max") {
                IntOp::Max
            } else {
                return None;
            };
            guard_callee(r, f, func, pc);
            let (x, y) = (r.load(func + 1), r.load(func + 2));
            let (i, j) = (unbox_int(r, x, pc), unbox_int(r, y, pc));
            let m = r.emit(Opcode::Int(op, i, j), Type::Int);
            Some(box_int(r, m, pc))
        }
        [a] if a.is_int() && is("abs") => {
            guard_callee(r, f, func, pc);
            let x = r.load(func + 1);
            let i = unbox_int(r, x, pc);
            // `-i` leaves on i64 overflow; the box on leaving the inline range.
            let snap = r.snapshot_here(pc);
            let n = r.push(Opcode::IntNeg(i), Type::Int, Some(snap));
            let m = r.emit(Opcode::Int(IntOp::Max, i, n), Type::Int);
            Some(box_int(r, m, pc))
        }
        _ => None,
    }
}

/// Calls of the builtin classes `range`, `float`, `int` and `type`.
fn class_call(
    r: &mut Recorder,
    rt: &Runtime,
    f: Value,
    args: &[Value],
    func: u16,
    pc: u32,
) -> Option<Ref> {
    let cls: *mut ClassObj = f.as_ptr();
    let t = &rt.types;
    if cls == t.range {
        return range(r, f, args, func, pc);
    }
    let [x] = *args else {
        return None;
    };
    if cls == t.type_ {
        // `type(x)`: x's class, constant behind a guard on x's exact type.
        let v = r.load(func + 1);
        if !crate::record_isinstance::exact_type_guard(r, x, v, pc) {
            return None;
        }
        guard_callee(r, f, func, pc);
        return Some(r.konst(Value::from_ptr(rt.type_of(x))));
    }
    if cls == t.int && x.is_int() {
        // `int(i)` of an int is `i` itself.
        guard_callee(r, f, func, pc);
        let v = r.load(func + 1);
        unbox_int(r, v, pc);
        return Some(v);
    }
    if cls == t.int && x.is_float() {
        guard_callee(r, f, func, pc);
        let v = r.load(func + 1);
        let d = unbox_float(r, x, v, pc);
        let out = typed_call(r, Helper::IntOfFloat, vec![d], pc, Type::Val);
        // A NaN or an infinity: the interpreter raises.
        r.guard(Opcode::GuardNe(out, Value::EMPTY.to_bits()), pc);
        return Some(out);
    }
    if cls != t.float {
        return None;
    }
    if x.is_float() {
        // `float(x)` of a float is `x` itself.
        guard_callee(r, f, func, pc);
        let v = r.load(func + 1);
        r.guard(Opcode::GuardFloat(v), pc);
        Some(v)
    } else if x.is_int() {
        // An inline int converts exactly.
        guard_callee(r, f, func, pc);
        let v = r.load(func + 1);
        let d = unbox_float(r, x, v, pc);
        Some(box_float(r, d))
    } else if is_kind(x, ObjKind::Str) {
        guard_callee(r, f, func, pc);
        let s = r.load(func + 1);
        guard_kind(r, s, ObjKind::Str, pc);
        let out = typed_call(r, Helper::FloatOfStr, vec![s], pc, Type::Val);
        // Not a float's text: the interpreter raises ValueError.
        r.guard(Opcode::GuardNe(out, Value::EMPTY.to_bits()), pc);
        Some(out)
    } else {
        None
    }
}

/// `range(stop)`, `range(start, stop)` or `range(start, stop, step)` of
/// inline ints with a step that is not 0: [`Helper::RangeNew`], which
/// cannot fail.
fn range(r: &mut Recorder, f: Value, args: &[Value], func: u16, pc: u32) -> Option<Ref> {
    if args.is_empty() || args.len() > 3 || !args.iter().all(|a| a.is_int()) {
        return None;
    }
    if args.len() == 3 && args[2].as_int() == 0 {
        return None;
    }
    guard_callee(r, f, func, pc);
    let mut ints = Vec::with_capacity(3);
    for i in 0..args.len() {
        let v = r.load(func + 1 + i as u16);
        ints.push(unbox_int(r, v, pc));
    }
    let (start, stop, step) = match ints[..] {
        [stop] => (r.kint(0), stop, r.kint(1)),
        [start, stop] => (start, stop, r.kint(1)),
        [start, stop, step] => (start, stop, step),
        _ => unreachable!("one to three arguments, checked above"),
    };
    if !matches!(r.insts[step as usize].op, Opcode::ConstInt(k) if k != 0) {
        // A zero step raises ValueError: the interpreter's to raise.
        let zero = r.kint(0);
        let nonzero = r.emit(Opcode::IntCmp(Cond::Ne, step, zero), Type::Bool);
        r.guard(Opcode::GuardTrue(nonzero), pc);
    }
    Some(typed_call(
        r,
        Helper::RangeNew,
        vec![start, stop, step],
        pc,
        Type::Val,
    ))
}

/// `iter(v)` of the range in slot `src` (this iteration `x`): a
/// [`Helper::RangeIter`] of the range's bounds, taken from the `range(...)`
/// call that made it when the trace did (in the optimized trace that call
/// is then dead and goes), else read from the range object (ranges never
/// change). None for other values.
pub(crate) fn range_iter(r: &mut Recorder, x: Value, src: u16, pc: u32) -> Option<Ref> {
    if !is_kind(x, ObjKind::Range) {
        return None;
    }
    let v = r.load(src);
    let bounds = match r.insts[v as usize].op {
        Opcode::Call(Helper::RangeNew, args) => [args[0], args[1], args[2]],
        _ => {
            guard_kind(r, v, ObjKind::Range, pc);
            let field =
                |r: &mut Recorder, off: usize| r.emit(Opcode::LoadField(v, off as i32), Type::Int);
            [
                field(r, std::mem::offset_of!(RangeObj, start)),
                field(r, std::mem::offset_of!(RangeObj, stop)),
                field(r, std::mem::offset_of!(RangeObj, step)),
            ]
        }
    };
    Some(typed_call(
        r,
        Helper::RangeIter,
        bounds.to_vec(),
        pc,
        Type::Val,
    ))
}

/// Guards that slot `func` still holds the callee `f` (a constant global or
/// builtin needs no guard: its version guard was made where it was loaded).
pub(crate) fn guard_callee(r: &mut Recorder, f: Value, func: u16, pc: u32) {
    let fr = r.load(func);
    if !matches!(r.insts[fr as usize].op, Opcode::Const(c) if c == f) {
        r.guard(Opcode::GuardEq(fr, f.to_bits()), pc);
    }
}

/// `x is y` of two constants (`type(v) is int` once `type(v)` folded):
/// whether they are the same value. None when either is not a constant.
pub(crate) fn constants_same(r: &Recorder, x: Ref, y: Ref) -> Option<bool> {
    match (r.insts[x as usize].op, r.insts[y as usize].op) {
        (Opcode::Const(a), Opcode::Const(b)) => Some(a == b),
        _ => None,
    }
}

/// `x == y` of two constant classes: classes compare by identity (there
/// are no metaclasses to define `__eq__`). None for other operands.
pub(crate) fn constant_classes_same(r: &Recorder, x: Ref, y: Ref) -> Option<bool> {
    match (r.insts[x as usize].op, r.insts[y as usize].op) {
        (Opcode::Const(a), Opcode::Const(b))
            if downcast::<ClassObj>(a).is_some() && downcast::<ClassObj>(b).is_some() =>
        {
            Some(a == b)
        }
        _ => None,
    }
}
