//! Heap pass: store-to-load forwarding and redundant-load removal.
//!
//! Walking the trace in order, the pass remembers which IR value each
//! memory location holds (a location is an object value plus an offset or
//! index, a version word's address, or an interpreter slot): a load of a
//! known location is replaced by that value; a load of an unknown one is
//! kept and its result remembered; a store remembers the stored value and
//! forgets every location it may alias (two objects may be the same unless
//! provably different: distinct constants, a fresh allocation and a value
//! that existed before it, or generators of different codes and their
//! saved-slot buffers); a store of the value a location is known to hold
//! already is dropped; a call forgets what [`Helper::effects`] says it may
//! write. A guard identical to an earlier one (same operand value, same
//! constant) is dropped, and so is a `guard_eq` of the constant itself:
//! forwarding turns re-checks of reloaded words (map and version guards, a
//! generator's resume word) into such guards. An `unbox_int` of a
//! forwarded `box_int` is the int itself.
//!
//! In a peeled trace the body repeats. At the body's header the pass
//! forgets the slots the body writes (`peel` carries them in phis) and
//! assumes that every other location known at the end of the preamble holds the
//! same value (loop-invariant loads, and with them their guards, are
//! hoisted), or, for a location the body changes, the value the body
//! leaves there (a phi: a `for` loop's iterator position, a generator's
//! saved slots stored at its `yield` and loaded at its next resumption), and
//! checks at `loop_back` that the body left each location known with that
//! value. A location that fails is demoted (same value -> phi -> forgotten
//! at the header) and the pass runs again: each round demotes something, so
//! it ends (after [`MAX_ROUNDS`] it falls back to forgetting every location
//! a body instruction may write).

use super::slot_effects::{slot_writes, SlotWrites};
use super::Rewriter;
use crate::helpers::Helper;
use crate::ir::*;
use crate::layout;
use runtime::object::ObjKind;
use rustc_hash::{FxHashMap, FxHashSet};

/// Rounds of assuming and checking loop-carried locations before the pass
/// falls back to forgetting every location the body may write.
pub const MAX_ROUNDS: usize = 8;

/// A memory location a load reads (object and index operands in the new
/// numbering).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

/// What the body assumes at its header of a location known at the end of
/// the preamble.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Carry {
    /// It holds the preamble's value on every iteration.
    Same,
    /// It holds a phi: the preamble's value, then what the body left there.
    Phi,
    /// Nothing: the body's loads read memory.
    Forget,
}

/// A location the body assumes something of, checked at `loop_back`.
struct Carried {
    loc: Loc,
    /// Its value at the end of the preamble (new numbering).
    init: Ref,
    /// The phi standing for it in the body (`Carry::Phi`), else `init`.
    value: Ref,
    carry: Carry,
}

