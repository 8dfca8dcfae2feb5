//! Binary and unary operators: int/float fast paths, big ints, sequences,
//! and the `__add__`/`__radd__` protocol for user classes.

use crate::object::*;
use crate::protocol::{as_bigint, call_dunder, is_int_like, is_user_instance, seq_items};
use crate::runtime::str_of;
use crate::value::Value;
use crate::{PyResult, Vm};
use frontend::bytecode::BinOpKind;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// The operator symbol, for error messages.
pub fn op_symbol(op: BinOpKind) -> &'static str {
    match op {
        BinOpKind::Add => "+",
        BinOpKind::Sub => "-",
        BinOpKind::Mul => "*",
        BinOpKind::TrueDiv => "/",
        BinOpKind::FloorDiv => "//",
        BinOpKind::Mod => "%",
        BinOpKind::Pow => "** or pow()",
        BinOpKind::LShift => "<<",
        BinOpKind::RShift => ">>",
        BinOpKind::BitAnd => "&",
        BinOpKind::BitOr => "|",
        BinOpKind::BitXor => "^",
    }
}

fn dunder_names(vm: &mut dyn Vm, op: BinOpKind) -> (Value, Value, Value) {
    let n = &vm.rt().names;
    match op {
        BinOpKind::Add => (n.add, n.radd, n.iadd),
        BinOpKind::Sub => (n.sub, n.rsub, n.isub),
        BinOpKind::Mul => (n.mul, n.rmul, n.imul),
        BinOpKind::TrueDiv => (n.truediv, n.rtruediv, n.itruediv),
        BinOpKind::FloorDiv => (n.floordiv, n.rfloordiv, n.ifloordiv),
        BinOpKind::Mod => (n.mod_, n.rmod, n.imod),
        BinOpKind::Pow => (n.pow, n.rpow, n.ipow),
        BinOpKind::LShift => (n.lshift, n.rlshift, n.ilshift),
        BinOpKind::RShift => (n.rshift, n.rrshift, n.irshift),
        BinOpKind::BitAnd => (n.and_, n.rand, n.iand),
        BinOpKind::BitOr => (n.or_, n.ror, n.ior),
        BinOpKind::BitXor => (n.xor, n.rxor, n.ixor),
    }
}

// ---------------------------------------------------------------- entry points

/// `a op b`.
pub fn binary_op(vm: &mut dyn Vm, op: BinOpKind, a: Value, b: Value) -> PyResult<Value> {
    if let Some(r) = builtin_binary(vm, op, a, b)? {
        return Ok(r);
    }
    user_binary(vm, op, a, b)
}

/// `a op= b`: tries `__iop__` first (lists extend in place), then `a op b`.
pub fn inplace_op(vm: &mut dyn Vm, op: BinOpKind, a: Value, b: Value) -> PyResult<Value> {
    if let Some(list) = downcast::<ListObj>(a) {
        match op {
            BinOpKind::Add => {
                let items = crate::iter::collect(vm, b)?;
                let list = downcast::<ListObj>(a).unwrap_or(list);
                list.items.extend(items);
                return Ok(a);
            }
            BinOpKind::Mul => {
                let n = crate::protocol::index_value(vm, b)?;
                let l = downcast::<ListObj>(a).unwrap();
                let orig = l.items.clone();
                l.items.clear();
                for _ in 0..n.max(0) {
                    l.items.extend_from_slice(&orig);
                }
                return Ok(a);
            }
            _ => {}
        }
    }
    if is_user_instance(a) {
        let (_, _, iname) = dunder_names(vm, op);
        let ni = vm.rt().not_implemented;
        if let Some(r) = call_dunder(vm, a, iname, &[b])? {
            if r != ni {
                return Ok(r);
            }
        }
    }
    if is_kind(a, ObjKind::Set)
        && matches!(
            op,
            BinOpKind::BitOr | BinOpKind::BitAnd | BinOpKind::Sub | BinOpKind::BitXor
        )
        && is_kind(b, ObjKind::Set)
    {
        if let Some(r) = crate::set_type::inplace(vm, op, a, b)? {
            return Ok(r);
        }
    }
    if is_kind(a, ObjKind::Dict) && op == BinOpKind::BitOr {
        crate::builtins_support::dict_update_from(vm, a, b)?;
        return Ok(a);
    }
    binary_op(vm, op, a, b)
}

