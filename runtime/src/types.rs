//! Constructors of the builtin types (`int(x)`, `list(it)`, `type(x)`, ...)
//! and the small descriptor types (property, staticmethod, classmethod, super).

use crate::builtins::{check_args, kwarg};
use crate::object::*;
use crate::protocol::{self, index_value, is_int_like, to_str, truthy};
use crate::runtime::{none, str_of, Runtime};
use crate::value::Value;
use crate::{iter, PyResult, Vm};

/// Installs constructors and descriptor methods, then each type's methods.
pub fn install(rt: &mut Runtime) {
    let t = &rt.types;
    let news: [(*mut ClassObj, BuiltinFn); 17] = [
        (t.int, int_new),
        (t.float, float_new),
        (t.str, str_new),
        (t.bool_, bool_new),
        (t.list, list_new),
        (t.tuple, tuple_new),
        (t.dict, dict_new),
        (t.set, set_new),
        (t.frozenset, frozenset_new),
        (t.range, range_new),
        (t.type_, type_new),
        (t.slice, slice_new),
        (t.property, property_new),
        (t.staticmethod, staticmethod_new),
        (t.classmethod, classmethod_new),
        (t.super_, super_new),
        (t.object, object_new),
    ];
    for (cls, f) in news {
        rt.add_method(cls, "__new__", f);
    }
    let p = rt.types.property;
    rt.add_method(p, "setter", property_setter);
    rt.add_method(p, "getter", property_getter);
    rt.add_method(p, "deleter", property_deleter);
    let be = rt.exc.base_exception;
    rt.add_method(be, "__init__", exception_init);
    let ty = rt.types.type_;
    rt.add_method(ty, "mro", type_mro);
    let g = rt.types.generator;
    rt.add_method(g, "send", generator_send);
    rt.add_method(g, "__next__", generator_next);
    rt.add_method(g, "close", generator_close);
    rt.add_method(g, "throw", generator_throw);
    rt.add_method(g, "__iter__", identity);
    let it = rt.types.iterator;
    rt.add_method(it, "__next__", iterator_next);
    rt.add_method(it, "__iter__", identity);
    crate::str_type::install(rt);
    crate::list_type::install(rt);
    crate::tuple_type::install(rt);
    crate::range_type::install(rt);
    crate::int_type::install(rt);
    crate::float_type::install(rt);
    crate::dict_type::install(rt);
    crate::set_type::install(rt);
}

fn identity(_vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    Ok(args.first().copied().unwrap_or(Value::NONE))
}

// ---------------------------------------------------------------- numbers

fn int_new(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let args = &args[1..];
    let base = args.get(1).copied().or_else(|| kwarg(kw, "base"));
    let Some(&x) = args.first() else {
        return Ok(Value::int(0));
    };
    if let Some(b) = base {
        if !is_kind(x, ObjKind::Str) {
            return Err(vm
                .rt()
                .type_error("int() can't convert non-string with explicit base"));
        }
        let b = index_value(vm, b)?;
        if !(b == 0 || (2..=36).contains(&b)) {
            return Err(vm
                .rt()
                .value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        return parse_int_value(vm, str_of(x), b as u32);
    }
    if x.is_int() {
        return Ok(x);
    }
    if x.is_bool() {
        return Ok(Value::int(x.as_bool() as i64));
    }
    if is_kind(x, ObjKind::BigInt) {
        return Ok(x);
    }
    if x.is_float() {
        return match crate::float_ops::to_int(x.as_float()) {
            Ok(i) => Ok(crate::arith::int_value(vm, i)),
            Err(e) => Err(crate::builtins_support::num_error(vm, e)),
        };
    }
    if is_kind(x, ObjKind::Str) {
        return parse_int_value(vm, str_of(x), 10);
    }
    for name in ["__int__", "__index__", "__trunc__"] {
        let n = vm.rt().intern(name);
        if let Some(r) = protocol::call_dunder(vm, x, n, &[])? {
            return Ok(r);
        }
    }
    let tn = vm.rt().type_name(x);
    Err(vm.rt().type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
    )))
}

