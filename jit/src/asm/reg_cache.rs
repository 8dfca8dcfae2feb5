//! The raw tier's register cache: which IR value each of four callee-saved
//! registers holds within a straight-line run of a raw trace's code.
//!
//! Raw code keeps every value in its spill slot (exits read them there), so
//! a use reads the slot back, and on a dependency chain each store and
//! reload costs the store-forwarding latency. The cache keeps a copy of a
//! value that is read again soon in `rbp`, `r13`, `r14` or `r15` (the trace
//! frame saves them; nothing else in raw code writes them), and a later
//! operand read takes it from there. The spill store stays unless no load
//! of the slot is left (`assemble_bytes`' two passes find that). A
//! register is given to the value read again soonest (the one whose next
//! read is farthest gives way). What is cached is forgotten at jump
//! targets (loop headers, a peeled body's header) and at calls; exit stubs
//! never read it.
//!
//! A second cache of the same kind keeps unboxed floats in `xmm8`-`xmm15`
//! ([`XMM_CACHE_REGS`]) for the instructions that read them as floats
//! (float arithmetic and compares, `box_float`): a chain of float
//! operations then runs in xmm registers, and the general-register copy of
//! each result (for slot stores, boxing, exits) is made off the chain.
//! Those reads are the float cache's alone, so the general cache keeps its
//! four registers for the other values.

use crate::ir::{Opcode, Ref, Trace};

/// The cache's registers (`rbp`, `r13`, `r14`, `r15`).
pub(super) const CACHE_REGS: [u8; 4] = [5, 13, 14, 15];

/// The float cache's registers (`xmm8`-`xmm15`: raw code uses only
/// `xmm0`-`xmm2` otherwise, and calls, which clobber them, forget them).
pub(super) const XMM_CACHE_REGS: [u8; 8] = [8, 9, 10, 11, 12, 13, 14, 15];

/// Does instruction `op` read its operands as unboxed floats in xmm
/// registers (the float cache serves those reads, the general one the rest)?
fn reads_as_float(op: &Opcode) -> bool {
    matches!(
        op,
        Opcode::Float(..) | Opcode::FloatCmp(..) | Opcode::BoxFloat(_)
    )
}

/// Where each value is read by the instructions one cache serves, and
/// where the cache is forgotten: computed once per trace and shared by the
/// assembler's two passes (the reads do not depend on what a pass emits).
pub(super) struct CacheReads {
    /// The registers the cache uses ([`CACHE_REGS`] or [`XMM_CACHE_REGS`]).
    regs: &'static [u8],
    /// Per value `v`, its reads are `positions[starts[v]..ends[v]]`
    /// (empty when the cache is disabled: no value has reads).
    starts: Vec<u32>,
    /// Per value, the end of its reads in `positions` (see `starts`).
    ends: Vec<u32>,
    /// The positions of the instructions that read each value as an
    /// operand, ascending and distinct within each value's run.
    positions: Vec<u32>,
    /// The positions of the instructions that forget the cache (calls and
    /// loop headers), ascending.
    barriers: Vec<u32>,
}

impl CacheReads {
    /// The reads of `trace`'s values by the general cache ([`CACHE_REGS`])
    /// and by the float cache ([`XMM_CACHE_REGS`]), which counts only the
    /// reads as floats (the general one only the others); `fused` marks
    /// the compares whose guard (the next instruction) reads their
    /// operands. With `enabled` false (the optimized tier) no value has a
    /// read, so the caches never hold anything.
    pub(super) fn both(trace: &Trace, fused: &[bool], enabled: bool) -> (CacheReads, CacheReads) {
        if !enabled {
            return (
                CacheReads::empty(&CACHE_REGS),
                CacheReads::empty(&XMM_CACHE_REGS),
            );
        }
        // One walk over the trace collects both caches' reads as (value,
        // position) pairs in instruction order.
        let mut gprs: Vec<(Ref, u32)> = Vec::with_capacity(2 * trace.insts.len());
        let mut xmms: Vec<(Ref, u32)> = Vec::new();
        let mut barriers = Vec::new();
        let last = trace.insts.len().saturating_sub(1) as u32;
        let header = trace
            .insts
            .iter()
            .rposition(|i| matches!(i.op, Opcode::LoopHeader));
        for (k, inst) in trace.insts.iter().enumerate() {
            let k = k as u32;
            let reads = match inst.op {
                Opcode::Call(..) | Opcode::LoopHeader => {
                    barriers.push(k);
                    &mut gprs
                }
                // Read by the moves at the body's two edges.
                Opcode::Phi(init, next) => {
                    if let Some(h) = header {
                        gprs.push((init, h as u32));
                    }
                    gprs.push((next, last));
                    continue;
                }
                ref op if reads_as_float(op) => &mut xmms,
                _ => &mut gprs,
            };
            let twice = fused[k as usize];
            inst.op.for_each_ref(|r| {
                reads.push((r, k));
                if twice {
                    reads.push((r, k + 1));
                }
            });
        }
        let n = trace.insts.len();
        (
            CacheReads::of_pairs(&CACHE_REGS, n, &gprs, barriers.clone()),
            CacheReads::of_pairs(&XMM_CACHE_REGS, n, &xmms, barriers),
        )
    }