fn user_binary(vm: &mut dyn Vm, op: BinOpKind, a: Value, b: Value) -> PyResult<Value> {
    let (fwd, rev, _) = dunder_names(vm, op);
    let ni = vm.rt().not_implemented;
    let rt = vm.rt();
    let (ta, tb) = (rt.type_of(a), rt.type_of(b));
    let b_first = ta != tb && is_user_instance(b) && rt.is_subclass(tb, ta);
    if b_first {
        if let Some(r) = call_dunder(vm, b, rev, &[a])? {
            if r != ni {
                return Ok(r);
            }
        }
    }
    if is_user_instance(a) {
        if let Some(r) = call_dunder(vm, a, fwd, &[b])? {
            if r != ni {
                return Ok(r);
            }
        }
    }
    if !b_first && is_user_instance(b) && ta != tb {
        if let Some(r) = call_dunder(vm, b, rev, &[a])? {
            if r != ni {
                return Ok(r);
            }
        }
    }
    let (na, nb) = (vm.rt().type_name(a), vm.rt().type_name(b));
    if op == BinOpKind::Add && na == "str" {
        return Err(vm
            .rt()
            .type_error(format!("can only concatenate str (not \"{nb}\") to str")));
    }
    if op == BinOpKind::Add && (na == "list" || na == "tuple") && na != nb {
        return Err(vm
            .rt()
            .type_error(format!("can only concatenate {na} (not \"{nb}\") to {na}")));
    }
    Err(vm.rt().type_error(format!(
        "unsupported operand type(s) for {}: '{na}' and '{nb}'",
        op_symbol(op)
    )))
}

// ---------------------------------------------------------------- builtin types

fn builtin_binary(vm: &mut dyn Vm, op: BinOpKind, a: Value, b: Value) -> PyResult<Option<Value>> {
    if a.is_bool() && b.is_bool() {
        let (x, y) = (a.as_bool(), b.as_bool());
        match op {
            BinOpKind::BitAnd => return Ok(Some(Value::from_bool(x & y))),
            BinOpKind::BitOr => return Ok(Some(Value::from_bool(x | y))),
            BinOpKind::BitXor => return Ok(Some(Value::from_bool(x ^ y))),
            _ => {}
        }
    }
    if a.is_int() && b.is_int() {
        return small_int_op(vm, op, a.as_int(), b.as_int()).map(Some);
    }
    let a_num = a.is_float() || is_int_like(a);
    let b_num = b.is_float() || is_int_like(b);
    if a_num && b_num {
        if a.is_float() || b.is_float() {
            let x = crate::protocol::as_f64(a).unwrap();
            let y = crate::protocol::as_f64(b).unwrap();
            if (!a.is_float() && x.is_infinite()) || (!b.is_float() && y.is_infinite()) {
                return Err(vm.rt().overflow_error("int too large to convert to float"));
            }
            return float_op(vm, op, x, y).map(Some);
        }
        // Boxed ints that fit an i64 (between 2**47 and 2**63) take int_ops'
        // machine-word paths without cloning a BigInt.
        if let (Some(x), Some(y)) = (int_as_i64(a), int_as_i64(b)) {
            return int_op(
                vm,
                op,
                crate::int_ops::Int::Small(x),
                crate::int_ops::Int::Small(y),
            )
            .map(Some);
        }
        let (x, y) = (as_bigint(a).unwrap(), as_bigint(b).unwrap());
        return big_int_op(vm, op, x, y).map(Some);
    }
    match (kind_of(a), kind_of(b), op) {
        (Some(ObjKind::Str), Some(ObjKind::Str), BinOpKind::Add) => {
            Ok(crate::str_words::concat(vm.rt(), a, b))
        }
        (Some(ObjKind::Str), _, BinOpKind::Mod) => {
            crate::builtins_support::str_percent(vm, a, b).map(Some)
        }
        (Some(ObjKind::Str), _, BinOpKind::Mul) if is_int_like(b) => repeat_str(vm, a, b).map(Some),
        (_, Some(ObjKind::Str), BinOpKind::Mul) if is_int_like(a) => repeat_str(vm, b, a).map(Some),
        (Some(ObjKind::List), Some(ObjKind::List), BinOpKind::Add) => {
            let mut items = seq_items(a).to_vec();
            items.extend_from_slice(seq_items(b));
            Ok(Some(vm.rt().new_list(items)))
        }
        (Some(ObjKind::Tuple), Some(ObjKind::Tuple), BinOpKind::Add) => {
            let mut items = seq_items(a).to_vec();
            items.extend_from_slice(seq_items(b));
            Ok(Some(vm.rt().new_tuple(items)))
        }
        (Some(k @ (ObjKind::List | ObjKind::Tuple)), _, BinOpKind::Mul) if is_int_like(b) => {
            repeat_seq(vm, k, a, b).map(Some)
        }
        (_, Some(k @ (ObjKind::List | ObjKind::Tuple)), BinOpKind::Mul) if is_int_like(a) => {
            repeat_seq(vm, k, b, a).map(Some)
        }
        (Some(ObjKind::Set), Some(ObjKind::Set), _) => {
            crate::builtins_support::set_binary(vm, op, a, b)
        }
        (Some(ObjKind::DictView), _, _) | (_, Some(ObjKind::DictView), _) => {
            crate::dict_type::view_binary(vm, op, a, b)
        }
        (Some(ObjKind::Dict), Some(ObjKind::Dict), BinOpKind::BitOr) => {
            let d = vm.rt().new_dict();
            crate::builtins_support::dict_update_from(vm, d, a)?;
            crate::builtins_support::dict_update_from(vm, d, b)?;
            Ok(Some(d))
        }
        _ => Ok(None),
    }
}

