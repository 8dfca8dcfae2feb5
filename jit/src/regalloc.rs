//! Register allocation for optimized traces: one location per IR value
//! (a general register, an xmm register, a spill slot, or none), chosen by
//! linear scan over the trace's live intervals.
//!
//! A value keeps its location for its whole life (no splitting), so an exit
//! stub can read a snapshot entry from the same place whichever guard jumps
//! to it. Positions: instruction `i` reads its operands at `3i`, performs its
//! call (clobbering caller-saved registers) and reads its snapshot entries at
//! `3i + 1`, and writes its result at `3i + 2`. In a locally looping trace
//! the phis of the body are written on the loop edges, just before the body's
//! `loop_header` (position `3h`); their `init` operands are read at `3h - 1`
//! and their `next` operands at `loop_back`. A value defined before the body
//! and read inside it lives until `loop_back` (the body repeats).

use crate::ir::{Opcode, Ref, Trace, Type};

/// Where an IR value lives while the trace runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Loc {
    /// Nowhere: a constant (rematerialised at each use), a value of no type,
    /// or a value nothing reads.
    None,
    /// A general register (x86-64 encoding: 5 = rbp, 9..=15 = r9..r15).
    Gpr(u8),
    /// An xmm register (only `Float` values).
    Xmm(u8),
    /// A spill slot: `[rsp + 8 * slot]`.
    Spill(u32),
}

/// General registers that survive helper calls (the trampoline saves them;
/// it keeps no frame pointer in `rbp` the code needs).
pub const CALLEE_SAVED: [u8; 4] = [13, 14, 15, 5];
/// General registers helper calls may clobber and the emitter never uses as
/// scratch.
pub const CALLER_SAVED: [u8; 3] = [9, 10, 11];
/// Xmm registers the emitter never uses as scratch (all caller-saved).
pub const XMM_REGS: [u8; 13] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

/// The positions during which a value must keep its location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    /// Where it is written.
    pub start: u32,
    /// Its last read.
    pub end: u32,
    /// It must survive a helper call.
    pub crosses_call: bool,
}

/// A location for every IR value of a trace.
#[derive(Clone, Debug)]
pub struct Allocation {
    /// Per IR value.
    pub locs: Vec<Loc>,
    /// Spill slots used (slots `0..spill_slots`).
    pub spill_slots: u32,
}

/// The index of the body's `loop_header` of a locally looping trace.
pub fn body_header(trace: &Trace) -> Option<usize> {
    if !trace.local_loop {
        return None;
    }
    trace.insts.iter().rposition(|i| i.op == Opcode::LoopHeader)
}

/// Does value `r` need a location (not a constant, produces something)?
fn needs_location(trace: &Trace, r: usize) -> bool {
    let inst = &trace.insts[r];
    inst.ty != Type::Void && !matches!(inst.op, Opcode::Const(_) | Opcode::ConstInt(_))
}

/// The live interval of every value that needs a location and is read.
pub fn live_intervals(trace: &Trace) -> Vec<Option<Interval>> {
    let n = trace.insts.len();
    let header = body_header(trace);
    let back = n.saturating_sub(1) as u32;
    let mut ivs: Vec<Option<Interval>> = vec![None; n];
    let def_pos = |r: usize| match (trace.insts[r].op, header) {
        (Opcode::Phi(..), Some(h)) => 3 * h as u32,
        _ => 3 * r as u32 + 2,
    };
    let use_at = |ivs: &mut Vec<Option<Interval>>, r: Ref, pos: u32| {
        let r = r as usize;
        if !needs_location(trace, r) {
            return;
        }
        let iv = ivs[r].get_or_insert(Interval {
            start: def_pos(r),
            end: pos,
            crosses_call: false,
        });
        iv.end = iv.end.max(pos);
    };
    for (i, inst) in trace.insts.iter().enumerate() {
        let pos = 3 * i as u32;
        match (&inst.op, header) {
            (Opcode::Phi(init, next), Some(h)) => {
                use_at(&mut ivs, *init, 3 * h as u32 - 1);
                use_at(&mut ivs, *next, 3 * back);
            }
            _ => inst.op.for_each_ref(|r| use_at(&mut ivs, r, pos)),
        }
        if let Some(s) = inst.snap {
            for r in trace.snapshots[s as usize].exit_values() {
                use_at(&mut ivs, r, pos + 1);
            }
        }
    }
    // The body repeats: what it reads from before it must live through it.
    if let Some(h) = header {
        let top = 3 * h as u32;
        for iv in ivs.iter_mut().flatten() {
            if iv.start < top && iv.end >= top {
                iv.end = 3 * back;
            }
        }
    }
    let calls: Vec<u32> = trace
        .insts
        .iter()
        .enumerate()
        .filter(|(_, i)| matches!(i.op, Opcode::Call(..)))
        .map(|(k, _)| 3 * k as u32 + 1)
        .collect();
    for iv in ivs.iter_mut().flatten() {
        // The first call at or after the start decides.
        let k = calls.partition_point(|&c| c < iv.start);
        iv.crosses_call = calls.get(k).is_some_and(|&c| c <= iv.end);
    }
    ivs
}

