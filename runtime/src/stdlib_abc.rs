//! The `abc` module: `ABC`, `ABCMeta` and `abstractmethod`.
//!
//! The interpreter collects a class's unimplemented abstract methods when it
//! builds the class (`ClassObj::abstract_methods`, from functions whose
//! `__dict__` has `__isabstractmethod__`). Refusing to instantiate such a
//! class is CPython's `object.__new__` check; here every class with abstract
//! methods gets a `__new__` that makes the check (see `on_class_created`),
//! so it holds whether the class derives from `ABC` or names
//! `metaclass=ABCMeta` (which the compiler accepts and otherwise ignores).

use crate::object::*;
use crate::runtime::{class_name, instance_set, str_of, Runtime};
use crate::stdlib::{def_class, def_fn, expect_one};
use crate::value::Value;
use crate::{PyResult, Vm};

/// Creates the `abc` module.
pub fn create(rt: &mut Runtime) -> Value {
    let m = rt.new_module("abc", None);
    let (object, type_) = (rt.types.object, rt.types.type_);
    def_class(rt, m, "ABCMeta", type_);
    def_class(rt, m, "ABC", object);
    def_fn(rt, m, "abstractmethod", abc_abstractmethod);
    m
}

/// Gives a class that still has abstract methods the checking `__new__`
/// (unless it defines its own). Concrete subclasses inherit it; the check
/// then finds nothing abstract and it behaves as `object.__new__`.
pub(crate) fn on_class_created(vm: &mut dyn Vm, cls: *mut ClassObj) {
    // SAFETY: `cls` is the live class being built (rooted by the interpreter).
    let has_abstract = unsafe { !(*cls).abstract_methods.is_empty() };
    if !has_abstract {
        return;
    }
    let rt = vm.rt();
    let new_name = rt.names.new;
    let object = rt.types.object;
    let inherited = rt.lookup_in_class(cls, new_name);
    let object_new = rt.lookup_in_class(object, new_name);
    if inherited == object_new {
        let f = rt.new_builtin("__new__", abstract_checking_new);
        let wrapped = rt.heap.alloc_value(StaticMethodObj {
            header: Header::new(ObjKind::StaticMethod),
            func: f,
        });
        rt.class_set(cls, new_name, wrapped);
    }
}

/// `object.__new__(cls, ...)` with CPython's abstract-class check.
fn abstract_checking_new(
    vm: &mut dyn Vm,
    args: &[Value],
    _kw: &[(Value, Value)],
) -> PyResult<Value> {
    let Some(&cls_v) = args.first().filter(|c| is_kind(**c, ObjKind::Class)) else {
        return Err(vm
            .rt()
            .type_error("object.__new__(X): X is not a type object"));
    };
    let cls: *mut ClassObj = cls_v.as_ptr();
    // SAFETY: `cls_v` is a live class (an argument of this call).
    let (abstract_methods, is_exception) =
        unsafe { ((*cls).abstract_methods.clone(), (*cls).is_exception) };
    if !abstract_methods.is_empty() {
        let mut names: Vec<String> = abstract_methods
            .iter()
            .map(|&n| str_of(n).to_string())
            .collect();
        names.sort();
        let s = if names.len() == 1 { "" } else { "s" };
        return Err(vm.rt().type_error(format!(
            "Can't instantiate abstract class {} with abstract method{s} {}",
            class_name(cls),
            names.join(", ")
        )));
    }
    let inst = vm.rt().new_instance(cls);
    if is_exception {
        let t = vm.rt().new_tuple(args[1..].to_vec());
        let a = vm.rt().names.args;
        instance_set(inst, a, t);
    }
    Ok(inst)
}

/// `abstractmethod(f)`: marks `f` with `__isabstractmethod__ = True`.
fn abc_abstractmethod(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    crate::stdlib::no_kwargs(vm, "abstractmethod", kw)?;
    let f = expect_one(vm, "abstractmethod", args)?;
    let name = vm.rt().names.isabstract;
    crate::attr::setattr(vm, f, name, Value::TRUE)?;
    Ok(f)
}
