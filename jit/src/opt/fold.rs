//! Constant folding and algebraic simplification: operations on constants
//! become constants, identities (`x + 0`, `x * 1`, `unbox_int(box_int x)`,
//! `bool_not(bool_not x)`) become their operand, and guards on constants
//! that always pass go. Python semantics are exact: checked integer
//! arithmetic folds only when it cannot overflow (or divide by zero), so no
//! guard that could fail is removed; float folding computes the same IEEE
//! result the machine would (same rounding, `-0.0` kept apart from `0.0`).
//! A guard on a constant that always fails stays: the trace leaves there.

use super::Rewriter;
use crate::helpers::Helper;
use crate::ir::*;
use runtime::value::{FLOAT_LIMIT, TAG_INT};
use runtime::Value;
use rustc_hash::FxHashSet;

/// What one instruction becomes.
enum Folded {
    /// Kept, maybe with a simpler opcode (same type and snapshot).
    Keep(Opcode),
    /// Its value is this existing new value.
    Same(Ref),
    /// Its value is this constant (`Const` or `ConstInt`) of its type.
    Constant(Opcode),
    /// A guard that always passes: dropped.
    Drop,
}

/// The pass.
pub fn fold(trace: &Trace) -> Trace {
    let nan_bits_matter = float_bits_observed(trace);
    let mut rw = Rewriter::new(trace);
    // Boxed values known to be ints / floats (tag guarded, or boxed by the
    // trace), so re-boxing their unboxed value gives them back.
    let mut known_int = FxHashSet::default();
    let mut known_float = FxHashSet::default();
    for (i, inst) in trace.insts.iter().enumerate() {
        let old = i as Ref;
        if matches!(inst.op, Opcode::Phi(..)) {
            rw.copy(old);
            continue;
        }
        let mut op = inst.op;
        op.map_refs(|r| rw.get(r));
        let folded = fold_op(&rw.insts, &op, nan_bits_matter, &known_int, &known_float);
        match folded {
            Folded::Keep(op) => {
                let snap = inst.snap.map(|s| rw.snapshot(s));
                let new = rw.emit(Inst {
                    op,
                    ty: inst.ty,
                    snap,
                    origin: inst.origin,
                });
                rw.replace(old, new);
                match op {
                    Opcode::GuardTag(v, TAG_INT) => known_int.insert(v),
                    Opcode::BoxInt(_) => known_int.insert(new),
                    Opcode::GuardFloat(v) => known_float.insert(v),
                    Opcode::BoxFloat(_) => known_float.insert(new),
                    _ => false,
                };
            }
            Folded::Same(new) => rw.replace(old, new),
            Folded::Constant(op) => {
                let new = rw.emit(Inst {
                    op,
                    ty: inst.ty,
                    snap: None,
                    origin: inst.origin,
                });
                rw.replace(old, new);
            }
            Folded::Drop => {}
        }
    }
    rw.finish()
}

/// Could a NaN's payload bits be seen? Only if some operation other than
/// float arithmetic, comparison, negation, boxing (which canonicalises) or
/// a phi (which carries them to those) reads a float value. The recorder
/// never does that; if a future trace does, identities that may change a
/// NaN's payload (`x + -0.0`, `unbox_float(box_float x)`) are not applied.
pub(crate) fn float_bits_observed(trace: &Trace) -> bool {
    trace.insts.iter().any(|inst| {
        let float_user = matches!(
            inst.op,
            Opcode::Float(..)
                | Opcode::FloatCmp(..)
                | Opcode::FloatNeg(_)
                | Opcode::BoxFloat(_)
                | Opcode::Phi(..)
        );
        let mut reads_float = false;
        if !float_user {
            inst.op.for_each_ref(|r| {
                reads_float |= trace.insts[r as usize].ty == Type::Float;
            });
        }
        reads_float
    })
}

/// The integer constant `r` is (an unboxed `Int`).
fn int_const(insts: &[Inst], r: Ref) -> Option<i64> {
    match insts[r as usize] {
        Inst {
            op: Opcode::ConstInt(i),
            ty: Type::Int,
            ..
        } => Some(i),
        _ => None,
    }
}

/// The float constant `r` is (an unboxed `Float`).
fn float_const(insts: &[Inst], r: Ref) -> Option<f64> {
    match insts[r as usize] {
        Inst {
            op: Opcode::ConstInt(bits),
            ty: Type::Float,
            ..
        } => Some(f64::from_bits(bits as u64)),
        _ => None,
    }
}

/// The machine bool constant `r` is.
fn bool_const(insts: &[Inst], r: Ref) -> Option<bool> {
    match insts[r as usize] {
        Inst {
            op: Opcode::ConstInt(b),
            ty: Type::Bool,
            ..
        } => Some(b != 0),
        _ => None,
    }
}

