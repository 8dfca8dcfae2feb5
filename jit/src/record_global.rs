//! Recording module globals: reads folded behind the module's version guard,
//! as constants while a global was never rebound and as a load of its entry
//! once it is mutable, and stores that keep that version stable.
//!
//! A module's version changes when a global is added or deleted, or rebound
//! for the first time (`runtime::module_set`): after that first rebinding the
//! global is *mutable* and rebinding it again keeps the version. So a loop
//! (or a function it calls) that rebinds one global does not make every other
//! folded global of its module fail its guard.

use crate::ir::*;
use crate::recorder::{code_of, Recorder};
use frontend::bytecode::Op;
use runtime::object::ModuleObj;
use runtime::runtime::{module_get, module_global_slot, module_mark_mutable};
use runtime::{Runtime, Value};

/// Looks at the globals that `code`'s instructions `from..=to` (all of them
/// when `from > to`) write in `module`. A `del` of a global makes every read
/// of that module a `global_get` call for the whole trace. With `mark`, the
/// runtime (given before the recording emitted any guard), each global stored
/// there is made mutable now, so the stores the trace records keep the
/// version it guards.
pub(crate) fn note_global_writes(
    r: &mut Recorder,
    mark: Option<&Runtime>,
    (code, module): (Value, Value),
    from: u32,
    to: u32,
) {
    let c = code_of(code);
    let ops = &c.code.ops;
    if ops.is_empty() {
        return;
    }
    let (lo, hi) = if from <= to {
        (from as usize, (to as usize).min(ops.len() - 1))
    } else {
        (0, ops.len() - 1)
    };
    let mut deletes = false;
    for op in &ops[lo..=hi] {
        match *op {
            Op::StoreGlobal { name, .. } => {
                if let Some(rt) = mark {
                    module_mark_mutable(rt, module, c.names[name as usize]);
                }
            }
            Op::DeleteGlobal { .. } => deletes = true,
            _ => {}
        }
    }
    if deletes && !r.unfolded_modules.contains(&module) {
        r.unfolded_modules.push(module);
    }
}

/// Would storing global `name` in `module` change the module's version (the
/// global is absent, or still constant)?
pub(crate) fn store_changes_version(module: Value, name: Value) -> bool {
    module_get(module, name).is_none() || module_global_slot(module, name).is_none()
}

/// Records `StoreGlobal`. A store that would change the module's version
/// (the global's first binding or rebinding) would invalidate the version
/// guards this recording already made: the global is marked mutable and the
/// recording aborts, to be retried once the version is stable.
pub(crate) fn store_global(
    r: &mut Recorder,
    rt: &Runtime,
    module: Value,
    name: Value,
    src: u16,
    pc: u32,
) -> Result<(), String> {
    if !r.unfolded_modules.contains(&module) && store_changes_version(module, name) {
        mark_mutable(rt, module, name);
        return Err("global first bound while recording".into());
    }
    let (m, k) = (r.konst(module), r.konst(name));
    let v = r.load(src);
    r.call(
        crate::helpers::Helper::GlobalSet,
        vec![m, k, v],
        pc,
        Type::Void,
    );
    Ok(())
}

/// Marks `name` mutable in `module` whether or not it exists yet (a global
/// added later starts mutable: its next rebinding keeps the version).
fn mark_mutable(rt: &Runtime, module: Value, name: Value) {
    if module_get(module, name).is_some() {
        module_mark_mutable(rt, module, name);
    } else if let Some(m) = runtime::object::downcast::<ModuleObj>(module) {
        m.mutable_globals.borrow_mut().insert(name.to_bits());
    }
}

/// The value of a global read in a folded module, behind the version guards
/// the caller made: a constant, or for a mutable global a load of its
/// entry's value (whose address the version guard keeps valid).
pub(crate) fn folded_global(r: &mut Recorder, home: Value, name: Value, value: Value) -> Ref {
    match module_global_slot(home, name) {
        Some(at) => r.emit(Opcode::LoadAbs(at as u64), Type::Val),
        None => r.konst(value),
    }
}
