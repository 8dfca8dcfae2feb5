//! Attribute access: `obj.name` reads, writes and deletes, method lookup for
//! calls, and the descriptors behind them (functions, properties,
//! staticmethod, classmethod, super).

use crate::class_assign::{del_class, set_class};
use crate::object::*;
use crate::protocol::call_dunder;
use crate::runtime::{
    class_name, instance_del, instance_get, instance_set, module_del, module_get, module_set,
    str_of,
};
use crate::value::Value;
use crate::{PyResult, Vm};

/// Binds a class attribute found for `receiver` (an instance or, with `cls_only`,
/// looked up on the class itself).
fn bind(
    vm: &mut dyn Vm,
    attr: Value,
    receiver: Value,
    owner: *mut ClassObj,
    via_class: bool,
) -> PyResult<Value> {
    match kind_of(attr) {
        Some(ObjKind::Function) if !via_class => Ok(new_bound(vm, attr, receiver)),
        Some(ObjKind::Builtin) if !via_class => {
            let b = downcast::<BuiltinObj>(attr).unwrap();
            if !b.bound.is_empty() {
                return Ok(attr);
            }
            let (name, func) = (b.name, b.func);
            Ok(vm.rt().heap.alloc_value(BuiltinObj {
                header: Header::new(ObjKind::Builtin),
                name,
                func,
                bound: receiver,
            }))
        }
        Some(ObjKind::StaticMethod) => Ok(downcast::<StaticMethodObj>(attr).unwrap().func),
        Some(ObjKind::ClassMethod) => {
            let f = downcast::<ClassMethodObj>(attr).unwrap().func;
            Ok(new_bound(vm, f, Value::from_ptr(owner)))
        }
        Some(ObjKind::Property) if !via_class => {
            let fget = downcast::<PropertyObj>(attr).unwrap().fget;
            if fget.is_none() || fget.is_empty() {
                let name = "?";
                return Err(vm
                    .rt()
                    .attribute_error(format!("property '{name}' has no getter")));
            }
            vm.call(fget, &[receiver], &[])
        }
        _ => Ok(attr),
    }
}

/// A new bound method.
pub fn new_bound(vm: &mut dyn Vm, func: Value, receiver: Value) -> Value {
    vm.rt().heap.alloc_value(BoundMethodObj {
        header: Header::new(ObjKind::BoundMethod),
        func,
        receiver,
    })
}

/// `obj.name` (`name` interned).
pub fn getattr(vm: &mut dyn Vm, obj: Value, name: Value) -> PyResult<Value> {
    match lookup_attr(vm, obj, name)? {
        Some(v) => Ok(v),
        None => Err(no_attribute(vm, obj, name)),
    }
}

/// The `AttributeError` for a missing attribute, in CPython's words.
pub fn no_attribute(vm: &mut dyn Vm, obj: Value, name: Value) -> crate::PyErr {
    let n = str_of(name).to_string();
    let msg = match kind_of(obj) {
        Some(ObjKind::Class) => format!(
            "type object '{}' has no attribute '{n}'",
            class_name(obj.as_ptr())
        ),
        Some(ObjKind::Module) => {
            let m = str_of(downcast::<ModuleObj>(obj).unwrap().name).to_string();
            format!("module '{m}' has no attribute '{n}'")
        }
        _ => format!("'{}' object has no attribute '{n}'", vm.rt().type_name(obj)),
    };
    vm.rt().attribute_error(msg)
}

