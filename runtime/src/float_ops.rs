//! Python float semantics on f64: floor division and modulo with Python's
//! signs, `**` with all of CPython's special cases, `round()` (half to even,
//! correctly rounded in decimal), `hash()`, `float(str)` and float -> int,
//! with CPython 3.11's errors and messages.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;

use crate::int_float;
use crate::int_ops::{Int, HASH_MODULUS};
use crate::int_text::{py_isspace, to_ascii_number_text};
use crate::num_error::{py_str_repr, NumError, NumResult};

// ------------------------------------------------------------ division

/// `x / y`.
pub fn truediv(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(NumError::zero_division("float division by zero"));
    }
    Ok(x / y)
}

/// CPython's `_float_div_mod` for a non-zero `y`: (floor quotient, modulo).
fn div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx; // fmod
                         // Exact for finite operands: vx - m is an exact multiple of wx.
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        // Python's modulo takes the sign of the divisor.
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `x // y`.
pub fn floordiv(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(NumError::zero_division("float floor division by zero"));
    }
    Ok(div_mod(x, y).0)
}

/// `x % y` (the result takes the sign of `y`).
pub fn modulo(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(NumError::zero_division("float modulo"));
    }
    let mut m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    Ok(m)
}

/// `divmod(x, y)`.
pub fn divmod(x: f64, y: f64) -> NumResult<(f64, f64)> {
    if y == 0.0 {
        return Err(NumError::zero_division("float divmod()"));
    }
    Ok(div_mod(x, y))
}

// ------------------------------------------------------------ power

/// Is `x` an odd integer? (CPython's DOUBLE_IS_ODD_INTEGER.)
fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// The error for a result CPython would give as a complex number.
pub fn complex_unsupported() -> NumError {
    NumError::type_error(
        "complex numbers are not supported: a negative number cannot be raised to a fractional power",
    )
}

/// `x ** y` for floats (and for ints with a negative exponent), with every
/// special case of CPython's float_pow. Where CPython returns a complex
/// number (negative base, non-integer exponent) this returns a TypeError,
/// since Tern has no complex type.
pub fn pow(x: f64, y: f64) -> NumResult<f64> {
    match pow_common(x.to_bits(), y.to_bits()) {
        Some(r) => Ok(f64::from_bits(r)),
        None => pow_special(x, y),
    }
}

/// `x ** y` on the floats' bits in the common case, a positive finite base
/// and a finite exponent, whose result libm's `pow` is (pow(1, y) is 1
/// there too) unless it overflows; None for every other case, which
/// [`pow`] handles. Shared with the JIT's `float_pow`, whose operands are
/// boxed values: any other tag, masked, is above +inf's bits, so it fails
/// the test too.
///
/// Tested on the bits because LLVM turns the float compares into a long
/// classification; every special case needs a zero, negative, infinite or
/// NaN operand.
#[inline(always)]
pub fn pow_common(x: u64, y: u64) -> Option<u64> {
    const INF: u64 = 0x7ff0_0000_0000_0000;
    if x.wrapping_sub(1) < INF - 1 && (y & !(1 << 63)) < INF {
        let r = f64::from_bits(x).powf(f64::from_bits(y)).to_bits();
        if r != INF {
            return Some(r);
        }
    }
    None
}

