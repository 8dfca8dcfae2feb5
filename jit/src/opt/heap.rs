//! Heap pass: store-to-load forwarding and redundant-load removal.
//!
//! Walking the trace in order, the pass remembers which IR value each
//! memory location holds (a location is an object value plus an offset or
//! index, a version word's address, or an interpreter slot): a load of a
//! known location is replaced by that value; a load of an unknown one is
//! kept and its result remembered; a store remembers the stored value and
//! forgets every location it may alias (two objects may be the same unless
//! provably different: distinct constants, or a fresh allocation and a value
//! that existed before it); a call forgets what [`Helper::effects`] says it
//! may write. A guard identical to an earlier one (same operand value, same
//! constant) is dropped: forwarding turns re-checks of reloaded words (map
//! and version guards) into such duplicates.
//!
//! In a peeled trace the body repeats, so at the body's loop header the pass
//! forgets every location that any body instruction may write: what is left
//! holds on every iteration, and body loads of it reuse the preamble's
//! (loop-invariant loads, and with them their guards, are hoisted). A
//! field that one body store writes and nothing else may is carried
//! around the loop in a phi instead (a `for` loop's iterator position).

use super::Rewriter;
use crate::helpers::Helper;
use crate::ir::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// A memory location a load reads (object and index operands in the new
/// numbering).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Loc {
    /// `load_field obj +offset` (an instance's map word).
    Field(Ref, i32),
    /// `load_abs addr` (a class or module version word).
    Abs(u64),
    /// `list_len list`.
    Len(Ref),
    /// `list_load list index`.
    Item(Ref, Ref),
    /// `inst_slot_load obj index`.
    InstSlot(Ref, u32),
    /// `slot_load [slot]`.
    Slot(i32),
    /// `tuple_len tuple` (tuples never change: no write forgets it).
    TupleLen(Ref),
    /// `tuple_load tuple index` (likewise).
    TupleItem(Ref, Ref),
}

impl Loc {
    /// The object whose memory the location is (None: not an object's).
    fn object(self) -> Option<Ref> {
        match self {
            Loc::Field(o, _)
            | Loc::Len(o)
            | Loc::Item(o, _)
            | Loc::InstSlot(o, _)
            | Loc::TupleLen(o)
            | Loc::TupleItem(o, _) => Some(o),
            Loc::Abs(_) | Loc::Slot(_) => None,
        }
    }

    /// May `store_field obj +offset` write this location, when `obj` may be
    /// its object? The same field, or memory reached through any field (a
    /// length, a buffer pointer): only other fields are surely untouched.
    fn written_by_field_store(self, offset: i32) -> bool {
        match self {
            Loc::Field(_, off) => off == offset,
            _ => true,
        }
    }

    /// Object memory a call that writes the heap may change.
    fn is_heap(self) -> bool {
        matches!(
            self,
            Loc::Field(..) | Loc::Len(_) | Loc::Item(..) | Loc::InstSlot(..)
        )
    }
}

/// What is known about an operand of a body instruction when the pass is at
/// the body's header (body values have no new number yet).
#[derive(Clone, Copy)]
enum Operand {
    /// A value defined before the header (new numbering).
    Known(Ref),
    /// A boxed constant's bits.
    Const(u64),
    /// An unboxed integer constant.
    Int(i64),
    /// An object the body allocates: no value from before the header.
    Fresh,
    /// A raw buffer loaded in the body (a word-typed value: a generator's
    /// saved slots), which is never a boxed object's memory.
    Buffer,
    /// Any other body value.
    Unknown,
}

/// Helpers whose result is a newly allocated object.
fn allocates_fresh(h: Helper) -> bool {
    matches!(h, Helper::NewInstance | Helper::BuildList)
}

struct HeapPass<'a> {
    rw: Rewriter<'a>,
    /// Location -> the value it holds (new numbering).
    known: FxHashMap<Loc, Ref>,
    /// New values that are fresh allocations.
    fresh: FxHashSet<Ref>,
    /// Object kinds that passed `guard_kind` (new numbering).
    kinds: FxHashMap<Ref, u8>,
    /// Guards already emitted: (opcode kind, operand, constant).
    guards: FxHashSet<(u8, Ref, u64)>,
}

