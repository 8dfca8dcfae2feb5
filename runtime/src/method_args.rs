//! Argument handling shared by the methods of the builtin types: checking the
//! receiver of an unbound call (`str.upper(5)`), binding positional and
//! keyword arguments to parameter names, and converting common argument kinds
//! with CPython's error messages.

use crate::object::*;
use crate::protocol::{as_bigint, index_value, is_int_like};
use crate::runtime::{class_name, str_of};
use crate::value::Value;
use crate::{PyResult, Vm};
use std::ops::Deref;

/// A builtin class (asked for only on the error path) and the test its
/// instances pass: what [`receiver`] checks, for methods installed on more
/// than one class.
pub type ReceiverClass = (
    fn(&crate::runtime::Runtime) -> *mut ClassObj,
    fn(Value) -> bool,
);

/// The receiver (`args[0]`) of a method of builtin class `cls(rt)`, checked
/// with `is_instance` (which looks at the object's layout, not just its
/// class), as CPython's method descriptors check it. The class is asked for
/// only on the error path: reaching the runtime is a virtual call, which
/// every list or str method call paid before its first check.
#[inline]
pub fn receiver(
    vm: &mut dyn Vm,
    args: &[Value],
    cls: impl FnOnce(&crate::runtime::Runtime) -> *mut ClassObj,
    method: &str,
    is_instance: fn(Value) -> bool,
) -> PyResult<Value> {
    if let Some(&recv) = args.first() {
        if is_instance(recv) {
            return Ok(recv);
        }
    }
    let cls = cls(vm.rt());
    receiver_error(vm, args, cls, method, is_instance)
}

/// [`receiver`]'s error path (or, for a receiver that passes after all,
/// the receiver).
#[cold]
#[inline(never)]
fn receiver_error(
    vm: &mut dyn Vm,
    args: &[Value],
    cls: *mut ClassObj,
    method: &str,
    is_instance: fn(Value) -> bool,
) -> PyResult<Value> {
    let tn = class_name(cls);
    // Some methods pass their qualified name ("int.bit_length", as their
    // argument-count messages say it); these messages add the class.
    let method = method.rsplit('.').next().unwrap_or(method);
    let slot = is_slot_wrapper(&tn, method);
    let Some(&recv) = args.first() else {
        let msg = match slot {
            true => format!("descriptor '{method}' of '{tn}' object needs an argument"),
            false => format!("unbound method {tn}.{method}() needs an argument"),
        };
        return Err(vm.rt().type_error(msg));
    };
    if !is_instance(recv) {
        let other = vm.rt().type_name(recv);
        let msg = match slot {
            true => {
                format!("descriptor '{method}' requires a '{tn}' object but received a '{other}'")
            }
            false => {
                format!(
                    "descriptor '{method}' for '{tn}' objects doesn't apply to a '{other}' object"
                )
            }
        };
        return Err(vm.rt().type_error(msg));
    }
    Ok(recv)
}

/// Is `class.method` one of CPython's slot wrappers (`int.__add__`,
/// `set.__len__`), whose receiver errors are worded differently from a
/// method descriptor's? Dunders are, except the few a builtin class defines
/// as plain methods (CPython 3.11's `vars(cls)`).
fn is_slot_wrapper(class: &str, method: &str) -> bool {
    const METHOD_DUNDERS: &[&str] = &[
        "__trunc__",
        "__floor__",
        "__ceil__",
        "__round__",
        "__getnewargs__",
        "__format__",
        "__sizeof__",
        "__reversed__",
        "__reduce__",
        "__reduce_ex__",
        "__getstate__",
        "__dir__",
        "__bytes__",
        "__subclasses__",
        "__instancecheck__",
        "__subclasscheck__",
    ];
    let dunder = method.len() > 4 && method.starts_with("__") && method.ends_with("__");
    let class_method = match method {
        "__getitem__" => matches!(class, "list" | "dict"),
        "__contains__" => matches!(class, "dict" | "set" | "frozenset"),
        _ => METHOD_DUNDERS.contains(&method),
    };
    dunder && !class_method
}

/// How CPython declares a method, which decides its argument-count messages.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Argument Clinic, positional-only: "pop expected at most 1 argument, got 2".
    Clinic,
    /// Old-style varargs (`find`): "find() takes at most 3 arguments (4 given)".
    Varargs,
    /// Parameters that may be passed by keyword: "split() takes at most ...".
    Keywords,
}

