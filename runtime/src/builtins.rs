//! The `builtins` module: builtin functions, and installing the builtin types,
//! exception classes and constants under their names.

use crate::object::*;
use crate::protocol::{self, as_bigint, index_value, is_int_like, repr, to_str, truthy};
use crate::runtime::{module_set, none, str_of, Runtime};
use crate::value::Value;
use crate::{arith, attr, iter, PreludeFn, PyErr, PyResult, Vm};
use frontend::bytecode::BinOpKind;

/// Installs builtin functions, types, exceptions and constants.
pub fn install(rt: &mut Runtime) {
    let b = rt.builtins;
    let def = |rt: &mut Runtime, name: &'static str, f: BuiltinFn| {
        let v = rt.new_builtin(name, f);
        let k = rt.intern(name);
        module_set(rt, b, k, v);
    };
    def(rt, "print", builtin_print);
    def(rt, "len", builtin_len);
    def(rt, "repr", builtin_repr);
    def(rt, "ascii", builtin_ascii);
    def(rt, "isinstance", builtin_isinstance);
    def(rt, "issubclass", builtin_issubclass);
    def(rt, "hasattr", builtin_hasattr);
    def(rt, "getattr", builtin_getattr);
    def(rt, "setattr", builtin_setattr);
    def(rt, "delattr", builtin_delattr);
    def(rt, "abs", builtin_abs);
    def(rt, "min", builtin_min);
    def(rt, "max", builtin_max);
    def(rt, "sum", builtin_sum);
    def(rt, "sorted", builtin_sorted);
    def(rt, "reversed", builtin_reversed);
    def(rt, "enumerate", builtin_enumerate);
    def(rt, "zip", builtin_zip);
    def(rt, "map", builtin_map);
    def(rt, "filter", builtin_filter);
    def(rt, "iter", builtin_iter);
    def(rt, "next", builtin_next);
    def(rt, "any", builtin_any);
    def(rt, "all", builtin_all);
    def(rt, "ord", builtin_ord);
    def(rt, "chr", builtin_chr);
    def(rt, "hex", builtin_hex);
    def(rt, "oct", builtin_oct);
    def(rt, "bin", builtin_bin);
    def(rt, "round", builtin_round);
    def(rt, "divmod", builtin_divmod);
    def(rt, "pow", builtin_pow);
    def(rt, "hash", builtin_hash);
    def(rt, "id", builtin_id);
    def(rt, "callable", builtin_callable);
    def(rt, "format", builtin_format);
    def(rt, "vars", builtin_vars);
    def(rt, "__import__", builtin_import);
    def(rt, "exit", builtin_exit);
    def(rt, "quit", builtin_exit);
    for cls in rt.builtin_types().into_iter().chain(rt.exception_classes()) {
        let name = crate::runtime::class_name(cls);
        // Internal types are not builtin names (iterators, views, NoneType...).
        let internal = name.ends_with("iterator") || name.starts_with("dict_");
        let hidden = [
            "NoneType",
            "function",
            "builtin_function_or_method",
            "method",
            "module",
            "cell",
            "generator",
            "code",
            "NotImplementedType",
            "ellipsis",
        ];
        if internal || hidden.contains(&name.as_str()) {
            continue;
        }
        let k = rt.intern(&name);
        module_set(rt, b, k, Value::from_ptr(cls));
    }
    let (ni, el) = (rt.not_implemented, rt.ellipsis);
    for (name, v) in [
        ("NotImplemented", ni),
        ("Ellipsis", el),
        ("None", Value::NONE),
        ("True", Value::TRUE),
        ("False", Value::FALSE),
    ] {
        let k = rt.intern(name);
        module_set(rt, b, k, v);
    }
    crate::types::install(rt);
    // `map`, `filter`, ... are classes (so isinstance works) whose constructors
    // are the builtin functions.
    let t = &rt.types;
    let ctors: [(*mut ClassObj, BuiltinFn); 5] = [
        (t.map, |vm, a, kw| builtin_map(vm, &a[1..], kw)),
        (t.filter, |vm, a, kw| builtin_filter(vm, &a[1..], kw)),
        (t.enumerate, |vm, a, kw| builtin_enumerate(vm, &a[1..], kw)),
        (t.zip, |vm, a, kw| builtin_zip(vm, &a[1..], kw)),
        (t.reversed, |vm, a, kw| builtin_reversed(vm, &a[1..], kw)),
    ];
    for (cls, f) in ctors {
        rt.add_method(cls, "__new__", f);
    }
}

