//! The methods of `set` and `frozenset` and the set algebra behind the
//! operators, following CPython 3.11's `setobject.c` loops step by step
//! (which set is copied, which is iterated, when the table is presized or
//! shrunk), so results iterate and print in CPython's order.

use crate::dict_type::{find_plain_entry, plain_eq, plain_text};
use crate::list_type::dunder_args;
use crate::method_args::{bind_method, receiver, ReceiverClass, Signature};
use crate::object::*;
use crate::protocol::hash;
use crate::reentrant_lookup;
use crate::runtime::{none, Runtime};
use crate::set_table::SetTable;
use crate::value::Value;
use crate::{iter, PyResult, Vm};
use frontend::bytecode::BinOpKind;

/// One method shared by `set` and `frozenset`, as installed on one of them
/// (`frozen` says which): a method descriptor belongs to its class, so
/// `set.union(frozenset())` is a TypeError as in CPython although both
/// classes run the same body.
macro_rules! on_class {
    ($frozen:literal, $name:literal, $body:path) => {
        (
            $name,
            (|vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]| {
                recv_of_class(vm, args, $name, $frozen)?;
                $body(vm, args, kw)
            }) as BuiltinFn,
        )
    };
}

/// The methods `set` and `frozenset` share, for the class `frozen` names.
macro_rules! shared_methods {
    ($frozen:literal) => {
        [
            on_class!($frozen, "copy", set_copy_method),
            on_class!($frozen, "union", set_union),
            on_class!($frozen, "intersection", set_intersection_method),
            on_class!($frozen, "difference", set_difference_method),
            on_class!(
                $frozen,
                "symmetric_difference",
                set_symmetric_difference_method
            ),
            on_class!($frozen, "issubset", set_issubset),
            on_class!($frozen, "issuperset", set_issuperset),
            on_class!($frozen, "isdisjoint", set_isdisjoint),
            on_class!($frozen, "__len__", set_len),
            on_class!($frozen, "__contains__", set_contains_method),
            on_class!($frozen, "__iter__", set_iter),
        ]
    };
}

