//! The methods of `int` (`bit_length`, `bit_count`, `conjugate`,
//! `as_integer_ratio`, conversions) plus the shared number dunders.

use crate::int_ops::{self, Int};
use crate::method_args::{bind_method, receiver, Signature};
use crate::protocol::{as_bigint, is_int_like};
use crate::runtime::Runtime;
use crate::value::Value;
use crate::{PyResult, Vm};

/// Installs the methods of `int`.
pub fn install(rt: &mut Runtime) {
    let cls = rt.types.int;
    let methods: &[(&'static str, crate::object::BuiltinFn)] = &[
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("conjugate", int_conjugate),
        ("as_integer_ratio", int_as_integer_ratio),
        ("__index__", int_int),
        ("__int__", int_int),
        ("__float__", int_float),
    ];
    for &(name, f) in methods {
        rt.add_method(cls, name, f);
    }
    crate::number_dunders::install(rt, cls, false);
}

/// The receiver as an `Int`.
fn recv(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
    method: &'static str,
) -> PyResult<Int> {
    let v = receiver(vm, args, |rt| rt.types.int, method, is_int_like)?;
    bind_method(vm, Signature::positional(method, &[], 0), args, kw)?;
    Ok(Int::from_bigint(as_bigint(v).unwrap_or_default()))
}

fn int_bit_length(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let i = recv(vm, args, kw, "int.bit_length")?;
    Ok(vm.rt().int_from_i64(int_ops::bit_length(&i) as i64))
}

fn int_bit_count(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let i = recv(vm, args, kw, "int.bit_count")?;
    Ok(vm.rt().int_from_i64(int_ops::bit_count(&i) as i64))
}

fn int_int(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let i = recv(vm, args, kw, "int.__int__")?;
    Ok(crate::arith::int_value(vm, i))
}

fn int_conjugate(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let i = recv(vm, args, kw, "int.conjugate")?;
    Ok(crate::arith::int_value(vm, i))
}

fn int_as_integer_ratio(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let i = recv(vm, args, kw, "int.as_integer_ratio")?;
    let n = crate::arith::int_value(vm, i);
    Ok(vm.rt().new_tuple(vec![n, Value::int(1)]))
}

fn int_float(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let i = recv(vm, args, kw, "int.__float__")?;
    match crate::int_float::to_f64(&i) {
        Ok(f) => Ok(Value::from_float(f)),
        Err(e) => Err(crate::builtins_support::num_error(vm, e)),
    }
}
