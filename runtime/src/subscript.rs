//! Subscripts: `obj[key]` reads, writes and deletes for sequences, dicts and
//! user classes, and slice normalisation.

use crate::object::*;
use crate::protocol::{
    call_dunder, dict_lookup, dict_remove, dict_store, index_value, is_int_like, range_len,
};
use crate::runtime::str_of;
use crate::value::Value;
use crate::{PyResult, Vm};

/// A normalised slice: `start`, `stop`, `step` and the resulting length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIndices {
    /// The selected indices in order.
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |i| (self.start + i as i64 * self.step) as usize)
    }
}

fn slice_part(vm: &mut dyn Vm, v: Value) -> PyResult<Option<i64>> {
    if v.is_none() || v.is_empty() {
        return Ok(None);
    }
    if !is_int_like(v) {
        return Err(vm
            .rt()
            .type_error("slice indices must be integers or None or have an __index__ method"));
    }
    // Huge bounds clamp like CPython's.
    match index_value(vm, v) {
        Ok(i) => Ok(Some(i)),
        Err(_) => Ok(Some(
            if crate::protocol::as_bigint(v).is_some_and(|b| b.sign() == num_bigint::Sign::Minus) {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            },
        )),
    }
}

/// `slice.indices(len)` with CPython's clamping rules.
pub fn slice_indices(vm: &mut dyn Vm, slice: Value, len: usize) -> PyResult<SliceIndices> {
    let s = downcast::<SliceObj>(slice).unwrap();
    let (a, b, c) = (s.start, s.stop, s.step);
    let step = slice_part(vm, c)?.unwrap_or(1);
    if step == 0 {
        return Err(vm.rt().value_error("slice step cannot be zero"));
    }
    let (start, stop) = (slice_part(vm, a)?, slice_part(vm, b)?);
    Ok(step_indices(start, stop, step, len))
}

/// The indices `seq[start:stop:step]` selects from a sequence of `len`
/// items (None for an omitted bound; `step` is not 0), clamped as
/// `slice.indices(len)` clamps them.
pub fn step_indices(start: Option<i64>, stop: Option<i64>, step: i64, len: usize) -> SliceIndices {
    let len = len as i64;
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let norm = |i: Option<i64>, default: i64| -> i64 {
        match i {
            None => default,
            Some(i) if i < 0 => (i + len).max(lo),
            Some(i) => i.min(hi),
        }
    };
    let start = norm(start, if step < 0 { hi } else { lo });
    let stop = norm(stop, if step < 0 { lo } else { hi });
    let n = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    SliceIndices {
        start,
        stop,
        step,
        len: n as usize,
    }
}

/// The range `seq[start:stop]` (step 1, None for an omitted bound) selects
/// from a sequence of `len` items, clamped as Python clamps it.
pub fn slice_range(start: Option<i64>, stop: Option<i64>, len: usize) -> std::ops::Range<usize> {
    let clamp = |i: i64| {
        let i = if i < 0 { i + len as i64 } else { i };
        i.clamp(0, len as i64) as usize
    };
    let from = start.map_or(0, clamp);
    let to = stop.map_or(len, clamp);
    from..to.max(from)
}

/// Normalises index `i` for a sequence of `len`, or `None` if out of range.
#[inline]
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j >= 0 && (j as usize) < len {
        Some(j as usize)
    } else {
        None
    }
}

fn seq_index(vm: &mut dyn Vm, key: Value, len: usize, what: &str) -> PyResult<usize> {
    if !is_int_like(key) {
        let tn = vm.rt().type_name(key);
        return Err(vm.rt().type_error(format!(
            "{what} indices must be integers or slices, not {tn}"
        )));
    }
    let i = index_value(vm, key)?;
    match norm_index(i, len) {
        Some(j) => Ok(j),
        None => Err(vm.rt().index_error(format!("{what} index out of range"))),
    }
}

