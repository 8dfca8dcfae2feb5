//! Glue between the pure leaf modules (numbers, text formatting) and values:
//! error conversion, `%`-formatting of values, set algebra, dict updates.

use crate::object::*;
use crate::protocol::{dict_store, repr, set_add, set_contains, to_str};
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

struct PercentValues<'a> {
    vm: &'a mut dyn Vm,
    args: Vec<Value>,
    mapping: Option<Value>,
}

impl PercentValues<'_> {
    fn value(&mut self, i: usize) -> Value {
        self.args.get(i).copied().unwrap_or(Value::NONE)
    }
    fn lookup(&mut self, key: &str) -> Result<Value, crate::text_error::TextError> {
        let m = self.mapping.unwrap_or(Value::NONE);
        let k = self.vm.rt().new_str(key);
        match crate::subscript::getitem(self.vm, m, k) {
            Ok(v) => Ok(v),
            Err(_) => Err(crate::text_error::TextError { kind: crate::text_error::ErrorClass::KeyError, msg: format!("'{key}'") }),
        }
    }
}

fn to_text_err(vm: &mut dyn Vm, e: PyErr) -> crate::text_error::TextError {
    let msg = to_str(vm, e.0).unwrap_or_default();
    crate::text_error::TextError { kind: crate::text_error::ErrorClass::TypeError, msg }
}

impl crate::percent_format::PercentArgs for PercentValues<'_> {
    fn len(&self) -> usize {
        self.args.len()
    }
    fn is_mapping(&self) -> bool {
        self.mapping.is_some()
    }
    fn str_of(&mut self, i: usize) -> Result<String, crate::text_error::TextError> {
        let v = self.value(i);
        to_str(self.vm, v).map_err(|e| to_text_err(self.vm, e))
    }
    fn repr_of(&mut self, i: usize) -> Result<String, crate::text_error::TextError> {
        let v = self.value(i);
        repr(self.vm, v).map_err(|e| to_text_err(self.vm, e))
    }
    fn ascii_of(&mut self, i: usize) -> Result<String, crate::text_error::TextError> {
        let r = self.repr_of(i)?;
        Ok(crate::str_repr::ascii_escape(&r))
    }
    fn int_of(&mut self, i: usize) -> Result<Option<num_bigint::BigInt>, crate::text_error::TextError> {
        let v = self.value(i);
        if v.is_float() {
            return Ok(Some(num_bigint::BigInt::from(v.as_float().trunc() as i128)));
        }
        Ok(crate::protocol::as_bigint(v))
    }
    fn float_of(&mut self, i: usize) -> Result<Option<f64>, crate::text_error::TextError> {
        Ok(crate::protocol::as_f64(self.value(i)))
    }
    fn type_name(&mut self, i: usize) -> String {
        let v = self.value(i);
        self.vm.rt().type_name(v)
    }
    fn str_of_key(&mut self, key: &str) -> Result<String, crate::text_error::TextError> {
        let v = self.lookup(key)?;
        to_str(self.vm, v).map_err(|e| to_text_err(self.vm, e))
    }
    fn repr_of_key(&mut self, key: &str) -> Result<String, crate::text_error::TextError> {
        let v = self.lookup(key)?;
        repr(self.vm, v).map_err(|e| to_text_err(self.vm, e))
    }
    fn int_of_key(&mut self, key: &str) -> Result<Option<num_bigint::BigInt>, crate::text_error::TextError> {
        let v = self.lookup(key)?;
        Ok(crate::protocol::as_bigint(v))
    }
    fn float_of_key(&mut self, key: &str) -> Result<Option<f64>, crate::text_error::TextError> {
        let v = self.lookup(key)?;
        Ok(crate::protocol::as_f64(v))
    }
}

/// `fmt % args`.
pub fn str_percent(vm: &mut dyn Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let (list, mapping) = match kind_of(args) {
        Some(ObjKind::Tuple) => (crate::protocol::seq_items(args).to_vec(), None),
        Some(ObjKind::Dict) => (vec![args], Some(args)),
        _ => (vec![args], None),
    };
    let text = str_of(fmt).to_string();
    let mut pv = PercentValues { vm, args: list, mapping };
    let r = crate::percent_format::percent_format(&text, &mut pv);
    match r {
        Ok(s) => Ok(vm.rt().new_str(&s)),
        Err(e) => Err(text_error(vm, e)),
    }
}

// ---------------------------------------------------------------- sets and dicts

fn members(v: Value) -> Vec<Value> {
    match kind_of(v) {
        Some(ObjKind::Set) => downcast::<SetObj>(v).unwrap().table.iter().map(|(k, _)| k).collect(),
        _ => Vec::new(),
    }
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for sets; `None` for other operators.
pub fn set_binary(vm: &mut dyn Vm, op: BinOpKind, a: Value, b: Value) -> PyResult<Option<Value>> {
    let frozen = downcast::<SetObj>(a).unwrap().frozen;
    let out = vm.rt().new_set(frozen);
    vm.rt().heap.push_root(out);
    let r = (|| -> PyResult<Option<Value>> {
        match op {
            BinOpKind::BitOr => {
                for m in members(a).into_iter().chain(members(b)) {
                    set_add(vm, out, m)?;
                }
            }
            BinOpKind::BitAnd => {
                for m in members(a) {
                    if set_contains(vm, b, m)? {
                        set_add(vm, out, m)?;
                    }
                }
            }
            BinOpKind::Sub => {
                for m in members(a) {
                    if !set_contains(vm, b, m)? {
                        set_add(vm, out, m)?;
                    }
                }
            }
            BinOpKind::BitXor => {
                for m in members(a) {
                    if !set_contains(vm, b, m)? {
                        set_add(vm, out, m)?;
                    }
                }
                for m in members(b) {
                    if !set_contains(vm, a, m)? {
                        set_add(vm, out, m)?;
                    }
                }
            }
            _ => return Ok(None),
        }
        Ok(Some(out))
    })();
    vm.rt().heap.pop_roots(1);
    r
}

/// `dict.update(src)` where `src` is a dict, or an iterable of pairs.
pub fn dict_update_from(vm: &mut dyn Vm, dict: Value, src: Value) -> PyResult<()> {
    if let Some(d) = downcast::<DictObj>(src) {
        let entries: Vec<(Value, Value)> = d.table.iter().collect();
        for (k, v) in entries {
            dict_store(vm, dict, k, v)?;
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
    for (i, item) in items.into_iter().enumerate() {
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