/// The boxed constant `r` is.
fn value_const(insts: &[Inst], r: Ref) -> Option<Value> {
    match insts[r as usize].op {
        Opcode::Const(v) => Some(v),
        _ => None,
    }
}

/// The machine word any constant `r` is (what a guard compares).
pub(crate) fn const_bits(insts: &[Inst], r: Ref) -> Option<u64> {
    match insts[r as usize].op {
        Opcode::Const(v) => Some(v.to_bits()),
        Opcode::ConstInt(i) => Some(i as u64),
        _ => None,
    }
}

fn int_k(i: i64) -> Folded {
    Folded::Constant(Opcode::ConstInt(i))
}

fn float_k(f: f64) -> Folded {
    Folded::Constant(Opcode::ConstInt(f.to_bits() as i64))
}

fn bool_k(b: bool) -> Folded {
    Folded::Constant(Opcode::ConstInt(b as i64))
}

/// A guard that passes when `holds`, else stays (it always fails).
fn guard_if(holds: bool, op: &Opcode) -> Folded {
    if holds {
        Folded::Drop
    } else {
        Folded::Keep(*op)
    }
}

/// Folds `op` (operands already in the new numbering; `insts` is the new
/// trace so far).
fn fold_op(
    insts: &[Inst],
    op: &Opcode,
    nan_bits_matter: bool,
    known_int: &FxHashSet<Ref>,
    known_float: &FxHashSet<Ref>,
) -> Folded {
    use Opcode::*;
    let ik = |r| int_const(insts, r);
    let fk = |r| float_const(insts, r);
    let def = |r: Ref| &insts[r as usize].op;
    let keep = || Folded::Keep(*op);
    match *op {
        // ---- boxing
        UnboxInt(v) => match (value_const(insts, v), def(v)) {
            (Some(c), _) if c.is_int() => int_k(c.as_int()),
            (_, BoxInt(x)) => Folded::Same(*x),
            _ => keep(),
        },
        // The machine value of an int the trace boxed itself.
        Call(Helper::IntValue, ref args) => match (value_const(insts, args[0]), def(args[0])) {
            (Some(c), _) if c.is_int() => int_k(c.as_int()),
            (_, BoxInt(x)) => Folded::Same(*x),
            (_, Call(Helper::BoxIntWide, wide)) => Folded::Same(wide[0]),
            _ => keep(),
        },
        BoxInt(i) => match (ik(i), def(i)) {
            (Some(c), _) if Value::from_i64(c).is_some() => Folded::Constant(Const(Value::int(c))),
            (_, UnboxInt(x)) if known_int.contains(x) => Folded::Same(*x),
            _ => keep(),
        },
        // A boxed float's bits are the double (canonical NaN included).
        UnboxFloat(v) => match (value_const(insts, v), def(v)) {
            (Some(c), _) if c.is_float() => Folded::Constant(ConstInt(c.to_bits() as i64)),
            // Differs from x only in a NaN's payload (box_float
            // canonicalises), which nothing can see.
            (_, BoxFloat(x)) if !nan_bits_matter => Folded::Same(*x),
            _ => keep(),
        },
        BoxFloat(f) => match (fk(f), def(f)) {
            (Some(c), _) => Folded::Constant(Const(Value::from_float(c))),
            (_, UnboxFloat(x)) if known_float.contains(x) => Folded::Same(*x),
            _ => keep(),
        },
        BoxBool(b) => match bool_const(insts, b) {
            Some(c) => Folded::Constant(Const(Value::from_bool(c))),
            None => keep(),
        },
        // ---- integers
        Int(iop, a, b) => fold_int(iop, a, b, ik(a), ik(b)).unwrap_or_else(keep),
        IntNeg(a) => match (ik(a).and_then(i64::checked_neg), def(a)) {
            (Some(n), _) => int_k(n),
            // The inner negation passed its check, so this one cannot fail.
            (_, IntNeg(x)) => Folded::Same(*x),
            _ => keep(),
        },
        IntCmp(c, a, b) => match (ik(a), ik(b)) {
            (Some(x), Some(y)) => bool_k(c.holds(x, y)),
            _ if a == b => bool_k(matches!(c, Cond::Eq | Cond::Le | Cond::Ge)),
            _ => keep(),
        },
        IntToFloat(a) => match ik(a) {
            Some(i) => float_k(i as f64),
            None => keep(),
        },
        // ---- floats
        Float(fop, a, b) => {
            fold_float(fop, a, b, fk(a), fk(b), nan_bits_matter).unwrap_or_else(keep)
        }
        FloatNeg(a) => match (fk(a), def(a)) {
            (Some(x), _) => float_k(-x),
            (_, FloatNeg(x)) => Folded::Same(*x),
            _ => keep(),
        },
        FloatCmp(c, a, b) => match (fk(a), fk(b)) {
            (Some(x), Some(y)) => bool_k(c.holds(x, y)),
            _ => keep(),
        },
        // ---- bools and identity
        SameValue(a, b) => match (value_const(insts, a), value_const(insts, b)) {
            (Some(x), Some(y)) => bool_k(x == y),
            _ if a == b => bool_k(true),
            _ => keep(),
        },
        BoolNot(a) => match (bool_const(insts, a), def(a)) {
            (Some(x), _) => bool_k(!x),
            (_, BoolNot(x)) => Folded::Same(*x),
            _ => keep(),
        },
        // ---- guards on constants
        GuardTag(v, tag) => match const_bits(insts, v) {
            Some(bits) if insts[v as usize].ty == Type::Val => {
                guard_if(bits >= FLOAT_LIMIT && bits >> 48 == tag, op)
            }
            _ => keep(),
        },
        GuardFloat(v) => match value_const(insts, v) {
            Some(c) => guard_if(c.is_float(), op),
            None => keep(),
        },
        GuardEq(v, c) => match const_bits(insts, v) {
            Some(bits) => guard_if(bits == c, op),
            None => keep(),
        },
        GuardNe(v, c) => match const_bits(insts, v) {
            Some(bits) => guard_if(bits != c, op),
            None => keep(),
        },
        GuardTrue(b) => match (bool_const(insts, b), def(b)) {
            (Some(x), _) => guard_if(x, op),
            (_, BoolNot(x)) => Folded::Keep(GuardFalse(*x)),
            _ => keep(),
        },
        GuardFalse(b) => match (bool_const(insts, b), def(b)) {
            (Some(x), _) => guard_if(!x, op),
            (_, BoolNot(x)) => Folded::Keep(GuardTrue(*x)),
            _ => keep(),
        },
        _ => keep(),
    }
}

