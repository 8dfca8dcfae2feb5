//! CPython 3.11's answers for `int(s, base)`, `float(s)` and `round(x, n)`,
//! checked against the runtime's numeric text functions (int_text,
//! float_ops).

use runtime::float_ops::{parse_float, round_ndigits};
use runtime::float_repr::float_repr;
use runtime::int_text::parse_int;

#[path = "number_text/cases.rs"]
#[rustfmt::skip]
mod cases;

#[test]
fn int_parsing_matches_cpython() {
    for &(s, base, want) in cases::INT_CASES {
        let got = if base < 0 {
            continue;
        } else {
            match parse_int(s, base as u32) {
                Ok(v) => v.to_string(),
                Err(e) => format!("!{}", e.msg),
            }
        };
        assert_eq!(got, want, "int({s:?}, {base})");
    }
}

#[test]
fn float_parsing_matches_cpython() {
    for &(s, want) in cases::FLOAT_CASES {
        let got = match parse_float(s) {
            Ok(v) => float_repr(v),
            Err(e) => format!("!{}", e.msg),
        };
        assert_eq!(got, want, "float({s:?})");
    }
}

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
        (-0.0, -2, "-0.0"),
        (49.9, -2, "0.0"),
        (50.0, -2, "0.0"),
        (150.0, -2, "200.0"),
        (0.3, -1, "0.0"),
        (123.456, 400, "123.456"),
        (1e-320, 400, "1e-320"),
    ];
    for &(x, n, want) in cases {
        let got = match round_ndigits(x, n) {
            Ok(v) => float_repr(v),
            Err(e) => {
                assert_eq!(e.msg, "rounded value too large to represent");
                "!".to_string()
            }
        };
        assert_eq!(got, want, "round({x:?}, {n})");
    }
}
