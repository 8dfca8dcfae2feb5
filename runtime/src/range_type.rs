//! The methods of `range` (`index`, `count`) and its container dunders.

use crate::list_type::dunder_args;
use crate::method_args::{bind_method, receiver, Signature};
use crate::object::*;
use crate::protocol::{self, is_int_like, repr};
use crate::runtime::Runtime;
use crate::value::Value;
use crate::{iter, PyResult, Vm};

/// Installs the methods of `range`.
pub fn install(rt: &mut Runtime) {
    let cls = rt.types.range;
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("index", range_index),
        ("count", range_count),
        ("__len__", range_len),
        ("__getitem__", range_getitem),
        ("__contains__", range_contains),
        ("__iter__", range_iter),
    ];
    for &(name, f) in methods {
        rt.add_method(cls, name, f);
    }
}

fn recv(vm: &mut dyn Vm, args: &[Value], method: &str) -> PyResult<Value> {
    receiver(
        vm,
        args,
        |rt| rt.types.range,
        method,
        |v| is_kind(v, ObjKind::Range),
    )
}

/// The position of `x` in range `r`, if `x` is an int in it.
fn position(vm: &mut dyn Vm, r: Value, x: Value) -> PyResult<Option<i64>> {
    if !is_int_like(x) || !crate::subscript::contains(vm, r, x)? {
        return Ok(None);
    }
    let rg = downcast::<RangeObj>(r).unwrap();
    let (start, step) = (rg.start, rg.step);
    let i = protocol::index_value(vm, x)?;
    Ok(Some((i - start) / step))
}

fn range_index(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = recv(vm, args, "index")?;
    let a = bind_method(
        vm,
        Signature::positional("range.index", &["value"], 1),
        args,
        kw,
    )?;
    let x = a[0].unwrap();
    if let Some(i) = position(vm, r, x)? {
        return Ok(vm.rt().int_from_i64(i));
    }
    if !is_int_like(x) {
        // Non-ints are searched by equality, like any sequence.
        let it = iter::get_iter(vm, r)?;
        let mut i = 0;
        while let Some(v) = iter::next(vm, it)? {
            if protocol::eq(vm, v, x)? {
                return Ok(vm.rt().int_from_i64(i));
            }
            i += 1;
        }
        return Err(vm.rt().value_error("sequence.index(x): x not in sequence"));
    }
    let s = repr(vm, x)?;
    Err(vm.rt().value_error(format!("{s} is not in range")))
}

fn range_count(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = recv(vm, args, "count")?;
    let a = bind_method(
        vm,
        Signature::positional("range.count", &["value"], 1),
        args,
        kw,
    )?;
    let x = a[0].unwrap();
    if is_int_like(x) {
        return Ok(Value::int(position(vm, r, x)?.is_some() as i64));
    }
    let it = iter::get_iter(vm, r)?;
    let mut n = 0;
    while let Some(v) = iter::next(vm, it)? {
        if protocol::eq(vm, v, x)? {
            n += 1;
        }
    }
    Ok(vm.rt().int_from_i64(n))
}

fn range_len(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = recv(vm, args, "__len__")?;
    let n = protocol::range_len(downcast::<RangeObj>(r).unwrap());
    Ok(vm.rt().int_from_i64(n))
}

fn range_getitem(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = recv(vm, args, "__getitem__")?;
    let a = dunder_args(vm, args, "__getitem__", 1)?;
    crate::subscript::getitem(vm, r, a[0])
}

fn range_contains(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = recv(vm, args, "__contains__")?;
    let a = dunder_args(vm, args, "__contains__", 1)?;
    crate::subscript::contains(vm, r, a[0]).map(Value::from_bool)
}

fn range_iter(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let r = recv(vm, args, "__iter__")?;
    iter::get_iter(vm, r)
}
