//! Integer-range analysis: removes overflow checks, `box_int` range checks
//! and integer comparison guards that the ranges of their operands prove.
//!
//! Each `Int` value gets an interval `[lo, hi]`: constants, `unbox_int`
//! (48-bit payloads), `list_len` (never negative), arithmetic and masks
//! from their operands' intervals. A `guard_true`/`guard_false` of an
//! integer comparison narrows its operands' intervals for every later
//! instruction (the trace is linear, so the guard dominates them; in a
//! peeled trace the preamble dominates the body). A phi's interval is one
//! proven by induction over the loop's iterations (see `phi_ranges`).

use super::Rewriter;
use crate::ir::*;
use runtime::value::{INT_MAX, INT_MIN};
use rustc_hash::FxHashSet;

/// A closed interval of i64 values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    /// Smallest possible value.
    pub lo: i64,
    /// Largest possible value.
    pub hi: i64,
}

/// Every i64.
const FULL: Range = Range {
    lo: i64::MIN,
    hi: i64::MAX,
};
/// The payload of an inline (boxed) int.
const INT48: Range = Range {
    lo: INT_MIN,
    hi: INT_MAX,
};
/// A list's length: a `Vec` of 8-byte values holds fewer than 2^60.
const LIST_LEN: Range = Range { lo: 0, hi: 1 << 60 };

impl Range {
    fn exact(c: i64) -> Range {
        Range { lo: c, hi: c }
    }

    /// The interval of i128 bounds, or None when it leaves the i64 range.
    fn checked(lo: i128, hi: i128) -> Option<Range> {
        let fits = |x: i128| i64::try_from(x).ok();
        Some(Range {
            lo: fits(lo)?,
            hi: fits(hi)?,
        })
    }

    /// The interval of i128 bounds, cut to the i64 range.
    fn clamped(lo: i128, hi: i128) -> Range {
        let clamp = |x: i128| x.clamp(i64::MIN as i128, i64::MAX as i128) as i64;
        Range {
            lo: clamp(lo),
            hi: clamp(hi),
        }
    }

    fn join(self, other: Range) -> Range {
        Range {
            lo: self.lo.min(other.lo),
            hi: self.hi.max(other.hi),
        }
    }

    /// The intersection, or None when it is empty.
    fn meet(self, other: Range) -> Option<Range> {
        let r = Range {
            lo: self.lo.max(other.lo),
            hi: self.hi.min(other.hi),
        };
        (r.lo <= r.hi).then_some(r)
    }

    fn within(self, outer: Range) -> bool {
        outer.lo <= self.lo && self.hi <= outer.hi
    }

    /// The smallest `[-2^k, 2^k - 1]` holding the interval: bitwise and, or
    /// and xor of two values in it stay in it.
    fn bit_bound(self) -> Range {
        let bits = |x: i64| {
            64 - if x < 0 {
                (!x).leading_zeros()
            } else {
                x.leading_zeros()
            }
        };
        let k = bits(self.lo).max(bits(self.hi));
        if k >= 63 {
            return FULL;
        }
        Range {
            lo: -(1i64 << k),
            hi: (1i64 << k) - 1,
        }
    }
}

/// The exact interval of `a op b` over i128 (None for the non-arithmetic ops).
fn arith_bounds(op: IntOp, a: Range, b: Range) -> Option<(i128, i128)> {
    let (al, ah, bl, bh) = (a.lo as i128, a.hi as i128, b.lo as i128, b.hi as i128);
    match op {
        IntOp::AddOv | IntOp::Add => Some((al + bl, ah + bh)),
        IntOp::SubOv | IntOp::Sub => Some((al - bh, ah - bl)),
        IntOp::MulOv | IntOp::Mul => {
            let c = [al * bl, al * bh, ah * bl, ah * bh];
            Some((*c.iter().min()?, *c.iter().max()?))
        }
        _ => None,
    }
}

