//! Tests of the format-spec mini-language against CPython 3.11's answers.

use super::*;
use crate::text_error::ErrorClass;

#[path = "format_spec_cases.rs"]
#[rustfmt::skip]
#[allow(clippy::type_complexity)]
mod cases;

/// Render a result the way the case tables spell it.
fn shown(result: Result<String, TextError>) -> String {
    match result {
        Ok(s) => s,
        Err(e) => format!("!{}: {}", e.kind.name(), e.msg),
    }
}

#[test]
fn floats_match_cpython_table() {
    let mut failures = Vec::new();
    for &(v, spec, want) in cases::FLOAT_CASES {
        let got = shown(FormatSpec::parse(spec, "float").and_then(|s| format_float(v, &s)));
        if got != want {
            failures.push(format!(
                "format({v:?}, {spec:?}) = {got:?}, CPython {want:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn ints_match_cpython_table() {
    let mut failures = Vec::new();
    for &(v, spec, want) in cases::INT_CASES {
        let n: BigInt = v.parse().expect("case table holds valid ints");
        let got = shown(FormatSpec::parse(spec, "int").and_then(|s| format_int(&n, &s)));
        if let Ok(small) = i64::try_from(&n) {
            let got_small =
                shown(FormatSpec::parse(spec, "int").and_then(|s| format_i64(small, &s)));
            assert_eq!(
                got_small, got,
                "format_i64 and format_int agree on {v} {spec:?}"
            );
        }
        if got != want {
            failures.push(format!("format({v}, {spec:?}) = {got:?}, CPython {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn strs_match_cpython_table() {
    let mut failures = Vec::new();
    for &(v, spec, want) in cases::STR_CASES {
        let got = shown(FormatSpec::parse(spec, "str").and_then(|s| format_str(v, &s)));
        if got != want {
            failures.push(format!(
                "format({v:?}, {spec:?}) = {got:?}, CPython {want:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn parse_errors_match_cpython() {
    let err = |spec: &str| FormatSpec::parse(spec, "int").unwrap_err().msg;
    assert_eq!(
        err("abc"),
        "Invalid format specifier 'abc' for object of type 'int'"
    );
    assert_eq!(err("1,_"), "Cannot specify both ',' and '_'.");
    assert_eq!(err("1_,"), "Cannot specify both ',' and '_'.");
    assert_eq!(err("1__"), "Cannot specify '_' with '_'.");
    assert_eq!(err("1,,"), "Cannot specify ',' with ','.");
    assert_eq!(err("."), "Format specifier missing precision");
    assert_eq!(err(",\u{1}"), "Cannot specify ',' with '\\x1'.");
    assert_eq!(
        err("99999999999999999999"),
        "Too many decimal digits in format string"
    );
    let unknown = FormatSpec::parse("\u{f1}", "int").and_then(|s| format_int(&BigInt::from(1), &s));
    assert_eq!(
        unknown.unwrap_err().msg,
        "Unknown format code '\\xf1' for object of type 'int'"
    );
    let big = BigInt::from(10).pow(400);
    let e = format_int(&big, &FormatSpec::parse("e", "int").unwrap()).unwrap_err();
    assert_eq!(
        (e.kind, e.msg.as_str()),
        (
            ErrorClass::OverflowError,
            "int too large to convert to float"
        )
    );
}

#[test]
fn large_int_converts_to_float_with_correct_rounding() {
    let spec = FormatSpec::parse(".0f", "int").unwrap();
    // 2**53 + 1 rounds half-even down; 2**54 + 6 rounds to 2**54 + 8.
    let v: BigInt = "9007199254740993".parse().unwrap();
    assert_eq!(format_int(&v, &spec).unwrap(), "9007199254740992");
    let v: BigInt = "18014398509481990".parse().unwrap();
    assert_eq!(format_int(&v, &spec).unwrap(), "18014398509481992");
}

#[test]
fn huge_widths_are_refused_not_allocated() {
    let spec = FormatSpec::parse("9999999999999", "int").unwrap();
    assert_eq!(format_i64(1, &spec).unwrap_err().msg, "width too big");
    assert_eq!(format_float(1.0, &spec).unwrap_err().msg, "width too big");
    let spec = FormatSpec::parse("9999999999999", "str").unwrap();
    assert_eq!(format_str("a", &spec).unwrap_err().msg, "width too big");
}
