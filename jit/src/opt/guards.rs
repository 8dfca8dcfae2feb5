//! Guard elimination and strengthening.
//!
//! A forward pass keeps, per value, what earlier guards and the operation
//! that produced it prove: its tag (int, bool, None, object, or a float),
//! its object kind, the constant it equals, constants it differs from, a
//! machine bool's truth. A guard those facts already imply goes. The trace
//! is linear, so every earlier instruction dominates a later one; in a
//! peeled trace a body guard that repeats a preamble guard on the same value
//! goes, which hoists it out of the loop. A phi is a value of its own:
//! what is known about its `init` is not known about it, except a tag that
//! its `next` has by construction too (`box_int`, `box_float`, `box_bool`,
//! a constant): every value the phi takes then has that tag.
//!
//! `guard_true`/`guard_false` of `x is C` (`same_value` with a constant)
//! count as `guard_eq`/`guard_ne` of x, and are decided the same way.
//!
//! Strengthening: `guard_tag v T` followed by `guard_eq v C` (or
//! `guard_true (v is C)`) with C of tag T becomes one `guard_eq v C` at the
//! first guard's place, with its snapshot.
//! `guard_true (unbox_int(v) == c)` (or `guard_false` of `!=`) with a
//! constant `c` strengthens the same way, as `guard_eq v <int c>`: the
//! tag check, the unboxing and the compare become one compare of the boxed
//! word (the unboxing and compare are left for `dce` when nothing else
//! reads them).
//! Leaving earlier is correct (the interpreter redoes what lies between) and
//! only one check runs. It is done within one loop iteration (not from the
//! body back into the preamble) and only between plain `Guard` exits.

use super::Rewriter;
use crate::ir::*;
use crate::snapshot::ExitKind;
use runtime::value::{Value, FLOAT_LIMIT, INT_MAX, INT_MIN, TAG_BOOL, TAG_INT};
use rustc_hash::FxHashMap;

/// The tag facts use for floats (no real tag: floats are all patterns
/// below `FLOAT_LIMIT`).
const FLOAT: u64 = 0;

/// The tag of a boxed value's bits (`FLOAT` for a float).
fn tag_of(bits: u64) -> u64 {
    if bits < FLOAT_LIMIT {
        FLOAT
    } else {
        bits >> 48
    }
}

/// What is known about one value.
#[derive(Clone, Debug, Default)]
struct Facts {
    /// Its tag (boxed values only; `FLOAT` for floats).
    tag: Option<u64>,
    /// Its object kind.
    kind: Option<u8>,
    /// The constant it equals.
    eq: Option<u64>,
    /// Constants it differs from.
    ne: Vec<u64>,
    /// The guard_tag that proved `tag` (new index), if strengthening it is allowed.
    tag_guard: Option<Ref>,
}

/// The pass.
pub fn guards(trace: &Trace) -> Trace {
    let mut rw = Rewriter::new(trace);
    // Sized for the trace: growing it cost more than the lookups.
    let mut facts: FxHashMap<Ref, Facts> =
        FxHashMap::with_capacity_and_hasher(trace.insts.len() / 4, Default::default());
    // First new instruction of the current loop iteration's code (after the
    // last loop header): strengthening stays within it.
    let mut region_start: Ref = 0;
    for (i, inst) in trace.insts.iter().enumerate() {
        let old = i as Ref;
        if let Opcode::Phi(init, next) = inst.op {
            let new = rw.copy(old);
            // Induction: a tag both the value on entry and every value
            // `loop_back` carries have (the latter by how it is made) is
            // the phi's too.
            let init_tag = facts.get(&rw.get(init)).and_then(|f| f.tag);
            if init_tag.is_some() && init_tag == produced_tag(&trace.insts[next as usize].op) {
                facts.insert(
                    new,
                    Facts {
                        tag: init_tag,
                        ..Facts::default()
                    },
                );
            }
            continue;
        }
        let mut op = inst.op;
        op.map_refs(|r| rw.get(r));
        if op.is_guard() {
            let exit_kind = inst.snap.map(|s| trace.snapshots[s as usize].kind);
            match decide(&rw, &mut facts, &op, exit_kind, region_start) {
                Decision::Keep => {
                    let new = rw.copy(old);
                    learn(&rw, &mut facts, &op, new, exit_kind);
                }
                Decision::Drop => {}
                Decision::Strengthen(earlier, op) => {
                    rw.insts[earlier as usize].op = op;
                    learn(&rw, &mut facts, &op, earlier, exit_kind);
                    if let Some(f) = facts.get_mut(&guarded_value(&op)) {
                        f.tag_guard = None;
                    }
                }
            }
            continue;
        }
        let new = rw.copy(old);
        if op == Opcode::LoopHeader {
            region_start = new;
        }
        // What the operation that produced a value says about it.
        let eq = match op {
            Opcode::Const(v) => Some(v.to_bits()),
            Opcode::ConstInt(c) => Some(c as u64),
            _ => None,
        };
        let tag = produced_tag(&op);
        if eq.is_some() || tag.is_some() {
            facts.insert(
                new,
                Facts {
                    tag,
                    eq,
                    ..Facts::default()
                },
            );
        }
    }
    rw.finish()
}