/// The interval of `a op b`; checked ops leave the trace on overflow, so
/// their result is in the i64 range whatever the bounds say.
fn int_op_range(op: IntOp, a: Range, b: Range) -> Range {
    match op {
        IntOp::AddOv | IntOp::SubOv | IntOp::MulOv => {
            let (lo, hi) = arith_bounds(op, a, b).expect("arithmetic");
            Range::clamped(lo, hi)
        }
        IntOp::Add | IntOp::Sub | IntOp::Mul => {
            let (lo, hi) = arith_bounds(op, a, b).expect("arithmetic");
            Range::checked(lo, hi).unwrap_or(FULL)
        }
        IntOp::And if a.lo >= 0 && b.lo >= 0 => Range {
            lo: 0,
            hi: a.hi.min(b.hi),
        },
        IntOp::And if a.lo >= 0 => Range { lo: 0, hi: a.hi },
        IntOp::And if b.lo >= 0 => Range { lo: 0, hi: b.hi },
        IntOp::And | IntOp::Or | IntOp::Xor => {
            let bound = a.join(b).bit_bound();
            if a.lo >= 0 && b.lo >= 0 {
                Range {
                    lo: 0,
                    hi: bound.hi,
                }
            } else {
                bound
            }
        }
        IntOp::FloorDiv => floor_div_range(a, b),
        IntOp::Min => Range {
            lo: a.lo.min(b.lo),
            hi: a.hi.min(b.hi),
        },
        IntOp::Max => Range {
            lo: a.lo.max(b.lo),
            hi: a.hi.max(b.hi),
        },
        IntOp::ShlOv | IntOp::Shr => shift_range(op, a, b),
        IntOp::Mod => {
            // Python's `%` takes the divisor's sign.
            if b.lo > 0 {
                Range {
                    lo: 0,
                    hi: if a.lo >= 0 {
                        a.hi.min(b.hi - 1)
                    } else {
                        b.hi - 1
                    },
                }
            } else if b.hi < 0 {
                Range {
                    lo: b.lo + 1,
                    hi: 0,
                }
            } else {
                Range {
                    lo: b.lo.saturating_add(1).min(0),
                    hi: b.hi.saturating_sub(1).max(0),
                }
            }
        }
    }
}

/// The interval of `a << b` or `a >> b` over the counts that stay in the
/// trace (both leave on a negative count; `<<` on a count past 63 or on
/// overflow, so its result is an i64 whatever the bounds say).
fn shift_range(op: IntOp, a: Range, b: Range) -> Range {
    let (klo, khi) = (b.lo.clamp(0, 63) as u32, b.hi.clamp(0, 63) as u32);
    // Monotone in each operand once the count's sign is fixed: the extremes
    // are at the corners.
    let mut corners = Vec::with_capacity(4);
    for x in [a.lo as i128, a.hi as i128] {
        for k in [klo, khi] {
            corners.push(if op == IntOp::ShlOv { x << k } else { x >> k });
        }
    }
    let (lo, hi) = (
        *corners.iter().min().expect("4"),
        *corners.iter().max().expect("4"),
    );
    Range::clamped(lo, hi)
}

/// The interval of Python's `a // b` (the op leaves the trace when `b` is 0).
fn floor_div_range(a: Range, b: Range) -> Range {
    let floor_div = |x: i128, y: i128| {
        let q = x / y;
        if (x % y != 0) && ((x < 0) != (y < 0)) {
            q - 1
        } else {
            q
        }
    };
    if b.lo > 0 || b.hi < 0 {
        // Monotone in each operand where the divisor's sign is fixed: the
        // extremes are at the corners.
        let mut qs = Vec::with_capacity(4);
        for x in [a.lo, a.hi] {
            for y in [b.lo, b.hi] {
                qs.push(floor_div(x as i128, y as i128));
            }
        }
        let (lo, hi) = (*qs.iter().min().expect("4"), *qs.iter().max().expect("4"));
        Range::clamped(lo, hi)
    } else {
        // |a // b| <= |a| for any nonzero b.
        let m = (a.lo as i128).abs().max((a.hi as i128).abs());
        Range::clamped(-m, m)
    }
}

/// Is `a cond b` always true (Some(true)), always false, or either?
fn compare(cond: Cond, a: Range, b: Range) -> Option<bool> {
    match cond {
        Cond::Lt if a.hi < b.lo => Some(true),
        Cond::Lt if a.lo >= b.hi => Some(false),
        Cond::Le if a.hi <= b.lo => Some(true),
        Cond::Le if a.lo > b.hi => Some(false),
        Cond::Gt => compare(Cond::Lt, b, a),
        Cond::Ge => compare(Cond::Le, b, a),
        Cond::Eq | Cond::Ne => {
            let equal = if a.lo == a.hi && a == b {
                Some(true)
            } else if a.meet(b).is_none() {
                Some(false)
            } else {
                None
            };
            if cond == Cond::Eq {
                equal
            } else {
                equal.map(|e| !e)
            }
        }
        _ => None,
    }
}

