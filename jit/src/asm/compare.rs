//! Compares in the emitter: int and float compares from wherever their
//! operands live, and compares fused into the guard right after them.

// dynasm's dynamic-register syntax (`Rq(reg)`) expands to a `.into()`.
#![allow(clippy::useless_conversion)]

use super::float_ops::{sse, XmmSource};
use super::{Emitter, RAX, RCX};
use crate::ir::*;
use crate::regalloc::Loc;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

/// Compares ints (or words) `a` and `b` (sets the flags) for condition
/// `cond`, and returns the condition to test on the flags: `cond`, or its
/// mirror when the operands were swapped. Both tiers take a constant
/// `b` as an immediate, or from the constant pool when it does not fit one,
/// swap a constant `a` into that place, and read a spilled `b` from memory.
pub(super) fn emit_int_compare(e: &mut Emitter, cond: Cond, a: Ref, b: Ref) -> Cond {
    if e.imm32(a).is_some() && e.imm32(b).is_none() {
        emit_int_compare(e, mirror(cond), b, a);
        return mirror(cond);
    }
    let ra = e.reg_of(a, RAX);
    match e.imm32(b) {
        Some(k) => dynasm!(e.ops ; .arch x64 ; cmp Rq(ra), k),
        None => match (&e.trace.insts[b as usize].op, e.loc(b)) {
            (&Opcode::Const(v), _) => {
                let c = e.pooled(v.to_bits());
                dynasm!(e.ops ; .arch x64 ; cmp Rq(ra), QWORD [=>c]);
            }
            (_, Loc::Spill(s)) if e.rax_now != Some(b) && e.cache.find(b).is_none() => {
                e.read[b as usize] = true;
                let off = 8 * s as i32;
                dynasm!(e.ops ; .arch x64 ; cmp Rq(ra), [rsp + off]);
            }
            _ => {
                let rb = e.reg_of(b, RCX);
                dynasm!(e.ops ; .arch x64 ; cmp Rq(ra), Rq(rb));
            }
        },
    }
    cond
}

/// The condition that holds for `(b, a)` exactly when `cond` holds for
/// `(a, b)`.
fn mirror(cond: Cond) -> Cond {
    match cond {
        Cond::Lt => Cond::Gt,
        Cond::Le => Cond::Ge,
        Cond::Gt => Cond::Lt,
        Cond::Ge => Cond::Le,
        Cond::Eq | Cond::Ne => cond,
    }
}

/// Compares floats `a` and `b` for `cond` with `ucomisd`, operands swapped
/// for `<` and `<=` so that "above" means the condition holds.
pub(super) fn emit_float_compare(e: &mut Emitter, cond: Cond, a: Ref, b: Ref) {
    if e.alloc.is_some() {
        // The second operand straight from memory when it is there.
        let (first, second) = match cond {
            Cond::Lt | Cond::Le => (b, a),
            _ => (a, b),
        };
        let x = e.xmm_of(first, 0, RAX);
        let src = e.xmm_source(second, 1);
        sse!(e, ucomisd, x, src);
        return;
    }
    let xa = e.xmm_of(a, 0, RAX);
    let xb = e.xmm_of(b, 1, RCX);
    match cond {
        Cond::Lt | Cond::Le => dynasm!(e.ops ; .arch x64 ; ucomisd Rx(xb), Rx(xa)),
        _ => dynasm!(e.ops ; .arch x64 ; ucomisd Rx(xa), Rx(xb)),
    }
}

/// A guard on compare `c` (fused: the compare emitted nothing): compares
/// its operands and leaves through `stub` unless the result is `want`.
pub(super) fn emit_fused_guard(e: &mut Emitter, c: Ref, want: bool, stub: DynamicLabel) {
    match e.trace.insts[c as usize].op {
        Opcode::IntCmp(cond, a, b) => {
            let cond = emit_int_compare(e, cond, a, b);
            // Leave when the condition is `!want`.
            let leave = if want { negate(cond) } else { cond };
            match leave {
                Cond::Lt => dynasm!(e.ops ; .arch x64 ; jl =>stub),
                Cond::Le => dynasm!(e.ops ; .arch x64 ; jle =>stub),
                Cond::Gt => dynasm!(e.ops ; .arch x64 ; jg =>stub),
                Cond::Ge => dynasm!(e.ops ; .arch x64 ; jge =>stub),
                Cond::Eq => dynasm!(e.ops ; .arch x64 ; je =>stub),
                Cond::Ne => dynasm!(e.ops ; .arch x64 ; jne =>stub),
            }
        }
        Opcode::SameValue(a, b) => {
            // Word identity: leave when equal exactly when `is` must not hold.
            emit_int_compare(e, Cond::Eq, a, b);
            if want {
                dynasm!(e.ops ; .arch x64 ; jne =>stub);
            } else {
                dynasm!(e.ops ; .arch x64 ; je =>stub);
            }
        }
        Opcode::FloatCmp(cond, a, b) => {
            emit_float_compare(e, cond, a, b);
            // Unordered: ZF, PF and CF set; `above` conditions are false then.
            match (cond, want) {
                (Cond::Gt | Cond::Lt, true) => dynasm!(e.ops ; .arch x64 ; jbe =>stub),
                (Cond::Gt | Cond::Lt, false) => dynasm!(e.ops ; .arch x64 ; ja =>stub),
                (Cond::Ge | Cond::Le, true) => dynasm!(e.ops ; .arch x64 ; jb =>stub),
                (Cond::Ge | Cond::Le, false) => dynasm!(e.ops ; .arch x64 ; jae =>stub),
                // Leave when not equal or unordered.
                (Cond::Eq, true) | (Cond::Ne, false) => {
                    dynasm!(e.ops ; .arch x64 ; jne =>stub ; jp =>stub)
                }
                // Leave when equal and ordered.
                (Cond::Eq, false) | (Cond::Ne, true) => {
                    dynasm!(e.ops ; .arch x64 ; jp >ordered_ne ; je =>stub ; ordered_ne:)
                }
            }
        }
        _ => unreachable!("only compares are fused"),
    }
}