/// Integer operations: constants, and identities that cannot overflow.
fn fold_int(op: IntOp, a: Ref, b: Ref, x: Option<i64>, y: Option<i64>) -> Option<Folded> {
    if let (Some(x), Some(y)) = (x, y) {
        // None: the check fails at run time; the instruction stays.
        return op.eval(x, y).map(int_k);
    }
    use IntOp::*;
    let same = a == b;
    Some(match (op, x, y) {
        (AddOv | Add | Or | Xor, Some(0), _) => Folded::Same(b),
        (AddOv | Add | SubOv | Sub | Or | Xor, _, Some(0)) => Folded::Same(a),
        (MulOv | Mul, Some(1), _) => Folded::Same(b),
        (MulOv | Mul | FloorDiv, _, Some(1)) => Folded::Same(a),
        (MulOv | Mul | And, Some(0), _) | (MulOv | Mul | And, _, Some(0)) => int_k(0),
        (Mod, _, Some(1 | -1)) => int_k(0),
        (ShlOv | Shr, _, Some(0)) => Folded::Same(a),
        (And, Some(-1), _) => Folded::Same(b),
        (And, _, Some(-1)) => Folded::Same(a),
        (Or, Some(-1), _) | (Or, _, Some(-1)) => int_k(-1),
        (And | Or | Min | Max, _, _) if same => Folded::Same(a),
        (SubOv | Sub | Xor, _, _) if same => int_k(0),
        _ => return None,
    })
}

/// Float operations: constants, and identities exact in IEEE arithmetic.
fn fold_float(
    op: FloatOp,
    a: Ref,
    b: Ref,
    x: Option<f64>,
    y: Option<f64>,
    nan_bits_matter: bool,
) -> Option<Folded> {
    if let (Some(x), Some(y)) = (x, y) {
        let v = match op {
            FloatOp::Add => x + y,
            FloatOp::Sub => x - y,
            FloatOp::Mul => x * y,
            // A zero or NaN divisor leaves the trace: keep the guard.
            FloatOp::Div if y == 0.0 || y.is_nan() => return None,
            FloatOp::Div => x / y,
        };
        // (The machine's NaN payload could differ from this one.)
        return (!v.is_nan() || !nan_bits_matter).then(|| float_k(v));
    }
    if nan_bits_matter {
        return None;
    }
    // `x + 0.0` is not x (-0.0 + 0.0 is 0.0) but `x + -0.0` and `x - 0.0`
    // are, for every x; `x * 1.0` and `x / 1.0` too. NaNs stay NaNs.
    let is = |k: Option<f64>, v: f64| k.is_some_and(|k| k.to_bits() == v.to_bits());
    Some(match op {
        FloatOp::Add if is(y, -0.0) => Folded::Same(a),
        FloatOp::Add if is(x, -0.0) => Folded::Same(b),
        FloatOp::Sub if is(y, 0.0) => Folded::Same(a),
        FloatOp::Mul if is(y, 1.0) => Folded::Same(a),
        FloatOp::Mul if is(x, 1.0) => Folded::Same(b),
        FloatOp::Div if is(y, 1.0) => Folded::Same(a),
        _ => return None,
    })
}