// ---------------------------------------------------------------- argument helpers

/// The keyword argument `name`, if given.
pub fn kwarg(kw: &[(Value, Value)], name: &str) -> Option<Value> {
    kw.iter().find(|(k, _)| str_of(*k) == name).map(|(_, v)| *v)
}

/// Raises `TypeError` unless `args.len()` is within `min..=max`.
#[inline]
pub fn check_args(
    vm: &mut dyn Vm,
    fname: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    arg_count_error(vm, fname, n, min, max)
}

/// The TypeError of [`check_args`], out of line: every builtin call checks
/// its argument count, and the check alone inlines into the builtin.
#[cold]
#[inline(never)]
fn arg_count_error(vm: &mut dyn Vm, fname: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    let msg = if min == max {
        match min {
            0 => format!("{fname}() takes no arguments ({n} given)"),
            1 => format!("{fname}() takes exactly one argument ({n} given)"),
            _ => format!("{fname}() takes exactly {min} arguments ({n} given)"),
        }
    } else if n < min {
        format!(
            "{fname} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{fname} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )
    };
    Err(vm.rt().type_error(msg))
}

/// Raises `TypeError` if any keyword argument was passed.
pub fn no_kwargs(vm: &mut dyn Vm, fname: &str, kw: &[(Value, Value)]) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(vm
            .rt()
            .type_error(format!("{fname}() takes no keyword arguments")))
    }
}

// ---------------------------------------------------------------- output

fn builtin_print(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let sep = kwarg(kw, "sep").filter(|v| !v.is_none());
    let end = kwarg(kw, "end").filter(|v| !v.is_none());
    let file = kwarg(kw, "file").filter(|v| !v.is_none());
    for (name, v) in [("sep", sep), ("end", end)] {
        if let Some(v) = v {
            if !is_kind(v, ObjKind::Str) {
                let tn = vm.rt().type_name(v);
                return Err(vm
                    .rt()
                    .type_error(format!("{name} must be None or a string, not {tn}")));
            }
        }
    }
    let sep = sep.map_or(" ".to_string(), |v| str_of(v).to_string());
    let end = end.map_or("\n".to_string(), |v| str_of(v).to_string());
    let mut out = String::new();
    for (i, &a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        if is_kind(a, ObjKind::Str) {
            out.push_str(str_of(a));
        } else {
            out.push_str(&to_str(vm, a)?);
        }
    }
    out.push_str(&end);
    match file {
        Some(f) => {
            let write = vm.rt().intern("write");
            let w = attr::getattr(vm, f, write)?;
            let s = vm.rt().new_str(&out);
            vm.call(w, &[s], &[])?;
        }
        None => vm.rt().write_out(&out),
    }
    if kwarg(kw, "flush").is_some_and(|v| v == Value::TRUE) {
        vm.rt().flush_out();
    }
    none()
}

fn builtin_repr(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "repr", kw)?;
    check_args(vm, "repr", args, 1, 1)?;
    let s = repr(vm, args[0])?;
    Ok(vm.rt().new_str(&s))
}

fn builtin_ascii(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "ascii", args, 1, 1)?;
    let s = repr(vm, args[0])?;
    let a = crate::str_repr::ascii_escape(&s);
    Ok(vm.rt().new_str(&a))
}

// ---------------------------------------------------------------- len and types

