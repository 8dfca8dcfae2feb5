//! Native standard-library modules: `time`, `math`, `random`, `abc`, `enum`.
//! This file picks the module by name and holds the argument helpers the
//! module files share; each module lives in its own `stdlib_*.rs`.

use crate::int_ops::Int;
use crate::object::*;
use crate::protocol::{as_bigint, call_dunder};
use crate::runtime::{module_set, Runtime};
use crate::value::Value;
use crate::{PyResult, Vm};

/// Creates the native module `name`, or `None` if there is no such module.
pub fn create_module(rt: &mut Runtime, name: &str) -> Option<Value> {
    let module = match name {
        "time" => crate::stdlib_time::create(rt),
        "math" => crate::stdlib_math::create(rt),
        "random" => crate::stdlib_random::create(rt),
        "abc" => crate::stdlib_abc::create(rt),
        "enum" => crate::stdlib_enum::create(rt),
        _ => return None,
    };
    rt.permanent.push(module);
    Some(module)
}

/// Hook run after every class statement: classes with abstract methods get
/// their instantiation check, Enum subclasses get their members.
pub fn on_class_created(vm: &mut dyn Vm, cls: *mut ClassObj) -> PyResult<()> {
    crate::stdlib_abc::on_class_created(vm, cls);
    crate::stdlib_enum::on_class_created(vm, cls)
}

// ---------------------------------------------------------------- module building

/// Binds `name` to a new builtin function `f` in `module`.
pub(crate) fn def_fn(rt: &mut Runtime, module: Value, name: &'static str, f: BuiltinFn) {
    let v = rt.new_builtin(name, f);
    def_value(rt, module, name, v);
}

/// Binds `name` to `v` in `module`.
pub(crate) fn def_value(rt: &mut Runtime, module: Value, name: &str, v: Value) {
    let k = rt.intern(name);
    module_set(rt, module, k, v);
}

/// A new class `module_name.name` deriving from `base`, kept alive for the
/// whole run and bound in `module`.
pub(crate) fn def_class(
    rt: &mut Runtime,
    module: Value,
    name: &str,
    base: *mut ClassObj,
) -> *mut ClassObj {
    let name_v = rt.intern(name);
    let module_name = downcast::<ModuleObj>(module).map_or(Value::NONE, |m| m.name);
    let cls = rt.new_class(name_v, name_v, module_name, base);
    rt.permanent.push(Value::from_ptr(cls));
    def_value(rt, module, name, Value::from_ptr(cls));
    cls
}

// ---------------------------------------------------------------- argument checks

/// `TypeError` unless exactly `n` positional arguments were given, worded
/// like CPython's `_PyArg_CheckPositional` ("pow expected 2 arguments, got 1").
pub(crate) fn expect_args(vm: &mut dyn Vm, fname: &str, args: &[Value], n: usize) -> PyResult<()> {
    expect_args_range(vm, fname, args, n, n)
}

/// `TypeError` unless `min..=max` positional arguments were given (CPython's
/// "perm expected at least 1 argument, got 0" wording).
pub(crate) fn expect_args_range(
    vm: &mut dyn Vm,
    fname: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    let got = args.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let msg = if min == max && got != min {
        format!("{fname} expected {min} argument{}, got {got}", plural(min))
    } else if got < min {
        format!(
            "{fname} expected at least {min} argument{}, got {got}",
            plural(min)
        )
    } else if got > max {
        format!(
            "{fname} expected at most {max} argument{}, got {got}",
            plural(max)
        )
    } else {
        return Ok(());
    };
    Err(vm.rt().type_error(msg))
}