/// Which value each value would like to share a location with, so that a
/// phi's edge moves vanish: a phi prefers its `init`, a `next` its phi.
fn hints(trace: &Trace) -> Vec<Option<Ref>> {
    let mut hint = vec![None; trace.insts.len()];
    if body_header(trace).is_none() {
        return hint;
    }
    for (k, inst) in trace.insts.iter().enumerate() {
        if let Opcode::Phi(init, next) = inst.op {
            hint[k] = Some(init);
            if hint[next as usize].is_none() {
                hint[next as usize] = Some(k as Ref);
            }
        }
    }
    hint
}

/// How much keeping each value in memory would cost: its operand reads,
/// those in a peeled trace's body (which repeats) weighing
/// [`BODY_READ_WEIGHT`] times a preamble's. Snapshot entries do not count
/// (an exit reads them once, on a cold path).
fn read_weights(trace: &Trace) -> Vec<u32> {
    let header = body_header(trace).unwrap_or(usize::MAX);
    let mut weight = vec![0u32; trace.insts.len()];
    for (i, inst) in trace.insts.iter().enumerate() {
        let w = if i > header { BODY_READ_WEIGHT } else { 1 };
        match inst.op {
            Opcode::Phi(init, next) => {
                weight[init as usize] = weight[init as usize].saturating_add(1);
                weight[next as usize] = weight[next as usize].saturating_add(w);
            }
            _ => {
                // An object whose address an access untags costs as much
                // from memory as from a register (the payload mask is
                // and-ed with it where it lives).
                let object = match inst.op {
                    Opcode::GuardKind(o, _)
                    | Opcode::LoadField(o, _)
                    | Opcode::StoreField(o, ..)
                    | Opcode::ListLen(o)
                    | Opcode::TupleLen(o)
                    | Opcode::TupleLoad(o, _)
                    | Opcode::ListLoad(o, _)
                    | Opcode::ListStore(o, ..)
                    | Opcode::InstSlotLoad(o, _)
                    | Opcode::InstSlotStore(o, ..) => Some(o),
                    _ => None,
                };
                let mut first = true;
                inst.op.for_each_ref(|r| {
                    let free = first && object == Some(r);
                    first = false;
                    if !free {
                        weight[r as usize] = weight[r as usize].saturating_add(w);
                    }
                });
            }
        }
    }
    weight
}

/// How many preamble reads one read in a peeled trace's body is worth.
const BODY_READ_WEIGHT: u32 = 16;

/// Register pools: which registers are free right now.
struct Pools {
    free_gpr: Vec<u8>,
    free_xmm: Vec<u8>,
}

impl Pools {
    /// The registers value with interval `iv` and type `ty` may use, best first.
    fn candidates(iv: &Interval, ty: Type) -> Vec<Loc> {
        let mut c = Vec::new();
        if ty == Type::Float {
            if !iv.crosses_call {
                c.extend(XMM_REGS.iter().map(|&x| Loc::Xmm(x)));
            }
            // Floats that cross calls live in spill slots: callee-saved
            // general registers are worth more to pointers and counters.
            return c;
        }
        if !iv.crosses_call {
            c.extend(CALLER_SAVED.iter().map(|&g| Loc::Gpr(g)));
        }
        c.extend(CALLEE_SAVED.iter().map(|&g| Loc::Gpr(g)));
        c
    }

    fn is_free(&self, loc: Loc) -> bool {
        match loc {
            Loc::Gpr(g) => self.free_gpr.contains(&g),
            Loc::Xmm(x) => self.free_xmm.contains(&x),
            _ => false,
        }
    }

    fn take(&mut self, loc: Loc) {
        match loc {
            Loc::Gpr(g) => self.free_gpr.retain(|&f| f != g),
            Loc::Xmm(x) => self.free_xmm.retain(|&f| f != x),
            _ => {}
        }
    }