/// `len(v)` as an i64.
pub fn length(vm: &mut dyn Vm, v: Value) -> PyResult<i64> {
    let n = match kind_of(v) {
        Some(ObjKind::Str) => downcast::<StrObj>(v).unwrap().char_len,
        Some(ObjKind::List) | Some(ObjKind::Tuple) => protocol::seq_items(v).len(),
        Some(ObjKind::Dict) => downcast::<DictObj>(v).unwrap().table.len(),
        Some(ObjKind::Set) => downcast::<SetObj>(v).unwrap().table.len(),
        Some(ObjKind::DictView) => {
            let d = downcast::<DictViewObj>(v).unwrap().dict;
            downcast::<DictObj>(d).unwrap().table.len()
        }
        Some(ObjKind::Range) => protocol::range_len(downcast::<RangeObj>(v).unwrap()) as usize,
        Some(ObjKind::Instance) => {
            let name = vm.rt().names.len;
            match protocol::call_dunder(vm, v, name, &[])? {
                Some(r) => {
                    if !is_int_like(r) {
                        let tn = vm.rt().type_name(r);
                        return Err(vm.rt().type_error(format!(
                            "'{tn}' object cannot be interpreted as an integer"
                        )));
                    }
                    let n = index_value(vm, r)?;
                    if n < 0 {
                        return Err(vm.rt().value_error("__len__() should return >= 0"));
                    }
                    return Ok(n);
                }
                None => {
                    let tn = vm.rt().type_name(v);
                    return Err(vm
                        .rt()
                        .type_error(format!("object of type '{tn}' has no len()")));
                }
            }
        }
        // `len(SomeEnum)`: its number of members.
        Some(ObjKind::Class) if crate::stdlib_enum::class_members(vm, v).is_some() => {
            crate::stdlib_enum::class_members(vm, v).map_or(0, |m| m.len())
        }
        _ => {
            let tn = vm.rt().type_name(v);
            return Err(vm
                .rt()
                .type_error(format!("object of type '{tn}' has no len()")));
        }
    };
    Ok(n as i64)
}

fn builtin_len(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "len", args, 1, 1)?;
    let n = length(vm, args[0])?;
    Ok(vm.rt().int_from_i64(n))
}

fn class_list(vm: &mut dyn Vm, v: Value, fname: &str) -> PyResult<Vec<*mut ClassObj>> {
    match kind_of(v) {
        Some(ObjKind::Class) => Ok(vec![v.as_ptr()]),
        Some(ObjKind::Tuple) => {
            let mut out = Vec::new();
            for it in protocol::seq_items(v).to_vec() {
                out.extend(class_list(vm, it, fname)?);
            }
            Ok(out)
        }
        _ => Err(vm.rt().type_error(format!(
            "{fname}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

fn builtin_isinstance(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if let [v, spec] = *args {
        // The common cases without collecting the classes in a vector.
        if let Some(found) = isinstance_of_spec(vm.rt(), v, spec) {
            return Ok(Value::from_bool(found));
        }
    }
    check_args(vm, "isinstance", args, 2, 2)?;
    let classes = class_list(vm, args[1], "isinstance")?;
    let rt = vm.rt();
    Ok(Value::from_bool(
        classes.iter().any(|&c| rt.isinstance(args[0], c)),
    ))
}

/// `isinstance(v, spec)` for a class or a tuple of classes and tuples
/// (nested), as CPython checks it: left to right, the first match
/// answering; None when it meets an item that is neither before a match
/// (the caller raises the TypeError).
pub fn isinstance_of_spec(rt: &Runtime, v: Value, spec: Value) -> Option<bool> {
    match kind_of(spec) {
        Some(ObjKind::Class) => Some(rt.isinstance(v, spec.as_ptr())),
        Some(ObjKind::Tuple) => {
            for &item in protocol::seq_items(spec) {
                if isinstance_of_spec(rt, v, item)? {
                    return Some(true);
                }
            }
            Some(false)
        }
        _ => None,
    }
}

fn builtin_issubclass(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "issubclass", args, 2, 2)?;
    if !is_kind(args[0], ObjKind::Class) {
        return Err(vm.rt().type_error("issubclass() arg 1 must be a class"));
    }
    let classes = class_list(vm, args[1], "issubclass")?;
    let rt = vm.rt();
    Ok(Value::from_bool(
        classes.iter().any(|&c| rt.is_subclass(args[0].as_ptr(), c)),
    ))
}

fn attr_name(vm: &mut dyn Vm, v: Value) -> PyResult<Value> {
    if !is_kind(v, ObjKind::Str) {
        let tn = vm.rt().type_name(v);
        return Err(vm
            .rt()
            .type_error(format!("attribute name must be string, not '{tn}'")));
    }
    let s = str_of(v).to_string();
    Ok(vm.rt().intern(&s))
}

fn builtin_hasattr(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "hasattr", args, 2, 2)?;
    let n = attr_name(vm, args[1])?;
    match attr::lookup_attr(vm, args[0], n) {
        Ok(v) => Ok(Value::from_bool(v.is_some())),
        Err(e) => {
            let ae = vm.rt().exc.attribute_error;
            if vm.rt().isinstance(e.0, ae) {
                Ok(Value::FALSE)
            } else {
                Err(e)
            }
        }
    }
}

fn builtin_getattr(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "getattr", args, 2, 3)?;
    let n = attr_name(vm, args[1])?;
    match attr::lookup_attr(vm, args[0], n) {
        Ok(Some(v)) => Ok(v),
        Ok(None) if args.len() == 3 => Ok(args[2]),
        Ok(None) => Err(attr::no_attribute(vm, args[0], n)),
        Err(e) => {
            let ae = vm.rt().exc.attribute_error;
            if args.len() == 3 && vm.rt().isinstance(e.0, ae) {
                Ok(args[2])
            } else {
                Err(e)
            }
        }
    }
}

fn builtin_setattr(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "setattr", args, 3, 3)?;
    let n = attr_name(vm, args[1])?;
    attr::setattr(vm, args[0], n, args[2])?;
    none()
}

fn builtin_delattr(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "delattr", args, 2, 2)?;
    let n = attr_name(vm, args[1])?;
    attr::delattr(vm, args[0], n)?;
    none()
}

