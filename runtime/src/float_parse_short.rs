//! `float(s)` of a plain decimal of few digits (`37.5`, `-0.25`, `12`)
//! without the general parser: one division of two exact doubles.

/// Exact powers of ten, as far as a 15-digit decimal's point can be.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// The float of `text` when it is an optional sign, digits, and an
/// optional point with digits after it (at least one digit in all, at
/// most 15), nothing else; None for any other text (the general parser
/// takes it, and raises for what is not a float).
///
/// The digits as an integer `m` (below 10**15, so a double exactly) over
/// `10**k` for `k` decimals (exact too): the division is correctly rounded,
/// which is what the nearest double to the decimal is (Clinger's fast
/// path).
pub fn parse_short(text: &[u8]) -> Option<f64> {
    let (negative, body) = match text {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, text),
    };
    if body.is_empty() || body.len() > 16 {
        return None;
    }
    let (mut m, mut digits, mut decimals) = (0u64, 0usize, None);
    for (i, &byte) in body.iter().enumerate() {
        match byte {
            b'0'..=b'9' => {
                m = m * 10 + u64::from(byte - b'0');
                digits += 1;
            }
            b'.' if decimals.is_none() => decimals = Some(i),
            _ => return None,
        }
    }
    if digits == 0 || digits > 15 {
        return None;
    }
    let k = decimals.map_or(0, |point| body.len() - point - 1);
    let magnitude = m as f64 / POW10[k];
    Some(if negative { -magnitude } else { magnitude })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        let cases: &[(&str, Option<f64>)] = &[
            ("37.5", Some(37.5)),
            ("-37.5", Some(-37.5)),
            ("+2", Some(2.0)),
            ("5.", Some(5.0)),
            (".5", Some(0.5)),
            ("-0.0", Some(-0.0)),
            ("0.1", Some(0.1)),
            ("123456789012345", Some(123456789012345.0)),
            ("0.00000000000001", Some(1e-14)),
            ("1234567890123456", None),
            (".", None),
            ("-", None),
            ("", None),
            ("1e5", None),
            ("1_0", None),
            (" 1", None),
            ("1.2.3", None),
            ("inf", None),
        ];
        for &(text, want) in cases {
            let got = parse_short(text.as_bytes());
            assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "{text:?}");
        }
    }

    #[test]
    fn agrees_with_the_general_parser() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let digits = (seed % 15 + 1) as usize;
            let mut text: String = (0..digits)
                .map(|i| char::from(b'0' + ((seed >> (i * 4)) % 10) as u8))
                .collect();
            let point = (seed >> 60) as usize % (digits + 1);
            text.insert(point, '.');
            if seed & (1 << 59) != 0 {
                text.insert(0, '-');
            }
            let want: f64 = text.parse().expect("a decimal");
            let got = parse_short(text.as_bytes()).expect("short");
            assert_eq!(got.to_bits(), want.to_bits(), "{text:?}");
        }
    }
}