fn repeat_str(vm: &mut dyn Vm, s: Value, n: Value) -> PyResult<Value> {
    let n = crate::protocol::index_value(vm, n)?.max(0) as usize;
    let text = str_of(s);
    if text.len().saturating_mul(n) > (1 << 32) {
        let c = vm.rt().exc.memory_error;
        return Err(vm.rt().error(c, ""));
    }
    let r = text.repeat(n);
    Ok(vm.rt().new_str(&r))
}

fn repeat_seq(vm: &mut dyn Vm, kind: ObjKind, seq: Value, n: Value) -> PyResult<Value> {
    let n = crate::protocol::index_value(vm, n)?.max(0) as usize;
    let items = seq_items(seq);
    if items.len().saturating_mul(n) > (1 << 28) {
        let c = vm.rt().exc.memory_error;
        return Err(vm.rt().error(c, ""));
    }
    let out = repeat_items(items, n);
    Ok(if kind == ObjKind::List {
        vm.rt().new_list(out)
    } else {
        vm.rt().new_tuple(out)
    })
}

/// `items` repeated `n` times. One item is a fill, and longer runs double
/// what is already written: a copy call per item would cost more than the
/// item (`[False] * n` is the common case).
fn repeat_items(items: &[Value], n: usize) -> Vec<Value> {
    let total = items.len() * n;
    if let [item] = items {
        return vec![*item; n];
    }
    let mut out = Vec::with_capacity(total);
    if total == 0 {
        return out;
    }
    out.extend_from_slice(items);
    while out.len() < total {
        let more = out.len().min(total - out.len());
        out.extend_from_within(..more);
    }
    out
}

