//! Dict and set lookups that may run a user `__eq__`: no borrow of the table
//! is held while it runs, and a lookup whose table changed under it restarts,
//! exactly where CPython 3.11's `_Py_dict_lookup`, `set_lookkey` and
//! `set_add_entry` restart.
//!
//! A user `__eq__` may grow the dict (freeing the index array being probed),
//! clear it or delete the candidate key. Each step therefore borrows the table
//! afresh from the object (`downcast` again) after the call, and checks the
//! table's `storage_id` (which changes when its arrays are replaced) and that
//! the candidate still holds the key that was compared. The plain-key fast paths
//! (`dict_type::lookup_plain` and friends) run no user code and stay as they are.
//!
//! Everything here is `inline(always)`, as was the `find` loop it replaces:
//! the interpreter loop inlines `protocol::dict_store` and `set_add`, and
//! out-of-line or cold slow paths there shifted that loop's code generation
//! (`--jit=off` 0.6-1.5% more instructions on dicts and json_parse).

use crate::dict_table::{self, DictTable};
use crate::object::{downcast, DictObj, SetObj};
use crate::protocol::eq;
use crate::set_table::{self, SetTable};
use crate::value::Value;
use crate::{PyResult, Vm};

/// The table of dict `dict`, borrowed for one step only: never held across
/// a call that may run Python code.
#[inline]
fn dict_of<'a>(dict: Value) -> &'a mut DictTable {
    &mut downcast::<DictObj>(dict).expect("a dict").table
}

/// The table of set `set`, borrowed for one step only (see `dict_of`).
#[inline]
fn set_of<'a>(set: Value) -> &'a mut SetTable {
    &mut downcast::<SetObj>(set).expect("a set").table
}

/// The entry index of `key` (with hash `hash`) in dict `dict`, or None if
/// absent. `__eq__` errors propagate. The caller uses the index at once,
/// before running any Python code.
#[inline]
pub fn dict_find(vm: &mut dyn Vm, dict: Value, hash: i64, key: Value) -> PyResult<Option<usize>> {
    'restart: loop {
        let mut probe = dict_of(dict).probe(hash, key);
        loop {
            match dict_of(dict).probe_step(&mut probe) {
                dict_table::ProbeStep::Found(i) => return Ok(Some(i)),
                dict_table::ProbeStep::Missing => return Ok(None),
                dict_table::ProbeStep::Compare { entry, stored_key } => {
                    let storage = dict_of(dict).storage_id();
                    let equal = eq(vm, stored_key, key)?;
                    let t = dict_of(dict);
                    let unchanged = t.storage_id() == storage
                        && t.entry_at(entry).map(|e| e.key) == Some(stored_key);
                    if !unchanged {
                        continue 'restart;
                    }
                    if equal {
                        return Ok(Some(entry));
                    }
                }
            }
        }
    }
}

/// `dict[key]` without `__missing__`: `Ok(None)` if absent.
#[inline]
pub fn dict_get(vm: &mut dyn Vm, dict: Value, hash: i64, key: Value) -> PyResult<Option<Value>> {
    Ok(dict_find(vm, dict, hash, key)?.map(|i| dict_of(dict).value_at(i)))
}

/// `dict[key] = value`: overwrites the value of an equal key (keeping the
/// stored key), else appends `key`.
#[inline]
pub fn dict_set(vm: &mut dyn Vm, dict: Value, hash: i64, key: Value, value: Value) -> PyResult<()> {
    let found = dict_find(vm, dict, hash, key)?;
    let t = dict_of(dict);
    match found {
        Some(i) => {
            t.set_value_at(i, value);
        }
        None => {
            t.insert_new(hash, key, value);
        }
    }
    Ok(())
}

/// Removes `key` from `dict`, returning its value (`Ok(None)` if absent).
#[inline]
pub fn dict_pop(vm: &mut dyn Vm, dict: Value, hash: i64, key: Value) -> PyResult<Option<Value>> {
    Ok(dict_find(vm, dict, hash, key)?
        .and_then(|i| dict_of(dict).remove_entry(i))
        .map(|(_, v)| v))
}

/// The slot of `key` (with hash `hash`) in set `set`, or None if absent;
/// `__eq__` errors propagate. `adding` selects `set_add_entry`'s rule (an
/// equal key is found even if `__eq__` changed the table) over
/// `set_lookkey`'s (any change restarts first); a found slot is then only
/// meaningful when the table did not change.
#[inline]
fn set_find(
    vm: &mut dyn Vm,
    set: Value,
    hash: i64,
    key: Value,
    adding: bool,
) -> PyResult<Option<usize>> {
    'restart: loop {
        let mut probe = set_of(set).probe(hash, key);
        loop {
            match set_of(set).probe_step(&mut probe) {
                set_table::ProbeStep::Found(i) => return Ok(Some(i)),
                set_table::ProbeStep::Missing => return Ok(None),
                set_table::ProbeStep::Compare { slot, stored_key } => {
                    let storage = set_of(set).storage_id();
                    let equal = eq(vm, stored_key, key)?;
                    if equal && adding {
                        return Ok(Some(slot));
                    }
                    let t = set_of(set);
                    let unchanged = t.storage_id() == storage && t.key_at(slot) == Some(stored_key);
                    if !unchanged {
                        continue 'restart;
                    }
                    if equal {
                        return Ok(Some(slot));
                    }
                }
            }
        }
    }
}

/// `key in set`.
#[inline]
pub fn set_contains(vm: &mut dyn Vm, set: Value, hash: i64, key: Value) -> PyResult<bool> {
    Ok(set_find(vm, set, hash, key, false)?.is_some())
}

/// `set.add(key)` (CPython's `set_add_entry`): a no-op if an equal key is
/// present.
#[inline]
pub fn set_add(vm: &mut dyn Vm, set: Value, hash: i64, key: Value) -> PyResult<()> {
    if set_find(vm, set, hash, key, true)?.is_none() {
        set_of(set).insert_new(hash, key);
    }
    Ok(())
}

/// `set.discard(key)` (CPython's `set_discard_entry`): true if `key` was
/// present.
#[inline]
pub fn set_discard(vm: &mut dyn Vm, set: Value, hash: i64, key: Value) -> PyResult<bool> {
    Ok(match set_find(vm, set, hash, key, false)? {
        Some(slot) => set_of(set).remove_slot(slot).is_some(),
        None => false,
    })
}
