//! Recording numbers and branches: unboxing and boxing ints, floats and
//! bools, arithmetic and comparisons specialised on the operands' types,
//! truth tests and conditional branches as guards.

use crate::helpers::Helper;
use crate::ir::*;
use crate::recorder::{FrameView, Recorder};
use frontend::bytecode::BinOpKind;
use runtime::value::{TAG_BOOL, TAG_INT};
use runtime::Value;

pub(crate) fn unbox_int(r: &mut Recorder, v: Ref, pc: u32) -> Ref {
    if let Some(&i) = r.int_of.get(&v) {
        return i;
    }
    if let Opcode::Const(c) = r.insts[v as usize].op {
        if c.is_int() {
            let i = r.kint(c.as_int());
            r.int_of.insert(v, i);
            return i;
        }
    }
    r.guard(Opcode::GuardTag(v, TAG_INT), pc);
    let i = r.emit(Opcode::UnboxInt(v), Type::Int);
    r.int_of.insert(v, i);
    i
}

pub(crate) fn box_int(r: &mut Recorder, i: Ref, pc: u32) -> Ref {
    // A value known to fit needs no range check (and no snapshot).
    let snap = (!fits_inline_int(r, i, 4)).then(|| r.snapshot_here(pc));
    let b = r.push(Opcode::BoxInt(i), Type::Val, snap);
    r.int_of.insert(b, i);
    b
}

/// Does int value `i` always fit a boxed (48-bit) int? True for unboxed
/// ints and small constants, and for operations that keep 48-bit inputs in
/// 48 bits: `& | ^`, `min` and `max` of two such values, `>>` of one, `%` by one (the result
/// is smaller than the divisor). `depth` bounds the search.
fn fits_inline_int(r: &Recorder, i: Ref, depth: u32) -> bool {
    let inst = &r.insts[i as usize];
    match inst.op {
        Opcode::UnboxInt(_) => true,
        Opcode::ConstInt(c) => inst.ty == Type::Int && Value::from_i64(c).is_some(),
        _ if depth == 0 => false,
        Opcode::Int(IntOp::And | IntOp::Or | IntOp::Xor | IntOp::Min | IntOp::Max, a, b) => {
            fits_inline_int(r, a, depth - 1) && fits_inline_int(r, b, depth - 1)
        }
        Opcode::Int(IntOp::Shr, a, _) => fits_inline_int(r, a, depth - 1),
        Opcode::Int(IntOp::Mod, _, b) => fits_inline_int(r, b, depth - 1),
        _ => false,
    }
}

pub(crate) fn box_bool(r: &mut Recorder, c: Ref) -> Ref {
    let b = r.emit(Opcode::BoxBool(c), Type::Val);
    r.bool_of.insert(b, c);
    b
}

pub(crate) fn box_float(r: &mut Recorder, f: Ref) -> Ref {
    let b = r.emit(Opcode::BoxFloat(f), Type::Val);
    r.float_of.insert(b, f);
    b
}