/// Both operands are inline ints.
#[inline]
pub fn small_int_op(vm: &mut dyn Vm, op: BinOpKind, x: i64, y: i64) -> PyResult<Value> {
    // Inline ints are 48-bit, so +, - and most * cannot overflow i64.
    let r = match op {
        BinOpKind::Add => Some(x + y),
        BinOpKind::Sub => Some(x - y),
        BinOpKind::Mul => x.checked_mul(y),
        BinOpKind::FloorDiv => {
            if y == 0 {
                return Err(vm.rt().zero_division("integer division or modulo by zero"));
            }
            Some(x.div_euclid(y) - if y < 0 && x.rem_euclid(y) != 0 { 1 } else { 0 })
        }
        BinOpKind::Mod => {
            if y == 0 {
                return Err(vm.rt().zero_division("integer modulo by zero"));
            }
            let m = x % y;
            Some(if m != 0 && ((m < 0) != (y < 0)) {
                m + y
            } else {
                m
            })
        }
        BinOpKind::TrueDiv => {
            if y == 0 {
                return Err(vm.rt().zero_division("division by zero"));
            }
            use crate::int_ops::Int;
            return match crate::int_float::truediv(&Int::Small(x), &Int::Small(y)) {
                Ok(f) => Ok(Value::from_float(f)),
                Err(e) => Err(crate::builtins_support::num_error(vm, e)),
            };
        }
        BinOpKind::BitAnd => Some(x & y),
        BinOpKind::BitOr => Some(x | y),
        BinOpKind::BitXor => Some(x ^ y),
        BinOpKind::LShift => {
            if y < 0 {
                return Err(vm.rt().value_error("negative shift count"));
            }
            if y < 16 {
                Some(x << y)
            } else {
                None
            }
        }
        BinOpKind::RShift => {
            if y < 0 {
                return Err(vm.rt().value_error("negative shift count"));
            }
            Some(x >> y.min(63))
        }
        BinOpKind::Pow => None,
    };
    match r {
        Some(v) => Ok(vm.rt().int_from_i64(v)),
        None => big_int_op(vm, op, BigInt::from(x), BigInt::from(y)),
    }
}

/// An int-like value as an i64, if it fits (no allocation).
fn int_as_i64(v: Value) -> Option<i64> {
    if v.is_int() {
        Some(v.as_int())
    } else if v.is_bool() {
        Some(v.as_bool() as i64)
    } else {
        downcast::<BigIntObj>(v).and_then(|b| b.value.to_i64())
    }
}

/// Both operands are ints, at least one big (or a small op overflowed).
pub fn big_int_op(vm: &mut dyn Vm, op: BinOpKind, x: BigInt, y: BigInt) -> PyResult<Value> {
    use crate::int_ops::Int;
    int_op(vm, op, Int::from_bigint(x), Int::from_bigint(y))
}

/// An int operation through `int_ops` (machine words first, then big ints).
fn int_op(
    vm: &mut dyn Vm,
    op: BinOpKind,
    a: crate::int_ops::Int,
    b: crate::int_ops::Int,
) -> PyResult<Value> {
    let r = match op {
        BinOpKind::Add => Ok(crate::int_ops::add(&a, &b)),
        BinOpKind::Sub => Ok(crate::int_ops::sub(&a, &b)),
        BinOpKind::Mul => Ok(crate::int_ops::mul(&a, &b)),
        BinOpKind::FloorDiv => crate::int_ops::floordiv(&a, &b),
        BinOpKind::Mod => crate::int_ops::modulo(&a, &b),
        BinOpKind::TrueDiv => {
            return match crate::int_float::truediv(&a, &b) {
                Ok(f) => Ok(Value::from_float(f)),
                Err(e) => Err(crate::builtins_support::num_error(vm, e)),
            }
        }
        BinOpKind::Pow => {
            return match crate::int_ops::pow(&a, &b) {
                Ok(crate::int_ops::IntOrFloat::Int(i)) => Ok(int_value(vm, i)),
                Ok(crate::int_ops::IntOrFloat::Float(f)) => Ok(Value::from_float(f)),
                Err(e) => Err(crate::builtins_support::num_error(vm, e)),
            }
        }
        BinOpKind::LShift => crate::int_ops::lshift(&a, &b),
        BinOpKind::RShift => crate::int_ops::rshift(&a, &b),
        BinOpKind::BitAnd => Ok(crate::int_ops::and(&a, &b)),
        BinOpKind::BitOr => Ok(crate::int_ops::or(&a, &b)),
        BinOpKind::BitXor => Ok(crate::int_ops::xor(&a, &b)),
    };
    match r {
        Ok(i) => Ok(int_value(vm, i)),
        Err(e) => Err(crate::builtins_support::num_error(vm, e)),
    }
}