/// The condition that holds exactly when `cond` does not (ints).
pub(super) fn negate(cond: Cond) -> Cond {
    match cond {
        Cond::Lt => Cond::Ge,
        Cond::Le => Cond::Gt,
        Cond::Gt => Cond::Le,
        Cond::Ge => Cond::Lt,
        Cond::Eq => Cond::Ne,
        Cond::Ne => Cond::Eq,
    }
}

/// Booleans whose value an exit knows without reading them: past a
/// `guard_true c` every snapshot sees `c` true, and the guard's own
/// snapshot sees it false (that is why it leaves); likewise for
/// `guard_false`. Exit stubs write such entries as constants, so a compare
/// whose other readers are only such entries still fuses into its guard.
pub(super) struct DecidedBools {
    /// Per value: the first guard on it (instruction index, the value it
    /// passes on). Indexed, not hashed: exit stubs and use counts ask for
    /// every snapshot entry.
    guard: Vec<Option<(usize, bool)>>,
    /// Per snapshot: the one instruction that exits through it.
    owner: Vec<Option<usize>>,
}

impl DecidedBools {
    /// Finds the guards and the snapshots' instructions of `trace`.
    pub(super) fn new(trace: &Trace) -> DecidedBools {
        let mut guard: Vec<Option<(usize, bool)>> = vec![None; trace.insts.len()];
        let mut owner: Vec<Option<usize>> = vec![None; trace.snapshots.len()];
        let mut shared = vec![false; trace.snapshots.len()];
        for (i, inst) in trace.insts.iter().enumerate() {
            if let Opcode::GuardTrue(c) | Opcode::GuardFalse(c) = inst.op {
                let want = matches!(inst.op, Opcode::GuardTrue(_));
                guard[c as usize].get_or_insert((i, want));
            }
            if let Some(s) = inst.snap {
                shared[s as usize] |= owner[s as usize].is_some();
                owner[s as usize] = Some(i);
            }
        }
        for (o, &many) in owner.iter_mut().zip(&shared) {
            if many {
                *o = None;
            }
        }
        DecidedBools { guard, owner }
    }

    /// The value bool `r` has at every exit through snapshot `snap`, if
    /// a guard decided it.
    pub(super) fn at_exit(&self, snap: usize, r: Ref) -> Option<bool> {
        let at = self.owner[snap]?;
        let (g, want) = self.guard[r as usize]?;
        match at.cmp(&g) {
            std::cmp::Ordering::Less => None,
            std::cmp::Ordering::Equal => Some(!want),
            std::cmp::Ordering::Greater => Some(want),
        }
    }
}

/// Optimized traces: the compares whose only reader is a `guard_true` or
/// `guard_false` right after them (other than snapshot entries that know
/// its value, see [`DecidedBools`]); the guard compares and jumps itself.
/// Nothing is written between the two, so the operands are still in place.
/// `uses` are the trace's [`use_counts`].
pub(super) fn fused_compares(trace: &Trace, uses: &[u32]) -> Vec<bool> {
    let mut fused = vec![false; trace.insts.len()];
    for (k, pair) in trace.insts.windows(2).enumerate() {
        let is_compare = matches!(
            pair[0].op,
            Opcode::IntCmp(..) | Opcode::FloatCmp(..) | Opcode::SameValue(..)
        );
        let guard_reads_it = matches!(pair[1].op,
            Opcode::GuardTrue(c) | Opcode::GuardFalse(c) if c as usize == k);
        fused[k] = is_compare && guard_reads_it && uses[k] == 1;
    }
    fused
}

/// Optimized traces: the `load_abs`es (version words) that only the
/// `guard_eq` or `guard_ne` right after them reads, against a constant
/// that fits an immediate. The guard compares the word in memory
/// (`cmp QWORD [rax], imm`) and the load emits nothing.
/// `uses` are the trace's [`use_counts`].
pub(super) fn fused_version_loads(trace: &Trace, uses: &[u32]) -> Vec<bool> {
    let mut fused = vec![false; trace.insts.len()];
    for (k, pair) in trace.insts.windows(2).enumerate() {
        let guard_reads_it = matches!(pair[1].op,
            Opcode::GuardEq(v, c) | Opcode::GuardNe(v, c)
                if v as usize == k && i32::try_from(c as i64).is_ok());
        fused[k] = matches!(pair[0].op, Opcode::LoadAbs(_)) && guard_reads_it && uses[k] == 1;
    }
    fused
}

/// How many operands and exit values (snapshot entries an exit does not
/// decide, virtual objects' fields) read each value.
pub(super) fn use_counts(trace: &Trace, decided: &DecidedBools) -> Vec<u32> {
    let mut uses = vec![0u32; trace.insts.len()];
    for inst in &trace.insts {
        inst.op.for_each_ref(|r| uses[r as usize] += 1);
    }
    for (s, snap) in trace.snapshots.iter().enumerate() {
        for &(_, r) in &snap.entries {
            if decided.at_exit(s, r).is_none() {
                uses[r as usize] += 1;
            }
        }
        for r in snap.virtual_field_values() {
            uses[r as usize] += 1;
        }
    }
    uses
}
