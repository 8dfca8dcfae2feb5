//! The methods of `list`: mutation (`append`, `insert`, `pop`, `sort`, ...),
//! searching (`index`, `count`) and the container dunders, with CPython's
//! error messages.

use crate::list_items::ListItems;
use crate::method_args::{bind, bind_method, int_arg, receiver, slice_index, Signature};
use crate::object::*;
use crate::protocol::{self, repr, truthy};
use crate::runtime::{none, Runtime};
use crate::value::Value;
use crate::{iter, PyResult, Vm};

/// Installs the methods of `list`.
pub fn install(rt: &mut Runtime) {
    let cls = rt.types.list;
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("append", list_append),
        ("extend", list_extend),
        ("insert", list_insert),
        ("pop", list_pop),
        ("remove", list_remove),
        ("index", list_index),
        ("count", list_count),
        ("sort", list_sort),
        ("reverse", list_reverse),
        ("copy", list_copy),
        ("clear", list_clear),
        ("__len__", list_len),
        ("__getitem__", list_getitem),
        ("__setitem__", list_setitem),
        ("__delitem__", list_delitem),
        ("__contains__", list_contains),
        ("__iter__", list_iter),
        ("__iadd__", list_iadd),
    ];
    for &(name, f) in methods {
        rt.add_method(cls, name, f);
    }
}

fn recv(vm: &mut dyn Vm, args: &[Value], method: &str) -> PyResult<Value> {
    receiver(
        vm,
        args,
        |rt| rt.types.list,
        method,
        |v| is_kind(v, ObjKind::List),
    )
}

/// The items of a list receiver (valid until the list is next touched).
fn items<'a>(list: Value) -> &'a mut ListItems {
    &mut downcast::<ListObj>(list).unwrap().items
}

fn list_append(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = recv(vm, args, "append")?;
    let a = bind_method(
        vm,
        Signature::positional("list.append", &["object"], 1),
        args,
        kw,
    )?;
    items(l).push(a[0].unwrap());
    none()
}

fn list_extend(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = recv(vm, args, "extend")?;
    let a = bind_method(
        vm,
        Signature::positional("list.extend", &["iterable"], 1),
        args,
        kw,
    )?;
    let src = a[0].unwrap();
    let new = iter::collect(vm, src)?;
    items(l).extend(new);
    none()
}

fn list_iadd(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    list_extend(vm, args, kw)?;
    Ok(args[0])
}

fn list_insert(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = recv(vm, args, "insert")?;
    let a = bind_method(
        vm,
        Signature::positional("insert", &["index", "object"], 2),
        args,
        kw,
    )?;
    let index = a[0].unwrap();
    if !protocol::is_int_like(index) {
        int_arg(vm, index)?;
    }
    let i = crate::method_args::clamped_int(index);
    let v = items(l);
    let n = v.len() as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) };
    v.insert(pos as usize, a[1].unwrap());
    none()
}

fn list_pop(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = recv(vm, args, "pop")?;
    let i = match (args, kw) {
        // The usual calls without the general argument binding.
        ([_], []) => -1,
        ([_, index], []) => int_arg(vm, *index)?,
        _ => {
            let a = bind_method(vm, Signature::positional("pop", &["index"], 0), args, kw)?;
            match a[0] {
                Some(v) => int_arg(vm, v)?,
                None => -1,
            }
        }
    };
    let v = items(l);
    if v.is_empty() {
        return Err(vm.rt().index_error("pop from empty list"));
    }
    match crate::subscript::norm_index(i, v.len()) {
        Some(j) => Ok(v.remove(j)),
        None => Err(vm.rt().index_error("pop index out of range")),
    }
}

