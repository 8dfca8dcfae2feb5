//! The float functions of Python's `math` module as pure functions on f64,
//! raising ValueError "math domain error" and OverflowError "math range error"
//! exactly where CPython 3.11 does (its math_1 / math_2 rules, its special
//! cases for atan2, fmod, pow and log). Integer functions are in `math_int`,
//! fsum and hypot in `math_sum`.
//!
//! Arguments are floats: the caller converts ints with `int_ops::to_f64`
//! first (raising "int too large to convert to float" like CPython), except
//! for the log family, which takes a [`Real`] because CPython computes the
//! log of huge ints without converting them.

use crate::int_float::{frexp_int, from_f64, to_f64};
use crate::int_ops::Int;
use crate::num_error::{NumError, NumResult};

/// `math.pi`.
pub const PI: f64 = std::f64::consts::PI;
/// `math.e`.
pub const E: f64 = std::f64::consts::E;
/// `math.tau`.
pub const TAU: f64 = std::f64::consts::TAU;
/// `math.inf`.
pub const INF: f64 = f64::INFINITY;
/// `math.nan`.
pub const NAN: f64 = f64::NAN;

/// An int or float argument, for the functions that treat ints specially.
#[derive(Clone, Copy, Debug)]
pub enum Real<'a> {
    /// A Python int.
    Int(&'a Int),
    /// A Python float.
    Float(f64),
}

/// ValueError "math domain error".
pub fn domain_error() -> NumError {
    NumError::value("math domain error")
}

/// OverflowError "math range error".
pub fn range_error() -> NumError {
    NumError::overflow("math range error")
}

// libm functions that Rust's std reimplements differently; CPython calls libm.
extern "C" {
    #[link_name = "asinh"]
    fn libm_asinh(x: f64) -> f64;
    #[link_name = "acosh"]
    fn libm_acosh(x: f64) -> f64;
    #[link_name = "atanh"]
    fn libm_atanh(x: f64) -> f64;
    #[link_name = "erf"]
    fn libm_erf(x: f64) -> f64;
    #[link_name = "erfc"]
    fn libm_erfc(x: f64) -> f64;
}

/// CPython's math_1: a NaN from a non-NaN input is a domain error; an
/// infinity from a finite input is a range error when the function can
/// overflow, else a domain error (a singularity).
fn math_1(x: f64, f: impl Fn(f64) -> f64, can_overflow: bool) -> NumResult<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(r)
}

/// CPython's math_2: NaN from non-NaN inputs is a domain error, an infinity
/// from finite inputs a range error.
fn math_2(x: f64, y: f64, f: impl Fn(f64, f64) -> f64) -> NumResult<f64> {
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(r)
}

// ------------------------------------------------------------ one-argument functions

/// `math.sqrt(x)`.
pub fn sqrt(x: f64) -> NumResult<f64> {
    math_1(x, f64::sqrt, false)
}

/// `math.cbrt(x)`, computed as glibc's cbrt (what CPython calls on Linux).
/// Rust's runtime links its own `cbrt` ahead of libm's, with different
/// last-bit results, so the glibc algorithm is reproduced here.
pub fn cbrt(x: f64) -> NumResult<f64> {
    math_1(x, glibc_cbrt, false)
}

/// glibc's dbl-64 cbrt: a polynomial first guess refined by one Halley step.
#[allow(clippy::excessive_precision)] // the constants exactly as glibc writes them
fn glibc_cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.259_921_049_894_873_164_8;
    const SQR_CBRT2: f64 = 1.587_401_051_968_199_474_8;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = crate::float_ops::frexp(x.abs());
    let u = 0.354_895_765_043_919_860
        + (1.508_191_937_815_848_96
            + (-2.114_994_941_673_712_87
                + (2.446_931_225_635_344_30
                    + (-1.834_692_774_836_130_86
                        + (0.784_932_344_976_639_262 - 0.145_263_899_385_486_377 * xm) * xm)
                        * xm)
                    * xm)
                * xm)
            * xm;
    let t2 = u * u * u;
    // C's % and / truncate toward zero, as Rust's do.
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    crate::int_float::ldexp(if x > 0.0 { ym } else { -ym }, i64::from(xe / 3))
}

/// `math.exp(x)`.
pub fn exp(x: f64) -> NumResult<f64> {
    math_1(x, f64::exp, true)
}

/// `math.exp2(x)`.
pub fn exp2(x: f64) -> NumResult<f64> {
    math_1(x, f64::exp2, true)
}

/// `math.expm1(x)`.
pub fn expm1(x: f64) -> NumResult<f64> {
    math_1(x, f64::exp_m1, true)
}