pub(crate) fn unbox_float(r: &mut Recorder, x: Value, v: Ref, pc: u32) -> Ref {
    if x.is_int() {
        let i = unbox_int(r, v, pc);
        r.emit(Opcode::IntToFloat(i), Type::Float)
    } else {
        if let Some(&f) = r.float_of.get(&v) {
            return f;
        }
        if let Opcode::Const(c) = r.insts[v as usize].op {
            if c.is_float() {
                // A boxed float's bits are the double itself.
                return r.emit(Opcode::ConstInt(c.to_bits() as i64), Type::Float);
            }
        }
        r.guard(Opcode::GuardFloat(v), pc);
        let f = r.emit(Opcode::UnboxFloat(v), Type::Float);
        r.float_of.insert(v, f);
        f
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn arith(
    r: &mut Recorder,
    val: impl Fn(u16) -> Value,
    pc: u32,
    kind: BinOpKind,
    dst: u16,
    a: u16,
    b: u16,
    inplace: bool,
) {
    let (x, y) = (val(a), val(b));
    let (va, vb) = (r.load(a), r.load(b));
    if let Some(out) = wide_int_arith(r, (x, y), (va, vb), kind, pc) {
        r.store(dst, out);
        return;
    }
    let int_op = match kind {
        BinOpKind::Add => Some(IntOp::AddOv),
        BinOpKind::Sub => Some(IntOp::SubOv),
        BinOpKind::Mul => Some(IntOp::MulOv),
        BinOpKind::BitAnd => Some(IntOp::And),
        BinOpKind::BitOr => Some(IntOp::Or),
        BinOpKind::BitXor => Some(IntOp::Xor),
        BinOpKind::FloorDiv if y.is_int() && y.as_int() != 0 => Some(IntOp::FloorDiv),
        BinOpKind::Mod if y.is_int() && y.as_int() != 0 => Some(IntOp::Mod),
        // A negative count raises: the runtime does that (a guard known to
        // fail would leave on every run).
        BinOpKind::LShift if y.is_int() && y.as_int() >= 0 => Some(IntOp::ShlOv),
        BinOpKind::RShift if y.is_int() && y.as_int() >= 0 => Some(IntOp::Shr),
        _ => None,
    };
    let float_op = match kind {
        BinOpKind::Add => Some(FloatOp::Add),
        BinOpKind::Sub => Some(FloatOp::Sub),
        BinOpKind::Mul => Some(FloatOp::Mul),
        BinOpKind::TrueDiv => Some(FloatOp::Div),
        _ => None,
    };
    let numeric = |v: Value| v.is_int() || v.is_float();
    // Follow the interpreter: when this iteration's result leaves the inline
    // int range the trace calls the runtime (which makes a big int) instead
    // of compiling a guard that is known to fail.
    let fits = |i: Option<i64>| i.and_then(Value::from_i64).is_some();
    let int_result_fits = x.is_int()
        && y.is_int()
        && match kind {
            BinOpKind::Add => fits(x.as_int().checked_add(y.as_int())),
            BinOpKind::Sub => fits(x.as_int().checked_sub(y.as_int())),
            BinOpKind::Mul => fits(x.as_int().checked_mul(y.as_int())),
            BinOpKind::LShift => fits(IntOp::ShlOv.eval(x.as_int(), y.as_int())),
            _ => true,
        };
    let out = match (int_op, float_op) {
        (Some(op), _) if x.is_int() && y.is_int() && int_result_fits => {
            let (i, j) = (unbox_int(r, va, pc), unbox_int(r, vb, pc));
            let snap = r.snapshot_here(pc);
            let n = r.push(Opcode::Int(op, i, j), Type::Int, Some(snap));
            box_int(r, n, pc)
        }
        (_, Some(op))
            if numeric(x)
                && numeric(y)
                && (x.is_float() || y.is_float() || op == FloatOp::Div)
                && !(op == FloatOp::Div
                    && (y.is_int() && y.as_int() == 0 || y.is_float() && y.as_float() == 0.0)) =>
        {
            let (f, g) = (unbox_float(r, x, va, pc), unbox_float(r, y, vb, pc));
            let snap = (op == FloatOp::Div).then(|| r.snapshot_here(pc));
            let n = r.push(Opcode::Float(op, f, g), Type::Float, snap);
            box_float(r, n)
        }
        _ => {
            let k = r.kint(kind as u8 as i64);
            let h = if inplace {
                Helper::InplaceOp
            } else {
                Helper::BinaryOp
            };
            r.call(h, vec![k, va, vb], pc, Type::Val)
        }
    };
    r.store(dst, out);
}

/// The exact value of an int operand: an inline int, or a big int within
/// 64 bits (one the trace boxed itself with `box_int_wide`, whose unboxed
/// value it knows, or one from anywhere else, read by `int_value`); None
/// otherwise.
fn wide_operand(x: Value) -> Option<i64> {
    if x.is_int() {
        return Some(x.as_int());
    }
    let big = runtime::object::downcast::<runtime::object::BigIntObj>(x)?;
    i64::try_from(&big.value).ok()
}

/// The machine int of operand `v` (this iteration: `x`, which
/// [`wide_operand`] accepted). A big int the trace did not box itself is
/// read by `int_value`, behind a guard that it still fits 64 bits: a total
/// that grew past the inline range, carried in a slot from one iteration
/// (or bridge) to the next, stays machine arithmetic.
fn unbox_wide(r: &mut Recorder, x: Value, v: Ref, pc: u32) -> Ref {
    if x.is_int() || r.int_of.contains_key(&v) {
        return unbox_int(r, v, pc);
    }
    let n = r.emit(
        Opcode::Call(Helper::IntValue, CallArgs::new(&[v])),
        Type::Int,
    );
    r.guard(Opcode::GuardNe(n, i64::MIN as u64), pc);
    r.int_of.insert(v, n);
    n
}

/// Int arithmetic past the inline (48-bit) range but within 64 bits, as in
/// an LCG step `(seed * 1103515245 + 12345) % 2147483648`: unboxed machine
/// arithmetic (its 64-bit overflow a guard), a result that does not fit
/// the inline range boxed as a big int by `box_int_wide` (no exit), and the
/// next operation on that big int reusing the machine int. Without this
/// each step of such a chain was a `binary_op` call doing big-int
/// arithmetic. None when the operands or result are not such ints (the
/// caller records as usual), or the result fits the inline range and no
/// operand is a wide big int (the usual path is the same).
fn wide_int_arith(
    r: &mut Recorder,
    (x, y): (Value, Value),
    (va, vb): (Ref, Ref),
    kind: BinOpKind,
    pc: u32,
) -> Option<Ref> {
    let (i, j) = (wide_operand(x)?, wide_operand(y)?);
    let constant_divisor = matches!(r.insts[vb as usize].op, Opcode::Const(_)) && j != 0 && j != -1;
    let op = match kind {
        BinOpKind::Add => IntOp::AddOv,
        BinOpKind::Sub => IntOp::SubOv,
        BinOpKind::Mul => IntOp::MulOv,
        BinOpKind::BitAnd => IntOp::And,
        BinOpKind::BitOr => IntOp::Or,
        BinOpKind::BitXor => IntOp::Xor,
        BinOpKind::RShift if j >= 0 => IntOp::Shr,
        // A divisor that may be 0 or -1 at run time (`i64::MIN // -1`
        // overflows the machine division) is left to the runtime.
        BinOpKind::FloorDiv if constant_divisor => IntOp::FloorDiv,
        BinOpKind::Mod if constant_divisor => IntOp::Mod,
        _ => return None,
    };
    let result = op.eval(i, j)?;
    let wide_in = !x.is_int() || !y.is_int();
    let inline_out = Value::from_i64(result).is_some();
    if !wide_in && inline_out {
        return None;
    }
    let (ui, uj) = (unbox_wide(r, x, va, pc), unbox_wide(r, y, vb, pc));
    let snap = r.snapshot_here(pc);
    let n = r.push(Opcode::Int(op, ui, uj), Type::Int, Some(snap));
    if inline_out {
        return Some(box_int(r, n, pc));
    }
    let b = r.call(Helper::BoxIntWide, vec![n], pc, Type::Val);
    r.int_of.insert(b, n);
    Some(b)
}

pub(crate) fn compare(
    r: &mut Recorder,
    val: impl Fn(u16) -> Value,
    pc: u32,
    cond: Cond,
    dst: u16,
    a: u16,
    b: u16,
) {
    let (x, y) = (val(a), val(b));
    let (va, vb) = (r.load(a), r.load(b));
    let out = if x.is_int() && y.is_int() {
        let (i, j) = (unbox_int(r, va, pc), unbox_int(r, vb, pc));
        let c = r.emit(Opcode::IntCmp(cond, i, j), Type::Bool);
        box_bool(r, c)
    } else if (x.is_float() || x.is_int()) && (y.is_float() || y.is_int()) {
        let (f, g) = (unbox_float(r, x, va, pc), unbox_float(r, y, vb, pc));
        let c = r.emit(Opcode::FloatCmp(cond, f, g), Type::Bool);
        box_bool(r, c)
    } else {
        match cond {
            Cond::Eq | Cond::Ne => {
                let neg = r.kint((cond == Cond::Ne) as i64);
                r.call(Helper::Equal, vec![va, vb, neg], pc, Type::Val)
            }
            _ => {
                let k = r.kint(match cond {
                    Cond::Lt => 0,
                    Cond::Le => 1,
                    Cond::Gt => 2,
                    _ => 3,
                });
                r.call(Helper::Compare, vec![k, va, vb], pc, Type::Val)
            }
        }
    };
    r.store(dst, out);
}

/// The truth of slot `s` (concretely `x`) as a machine bool.
pub(crate) fn truth(r: &mut Recorder, x: Value, s: u16, pc: u32) -> Ref {
    let v = r.load(s);
    if let Some(&c) = r.bool_of.get(&v) {
        return c;
    }
    if x.is_bool() {
        r.guard(Opcode::GuardTag(v, TAG_BOOL), pc);
        let f = r.konst(Value::FALSE);
        let is_false = r.emit(Opcode::SameValue(v, f), Type::Bool);
        r.emit(Opcode::BoolNot(is_false), Type::Bool)
    } else if x.is_int() {
        let i = unbox_int(r, v, pc);
        let zero = r.kint(0);
        r.emit(Opcode::IntCmp(Cond::Ne, i, zero), Type::Bool)
    } else {
        r.call(Helper::Truthy, vec![v], pc, Type::Bool)
    }
}

pub(crate) fn branch(
    r: &mut Recorder,
    view: &FrameView,
    x: Value,
    cond: u16,
    jump_if: bool,
    target: u32,
) {
    let pc = view.pc as u32;
    let fallthrough = pc + 1;
    let v = r.load(cond);
    let known = if x.is_bool() {
        Some(x.as_bool())
    } else if x.is_none() {
        Some(false)
    } else if x.is_int() {
        Some(x.as_int() != 0)
    } else {
        None
    };
    if let Some(&c) = r.bool_of.get(&v) {
        // A comparison's result: branch on the machine bool; a failing guard
        // means the other path.
        let t = x.as_bool();
        let jumps = t == jump_if;
        let (next, other) = if jumps {
            (target, fallthrough)
        } else {
            (fallthrough, target)
        };
        let g = if t {
            Opcode::GuardTrue(c)
        } else {
            Opcode::GuardFalse(c)
        };
        r.guard(g, other);
        r.expect = Some((view.depth, next));
        return;
    }
    let Some(t) = known else {
        let t = r.call(Helper::Truthy, vec![v], pc, Type::Bool);
        r.defer_branch(t, jump_if, target, fallthrough);
        return;
    };
    let jumps = t == jump_if;
    let (next, other) = if jumps {
        (target, fallthrough)
    } else {
        (fallthrough, target)
    };
    if x.is_bool() || x.is_none() {
        // Any other value (the other bool, or another type): leave before the
        // branch and let the interpreter decide; re-running it has no effect.
        r.guard(Opcode::GuardEq(v, x.to_bits()), pc);
    } else {
        let i = unbox_int(r, v, pc);
        let zero = r.kint(0);
        let c = r.emit(Opcode::IntCmp(Cond::Ne, i, zero), Type::Bool);
        let g = if t {
            Opcode::GuardTrue(c)
        } else {
            Opcode::GuardFalse(c)
        };
        r.guard(g, other);
    }
    r.expect = Some((view.depth, next));
}