/// The first index `>= start` (below `end`) whose item equals `x`. The list
/// is re-read after every comparison, which may run Python code.
fn find(vm: &mut dyn Vm, l: Value, x: Value, start: usize, end: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < end.min(items(l).len()) {
        let item = items(l)[i];
        if (item == x && !item.is_float()) || protocol::eq(vm, item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn list_remove(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = recv(vm, args, "remove")?;
    let a = bind_method(
        vm,
        Signature::positional("list.remove", &["value"], 1),
        args,
        kw,
    )?;
    match find(vm, l, a[0].unwrap(), 0, usize::MAX)? {
        Some(i) => {
            items(l).remove(i);
            none()
        }
        None => Err(vm.rt().value_error("list.remove(x): x not in list")),
    }
}

/// `start`/`stop` of `index` resolved against `len` like a slice.
pub fn index_window(
    vm: &mut dyn Vm,
    start: Option<Value>,
    stop: Option<Value>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let resolve = |i: i64| -> usize {
        if i < 0 {
            (i + len as i64).max(0) as usize
        } else {
            i as usize
        }
    };
    let s = slice_index(vm, start)?.map_or(0, resolve);
    let e = slice_index(vm, stop)?.map_or(usize::MAX, resolve);
    Ok((s, e))
}

fn list_index(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = recv(vm, args, "index")?;
    let a = bind_method(
        vm,
        Signature::positional("index", &["value", "start", "stop"], 1),
        args,
        kw,
    )?;
    let len = items(l).len();
    let (s, e) = index_window(vm, a[1], a[2], len)?;
    let x = a[0].unwrap();
    match find(vm, l, x, s, e)? {
        Some(i) => Ok(vm.rt().int_from_i64(i as i64)),
        None => {
            let r = repr(vm, x)?;
            Err(vm.rt().value_error(format!("{r} is not in list")))
        }
    }
}

fn list_count(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = recv(vm, args, "count")?;
    let a = bind_method(
        vm,
        Signature::positional("list.count", &["value"], 1),
        args,
        kw,
    )?;
    let x = a[0].unwrap();
    let mut n = 0;
    let mut i = 0;
    while i < items(l).len() {
        let item = items(l)[i];
        if (item == x && !item.is_float()) || protocol::eq(vm, item, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(vm.rt().int_from_i64(n))
}

fn list_sort(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = recv(vm, args, "sort")?;
    if args.len() > 1 {
        return Err(vm.rt().type_error("sort() takes no positional arguments"));
    }
    let a = bind(
        vm,
        Signature::keywords("sort", &["key", "reverse"], 0),
        &[],
        kw,
    )?;
    let key = a[0].unwrap_or(Value::NONE);
    let reverse = match a[1] {
        Some(r) => truthy(vm, r)?,
        None => false,
    };
    // Like CPython, the list looks empty while it is sorted: a key function or
    // `__lt__` that mutates it is detected afterwards.
    let mut taken = std::mem::take(items(l));
    let r = crate::sort::sort_values(vm, &mut taken, key, reverse);
    let modified = !items(l).is_empty();
    *items(l) = taken;
    r?;
    if modified {
        return Err(vm.rt().value_error("list modified during sort"));
    }
    none()
}

fn list_reverse(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = recv(vm, args, "reverse")?;
    bind_method(vm, Signature::positional("list.reverse", &[], 0), args, kw)?;
    items(l).reverse();
    none()
}

fn list_copy(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = recv(vm, args, "copy")?;
    bind_method(vm, Signature::positional("list.copy", &[], 0), args, kw)?;
    let v = items(l).clone();
    Ok(vm.rt().new_list(v))
}

fn list_clear(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = recv(vm, args, "clear")?;
    bind_method(vm, Signature::positional("list.clear", &[], 0), args, kw)?;
    items(l).clear();
    none()
}

// ---------------------------------------------------------------- dunders

fn list_len(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = recv(vm, args, "__len__")?;
    let n = items(l).len();
    Ok(vm.rt().int_from_i64(n as i64))
}

/// The `n` arguments after the receiver of a dunder.
pub fn dunder_args<'a>(
    vm: &mut dyn Vm,
    args: &'a [Value],
    name: &str,
    n: usize,
) -> PyResult<&'a [Value]> {
    let Some(rest) = args.get(1..) else {
        return Err(vm.rt().type_error(format!("{name}() needs an argument")));
    };
    if rest.len() != n {
        let msg = if n == 1 {
            format!("expected 1 argument, got {}", rest.len())
        } else {
            format!("{name} expected {n} arguments, got {}", rest.len())
        };
        return Err(vm.rt().type_error(msg));
    }
    Ok(rest)
}

fn list_getitem(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = recv(vm, args, "__getitem__")?;
    let a = dunder_args(vm, args, "__getitem__", 1)?;
    crate::subscript::getitem(vm, l, a[0])
}

fn list_setitem(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = recv(vm, args, "__setitem__")?;
    let a = dunder_args(vm, args, "__setitem__", 2)?;
    crate::subscript::setitem(vm, l, a[0], a[1])?;
    none()
}

fn list_delitem(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = recv(vm, args, "__delitem__")?;
    let a = dunder_args(vm, args, "__delitem__", 1)?;
    crate::subscript::delitem(vm, l, a[0])?;
    none()
}

fn list_contains(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = recv(vm, args, "__contains__")?;
    let a = dunder_args(vm, args, "__contains__", 1)?;
    crate::subscript::contains(vm, l, a[0]).map(Value::from_bool)
}

fn list_iter(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let l = recv(vm, args, "__iter__")?;
    iter::get_iter(vm, l)
}

/// `list[start:stop]` (step 1, None for an omitted bound): a new list.
pub fn slice_plain(
    rt: &mut Runtime,
    l: Value,
    start: Option<i64>,
    stop: Option<i64>,
) -> Option<Value> {
    let items = &downcast::<ListObj>(l)?.items;
    let range = crate::subscript::slice_range(start, stop, items.len());
    let mut out = rt.heap.value_vec(range.len());
    out.extend_from_slice(&items[range]);
    Some(rt.new_list(out))
}
