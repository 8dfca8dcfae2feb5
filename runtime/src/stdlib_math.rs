//! The `math` module: values in, the pure functions of `math_funcs`,
//! `math_int`, `math_sum` and `math_gamma` applied, values out, with
//! CPython 3.11's argument checks and messages.

use crate::int_ops::Int;
use crate::math_funcs::{self as mf, Real};
use crate::num_error::NumResult;
use crate::object::*;
use crate::protocol::{as_bigint, call_dunder};
use crate::runtime::{str_of, Runtime};
use crate::stdlib::{
    def_fn, def_value, expect_args, expect_args_range, expect_one, float_arg, index_arg,
    int_result, no_kwargs, num,
};
use crate::value::Value;
use crate::{arith, iter, PyResult, Vm};
use frontend::bytecode::BinOpKind;

/// Creates the `math` module.
pub fn create(rt: &mut Runtime) -> Value {
    let m = rt.new_module("math", None);
    for (name, x) in [
        ("pi", mf::PI),
        ("e", mf::E),
        ("tau", mf::TAU),
        ("inf", mf::INF),
        ("nan", mf::NAN),
    ] {
        def_value(rt, m, name, Value::from_float(x));
    }
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("sqrt", math_sqrt),
        ("cbrt", math_cbrt),
        ("exp", math_exp),
        ("exp2", math_exp2),
        ("expm1", math_expm1),
        ("log1p", math_log1p),
        ("sin", math_sin),
        ("cos", math_cos),
        ("tan", math_tan),
        ("asin", math_asin),
        ("acos", math_acos),
        ("atan", math_atan),
        ("sinh", math_sinh),
        ("cosh", math_cosh),
        ("tanh", math_tanh),
        ("asinh", math_asinh),
        ("acosh", math_acosh),
        ("atanh", math_atanh),
        ("gamma", math_gamma),
        ("lgamma", math_lgamma),
        ("erf", math_erf),
        ("erfc", math_erfc),
        ("fabs", math_fabs),
        ("degrees", math_degrees),
        ("radians", math_radians),
        ("isfinite", math_isfinite),
        ("isinf", math_isinf),
        ("isnan", math_isnan),
        ("floor", math_floor),
        ("ceil", math_ceil),
        ("trunc", math_trunc),
        ("frexp", math_frexp),
        ("ldexp", math_ldexp),
        ("modf", math_modf),
        ("atan2", math_atan2),
        ("copysign", math_copysign),
        ("fmod", math_fmod),
        ("remainder", math_remainder),
        ("pow", math_pow),
        ("nextafter", math_nextafter),
        ("ulp", math_ulp),
        ("isclose", math_isclose),
        ("log", math_log),
        ("log2", math_log2),
        ("log10", math_log10),
        ("fsum", math_fsum),
        ("hypot", math_hypot),
        ("dist", math_dist),
        ("prod", math_prod),
        ("gcd", math_gcd),
        ("lcm", math_lcm),
        ("factorial", math_factorial),
        ("isqrt", math_isqrt),
        ("comb", math_comb),
        ("perm", math_perm),
    ];
    for &(name, f) in fns {
        def_fn(rt, m, name, f);
    }
    m
}

// ---------------------------------------------------------------- one float argument