/// `math.log1p(x)`.
pub fn log1p(x: f64) -> NumResult<f64> {
    math_1(x, f64::ln_1p, false)
}

/// `math.sin(x)`.
pub fn sin(x: f64) -> NumResult<f64> {
    math_1(x, f64::sin, false)
}

/// `math.cos(x)`.
pub fn cos(x: f64) -> NumResult<f64> {
    math_1(x, f64::cos, false)
}

/// `math.tan(x)`.
pub fn tan(x: f64) -> NumResult<f64> {
    math_1(x, f64::tan, false)
}

/// `math.asin(x)`.
pub fn asin(x: f64) -> NumResult<f64> {
    math_1(x, f64::asin, false)
}

/// `math.acos(x)`.
pub fn acos(x: f64) -> NumResult<f64> {
    math_1(x, f64::acos, false)
}

/// `math.atan(x)`.
pub fn atan(x: f64) -> NumResult<f64> {
    math_1(x, f64::atan, false)
}

/// `math.sinh(x)`.
pub fn sinh(x: f64) -> NumResult<f64> {
    math_1(x, f64::sinh, true)
}

/// `math.cosh(x)`.
pub fn cosh(x: f64) -> NumResult<f64> {
    math_1(x, f64::cosh, true)
}

/// `math.tanh(x)`.
pub fn tanh(x: f64) -> NumResult<f64> {
    math_1(x, f64::tanh, false)
}

/// `math.asinh(x)` (libm's, as CPython).
pub fn asinh(x: f64) -> NumResult<f64> {
    // SAFETY: libm's asinh is a pure function of a double.
    math_1(x, |v| unsafe { libm_asinh(v) }, false)
}

/// `math.acosh(x)` (libm's, as CPython).
pub fn acosh(x: f64) -> NumResult<f64> {
    // SAFETY: libm's acosh is a pure function of a double.
    math_1(x, |v| unsafe { libm_acosh(v) }, false)
}

/// `math.atanh(x)` (libm's, as CPython).
pub fn atanh(x: f64) -> NumResult<f64> {
    // SAFETY: libm's atanh is a pure function of a double.
    math_1(x, |v| unsafe { libm_atanh(v) }, false)
}

/// `math.erf(x)` (libm's, as CPython on Linux).
pub fn erf(x: f64) -> f64 {
    // SAFETY: libm's erf is a pure function of a double.
    unsafe { libm_erf(x) }
}

/// `math.erfc(x)` (libm's, as CPython on Linux).
pub fn erfc(x: f64) -> f64 {
    // SAFETY: libm's erfc is a pure function of a double.
    unsafe { libm_erfc(x) }
}

/// `math.fabs(x)`.
pub fn fabs(x: f64) -> f64 {
    x.abs()
}

/// `math.degrees(x)`.
pub fn degrees(x: f64) -> f64 {
    x * (180.0 / PI)
}

/// `math.radians(x)`.
pub fn radians(x: f64) -> f64 {
    x * (PI / 180.0)
}

/// `math.isfinite(x)`.
pub fn isfinite(x: f64) -> bool {
    x.is_finite()
}

/// `math.isinf(x)`.
pub fn isinf(x: f64) -> bool {
    x.is_infinite()
}

/// `math.isnan(x)`.
pub fn isnan(x: f64) -> bool {
    x.is_nan()
}

/// `math.floor(x)` for a float (an int argument is its own floor).
pub fn floor(x: f64) -> NumResult<Int> {
    from_f64(x.floor())
}

/// `math.ceil(x)` for a float (an int argument is its own ceiling).
pub fn ceil(x: f64) -> NumResult<Int> {
    from_f64(x.ceil())
}

/// `math.trunc(x)` for a float.
pub fn trunc(x: f64) -> NumResult<Int> {
    from_f64(x)
}

/// `math.frexp(x)`: (m, e) with `x == m * 2**e`, `0.5 <= abs(m) < 1`; (x, 0) for 0, inf, nan.
pub fn frexp(x: f64) -> (f64, i32) {
    crate::float_ops::frexp(x)
}

/// `math.ldexp(x, i)`: `x * 2**i`, OverflowError "math range error" on overflow.
pub fn ldexp(x: f64, i: &Int) -> NumResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let exp = match i.as_i64() {
        Some(e) => e,
        None if i.is_negative() => i64::MIN,
        None => i64::MAX,
    };
    let r = if exp > i64::from(i32::MAX) {
        f64::INFINITY.copysign(x)
    } else if exp < i64::from(i32::MIN) {
        0.0f64.copysign(x)
    } else {
        crate::int_float::ldexp(x, exp)
    };
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `math.modf(x)`: (fractional part, integer part), both with the sign of x.
pub fn modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let int_part = x.trunc();
    ((x - int_part).copysign(x), int_part)
}