fn parse_int_value(vm: &mut dyn Vm, s: &str, base: u32) -> PyResult<Value> {
    match crate::int_text::parse_int(s, base) {
        Ok(i) => Ok(crate::arith::int_value(vm, i)),
        Err(e) => Err(crate::builtins_support::num_error(vm, e)),
    }
}

fn float_new(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let Some(&x) = args.get(1) else {
        return Ok(Value::from_float(0.0));
    };
    if x.is_float() {
        return Ok(x);
    }
    if is_int_like(x) {
        let f = protocol::as_f64(x).unwrap();
        if f.is_infinite() {
            return Err(vm.rt().overflow_error("int too large to convert to float"));
        }
        return Ok(Value::from_float(f));
    }
    if is_kind(x, ObjKind::Str) {
        return match crate::float_ops::parse_float(str_of(x)) {
            Ok(f) => Ok(Value::from_float(f)),
            Err(e) => Err(crate::builtins_support::num_error(vm, e)),
        };
    }
    let n = vm.rt().names.float_;
    if let Some(r) = protocol::call_dunder(vm, x, n, &[])? {
        return Ok(r);
    }
    let tn = vm.rt().type_name(x);
    Err(vm.rt().type_error(format!(
        "float() argument must be a string or a real number, not '{tn}'"
    )))
}

fn bool_new(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    match args.get(1) {
        Some(&x) => Ok(Value::from_bool(truthy(vm, x)?)),
        None => Ok(Value::FALSE),
    }
}

// ---------------------------------------------------------------- strings and containers

fn str_new(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    match args.get(1) {
        Some(&x) if is_kind(x, ObjKind::Str) => Ok(x),
        // Numbers' texts are ASCII: written straight into the new str.
        Some(&x) if x.is_int() => Ok(crate::str_type::of_i64(vm.rt(), x.as_int())),
        Some(&x) if x.is_float() => Ok(crate::float_repr_short::of_f64(vm.rt(), x.as_float())),
        Some(&x) => {
            let s = to_str(vm, x)?;
            Ok(vm.rt().new_str(&s))
        }
        None => Ok(vm.rt().intern("")),
    }
}

fn list_new(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "list", &args[1..], 0, 1)?;
    let items = match args.get(1) {
        Some(&x) => iter::collect(vm, x)?,
        None => Vec::new(),
    };
    Ok(vm.rt().new_list(items))
}

fn tuple_new(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "tuple", &args[1..], 0, 1)?;
    if let Some(&x) = args.get(1) {
        if is_kind(x, ObjKind::Tuple) {
            return Ok(x);
        }
    }
    let items = match args.get(1) {
        Some(&x) => iter::collect(vm, x)?,
        None => Vec::new(),
    };
    Ok(vm.rt().new_tuple(items))
}

fn dict_new(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "dict", &args[1..], 0, 1)?;
    let d = vm.rt().new_dict();
    vm.rt().heap.push_root(d);
    let r = (|| {
        if let Some(&src) = args.get(1) {
            crate::builtins_support::dict_update_from(vm, d, src)?;
        }
        for &(k, v) in kw {
            protocol::dict_store(vm, d, k, v)?;
        }
        Ok(d)
    })();
    vm.rt().heap.pop_roots(1);
    r
}

fn make_set(vm: &mut dyn Vm, args: &[Value], frozen: bool) -> PyResult<Value> {
    let name = if frozen { "frozenset" } else { "set" };
    check_args(vm, name, &args[1..], 0, 1)?;
    if let Some(&src) = args.get(1) {
        if frozen && is_kind(src, ObjKind::Set) && downcast::<SetObj>(src).is_some_and(|s| s.frozen)
        {
            return Ok(src);
        }
    }
    let s = vm.rt().new_set(frozen);
    vm.rt().heap.push_root(s);
    let r = (|| {
        if let Some(&src) = args.get(1) {
            crate::set_type::fill_from(vm, s, src)?;
        }
        Ok(s)
    })();
    vm.rt().heap.pop_roots(1);
    r
}