/// Installs the methods of `set` and `frozenset`.
pub fn install(rt: &mut Runtime) {
    let mutating: &[(&'static str, BuiltinFn)] = &[
        ("add", set_add_method),
        ("remove", set_remove),
        ("discard", set_discard),
        ("pop", set_pop),
        ("clear", set_clear),
        ("update", set_update),
        ("intersection_update", set_intersection_update),
        ("difference_update", set_difference_update),
        (
            "symmetric_difference_update",
            set_symmetric_difference_update,
        ),
    ];
    let (set, frozen) = (rt.types.set, rt.types.frozenset);
    for (name, f) in shared_methods!(false) {
        rt.add_method(set, name, f);
    }
    for (name, f) in shared_methods!(true) {
        rt.add_method(frozen, name, f);
    }
    for &(name, f) in mutating {
        rt.add_method(set, name, f);
    }
}

// ---------------------------------------------------------------- primitives

/// `set.add(key)` of a plain key (an inline int or a str) without running
/// Python code: false (and the set unchanged) when the key is not plain or
/// a stored key with the same hash is not (only the full protocol, which may
/// call `__eq__`, can decide), or `set` is not a mutable set.
pub fn add_plain(set: Value, key: Value) -> bool {
    let s = match downcast::<SetObj>(set) {
        Some(s) if !s.frozen => s,
        _ => return false,
    };
    match find_plain_entry(&s.table, key) {
        Some((_, Some(_))) => true,
        Some((h, None)) => {
            s.table.insert_new(h, key);
            true
        }
        None => false,
    }
}

fn is_set(v: Value) -> bool {
    is_kind(v, ObjKind::Set)
}

fn table<'a>(s: Value) -> &'a mut SetTable {
    &mut downcast::<SetObj>(s).unwrap().table
}

fn is_frozen(s: Value) -> bool {
    downcast::<SetObj>(s).is_some_and(|s| s.frozen)
}

/// A new set object holding `table`.
fn new_set_with(vm: &mut dyn Vm, table: SetTable, frozen: bool) -> Value {
    vm.rt().heap.alloc_value(SetObj {
        header: Header::new(ObjKind::Set),
        table,
        frozen,
    })
}

/// CPython's `set_add_entry`.
fn add_entry(vm: &mut dyn Vm, s: Value, h: i64, key: Value) -> PyResult<()> {
    // A plain key is decided without `__eq__` unless a stored key with its
    // hash is not plain (then nothing changed and the full protocol runs).
    if let Some(text) = plain_text(key) {
        if table(s)
            .insert(h, key, Value::NONE, &mut plain_eq(text))
            .is_ok()
        {
            return Ok(());
        }
    }
    reentrant_lookup::set_add(vm, s, h, key)
}

/// CPython's `set_contains_entry`.
fn contains_entry(vm: &mut dyn Vm, s: Value, h: i64, key: Value) -> PyResult<bool> {
    if let Some(text) = plain_text(key) {
        if let Ok(found) = table(s).get(h, key, &mut plain_eq(text)) {
            return Ok(found.is_some());
        }
    }
    reentrant_lookup::set_contains(vm, s, h, key)
}

/// CPython's `set_discard_entry`: true if the key was present.
fn discard_entry(vm: &mut dyn Vm, s: Value, h: i64, key: Value) -> PyResult<bool> {
    if let Some(text) = plain_text(key) {
        if let Ok(removed) = table(s).remove(h, key, &mut plain_eq(text)) {
            return Ok(removed.is_some());
        }
    }
    reentrant_lookup::set_discard(vm, s, h, key)
}

/// `key in set` for a plain key (an inline int or a str) without running
/// Python code: None when the full protocol must decide or `set` is not a
/// set or frozenset.
#[inline]
pub fn contains_plain(set: Value, key: Value) -> Option<bool> {
    let s = downcast::<SetObj>(set)?;
    find_plain_entry(&s.table, key).map(|(_, found)| found.is_some())
}

/// `(hash, key)` pairs of a set, in slot order.
fn entries(s: Value) -> Vec<(i64, Value)> {
    table(s).hashed_keys().collect()
}

/// CPython's `set_next`: the first key of set `s` at slot `*pos` or later,
/// with its hash; `*pos` moves past it. The table is read afresh at each
/// call, so a loop that runs `__eq__` between calls sees what it changed
/// (keys it removed are skipped, never read after being freed).
fn next_hashed(s: Value, pos: &mut usize) -> Option<(i64, Value)> {
    let t = table(s);
    while *pos < t.slots_len() {
        let i = *pos;
        *pos += 1;
        if let Some(hashed) = t.hashed_key_at(i) {
            return Some(hashed);
        }
    }
    None
}

/// Runs `f` with `vals` rooted (they may be new objects reachable from
/// nowhere else while `f` runs Python code).
fn rooted<T>(
    vm: &mut dyn Vm,
    vals: &[Value],
    f: impl FnOnce(&mut dyn Vm) -> PyResult<T>,
) -> PyResult<T> {
    for &v in vals {
        vm.rt().heap.push_root(v);
    }
    let r = f(vm);
    vm.rt().heap.pop_roots(vals.len());
    r
}

/// Every item of an iterable with its hash (the iterable is fully consumed
/// first, then hashed, which only matters for iterables with side effects).
fn hashed_items(vm: &mut dyn Vm, other: Value) -> PyResult<Vec<(i64, Value)>> {
    with_hashed_items(vm, other, |_, items| Ok(items))
}

/// Runs `f` on `hashed_items(other)` while the items stay rooted (they may
/// be new objects reachable from nowhere else, and `f`'s lookups may run
/// Python code).
fn with_hashed_items<T>(
    vm: &mut dyn Vm,
    other: Value,
    f: impl FnOnce(&mut dyn Vm, Vec<(i64, Value)>) -> PyResult<T>,
) -> PyResult<T> {
    let items = iter::collect(vm, other)?;
    let holder = vm.rt().new_list(items.clone());
    rooted(vm, &[holder], |vm| {
        let hashed = items
            .into_iter()
            .map(|k| Ok((hash(vm, k)?, k)))
            .collect::<PyResult<Vec<_>>>()?;
        f(vm, hashed)
    })
}

/// `set(so)`/`so.copy()` as a set (`frozen` chooses the result type).
fn copy_of(vm: &mut dyn Vm, so: Value, frozen: bool) -> Value {
    let t = table(so).copy();
    new_set_with(vm, t, frozen)
}

// ---------------------------------------------------------------- CPython's algorithms

/// CPython's `set_update_internal`: add every item of `other` to `so`.
pub fn update_internal(vm: &mut dyn Vm, so: Value, other: Value) -> PyResult<()> {
    if is_set(other) {
        if so == other {
            return Ok(());
        }
        let other_table: &SetTable = table(other);
        if table(so).merge_start(other_table) {
            return Ok(());
        }
        // CPython's `set_merge`: `other` is read afresh at each slot, as an
        // `__eq__` may change it (or `so`) under the loop.
        let mut i = 0;
        while i < table(other).slots_len() {
            if let Some((h, k)) = table(other).hashed_key_at(i) {
                // `k` stays alive even if `__eq__` removes it from `other`.
                rooted(vm, &[k], |vm| add_entry(vm, so, h, k))?;
            }
            i += 1;
        }
        return Ok(());
    }
    if let Some(d) = downcast::<DictObj>(other) {
        table(so).reserve_for_update(d.table.len());
        // CPython walks the dict by position, reading it afresh each step.
        let dict_table = |d: Value| &downcast::<DictObj>(d).unwrap().table;
        let mut i = 0;
        while i < dict_table(other).entries_len() {
            if let Some(e) = dict_table(other).entry_at(i) {
                // `e.key` stays alive even if `__eq__` removes it from `other`.
                rooted(vm, &[e.key], |vm| add_entry(vm, so, e.hash, e.key))?;
            }
            i += 1;
        }
        return Ok(());
    }
    let it = iter::get_iter(vm, other)?;
    rooted(vm, &[it], |vm| {
        while let Some(k) = iter::next(vm, it)? {
            let h = hash(vm, k)?;
            add_entry(vm, so, h, k)?;
        }
        Ok(())
    })
}

/// CPython's `set_intersection`: a new set (of `so`'s type).
fn intersection(vm: &mut dyn Vm, so: Value, other: Value) -> PyResult<Value> {
    let frozen = is_frozen(so);
    if so == other {
        return Ok(copy_of(vm, so, frozen));
    }
    let result = new_set_with(vm, SetTable::new(), frozen);
    rooted(vm, &[result], |vm| {
        if is_set(other) {
            // Iterate the smaller set, look up in the larger.
            let (big, small) = if table(other).len() > table(so).len() {
                (other, so)
            } else {
                (so, other)
            };
            let mut pos = 0;
            while let Some((h, k)) = next_hashed(small, &mut pos) {
                // `k` stays alive if an `__eq__` removes it from `small`.
                rooted(vm, &[k], |vm| {
                    if contains_entry(vm, big, h, k)? {
                        add_entry(vm, result, h, k)?;
                    }
                    Ok(())
                })?;
            }
        } else {
            with_hashed_items(vm, other, |vm, items| {
                for (h, k) in items {
                    if contains_entry(vm, so, h, k)? {
                        add_entry(vm, result, h, k)?;
                    }
                }
                Ok(())
            })?;
        }
        Ok(result)
    })
}

/// CPython's `set_difference_update_internal`: remove `other`'s items from `so`.
fn difference_update_internal(vm: &mut dyn Vm, so: Value, other: Value) -> PyResult<()> {
    if so == other {
        table(so).clear();
        return Ok(());
    }
    let keys: Vec<(i64, Value)> = if is_set(other) {
        entries(other)
    } else if let Some(d) = downcast::<DictObj>(other) {
        d.table.entries().map(|e| (e.hash, e.key)).collect()
    } else {
        hashed_items(vm, other)?
    };
    let holder_items: Vec<Value> = keys.iter().map(|&(_, k)| k).collect();
    let holder = vm.rt().new_list(holder_items);
    rooted(vm, &[holder], |vm| {
        for (h, k) in keys {
            discard_entry(vm, so, h, k)?;
        }
        Ok(())
    })?;
    // More than a quarter dummies: rebuild without them, like CPython.
    table(so).shrink_dummies();
    Ok(())
}

/// CPython's `set_difference`: a new set (of `so`'s type).
fn difference(vm: &mut dyn Vm, so: Value, other: Value) -> PyResult<Value> {
    let frozen = is_frozen(so);
    let so_size = table(so).len();
    let other_size = if is_set(other) {
        table(other).len()
    } else if let Some(d) = downcast::<DictObj>(other) {
        d.table.len()
    } else {
        usize::MAX
    };
    if other_size == usize::MAX || (so_size >> 2) > other_size {
        let result = copy_of(vm, so, frozen);
        return rooted(vm, &[result], |vm| {
            difference_update_internal(vm, result, other).map(|_| result)
        });
    }
    let result = new_set_with(vm, SetTable::new(), frozen);
    rooted(vm, &[result], |vm| {
        let mut pos = 0;
        while let Some((h, k)) = next_hashed(so, &mut pos) {
            // `k` stays alive if an `__eq__` removes it from `so`.
            rooted(vm, &[k], |vm| {
                let present = if is_set(other) {
                    contains_entry(vm, other, h, k)?
                } else {
                    crate::protocol::dict_lookup(vm, other, k)?.is_some()
                };
                if !present {
                    add_entry(vm, result, h, k)?;
                }
                Ok(())
            })?;
        }
        Ok(result)
    })
}

/// CPython's `set_symmetric_difference_update`.
fn symmetric_difference_update(vm: &mut dyn Vm, so: Value, other: Value) -> PyResult<()> {
    if so == other {
        table(so).clear();
        return Ok(());
    }
    let keys: Vec<(i64, Value)> = if let Some(d) = downcast::<DictObj>(other) {
        d.table.entries().map(|e| (e.hash, e.key)).collect()
    } else if is_set(other) {
        entries(other)
    } else {
        let tmp = new_set_with(vm, SetTable::new(), false);
        rooted(vm, &[tmp], |vm| update_internal(vm, tmp, other))?;
        entries(tmp)
    };
    let holder_items: Vec<Value> = keys.iter().map(|&(_, k)| k).collect();
    let holder = vm.rt().new_list(holder_items);
    rooted(vm, &[holder], |vm| {
        for (h, k) in keys {
            if !discard_entry(vm, so, h, k)? {
                add_entry(vm, so, h, k)?;
            }
        }
        Ok(())
    })
}

/// CPython's `set_symmetric_difference`: `set(other)` updated with `so`.
fn symmetric_difference(vm: &mut dyn Vm, so: Value, other: Value) -> PyResult<Value> {
    let result = new_set_with(vm, SetTable::new(), is_frozen(so));
    rooted(vm, &[result], |vm| {
        update_internal(vm, result, other)?;
        symmetric_difference_update(vm, result, so)?;
        Ok(result)
    })
}

/// `so | other`: a copy of `so` updated with `other`.
fn union(vm: &mut dyn Vm, so: Value, other: Value) -> PyResult<Value> {
    let result = copy_of(vm, so, is_frozen(so));
    if so == other {
        return Ok(result);
    }
    rooted(vm, &[result], |vm| {
        update_internal(vm, result, other).map(|_| result)
    })
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for two sets; `None` for other operators.
pub fn binary(vm: &mut dyn Vm, op: BinOpKind, a: Value, b: Value) -> PyResult<Option<Value>> {
    Ok(Some(match op {
        BinOpKind::BitOr => union(vm, a, b)?,
        BinOpKind::BitAnd => intersection(vm, a, b)?,
        BinOpKind::Sub => difference(vm, a, b)?,
        BinOpKind::BitXor => symmetric_difference(vm, a, b)?,
        _ => return Ok(None),
    }))
}

/// `a |= b` etc. for a set `a` and set `b`, in place like CPython.
pub fn inplace(vm: &mut dyn Vm, op: BinOpKind, a: Value, b: Value) -> PyResult<Option<Value>> {
    match op {
        BinOpKind::BitOr => update_internal(vm, a, b)?,
        BinOpKind::BitAnd => {
            let tmp = intersection(vm, a, b)?;
            std::mem::swap(table(a), table(tmp));
        }
        BinOpKind::Sub => difference_update_internal(vm, a, b)?,
        BinOpKind::BitXor => symmetric_difference_update(vm, a, b)?,
        _ => return Ok(None),
    }
    Ok(Some(a))
}

/// `s |= other`, `s -= other`, `s ^= other` with any iterable `other`
/// (what the set-like dict views need).
pub fn inplace_any(vm: &mut dyn Vm, op: BinOpKind, s: Value, other: Value) -> PyResult<()> {
    match op {
        BinOpKind::BitOr => update_internal(vm, s, other),
        BinOpKind::Sub => difference_update_internal(vm, s, other),
        BinOpKind::BitXor => symmetric_difference_update(vm, s, other),
        _ => {
            let tmp = intersection(vm, s, other)?;
            std::mem::swap(table(s), table(tmp));
            Ok(())
        }
    }
}

/// Fills a new set from `set(iterable)`/`frozenset(iterable)`.
pub fn fill_from(vm: &mut dyn Vm, s: Value, iterable: Value) -> PyResult<()> {
    update_internal(vm, s, iterable)
}

// ---------------------------------------------------------------- methods

/// The receiver of a method of `frozenset` (`frozen`) or `set`: an instance
/// of that class, not of the other one.
fn recv_of_class(vm: &mut dyn Vm, args: &[Value], method: &str, frozen: bool) -> PyResult<Value> {
    let (cls, is_instance): ReceiverClass = match frozen {
        true => (|rt| rt.types.frozenset, |v| is_set(v) && is_frozen(v)),
        false => (|rt| rt.types.set, |v| is_set(v) && !is_frozen(v)),
    };
    receiver(vm, args, cls, method, is_instance)
}

/// The receiver of a mutating method: a set, not a frozenset.
fn recv_mut(vm: &mut dyn Vm, args: &[Value], method: &str) -> PyResult<Value> {
    recv_of_class(vm, args, method, false)
}

fn one_arg(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)], name: &str) -> PyResult<Value> {
    if let ([_, arg], []) = (args, kw) {
        return Ok(*arg);
    }
    let a = bind_method(vm, Signature::positional(name, &["other"], 1), args, kw)?;
    Ok(a[0].unwrap())
}

