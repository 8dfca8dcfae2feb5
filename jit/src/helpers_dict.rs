//! Dict and set lookups of str and inline-int keys for the JIT's frameless
//! helpers: one lean probe loop per key kind, a str compared a word at a time.
//!
//! The same decisions as `runtime::dict_type::find_plain_entry` (a stored
//! key that is neither an inline int nor a str makes the lookup undecided,
//! for the full protocol), kept out of the runtime crate: a change there
//! moves the interpreter's dispatch codegen.

use super::{raise_key_error, v, JitCtx};
use runtime::dict_table::{DictTable, PERTURB_SHIFT, SLOT_DUMMY, SLOT_EMPTY};
use runtime::dict_type::{found_at, found_index, plain_key_hash, Found, FOUND_UNDECIDED};
use runtime::object::{downcast, DictObj, Header, ObjKind, SetObj, StrObj};
use runtime::set_table::{SetTable, LINEAR_PROBES};
use runtime::Value;

/// Where a lookup found a key: `Some(Some(entry))`, `Some(None)` if absent,
/// None when only the full protocol can decide. Carries the key's hash, for
/// inserting it.
type Probed = Option<(i64, Option<usize>)>;

/// Is `v` a str object?
#[inline(always)]
fn is_str(v: Value) -> bool {
    // SAFETY: a pointer value points at a live object's header.
    v.is_ptr() && unsafe { (*v.as_ptr::<Header>()).kind } == ObjKind::Str
}

/// The first word of a str's text, which must not be empty.
#[inline(always)]
fn first_word(s: &StrObj) -> u64 {
    // SAFETY: a str's block holds its text padded with zeros to a whole
    // word (`Heap::str_block`), so a text of at least one byte has its
    // first word inside the block.
    unsafe { (s.value.as_ptr() as *const u64).read_unaligned() }
}

/// Do two strs of equal length `len` hold the same text?
#[inline(always)]
fn same_text(a: &StrObj, b: &StrObj, len: usize) -> bool {
    if len.wrapping_sub(1) < 8 {
        // Both padded with zeros past `len`: one word each says it all.
        return first_word(a) == first_word(b);
    }
    a.value.as_bytes() == b.value.as_bytes()
}

/// Probes `table` for `key` with `hash`; `eq(stored)` decides a stored key
/// with an equal hash and other bits (None: undecided).
#[inline(always)]
fn probe(
    table: &DictTable,
    hash: i64,
    key: Value,
    mut eq: impl FnMut(Value) -> Option<bool>,
) -> Probed {
    let (indices, entries) = table.raw_parts();
    // An empty table has no index array: the mask wraps to all ones and the
    // first `get` ends the probe.
    let mask = indices.len().wrapping_sub(1);
    let mut perturb = hash as u64;
    let mut slot = hash as usize & mask;
    loop {
        let Some(&ix) = indices.get(slot) else {
            return Some((hash, None));
        };
        if ix < SLOT_DUMMY {
            let e = entries.get(ix as usize)?;
            if e.key == key || (e.hash == hash && eq(e.key)?) {
                return Some((hash, Some(ix as usize)));
            }
        } else if ix == SLOT_EMPTY {
            return Some((hash, None));
        }
        perturb >>= PERTURB_SHIFT;
        slot = slot
            .wrapping_mul(5)
            .wrapping_add(perturb as usize)
            .wrapping_add(1)
            & mask;
    }
}

/// The hash of str `s` (the value `key`), cached in it.
#[inline(always)]
fn str_hash(s: &StrObj, key: Value) -> i64 {
    let hash = s.hash.get();
    if hash != -1 {
        return hash;
    }
    runtime::runtime::str_hash_of(key)
}

/// How str `s` compares with a stored key of an equal hash and other bits:
/// another str by text, an inline int is unequal, anything else undecided.
#[inline(always)]
fn str_eq(s: &StrObj) -> impl FnMut(Value) -> Option<bool> + '_ {
    let len = s.value.len();
    move |stored: Value| {
        if !stored.is_ptr() {
            // An inline int is unequal; a float or bool is undecided.
            return stored.is_int().then_some(false);
        }
        // SAFETY: a pointer value points at a live object's header.
        if unsafe { (*stored.as_ptr::<Header>()).kind } != ObjKind::Str {
            return None;
        }
        // SAFETY: its kind was just read.
        let other = unsafe { runtime::object::cast::<StrObj>(stored) };
        Some(other.value.len() == len && same_text(other, s, len))
    }
}

/// How an inline int compares with a stored key of an equal hash and other
/// bits: another inline int (another value) or a str is unequal.
#[inline(always)]
fn int_eq(stored: Value) -> Option<bool> {
    (stored.is_int() || is_str(stored)).then_some(false)
}