/// `obj[key]`.
pub fn getitem(vm: &mut dyn Vm, obj: Value, key: Value) -> PyResult<Value> {
    match kind_of(obj) {
        Some(ObjKind::List) => {
            let items = &downcast::<ListObj>(obj).unwrap().items;
            if key.is_int() {
                if let Some(j) = norm_index(key.as_int(), items.len()) {
                    return Ok(items[j]);
                }
            }
            if is_kind(key, ObjKind::Slice) {
                let si = slice_indices(vm, key, items.len())?;
                let items = &downcast::<ListObj>(obj).unwrap().items;
                let out: Vec<Value> = si.indices().map(|i| items[i]).collect();
                return Ok(vm.rt().new_list(out));
            }
            let len = items.len();
            let j = seq_index(vm, key, len, "list")?;
            Ok(downcast::<ListObj>(obj).unwrap().items[j])
        }
        Some(ObjKind::Tuple) => {
            let items = &downcast::<TupleObj>(obj).unwrap().items;
            if key.is_int() {
                if let Some(j) = norm_index(key.as_int(), items.len()) {
                    return Ok(items[j]);
                }
            }
            if is_kind(key, ObjKind::Slice) {
                let si = slice_indices(vm, key, items.len())?;
                let items = &downcast::<TupleObj>(obj).unwrap().items;
                let out: Vec<Value> = si.indices().map(|i| items[i]).collect();
                return Ok(vm.rt().new_tuple(out));
            }
            let len = items.len();
            let j = seq_index(vm, key, len, "tuple")?;
            Ok(downcast::<TupleObj>(obj).unwrap().items[j])
        }
        Some(ObjKind::Str) => str_getitem(vm, obj, key),
        Some(ObjKind::Dict) => match dict_lookup(vm, obj, key)? {
            Some(v) => Ok(v),
            None => Err(vm.rt().key_error(key)),
        },
        Some(ObjKind::Range) => {
            let r = downcast::<RangeObj>(obj).unwrap();
            let (start, step, len) = (r.start, r.step, range_len(r) as usize);
            if is_kind(key, ObjKind::Slice) {
                let si = slice_indices(vm, key, len)?;
                let r = downcast::<RangeObj>(obj).unwrap();
                let new_start = start + si.start * step;
                let new_step = step * si.step;
                let new_stop = new_start + si.len as i64 * new_step;
                let _ = r;
                return Ok(vm.rt().heap.alloc_value(RangeObj {
                    header: Header::new(ObjKind::Range),
                    start: new_start,
                    stop: new_stop,
                    step: new_step,
                }));
            }
            let j = seq_index(vm, key, len, "range object")?;
            Ok(vm.rt().int_from_i64(start + j as i64 * step))
        }
        Some(ObjKind::Instance) => {
            let name = vm.rt().names.getitem;
            match call_dunder(vm, obj, name, &[key])? {
                Some(v) => Ok(v),
                None => not_subscriptable(vm, obj),
            }
        }
        // `SomeEnum['NAME']` looks a member up; otherwise `list[int]`-style
        // generic aliases (in annotations) evaluate to the class.
        Some(ObjKind::Class) => match crate::stdlib_enum::class_getitem(vm, obj, key) {
            Some(r) => r,
            None => Ok(obj),
        },
        _ => not_subscriptable(vm, obj),
    }
}

fn not_subscriptable<T>(vm: &mut dyn Vm, obj: Value) -> PyResult<T> {
    let tn = vm.rt().type_name(obj);
    Err(vm
        .rt()
        .type_error(format!("'{tn}' object is not subscriptable")))
}

