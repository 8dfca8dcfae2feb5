//! `obj.__class__ = C` and `del obj.__class__`, as CPython checks and does them.
//!
//! Only instances of user classes can change class, and only to a user
//! class whose instances have the same layout (CPython's "solid base": here
//! the nearest builtin class in the MRO, `object` or a builtin exception).
//! The instance keeps its attributes in the same slots and moves to the new
//! class's map with the same names: a map belongs to one class, so inline
//! caches and compiled code guarding on the old map see the change.

use crate::object::*;
use crate::runtime::class_name;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

/// Is `cls` a builtin type (CPython's immutable, statically defined types)?
fn is_builtin(vm: &mut dyn Vm, cls: *mut ClassObj) -> bool {
    // SAFETY: `cls` is a live class.
    unsafe { (*cls).module == vm.rt().names.builtins }
}

/// The nearest builtin class in `cls`'s MRO: what its instances' layout is.
fn solid_base(vm: &mut dyn Vm, cls: *mut ClassObj) -> *mut ClassObj {
    // SAFETY: `cls` and the classes of its MRO are live.
    let mro = unsafe { (*cls).mro.clone() };
    mro.into_iter().find(|&c| is_builtin(vm, c)).unwrap_or(cls)
}

/// `obj.__class__ = value` once no property or user `__setattr__` took it.
pub fn set_class(vm: &mut dyn Vm, obj: Value, value: Value) -> PyResult<()> {
    if !is_kind(value, ObjKind::Class) {
        let tn = vm.rt().type_name(value);
        return Err(vm.rt().type_error(format!(
            "__class__ must be set to a class, not '{tn}' object"
        )));
    }
    let new: *mut ClassObj = value.as_ptr();
    let old = vm.rt().type_of(obj);
    let plain_instance = is_kind(obj, ObjKind::Instance);
    if !plain_instance || is_builtin(vm, old) || is_builtin(vm, new) {
        return Err(vm.rt().type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    if solid_base(vm, old) != solid_base(vm, new) {
        let (n, o) = (class_name(new), class_name(old));
        return Err(vm.rt().type_error(format!(
            "__class__ assignment: '{n}' object layout differs from '{o}'"
        )));
    }
    let inst = downcast::<InstanceObj>(obj).expect("checked to be an instance");
    // SAFETY: maps are never freed; `new` is a live class (the caller holds
    // it), and the instance now keeps it alive.
    unsafe {
        inst.map = (*inst.map).rebased((*new).root_map);
        (*new).raise_slot_hint(inst.slots.len());
    }
    inst.class = new;
    Ok(())
}

/// `del obj.__class__`: never allowed.
pub fn del_class(vm: &mut dyn Vm) -> PyErr {
    vm.rt().type_error("can't delete __class__ attribute")
}
