//! The integer functions of Python's `math` module: gcd, lcm, factorial,
//! isqrt, comb and perm, exact on `Int`, with CPython 3.11's messages.

use num_bigint::BigInt;
use num_integer::Roots;
use num_traits::One;

use crate::int_ops::{self, Int};
use crate::num_error::{NumError, NumResult};

/// `math.gcd(*integers)`: 0 for no arguments, always non-negative.
pub fn gcd(values: &[Int]) -> Int {
    let mut result = Int::ZERO;
    for v in values {
        result = int_ops::gcd(&result, v);
    }
    result
}

/// `math.lcm(*integers)`: 1 for no arguments, 0 if any argument is 0.
pub fn lcm(values: &[Int]) -> Int {
    let mut result = Int::ONE;
    for (i, v) in values.iter().enumerate() {
        if i == 0 {
            result = int_ops::abs(v);
            continue;
        }
        if result.is_zero() || v.is_zero() {
            result = Int::ZERO;
            continue;
        }
        let g = int_ops::gcd(&result, v);
        // g divides result exactly and is never zero here.
        let reduced = int_ops::floordiv(&result, &g).unwrap_or(Int::ZERO);
        result = int_ops::abs(&int_ops::mul(&reduced, v));
    }
    result
}

/// The product of the integers in `lo..=hi`, by binary splitting so the
/// multiplications stay balanced.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut p = BigInt::from(lo);
        for k in lo + 1..=hi {
            p *= k;
        }
        return p;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}

/// `math.factorial(n)`.
pub fn factorial(n: &Int) -> NumResult<Int> {
    if n.is_negative() {
        return Err(NumError::value(
            "factorial() not defined for negative values",
        ));
    }
    let n = match n.as_i64() {
        Some(v) => v as u64,
        None => {
            return Err(NumError::overflow(format!(
                "factorial() argument should not exceed {}",
                i64::MAX
            )))
        }
    };
    Ok(Int::from_bigint(range_product(1, n)))
}

/// `math.isqrt(n)`: the floor of the exact square root.
pub fn isqrt(n: &Int) -> NumResult<Int> {
    if n.is_negative() {
        return Err(NumError::value("isqrt() argument must be nonnegative"));
    }
    Ok(match n {
        Int::Small(v) => Int::from((*v as u64).sqrt()),
        Int::Big(b) => Int::from_bigint(b.sqrt()),
    })
}

/// `math.perm(n, k)`; `k = None` gives `n!`.
pub fn perm(n: &Int, k: Option<&Int>) -> NumResult<Int> {
    let Some(k) = k else {
        return factorial(n);
    };
    if n.is_negative() {
        return Err(NumError::value("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(NumError::value("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Int::ZERO);
    }
    let Some(count) = k.as_i64() else {
        return Err(NumError::overflow(format!(
            "k must not exceed {}",
            i64::MAX
        )));
    };
    // n * (n-1) * ... * (n-k+1)
    let mut result = Int::ONE;
    let mut factor = n.clone();
    for _ in 0..count {
        result = int_ops::mul(&result, &factor);
        factor = int_ops::sub(&factor, &Int::ONE);
    }
    Ok(result)
}

/// `math.comb(n, k)`.
pub fn comb(n: &Int, k: &Int) -> NumResult<Int> {
    if n.is_negative() {
        return Err(NumError::value("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(NumError::value("k must be a non-negative integer"));
    }
    let rest = int_ops::sub(n, k);
    if rest.is_negative() {
        return Ok(Int::ZERO);
    }
    let k = if rest < *k { rest } else { k.clone() };
    let Some(count) = k.as_i64() else {
        return Err(NumError::overflow(format!(
            "min(n - k, k) must not exceed {}",
            i64::MAX
        )));
    };
    // result = result * (n - k + i) / i stays an integer at every step.
    let base = int_ops::sub(n, &k).to_bigint();
    let mut result = BigInt::one();
    for i in 1..=count as u64 {
        result = result * (&base + i) / i;
    }
    Ok(Int::from_bigint(result))
}