/// The single float argument of a METH_O function `math.<name>`.
fn one_float(vm: &mut dyn Vm, name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<f64> {
    let qual = format!("math.{name}");
    no_kwargs(vm, &qual, kw)?;
    let a = expect_one(vm, &qual, args)?;
    float_arg(vm, a)
}

/// Defines `math.<name>(x)` for a fallible float function.
macro_rules! float_fn {
    ($($rust:ident = $name:literal => $f:expr;)*) => {$(
        fn $rust(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
            let x = one_float(vm, $name, args, kw)?;
            let r: NumResult<f64> = $f(x);
            Ok(Value::from_float(num(vm, r)?))
        }
    )*};
}

float_fn! {
    math_sqrt = "sqrt" => mf::sqrt;
    math_cbrt = "cbrt" => mf::cbrt;
    math_exp = "exp" => mf::exp;
    math_exp2 = "exp2" => mf::exp2;
    math_expm1 = "expm1" => mf::expm1;
    math_log1p = "log1p" => mf::log1p;
    math_sin = "sin" => mf::sin;
    math_cos = "cos" => mf::cos;
    math_tan = "tan" => mf::tan;
    math_asin = "asin" => mf::asin;
    math_acos = "acos" => mf::acos;
    math_atan = "atan" => mf::atan;
    math_sinh = "sinh" => mf::sinh;
    math_cosh = "cosh" => mf::cosh;
    math_tanh = "tanh" => mf::tanh;
    math_asinh = "asinh" => mf::asinh;
    math_acosh = "acosh" => mf::acosh;
    math_atanh = "atanh" => mf::atanh;
    math_gamma = "gamma" => crate::math_gamma::gamma;
    math_lgamma = "lgamma" => crate::math_gamma::lgamma;
    math_erf = "erf" => |x| Ok(mf::erf(x));
    math_erfc = "erfc" => |x| Ok(mf::erfc(x));
    math_fabs = "fabs" => |x| Ok(mf::fabs(x));
    math_degrees = "degrees" => |x| Ok(mf::degrees(x));
    math_radians = "radians" => |x| Ok(mf::radians(x));
}

/// Defines `math.<name>(x)` for a float predicate.
macro_rules! float_pred {
    ($($rust:ident = $name:literal => $f:path;)*) => {$(
        fn $rust(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
            let x = one_float(vm, $name, args, kw)?;
            Ok(Value::from_bool($f(x)))
        }
    )*};
}

float_pred! {
    math_isfinite = "isfinite" => mf::isfinite;
    math_isinf = "isinf" => mf::isinf;
    math_isnan = "isnan" => mf::isnan;
}

// ---------------------------------------------------------------- rounding to ints

/// floor/ceil/trunc: ints are returned as ints, instances may define the
/// dunder, everything else goes through a float.
fn round_to_int(
    vm: &mut dyn Vm,
    name: &str,
    args: &[Value],
    kw: &[(Value, Value)],
    dunder: &str,
    f: fn(f64) -> NumResult<Int>,
) -> PyResult<Value> {
    let qual = format!("math.{name}");
    no_kwargs(vm, &qual, kw)?;
    let x = expect_one(vm, &qual, args)?;
    if x.is_int() {
        return Ok(x);
    }
    if let Some(b) = as_bigint(x) {
        return Ok(vm.rt().new_int(b));
    }
    if !x.is_float() && is_kind(x, ObjKind::Instance) {
        let d = vm.rt().intern(dunder);
        if let Some(r) = call_dunder(vm, x, d, &[])? {
            return Ok(r);
        }
    }
    if name == "trunc" && !x.is_float() {
        let tn = vm.rt().type_name(x);
        return Err(vm
            .rt()
            .type_error(format!("type {tn} doesn't define __trunc__ method")));
    }
    let v = float_arg(vm, x)?;
    let i = num(vm, f(v))?;
    Ok(int_result(vm, i))
}

fn math_floor(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    round_to_int(vm, "floor", args, kw, "__floor__", mf::floor)
}

fn math_ceil(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    round_to_int(vm, "ceil", args, kw, "__ceil__", mf::ceil)
}

fn math_trunc(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    round_to_int(vm, "trunc", args, kw, "__trunc__", mf::trunc)
}

// ---------------------------------------------------------------- float decomposition

fn math_frexp(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = one_float(vm, "frexp", args, kw)?;
    let (m, e) = mf::frexp(x);
    Ok(vm
        .rt()
        .new_tuple(vec![Value::from_float(m), Value::int(e as i64)]))
}

fn math_ldexp(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "ldexp", kw)?;
    expect_args(vm, "ldexp", args, 2)?;
    let x = float_arg(vm, args[0])?;
    let Some(i) = as_bigint(args[1]) else {
        return Err(vm
            .rt()
            .type_error("Expected an int as second argument to ldexp."));
    };
    let r = mf::ldexp(x, &Int::from_bigint(i));
    Ok(Value::from_float(num(vm, r)?))
}

fn math_modf(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = one_float(vm, "modf", args, kw)?;
    let (frac, whole) = mf::modf(x);
    Ok(vm
        .rt()
        .new_tuple(vec![Value::from_float(frac), Value::from_float(whole)]))
}

// ---------------------------------------------------------------- two float arguments

