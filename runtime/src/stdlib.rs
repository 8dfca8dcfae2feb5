//! Native standard-library modules: `time`, `math`, `random`, `abc`, `enum`.

use crate::object::ClassObj;
use crate::runtime::Runtime;
use crate::value::Value;
use crate::{PyResult, Vm};

/// Creates the native module `name`, or `None` if there is no such module.
pub fn create_module(rt: &mut Runtime, name: &str) -> Option<Value> {
    let _ = (rt, name);
    None
}

/// Hook run after every class statement (Enum subclasses get their members here).
pub fn on_class_created(vm: &mut dyn Vm, cls: *mut ClassObj) -> PyResult<()> {
    let _ = (vm, cls);
    Ok(())
}
