//! Recording of single bytecode instructions: what each one becomes in the
//! trace (guards, specialised operations, runtime calls, inlined frames).

use crate::elidable;
use crate::helpers::{conversion_number, Helper};
use crate::ir::*;
use crate::layout;
use crate::record_arith::*;
use crate::record_call::*;
use crate::record_typed;
use crate::recorder::{code_of, FrameView, Recorder};
use crate::snapshot::ExitKind;
use frontend::bytecode::{BinOpKind, Op, NO_REG};
use runtime::object::*;
use runtime::value::TAG_PTR;
use runtime::{Runtime, Value};

type Recorded = Result<Option<Box<Trace>>, String>;

/// Records `op` (about to run at `view.pc`).
pub(crate) fn record_op(
    r: &mut Recorder,
    rt: &Runtime,
    view: &FrameView,
    op: Op,
    loop_extent: &dyn Fn(usize) -> i32,
) -> Recorded {
    let pc = view.pc as u32;
    let val = |s: u16| view.stack[view.base + s as usize];
    let code = code_of(view.code);
    match op {
        // ---- moves and constants
        Op::Move { dst, src } => {
            let v = r.load(src);
            r.store(dst, v);
        }
        Op::LoadConst { dst, idx } => {
            let k = r.konst(code.consts[idx as usize]);
            r.store(dst, k);
        }
        Op::LoadInt { dst, value } => {
            let k = r.konst(Value::int(value as i64));
            r.store(dst, k);
        }
        Op::LoadNone { dst } => {
            let k = r.konst(Value::NONE);
            r.store(dst, k);
        }
        Op::LoadTrue { dst } => {
            let k = r.konst(Value::TRUE);
            r.store(dst, k);
        }
        Op::LoadFalse { dst } => {
            let k = r.konst(Value::FALSE);
            r.store(dst, k);
        }
        Op::CheckBound { slot, .. } => {
            let v = r.load(slot);
            r.guard(Opcode::GuardNe(v, Value::EMPTY.to_bits()), pc);
        }

        // ---- globals
        Op::LoadGlobal { dst, name } => {
            let n = code.names[name as usize];
            let module = view.module;
            let v = if r.unfolded_modules.contains(&module) {
                let (m, b, k) = (r.konst(module), r.konst(r.builtins), r.konst(n));
                r.call(Helper::GlobalGet, vec![m, b, k], pc, Type::Val)
            } else {
                let Some((value, from_builtins)) = elidable::global_lookup(module, r.builtins, n)
                else {
                    return Err("global name is not defined".into());
                };
                guard_module_version(r, module, pc);
                if from_builtins {
                    guard_module_version(r, r.builtins, pc);
                }
                let home = if from_builtins { r.builtins } else { module };
                crate::record_global::folded_global(r, home, n, value)
            };
            r.store(dst, v);
        }
        Op::StoreGlobal { name, src } => {
            let n = code.names[name as usize];
            crate::record_global::store_global(r, rt, view.module, n, src, pc)?;
        }

        // ---- closures
        Op::LoadCell { dst, slot } => {
            let cell = r.load(slot);
            let v = if is_kind(val(slot), ObjKind::Cell) {
                // A field load the optimizer forwards (the cell's value
                // since `make_cell` or the last read, until code may run).
                let known_cell = matches!(
                    r.insts[cell as usize].op,
                    Opcode::Call(Helper::NewCell, _) | Opcode::Const(_)
                );
                if !known_cell {
                    r.guard(Opcode::GuardTag(cell, TAG_PTR), pc);
                    r.guard(Opcode::GuardKind(cell, ObjKind::Cell as u8), pc);
                }
                r.emit(
                    Opcode::LoadField(cell, layout::cell_value_offset()),
                    Type::Val,
                )
            } else {
                r.call(Helper::CellGet, vec![cell], pc, Type::Val)
            };
            r.guard(Opcode::GuardNe(v, Value::EMPTY.to_bits()), pc);
            r.store(dst, v);
        }
        Op::StoreCell { slot, src } => {
            let cell = r.load(slot);
            let v = r.load(src);
            r.call(Helper::CellSet, vec![cell, v], pc, Type::Void);
        }

        // ---- arithmetic
        Op::Add { dst, a, b }
        | Op::Inplace {
            op: BinOpKind::Add,
            dst,
            a,
            b,
        } if is_kind(val(a), ObjKind::Str) && is_kind(val(b), ObjKind::Str) => {
            let (x, y) = (r.load(a), r.load(b));
            // Temporaries follow the named slots (locals, then free variables).
            let temp = (a as usize >= code.code.local_names.len()).then(|| r.rel(a));
            let out = crate::record_str_concat::concat(r, (x, y), temp, pc);
            r.store(dst, out);
        }
        Op::Add { dst, a, b } => arith(r, val, pc, BinOpKind::Add, dst, a, b, false),
        Op::Sub { dst, a, b } => arith(r, val, pc, BinOpKind::Sub, dst, a, b, false),
        Op::Mul { dst, a, b } => arith(r, val, pc, BinOpKind::Mul, dst, a, b, false),
        Op::TrueDiv { dst, a, b } => arith(r, val, pc, BinOpKind::TrueDiv, dst, a, b, false),
        Op::FloorDiv { dst, a, b } => arith(r, val, pc, BinOpKind::FloorDiv, dst, a, b, false),
        Op::Mod { dst, a, b } => arith(r, val, pc, BinOpKind::Mod, dst, a, b, false),
        Op::Pow { dst, a, b } => arith(r, val, pc, BinOpKind::Pow, dst, a, b, false),
        Op::LShift { dst, a, b } => arith(r, val, pc, BinOpKind::LShift, dst, a, b, false),
        Op::RShift { dst, a, b } => arith(r, val, pc, BinOpKind::RShift, dst, a, b, false),
        Op::BitAnd { dst, a, b } => arith(r, val, pc, BinOpKind::BitAnd, dst, a, b, false),
        Op::BitOr { dst, a, b } => arith(r, val, pc, BinOpKind::BitOr, dst, a, b, false),
        Op::BitXor { dst, a, b } => arith(r, val, pc, BinOpKind::BitXor, dst, a, b, false),
        Op::Inplace { op, dst, a, b } => arith(r, val, pc, op, dst, a, b, true),
        Op::Neg { dst, src } => {
            let x = val(src);
            let v = r.load(src);
            let out = if x.is_int() && x.as_int() != runtime::value::INT_MIN {
                let i = unbox_int(r, v, pc);
                let snap = r.snapshot_here(pc);
                let n = r.push(Opcode::IntNeg(i), Type::Int, Some(snap));
                box_int(r, n, pc)
            } else if x.is_float() {
                let f = unbox_float(r, x, v, pc);
                let n = r.emit(Opcode::FloatNeg(f), Type::Float);
                box_float(r, n)
            } else {
                let k = r.kint(0);
                r.call(Helper::Unary, vec![k, v], pc, Type::Val)
            };
            r.store(dst, out);
        }
        Op::Pos { dst, src } => unary_call(r, pc, 1, dst, src),
        Op::Invert { dst, src } => {
            if val(src).is_int() {
                // `~i` of an inline int is `i ^ -1`, always inline again.
                let v = r.load(src);
                let i = unbox_int(r, v, pc);
                let ones = r.kint(-1);
                let n = r.emit(Opcode::Int(IntOp::Xor, i, ones), Type::Int);
                let out = box_int(r, n, pc);
                r.store(dst, out);
            } else {
                unary_call(r, pc, 2, dst, src)
            }
        }
        Op::Not { dst, src } => {
            let t = truth(r, val(src), src, pc);
            let n = r.emit(Opcode::BoolNot(t), Type::Bool);
            let b = box_bool(r, n);
            r.store(dst, b);
        }

        // ---- comparisons
        Op::Lt { dst, a, b } => compare(r, val, pc, Cond::Lt, dst, a, b),
        Op::Le { dst, a, b } => compare(r, val, pc, Cond::Le, dst, a, b),
        Op::Gt { dst, a, b } => compare(r, val, pc, Cond::Gt, dst, a, b),
        Op::Ge { dst, a, b } => compare(r, val, pc, Cond::Ge, dst, a, b),
        Op::Eq { dst, a, b } | Op::Ne { dst, a, b } => {
            let negate = matches!(op, Op::Ne { .. });
            let (x, y) = (r.load(a), r.load(b));
            if let Some(same) = crate::record_builtin::constant_classes_same(r, x, y) {
                let out = r.konst(Value::from_bool(same != negate));
                r.store(dst, out);
                return Ok(None);
            }
            match record_typed::str_equal(r, (val(a), val(b)), (x, y), negate, pc) {
                Some(out) => r.store(dst, out),
                None => {
                    let cond = if negate { Cond::Ne } else { Cond::Eq };
                    compare(r, val, pc, cond, dst, a, b)
                }
            }
        }
        Op::Is { dst, a, b } | Op::IsNot { dst, a, b } => {
            let (x, y) = (r.load(a), r.load(b));
            let is_not = matches!(op, Op::IsNot { .. });
            if let Some(same) = crate::record_builtin::constants_same(r, x, y) {
                let out = r.konst(Value::from_bool(same != is_not));
                r.store(dst, out);
                return Ok(None);
            }
            let mut same = r.emit(Opcode::SameValue(x, y), Type::Bool);
            if is_not {
                same = r.emit(Opcode::BoolNot(same), Type::Bool);
            }
            let out = box_bool(r, same);
            r.store(dst, out);
        }
        Op::In { dst, a, b } | Op::NotIn { dst, a, b } => {
            let (x, y) = (r.load(a), r.load(b));
            let negate = matches!(op, Op::NotIn { .. });
            // Temporaries follow the named slots (locals, then free variables).
            let temp = (a as usize >= code.code.local_names.len()).then(|| r.rel(a));
            let out = match record_typed::contains(r, (val(b), val(a)), (y, x), temp, negate, pc) {
                Some(out) => out,
                None => {
                    let neg = r.kint(negate as i64);
                    r.call(Helper::Contains, vec![y, x, neg], pc, Type::Val)
                }
            };
            r.store(dst, out);
        }

        // ---- control flow
        Op::Jump { target } => r.expect = Some((view.depth, target)),
        Op::JumpBack { target } => {
            if pc == r.anchor_pc && r.frames.len() == 1 && view.code == r.anchor_code {
                r.emit(Opcode::LoopBack, Type::Void);
                return Ok(Some(r.finish()));
            }
            // A loop enclosing the recorded one (its path left the loop by a
            // `break`) is not an inner loop.
            let anchor_header = r.anchor_header();
            // An inner loop may start at the recorded loop's own header
            // (`while True:` whose body opens with another loop).
            let inside = view.code == r.anchor_code && target >= anchor_header && pc < r.anchor_pc;
            if r.frames.len() == 1 && !inside {
                return Err("reached another loop's back-edge".into());
            }
            // An inner loop (or a loop in an inlined call). With a trace of
            // its own (and in the loop's frame) the trace runs it; else its
            // iterations are unrolled into this trace: short inner loops
            // (a few iterations per run) are not worth entering a trace for,
            // and a guard on their exit condition covers the common count.
            let compiled = match r.frames.len() {
                1 => code.ic[pc as usize].get()[1],
                _ => 0,
            };
            if compiled == 0 {
                if r.unrolled >= crate::recorder::MAX_UNROLLED_ITERATIONS {
                    return Err("inner loop runs too long to unroll and has no trace".into());
                }
                r.unrolled += 1;
                r.expect = Some((view.depth, target));
                return Ok(None);
            }
            let n = compiled as usize - 1;
            r.extent = r.extent.max(loop_extent(n));
            let (nk, ek) = (r.kint(n as i64), r.kint(0));
            // What the loop can do to the frame's slots, for the optimizer.
            let (writes, reads) = crate::loop_slots::inner_loop_slots(&code.code, target, pc);
            let (wk, rk) = (r.kint(writes as i64), r.kint(reads as i64));
            let call = r.call(Helper::RunLoop, vec![nk, ek, wk, rk], pc, Type::Bool);
            r.inner_loop = Some(crate::recorder::InnerLoop {
                depth: view.depth,
                header: target,
                jump_back: pc,
                call,
                exit_pc: ek,
            });
            // The inner loop may write any slot and run any code.
            r.slot_values.clear();
            r.forget_heap_guards();
            r.expect = None;
        }
        Op::JumpIfFalse { cond, target } => branch(r, view, val(cond), cond, false, target),
        Op::JumpIfTrue { cond, target } => branch(r, view, val(cond), cond, true, target),

        // ---- containers
        Op::BuildList { dst, start, count } => build(r, pc, Helper::BuildList, dst, start, count),
        Op::BuildTuple { dst, start, count } => {
            let items = crate::record_isinstance::constant_items(r, start, count);
            build(r, pc, Helper::BuildTuple, dst, start, count);
            if let Some(items) = items {
                let t = r.load(dst);
                r.const_tuples.insert(t, items);
            }
        }
        Op::BuildSet { dst, start, count } => build(r, pc, Helper::BuildSet, dst, start, count),
        Op::BuildDict { dst, start, count } => build(r, pc, Helper::BuildDict, dst, start, count),
        Op::BuildString { dst, start, count } => {
            build(r, pc, Helper::BuildString, dst, start, count)
        }
        Op::BuildSlice { dst, start } => {
            r.rel(start + 2);
            build(r, pc, Helper::BuildSlice, dst, start, 3)
        }
        Op::ListAppend { list, src } => call2(r, pc, Helper::ListAppend, list, src),
        Op::ListExtend { list, src } => call2(r, pc, Helper::ListExtend, list, src),
        Op::SetAdd { set, src } => call2(r, pc, Helper::SetAdd, set, src),
        Op::SetUpdate { set, src } => call2(r, pc, Helper::SetUpdate, set, src),
        Op::DictInsert { dict, key } => {
            let (d, k, v) = (r.load(dict), r.load(key), r.load(key + 1));
            r.call(Helper::DictInsert, vec![d, k, v], pc, Type::Void);
        }
        Op::ListToTuple { dst, src } => {
            let l = r.load(src);
            let t = r.call(Helper::ListToTuple, vec![l], pc, Type::Val);
            r.store(dst, t);
        }
        Op::FormatValue { dst, src, spec } => {
            let v = r.load(src);
            let s = if spec == NO_REG {
                r.konst(Value::EMPTY)
            } else {
                r.load(spec)
            };
            let out = r.call(Helper::FormatValue, vec![v, s], pc, Type::Val);
            r.store(dst, out);
        }
        Op::Convert { dst, src, kind } => {
            let v = r.load(src);
            let k = r.kint(conversion_number(kind));
            let out = r.call(Helper::Convert, vec![v, k], pc, Type::Val);
            r.store(dst, out);
        }

        // ---- subscripts and attributes
        Op::GetItem { dst, obj, key } => {
            let (o, k) = (r.load(obj), r.load(key));
            let ops = &code.code.ops;
            let out = if let Some(i) = list_index(r, val(obj), val(key), o, k, pc) {
                r.emit(Opcode::ListLoad(o, i), Type::Val)
            } else if let Some(out) =
                record_typed::getitem_slice(r, (ops, &val), (val(obj), o), (key, k), pc)
            {
                out
            } else if let Some(out) = record_typed::getitem(r, val(obj), val(key), o, k, pc) {
                out
            } else {
                r.call(Helper::GetItem, vec![o, k], pc, Type::Val)
            };
            r.store(dst, out);
        }
        Op::SetItem { obj, key, src } if list_index_ok(val(obj), val(key)) => {
            let (o, k, v) = (r.load(obj), r.load(key), r.load(src));
            let i = list_index(r, val(obj), val(key), o, k, pc).expect("a list index");
            r.emit(Opcode::ListStore(o, i, v), Type::Void);
        }
        Op::SetItem { obj, key, src } => {
            let (o, k, v) = (r.load(obj), r.load(key), r.load(src));
            if !record_typed::setitem(r, val(obj), val(key), (o, k, v), pc) {
                r.call(Helper::SetItem, vec![o, k, v], pc, Type::Void);
            }
        }
        Op::DelItem { obj, key } => call2(r, pc, Helper::DelItem, obj, key),
        Op::GetAttr { dst, obj, name } => {
            let n = code.names[name as usize];
            let o = r.load(obj);
            // An instance slot, a plain value on the instance's class, or
            // one on a class object; else the generic `getattr`.
            let folded = match instance_layout(val(obj)) {
                Some((map, cls)) if !elidable::class_has_data_descriptor(rt, cls, n) => {
                    let (_, version) = elidable::class_version_address(cls);
                    match elidable::map_lookup(map, n) {
                        Some(index) => {
                            guard_instance(r, o, map, cls, pc);
                            Some(r.emit(Opcode::InstSlotLoad(o, index as u32), Type::Val))
                        }
                        // Not on the instance (its map says so), a plain
                        // value on the class (its version says so).
                        None => {
                            elidable::class_attribute_constant(rt, cls, version, n).map(|value| {
                                guard_instance(r, o, map, cls, pc);
                                r.konst(value)
                            })
                        }
                    }
                }
                _ => fold_class_object_attribute(r, rt, val(obj), o, n, pc),
            };
            let out = folded.unwrap_or_else(|| {
                let k = r.konst(n);
                r.call(Helper::GetAttr, vec![o, k], pc, Type::Val)
            });
            r.store(dst, out);
        }
        Op::SetAttr { obj, name, src } => {
            let n = code.names[name as usize];
            let o = r.load(obj);
            let v = r.load(src);
            match instance_layout(val(obj)) {
                // `__class__` is no slot: the generic `setattr` moves the
                // instance to the new class (and map) or raises.
                Some((map, cls))
                    if n != rt.names.class
                        && !elidable::class_has_data_descriptor(rt, cls, n)
                        && !elidable::class_has_setattr(rt, cls) =>
                {
                    guard_instance(r, o, map, cls, pc);
                    match elidable::map_lookup(map, n) {
                        Some(index) => {
                            r.emit(Opcode::InstSlotStore(o, index as u32, v), Type::Void);
                        }
                        None => {
                            let next = elidable::map_transition(map, n);
                            let m = r.kint(next as i64);
                            r.call(Helper::InstAppendSlot, vec![o, v, m], pc, Type::Void);
                            // Another IR value may be the same object: forget
                            // every layout guard, then note this one's new map.
                            r.guarded_maps.clear();
                            r.guarded_maps.insert(o, next as u64);
                        }
                    }
                }
                _ => {
                    let k = r.konst(n);
                    r.call(Helper::SetAttr, vec![o, k, v], pc, Type::Void);
                }
            }
        }
        Op::DelAttr { obj, name } => {
            let o = r.load(obj);
            let k = r.konst(code.names[name as usize]);
            r.call(Helper::DelAttr, vec![o, k], pc, Type::Void);
        }
        Op::LoadMethod { dst, obj, name } => {
            let n = code.names[name as usize];
            let o = r.load(obj);
            if let Some((kind, cls, f)) = builtin_method(rt, val(obj), n) {
                // A method of a builtin type: the type's namespace cannot
                // change, but the version guard keeps that an explicit fact.
                r.guard(Opcode::GuardTag(o, TAG_PTR), pc);
                r.guard(Opcode::GuardKind(o, kind as u8), pc);
                record_typed::guard_set_or_frozenset(r, rt, val(obj), o, n, pc);
                let (addr, version) = elidable::class_version_address(cls);
                r.guard_word(addr, version, pc);
                let k = r.konst(f);
                r.store(dst, k);
                r.store(dst + 1, o);
                return Ok(None);
            }
            if let Some(attr) = fold_class_object_attribute(r, rt, val(obj), o, n, pc) {
                // `Class.method(obj, ...)`: the plain function, no receiver.
                let empty = r.konst(Value::EMPTY);
                r.store(dst, attr);
                r.store(dst + 1, empty);
                return Ok(None);
            }
            let method = instance_layout(val(obj)).and_then(|(map, cls)| {
                let (_, version) = elidable::class_version_address(cls);
                let in_instance = elidable::map_lookup(map, n).is_some();
                let f = elidable::method_lookup(rt, cls, version, n);
                (!in_instance).then_some((map, cls, f?))
            });
            match method {
                Some((map, cls, f)) => {
                    guard_instance(r, o, map, cls, pc);
                    let k = r.konst(f);
                    r.store(dst, k);
                    r.store(dst + 1, o);
                }
                None => {
                    let k = r.konst(n);
                    let d = r.rel(dst);
                    r.rel(dst + 1);
                    let dk = r.kint(d as i64);
                    let f = r.call(Helper::LoadMethod, vec![o, k, dk], pc, Type::Val);
                    r.forget_slots(d + 1, d + 1);
                    r.store(dst, f);
                }
            }
        }

        // ---- iteration and unpacking
        Op::GetIter { dst, src } => {
            let it = match crate::record_builtin::range_iter(r, val(src), src, pc) {
                Some(it) => it,
                None => {
                    let v = r.load(src);
                    r.call(Helper::GetIter, vec![v], pc, Type::Val)
                }
            };
            r.store(dst, it);
        }
        Op::ForIter { iter, exit } => {
            // The recorded loop's own header ending is "loop ended" (the
            // recorder stops at the first pc outside the loop).
            let own_header = r.frames.len() == 1 && pc == r.anchor_header();
            if !own_header && crate::record_iter::for_iter_done(r, val(iter), iter, exit, pc) {
                return Ok(None);
            }
            if crate::record_iter::for_iter(r, val(iter), iter, exit, pc)
                || record_typed::for_iter(r, val(iter), iter, exit, pc)
                || crate::record_generator::for_iter(r, view, val(iter), iter, pc)
            {
                return Ok(None);
            }
            let it = r.load(iter);
            let next = r.call(Helper::IterNext, vec![it], pc, Type::Val);
            if downcast::<GeneratorObj>(val(iter)).is_some() {
                // The interpreter runs the generator's frame above this one
                // (the trace resumes it through the runtime call).
                r.skip_above = Some(view.depth);
            }
            let snap = r.snapshot(exit, ExitKind::LoopDone);
            r.push(
                Opcode::GuardNe(next, Value::EMPTY.to_bits()),
                Type::Void,
                Some(snap),
            );
            r.store(iter + 1, next);
        }
        Op::UnpackSeq { dst, src, count } => {
            if crate::record_iter::unpack_seq(r, val(src), src, dst, count, pc) {
                return Ok(None);
            }
            let v = r.load(src);
            let d = r.rel(dst);
            r.rel(dst + count.max(1) - 1);
            let (dk, ck) = (r.kint(d as i64), r.kint(count as i64));
            r.call(Helper::UnpackSeq, vec![v, dk, ck], pc, Type::Void);
            r.forget_slots(d, d + count as i32 - 1);
        }

        // ---- calls
        Op::Call { func, argc } => {
            let f = val(func);
            if inlinable(r, f, argc as usize) {
                let fr = r.load(func);
                r.guard(Opcode::GuardEq(fr, f.to_bits()), pc);
                inline_call(r, view, f, func, func + 1, argc as usize, pc);
            } else if let Some(out) = (argc == 1)
                .then(|| record_typed::call_function(r, rt, (f, val(func + 1)), func, pc))
                .flatten()
            {
                r.store(func, out);
            } else if let Some(out) = (argc == 2)
                .then(|| {
                    let args = (val(func + 1), val(func + 2));
                    crate::record_isinstance::call_isinstance(r, rt, f, args, func, pc)
                })
                .flatten()
            {
                r.store(func, out);
            } else if let Some(out) = {
                let args: Vec<Value> = (1..=argc).map(|i| val(func + i)).collect();
                crate::record_builtin::call(r, rt, f, &args, func, pc)
            } {
                r.store(func, out);
            } else if builtin_callable(f, argc as usize) {
                let fr = r.load(func);
                r.guard(Opcode::GuardEq(fr, f.to_bits()), pc);
                let fk = r.rel(func);
                r.rel(func + argc);
                let (fk, ak, nk) = (
                    r.kint(fk as i64),
                    r.kint(fk as i64 + 1),
                    r.kint(argc as i64),
                );
                let out = r.call(Helper::CallBuiltin, vec![fk, ak, nk], pc, Type::Val);
                r.store(func, out);
                r.skip_above = Some(view.depth);
            } else if let Some(init) = plain_init(rt, r, f, argc as usize) {
                // `Class(args)`: allocate, then inline `__init__` with the
                // instance in the call's function slot as `self`.
                let cls: *mut ClassObj = f.as_ptr();
                let fr = r.load(func);
                r.guard(Opcode::GuardEq(fr, f.to_bits()), pc);
                let (addr, version) = elidable::class_version_address(cls);
                r.guard_word(addr, version, pc);
                let k = r.konst(f);
                let instance = r.call(Helper::NewInstance, vec![k], pc, Type::Val);
                r.store(func, instance);
                inline_call(r, view, init, func, func, argc as usize + 1, pc);
                r.frames.last_mut().expect("the __init__ frame").init_self = Some(instance);
            } else {
                let (fk, ak) = (r.rel(func), argc as i64);
                r.rel(func + argc);
                let (fk, ak) = (r.kint(fk as i64), r.kint(ak));
                let mut args = vec![fk, ak];
                if crate::direct_call::direct_callee(f, argc as usize) {
                    // Compiled code may call its function trace directly.
                    args.push(r.konst(f));
                }
                let out = r.call(Helper::Call, args, pc, Type::Val);
                r.store(func, out);
                r.skip_above = Some(view.depth);
            }
        }
        Op::CallMethod { func, argc } => {
            let (f, recv) = (val(func), val(func + 1));
            let (args_at, n) = if recv.is_empty() {
                (func + 2, argc as usize)
            } else {
                (func + 1, argc as usize + 1)
            };
            let args: Vec<Value> = (0..argc).map(|i| val(func + 2 + i)).collect();
            let typed = (!recv.is_empty())
                .then(|| record_typed::call_method(r, rt, (f, recv), &args, func, pc))
                .flatten();
            if let Some(out) = typed {
                r.store(func, out);
            } else if !recv.is_empty() && builtin_callable(f, n) {
                // A builtin type's method (`lst.append(x)`): call it directly.
                let fr = r.load(func);
                r.guard(Opcode::GuardEq(fr, f.to_bits()), pc);
                let rv = r.load(func + 1);
                r.guard(Opcode::GuardNe(rv, Value::EMPTY.to_bits()), pc);
                let fk = r.rel(func);
                r.rel(func + 1 + argc);
                let (fk, ak, nk) = (r.kint(fk as i64), r.kint(fk as i64 + 1), r.kint(n as i64));
                let out = r.call(Helper::CallBuiltin, vec![fk, ak, nk], pc, Type::Val);
                r.store(func, out);
                r.skip_above = Some(view.depth);
            } else if inlinable(r, f, n) {
                let fr = r.load(func);
                r.guard(Opcode::GuardEq(fr, f.to_bits()), pc);
                let rv = r.load(func + 1);
                let recv_guard = if recv.is_empty() {
                    Opcode::GuardEq(rv, Value::EMPTY.to_bits())
                } else {
                    Opcode::GuardNe(rv, Value::EMPTY.to_bits())
                };
                r.guard(recv_guard, pc);
                inline_call(r, view, f, func, args_at, n, pc);
            } else {
                let fk = r.rel(func);
                r.rel(func + 1 + argc);
                let (fk, ak) = (r.kint(fk as i64), r.kint(argc as i64));
                let mut args = vec![fk, ak];
                if !recv.is_empty() && crate::direct_call::direct_callee(f, n) {
                    // A bound method's function: called directly (see above).
                    args.push(r.konst(f));
                }
                let out = r.call(Helper::CallMethod, args, pc, Type::Val);
                r.store(func, out);
                r.skip_above = Some(view.depth);
            }
        }
        Op::CallKw {
            func,
            argc,
            kwnames,
        }
        | Op::CallMethodKw {
            func,
            argc,
            kwnames,
        } => {
            let helper = if matches!(op, Op::CallKw { .. }) {
                Helper::CallKw
            } else {
                Helper::CallMethodKw
            };
            let fk = r.rel(func);
            r.rel(func + 1 + argc);
            let (fk, ak) = (r.kint(fk as i64), r.kint(argc as i64));
            let names = r.konst(code.consts[kwnames as usize]);
            let out = r.call(helper, vec![fk, ak, names], pc, Type::Val);
            r.store(func, out);
            r.skip_above = Some(view.depth);
        }
        Op::CallEx { func } => {
            let fk = r.rel(func);
            r.rel(func + 2);
            let fk = r.kint(fk as i64);
            let out = r.call(Helper::CallEx, vec![fk], pc, Type::Val);
            r.store(func, out);
            r.skip_above = Some(view.depth);
        }
        Op::Yield { dst, src } => {
            if !crate::record_generator::yield_value(r, view, src, dst, pc) {
                return Err("yield outside a generator resumed by the loop".into());
            }
        }
        Op::YieldFrom { dst, src } => {
            crate::record_generator::yield_from(r, view, val(src), src, dst, pc)?;
        }
        Op::Return { src } => {
            if r.frames.len() < 2 {
                // A root recording whose pass returns from the loop's
                // function left the loop as a failing condition or a `break`
                // does: the loop may well go on next time (a search loop's
                // `return` on a match), so it is retried at the next
                // back-edge instead of counting an abort.
                if r.kind == TraceKind::Root {
                    return Err(crate::recorder::LOOP_ENDED.into());
                }
                // A bridge that reaches the loop function's `return` (a
                // parser's `while True: ... if ch == "}": return result`)
                // ends there as a function trace does: it leaves through a
                // `LoopDone` exit at the `Return`, which the interpreter
                // runs. Its path to the return is compiled, where an abort
                // would send every pass down it through the interpreter.
                return Ok(Some(r.finish_function(pc)));
            }
            if r.frames.last().is_some_and(|f| f.generator.is_some()) {
                return Err("generator finished".into());
            }
            let mut v = r.load(src);
            if let Some(instance) = r.frames.last().expect("a frame").init_self {
                // `__init__` must return None (the interpreter raises
                // otherwise); the call's value is the instance.
                r.guard(Opcode::GuardEq(v, Value::NONE.to_bits()), pc);
                v = instance;
            }
            let callee = r.frames.pop().expect("an inlined frame");
            r.store_rel(callee.ret_slot, v);
            r.expect = Some((view.depth - 1, callee.return_pc));
        }
        Op::MakeCell { slot } => {
            let v = r.load(slot);
            let cell = r.call(Helper::NewCell, vec![v], pc, Type::Val);
            r.store(slot, cell);
        }
        Op::MakeFunction { dst, code: ci } => {
            // A closure or generator expression made each iteration: a
            // runtime call reading the defaults and cells from the slots.
            let frame = r.frames.last().expect("a frame");
            let (code_v, module) = (code_of(frame.code).consts[ci as usize], frame.module);
            let sources = code_of(code_v).code.free_sources.clone();
            for s in sources.iter().copied().chain([dst, dst + 1]) {
                r.rel(s);
            }
            let (ck, mk) = (r.konst(code_v), r.konst(module));
            let frame_slot = r.rel(0);
            let fk = r.kint(frame_slot as i64);
            let dk = r.kint(dst as i64);
            let f = r.call(Helper::MakeFunction, vec![ck, mk, fk, dk], pc, Type::Val);
            r.store(dst, f);
        }
        Op::Nop => {}
        other => return Err(format!("unsupported instruction {}", op_name(&other))),
    }
    Ok(None)
}