// ---------------------------------------------------------------- numbers

fn builtin_abs(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "abs", args, 1, 1)?;
    arith::abs(vm, args[0])
}

fn builtin_divmod(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "divmod", args, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    if protocol::is_user_instance(a) || protocol::is_user_instance(b) {
        let n = vm.rt().intern("__divmod__");
        if let Some(r) = protocol::call_dunder(vm, a, n, &[b])? {
            return Ok(r);
        }
    }
    let q = arith::binary_op(vm, BinOpKind::FloorDiv, a, b)?;
    let r = arith::binary_op(vm, BinOpKind::Mod, a, b)?;
    Ok(vm.rt().new_tuple(vec![q, r]))
}

fn builtin_pow(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    // pow(base, exp, mod=None): the parameters may also be passed by keyword.
    let mut all: Vec<Value> = args.to_vec();
    for (i, name) in ["base", "exp", "mod"].iter().enumerate() {
        if let Some(v) = kwarg(kw, name) {
            if all.len() > i {
                return Err(vm.rt().type_error(format!(
                    "argument for pow() given by name ('{name}') and position ({})",
                    i + 1
                )));
            }
            all.resize(i, Value::NONE);
            all.push(v);
        }
    }
    if let Some((k, _)) = kw
        .iter()
        .find(|(k, _)| !["base", "exp", "mod"].contains(&str_of(*k)))
    {
        let k = str_of(*k).to_string();
        return Err(vm
            .rt()
            .type_error(format!("'{k}' is an invalid keyword argument for pow()")));
    }
    let args = &all[..];
    check_args(vm, "pow", args, 2, 3)?;
    if args.len() == 3 && !args[2].is_none() {
        let (Some(a), Some(b), Some(m)) =
            (as_bigint(args[0]), as_bigint(args[1]), as_bigint(args[2]))
        else {
            return Err(vm
                .rt()
                .type_error("pow() 3rd argument not allowed unless all arguments are integers"));
        };
        use crate::int_ops::Int;
        return match crate::int_ops::pow_mod(
            &Int::from_bigint(a),
            &Int::from_bigint(b),
            &Int::from_bigint(m),
        ) {
            Ok(r) => Ok(arith::int_value(vm, r)),
            Err(e) => Err(crate::builtins_support::num_error(vm, e)),
        };
    }
    arith::binary_op(vm, BinOpKind::Pow, args[0], args[1])
}

