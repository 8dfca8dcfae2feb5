//! Typed fast paths for the builtin container and text types: `d[k]`,
//! `d[k] = v`, `k in d`, `d.get`, `d.setdefault`, `s[i]`, `t in s`,
//! `len(x)`, `ord(c)`, `lst.append(x)` and a builtin iterator's step
//! become guards on the receiver's kind (builtin types cannot be
//! subclassed, so the kind is the exact type) and on the key's type, then a
//! direct helper call or a field load, instead of the generic runtime call
//! that dispatches on every type.
//!
//! Dict keys must be inline ints or strs: hashing and comparing those runs no
//! Python code, so the helpers declare none and the optimizer may keep facts
//! across them. A lookup that meets a stored key of another type with the
//! same hash (a float, an instance with a user `__eq__`) cannot be decided
//! that way: the helper changes nothing and returns a marker, and a guard
//! leaves the trace so the interpreter runs the instruction. The recorder
//! checks the fast path on this iteration's values first, so a trace (or a
//! bridge from such an exit) only uses it where it succeeds.

use crate::helpers::{Helper, ITER_UNDECIDED, NO_BOUND};
use crate::ir::*;
use crate::record_arith::{box_bool, box_int, unbox_int};
use crate::record_builtin::guard_callee;
use crate::recorder::Recorder;
use crate::snapshot::ExitKind;
use frontend::bytecode::Op;
use runtime::object::*;
use runtime::value::{TAG_INT, TAG_PTR};
use runtime::{dict_type, Runtime, Value};

// ---- guards and calls

/// Guards that `v` is an object of `kind` (an exact builtin type).
pub(crate) fn guard_kind(r: &mut Recorder, v: Ref, kind: ObjKind, pc: u32) {
    r.guard(Opcode::GuardTag(v, TAG_PTR), pc);
    r.guard(Opcode::GuardKind(v, kind as u8), pc);
}

/// Guards that dict key `k` (this iteration: `key`) is an inline int or a
/// str, whose hashing and comparing run no Python code; false (and no
/// guard) for any other key.
fn guard_plain_key(r: &mut Recorder, key: Value, k: Ref, pc: u32) -> bool {
    if key.is_int() {
        if !r.int_of.contains_key(&k) {
            r.guard(Opcode::GuardTag(k, TAG_INT), pc);
        }
        true
    } else if is_kind(key, ObjKind::Str) {
        guard_kind(r, k, ObjKind::Str, pc);
        true
    } else {
        false
    }
}

/// Calls a typed helper. Unlike [`Recorder::call`] it keeps the layout and
/// version guards: these helpers run no Python code, even when they raise.
pub(crate) fn typed_call(r: &mut Recorder, h: Helper, args: Vec<Ref>, pc: u32, ty: Type) -> Ref {
    let snap = h.may_raise().then(|| r.snapshot(pc, ExitKind::Exception));
    r.push(Opcode::Call(h, args.into()), ty, snap)
}

/// A typed helper returning a value, or EMPTY when only the interpreter can
/// decide: then the trace leaves and the interpreter re-runs the instruction.
fn call_or_leave(r: &mut Recorder, h: Helper, args: Vec<Ref>, pc: u32) -> Ref {
    let out = typed_call(r, h, args, pc, Type::Val);
    r.guard(Opcode::GuardNe(out, Value::EMPTY.to_bits()), pc);
    out
}

/// A boxed bool from a machine bool, negated for `not in`.
fn boxed_truth(r: &mut Recorder, b: Ref, negate: bool) -> Ref {
    let b = if negate {
        r.emit(Opcode::BoolNot(b), Type::Bool)
    } else {
        b
    };
    box_bool(r, b)
}

// ---- subscripts and membership

/// `obj[key]` for a dict with a plain key or a str with an int index;
/// None when this iteration's operands are not like that.
pub(crate) fn getitem(
    r: &mut Recorder,
    obj: Value,
    key: Value,
    o: Ref,
    k: Ref,
    pc: u32,
) -> Option<Ref> {
    match kind_of(obj) {
        Some(ObjKind::Dict) if dict_type::lookup_plain(obj, key).is_some() => {
            guard_kind(r, o, ObjKind::Dict, pc);
            guard_plain_key(r, key, k, pc);
            Some(call_or_leave(r, Helper::DictGetItem, vec![o, k], pc))
        }
        Some(ObjKind::Str) if key.is_int() => {
            guard_kind(r, o, ObjKind::Str, pc);
            let i = unbox_int(r, k, pc);
            Some(typed_call(r, Helper::StrGetItem, vec![o, i], pc, Type::Val))
        }
        _ => None,
    }
}