// ------------------------------------------------------------ two-argument functions

/// `math.atan2(y, x)` with CPython's explicit special cases.
pub fn atan2(y: f64, x: f64) -> NumResult<f64> {
    math_2(y, x, |y, x| {
        if x.is_nan() || y.is_nan() {
            return f64::NAN;
        }
        if y.is_infinite() {
            if x.is_infinite() {
                let quarter = if x.is_sign_positive() { 0.25 } else { 0.75 };
                return (quarter * PI).copysign(y);
            }
            return (0.5 * PI).copysign(y);
        }
        if x.is_infinite() || y == 0.0 {
            return if x.is_sign_positive() {
                0.0f64.copysign(y)
            } else {
                PI.copysign(y)
            };
        }
        y.atan2(x)
    })
}

/// `math.copysign(x, y)`.
pub fn copysign(x: f64, y: f64) -> NumResult<f64> {
    math_2(x, y, f64::copysign)
}

/// `math.fmod(x, y)`: C's fmod, ValueError when y is 0 or x infinite.
pub fn fmod(x: f64, y: f64) -> NumResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(r)
}

/// `math.remainder(x, y)`: IEEE 754 remainder (ties to even), exact.
pub fn remainder(x: f64, y: f64) -> NumResult<f64> {
    math_2(x, y, |x, y| {
        if x.is_finite() && y.is_finite() {
            if y == 0.0 {
                return f64::NAN;
            }
            let (ax, ay) = (x.abs(), y.abs());
            let m = ax % ay;
            let c = ay - m;
            let r = if m < c {
                m
            } else if m > c {
                -c
            } else {
                m - 2.0 * ((0.5 * (ax - m)) % ay)
            };
            return 1.0f64.copysign(x) * r;
        }
        if x.is_nan() {
            return x;
        }
        if y.is_nan() {
            return y;
        }
        if x.is_infinite() {
            return f64::NAN;
        }
        x
    })
}

/// `math.pow(x, y)`: unlike `**`, `0.0 ** -1` and `(-1) ** 0.5` are
/// ValueError "math domain error", overflow is "math range error".
pub fn pow(x: f64, y: f64) -> NumResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        return Ok(if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && y.abs() % 2.0 == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            y.abs()
        } else {
            0.0
        });
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() {
        return Err(if x == 0.0 {
            domain_error()
        } else {
            range_error()
        });
    }
    Ok(r)
}

/// `math.isclose(a, b, rel_tol=..., abs_tol=...)` (defaults 1e-09 and 0.0).
pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> NumResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(NumError::value("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

// ------------------------------------------------------------ logarithms

/// CPython's m_log: log with explicit special values (errors become NaN/-inf).
fn m_log(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            x.ln()
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

/// CPython's loghelper: ints are handled exactly (huge ones through frexp),
/// floats through math_1 with `func`.
fn loghelper(x: Real<'_>, func: fn(f64) -> f64) -> NumResult<f64> {
    match x {
        Real::Int(i) => {
            if i.is_negative() || i.is_zero() {
                return Err(domain_error());
            }
            match to_f64(i) {
                Ok(f) => Ok(func(f)),
                Err(_) => {
                    let (m, e) = frexp_int(i);
                    Ok(func(m) + func(2.0) * e as f64)
                }
            }
        }
        Real::Float(f) => math_1(f, func, false),
    }
}

/// `math.log(x)` or `math.log(x, base)`: the quotient of two natural logs;
/// a base of 1 gives ZeroDivisionError "float division by zero".
pub fn log(x: Real<'_>, base: Option<Real<'_>>) -> NumResult<f64> {
    let num = loghelper(x, m_log)?;
    match base {
        None => Ok(num),
        Some(b) => {
            let den = loghelper(b, m_log)?;
            crate::float_ops::truediv(num, den)
        }
    }
}

/// `math.log2(x)`.
pub fn log2(x: Real<'_>) -> NumResult<f64> {
    loghelper(x, |v| {
        if !v.is_finite() {
            if v.is_nan() || v > 0.0 {
                v
            } else {
                f64::NAN
            }
        } else if v > 0.0 {
            v.log2()
        } else if v == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    })
}

/// `math.log10(x)`.
pub fn log10(x: Real<'_>) -> NumResult<f64> {
    loghelper(x, |v| {
        if v.is_finite() {
            if v > 0.0 {
                v.log10()
            } else if v == 0.0 {
                f64::NEG_INFINITY
            } else {
                f64::NAN
            }
        } else if v.is_nan() || v > 0.0 {
            v
        } else {
            f64::NAN
        }
    })
}
