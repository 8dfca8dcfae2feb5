//! Python int semantics on plain Rust types: the `Int` type (an i64 fast path
//! that spills into a `BigInt`, never wrapping) and its arithmetic, bitwise
//! and hashing operations with CPython 3.11's errors and messages.
//!
//! Conversions to and from floats live in `int_float`, text conversions in
//! `int_text`; both are re-exported here so callers find everything under
//! `int_ops::`.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive};

use crate::float_ops;
use crate::num_error::{NumError, NumResult};

pub use crate::int_float::{cmp_f64, eq_f64, from_f64, to_f64, truediv};
pub use crate::int_text::{
    parse_int, to_decimal_string, to_prefixed_string, to_radix_digits, MAX_STR_DIGITS,
};

/// A Python int. Invariant: `Big` never holds a value that fits in an i64,
/// so equal ints have equal representations and `Small` is the fast path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Int {
    /// A value in the i64 range.
    Small(i64),
    /// A value outside the i64 range.
    Big(BigInt),
}

/// An int used as an index or count (`seq[i]`, `[0] * n`, `round(x, n)`):
/// CPython's OverflowError "cannot fit 'int' into an index-sized integer"
/// when it is outside the i64 range (sequence indexing raises IndexError
/// with the same message; the caller adjusts the kind).
pub fn as_index(a: &Int) -> NumResult<i64> {
    a.as_i64()
        .ok_or_else(|| NumError::overflow("cannot fit 'int' into an index-sized integer"))
}

/// The result of `int ** int`: an int, or a float when the exponent is negative.
#[derive(Clone, Debug, PartialEq)]
pub enum IntOrFloat {
    /// A non-negative exponent gives an int.
    Int(Int),
    /// A negative exponent gives a float.
    Float(f64),
}

impl Int {
    /// Zero.
    pub const ZERO: Int = Int::Small(0);
    /// One.
    pub const ONE: Int = Int::Small(1);

    /// Normalises a `BigInt` into an `Int` (small when it fits an i64).
    pub fn from_bigint(b: BigInt) -> Int {
        match b.to_i64() {
            Some(i) => Int::Small(i),
            None => Int::Big(b),
        }
    }

    /// The value as a `BigInt` (allocates for small values).
    pub fn to_bigint(&self) -> BigInt {
        match self {
            Int::Small(i) => BigInt::from(*i),
            Int::Big(b) => b.clone(),
        }
    }

    /// The value as an i64, if it fits.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Int::Small(i) => Some(*i),
            Int::Big(_) => None,
        }
    }

    /// Is this zero?
    pub fn is_zero(&self) -> bool {
        matches!(self, Int::Small(0))
    }

    /// Is this negative?
    pub fn is_negative(&self) -> bool {
        match self {
            Int::Small(i) => *i < 0,
            Int::Big(b) => b.sign() == Sign::Minus,
        }
    }

    /// -1, 0 or 1.
    pub fn signum(&self) -> i64 {
        match self {
            Int::Small(i) => i.signum(),
            Int::Big(b) => {
                if b.sign() == Sign::Minus {
                    -1
                } else {
                    1
                }
            }
        }
    }

    /// Is this odd?
    pub fn is_odd(&self) -> bool {
        match self {
            Int::Small(i) => i & 1 == 1,
            Int::Big(b) => b.is_odd(),
        }
    }
}

impl From<i64> for Int {
    fn from(i: i64) -> Int {
        Int::Small(i)
    }
}

impl From<i32> for Int {
    fn from(i: i32) -> Int {
        Int::Small(i64::from(i))
    }
}

impl From<u64> for Int {
    fn from(u: u64) -> Int {
        match i64::try_from(u) {
            Ok(i) => Int::Small(i),
            Err(_) => Int::Big(BigInt::from(u)),
        }
    }
}

impl From<usize> for Int {
    fn from(u: usize) -> Int {
        Int::from(u as u64)
    }
}

impl From<i128> for Int {
    fn from(i: i128) -> Int {
        match i64::try_from(i) {
            Ok(s) => Int::Small(s),
            Err(_) => Int::Big(BigInt::from(i)),
        }
    }
}