/// `getattr(obj, name, <absent>)`: `Ok(None)` when the attribute does not exist.
pub fn lookup_attr(vm: &mut dyn Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    let names = &vm.rt().names;
    if name == names.class {
        let c = vm.rt().type_of(obj);
        return Ok(Some(Value::from_ptr(c)));
    }
    match kind_of(obj) {
        Some(ObjKind::Instance) => instance_attr(vm, obj, name),
        Some(ObjKind::Class) => class_attr(vm, obj.as_ptr(), name),
        Some(ObjKind::Module) => {
            if let Some(v) = module_get(obj, name) {
                return Ok(Some(v));
            }
            if name == vm.rt().names.dict {
                let d = vm.rt().new_dict();
                let entries: Vec<(Value, Value)> =
                    downcast::<ModuleObj>(obj).unwrap().globals.iter().collect();
                for (k, v) in entries {
                    crate::protocol::dict_store(vm, d, k, v)?;
                }
                return Ok(Some(d));
            }
            Ok(None)
        }
        Some(ObjKind::Super) => super_attr(vm, obj, name),
        Some(ObjKind::Function) => {
            let f = downcast::<FunctionObj>(obj).unwrap();
            let n = &vm.rt().names;
            if name == n.name {
                return Ok(Some(f.name));
            }
            if name == n.qualname {
                return Ok(Some(f.qualname));
            }
            if name == n.module {
                let m = f.module;
                return Ok(downcast::<ModuleObj>(m).map(|m| m.name));
            }
            if name == n.doc {
                let code = downcast::<CodeObj>(f.code).unwrap();
                let doc = code.code.doc.clone();
                return Ok(Some(match doc {
                    Some(d) => vm.rt().new_str(&d),
                    None => Value::NONE,
                }));
            }
            if name == n.dict {
                if f.dict.is_empty() {
                    f.dict = vm.rt().new_dict();
                }
                return Ok(Some(f.dict));
            }
            let dict = f.dict;
            if !dict.is_empty() {
                if let Some(v) = crate::protocol::dict_lookup(vm, dict, name)? {
                    return Ok(Some(v));
                }
            }
            builtin_type_attr(vm, obj, name)
        }
        Some(ObjKind::BoundMethod) => {
            let m = downcast::<BoundMethodObj>(obj).unwrap();
            let (func, recv) = (m.func, m.receiver);
            if str_of(name) == "__self__" {
                return Ok(Some(recv));
            }
            if str_of(name) == "__func__" {
                return Ok(Some(func));
            }
            lookup_attr(vm, func, name)
        }
        Some(ObjKind::Builtin) => {
            let b = downcast::<BuiltinObj>(obj).unwrap();
            if name == vm.rt().names.name {
                let n = b.name;
                return Ok(Some(vm.rt().new_str(n)));
            }
            builtin_type_attr(vm, obj, name)
        }
        Some(ObjKind::Property) => {
            let p = downcast::<PropertyObj>(obj).unwrap();
            match str_of(name) {
                "fget" => Ok(Some(p.fget)),
                "fset" => Ok(Some(p.fset)),
                "setter" | "getter" | "deleter" => builtin_type_attr(vm, obj, name),
                _ => builtin_type_attr(vm, obj, name),
            }
        }
        Some(ObjKind::StaticMethod) | Some(ObjKind::ClassMethod) => {
            let f = downcast::<StaticMethodObj>(obj)
                .map(|s| s.func)
                .or_else(|| downcast::<ClassMethodObj>(obj).map(|c| c.func))
                .unwrap();
            if str_of(name) == "__func__" {
                return Ok(Some(f));
            }
            lookup_attr(vm, f, name)
        }
        Some(ObjKind::Slice) => {
            let s = downcast::<SliceObj>(obj).unwrap();
            match str_of(name) {
                "start" => Ok(Some(s.start)),
                "stop" => Ok(Some(s.stop)),
                "step" => Ok(Some(s.step)),
                _ => builtin_type_attr(vm, obj, name),
            }
        }
        Some(ObjKind::Range) => {
            let r = downcast::<RangeObj>(obj).unwrap();
            let (start, stop, step) = (r.start, r.stop, r.step);
            match str_of(name) {
                "start" => Ok(Some(vm.rt().int_from_i64(start))),
                "stop" => Ok(Some(vm.rt().int_from_i64(stop))),
                "step" => Ok(Some(vm.rt().int_from_i64(step))),
                _ => builtin_type_attr(vm, obj, name),
            }
        }
        _ => builtin_type_attr(vm, obj, name),
    }
}

/// Attributes of builtin-type values come from their class (methods bound to the value).
fn builtin_type_attr(vm: &mut dyn Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    let cls = vm.rt().type_of(obj);
    match vm.rt().lookup_in_class(cls, name) {
        Some(attr) => bind(vm, attr, obj, cls, false).map(Some),
        None => Ok(None),
    }
}

