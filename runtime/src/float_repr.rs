//! Float to decimal text exactly as CPython's `PyOS_double_to_string`:
//! `repr(float)`, and the `e`/`f`/`g` layouts used by `format()` and `%`.
//!
//! Rust's formatter already produces correctly rounded digits (shortest
//! round-trip for `{:e}`, exact decimal rounding of the binary value for
//! `{:.N}` and `{:.Ne}`), which is what David Gay's `dtoa` gives CPython.
//! This file takes those digits and lays them out the way CPython does.

/// Which CPython float layout to produce (the `format_code` of
/// `PyOS_double_to_string`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatStyle {
    /// `'r'`: shortest round-trip digits; exponent when the decimal exponent
    /// is < -4 or >= 16 (`repr(float)`); precision is ignored.
    Repr,
    /// `'e'`: always an exponent, `precision` digits after the point.
    Exponent,
    /// `'f'`: never an exponent, `precision` digits after the point.
    Fixed,
    /// `'g'`: `precision` significant digits, exponent when the decimal
    /// exponent is < -4 or >= precision, trailing zeros removed.
    General,
}

/// Options of a float layout (the `flags` of `PyOS_double_to_string`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FloatFlags {
    /// `#`: always keep the decimal point; for `g`, keep trailing zeros.
    pub alt: bool,
    /// Add `.0` to integral results without an exponent (repr, and the
    /// no-type format spec with a precision).
    pub add_dot_0: bool,
    /// Upper-case variant (`E`, `F`, `G`): `E` exponent, `INF`, `NAN`.
    pub upper: bool,
    /// Always write a sign (`+` for non-negative values).
    pub sign: bool,
}

/// `repr(f)` exactly as CPython 3.11 prints it, e.g. `1.0`, `1e+16`,
/// `1e-05`, `-0.0`, `inf`, `nan`.
pub fn float_repr(f: f64) -> String {
    let mut buf = [0; crate::float_repr_short::SHORT_REPR_MAX];
    match crate::float_repr_short::short_repr(f, &mut buf) {
        Some(text) => text.to_string(),
        None => float_repr_general(f),
    }
}

/// [`float_repr`] without its fast path for floats of few decimals
/// (`float_repr_short`): for callers that tried that path already, and
/// the reference that path is tested against.
pub fn float_repr_general(f: f64) -> String {
    let flags = FloatFlags {
        add_dot_0: true,
        ..FloatFlags::default()
    };
    double_to_string(f, FloatStyle::Repr, 0, flags)
}

/// `str(f)`: identical to `repr(f)` in Python 3.
pub fn float_str(f: f64) -> String {
    float_repr(f)
}

/// The decimal digits of a finite, non-negative `x` with trailing zeros
/// removed, and `decpt` such that `x ~= 0.d1d2d3... * 10**decpt`, as
/// `_Py_dg_dtoa` returns them. Zero gives `("0", 1)`.
fn decimal_digits(x: f64, style: FloatStyle, precision: usize) -> (Vec<u8>, i64) {
    if x == 0.0 {
        return (b"0".to_vec(), 1);
    }
    match style {
        FloatStyle::Fixed => {
            let text = format!("{:.*}", precision, x);
            let (int_part, frac_part) = match text.split_once('.') {
                Some((i, f)) => (i, f),
                None => (text.as_str(), ""),
            };
            let mut digits: Vec<u8> = Vec::with_capacity(text.len());
            let decpt = if int_part != "0" {
                digits.extend_from_slice(int_part.as_bytes());
                digits.extend_from_slice(frac_part.as_bytes());
                int_part.len() as i64
            } else {
                let zeros = frac_part.bytes().take_while(|&b| b == b'0').count();
                digits.extend_from_slice(&frac_part.as_bytes()[zeros..]);
                -(zeros as i64)
            };
            while digits.last() == Some(&b'0') {
                digits.pop();
            }
            if digits.is_empty() {
                // Rounded to zero: dtoa gives no digits and decpt = -precision.
                return (Vec::new(), -(precision as i64));
            }
            (digits, decpt)
        }
        FloatStyle::Repr | FloatStyle::Exponent | FloatStyle::General => {
            let text = match style {
                FloatStyle::Repr => shortest_scientific(x),
                FloatStyle::Exponent => format!("{:.*e}", precision, x),
                _ => format!("{:.*e}", precision.max(1) - 1, x),
            };
            let (mantissa, exponent) = text.split_once('e').unwrap_or((text.as_str(), "0"));
            let exponent: i64 = exponent.parse().unwrap_or(0);
            let mut digits: Vec<u8> = mantissa.bytes().filter(|b| b.is_ascii_digit()).collect();
            while digits.len() > 1 && digits.last() == Some(&b'0') {
                digits.pop();
            }
            (digits, exponent + 1)
        }
    }
}

