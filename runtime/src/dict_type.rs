//! The methods of `dict` (`get`, `setdefault`, `pop`, `popitem`, views,
//! `update`, `copy`, `clear`, `fromkeys`) and of its views, with CPython's
//! error messages.

use crate::builtins_support::dict_update_from;
use crate::list_type::dunder_args;
use crate::method_args::{bind, bind_method, receiver, Signature};
use crate::object::*;
use crate::protocol::{dict_lookup, dict_remove, dict_store};
use crate::runtime::{none, Runtime};
use crate::value::Value;
use crate::{iter, PyResult, Vm};

/// Installs the methods of `dict` and its views.
pub fn install(rt: &mut Runtime) {
    let cls = rt.types.dict;
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("get", dict_get),
        ("setdefault", dict_setdefault),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("update", dict_update),
        ("copy", dict_copy),
        ("clear", dict_clear),
        ("__len__", dict_len),
        ("__getitem__", dict_getitem),
        ("__setitem__", dict_setitem),
        ("__delitem__", dict_delitem),
        ("__contains__", dict_contains),
        ("__iter__", dict_iter),
    ];
    for &(name, f) in methods {
        rt.add_method(cls, name, f);
    }
    let fromkeys = rt.new_builtin("fromkeys", dict_fromkeys);
    let wrapped = rt.heap.alloc_value(ClassMethodObj {
        header: Header::new(ObjKind::ClassMethod),
        func: fromkeys,
    });
    let key = rt.intern("fromkeys");
    rt.class_set(cls, key, wrapped);
    let views = [
        rt.types.dict_keys,
        rt.types.dict_values,
        rt.types.dict_items,
    ];
    for view in views {
        rt.add_method(view, "__len__", view_len);
        rt.add_method(view, "__iter__", view_iter);
        rt.add_method(view, "__contains__", view_contains);
    }
}

fn recv(vm: &mut dyn Vm, args: &[Value], method: &str) -> PyResult<Value> {
    receiver(
        vm,
        args,
        |rt| rt.types.dict,
        method,
        |v| is_kind(v, ObjKind::Dict),
    )
}

fn table<'a>(d: Value) -> &'a mut crate::dict_table::DictTable {
    &mut downcast::<DictObj>(d).unwrap().table
}

fn dict_get(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = recv(vm, args, "get")?;
    // `d.get(key)` / `d.get(key, default)`, the common calls: no binding.
    if kw.is_empty() {
        if let [_, key, rest @ ..] = args {
            if rest.len() <= 1 {
                let default = rest.first().copied().unwrap_or(Value::NONE);
                return Ok(dict_lookup(vm, d, *key)?.unwrap_or(default));
            }
        }
    }
    let a = bind_method(
        vm,
        Signature::positional("get", &["key", "default"], 1),
        args,
        kw,
    )?;
    Ok(dict_lookup(vm, d, a[0].unwrap())?.unwrap_or(a[1].unwrap_or(Value::NONE)))
}

fn dict_setdefault(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = recv(vm, args, "setdefault")?;
    let a = bind_method(
        vm,
        Signature::positional("setdefault", &["key", "default"], 1),
        args,
        kw,
    )?;
    let key = a[0].unwrap();
    if let Some(v) = dict_lookup(vm, d, key)? {
        return Ok(v);
    }
    let default = a[1].unwrap_or(Value::NONE);
    dict_store(vm, d, key, default)?;
    Ok(default)
}

fn dict_pop(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = recv(vm, args, "pop")?;
    let a = bind_method(
        vm,
        Signature::positional("pop", &["key", "default"], 1),
        args,
        kw,
    )?;
    let key = a[0].unwrap();
    match dict_remove(vm, d, key)? {
        Some(v) => Ok(v),
        None => match a[1] {
            Some(default) => Ok(default),
            None => Err(vm.rt().key_error(key)),
        },
    }
}

fn dict_popitem(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = recv(vm, args, "popitem")?;
    bind_method(vm, Signature::positional("dict.popitem", &[], 0), args, kw)?;
    match table(d).pop_last() {
        Some((k, v)) => Ok(vm.rt().new_tuple(vec![k, v])),
        None => {
            let msg = vm.rt().new_str("popitem(): dictionary is empty");
            Err(vm.rt().key_error(msg))
        }
    }
}