fn instance_attr(vm: &mut dyn Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    let cls = vm.rt().type_of(obj);
    let class_attr = vm.rt().lookup_in_class(cls, name);
    if let Some(a) = class_attr {
        if is_kind(a, ObjKind::Property) {
            return bind(vm, a, obj, cls, false).map(Some);
        }
    }
    if let Some(v) = instance_get(obj, name) {
        return Ok(Some(v));
    }
    if let Some(a) = class_attr {
        return bind(vm, a, obj, cls, false).map(Some);
    }
    if name == vm.rt().names.dict {
        let inst = downcast::<InstanceObj>(obj).unwrap();
        // SAFETY: maps are never freed.
        let names = unsafe { (*inst.map).names.clone() };
        let slots = inst.slots.clone();
        let d = vm.rt().new_dict();
        for (k, v) in names.into_iter().zip(slots) {
            crate::protocol::dict_store(vm, d, k, v)?;
        }
        return Ok(Some(d));
    }
    // SAFETY: the class of a live instance is live.
    if unsafe { (*cls).is_exception } {
        if let Some(v) = exception_default_attr(vm, obj, name) {
            return Ok(Some(v));
        }
    }
    let getattr_name = vm.rt().names.getattr;
    if vm.rt().lookup_in_class(cls, getattr_name).is_some() {
        return call_dunder(vm, obj, getattr_name, &[name]);
    }
    Ok(None)
}

/// Attributes every exception has even when never set: `__context__`,
/// `__cause__`, `__traceback__`, `__suppress_context__`, and the `value` of
/// StopIteration / `code` of SystemExit derived from `args`.
fn exception_default_attr(vm: &mut dyn Vm, exc: Value, name: Value) -> Option<Value> {
    let rt = vm.rt();
    let n = &rt.names;
    if name == n.context || name == n.cause || name == n.traceback {
        return Some(Value::NONE);
    }
    if name == n.suppress_context {
        return Some(Value::FALSE);
    }
    let args = instance_get(exc, n.args)
        .map(|a| crate::protocol::seq_items(a).to_vec())
        .unwrap_or_default();
    let wants_value = name == n.value && rt.isinstance(exc, rt.exc.stop_iteration);
    let wants_code = str_of(name) == "code" && rt.isinstance(exc, rt.exc.system_exit);
    if wants_value || wants_code {
        return Some(match args.len() {
            0 => Value::NONE,
            1 => args[0],
            _ if wants_code => instance_get(exc, rt.names.args).unwrap_or(Value::NONE),
            _ => args[0],
        });
    }
    None
}

fn class_attr(vm: &mut dyn Vm, cls: *mut ClassObj, name: Value) -> PyResult<Option<Value>> {
    if let Some(a) = vm.rt().lookup_in_class(cls, name) {
        return bind(vm, a, Value::from_ptr(cls), cls, true).map(Some);
    }
    let n = &vm.rt().names;
    // SAFETY: `cls` is a live class.
    let c = unsafe { &mut *cls };
    if name == n.name {
        return Ok(Some(c.name));
    }
    if name == n.qualname {
        return Ok(Some(c.qualname));
    }
    if name == n.module {
        return Ok(Some(c.module));
    }
    if name == n.doc {
        return Ok(Some(Value::NONE));
    }
    if name == n.base {
        return Ok(Some(if c.base.is_null() {
            Value::NONE
        } else {
            Value::from_ptr(c.base)
        }));
    }
    if name == n.bases {
        let bases = if c.base.is_null() {
            vec![]
        } else {
            vec![Value::from_ptr(c.base)]
        };
        return Ok(Some(vm.rt().new_tuple(bases)));
    }
    if name == n.mro {
        let mro: Vec<Value> = c.mro.iter().map(|&p| Value::from_ptr(p)).collect();
        return Ok(Some(vm.rt().new_tuple(mro)));
    }
    if name == n.dict {
        let entries: Vec<(Value, Value)> = c.dict.iter().collect();
        let d = vm.rt().new_dict();
        for (k, v) in entries {
            crate::protocol::dict_store(vm, d, k, v)?;
        }
        return Ok(Some(d));
    }
    // Methods of `type` itself (e.g. `mro()`), bound to the class.
    let type_cls = vm.rt().types.type_;
    if let Some(a) = vm.rt().lookup_in_class(type_cls, name) {
        return bind(vm, a, Value::from_ptr(cls), type_cls, false).map(Some);
    }
    // `object.__init__(self)`, `SomeClass.__repr__(obj)`: object's own methods, unbound.
    Ok(object_method(vm, name, Value::EMPTY))
}

