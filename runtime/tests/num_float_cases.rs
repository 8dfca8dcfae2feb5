//! float_ops checked against CPython 3.11's answers (tables made by
//! num_cases/gen_cases.py).

#[path = "num_cases/support.rs"]
mod support;

use runtime::float_ops;
use support::*;

fn eval(case: &Case) -> Option<String> {
    let a = &case.args;
    let x = || float_arg(&a[0]);
    let y = || float_arg(&a[1]);
    Some(match case.op.as_str() {
        "floordiv" => show(float_ops::floordiv(x(), y()), float_repr),
        "mod" => show(float_ops::modulo(x(), y()), float_repr),
        "divmod" => show(float_ops::divmod(x(), y()), |(q, r)| {
            format!("{},{}", float_repr(q), float_repr(r))
        }),
        "truediv" => show(float_ops::truediv(x(), y()), float_repr),
        "pow" => {
            let r = float_ops::pow(x(), y());
            // CPython answers with a complex number here; Tern refuses with a TypeError.
            if case.expected == "complex" {
                assert_eq!(
                    r.unwrap_err().kind,
                    runtime::num_error::NumErrorKind::TypeError
                );
                return None;
            }
            show(r, float_repr)
        }
        "ratio" => show(float_ops::as_integer_ratio(x()), |(n, d)| {
            format!("{n},{d}")
        }),
        "round0" => show(float_ops::round_to_int(x()), |i| i.to_string()),
        "int" => show(float_ops::to_int(x()), |i| i.to_string()),
        "hash" => float_ops::hash_float(x()).to_string(),
        "is_integer" => if float_ops::is_integer(x()) {
            "True"
        } else {
            "False"
        }
        .to_string(),
        "roundn" => show(
            float_ops::round_ndigits(x(), a[1].parse().ok()?),
            float_repr,
        ),
        "parse_float" => show(float_ops::parse_float(&a[0]), float_repr),
        _ => return None,
    })
}

#[test]
fn float_ops_match_cpython_tables() {
    let cases = read_cases(include_str!("num_cases/float_cases.tsv"));
    check_all(&cases, eval);
}

#[test]
fn round_half_even_examples() {
    assert_eq!(float_ops::round_ndigits(2.675, 2).unwrap(), 2.67);
    assert_eq!(float_ops::round_to_int(0.5).unwrap().to_string(), "0");
    assert_eq!(float_ops::round_to_int(1.5).unwrap().to_string(), "2");
    let r = float_ops::round_ndigits(-0.5, 0).unwrap();
    assert!(r == 0.0 && r.is_sign_negative());
    assert_eq!(float_ops::hash_float(1.5), 1152921504606846977);
    assert_eq!(float_ops::hash_float(-1.0), -2);
    assert_eq!(float_ops::hash_float(f64::INFINITY), 314159);
}

/// Random floats (any bit pattern or modest decimals), evaluated by python3
/// (when installed) and by us.
#[test]
fn float_ops_match_live_python() {
    let mut inputs = Inputs::from_clock();
    let mut body = String::new();
    for _ in 0..400 {
        let x = inputs.float_text();
        let y = inputs.float_text();
        let n = inputs.below(30) as i64 - 10;
        body.push_str(&format!(
            "x, y, n = {x}, {y}, {n}\n\
             for op, g in [('floordiv', lambda: x // y), ('mod', lambda: x % y), ('divmod', lambda: divmod(x, y)),\n\
                           ('truediv', lambda: x / y), ('pow', lambda: x ** y)]:\n\
             \x20   case(op, [repr(x), repr(y)], g)\n\
             case('round0', [repr(x)], lambda: round(x))\n\
             case('roundn', [repr(x), str(n)], lambda: round(x, n))\n\
             case('hash', [repr(x)], lambda: hash(x))\n\
             case('int', [repr(x)], lambda: int(x))\n\
             t = repr(x).replace('0', '0_0', 1)\n\
             case('parse_float', [t], lambda: float(t))\n"
        ));
    }
    if let Some(cases) = python_cases(&body) {
        assert!(cases.len() > 3000);
        check_all(&cases, eval);
    }
}
