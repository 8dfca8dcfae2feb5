//! Python's `//` and `%` by a constant positive divisor without `idiv`:
//! shifts and masks for powers of two, a multiply by a magic reciprocal
//! otherwise (Granlund and Montgomery). Raw and optimized traces both use
//! it: it is instruction selection for a record-time constant, not an
//! optimization pass.

// dynasm's dynamic-register syntax (`Rq(reg)`) expands to a `.into()`.
#![allow(clippy::useless_conversion)]

use super::{Emitter, RAX};
use crate::ir::*;
use dynasmrt::{dynasm, DynasmApi};

/// How to divide a non-negative 63-bit integer `t` by a divisor `d >= 2`:
/// `t / d == (t * multiplier) >> (64 + shift)` (a 128-bit product).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Reciprocal {
    pub multiplier: u64,
    pub shift: u32,
}

/// The reciprocal of `d` for dividends below 2^63, or None for `d < 2`.
///
/// With `2^shift < d <= 2^(shift+1)` and `multiplier = ceil(2^(64+shift) / d)`,
/// the error `e = multiplier*d - 2^(64+shift)` is below `d <= 2^(shift+1)`,
/// so `t*e < 2^(64+shift)` for every `t < 2^63`: the rounded-up reciprocal
/// never pushes a quotient past the next integer. The multiplier fits 64
/// bits because `d > 2^shift`.
pub(crate) fn reciprocal(d: i64) -> Option<Reciprocal> {
    if d < 2 {
        return None;
    }
    let d = d as u128;
    let shift = 127 - (d - 1).leading_zeros(); // ceil(log2 d) - 1
    let multiplier = (1u128 << (64 + shift)).div_ceil(d);
    Some(Reciprocal {
        multiplier: u64::try_from(multiplier).ok()?,
        shift,
    })
}

/// What the emitted code computes for `n // d` (or `n % d`), written out in
/// Rust: flip negative dividends (`!n == -n - 1`, so floor division of `n`
/// is the flip of the truncating division of `!n`), divide by the
/// reciprocal, flip back.
#[cfg(test)]
fn floor_divide(n: i64, d: i64, r: Reciprocal) -> (i64, i64) {
    let sign = n >> 63;
    let t = (n ^ sign) as u64;
    let high = ((t as u128 * r.multiplier as u128) >> 64) as u64;
    let q = ((high >> r.shift) as i64) ^ sign;
    (q, n.wrapping_sub(q.wrapping_mul(d)))
}

/// The divisor `d` as a constant this file divides by (`>= 2`), if it is one.
pub(super) fn constant_divisor(trace: &Trace, d: Ref) -> Option<i64> {
    match trace.insts[d as usize].op {
        Opcode::ConstInt(k) if k >= 2 => Some(k),
        _ => None,
    }
}

/// Emits `i = a // d` or `i = a % d` (Python's rounding toward minus
/// infinity) for a constant `d >= 2` (from [`constant_divisor`]). Uses
/// rax, rcx and rdx, which the register allocator never hands out.
pub(super) fn emit_by_constant(e: &mut Emitter, i: Ref, op: IntOp, a: Ref, d: i64) {
    if d & (d - 1) == 0 {
        // A power of two: the arithmetic shift rounds toward minus infinity,
        // and the mask is the floor remainder.
        e.load(RAX, a);
        e.rax_now = None;
        match op {
            IntOp::FloorDiv => {
                let k = d.trailing_zeros() as i8;
                dynasm!(e.ops ; .arch x64 ; sar rax, k);
            }
            _ => match i32::try_from(d - 1) {
                Ok(mask) => dynasm!(e.ops ; .arch x64 ; and rax, mask),
                Err(_) => dynasm!(e.ops ; .arch x64 ; mov rcx, QWORD d - 1 ; and rax, rcx),
            },
        }
        e.store_rax(i);
        return;
    }
    let r = reciprocal(d).expect("a divisor of at least 2");
    e.load(RAX, a);
    dynasm!(e.ops
        ; .arch x64
        ; mov rcx, rax
        ; sar rcx, 63
        ; xor rax, rcx
        ; mov rdx, QWORD r.multiplier as i64
        ; mul rdx
    );
    // rax no longer holds `a`.
    e.rax_now = None;
    if r.shift > 0 {
        let k = r.shift as i8;
        dynasm!(e.ops ; .arch x64 ; shr rdx, k);
    }
    dynasm!(e.ops ; .arch x64 ; xor rdx, rcx);
    match op {
        IntOp::FloorDiv => dynasm!(e.ops ; .arch x64 ; mov rax, rdx),
        _ => {
            match i32::try_from(d) {
                Ok(k) => dynasm!(e.ops ; .arch x64 ; imul rdx, rdx, k),
                Err(_) => dynasm!(e.ops ; .arch x64 ; mov rcx, QWORD d ; imul rdx, rcx),
            }
            e.load(RAX, a);
            dynasm!(e.ops ; .arch x64 ; sub rax, rdx);
        }
    }
    e.store_rax(i);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(n: i64, d: i64) {
        let r = reciprocal(d).expect("a reciprocal");
        let want = (
            IntOp::FloorDiv.eval(n, d).unwrap(),
            IntOp::Mod.eval(n, d).unwrap(),
        );
        assert_eq!(floor_divide(n, d, r), want, "{n} // {d} with {r:?}");
    }

    #[test]
    fn reciprocals_divide_exactly() {
        let divisors = [
            3,
            5,
            6,
            7,
            10,
            11,
            23,
            641,
            65521,
            999_983,
            1_000_003,
            1_000_000_007,
            (1 << 32) + 1,
            (1 << 62) - 1,
            (1 << 62) + 1,
            i64::MAX - 1,
            i64::MAX,
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for &d in &divisors {
            let near = [d - 1, d, d.wrapping_add(1), -d, -d - 1, -d + 1];
            for n in [0, 1, -1, i64::MAX, i64::MIN].into_iter().chain(near) {
                check(n, d);
            }
            for _ in 0..20_000 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                // Mix magnitudes: small, around multiples of d, full width.
                let n = match seed % 3 {
                    0 => (seed >> 40) as i64 - (1 << 23),
                    1 => (seed as i64 >> 20)
                        .wrapping_mul(d.min(1 << 20))
                        .wrapping_add((seed % 3) as i64 - 1),
                    _ => seed as i64,
                };
                check(n, d);
            }
        }
        for d in 2..2000 {
            for n in -3000..3000 {
                check(n, d);
            }
            check(i64::MIN, d);
            check(i64::MAX, d);
        }
    }

    #[test]
    fn small_divisors_have_no_reciprocal() {
        assert_eq!(reciprocal(1), None);
        assert_eq!(reciprocal(0), None);
        assert_eq!(reciprocal(-7), None);
    }
}
