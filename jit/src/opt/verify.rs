//! Verifier: checks that a trace is well formed (values defined before use,
//! operand types, snapshots, phis), after every optimizer pass.

use crate::ir::{Opcode, Trace, Type};

/// Checks `trace`; the error names the first bad instruction.
pub fn verify(trace: &Trace) -> Result<(), String> {
    let n = trace.insts.len();
    let last_header = trace.insts.iter().rposition(|i| i.op == Opcode::LoopHeader);
    for (k, inst) in trace.insts.iter().enumerate() {
        let bad = |what: String| Err(format!("%{k} ({:?}): {what}", inst.op));
        let ty = |r: u32| trace.insts[r as usize].ty;
        let mut err = None;
        match inst.op {
            Opcode::Phi(init, next) => {
                if !trace.local_loop {
                    return bad("phi in a trace that does not loop locally".into());
                }
                let after_header = trace.insts[..k]
                    .iter()
                    .rev()
                    .find(|i| !matches!(i.op, Opcode::Phi(..)))
                    .is_some_and(|i| i.op == Opcode::LoopHeader);
                if !after_header || last_header.is_none_or(|h| h > k) {
                    return bad("phi not directly after the body's loop header".into());
                }
                // `next` is read at the back-edge: any value defined by then,
                // another phi too (`a, b = b, a`: phis move at once), or a
                // preamble value (a slot the body sets to an invariant).
                let body = last_header.unwrap_or(k);
                // `init` comes from the preamble: an earlier phi of the same
                // header has no value yet on the entry edge.
                if init as usize >= body || next as usize >= n {
                    return bad(
                        "phi operands must be init in the preamble, next in the trace".into(),
                    );
                }
                if ty(init) != inst.ty || ty(next) != inst.ty {
                    return bad("phi operands of another type".into());
                }
            }
            _ => inst.op.for_each_ref(|r| {
                if r as usize >= k && err.is_none() {
                    err = Some(format!("%{r} used before it is defined"));
                } else if ty(r) == Type::Void && err.is_none() {
                    err = Some(format!("%{r} produces no value"));
                }
            }),
        }
        if let Some(e) = err {
            return bad(e);
        }
        let expect = |r: u32, t: Type| {
            if ty(r) == t {
                Ok(())
            } else {
                Err(format!(
                    "%{k} ({:?}): operand %{r} is {:?}, expected {t:?}",
                    inst.op,
                    ty(r)
                ))
            }
        };
        match inst.op {
            Opcode::SlotStore(_, v) | Opcode::UnboxInt(v) | Opcode::UnboxFloat(v) => {
                expect(v, Type::Val)?
            }
            Opcode::BoxInt(v) | Opcode::IntNeg(v) | Opcode::IntToFloat(v) => expect(v, Type::Int)?,
            Opcode::BoxFloat(v) | Opcode::FloatNeg(v) => expect(v, Type::Float)?,
            Opcode::BoxBool(v)
            | Opcode::BoolNot(v)
            | Opcode::GuardTrue(v)
            | Opcode::GuardFalse(v) => expect(v, Type::Bool)?,
            Opcode::Int(_, a, b) | Opcode::IntCmp(_, a, b) => {
                expect(a, Type::Int)?;
                expect(b, Type::Int)?;
            }
            Opcode::Float(_, a, b) | Opcode::FloatCmp(_, a, b) => {
                expect(a, Type::Float)?;
                expect(b, Type::Float)?;
            }
            _ => {}
        }
        if let Some(s) = inst.snap {
            let Some(snap) = trace.snapshots.get(s as usize) else {
                return bad(format!("snapshot {s} does not exist"));
            };
            for &(slot, r) in &snap.entries {
                // The body's header leaves after its phis took their values,
                // so its snapshot may name them (sunk stores going around).
                let header_phi = Some(k) == last_header
                    && trace.local_loop
                    && r as usize > k
                    && (r as usize) < n
                    && trace.insts[k + 1..=r as usize]
                        .iter()
                        .all(|i| matches!(i.op, Opcode::Phi(..)));
                if r as usize >= k && !header_phi {
                    return bad(format!(
                        "snapshot {s} entry [{slot}] names %{r}, defined later"
                    ));
                }
                // Ints, floats and bools are boxed by the exit stub (box_exits).
                if matches!(ty(r), Type::Word | Type::Void) {
                    return bad(format!(
                        "snapshot {s} entry [{slot}] names %{r}, which has no boxed form"
                    ));
                }
            }
            for r in snap.virtual_field_values() {
                if r as usize >= k || ty(r) != Type::Val {
                    return bad(format!("snapshot {s}: a virtual field names %{r}"));
                }
            }
            for v in &snap.virtuals {
                for f in &v.fields {
                    if let crate::snapshot::VirtualValue::Virtual(w) = f.value {
                        if w as usize >= snap.virtuals.len() {
                            return bad(format!("snapshot {s}: no virtual object {w}"));
                        }
                    }
                }
            }
        }
    }
    if trace.local_loop && last_header.is_none() {
        return Err("a locally looping trace without a loop header".into());
    }
    if trace.insts.last().map(|i| &i.op) != Some(&Opcode::LoopBack) {
        return Err("the trace does not end with loop_back".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::verify;
    use crate::ir_parse::parse_trace;

    /// A peeled loop whose second phi's init is `init`.
    fn swap_loop(init: &str) -> String {
        format!(
            "trace root loop
  loop_header snap s0
  %a = slot_load [1]
  %b = slot_load [2]
  loop_header snap s0
  %p = phi %a %q
  %q = phi {init} %p
  slot_store [1] %q
  loop_back
  snap s0: safepoint pc 0 frames @0
"
        )
    }

    #[test]
    fn phis_that_swap_verify() {
        let trace = parse_trace(&swap_loop("%b")).expect("parses");
        assert_eq!(verify(&trace), Ok(()));
    }

    #[test]
    fn a_phi_initialised_from_another_phi_is_rejected() {
        // On the entry edge the first phi has no value yet.
        let trace = parse_trace(&swap_loop("%p")).expect("parses");
        let error = verify(&trace).expect_err("must not verify");
        assert!(error.contains("init in the preamble"), "{error}");
    }
}