/// The two float arguments of `math.<name>(x, y)`.
fn two_floats(
    vm: &mut dyn Vm,
    name: &str,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<(f64, f64)> {
    no_kwargs(vm, name, kw)?;
    expect_args(vm, name, args, 2)?;
    let x = float_arg(vm, args[0])?;
    let y = float_arg(vm, args[1])?;
    Ok((x, y))
}

/// Defines `math.<name>(x, y)` for a fallible two-float function.
macro_rules! float2_fn {
    ($($rust:ident = $name:literal => $f:path;)*) => {$(
        fn $rust(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
            let (x, y) = two_floats(vm, $name, args, kw)?;
            let r = $f(x, y);
            Ok(Value::from_float(num(vm, r)?))
        }
    )*};
}

float2_fn! {
    math_atan2 = "atan2" => mf::atan2;
    math_copysign = "copysign" => mf::copysign;
    math_fmod = "fmod" => mf::fmod;
    math_remainder = "remainder" => mf::remainder;
    math_pow = "pow" => mf::pow;
}

/// C's `nextafter`: the next float after `x` towards `y` (stepping the bit
/// pattern, which orders finite floats of one sign).
fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let away_from_zero = (y > x) == (x > 0.0);
    f64::from_bits(if away_from_zero { bits + 1 } else { bits - 1 })
}

fn math_nextafter(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let (x, y) = two_floats(vm, "nextafter", args, kw)?;
    Ok(Value::from_float(next_after(x, y)))
}

/// `math.ulp(x)`: the value of the least significant bit of `x` (CPython's algorithm).
fn math_ulp(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = one_float(vm, "ulp", args, kw)?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::from_float(x));
    }
    let up = next_after(x, f64::INFINITY);
    let ulp = if up.is_infinite() {
        x - next_after(x, f64::NEG_INFINITY)
    } else {
        up - x
    };
    Ok(Value::from_float(ulp))
}

fn math_isclose(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.rt().type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let mut a = args.first().copied();
    let mut b = args.get(1).copied();
    let (mut rel_tol, mut abs_tol) = (1e-09, 0.0);
    for &(k, v) in kw {
        match str_of(k) {
            "a" if a.is_none() => a = Some(v),
            "b" if b.is_none() => b = Some(v),
            "rel_tol" => rel_tol = float_arg(vm, v)?,
            "abs_tol" => abs_tol = float_arg(vm, v)?,
            other => {
                let msg = if other == "a" || other == "b" {
                    format!("argument for isclose() given by name ('{other}') and position")
                } else {
                    format!("'{other}' is an invalid keyword argument for isclose()")
                };
                return Err(vm.rt().type_error(msg));
            }
        }
    }
    let (Some(a), Some(b)) = (a, b) else {
        let (name, pos) = if a.is_none() { ("a", 1) } else { ("b", 2) };
        return Err(vm.rt().type_error(format!(
            "isclose() missing required argument '{name}' (pos {pos})"
        )));
    };
    let (x, y) = (float_arg(vm, a)?, float_arg(vm, b)?);
    let r = mf::isclose(x, y, rel_tol, abs_tol);
    Ok(Value::from_bool(num(vm, r)?))
}

// ---------------------------------------------------------------- logarithms

/// Converts a value for the log family: ints stay exact (huge ints have logs).
fn with_real<T>(
    vm: &mut dyn Vm,
    v: Value,
    f: impl FnOnce(Real<'_>) -> NumResult<T>,
) -> PyResult<T> {
    if let Some(b) = as_bigint(v) {
        let i = Int::from_bigint(b);
        return num(vm, f(Real::Int(&i)));
    }
    let x = float_arg(vm, v)?;
    num(vm, f(Real::Float(x)))
}

fn math_log(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "log", kw)?;
    if args.is_empty() || args.len() > 2 {
        return Err(vm.rt().type_error("math.log requires 1 to 2 arguments"));
    }
    // The base's log is computed separately so each argument keeps its exact type.
    let num_log = with_real(vm, args[0], |x| mf::log(x, None))?;
    let r = match args.get(1) {
        None => num_log,
        Some(&base) => {
            let den = with_real(vm, base, |b| mf::log(b, None))?;
            num(vm, crate::float_ops::truediv(num_log, den))?
        }
    };
    Ok(Value::from_float(r))
}

fn math_log2(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "math.log2", kw)?;
    let a = expect_one(vm, "math.log2", args)?;
    Ok(Value::from_float(with_real(vm, a, mf::log2)?))
}

fn math_log10(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "math.log10", kw)?;
    let a = expect_one(vm, "math.log10", args)?;
    Ok(Value::from_float(with_real(vm, a, mf::log10)?))
}