fn super_attr(vm: &mut dyn Vm, sup: Value, name: Value) -> PyResult<Option<Value>> {
    let s = downcast::<SuperObj>(sup).unwrap();
    let (start, recv) = (s.class, s.receiver);
    let recv_cls = if is_kind(recv, ObjKind::Class) {
        recv.as_ptr()
    } else {
        vm.rt().type_of(recv)
    };
    // SAFETY: the receiver's class is live.
    let mro = unsafe { (*recv_cls).mro.clone() };
    let pos = mro
        .iter()
        .position(|&c| c == start)
        .map_or(mro.len(), |p| p + 1);
    let hash = crate::runtime::str_hash_of(name);
    for &c in &mro[pos..] {
        // SAFETY: classes in a live MRO are live.
        if let Some(a) = unsafe { (*c).dict.get_by_bits(hash, name) } {
            let via_class = is_kind(recv, ObjKind::Class);
            if via_class && is_kind(a, ObjKind::Function) {
                return Ok(Some(a));
            }
            return bind(vm, a, recv, recv_cls, via_class).map(Some);
        }
    }
    Ok(object_method(vm, name, recv))
}

// ---------------------------------------------------------------- object's own methods

/// `object.__init__`, `object.__repr__`, ... reached through `super()` or
/// `object.m(self)`. They are not in `object`'s namespace, so the protocol's
/// "does the class define __eq__/__str__" checks see only user definitions.
fn object_method(vm: &mut dyn Vm, name: Value, receiver: Value) -> Option<Value> {
    let (fname, func): (&'static str, BuiltinFn) = match str_of(name) {
        "__init__" => ("__init__", |_vm, _a, _kw| Ok(Value::NONE)),
        "__setattr__" => ("__setattr__", |vm, a, _kw| match a {
            [obj, n, v] if is_kind(*obj, ObjKind::Instance) && is_kind(*n, ObjKind::Str) => {
                let key = vm.rt().intern(str_of(*n));
                if key == vm.rt().names.class {
                    set_class(vm, *obj, *v)?;
                    return Ok(Value::NONE);
                }
                crate::runtime::instance_set(*obj, key, *v);
                Ok(Value::NONE)
            }
            _ => Err(vm.rt().type_error("expected (instance, name, value)")),
        }),
        "__repr__" | "__str__" => ("__repr__", |vm, a, _kw| {
            let obj = a.first().copied().unwrap_or(Value::NONE);
            let cls = vm.rt().type_of(obj);
            // SAFETY: the class of a live value is live.
            let (module, qual) = unsafe {
                (
                    str_of((*cls).module).to_string(),
                    str_of((*cls).qualname).to_string(),
                )
            };
            let addr = obj.to_bits() & crate::value::PAYLOAD_MASK;
            let s = if module == "builtins" {
                format!("<{qual} object at {addr:#x}>")
            } else {
                format!("<{module}.{qual} object at {addr:#x}>")
            };
            Ok(vm.rt().new_str(&s))
        }),
        "__hash__" => ("__hash__", |vm, a, _kw| {
            let h = crate::protocol::identity_hash(a.first().copied().unwrap_or(Value::NONE));
            Ok(vm.rt().int_from_i64(h))
        }),
        "__eq__" => ("__eq__", |vm, a, _kw| {
            Ok(match a {
                [x, y] if x == y => Value::TRUE,
                _ => vm.rt().not_implemented,
            })
        }),
        "__ne__" => ("__ne__", |vm, a, _kw| {
            Ok(match a {
                [x, y] if x == y => Value::FALSE,
                [_, _] => Value::TRUE,
                _ => vm.rt().not_implemented,
            })
        }),
        _ => return None,
    };
    let bound = if receiver.is_empty() {
        Value::EMPTY
    } else {
        receiver
    };
    Some(vm.rt().heap.alloc_value(BuiltinObj {
        header: Header::new(ObjKind::Builtin),
        name: fname,
        func,
        bound,
    }))
}

