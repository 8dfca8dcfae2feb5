//! Stable sorting with a fallible `<` (it may call Python `__lt__`), used by
//! `sorted()` and `list.sort()`; fast paths for all-int and all-str lists.

use crate::object::{kind_of, ObjKind};
use crate::protocol::less_than;
use crate::runtime::str_of;
use crate::value::Value;
use crate::{PyResult, Vm};

/// Sorts `items` in place by `key` (None = identity), stably, optionally reversed.
/// Like CPython, `reverse` keeps equal elements in their original order.
pub fn sort_values(
    vm: &mut dyn Vm,
    items: &mut Vec<Value>,
    key: Value,
    reverse: bool,
) -> PyResult<()> {
    // Items and keys stay rooted through a list while `key` and `__lt__` run
    // Python code (which may reach a safepoint and collect).
    let holder = vm.rt().new_list(items.clone());
    vm.rt().heap.push_root(holder);
    let r = sort_rooted(vm, items, key, reverse, holder);
    vm.rt().heap.pop_roots(1);
    r
}

fn sort_rooted(
    vm: &mut dyn Vm,
    items: &mut Vec<Value>,
    key: Value,
    reverse: bool,
    holder: Value,
) -> PyResult<()> {
    let keys: Vec<Value> = if key.is_none() || key.is_empty() {
        items.clone()
    } else {
        let mut ks = Vec::with_capacity(items.len());
        for &it in items.iter() {
            let k = vm.call(key, &[it], &[])?;
            crate::object::downcast::<crate::object::ListObj>(holder)
                .unwrap()
                .items
                .push(k);
            ks.push(k);
        }
        ks
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    if keys.iter().all(|k| k.is_int()) {
        idx.sort_by_key(|&i| keys[i].as_int());
    } else if keys.iter().all(|k| kind_of(*k) == Some(ObjKind::Str)) {
        idx.sort_by(|&a, &b| str_of(keys[a]).cmp(str_of(keys[b])));
    } else if keys.iter().all(|k| k.is_float() && !k.as_float().is_nan()) {
        idx.sort_by(|&a, &b| {
            keys[a]
                .as_float()
                .partial_cmp(&keys[b].as_float())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    } else {
        idx = merge_sort(vm, idx, &keys)?;
    }
    if reverse {
        idx.reverse();
    }
    let sorted: Vec<Value> = idx.into_iter().map(|i| items[i]).collect();
    *items = sorted;
    Ok(())
}

/// A stable merge sort of indices by `keys`, using only `<`.
fn merge_sort(vm: &mut dyn Vm, idx: Vec<usize>, keys: &[Value]) -> PyResult<Vec<usize>> {
    if idx.len() <= 1 {
        return Ok(idx);
    }
    // Insertion sort for short runs (fewer comparisons' overhead).
    if idx.len() <= 8 {
        let mut out: Vec<usize> = Vec::with_capacity(idx.len());
        for i in idx {
            let mut pos = out.len();
            while pos > 0 && less_than(vm, keys[i], keys[out[pos - 1]])? {
                pos -= 1;
            }
            out.insert(pos, i);
        }
        return Ok(out);
    }
    let mid = idx.len() / 2;
    let right = merge_sort(vm, idx[mid..].to_vec(), keys)?;
    let left = merge_sort(vm, idx[..mid].to_vec(), keys)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        // Take from the right only if strictly smaller: stability.
        if less_than(vm, keys[right[j]], keys[left[i]])? {
            out.push(right[j]);
            j += 1;
        } else {
            out.push(left[i]);
            i += 1;
        }
    }
    out.extend_from_slice(&left[i..]);
    out.extend_from_slice(&right[j..]);
    Ok(out)
}