/// An inline int's hash (Python's `hash(-1)` is -2).
#[inline(always)]
fn int_hash(key: Value) -> i64 {
    let i = key.as_int();
    if i == -1 {
        -2
    } else {
        i
    }
}

/// Where plain key `key` is in `table` (see [`Probed`]); None for a key
/// that is neither an inline int nor a str.
#[inline(always)]
fn find(table: &DictTable, key: Value) -> Probed {
    if key.is_int() {
        return probe(table, int_hash(key), key, int_eq);
    }
    if !is_str(key) {
        return None;
    }
    // SAFETY: its kind was just read.
    let s = unsafe { runtime::object::cast::<StrObj>(key) };
    probe(table, str_hash(s, key), key, str_eq(s))
}

/// `probe` of a set table (`SetTable::probe_step`'s order): the slot of
/// `key` with `hash` (in place of an entry), by `eq` as in `probe`.
#[inline(always)]
fn set_probe(
    table: &SetTable,
    hash: i64,
    key: Value,
    mut eq: impl FnMut(Value) -> Option<bool>,
) -> Probed {
    let slots = table.raw_slots();
    let mask = slots.len() - 1;
    let mut perturb = hash as u64;
    let mut base = hash as usize & mask;
    loop {
        // A run that would wrap past the end is a single slot, like CPython.
        let run_len = if base + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        for (k, slot) in slots.get(base..=base + run_len)?.iter().enumerate() {
            if slot.key.is_empty() {
                if slot.hash == 0 {
                    return Some((hash, None));
                }
                continue;
            }
            if slot.hash == hash && (slot.key == key || eq(slot.key)?) {
                return Some((hash, Some(base + k)));
            }
        }
        perturb >>= PERTURB_SHIFT;
        base = base
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize)
            & mask;
    }
}

/// `set.add(key)` for a plain key without running Python code (see
/// `runtime::set_type::add_plain`): false (the set unchanged) when only the
/// full protocol can decide or `set` is not a mutable set.
#[inline(always)]
pub(super) fn set_add_plain(set: Value, key: Value) -> bool {
    let s = match downcast::<SetObj>(set) {
        Some(s) if !s.frozen => s,
        _ => return false,
    };
    let probed = if key.is_int() {
        set_probe(&s.table, int_hash(key), key, int_eq)
    } else if is_str(key) {
        // SAFETY: its kind was just read.
        let text = unsafe { runtime::object::cast::<StrObj>(key) };
        set_probe(&s.table, str_hash(text, key), key, str_eq(text))
    } else {
        None
    };
    match probed {
        Some((_, Some(_))) => true,
        Some((h, None)) => {
            s.table.insert_new(h, key);
            true
        }
        None => false,
    }
}

/// `dict[key]` for a plain key: `Some(found)`, None when undecided or
/// `dict` is not a dict.
#[inline(always)]
fn lookup(dict: Value, key: Value) -> Option<Option<Value>> {
    let d = downcast::<DictObj>(dict)?;
    let (_, found) = find(&d.table, key)?;
    Some(found.map(|i| d.table.value_at(i)))
}

/// `Helper::DictGetItem` (frameless): EMPTY when undecided.
pub(super) extern "sysv64" fn h_dict_getitem(
    ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    _c: u64,
    _d: u64,
) -> u64 {
    match lookup(v(a), v(b)) {
        Some(Some(found)) => found.to_bits(),
        Some(None) => raise_key_error(ctxp, v(b)),
        None => Value::EMPTY.to_bits(),
    }
}

/// `Helper::DictGet` (frameless): `d.get(key, default)`.
pub(super) extern "sysv64" fn h_dict_get(
    _ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    c: u64,
    _d: u64,
) -> u64 {
    match lookup(v(a), v(b)) {
        Some(found) => found.unwrap_or(v(c)).to_bits(),
        None => Value::EMPTY.to_bits(),
    }
}

/// `Helper::DictContains` (frameless).
pub(super) extern "sysv64" fn h_dict_contains(
    _ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    _c: u64,
    _d: u64,
) -> u64 {
    match lookup(v(a), v(b)) {
        Some(found) => Value::from_bool(found.is_some()).to_bits(),
        None => Value::EMPTY.to_bits(),
    }
}

/// `Helper::DictSetItem` (frameless): 1 if stored, 0 when undecided (the
/// dict unchanged).
pub(super) extern "sysv64" fn h_dict_setitem(
    _ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    c: u64,
    _d: u64,
) -> u64 {
    let Some(d) = downcast::<DictObj>(v(a)) else {
        return 0;
    };
    match find(&d.table, v(b)) {
        Some((_, Some(i))) => d.table.set_value_at(i, v(c)).is_some() as u64,
        Some((h, None)) => {
            d.table.insert_new(h, v(b), v(c));
            1
        }
        None => 0,
    }
}

