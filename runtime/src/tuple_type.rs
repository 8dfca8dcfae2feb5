//! The methods of `tuple` (`index`, `count`) and its container dunders.

use crate::list_type::{dunder_args, index_window};
use crate::method_args::{bind_method, receiver, Signature};
use crate::object::*;
use crate::protocol::{self, seq_items};
use crate::runtime::Runtime;
use crate::value::Value;
use crate::{iter, PyResult, Vm};

/// Installs the methods of `tuple`.
pub fn install(rt: &mut Runtime) {
    let cls = rt.types.tuple;
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("index", tuple_index),
        ("count", tuple_count),
        ("__len__", tuple_len),
        ("__getitem__", tuple_getitem),
        ("__contains__", tuple_contains),
        ("__iter__", tuple_iter),
        ("__hash__", tuple_hash),
    ];
    for &(name, f) in methods {
        rt.add_method(cls, name, f);
    }
}

fn recv(vm: &mut dyn Vm, args: &[Value], method: &str) -> PyResult<Value> {
    receiver(
        vm,
        args,
        |rt| rt.types.tuple,
        method,
        |v| is_kind(v, ObjKind::Tuple),
    )
}

fn matches(vm: &mut dyn Vm, item: Value, x: Value) -> PyResult<bool> {
    Ok((item == x && !item.is_float()) || protocol::eq(vm, item, x)?)
}

fn tuple_index(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = recv(vm, args, "index")?;
    let a = bind_method(
        vm,
        Signature::positional("index", &["value", "start", "stop"], 1),
        args,
        kw,
    )?;
    let items = seq_items(t).to_vec();
    let (s, e) = index_window(vm, a[1], a[2], items.len())?;
    let x = a[0].unwrap();
    for (i, &item) in items.iter().enumerate().take(e.min(items.len())).skip(s) {
        if matches(vm, item, x)? {
            return Ok(vm.rt().int_from_i64(i as i64));
        }
    }
    Err(vm.rt().value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = recv(vm, args, "count")?;
    let a = bind_method(
        vm,
        Signature::positional("tuple.count", &["value"], 1),
        args,
        kw,
    )?;
    let x = a[0].unwrap();
    let mut n = 0;
    for item in seq_items(t).to_vec() {
        if matches(vm, item, x)? {
            n += 1;
        }
    }
    Ok(vm.rt().int_from_i64(n))
}

fn tuple_len(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = recv(vm, args, "__len__")?;
    let n = seq_items(t).len();
    Ok(vm.rt().int_from_i64(n as i64))
}

fn tuple_getitem(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = recv(vm, args, "__getitem__")?;
    let a = dunder_args(vm, args, "__getitem__", 1)?;
    crate::subscript::getitem(vm, t, a[0])
}

fn tuple_contains(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = recv(vm, args, "__contains__")?;
    let a = dunder_args(vm, args, "__contains__", 1)?;
    crate::subscript::contains(vm, t, a[0]).map(Value::from_bool)
}

fn tuple_iter(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = recv(vm, args, "__iter__")?;
    iter::get_iter(vm, t)
}

fn tuple_hash(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = recv(vm, args, "__hash__")?;
    let h = protocol::hash(vm, t)?;
    Ok(vm.rt().int_from_i64(h))
}