fn builtin_round(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "round", args, 1, 2)?;
    let x = args[0];
    let nd = args
        .get(1)
        .copied()
        .or_else(|| kwarg(kw, "ndigits"))
        .filter(|v| !v.is_none());
    if x.is_float() {
        let f = x.as_float();
        return match nd {
            None => match crate::float_ops::round_to_int(f) {
                Ok(i) => Ok(arith::int_value(vm, i)),
                Err(e) => Err(crate::builtins_support::num_error(vm, e)),
            },
            Some(n) => {
                let n = index_value(vm, n)?;
                match crate::float_ops::round_ndigits(f, n) {
                    Ok(r) => Ok(Value::from_float(r)),
                    Err(e) => Err(crate::builtins_support::num_error(vm, e)),
                }
            }
        };
    }
    if is_int_like(x) {
        let v = if x.is_bool() {
            Value::int(x.as_bool() as i64)
        } else {
            x
        };
        return match nd {
            None => Ok(v),
            Some(n) => {
                let n = index_value(vm, n)?;
                if n >= 0 {
                    return Ok(v);
                }
                let b = as_bigint(v).unwrap();
                let r = round_int_half_even(&b, n.unsigned_abs());
                Ok(vm.rt().new_int(r))
            }
        };
    }
    let name = vm.rt().names.round;
    let extra: Vec<Value> = nd.into_iter().collect();
    match protocol::call_dunder(vm, x, name, &extra)? {
        Some(r) => Ok(r),
        None => {
            let tn = vm.rt().type_name(x);
            Err(vm
                .rt()
                .type_error(format!("type {tn} doesn't define __round__ method")))
        }
    }
}

/// `round(i, -n)`: `i` rounded to a multiple of `10**n`, ties to even.
fn round_int_half_even(i: &num_bigint::BigInt, n: u64) -> num_bigint::BigInt {
    use num_integer::Integer;
    let unit = num_bigint::BigInt::from(10u32).pow(n as u32);
    let (q, r) = i.div_mod_floor(&unit);
    let twice: num_bigint::BigInt = &r * 2;
    let q = match twice.cmp(&unit) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    q * unit
}

fn radix_string(
    vm: &mut dyn Vm,
    args: &[Value],
    fname: &str,
    radix: u32,
    prefix: &str,
) -> PyResult<Value> {
    check_args(vm, fname, args, 1, 1)?;
    let Some(b) = as_bigint(args[0]) else {
        let tn = vm.rt().type_name(args[0]);
        return Err(vm
            .rt()
            .type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    let sign = if b.sign() == num_bigint::Sign::Minus {
        "-"
    } else {
        ""
    };
    let digits = num_traits::Signed::abs(&b).to_str_radix(radix);
    let s = format!("{sign}{prefix}{digits}");
    Ok(vm.rt().new_str(&s))
}

fn builtin_hex(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    radix_string(vm, args, "hex", 16, "0x")
}

fn builtin_oct(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    radix_string(vm, args, "oct", 8, "0o")
}

fn builtin_bin(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    radix_string(vm, args, "bin", 2, "0b")
}

fn builtin_hash(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "hash", args, 1, 1)?;
    let h = protocol::hash(vm, args[0])?;
    Ok(vm.rt().int_from_i64(h))
}

fn builtin_id(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "id", args, 1, 1)?;
    let bits = args[0].to_bits() & crate::value::PAYLOAD_MASK;
    Ok(vm.rt().int_from_i64(bits as i64))
}

fn builtin_callable(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "callable", args, 1, 1)?;
    let v = args[0];
    let c = match kind_of(v) {
        Some(ObjKind::Function | ObjKind::Builtin | ObjKind::BoundMethod | ObjKind::Class) => true,
        Some(ObjKind::Instance) => {
            let cls = vm.rt().type_of(v);
            let call = vm.rt().names.call;
            vm.rt().lookup_in_class(cls, call).is_some()
        }
        _ => false,
    };
    Ok(Value::from_bool(c))
}

fn builtin_ord(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "ord", args, 1, 1)?;
    if !is_kind(args[0], ObjKind::Str) {
        let tn = vm.rt().type_name(args[0]);
        return Err(vm
            .rt()
            .type_error(format!("ord() expected string of length 1, but {tn} found")));
    }
    let s = str_of(args[0]);
    let mut cs = s.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => Ok(Value::int(c as i64)),
        _ => {
            let n = s.chars().count();
            Err(vm.rt().type_error(format!(
                "ord() expected a character, but string of length {n} found"
            )))
        }
    }
}