/// `Helper::DictFind` (frameless): where a plain key is, as a [`Found`].
pub(super) extern "sysv64" fn h_dict_find(
    _ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    _c: u64,
    _d: u64,
) -> u64 {
    let Some(d) = downcast::<DictObj>(v(a)) else {
        return FOUND_UNDECIDED as u64;
    };
    let found: Found = found_at(&d.table, find(&d.table, v(b)).map(|(_, i)| i));
    found as u64
}

// ---- the second half of a pair (`h_dict_find`, then one of these)

/// `dict[key]` for a key `h_dict_find` found at `found` (see
/// `runtime::dict_type::lookup_found`): `Some(found)`, None when undecided.
/// While the table's version is unchanged the entry is still live.
#[inline(always)]
fn lookup_found(dict: Value, found: Found, key: Value) -> Option<Option<Value>> {
    let d = downcast::<DictObj>(dict)?;
    match found_index(&d.table, found) {
        Some(Some(i)) => d.table.entry_at(i).map(|e| Some(e.value)),
        Some(None) => Some(None),
        None if found == FOUND_UNDECIDED => None,
        None => lookup_again(dict, key),
    }
}

/// `lookup` out of line, for a found pair whose dict changed in between
/// (rare: out of line, the pair's common path keeps few registers).
#[cold]
#[inline(never)]
fn lookup_again(dict: Value, key: Value) -> Option<Option<Value>> {
    lookup(dict, key)
}

/// `find` out of line (see `lookup_again`).
#[cold]
#[inline(never)]
fn find_again(table: &DictTable, key: Value) -> Probed {
    find(table, key)
}

/// `Helper::DictGetFound` (frameless).
pub(super) extern "sysv64" fn h_dict_get_found(
    _ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    c: u64,
    d: u64,
) -> u64 {
    match lookup_found(v(a), b as i64, v(c)) {
        Some(found) => found.unwrap_or(v(d)).to_bits(),
        None => Value::EMPTY.to_bits(),
    }
}

/// `Helper::DictGetItemFound` (frameless).
pub(super) extern "sysv64" fn h_dict_getitem_found(
    ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    c: u64,
    _d: u64,
) -> u64 {
    match lookup_found(v(a), b as i64, v(c)) {
        Some(Some(found)) => found.to_bits(),
        Some(None) => raise_key_error(ctxp, v(c)),
        None => Value::EMPTY.to_bits(),
    }
}

/// `Helper::DictContainsFound` (frameless).
pub(super) extern "sysv64" fn h_dict_contains_found(
    _ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    c: u64,
    _d: u64,
) -> u64 {
    match lookup_found(v(a), b as i64, v(c)) {
        Some(found) => Value::from_bool(found.is_some()).to_bits(),
        None => Value::EMPTY.to_bits(),
    }
}