fn negate(cond: Cond) -> Cond {
    match cond {
        Cond::Lt => Cond::Ge,
        Cond::Le => Cond::Gt,
        Cond::Gt => Cond::Le,
        Cond::Ge => Cond::Lt,
        Cond::Eq => Cond::Ne,
        Cond::Ne => Cond::Eq,
    }
}

/// The condition `b ? a` that holds exactly when `a cond b` does.
fn swap(cond: Cond) -> Cond {
    match cond {
        Cond::Lt => Cond::Gt,
        Cond::Le => Cond::Ge,
        Cond::Gt => Cond::Lt,
        Cond::Ge => Cond::Le,
        c => c,
    }
}

/// The intervals of `a` and `b` once `a cond b` is known to hold (None
/// where nothing is learnt, or where it cannot hold: that code never runs).
fn narrow(cond: Cond, a: Range, b: Range) -> (Option<Range>, Option<Range>) {
    let below = |hi: i64| Range { lo: i64::MIN, hi };
    let above = |lo: i64| Range { lo, hi: i64::MAX };
    match cond {
        Cond::Lt if b.hi > i64::MIN && a.lo < i64::MAX => {
            (a.meet(below(b.hi - 1)), b.meet(above(a.lo + 1)))
        }
        Cond::Le => (a.meet(below(b.hi)), b.meet(above(a.lo))),
        Cond::Gt => {
            let (nb, na) = narrow(Cond::Lt, b, a);
            (na, nb)
        }
        Cond::Ge => {
            let (nb, na) = narrow(Cond::Le, b, a);
            (na, nb)
        }
        Cond::Eq => (a.meet(b), b.meet(a)),
        Cond::Ne => {
            // Only a constant at an end of the other interval cuts it.
            let cut = |x: Range, c: Range| -> Option<Range> {
                if c.lo != c.hi || x.lo == x.hi {
                    None
                } else if c.lo == x.lo {
                    Some(Range {
                        lo: x.lo + 1,
                        hi: x.hi,
                    })
                } else if c.lo == x.hi {
                    Some(Range {
                        lo: x.lo,
                        hi: x.hi - 1,
                    })
                } else {
                    None
                }
            };
            (cut(a, b), cut(b, a))
        }
        _ => (None, None),
    }
}

/// What the analysis knows while it walks the trace.
struct Analysis<'t> {
    trace: &'t Trace,
    /// The current interval of each `Int` value (old numbering).
    ranges: Vec<Range>,
    /// Each `Int` phi's interval (None: unbounded).
    phi_ranges: Vec<Option<Range>>,
    /// Each `Int` phi's `init` interval where the phi is.
    phi_inits: Vec<Option<Range>>,
    /// Comparisons `a cond b` known to hold (guarded earlier), with the
    /// ones they imply: a relation intervals cannot express.
    holds: FxHashSet<(u8, Ref, Ref)>,
}