/// [`pow`] off its common case: every special case, and the overflow error.
#[inline(never)]
fn pow_special(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Ok(1.0); // x**0 is 1, even 0**0 and nan**0
    }
    if x.is_nan() {
        return Ok(x);
    }
    if y.is_nan() {
        return Ok(if x == 1.0 { 1.0 } else { y });
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            y.abs()
        } else {
            0.0
        });
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        });
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(NumError::zero_division(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(if is_odd_integer(y) { x } else { 0.0 });
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            return Err(complex_unsupported());
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(y);
    if r.is_infinite() {
        // CPython reports libm's ERANGE through errno.
        return Err(NumError::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(if negate { -r } else { r })
}

// ------------------------------------------------------------ rounding

/// `int(x)`: truncation toward zero ("cannot convert float NaN to integer",
/// "cannot convert float infinity to integer").
pub fn to_int(x: f64) -> NumResult<Int> {
    int_float::from_f64(x)
}

/// `round(x)` with no ndigits: the nearest int, ties to even.
pub fn round_to_int(x: f64) -> NumResult<Int> {
    int_float::from_f64(x.round_ties_even())
}

/// Beyond this many digits every float rounds to itself (CPython's NDIGITS_MAX).
const NDIGITS_MAX: i64 = 323;
/// Below this many digits every float rounds to zero (CPython's NDIGITS_MIN).
const NDIGITS_MIN: i64 = -308;

/// `round(x, ndigits)`: the decimal value of `x` rounded half-to-even at
/// `ndigits` places (negative: left of the point), then correctly rounded
/// back to a float, exactly as CPython's dtoa-based double_round.
/// So `round(2.675, 2) == 2.67` (2.675 is really 2.67499999...).
pub fn round_ndigits(x: f64, ndigits: i64) -> NumResult<f64> {
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    // x = mantissa * 2**exponent exactly; scale by 10**ndigits as a fraction.
    let (mantissa, exponent) = decompose(x.abs());
    let mut numerator = BigInt::from(mantissa);
    let mut denominator = BigInt::from(1u8);
    if exponent >= 0 {
        numerator <<= exponent as u64;
    } else {
        denominator <<= (-exponent) as u64;
    }
    let ten_power = num_traits::pow::Pow::pow(BigInt::from(10u8), ndigits.unsigned_abs());
    if ndigits >= 0 {
        numerator *= ten_power;
    } else {
        denominator *= ten_power;
    }
    let (mut q, r) = numerator.div_rem(&denominator);
    let twice = r << 1u8;
    if twice > denominator || (twice == denominator && q.is_odd()) {
        q += 1u8;
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let text = format!("{sign}{q}e{}", -ndigits);
    let rounded: f64 = text.parse().unwrap_or(f64::NAN);
    if rounded.is_infinite() {
        return Err(NumError::overflow("rounded value too large to represent"));
    }
    Ok(rounded)
}

/// A finite non-negative double as `mantissa * 2**exponent` (exact).
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    }
}

/// `x.as_integer_ratio()`: the exact fraction in lowest terms, positive
/// denominator.
pub fn as_integer_ratio(x: f64) -> NumResult<(Int, Int)> {
    if x.is_nan() {
        return Err(NumError::value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(NumError::overflow(
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x == 0.0 {
        return Ok((Int::ZERO, Int::ONE));
    }
    let (mut mantissa, mut exponent) = decompose(x.abs());
    // Strip factors of two so the fraction is in lowest terms.
    let twos = mantissa.trailing_zeros();
    mantissa >>= twos;
    exponent += i64::from(twos);
    let mut numerator = BigInt::from(mantissa);
    let mut denominator = BigInt::from(1u8);
    if exponent >= 0 {
        numerator <<= exponent as u64;
    } else {
        denominator <<= (-exponent) as u64;
    }
    if x < 0.0 {
        numerator = -numerator;
    }
    Ok((Int::from_bigint(numerator), Int::from_bigint(denominator)))
}

/// `x.is_integer()`.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x == x.floor()
}

// ------------------------------------------------------------ hashing

/// `hash(x)` exactly as CPython 3.11's _Py_HashDouble: equal to the hash of
/// the int or fraction it equals (modulo 2**61 - 1), ±314159 for infinities.
/// NaN hashes by object identity in CPython 3.10+; this pure function
/// returns 0 for it, and the caller should hash the NaN object's identity.
pub fn hash_float(x: f64) -> i64 {
    const BITS: i32 = 61;
    if !x.is_finite() {
        if x.is_infinite() {
            return if x > 0.0 { 314_159 } else { -314_159 };
        }
        return 0;
    }
    let (mut m, mut e) = frexp(x);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    // Process 28 bits at a time, reducing modulo 2**61 - 1 as we go.
    let mut acc: u64 = 0;
    while m != 0.0 {
        acc = ((acc << 28) & HASH_MODULUS) | (acc >> (BITS - 28));
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        acc += y;
        if acc >= HASH_MODULUS {
            acc -= HASH_MODULUS;
        }
    }
    // Multiplying by 2**e is a rotation modulo 2**61 - 1.
    let e = if e >= 0 {
        e % BITS
    } else {
        BITS - 1 - ((-1 - e) % BITS)
    };
    acc = ((acc << e) & HASH_MODULUS) | (acc >> (BITS - e));
    let h = (acc as i64) * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// C's frexp for finite doubles: `x = m * 2**e` with `0.5 <= |m| < 1`, or (0, 0).
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, biased - 1022)
}

// ------------------------------------------------------------ parsing

/// Is `text` a run of ASCII digits with single underscores between digits?
fn is_digit_part(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('_')
        && !text.ends_with('_')
        && !text.contains("__")
        && text.bytes().all(|b| b.is_ascii_digit() || b == b'_')
}

/// `float(s)` exactly as CPython 3.11: surrounding whitespace, a sign,
/// decimal literals with single underscores between digits, and "inf",
/// "infinity", "nan" in any case. Error: "could not convert string to float: 'x'".
pub fn parse_float(s: &str) -> NumResult<f64> {
    if let Some(x) = crate::float_parse_short::parse_short(s.as_bytes()) {
        return Ok(x);
    }
    let bad = || {
        NumError::value(format!(
            "could not convert string to float: {}",
            py_str_repr(s)
        ))
    };
    let ascii = to_ascii_number_text(s);
    let text = ascii.trim_matches(py_isspace);
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let lower = body.to_ascii_lowercase();
    let magnitude = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            let (mantissa, exponent) = match lower.find('e') {
                Some(i) => (&lower[..i], Some(&lower[i + 1..])),
                None => (lower.as_str(), None),
            };
            let (int_part, frac_part) = match mantissa.find('.') {
                Some(i) => (&mantissa[..i], Some(&mantissa[i + 1..])),
                None => (mantissa, None),
            };
            let int_ok = int_part.is_empty() || is_digit_part(int_part);
            let frac_ok = frac_part.is_none_or(|f| f.is_empty() || is_digit_part(f));
            let has_digits = !int_part.is_empty() || frac_part.is_some_and(|f| !f.is_empty());
            let exp_ok = exponent.is_none_or(|e| {
                let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
                is_digit_part(digits)
            });
            if !(int_ok && frac_ok && has_digits && exp_ok) {
                return Err(bad());
            }
            let cleaned: String = lower.chars().filter(|c| *c != '_').collect();
            cleaned.parse::<f64>().map_err(|_| bad())?
        }
    };
    Ok(if negative { -magnitude } else { magnitude })
}

// ------------------------------------------------------------ mixed comparison

/// Compares a float with an int exactly (`None` when `x` is NaN).
pub fn cmp_with_int(x: f64, a: &Int) -> Option<Ordering> {
    int_float::cmp_f64(a, x).map(Ordering::reverse)
}