fn builtin_chr(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "chr", args, 1, 1)?;
    let i = index_value(vm, args[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => {
            let mut buf = [0u8; 4];
            let s: &str = c.encode_utf8(&mut buf);
            Ok(vm.rt().intern_char(s))
        }
        None => Err(vm.rt().value_error("chr() arg not in range(0x110000)")),
    }
}

// ---------------------------------------------------------------- iteration helpers

fn builtin_min(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    min_max(vm, args, kw, "min", false)
}

fn builtin_max(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    min_max(vm, args, kw, "max", true)
}

fn min_max(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
    fname: &str,
    want_max: bool,
) -> PyResult<Value> {
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let default = kwarg(kw, "default");
    if args.is_empty() {
        return Err(vm
            .rt()
            .type_error(format!("{fname} expected at least 1 argument, got 0")));
    }
    let items = if args.len() == 1 {
        iter::collect(vm, args[0])?
    } else {
        args.to_vec()
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm
                .rt()
                .value_error(format!("{fname}() arg is an empty sequence"))),
        };
    }
    let holder = vm.rt().new_list(items.clone());
    vm.rt().heap.push_root(holder);
    let r = (|| {
        let mut best = items[0];
        let mut best_key = match key {
            Some(k) => vm.call(k, &[best], &[])?,
            None => best,
        };
        // Keys returned by `key` are new objects: keep them rooted while
        // later `key` calls run Python code (which may collect).
        downcast::<ListObj>(holder).unwrap().items.push(best_key);
        for &it in &items[1..] {
            let k = match key {
                Some(kf) => vm.call(kf, &[it], &[])?,
                None => it,
            };
            downcast::<ListObj>(holder).unwrap().items.push(k);
            let better = if want_max {
                protocol::less_than(vm, best_key, k)?
            } else {
                protocol::less_than(vm, k, best_key)?
            };
            if better {
                best = it;
                best_key = k;
            }
        }
        Ok(best)
    })();
    vm.rt().heap.pop_roots(1);
    r
}

fn builtin_sum(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "sum", args, 1, 2)?;
    let mut acc = args
        .get(1)
        .copied()
        .or_else(|| kwarg(kw, "start"))
        .unwrap_or(Value::int(0));
    if is_kind(acc, ObjKind::Str) {
        return Err(vm
            .rt()
            .type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if is_kind(args[0], ObjKind::Generator) {
        return vm.call_prelude(PreludeFn::Sum, &[args[0], acc]);
    }
    let it = iter::get_iter(vm, args[0])?;
    vm.rt().heap.push_root(it);
    let r = (|| {
        loop {
            // The running total may be a heap object (a big int) and the
            // iterator may run Python code (a generator) that collects.
            vm.rt().heap.push_root(acc);
            let next = iter::next(vm, it);
            vm.rt().heap.pop_roots(1);
            let Some(x) = next? else { break };
            acc = if acc.is_int() && x.is_int() {
                vm.rt().int_from_i64(acc.as_int() + x.as_int())
            } else if acc.is_float() && x.is_float() {
                Value::from_float(acc.as_float() + x.as_float())
            } else {
                vm.rt().heap.push_root(acc);
                let r = arith::binary_op(vm, BinOpKind::Add, acc, x);
                vm.rt().heap.pop_roots(1);
                r?
            };
        }
        Ok(acc)
    })();
    vm.rt().heap.pop_roots(1);
    r
}

fn builtin_sorted(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "sorted", args, 1, 1)?;
    let mut items = iter::collect(vm, args[0])?;
    let key = kwarg(kw, "key").unwrap_or(Value::NONE);
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => truthy(vm, r)?,
        None => false,
    };
    crate::sort::sort_values(vm, &mut items, key, reverse)?;
    Ok(vm.rt().new_list(items))
}