    /// A cache in `regs` that no value is read from.
    fn empty(regs: &'static [u8]) -> CacheReads {
        CacheReads {
            regs,
            starts: Vec::new(),
            ends: Vec::new(),
            positions: Vec::new(),
            barriers: Vec::new(),
        }
    }

    /// The table of `pairs` (value, position), for `n` values.
    fn of_pairs(
        regs: &'static [u8],
        n: usize,
        pairs: &[(Ref, u32)],
        barriers: Vec<u32>,
    ) -> CacheReads {
        if pairs.is_empty() {
            // No reads (the float cache of a trace without float math).
            return CacheReads::empty(regs);
        }
        // Count each value's reads, lay the runs out by prefix sums, then
        // fill them (a flat table: one allocation, not one per value).
        let mut starts = vec![0u32; n + 1];
        for &(r, _) in pairs {
            starts[r as usize + 1] += 1;
        }
        for v in 0..n {
            starts[v + 1] += starts[v];
        }
        starts.truncate(n);
        let mut positions = vec![0u32; pairs.len()];
        let mut ends = starts.clone();
        // Pairs come in instruction order, so each run is filled ascending
        // and a repeat (an instruction reading a value twice) is the run's
        // last entry, but for the phis' reads at the body's edges: runs
        // those make out of order are sorted after.
        let mut unsorted = Vec::new();
        for &(r, k) in pairs {
            let (from, end) = (starts[r as usize], ends[r as usize]);
            if end > from {
                let last = positions[end as usize - 1];
                if last == k {
                    continue;
                }
                if last > k && unsorted.last() != Some(&r) {
                    unsorted.push(r);
                }
            }
            positions[end as usize] = k;
            ends[r as usize] += 1;
        }
        for r in unsorted {
            let (from, end) = (starts[r as usize] as usize, ends[r as usize] as usize);
            // Rare (a value a phi reads): a copy is fine.
            let mut run = positions[from..end].to_vec();
            run.sort_unstable();
            run.dedup();
            positions[from..from + run.len()].copy_from_slice(&run);
            ends[r as usize] = (from + run.len()) as u32;
        }
        CacheReads {
            regs,
            starts,
            ends,
            positions,
            barriers,
        }
    }

    /// The positions of the instructions reading `r` (ascending).
    fn of(&self, r: Ref) -> &[u32] {
        match (self.starts.get(r as usize), self.ends.get(r as usize)) {
            (Some(&from), Some(&to)) => &self.positions[from as usize..to as usize],
            _ => &[],
        }
    }
}

/// Which value each cache register holds (and, shared, where each value is
/// read: [`CacheReads`]).
pub(super) struct RegCache<'a> {
    /// The registers this cache uses ([`CACHE_REGS`] or [`XMM_CACHE_REGS`]).
    regs: &'static [u8],
    /// Per cache register (in `regs` order), the value it holds.
    held: Vec<Option<Ref>>,
    /// Where each value is read.
    reads: &'a CacheReads,
}