fn no_kwargs(vm: &mut dyn Vm, kw: &[(Value, Value)], name: &str) -> PyResult<()> {
    crate::builtins::no_kwargs(vm, name, kw)
}

fn set_add_method(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv_mut(vm, args, "add")?;
    let key = one_arg(vm, args, kw, "set.add")?;
    let h = hash(vm, key)?;
    add_entry(vm, s, h, key)?;
    none()
}

fn set_remove(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv_mut(vm, args, "remove")?;
    let key = one_arg(vm, args, kw, "set.remove")?;
    let h = hash(vm, key)?;
    if discard_entry(vm, s, h, key)? {
        none()
    } else {
        Err(vm.rt().key_error(key))
    }
}

fn set_discard(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv_mut(vm, args, "discard")?;
    let key = one_arg(vm, args, kw, "set.discard")?;
    let h = hash(vm, key)?;
    discard_entry(vm, s, h, key)?;
    none()
}

fn set_pop(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv_mut(vm, args, "pop")?;
    bind_method(vm, Signature::positional("set.pop", &[], 0), args, kw)?;
    match table(s).pop() {
        Some(k) => Ok(k),
        None => {
            let msg = vm.rt().new_str("pop from an empty set");
            Err(vm.rt().key_error(msg))
        }
    }
}