/// `TypeError` unless exactly one argument was given (a METH_O function:
/// "math.sqrt() takes exactly one argument (0 given)").
pub(crate) fn expect_one(vm: &mut dyn Vm, qualname: &str, args: &[Value]) -> PyResult<Value> {
    match args {
        [a] => Ok(*a),
        _ => Err(vm.rt().type_error(format!(
            "{qualname}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// `TypeError` if keyword arguments were passed to a positional-only function.
pub(crate) fn no_kwargs(vm: &mut dyn Vm, qualname: &str, kw: &[(Value, Value)]) -> PyResult<()> {
    crate::builtins::no_kwargs(vm, qualname, kw)
}

// ---------------------------------------------------------------- argument conversion

/// An int argument (int, bool, or an object with `__index__`) as an `Int`;
/// otherwise "'float' object cannot be interpreted as an integer".
pub(crate) fn index_arg(vm: &mut dyn Vm, v: Value) -> PyResult<Int> {
    if v.is_int() {
        return Ok(Int::Small(v.as_int()));
    }
    if let Some(b) = as_bigint(v) {
        return Ok(Int::from_bigint(b));
    }
    if is_kind(v, ObjKind::Instance) {
        let name = vm.rt().names.index;
        if let Some(r) = call_dunder(vm, v, name, &[])? {
            if let Some(b) = as_bigint(r) {
                return Ok(Int::from_bigint(b));
            }
            let tn = vm.rt().type_name(r);
            return Err(vm
                .rt()
                .type_error(format!("__index__ returned non-int (type {tn})")));
        }
    }
    let tn = vm.rt().type_name(v);
    Err(vm
        .rt()
        .type_error(format!("'{tn}' object cannot be interpreted as an integer")))
}

/// A float argument (float, int, bool, or an object with `__float__` or
/// `__index__`) as an f64; otherwise "must be real number, not str". Ints
/// too large for a float raise OverflowError like CPython.
pub(crate) fn float_arg(vm: &mut dyn Vm, v: Value) -> PyResult<f64> {
    if v.is_float() {
        return Ok(v.as_float());
    }
    if v.is_int() {
        return Ok(v.as_int() as f64);
    }
    if let Some(b) = as_bigint(v) {
        return crate::int_float::to_f64(&Int::from_bigint(b))
            .map_err(|e| crate::builtins_support::num_error(vm, e));
    }
    if is_kind(v, ObjKind::Instance) {
        let name = vm.rt().names.float_;
        if let Some(r) = call_dunder(vm, v, name, &[])? {
            if r.is_float() {
                return Ok(r.as_float());
            }
            let tn = vm.rt().type_name(r);
            return Err(vm
                .rt()
                .type_error(format!("__float__ returned non-float (type {tn})")));
        }
        let name = vm.rt().names.index;
        let cls = vm.rt().type_of(v);
        if vm.rt().lookup_in_class(cls, name).is_some() {
            let i = index_arg(vm, v)?;
            return crate::int_float::to_f64(&i)
                .map_err(|e| crate::builtins_support::num_error(vm, e));
        }
    }
    let tn = vm.rt().type_name(v);
    Err(vm.rt().type_error(format!("must be real number, not {tn}")))
}

/// An `Int` as a value.
pub(crate) fn int_result(vm: &mut dyn Vm, i: Int) -> Value {
    crate::arith::int_value(vm, i)
}

/// Turns a numeric-leaf result into a Python result.
pub(crate) fn num<T>(vm: &mut dyn Vm, r: crate::num_error::NumResult<T>) -> PyResult<T> {
    r.map_err(|e| crate::builtins_support::num_error(vm, e))
}

// ---------------------------------------------------------------- Python-style signatures

/// A Python-style signature for a builtin written to behave like a `def`
/// (the methods of `random.Random` are Python functions in CPython, so
/// their errors use the `def` wording).
pub(crate) struct Signature<'a> {
    /// `Class.method` or `function`, as it appears in messages.
    pub qualname: &'a str,
    /// Parameter names, in order (without `self`).
    pub params: &'a [&'a str],
    /// How many leading parameters have no default.
    pub required: usize,
    /// Index of the first keyword-only parameter (`params.len()` if none).
    pub kwonly: usize,
    /// 1 for methods: `self` is counted in "takes N positional arguments".
    pub self_count: usize,
}

impl Signature<'_> {
    /// Binds positional args and keyword pairs to the parameters; a missing
    /// optional parameter is `None`.
    pub(crate) fn bind(
        &self,
        vm: &mut dyn Vm,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Vec<Option<Value>>> {
        let q = self.qualname;
        let npos = self.kwonly;
        if args.len() > npos {
            let (lo, hi) = (self.required + self.self_count, npos + self.self_count);
            let given = args.len() + self.self_count;
            let takes = if lo == hi {
                format!("{hi} positional argument{}", if hi == 1 { "" } else { "s" })
            } else {
                format!("from {lo} to {hi} positional arguments")
            };
            let were = if given == 1 { "was" } else { "were" };
            return Err(vm
                .rt()
                .type_error(format!("{q}() takes {takes} but {given} {were} given")));
        }
        let mut out: Vec<Option<Value>> = vec![None; self.params.len()];
        for (i, &a) in args.iter().enumerate() {
            out[i] = Some(a);
        }
        for &(k, v) in kw {
            let name = crate::runtime::str_of(k);
            match self.params.iter().position(|p| *p == name) {
                Some(i) if out[i].is_some() => {
                    return Err(vm
                        .rt()
                        .type_error(format!("{q}() got multiple values for argument '{name}'")))
                }
                Some(i) => out[i] = Some(v),
                None => {
                    return Err(vm
                        .rt()
                        .type_error(format!("{q}() got an unexpected keyword argument '{name}'")))
                }
            }
        }
        let missing: Vec<String> = (0..self.required)
            .filter(|&i| out[i].is_none())
            .map(|i| format!("'{}'", self.params[i]))
            .collect();
        if !missing.is_empty() {
            let n = missing.len();
            let list = match n {
                1 => missing[0].clone(),
                2 => format!("{} and {}", missing[0], missing[1]),
                _ => format!("{}, and {}", missing[..n - 1].join(", "), missing[n - 1]),
            };
            return Err(vm.rt().type_error(format!(
                "{q}() missing {n} required positional argument{}: {list}",
                if n == 1 { "" } else { "s" }
            )));
        }
        Ok(out)
    }
}