fn builtin_reversed(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "reversed", args, 1, 1)?;
    let v = args[0];
    let state = match kind_of(v) {
        Some(ObjKind::List) | Some(ObjKind::Tuple) => IterState::Reversed {
            seq: v,
            index: protocol::seq_items(v).len(),
        },
        Some(ObjKind::Str) => IterState::Reversed {
            seq: v,
            index: downcast::<StrObj>(v).unwrap().char_len,
        },
        Some(ObjKind::Range) => {
            let r = downcast::<RangeObj>(v).unwrap();
            let n = protocol::range_len(r);
            let last = r.start + (n - 1) * r.step;
            IterState::Range {
                next: last,
                stop: r.start - r.step,
                step: -r.step,
            }
        }
        Some(ObjKind::Dict) => {
            let keys: Vec<Value> = downcast::<DictObj>(v)
                .unwrap()
                .table
                .iter()
                .map(|(k, _)| k)
                .collect();
            let l = vm.rt().new_list(keys);
            let n = protocol::seq_items(l).len();
            IterState::Reversed { seq: l, index: n }
        }
        Some(ObjKind::DictView) => {
            // A snapshot of the view, walked backwards.
            let items = iter::collect(vm, v)?;
            let l = vm.rt().new_list(items);
            let n = protocol::seq_items(l).len();
            IterState::Reversed { seq: l, index: n }
        }
        Some(ObjKind::Instance) => {
            let name = vm.rt().names.reversed;
            if let Some(r) = protocol::call_dunder(vm, v, name, &[])? {
                return Ok(r);
            }
            let n = length(vm, v)?;
            let mut items = Vec::with_capacity(n as usize);
            for i in (0..n).rev() {
                items.push(crate::subscript::getitem(vm, v, Value::int(i))?);
            }
            let l = vm.rt().new_list(items);
            IterState::Seq { seq: l, index: 0 }
        }
        _ => {
            let tn = vm.rt().type_name(v);
            return Err(vm
                .rt()
                .type_error(format!("'{tn}' object is not reversible")));
        }
    };
    Ok(iter::new_iter(vm, state))
}

fn builtin_enumerate(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "enumerate", args, 1, 2)?;
    let start = args
        .get(1)
        .copied()
        .or_else(|| kwarg(kw, "start"))
        .unwrap_or(Value::int(0));
    let inner = iter::get_iter(vm, args[0])?;
    Ok(iter::new_iter(
        vm,
        IterState::Enumerate {
            inner,
            count: start,
        },
    ))
}

fn builtin_zip(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let mut iters = Vec::with_capacity(args.len());
    for &a in args {
        let it = iter::get_iter(vm, a)?;
        vm.rt().heap.push_root(it);
        iters.push(it);
    }
    vm.rt().heap.pop_roots(iters.len());
    Ok(iter::new_iter(vm, IterState::Zip { iters }))
}

fn builtin_map(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm
            .rt()
            .type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(args.len() - 1);
    for &a in &args[1..] {
        let it = iter::get_iter(vm, a)?;
        vm.rt().heap.push_root(it);
        iters.push(it);
    }
    vm.rt().heap.pop_roots(iters.len());
    Ok(iter::new_iter(
        vm,
        IterState::Map {
            func: args[0],
            iters,
        },
    ))
}

fn builtin_filter(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "filter", args, 2, 2)?;
    let inner = iter::get_iter(vm, args[1])?;
    Ok(iter::new_iter(
        vm,
        IterState::Filter {
            func: args[0],
            inner,
        },
    ))
}

fn builtin_iter(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "iter", args, 1, 2)?;
    if args.len() == 2 {
        return Ok(iter::new_iter(
            vm,
            IterState::Callable {
                func: args[0],
                sentinel: args[1],
            },
        ));
    }
    iter::get_iter(vm, args[0])
}

fn builtin_next(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "next", args, 1, 2)?;
    let it = args[0];
    if !matches!(
        kind_of(it),
        Some(ObjKind::Iter) | Some(ObjKind::Generator) | Some(ObjKind::Instance)
    ) {
        let tn = vm.rt().type_name(it);
        return Err(vm
            .rt()
            .type_error(format!("'{tn}' object is not an iterator")));
    }
    match iter::next(vm, it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(&d) => Ok(d),
            None => {
                let ret = if is_kind(it, ObjKind::Generator) {
                    vm.take_generator_return()
                } else {
                    Value::NONE
                };
                Err(vm.rt().stop_iteration(ret))
            }
        },
    }
}