impl HeapPass<'_> {
    fn boxed_const(&self, new: Ref) -> Option<u64> {
        match self.rw.insts[new as usize].op {
            Opcode::Const(v) => Some(v.to_bits()),
            _ => None,
        }
    }

    fn int_const(&self, new: Ref) -> Option<i64> {
        match self.rw.insts[new as usize].op {
            Opcode::ConstInt(c) => Some(c),
            _ => None,
        }
    }

    /// May new values `a` and `b` be the same object?
    fn may_alias(&self, a: Ref, b: Ref) -> bool {
        if a == b {
            return true;
        }
        if let (Some(x), Some(y)) = (self.boxed_const(a), self.boxed_const(b)) {
            return x == y;
        }
        // A raw buffer (a word-typed base: a generator's saved slots) is
        // never a boxed object's memory.
        let word = |x: Ref| self.rw.insts[x as usize].ty == Type::Word;
        if word(a) != word(b) {
            return false;
        }
        // Objects of different kinds (both guarded) are different objects.
        if let (Some(x), Some(y)) = (self.kinds.get(&a), self.kinds.get(&b)) {
            if x != y {
                return false;
            }
        }
        // An allocation returns no object any earlier value refers to.
        let newer_fresh = |x: Ref, y: Ref| self.fresh.contains(&x) && y < x;
        !(newer_fresh(a, b) || newer_fresh(b, a))
    }

    /// May new integer values `a` and `b` be equal?
    fn may_equal(&self, a: Ref, b: Ref) -> bool {
        match (self.int_const(a), self.int_const(b)) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
    }

    /// May body operand `op` be the same object as new value `b` (defined
    /// before the header)?
    fn operand_may_alias(&self, op: Operand, b: Ref) -> bool {
        match op {
            Operand::Known(a) => self.may_alias(a, b),
            Operand::Const(bits) => self.boxed_const(b).is_none_or(|c| c == bits),
            Operand::Fresh => false,
            Operand::Buffer => self.rw.insts[b as usize].ty == Type::Word,
            Operand::Int(_) | Operand::Unknown => true,
        }
    }

    fn operand_may_equal(&self, op: Operand, b: Ref) -> bool {
        match op {
            Operand::Known(a) => self.may_equal(a, b),
            Operand::Int(i) => self.int_const(b).is_none_or(|c| c == i),
            _ => true,
        }
    }

    /// Body operand `old` seen from the header at old index `header`.
    fn operand(&self, old: Ref, header: usize) -> Operand {
        if (old as usize) < header {
            return Operand::Known(self.rw.get(old));
        }
        match self.rw.old.insts[old as usize].op {
            Opcode::Const(v) => Operand::Const(v.to_bits()),
            Opcode::ConstInt(i) => Operand::Int(i),
            Opcode::Call(h, _) if allocates_fresh(h) => Operand::Fresh,
            Opcode::LoadField(..) if self.rw.old.insts[old as usize].ty == Type::Word => {
                Operand::Buffer
            }
            _ => Operand::Unknown,
        }
    }

    /// Forgets every location `doomed` says a write may have changed.
    fn forget(&mut self, doomed: impl Fn(&Self, Loc) -> bool) {
        let gone: Vec<Loc> = self
            .known
            .keys()
            .copied()
            .filter(|&l| doomed(self, l))
            .collect();
        for l in gone {
            self.known.remove(&l);
        }
    }

    /// Forgets what a call of `h` may change; `consts` are its arguments'
    /// constant values.
    fn call_clobbers(&mut self, h: Helper, consts: &[Option<i64>]) {
        let fx = h.effects();
        let heap = fx.runs_code || fx.writes_heap;
        let versions = fx.runs_code || fx.writes_versions;
        let slots = fx.writes_slots.then(|| h.written_slots(consts));
        self.forget(|_, loc| match loc {
            Loc::Abs(_) => versions,
            Loc::Slot(s) => match &slots {
                None => false,
                Some(None) => true,
                Some(Some(range)) => range.contains(&s),
            },
            l => heap && l.is_heap(),
        });
    }

    /// At the body's header: forgets every location a body instruction
    /// (old instructions `header + 1..`) may write, except the fields that
    /// one store of the body writes and nothing else may: those are carried
    /// around the loop in a phi (a `for` loop's iterator position).
    fn forget_body_writes(&mut self, header: usize) {
        let carried = self.carried_fields(header);
        self.forget_writes(header);
        for (loc, init, next) in carried {
            let origin = self.rw.old.insts[next as usize].origin;
            let ty = self.rw.insts[init as usize].ty;
            let phi = self.rw.emit_phi(init, next, ty, origin);
            self.known.insert(loc, phi);
        }
    }

    /// Known fields of objects from before the header that exactly one body
    /// instruction may write, a `store_field` of that very object, whose
    /// value has the known value's type: `(location, known value, stored
    /// old value)`.
    fn carried_fields(&self, header: usize) -> Vec<(Loc, Ref, Ref)> {
        let old = self.rw.old;
        let body = &old.insts[header + 1..];
        let heap_calls = body.iter().any(|inst| match inst.op {
            Opcode::Call(h, _) => {
                let fx = h.effects();
                fx.runs_code || fx.writes_heap
            }
            _ => false,
        });
        if heap_calls {
            return Vec::new();
        }
        let mut carried = Vec::new();
        for (&loc, &init) in &self.known {
            let Loc::Field(obj, off) = loc else { continue };
            let mut stores = body.iter().filter_map(|inst| match inst.op {
                Opcode::StoreField(o, o_off, v) if o_off == off => Some((o, v)),
                _ => None,
            });
            let (Some((o, v)), None) = (stores.next(), stores.next()) else {
                continue;
            };
            let same_object = matches!(self.operand(o, header), Operand::Known(k) if k == obj);
            let same_type = old.insts[v as usize].ty == self.rw.insts[init as usize].ty;
            // Other stores (other fields, slots, list items) never write it.
            if same_object && same_type && (v as usize) > header {
                carried.push((loc, init, v));
            }
        }
        // One order for one input (the map's is not).
        carried.sort_by_key(|&(_, init, _)| init);
        carried
    }

    /// Forgets every location a body instruction (old instructions
    /// `header + 1..`) may write.
    fn forget_writes(&mut self, header: usize) {
        let old = self.rw.old;
        for inst in &old.insts[header + 1..] {
            match inst.op {
                Opcode::SlotStore(s, _) => {
                    self.known.remove(&Loc::Slot(s));
                }
                Opcode::InstSlotStore(o, i, _) => {
                    let o = self.operand(o, header);
                    self.forget(|p, loc| {
                        matches!(loc, Loc::InstSlot(f, fi) if fi == i && p.operand_may_alias(o, f))
                    });
                }
                Opcode::StoreField(o, off, _) => {
                    let o = self.operand(o, header);
                    self.forget(|p, loc| {
                        loc.object().is_some_and(|f| {
                            loc.written_by_field_store(off) && p.operand_may_alias(o, f)
                        })
                    });
                }
                Opcode::ListStore(l, i, _) => {
                    let (l, i) = (self.operand(l, header), self.operand(i, header));
                    self.forget(|p, loc| {
                        matches!(loc, Loc::Item(f, fi)
                            if p.operand_may_alias(l, f) && p.operand_may_equal(i, fi))
                    });
                }
                Opcode::Call(h, ref args) => {
                    let consts: Vec<Option<i64>> = args
                        .iter()
                        .map(|&a| match old.insts[a as usize].op {
                            Opcode::ConstInt(c) => Some(c),
                            _ => None,
                        })
                        .collect();
                    self.call_clobbers(h, &consts);
                }
                _ => {}
            }
        }
    }

    /// The location old load `op` reads, in the new numbering.
    fn load_loc(&self, op: &Opcode) -> Option<Loc> {
        let g = |r: Ref| self.rw.get(r);
        Some(match *op {
            Opcode::LoadField(o, off) => Loc::Field(g(o), off),
            Opcode::LoadAbs(addr) => Loc::Abs(addr),
            Opcode::ListLen(l) => Loc::Len(g(l)),
            Opcode::ListLoad(l, i) => Loc::Item(g(l), g(i)),
            Opcode::InstSlotLoad(o, i) => Loc::InstSlot(g(o), i),
            Opcode::SlotLoad(s) => Loc::Slot(s),
            Opcode::TupleLen(t) => Loc::TupleLen(g(t)),
            Opcode::TupleLoad(t, i) => Loc::TupleItem(g(t), g(i)),
            _ => return None,
        })
    }

    fn step(&mut self, k: usize, body_header: Option<usize>) {
        let old = k as Ref;
        let inst = &self.rw.old.insts[k];
        if let Some(loc) = self.load_loc(&inst.op) {
            // A known value of another type (a word stored where an int is
            // read) is not reused: the load stays.
            let ty = inst.ty;
            match self.known.get(&loc) {
                Some(&v) if self.rw.insts[v as usize].ty == ty => self.rw.replace(old, v),
                _ => {
                    let new = self.rw.copy(old);
                    self.known.insert(loc, new);
                }
            }
            return;
        }
        if inst.op.is_guard() {
            let mut guard = inst.clone();
            guard.op.map_refs(|r| self.rw.get(r));
            if let Opcode::GuardKind(v, kind) = guard.op {
                // Objects never change kind: past this guard, `v` is one.
                self.kinds.insert(v, kind);
            }
            if let Some(key) = guard.op.guard_key() {
                if !self.guards.insert(key) {
                    return; // an identical guard already passed
                }
            }
            self.rw.copy(old);
            return;
        }
        let new = self.rw.copy(old);
        match self.rw.insts[new as usize].op.clone() {
            Opcode::SlotStore(s, v) => {
                self.known.insert(Loc::Slot(s), v);
            }
            Opcode::InstSlotStore(o, i, v) => {
                self.forget(
                    |p, loc| matches!(loc, Loc::InstSlot(f, fi) if fi == i && p.may_alias(f, o)),
                );
                self.known.insert(Loc::InstSlot(o, i), v);
            }
            Opcode::ListStore(l, i, v) => {
                self.forget(|p, loc| {
                    matches!(loc, Loc::Item(f, fi) if p.may_alias(f, l) && p.may_equal(fi, i))
                });
                self.known.insert(Loc::Item(l, i), v);
            }
            Opcode::StoreField(o, off, v) => {
                self.forget(|p, loc| {
                    loc.object()
                        .is_some_and(|f| loc.written_by_field_store(off) && p.may_alias(f, o))
                });
                self.known.insert(Loc::Field(o, off), v);
            }
            Opcode::Call(h, args) => {
                let consts: Vec<Option<i64>> = args.iter().map(|&a| self.int_const(a)).collect();
                self.call_clobbers(h, &consts);
                if allocates_fresh(h) {
                    self.fresh.insert(new);
                }
            }
            Opcode::LoopHeader if Some(k) == body_header => self.forget_body_writes(k),
            _ => {}
        }
    }
}

/// The pass: forwards stores and earlier loads to later loads.
pub fn run(trace: &Trace) -> Trace {
    let body_header = if trace.local_loop {
        trace
            .insts
            .iter()
            .rposition(|i| i.op == Opcode::LoopHeader)
            .filter(|&h| h > 0)
    } else {
        None
    };
    let mut pass = HeapPass {
        rw: Rewriter::new(trace),
        known: FxHashMap::default(),
        fresh: FxHashSet::default(),
        kinds: FxHashMap::default(),
        guards: FxHashSet::default(),
    };
    for k in 0..trace.insts.len() {
        pass.step(k, body_header);
    }
    pass.rw.finish()
}
