//! Exact int <-> float conversions and comparisons with CPython's rounding and
//! errors: `float(int)` and `int / int` are correctly rounded (half to even)
//! even for huge ints, `int(float)` truncates exactly, and `int < float`
//! compares the exact values (so `2**53 + 1 > 2.0**53`).

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

use crate::int_ops::Int;
use crate::num_error::{NumError, NumResult};

/// Bits in a double's significand (DBL_MANT_DIG).
const MANT_DIG: i64 = 53;
/// DBL_MAX_EXP: doubles are below 2**1024.
const MAX_EXP: i64 = 1024;
/// DBL_MIN_EXP: the smallest normal double is 2**(MIN_EXP - 1).
const MIN_EXP: i64 = -1021;
/// Ints up to this magnitude convert to float exactly.
const EXACT_LIMIT: i64 = 1 << MANT_DIG;

/// `x * 2**n` with a single rounding, also into the subnormal range
/// (the classic scalbn: scale in steps that keep the intermediate exact).
pub fn ldexp(x: f64, n: i64) -> f64 {
    let two_1023 = f64::from_bits(0x7fe0_0000_0000_0000);
    let two_53 = f64::from_bits(0x4340_0000_0000_0000);
    let two_m1022 = f64::from_bits(0x0010_0000_0000_0000);
    let mut n = n.clamp(-10_000, 10_000);
    let mut y = x;
    if n > 1023 {
        y *= two_1023;
        n -= 1023;
        if n > 1023 {
            y *= two_1023;
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        // Keep the final step below -53 so only the last multiply rounds.
        y *= two_m1022 * two_53;
        n += 1022 - 53;
        if n < -1022 {
            y *= two_m1022 * two_53;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

/// A non-negative big magnitude rounded half-to-even to the nearest double
/// (infinity when it rounds to 2**1024 or more).
fn biguint_to_f64(mag: &BigUint) -> f64 {
    let bits = mag.bits();
    if bits <= 64 {
        return mag.to_u64().map_or(0.0, |u| u as f64);
    }
    let shift = bits - 64;
    let top = (mag >> shift).to_u64().unwrap_or(u64::MAX);
    // A sticky bit below the rounding position keeps ties from being misread.
    let sticky = mag.trailing_zeros().is_some_and(|tz| tz < shift);
    ldexp((top | u64::from(sticky)) as f64, shift as i64)
}

/// `float(a)`: correctly rounded; OverflowError "int too large to convert to float".
pub fn to_f64(a: &Int) -> NumResult<f64> {
    match a {
        Int::Small(i) => Ok(*i as f64),
        Int::Big(b) => {
            let f = biguint_to_f64(b.magnitude());
            if f.is_infinite() {
                return Err(NumError::overflow("int too large to convert to float"));
            }
            Ok(if b.sign() == Sign::Minus { -f } else { f })
        }
    }
}

/// `int(x)` for a float: truncates toward zero, exactly.
/// ValueError for NaN, OverflowError for infinities (CPython's messages).
pub fn from_f64(x: f64) -> NumResult<Int> {
    if x.is_nan() {
        return Err(NumError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(NumError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    if x.abs() < 9_223_372_036_854_775_808.0 {
        // In range: Rust's cast truncates exactly.
        return Ok(Int::Small(x as i64));
    }
    // |x| >= 2**63 is an integer: mantissa * 2**exponent with exponent > 0.
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mantissa = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let magnitude = BigInt::from(mantissa) << (exponent as u64);
    Ok(Int::from_bigint(if x < 0.0 {
        -magnitude
    } else {
        magnitude
    }))
}

/// `a / b` for ints: the exact quotient correctly rounded to a double, as
/// CPython's long_true_divide (never a double rounding, even for huge ints).
pub fn truediv(a: &Int, b: &Int) -> NumResult<f64> {
    if b.is_zero() {
        return Err(NumError::zero_division("division by zero"));
    }
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if x.unsigned_abs() <= EXACT_LIMIT as u64 && y.unsigned_abs() <= EXACT_LIMIT as u64 {
            // Both exact as doubles: one IEEE division rounds correctly.
            return Ok(*x as f64 / *y as f64);
        }
    }
    let negate = a.is_negative() != b.is_negative();
    let signed = |f: f64| if negate { -f } else { f };
    let (_, mut num) = a.to_bigint().into_parts();
    let (_, mut den) = b.to_bigint().into_parts();
    if num.is_zero() {
        return Ok(signed(0.0));
    }
    let diff = num.bits() as i64 - den.bits() as i64;
    if diff > MAX_EXP {
        return Err(NumError::overflow(
            "integer division result too large for a float",
        ));
    }
    if diff < MIN_EXP - MANT_DIG - 1 {
        return Ok(signed(0.0));
    }
    // Scale so the integer quotient keeps MANT_DIG + 2 or + 3 bits (fewer for subnormals).
    let shift = diff.max(MIN_EXP) - MANT_DIG - 2;
    if shift >= 0 {
        den <<= shift as u64;
    } else {
        num <<= (-shift) as u64;
    }
    let (quotient, remainder) = num.div_rem(&den);
    let inexact = !remainder.is_zero();
    let x_size = quotient.bits() as i64;
    let extra_bits = x_size.max(MIN_EXP - shift) - MANT_DIG;
    // Round half to even on the dropped bits, the remainder acting as a sticky bit.
    let mask = 1u64 << (extra_bits - 1);
    let low = (&quotient & BigUint::from(0xffu32)).to_u64().unwrap_or(0) | u64::from(inexact);
    let mut top = quotient >> (extra_bits as u64);
    if (low & mask) != 0 && (low & (3 * mask - 1)) != 0 {
        top += 1u32;
    }
    let result = ldexp(biguint_to_f64(&top), shift + extra_bits);
    if result.is_infinite() {
        return Err(NumError::overflow(
            "integer division result too large for a float",
        ));
    }
    Ok(signed(result))
}

/// Compares an int with a float exactly, as CPython's float_richcompare:
/// `None` when `x` is NaN (every comparison false, `!=` true).
pub fn cmp_f64(a: &Int, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let Int::Small(i) = a {
        if i.unsigned_abs() <= EXACT_LIMIT as u64 {
            return (*i as f64).partial_cmp(&x);
        }
    }
    let floor = x.floor();
    let floor_int = from_f64(floor).ok()?;
    match a.cmp(&floor_int) {
        Ordering::Equal if x > floor => Some(Ordering::Less),
        ordering => Some(ordering),
    }
}

/// `a == x` for an int and a float, exactly.
pub fn eq_f64(a: &Int, x: f64) -> bool {
    cmp_f64(a, x) == Some(Ordering::Equal)
}

/// `a` as `(m, e)` with `a ≈ m * 2**e` and `0.5 <= abs(m) < 1`, the
/// mantissa rounded half-to-even to 53 bits (CPython's _PyLong_Frexp, used
/// for logarithms of ints too large for a float). (0.0, 0) for zero.
pub fn frexp_int(a: &Int) -> (f64, i64) {
    let big = a.to_bigint();
    let mag = big.magnitude();
    let bits = mag.bits();
    if bits == 0 {
        return (0.0, 0);
    }
    // The top 64 bits, plus a sticky bit for anything below them.
    let top = if bits <= 64 {
        mag.to_u64().unwrap_or(0) << (64 - bits)
    } else {
        let shift = bits - 64;
        let sticky = mag.trailing_zeros().is_some_and(|tz| tz < shift);
        (mag >> shift).to_u64().unwrap_or(u64::MAX) | u64::from(sticky)
    };
    let mut m = ldexp(top as f64, -64);
    let mut e = bits as i64;
    if m == 1.0 {
        m = 0.5;
        e += 1;
    }
    (if big.sign() == Sign::Minus { -m } else { m }, e)
}
