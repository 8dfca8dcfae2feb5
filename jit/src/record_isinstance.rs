//! Folding `isinstance(x, C)` at record time when `C` is a constant class
//! or tuple of classes: a guard on `x`'s exact type and a constant bool.
//!
//! There are no metaclasses or `__instancecheck__`, and a class's MRO never
//! changes after it is made, so the answer depends only on `x`'s type. The
//! guard pins that type: an inline tag (int, float, bool, None), an object
//! kind that is one builtin type (builtin types cannot be subclassed as
//! such: a subclass's instances are instances), or an instance's layout map
//! (a map belongs to one class; `obj.__class__ = C` moves the instance to
//! a map of `C`).
//! The branch on the result then needs no guard of its own. A spec whose
//! check raises (an item that is not a class) keeps the generic call.

use crate::ir::*;
use crate::recorder::Recorder;
use runtime::object::*;
use runtime::value::{TAG_BOOL, TAG_INT, TAG_PTR};
use runtime::{Runtime, Value};

/// `isinstance(x, spec)` with the builtin in slot `func` and its two
/// arguments after it (this iteration `x` and `spec`): the constant answer
/// behind guards on the function, `spec`'s identity and `x`'s type. None
/// when the call is not like that.
pub(crate) fn call_isinstance(
    r: &mut Recorder,
    rt: &Runtime,
    f: Value,
    (x, spec): (Value, Value),
    func: u16,
    pc: u32,
) -> Option<Ref> {
    if !crate::record_typed::is_builtin_function(rt, r.builtins, f, "isinstance") {
        return None;
    }
    let answer = runtime::builtins::isinstance_of_spec(rt, x, spec)?;
    let s = r.load(func + 2);
    // A tuple the trace builds from constants (`(int, float)`) has the
    // same items every time.
    let spec_is_const = matches!(r.insts[s as usize].op, Opcode::Const(c) if c == spec)
        || r.const_tuples.get(&s).is_some_and(|items| {
            downcast::<TupleObj>(spec).is_some_and(|t| t.items[..] == items[..])
        });
    // A class is immutable as far as `isinstance` sees; another tuple may
    // change items: only constant ones fold.
    if !spec_is_const && !is_kind(spec, ObjKind::Class) {
        return None;
    }
    let xr = r.load(func + 1);
    if !exact_type_guard(r, x, xr, pc) {
        return None;
    }
    let fr = r.load(func);
    r.guard(Opcode::GuardEq(fr, f.to_bits()), pc);
    if !spec_is_const {
        r.guard(Opcode::GuardEq(s, spec.to_bits()), pc);
    }
    Some(r.konst(Value::from_bool(answer)))
}

/// Guards that `v` (this iteration `x`) keeps `x`'s exact type; false (and
/// no guard) for values whose type a guard here cannot pin (sets, which
/// share their kind with frozensets, iterators, dict views).
pub(crate) fn exact_type_guard(r: &mut Recorder, x: Value, v: Ref, pc: u32) -> bool {
    if x.is_int() {
        r.guard(Opcode::GuardTag(v, TAG_INT), pc);
    } else if x.is_float() {
        r.guard(Opcode::GuardFloat(v), pc);
    } else if x.is_bool() {
        r.guard(Opcode::GuardTag(v, TAG_BOOL), pc);
    } else if x.is_none() {
        r.guard(Opcode::GuardEq(v, Value::NONE.to_bits()), pc);
    } else if let Some(inst) = downcast::<InstanceObj>(x) {
        crate::record_op::guard_instance(r, v, inst.map, inst.class, pc);
    } else {
        let Some(kind) = kind_of(x).filter(|&k| one_type(k)) else {
            return false;
        };
        r.guard(Opcode::GuardTag(v, TAG_PTR), pc);
        r.guard(Opcode::GuardKind(v, kind as u8), pc);
    }
    true
}

/// Is every object of `kind` of one builtin type (`Runtime::type_of`
/// answers by the kind alone)?
fn one_type(kind: ObjKind) -> bool {
    !matches!(
        kind,
        ObjKind::Instance | ObjKind::Set | ObjKind::Iter | ObjKind::DictView
    )
}

/// The constant items of the `count` slots from `start` (a tuple about to
/// be built), when the trace holds a constant in each of them.
pub(crate) fn constant_items(r: &mut Recorder, start: u16, count: u16) -> Option<Vec<Value>> {
    (0..count)
        .map(|i| {
            let slot = r.rel(start + i);
            let v = *r.slot_values.get(&slot)?;
            match r.insts[v as usize].op {
                Opcode::Const(c) => Some(c),
                _ => None,
            }
        })
        .collect()
}