impl<'t> Analysis<'t> {
    fn new(trace: &'t Trace, phi_ranges: Vec<Option<Range>>) -> Analysis<'t> {
        let n = trace.insts.len();
        Analysis {
            trace,
            ranges: vec![FULL; n],
            phi_ranges,
            phi_inits: vec![None; n],
            // Sized for the trace: growing it was a third of the pass.
            holds: FxHashSet::with_capacity_and_hasher(n / 4, Default::default()),
        }
    }

    fn range(&self, r: Ref) -> Range {
        self.ranges[r as usize]
    }

    /// The comparison a guard tests, as it must come out for the trace to go
    /// on: `(cond, a, b)` with `a cond b` holding past the guard.
    fn guarded_compare(&self, op: &Opcode) -> Option<(Cond, Ref, Ref)> {
        let (mut b, mut want) = match *op {
            Opcode::GuardTrue(b) => (b, true),
            Opcode::GuardFalse(b) => (b, false),
            _ => return None,
        };
        // `bool_not` chains flip the direction.
        while let Opcode::BoolNot(x) = self.trace.insts[b as usize].op {
            b = x;
            want = !want;
        }
        match self.trace.insts[b as usize].op {
            Opcode::IntCmp(cond, x, y) => Some((if want { cond } else { negate(cond) }, x, y)),
            _ => None,
        }
    }

    /// Does the guard `op` always pass, given what is known before it?
    fn guard_proven(&self, op: &Opcode) -> bool {
        self.guarded_compare(op).is_some_and(|(c, a, b)| {
            self.holds.contains(&(c as u8, a, b))
                || compare(c, self.range(a), self.range(b)) == Some(true)
        })
    }

    /// Notes that `a cond b` holds, and what follows from it.
    fn note_holds(&mut self, cond: Cond, a: Ref, b: Ref) {
        let implied: &[Cond] = match cond {
            Cond::Lt => &[Cond::Lt, Cond::Le, Cond::Ne],
            Cond::Gt => &[Cond::Gt, Cond::Ge, Cond::Ne],
            Cond::Eq => &[Cond::Eq, Cond::Le, Cond::Ge],
            other => std::slice::from_ref(match other {
                Cond::Le => &Cond::Le,
                Cond::Ge => &Cond::Ge,
                _ => &Cond::Ne,
            }),
        };
        for &c in implied {
            self.holds.insert((c as u8, a, b));
            self.holds.insert((swap(c) as u8, b, a));
        }
    }

    /// The interval of a phi's `init` where the phi is: guards after `init`
    /// was computed may have narrowed its operands since (a `for` loop's
    /// next position is computed before the index guards on the current
    /// one), and they hold at the phi too (the values are the same).
    fn init_range(&self, init: Ref) -> Range {
        let known = self.range(init);
        let inst = &self.trace.insts[init as usize];
        match inst.op {
            Opcode::Int(op, a, b) if inst.ty == Type::Int => known
                .meet(int_op_range(op, self.range(a), self.range(b)))
                .unwrap_or(known),
            _ => known,
        }
    }

    /// Updates the intervals for instruction `k` having run.
    fn step(&mut self, k: usize) {
        let inst = &self.trace.insts[k];
        if inst.ty == Type::Int {
            let r = match inst.op {
                Opcode::ConstInt(c) => Range::exact(c),
                Opcode::UnboxInt(_) => INT48,
                Opcode::ListLen(_) => LIST_LEN,
                Opcode::Int(op, a, b) => int_op_range(op, self.range(a), self.range(b)),
                Opcode::IntNeg(a) => {
                    let a = self.range(a);
                    // The check leaves on -i64::MIN.
                    Range::clamped(-(a.hi as i128), -(a.lo as i128))
                }
                Opcode::Phi(init, _) => {
                    self.phi_inits[k] = Some(self.init_range(init));
                    self.phi_ranges[k].unwrap_or(FULL)
                }
                _ => FULL,
            };
            self.ranges[k] = r;
        }
        if let Opcode::GuardEq(v, c) = inst.op {
            if self.trace.insts[v as usize].ty == Type::Int {
                if let Some(r) = self.range(v).meet(Range::exact(c as i64)) {
                    self.ranges[v as usize] = r;
                }
            }
        }
        if let Some((cond, a, b)) = self.guarded_compare(&inst.op) {
            self.note_holds(cond, a, b);
            let (na, nb) = narrow(cond, self.range(a), self.range(b));
            if let Some(na) = na {
                self.ranges[a as usize] = na;
            }
            if let Some(nb) = nb {
                self.ranges[b as usize] = nb;
            }
        }
    }
}

/// The pass: integer-range analysis and the checks it removes.
pub fn run(trace: &Trace) -> Trace {
    let phi_ranges = phi_ranges(trace);
    let mut an = Analysis::new(trace, phi_ranges);
    let mut rw = Rewriter::new(trace);
    for k in 0..trace.insts.len() {
        let inst = &trace.insts[k];
        let old = k as Ref;
        match inst.op {
            Opcode::Int(op @ (IntOp::AddOv | IntOp::SubOv | IntOp::MulOv), a, b) => {
                let (lo, hi) = arith_bounds(op, an.range(a), an.range(b)).expect("arithmetic");
                if Range::checked(lo, hi).is_some() {
                    let unchecked = match op {
                        IntOp::AddOv => IntOp::Add,
                        IntOp::SubOv => IntOp::Sub,
                        _ => IntOp::Mul,
                    };
                    emit_unchecked(&mut rw, old, Opcode::Int(unchecked, a, b));
                } else {
                    rw.copy(old);
                }
            }
            Opcode::IntNeg(a) if an.range(a).lo > i64::MIN => {
                // `0 - a` cannot overflow: no check.
                let zero = rw.emit(Inst {
                    op: Opcode::ConstInt(0),
                    ty: Type::Int,
                    snap: None,
                    origin: inst.origin,
                });
                let a = rw.get(a);
                let neg = rw.emit(Inst {
                    op: Opcode::Int(IntOp::Sub, zero, a),
                    ty: Type::Int,
                    snap: None,
                    origin: inst.origin,
                });
                rw.replace(old, neg);
            }
            Opcode::BoxInt(a) if inst.snap.is_some() && an.range(a).within(INT48) => {
                emit_unchecked(&mut rw, old, inst.op);
            }
            _ if an.guard_proven(&inst.op) => {}
            _ => {
                rw.copy(old);
            }
        }
        an.step(k);
    }
    rw.finish()
}

/// Emits old instruction `old` as `op` (old operands) without a snapshot.
fn emit_unchecked(rw: &mut Rewriter, old: Ref, op: Opcode) {
    let mut inst = rw.old.insts[old as usize];
    inst.op = op;
    inst.snap = None;
    rw.renumber(&mut inst);
    let new = rw.emit(inst);
    rw.replace(old, new);
}

/// Each `Int` phi's interval, proven by induction: an assumed interval
/// holding the phi's `init` that, with every phi in its assumed interval,
/// also holds its `next` where the body loops back. Assumptions start at
/// `init`'s interval and widen a bound that `next` leaves to the 48-bit
/// range, then to the i64 range; without a fixed point after a few rounds
/// every phi is unbounded (always sound).
fn phi_ranges(trace: &Trace) -> Vec<Option<Range>> {
    let n = trace.insts.len();
    let phis: Vec<usize> = (0..n)
        .filter(|&k| matches!(trace.insts[k].op, Opcode::Phi(..)) && trace.insts[k].ty == Type::Int)
        .collect();
    if phis.is_empty() {
        return vec![None; n];
    }
    let mut assumed: Vec<Option<Range>> = vec![None; n];
    for round in 0..(1 + 4 * phis.len()).min(12) {
        let mut an = Analysis::new(trace, assumed.clone());
        for k in 0..n {
            an.step(k);
        }
        let mut stable = round > 0;
        for &k in &phis {
            let Opcode::Phi(_, next) = trace.insts[k].op else {
                continue;
            };
            let init = an.phi_inits[k].unwrap_or(FULL);
            let Some(now) = assumed[k] else {
                // The first round only learns the inits.
                assumed[k] = Some(init);
                stable = false;
                continue;
            };
            let next = an.range(next);
            if next.within(now) {
                continue;
            }
            stable = false;
            let widen_lo = |lo: i64| if lo > INT_MIN { INT_MIN } else { i64::MIN };
            let widen_hi = |hi: i64| if hi < INT_MAX { INT_MAX } else { i64::MAX };
            assumed[k] = Some(Range {
                lo: if next.lo < now.lo {
                    widen_lo(now.lo)
                } else {
                    now.lo
                },
                hi: if next.hi > now.hi {
                    widen_hi(now.hi)
                } else {
                    now.hi
                },
            });
        }
        if stable {
            return assumed;
        }
    }
    vec![None; n]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_div_and_mod_ranges() {
        let a = Range { lo: -7, hi: 7 };
        let b = Range { lo: 2, hi: 3 };
        assert_eq!(floor_div_range(a, b), Range { lo: -4, hi: 3 });
        assert_eq!(int_op_range(IntOp::Mod, a, b), Range { lo: 0, hi: 2 });
        let neg = Range { lo: -3, hi: -2 };
        assert_eq!(int_op_range(IntOp::Mod, a, neg), Range { lo: -2, hi: 0 });
        assert_eq!(floor_div_range(a, neg), Range { lo: -4, hi: 3 });
    }

    #[test]
    fn masks_bound_their_results() {
        let any = INT48;
        let mask = Range::exact(255);
        assert_eq!(
            int_op_range(IntOp::And, any, mask),
            Range { lo: 0, hi: 255 }
        );
        let small = Range { lo: -5, hi: 100 };
        assert_eq!(
            int_op_range(IntOp::Xor, small, Range::exact(-1)),
            Range { lo: -128, hi: 127 }
        );
        assert_eq!(
            int_op_range(IntOp::Or, Range { lo: 0, hi: 9 }, Range { lo: 0, hi: 3 }),
            Range { lo: 0, hi: 15 }
        );
    }

    /// A small deterministic generator (xorshift) for the soundness tests.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        /// A value biased toward interesting magnitudes and edges.
        fn value(&mut self) -> i64 {
            let r = self.next();
            match r % 6 {
                0 => [0, 1, -1, i64::MIN, i64::MAX, INT_MIN, INT_MAX][(r >> 8) as usize % 7],
                1 => (r >> 8) as i64 % 16 - 8,
                2 => (r >> 3) as i64 >> ((r >> 40) % 63),
                _ => self.next() as i64 >> (r % 64),
            }
        }

        fn range(&mut self) -> Range {
            let (a, b) = (self.value(), self.value());
            Range {
                lo: a.min(b),
                hi: a.max(b),
            }
        }

        fn within(&mut self, r: Range) -> i64 {
            let span = (r.hi as i128 - r.lo as i128) as u128 + 1;
            let pick = match self.next() % 4 {
                0 => 0,
                1 => span - 1,
                _ => self.next() as u128 % span,
            };
            (r.lo as i128 + pick as i128) as i64
        }
    }