fn builtin_any(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "any", args, 1, 1)?;
    if is_kind(args[0], ObjKind::Generator) {
        return vm.call_prelude(PreludeFn::Any, &[args[0]]);
    }
    let it = iter::get_iter(vm, args[0])?;
    vm.rt().heap.push_root(it);
    let r = (|| {
        while let Some(x) = iter::next(vm, it)? {
            if truthy(vm, x)? {
                return Ok(Value::TRUE);
            }
        }
        Ok(Value::FALSE)
    })();
    vm.rt().heap.pop_roots(1);
    r
}

fn builtin_all(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "all", args, 1, 1)?;
    if is_kind(args[0], ObjKind::Generator) {
        return vm.call_prelude(PreludeFn::All, &[args[0]]);
    }
    let it = iter::get_iter(vm, args[0])?;
    vm.rt().heap.push_root(it);
    let r = (|| {
        while let Some(x) = iter::next(vm, it)? {
            if !truthy(vm, x)? {
                return Ok(Value::FALSE);
            }
        }
        Ok(Value::TRUE)
    })();
    vm.rt().heap.pop_roots(1);
    r
}

// ---------------------------------------------------------------- formatting

/// `format(v, spec)`; `spec` may be EMPTY (no spec).
pub fn format_value(vm: &mut dyn Vm, v: Value, spec: Value) -> PyResult<Value> {
    // `f"{i}"` of an int or float: its text written straight into a new
    // str, as `str(i)` does (no Rust string grown, then copied).
    if spec.is_empty() {
        if v.is_int() {
            return Ok(crate::str_type::of_i64(vm.rt(), v.as_int()));
        }
        if v.is_float() {
            return Ok(crate::float_repr_short::of_f64(vm.rt(), v.as_float()));
        }
    }
    let spec_s = if spec.is_empty() {
        String::new()
    } else {
        str_of(spec).to_string()
    };
    if is_kind(v, ObjKind::Instance) {
        let name = vm.rt().names.format;
        let cls = vm.rt().type_of(v);
        if vm.rt().lookup_in_class(cls, name).is_some() {
            let s = vm.rt().new_str(&spec_s);
            let r = protocol::call_dunder(vm, v, name, &[s])?.unwrap_or(Value::NONE);
            if !is_kind(r, ObjKind::Str) {
                let tn = vm.rt().type_name(r);
                return Err(vm
                    .rt()
                    .type_error(format!("__format__ must return a str, not {tn}")));
            }
            return Ok(r);
        }
    }
    if spec_s.is_empty() {
        if is_kind(v, ObjKind::Str) {
            return Ok(v);
        }
        let s = to_str(vm, v)?;
        return Ok(vm.rt().new_str(&s));
    }
    let type_name = vm.rt().type_name(v);
    let parsed = match crate::format_spec::FormatSpec::parse(&spec_s, &type_name) {
        Ok(p) => p,
        Err(e) => return Err(crate::builtins_support::text_error(vm, e)),
    };
    let r = if v.is_float() {
        crate::format_spec::format_float(v.as_float(), &parsed)
    } else if let Some(b) = as_bigint(v) {
        crate::format_spec::format_int(&b, &parsed)
    } else if is_kind(v, ObjKind::Str) {
        crate::format_spec::format_str(str_of(v), &parsed)
    } else {
        let tn = vm.rt().type_name(v);
        return Err(vm.rt().type_error(format!(
            "unsupported format string passed to {tn}.__format__"
        )));
    };
    match r {
        Ok(s) => Ok(vm.rt().new_str(&s)),
        Err(e) => Err(crate::builtins_support::text_error(vm, e)),
    }
}

fn builtin_format(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "format", args, 1, 2)?;
    let spec = args.get(1).copied().unwrap_or(Value::EMPTY);
    format_value(vm, args[0], spec)
}

fn builtin_vars(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "vars", args, 1, 1)?;
    let d = vm.rt().names.dict;
    attr::getattr(vm, args[0], d)
}

fn builtin_import(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.is_empty() || !is_kind(args[0], ObjKind::Str) {
        return Err(vm.rt().type_error("__import__() argument 1 must be str"));
    }
    let name = str_of(args[0]).to_string();
    vm.import_module(&name)
}

fn builtin_exit(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let c = vm.rt().exc.system_exit;
    Err(PyErr(vm.rt().new_exception(c, args)))
}