/// `obj[key] = value` for a dict with a plain key; false when this
/// iteration's operands are not like that.
pub(crate) fn setitem(
    r: &mut Recorder,
    obj: Value,
    key: Value,
    (o, k, v): (Ref, Ref, Ref),
    pc: u32,
) -> bool {
    if !is_kind(obj, ObjKind::Dict) || dict_type::lookup_plain(obj, key).is_none() {
        return false;
    }
    guard_kind(r, o, ObjKind::Dict, pc);
    guard_plain_key(r, key, k, pc);
    let stored = typed_call(r, Helper::DictSetItem, vec![o, k, v], pc, Type::Bool);
    r.guard(Opcode::GuardTrue(stored), pc);
    true
}

/// `item in container` (`not in` when `negate`) for a dict with a plain key
/// or two strs; None when this iteration's operands are not like that.
/// `item_temp` is the item's slot (relative to the loop frame) when it is
/// a temporary, which nothing reads after this instruction.
pub(crate) fn contains(
    r: &mut Recorder,
    (container, item): (Value, Value),
    (c, i): (Ref, Ref),
    item_temp: Option<i32>,
    negate: bool,
    pc: u32,
) -> Option<Ref> {
    match kind_of(container) {
        Some(ObjKind::Dict) if dict_type::lookup_plain(container, item).is_some() => {
            guard_kind(r, c, ObjKind::Dict, pc);
            guard_plain_key(r, item, i, pc);
            let found = call_or_leave(r, Helper::DictContains, vec![c, i], pc);
            let t = r.konst(Value::TRUE);
            let b = r.emit(Opcode::SameValue(found, t), Type::Bool);
            Some(boxed_truth(r, b, negate))
        }
        Some(ObjKind::Str) if is_kind(item, ObjKind::Str) => {
            if let Some(b) = crate::record_str_char::in_const(r, (c, i), item_temp, pc) {
                return Some(boxed_truth(r, b, negate));
            }
            guard_kind(r, c, ObjKind::Str, pc);
            guard_kind(r, i, ObjKind::Str, pc);
            let b = typed_call(r, Helper::StrContains, vec![c, i], pc, Type::Bool);
            Some(boxed_truth(r, b, negate))
        }
        _ => None,
    }
}

/// `obj[start:stop]` of a str or list, or `obj[start:stop:step]` of a str,
/// list or tuple, where the slice is the one the instruction before
/// (`BuildSlice` at `pc - 1`, into slot `key`) built from int or None
/// bounds and no step or a non-zero int step (guarded to stay that
/// constant): the bounds go to the helper directly and the slice object is
/// never made (its instruction becomes a None constant; the slot holding it
/// is a dead temporary). Guards resume at the `BuildSlice`, which the
/// interpreter then runs again. None when the subscript is not like that.
pub(crate) fn getitem_slice(
    r: &mut Recorder,
    (ops, stack_at): (&[Op], &dyn Fn(u16) -> Value),
    (obj, o): (Value, Ref),
    (key, k): (u16, Ref),
    pc: u32,
) -> Option<Ref> {
    let slice_pc = pc.checked_sub(1)?;
    let Op::BuildSlice { dst, start } = *ops.get(slice_pc as usize)? else {
        return None;
    };
    let built_here = matches!(
        r.insts.get(k as usize),
        Some(Inst {
            op: Opcode::Call(Helper::BuildSlice, _),
            ..
        })
    );
    // Only the slot store of the slice may use it so far.
    let uses = r.insts[k as usize + 1..]
        .iter()
        .filter(|i| i.op.refs().contains(&k))
        .count();
    let plain = |v: Value| v.is_int() || v.is_none() || v.is_empty();
    let step = stack_at(start + 2);
    let stepped = step.is_int() && step.as_int() != 0;
    let helper = match (kind_of(obj), stepped) {
        (Some(ObjKind::Str), false) => Helper::StrSlice,
        (Some(ObjKind::List), false) => Helper::ListSlice,
        (Some(ObjKind::Str | ObjKind::List | ObjKind::Tuple), true) => Helper::SliceStep,
        _ => return None,
    };
    if dst != key
        || !built_here
        || uses > 1
        || !(plain(stack_at(start)) && plain(stack_at(start + 1)))
        || !(stepped || step.is_none() || step.is_empty())
    {
        return None;
    }
    let bound = |r: &mut Recorder, slot: u16| {
        let part = r.load(slot);
        if stack_at(slot).is_int() {
            unbox_int(r, part, slice_pc)
        } else {
            r.guard(Opcode::GuardEq(part, stack_at(slot).to_bits()), slice_pc);
            r.kint(NO_BOUND)
        }
    };
    let (from, to) = (bound(r, start), bound(r, start + 1));
    let step_ref = r.load(start + 2);
    r.guard(Opcode::GuardEq(step_ref, step.to_bits()), slice_pc);
    let kind = kind_of(obj)?;
    guard_kind(r, o, kind, slice_pc);
    r.insts[k as usize].op = Opcode::Const(Value::NONE);
    if helper != Helper::SliceStep {
        return Some(typed_call(r, helper, vec![o, from, to], pc, Type::Val));
    }
    let step = r.kint(step.as_int());
    let out = typed_call(r, helper, vec![o, from, to, step], pc, Type::Val);
    // Never taken (the kind and step are guarded), but an EMPTY must not
    // reach a slot.
    r.guard(Opcode::GuardNe(out, Value::EMPTY.to_bits()), slice_pc);
    Some(out)
}

