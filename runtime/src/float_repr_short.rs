//! `repr(float)` of floats with few decimal digits (prices, halves, small
//! integral values) without the general shortest-digits search: the
//! decimal is found by scaling by powers of ten and checked to round-trip.

use crate::runtime::Runtime;
use crate::str_type::new_str_from;
use crate::value::Value;

/// Exact powers of ten (every one up to 10**22 is a double).
const POW10: [f64; 19] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18,
];

/// Digit counts of the candidates tried: below 10**15 a float's decimal
/// neighbours of that many digits are over four ulps apart, so at most one
/// of them reads back as the float.
const LIMIT: f64 = 1e15;

/// The room [`short_repr`] needs: a sign, "0.", up to 18 decimals.
pub const SHORT_REPR_MAX: usize = 24;

/// `repr(x)` written into `buf` when `x` is a finite float with
/// 1e-4 <= |x| < 1e15 that some decimal `m / 10**k` (m < 1e15) reads back
/// as; None for the others (the general layout handles them).
///
/// The fewest digits that read back as `x` are what CPython prints. The
/// smallest `k` whose `m = round(|x| * 10**k)` reads back gives them: a
/// decimal of fewer digits reading back as `x` would be one of a smaller
/// `k`, and `|x| * 10**k` lies within a quarter of it (the float's half-ulp
/// and the product's rounding, each below 1/8 under 2**50), so the
/// rounding found it there. Only one decimal of `k` places reads back (see
/// [`LIMIT`]), so it is CPython's. In that range CPython never uses an
/// exponent, so the text is the digits with the point `k` places from the
/// right, and ".0" for `k == 0`.
pub fn short_repr(x: f64, buf: &mut [u8; SHORT_REPR_MAX]) -> Option<&str> {
    let a = x.abs();
    // Also false for NaN.
    if !(1e-4..LIMIT).contains(&a) {
        return None;
    }
    let mut k = 0;
    let m = loop {
        let t = a * POW10[k];
        if t >= LIMIT {
            return None;
        }
        // t < 2**50, so `t + 0.5` truncates to the nearest integer of t
        // (or a neighbour when t is about half way: the check rejects it).
        let m = (t + 0.5) as u64;
        // m < 2**53 and 10**k are exact, and the division is correctly
        // rounded: it is the float the decimal m / 10**k reads back as.
        if m as f64 / POW10[k] == a {
            break m;
        }
        k += 1;
        if k == POW10.len() {
            return None;
        }
    };
    // The text backwards from the end of the buffer: the k decimals (zeros
    // included), the point, then the integral digits (at least one).
    let mut at = SHORT_REPR_MAX;
    let mut n = m;
    let mut put = |at: &mut usize, byte: u8| {
        *at -= 1;
        buf[*at] = byte;
    };
    if k == 0 {
        put(&mut at, b'0');
    }
    for _ in 0..k {
        put(&mut at, b'0' + (n % 10) as u8);
        n /= 10;
    }
    put(&mut at, b'.');
    loop {
        put(&mut at, b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if x < 0.0 {
        put(&mut at, b'-');
    }
    // The bytes from `at` are ASCII: digits, a point and maybe a sign.
    std::str::from_utf8(&buf[at..]).ok()
}

/// `str(x)` (and `repr(x)`) of a float as a new str: the text goes
/// straight from a stack buffer into the str when [`short_repr`] has it.
pub fn of_f64(rt: &mut Runtime, x: f64) -> Value {
    let mut buf = [0; SHORT_REPR_MAX];
    if let Some(text) = short_repr(x, &mut buf) {
        return new_str_from(rt, text, text.len());
    }
    let text = crate::float_repr::float_repr_general(x);
    // A float's repr is ASCII.
    new_str_from(rt, &text, text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::float_repr::float_repr_general;

    /// The general layout's text for `x` (what the fast path must equal).
    fn general(x: f64) -> String {
        let mut buf = [0; SHORT_REPR_MAX];
        let fast = short_repr(x, &mut buf).map(str::to_string);
        let slow = float_repr_general(x);
        if let Some(fast) = &fast {
            assert_eq!(fast, &slow, "{x:?}");
        }
        slow
    }

    #[test]
    fn examples() {
        let cases: &[(f64, Option<&str>)] = &[
            (37.5, Some("37.5")),
            (-37.5, Some("-37.5")),
            (0.5, Some("0.5")),
            (5.0, Some("5.0")),
            (100.0, Some("100.0")),
            (0.0001, Some("0.0001")),
            (0.00012, Some("0.00012")),
            (0.1, Some("0.1")),
            (0.01, Some("0.01")),
            (123.456, Some("123.456")),
            (99999999999999.9, Some("99999999999999.9")),
            (123456789012345.0, Some("123456789012345.0")),
            (999999999999999.9, None),
            (1e15, None),
            (0.3333333333333333, None),
            (0.1 + 0.2, None),
            (0.0, None),
            (-0.0, None),
            (0.00009, None),
            (f64::NAN, None),
            (f64::INFINITY, None),
        ];
        for &(x, want) in cases {
            let mut buf = [0; SHORT_REPR_MAX];
            assert_eq!(short_repr(x, &mut buf), want, "{x:?}");
            general(x);
        }
    }

    #[test]
    fn agrees_with_the_general_layout() {
        // Decimals of few digits at every scale, their neighbours one ulp
        // away, and quotients with long expansions.
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let digits = seed % 10_000_000_000;
            let scale = (seed >> 40) % 19;
            let x = digits as f64 / POW10[scale as usize];
            for y in [
                x,
                f64::from_bits(x.to_bits() + 1),
                f64::from_bits(x.to_bits().saturating_sub(1)),
                -x,
                x / 3.0,
                (seed >> 3) as f64 / 1e10,
            ] {
                general(y);
            }
        }
        for i in 0..100_000u32 {
            general(i as f64 * 0.5 + 0.25);
            general(i as f64 / 100.0);
            general(i as f64 * 1.1);
        }
    }
}
