//! Iteration: `iter(v)` and `next(it)` for builtin containers, builtin
//! iterators, generators and user classes with `__iter__`/`__next__`.

use crate::object::*;
use crate::protocol::{call_dunder, seq_items};
use crate::value::Value;
use crate::{PyErr, PyResult, Runtime, Vm};

/// Wraps an iterator state in a heap object.
pub fn new_iter(vm: &mut dyn Vm, state: IterState) -> Value {
    let p = vm.rt().heap.alloc_with(|| IterObj {
        header: Header::new(ObjKind::Iter),
        state,
    });
    Value::from_ptr(p)
}

/// `iter(v)` for the `GetIter` instruction (`for` loops, comprehensions,
/// `yield from`), whose iterator Python code never sees: lists and tuples
/// get a [`IterState::LoopSeq`], which compiled loops step inline.
pub fn get_loop_iter(vm: &mut dyn Vm, v: Value) -> PyResult<Value> {
    match kind_of(v) {
        Some(ObjKind::List) | Some(ObjKind::Tuple) => {
            // The state built after `vm.rt()` (a virtual call), in the
            // object's block: built before, it would cross the call on the
            // stack and be copied (see `Heap::alloc_with`).
            let heap = &mut vm.rt().heap;
            let p = heap.alloc_with(|| IterObj {
                header: Header::new(ObjKind::Iter),
                state: IterState::LoopSeq { seq: v, index: 0 },
            });
            Ok(Value::from_ptr(p))
        }
        _ => get_iter(vm, v),
    }
}

/// `iter(v)`.
pub fn get_iter(vm: &mut dyn Vm, v: Value) -> PyResult<Value> {
    let state = match kind_of(v) {
        Some(ObjKind::List) | Some(ObjKind::Tuple) => IterState::Seq { seq: v, index: 0 },
        Some(ObjKind::Str) => {
            if downcast::<StrObj>(v).unwrap().is_ascii() {
                IterState::Seq { seq: v, index: 0 }
            } else {
                IterState::StrChars { s: v, byte: 0 }
            }
        }
        Some(ObjKind::Range) => {
            let r = downcast::<RangeObj>(v).unwrap();
            IterState::Range {
                next: r.start,
                stop: r.stop,
                step: r.step,
            }
        }
        Some(ObjKind::Dict) => {
            let len = downcast::<DictObj>(v).unwrap().table.len();
            IterState::Dict {
                dict: v,
                pos: 0,
                len_at_start: len,
                part: DictPart::Keys,
            }
        }
        Some(ObjKind::Set) => {
            let len = downcast::<SetObj>(v).unwrap().table.len();
            IterState::Dict {
                dict: v,
                pos: 0,
                len_at_start: len,
                part: DictPart::Keys,
            }
        }
        Some(ObjKind::DictView) => {
            let view = downcast::<DictViewObj>(v).unwrap();
            let (dict, part) = (view.dict, view.part);
            let len = downcast::<DictObj>(dict).unwrap().table.len();
            IterState::Dict {
                dict,
                pos: 0,
                len_at_start: len,
                part,
            }
        }
        Some(ObjKind::Iter) | Some(ObjKind::Generator) => return Ok(v),
        Some(ObjKind::Instance) => {
            let name = vm.rt().names.iter;
            if let Some(it) = call_dunder(vm, v, name, &[])? {
                let next_name = vm.rt().names.next;
                let cls = vm.rt().type_of(it);
                let ok = matches!(kind_of(it), Some(ObjKind::Iter) | Some(ObjKind::Generator))
                    || vm.rt().lookup_in_class(cls, next_name).is_some();
                if !ok {
                    let tn = vm.rt().type_name(it);
                    return Err(vm
                        .rt()
                        .type_error(format!("iter() returned non-iterator of type '{tn}'")));
                }
                return Ok(it);
            }
            let getitem = vm.rt().names.getitem;
            let cls = vm.rt().type_of(v);
            if vm.rt().lookup_in_class(cls, getitem).is_some() {
                // The old sequence protocol: v[0], v[1], ... until IndexError.
                let f = crate::attr::getattr(vm, v, getitem)?;
                return Ok(new_iter(vm, IterState::GetItem { func: f, index: 0 }));
            }
            return not_iterable(vm, v);
        }
        // `for member in SomeEnum` (enum classes are the only iterable classes).
        Some(ObjKind::Class) => match crate::stdlib_enum::class_members(vm, v) {
            Some(members) => {
                let list = vm.rt().new_list(members);
                IterState::Seq {
                    seq: list,
                    index: 0,
                }
            }
            None => return not_iterable(vm, v),
        },
        _ => return not_iterable(vm, v),
    };
    Ok(new_iter(vm, state))
}

fn not_iterable<T>(vm: &mut dyn Vm, v: Value) -> PyResult<T> {
    let tn = vm.rt().type_name(v);
    Err(vm.rt().type_error(format!("'{tn}' object is not iterable")))
}