    #[test]
    fn transfer_functions_contain_every_result() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let ops = [
            IntOp::AddOv,
            IntOp::SubOv,
            IntOp::MulOv,
            IntOp::Add,
            IntOp::Sub,
            IntOp::Mul,
            IntOp::And,
            IntOp::Or,
            IntOp::Xor,
            IntOp::FloorDiv,
            IntOp::Mod,
            IntOp::ShlOv,
            IntOp::Shr,
        ];
        for _ in 0..20000 {
            let (ra, rb) = (rng.range(), rng.range());
            for op in ops {
                let out = int_op_range(op, ra, rb);
                for _ in 0..4 {
                    let (a, b) = (rng.within(ra), rng.within(rb));
                    let result = op.eval(a, b);
                    if let Some(x) = result {
                        assert!(
                            out.lo <= x && x <= out.hi,
                            "{op:?} {ra:?} {rb:?}: {a} {b} -> {x} outside {out:?}"
                        );
                    }
                }
            }
            for cond in [Cond::Lt, Cond::Le, Cond::Gt, Cond::Ge, Cond::Eq, Cond::Ne] {
                let (a, b) = (rng.within(ra), rng.within(rb));
                let truth = cond.holds(a, b);
                if let Some(known) = compare(cond, ra, rb) {
                    assert_eq!(known, truth, "{cond:?} {ra:?} {rb:?} at {a} {b}");
                }
                if truth {
                    let (na, nb) = narrow(cond, ra, rb);
                    let na = na.unwrap_or(ra);
                    let nb = nb.unwrap_or(rb);
                    assert!(
                        na.lo <= a && a <= na.hi,
                        "narrow {cond:?} {ra:?} {rb:?}: {a}"
                    );
                    assert!(
                        nb.lo <= b && b <= nb.hi,
                        "narrow {cond:?} {ra:?} {rb:?}: {b}"
                    );
                }
            }
        }
    }

    #[test]
    fn comparisons_and_narrowing() {
        let i = Range { lo: 0, hi: 10 };
        let n = Range { lo: 11, hi: 20 };
        assert_eq!(compare(Cond::Lt, i, n), Some(true));
        assert_eq!(compare(Cond::Ge, i, n), Some(false));
        assert_eq!(compare(Cond::Lt, n, i), Some(false));
        assert_eq!(compare(Cond::Eq, i, n), Some(false));
        assert_eq!(compare(Cond::Le, i, Range::exact(10)), Some(true));
        assert_eq!(compare(Cond::Lt, i, Range::exact(10)), None);
        let (a, b) = narrow(Cond::Lt, INT48, Range { lo: 0, hi: 100 });
        assert_eq!(
            a,
            Some(Range {
                lo: INT_MIN,
                hi: 99
            })
        );
        assert_eq!(b, Some(Range { lo: 0, hi: 100 }));
        let (a, _) = narrow(Cond::Ne, Range { lo: 0, hi: 9 }, Range::exact(0));
        assert_eq!(a, Some(Range { lo: 1, hi: 9 }));
    }
}