fn view(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
    name: &'static str,
    part: DictPart,
) -> PyResult<Value> {
    let d = recv(vm, args, name)?;
    bind_method(vm, Signature::positional(name, &[], 0), args, kw)?;
    Ok(vm.rt().heap.alloc_value(DictViewObj {
        header: Header::new(ObjKind::DictView),
        dict: d,
        part,
    }))
}

fn dict_keys(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    view(vm, args, kw, "dict.keys", DictPart::Keys)
}

fn dict_values(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    view(vm, args, kw, "dict.values", DictPart::Values)
}

fn dict_items(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    view(vm, args, kw, "dict.items", DictPart::Items)
}

fn dict_update(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = recv(vm, args, "update")?;
    let rest = &args[1..];
    if rest.len() > 1 {
        return Err(vm.rt().type_error(format!(
            "update expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    if let Some(&src) = rest.first() {
        if src != d {
            dict_update_from(vm, d, src)?;
        }
    }
    for &(k, v) in kw {
        dict_store(vm, d, k, v)?;
    }
    none()
}

fn dict_copy(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = recv(vm, args, "copy")?;
    bind_method(vm, Signature::positional("dict.copy", &[], 0), args, kw)?;
    let t = table(d).clone();
    Ok(vm.rt().heap.alloc_value(DictObj {
        header: Header::new(ObjKind::Dict),
        table: t,
    }))
}

fn dict_clear(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = recv(vm, args, "clear")?;
    bind_method(vm, Signature::positional("dict.clear", &[], 0), args, kw)?;
    table(d).clear();
    none()
}

/// `dict.fromkeys(iterable, value=None)` (a classmethod: `args[0]` is the class).
fn dict_fromkeys(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = bind(
        vm,
        Signature::positional("fromkeys", &["cls", "iterable", "value"], 2),
        args,
        kw,
    )?;
    let keys = iter::collect(vm, a[1].unwrap())?;
    let value = a[2].unwrap_or(Value::NONE);
    let d = vm.rt().new_dict();
    vm.rt().heap.push_root(d);
    let holder = vm.rt().new_list(keys.clone());
    vm.rt().heap.push_root(holder);
    let r = keys
        .into_iter()
        .try_for_each(|k| dict_store(vm, d, k, value));
    vm.rt().heap.pop_roots(2);
    r.map(|_| d)
}

// ---------------------------------------------------------------- dunders

fn dict_len(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = recv(vm, args, "__len__")?;
    let n = table(d).len();
    Ok(vm.rt().int_from_i64(n as i64))
}

fn dict_getitem(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = recv(vm, args, "__getitem__")?;
    let a = dunder_args(vm, args, "__getitem__", 1)?;
    crate::subscript::getitem(vm, d, a[0])
}

fn dict_setitem(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = recv(vm, args, "__setitem__")?;
    let a = dunder_args(vm, args, "__setitem__", 2)?;
    dict_store(vm, d, a[0], a[1])?;
    none()
}

fn dict_delitem(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = recv(vm, args, "__delitem__")?;
    let a = dunder_args(vm, args, "__delitem__", 1)?;
    crate::subscript::delitem(vm, d, a[0])?;
    none()
}

fn dict_contains(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = recv(vm, args, "__contains__")?;
    let a = dunder_args(vm, args, "__contains__", 1)?;
    Ok(Value::from_bool(dict_lookup(vm, d, a[0])?.is_some()))
}

fn dict_iter(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let d = recv(vm, args, "__iter__")?;
    iter::get_iter(vm, d)
}

// ---------------------------------------------------------------- views

fn view_recv(vm: &mut dyn Vm, args: &[Value], method: &str) -> PyResult<Value> {
    match args.first() {
        Some(&v) if is_kind(v, ObjKind::DictView) => Ok(v),
        _ => Err(vm
            .rt()
            .type_error(format!("descriptor '{method}' requires a dict view"))),
    }
}

fn view_len(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = view_recv(vm, args, "__len__")?;
    crate::builtins::length(vm, v).map(Value::int)
}

fn view_iter(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = view_recv(vm, args, "__iter__")?;
    iter::get_iter(vm, v)
}

fn view_contains(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let v = view_recv(vm, args, "__contains__")?;
    let a = dunder_args(vm, args, "__contains__", 1)?;
    crate::subscript::contains(vm, v, a[0]).map(Value::from_bool)
}

// ---------------------------------------------------------------- view set operations

/// Is `v` a keys or items view (the set-like views)?
fn is_setlike_view(v: Value) -> bool {
    downcast::<DictViewObj>(v).is_some_and(|view| view.part != DictPart::Values)
}

/// CPython's `dictviews_to_set`: a new set from a view (from the dict
/// itself for a keys view, which presizes like CPython) or any iterable.
fn view_to_set(vm: &mut dyn Vm, v: Value) -> PyResult<Value> {
    let src = match downcast::<DictViewObj>(v) {
        Some(view) if view.part == DictPart::Keys => view.dict,
        _ => v,
    };
    let s = vm.rt().new_set(false);
    vm.rt().heap.push_root(s);
    let r = crate::set_type::update_internal(vm, s, src);
    vm.rt().heap.pop_roots(1);
    r.map(|_| s)
}

/// `view & other` (either side a view), as CPython's `_PyDictView_Intersect`.
fn view_intersect(vm: &mut dyn Vm, a: Value, b: Value) -> PyResult<Value> {
    let (mut view, mut other) = if is_setlike_view(a) { (a, b) } else { (b, a) };
    let len_view = crate::builtins::length(vm, view)?;
    if let Some(s) = downcast::<SetObj>(other) {
        if !s.frozen && len_view as usize <= s.table.len() {
            return crate::set_type::binary(vm, frontend::bytecode::BinOpKind::BitAnd, other, view)
                .map(|r| r.unwrap_or(Value::NONE));
        }
    }
    if is_setlike_view(other) && crate::builtins::length(vm, other)? > len_view {
        std::mem::swap(&mut view, &mut other);
    }
    let result = vm.rt().new_set(false);
    vm.rt().heap.push_root(result);
    let r = (|| {
        for key in iter::collect(vm, other)? {
            if crate::subscript::contains(vm, view, key)? {
                crate::protocol::set_add(vm, result, key)?;
            }
        }
        Ok(result)
    })();
    vm.rt().heap.pop_roots(1);
    r
}

/// `a op b` where one side is a keys or items view and `op` is `&`, `|`,
/// `-` or `^`; `None` otherwise.
pub fn view_binary(
    vm: &mut dyn Vm,
    op: frontend::bytecode::BinOpKind,
    a: Value,
    b: Value,
) -> PyResult<Option<Value>> {
    use frontend::bytecode::BinOpKind as Op;
    if !(is_setlike_view(a) || is_setlike_view(b))
        || !matches!(op, Op::BitAnd | Op::BitOr | Op::Sub | Op::BitXor)
    {
        return Ok(None);
    }
    if op == Op::BitAnd {
        return view_intersect(vm, a, b).map(Some);
    }
    let result = view_to_set(vm, a)?;
    vm.rt().heap.push_root(result);
    let r = crate::set_type::inplace_any(vm, op, result, b);
    vm.rt().heap.pop_roots(1);
    r.map(|_| Some(result))
}

/// `a == b` where one side is a keys or items view and the other a set or
/// such a view (CPython's `dictview_richcompare`); `None` otherwise.
pub fn view_eq(vm: &mut dyn Vm, a: Value, b: Value) -> PyResult<Option<bool>> {
    let ok = |v: Value| is_setlike_view(v) || is_kind(v, ObjKind::Set);
    if !(is_setlike_view(a) || is_setlike_view(b)) || !ok(a) || !ok(b) {
        return Ok(None);
    }
    if crate::builtins::length(vm, a)? != crate::builtins::length(vm, b)? {
        return Ok(Some(false));
    }
    for x in iter::collect(vm, a)? {
        if !crate::subscript::contains(vm, b, x)? {
            return Ok(Some(false));
        }
    }
    Ok(Some(true))
}

// ---------------------------------------------------------------- plain-key fast paths

/// The hash of a key whose hashing and comparing run no Python code: an
/// inline int or a str. None for any other key.
#[inline]
pub fn plain_key_hash(key: Value) -> Option<i64> {
    if key.is_int() {
        Some(int_key_hash(key.as_int()))
    } else if is_kind(key, ObjKind::Str) {
        Some(crate::runtime::str_hash_of(key))
    } else {
        None
    }
}

/// The hash of an inline int key (Python's `hash(-1)` is -2).
#[inline(always)]
fn int_key_hash(i: i64) -> i64 {
    if i == -1 {
        -2
    } else {
        i
    }
}

/// The text a lookup of a plain key compares, for a
/// caller that already has the hash: `Some(None)` for an inline int,
/// `Some(Some(text))` for a str, None for any other key.
#[inline(always)]
pub(crate) fn plain_text<'a>(key: Value) -> Option<Option<&'a str>> {
    if key.is_int() {
        Some(None)
    } else if is_kind(key, ObjKind::Str) {
        Some(Some(crate::runtime::str_of(key)))
    } else {
        None
    }
}

/// The `eq` callback of a table lookup of a plain key with text `text` (see
/// [`plain_text`]): called only for a stored key with an equal hash that is
/// not bit-identical. Two distinct inline ints, or an int and a str, are
/// never equal; two strs compare text; any other stored key (a float, a
/// bool, a user object) is `Err`: only the full protocol may decide.
#[inline(always)]
pub(crate) fn plain_eq(text: Option<&str>) -> impl FnMut(Value, Value) -> Result<bool, ()> + '_ {
    move |stored: Value, _key: Value| {
        if stored.is_int() {
            return Ok(false);
        }
        if !is_kind(stored, ObjKind::Str) {
            return Err(());
        }
        Ok(match text {
            Some(text) => text_eq(crate::runtime::str_of(stored), text),
            None => false,
        })
    }
}

/// Equality of two texts, cheaper than a call to `memcmp` for the short
/// texts most keys are: a few word compares.
#[inline(always)]
fn text_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word8 = |s: &[u8], i: usize| u64::from_ne_bytes(s[i..i + 8].try_into().unwrap_or([0; 8]));
    let word4 = |s: &[u8], i: usize| u32::from_ne_bytes(s[i..i + 4].try_into().unwrap_or([0; 4]));
    match n {
        // Two overlapping words cover the whole text.
        8..=16 => word8(a, 0) == word8(b, 0) && word8(a, n - 8) == word8(b, n - 8),
        4..=7 => word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4),
        0..=3 => a.iter().zip(b).all(|(x, y)| x == y),
        _ => a == b,
    }
}