/// `a == b` (`!=` when `negate`) for two strs; None when this iteration's
/// operands are not both strs.
pub(crate) fn str_equal(
    r: &mut Recorder,
    (x, y): (Value, Value),
    (a, b): (Ref, Ref),
    negate: bool,
    pc: u32,
) -> Option<Ref> {
    if !(is_kind(x, ObjKind::Str) && is_kind(y, ObjKind::Str)) {
        return None;
    }
    if let Some(eq) = crate::record_str_char::equal_const(r, (a, b), pc) {
        return Some(boxed_truth(r, eq, negate));
    }
    guard_kind(r, a, ObjKind::Str, pc);
    guard_kind(r, b, ObjKind::Str, pc);
    let eq = typed_call(r, Helper::StrEq, vec![a, b], pc, Type::Bool);
    Some(boxed_truth(r, eq, negate))
}

/// Sets and frozensets share their kind: before a method of one is folded
/// to a constant, guard which one `o` is, unless both types resolve `name`
/// to the same function.
pub(crate) fn guard_set_or_frozenset(
    r: &mut Recorder,
    rt: &Runtime,
    obj: Value,
    o: Ref,
    name: Value,
    pc: u32,
) {
    let Some(set) = downcast::<SetObj>(obj) else {
        return;
    };
    let types = &rt.types;
    if rt.lookup_in_class(types.set, name) == rt.lookup_in_class(types.frozenset, name) {
        return;
    }
    // The flag is read inline, not through a helper call: it is one byte,
    // so the padding read with it is masked off.
    let word = r.emit(
        Opcode::LoadField(o, crate::layout::set_frozen_offset()),
        Type::Int,
    );
    let byte_mask = r.kint(0xff);
    let frozen = r.emit(Opcode::Int(IntOp::And, word, byte_mask), Type::Int);
    let guard = if set.frozen {
        Opcode::GuardNe(frozen, 0)
    } else {
        Opcode::GuardEq(frozen, 0)
    };
    r.guard(guard, pc);
}

// ---- iteration

