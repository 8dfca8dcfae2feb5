//! `str.format` and `str.format_map`: the runtime side of the template engine
//! in `format_string` (field lookup by position, keyword, attribute and
//! index, `!r`/`!s`/`!a` conversions and `format(value, spec)`).

use crate::builtins::format_value;
use crate::builtins_support::text_error;
use crate::format_string::{format_template, FormatFields};
use crate::object::*;
use crate::protocol::{repr, to_str};
use crate::runtime::str_of;
use crate::str_type::recv;
use crate::text_error::TextError;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

/// An error while rendering: a raised exception, or a text error not yet
/// turned into one (the engine cannot reach the runtime to do it).
enum FormatError {
    Raised(PyErr),
    Text(TextError),
}

impl From<TextError> for FormatError {
    fn from(e: TextError) -> Self {
        FormatError::Text(e)
    }
}

impl From<PyErr> for FormatError {
    fn from(e: PyErr) -> Self {
        FormatError::Raised(e)
    }
}

/// Where fields come from: the arguments of `format`, or the mapping of
/// `format_map`. Every value the engine holds is also kept in `holder` (a
/// rooted list), because a user `__format__` run for a later part of the
/// field may reach a safepoint.
struct Fields<'a> {
    vm: &'a mut dyn Vm,
    positional: &'a [Value],
    keywords: &'a [(Value, Value)],
    mapping: Option<Value>,
    holder: Value,
}

impl Fields<'_> {
    fn keep(&mut self, v: Value) -> Value {
        if let Some(l) = downcast::<ListObj>(self.holder) {
            l.items.push(v);
        }
        v
    }
}

impl FormatFields for Fields<'_> {
    type Value = Value;
    type Error = FormatError;

    fn positional(&mut self, index: usize) -> Result<Option<Value>, FormatError> {
        Ok(self.positional.get(index).copied())
    }

    fn keyword(&mut self, name: &str) -> Result<Value, FormatError> {
        let key = self.vm.rt().new_str(name);
        self.keep(key);
        if let Some(m) = self.mapping {
            let v = crate::subscript::getitem(self.vm, m, key)?;
            return Ok(self.keep(v));
        }
        match self.keywords.iter().find(|(k, _)| str_of(*k) == name) {
            Some(&(_, v)) => Ok(v),
            None => Err(FormatError::Raised(self.vm.rt().key_error(key))),
        }
    }

    fn attribute(&mut self, obj: Value, name: &str) -> Result<Value, FormatError> {
        let n = self.vm.rt().intern(name);
        let v = crate::attr::getattr(self.vm, obj, n)?;
        Ok(self.keep(v))
    }

    fn item_index(&mut self, obj: Value, index: usize) -> Result<Value, FormatError> {
        let i = self.vm.rt().int_from_i64(index as i64);
        let v = crate::subscript::getitem(self.vm, obj, i)?;
        Ok(self.keep(v))
    }

    fn item_key(&mut self, obj: Value, key: &str) -> Result<Value, FormatError> {
        let k = self.vm.rt().new_str(key);
        self.keep(k);
        let v = crate::subscript::getitem(self.vm, obj, k)?;
        Ok(self.keep(v))
    }

    fn convert(&mut self, obj: Value, conversion: char) -> Result<Value, FormatError> {
        let text = match conversion {
            'r' => repr(self.vm, obj)?,
            'a' => crate::str_repr::ascii_escape(&repr(self.vm, obj)?),
            _ => to_str(self.vm, obj)?,
        };
        let v = self.vm.rt().new_str(&text);
        Ok(self.keep(v))
    }

    fn format(&mut self, obj: Value, spec: &str) -> Result<String, FormatError> {
        let spec_v = if spec.is_empty() {
            Value::EMPTY
        } else {
            self.vm.rt().new_str(spec)
        };
        let r = format_value(self.vm, obj, spec_v)?;
        Ok(str_of(r).to_string())
    }

    fn positional_allowed(&self) -> bool {
        self.mapping.is_none()
    }
}

/// Renders `template` with the given fields source.
fn render(
    vm: &mut dyn Vm,
    template: Value,
    positional: &[Value],
    keywords: &[(Value, Value)],
    mapping: Option<Value>,
) -> PyResult<Value> {
    let holder = vm.rt().new_list(Vec::new());
    vm.rt().heap.push_root(holder);
    let text = str_of(template).to_string();
    let r = {
        let mut fields = Fields {
            vm: &mut *vm,
            positional,
            keywords,
            mapping,
            holder,
        };
        format_template(&text, &mut fields)
    };
    vm.rt().heap.pop_roots(1);
    match r {
        Ok(s) => Ok(vm.rt().new_str(&s)),
        Err(FormatError::Raised(e)) => Err(e),
        Err(FormatError::Text(e)) => Err(text_error(vm, e)),
    }
}

/// `template.format(*args, **kwargs)`.
pub fn str_format(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let template = recv(vm, args, "format")?;
    render(vm, template, &args[1..], kw, None)
}

/// `template.format_map(mapping)`.
pub fn str_format_map(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let template = recv(vm, args, "format_map")?;
    let sig = crate::method_args::Signature::positional("str.format_map", &["mapping"], 1);
    let a = crate::method_args::bind_method(vm, sig, args, kw)?;
    render(vm, template, &[], &[], a[0])
}