/// Is `e` a `StopIteration`?
pub fn is_stop_iteration(vm: &mut dyn Vm, e: PyErr) -> bool {
    let si = vm.rt().exc.stop_iteration;
    vm.rt().isinstance(e.0, si)
}

/// `next(it)`: `Ok(None)` when exhausted.
pub fn next(vm: &mut dyn Vm, it: Value) -> PyResult<Option<Value>> {
    match kind_of(it) {
        Some(ObjKind::Iter) => next_builtin(vm, it),
        Some(ObjKind::Generator) => vm.generator_next(it, Value::NONE),
        Some(ObjKind::Instance) => {
            let name = vm.rt().names.next;
            match call_dunder(vm, it, name, &[]) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) => {
                    let tn = vm.rt().type_name(it);
                    Err(vm
                        .rt()
                        .type_error(format!("'{tn}' object is not an iterator")))
                }
                Err(e) if is_stop_iteration(vm, e) => Ok(None),
                Err(e) => Err(e),
            }
        }
        _ => {
            let tn = vm.rt().type_name(it);
            Err(vm
                .rt()
                .type_error(format!("'{tn}' object is not an iterator")))
        }
    }
}

/// A dict or set changed size while an iterator over it was running.
pub struct SizeChanged;

/// One step of an [`IterState::Dict`] iterator (over a dict, a dict view
/// or a set): the next key, value or `(key, value)` tuple, None when none
/// is left (the caller marks the iterator done), or [`SizeChanged`] (the
/// caller raises). The JIT's typed iterator helper calls it too. Does
/// nothing for other states.
#[inline]
pub fn dict_step(rt: &mut Runtime, state: &mut IterState) -> Result<Option<Value>, SizeChanged> {
    let IterState::Dict {
        dict,
        pos,
        len_at_start,
        part,
    } = state
    else {
        return Ok(None);
    };
    let (len, entry) = match kind_of(*dict) {
        // SAFETY (each arm): the kind says what `dict` is.
        Some(ObjKind::Dict) => {
            let table = unsafe { &cast::<DictObj>(*dict).table };
            (table.len(), table.next_entry(*pos))
        }
        _ => {
            let table = &downcast::<SetObj>(*dict).expect("a dict or set").table;
            (table.len(), table.next_entry(*pos))
        }
    };
    if len != *len_at_start {
        return Err(SizeChanged);
    }
    let Some((next_pos, k, v)) = entry else {
        return Ok(None);
    };
    *pos = next_pos;
    Ok(Some(match part {
        DictPart::Keys => k,
        DictPart::Values => v,
        DictPart::Items => rt.new_tuple(vec![k, v]),
    }))
}

