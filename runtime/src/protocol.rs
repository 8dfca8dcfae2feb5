//! The object protocol: truth, equality, ordering, hashing, repr and str of
//! any value, with fast paths for builtin types and dunder calls for the rest.

use crate::object::*;
use crate::runtime::{class_name, instance_get, str_hash_of, str_of};
use crate::value::Value;
use crate::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use std::cmp::Ordering;

// ---------------------------------------------------------------- dunder calls

/// Looks `name` up on `v`'s type and, if found, calls it with `v` first.
/// `Ok(None)` when the type has no such method.
pub fn call_dunder(
    vm: &mut dyn Vm,
    v: Value,
    name: Value,
    args: &[Value],
) -> PyResult<Option<Value>> {
    let rt = vm.rt();
    let cls = rt.type_of(v);
    let Some(method) = rt.lookup_in_class(cls, name) else {
        return Ok(None);
    };
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(v);
    full.extend_from_slice(args);
    if is_kind(method, ObjKind::StaticMethod) {
        let f = downcast::<StaticMethodObj>(method)
            .map(|s| s.func)
            .unwrap_or(method);
        return vm.call(f, args, &[]).map(Some);
    }
    vm.call(method, &full, &[]).map(Some)
}

/// Does `v`'s type define `name` in a user class (not a builtin type)?
#[inline]
pub fn is_user_instance(v: Value) -> bool {
    is_kind(v, ObjKind::Instance)
}

// ---------------------------------------------------------------- truth

/// `bool(v)`.
pub fn truthy(vm: &mut dyn Vm, v: Value) -> PyResult<bool> {
    if v.is_bool() {
        return Ok(v.as_bool());
    }
    if v.is_int() {
        return Ok(v.as_int() != 0);
    }
    if v.is_float() {
        return Ok(v.as_float() != 0.0);
    }
    if v.is_none() {
        return Ok(false);
    }
    match kind_of(v) {
        Some(ObjKind::Str) => Ok(!str_of(v).is_empty()),
        Some(ObjKind::List) => Ok(!downcast::<ListObj>(v).is_none_or(|l| l.items.is_empty())),
        Some(ObjKind::Tuple) => Ok(!downcast::<TupleObj>(v).is_none_or(|t| t.items.is_empty())),
        Some(ObjKind::Dict) => Ok(!downcast::<DictObj>(v).is_none_or(|d| d.table.is_empty())),
        Some(ObjKind::Set) => Ok(!downcast::<SetObj>(v).is_none_or(|d| d.table.is_empty())),
        Some(ObjKind::BigInt) => Ok(true),
        Some(ObjKind::Range) => Ok(downcast::<RangeObj>(v).map_or(0, range_len) > 0),
        Some(ObjKind::Instance) => {
            let names = (vm.rt().names.bool_, vm.rt().names.len);
            if let Some(r) = call_dunder(vm, v, names.0, &[])? {
                if !r.is_bool() {
                    let tn = vm.rt().type_name(r);
                    return Err(vm
                        .rt()
                        .type_error(format!("__bool__ should return bool, returned {tn}")));
                }
                return Ok(r.as_bool());
            }
            if let Some(r) = call_dunder(vm, v, names.1, &[])? {
                return Ok(index_value(vm, r)? != 0);
            }
            Ok(true)
        }
        _ => Ok(true),
    }
}

/// Number of elements of a range.
pub fn range_len(r: &mut RangeObj) -> i64 {
    if r.step > 0 && r.start < r.stop {
        (r.stop - r.start - 1) / r.step + 1
    } else if r.step < 0 && r.start > r.stop {
        (r.start - r.stop - 1) / (-r.step) + 1
    } else {
        0
    }
}

/// An int value as i64 for indexing (`__index__`), with CPython's errors.
pub fn index_value(vm: &mut dyn Vm, v: Value) -> PyResult<i64> {
    if v.is_int() {
        return Ok(v.as_int());
    }
    if v.is_bool() {
        return Ok(v.as_bool() as i64);
    }
    if let Some(b) = downcast::<BigIntObj>(v) {
        return b.value.to_i64().ok_or_else(|| {
            let c = vm.rt().exc.index_error;
            vm.rt()
                .error(c, "cannot fit 'int' into an index-sized integer")
        });
    }
    let tn = vm.rt().type_name(v);
    Err(vm
        .rt()
        .type_error(format!("'{tn}' object cannot be interpreted as an integer")))
}

/// The BigInt value of an int or bool, if `v` is one.
pub fn as_bigint(v: Value) -> Option<BigInt> {
    if v.is_int() {
        Some(BigInt::from(v.as_int()))
    } else if v.is_bool() {
        Some(BigInt::from(v.as_bool() as i64))
    } else {
        downcast::<BigIntObj>(v).map(|b| b.value.clone())
    }
}

