//! Recording calls: which Python functions and `__init__`s are inlined,
//! which builtins are called directly, and entering an inlined frame.

use crate::elidable;
use crate::recorder::{code_of, FrameView, RecFrame, Recorder, MAX_INLINE_DEPTH};
use frontend::bytecode::{CodeKind, Op};
use runtime::object::*;
use runtime::{Runtime, Value};

/// Can a call of `f` with `argc` positional arguments be inlined?
pub(crate) fn inlinable(r: &Recorder, f: Value, argc: usize) -> bool {
    let Some(func) = downcast::<FunctionObj>(f) else {
        return false;
    };
    let callee = code_of(func.code);
    let c = &callee.code;
    c.kind == CodeKind::Function
        && c.argcount as usize == argc
        && c.kwonlycount == 0
        && !c.has_varargs
        && !c.has_varkw
        && c.cell_slots.is_empty()
        // Zero-argument super() reads its caller's interpreter frame.
        && !c.free_names.iter().any(|n| n == "__class__")
        && r.frames.len() <= MAX_INLINE_DEPTH
        && (!r.frames.iter().any(|fr| fr.code == func.code) || r.inlines_own_recursion(func.code))
        && !has_compiled_loop(callee)
}

/// Does `code` hold a loop that has a compiled trace? The interpreter runs
/// such a loop's trace at its back-edge even inside a recording, so an
/// inlined copy could not be followed (the recording would leave its path
/// and abort); the call goes through a helper instead, and the loop runs
/// compiled there.
pub(crate) fn has_compiled_loop(code: &CodeObj) -> bool {
    code.code
        .ops
        .iter()
        .zip(code.ic.iter())
        .any(|(op, cell)| matches!(op, Op::JumpBack { .. }) && cell.get()[1] != 0)
}

/// Can `f` be called as a builtin with `argc` positional arguments through
/// [`Helper::CallBuiltin`]?
pub(crate) fn builtin_callable(f: Value, argc: usize) -> bool {
    downcast::<BuiltinObj>(f).is_some_and(|b| argc + (!b.bound.is_empty()) as usize <= 8)
}

/// For a method call on an object of a builtin type (list, dict, str, ...):
/// its kind, its class and the unbound builtin the name resolves to.
pub(crate) fn builtin_method(
    rt: &Runtime,
    obj: Value,
    name: Value,
) -> Option<(ObjKind, *mut ClassObj, Value)> {
    let kind = kind_of(obj)?;
    if matches!(
        kind,
        ObjKind::Instance | ObjKind::Class | ObjKind::Module | ObjKind::Super | ObjKind::Function
    ) {
        return None;
    }
    let cls = rt.type_of(obj);
    let f = rt.lookup_in_class(cls, name)?;
    let unbound = downcast::<BuiltinObj>(f).is_some_and(|b| b.bound.is_empty());
    unbound.then_some((kind, cls, f))
}

/// The `__init__` to inline for `cls(argc arguments)` when instantiating is
/// plain: a user class with the default `__new__`, no abstract methods, not
/// an exception, and an inlinable `__init__` that never rebinds `self`.
/// Constant behind the class's version guard.
pub(crate) fn plain_init(rt: &Runtime, r: &Recorder, f: Value, argc: usize) -> Option<Value> {
    let cls = downcast::<ClassObj>(f)?;
    if cls.instance_kind.is_some() || cls.is_exception || !cls.abstract_methods.is_empty() {
        return None;
    }
    let cls_ptr: *mut ClassObj = f.as_ptr();
    let new_name = rt.names.new;
    if rt.lookup_in_class(cls_ptr, new_name) != rt.lookup_in_class(rt.types.object, new_name) {
        return None;
    }
    let init = rt.lookup_in_class(cls_ptr, rt.names.init)?;
    if !inlinable(r, init, argc + 1) {
        return None;
    }
    let code = &code_of(elidable::function(init).code).code;
    let rebinds_self = code.ops.iter().any(|op| {
        let text = format!("{op:?}");
        text.contains("dst: 0,") || text.contains("dst: 0 }") || text.contains("slot: 0")
    });
    (!rebinds_self).then_some(init)
}

/// Enters the callee: its frame starts at `args_at` (relative to the
/// caller's frame); locals past the arguments start unbound.
pub(crate) fn inline_call(
    r: &mut Recorder,
    view: &FrameView,
    f: Value,
    func_slot: u16,
    args_at: u16,
    argc: usize,
    pc: u32,
) {
    let func = elidable::function(f);
    let callee = code_of(func.code);
    let caller_base = r.frames.last().expect("a frame").base;
    let base = caller_base + args_at as i32;
    let ret_slot = caller_base + func_slot as i32;
    r.roots.extend([f, func.code, func.module]);
    let nslots = callee.code.nslots as usize;
    if argc < nslots {
        let empty = r.konst(Value::EMPTY);
        for s in argc..nslots {
            r.store_rel(base + s as i32, empty);
        }
    }
    for (i, &slot) in callee.code.free_slots.iter().enumerate() {
        let cell = r.konst(func.closure[i]);
        r.store_rel(base + slot as i32, cell);
    }
    r.frames.push(RecFrame {
        code: func.code,
        func: f,
        module: func.module,
        base,
        ret_slot,
        return_pc: pc + 1,
        init_self: None,
        generator: None,
    });
    // A store to a global the callee makes is checked where it is recorded
    // (`record_global::store_global`); only a `del` unfolds the module.
    crate::record_global::note_global_writes(r, None, (func.code, func.module), 1, 0);
    r.extent = r.extent.max(base + nslots as i32);
    r.max_inline = r.max_inline.max(r.frames.len() - 1);
    r.expect = Some((view.depth + 1, 0));
}