/// The tag every value `op` makes has, whatever its operands.
fn produced_tag(op: &Opcode) -> Option<u64> {
    match op {
        Opcode::Const(v) => Some(tag_of(v.to_bits())),
        Opcode::BoxInt(_) => Some(TAG_INT),
        Opcode::BoxFloat(_) => Some(FLOAT),
        Opcode::BoxBool(_) => Some(TAG_BOOL),
        _ => None,
    }
}

/// The value a guard checks.
fn guarded_value(op: &Opcode) -> Ref {
    let mut v = 0;
    op.for_each_ref(|r| v = r);
    v
}

enum Decision {
    Keep,
    Drop,
    /// Make the earlier `guard_tag` at this new index this guard (a
    /// `guard_eq`) instead.
    Strengthen(Ref, Opcode),
}

/// Is `op` implied by what is known? (Operands in the new numbering.)
fn decide(
    rw: &Rewriter,
    facts: &mut FxHashMap<Ref, Facts>,
    op: &Opcode,
    exit_kind: Option<ExitKind>,
    region_start: Ref,
) -> Decision {
    let v = guarded_value(op);
    let boxed = rw.insts[v as usize].ty == Type::Val;
    // `x is C` of a boxed x and a constant C, decided by what is known of x.
    let identity = match op {
        Opcode::GuardTrue(b) | Opcode::GuardFalse(b) => {
            same_value_const(rw, *b).and_then(|(x, c)| facts.get(&x).and_then(|f| f.same_as(c)))
        }
        _ => None,
    };
    match (op, identity) {
        (Opcode::GuardTrue(_), Some(true)) | (Opcode::GuardFalse(_), Some(false)) => {
            return Decision::Drop
        }
        _ => {}
    }
    // `guard_true (x is C)` strengthens an earlier `guard_tag x T` as
    // `guard_eq x C` would.
    if let Opcode::GuardTrue(b) = *op {
        if let Some((x, c)) = same_value_const(rw, b) {
            let eq = Opcode::GuardEq(x, c);
            if let Some(earlier) = strengthens(rw, facts, &eq, exit_kind, region_start) {
                return Decision::Strengthen(earlier, eq);
            }
        }
    }
    // `guard_true (unbox_int(x) == c)` strengthens an earlier
    // `guard_tag x int` as `guard_eq x <int c>` would.
    if let Some(eq) = unboxed_int_equality(rw, op) {
        if let Some(earlier) = strengthens(rw, facts, &eq, exit_kind, region_start) {
            return Decision::Strengthen(earlier, eq);
        }
    }
    let Some(f) = facts.get(&v) else {
        return Decision::Keep;
    };
    let implied = match *op {
        Opcode::GuardTag(_, t) => boxed && f.tag == Some(t),
        Opcode::GuardFloat(_) => boxed && f.tag == Some(FLOAT),
        Opcode::GuardKind(_, k) => f.kind == Some(k),
        Opcode::GuardEq(_, c) => f.eq == Some(c),
        Opcode::GuardNe(_, c) => {
            f.eq.is_some_and(|e| e != c)
                || f.ne.contains(&c)
                || (boxed && f.tag.is_some_and(|t| t != tag_of(c)))
        }
        Opcode::GuardTrue(_) => f.eq.is_some_and(|e| e != 0) || f.ne.contains(&0),
        Opcode::GuardFalse(_) => f.eq == Some(0),
        _ => false,
    };
    if implied {
        return Decision::Drop;
    }
    match strengthens(rw, facts, op, exit_kind, region_start) {
        Some(earlier) => Decision::Strengthen(earlier, *op),
        None => Decision::Keep,
    }
}

/// The earlier `guard_tag` (new index) that `guard_eq` `op` may replace:
/// same value, a constant of that tag, no equality known yet, both plain
/// `Guard` exits, within this loop iteration.
fn strengthens(
    rw: &Rewriter,
    facts: &FxHashMap<Ref, Facts>,
    op: &Opcode,
    exit_kind: Option<ExitKind>,
    region_start: Ref,
) -> Option<Ref> {
    let Opcode::GuardEq(v, c) = *op else {
        return None;
    };
    let f = facts.get(&v)?;
    let earlier = f.tag_guard?;
    let boxed = rw.insts[v as usize].ty == Type::Val;
    (boxed
        && exit_kind == Some(ExitKind::Guard)
        && earlier >= region_start
        && f.tag == Some(tag_of(c))
        && f.eq.is_none())
    .then_some(earlier)
}