/// Is `v` an int (inline, big, or bool)?
#[inline]
pub fn is_int_like(v: Value) -> bool {
    v.is_int() || v.is_bool() || is_kind(v, ObjKind::BigInt)
}

/// The float value of an int/bool/float for mixed arithmetic and comparisons.
pub fn as_f64(v: Value) -> Option<f64> {
    if v.is_float() {
        Some(v.as_float())
    } else if v.is_int() {
        Some(v.as_int() as f64)
    } else if v.is_bool() {
        Some(v.as_bool() as i64 as f64)
    } else {
        downcast::<BigIntObj>(v).map(|b| b.value.to_f64().unwrap_or(f64::INFINITY))
    }
}

// ---------------------------------------------------------------- equality

/// `a == b` as a bool.
pub fn eq(vm: &mut dyn Vm, a: Value, b: Value) -> PyResult<bool> {
    if a.is_int() && b.is_int() {
        return Ok(a == b);
    }
    if a.is_float() || b.is_float() {
        if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
            return Ok(num_eq(&x, &y));
        }
    }
    if a == b && !a.is_float() {
        // Identity implies equality except for NaN (a float, handled above).
        return Ok(true);
    }
    if is_int_like(a) && is_int_like(b) {
        return Ok(as_bigint(a) == as_bigint(b));
    }
    match (kind_of(a), kind_of(b)) {
        (Some(ObjKind::Str), Some(ObjKind::Str)) => return Ok(str_of(a) == str_of(b)),
        (Some(ObjKind::Tuple), Some(ObjKind::Tuple))
        | (Some(ObjKind::List), Some(ObjKind::List)) => {
            let xs = seq_items(a).to_vec();
            let ys = seq_items(b).to_vec();
            if xs.len() != ys.len() {
                return Ok(false);
            }
            for (x, y) in xs.into_iter().zip(ys) {
                // Identity implies equality inside containers (CPython's rule), even for NaN.
                if x != y && !eq(vm, x, y)? {
                    return Ok(false);
                }
            }
            return Ok(true);
        }
        (Some(ObjKind::BoundMethod), Some(ObjKind::BoundMethod)) => {
            // Equal when the same function is bound to the same object (3.8+).
            let (x, y) = (
                downcast::<BoundMethodObj>(a).unwrap(),
                downcast::<BoundMethodObj>(b).unwrap(),
            );
            return Ok(x.func == y.func && x.receiver == y.receiver);
        }
        (Some(ObjKind::Dict), Some(ObjKind::Dict)) => return dict_eq(vm, a, b),
        (Some(ObjKind::Set), Some(ObjKind::Set)) => {
            let (la, lb) = (set_len(a), set_len(b));
            return Ok(la == lb && crate::protocol::set_is_subset(vm, a, b)?);
        }
        (Some(ObjKind::DictView | ObjKind::Set), Some(ObjKind::DictView | ObjKind::Set)) => {
            if let Some(r) = crate::dict_type::view_eq(vm, a, b)? {
                return Ok(r);
            }
        }
        (Some(ObjKind::Range), Some(ObjKind::Range)) => {
            let (x, y) = (
                downcast::<RangeObj>(a).unwrap(),
                downcast::<RangeObj>(b).unwrap(),
            );
            let (lx, ly) = (range_len(x), range_len(y));
            return Ok(
                lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
            );
        }
        _ => {}
    }
    if is_user_instance(a) || is_user_instance(b) {
        if no_user_eq(vm.rt(), a) && no_user_eq(vm.rt(), b) {
            // What the dunder calls below come to when neither defines one.
            return Ok(a == b);
        }
        let (eq_name, ne_name) = (vm.rt().names.eq, vm.rt().names.ne);
        let _ = ne_name;
        let ni = vm.rt().not_implemented;
        // Reflected first when b's type is a subclass of a's (CPython's rule).
        let (first, second) = if is_user_instance(b) && reflected_first(vm, a, b) {
            (b, a)
        } else {
            (a, b)
        };
        if let Some(r) = call_user_dunder(vm, first, eq_name, second)? {
            if r != ni {
                return truthy(vm, r);
            }
        }
        if let Some(r) = call_user_dunder(vm, second, eq_name, first)? {
            if r != ni {
                return truthy(vm, r);
            }
        }
        return Ok(a == b);
    }
    Ok(false)
}

/// `a == b` (or `a != b` with `negate`) as the value Python gives: a user
/// `__eq__`/`__ne__` result is returned as is, not converted to a bool.
pub fn eq_value(vm: &mut dyn Vm, a: Value, b: Value, negate: bool) -> PyResult<Value> {
    if is_user_instance(a) || is_user_instance(b) {
        let name = if negate {
            vm.rt().names.ne
        } else {
            vm.rt().names.eq
        };
        let ni = vm.rt().not_implemented;
        let (first, second) = if is_user_instance(b) && reflected_first(vm, a, b) {
            (b, a)
        } else {
            (a, b)
        };
        for (x, y) in [(first, second), (second, first)] {
            if let Some(r) = call_user_dunder(vm, x, name, y)? {
                if r != ni {
                    return Ok(r);
                }
            }
        }
    }
    let r = if negate { ne(vm, a, b)? } else { eq(vm, a, b)? };
    Ok(Value::from_bool(r))
}