struct HeapPass<'a> {
    rw: Rewriter<'a>,
    /// What the body assumes of each location known at its header (missing:
    /// `Carry::Same`); None: the fallback, forgetting what the body may write.
    plan: Option<&'a FxHashMap<Loc, Carry>>,
    /// The assumptions made at the body's header.
    carried: Vec<Carried>,
    /// Assumptions `loop_back` found broken, with what to assume instead.
    demoted: Vec<(Loc, Carry)>,
    /// Word loads of a location known to hold an integer constant: that
    /// constant's bits.
    word_consts: FxHashMap<Ref, u64>,
    /// Values a `guard_eq` pinned to a constant.
    guarded: FxHashMap<Ref, u64>,
    /// Generator -> the value of its (immutable) function field.
    gen_func: FxHashMap<Ref, Ref>,
    /// A generator's function (new value) -> its code, loaded from it.
    func_code: FxHashMap<Ref, Ref>,
    /// Saved-slot buffer -> the generator owning it (a buffer belongs to one
    /// generator: different generators have different buffers).
    buffer_owner: FxHashMap<Ref, Ref>,
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
        // Generators of different codes are different generators, and
        // own different buffers.
        if self.different_generators(a, b) {
            return false;
        }
        if let (Some(&ga), Some(&gb)) = (self.buffer_owner.get(&a), self.buffer_owner.get(&b)) {
            if self.different_generators(ga, gb) {
                return false;
            }
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

    /// Are new values `a` and `b` generators whose functions' codes (fields
    /// that never change) were guarded to be different constants?
    fn different_generators(&self, a: Ref, b: Ref) -> bool {
        let code = |g: Ref| {
            self.gen_func
                .get(&g)
                .and_then(|f| self.func_code.get(f))
                .and_then(|c| self.guarded.get(c))
                .copied()
        };
        matches!((code(a), code(b)), (Some(x), Some(y)) if x != y)
    }

    /// Notes what load `new` (of old instruction `op`) says about
    /// generators: its function, or its saved-slot buffer.
    fn note_generator_load(&mut self, op: &Opcode, new: Ref) {
        let Opcode::LoadField(o, off) = *op else {
            return;
        };
        let g = self.rw.get(o);
        if off == layout::function_code_offset() && self.gen_func.values().any(|&f| f == g) {
            self.func_code.insert(g, new);
            return;
        }
        if self.kinds.get(&g) != Some(&(ObjKind::Generator as u8)) {
            return;
        }
        let [func_off, _, _, slots_off] = layout::generator_layout();
        if off == func_off {
            self.gen_func.insert(g, new);
        } else if off == slots_off && self.rw.insts[new as usize].ty == Type::Word {
            self.buffer_owner.insert(new, g);
        }
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
        let slots = h.written_slots(consts);
        self.forget(|_, loc| match loc {
            Loc::Abs(_) => versions,
            Loc::Slot(s) => slots.covers(s),
            l => heap && l.is_heap(),
        });
    }

    /// At the body's header: what the body assumes of each location known
    /// now ([`Carry`]), by `plan`, or (the fallback) forgets every location
    /// a body instruction may write.
    fn enter_body(&mut self, header: usize) {
        let Some(plan) = self.plan else {
            self.forget_writes(header);
            return;
        };
        // One order for one input (the map's is not): phis are emitted in it.
        let mut known: Vec<(Loc, Ref)> = self.known.iter().map(|(&l, &v)| (l, v)).collect();
        known.sort_unstable();
        let origin = self.rw.old.insts[header].origin;
        let slot_written = self.body_slot_writes(header);
        for (loc, init) in known {
            // `peel` carries the slots the body writes in its own phis.
            let carry = match loc {
                Loc::Slot(s) if slot_written(s) => Carry::Forget,
                _ => plan.get(&loc).copied().unwrap_or(Carry::Same),
            };
            let value = match carry {
                Carry::Forget => {
                    self.known.remove(&loc);
                    continue;
                }
                Carry::Same => init,
                Carry::Phi => {
                    // `next` is patched at `loop_back`.
                    let phi = self.rw.emit(Inst {
                        op: Opcode::Phi(init, init),
                        ty: self.rw.insts[init as usize].ty,
                        snap: None,
                        origin,
                    });
                    self.known.insert(loc, phi);
                    phi
                }
            };
            self.carried.push(Carried {
                loc,
                init,
                value,
                carry,
            });
        }
    }

    /// Which slots a body instruction (old instructions `header + 1..`)
    /// may write.
    fn body_slot_writes(&self, header: usize) -> impl Fn(i32) -> bool {
        let old = self.rw.old;
        let mut stored = FxHashSet::default();
        let mut helpers = Vec::new();
        for inst in &old.insts[header + 1..] {
            match inst.op {
                Opcode::SlotStore(s, _) => {
                    stored.insert(s);
                }
                _ => match slot_writes(&old.insts, inst) {
                    SlotWrites::Nothing => {}
                    w => helpers.push(w),
                },
            }
        }
        move |s| stored.contains(&s) || helpers.iter().any(|w: &SlotWrites| w.covers(s))
    }

    /// At `loop_back`: checks that the body left each carried location
    /// with the value assumed at the header (a phi's `next` is then what it
    /// left), and notes the demotion of each that it did not.
    fn check_carried(&mut self) {
        for c in &self.carried {
            let ty = self.rw.insts[c.init as usize].ty;
            let end = self
                .known
                .get(&c.loc)
                .copied()
                .filter(|&w| self.rw.insts[w as usize].ty == ty);
            match (c.carry, end) {
                (Carry::Same, Some(w)) if w == c.init => {}
                (Carry::Same, Some(_)) => self.demoted.push((c.loc, Carry::Phi)),
                (Carry::Phi, Some(w)) => {
                    self.rw.insts[c.value as usize].op = Opcode::Phi(c.init, w);
                }
                _ => self.demoted.push((c.loc, Carry::Forget)),
            }
        }
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

    /// The location old store `op` writes and the value it stores (new
    /// numbering), for the stores that may be dropped.
    fn stored(&self, op: &Opcode) -> Option<(Loc, Ref)> {
        let g = |r: Ref| self.rw.get(r);
        Some(match *op {
            Opcode::StoreField(o, off, v) => (Loc::Field(g(o), off), g(v)),
            Opcode::InstSlotStore(o, i, v) => (Loc::InstSlot(g(o), i), g(v)),
            Opcode::ListStore(l, i, v) => (Loc::Item(g(l), g(i)), g(v)),
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
            let new = match self.known.get(&loc) {
                Some(&v) if self.rw.insts[v as usize].ty == ty => {
                    self.rw.replace(old, v);
                    v
                }
                // A word stored as an integer constant (a generator's
                // resume word): the load stays, for want of a word
                // constant, but guards on it are decided.
                Some(&v) if ty == Type::Word && self.int_const(v).is_some() => {
                    let new = self.rw.copy(old);
                    self.word_consts
                        .insert(new, self.int_const(v).unwrap_or(0) as u64);
                    new
                }
                _ => {
                    let new = self.rw.copy(old);
                    self.known.insert(loc, new);
                    new
                }
            };
            self.note_generator_load(&inst.op, new);
            return;
        }
        if inst.op.is_guard() {
            let mut guard = *inst;
            guard.op.map_refs(|r| self.rw.get(r));
            match guard.op {
                // Objects never change kind: past this guard, `v` is one.
                Opcode::GuardKind(v, kind) => {
                    self.kinds.insert(v, kind);
                }
                Opcode::GuardEq(v, c) => {
                    if super::fold::const_bits(&self.rw.insts, v)
                        .or(self.word_consts.get(&v).copied())
                        == Some(c)
                    {
                        return; // a forwarded constant: it holds
                    }
                    self.guarded.insert(v, c);
                }
                _ => {}
            }
            if let Some(key) = guard.op.guard_key() {
                if !self.guards.insert(key) {
                    return; // an identical guard already passed
                }
            }
            self.rw.copy(old);
            return;
        }
        // Forwarding hands a box to its unboxing (an int saved boxed in a
        // generator's slot, loaded at its next resumption): the int itself.
        if let Opcode::UnboxInt(v) = inst.op {
            if let Opcode::BoxInt(x) = self.rw.insts[self.rw.get(v) as usize].op {
                self.rw.replace(old, x);
                return;
            }
        }
        if let Some((loc, v)) = self.stored(&inst.op) {
            if self.known.get(&loc) == Some(&v) {
                return; // the location holds that value already
            }
        }
        let new = self.rw.copy(old);
        match self.rw.insts[new as usize].op {
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
                if h == Helper::NewCell {
                    // A new cell holds its argument.
                    let off = layout::cell_value_offset();
                    self.known.insert(Loc::Field(new, off), args[0]);
                }
            }
            Opcode::LoopHeader if Some(k) == body_header => self.enter_body(k),
            Opcode::LoopBack if body_header.is_some() => self.check_carried(),
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
    let mut plan: FxHashMap<Loc, Carry> = FxHashMap::default();
    for _ in 0..MAX_ROUNDS {
        let (out, demoted) = round(trace, body_header, Some(&plan));
        if demoted.is_empty() {
            return out;
        }
        plan.extend(demoted);
    }
    round(trace, body_header, None).0
}

/// One walk over `trace`, with the body assuming `plan` (None: the
/// fallback); the output and the assumptions `loop_back` found broken.
fn round(
    trace: &Trace,
    body_header: Option<usize>,
    plan: Option<&FxHashMap<Loc, Carry>>,
) -> (Trace, Vec<(Loc, Carry)>) {
    // Sized for a typical trace's facts and guards: growing the tables
    // (rehashing) was most of their cost.
    let n = trace.insts.len();
    let mut pass = HeapPass {
        rw: Rewriter::new(trace),
        plan,
        carried: Vec::new(),
        demoted: Vec::new(),
        word_consts: FxHashMap::default(),
        guarded: FxHashMap::default(),
        gen_func: FxHashMap::default(),
        func_code: FxHashMap::default(),
        buffer_owner: FxHashMap::default(),
        known: FxHashMap::with_capacity_and_hasher(n / 4, Default::default()),
        fresh: FxHashSet::default(),
        kinds: FxHashMap::default(),
        guards: FxHashSet::with_capacity_and_hasher(n / 4, Default::default()),
    };
    for k in 0..trace.insts.len() {
        pass.step(k, body_header);
    }
    let demoted = std::mem::take(&mut pass.demoted);
    (pass.rw.finish(), demoted)
}