/// Method lookup for `obj.name(...)`: `(function, obj)` when the call can pass
/// `obj` as the first argument without allocating a bound method, otherwise
/// `(callable, EMPTY)`.
pub fn load_method(vm: &mut dyn Vm, obj: Value, name: Value) -> PyResult<(Value, Value)> {
    match kind_of(obj) {
        Some(ObjKind::Instance) => {
            let cls = vm.rt().type_of(obj);
            if let Some(a) = vm.rt().lookup_in_class(cls, name) {
                if is_kind(a, ObjKind::Function) && instance_get(obj, name).is_none() {
                    return Ok((a, obj));
                }
            }
        }
        Some(ObjKind::Class)
        | Some(ObjKind::Module)
        | Some(ObjKind::Super)
        | Some(ObjKind::Function) => {}
        _ => {
            let cls = vm.rt().type_of(obj);
            if let Some(a) = vm.rt().lookup_in_class(cls, name) {
                if is_kind(a, ObjKind::Builtin)
                    && downcast::<BuiltinObj>(a).unwrap().bound.is_empty()
                {
                    return Ok((a, obj));
                }
            }
        }
    }
    Ok((getattr(vm, obj, name)?, Value::EMPTY))
}

/// `obj.name = value`.
pub fn setattr(vm: &mut dyn Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    let is_class_attr = name == vm.rt().names.class;
    if is_class_attr && !is_kind(obj, ObjKind::Instance) {
        return set_class(vm, obj, value);
    }
    match kind_of(obj) {
        Some(ObjKind::Instance) => {
            let cls = vm.rt().type_of(obj);
            if let Some(a) = vm.rt().lookup_in_class(cls, name) {
                if let Some(p) = downcast::<PropertyObj>(a) {
                    let fset = p.fset;
                    if fset.is_none() || fset.is_empty() {
                        let (n, tn) = (str_of(name).to_string(), class_name(cls));
                        return Err(vm.rt().attribute_error(format!(
                            "property '{n}' of '{tn}' object has no setter"
                        )));
                    }
                    vm.call(fset, &[obj, value], &[])?;
                    return Ok(());
                }
            }
            let setattr_name = vm.rt().names.setattr;
            if let Some(f) = vm.rt().lookup_in_class(cls, setattr_name) {
                if is_kind(f, ObjKind::Function) {
                    vm.call(f, &[obj, name, value], &[])?;
                    return Ok(());
                }
            }
            if is_class_attr {
                return set_class(vm, obj, value);
            }
            instance_set(obj, name, value);
            Ok(())
        }
        Some(ObjKind::Class) => {
            let cls: *mut ClassObj = obj.as_ptr();
            // SAFETY: `cls` is a live class.
            if unsafe { (*cls).instance_kind.is_some() && (*cls).module == vm.rt().names.builtins }
            {
                let tn = class_name(cls);
                return Err(vm.rt().type_error(format!(
                    "cannot set '{}' attribute of immutable type '{tn}'",
                    str_of(name)
                )));
            }
            vm.rt().class_set(cls, name, value);
            Ok(())
        }
        Some(ObjKind::Module) => {
            module_set(vm.rt(), obj, name, value);
            Ok(())
        }
        Some(ObjKind::Function) => {
            let f = downcast::<FunctionObj>(obj).unwrap();
            if name == vm.rt().names.name {
                f.name = value;
                return Ok(());
            }
            if f.dict.is_empty() {
                f.dict = vm.rt().new_dict();
            }
            let d = downcast::<FunctionObj>(obj).unwrap().dict;
            crate::protocol::dict_store(vm, d, name, value)
        }
        _ => {
            let tn = vm.rt().type_name(obj);
            let n = str_of(name).to_string();
            Err(vm
                .rt()
                .attribute_error(format!("'{tn}' object has no attribute '{n}'")))
        }
    }
}

/// `del obj.name`.
pub fn delattr(vm: &mut dyn Vm, obj: Value, name: Value) -> PyResult<()> {
    if name == vm.rt().names.class {
        return Err(del_class(vm));
    }
    let ok = match kind_of(obj) {
        Some(ObjKind::Instance) => {
            let cls = vm.rt().type_of(obj);
            if let Some(p) = vm
                .rt()
                .lookup_in_class(cls, name)
                .and_then(downcast::<PropertyObj>)
            {
                let fdel = p.fdel;
                if !fdel.is_none() && !fdel.is_empty() {
                    vm.call(fdel, &[obj], &[])?;
                    return Ok(());
                }
            }
            instance_del(obj, name)
        }
        Some(ObjKind::Class) => vm.rt().class_del(obj.as_ptr(), name),
        Some(ObjKind::Module) => module_del(vm.rt(), obj, name),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(no_attribute(vm, obj, name))
    }
}