/// An `int_ops::Int` as a value.
pub fn int_value(vm: &mut dyn Vm, i: crate::int_ops::Int) -> Value {
    match i {
        crate::int_ops::Int::Small(s) => vm.rt().int_from_i64(s),
        crate::int_ops::Int::Big(b) => vm.rt().new_int(b),
    }
}

/// Float arithmetic with Python's semantics.
pub fn float_op(vm: &mut dyn Vm, op: BinOpKind, x: f64, y: f64) -> PyResult<Value> {
    let r =
        match op {
            BinOpKind::Add => x + y,
            BinOpKind::Sub => x - y,
            BinOpKind::Mul => x * y,
            BinOpKind::TrueDiv => {
                if y == 0.0 {
                    return Err(vm.rt().zero_division("float division by zero"));
                }
                x / y
            }
            BinOpKind::FloorDiv => crate::float_ops::floordiv(x, y)
                .map_err(|e| crate::builtins_support::num_error(vm, e))?,
            BinOpKind::Mod => crate::float_ops::modulo(x, y)
                .map_err(|e| crate::builtins_support::num_error(vm, e))?,
            BinOpKind::Pow => crate::float_ops::pow(x, y)
                .map_err(|e| crate::builtins_support::num_error(vm, e))?,
            _ => {
                return Err(vm.rt().type_error(format!(
                    "unsupported operand type(s) for {}: 'float' and 'float'",
                    op_symbol(op)
                )))
            }
        };
    Ok(Value::from_float(r))
}

// ---------------------------------------------------------------- unary

/// `-v`.
pub fn neg(vm: &mut dyn Vm, v: Value) -> PyResult<Value> {
    if v.is_int() {
        return Ok(vm.rt().int_from_i64(-v.as_int()));
    }
    if v.is_float() {
        return Ok(Value::from_float(-v.as_float()));
    }
    if let Some(b) = as_bigint(v) {
        return Ok(vm.rt().new_int(-b));
    }
    unary_dunder(vm, v, "-", |n| n.neg)
}

/// `+v`.
pub fn pos(vm: &mut dyn Vm, v: Value) -> PyResult<Value> {
    if v.is_int() || v.is_float() || is_kind(v, ObjKind::BigInt) {
        return Ok(v);
    }
    if v.is_bool() {
        return Ok(Value::int(v.as_bool() as i64));
    }
    unary_dunder(vm, v, "+", |n| n.pos)
}

/// `~v`.
pub fn invert(vm: &mut dyn Vm, v: Value) -> PyResult<Value> {
    if v.is_int() {
        // `~i == -i - 1` stays inside the inline range for every inline int.
        return Ok(Value::int(!v.as_int()));
    }
    if let Some(b) = as_bigint(v) {
        return Ok(vm.rt().new_int(-b - 1));
    }
    unary_dunder(vm, v, "~", |n| n.invert)
}

/// `abs(v)`.
pub fn abs(vm: &mut dyn Vm, v: Value) -> PyResult<Value> {
    if v.is_int() {
        return Ok(vm.rt().int_from_i64(v.as_int().abs()));
    }
    if v.is_float() {
        return Ok(Value::from_float(v.as_float().abs()));
    }
    if let Some(b) = as_bigint(v) {
        return Ok(vm.rt().new_int(b.abs()));
    }
    unary_dunder(vm, v, "abs()", |n| n.abs)
}

fn unary_dunder(
    vm: &mut dyn Vm,
    v: Value,
    sym: &str,
    pick: fn(&crate::runtime::Names) -> Value,
) -> PyResult<Value> {
    let name = pick(&vm.rt().names);
    if is_user_instance(v) {
        if let Some(r) = call_dunder(vm, v, name, &[])? {
            return Ok(r);
        }
    }
    let tn = vm.rt().type_name(v);
    let msg = if sym == "abs()" {
        format!("bad operand type for abs(): '{tn}'")
    } else {
        format!("bad operand type for unary {sym}: '{tn}'")
    };
    Err(vm.rt().type_error(msg))
}