/// `a != b`.
pub fn ne(vm: &mut dyn Vm, a: Value, b: Value) -> PyResult<bool> {
    if is_user_instance(a) || is_user_instance(b) {
        let ne_name = vm.rt().names.ne;
        let ni = vm.rt().not_implemented;
        if let Some(r) = call_user_dunder(vm, a, ne_name, b)? {
            if r != ni {
                return truthy(vm, r);
            }
        }
        if let Some(r) = call_user_dunder(vm, b, ne_name, a)? {
            if r != ni {
                return truthy(vm, r);
            }
        }
    }
    Ok(!eq(vm, a, b)?)
}

/// Calls a dunder only if a user class (not `object`'s default) defines it.
fn call_user_dunder(
    vm: &mut dyn Vm,
    obj: Value,
    name: Value,
    arg: Value,
) -> PyResult<Option<Value>> {
    if !is_user_instance(obj) {
        return Ok(None);
    }
    call_dunder(vm, obj, name, &[arg])
}

/// Does `eq` call no `__eq__` for `v`: not a user instance, or one whose
/// class's MRO defines none? Remembered per class version, so that
/// `list.remove` and `in` over instances without `__eq__` skip walking the
/// MRO's dicts for each comparison (deltablue: ~230 instructions each).
fn no_user_eq(rt: &crate::Runtime, v: Value) -> bool {
    if !is_user_instance(v) {
        return true;
    }
    let cls = rt.type_of(v);
    // SAFETY: the class of a live instance is live.
    let c = unsafe { &*cls };
    let version = c.version.get();
    if c.eq_absent_at.get() == version {
        return true;
    }
    let absent = rt.lookup_in_class(cls, rt.names.eq).is_none();
    if absent {
        c.eq_absent_at.set(version);
    }
    absent
}

fn reflected_first(vm: &mut dyn Vm, a: Value, b: Value) -> bool {
    let rt = vm.rt();
    let (ta, tb) = (rt.type_of(a), rt.type_of(b));
    ta != tb && rt.is_subclass(tb, ta)
}

fn dict_eq(vm: &mut dyn Vm, a: Value, b: Value) -> PyResult<bool> {
    let da = downcast::<DictObj>(a).unwrap();
    let db = downcast::<DictObj>(b).unwrap();
    if da.table.len() != db.table.len() {
        return Ok(false);
    }
    // CPython's `dict_equal`: `a` is read by position, afresh at each step
    // (an `__eq__` may change it); each key and value stays rooted while it
    // is compared, and `b` is probed with the stored hash.
    let a_table = || &downcast::<DictObj>(a).unwrap().table;
    let mut i = 0;
    while i < a_table().entries_len() {
        let entry = a_table().entry_at(i);
        i += 1;
        let Some(e) = entry else {
            continue;
        };
        vm.rt().heap.push_root(e.key);
        vm.rt().heap.push_root(e.value);
        let same = dict_entry_eq(vm, b, e);
        vm.rt().heap.pop_roots(2);
        if !same? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Does dict `b` map `e.key` to a value equal to `e.value`?
fn dict_entry_eq(vm: &mut dyn Vm, b: Value, e: crate::dict_table::Entry) -> PyResult<bool> {
    let found = match crate::dict_type::lookup_plain(b, e.key) {
        Some(found) => found,
        None => crate::reentrant_lookup::dict_get(vm, b, e.hash, e.key)?,
    };
    match found {
        Some(v2) => {
            vm.rt().heap.push_root(v2);
            let equal = eq(vm, e.value, v2);
            vm.rt().heap.pop_roots(1);
            equal
        }
        None => Ok(false),
    }
}

fn set_len(v: Value) -> usize {
    downcast::<SetObj>(v).map_or(0, |s| s.table.len())
}

/// Is every member of set `a` in set `b`?
pub fn set_is_subset(vm: &mut dyn Vm, a: Value, b: Value) -> PyResult<bool> {
    crate::set_type::is_subset(vm, a, b)
}

/// The items of a list or tuple (empty for anything else).
pub fn seq_items<'a>(v: Value) -> &'a [Value] {
    match kind_of(v) {
        Some(ObjKind::List) => &downcast::<ListObj>(v).unwrap().items,
        Some(ObjKind::Tuple) => &downcast::<TupleObj>(v).unwrap().items,
        _ => &[],
    }
}

// ---------------------------------------------------------------- numbers

/// A number for mixed comparisons.
pub enum Num {
    /// An int of any size.
    Int(BigInt),
    /// A float.
    Float(f64),
}

/// `v` as a number, if it is an int, bool or float.
pub fn num_of(v: Value) -> Option<Num> {
    if v.is_float() {
        Some(Num::Float(v.as_float()))
    } else {
        as_bigint(v).map(Num::Int)
    }
}

/// Exact comparison of two numbers (ints and floats compare by value, no rounding).
pub fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
        (Num::Int(x), Num::Float(y)) => int_float_cmp(x, *y),
        (Num::Float(x), Num::Int(y)) => int_float_cmp(y, *x).map(Ordering::reverse),
    }
}

