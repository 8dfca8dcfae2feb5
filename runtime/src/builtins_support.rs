//! Glue between the pure leaf modules (numbers, text formatting) and values:
//! error conversion, `%`-formatting of values, set algebra, dict updates.

use crate::object::*;
use crate::protocol::{dict_store, repr, to_str};
use crate::runtime::str_of;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use frontend::bytecode::BinOpKind;

/// Turns a numeric-leaf error into a Python exception.
pub fn num_error(vm: &mut dyn Vm, e: crate::num_error::NumError) -> PyErr {
    use crate::num_error::NumErrorKind as K;
    let rt = vm.rt();
    let cls = match e.kind {
        K::ValueError => rt.exc.value_error,
        K::ZeroDivisionError => rt.exc.zero_division_error,
        K::OverflowError => rt.exc.overflow_error,
        K::TypeError => rt.exc.type_error,
        K::IndexError => rt.exc.index_error,
    };
    rt.error(cls, e.msg)
}

/// Turns a text-leaf error into a Python exception.
pub fn text_error(vm: &mut dyn Vm, e: crate::text_error::TextError) -> PyErr {
    use crate::text_error::ErrorClass as K;
    let rt = vm.rt();
    let cls = match e.kind {
        K::ValueError => rt.exc.value_error,
        K::TypeError => rt.exc.type_error,
        K::IndexError => rt.exc.index_error,
        K::OverflowError => rt.exc.overflow_error,
        K::KeyError => rt.exc.key_error,
    };
    rt.error(cls, e.msg)
}

// ---------------------------------------------------------------- % formatting

/// The right operand of `%` as the formatter sees it.
struct PercentValues<'a> {
    vm: &'a mut dyn Vm,
    operand: Value,
    selected: Value,
}

fn to_text_err(vm: &mut dyn Vm, e: PyErr) -> crate::text_error::TextError {
    // An exception raised by a user __str__/__repr__ becomes a TypeError with its message.
    let msg = to_str(vm, e.0).unwrap_or_default();
    crate::text_error::TextError {
        kind: crate::text_error::ErrorClass::TypeError,
        msg,
    }
}

impl PercentValues<'_> {
    fn value(&self, arg: crate::percent_format::PercentArg) -> Value {
        match arg {
            crate::percent_format::PercentArg::Item(i) => crate::protocol::seq_items(self.operand)
                .get(i)
                .copied()
                .unwrap_or(Value::NONE),
            crate::percent_format::PercentArg::Whole => {
                if self.selected.is_empty() {
                    self.operand
                } else {
                    self.selected
                }
            }
        }
    }
}

impl crate::percent_format::PercentArgs for PercentValues<'_> {
    fn tuple_len(&self) -> Option<usize> {
        is_kind(self.operand, ObjKind::Tuple)
            .then(|| crate::protocol::seq_items(self.operand).len())
    }
    fn is_mapping(&self) -> bool {
        is_kind(self.operand, ObjKind::Dict)
    }
    fn select_key(&mut self, key: &str) -> Result<(), crate::text_error::TextError> {
        let k = self.vm.rt().new_str(key);
        match crate::subscript::getitem(self.vm, self.operand, k) {
            Ok(v) => {
                self.selected = v;
                Ok(())
            }
            Err(_) => Err(crate::text_error::TextError {
                kind: crate::text_error::ErrorClass::KeyError,
                msg: crate::str_repr::str_repr(key),
            }),
        }
    }
    fn str_of(
        &mut self,
        arg: crate::percent_format::PercentArg,
    ) -> Result<String, crate::text_error::TextError> {
        let v = self.value(arg);
        to_str(self.vm, v).map_err(|e| to_text_err(self.vm, e))
    }
    fn repr_of(
        &mut self,
        arg: crate::percent_format::PercentArg,
    ) -> Result<String, crate::text_error::TextError> {
        let v = self.value(arg);
        repr(self.vm, v).map_err(|e| to_text_err(self.vm, e))
    }
    fn value_of(
        &mut self,
        arg: crate::percent_format::PercentArg,
    ) -> Result<crate::percent_format::PercentValue, crate::text_error::TextError> {
        use crate::percent_format::PercentValue;
        let v = self.value(arg);
        if v.is_float() {
            return Ok(PercentValue::Float(v.as_float()));
        }
        if let Some(b) = crate::protocol::as_bigint(v) {
            return Ok(PercentValue::Int(b));
        }
        if is_kind(v, ObjKind::Str) {
            return Ok(PercentValue::Str(str_of(v).to_string()));
        }
        Ok(PercentValue::Other(self.vm.rt().type_name(v)))
    }
}

