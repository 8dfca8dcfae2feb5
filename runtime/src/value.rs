//! One-word values: NaN-boxing with unboxed floats and 48-bit inline ints.
//!
//! A `Value` is 64 bits. Every bit pattern below `0xFFF9 << 48` is an IEEE
//! double (NaNs are canonicalised on the way in so none reaches the tag space).
//! The top 16 bits `0xFFF9..=0xFFFD` tag the other kinds and the low 48 bits
//! hold the payload:
//!
//! | top 16 bits | kind  | payload                                  |
//! |-------------|-------|------------------------------------------|
//! | `< 0xFFF9`  | float | the double itself                        |
//! | `0xFFF9`    | int   | a signed 48-bit integer (two's complement)|
//! | `0xFFFA`    | bool  | 0 or 1                                   |
//! | `0xFFFB`    | None  | 0                                        |
//! | `0xFFFC`    | object| a pointer to a heap object header        |
//! | `0xFFFD`    | empty | 0: an unbound local / absent marker      |
//!
//! A type check is `v >> 48 == TAG` (shift, compare) or, for floats,
//! `v < FLOAT_LIMIT` (one compare): two instructions for the JIT backend.
//! Ints outside 48 bits live on the heap as big ints; every arithmetic fast
//! path checks that its result still fits.

use std::fmt;

/// Number of payload bits.
pub const PAYLOAD_BITS: u32 = 48;
/// Mask of the payload bits.
pub const PAYLOAD_MASK: u64 = (1 << PAYLOAD_BITS) - 1;
/// Tag (top 16 bits) of an inline int.
pub const TAG_INT: u64 = 0xFFF9;
/// Tag of a bool.
pub const TAG_BOOL: u64 = 0xFFFA;
/// Tag of None.
pub const TAG_NONE: u64 = 0xFFFB;
/// Tag of a heap object pointer.
pub const TAG_PTR: u64 = 0xFFFC;
/// Tag of the empty marker.
pub const TAG_EMPTY: u64 = 0xFFFD;
/// Every value below this bit pattern is a float.
pub const FLOAT_LIMIT: u64 = TAG_INT << PAYLOAD_BITS;
/// Smallest inline int.
pub const INT_MIN: i64 = -(1 << (PAYLOAD_BITS - 1));
/// Largest inline int.
pub const INT_MAX: i64 = (1 << (PAYLOAD_BITS - 1)) - 1;
/// The canonical quiet NaN every NaN is stored as.
const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

/// A Tern value in one machine word. `Copy`: heap objects are owned by the GC.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(u64);

impl Value {
    /// `None`.
    pub const NONE: Value = Value(TAG_NONE << PAYLOAD_BITS);
    /// `True`.
    pub const TRUE: Value = Value((TAG_BOOL << PAYLOAD_BITS) | 1);
    /// `False`.
    pub const FALSE: Value = Value(TAG_BOOL << PAYLOAD_BITS);
    /// The empty marker: an unbound local, a missing optional, `NULL` in a call.
    pub const EMPTY: Value = Value(TAG_EMPTY << PAYLOAD_BITS);

    // ------------------------------------------------------------ raw bits

    /// The raw bit pattern (for the JIT and hashing of identities).
    #[inline(always)]
    pub const fn to_bits(self) -> u64 {
        self.0
    }

    /// Rebuilds a value from `to_bits`. The caller must pass bits that came from
    /// a valid `Value` (the GC relies on object pointers being real).
    #[inline(always)]
    pub const fn from_bits(bits: u64) -> Value {
        Value(bits)
    }

    #[inline(always)]
    const fn tag(self) -> u64 {
        self.0 >> PAYLOAD_BITS
    }

    // ------------------------------------------------------------ floats

    /// A float value (NaNs canonicalised).
    #[inline(always)]
    pub fn from_float(f: f64) -> Value {
        if f.is_nan() {
            Value(CANONICAL_NAN)
        } else {
            Value(f.to_bits())
        }
    }

    /// Is this a float?
    #[inline(always)]
    pub const fn is_float(self) -> bool {
        self.0 < FLOAT_LIMIT
    }

    /// The float payload. Only meaningful if `is_float()`.
    #[inline(always)]
    pub fn as_float(self) -> f64 {
        debug_assert!(self.is_float());
        f64::from_bits(self.0)
    }

    // ------------------------------------------------------------ ints

    /// An inline int, or `None` if `i` does not fit in 48 bits.
    #[inline(always)]
    pub const fn from_i64(i: i64) -> Option<Value> {
        if i >= INT_MIN && i <= INT_MAX {
            Some(Value((TAG_INT << PAYLOAD_BITS) | (i as u64 & PAYLOAD_MASK)))
        } else {
            None
        }
    }