/// How a method accepts its arguments.
#[derive(Clone, Copy)]
pub struct Signature<'a> {
    /// The method name, for messages (`split`; `list.append` for methods
    /// taking exactly one argument or none, as CPython names those).
    pub name: &'a str,
    /// Parameter names, in positional order.
    pub params: &'a [&'a str],
    /// How many leading parameters are required.
    pub required: usize,
    /// The declaration style (whether keywords are accepted, message wording).
    pub style: Style,
}

impl<'a> Signature<'a> {
    /// A signature whose parameters are positional-only.
    pub const fn positional(name: &'a str, params: &'a [&'a str], required: usize) -> Self {
        Signature {
            name,
            params,
            required,
            style: Style::Clinic,
        }
    }

    /// A positional-only signature with old-style varargs messages.
    pub const fn varargs(name: &'a str, params: &'a [&'a str], required: usize) -> Self {
        Signature {
            name,
            params,
            required,
            style: Style::Varargs,
        }
    }

    /// A signature whose parameters may also be passed by keyword.
    pub const fn keywords(name: &'a str, params: &'a [&'a str], required: usize) -> Self {
        Signature {
            name,
            params,
            required,
            style: Style::Keywords,
        }
    }
}

/// CPython's message for a wrong number of arguments.
fn count_message(sig: &Signature, given: usize) -> String {
    let (name, n, req) = (sig.name, sig.params.len(), sig.required);
    if n == 0 {
        return format!("{name}() takes no arguments ({given} given)");
    }
    if n == 1 && req == 1 && sig.style != Style::Keywords {
        return format!("{name}() takes exactly one argument ({given} given)");
    }
    let too_many = given > n;
    let bound = if too_many { n } else { req };
    let s = plural(bound);
    match (sig.style, too_many) {
        (Style::Clinic, _) if req == n => format!("{name} expected {n} arguments, got {given}"),
        (Style::Clinic, true) => format!("{name} expected at most {n} argument{s}, got {given}"),
        (Style::Clinic, false) => {
            format!("{name} expected at least {req} argument{s}, got {given}")
        }
        (_, true) => format!("{name}() takes at most {n} argument{s} ({given} given)"),
        (_, false) => format!("{name}() takes at least {req} argument{s} ({given} given)"),
    }
}

/// Parameters [`BoundArgs`] holds without allocating.
const INLINE_PARAMS: usize = 6;

/// Bound arguments: one entry per parameter, `None` when not given. Indexes
/// like a slice; up to `INLINE_PARAMS` entries live inline, so binding
/// the arguments of a builtin method call allocates nothing.
pub struct BoundArgs {
    inline: [Option<Value>; INLINE_PARAMS],
    /// All entries, for signatures with more parameters than fit inline.
    spilled: Vec<Option<Value>>,
    len: usize,
}

impl BoundArgs {
    /// `n` entries, all `None`.
    fn unset(n: usize) -> BoundArgs {
        BoundArgs {
            inline: [None; INLINE_PARAMS],
            spilled: if n > INLINE_PARAMS {
                vec![None; n]
            } else {
                Vec::new()
            },
            len: n,
        }
    }

    /// The entries as a vector.
    pub fn to_vec(&self) -> Vec<Option<Value>> {
        self.deref().to_vec()
    }
}

impl std::ops::Deref for BoundArgs {
    type Target = [Option<Value>];
    fn deref(&self) -> &[Option<Value>] {
        if self.len > INLINE_PARAMS {
            &self.spilled
        } else {
            &self.inline[..self.len]
        }
    }
}

impl std::ops::DerefMut for BoundArgs {
    fn deref_mut(&mut self) -> &mut [Option<Value>] {
        if self.len > INLINE_PARAMS {
            &mut self.spilled
        } else {
            &mut self.inline[..self.len]
        }
    }
}

/// Binds the arguments of a method call (`args[0]` is the receiver, already
/// checked) to `sig`'s parameters: one entry per parameter after the
/// receiver, `None` when not given.
pub fn bind_method(
    vm: &mut dyn Vm,
    sig: Signature,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<BoundArgs> {
    let pos = args.get(1..).unwrap_or(&[]);
    // The common call binds without building the receiver's type name (only
    // error messages need it).
    if kw.is_empty() && pos.len() >= sig.required && pos.len() <= sig.params.len() {
        let mut out = BoundArgs::unset(sig.params.len());
        for (slot, &v) in out.iter_mut().zip(pos) {
            *slot = Some(v);
        }
        return Ok(out);
    }
    let owner = args.first().map(|&r| vm.rt().type_name(r));
    bind_owned(vm, sig, owner.as_deref(), pos, kw)
}

/// Binds `pos` and `kw` of a call without a receiver (a static or class
/// method) to `sig`'s parameters.
pub fn bind(
    vm: &mut dyn Vm,
    sig: Signature,
    pos: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<BoundArgs> {
    bind_owned(vm, sig, None, pos, kw)
}

fn bind_owned(
    vm: &mut dyn Vm,
    sig: Signature,
    owner: Option<&str>,
    pos: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<BoundArgs> {
    let (name, n) = (sig.name, sig.params.len());
    if !kw.is_empty() && sig.style != Style::Keywords {
        let short = name.rsplit('.').next().unwrap_or(name);
        let qualified = match owner {
            Some(t) => format!("{t}.{short}"),
            None => short.to_string(),
        };
        return Err(vm
            .rt()
            .type_error(format!("{qualified}() takes no keyword arguments")));
    }
    let given = pos.len() + kw.len();
    if pos.len() > n {
        return Err(vm.rt().type_error(count_message(&sig, given)));
    }
    let mut out = BoundArgs::unset(n);
    for (slot, &v) in out.iter_mut().zip(pos) {
        *slot = Some(v);
    }
    for &(k, v) in kw {
        let key = str_of(k);
        match sig.params.iter().position(|p| *p == key) {
            Some(i) if out[i].is_some() => {
                return Err(vm.rt().type_error(format!(
                    "argument for {name}() given by name ('{key}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => out[i] = Some(v),
            None => {
                return Err(vm.rt().type_error(format!(
                    "'{key}' is an invalid keyword argument for {name}()"
                )))
            }
        }
    }
    if let Some(missing) = out[..sig.required].iter().position(Option::is_none) {
        let msg = if !kw.is_empty() {
            format!(
                "{name}() missing required argument '{}' (pos {})",
                sig.params[missing],
                missing + 1
            )
        } else {
            count_message(&sig, given)
        };
        return Err(vm.rt().type_error(msg));
    }
    Ok(out)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A slice-style index argument (`start`/`end` of `find`): `None` and absent
/// mean "not given"; huge ints clamp like CPython's.
pub fn slice_index(vm: &mut dyn Vm, v: Option<Value>) -> PyResult<Option<i64>> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if !is_int_like(v) {
        return Err(vm
            .rt()
            .type_error("slice indices must be integers or None or have an __index__ method"));
    }
    Ok(Some(clamped_int(v)))
}

/// An int argument as i64, clamping values outside i64 (for widths, counts).
pub fn clamped_int(v: Value) -> i64 {
    use num_traits::ToPrimitive;
    match as_bigint(v) {
        Some(b) => b
            .to_i64()
            .unwrap_or(if b.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }),
        None => 0,
    }
}

/// An int argument (`__index__`), with CPython's TypeError for other types.
pub fn int_arg(vm: &mut dyn Vm, v: Value) -> PyResult<i64> {
    if !is_int_like(v) {
        let tn = vm.rt().type_name(v);
        return Err(vm
            .rt()
            .type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    }
    index_value(vm, v)
}

/// A str argument; otherwise `TypeError("{what} must be str, not T")`
/// (`what` is e.g. `"replace() argument 1"`, or empty for a bare "must be").
pub fn str_arg<'a>(vm: &mut dyn Vm, v: Value, what: &str) -> PyResult<&'a str> {
    if is_kind(v, ObjKind::Str) {
        return Ok(str_of(v));
    }
    let tn = vm.rt().type_name(v);
    let sep = if what.is_empty() { "" } else { " " };
    Err(vm
        .rt()
        .type_error(format!("{what}{sep}must be str, not {tn}")))
}

/// Roots `v` for the rest of the enclosing builtin and returns it; pair with
/// [`unroot`] (values held only in Rust locals die at the next collection).
pub fn root(vm: &mut dyn Vm, v: Value) -> Value {
    vm.rt().heap.push_root(v);
    v
}

/// Pops `n` roots pushed by [`root`].
pub fn unroot(vm: &mut dyn Vm, n: usize) {
    vm.rt().heap.pop_roots(n);
}