/// `ForIter` over a builtin iterator of a str's characters, a sequence
/// (not a `for` loop's own list iterator, which `record_iter` inlines) or
/// a dict, dict view or set: the iterator's state variant is guarded and
/// [`Helper::SeqIterNext`] steps it (a dict or set that changed size
/// leaves the trace at the `ForIter`: the interpreter raises). False when
/// the iterator in slot `iter` is not like that.
pub(crate) fn for_iter(r: &mut Recorder, it: Value, iter: u16, exit: u32, pc: u32) -> bool {
    let Some(io) = downcast::<IterObj>(it) else {
        return false;
    };
    let over_dict = match &io.state {
        IterState::Seq { .. } | IterState::StrChars { .. } => false,
        IterState::Dict { .. } => true,
        _ => return false,
    };
    let tag = crate::layout::iter_tag(&io.state);
    let v = r.load(iter);
    guard_kind(r, v, ObjKind::Iter, pc);
    let t = r.emit(
        Opcode::LoadField(v, crate::layout::iter_tag_offset()),
        Type::Word,
    );
    r.guard(Opcode::GuardEq(t, tag), pc);
    // A `Seq` over a str (this time) takes the str step, which still
    // handles a list or tuple.
    let over_str = matches!(&io.state, IterState::Seq { seq, .. } if is_kind(*seq, ObjKind::Str));
    let h = if over_str {
        Helper::StrIterNext
    } else {
        Helper::SeqIterNext
    };
    let next = typed_call(r, h, vec![v], pc, Type::Val);
    if over_dict {
        r.guard(Opcode::GuardNe(next, ITER_UNDECIDED), pc);
    }
    let snap = r.snapshot(exit, ExitKind::LoopDone);
    r.push(
        Opcode::GuardNe(next, Value::EMPTY.to_bits()),
        Type::Void,
        Some(snap),
    );
    r.store(iter + 1, next);
    true
}

// ---- builtin functions and methods

/// Is `f` the builtin function `name` of the builtins module?
pub(crate) fn is_builtin_function(rt: &Runtime, builtins: Value, f: Value, name: &str) -> bool {
    let Some(b) = downcast::<BuiltinObj>(f) else {
        return false;
    };
    b.name == name
        && rt
            .interner
            .get(name)
            .and_then(|n| runtime::runtime::module_get(builtins, n))
            == Some(f)
}

/// Is `f` the method `name` of builtin class `cls`?
fn is_method(rt: &Runtime, f: Value, cls: *mut ClassObj, name: &str) -> bool {
    downcast::<BuiltinObj>(f).is_some_and(|b| b.name == name && b.bound.is_empty())
        && rt
            .interner
            .get(name)
            .and_then(|n| rt.lookup_in_class(cls, n))
            == Some(f)
}

/// `f(arg)` for the builtins `len` (of a str, list or tuple), `ord` (of a
/// str of one character), `chr` and `str` (of an int or float), with `f` in slot
/// `func` and its argument after it; None when the call is not one of those.
pub(crate) fn call_function(
    r: &mut Recorder,
    rt: &Runtime,
    (f, arg): (Value, Value),
    func: u16,
    pc: u32,
) -> Option<Ref> {
    if arg.is_int() {
        return int_to_str(r, rt, f, func, pc);
    }
    if arg.is_float() {
        return float_to_str(r, rt, f, func, pc);
    }
    if is_kind(arg, ObjKind::Str) && f.is_ptr() && f.as_ptr::<ClassObj>() == rt.types.int {
        return Some(str_to_int(r, f, func, pc));
    }
    let is = |name| is_builtin_function(rt, r.builtins, f, name);
    let len_kind = kind_of(arg)
        .filter(|k| matches!(k, ObjKind::Str | ObjKind::List | ObjKind::Tuple) && is("len"));
    let ord = len_kind.is_none() && is_kind(arg, ObjKind::Str) && is("ord");
    if len_kind.is_none() && !(ord && runtime::str_type::ord_of(arg).is_some()) {
        return None;
    }
    let fr = r.load(func);
    r.guard(Opcode::GuardEq(fr, f.to_bits()), pc);
    let a = r.load(func + 1);
    let n = match len_kind {
        Some(kind) => {
            guard_kind(r, a, kind, pc);
            match kind {
                ObjKind::List => r.emit(Opcode::ListLen(a), Type::Int),
                ObjKind::Tuple => r.emit(Opcode::TupleLen(a), Type::Int),
                _ => {
                    let off = std::mem::offset_of!(StrObj, char_len) as i32;
                    r.emit(Opcode::LoadField(a, off), Type::Int)
                }
            }
        }
        None => {
            guard_kind(r, a, ObjKind::Str, pc);
            let code = typed_call(r, Helper::StrOrd, vec![a], pc, Type::Int);
            let zero = r.kint(0);
            let one_char = r.emit(Opcode::IntCmp(Cond::Ge, code, zero), Type::Bool);
            r.guard(Opcode::GuardTrue(one_char), pc);
            code
        }
    };
    Some(box_int(r, n, pc))
}