fn set_clear(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv_mut(vm, args, "clear")?;
    bind_method(vm, Signature::positional("set.clear", &[], 0), args, kw)?;
    table(s).clear();
    none()
}

fn set_copy_method(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = args[0]; // checked by `on_class`
    bind_method(vm, Signature::positional("copy", &[], 0), args, kw)?;
    if is_frozen(s) {
        return Ok(s);
    }
    Ok(copy_of(vm, s, false))
}

fn set_update(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = recv_mut(vm, args, "update")?;
    no_kwargs(vm, kw, "set.update")?;
    for &other in &args[1..] {
        update_internal(vm, s, other)?;
    }
    none()
}

fn set_union(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = args[0]; // checked by `on_class`
    no_kwargs(vm, kw, "union")?;
    let result = copy_of(vm, s, is_frozen(s));
    rooted(vm, &[result], |vm| {
        for &other in &args[1..] {
            if other != s {
                update_internal(vm, result, other)?;
            }
        }
        Ok(result)
    })
}

/// CPython's `set_intersection_multi`.
fn intersection_multi(vm: &mut dyn Vm, s: Value, others: &[Value]) -> PyResult<Value> {
    if others.is_empty() {
        return Ok(copy_of(vm, s, is_frozen(s)));
    }
    let mut result = s;
    for &other in others {
        let next = rooted(vm, &[result], |vm| intersection(vm, result, other))?;
        result = next;
    }
    Ok(result)
}