/// The shortest round-trip digits of `x` in Rust's `{:e}` form, with
/// dtoa's tie rule: when two shortest candidates are equally close to `x`,
/// the one with the even last digit wins (Rust's `{:e}` rounds half up).
/// Such ties need decimal spacing as coarse as the float spacing, so only
/// 16+ digit results and subnormals can have them.
fn shortest_scientific(x: f64) -> String {
    let text = format!("{:e}", x);
    let n_digits = text
        .split('e')
        .next()
        .map_or(0, |m| m.bytes().filter(u8::is_ascii_digit).count());
    if n_digits < 16 && x >= f64::MIN_POSITIVE {
        return text;
    }
    // The correctly rounded (half-even) n-digit value is the closest one; it
    // round-trips whenever any n-digit value does.
    let nearest = format!("{:.*e}", n_digits.saturating_sub(1), x);
    if nearest != text && nearest.parse::<f64>() == Ok(x) {
        nearest
    } else {
        text
    }
}

/// Format `x` like CPython's `PyOS_double_to_string(x, code, precision,
/// flags)`. The result starts with `-` for negative values (never for NaN),
/// or `+` when `flags.sign` is set.
pub fn double_to_string(x: f64, style: FloatStyle, precision: usize, flags: FloatFlags) -> String {
    let mut out = String::new();
    let negative = x.is_sign_negative() && !x.is_nan();
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    if !x.is_finite() {
        let word = if x.is_nan() { "nan" } else { "inf" };
        if flags.upper {
            out.push_str(&word.to_ascii_uppercase());
        } else {
            out.push_str(word);
        }
        return out;
    }
    let (digits, mut decpt) = decimal_digits(x.abs(), style, precision);
    let digits_len = digits.len() as i64;
    let precision = precision as i64;

    // Which slice of the zero-padded "virtual" digit string to print, as in
    // CPython's format_float_short.
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match style {
        FloatStyle::Exponent => {
            use_exp = true;
            vdigits_end = precision + 1;
        }
        FloatStyle::Fixed => vdigits_end = decpt + precision,
        FloatStyle::General => {
            let precision = precision.max(1);
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        FloatStyle::Repr => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };

    let push_zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let digit_str = |range: std::ops::Range<usize>| -> &str {
        // The digits are ASCII, so any byte range is a char boundary.
        std::str::from_utf8(&digits[range]).unwrap_or("")
    };
    if decpt <= 0 {
        push_zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        push_zeros(&mut out, -decpt);
    } else {
        push_zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(digit_str(0..decpt as usize));
        out.push('.');
        out.push_str(digit_str(decpt as usize..digits.len()));
    } else {
        out.push_str(digit_str(0..digits.len()));
    }
    if digits_len < decpt {
        push_zeros(&mut out, decpt - digits_len);
        out.push('.');
        push_zeros(&mut out, vdigits_end - decpt);
    } else {
        push_zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if flags.upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let magnitude = exp.unsigned_abs();
        if magnitude < 10 {
            out.push('0');
        }
        out.push_str(&magnitude.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython_examples() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e-05, "1e-05"),
            (1.5e-07, "1.5e-07"),
            (123456789012345.0, "123456789012345.0"),
            (1234567890123456.8, "1234567890123456.8"),
            (9999999999999998.0, "9999999999999998.0"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00001234, "1.234e-05"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (1e22, "1e+22"),
            (12345678901234567.0, "1.2345678901234568e+16"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1.0 / 3.0, "0.3333333333333333"),
            (-2.5, "-2.5"),
            (100.0, "100.0"),
            (1e100, "1e+100"),
            (2e-308, "2e-308"),
            // A tie between two shortest candidates goes to the even digit.
            (1918163363515546.2, "1918163363515546.2"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr(x), want, "repr({x:?})");
            assert_eq!(float_str(x), want);
        }
    }

    #[test]
    fn layouts_match_cpython() {
        let f = FloatFlags::default();
        let alt = FloatFlags { alt: true, ..f };
        let cases: &[(f64, FloatStyle, usize, FloatFlags, &str)] = &[
            (2.675, FloatStyle::Fixed, 2, f, "2.67"),
            (0.125, FloatStyle::Fixed, 2, f, "0.12"),
            (0.5, FloatStyle::Fixed, 0, f, "0"),
            (1.5, FloatStyle::Fixed, 0, f, "2"),
            (2.5, FloatStyle::Fixed, 0, f, "2"),
            (0.001, FloatStyle::Fixed, 1, f, "0.0"),
            (0.1, FloatStyle::Fixed, 0, alt, "0."),
            (1e300, FloatStyle::Fixed, 0, f, &format!("{:.0}", 1e300)),
            (12345.678, FloatStyle::Exponent, 2, f, "1.23e+04"),
            (0.0, FloatStyle::Exponent, 3, f, "0.000e+00"),
            (1e-100, FloatStyle::Exponent, 0, f, "1e-100"),
            (123456.0, FloatStyle::General, 6, f, "123456"),
            (1234567.0, FloatStyle::General, 6, f, "1.23457e+06"),
            (0.0001, FloatStyle::General, 6, f, "0.0001"),
            (0.00001, FloatStyle::General, 6, f, "1e-05"),
            (1.0, FloatStyle::General, 6, alt, "1.00000"),
            (100.0, FloatStyle::General, 0, f, "1e+02"),
        ];
        for &(x, style, prec, flags, want) in cases {
            assert_eq!(
                double_to_string(x, style, prec, flags),
                want,
                "{x:?} {style:?} {prec}"
            );
        }
    }
}