// ---------------------------------------------------------------- sums and norms

/// Every item of an iterable converted to a float.
fn float_items(vm: &mut dyn Vm, iterable: Value) -> PyResult<Vec<f64>> {
    let it = iter::get_iter(vm, iterable)?;
    vm.rt().heap.push_root(it);
    let r = (|| {
        let mut out = Vec::new();
        while let Some(x) = iter::next(vm, it)? {
            out.push(float_arg(vm, x)?);
        }
        Ok(out)
    })();
    vm.rt().heap.pop_roots(1);
    r
}

fn math_fsum(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "math.fsum", kw)?;
    let a = expect_one(vm, "math.fsum", args)?;
    let items = float_items(vm, a)?;
    let r = crate::math_sum::fsum(items);
    Ok(Value::from_float(num(vm, r)?))
}

fn math_hypot(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "hypot", kw)?;
    let mut coords = Vec::with_capacity(args.len());
    for &a in args {
        coords.push(float_arg(vm, a)?);
    }
    Ok(Value::from_float(crate::math_sum::hypot(&coords)))
}

fn math_dist(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "dist", kw)?;
    expect_args(vm, "dist", args, 2)?;
    let p = float_items(vm, args[0])?;
    let q = float_items(vm, args[1])?;
    let r = crate::math_sum::dist(&p, &q);
    Ok(Value::from_float(num(vm, r)?))
}

fn math_prod(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.rt().type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    }
    let mut acc = Value::int(1);
    for &(k, v) in kw {
        if str_of(k) != "start" {
            let n = str_of(k).to_string();
            return Err(vm
                .rt()
                .type_error(format!("'{n}' is an invalid keyword argument for prod()")));
        }
        acc = v;
    }
    let it = iter::get_iter(vm, args[0])?;
    vm.rt().heap.push_root(it);
    let r = (|| loop {
        // The running product is rooted while the iterator or `*` may run Python code.
        vm.rt().heap.push_root(acc);
        let step = iter::next(vm, it).and_then(|next| match next {
            None => Ok(None),
            Some(x) if acc.is_float() && x.is_float() => {
                Ok(Some(Value::from_float(acc.as_float() * x.as_float())))
            }
            Some(x) => arith::binary_op(vm, BinOpKind::Mul, acc, x).map(Some),
        });
        vm.rt().heap.pop_roots(1);
        match step? {
            Some(product) => acc = product,
            None => return Ok(acc),
        }
    })();
    vm.rt().heap.pop_roots(1);
    r
}

// ---------------------------------------------------------------- integer functions

fn index_args(vm: &mut dyn Vm, args: &[Value]) -> PyResult<Vec<Int>> {
    args.iter().map(|&a| index_arg(vm, a)).collect()
}

fn math_gcd(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "gcd", kw)?;
    let ints = index_args(vm, args)?;
    Ok(int_result(vm, crate::math_int::gcd(&ints)))
}

fn math_lcm(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "lcm", kw)?;
    let ints = index_args(vm, args)?;
    Ok(int_result(vm, crate::math_int::lcm(&ints)))
}

fn math_factorial(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "math.factorial", kw)?;
    let a = expect_one(vm, "math.factorial", args)?;
    let n = index_arg(vm, a)?;
    let r = num(vm, crate::math_int::factorial(&n))?;
    Ok(int_result(vm, r))
}

fn math_isqrt(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "math.isqrt", kw)?;
    let a = expect_one(vm, "math.isqrt", args)?;
    let n = index_arg(vm, a)?;
    let r = num(vm, crate::math_int::isqrt(&n))?;
    Ok(int_result(vm, r))
}

fn math_comb(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "comb", kw)?;
    expect_args(vm, "comb", args, 2)?;
    let ints = index_args(vm, args)?;
    let r = num(vm, crate::math_int::comb(&ints[0], &ints[1]))?;
    Ok(int_result(vm, r))
}

fn math_perm(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "perm", kw)?;
    expect_args_range(vm, "perm", args, 1, 2)?;
    let n = index_arg(vm, args[0])?;
    let k = match args.get(1) {
        Some(&v) if !v.is_none() => Some(index_arg(vm, v)?),
        _ => None,
    };
    let r = num(vm, crate::math_int::perm(&n, k.as_ref()))?;
    Ok(int_result(vm, r))
}