fn set_intersection_method(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    let s = args[0]; // checked by `on_class`
    no_kwargs(vm, kw, "intersection")?;
    intersection_multi(vm, s, &args[1..])
}

fn set_intersection_update(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    let s = recv_mut(vm, args, "intersection_update")?;
    no_kwargs(vm, kw, "intersection_update")?;
    let tmp = intersection_multi(vm, s, &args[1..])?;
    if tmp != s {
        std::mem::swap(table(s), table(tmp));
    }
    none()
}

fn set_difference_method(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    let s = args[0]; // checked by `on_class`
    no_kwargs(vm, kw, "difference")?;
    let Some((&first, rest)) = args[1..].split_first() else {
        return Ok(copy_of(vm, s, is_frozen(s)));
    };
    let result = difference(vm, s, first)?;
    rooted(vm, &[result], |vm| {
        for &other in rest {
            difference_update_internal(vm, result, other)?;
        }
        Ok(result)
    })
}

fn set_difference_update(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    let s = recv_mut(vm, args, "difference_update")?;
    no_kwargs(vm, kw, "difference_update")?;
    for &other in &args[1..] {
        difference_update_internal(vm, s, other)?;
    }
    none()
}

fn set_symmetric_difference_method(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    let s = args[0]; // checked by `on_class`
    let other = one_arg(vm, args, kw, "symmetric_difference")?;
    symmetric_difference(vm, s, other)
}