fn num_eq(a: &Num, b: &Num) -> bool {
    num_cmp(a, b) == Some(Ordering::Equal)
}

/// Compares an int with a float exactly.
pub fn int_float_cmp(i: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let fl = f.floor();
    let fi = BigInt::from(fl as i128);
    let fi = if fl.abs() < 1e38 {
        fi
    } else {
        num_bigint_from_f64(fl)
    };
    match i.cmp(&fi) {
        Ordering::Equal => {
            if f > fl {
                Some(Ordering::Less)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

fn num_bigint_from_f64(f: f64) -> BigInt {
    use num_traits::FromPrimitive;
    BigInt::from_f64(f).unwrap_or_else(BigInt::zero)
}

// ---------------------------------------------------------------- ordering

/// Which rich comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpKind {
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpKind {
    fn symbol(self) -> &'static str {
        match self {
            CmpKind::Lt => "<",
            CmpKind::Le => "<=",
            CmpKind::Gt => ">",
            CmpKind::Ge => ">=",
        }
    }
    fn holds(self, o: Ordering) -> bool {
        match self {
            CmpKind::Lt => o == Ordering::Less,
            CmpKind::Le => o != Ordering::Greater,
            CmpKind::Gt => o == Ordering::Greater,
            CmpKind::Ge => o != Ordering::Less,
        }
    }
    fn swapped(self) -> CmpKind {
        match self {
            CmpKind::Lt => CmpKind::Gt,
            CmpKind::Le => CmpKind::Ge,
            CmpKind::Gt => CmpKind::Lt,
            CmpKind::Ge => CmpKind::Le,
        }
    }
}

/// `a < b` etc. as a value (user dunders may return anything).
pub fn compare(vm: &mut dyn Vm, kind: CmpKind, a: Value, b: Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
        return Ok(Value::from_bool(
            num_cmp(&x, &y).is_some_and(|o| kind.holds(o)),
        ));
    }
    match (kind_of(a), kind_of(b)) {
        (Some(ObjKind::Str), Some(ObjKind::Str)) => {
            return Ok(Value::from_bool(kind.holds(str_of(a).cmp(str_of(b)))));
        }
        (Some(ObjKind::List), Some(ObjKind::List))
        | (Some(ObjKind::Tuple), Some(ObjKind::Tuple)) => {
            let xs = seq_items(a).to_vec();
            let ys = seq_items(b).to_vec();
            for (x, y) in xs.iter().zip(ys.iter()) {
                if !eq(vm, *x, *y)? {
                    return compare(vm, kind, *x, *y);
                }
            }
            return Ok(Value::from_bool(kind.holds(xs.len().cmp(&ys.len()))));
        }
        (Some(ObjKind::Set), Some(ObjKind::Set)) => {
            let r = match kind {
                CmpKind::Le => set_is_subset(vm, a, b)?,
                CmpKind::Ge => set_is_subset(vm, b, a)?,
                CmpKind::Lt => set_len(a) < set_len(b) && set_is_subset(vm, a, b)?,
                CmpKind::Gt => set_len(a) > set_len(b) && set_is_subset(vm, b, a)?,
            };
            return Ok(Value::from_bool(r));
        }
        _ => {}
    }
    let names = &vm.rt().names;
    let name_of = |k: CmpKind| match k {
        CmpKind::Lt => names.lt,
        CmpKind::Le => names.le,
        CmpKind::Gt => names.gt,
        CmpKind::Ge => names.ge,
    };
    let (fwd, rev) = (name_of(kind), name_of(kind.swapped()));
    let ni = vm.rt().not_implemented;
    if is_user_instance(b) && reflected_first(vm, a, b) {
        if let Some(r) = call_user_dunder(vm, b, rev, a)? {
            if r != ni {
                return Ok(r);
            }
        }
    }
    if let Some(r) = call_user_dunder(vm, a, fwd, b)? {
        if r != ni {
            return Ok(r);
        }
    }
    if let Some(r) = call_user_dunder(vm, b, rev, a)? {
        if r != ni {
            return Ok(r);
        }
    }
    let (ta, tb) = (vm.rt().type_name(a), vm.rt().type_name(b));
    Err(vm.rt().type_error(format!(
        "'{}' not supported between instances of '{ta}' and '{tb}'",
        kind.symbol()
    )))
}

/// `a < b` as a bool (sorting, min/max).
pub fn less_than(vm: &mut dyn Vm, a: Value, b: Value) -> PyResult<bool> {
    if a.is_int() && b.is_int() {
        return Ok(a.as_int() < b.as_int());
    }
    let r = compare(vm, CmpKind::Lt, a, b)?;
    truthy(vm, r)
}

// ---------------------------------------------------------------- hashing

/// `hash(v)`, with CPython's values for numbers (so `1`, `1.0` and `True` collide).
pub fn hash(vm: &mut dyn Vm, v: Value) -> PyResult<i64> {
    if v.is_int() {
        let i = v.as_int();
        return Ok(if i == -1 { -2 } else { i });
    }
    if v.is_bool() {
        return Ok(v.as_bool() as i64);
    }
    if v.is_float() {
        return Ok(crate::float_ops::hash_float(v.as_float()));
    }
    if v.is_none() {
        return Ok(0x5f3759df);
    }
    match kind_of(v) {
        Some(ObjKind::Str) => Ok(str_hash_of(v)),
        Some(ObjKind::BigInt) => Ok(crate::int_ops::hash_int(&crate::int_ops::Int::from_bigint(
            downcast::<BigIntObj>(v).unwrap().value.clone(),
        ))),
        Some(ObjKind::Tuple) => {
            // CPython's xxHash-based tuple hash.
            let items = seq_items(v).to_vec();
            let mut acc: u64 = 2870177450012600261;
            for it in &items {
                let lane = hash(vm, *it)? as u64;
                acc = acc.wrapping_add(lane.wrapping_mul(14029467366897019727));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(11400714785074694791);
            }
            acc = acc.wrapping_add((items.len() as u64) ^ (2870177450012600261 ^ 3527539));
            let h = acc as i64;
            Ok(if h == -1 { 1546275796 } else { h })
        }
        Some(ObjKind::Set) if downcast::<SetObj>(v).unwrap().frozen => {
            // CPython's frozenset_hash over the stored hashes (empty and
            // dummy slots cancel out of its XOR, so only live keys count).
            let table = &downcast::<SetObj>(v).unwrap().table;
            let mut h: u64 = 0;
            for (x, _) in table.hashed_keys() {
                let x = x as u64;
                h ^= ((x ^ 89869747) ^ (x << 16)).wrapping_mul(3644798167);
            }
            h ^= (table.len() as u64 + 1).wrapping_mul(1927868237);
            h ^= (h >> 11) ^ (h >> 25);
            h = h.wrapping_mul(69069).wrapping_add(907133923);
            let h = h as i64;
            Ok(if h == -1 { 590923713 } else { h })
        }
        Some(ObjKind::List) | Some(ObjKind::Dict) | Some(ObjKind::Set) => {
            let tn = vm.rt().type_name(v);
            Err(vm.rt().type_error(format!("unhashable type: '{tn}'")))
        }
        Some(ObjKind::Instance) => {
            let rt = vm.rt();
            let cls = rt.type_of(v);
            let (hash_name, eq_name) = (rt.names.hash, rt.names.eq);
            let user_hash = rt.lookup_in_class(cls, hash_name);
            match user_hash {
                Some(h) if h.is_none() => {
                    let tn = rt.type_name(v);
                    Err(rt.type_error(format!("unhashable type: '{tn}'")))
                }
                Some(_) => {
                    let r = call_dunder(vm, v, hash_name, &[])?.unwrap_or(Value::int(0));
                    if !is_int_like(r) {
                        return Err(vm
                            .rt()
                            .type_error("__hash__ method should return an integer"));
                    }
                    // CPython's slot_tp_hash uses a result that fits a
                    // machine word as is (`return hash(self.text)` then
                    // equals the str's hash); only a wider one is hashed.
                    let word = downcast::<BigIntObj>(r).and_then(|b| i64::try_from(&b.value).ok());
                    match word {
                        Some(-1) => Ok(-2),
                        Some(h) => Ok(h),
                        None => hash(vm, r),
                    }
                }
                None => {
                    // A class that defines __eq__ without __hash__ is unhashable.
                    // SAFETY: `cls` is the live class of a live instance.
                    let defines_eq = unsafe {
                        (*cls).mro.iter().any(|&c| {
                            (*c).dict
                                .get_by_bits(str_hash_of(eq_name), eq_name)
                                .is_some()
                        })
                    };
                    if defines_eq && !rt.is_subclass(cls, rt.exc.base_exception) {
                        let tn = rt.type_name(v);
                        return Err(rt.type_error(format!("unhashable type: '{tn}'")));
                    }
                    Ok(identity_hash(v))
                }
            }
        }
        Some(ObjKind::BoundMethod) => {
            let m = downcast::<BoundMethodObj>(v).unwrap();
            Ok(identity_hash(m.func) ^ identity_hash(m.receiver))
        }
        _ => Ok(identity_hash(v)),
    }
}

/// CPython's default object hash: the address rotated by 4.
pub fn identity_hash(v: Value) -> i64 {
    let p = v.to_bits() & crate::value::PAYLOAD_MASK;
    (p.rotate_right(4) & 0x7fff_ffff_ffff_ffff) as i64
}

// ---------------------------------------------------------------- dict and set access

/// `d[key]` lookup without `__missing__`: `Ok(None)` if absent.
pub fn dict_lookup(vm: &mut dyn Vm, dict: Value, key: Value) -> PyResult<Option<Value>> {
    // A str or inline-int key is decided without `hash`/`__eq__` dispatch.
    if let Some(found) = crate::dict_type::lookup_plain(dict, key) {
        return Ok(found);
    }
    let h = hash(vm, key)?;
    crate::reentrant_lookup::dict_get(vm, dict, h, key)
}

/// `d[key] = value`.
pub fn dict_store(vm: &mut dyn Vm, dict: Value, key: Value, value: Value) -> PyResult<()> {
    if crate::dict_type::store_plain(dict, key, value) {
        return Ok(());
    }
    let h = hash(vm, key)?;
    crate::reentrant_lookup::dict_set(vm, dict, h, key, value)
}

/// Removes `key`; `Ok(None)` if absent.
pub fn dict_remove(vm: &mut dyn Vm, dict: Value, key: Value) -> PyResult<Option<Value>> {
    if let Some(removed) = crate::dict_type::remove_plain(dict, key) {
        return Ok(removed);
    }
    let h = hash(vm, key)?;
    crate::reentrant_lookup::dict_pop(vm, dict, h, key)
}

/// `key in set`.
pub fn set_contains(vm: &mut dyn Vm, set: Value, key: Value) -> PyResult<bool> {
    if let Some(found) = crate::set_type::contains_plain(set, key) {
        return Ok(found);
    }
    let h = hash(vm, key)?;
    crate::reentrant_lookup::set_contains(vm, set, h, key)
}

/// `set.add(key)`.
pub fn set_add(vm: &mut dyn Vm, set: Value, key: Value) -> PyResult<()> {
    if crate::set_type::add_plain(set, key) {
        return Ok(());
    }
    let h = hash(vm, key)?;
    crate::reentrant_lookup::set_add(vm, set, h, key)
}

// ---------------------------------------------------------------- repr and str

/// `repr(v)`.
pub fn repr(vm: &mut dyn Vm, v: Value) -> PyResult<String> {
    let mut out = String::new();
    let mut seen = Vec::new();
    repr_into(vm, v, &mut out, &mut seen)?;
    Ok(out)
}

/// `str(v)`.
pub fn to_str(vm: &mut dyn Vm, v: Value) -> PyResult<String> {
    match kind_of(v) {
        Some(ObjKind::Str) => Ok(str_of(v).to_string()),
        Some(ObjKind::Instance) => {
            let rt = vm.rt();
            let cls = rt.type_of(v);
            let str_name = rt.names.str;
            let user_str = rt.lookup_in_class(cls, str_name);
            if user_str.is_some() {
                let r = call_dunder(vm, v, str_name, &[])?.unwrap_or(Value::NONE);
                if !is_kind(r, ObjKind::Str) {
                    let tn = vm.rt().type_name(r);
                    return Err(vm
                        .rt()
                        .type_error(format!("__str__ returned non-string (type {tn})")));
                }
                return Ok(str_of(r).to_string());
            }
            // SAFETY: the class of a live instance is live.
            if unsafe { (*cls).is_exception }
                && rt.lookup_in_class(cls, rt.names.repr).is_none_or(|_| true)
            {
                if let Some(s) = exception_str(vm, v)? {
                    return Ok(s);
                }
            }
            repr(vm, v)
        }
        _ => repr(vm, v),
    }
}

/// `str(exc)` for exceptions without a user `__str__`.
fn exception_str(vm: &mut dyn Vm, exc: Value) -> PyResult<Option<String>> {
    let rt = vm.rt();
    let args_name = rt.names.args;
    let is_key_error = rt.isinstance(exc, rt.exc.key_error);
    let Some(args) = instance_get(exc, args_name) else {
        return Ok(Some(String::new()));
    };
    let items = seq_items(args).to_vec();
    match items.len() {
        0 => Ok(Some(String::new())),
        1 if is_key_error => repr(vm, items[0]).map(Some),
        1 => to_str(vm, items[0]).map(Some),
        _ => repr(vm, args).map(Some),
    }
}

fn repr_into(vm: &mut dyn Vm, v: Value, out: &mut String, seen: &mut Vec<Value>) -> PyResult<()> {
    if v.is_int() {
        out.push_str(&v.as_int().to_string());
        return Ok(());
    }
    if v.is_float() {
        let mut buf = [0; crate::float_repr_short::SHORT_REPR_MAX];
        match crate::float_repr_short::short_repr(v.as_float(), &mut buf) {
            Some(text) => out.push_str(text),
            None => out.push_str(&crate::float_repr::float_repr_general(v.as_float())),
        }
        return Ok(());
    }
    if v.is_bool() {
        out.push_str(if v.as_bool() { "True" } else { "False" });
        return Ok(());
    }
    if v.is_none() {
        out.push_str("None");
        return Ok(());
    }
    let kind = match kind_of(v) {
        Some(k) => k,
        None => {
            out.push_str("<empty>");
            return Ok(());
        }
    };
    let containerish = matches!(
        kind,
        ObjKind::List | ObjKind::Tuple | ObjKind::Dict | ObjKind::Set | ObjKind::DictView
    );
    if containerish {
        if seen.contains(&v) {
            out.push_str(match kind {
                ObjKind::Dict => "{...}",
                ObjKind::Tuple => "(...)",
                _ => "[...]",
            });
            return Ok(());
        }
        seen.push(v);
    }
    let r = repr_kind(vm, v, kind, out, seen);
    if containerish {
        seen.pop();
    }
    r
}

fn repr_seq(
    vm: &mut dyn Vm,
    items: &[Value],
    out: &mut String,
    seen: &mut Vec<Value>,
) -> PyResult<()> {
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        repr_into(vm, *it, out, seen)?;
    }
    Ok(())
}

fn repr_kind(
    vm: &mut dyn Vm,
    v: Value,
    kind: ObjKind,
    out: &mut String,
    seen: &mut Vec<Value>,
) -> PyResult<()> {
    match kind {
        ObjKind::Str => out.push_str(&crate::str_repr::str_repr(str_of(v))),
        ObjKind::BigInt => out.push_str(&downcast::<BigIntObj>(v).unwrap().value.to_string()),
        ObjKind::List => {
            let items = seq_items(v).to_vec();
            out.push('[');
            repr_seq(vm, &items, out, seen)?;
            out.push(']');
        }
        ObjKind::Tuple => {
            let items = seq_items(v).to_vec();
            out.push('(');
            repr_seq(vm, &items, out, seen)?;
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        ObjKind::Dict => {
            let entries: Vec<(Value, Value)> =
                downcast::<DictObj>(v).unwrap().table.iter().collect();
            out.push('{');
            for (i, (k, val)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                repr_into(vm, k, out, seen)?;
                out.push_str(": ");
                repr_into(vm, val, out, seen)?;
            }
            out.push('}');
        }
        ObjKind::Set => {
            let s = downcast::<SetObj>(v).unwrap();
            let frozen = s.frozen;
            let members: Vec<Value> = s.table.iter().map(|(k, _)| k).collect();
            if members.is_empty() {
                out.push_str(if frozen { "frozenset()" } else { "set()" });
                return Ok(());
            }
            if frozen {
                out.push_str("frozenset(");
            }
            out.push('{');
            repr_seq(vm, &members, out, seen)?;
            out.push('}');
            if frozen {
                out.push(')');
            }
        }
        ObjKind::DictView => {
            let view = downcast::<DictViewObj>(v).unwrap();
            let (dict, part) = (view.dict, view.part);
            let entries: Vec<(Value, Value)> =
                downcast::<DictObj>(dict).unwrap().table.iter().collect();
            let name = match part {
                DictPart::Keys => "dict_keys",
                DictPart::Values => "dict_values",
                DictPart::Items => "dict_items",
            };
            out.push_str(name);
            out.push_str("([");
            for (i, (k, val)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match part {
                    DictPart::Keys => repr_into(vm, k, out, seen)?,
                    DictPart::Values => repr_into(vm, val, out, seen)?,
                    DictPart::Items => {
                        out.push('(');
                        repr_into(vm, k, out, seen)?;
                        out.push_str(", ");
                        repr_into(vm, val, out, seen)?;
                        out.push(')');
                    }
                }
            }
            out.push_str("])");
        }
        ObjKind::Range => {
            let r = downcast::<RangeObj>(v).unwrap();
            if r.step == 1 {
                out.push_str(&format!("range({}, {})", r.start, r.stop));
            } else {
                out.push_str(&format!("range({}, {}, {})", r.start, r.stop, r.step));
            }
        }
        ObjKind::Slice => {
            let s = downcast::<SliceObj>(v).unwrap();
            let parts = [s.start, s.stop, s.step];
            out.push_str("slice(");
            repr_seq(vm, &parts, out, seen)?;
            out.push(')');
        }
        ObjKind::Function => {
            let f = downcast::<FunctionObj>(v).unwrap();
            out.push_str(&format!(
                "<function {} at {:#x}>",
                str_of(f.qualname),
                addr(v)
            ));
        }
        ObjKind::Builtin => {
            let b = downcast::<BuiltinObj>(v).unwrap();
            if b.bound.is_empty() || is_kind(b.bound, ObjKind::Module) {
                out.push_str(&format!("<built-in function {}>", b.name));
            } else {
                let tn = vm.rt().type_name(b.bound);
                out.push_str(&format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    tn,
                    addr(b.bound)
                ));
            }
        }
        ObjKind::BoundMethod => {
            let m = downcast::<BoundMethodObj>(v).unwrap();
            let (func, recv) = (m.func, m.receiver);
            let fname = match downcast::<FunctionObj>(func) {
                Some(f) => str_of(f.qualname).to_string(),
                None => "?".to_string(),
            };
            out.push_str(&format!("<bound method {fname} of "));
            repr_into(vm, recv, out, seen)?;
            out.push('>');
        }
        // Enum classes print as `<enum 'Color'>`.
        ObjKind::Class if crate::stdlib_enum::class_repr(v).is_some() => {
            out.push_str(&crate::stdlib_enum::class_repr(v).unwrap_or_default());
        }
        ObjKind::Class => {
            let c = v.as_ptr::<ClassObj>();
            // SAFETY: the kind says it is a class.
            let (module, qual) = unsafe {
                (
                    str_of((*c).module).to_string(),
                    str_of((*c).qualname).to_string(),
                )
            };
            if module == "builtins" {
                out.push_str(&format!("<class '{qual}'>"));
            } else {
                out.push_str(&format!("<class '{module}.{qual}'>"));
            }
        }
        ObjKind::Module => {
            let m = downcast::<ModuleObj>(v).unwrap();
            out.push_str(&format!("<module '{}'>", str_of(m.name)));
        }
        ObjKind::Generator => {
            let g = downcast::<GeneratorObj>(v).unwrap();
            let name = downcast::<FunctionObj>(g.func)
                .map(|f| str_of(f.qualname).to_string())
                .unwrap_or_default();
            out.push_str(&format!("<generator object {name} at {:#x}>", addr(v)));
        }
        ObjKind::Instance => return repr_instance(vm, v, out),
        ObjKind::Cell => out.push_str(&format!("<cell at {:#x}>", addr(v))),
        ObjKind::Code => out.push_str(&format!("<code object at {:#x}>", addr(v))),
        ObjKind::Iter => {
            let tn = vm.rt().type_name(v);
            out.push_str(&format!("<{tn} object at {:#x}>", addr(v)))
        }
        ObjKind::Property => out.push_str(&format!("<property object at {:#x}>", addr(v))),
        ObjKind::StaticMethod => out.push_str(&format!("<staticmethod object at {:#x}>", addr(v))),
        ObjKind::ClassMethod => out.push_str(&format!("<classmethod object at {:#x}>", addr(v))),
        ObjKind::Super => out.push_str("<super object>"),
    }
    Ok(())
}

fn repr_instance(vm: &mut dyn Vm, v: Value, out: &mut String) -> PyResult<()> {
    let rt = vm.rt();
    if v == rt.not_implemented {
        out.push_str("NotImplemented");
        return Ok(());
    }
    if v == rt.ellipsis {
        out.push_str("Ellipsis");
        return Ok(());
    }
    let cls = rt.type_of(v);
    let repr_name = rt.names.repr;
    if rt.lookup_in_class(cls, repr_name).is_some() {
        let r = call_dunder(vm, v, repr_name, &[])?.unwrap_or(Value::NONE);
        if !is_kind(r, ObjKind::Str) {
            let tn = vm.rt().type_name(r);
            return Err(vm
                .rt()
                .type_error(format!("__repr__ returned non-string (type {tn})")));
        }
        out.push_str(str_of(r));
        return Ok(());
    }
    // SAFETY: the class of a live instance is live.
    if unsafe { (*cls).is_exception } {
        let args_name = vm.rt().names.args;
        let args = instance_get(v, args_name).unwrap_or(Value::NONE);
        let items = seq_items(args).to_vec();
        out.push_str(&class_name(cls));
        out.push('(');
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&repr(vm, *it)?);
        }
        out.push(')');
        return Ok(());
    }
    // SAFETY: as above.
    let module = unsafe { str_of((*cls).module).to_string() };
    let qual = unsafe { str_of((*cls).qualname).to_string() };
    if module == "builtins" {
        out.push_str(&format!("<{qual} object at {:#x}>", addr(v)));
    } else {
        out.push_str(&format!("<{module}.{qual} object at {:#x}>", addr(v)));
    }
    Ok(())
}

fn addr(v: Value) -> u64 {
    v.to_bits() & crate::value::PAYLOAD_MASK
}