fn set_new(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    make_set(vm, args, false)
}

fn frozenset_new(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    make_set(vm, args, true)
}

fn range_new(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = &args[1..];
    if a.is_empty() || a.len() > 3 {
        let n = a.len();
        return Err(vm.rt().type_error(if n == 0 {
            "range expected at least 1 argument, got 0".to_string()
        } else {
            format!("range expected at most 3 arguments, got {n}")
        }));
    }
    let mut nums = [0i64; 3];
    for (i, &v) in a.iter().enumerate() {
        if !is_int_like(v) {
            let tn = vm.rt().type_name(v);
            return Err(vm
                .rt()
                .type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        }
        nums[i] = index_value(vm, v)?;
    }
    let (start, stop, step) = match a.len() {
        1 => (0, nums[0], 1),
        2 => (nums[0], nums[1], 1),
        _ => (nums[0], nums[1], nums[2]),
    };
    if step == 0 {
        return Err(vm.rt().value_error("range() arg 3 must not be zero"));
    }
    Ok(vm.rt().heap.alloc_value(RangeObj {
        header: Header::new(ObjKind::Range),
        start,
        stop,
        step,
    }))
}

fn slice_new(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = &args[1..];
    let (start, stop, step) = match a {
        [stop] => (Value::NONE, *stop, Value::NONE),
        [start, stop] => (*start, *stop, Value::NONE),
        [start, stop, step] => (*start, *stop, *step),
        _ => return Err(vm.rt().type_error("slice expected 1 to 3 arguments")),
    };
    Ok(vm.rt().heap.alloc_value(SliceObj {
        header: Header::new(ObjKind::Slice),
        start,
        stop,
        step,
    }))
}

fn type_new(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    match &args[1..] {
        [x] => {
            let c = vm.rt().type_of(*x);
            Ok(Value::from_ptr(c))
        }
        _ => {
            let c = vm.rt().exc.not_implemented_error;
            Err(vm
                .rt()
                .error(c, "type() with three arguments is not supported by tern"))
        }
    }
}

fn type_mro(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args[0];
    if !is_kind(cls, ObjKind::Class) {
        return Err(vm
            .rt()
            .type_error("descriptor 'mro' requires a 'type' object"));
    }
    let c: *mut ClassObj = cls.as_ptr();
    // SAFETY: `c` is a live class.
    let mro: Vec<Value> = unsafe { (*c).mro.iter().map(|&p| Value::from_ptr(p)).collect() };
    Ok(vm.rt().new_list(mro))
}

fn object_new(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args[0];
    if !is_kind(cls, ObjKind::Class) {
        return Err(vm
            .rt()
            .type_error("object.__new__(X): X is not a type object"));
    }
    Ok(vm.rt().new_instance(cls.as_ptr()))
}

// ---------------------------------------------------------------- descriptors

fn property_new(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = &args[1..];
    let get = |i: usize, name: &str| {
        a.get(i)
            .copied()
            .or_else(|| kwarg(kw, name))
            .unwrap_or(Value::NONE)
    };
    let (fget, fset, fdel) = (get(0, "fget"), get(1, "fset"), get(2, "fdel"));
    Ok(vm.rt().heap.alloc_value(PropertyObj {
        header: Header::new(ObjKind::Property),
        fget,
        fset,
        fdel,
    }))
}

fn property_copy(vm: &mut dyn Vm, args: &[Value], which: usize) -> PyResult<Value> {
    check_args(vm, "property", args, 2, 2)?;
    let Some(p) = downcast::<PropertyObj>(args[0]) else {
        return Err(vm
            .rt()
            .type_error("descriptor requires a 'property' object"));
    };
    let mut parts = [p.fget, p.fset, p.fdel];
    parts[which] = args[1];
    Ok(vm.rt().heap.alloc_value(PropertyObj {
        header: Header::new(ObjKind::Property),
        fget: parts[0],
        fset: parts[1],
        fdel: parts[2],
    }))
}

fn property_getter(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    property_copy(vm, args, 0)
}

fn property_setter(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    property_copy(vm, args, 1)
}

fn property_deleter(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    property_copy(vm, args, 2)
}

fn staticmethod_new(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "staticmethod", &args[1..], 1, 1)?;
    Ok(vm.rt().heap.alloc_value(StaticMethodObj {
        header: Header::new(ObjKind::StaticMethod),
        func: args[1],
    }))
}

