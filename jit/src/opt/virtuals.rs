//! Allocation removal: an instance the trace allocates (`call new_instance`
//! of a constant class) stays *virtual* (not allocated) while nothing lets
//! it escape. Its attribute appends and stores are remembered, loads of them
//! forwarded, the guards on it (tag, kind, map, not-EMPTY) decided, `is`
//! against it folded, and stores of it to interpreter slots remembered.
//! Small tuples and lists (`build_tuple`, `build_list`) are virtual the
//! same way (see `seq`).
//!
//! Snapshots taken meanwhile describe the virtual objects the slots hold
//! (`Snapshot::virtuals`); the exit stub builds them when the guard fails
//! (`crate::materialize`). Anything else that uses the object materializes
//! it first (emits `new_instance_with_map`, its final layout with all its
//! slots at once, or `new_tuple`/`new_list` with its items, a store per
//! field the call does not take, then the slot stores):
//! a call argument, a store into the heap, a phi (kept across iterations),
//! a helper reading the slot holding it, the end of the preamble and
//! `loop_back` (the stack must hold it, unless only slots dead at the loop
//! header do: call temporaries, inlined frames), and a call that may run
//! Python code (and so collect) while the object's fields hold heap
//! pointers that only the trace keeps alive (no slot holds them too). So
//! does an exit always taken (a guard on a constant that fails: a function
//! trace's end at its `return`), for the objects the stack holds there:
//! building them at an exit is the slow path, meant for exits taken
//! rarely. When unsure, it escapes.

mod seq;

use super::slot_effects::{dead_from, slot_reads, slot_writes, SlotWrites};
use super::Rewriter;
use crate::helpers::Helper;
use crate::ir::*;
use crate::layout;
use crate::snapshot::{VirtualField, VirtualKind, VirtualObj, VirtualValue};
use runtime::object::ObjKind;
use runtime::value::TAG_PTR;
use runtime::Value;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;

/// A field value: a new (output) value, or another virtual object.
#[derive(Clone, Copy, Debug)]
enum Field {
    Real(Ref),
    Virt(usize),
}

/// What a removed allocation is.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    /// An instance: its class constant (boxed) and the class's new value.
    Instance { class: Value, class_ref: Ref },
    /// A tuple.
    Tuple,
    /// A list.
    List,
}

impl Kind {
    /// Is it an instance?
    fn is_instance(self) -> bool {
        matches!(self, Kind::Instance { .. })
    }

    /// The runtime's kind of the object.
    fn obj_kind(self) -> ObjKind {
        match self {
            Kind::Instance { .. } => ObjKind::Instance,
            Kind::Tuple => ObjKind::Tuple,
            Kind::List => ObjKind::List,
        }
    }
}

/// One allocation the pass removed.
struct Obj {
    /// What it is.
    kind: Kind,
    /// An instance's appended slots with the map after each append; a
    /// tuple's or list's items (map 0).
    fields: Vec<(Field, u64)>,
    /// The class's root map, learned from a map guard on the fresh object.
    root_map: Option<u64>,
    /// Its value once materialized.
    mat: Option<Ref>,
    /// Being materialized (its fields' objects are).
    building: bool,
    /// Old values standing for it.
    aliases: Vec<Ref>,
}

impl Obj {
    /// A new allocation the pass removed, with its first fields.
    fn new(kind: Kind, fields: Vec<(Field, u64)>) -> Obj {
        Obj {
            kind,
            fields,
            root_map: None,
            mat: None,
            building: false,
            aliases: Vec::new(),
        }
    }
}

struct Pass<'a> {
    rw: Rewriter<'a>,
    objs: Vec<Obj>,
    /// Old value -> object.
    alias: FxHashMap<Ref, usize>,
    /// Interpreter slots holding an object (their stores were removed).
    slots: BTreeMap<i32, usize>,
    /// Per old snapshot: the virtuals of its latest copy and that copy.
    last_copy: Vec<Option<(Vec<VirtualObj>, u32)>>,
    /// Slots from here up are dead at the loop header (see [`dead_from`]).
    dead_from: i32,
    /// Fields of materialized objects (holder, index) waiting for an
    /// object being materialized (a cycle).
    cyclic: Vec<(usize, usize, usize)>,
    /// What each interpreter slot the trace wrote or read holds now, for
    /// the items of a `build_tuple` or `build_list` (which reads them).
    slot_values: FxHashMap<i32, Field>,
}