// ---- helpers for the cases above

impl Recorder {
    /// A guard snapshot resuming at `pc` (re-running the instruction).
    pub(crate) fn snapshot_here(&mut self, pc: u32) -> u32 {
        self.snapshot(pc, ExitKind::Guard)
    }
}

fn op_name(op: &Op) -> String {
    let s = format!("{op:?}");
    s.split([' ', '{']).next().unwrap_or("?").to_string()
}

fn guard_module_version(r: &mut Recorder, module: Value, pc: u32) {
    let (addr, version) = elidable::module_version_address(module);
    r.roots.push(module);
    r.guard_word(addr, version, pc);
}

/// The map and class of an instance value.
fn instance_layout(v: Value) -> Option<(*const runtime::map::Map, *mut ClassObj)> {
    downcast::<InstanceObj>(v).map(|inst| (inst.map, inst.class))
}

/// `cls.name` read on a class object `o` (whose value now is `obj`) when
/// that is a plain function or an immutable plain value: guards `o` is that
/// class at its current version and returns the attribute as a constant.
fn fold_class_object_attribute(
    r: &mut Recorder,
    rt: &Runtime,
    obj: Value,
    o: Ref,
    name: Value,
    pc: u32,
) -> Option<Ref> {
    if !is_kind(obj, ObjKind::Class) {
        return None;
    }
    let cls: *mut ClassObj = obj.as_ptr();
    let (addr, version) = elidable::class_version_address(cls);
    let attr = elidable::class_object_attribute(rt, cls, version, name)?;
    r.guard(Opcode::GuardEq(o, obj.to_bits()), pc);
    r.roots.push(obj);
    r.guard_word(addr, version, pc);
    Some(r.konst(attr))
}

