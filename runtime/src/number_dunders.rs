//! Arithmetic and conversion dunders shared by `int` and `float`
//! (`(5).__add__(2)`, `float.__neg__`), delegating to the operators in
//! `arith`; an operand of another type gives `NotImplemented`, like CPython.

use crate::list_type::dunder_args;
use crate::object::BuiltinFn;
use crate::protocol::is_int_like;
use crate::runtime::Runtime;
use crate::value::Value;
use crate::{arith, PyResult, Vm};
use frontend::bytecode::BinOpKind;

/// Can an int (`floats == false`) or float method take `v` as its operand?
fn accepts(v: Value, floats: bool) -> bool {
    is_int_like(v) || (floats && v.is_float())
}

macro_rules! binary_dunders {
    ($($fwd:ident, $rev:ident, $fname:literal, $rname:literal, $op:ident;)*) => {
        /// The binary dunders for a number type, `floats` telling whether
        /// float operands are accepted (true for `float`).
        fn binaries(floats: bool) -> Vec<(&'static str, BuiltinFn)> {
            let mut out: Vec<(&'static str, BuiltinFn)> = Vec::new();
            $(
                fn $fwd(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
                    let a = dunder_args(vm, args, $fname, 1)?;
                    binary(vm, BinOpKind::$op, args[0], a[0], false)
                }
                fn $rev(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
                    let a = dunder_args(vm, args, $rname, 1)?;
                    binary(vm, BinOpKind::$op, args[0], a[0], true)
                }
                out.push(($fname, $fwd));
                out.push(($rname, $rev));
            )*
            let _ = floats;
            out
        }
    };
}

binary_dunders! {
    add, radd, "__add__", "__radd__", Add;
    sub, rsub, "__sub__", "__rsub__", Sub;
    mul, rmul, "__mul__", "__rmul__", Mul;
    truediv, rtruediv, "__truediv__", "__rtruediv__", TrueDiv;
    floordiv, rfloordiv, "__floordiv__", "__rfloordiv__", FloorDiv;
    modulo, rmodulo, "__mod__", "__rmod__", Mod;
    power, rpower, "__pow__", "__rpow__", Pow;
}

fn binary(
    vm: &mut dyn Vm,
    op: BinOpKind,
    recv: Value,
    other: Value,
    reflected: bool,
) -> PyResult<Value> {
    let floats = recv.is_float();
    if !accepts(recv, true) || !accepts(other, floats) {
        return Ok(vm.rt().not_implemented);
    }
    if reflected {
        arith::binary_op(vm, op, other, recv)
    } else {
        arith::binary_op(vm, op, recv, other)
    }
}

fn neg(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    dunder_args(vm, args, "__neg__", 0)?;
    arith::neg(vm, args[0])
}

fn pos(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    dunder_args(vm, args, "__pos__", 0)?;
    arith::pos(vm, args[0])
}

fn abs(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    dunder_args(vm, args, "__abs__", 0)?;
    arith::abs(vm, args[0])
}

fn hash(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    dunder_args(vm, args, "__hash__", 0)?;
    let h = crate::protocol::hash(vm, args[0])?;
    Ok(vm.rt().int_from_i64(h))
}

/// Adds the shared dunders to `cls` (`int` or `float`). A receiver that is
/// not a number makes the binary ones return `NotImplemented`.
pub fn install(rt: &mut Runtime, cls: *mut crate::object::ClassObj, floats: bool) {
    for (name, f) in binaries(floats) {
        rt.add_method(cls, name, f);
    }
    rt.add_method(cls, "__neg__", neg);
    rt.add_method(cls, "__pos__", pos);
    rt.add_method(cls, "__abs__", abs);
    rt.add_method(cls, "__hash__", hash);
}