// The lookups below split on the key's kind, so an inline int's lookup
// carries no text and no str checks.

/// A table the plain-key lookups search: `DictTable` and `SetTable`.
pub(crate) trait PlainSearch {
    /// The table's `find` (entry index for a dict, slot for a set).
    fn find_eq<E, F>(&self, hash: i64, key: Value, eq: &mut F) -> Result<Option<usize>, E>
    where
        F: FnMut(Value, Value) -> Result<bool, E>;
}

impl PlainSearch for crate::dict_table::DictTable {
    #[inline(always)]
    fn find_eq<E, F>(&self, hash: i64, key: Value, eq: &mut F) -> Result<Option<usize>, E>
    where
        F: FnMut(Value, Value) -> Result<bool, E>,
    {
        self.find(hash, key, eq)
    }
}

impl PlainSearch for crate::set_table::SetTable {
    #[inline(always)]
    fn find_eq<E, F>(&self, hash: i64, key: Value, eq: &mut F) -> Result<Option<usize>, E>
    where
        F: FnMut(Value, Value) -> Result<bool, E>,
    {
        self.find(hash, key, eq)
    }
}

/// Where plain key `key` is in `table`: `Some((hash, Some(index)))`, or
/// `Some((hash, None))` if absent (the hash, for inserting it); None when
/// `key` is not plain or a stored key with its hash is not (only the full
/// protocol can decide).
#[inline(always)]
pub(crate) fn find_plain_entry<T: PlainSearch>(
    table: &T,
    key: Value,
) -> Option<(i64, Option<usize>)> {
    if !key.is_int() {
        return find_str_entry(table, key);
    }
    let hash = int_key_hash(key.as_int());
    // Called for an equal hash and other bits: another inline int (so
    // another value) or a str is unequal; anything else is undecided.
    let mut int_eq = |stored: Value, _key: Value| {
        if stored.is_int() || is_kind(stored, ObjKind::Str) {
            Ok(false)
        } else {
            Err(())
        }
    };
    let found = table.find_eq(hash, key, &mut int_eq).ok()?;
    Some((hash, found))
}

