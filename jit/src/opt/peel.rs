//! Loop peeling: a root trace becomes a preamble (the recorded iteration,
//! as is) and a body (a second copy of it) that loops on itself, with phis
//! for the values one iteration hands the next through frame slots.
//!
//! The body reads a slot the previous iteration stored through a phi (`init`:
//! the preamble's stored value, `next`: the body's), a slot the loop never
//! writes through the preamble's load (it is invariant), and a slot a helper
//! wrote (`load_method`, `unpack_seq`, `run_loop`) from memory as before.
//! Later passes then treat preamble instructions as dominating the body's
//! copies: that is how invariant guards, loads and calls get hoisted.
//! Bridges and traces of any other shape are left as they are.

use super::slot_effects::{slot_writes, SlotWrites};
use super::Rewriter;
use crate::asm::SPILL_SLOTS;
use crate::ir::{Inst, Opcode, Ref, Trace, TraceKind, Type};
use runtime::value::{TAG_BOOL, TAG_INT};
use rustc_hash::FxHashMap;

/// Who wrote a slot last, at some point of the iteration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Writer {
    /// `slot_store` of this (old) value.
    Store(Ref),
    /// A helper wrote it: only memory knows the value.
    Helper,
}

/// What the body's copy of an old `slot_load` becomes.
#[derive(Clone, Copy, Debug)]
enum BodyLoad {
    /// The slot's phi (the previous iteration stored it).
    Phi,
    /// The body's copy of this old value (stored earlier in the iteration).
    Forward(Ref),
    /// The preamble's copy of the load itself (nothing in the loop writes the slot).
    Invariant,
    /// A real load (a helper wrote the slot).
    Memory,
}

/// The tag `guards` use for floats (they have none: every bit pattern
/// below `FLOAT_LIMIT` is one).
const FLOAT: u64 = 0;

/// What the body knows of a phi whose two edges store the same old value.
struct PhiFacts {
    /// Its tag (`FLOAT` for floats), when that value has a known one.
    tag: Option<u64>,
    /// The int phi carrying its unboxed value.
    unboxed: Option<Ref>,
}

fn known_tag(facts: &FxHashMap<Ref, PhiFacts>, v: Ref) -> Option<u64> {
    facts.get(&v).and_then(|f| f.tag)
}

fn unboxed(facts: &FxHashMap<Ref, PhiFacts>, v: Ref) -> Option<Ref> {
    facts.get(&v).and_then(|f| f.unboxed)
}

/// The peeled trace, or a copy of `trace` when it is not a root trace
/// shaped `loop_header ... loop_back` (a bridge, an already peeled trace)
/// or would not fit the backend's spill frame twice.
pub fn peel(trace: &Trace) -> Trace {
    match peeled(trace) {
        Some(t) if t.insts.len() + phi_count(&t) <= SPILL_SLOTS => t,
        _ => trace.clone(),
    }
}

fn phi_count(t: &Trace) -> usize {
    t.insts
        .iter()
        .filter(|i| matches!(i.op, Opcode::Phi(..)))
        .count()
}

