//! Allocation removal of small tuples and lists: a `build_tuple` or
//! `build_list` with a constant count of at most [`MAX_ITEMS`] items stays
//! virtual while nothing lets it escape. Its items are what the slots it
//! reads hold (the trace stored them there, or a slot load reads them).
//! Loads at a constant index are forwarded to the item, guards on its tag
//! and kind and its length are decided, an inline unpack forwards its items
//! and an `unpack_seq` call of the right count stores them to the
//! destination slots. A list store at a constant index in range updates
//! the item (a list is mutable, but no one else sees it); anything else
//! (an append, a call taking it, a store of it into the heap) materializes
//! it first (`new_tuple`/`new_list` with its first items, stores of the
//! others), as it does an instance.

use super::{Field, Kind, Obj, Pass};
use crate::helpers::Helper;
use crate::ir::*;
use crate::layout;

/// The most items a removed tuple or list has (a bigger one is allocated:
/// every exit naming it would write each item).
pub(super) const MAX_ITEMS: i64 = 8;

/// Items `new_tuple` and `new_list` take as arguments (after the count).
pub(super) const ITEMS_IN_CALL: usize = 3;

impl Pass<'_> {
    /// The virtual tuple or list (as `kind` says) old value `r` stands for.
    fn seq(&self, r: Ref, kind: Kind) -> Option<usize> {
        self.virt(r).filter(|&o| self.objs[o].kind == kind)
    }

    /// The integer constant old value `r`'s new value is, if it is one.
    fn new_int(&self, r: Ref) -> Option<i64> {
        if !self.rw.is_mapped(r) {
            return None;
        }
        let inst = &self.rw.insts[self.rw.get(r) as usize];
        match inst.op {
            Opcode::ConstInt(c) if inst.ty != Type::Float => Some(c),
            _ => None,
        }
    }

    /// The index of item `i` (old value) of object `o`, when it is a
    /// constant in range.
    fn item_index(&self, o: usize, i: Ref) -> Option<usize> {
        let i = usize::try_from(self.new_int(i)?).ok()?;
        (i < self.objs[o].fields.len()).then_some(i)
    }

    /// Makes old value `kr` stand for field value `f` (real by now or not).
    pub(super) fn forward(&mut self, kr: Ref, f: Field) {
        match self.current(f) {
            Field::Real(r) => self.rw.replace(kr, r),
            Field::Virt(w) => self.add_alias(kr, w),
        }
    }

    /// Makes old value `kr` the integer constant `c`.
    fn constant(&mut self, kr: Ref, c: i64, ty: Type, origin: u32) {
        let new = self.emit(Opcode::ConstInt(c), ty, origin);
        self.rw.replace(kr, new);
    }

    /// Handles old instruction `k` if it builds a tuple or list the pass
    /// removes, acts on one without letting it escape, or is a compare or
    /// guard the removal decided (Some(true)); Some(false) when it must be
    /// copied; None when it is not such an instruction.
    pub(super) fn absorb_seq(&mut self, k: usize) -> Option<bool> {
        let old = self.rw.old;
        let inst = &old.insts[k];
        let (kr, origin) = (k as Ref, inst.origin);
        match inst.op {
            Opcode::Call(Helper::BuildTuple, ref args) if args.len() == 2 => {
                Some(self.build(kr, Kind::Tuple, args[0], args[1], origin))
            }
            Opcode::Call(Helper::BuildList, ref args) if args.len() == 2 => {
                Some(self.build(kr, Kind::List, args[0], args[1], origin))
            }
            Opcode::Call(Helper::UnpackSeq, ref args) if args.len() == 3 => self
                .unpack(args[0], args[1], args[2], origin)
                .then_some(true),
            Opcode::TupleLen(v) | Opcode::ListLen(v) => {
                let kind = match inst.op {
                    Opcode::TupleLen(_) => Kind::Tuple,
                    _ => Kind::List,
                };
                let o = self.seq(v, kind)?;
                let n = self.objs[o].fields.len() as i64;
                self.constant(kr, n, inst.ty, origin);
                Some(true)
            }
            Opcode::LoadField(v, off) => {
                let o = self.virt(v)?;
                let len_offset = match self.objs[o].kind {
                    Kind::Tuple => layout::tuple_layout().1,
                    Kind::List => layout::list_len_offset(),
                    Kind::Instance { .. } => return None,
                };
                if off != len_offset {
                    return None;
                }
                let n = self.objs[o].fields.len() as i64;
                self.constant(kr, n, inst.ty, origin);
                Some(true)
            }
            Opcode::TupleLoad(v, i) | Opcode::ListLoad(v, i) => {
                let kind = match inst.op {
                    Opcode::TupleLoad(..) => Kind::Tuple,
                    _ => Kind::List,
                };
                let o = self.seq(v, kind)?;
                let i = self.item_index(o, i)?;
                let f = self.objs[o].fields[i].0;
                self.forward(kr, f);
                Some(true)
            }
            Opcode::ListStore(v, i, x) => {
                let o = self.seq(v, Kind::List)?;
                let i = self.item_index(o, i)?;
                self.objs[o].fields[i].0 = self.field_of(x);
                Some(true)
            }
            Opcode::IntCmp(cond, a, b) => {
                let (x, y) = (self.new_int(a)?, self.new_int(b)?);
                self.constant(kr, cond.holds(x, y) as i64, Type::Bool, origin);
                Some(true)
            }
            // A guard whose condition is a constant that holds (a compare
            // with a length this pass made a constant).
            Opcode::GuardTrue(c) if self.new_int(c).is_some_and(|b| b != 0) => Some(true),
            Opcode::GuardFalse(c) if self.new_int(c) == Some(0) => Some(true),
            _ => None,
        }
    }

    /// `build_tuple`/`build_list` (old value `kr`) of `count` items from
    /// slot `start`: a new virtual object when both are constants and it
    /// is small. False when it is allocated as recorded.
    fn build(&mut self, kr: Ref, kind: Kind, start: Ref, count: Ref, origin: u32) -> bool {
        let (Some(start), Some(count)) = (self.old_int(start), self.old_int(count)) else {
            return false;
        };
        // An empty tuple is left alone (the runtime may share one).
        let least = if kind == Kind::Tuple { 1 } else { 0 };
        if !(least..=MAX_ITEMS).contains(&count) {
            return false;
        }
        let items: Vec<(Field, u64)> = (start..start + count)
            .map(|s| {
                let s = s as i32;
                let f = match self.slot_values.get(&s) {
                    Some(&f) => self.current(f),
                    // Not written in this iteration yet: the stack holds it.
                    None => Field::Real(self.emit(Opcode::SlotLoad(s), Type::Val, origin)),
                };
                (f, 0)
            })
            .collect();
        self.objs.push(Obj::new(kind, items));
        self.add_alias(kr, self.objs.len() - 1);
        true
    }

    /// `unpack_seq(src, dst, count)` of a virtual tuple or list of `count`
    /// items: stores its items to slots `dst..dst + count` (the virtual ones
    /// are remembered, as stores of them are). False when it is copied.
    fn unpack(&mut self, src: Ref, dst: Ref, count: Ref, origin: u32) -> bool {
        let Some(o) = self.virt(src) else {
            return false;
        };
        let (Some(dst), Some(count)) = (self.old_int(dst), self.old_int(count)) else {
            return false;
        };
        if self.objs[o].kind.is_instance() || self.objs[o].fields.len() as i64 != count {
            return false;
        }
        for j in 0..count as usize {
            let s = dst as i32 + j as i32;
            let f = self.current(self.objs[o].fields[j].0);
            self.slot_values.insert(s, f);
            match f {
                Field::Virt(w) => {
                    self.slots.insert(s, w);
                }
                Field::Real(r) => {
                    self.slots.remove(&s);
                    self.emit(Opcode::SlotStore(s, r), Type::Void, origin);
                }
            }
        }
        true
    }

    /// Emits the allocation of tuple or list `o` with its first items from
    /// `values` (None for one waiting for an object being built).
    pub(super) fn allocate_seq(
        &mut self,
        o: usize,
        values: &[Result<Ref, usize>],
        origin: u32,
    ) -> Ref {
        let helper = match self.objs[o].kind {
            Kind::Tuple => Helper::NewTuple,
            _ => Helper::NewList,
        };
        let n = self.emit(Opcode::ConstInt(values.len() as i64), Type::Int, origin);
        let mut args = vec![n];
        for v in values.iter().take(ITEMS_IN_CALL) {
            let v = match *v {
                Ok(v) => v,
                Err(_) => self.emit(Opcode::Const(runtime::Value::NONE), Type::Val, origin),
            };
            args.push(v);
        }
        self.emit(Opcode::Call(helper, args.into()), Type::Val, origin)
    }

    /// Stores `value` to item `k` of the materialized tuple or list `o`
    /// (new value `obj`): a tuple's through its item pointer (nothing else
    /// has seen it yet), a list's with `list_store`.
    pub(super) fn store_item(&mut self, o: usize, obj: Ref, k: usize, value: Ref, origin: u32) {
        if self.objs[o].kind == Kind::Tuple {
            let items = Opcode::LoadField(obj, layout::tuple_layout().0);
            let p = self.emit(items, Type::Word, origin);
            let store = Opcode::StoreField(p, 8 * k as i32, value);
            self.emit(store, Type::Void, origin);
        } else {
            let i = self.emit(Opcode::ConstInt(k as i64), Type::Int, origin);
            self.emit(Opcode::ListStore(obj, i, value), Type::Void, origin);
        }
    }
}