impl<'a> RegCache<'a> {
    /// An empty cache over `reads` (its registers are the reads' own).
    pub(super) fn new(reads: &'a CacheReads) -> RegCache<'a> {
        RegCache {
            regs: reads.regs,
            held: vec![None; reads.regs.len()],
            reads,
        }
    }

    /// Forgets everything (a jump target, an exit stub).
    pub(super) fn clear(&mut self) {
        self.held.fill(None);
    }

    /// Forgets everything but value `keep` (after a call: its result was
    /// cached after the call returned).
    pub(super) fn keep_only(&mut self, keep: Ref) {
        for h in &mut self.held {
            if *h != Some(keep) {
                *h = None;
            }
        }
    }

    /// The cache register holding value `r`, if any.
    pub(super) fn find(&self, r: Ref) -> Option<u8> {
        let k = self.held.iter().position(|&h| h == Some(r))?;
        Some(self.regs[k])
    }

    /// Register `reg` is about to be overwritten: it holds nothing known.
    pub(super) fn forget_reg(&mut self, reg: u8) {
        if let Some(k) = self.regs.iter().position(|&c| c == reg) {
            self.held[k] = None;
        }
    }

    /// Cache register `reg` now holds value `r`.
    pub(super) fn set(&mut self, reg: u8, r: Ref) {
        let k = self
            .regs
            .iter()
            .position(|&c| c == reg)
            .expect("a cache register");
        self.held[k] = Some(r);
    }

    /// The first instruction after `at` that reads `r` from the cache:
    /// not past the next call or loop header (a call still reads its
    /// arguments from it).
    fn next_read(&self, r: Ref, at: u32) -> Option<u32> {
        self.next_read_until(r, at, self.next_barrier(at))
    }

    /// The first call or loop header after `at` (u32::MAX: none).
    fn next_barrier(&self, at: u32) -> u32 {
        let barriers = &self.reads.barriers;
        let k = barriers.partition_point(|&p| p <= at);
        barriers.get(k).copied().unwrap_or(u32::MAX)
    }

    /// [`RegCache::next_read`] with the next barrier after `at` known.
    fn next_read_until(&self, r: Ref, at: u32, barrier: u32) -> Option<u32> {
        let reads = self.reads.of(r);
        let next = *reads.get(reads.partition_point(|&p| p <= at))?;
        (next <= barrier).then_some(next)
    }

    /// The cache register value `r`, computed by instruction `at`, should
    /// go to (not recorded until [`RegCache::set`]), or None when it is not
    /// worth one: no later read, or only the very next instruction reads it
    /// and `in_rax` says it finds it in `rax`, or every register holds a
    /// value read sooner. Never a register holding one of `avoid`.
    pub(super) fn choose(&self, r: Ref, at: Ref, in_rax: bool, avoid: &[Ref]) -> Option<u8> {
        let barrier = self.next_barrier(at);
        let next = self.next_read_until(r, at, barrier)?;
        if in_rax && next == at + 1 && self.next_read(r, next).is_none() {
            return None;
        }
        // The register whose value is read last (never again: u32::MAX);
        // of the free ones, one whose value `at` reads last (a result
        // computed in place of its operand needs no copy).
        let mut best: Option<(usize, (u32, bool))> = None;
        for (k, h) in self.held.iter().enumerate() {
            let until = match *h {
                None => (u32::MAX, false),
                Some(v) if avoid.contains(&v) => continue,
                Some(v) => match self.next_read_until(v, at, barrier) {
                    Some(n) => (n, false),
                    None => (u32::MAX, self.reads.of(v).binary_search(&at).is_ok()),
                },
            };
            if best.is_none_or(|(_, b)| until > b) {
                best = Some((k, until));
            }
        }
        let (k, (until, _)) = best?;
        (until > next).then_some(self.regs[k])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir_parse::parse_trace;

    /// %0 header, %1 %2 slot loads, %3 = %1 + %2, %4 = %1 + %3, %5 back.
    fn trace() -> Trace {
        parse_trace(
            "trace root loop
  loop_header snap s0
  %a = slot_load [0]
  %b = slot_load [1]
  %c = int_add %a %b
  %d = int_add %a %c
  loop_back
  snap s0: safepoint pc 0 frames @0
",
        )
        .expect("trace text")
    }

    #[test]
    fn values_read_later_get_registers_until_forgotten() {
        let t = trace();
        let c_reads = CacheReads::both(&t, &[false; 6], true).0;
        let mut c = RegCache::new(&c_reads);
        // %1 is read at 3 and 4: cached.
        let r = c.choose(1, 1, true, &[]).expect("a register");
        c.set(r, 1);
        assert_eq!(c.find(1), Some(r));
        // %2 is read only by the next instruction, from `rax`.
        assert_eq!(c.choose(2, 2, true, &[]), None);
        // ... but cached when it is not in `rax`, in another register.
        let r2 = c.choose(2, 2, false, &[]).expect("a register");
        assert_ne!(r2, r);
        c.set(r2, 2);
        // A call forgets all but its result; a jump target everything.
        c.keep_only(2);
        assert_eq!((c.find(1), c.find(2)), (None, Some(r2)));
        c.clear();
        assert_eq!(c.find(2), None);
    }

    #[test]
    fn dead_values_give_way_and_avoided_ones_stay() {
        let t = trace();
        let c_reads = CacheReads::both(&t, &[false; 6], true).0;
        let mut c = RegCache::new(&c_reads);
        for (k, &reg) in CACHE_REGS.iter().enumerate() {
            // Fill every register: %1 in the first, %2 (dead after 3) elsewhere.
            c.set(reg, if k == 0 { 1 } else { 2 });
        }
        // At 3, %2 is dead: %3 (read at 4) takes one of its registers.
        let r = c.choose(3, 3, false, &[]).expect("a register");
        assert_ne!(r, CACHE_REGS[0]);
        // Avoiding %2 leaves only %1's register, read at 4 as %3 is: kept.
        assert_eq!(c.choose(3, 3, false, &[2]), None);
        // Overwritten registers hold nothing known.
        c.forget_reg(CACHE_REGS[0]);
        assert_eq!(c.find(1), None);
    }

    #[test]
    fn reads_past_a_call_or_loop_header_are_not_cached_for() {
        let t = parse_trace(
            "trace root loop
  loop_header snap s0
  %a = slot_load [0]
  %b = slot_load [1]
  %t = call truthy %b -> bool snap s0
  %c = int_add %a %a
  loop_header snap s0
  %d = int_add %b %b
  loop_back
  snap s0: safepoint pc 0 frames @0
",
        )
        .expect("trace text");
        let c_reads = CacheReads::both(&t, &[false; 8], true).0;
        let c = RegCache::new(&c_reads);
        // %a is read only after the call, which forgets the cache.
        assert_eq!(c.choose(1, 1, false, &[]), None);
        // %b is read by the call (its argument) and past the loop header.
        assert!(c.choose(2, 2, false, &[]).is_some());
        assert_eq!(c.next_read(2, 3), None);
    }

    #[test]
    fn float_reads_are_the_float_caches_alone() {
        let t = parse_trace(
            "trace root loop
  loop_header snap s0
  %a = slot_load [0]
  %f = unbox_float %a
  %g = float_mul %f %f
  %h = float_add %g %f
  %b = box_float %h
  slot_store [1] %a
  loop_back
  snap s0: safepoint pc 0 frames @0
",
        )
        .expect("trace text");
        let (gprs_reads, xmms_reads) = CacheReads::both(&t, &[false; 9], true);
        let gprs = RegCache::new(&gprs_reads);
        let xmms = RegCache::new(&xmms_reads);
        // %f is read by float ops only: the float cache keeps it.
        assert_eq!(gprs.choose(2, 2, false, &[]), None);
        assert!(xmms.choose(2, 2, false, &[]).is_some());
        // The boxed %a is read by the slot store only: the general one.
        assert!(gprs.choose(1, 1, false, &[]).is_some());
        assert_eq!(xmms.choose(1, 1, false, &[]), None);
    }

    #[test]
    fn read_tables_are_ascending_without_repeats() {
        // %a is read twice by one instruction, and by the phi at the body's
        // header (4); %n by the phi at the trace's last instruction (9),
        // which the walk meets before %n's own read (8).
        let t = parse_trace(
            "trace root loop
  loop_header snap s0
  %a = slot_load [0]
  %b = int_add %a %a
  %c = int_add %a %b
  loop_header snap s0
  %j = phi %a %n
  %d = int_add %j %a
  %n = int_add %j %d
  slot_store [1] %n
  loop_back
  snap s0: safepoint pc 0 frames @0
",
        )
        .expect("trace text");
        let (reads, floats) = CacheReads::both(&t, &[false; 10], true);
        assert_eq!(reads.of(1), &[2, 3, 4, 6]);
        assert_eq!(reads.of(7), &[8, 9]);
        assert_eq!(reads.of(5), &[6, 7]);
        assert_eq!(reads.barriers, vec![0, 4]);
        assert_eq!(floats.of(1), &[] as &[u32]);
    }

    #[test]
    fn disabled_cache_holds_nothing() {
        let t = trace();
        let c_reads = CacheReads::both(&t, &[false; 6], false).0;
        let c = RegCache::new(&c_reads);
        assert_eq!(c.choose(1, 1, false, &[]), None);
    }
}