/// Fields `new_instance_with_map` takes as arguments (its helper has four).
const FIELDS_IN_CALL: usize = 2;

impl Pass<'_> {
    /// At the loop's back-edge: objects only dead slots hold need no store.
    fn forget_dead_slots(&mut self) {
        let dead = self.dead_from;
        self.slots.retain(|&s, _| s < dead);
    }

    /// The virtual (not materialized) object old value `r` stands for.
    fn virt(&self, r: Ref) -> Option<usize> {
        self.alias
            .get(&r)
            .copied()
            .filter(|&o| self.objs[o].mat.is_none())
    }

    /// The virtual instance old value `r` stands for.
    fn instance(&self, r: Ref) -> Option<usize> {
        self.virt(r).filter(|&o| self.objs[o].kind.is_instance())
    }

    /// `f` now: the materialized object for an object materialized since.
    fn current(&self, f: Field) -> Field {
        match f {
            Field::Virt(o) => match self.objs[o].mat {
                Some(m) => Field::Real(m),
                None => f,
            },
            real => real,
        }
    }

    fn add_alias(&mut self, old: Ref, o: usize) {
        self.alias.insert(old, o);
        self.objs[o].aliases.push(old);
    }

    /// The field value old value `v` gives.
    fn field_of(&self, v: Ref) -> Field {
        match self.virt(v) {
            Some(o) => Field::Virt(o),
            None => Field::Real(self.rw.get(v)),
        }
    }

    fn emit(&mut self, op: Opcode, ty: Type, origin: u32) -> Ref {
        self.rw.emit(Inst {
            op,
            ty,
            snap: None,
            origin,
        })
    }

    /// Allocates object `o` where the trace now is, with its final map and
    /// all its slots at once, and stores it to the slots holding it. The
    /// virtual objects its fields name come first, so the helper takes the
    /// first [`FIELDS_IN_CALL`] fields as arguments; the others are stored
    /// after it (a slot not stored holds None). A field naming an object
    /// still being built (a cycle: `o` is marked while its fields are) is
    /// stored once that object exists. Allocation never collects, so the
    /// order is free.
    fn materialize(&mut self, o: usize, origin: u32) {
        if self.objs[o].mat.is_some() || self.objs[o].building {
            return;
        }
        self.objs[o].building = true;
        for k in 0..self.objs[o].fields.len() {
            if let Field::Virt(w) = self.objs[o].fields[k].0 {
                self.materialize(w, origin);
            }
        }
        self.objs[o].building = false;
        // Each field's value, or the object still being built it waits for.
        let values: Vec<Result<Ref, usize>> = self.objs[o]
            .fields
            .iter()
            .map(|&(f, _)| match f {
                Field::Real(r) => Ok(r),
                Field::Virt(w) => self.objs[w].mat.ok_or(w),
            })
            .collect();
        let (obj, in_call) = match self.objs[o].kind {
            Kind::Instance { class_ref, .. } => (
                self.allocate_instance(o, class_ref, &values, origin),
                FIELDS_IN_CALL,
            ),
            Kind::Tuple | Kind::List => (self.allocate_seq(o, &values, origin), seq::ITEMS_IN_CALL),
        };
        self.objs[o].mat = Some(obj);
        for (k, v) in values.iter().enumerate() {
            match *v {
                Ok(_) if k < in_call => {}
                // The new object's slots hold None already.
                Ok(v) if self.rw.insts[v as usize].op == Opcode::Const(Value::NONE) => {}
                Ok(v) => self.store_field(o, k, v, origin),
                Err(w) => self.cyclic.push((o, k, w)),
            }
        }
        // Fields that waited for this object (itself included).
        let (now, later): (Vec<_>, Vec<_>) = self.cyclic.drain(..).partition(|c| c.2 == o);
        self.cyclic = later;
        for (holder, k, _) in now {
            self.store_field(holder, k, obj, origin);
        }
        for &a in &self.objs[o].aliases.clone() {
            self.rw.replace(a, obj);
        }
        let held: Vec<i32> = self
            .slots
            .iter()
            .filter(|&(_, &h)| h == o)
            .map(|(&s, _)| s)
            .collect();
        for s in held {
            self.slots.remove(&s);
            self.emit(Opcode::SlotStore(s, obj), Type::Void, origin);
        }
    }

    /// Emits the allocation of instance `o` of class `class` (new value)
    /// with its final map, its first fields from `values`.
    fn allocate_instance(
        &mut self,
        o: usize,
        class: Ref,
        values: &[Result<Ref, usize>],
        origin: u32,
    ) -> Ref {
        match self.objs[o].fields.last() {
            None => self.emit(
                Opcode::Call(Helper::NewInstance, CallArgs::new(&[class])),
                Type::Val,
                origin,
            ),
            Some(&(_, map)) => {
                let m = self.emit(Opcode::ConstInt(map as i64), Type::Int, origin);
                let mut args = vec![class, m];
                for v in values.iter().take(FIELDS_IN_CALL) {
                    let v = match *v {
                        Ok(v) => v,
                        Err(_) => self.emit(Opcode::Const(Value::NONE), Type::Val, origin),
                    };
                    args.push(v);
                }
                self.emit(
                    Opcode::Call(Helper::NewInstanceWithMap, args.into()),
                    Type::Val,
                    origin,
                )
            }
        }
    }

    /// Stores `value` to field `k` of object `o`, materialized by now.
    fn store_field(&mut self, o: usize, k: usize, value: Ref, origin: u32) {
        let obj = self.objs[o].mat.expect("materialized");
        match self.objs[o].kind {
            Kind::Instance { .. } => {
                let store = Opcode::InstSlotStore(obj, k as u32, value);
                self.emit(store, Type::Void, origin);
            }
            Kind::Tuple | Kind::List => self.store_item(o, obj, k, value, origin),
        }
    }

    /// Materializes the objects that slots in `range` (None: every slot) hold.
    fn materialize_slots(&mut self, read: SlotWrites, origin: u32) {
        let held: Vec<usize> = self
            .slots
            .iter()
            .filter(|(&s, _)| read.covers(s))
            .map(|(_, &o)| o)
            .collect();
        for o in held {
            self.materialize(o, origin);
        }
    }

    /// The virtual objects the slots hold, and those their fields name,
    /// in snapshot order (index in the returned list).
    fn reachable(&self) -> Vec<usize> {
        let mut order: Vec<usize> = Vec::new();
        let mut work: Vec<usize> = self.slots.values().copied().collect();
        while let Some(o) = work.pop() {
            if self.objs[o].mat.is_some() || order.contains(&o) {
                continue;
            }
            order.push(o);
            for &(f, _) in &self.objs[o].fields {
                if let Field::Virt(w) = f {
                    work.push(w);
                }
            }
        }
        order.sort_unstable();
        order
    }

    /// Does an interpreter slot hold new value `r` now (so a collection
    /// sees it: the GC marks the trace's whole extent, and the `sink` pass
    /// writes pointers to their slots before a call that runs code)?
    fn in_a_slot(&self, r: Ref) -> bool {
        self.slot_values
            .values()
            .any(|&f| matches!(self.current(f), Field::Real(x) if x == r))
    }

    /// Before a call that may run Python code (and so collect): objects
    /// whose fields hold heap pointers only the trace keeps alive become
    /// real, rooted by their slots (and so do objects naming them).
    fn materialize_for_gc(&mut self, origin: u32) {
        loop {
            let unsafe_obj = self.reachable().into_iter().find(|&o| {
                self.objs[o]
                    .fields
                    .iter()
                    .any(|&(f, _)| match self.current(f) {
                        Field::Real(r) => may_be_pointer(&self.rw.insts, r) && !self.in_a_slot(r),
                        Field::Virt(_) => false,
                    })
            });
            match unsafe_obj {
                Some(o) => self.materialize(o, origin),
                None => return,
            }
        }
    }

    /// The snapshot copy for old snapshot `s` with the current virtual objects.
    fn snapshot_for(&mut self, s: u32) -> u32 {
        let order = self.reachable();
        if order.is_empty() {
            return self.rw.snapshot(s);
        }
        let index = |o: usize| order.iter().position(|&x| x == o).expect("reachable") as u32;
        let virtuals: Vec<VirtualObj> = order
            .iter()
            .map(|&o| VirtualObj {
                slots: self
                    .slots
                    .iter()
                    .filter(|&(_, &h)| h == o)
                    .map(|(&s, _)| s)
                    .collect(),
                kind: match self.objs[o].kind {
                    Kind::Instance { class, .. } => VirtualKind::Instance { class },
                    Kind::Tuple => VirtualKind::Tuple,
                    Kind::List => VirtualKind::List,
                },
                fields: self.objs[o]
                    .fields
                    .iter()
                    .map(|&(f, map)| VirtualField {
                        // An object named by a field may be real by now.
                        value: match self.current(f) {
                            Field::Real(r) => VirtualValue::Ref(r),
                            Field::Virt(w) => VirtualValue::Virtual(index(w)),
                        },
                        map,
                    })
                    .collect(),
            })
            .collect();
        if let Some((same, k)) = &self.last_copy[s as usize] {
            if *same == virtuals {
                return *k;
            }
        }
        let mut snap = self.rw.old.snapshots[s as usize].clone();
        for e in &mut snap.entries {
            e.1 = self.rw.get(e.1);
        }
        snap.virtuals = virtuals.clone();
        let k = self.rw.add_snapshot(snap);
        self.last_copy[s as usize] = Some((virtuals, k));
        k
    }

    /// Copies old instruction `k` (its operands are real by now).
    fn copy(&mut self, k: usize) {
        let mut inst = self.rw.old.insts[k];
        let snap = inst.snap.take();
        self.rw.renumber(&mut inst);
        inst.snap = snap.map(|s| self.snapshot_for(s));
        let new = self.rw.emit(inst);
        self.rw.replace(k as Ref, new);
    }

    /// The new integer constant old value `r` is, if it is one.
    fn old_int(&self, r: Ref) -> Option<i64> {
        match self.rw.old.insts[r as usize].op {
            Opcode::ConstInt(c) => Some(c),
            _ => None,
        }
    }

    /// Is `op` a guard on a constant condition that never holds?
    fn always_fails(&self, op: &Opcode) -> bool {
        match *op {
            Opcode::GuardTrue(c) => self.old_int(c) == Some(0),
            Opcode::GuardFalse(c) => self.old_int(c).is_some_and(|b| b != 0),
            _ => false,
        }
    }

    /// Handles old instruction `k` if it acts on a virtual object without
    /// letting it escape; false when it must be copied.
    fn absorb(&mut self, k: usize) -> bool {
        if let Some(done) = self.absorb_seq(k) {
            return done;
        }
        let old = self.rw.old;
        let inst = &old.insts[k];
        let kr = k as Ref;
        match inst.op {
            Opcode::Call(Helper::NewInstance, ref args) if args.len() == 1 => {
                let Opcode::Const(class) = old.insts[args[0] as usize].op else {
                    return false;
                };
                if !class.is_ptr() {
                    return false;
                }
                let class_ref = self.rw.get(args[0]);
                self.objs
                    .push(Obj::new(Kind::Instance { class, class_ref }, Vec::new()));
                self.add_alias(kr, self.objs.len() - 1);
                true
            }
            Opcode::GuardTag(v, tag) => self.virt(v).is_some() && tag == TAG_PTR,
            Opcode::GuardKind(v, kind) => self
                .virt(v)
                .is_some_and(|o| self.objs[o].kind.obj_kind() as u8 == kind),
            // A new object is none of the values that existed before it.
            Opcode::GuardNe(v, _) => self.virt(v).is_some(),
            Opcode::GuardEq(v, c) => {
                // A map word or length this pass made a constant.
                self.virt(v).is_none()
                    && matches!(self.rw.insts[self.rw.get(v) as usize].op,
                        Opcode::ConstInt(m) if m as u64 == c)
                    && matches!(
                        old.insts[v as usize].op,
                        Opcode::LoadField(..) | Opcode::TupleLen(_) | Opcode::ListLen(_)
                    )
            }
            Opcode::LoadField(v, off) if off == layout::instance_map_offset() => {
                let Some(o) = self.instance(v) else {
                    return false;
                };
                let map = match self.objs[o].fields.last() {
                    Some(&(_, m)) => Some(m),
                    None => self.objs[o].root_map.or_else(|| {
                        // The map guard recorded on the fresh object saw the
                        // class's root map, which never changes.
                        old.insts[k + 1..].iter().find_map(|i| match i.op {
                            Opcode::GuardEq(x, c) if x == kr => Some(c),
                            _ => None,
                        })
                    }),
                };
                let Some(map) = map else {
                    return false;
                };
                if self.objs[o].fields.is_empty() {
                    self.objs[o].root_map = Some(map);
                }
                let c = self.emit(Opcode::ConstInt(map as i64), inst.ty, inst.origin);
                self.rw.replace(kr, c);
                true
            }
            Opcode::Call(Helper::InstAppendSlot, ref args) if args.len() == 3 => {
                let (Some(o), Some(map)) = (self.instance(args[0]), self.old_int(args[2])) else {
                    return false;
                };
                let f = self.field_of(args[1]);
                self.objs[o].fields.push((f, map as u64));
                true
            }
            Opcode::InstSlotLoad(v, i) => {
                let Some(o) = self.instance(v) else {
                    return false;
                };
                match self.objs[o].fields.get(i as usize) {
                    Some(&(f, _)) => self.forward(kr, f),
                    None => return false,
                }
                true
            }
            Opcode::InstSlotStore(v, i, x) => {
                let Some(o) = self.instance(v) else {
                    return false;
                };
                let f = self.field_of(x);
                match self.objs[o].fields.get_mut(i as usize) {
                    Some(slot) => slot.0 = f,
                    None => return false,
                }
                true
            }
            Opcode::SameValue(a, b) => {
                let (va, vb) = (self.virt(a), self.virt(b));
                if va.is_none() && vb.is_none() {
                    return false;
                }
                let c = self.emit(Opcode::ConstInt((va == vb) as i64), Type::Bool, inst.origin);
                self.rw.replace(kr, c);
                true
            }
            Opcode::SlotStore(s, v) => {
                let value = self.field_of(v);
                self.slot_values.insert(s, value);
                match self.virt(v) {
                    Some(o) => {
                        self.slots.insert(s, o);
                        true
                    }
                    None => {
                        self.slots.remove(&s);
                        false
                    }
                }
            }
            Opcode::SlotLoad(s) => match self.slots.get(&s) {
                Some(&o) => {
                    self.add_alias(kr, o);
                    true
                }
                None => false,
            },
            _ => false,
        }
    }

    fn step(&mut self, k: usize, body_header: Option<usize>) {
        if self.absorb(k) {
            return;
        }
        let old = self.rw.old;
        let inst = &old.insts[k];
        let origin = inst.origin;
        match &inst.op {
            // An exit always taken (a function trace's end): the objects
            // the stack holds there are built here, in the trace, rather
            // than by the exit's materialization, which is for rare exits.
            op if self.always_fails(op) => self.materialize_slots(SlotWrites::All, origin),
            Opcode::LoopHeader if Some(k) == body_header => {
                // The stack must be current at the body's header, and phi
                // inits are defined before it. What slots hold is the last
                // iteration's (a slot load says).
                self.slot_values.clear();
                self.forget_dead_slots();
                self.materialize_slots(SlotWrites::All, origin);
                // So do objects the body names directly (each iteration must
                // see the same one).
                let mut used = FxHashSet::default();
                for i in &old.insts[k + 1..] {
                    i.op.for_each_ref(|r| {
                        used.insert(r);
                    });
                }
                for o in 0..self.objs.len() {
                    if self.objs[o].aliases.iter().any(|a| used.contains(a)) {
                        self.materialize(o, origin);
                    }
                }
            }
            Opcode::LoopBack => {
                self.forget_dead_slots();
                self.materialize_slots(SlotWrites::All, origin);
                for i in &old.insts {
                    if let Opcode::Phi(_, next) = i.op {
                        if let Some(o) = self.virt(next) {
                            self.materialize(o, origin);
                        }
                    }
                }
            }
            Opcode::Phi(..) => {}
            Opcode::Call(h, args) => {
                for &a in args {
                    if let Some(o) = self.virt(a) {
                        self.materialize(o, origin);
                    }
                }
                if h.effects().reads_slots {
                    let read = match read_range(*h, args, |r| self.old_int(r)) {
                        Some((from, to)) => SlotWrites::Range(from, to + 1),
                        None => slot_reads(&old.insts, inst),
                    };
                    self.materialize_slots(read, origin);
                }
                if h.effects().runs_code {
                    self.materialize_for_gc(origin);
                }
                let written = slot_writes(&old.insts, inst);
                if written != SlotWrites::Nothing {
                    self.slots.retain(|&s, _| !written.covers(s));
                    self.slot_values.retain(|&s, _| !written.covers(s));
                }
            }
            op => {
                for r in op.refs() {
                    if let Some(o) = self.virt(r) {
                        self.materialize(o, origin);
                    }
                }
            }
        }
        self.copy(k);
    }
}