    /// An inline int from a value known to fit (small constants, lengths).
    /// Panics in debug builds if it does not fit.
    #[inline(always)]
    pub const fn int(i: i64) -> Value {
        debug_assert!(i >= INT_MIN && i <= INT_MAX);
        Value((TAG_INT << PAYLOAD_BITS) | (i as u64 & PAYLOAD_MASK))
    }

    /// Is this an inline int? (Big ints are heap objects and answer false.)
    #[inline(always)]
    pub const fn is_int(self) -> bool {
        self.tag() == TAG_INT
    }

    /// The inline int payload, sign-extended. Only meaningful if `is_int()`.
    #[inline(always)]
    pub const fn as_int(self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }

    // ------------------------------------------------------------ bool, None, empty

    /// A bool value.
    #[inline(always)]
    pub const fn from_bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    /// Is this `True` or `False`?
    #[inline(always)]
    pub const fn is_bool(self) -> bool {
        self.tag() == TAG_BOOL
    }

    /// The bool payload. Only meaningful if `is_bool()`.
    #[inline(always)]
    pub const fn as_bool(self) -> bool {
        self.0 & 1 == 1
    }

    /// Is this `None`?
    #[inline(always)]
    pub const fn is_none(self) -> bool {
        self.0 == Value::NONE.0
    }

    /// Is this the empty marker?
    #[inline(always)]
    pub const fn is_empty(self) -> bool {
        self.0 == Value::EMPTY.0
    }

    // ------------------------------------------------------------ heap pointers

    /// A value pointing at a heap object header.
    #[inline(always)]
    pub fn from_ptr<T>(p: *const T) -> Value {
        let bits = p as u64;
        debug_assert!(bits & !PAYLOAD_MASK == 0, "pointer outside 48 bits");
        Value((TAG_PTR << PAYLOAD_BITS) | bits)
    }

    /// Is this a heap object?
    #[inline(always)]
    pub const fn is_ptr(self) -> bool {
        self.tag() == TAG_PTR
    }

    /// The heap pointer. Only meaningful if `is_ptr()`.
    #[inline(always)]
    pub fn as_ptr<T>(self) -> *mut T {
        debug_assert!(self.is_ptr());
        (self.0 & PAYLOAD_MASK) as *mut T
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_float() {
            write!(f, "Float({})", self.as_float())
        } else if self.is_int() {
            write!(f, "Int({})", self.as_int())
        } else if self.is_bool() {
            write!(f, "Bool({})", self.as_bool())
        } else if self.is_none() {
            write!(f, "None")
        } else if self.is_empty() {
            write!(f, "Empty")
        } else {
            write!(f, "Ptr({:#x})", self.0 & PAYLOAD_MASK)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_round_trip_at_the_edges() {
        for i in [0, 1, -1, 42, INT_MAX, INT_MIN, INT_MAX - 1, INT_MIN + 1] {
            let v = Value::from_i64(i).unwrap();
            assert!(v.is_int() && !v.is_float() && !v.is_ptr());
            assert_eq!(v.as_int(), i);
        }
        assert!(Value::from_i64(INT_MAX + 1).is_none());
        assert!(Value::from_i64(INT_MIN - 1).is_none());
    }

    #[test]
    fn floats_round_trip_and_nans_stay_floats() {
        for f in [
            0.0,
            -0.0,
            1.5,
            -1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
        ] {
            let v = Value::from_float(f);
            assert!(v.is_float() && !v.is_int());
            assert_eq!(v.as_float().to_bits(), f.to_bits());
        }
        let neg_nan = f64::from_bits(0xFFFF_0000_0000_0001);
        assert!(Value::from_float(neg_nan).is_float());
        assert!(Value::from_float(neg_nan).as_float().is_nan());
    }

    #[test]
    fn singletons_are_distinct() {
        let all = [
            Value::NONE,
            Value::TRUE,
            Value::FALSE,
            Value::EMPTY,
            Value::int(0),
            Value::from_float(0.0),
        ];
        for (i, a) in all.iter().enumerate() {
            for (j, b) in all.iter().enumerate() {
                assert_eq!(i == j, a == b, "{a:?} vs {b:?}");
            }
        }
        assert!(Value::TRUE.as_bool() && !Value::FALSE.as_bool());
        assert!(Value::NONE.is_none() && Value::EMPTY.is_empty());
    }

    #[test]
    fn pointers_round_trip() {
        let b = Box::new(7u64);
        let p: *const u64 = &*b;
        let v = Value::from_ptr(p);
        assert!(v.is_ptr() && !v.is_float());
        assert_eq!(v.as_ptr::<u64>() as *const u64, p);
    }
}