fn set_symmetric_difference_update(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    let s = recv_mut(vm, args, "symmetric_difference_update")?;
    let other = one_arg(vm, args, kw, "symmetric_difference_update")?;
    symmetric_difference_update(vm, s, other)?;
    none()
}

/// `other` as a set: itself, or a temporary `set(other)`.
fn as_set(vm: &mut dyn Vm, other: Value) -> PyResult<Value> {
    if is_set(other) {
        return Ok(other);
    }
    let tmp = new_set_with(vm, SetTable::new(), false);
    rooted(vm, &[tmp], |vm| update_internal(vm, tmp, other))?;
    Ok(tmp)
}

/// CPython's `set_issubset` of two sets or frozensets: is every key of `a`
/// in `b`? Walks `a` by position with the stored hashes.
pub fn is_subset(vm: &mut dyn Vm, a: Value, b: Value) -> PyResult<bool> {
    if table(a).len() > table(b).len() {
        return Ok(false);
    }
    let mut pos = 0;
    while let Some((h, k)) = next_hashed(a, &mut pos) {
        // `k` stays alive if an `__eq__` removes it from `a`.
        if !rooted(vm, &[k], |vm| contains_entry(vm, b, h, k))? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_issubset(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = args[0]; // checked by `on_class`
    let other = one_arg(vm, args, kw, "issubset")?;
    let other = as_set(vm, other)?;
    rooted(vm, &[other], |vm| is_subset(vm, s, other)).map(Value::from_bool)
}

fn set_issuperset(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = args[0]; // checked by `on_class`
    let other = one_arg(vm, args, kw, "issuperset")?;
    if is_set(other) {
        return is_subset(vm, other, s).map(Value::from_bool);
    }
    with_hashed_items(vm, other, |vm, items| {
        for (h, k) in items {
            if !contains_entry(vm, s, h, k)? {
                return Ok(Value::FALSE);
            }
        }
        Ok(Value::TRUE)
    })
}

fn set_isdisjoint(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = args[0]; // checked by `on_class`
    let other = one_arg(vm, args, kw, "isdisjoint")?;
    if is_set(other) {
        let (big, small) = if table(other).len() > table(s).len() {
            (other, s)
        } else {
            (s, other)
        };
        let mut pos = 0;
        while let Some((h, k)) = next_hashed(small, &mut pos) {
            // `k` stays alive if an `__eq__` removes it from `small`.
            if rooted(vm, &[k], |vm| contains_entry(vm, big, h, k))? {
                return Ok(Value::FALSE);
            }
        }
        return Ok(Value::TRUE);
    }
    with_hashed_items(vm, other, |vm, items| {
        for (h, k) in items {
            if contains_entry(vm, s, h, k)? {
                return Ok(Value::FALSE);
            }
        }
        Ok(Value::TRUE)
    })
}

fn set_len(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = args[0]; // checked by `on_class`
    let n = table(s).len();
    Ok(vm.rt().int_from_i64(n as i64))
}

fn set_contains_method(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = args[0]; // checked by `on_class`
    let a = dunder_args(vm, args, "__contains__", 1)?;
    crate::protocol::set_contains(vm, s, a[0]).map(Value::from_bool)
}

fn set_iter(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let s = args[0]; // checked by `on_class`
    iter::get_iter(vm, s)
}