impl From<BigInt> for Int {
    fn from(b: BigInt) -> Int {
        Int::from_bigint(b)
    }
}

impl PartialOrd for Int {
    fn partial_cmp(&self, other: &Int) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Int {
    fn cmp(&self, other: &Int) -> Ordering {
        match (self, other) {
            (Int::Small(a), Int::Small(b)) => a.cmp(b),
            // A big value lies outside the i64 range, so its sign decides.
            (Int::Small(_), Int::Big(b)) => {
                if b.sign() == Sign::Minus {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            (Int::Big(a), Int::Small(_)) => {
                if a.sign() == Sign::Minus {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
            (Int::Big(a), Int::Big(b)) => a.cmp(b),
        }
    }
}

/// Decimal text without the digit limit (for debugging and tests; `str()`
/// must use `to_decimal_string`, which enforces CPython's limit).
impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Int::Small(i) => write!(f, "{i}"),
            Int::Big(b) => write!(f, "{b}"),
        }
    }
}

// ------------------------------------------------------------ arithmetic

/// A borrowed view of `a` as a `BigInt` (allocating only for small values),
/// so big-int operations do not clone their operands.
fn big(a: &Int) -> Cow<'_, BigInt> {
    match a {
        Int::Small(i) => Cow::Owned(BigInt::from(*i)),
        Int::Big(b) => Cow::Borrowed(b),
    }
}

/// `a + b`.
pub fn add(a: &Int, b: &Int) -> Int {
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if let Some(r) = x.checked_add(*y) {
            return Int::Small(r);
        }
    }
    Int::from_bigint(big(a).as_ref() + big(b).as_ref())
}

/// `a - b`.
pub fn sub(a: &Int, b: &Int) -> Int {
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if let Some(r) = x.checked_sub(*y) {
            return Int::Small(r);
        }
    }
    Int::from_bigint(big(a).as_ref() - big(b).as_ref())
}

/// `a * b`.
pub fn mul(a: &Int, b: &Int) -> Int {
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if let Some(r) = x.checked_mul(*y) {
            return Int::Small(r);
        }
    }
    Int::from_bigint(big(a).as_ref() * big(b).as_ref())
}

/// `-a`.
pub fn neg(a: &Int) -> Int {
    match a {
        Int::Small(i) => match i.checked_neg() {
            Some(r) => Int::Small(r),
            None => Int::from_bigint(-BigInt::from(*i)),
        },
        Int::Big(b) => Int::from_bigint(-b),
    }
}

/// `abs(a)`.
pub fn abs(a: &Int) -> Int {
    if a.is_negative() {
        neg(a)
    } else {
        a.clone()
    }
}

/// `a // b` (rounds toward negative infinity).
pub fn floordiv(a: &Int, b: &Int) -> NumResult<Int> {
    if b.is_zero() {
        return Err(NumError::zero_division(
            "integer division or modulo by zero",
        ));
    }
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        // i64::MIN // -1 is the one quotient that overflows.
        if let Some(q) = x.checked_div(*y) {
            let adjust = (x % y != 0) && ((*x < 0) != (*y < 0));
            return Ok(Int::Small(if adjust { q - 1 } else { q }));
        }
    }
    Ok(Int::from_bigint(big(a).div_floor(&big(b))))
}

/// `a % b` (the result takes the sign of `b`).
pub fn modulo(a: &Int, b: &Int) -> NumResult<Int> {
    if b.is_zero() {
        return Err(NumError::zero_division("integer modulo by zero"));
    }
    Ok(mod_nonzero(a, b))
}

/// `a % b` for a known non-zero `b`.
fn mod_nonzero(a: &Int, b: &Int) -> Int {
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if *y == -1 {
            return Int::Small(0);
        }
        let r = x % y;
        return Int::Small(if r != 0 && ((r < 0) != (*y < 0)) {
            r + y
        } else {
            r
        });
    }
    Int::from_bigint(big(a).mod_floor(&big(b)))
}

/// `divmod(a, b)`.
pub fn divmod(a: &Int, b: &Int) -> NumResult<(Int, Int)> {
    let q = floordiv(a, b)?;
    Ok((q, mod_nonzero(a, b)))
}