/// `find_plain_entry` of a key that is not an inline int.
#[inline(always)]
fn find_str_entry<T: PlainSearch>(table: &T, key: Value) -> Option<(i64, Option<usize>)> {
    if !is_kind(key, ObjKind::Str) {
        return None;
    }
    let hash = crate::runtime::str_hash_of(key);
    let found = table
        .find_eq(hash, key, &mut plain_eq(Some(crate::runtime::str_of(key))))
        .ok()?;
    Some((hash, found))
}

/// `dict[key]` for a plain key (see [`plain_key_hash`]) without running
/// Python code: `Some(found)`, or None when a stored key with the same hash
/// is not plain, so only the full protocol can decide.
#[inline]
pub fn lookup_plain(dict: Value, key: Value) -> Option<Option<Value>> {
    let d = downcast::<DictObj>(dict)?;
    let (_, found) = find_plain_entry(&d.table, key)?;
    Some(found.map(|i| d.table.value_at(i)))
}

/// `dict[key] = value` for a plain key without running Python code: false
/// (and the dict unchanged) when the full protocol must decide.
#[inline]
pub fn store_plain(dict: Value, key: Value, value: Value) -> bool {
    let Some(d) = downcast::<DictObj>(dict) else {
        return false;
    };
    match find_plain_entry(&d.table, key) {
        Some((_, Some(i))) => d.table.set_value_at(i, value).is_some(),
        Some((h, None)) => {
            d.table.insert_new(h, key, value);
            true
        }
        None => false,
    }
}