fn classmethod_new(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "classmethod", &args[1..], 1, 1)?;
    Ok(vm.rt().heap.alloc_value(ClassMethodObj {
        header: Header::new(ObjKind::ClassMethod),
        func: args[1],
    }))
}

fn super_new(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let (cls, receiver) = match &args[1..] {
        [] => vm.frame_super()?,
        [c, r] => (*c, *r),
        _ => return Err(vm.rt().type_error("super() takes 0 or 2 arguments")),
    };
    if !is_kind(cls, ObjKind::Class) {
        let tn = vm.rt().type_name(cls);
        return Err(vm
            .rt()
            .type_error(format!("super() argument 1 must be a type, not {tn}")));
    }
    Ok(vm.rt().heap.alloc_value(SuperObj {
        header: Header::new(ObjKind::Super),
        class: cls.as_ptr(),
        receiver,
    }))
}

fn exception_init(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let t = vm.rt().new_tuple(args[1..].to_vec());
    let name = vm.rt().names.args;
    crate::runtime::instance_set(args[0], name, t);
    none()
}

// ---------------------------------------------------------------- generators and iterators

fn generator_send(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "send", &args[1..], 1, 1)?;
    match vm.generator_next(args[0], args[1])? {
        Some(v) => Ok(v),
        None => {
            let r = vm.take_generator_return();
            Err(vm.rt().stop_iteration(r))
        }
    }
}

fn generator_next(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    match vm.generator_next(args[0], Value::NONE)? {
        Some(v) => Ok(v),
        None => {
            let r = vm.take_generator_return();
            Err(vm.rt().stop_iteration(r))
        }
    }
}

fn generator_close(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    let gen = args[0];
    let Some(g) = downcast::<GeneratorObj>(gen) else {
        return none();
    };
    if g.state != GenState::Suspended {
        g.state = GenState::Finished;
        g.slots = Vec::new();
        return none();
    }
    // Raise GeneratorExit at the paused yield so `finally` blocks run.
    let c = vm.rt().exc.generator_exit;
    let exit = crate::PyErr(vm.rt().new_exception(c, &[]));
    match vm.generator_throw(gen, exit) {
        Ok(Some(_)) => Err(vm.rt().runtime_error("generator ignored GeneratorExit")),
        Ok(None) => none(),
        Err(e) => {
            let (ge, si) = (vm.rt().exc.generator_exit, vm.rt().exc.stop_iteration);
            if vm.rt().isinstance(e.0, ge) || vm.rt().isinstance(e.0, si) {
                none()
            } else {
                Err(e)
            }
        }
    }
}

fn generator_throw(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    check_args(vm, "throw", &args[1..], 1, 3)?;
    let t = args[1];
    let exc = if is_kind(t, ObjKind::Class) {
        let v = args.get(2).copied().filter(|v| !v.is_none());
        vm.call(t, &v.into_iter().collect::<Vec<_>>(), &[])?
    } else {
        t
    };
    let base = vm.rt().exc.base_exception;
    if !vm.rt().isinstance(exc, base) {
        return Err(vm
            .rt()
            .type_error("exceptions must derive from BaseException"));
    }
    match vm.generator_throw(args[0], crate::PyErr(exc))? {
        Some(v) => Ok(v),
        None => Err(vm.rt().stop_iteration(Value::NONE)),
    }
}

fn iterator_next(vm: &mut dyn Vm, args: &[Value], _kw: &[(Value, Value)]) -> PyResult<Value> {
    match iter::next(vm, args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.rt().stop_iteration(Value::NONE)),
    }
}