/// `a ** b` with two arguments. A negative exponent gives a float, computed
/// as CPython does: both operands converted to float, then float `**`.
pub fn pow(a: &Int, b: &Int) -> NumResult<IntOrFloat> {
    if b.is_negative() {
        let x = to_f64(a)?;
        let y = to_f64(b)?;
        return float_ops::pow(x, y).map(IntOrFloat::Float);
    }
    // Bases whose powers never grow: 0, 1 and -1.
    match a {
        Int::Small(0) => return Ok(IntOrFloat::Int(Int::from(i64::from(b.is_zero())))),
        Int::Small(1) => return Ok(IntOrFloat::Int(Int::ONE)),
        Int::Small(-1) => return Ok(IntOrFloat::Int(Int::Small(if b.is_odd() { -1 } else { 1 }))),
        _ => {}
    }
    let exp = match b {
        Int::Small(e) if *e <= u32::MAX as i64 => *e as u32,
        // |a| >= 2 raised to >= 2**32 needs more than 4 Gbit: CPython runs out of memory.
        _ => return Err(NumError::overflow("exponent too large")),
    };
    if let Int::Small(x) = a {
        if let Some(r) = x.checked_pow(exp) {
            return Ok(IntOrFloat::Int(Int::Small(r)));
        }
    }
    Ok(IntOrFloat::Int(Int::from_bigint(
        num_traits::pow::Pow::pow(a.to_bigint(), exp),
    )))
}

/// Three-argument `pow(a, b, m)`. The result has the sign of `m` (like `%`);
/// a negative exponent uses the modular inverse of `a`.
pub fn pow_mod(a: &Int, b: &Int, m: &Int) -> NumResult<Int> {
    if m.is_zero() {
        return Err(NumError::value("pow() 3rd argument cannot be 0"));
    }
    let modulus = m.to_bigint();
    let abs_mod = modulus.abs();
    let mut base = a.to_bigint();
    let mut exp = b.to_bigint();
    if exp.sign() == Sign::Minus {
        let reduced = base.mod_floor(&abs_mod);
        base = match reduced.modinv(&abs_mod) {
            Some(inv) => inv,
            None => {
                return Err(NumError::value(
                    "base is not invertible for the given modulus",
                ))
            }
        };
        exp = -exp;
    }
    if abs_mod.is_one() {
        return Ok(Int::ZERO);
    }
    // modpow rounds like mod_floor, i.e. into [0, m) or (m, 0]: Python's rule.
    Ok(Int::from_bigint(base.modpow(&exp, &modulus)))
}

/// `round(a, ndigits)` for an int: unchanged for `ndigits >= 0`, else
/// rounded to a multiple of `10**-ndigits`, ties to even (CPython's long_round).
pub fn round_ndigits(a: &Int, ndigits: &Int) -> Int {
    if !ndigits.is_negative() || a.is_zero() {
        return a.clone();
    }
    // 10**k above 2*abs(a) rounds everything to zero; skip the huge power.
    let k = match ndigits.as_i64() {
        Some(n) if (n.unsigned_abs() as f64) < bit_length(a) as f64 * 0.302 + 2.0 => {
            n.unsigned_abs() as u32
        }
        _ => return Int::ZERO,
    };
    let pow10 = Int::from_bigint(num_traits::pow::Pow::pow(BigInt::from(10u8), k));
    // pow10 is positive, so floor division and modulo cannot fail.
    let (q, r) = match divmod(a, &pow10) {
        Ok(pair) => pair,
        Err(_) => return a.clone(),
    };
    let twice = mul(&r, &Int::Small(2));
    let round_up = twice > pow10 || (twice == pow10 && q.is_odd());
    let remainder = if round_up { sub(&r, &pow10) } else { r };
    sub(a, &remainder)
}

// ------------------------------------------------------------ bitwise

/// `~a`, i.e. `-(a + 1)`.
pub fn invert(a: &Int) -> Int {
    match a {
        Int::Small(i) => Int::Small(!i),
        Int::Big(b) => Int::from_bigint(-(b + BigInt::one())),
    }
}