/// `Helper::DictSetItemFound` (frameless): `dict[key] = value` for a key
/// `h_dict_find` found at `found` (see `runtime::dict_type::store_found`);
/// 0 (the dict unchanged) when undecided.
pub(super) extern "sysv64" fn h_dict_setitem_found(
    _ctxp: *mut JitCtx,
    a: u64,
    b: u64,
    c: u64,
    d: u64,
) -> u64 {
    let Some(dict) = downcast::<DictObj>(v(a)) else {
        return 0;
    };
    let (key, value) = (v(c), v(d));
    let t = &mut dict.table;
    let found = b as i64;
    let entry = match found_index(t, found) {
        Some(entry) => entry,
        None if found == FOUND_UNDECIDED => return 0,
        // The dict changed since: look again.
        None => match find_again(t, key) {
            Some((_, entry)) => entry,
            None => return 0,
        },
    };
    match entry {
        Some(i) => t.set_value_at(i, value).is_some() as u64,
        None => match plain_key_hash(key) {
            Some(h) => {
                t.insert_new(h, key, value);
                1
            }
            None => 0,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use runtime::Runtime;

    /// The lean lookups agree with the runtime's on str, int and other keys,
    /// colliding hashes and texts of every length class.
    #[test]
    fn lookups_agree_with_the_runtime() {
        let mut rt = Runtime::new();
        let d = rt.new_dict();
        let texts = [
            "",
            "a",
            "ka",
            "1234567",
            "12345678",
            "123456789",
            "abcdefghijklmnopq",
            "é",
        ];
        let mut keys: Vec<Value> = texts.iter().map(|t| rt.new_str(t)).collect();
        keys.extend([-1, 0, 1, 7, 1 << 40].map(Value::int));
        for (n, &k) in keys.iter().enumerate() {
            assert!(runtime::dict_type::store_plain(d, k, Value::int(n as i64)));
        }
        // Equal texts in other objects, absent texts and ints, and a float.
        let mut probes: Vec<Value> = texts.iter().map(|t| rt.new_str(t)).collect();
        probes.extend(["12345679", "b", "1234567x9"].map(|t| rt.new_str(t)));
        probes.extend([-2, 8, 2].map(Value::int));
        probes.push(Value::from_float(1.0));
        for &k in keys.iter().chain(&probes) {
            assert_eq!(
                lookup(d, k),
                runtime::dict_type::lookup_plain(d, k),
                "key {k:?}"
            );
        }
        // A float key stored with an int's hash makes that int undecided.
        let t = &mut downcast::<DictObj>(d).unwrap().table;
        t.insert_new(2, Value::from_float(2.0), Value::NONE);
        assert_eq!(lookup(d, Value::int(2)), None);
        assert_eq!(lookup(d, Value::int(0)), Some(Some(Value::int(9))));
    }

    /// `set_add_plain` builds the same table as the runtime's `add_plain`
    /// (slot order shows in iteration), and defers on a float.
    #[test]
    fn set_adds_agree_with_the_runtime() {
        let mut rt = Runtime::new();
        let (ours, theirs) = (rt.new_set(false), rt.new_set(false));
        let mut keys: Vec<Value> = Vec::new();
        for i in 0..300usize {
            keys.push(Value::int((i as i64 * 37) % 101 - 50));
            let t = ["", "a", "ka", "kalo", "kalomine", "kalominer", "é"][i % 7];
            keys.push(rt.new_str(&format!("{t}{}", i % 13)));
        }
        for &k in &keys {
            assert_eq!(
                set_add_plain(ours, k),
                runtime::set_type::add_plain(theirs, k)
            );
        }
        let items = |s: Value| -> Vec<String> {
            downcast::<SetObj>(s)
                .unwrap()
                .table
                .keys()
                .map(|k| format!("{k:?}/{}", runtime::runtime::str_of(k)))
                .collect()
        };
        assert_eq!(items(ours), items(theirs));
        let t = &mut downcast::<SetObj>(ours).unwrap().table;
        t.insert_new(1000, Value::from_float(1000.5));
        assert!(!set_add_plain(ours, Value::int(1000)));
    }

    /// A found pair reads and writes the entry found; after the dict
    /// changed it looks again instead of using a stale entry.
    #[test]
    fn found_pairs_follow_the_table_version() {
        let mut rt = Runtime::new();
        let d = rt.new_dict();
        let ctx = std::ptr::null_mut();
        let (a1, a2, b) = (rt.new_str("a"), rt.new_str("a"), rt.new_str("b"));
        let bits = |x: Value| x.to_bits();
        assert_eq!(
            h_dict_setitem(ctx, bits(d), bits(a1), bits(Value::int(1)), 0),
            1
        );
        let found = h_dict_find(ctx, bits(d), bits(a2), 0, 0);
        assert_eq!(
            h_dict_get_found(ctx, bits(d), found, bits(a2), 0),
            bits(Value::int(1))
        );
        assert_eq!(
            h_dict_setitem_found(ctx, bits(d), found, bits(a2), bits(Value::int(2))),
            1
        );
        let absent = h_dict_find(ctx, bits(d), bits(b), 0, 0);
        assert_eq!(absent as u32, runtime::dict_type::FOUND_ABSENT);
        let none = bits(Value::NONE);
        assert_eq!(h_dict_get_found(ctx, bits(d), absent, bits(b), none), none);
        assert_eq!(
            h_dict_setitem_found(ctx, bits(d), absent, bits(b), bits(Value::int(3))),
            1
        );
        // `b` is in now: the stale `absent` looks again, not inserting twice.
        assert_eq!(
            h_dict_setitem_found(ctx, bits(d), absent, bits(b), bits(Value::int(4))),
            1
        );
        assert_eq!(downcast::<DictObj>(d).map(|d| d.table.len()), Some(2));
        assert_eq!(
            h_dict_contains_found(ctx, bits(d), absent, bits(b), 0),
            bits(Value::TRUE)
        );
        assert_eq!(lookup(d, a1), Some(Some(Value::int(2))));
        assert_eq!(lookup(d, b), Some(Some(Value::int(4))));
        let undecided = FOUND_UNDECIDED as u64;
        assert_eq!(
            h_dict_get_found(ctx, bits(d), undecided, bits(b), 0),
            Value::EMPTY.to_bits()
        );
        assert_eq!(h_dict_setitem_found(ctx, bits(d), undecided, bits(b), 0), 0);
    }
}