/// The slots (inclusive range) a slot-reading helper reads, given its
/// arguments' constants; None when unknown (any slot).
fn read_range(h: Helper, args: &[Ref], int: impl Fn(Ref) -> Option<i64>) -> Option<(i32, i32)> {
    let c: Vec<Option<i64>> = args.iter().map(|&a| int(a)).collect();
    let r = |a: i64, b: i64| Some((a as i32, b as i32));
    match (h, c.as_slice()) {
        // A third argument (a direct call's function) reads no slot.
        (Helper::Call, [Some(f), Some(n), ..]) => r(*f, f + n),
        (Helper::CallMethod, [Some(f), Some(n), ..]) => r(*f, f + 1 + n),
        (Helper::CallKw | Helper::CallMethodKw, [Some(f), Some(n), _]) => r(*f, f + 1 + n),
        (Helper::CallEx, [Some(f)]) => r(*f, f + 2),
        // `(func_slot, args_at, n)`.
        (Helper::CallBuiltin, [Some(f), Some(a), Some(n)]) => r(*f.min(a), *f.max(&(a + n - 1))),
        (Helper::BuildList | Helper::BuildTuple, [Some(s), Some(n)]) => r(*s, s + n - 1),
        _ => None,
    }
}

/// May new value `v` be a pointer to a heap object?
fn may_be_pointer(insts: &[Inst], v: Ref) -> bool {
    match insts[v as usize].op {
        Opcode::BoxInt(_) | Opcode::BoxFloat(_) | Opcode::BoxBool(_) => false,
        Opcode::Const(c) => c.is_ptr(),
        _ => true,
    }
}

/// The pass; None when it would leave the trace as it is (nothing is
/// allocated, or the trace is already sunk): the pipeline keeps its input.
pub fn virtuals(trace: &Trace) -> Option<Trace> {
    let sunk = trace
        .snapshots
        .iter()
        .any(|s| !s.entries.is_empty() || !s.virtuals.is_empty());
    let allocates = trace.insts.iter().any(|i| {
        matches!(
            i.op,
            Opcode::Call(
                Helper::NewInstance | Helper::BuildTuple | Helper::BuildList,
                _
            )
        )
    });
    if sunk || !allocates {
        return None;
    }
    let body_header = trace
        .insts
        .iter()
        .rposition(|i| i.op == Opcode::LoopHeader)
        .filter(|&h| h > 0 && trace.local_loop);
    let mut pass = Pass {
        rw: Rewriter::new(trace),
        objs: Vec::new(),
        alias: FxHashMap::default(),
        slots: BTreeMap::new(),
        last_copy: vec![None; trace.snapshots.len()],
        dead_from: dead_from(trace),
        cyclic: Vec::new(),
        slot_values: FxHashMap::default(),
    };
    for k in 0..trace.insts.len() {
        pass.step(k, body_header);
    }
    Some(pass.rw.finish())
}