/// `int(s)` of a str `s`: `int_of_str`, leaving for the interpreter (which
/// raises ValueError) when `s` is not an int's text.
fn str_to_int(r: &mut Recorder, f: Value, func: u16, pc: u32) -> Ref {
    let fr = r.load(func);
    r.guard(Opcode::GuardEq(fr, f.to_bits()), pc);
    let a = r.load(func + 1);
    guard_kind(r, a, ObjKind::Str, pc);
    call_or_leave(r, Helper::IntOfStr, vec![a], pc)
}

/// `s.find(sub)` or `s.find(sub, start)` of a str `sub` and an int
/// `start`: `str_find`, which runs no code and allocates nothing (the
/// generic call would end every optimizer fact); None for other calls.
fn str_find(
    r: &mut Recorder,
    rt: &Runtime,
    f: Value,
    args: &[Value],
    func: u16,
    pc: u32,
) -> Option<Ref> {
    let plain = match args {
        [sub] => is_kind(*sub, ObjKind::Str),
        [sub, start] => is_kind(*sub, ObjKind::Str) && start.is_int(),
        _ => false,
    };
    if !plain || !is_method(rt, f, rt.types.str, "find") {
        return None;
    }
    let fr = r.load(func);
    r.guard(Opcode::GuardEq(fr, f.to_bits()), pc);
    let s = r.load(func + 1);
    guard_kind(r, s, ObjKind::Str, pc);
    let sub = r.load(func + 2);
    guard_kind(r, sub, ObjKind::Str, pc);
    let start = if args.len() == 2 {
        let b = r.load(func + 3);
        unbox_int(r, b, pc)
    } else {
        r.kint(NO_BOUND)
    };
    let at = typed_call(r, Helper::StrFind, vec![s, sub, start], pc, Type::Int);
    Some(box_int(r, at, pc))
}

/// `s.name(args)` for one of the str methods `runtime::str_fast` runs by
/// number (`split`, `join`, `replace`, `upper`, `strip`, `startswith`,
/// ...) with arguments of the plain types this iteration: [`Helper::StrMethod`],
/// which binds no arguments and runs no code, leaving for the interpreter
/// (which raises or runs the general case) when an argument's type
/// changes. None for other calls.
fn str_method(
    r: &mut Recorder,
    rt: &Runtime,
    f: Value,
    args: &[Value],
    func: u16,
    pc: u32,
) -> Option<Ref> {
    use runtime::str_fast::{plain_args, PLAIN_METHODS};
    let method = PLAIN_METHODS
        .iter()
        .position(|name| is_method(rt, f, rt.types.str, name))?;
    if !plain_args(method, args) {
        return None;
    }
    let fr = r.load(func);
    r.guard(Opcode::GuardEq(fr, f.to_bits()), pc);
    let s = r.load(func + 1);
    guard_kind(r, s, ObjKind::Str, pc);
    let mut operands = vec![r.kint(method as i64), s];
    for i in 0..2 {
        let arg = if i < args.len() {
            r.load(func + 2 + i as u16)
        } else {
            r.konst(Value::EMPTY)
        };
        operands.push(arg);
    }
    Some(call_or_leave(r, Helper::StrMethod, operands, pc))
}

/// `lst.pop()` or `lst.pop(i)` of an inline int `i` that succeeds this
/// iteration: [`Helper::ListPop`], which runs no code (the generic call
/// would end every optimizer fact), leaving for the interpreter (which
/// raises) when the list is empty or `i` out of range. None otherwise.
fn list_pop(
    r: &mut Recorder,
    (f, list): (Value, Value),
    args: &[Value],
    func: u16,
    pc: u32,
) -> Option<Ref> {
    let index = match args {
        [] => -1,
        [i] if i.is_int() => i.as_int(),
        _ => return None,
    };
    let len = downcast::<ListObj>(list)?.items.len();
    runtime::subscript::norm_index(index, len)?;
    let fr = r.load(func);
    r.guard(Opcode::GuardEq(fr, f.to_bits()), pc);
    let o = r.load(func + 1);
    guard_kind(r, o, ObjKind::List, pc);
    let i = if args.is_empty() {
        r.kint(-1)
    } else {
        let b = r.load(func + 2);
        unbox_int(r, b, pc)
    };
    Some(call_or_leave(r, Helper::ListPop, vec![o, i], pc))
}

