//! Bounds checks on constant indices: `lst[0]`, `lst[1]`, `lst[2]` check
//! `0 < len`, `1 < len`, `2 < len` on one length value; the first check
//! becomes `2 < len` and the others go.
//!
//! Within one loop iteration (between loop headers), the guards
//! `guard_true (int_lt C x)` on the same value `x` with constant `C` are a
//! group; the group's first guard checks the largest constant instead, and
//! the rest are implied. Leaving at the first guard when a later one would
//! have failed is correct: that exit's snapshot describes the state there,
//! and the interpreter redoes what lies between (as `guards` does when it
//! strengthens a tag guard). Only plain `Guard` exits take part, and only a
//! compare no other instruction or snapshot reads is changed. A guard whose
//! constant an earlier kept guard on the same value already covers goes too,
//! across iterations (the preamble's check holds in the body when `x` is
//! the preamble's value).
//!
//! Runs after heap forwarding and `cse2`, which make the lengths of one
//! list within an iteration one value.

use super::rewriter::copies_as_is;
use super::Rewriter;
use crate::ir::*;
use crate::snapshot::ExitKind;
use rustc_hash::FxHashMap;

/// A bounds guard: `guard_true (int_lt C x)`.
#[derive(Clone, Copy)]
struct Check {
    /// The compare (old).
    cmp: Ref,
    /// Its constant.
    constant: i64,
    /// The value compared (old).
    value: Ref,
}

/// The check `guard` (old instruction `k`) makes, if it is one.
fn check_of(trace: &Trace, k: usize) -> Option<Check> {
    let inst = &trace.insts[k];
    let Opcode::GuardTrue(cmp) = inst.op else {
        return None;
    };
    let snap = inst.snap?;
    if trace.snapshots[snap as usize].kind != ExitKind::Guard {
        return None;
    }
    let Opcode::IntCmp(Cond::Lt, c, value) = trace.insts[cmp as usize].op else {
        return None;
    };
    let constant_inst = &trace.insts[c as usize];
    match constant_inst.op {
        Opcode::ConstInt(constant) if constant_inst.ty == Type::Int => Some(Check {
            cmp,
            constant,
            value,
        }),
        _ => None,
    }
}

/// How many instructions and snapshot entries read each old value.
fn use_counts(trace: &Trace) -> Vec<u32> {
    let mut uses = vec![0u32; trace.insts.len()];
    for inst in &trace.insts {
        inst.op.for_each_ref(|r| uses[r as usize] += 1);
    }
    for snap in &trace.snapshots {
        for &(_, r) in &snap.entries {
            uses[r as usize] += 1;
        }
        for v in &snap.virtuals {
            for f in &v.fields {
                if let crate::snapshot::VirtualValue::Ref(r) = f.value {
                    uses[r as usize] += 1;
                }
            }
        }
    }
    uses
}

/// The pass; None when it would leave the trace as it is (no value is
/// checked twice, and copying would renumber nothing): the pipeline keeps
/// its input.
pub fn bounds(trace: &Trace) -> Option<Trace> {
    let uses = use_counts(trace);
    // Values checked so far, and whether one was checked again (only then
    // can a check go).
    let mut checked = vec![false; trace.insts.len()];
    let mut repeated = false;
    // Per old compare of a group's first guard: the largest constant of its
    // group (when larger than its own).
    let mut strengthen: FxHashMap<Ref, i64> = FxHashMap::default();
    // Per compared value: the group's first guard in the current iteration.
    let mut first: FxHashMap<Ref, Check> = FxHashMap::default();
    for k in 0..trace.insts.len() {
        if trace.insts[k].op == Opcode::LoopHeader {
            first.clear();
            continue;
        }
        let Some(check) = check_of(trace, k) else {
            continue;
        };
        repeated |= std::mem::replace(&mut checked[check.value as usize], true);
        match first.get(&check.value) {
            None => {
                if uses[check.cmp as usize] == 1 {
                    first.insert(check.value, check);
                }
            }
            Some(head) if check.constant > head.constant => {
                let best = strengthen.entry(head.cmp).or_insert(head.constant);
                *best = (*best).max(check.constant);
            }
            Some(_) => {}
        }
    }
    if !repeated && copies_as_is(trace) {
        // Nothing to strengthen either: that needs a second check too.
        return None;
    }
    Some(rewrite(trace, &strengthen))
}

/// The trace with the checks `strengthen` names strengthened and the
/// checks an earlier kept one proves gone.
fn rewrite(trace: &Trace, strengthen: &FxHashMap<Ref, i64>) -> Trace {
    let mut rw = Rewriter::new(trace);
    // Per new compared value: the largest constant a kept guard proved.
    let mut proven: FxHashMap<Ref, i64> = FxHashMap::default();
    for (k, inst) in trace.insts.iter().enumerate() {
        let old = k as Ref;
        if let (Some(&constant), Opcode::IntCmp(cond, _, value)) = (strengthen.get(&old), &inst.op)
        {
            let (cond, value) = (*cond, *value);
            let c = rw.emit(Inst {
                op: Opcode::ConstInt(constant),
                ty: Type::Int,
                snap: None,
                origin: inst.origin,
            });
            let new = rw.emit(Inst {
                op: Opcode::IntCmp(cond, c, rw.get(value)),
                ty: inst.ty,
                snap: None,
                origin: inst.origin,
            });
            rw.replace(old, new);
            continue;
        }
        if let Some(check) = check_of(trace, k) {
            let value = rw.get(check.value);
            let constant = strengthen
                .get(&check.cmp)
                .copied()
                .unwrap_or(check.constant);
            if proven.get(&value).is_some_and(|&p| p >= constant) {
                continue;
            }
            let best = proven.entry(value).or_insert(constant);
            *best = (*best).max(constant);
        }
        rw.copy(old);
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir_parse::parse_trace;
    use crate::ir_print::print_trace_text;
    use crate::opt::filetest::parse_cases;
    use crate::opt::PASSES;

    /// Where `bounds` says None (no value checked twice), the
    /// rewrite it skips would have printed the same trace: on every case
    /// input of `jit/tests/opt/*.trace`, and on what the passes before
    /// `bounds` make of it.
    #[test]
    fn skipping_leaves_what_the_rewrite_would() {
        let (mut skipped, mut rewritten) = (0, 0);
        for path in crate::opt::filetest::trace_files() {
            let text = std::fs::read_to_string(&path).expect("read test file");
            for case in parse_cases(&text).expect("test file parses") {
                let input = parse_trace(&case.input).expect("case input parses");
                let mut before_bounds = input.clone();
                for pass in PASSES.iter().take_while(|p| p.name != "bounds") {
                    if let Some(next) = (pass.run)(&before_bounds) {
                        before_bounds = next;
                    }
                }
                for trace in [&input, &before_bounds] {
                    match bounds(trace) {
                        None => {
                            skipped += 1;
                            let all = rewrite(trace, &FxHashMap::default());
                            assert_eq!(
                                print_trace_text(&all),
                                print_trace_text(trace),
                                "{}:{}",
                                path.display(),
                                case.line
                            );
                        }
                        Some(_) => rewritten += 1,
                    }
                }
            }
        }
        assert!(
            skipped > 10 && rewritten > 0,
            "{skipped} skipped, {rewritten} rewritten"
        );
    }
}