/// `del dict[key]` / `dict.pop(key)` for a plain key without running
/// Python code: `Some(removed value or None if absent)`, or None (and the
/// dict unchanged) when the full protocol must decide.
#[inline]
pub fn remove_plain(dict: Value, key: Value) -> Option<Option<Value>> {
    let d = downcast::<DictObj>(dict)?;
    let (_, found) = find_plain_entry(&d.table, key)?;
    Some(found.and_then(|i| d.table.remove_entry(i)).map(|(_, v)| v))
}

/// `dict.setdefault(key, default)` for a plain key without running Python
/// code; None (and the dict unchanged) when the full protocol must decide.
pub fn setdefault_plain(dict: Value, key: Value, default: Value) -> Option<Value> {
    match lookup_plain(dict, key)? {
        Some(v) => Some(v),
        None => store_plain(dict, key, default).then_some(default),
    }
}

// ---------------------------------------------------------------- found-entry fast paths
//
// One lookup serves several operations on the same dict and key (`d.get(k)`
// then `d[k] = v`; `k in d` then `d[k]`): `find_plain` returns where the key
// is, and the `*_found` functions use it instead of probing again. The JIT's
// optimizer pairs them only where nothing can change the dict in between;
// each still checks the table's version and probes again if it changed.

/// A `find_plain` result: the table's version in the high half, the entry
/// index (or [`FOUND_ABSENT`]) in the low half; [`FOUND_UNDECIDED`] when
/// the full protocol must decide.
pub type Found = i64;

/// The low half of a [`Found`] for a key that is absent.
pub const FOUND_ABSENT: u32 = u32::MAX;

/// A [`Found`] for a lookup only the full protocol can decide.
pub const FOUND_UNDECIDED: Found = -1;

/// Where a plain key (see [`plain_key_hash`]) is in `dict`, without running
/// Python code.
pub fn find_plain(dict: Value, key: Value) -> Found {
    let Some(d) = downcast::<DictObj>(dict) else {
        return FOUND_UNDECIDED;
    };
    found_at(
        &d.table,
        find_plain_entry(&d.table, key).map(|(_, found)| found),
    )
}

