//! Tests of int()/float() parsing and str(int) against CPython 3.11.

use super::*;
use crate::float_repr::float_repr;

#[path = "number_parse_cases.rs"]
#[rustfmt::skip]
mod cases;

#[test]
fn int_parsing_matches_cpython() {
    for &(s, base, want) in cases::INT_CASES {
        let got = match parse_int(s, base) {
            Ok(v) => v.to_string(),
            Err(e) => format!("!{}", e.msg),
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
fn int_to_decimal_enforces_the_digit_limit() {
    let ten = BigInt::from(10);
    assert_eq!(int_to_decimal(&BigInt::from(-1234)).unwrap(), "-1234");
    assert_eq!(int_to_decimal(&BigInt::from(0)).unwrap(), "0");
    assert_eq!(int_to_decimal(&ten.pow(4299)).unwrap().len(), 4300);
    assert_eq!(int_to_decimal(&-ten.pow(4299)).unwrap().len(), 4301);
    let err = int_to_decimal(&ten.pow(4300)).unwrap_err();
    assert_eq!(
        err.msg,
        "Exceeds the limit (4300 digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    );
    assert!(int_to_decimal(&ten.pow(5000)).is_err());
}
