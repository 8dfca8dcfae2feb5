//! The runtime's elidable functions, declared in one place.
//!
//! An elidable function returns the same result for the same arguments and
//! has no visible side effect. The recorder calls them at record time when
//! their arguments are constants (a map promoted by a guard, a class whose
//! version a guard pins), so the result becomes a trace constant. Each
//! function documents the guard that makes its arguments constant.

use runtime::map::Map;
use runtime::object::{is_kind, ClassObj, FunctionObj, ModuleObj, ObjKind};
use runtime::runtime::module_get;
use runtime::{Runtime, Value};

/// Slot index of attribute `name` in instances with layout `map`.
/// Constant behind `GuardEq(map)`: maps are immutable and never freed.
pub fn map_lookup(map: *const Map, name: Value) -> Option<usize> {
    // SAFETY: maps are leaked, so a map pointer seen on an instance stays valid.
    unsafe { (*map).lookup(name) }
}

/// The layout reached from `map` by adding attribute `name`.
/// Constant behind `GuardEq(map)`: transitions are cached and never change.
pub fn map_transition(map: *const Map, name: Value) -> *const Map {
    // SAFETY: as in `map_lookup`.
    unsafe { (*map).with_added(name) }
}

/// The plain function `name` resolves to on class `cls` at version `version`
/// (None when it is not a plain function, e.g. a property or absent).
/// Constant behind `GuardEq(class.version)`: any change to the class or a
/// base gives it a fresh version.
pub fn method_lookup(
    rt: &Runtime,
    cls: *mut ClassObj,
    _version: u64,
    name: Value,
) -> Option<Value> {
    rt.lookup_in_class(cls, name)
        .filter(|f| is_kind(*f, ObjKind::Function))
}

/// Is `v` an immutable plain value (int, float, bool, None, str, big int),
/// which a trace may keep as a constant (a list or an instance may change
/// under it)?
fn is_immutable_plain(v: Value) -> bool {
    v.is_int()
        || v.is_float()
        || v.is_bool()
        || v.is_none()
        || is_kind(v, ObjKind::Str)
        || is_kind(v, ObjKind::BigInt)
}

/// The immutable plain value that `name` resolves to on class `cls` at
/// version `version`, for an instance that lacks the attribute: an instance
/// attribute read that falls through to the class (`self.factor` with
/// `factor` a class attribute). None for anything a read would bind or call
/// (functions, properties, ...) and for mutable values.
/// Constant behind `GuardEq(class.version)` and the instance's map guard.
pub fn class_attribute_constant(
    rt: &Runtime,
    cls: *mut ClassObj,
    _version: u64,
    name: Value,
) -> Option<Value> {
    rt.lookup_in_class(cls, name)
        .filter(|&v| is_immutable_plain(v))
}

/// What `cls.name` (an attribute read on the class object itself) gives when
/// that is a plain function (returned unbound) or an immutable plain value;
/// None for anything bound or computed (class methods, static methods,
/// properties, `__name__`, ...).
/// Constant behind `GuardEq(class)` and `GuardEq(class.version)`.
pub fn class_object_attribute(
    rt: &Runtime,
    cls: *mut ClassObj,
    _version: u64,
    name: Value,
) -> Option<Value> {
    rt.lookup_in_class(cls, name)
        .filter(|&v| is_kind(v, ObjKind::Function) || is_immutable_plain(v))
}

/// Does `name` on `cls` resolve to a data descriptor (a property) that takes
/// precedence over an instance attribute? Constant behind the version guard.
pub fn class_has_data_descriptor(rt: &Runtime, cls: *mut ClassObj, name: Value) -> bool {
    rt.lookup_in_class(cls, name)
        .is_some_and(|a| is_kind(a, ObjKind::Property))
}

/// Does `cls` define `__setattr__`? Constant behind the version guard.
pub fn class_has_setattr(rt: &Runtime, cls: *mut ClassObj) -> bool {
    rt.lookup_in_class(cls, rt.names.setattr).is_some()
}

/// A global's value in `module` (or `builtins` when the module lacks it).
/// Constant behind `GuardEq(module.version)` (and the builtins' version when
/// it came from there). Returns the value and whether builtins supplied it.
pub fn global_lookup(module: Value, builtins: Value, name: Value) -> Option<(Value, bool)> {
    if let Some(v) = module_get(module, name) {
        return Some((v, false));
    }
    module_get(builtins, name).map(|v| (v, true))
}

/// Address of a module's version counter (what the global guard reads).
pub fn module_version_address(module: Value) -> (u64, u64) {
    let m: *mut ModuleObj = module.as_ptr();
    // SAFETY: `module` is a live module (held in a trace root or a frame).
    unsafe { ((*m).version.as_ptr() as u64, (*m).version.get()) }
}

/// Address of a class's version tag and its current value.
pub fn class_version_address(cls: *mut ClassObj) -> (u64, u64) {
    // SAFETY: `cls` is the live class of an instance the recorder is looking at.
    unsafe { ((*cls).version.as_ptr() as u64, (*cls).version.get()) }
}

/// The function object behind a value that is known to be a function.
pub fn function(v: Value) -> &'static FunctionObj {
    runtime::object::downcast::<FunctionObj>(v).expect("a function")
}