fn next_builtin(vm: &mut dyn Vm, it: Value) -> PyResult<Option<Value>> {
    let obj = downcast::<IterObj>(it).unwrap();
    match &mut obj.state {
        IterState::LoopSeq { seq, index } => {
            let items = seq_items(*seq);
            Ok(items.get(*index).map(|&v| {
                *index += 1;
                v
            }))
        }
        IterState::Seq { seq, index } => {
            let seq = *seq;
            if let Some(s) = downcast::<StrObj>(seq) {
                if *index < s.value.len() {
                    let b = s.value.as_bytes()[*index];
                    *index += 1;
                    let buf = [b];
                    let cs = std::str::from_utf8(&buf).unwrap_or("?");
                    return Ok(Some(vm.rt().intern_char(cs)));
                }
            } else {
                let items = seq_items(seq);
                if *index < items.len() {
                    let v = items[*index];
                    *index += 1;
                    return Ok(Some(v));
                }
            }
            obj.state = IterState::Done;
            Ok(None)
        }
        IterState::StrChars { s, byte } => {
            let text = crate::runtime::str_of(*s);
            match text[*byte..].chars().next() {
                Some(c) => {
                    *byte += c.len_utf8();
                    let mut buf = [0u8; 4];
                    let cs: &str = c.encode_utf8(&mut buf);
                    Ok(Some(vm.rt().intern_char(cs)))
                }
                None => {
                    obj.state = IterState::Done;
                    Ok(None)
                }
            }
        }
        IterState::Range { next, stop, step } => {
            let cur = *next;
            if (*step > 0 && cur < *stop) || (*step < 0 && cur > *stop) {
                *next = cur + *step;
                Ok(Some(vm.rt().int_from_i64(cur)))
            } else {
                Ok(None)
            }
        }
        IterState::Dict { .. } => match dict_step(vm.rt(), &mut obj.state) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => {
                obj.state = IterState::Done;
                Ok(None)
            }
            Err(SizeChanged) => {
                let is_set = matches!(&obj.state,
                    IterState::Dict { dict, .. } if is_kind(*dict, ObjKind::Set));
                let msg = if is_set {
                    "Set changed size during iteration"
                } else {
                    "dictionary changed size during iteration"
                };
                obj.state = IterState::Done;
                Err(vm.rt().runtime_error(msg))
            }
        },
        IterState::Reversed { seq, index } => {
            if *index == 0 {
                obj.state = IterState::Done;
                return Ok(None);
            }
            *index -= 1;
            let (seq, i) = (*seq, *index);
            if let Some(s) = downcast::<StrObj>(seq) {
                let c = s.value.chars().nth(i).unwrap_or(' ');
                let mut buf = [0u8; 4];
                let cs: &str = c.encode_utf8(&mut buf);
                return Ok(Some(vm.rt().intern_char(cs)));
            }
            Ok(seq_items(seq).get(i).copied())
        }
        IterState::Enumerate { inner, count } => {
            let (inner, c) = (*inner, *count);
            match next(vm, inner)? {
                Some(v) => {
                    let one = Value::int(1);
                    let next_count =
                        crate::arith::binary_op(vm, frontend::bytecode::BinOpKind::Add, c, one)?;
                    if let Some(o) = downcast::<IterObj>(it) {
                        if let IterState::Enumerate { count, .. } = &mut o.state {
                            *count = next_count;
                        }
                    }
                    Ok(Some(vm.rt().new_tuple(vec![c, v])))
                }
                None => Ok(None),
            }
        }
        IterState::Zip { iters } => {
            let iters = iters.clone();
            if iters.is_empty() {
                return Ok(None);
            }
            let out = next_of_each(vm, &iters)?;
            Ok(out.map(|items| vm.rt().new_tuple(items)))
        }
        IterState::Map { func, iters } => {
            let (func, iters) = (*func, iters.clone());
            match next_of_each(vm, &iters)? {
                Some(args) => vm.call(func, &args, &[]).map(Some),
                None => Ok(None),
            }
        }
        IterState::Filter { func, inner } => {
            let (func, inner) = (*func, *inner);
            while let Some(v) = next(vm, inner)? {
                let keep = if func.is_none() {
                    crate::protocol::truthy(vm, v)?
                } else {
                    let r = vm.call(func, &[v], &[])?;
                    crate::protocol::truthy(vm, r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
            Ok(None)
        }
        IterState::Callable { func, sentinel } => {
            let (func, sentinel) = (*func, *sentinel);
            let v = vm.call(func, &[], &[])?;
            if crate::protocol::eq(vm, v, sentinel)? {
                if let Some(o) = downcast::<IterObj>(it) {
                    o.state = IterState::Done;
                }
                return Ok(None);
            }
            Ok(Some(v))
        }
        IterState::GetItem { func, index } => {
            let (func, i) = (*func, *index);
            *index += 1;
            match vm.call(func, &[Value::int(i)], &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) => {
                    let (ie, si) = (vm.rt().exc.index_error, vm.rt().exc.stop_iteration);
                    if vm.rt().isinstance(e.0, ie) || vm.rt().isinstance(e.0, si) {
                        if let Some(o) = downcast::<IterObj>(it) {
                            o.state = IterState::Done;
                        }
                        Ok(None)
                    } else {
                        Err(e)
                    }
                }
            }
        }
        IterState::Done => Ok(None),
    }
}

/// One value from each iterator (`None` when any is exhausted). Values taken
/// so far stay rooted while later iterators run Python code.
fn next_of_each(vm: &mut dyn Vm, iters: &[Value]) -> PyResult<Option<Vec<Value>>> {
    let mut out = Vec::with_capacity(iters.len());
    let depth = vm.rt().heap.temp_root_depth();
    let r = (|| {
        for &i in iters {
            match next(vm, i)? {
                Some(v) => {
                    vm.rt().heap.push_root(v);
                    out.push(v)
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    })();
    vm.rt().heap.restore_temp_roots(depth);
    Ok(if r? { Some(out) } else { None })
}

/// All items of an iterable, with fast paths for lists and tuples.
pub fn collect(vm: &mut dyn Vm, v: Value) -> PyResult<Vec<Value>> {
    match kind_of(v) {
        Some(ObjKind::List) | Some(ObjKind::Tuple) => Ok(seq_items(v).to_vec()),
        // A compiled loop runs the generator inline (see `Vm::call_prelude`).
        Some(ObjKind::Generator) => {
            let list = vm.call_prelude(crate::PreludeFn::Collect, &[v])?;
            Ok(std::mem::take(
                &mut downcast::<ListObj>(list).unwrap().items,
            ))
        }
        _ => {
            let it = get_iter(vm, v)?;
            // The items gathered so far live in a rooted list, so a collection
            // triggered by Python code inside `next` cannot free them.
            let acc = vm.rt().new_list(Vec::new());
            vm.rt().heap.push_root(it);
            vm.rt().heap.push_root(acc);
            let r = loop {
                match next(vm, it) {
                    Ok(Some(x)) => downcast::<ListObj>(acc).unwrap().items.push(x),
                    Ok(None) => break Ok(()),
                    Err(e) => break Err(e),
                }
            };
            vm.rt().heap.pop_roots(2);
            r.map(|_| std::mem::take(&mut *downcast::<ListObj>(acc).unwrap().items))
        }
    }
}
