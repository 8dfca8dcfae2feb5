//! math_funcs, math_int and math_sum checked against CPython 3.11's answers
//! (tables made by num_cases/gen_cases.py).

#[path = "num_cases/support.rs"]
mod support;

use runtime::int_ops::Int;
use runtime::math_funcs::{self as m, Real};
use runtime::num_error::NumResult;
use runtime::{math_int, math_sum};
use support::*;

fn floats(list: &str) -> Vec<f64> {
    list.split(',')
        .filter(|s| !s.is_empty())
        .map(float_arg)
        .collect()
}

fn showf(r: NumResult<f64>) -> String {
    show(r, float_repr)
}

fn showi(r: NumResult<Int>) -> String {
    show(r, |i| i.to_string())
}

fn eval(case: &Case) -> Option<String> {
    let a = &case.args;
    let x = || float_arg(&a[0]);
    let y = || float_arg(&a[1]);
    let i = |k: usize| int_arg(&a[k]);
    Some(match case.op.as_str() {
        "sqrt" => showf(m::sqrt(x())),
        "exp" => showf(m::exp(x())),
        "exp2" => showf(m::exp2(x())),
        "expm1" => showf(m::expm1(x())),
        "log1p" => showf(m::log1p(x())),
        "sin" => showf(m::sin(x())),
        "cos" => showf(m::cos(x())),
        "tan" => showf(m::tan(x())),
        "asin" => showf(m::asin(x())),
        "acos" => showf(m::acos(x())),
        "atan" => showf(m::atan(x())),
        "sinh" => showf(m::sinh(x())),
        "cosh" => showf(m::cosh(x())),
        "tanh" => showf(m::tanh(x())),
        "asinh" => showf(m::asinh(x())),
        "acosh" => showf(m::acosh(x())),
        "atanh" => showf(m::atanh(x())),
        "gamma" => showf(runtime::math_gamma::gamma(x())),
        "lgamma" => showf(runtime::math_gamma::lgamma(x())),
        "erf" => float_repr(m::erf(x())),
        "erfc" => float_repr(m::erfc(x())),
        "fabs" => float_repr(m::fabs(x())),
        "degrees" => float_repr(m::degrees(x())),
        "radians" => float_repr(m::radians(x())),
        "cbrt" => showf(m::cbrt(x())),
        "floor" => showi(m::floor(x())),
        "ceil" => showi(m::ceil(x())),
        "trunc" => showi(m::trunc(x())),
        "log" => showf(m::log(Real::Float(x()), None)),
        "log2" => showf(m::log2(Real::Float(x()))),
        "log10" => showf(m::log10(Real::Float(x()))),
        "frexp" => {
            let (mant, e) = m::frexp(x());
            format!("{},{e}", float_repr(mant))
        }
        "modf" => {
            let (frac, int) = m::modf(x());
            format!("{},{}", float_repr(frac), float_repr(int))
        }
        "atan2" => showf(m::atan2(x(), y())),
        "copysign" => showf(m::copysign(x(), y())),
        "fmod" => showf(m::fmod(x(), y())),
        "remainder" => showf(m::remainder(x(), y())),
        "pow" => showf(m::pow(x(), y())),
        "hypot" => float_repr(math_sum::hypot(&[x(), y()])),
        "hypotn" => float_repr(math_sum::hypot(&floats(&a[0]))),
        "dist" => showf(math_sum::dist(&[x(), 1.5], &[y(), -2.25])),
        "isclose" => show(m::isclose(x(), y(), 0.5, 1e-3), |b| {
            if b { "True" } else { "False" }.to_string()
        }),
        "logb" => showf(m::log(Real::Float(x()), Some(Real::Float(y())))),
        "log_int" => showf(m::log(Real::Int(&i(0)), None)),
        "log2_int" => showf(m::log2(Real::Int(&i(0)))),
        "log10_int" => showf(m::log10(Real::Int(&i(0)))),
        "logb_int" => showf(m::log(Real::Int(&i(0)), Some(Real::Int(&i(1))))),
        "factorial" => showi(math_int::factorial(&i(0))),
        "isqrt" => showi(math_int::isqrt(&i(0))),
        "perm1" => showi(math_int::perm(&i(0), None)),
        "perm" => showi(math_int::perm(&i(0), Some(&i(1)))),
        "comb" => showi(math_int::comb(&i(0), &i(1))),
        "gcd" => math_int::gcd(&[i(0), i(1)]).to_string(),
        "lcm" => math_int::lcm(&[i(0), i(1)]).to_string(),
        "fsum" => showf(math_sum::fsum(floats(a.first().map_or("", |s| s.as_str())))),
        _ => return None,
    })
}

#[test]
fn math_matches_cpython_tables() {
    let cases = read_cases(include_str!("num_cases/math_cases.tsv"));
    check_all(&cases, eval);
}

#[test]
fn variadic_gcd_lcm() {
    let ints: Vec<Int> = [12, -18, 30].iter().map(|&v| Int::from(v as i64)).collect();
    assert_eq!(math_int::gcd(&ints).to_string(), "6");
    assert_eq!(math_int::lcm(&ints).to_string(), "180");
    assert_eq!(math_int::gcd(&[]).to_string(), "0");
    assert_eq!(math_int::lcm(&[]).to_string(), "1");
}

/// Random arguments for the float functions, evaluated by python3 (when
/// installed) and by us.
#[test]
fn math_matches_live_python() {
    let mut inputs = Inputs::from_clock();
    let mut body = String::new();
    for _ in 0..150 {
        let x = inputs.float_text();
        let y = inputs.float_text();
        body.push_str(&format!(
            "x, y = {x}, {y}\n\
             for name in ['sqrt', 'exp', 'exp2', 'expm1', 'log1p', 'sin', 'cos', 'tan', 'asin', 'acos',\n\
                          'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'cbrt', 'log',\n\
                          'log2', 'log10', 'floor', 'ceil', 'erf', 'erfc', 'gamma', 'lgamma']:\n\
             \x20   case(name, [repr(x)], lambda: getattr(math, name)(x))\n\
             for name in ['atan2', 'fmod', 'remainder', 'pow', 'hypot']:\n\
             \x20   case(name, [repr(x), repr(y)], lambda: getattr(math, name)(x, y))\n\
             case('hypotn', [repr(x) + ',' + repr(y) + ',1.25'], lambda: math.hypot(x, y, 1.25))\n\
             case('fsum', [repr(x) + ',' + repr(y) + ',1e-3,' + repr(-x)], lambda: math.fsum([x, y, 1e-3, -x]))\n"
        ));
    }
    if let Some(cases) = python_cases(&body) {
        assert!(cases.len() > 3000);
        check_all(&cases, eval);
    }
}