    fn give_back(&mut self, loc: Loc) {
        match loc {
            Loc::Gpr(g) => self.free_gpr.push(g),
            Loc::Xmm(x) => self.free_xmm.push(x),
            _ => {}
        }
    }
}

/// Allocates a location for every value of `trace`.
pub fn allocate(trace: &Trace) -> Allocation {
    let ivs = live_intervals(trace);
    let hint = hints(trace);
    let weight = read_weights(trace);
    let mut locs = vec![Loc::None; trace.insts.len()];
    let mut order: Vec<usize> = (0..ivs.len()).filter(|&r| ivs[r].is_some()).collect();
    order.sort_by_key(|&r| ivs[r].map(|iv| iv.start));
    let iv = |r: usize| ivs[r].expect("allocated values have intervals");

    // ---- registers (Poletto and Sarkar's linear scan)
    let mut pools = Pools {
        free_gpr: CALLER_SAVED.iter().chain(&CALLEE_SAVED).copied().collect(),
        free_xmm: XMM_REGS.to_vec(),
    };
    // Values holding a register, by the end of their interval.
    let mut active: Vec<usize> = Vec::new();
    let mut spilled: Vec<usize> = Vec::new();
    for &r in &order {
        let cur = iv(r);
        active.retain(|&a| {
            if iv(a).end < cur.start {
                pools.give_back(locs[a]);
                false
            } else {
                true
            }
        });
        let candidates = Pools::candidates(&cur, trace.insts[r].ty);
        let preferred = hint[r]
            .map(|h| locs[h as usize])
            .filter(|&l| candidates.contains(&l) && pools.is_free(l));
        let chosen = preferred.or_else(|| candidates.iter().copied().find(|&l| pools.is_free(l)));
        if let Some(loc) = chosen {
            pools.take(loc);
            locs[r] = loc;
            active.push(r);
            continue;
        }
        // No free register: the value among the current one and the holders
        // of a register it could use that is read least (body reads weigh
        // most) goes to memory; of those, the one read last.
        let victim = active
            .iter()
            .copied()
            .filter(|&a| candidates.contains(&locs[a]))
            .min_by_key(|&a| (weight[a], std::cmp::Reverse(iv(a).end)));
        let cheaper = |v: usize| {
            (weight[v], std::cmp::Reverse(iv(v).end)) < (weight[r], std::cmp::Reverse(cur.end))
        };
        match victim {
            Some(v) if cheaper(v) => {
                locs[r] = locs[v];
                locs[v] = Loc::None;
                active.retain(|&a| a != v);
                active.push(r);
                spilled.push(v);
            }
            _ => spilled.push(r),
        }
    }

    // ---- spill slots: a second scan over the spilled values only, so a
    // slot is never shared by two values whose lives overlap.
    spilled.sort_by_key(|&r| iv(r).start);
    let mut free_slots: Vec<u32> = Vec::new();
    let mut slots_used = 0u32;
    let mut holding: Vec<usize> = Vec::new();
    for &r in &spilled {
        let cur = iv(r);
        holding.retain(|&a| {
            if iv(a).end < cur.start {
                if let Loc::Spill(s) = locs[a] {
                    free_slots.push(s);
                }
                false
            } else {
                true
            }
        });
        let preferred = hint[r].and_then(|h| match locs[h as usize] {
            Loc::Spill(s) if free_slots.contains(&s) => Some(s),
            _ => None,
        });
        let slot = match preferred {
            Some(s) => {
                free_slots.retain(|&f| f != s);
                s
            }
            None => match free_slots.iter().enumerate().min_by_key(|(_, &s)| s) {
                Some((k, &s)) => {
                    free_slots.swap_remove(k);
                    s
                }
                None => {
                    slots_used += 1;
                    slots_used - 1
                }
            },
        };
        locs[r] = Loc::Spill(slot);
        holding.push(r);
    }
    Allocation {
        locs,
        spill_slots: slots_used,
    }
}