/// The [`Found`] of a lookup in `table`: `Some(Some(i))` for a key at entry
/// `i`, `Some(None)` for an absent key, None when undecided.
#[inline(always)]
pub fn found_at(table: &crate::dict_table::DictTable, found: Option<Option<usize>>) -> Found {
    let version = ((table.version() & 0x7fff_ffff) as i64) << 32;
    match found {
        Some(Some(i)) if i < FOUND_ABSENT as usize => version | i as i64,
        Some(None) => version | FOUND_ABSENT as i64,
        _ => FOUND_UNDECIDED,
    }
}

/// The entry `found` names in `dict` if it is still there: Some(Some(i))
/// for a present key, Some(None) for an absent one; None when `found` is
/// undecided or the table changed since.
fn found_entry(d: &DictObj, found: Found) -> Option<Option<usize>> {
    found_index(&d.table, found)
}

/// `found_entry` for a table: the entry a [`Found`] names while `table`'s
/// version is the one it was made at.
#[inline(always)]
pub fn found_index(table: &crate::dict_table::DictTable, found: Found) -> Option<Option<usize>> {
    if found < 0 || (found >> 32) as u64 != table.version() & 0x7fff_ffff {
        return None;
    }
    let i = found as u32;
    Some((i != FOUND_ABSENT).then_some(i as usize))
}

/// `dict[key]` (Some(None): a KeyError) for a key `find_plain` found at
/// `found`; None when only the full protocol can decide.
pub fn lookup_found(dict: Value, found: Found, key: Value) -> Option<Option<Value>> {
    let d = downcast::<DictObj>(dict)?;
    match found_entry(d, found) {
        Some(Some(i)) => d.table.entry_at(i).map(|e| Some(e.value)),
        Some(None) => Some(None),
        None if found == FOUND_UNDECIDED => None,
        None => lookup_plain(dict, key),
    }
}

/// `dict[key] = value` for a key `find_plain` found at `found`: false (and
/// the dict unchanged) when only the full protocol can decide.
pub fn store_found(dict: Value, found: Found, key: Value, value: Value) -> bool {
    let Some(d) = downcast::<DictObj>(dict) else {
        return false;
    };
    match found_entry(d, found) {
        Some(Some(i)) => d.table.set_value_at(i, value).is_some(),
        Some(None) => match plain_key_hash(key) {
            Some(h) => {
                d.table.insert_new(h, key, value);
                true
            }
            None => false,
        },
        None if found == FOUND_UNDECIDED => false,
        None => store_plain(dict, key, value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_entries_are_used_while_the_table_is_unchanged() {
        let mut rt = Runtime::new();
        let d = rt.new_dict();
        let (a1, a2, b) = (rt.new_str("a"), rt.new_str("a"), rt.new_str("b"));
        assert!(store_plain(d, a1, Value::int(1)));
        // Present (under an equal key of another object), then absent.
        let found = find_plain(d, a2);
        assert!(found >= 0 && found as u32 != FOUND_ABSENT);
        assert_eq!(lookup_found(d, found, a2), Some(Some(Value::int(1))));
        assert!(store_found(d, found, a2, Value::int(2)));
        assert_eq!(lookup_plain(d, a1), Some(Some(Value::int(2))));
        let absent = find_plain(d, b);
        assert_eq!(absent as u32, FOUND_ABSENT);
        assert_eq!(lookup_found(d, absent, b), Some(None));
        assert!(store_found(d, absent, b, Value::int(3)));
        assert_eq!(lookup_plain(d, b), Some(Some(Value::int(3))));
        // `b`'s insertion changed the table: the stale `absent` probes again
        // instead of inserting `b` twice.
        assert!(store_found(d, absent, b, Value::int(4)));
        assert_eq!(downcast::<DictObj>(d).map(|d| d.table.len()), Some(2));
        assert_eq!(lookup_found(d, absent, b), Some(Some(Value::int(4))));
        // A key that is not plain is undecided.
        assert_eq!(find_plain(d, Value::from_float(1.5)), FOUND_UNDECIDED);
        assert_eq!(lookup_found(d, FOUND_UNDECIDED, b), None);
        assert!(!store_found(d, FOUND_UNDECIDED, b, Value::int(5)));
    }
}
