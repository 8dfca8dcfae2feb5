//! The methods of `float` (`is_integer`, `as_integer_ratio`, `hex`,
//! `fromhex`, `conjugate`, conversions) plus the shared number dunders.

use crate::builtins_support::num_error;
use crate::int_ops::Int;
use crate::method_args::{bind, bind_method, receiver, str_arg, Signature};
use crate::object::*;
use crate::runtime::Runtime;
use crate::value::Value;
use crate::{PyResult, Vm};

/// Installs the methods of `float`.
pub fn install(rt: &mut Runtime) {
    let cls = rt.types.float;
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("is_integer", float_is_integer),
        ("as_integer_ratio", float_as_integer_ratio),
        ("hex", float_hex),
        ("conjugate", float_conjugate),
        ("__float__", float_conjugate),
        ("__int__", float_int),
        ("__trunc__", float_int),
    ];
    for &(name, f) in methods {
        rt.add_method(cls, name, f);
    }
    let fromhex = rt.new_builtin("fromhex", float_fromhex);
    let wrapped = rt.heap.alloc_value(ClassMethodObj {
        header: Header::new(ObjKind::ClassMethod),
        func: fromhex,
    });
    let key = rt.intern("fromhex");
    rt.class_set(cls, key, wrapped);
    crate::number_dunders::install(rt, cls, true);
}

/// The receiver as an f64.
fn recv(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
    method: &'static str,
) -> PyResult<f64> {
    let v = receiver(vm, args, |rt| rt.types.float, method, Value::is_float)?;
    bind_method(vm, Signature::positional(method, &[], 0), args, kw)?;
    Ok(v.as_float())
}

fn float_is_integer(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = recv(vm, args, kw, "float.is_integer")?;
    Ok(Value::from_bool(crate::float_ops::is_integer(x)))
}

fn float_as_integer_ratio(
    vm: &mut dyn Vm,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    let x = recv(vm, args, kw, "float.as_integer_ratio")?;
    match crate::float_ops::as_integer_ratio(x) {
        Ok((n, d)) => {
            let (n, d) = (
                crate::arith::int_value(vm, n),
                crate::arith::int_value(vm, d),
            );
            Ok(vm.rt().new_tuple(vec![n, d]))
        }
        Err(e) => Err(num_error(vm, e)),
    }
}

fn float_conjugate(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = recv(vm, args, kw, "float.conjugate")?;
    Ok(Value::from_float(x))
}

fn float_int(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = recv(vm, args, kw, "float.__int__")?;
    match crate::float_ops::to_int(x) {
        Ok(i) => Ok(crate::arith::int_value(vm, i)),
        Err(e) => Err(num_error(vm, e)),
    }
}

/// `x.hex()` as CPython writes it: `0x1.8000000000000p+0`.
pub fn float_to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    format!("{sign}0x{lead}.{fraction:013x}p{exp:+}")
}

fn float_hex(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let x = recv(vm, args, kw, "float.hex")?;
    let s = float_to_hex(x);
    Ok(vm.rt().new_str(&s))
}

/// Parses CPython's hexadecimal float syntax (`float.fromhex`); `None` when
/// malformed. The value is the exact quotient rounded once.
pub fn parse_hex_float(text: &str) -> Option<Result<f64, crate::num_error::NumError>> {
    let s = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = if negative { -1.0 } else { 1.0 };
    let lower = s.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Some(Ok(sign * f64::INFINITY));
    }
    if lower == "nan" {
        return Some(Ok(f64::NAN));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (digits_part, exp_part) = match body.split_once('p') {
        Some((d, e)) => (d, Some(e)),
        None => (body, None),
    };
    let (int_digits, frac_digits) = digits_part.split_once('.').unwrap_or((digits_part, ""));
    if int_digits.is_empty() && frac_digits.is_empty() {
        return None;
    }
    let mut mantissa = num_bigint::BigInt::from(0);
    for c in int_digits.chars().chain(frac_digits.chars()) {
        mantissa = mantissa * 16 + c.to_digit(16)?;
    }
    let exp: i64 = match exp_part {
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            e.parse::<i64>().unwrap_or(if e.starts_with('-') {
                i64::MIN / 4
            } else {
                i64::MAX / 4
            })
        }
        None => 0,
    };
    let exp = exp
        .saturating_sub(4 * frac_digits.len() as i64)
        .clamp(-1_000_000, 1_000_000);
    let value = if exp >= 0 {
        let n = Int::from_bigint(mantissa << exp as usize);
        crate::int_float::to_f64(&n).map_err(|_| {
            crate::num_error::NumError::overflow(
                "hexadecimal value too large to represent as a float",
            )
        })
    } else {
        let d = Int::from_bigint(num_bigint::BigInt::from(1) << (-exp) as usize);
        crate::int_float::truediv(&Int::from_bigint(mantissa), &d).map_err(|_| {
            crate::num_error::NumError::overflow(
                "hexadecimal value too large to represent as a float",
            )
        })
    };
    Some(value.map(|v| sign * v))
}

fn float_fromhex(vm: &mut dyn Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let a = bind(
        vm,
        Signature::positional("fromhex", &["cls", "string"], 2),
        args,
        kw,
    )?;
    let text = str_arg(vm, a[1].unwrap(), "fromhex() argument")?;
    match parse_hex_float(text) {
        Some(Ok(f)) => Ok(Value::from_float(f)),
        Some(Err(e)) => Err(num_error(vm, e)),
        None => Err(vm
            .rt()
            .value_error("invalid hexadecimal floating-point string")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_through_fromhex() {
        for x in [
            1.5,
            -0.1,
            3.0,
            1e300,
            5e-324,
            2.2250738585072014e-308,
            0.0,
            -2.5e-10,
        ] {
            let h = float_to_hex(x);
            let back = parse_hex_float(&h).unwrap().unwrap();
            assert_eq!(back.to_bits(), x.to_bits(), "{x} -> {h}");
        }
        assert_eq!(float_to_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(float_to_hex(-0.0), "-0x0.0p+0");
        assert_eq!(parse_hex_float("0x1.8p1").unwrap().unwrap(), 3.0);
        assert_eq!(parse_hex_float(" -0X.8 ").unwrap().unwrap(), -0.5);
        assert!(parse_hex_float("0x").is_none());
        assert!(parse_hex_float("1p").is_none());
    }
}