/// `fmt % args`.
pub fn str_percent(vm: &mut dyn Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let text = str_of(fmt).to_string();
    let mut pv = PercentValues {
        vm,
        operand: args,
        selected: Value::EMPTY,
    };
    let r = crate::percent_format::percent_format(&text, &mut pv);
    match r {
        Ok(s) => Ok(vm.rt().new_str(&s)),
        Err(e) => Err(text_error(vm, e)),
    }
}

// ---------------------------------------------------------------- sets and dicts

/// `a | b`, `a & b`, `a - b`, `a ^ b` for sets; `None` for other operators.
/// The algebra lives in `set_type`, which follows CPython's loops.
pub fn set_binary(vm: &mut dyn Vm, op: BinOpKind, a: Value, b: Value) -> PyResult<Option<Value>> {
    crate::set_type::binary(vm, op, a, b)
}

/// `dict.update(src)` where `src` is a dict, or an iterable of pairs.
pub fn dict_update_from(vm: &mut dyn Vm, dict: Value, src: Value) -> PyResult<()> {
    if downcast::<DictObj>(src).is_some() {
        // CPython's `dict_merge`: `src` is read by position, afresh at each
        // step, with each pair rooted while it is stored (an `__eq__` may
        // delete it from `src`); a change of `src`'s size is an error.
        let src_table = || &downcast::<DictObj>(src).unwrap().table;
        let n = src_table().entries_len();
        for i in 0..n {
            let Some(e) = src_table().entry_at(i) else {
                continue;
            };
            vm.rt().heap.push_root(e.key);
            vm.rt().heap.push_root(e.value);
            let stored = dict_store(vm, dict, e.key, e.value);
            vm.rt().heap.pop_roots(2);
            stored?;
            if src_table().entries_len() != n {
                return Err(vm.rt().runtime_error("dict mutated during update"));
            }
        }
        return Ok(());
    }
    if is_kind(src, ObjKind::Instance) {
        let keys_name = vm.rt().intern("keys");
        if crate::attr::lookup_attr(vm, src, keys_name)?.is_some() {
            let keys_fn = crate::attr::getattr(vm, src, keys_name)?;
            let keys = vm.call(keys_fn, &[], &[])?;
            for k in crate::iter::collect(vm, keys)? {
                let v = crate::subscript::getitem(vm, src, k)?;
                dict_store(vm, dict, k, v)?;
            }
            return Ok(());
        }
    }
    let items = crate::iter::collect(vm, src)?;
    // The pairs stay rooted while each is unpacked (that may run Python code).
    let holder = vm.rt().new_list(items.clone());
    vm.rt().heap.push_root(holder);
    let r = update_from_pairs(vm, dict, items);
    vm.rt().heap.pop_roots(1);
    r
}

fn update_from_pairs(vm: &mut dyn Vm, dict: Value, items: Vec<Value>) -> PyResult<()> {
    for (i, item) in items.into_iter().enumerate() {
        if crate::iter::get_iter(vm, item).is_err() {
            return Err(vm.rt().type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            )));
        }
        let pair = crate::iter::collect(vm, item)?;
        if pair.len() != 2 {
            return Err(vm.rt().value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        dict_store(vm, dict, pair[0], pair[1])?;
    }
    Ok(())
}