/// `a << n`.
pub fn lshift(a: &Int, n: &Int) -> NumResult<Int> {
    if n.is_negative() {
        return Err(NumError::value("negative shift count"));
    }
    if a.is_zero() {
        return Ok(Int::ZERO);
    }
    let count = match n.as_i64() {
        // Results beyond ~2**63 bits cannot be allocated; CPython says the same.
        Some(c) if c < (1i64 << 40) => c as u64,
        _ => return Err(NumError::overflow("too many digits in integer")),
    };
    if let Int::Small(x) = a {
        if count < 64 {
            let shifted = (*x as i128) << count;
            if let Ok(r) = i64::try_from(shifted) {
                return Ok(Int::Small(r));
            }
        }
    }
    Ok(Int::from_bigint(big(a).as_ref() << count))
}

/// `a >> n` (arithmetic: rounds toward negative infinity).
pub fn rshift(a: &Int, n: &Int) -> NumResult<Int> {
    if n.is_negative() {
        return Err(NumError::value("negative shift count"));
    }
    let count = match n.as_i64() {
        Some(c) => c as u64,
        None => u64::MAX,
    };
    match a {
        Int::Small(x) => Ok(Int::Small(if count >= 64 { x >> 63 } else { x >> count })),
        Int::Big(b) => {
            if count >= b.bits() {
                return Ok(Int::Small(if b.sign() == Sign::Minus { -1 } else { 0 }));
            }
            // BigInt's >> on negatives rounds toward negative infinity, like Python.
            Ok(Int::from_bigint(b >> count))
        }
    }
}

/// `a & b` (two's complement semantics for negatives).
pub fn and(a: &Int, b: &Int) -> Int {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => Int::Small(x & y),
        _ => Int::from_bigint(big(a).as_ref() & big(b).as_ref()),
    }
}

/// `a | b` (two's complement semantics for negatives).
pub fn or(a: &Int, b: &Int) -> Int {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => Int::Small(x | y),
        _ => Int::from_bigint(big(a).as_ref() | big(b).as_ref()),
    }
}

/// `a ^ b` (two's complement semantics for negatives).
pub fn xor(a: &Int, b: &Int) -> Int {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => Int::Small(x ^ y),
        _ => Int::from_bigint(big(a).as_ref() ^ big(b).as_ref()),
    }
}

/// `a.bit_length()`: bits in `abs(a)`, 0 for 0.
pub fn bit_length(a: &Int) -> u64 {
    match a {
        Int::Small(i) => u64::from(64 - i.unsigned_abs().leading_zeros()),
        Int::Big(b) => b.bits(),
    }
}

/// `a.bit_count()`: the number of ones in `abs(a)`.
pub fn bit_count(a: &Int) -> u64 {
    match a {
        Int::Small(i) => u64::from(i.unsigned_abs().count_ones()),
        Int::Big(b) => b.magnitude().count_ones(),
    }
}

// ------------------------------------------------------------ gcd

/// `math.gcd(a, b)`: always non-negative.
pub fn gcd(a: &Int, b: &Int) -> Int {
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        let g = x.unsigned_abs().gcd(&y.unsigned_abs());
        return Int::from(g);
    }
    Int::from_bigint(big(a).gcd(&big(b)))
}

// ------------------------------------------------------------ hashing

/// The modulus of Python's numeric hash: 2**61 - 1.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// `hash(a)` exactly as CPython 3.11 on 64-bit: `abs(a) mod (2**61 - 1)`
/// with the sign of `a`, except that -1 becomes -2.
pub fn hash_int(a: &Int) -> i64 {
    let (negative, magnitude) = match a {
        Int::Small(i) => (*i < 0, i.unsigned_abs() % HASH_MODULUS),
        Int::Big(b) => {
            let r = (b.magnitude() % HASH_MODULUS).to_u64().unwrap_or(0);
            (b.sign() == Sign::Minus, r)
        }
    };
    let h = if negative {
        -(magnitude as i64)
    } else {
        magnitude as i64
    };
    if h == -1 {
        -2
    } else {
        h
    }
}
