//! Rewriter: builds a pass's output trace from its input, one instruction
//! at a time, renumbering values and carrying snapshots over.
//!
//! A pass walks the old trace in order and, per instruction, either copies
//! it ([`Rewriter::copy`]), emits something else in its place
//! ([`Rewriter::emit`] then [`Rewriter::replace`]), or drops it after saying
//! which new value stands for it ([`Rewriter::replace`]). Snapshots are
//! copied the first time a kept instruction names them (with their entries
//! remapped), so the output holds only the snapshots it uses.

use crate::ir::{Inst, Opcode, Ref, Trace, Type};
use crate::snapshot::{Snapshot, VirtualValue};

/// Would a [`Rewriter`] copying every instruction of `trace` give the same
/// trace? Values keep their numbers then; snapshots do when every one is
/// used and they are numbered in order of first use (as a pass's output
/// has them; a recorded trace may have unused ones).
pub fn copies_as_is(trace: &Trace) -> bool {
    let mut next = 0;
    for inst in &trace.insts {
        match inst.snap {
            Some(s) if s == next => next += 1,
            Some(s) if s > next => return false,
            _ => {}
        }
    }
    next as usize == trace.snapshots.len()
}

/// An old value that has no new value (yet).
const UNMAPPED: Ref = Ref::MAX;

/// The output of a pass under construction.
pub struct Rewriter<'a> {
    /// The input trace.
    pub old: &'a Trace,
    /// The output instructions so far.
    pub insts: Vec<Inst>,
    /// The output snapshots so far.
    pub snapshots: Vec<Snapshot>,
    /// Old value -> new value.
    map: Vec<Ref>,
    /// Old snapshot -> new snapshot.
    snap_map: Vec<Option<u32>>,
    /// New phis whose `next` operand is still an old value (defined later).
    pending_phis: Vec<Ref>,
    /// Snapshot entries (new snapshot, entry index) still naming an old
    /// value defined later (the body header's snapshot naming its phis).
    pending_entries: Vec<(u32, usize, Ref)>,
}

impl<'a> Rewriter<'a> {
    /// An empty output for `old`.
    pub fn new(old: &'a Trace) -> Rewriter<'a> {
        Rewriter {
            old,
            insts: Vec::with_capacity(old.insts.len()),
            snapshots: Vec::with_capacity(old.snapshots.len()),
            map: vec![UNMAPPED; old.insts.len()],
            snap_map: vec![None; old.snapshots.len()],
            pending_phis: Vec::new(),
            pending_entries: Vec::new(),
        }
    }

    /// The new value standing for old value `old`.
    ///
    /// # Panics
    /// When `old` was dropped without a replacement: a pass bug (the
    /// optimizer's caller catches it and keeps the raw code).
    pub fn get(&self, old: Ref) -> Ref {
        let new = self.map[old as usize];
        assert!(
            new != UNMAPPED,
            "optimizer: %{old} used after it was dropped"
        );
        new
    }

    /// Has old value `old` a new value?
    pub fn is_mapped(&self, old: Ref) -> bool {
        self.map[old as usize] != UNMAPPED
    }

    /// Says that new value `new` stands for old value `old`.
    pub fn replace(&mut self, old: Ref, new: Ref) {
        self.map[old as usize] = new;
    }

    /// The new snapshot for old snapshot `old` (copied on first use).
    pub fn snapshot(&mut self, old: u32) -> u32 {
        if let Some(new) = self.snap_map[old as usize] {
            return new;
        }
        let from = &self.old.snapshots[old as usize];
        let new = self.snapshots.len() as u32;
        // Built renumbered (not cloned, then renumbered): one pass over the
        // entries, one map lookup each.
        let map = &self.map;
        let pending = &mut self.pending_entries;
        let entries = from
            .entries
            .iter()
            .enumerate()
            .map(|(k, &(slot, r))| match map[r as usize] {
                // The body header's snapshot names the phis after it.
                UNMAPPED => {
                    pending.push((new, k, r));
                    (slot, r)
                }
                n => (slot, n),
            })
            .collect();
        let mut snap = from.with_entries(entries);
        if !snap.virtuals.is_empty() {
            self.remap_virtuals(&mut snap);
        }
        let new = self.add_snapshot(snap);
        self.snap_map[old as usize] = Some(new);
        new
    }

    /// Renumbers the values a copied old snapshot's virtual objects' fields name.
    pub fn remap_virtuals(&self, snap: &mut Snapshot) {
        for v in &mut snap.virtuals {
            for f in &mut v.fields {
                if let VirtualValue::Ref(r) = &mut f.value {
                    *r = self.get(*r);
                }
            }
        }
    }

    /// Adds a snapshot whose entries already name new values.
    pub fn add_snapshot(&mut self, snap: Snapshot) -> u32 {
        self.snapshots.push(snap);
        (self.snapshots.len() - 1) as u32
    }

    /// Appends `inst` as is (operands and snapshot already in the new
    /// numbering); returns its new value.
    pub fn emit(&mut self, inst: Inst) -> Ref {
        self.insts.push(inst);
        (self.insts.len() - 1) as Ref
    }

    /// Appends a new phi whose `init` is new value `init` and whose `next`
    /// is old value `next` (defined later: [`Rewriter::finish`] renumbers it).
    pub fn emit_phi(&mut self, init: Ref, next: Ref, ty: Type, origin: u32) -> Ref {
        let new = self.emit(Inst {
            op: Opcode::Phi(init, next),
            ty,
            snap: None,
            origin,
        });
        self.pending_phis.push(new);
        new
    }

    /// Copies old instruction `old` with its operands and snapshot renumbered,
    /// and maps it to the copy.
    pub fn copy(&mut self, old: Ref) -> Ref {
        let mut inst = self.old.insts[old as usize];
        self.renumber(&mut inst);
        let new = self.emit(inst);
        self.replace(old, new);
        new
    }

    /// Renumbers the operands and snapshot of old instruction `inst`, about
    /// to be emitted next (a phi's `next`, defined later, is renumbered by
    /// [`Rewriter::finish`]).
    pub fn renumber(&mut self, inst: &mut Inst) {
        if let Opcode::Phi(init, next) = inst.op {
            inst.op = Opcode::Phi(self.get(init), next);
            self.pending_phis.push(self.insts.len() as Ref);
        } else {
            inst.op.map_refs(|r| self.get(r));
        }
        if let Some(s) = inst.snap {
            inst.snap = Some(self.snapshot(s));
        }
    }

    /// The finished trace: the old trace's other fields with the new
    /// instructions and snapshots.
    pub fn finish(mut self) -> Trace {
        for k in std::mem::take(&mut self.pending_phis) {
            if let Opcode::Phi(_, next) = self.insts[k as usize].op {
                let new_next = self.get(next);
                if let Opcode::Phi(_, n) = &mut self.insts[k as usize].op {
                    *n = new_next;
                }
            }
        }
        for (snap, k, old) in std::mem::take(&mut self.pending_entries) {
            let new = self.get(old);
            self.snapshots[snap as usize].entries[k].1 = new;
        }
        Trace {
            kind: self.old.kind,
            insts: self.insts,
            snapshots: self.snapshots,
            origins: self.old.origins.clone(),
            roots: self.old.roots.clone(),
            extent: self.old.extent,
            max_inline_depth: self.old.max_inline_depth,
            local_loop: self.old.local_loop,
        }
    }
}