/// `chr(i)` (in range) and `str(i)` of an int `i`.
fn int_to_str(r: &mut Recorder, rt: &Runtime, f: Value, func: u16, pc: u32) -> Option<Ref> {
    let is_str_class = f.is_ptr() && f.as_ptr::<ClassObj>() == rt.types.str;
    let helper = if is_str_class {
        Helper::StrOfInt
    } else if is_builtin_function(rt, r.builtins, f, "chr") {
        Helper::StrChr
    } else {
        return None;
    };
    guard_callee(r, f, func, pc);
    let a = r.load(func + 1);
    let i = unbox_int(r, a, pc);
    Some(if helper == Helper::StrChr {
        call_or_leave(r, helper, vec![i], pc)
    } else {
        typed_call(r, helper, vec![i], pc, Type::Val)
    })
}

/// `str(x)` of a float `x`: [`Helper::StrOfFloat`] on the boxed float
/// (its bits are the double). None for another function.
fn float_to_str(r: &mut Recorder, rt: &Runtime, f: Value, func: u16, pc: u32) -> Option<Ref> {
    if !(f.is_ptr() && f.as_ptr::<ClassObj>() == rt.types.str) {
        return None;
    }
    guard_callee(r, f, func, pc);
    let a = r.load(func + 1);
    if !r.float_of.contains_key(&a) {
        r.guard(Opcode::GuardFloat(a), pc);
    }
    Some(typed_call(r, Helper::StrOfFloat, vec![a], pc, Type::Val))
}

/// `recv.name(args)` for `dict.get`, `dict.setdefault` (plain keys),
/// `list.append`, `list.pop`, `set.add`, `str.find` (of a str, from an int position)
/// and the str methods of [`str_method`], with the method in slot `func`, the receiver after it and
/// the arguments after that; None when the call is not one of those.
pub(crate) fn call_method(
    r: &mut Recorder,
    rt: &Runtime,
    (f, recv): (Value, Value),
    args: &[Value],
    func: u16,
    pc: u32,
) -> Option<Ref> {
    if is_kind(recv, ObjKind::Str) {
        return str_find(r, rt, f, args, func, pc).or_else(|| str_method(r, rt, f, args, func, pc));
    }
    if is_kind(recv, ObjKind::List) && is_method(rt, f, rt.types.list, "pop") {
        return list_pop(r, (f, recv), args, func, pc);
    }
    let helper = match (kind_of(recv), args) {
        (Some(ObjKind::Dict), [key, ..]) if args.len() <= 2 => {
            let dict = rt.types.dict;
            let h = if is_method(rt, f, dict, "get") {
                Helper::DictGet
            } else if is_method(rt, f, dict, "setdefault") {
                Helper::DictSetDefault
            } else {
                return None;
            };
            dict_type::lookup_plain(recv, *key)?;
            h
        }
        (Some(ObjKind::List), [_]) if is_method(rt, f, rt.types.list, "append") => {
            Helper::ListAppend
        }
        (Some(ObjKind::Set), [_]) if is_method(rt, f, rt.types.set, "add") => Helper::SetAddMethod,
        _ => return None,
    };
    let fr = r.load(func);
    r.guard(Opcode::GuardEq(fr, f.to_bits()), pc);
    let o = r.load(func + 1);
    if helper == Helper::ListAppend {
        guard_kind(r, o, ObjKind::List, pc);
        let x = r.load(func + 2);
        typed_call(r, Helper::ListAppend, vec![o, x], pc, Type::Void);
        return Some(r.konst(Value::NONE));
    }
    if helper == Helper::SetAddMethod {
        // Frozensets share the kind: the helper refuses them.
        guard_kind(r, o, ObjKind::Set, pc);
        let x = r.load(func + 2);
        let added = r.call(Helper::SetAddMethod, vec![o, x], pc, Type::Bool);
        r.guard(Opcode::GuardTrue(added), pc);
        return Some(r.konst(Value::NONE));
    }
    guard_kind(r, o, ObjKind::Dict, pc);
    let k = r.load(func + 2);
    guard_plain_key(r, args[0], k, pc);
    let default = if args.len() == 2 {
        r.load(func + 3)
    } else {
        r.konst(Value::NONE)
    };
    Some(call_or_leave(r, helper, vec![o, k, default], pc))
}