fn str_getitem(vm: &mut dyn Vm, obj: Value, key: Value) -> PyResult<Value> {
    let s = downcast::<StrObj>(obj).unwrap();
    let (ascii, len) = (s.is_ascii(), s.char_len);
    if is_kind(key, ObjKind::Slice) {
        let si = slice_indices(vm, key, len)?;
        if si.step == 1 {
            let range = (Some(si.start), Some(si.start + si.len as i64));
            return Ok(crate::str_words::slice(vm.rt(), obj, range.0, range.1).expect("a str"));
        }
        let text = str_of(obj);
        let out: String = if ascii {
            let b = text.as_bytes();
            si.indices().map(|i| b[i] as char).collect()
        } else {
            let chars: Vec<char> = text.chars().collect();
            si.indices().map(|i| chars[i]).collect()
        };
        return Ok(vm.rt().new_str(&out));
    }
    if !is_int_like(key) {
        // CPython 3.11 words this one differently from lists and tuples.
        let tn = vm.rt().type_name(key);
        return Err(vm
            .rt()
            .type_error(format!("string indices must be integers, not '{tn}'")));
    }
    let j = seq_index(vm, key, len, "string")?;
    let text = str_of(obj);
    let c = if ascii {
        text.as_bytes()[j] as char
    } else {
        text.chars().nth(j).unwrap_or(' ')
    };
    let mut buf = [0u8; 4];
    let cs: &str = c.encode_utf8(&mut buf);
    Ok(vm.rt().intern_char(cs))
}

/// `obj[key] = value`.
pub fn setitem(vm: &mut dyn Vm, obj: Value, key: Value, value: Value) -> PyResult<()> {
    match kind_of(obj) {
        Some(ObjKind::List) => {
            let len = downcast::<ListObj>(obj).unwrap().items.len();
            if key.is_int() {
                if let Some(j) = norm_index(key.as_int(), len) {
                    downcast::<ListObj>(obj).unwrap().items[j] = value;
                    return Ok(());
                }
            }
            if is_kind(key, ObjKind::Slice) {
                let new_items = crate::iter::collect(vm, value)?;
                let si = slice_indices(vm, key, len)?;
                let list = downcast::<ListObj>(obj).unwrap();
                if si.step == 1 {
                    let start = si.start as usize;
                    let end = start + si.len;
                    list.items.splice(start..end, new_items);
                    return Ok(());
                }
                if new_items.len() != si.len {
                    return Err(vm.rt().value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new_items.len(),
                        si.len
                    )));
                }
                for (i, v) in si.indices().zip(new_items) {
                    list.items[i] = v;
                }
                return Ok(());
            }
            if !is_int_like(key) {
                let tn = vm.rt().type_name(key);
                return Err(vm
                    .rt()
                    .type_error(format!("list indices must be integers or slices, not {tn}")));
            }
            let i = index_value(vm, key)?;
            match norm_index(i, len) {
                Some(j) => {
                    downcast::<ListObj>(obj).unwrap().items[j] = value;
                    Ok(())
                }
                None => Err(vm.rt().index_error("list assignment index out of range")),
            }
        }
        Some(ObjKind::Dict) => dict_store(vm, obj, key, value),
        Some(ObjKind::Instance) => {
            let name = vm.rt().names.setitem;
            match call_dunder(vm, obj, name, &[key, value])? {
                Some(_) => Ok(()),
                None => {
                    let tn = vm.rt().type_name(obj);
                    Err(vm
                        .rt()
                        .type_error(format!("'{tn}' object does not support item assignment")))
                }
            }
        }
        _ => {
            let tn = vm.rt().type_name(obj);
            Err(vm
                .rt()
                .type_error(format!("'{tn}' object does not support item assignment")))
        }
    }
}

/// `del obj[key]`.
pub fn delitem(vm: &mut dyn Vm, obj: Value, key: Value) -> PyResult<()> {
    match kind_of(obj) {
        Some(ObjKind::List) => {
            let len = downcast::<ListObj>(obj).unwrap().items.len();
            if is_kind(key, ObjKind::Slice) {
                let si = slice_indices(vm, key, len)?;
                let mut doomed: Vec<usize> = si.indices().collect();
                doomed.sort_unstable();
                let list = downcast::<ListObj>(obj).unwrap();
                for i in doomed.into_iter().rev() {
                    list.items.remove(i);
                }
                return Ok(());
            }
            let i = index_value(vm, key)?;
            match norm_index(i, len) {
                Some(j) => {
                    downcast::<ListObj>(obj).unwrap().items.remove(j);
                    Ok(())
                }
                None => Err(vm.rt().index_error("list assignment index out of range")),
            }
        }
        Some(ObjKind::Dict) => match dict_remove(vm, obj, key)? {
            Some(_) => Ok(()),
            None => Err(vm.rt().key_error(key)),
        },
        Some(ObjKind::Instance) => {
            let name = vm.rt().names.delitem;
            match call_dunder(vm, obj, name, &[key])? {
                Some(_) => Ok(()),
                None => {
                    let tn = vm.rt().type_name(obj);
                    Err(vm
                        .rt()
                        .type_error(format!("'{tn}' object doesn't support item deletion")))
                }
            }
        }
        _ => {
            let tn = vm.rt().type_name(obj);
            Err(vm
                .rt()
                .type_error(format!("'{tn}' object doesn't support item deletion")))
        }
    }
}