/// Guards that `o` is an instance with layout `map` of `cls` at its current version.
pub(crate) fn guard_instance(
    r: &mut Recorder,
    o: Ref,
    map: *const runtime::map::Map,
    cls: *mut ClassObj,
    pc: u32,
) {
    if r.guarded_maps.get(&o) == Some(&(map as u64)) {
        return;
    }
    r.guarded_maps.insert(o, map as u64);
    r.guard(Opcode::GuardTag(o, TAG_PTR), pc);
    r.guard(Opcode::GuardKind(o, ObjKind::Instance as u8), pc);
    let m = r.emit(
        Opcode::LoadField(o, layout::instance_map_offset()),
        Type::Word,
    );
    r.guard(Opcode::GuardEq(m, map as u64), pc);
    let (addr, version) = elidable::class_version_address(cls);
    r.roots.push(Value::from_ptr(cls));
    r.guard_word(addr, version, pc);
}

/// Is `list[key]` an in-range, non-negative index into a list right now?
fn list_index_ok(list: Value, key: Value) -> bool {
    match downcast::<ListObj>(list) {
        Some(l) => key.is_int() && key.as_int() >= 0 && (key.as_int() as usize) < l.items.len(),
        None => false,
    }
}

/// Guards that `o` is a list and `k` an int in `0..len(o)`; returns the
/// unboxed index (None when this iteration's index is not like that).
fn list_index(r: &mut Recorder, list: Value, key: Value, o: Ref, k: Ref, pc: u32) -> Option<Ref> {
    if !list_index_ok(list, key) {
        return None;
    }
    r.guard(Opcode::GuardTag(o, TAG_PTR), pc);
    r.guard(Opcode::GuardKind(o, ObjKind::List as u8), pc);
    let i = unbox_int(r, k, pc);
    let len = r.emit(Opcode::ListLen(o), Type::Int);
    let zero = r.kint(0);
    let in_range = r.emit(Opcode::IntCmp(Cond::Lt, i, len), Type::Bool);
    r.guard(Opcode::GuardTrue(in_range), pc);
    let non_negative = r.emit(Opcode::IntCmp(Cond::Ge, i, zero), Type::Bool);
    r.guard(Opcode::GuardTrue(non_negative), pc);
    Some(i)
}

fn unary_call(r: &mut Recorder, pc: u32, kind: i64, dst: u16, src: u16) {
    let v = r.load(src);
    let k = r.kint(kind);
    let out = r.call(Helper::Unary, vec![k, v], pc, Type::Val);
    r.store(dst, out);
}

fn build(r: &mut Recorder, pc: u32, h: Helper, dst: u16, start: u16, count: u16) {
    let s = r.rel(start);
    if count > 0 {
        let last = if h == Helper::BuildDict {
            start + 2 * count - 1
        } else {
            start + count - 1
        };
        r.rel(last);
    }
    let (sk, ck) = (r.kint(s as i64), r.kint(count as i64));
    let out = r.call(h, vec![sk, ck], pc, Type::Val);
    r.store(dst, out);
}

fn call2(r: &mut Recorder, pc: u32, h: Helper, a: u16, b: u16) {
    let (x, y) = (r.load(a), r.load(b));
    r.call(h, vec![x, y], pc, Type::Void);
}
