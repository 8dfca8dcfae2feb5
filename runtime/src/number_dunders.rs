//! Arithmetic and conversion dunders shared by `int` and `float`
//! (`(5).__add__(2)`, `float.__neg__`), delegating to the operators in
//! `arith`; an operand of another type gives `NotImplemented`, like CPython.

use crate::list_type::dunder_args;
use crate::method_args::{receiver, ReceiverClass};
use crate::object::{BuiltinFn, ClassObj};
use crate::protocol::is_int_like;
use crate::runtime::Runtime;
use crate::value::Value;
use crate::{arith, PyResult, Vm};
use frontend::bytecode::BinOpKind;

/// Can an int (`floats == false`) or float method take `v` as its operand?
fn accepts(v: Value, floats: bool) -> bool {
    is_int_like(v) || (floats && v.is_float())
}

/// `body` as installed on `float` (`floats`) or `int`: a dunder belongs to
/// its class, so `int.__add__(1.5, 2)` is a TypeError as in CPython although
/// both classes run the same body.
macro_rules! on_class {
    ($floats:expr, $name:literal, $body:path) => {
        (
            $name,
            match $floats {
                true => {
                    (|vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]| {
                        number_receiver(vm, args, $name, true)?;
                        $body(vm, args, kw)
                    }) as BuiltinFn
                }
                false => {
                    (|vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]| {
                        number_receiver(vm, args, $name, false)?;
                        $body(vm, args, kw)
                    }) as BuiltinFn
                }
            },
        )
    };
}

/// The receiver of a dunder of `float` (`floats`) or `int` (bools too).
fn number_receiver(vm: &mut dyn Vm, args: &[Value], method: &str, floats: bool) -> PyResult<Value> {
    let (cls, is_instance): ReceiverClass = match floats {
        true => (|rt| rt.types.float, |v| v.is_float()),
        false => (|rt| rt.types.int, is_int_like),
    };
    receiver(vm, args, cls, method, is_instance)
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
                out.push(on_class!(floats, $fname, $fwd));
                out.push(on_class!(floats, $rname, $rev));
            )*
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

/// Adds the shared dunders to `cls` (`int` or `float`). Each checks its
/// receiver is of `cls`; an operand the type does not take makes the binary
/// ones return `NotImplemented`.
pub fn install(rt: &mut Runtime, cls: *mut ClassObj, floats: bool) {
    let unaries = [
        on_class!(floats, "__neg__", neg),
        on_class!(floats, "__pos__", pos),
        on_class!(floats, "__abs__", abs),
        on_class!(floats, "__hash__", hash),
    ];
    for (name, f) in binaries(floats).into_iter().chain(unaries) {
        rt.add_method(cls, name, f);
    }
}