/// `item in container`.
pub fn contains(vm: &mut dyn Vm, container: Value, item: Value) -> PyResult<bool> {
    match kind_of(container) {
        Some(ObjKind::Str) => {
            if !is_kind(item, ObjKind::Str) {
                let tn = vm.rt().type_name(item);
                return Err(vm.rt().type_error(format!(
                    "'in <string>' requires string as left operand, not {tn}"
                )));
            }
            Ok(crate::str_methods::find_bytes(str_of(container), str_of(item)).is_some())
        }
        Some(ObjKind::List) | Some(ObjKind::Tuple) => {
            let items = crate::protocol::seq_items(container).to_vec();
            for x in items {
                // Identity first, like CPython (so a NaN is found in a list holding it).
                if x == item || crate::protocol::eq(vm, x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Some(ObjKind::Dict) => Ok(dict_lookup(vm, container, item)?.is_some()),
        Some(ObjKind::Set) => crate::protocol::set_contains(vm, container, item),
        Some(ObjKind::DictView) => {
            let view = downcast::<DictViewObj>(container).unwrap();
            let (dict, part) = (view.dict, view.part);
            match part {
                DictPart::Keys => Ok(dict_lookup(vm, dict, item)?.is_some()),
                _ => {
                    let it = crate::iter::get_iter(vm, container)?;
                    iter_contains(vm, it, item)
                }
            }
        }
        Some(ObjKind::Range) => {
            let r = downcast::<RangeObj>(container).unwrap();
            let (start, stop, step) = (r.start, r.stop, r.step);
            if !is_int_like(item) {
                return Ok(false);
            }
            let Ok(i) = index_value(vm, item) else {
                return Ok(false);
            };
            let inside = if step > 0 {
                i >= start && i < stop
            } else {
                i <= start && i > stop
            };
            Ok(inside && (i - start) % step == 0)
        }
        Some(ObjKind::Instance) => {
            let name = vm.rt().names.contains;
            if let Some(r) = call_dunder(vm, container, name, &[item])? {
                return crate::protocol::truthy(vm, r);
            }
            let it = crate::iter::get_iter(vm, container)?;
            iter_contains(vm, it, item)
        }
        // `member in SomeEnum`.
        Some(ObjKind::Class) if crate::stdlib_enum::class_members(vm, container).is_some() => {
            crate::stdlib_enum::class_contains(vm, container, item).unwrap_or(Ok(false))
        }
        _ => {
            if matches!(
                kind_of(container),
                Some(ObjKind::Iter) | Some(ObjKind::Generator)
            ) {
                return iter_contains(vm, container, item);
            }
            let tn = vm.rt().type_name(container);
            Err(vm
                .rt()
                .type_error(format!("argument of type '{tn}' is not iterable")))
        }
    }
}

/// `item in it` by exhausting an iterator. The iterator and the item stay
/// rooted: `next` and `==` may run Python code that reaches a safepoint.
fn iter_contains(vm: &mut dyn Vm, it: Value, item: Value) -> PyResult<bool> {
    vm.rt().heap.push_root(it);
    vm.rt().heap.push_root(item);
    let r = (|| {
        while let Some(x) = crate::iter::next(vm, it)? {
            if x == item || crate::protocol::eq(vm, x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    })();
    vm.rt().heap.pop_roots(2);
    r
}
