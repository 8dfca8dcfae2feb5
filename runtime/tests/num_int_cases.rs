//! int_ops checked against CPython 3.11's answers (tables made by
//! num_cases/gen_cases.py).

#[path = "num_cases/support.rs"]
mod support;

use runtime::int_ops::{self, Int, IntOrFloat};
use std::cmp::Ordering;
use support::*;

fn show_int(r: Result<Int, runtime::num_error::NumError>) -> String {
    show(r, |i| i.to_string())
}

fn eval(case: &Case) -> Option<String> {
    let a = &case.args;
    let i = |k: usize| int_arg(&a[k]);
    Some(match case.op.as_str() {
        "add" => int_ops::add(&i(0), &i(1)).to_string(),
        "sub" => int_ops::sub(&i(0), &i(1)).to_string(),
        "mul" => int_ops::mul(&i(0), &i(1)).to_string(),
        "floordiv" => show_int(int_ops::floordiv(&i(0), &i(1))),
        "mod" => show_int(int_ops::modulo(&i(0), &i(1))),
        "divmod" => show(int_ops::divmod(&i(0), &i(1)), |(q, r)| format!("{q},{r}")),
        "truediv" => show(int_ops::truediv(&i(0), &i(1)), float_repr),
        "and" => int_ops::and(&i(0), &i(1)).to_string(),
        "or" => int_ops::or(&i(0), &i(1)).to_string(),
        "xor" => int_ops::xor(&i(0), &i(1)).to_string(),
        "neg" => int_ops::neg(&i(0)).to_string(),
        "abs" => int_ops::abs(&i(0)).to_string(),
        "invert" => int_ops::invert(&i(0)).to_string(),
        "to_f64" => show(int_ops::to_f64(&i(0)), float_repr),
        "bit_length" => int_ops::bit_length(&i(0)).to_string(),
        "bin" => int_ops::to_prefixed_string(&i(0), 2),
        "oct" => int_ops::to_prefixed_string(&i(0), 8),
        "hex" => int_ops::to_prefixed_string(&i(0), 16),
        "hash" => int_ops::hash_int(&i(0)).to_string(),
        "str" => show(int_ops::to_decimal_string(&i(0)), |s| s),
        "lshift" => show_int(int_ops::lshift(&i(0), &i(1))),
        "rshift" => show_int(int_ops::rshift(&i(0), &i(1))),
        "pow" => show(int_ops::pow(&i(0), &i(1)), |r| match r {
            IntOrFloat::Int(v) => v.to_string(),
            IntOrFloat::Float(f) => float_repr(f),
        }),
        "roundn" => int_ops::round_ndigits(&i(0), &i(1)).to_string(),
        "pow3" => show_int(int_ops::pow_mod(&i(0), &i(1), &i(2))),
        "cmpf" => match int_ops::cmp_f64(&i(0), float_arg(&a[1])) {
            Some(Ordering::Less) => "lt".into(),
            Some(Ordering::Greater) => "gt".into(),
            Some(Ordering::Equal) => "eq".into(),
            None => "un".into(),
        },
        "parse" => {
            let base: u32 = a[1].parse().ok()?;
            let parsed = int_ops::parse_int(&a[0], base);
            if base == 16 && a[0].len() > 4000 {
                show(parsed, |v| {
                    int_ops::to_prefixed_string(&v, 16)[..12].to_string()
                })
            } else {
                show(parsed, |v| v.to_string())
            }
        }
        _ => return None,
    })
}

#[test]
fn int_ops_match_cpython_tables() {
    let cases = read_cases(include_str!("num_cases/int_cases.tsv"));
    check_all(&cases, eval);
}

#[test]
fn big_results_normalise_to_small() {
    let big = int_arg("18446744073709551616");
    assert!(matches!(big, Int::Big(_)));
    let back = int_ops::sub(&big, &big);
    assert_eq!(back, Int::Small(0));
    let min = Int::Small(i64::MIN);
    assert!(matches!(int_ops::neg(&min), Int::Big(_)));
    assert_eq!(int_ops::neg(&int_ops::neg(&min)), min);
    assert_eq!(
        int_ops::floordiv(&min, &Int::Small(-1)).unwrap(),
        int_arg("9223372036854775808")
    );
}

/// Random ints of mixed sizes, evaluated by python3 (when installed) and by us.
#[test]
fn int_ops_match_live_python() {
    let mut inputs = Inputs::from_clock();
    let mut body = String::new();
    for _ in 0..300 {
        let a_digits = if inputs.below(2) == 0 { 18 } else { 60 };
        let a = inputs.int_text(a_digits);
        let b_digits = if inputs.below(2) == 0 { 18 } else { 40 };
        let b = inputs.int_text(b_digits);
        let m = inputs.int_text(25);
        let s = inputs.below(140);
        let f = inputs.float_text();
        body.push_str(&format!(
            "a, b, m, s, f = {a}, {b}, {m}, {s}, {f}\n\
             for op, g in [('add', lambda: a + b), ('sub', lambda: a - b), ('mul', lambda: a * b),\n\
                           ('floordiv', lambda: a // b), ('mod', lambda: a % b), ('divmod', lambda: divmod(a, b)),\n\
                           ('truediv', lambda: a / b), ('and', lambda: a & b), ('or', lambda: a | b),\n\
                           ('xor', lambda: a ^ b)]:\n\
             \x20   case(op, [str(a), str(b)], g)\n\
             case('pow3', [str(a), str(b), str(m)], lambda: pow(a, b, m))\n\
             case('pow', [str(m), str(s % 40)], lambda: m ** (s % 40))\n\
             case('lshift', [str(a), str(s)], lambda: a << s)\n\
             case('rshift', [str(a), str(s)], lambda: a >> s)\n\
             case('hash', [str(a)], lambda: hash(a))\n\
             case('to_f64', [str(a)], lambda: float(a))\n\
             case('hex', [str(a)], lambda: hex(a))\n\
             case('cmpf', [str(a), repr(f)], lambda: 'lt' if a < f else 'gt' if a > f else 'eq')\n"
        ));
    }
    if let Some(cases) = python_cases(&body) {
        assert!(cases.len() > 3000);
        check_all(&cases, eval);
    }
}

#[test]
fn round_to_huge_negative_ndigits_is_zero_without_computing_the_power() {
    let huge = int_arg("-100000000000000000000");
    assert_eq!(int_ops::round_ndigits(&int_arg("5"), &huge), Int::ZERO);
    assert_eq!(
        int_ops::round_ndigits(&int_arg("-987654321"), &huge),
        Int::ZERO
    );
    assert_eq!(
        int_ops::round_ndigits(&int_arg("987654321"), &int_arg("-3")).to_string(),
        "987654000"
    );
}