impl Facts {
    /// Is the boxed value these facts describe the constant `c` (`is`)?
    fn same_as(&self, c: u64) -> Option<bool> {
        match self.eq {
            Some(e) => Some(e == c),
            None if self.ne.contains(&c) || self.tag.is_some_and(|t| t != tag_of(c)) => Some(false),
            None => None,
        }
    }
}

/// `op` is `guard_true (unbox_int(x) == c)` or `guard_false (unbox_int(x)
/// != c)` (either way round) with a constant `c` that fits an inline int:
/// the `guard_eq x <int c>` it is equivalent to, given that `x` is an int.
fn unboxed_int_equality(rw: &Rewriter, op: &Opcode) -> Option<Opcode> {
    let (b, want) = match *op {
        Opcode::GuardTrue(b) => (b, Cond::Eq),
        Opcode::GuardFalse(b) => (b, Cond::Ne),
        _ => return None,
    };
    let Opcode::IntCmp(cond, a, c) = rw.insts[b as usize].op else {
        return None;
    };
    if cond != want {
        return None;
    }
    let unboxed = |r: Ref| match rw.insts[r as usize].op {
        Opcode::UnboxInt(x) => Some(x),
        _ => None,
    };
    let constant = |r: Ref| match rw.insts[r as usize].op {
        Opcode::ConstInt(k) if (INT_MIN..=INT_MAX).contains(&k) => Some(k),
        _ => None,
    };
    let (x, k) = match (unboxed(a), constant(c), unboxed(c), constant(a)) {
        (Some(x), Some(k), _, _) | (_, _, Some(x), Some(k)) => (x, k),
        _ => return None,
    };
    Some(Opcode::GuardEq(x, Value::int(k).to_bits()))
}

/// `b` is `same_value x C` (either way round) with C a boxed constant:
/// `(x, C's bits)`.
fn same_value_const(rw: &Rewriter, b: Ref) -> Option<(Ref, u64)> {
    let Opcode::SameValue(x, y) = rw.insts[b as usize].op else {
        return None;
    };
    let konst = |r: Ref| match rw.insts[r as usize].op {
        Opcode::Const(v) => Some(v.to_bits()),
        _ => None,
    };
    match (konst(x), konst(y)) {
        (_, Some(c)) => Some((x, c)),
        (Some(c), None) => Some((y, c)),
        (None, None) => None,
    }
}

/// Records what guard `op`, kept at new index `at`, proves.
fn learn(
    rw: &Rewriter,
    facts: &mut FxHashMap<Ref, Facts>,
    op: &Opcode,
    at: Ref,
    exit_kind: Option<ExitKind>,
) {
    // `guard_true (x is C)` proves what `guard_eq x C` would,
    // `guard_false (x is C)` what `guard_ne x C` would.
    let identity = match *op {
        Opcode::GuardTrue(b) => same_value_const(rw, b).map(|(x, c)| Opcode::GuardEq(x, c)),
        Opcode::GuardFalse(b) => same_value_const(rw, b).map(|(x, c)| Opcode::GuardNe(x, c)),
        _ => None,
    };
    if let Some(implied) = identity {
        // Not a place to strengthen: the guard checks another value.
        learn(rw, facts, &implied, at, None);
    }
    let v = guarded_value(op);
    let boxed = rw.insts[v as usize].ty == Type::Val;
    let f = facts.entry(v).or_default();
    match *op {
        Opcode::GuardTag(_, t) if f.tag.is_none() && boxed => {
            f.tag = Some(t);
            if exit_kind == Some(ExitKind::Guard) {
                f.tag_guard = Some(at);
            }
        }
        Opcode::GuardFloat(_) if f.tag.is_none() && boxed => f.tag = Some(FLOAT),
        Opcode::GuardKind(_, k) if f.kind.is_none() => f.kind = Some(k),
        Opcode::GuardEq(_, c) if f.eq.is_none() => {
            f.eq = Some(c);
            if boxed && f.tag.is_none() {
                f.tag = Some(tag_of(c));
            }
        }
        Opcode::GuardNe(_, c) => f.ne.push(c),
        Opcode::GuardTrue(_) if f.eq.is_none() => f.ne.push(0),
        Opcode::GuardFalse(_) if f.eq.is_none() => f.eq = Some(0),
        _ => {}
    }
}