/// Checks an allocation against the trace's live intervals: no two values
/// whose lives overlap share a location, values that cross a call are not in
/// caller-saved registers, only floats are in xmm registers, and every value
/// that is read has a location.
pub fn check(trace: &Trace, alloc: &Allocation) -> Result<(), String> {
    let ivs = live_intervals(trace);
    let mut live: Vec<(usize, Interval)> = Vec::new();
    for (r, iv) in ivs.iter().enumerate() {
        let loc = alloc.locs[r];
        let Some(iv) = *iv else { continue };
        match loc {
            Loc::None => return Err(format!("%{r} is read but has no location")),
            Loc::Xmm(_) if trace.insts[r].ty != Type::Float => {
                return Err(format!("%{r} is not a float but is in {loc:?}"))
            }
            Loc::Xmm(_) if iv.crosses_call => {
                return Err(format!("%{r} crosses a call in {loc:?}"))
            }
            Loc::Gpr(g) if iv.crosses_call && !CALLEE_SAVED.contains(&g) => {
                return Err(format!("%{r} crosses a call in {loc:?}"))
            }
            Loc::Spill(s) if s >= alloc.spill_slots => {
                return Err(format!("%{r} is in slot {s} past the spill area"))
            }
            _ => {}
        }
        live.push((r, iv));
    }
    // Per location, sorted by start: each life must end before the next
    // one starts (comparing neighbours is enough, and cheap on long traces).
    live.sort_by_key(|&(r, iv)| (alloc.locs[r], iv.start));
    for pair in live.windows(2) {
        let ((a, ia), (b, ib)) = (pair[0], pair[1]);
        if alloc.locs[a] == alloc.locs[b] && ib.start <= ia.end {
            return Err(format!(
                "%{a} {ia:?} and %{b} {ib:?} share {:?}",
                alloc.locs[a]
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helpers::Helper;
    use crate::ir::{CallArgs, FloatOp, Inst, IntOp, Origin, TraceKind};
    use crate::snapshot::{ExitKind, Snapshot};
    use runtime::Value;
    use std::collections::HashMap;

    /// Builds traces instruction by instruction.
    struct Builder {
        insts: Vec<Inst>,
        snapshots: Vec<Snapshot>,
    }

    impl Builder {
        fn new() -> Builder {
            Builder {
                insts: Vec::new(),
                snapshots: Vec::new(),
            }
        }

        fn push(&mut self, op: Opcode, ty: Type) -> Ref {
            self.insts.push(Inst {
                op,
                ty,
                snap: None,
                origin: 0,
            });
            (self.insts.len() - 1) as Ref
        }

        /// An instruction with a snapshot writing back `entries`.
        fn guarded(&mut self, op: Opcode, ty: Type, entries: &[Ref]) -> Ref {
            self.snapshots.push(Snapshot {
                frames: Vec::new().into(),
                pc: 0,
                kind: ExitKind::Guard,
                entries: entries
                    .iter()
                    .enumerate()
                    .map(|(k, &r)| (k as i32, r))
                    .collect(),
                virtuals: Vec::new(),
                dead: 0,
            });
            let r = self.push(op, ty);
            self.insts[r as usize].snap = Some((self.snapshots.len() - 1) as u32);
            r
        }

        fn finish(self, local_loop: bool) -> Trace {
            Trace {
                kind: TraceKind::Root,
                insts: self.insts,
                snapshots: self.snapshots,
                origins: vec![Origin {
                    code: Value::NONE,
                    pc: 0,
                    depth: 0,
                }],
                roots: Vec::new(),
                extent: 0,
                max_inline_depth: 0,
                local_loop,
            }
        }
    }

    /// Runs the trace over its locations (the preamble once, the body three
    /// times): every read must find the value it reads in that value's
    /// location, helper calls wipe caller-saved and xmm registers, and phis
    /// are copied in parallel on both loop edges. Independent of
    /// [`live_intervals`], so it checks the liveness rules too.
    fn simulate(trace: &Trace, alloc: &Allocation) -> Result<(), String> {
        let loc = |r: Ref| alloc.locs[r as usize];
        let mut held: HashMap<Loc, Ref> = HashMap::new();
        let read = |held: &HashMap<Loc, Ref>, r: Ref, at: usize| {
            if !needs_location(trace, r as usize) {
                return Ok(());
            }
            match held.get(&loc(r)) {
                Some(&v) if v == r && loc(r) != Loc::None => Ok(()),
                other => Err(format!(
                    "%{at} reads %{r} from {:?}, which holds {other:?}",
                    loc(r)
                )),
            }
        };
        let header = body_header(trace);
        let phis: Vec<(Ref, Ref, Ref)> = trace
            .insts
            .iter()
            .enumerate()
            .filter_map(|(k, i)| match i.op {
                Opcode::Phi(a, b) => Some((k as Ref, a, b)),
                _ => None,
            })
            .collect();
        let mut pc = 0;
        let mut rounds = 0;
        while pc < trace.insts.len() {
            let inst = &trace.insts[pc];
            if Some(pc) == header && rounds == 0 {
                let mut moved = Vec::new();
                for &(p, init, _) in &phis {
                    read(&held, init, pc)?;
                    moved.push((loc(p), p));
                }
                held.extend(moved);
            }
            match &inst.op {
                Opcode::Phi(..) => {}
                Opcode::LoopBack if header.is_some() && rounds < 3 => {
                    let mut moved = Vec::new();
                    for &(p, _, next) in &phis {
                        read(&held, next, pc)?;
                        moved.push((loc(p), p));
                    }
                    held.extend(moved);
                    rounds += 1;
                    pc = header.expect("checked") + 1;
                    continue;
                }
                op => {
                    for r in op.refs() {
                        read(&held, r, pc)?;
                    }
                }
            }
            if matches!(inst.op, Opcode::Call(..)) {
                held.retain(|l, _| match l {
                    Loc::Gpr(g) => !CALLER_SAVED.contains(g),
                    Loc::Xmm(_) => false,
                    _ => true,
                });
            }
            if let Some(s) = inst.snap {
                for r in trace.snapshots[s as usize].exit_values() {
                    read(&held, r, pc)?;
                }
            }
            if !matches!(inst.op, Opcode::Phi(..)) && loc(pc as Ref) != Loc::None {
                held.insert(loc(pc as Ref), pc as Ref);
            }
            pc += 1;
        }
        Ok(())
    }

    fn allocate_checked(trace: &Trace) -> Allocation {
        let alloc = allocate(trace);
        check(trace, &alloc).unwrap();
        simulate(trace, &alloc).unwrap();
        alloc
    }

    #[test]
    fn short_lived_values_share_caller_saved_registers() {
        let mut b = Builder::new();
        b.push(Opcode::LoopHeader, Type::Void);
        let v = b.push(Opcode::SlotLoad(0), Type::Val);
        let i = b.push(Opcode::UnboxInt(v), Type::Int);
        let one = b.push(Opcode::ConstInt(1), Type::Int);
        let s = b.guarded(Opcode::Int(IntOp::AddOv, i, one), Type::Int, &[]);
        let boxed = b.guarded(Opcode::BoxInt(s), Type::Val, &[]);
        b.push(Opcode::SlotStore(0, boxed), Type::Void);
        b.push(Opcode::LoopBack, Type::Void);
        let trace = b.finish(false);
        let alloc = allocate_checked(&trace);
        assert_eq!(
            alloc.locs[one as usize],
            Loc::None,
            "constants are rematerialised"
        );
        assert_eq!(alloc.spill_slots, 0);
        for r in [v, i, s, boxed] {
            assert_eq!(alloc.locs[r as usize], Loc::Gpr(CALLER_SAVED[0]), "%{r}");
        }
    }

    #[test]
    fn values_crossing_a_call_are_in_callee_saved_registers() {
        let mut b = Builder::new();
        b.push(Opcode::LoopHeader, Type::Void);
        let a = b.push(Opcode::SlotLoad(0), Type::Val);
        let k = b.push(Opcode::SlotLoad(1), Type::Val);
        let f = b.push(Opcode::UnboxFloat(k), Type::Float);
        let x = b.guarded(
            Opcode::Call(Helper::GetItem, CallArgs::new(&[a, k])),
            Type::Val,
            &[a],
        );
        let y = b.guarded(
            Opcode::Call(Helper::GetItem, CallArgs::new(&[x, x])),
            Type::Val,
            &[],
        );
        let g = b.push(Opcode::Float(FloatOp::Add, f, f), Type::Float);
        let boxed = b.push(Opcode::BoxFloat(g), Type::Val);
        b.push(Opcode::SlotStore(0, y), Type::Void);
        b.push(Opcode::SlotStore(1, boxed), Type::Void);
        b.push(Opcode::LoopBack, Type::Void);
        let trace = b.finish(false);
        let alloc = allocate_checked(&trace);
        // `a` is read by the first call's exception exit, after the call.
        assert!(matches!(alloc.locs[a as usize], Loc::Gpr(g) if CALLEE_SAVED.contains(&g)));
        // `k` is only an argument: it may die in a caller-saved register.
        assert!(matches!(alloc.locs[k as usize], Loc::Gpr(g) if CALLER_SAVED.contains(&g)));
        assert!(matches!(alloc.locs[x as usize], Loc::Gpr(g) if CALLER_SAVED.contains(&g)));
        assert!(
            matches!(alloc.locs[f as usize], Loc::Spill(_)),
            "a float across calls"
        );
        assert!(matches!(alloc.locs[g as usize], Loc::Xmm(_)));
    }

    #[test]
    fn check_rejects_shared_and_clobbered_registers() {
        let mut b = Builder::new();
        b.push(Opcode::LoopHeader, Type::Void);
        let x = b.push(Opcode::SlotLoad(0), Type::Val);
        let y = b.push(Opcode::SlotLoad(1), Type::Val);
        let z = b.guarded(
            Opcode::Call(Helper::GetItem, CallArgs::new(&[y, y])),
            Type::Val,
            &[],
        );
        b.push(Opcode::SlotStore(0, x), Type::Void);
        b.push(Opcode::SlotStore(1, z), Type::Void);
        b.push(Opcode::LoopBack, Type::Void);
        let trace = b.finish(false);
        let good = allocate_checked(&trace);
        let mut shared = good.clone();
        shared.locs[y as usize] = good.locs[x as usize];
        assert!(check(&trace, &shared).unwrap_err().contains("share"));
        let mut clobbered = good.clone();
        clobbered.locs[x as usize] = Loc::Gpr(CALLER_SAVED[2]);
        assert!(check(&trace, &clobbered)
            .unwrap_err()
            .contains("crosses a call"));
    }

    #[test]
    fn too_many_live_values_spill_the_longest_lived() {
        let mut b = Builder::new();
        b.push(Opcode::LoopHeader, Type::Void);
        let loads: Vec<Ref> = (0..12)
            .map(|s| b.push(Opcode::SlotLoad(s), Type::Val))
            .collect();
        // Stored in reverse: the first loads live longest.
        for (s, &v) in loads.iter().enumerate().rev() {
            b.push(Opcode::SlotStore(s as i32 + 20, v), Type::Void);
        }
        b.push(Opcode::LoopBack, Type::Void);
        let trace = b.finish(false);
        let alloc = allocate_checked(&trace);
        let regs = CALLER_SAVED.len() + CALLEE_SAVED.len();
        assert_eq!(alloc.spill_slots as usize, loads.len() - regs);
        for &v in &loads[..loads.len() - regs] {
            assert!(matches!(alloc.locs[v as usize], Loc::Spill(_)), "%{v}");
        }
    }

    /// Under pressure, a value the body reads often keeps its register and
    /// a longer-lived one read once goes to memory instead, even though
    /// it lives longer; an object only untagged counts as not read.
    #[test]
    fn values_read_in_the_body_keep_registers_over_rarely_read_ones() {
        let mut b = Builder::new();
        b.push(Opcode::LoopHeader, Type::Void);
        let regs = CALLER_SAVED.len() + CALLEE_SAVED.len();
        // Preamble values the body reads: `hot` (arithmetic, twice) and
        // `objects` (only as accessed objects), then `cold` ones read once.
        let hot = b.push(Opcode::SlotLoad(0), Type::Int);
        let objects: Vec<Ref> = (1..3)
            .map(|s| b.push(Opcode::SlotLoad(s), Type::Val))
            .collect();
        let cold: Vec<Ref> = (3..3 + regs as i32)
            .map(|s| b.push(Opcode::SlotLoad(s), Type::Val))
            .collect();
        b.push(Opcode::LoopHeader, Type::Void);
        let sum = b.push(Opcode::Int(IntOp::Add, hot, hot), Type::Int);
        b.push(Opcode::SlotStore(40, sum), Type::Void);
        for &o in &objects {
            b.push(Opcode::LoadField(o, 8), Type::Val);
        }
        for (k, &c) in cold.iter().enumerate() {
            b.push(Opcode::SlotStore(50 + k as i32, c), Type::Void);
        }
        b.push(Opcode::LoopBack, Type::Void);
        let trace = b.finish(true);
        let alloc = allocate_checked(&trace);
        assert!(matches!(alloc.locs[hot as usize], Loc::Gpr(_)));
        for &o in &objects {
            assert!(matches!(alloc.locs[o as usize], Loc::Spill(_)), "%{o}");
        }
    }

    /// `i = 0; while ...: i = i + step` peeled: the phi, its init and its
    /// next share one register; the invariant `step` lives through the body.
    #[test]
    fn phis_coalesce_with_init_and_next_and_invariants_live_through_the_body() {
        let mut b = Builder::new();
        b.push(Opcode::LoopHeader, Type::Void);
        let step_box = b.push(Opcode::SlotLoad(1), Type::Val);
        let step = b.push(Opcode::UnboxInt(step_box), Type::Int);
        let i_box = b.push(Opcode::SlotLoad(0), Type::Val);
        let i0 = b.push(Opcode::UnboxInt(i_box), Type::Int);
        let i1 = b.guarded(Opcode::Int(IntOp::AddOv, i0, step), Type::Int, &[]);
        let h = b.push(Opcode::LoopHeader, Type::Void);
        let phi = b.push(Opcode::Phi(i1, 0), Type::Int);
        let t = b.push(Opcode::Int(IntOp::Xor, phi, step), Type::Int);
        let u = b.push(Opcode::Int(IntOp::And, t, t), Type::Int);
        let next = b.guarded(Opcode::Int(IntOp::AddOv, phi, step), Type::Int, &[]);
        let boxed = b.guarded(Opcode::BoxInt(u), Type::Val, &[]);
        b.push(Opcode::SlotStore(2, boxed), Type::Void);
        b.push(Opcode::LoopBack, Type::Void);
        b.insts[phi as usize].op = Opcode::Phi(i1, next);
        let trace = b.finish(true);
        crate::opt::verify::verify(&trace).unwrap();
        assert_eq!(body_header(&trace), Some(h as usize));
        let alloc = allocate_checked(&trace);
        let l = |r: Ref| alloc.locs[r as usize];
        assert_eq!(l(phi), l(i1));
        assert_eq!(l(phi), l(next));
        let ivs = live_intervals(&trace);
        assert_eq!(
            ivs[step as usize].unwrap().end,
            3 * (trace.insts.len() as u32 - 1)
        );
        for r in [t, u, boxed] {
            assert_ne!(l(r), l(step), "%{r} shares the invariant's register");
        }
    }

    /// `while i < n: total += i; i += 1` through the whole optimizer: the
    /// loop-carried ints stay in registers and need no move at the back-edge.
    #[test]
    fn optimized_while_loop_carries_its_ints_in_registers_without_moves() {
        let text = "trace root extent 3
  loop_header snap s0
  %i = slot_load [0]
  guard_tag %i int snap s1
  %iu = unbox_int %i
  %n = slot_load [2]
  guard_tag %n int snap s1
  %nu = unbox_int %n
  %lt = int_lt %iu %nu
  guard_true %lt snap s2
  %t = slot_load [1]
  guard_tag %t int snap s1
  %tu = unbox_int %t
  %t1 = int_addov %tu %iu snap s1
  %tb = box_int %t1 snap s1
  slot_store [1] %tb
  %one = const_int 1
  %i1 = int_addov %iu %one snap s1
  %ib = box_int %i1 snap s1
  slot_store [0] %ib
  loop_back
  snap s0: safepoint pc 0 frames @0
  snap s1: guard pc 1 frames @0
  snap s2: loop_done pc 9 frames @0
";
        let raw = crate::ir_parse::parse_trace(text).unwrap();
        let (trace, _) = crate::opt::optimize(&raw, &crate::opt::PassSelection::All).unwrap();
        let alloc = allocate_checked(&trace);
        let mut int_phis = 0;
        for (phi, inst) in trace.insts.iter().enumerate() {
            if let Opcode::Phi(_, next) = inst.op {
                let (l, ln) = (alloc.locs[phi], alloc.locs[next as usize]);
                assert!(matches!(l, Loc::Gpr(_)), "phi %{phi} in {l:?}");
                assert_eq!(l, ln, "phi %{phi} and its next %{next} need a move");
                int_phis += usize::from(inst.ty == Type::Int);
            }
        }
        assert!(
            int_phis >= 2,
            "expected i and total as int phis:\n{trace:#?}"
        );
    }

    /// A tiny deterministic generator (no dependency for tests).
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n.max(1)
        }
    }

    /// A random well-formed trace: loads, int and float arithmetic, boxing,
    /// guards and calls with snapshot entries, and (when `looping`) a peeled
    /// body with phis.
    fn random_trace(rng: &mut Lcg, looping: bool) -> Trace {
        let mut b = Builder::new();
        b.push(Opcode::LoopHeader, Type::Void);
        let mut pool: Vec<Ref> = Vec::new();
        let pick = |b: &Builder, pool: &[Ref], ty: Type, rng: &mut Lcg| -> Option<Ref> {
            let of: Vec<Ref> = pool
                .iter()
                .copied()
                .filter(|&r| b.insts[r as usize].ty == ty)
                .collect();
            (!of.is_empty()).then(|| of[rng.below(of.len())])
        };
        let emit_some = |b: &mut Builder, pool: &mut Vec<Ref>, rng: &mut Lcg, count: usize| {
            for _ in 0..count {
                let entries: Vec<Ref> = (0..rng.below(4))
                    .filter_map(|_| pick(b, pool, Type::Val, rng))
                    .collect();
                let int = pick(b, pool, Type::Int, rng);
                let int2 = pick(b, pool, Type::Int, rng);
                let float = pick(b, pool, Type::Float, rng);
                let float2 = pick(b, pool, Type::Float, rng);
                let val = pick(b, pool, Type::Val, rng);
                let val2 = pick(b, pool, Type::Val, rng);
                let made = match rng.below(12) {
                    0 => b.push(Opcode::SlotLoad(rng.below(8) as i32), Type::Val),
                    1 => b.push(Opcode::ConstInt(rng.below(100) as i64), Type::Int),
                    2 if val.is_some() => b.push(Opcode::UnboxInt(val.unwrap()), Type::Int),
                    3 if int.is_some() => b.guarded(
                        Opcode::Int(IntOp::AddOv, int.unwrap(), int2.unwrap()),
                        Type::Int,
                        &entries,
                    ),
                    4 if int.is_some() => b.push(Opcode::IntToFloat(int.unwrap()), Type::Float),
                    5 if float.is_some() => b.push(
                        Opcode::Float(FloatOp::Mul, float.unwrap(), float2.unwrap()),
                        Type::Float,
                    ),
                    6 if int.is_some() => {
                        b.guarded(Opcode::BoxInt(int.unwrap()), Type::Val, &entries)
                    }
                    7 if float.is_some() => b.push(Opcode::BoxFloat(float.unwrap()), Type::Val),
                    8 if val.is_some() => b.guarded(
                        Opcode::Call(
                            Helper::GetItem,
                            CallArgs::new(&[val.unwrap(), val2.unwrap()]),
                        ),
                        Type::Val,
                        &entries,
                    ),
                    9 if int.is_some() => {
                        let c = b.push(
                            Opcode::IntCmp(crate::ir::Cond::Lt, int.unwrap(), int2.unwrap()),
                            Type::Bool,
                        );
                        b.guarded(Opcode::GuardTrue(c), Type::Void, &entries);
                        continue;
                    }
                    10 if val.is_some() => {
                        b.push(
                            Opcode::SlotStore(rng.below(8) as i32, val.unwrap()),
                            Type::Void,
                        );
                        continue;
                    }
                    11 => b.push(Opcode::ConstInt(0x4000_0000_0000_0000), Type::Float),
                    _ => continue,
                };
                pool.push(made);
            }
        };
        let count = 5 + rng.below(30);
        emit_some(&mut b, &mut pool, rng, count);
        if looping {
            b.push(Opcode::LoopHeader, Type::Void);
            let mut phis = Vec::new();
            for _ in 0..rng.below(5) {
                let ty = [Type::Int, Type::Float, Type::Val][rng.below(3)];
                if let Some(init) = pick(&b, &pool, ty, rng) {
                    let p = b.push(Opcode::Phi(init, 0), ty);
                    phis.push(p);
                }
            }
            pool.extend(&phis);
            let body_start = b.insts.len() as Ref;
            let count = 5 + rng.below(30);
            emit_some(&mut b, &mut pool, rng, count);
            for &p in &phis {
                let ty = b.insts[p as usize].ty;
                let body: Vec<Ref> = pool.iter().copied().filter(|&r| r >= body_start).collect();
                let next = pick(&b, &body, ty, rng).unwrap_or_else(|| {
                    // A value of the phi's type defined in the body.
                    let op = match ty {
                        Type::Int => Opcode::Int(IntOp::Xor, p, p),
                        Type::Float => Opcode::Float(FloatOp::Add, p, p),
                        _ => Opcode::SlotLoad(3),
                    };
                    b.push(op, ty)
                });
                if let Opcode::Phi(init, _) = b.insts[p as usize].op {
                    b.insts[p as usize].op = Opcode::Phi(init, next);
                }
            }
        }
        b.push(Opcode::LoopBack, Type::Void);
        b.finish(looping)
    }

    #[test]
    fn random_traces_allocate_correctly() {
        let mut rng = Lcg(7);
        for round in 0..600 {
            let trace = random_trace(&mut rng, round % 2 == 1);
            crate::opt::verify::verify(&trace).unwrap();
            let alloc = allocate(&trace);
            let listing = || {
                let lines: Vec<String> = trace
                    .insts
                    .iter()
                    .enumerate()
                    .map(|(k, i)| format!("%{k} {:?} -> {:?}", i.op, alloc.locs[k]))
                    .collect();
                lines.join("\n")
            };
            if let Err(e) = check(&trace, &alloc).and_then(|_| simulate(&trace, &alloc)) {
                panic!("round {round}: {e}\n{}", listing());
            }
        }
    }
}
