//! `a ** b` of floats in optimized traces: the `float_binop` call of `**`
//! calls [`float_pow`] straight, without the helper's context, kind
//! dispatch, raise check and stack-base reload.
//!
//! [`float_pow`] computes what `h_float_binop` computes for `**` (the
//! runtime's `float_ops::pow`, EMPTY where Python raises), but takes the
//! common case (a positive finite base, a finite exponent) to libm's `pow`
//! at once: nbody's `(d2) ** (-1.5)` went through ~90 instructions of Rust
//! around libm's ~125. The result is bit-identical: `float_ops::pow` calls
//! the same `powf` after checks that all pass in that case.

use super::{Emitter, RDI, RSI};
use crate::helpers::binop_kind;
use crate::ir::{Opcode, Ref};
use dynasmrt::{dynasm, DynasmApi};
use frontend::bytecode::BinOpKind;
use runtime::value::Value;

/// Is `kind` (the first operand of a `float_binop` call) `**`?
pub(super) fn is_pow(e: &Emitter, kind: Ref) -> bool {
    matches!(e.trace.insts[kind as usize].op,
        Opcode::ConstInt(k) if binop_kind(k as u64) == BinOpKind::Pow)
}

/// Emits `float_binop ** a b` (result `i`) as a call of [`float_pow`]. It
/// reads no context and cannot raise (EMPTY is its error, which the
/// `guard_float` after it checks), and it moves no stack, so neither the
/// inline depth nor `rbx` needs care; the call clobbers what any helper
/// call clobbers, which the register allocator already assumes.
pub(super) fn emit_float_pow(e: &mut Emitter, i: Ref, a: Ref, b: Ref) {
    e.load(RSI, b);
    e.load(RDI, a);
    let f = float_pow as *const () as i64;
    dynasm!(e.ops
        ; .arch x64
        ; mov rax, QWORD f
        ; call rax
    );
    e.rax_now = None;
    e.store_rax(i);
}

/// `a ** b` for two boxed numbers, at least one a float (else EMPTY), as
/// `h_float_binop` computes it: an inline int converts exactly; EMPTY
/// where Python raises.
pub extern "sysv64" fn float_pow(a: u64, b: u64) -> u64 {
    // The common case (`float_ops::pow_common`): a positive finite float
    // and a finite float; its result is positive or zero, never NaN.
    if let Some(r) = runtime::float_ops::pow_common(a, b) {
        return r;
    }
    float_pow_slow(a, b)
}

/// [`float_pow`] off its fast path: any operand pair, every special case.
#[inline(never)]
fn float_pow_slow(a: u64, b: u64) -> u64 {
    let (va, vb) = (Value::from_bits(a), Value::from_bits(b));
    let number = |v: Value| match () {
        _ if v.is_float() => Some(v.as_float()),
        _ if v.is_int() => Some(v.as_int() as f64),
        _ => None,
    };
    match (number(va), number(vb)) {
        (Some(x), Some(y)) if va.is_float() || vb.is_float() => runtime::float_ops::pow(x, y)
            .map_or(Value::EMPTY, Value::from_float)
            .to_bits(),
        _ => Value::EMPTY.to_bits(),
    }
}

#[cfg(test)]
mod tests {
    use super::float_pow;
    use runtime::value::Value;

    /// The fast path and the runtime's `pow` agree, bit for bit, and the
    /// raising cases give EMPTY.
    #[test]
    fn matches_the_runtime_pow() {
        let samples = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            -0.5,
            2.0,
            -2.0,
            3.0,
            -1.5,
            1.5,
            1e-300,
            1e300,
            -1e300,
            0.1,
            7.25,
            f64::INFINITY,
            -f64::INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
            1e-320,
        ];
        for &x in &samples {
            for &y in &samples {
                let want = runtime::float_ops::pow(x, y)
                    .map_or(Value::EMPTY, Value::from_float)
                    .to_bits();
                let got = float_pow(
                    Value::from_float(x).to_bits(),
                    Value::from_float(y).to_bits(),
                );
                assert_eq!(got, want, "{x} ** {y}");
            }
        }
        let two = Value::int(2).to_bits();
        assert_eq!(
            float_pow(Value::from_float(1.5).to_bits(), two),
            Value::from_float(2.25).to_bits()
        );
        assert_eq!(
            float_pow(two, Value::from_float(-1.0).to_bits()),
            Value::from_float(0.5).to_bits()
        );
        assert_eq!(float_pow(two, two), Value::EMPTY.to_bits());
    }
}
