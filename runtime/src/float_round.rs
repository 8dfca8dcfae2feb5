//! `round(x, ndigits)` for floats exactly as CPython 3.11: round-half-even
//! on the exact binary value at a decimal position, then the correctly
//! rounded float of that decimal (CPython does this through dtoa strings).

use crate::text_error::TextError;

/// Beyond this many digits after the point, rounding changes nothing.
const NDIGITS_MAX: i64 = 323;
/// Below this, every finite float rounds to (signed) zero.
const NDIGITS_MIN: i64 = -308;

/// `round(x, ndigits)` for a float `x`. Non-finite values are returned as
/// they are; a result too large for a float is an `OverflowError`.
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, TextError> {
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let rounded = if ndigits >= 0 {
        // `{:.N}` rounds the exact binary value half-to-even; parsing the
        // decimal back is correctly rounded.
        format!("{:.*}", ndigits as usize, x)
            .parse::<f64>()
            .unwrap_or(x)
    } else {
        round_to_tens(x, (-ndigits) as usize)
    };
    if rounded.is_infinite() {
        return Err(TextError::overflow("rounded value too large to represent"));
    }
    Ok(rounded)
}

/// Round `x` to a multiple of `10**k` (k >= 1), half-to-even on the exact
/// value, keeping the sign of `x` for a zero result.
fn round_to_tens(x: f64, k: usize) -> f64 {
    let magnitude = x.abs();
    // Float integers print exactly; the fraction only matters for ties.
    let int_digits = format!("{:.0}", magnitude.trunc());
    let has_fraction = magnitude.fract() != 0.0;
    let padded = if int_digits.len() <= k {
        format!("{}{}", "0".repeat(k + 1 - int_digits.len()), int_digits)
    } else {
        int_digits
    };
    let (kept, dropped) = padded.split_at(padded.len() - k);
    let half = format!("5{}", "0".repeat(k - 1));
    let round_up = match dropped.cmp(half.as_str()) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => {
            has_fraction || kept.bytes().last().is_some_and(|d| (d - b'0') % 2 == 1)
        }
    };
    let mut digits: Vec<u8> = kept.bytes().collect();
    if round_up {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let text = format!("{}e{}", String::from_utf8_lossy(&digits), k);
    let value = text.parse::<f64>().unwrap_or(f64::INFINITY);
    if x.is_sign_negative() {
        -value
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::float_repr::float_repr;

    #[test]
    fn round_matches_cpython() {
        // (x, ndigits, repr of CPython's round(x, ndigits)); "!" = OverflowError.
        let cases: &[(f64, i64, &str)] = &[
            (f64::INFINITY, 2, "inf"),
            (f64::INFINITY, -400, "inf"),
            (f64::NAN, -400, "nan"),
            (-0.5, 0, "-0.0"),
            (-1.5, -400, "-0.0"),
            (2.675, 2, "2.67"),
            (0.125, 2, "0.12"),
            (1234.5, -1, "1230.0"),
            (1250.0, -2, "1200.0"),
            (1350.0, -2, "1400.0"),
            (1250.0001, -2, "1300.0"),
            (-1250.0, -2, "-1200.0"),
            (5e-324, 323, "0.0"),
            (1.5e308, -308, "!"),
            (0.5e-5, 5, "1e-05"),
            (1.7976931348623157e308, -308, "!"),
            (f64::INFINITY, -2, "inf"),
            (-0.0, -2, "-0.0"),
            (49.9, -2, "0.0"),
            (50.0, -2, "0.0"),
            (150.0, -2, "200.0"),
            (0.3, -1, "0.0"),
            (123.456, 400, "123.456"),
            (1e-320, 400, "1e-320"),
        ];
        for &(x, n, want) in cases {
            let got = match round_float(x, n) {
                Ok(v) => float_repr(v),
                Err(e) => {
                    assert_eq!(e.msg, "rounded value too large to represent");
                    "!".to_string()
                }
            };
            assert_eq!(got, want, "round({x:?}, {n})");
        }
    }
}