fn peeled(trace: &Trace) -> Option<Trace> {
    let insts = &trace.insts;
    let n = insts.len();
    let simple_root = trace.kind == TraceKind::Root
        && !trace.local_loop
        && n >= 2
        && insts[0].op == Opcode::LoopHeader
        && insts[n - 1].op == Opcode::LoopBack
        && insts[1..n - 1].iter().all(|i| {
            !matches!(
                i.op,
                Opcode::LoopHeader | Opcode::LoopBack | Opcode::Phi(..)
            )
        });
    if !simple_root {
        return None;
    }
    let plan = plan_loads(trace);

    let mut rw = Rewriter::new(trace);
    // The preamble: the recorded iteration as is.
    for k in 0..n - 1 {
        rw.copy(k as Ref);
    }
    // The body's header, with its own copy of the preamble header's snapshot.
    let header_snap = insts[0].snap.map(|s| {
        let first = rw.snapshot(s) as usize;
        let snap = rw.snapshots[first].clone();
        rw.add_snapshot(snap)
    });
    rw.emit(Inst {
        snap: header_snap,
        ..insts[0]
    });
    // One phi per slot carried around the loop, `next` patched below.
    let mut phis: FxHashMap<i32, Ref> = FxHashMap::default();
    let mut phi_order = Vec::new();
    let mut phi_facts: FxHashMap<Ref, PhiFacts> = FxHashMap::default();
    for (k, inst) in insts.iter().enumerate() {
        let (Opcode::SlotLoad(s), Some(BodyLoad::Phi)) = (&inst.op, plan[k]) else {
            continue;
        };
        if phis.contains_key(s) {
            continue;
        }
        let Some(Writer::Store(v)) = last_writer(trace, *s, n - 1) else {
            return None;
        };
        let init = rw.get(v);
        let phi = rw.emit(Inst {
            op: Opcode::Phi(init, init),
            ty: Type::Val,
            snap: None,
            origin: inst.origin,
        });
        phis.insert(*s, phi);
        phi_order.push((phi, v));
        // Both edges store the same old value: what it is, the phi is.
        let tag = match insts[v as usize].op {
            Opcode::BoxInt(_) => Some(TAG_INT),
            Opcode::BoxFloat(_) => Some(FLOAT),
            Opcode::BoxBool(_) => Some(TAG_BOOL),
            Opcode::Const(c) if c.is_float() => Some(FLOAT),
            Opcode::Const(c) => Some(c.to_bits() >> 48),
            _ => None,
        };
        // An int carried boxed is also carried unboxed (exactly: `box_int`
        // checked the range), so the body unboxes nothing.
        let unboxed = match insts[v as usize].op {
            Opcode::BoxInt(x) => {
                let init = rw.get(x);
                let q = rw.emit(Inst {
                    op: Opcode::Phi(init, init),
                    ty: Type::Int,
                    snap: None,
                    origin: inst.origin,
                });
                phi_order.push((q, x));
                Some(q)
            }
            _ => None,
        };
        phi_facts.insert(phi, PhiFacts { tag, unboxed });
    }
    // The body: the iteration again, renumbered.
    let mut body: Vec<Ref> = vec![Ref::MAX; n];
    let mut body_snaps: FxHashMap<u32, u32> = FxHashMap::default();
    for k in 1..n {
        let inst = &insts[k];
        let new = match (&inst.op, plan[k]) {
            (Opcode::SlotLoad(s), Some(BodyLoad::Phi)) => phis[s],
            (Opcode::SlotLoad(_), Some(BodyLoad::Forward(v))) => body[v as usize],
            (Opcode::SlotLoad(_), Some(BodyLoad::Invariant)) => rw.get(k as Ref),
            // Guards a phi's facts settle go; unboxing it is its int phi.
            (Opcode::GuardTag(a, t), _) if known_tag(&phi_facts, body[*a as usize]) == Some(*t) => {
                Ref::MAX
            }
            (Opcode::GuardFloat(a), _)
                if known_tag(&phi_facts, body[*a as usize]) == Some(FLOAT) =>
            {
                Ref::MAX
            }
            (Opcode::UnboxInt(a), _) if unboxed(&phi_facts, body[*a as usize]).is_some() => {
                unboxed(&phi_facts, body[*a as usize]).unwrap_or(Ref::MAX)
            }
            _ => {
                let mut copy = *inst;
                copy.op.map_refs(|r| body[r as usize]);
                if let Some(s) = inst.snap {
                    // Guards sharing a snapshot share its body copy too.
                    let new = *body_snaps.entry(s).or_insert_with(|| {
                        let mut snap = trace.snapshots[s as usize].clone();
                        for e in &mut snap.entries {
                            e.1 = body[e.1 as usize];
                        }
                        rw.add_snapshot(snap)
                    });
                    copy.snap = Some(new);
                }
                rw.emit(copy)
            }
        };
        body[k] = new;
    }
    for (phi, v) in phi_order {
        if let Opcode::Phi(_, next) = &mut rw.insts[phi as usize].op {
            *next = body[v as usize];
        }
    }
    let mut out = rw.finish();
    out.local_loop = true;
    Some(out)
}

/// What each old `slot_load` becomes in the body (None for other instructions).
fn plan_loads(trace: &Trace) -> Vec<Option<BodyLoad>> {
    let n = trace.insts.len();
    let mut current: FxHashMap<i32, Writer> = FxHashMap::default();
    // Helper writes so far: a slot one covers and no store wrote since is
    // read from memory.
    let mut helper_writes: Vec<SlotWrites> = Vec::new();
    let mut plan = vec![None; n];
    for (k, inst) in trace.insts.iter().enumerate() {
        match inst.op {
            Opcode::SlotLoad(s) => {
                plan[k] = Some(match current.get(&s) {
                    Some(Writer::Store(v)) => BodyLoad::Forward(*v),
                    Some(Writer::Helper) => BodyLoad::Memory,
                    None if helper_writes.iter().any(|w| w.covers(s)) => BodyLoad::Memory,
                    None => match last_writer(trace, s, n - 1) {
                        None => BodyLoad::Invariant,
                        Some(Writer::Store(_)) => BodyLoad::Phi,
                        Some(Writer::Helper) => BodyLoad::Memory,
                    },
                });
            }
            Opcode::SlotStore(s, v) => {
                current.insert(s, Writer::Store(v));
            }
            _ => match slot_writes(&trace.insts, inst) {
                SlotWrites::Nothing => {}
                w => {
                    for (&s, writer) in current.iter_mut() {
                        if w.covers(s) {
                            *writer = Writer::Helper;
                        }
                    }
                    helper_writes.push(w);
                }
            },
        }
    }
    plan
}

/// The last writer of slot `s` among instructions before `end`.
fn last_writer(trace: &Trace, s: i32, end: usize) -> Option<Writer> {
    trace.insts[..end]
        .iter()
        .rev()
        .find_map(|inst| match inst.op {
            Opcode::SlotStore(t, v) if t == s => Some(Writer::Store(v)),
            _ => slot_writes(&trace.insts, inst)
                .covers(s)
                .then_some(Writer::Helper),
        })
}
