//! The insertion-ordered hash table behind Python's `dict`: CPython's compact
//! layout (a dense entry array in insertion order plus a sparse index array
//! probed with CPython's perturbation scheme), keyed by caller-computed hashes.
//!
//! The table never hashes a key or calls `__eq__` itself: hashes come from the
//! caller, and equality of two distinct keys with the same hash is decided by
//! a callback that may fail (a user `__eq__` raising). Probe order, resize
//! points and `popitem` follow CPython 3.11, so the sequence of `__eq__` calls
//! a program can observe, and iteration after mutation, match CPython.
//!
//! Two lookup styles exist:
//! - `find`/`get`/`insert`/`remove` take an `eq` closure. The table stays
//!   borrowed while `eq` runs, so `eq` must not reach this table (safe Rust
//!   guarantees that; code holding a raw pointer to the owning object must not
//!   use them when `eq` may run user code).
//! - `probe`/`probe_step` is re-entrant: the caller runs `eq` between steps with
//!   no borrow of the table held, so a user `__eq__` may mutate the dict. The
//!   caller then detects mutation (see `probe_step`) and restarts, as CPython does.
//!   Every lookup that may run user code uses these (`crate::reentrant_lookup`).

use crate::value::Value;
use std::convert::Infallible;

/// Index-array slot that has never held an entry: ends a probe chain.
pub const SLOT_EMPTY: u32 = u32::MAX;
/// Index-array slot whose entry was deleted: probing continues past it.
pub const SLOT_DUMMY: u32 = u32::MAX - 1;
/// Smallest index array allocated (CPython's `PyDict_MINSIZE`).
const MIN_SIZE: usize = 8;
/// CPython's `PERTURB_SHIFT`.
pub const PERTURB_SHIFT: u32 = 5;

/// Entries an index array of `size` slots may hold (load factor 2/3).
#[inline]
fn usable_fraction(size: usize) -> usize {
    (size << 1) / 3
}

/// Smallest power of two >= `min_size`, at least `MIN_SIZE`
/// (CPython's `calculate_log2_keysize`, as a size).
#[inline]
fn index_size_for(min_size: usize) -> usize {
    min_size.max(MIN_SIZE).next_power_of_two()
}

/// One slot of the dense entry array. A deleted entry (tombstone) has
/// `key == Value::EMPTY` and `value == Value::EMPTY` so it keeps nothing alive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The hash the caller gave when the key was inserted.
    pub hash: i64,
    /// The key as first inserted (overwrites keep it, like CPython).
    pub key: Value,
    /// The current value.
    pub value: Value,
}

impl Entry {
    /// Is this a deleted entry?
    #[inline(always)]
    fn is_tombstone(&self) -> bool {
        self.key.is_empty()
    }
}

/// State of a re-entrant lookup: where the probe sequence is.
#[derive(Clone, Copy, Debug)]
pub struct Probe {
    hash: i64,
    key: Value,
    slot: usize,
    perturb: u64,
}

impl Probe {
    /// The hash being looked up.
    pub fn hash(&self) -> i64 {
        self.hash
    }

    /// The key being looked up.
    pub fn key(&self) -> Value {
        self.key
    }
}

/// What one `probe_step` found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProbeStep {
    /// The key is stored, bit-identical, at this entry index.
    Found(usize),
    /// The key is not in the table.
    Missing,
    /// The entry at `entry` has an equal hash and key `stored_key`, which is
    /// not bit-identical to the key: the caller must decide `stored_key == key`.
    Compare {
        /// Entry index of the candidate.
        entry: usize,
        /// The candidate's key (first argument of `__eq__`, like CPython).
        stored_key: Value,
    },
}

/// An insertion-ordered hash table from `Value` keys to `Value` values.
#[derive(Clone, Debug)]
pub struct DictTable {
    /// Sparse index array (power-of-two length, or empty before the first
    /// insert): each slot is `SLOT_EMPTY`, `SLOT_DUMMY` or an entry index.
    indices: Box<[u32]>,
    /// Dense entries in insertion order, tombstones included until a resize.
    entries: Vec<Entry>,
    /// Live (non-tombstone) entries.
    used: usize,
    /// Entries that may still be appended before the index array must grow.
    /// Not given back by `pop_last`, so non-empty slots never exceed 2/3.
    usable_left: usize,
    /// Bumped whenever a key is added or removed.
    version: u64,
}

impl Default for DictTable {
    fn default() -> Self {
        Self::new()
    }
}

impl DictTable {
    /// An empty table. Allocates nothing until the first insert.
    pub fn new() -> Self {
        DictTable {
            indices: Box::new([]),
            entries: Vec::new(),
            used: 0,
            usable_left: 0,
            version: 0,
        }
    }

    /// An empty table that holds `n` entries without resizing
    /// (sized like CPython's presized dicts).
    pub fn with_capacity(n: usize) -> Self {
        if n == 0 {
            return Self::new();
        }
        let size = index_size_for((n * 3).div_ceil(2));
        let mut table = Self::new();
        table.allocate(size);
        table
    }

    /// Number of keys.
    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    /// No keys?
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Bumped on every insert of a new key, every removal and `clear`; not on
    /// overwriting a value. Iterators compare it to detect mutation.
    #[inline]
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Identifies the current index array: it changes when the arrays are
    /// replaced (a resize, or `clear` of a table that had storage), not on
    /// inserts that fit nor on removals. With the candidate entry's key, it
    /// tells a lookup whether a user `__eq__` changed the table under it (see
    /// `probe_step`), like CPython's `dk == mp->ma_keys`. A new array may
    /// reuse a freed one's address (as in CPython); a probe that then goes on
    /// is still in bounds, as `probe_step` masks and checks every index.
    #[inline]
    pub fn storage_id(&self) -> usize {
        self.indices.as_ptr() as usize
    }

    /// Length of the dense entry array, tombstones included: the bound for
    /// positions passed to `next_entry` and `entry_at`.
    #[inline]
    pub fn entries_len(&self) -> usize {
        self.entries.len()
    }

    /// The index array and the entries, for a lookup written elsewhere
    /// (the JIT's typed helpers): a probe walks the index array from
    /// `hash & (len - 1)` with the `PERTURB_SHIFT` recurrence of `find`;
    /// each slot is `SLOT_EMPTY`, `SLOT_DUMMY` or the position of a live
    /// entry. An empty table has no index array.
    #[inline]
    pub fn raw_parts(&self) -> (&[u32], &[Entry]) {
        (&self.indices, &self.entries)
    }

    // ------------------------------------------------------------ re-entrant lookup

    /// Starts a lookup of `key` with `hash`; advance it with `probe_step`.
    #[inline]
    pub fn probe(&self, hash: i64, key: Value) -> Probe {
        let mask = self.indices.len().wrapping_sub(1);
        Probe {
            hash,
            key,
            slot: (hash as u64 as usize) & mask,
            perturb: hash as u64,
        }
    }

    /// Advances `probe` to the next entry with the probed hash. On `Compare`,
    /// the caller decides equality with no borrow of the table held; if the
    /// eq call may have mutated the table, the caller checks that
    /// `entry_at(entry)` still has key `stored_key` and `storage_id()` is
    /// unchanged, and restarts with a fresh `probe` otherwise (CPython does the
    /// same). If unequal, call `probe_step` again with the same probe.
    #[inline]
    pub fn probe_step(&self, probe: &mut Probe) -> ProbeStep {
        let mask = self.indices.len().wrapping_sub(1);
        if self.indices.is_empty() {
            return ProbeStep::Missing;
        }
        loop {
            // Masking again keeps a stale probe in bounds after a resize.
            let slot = probe.slot & mask;
            let ix = self.indices[slot];
            // Advance first so the next call continues past this slot.
            probe.perturb >>= PERTURB_SHIFT;
            probe.slot = (slot.wrapping_mul(5))
                .wrapping_add(probe.perturb as usize)
                .wrapping_add(1)
                & mask;
            match ix {
                SLOT_EMPTY => return ProbeStep::Missing,
                SLOT_DUMMY => continue,
                ix => {
                    let entry = &self.entries[ix as usize];
                    if entry.key == probe.key {
                        return ProbeStep::Found(ix as usize);
                    }
                    if entry.hash == probe.hash {
                        return ProbeStep::Compare {
                            entry: ix as usize,
                            stored_key: entry.key,
                        };
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------ lookup with an eq callback

    /// Finds the entry index for `key` with `hash`. `eq(stored_key, key)` is
    /// only called for entries with an equal hash whose key is not
    /// bit-identical (identity implies equality, like CPython); its errors
    /// propagate. `eq` must not reach this table (see the module docs).
    ///
    /// The same probe sequence as `probe_step`, written as one loop without
    /// a `Probe` (this is the hot lookup of every dict operation).
    #[inline(always)]
    pub fn find<E, F>(&self, hash: i64, key: Value, eq: &mut F) -> Result<Option<usize>, E>
    where
        F: FnMut(Value, Value) -> Result<bool, E> + ?Sized,
    {
        let indices = &*self.indices;
        // An empty index array (no insert yet) wraps the mask to all ones;
        // `get` then finds nothing and the probe ends at once.
        let mask = indices.len().wrapping_sub(1);
        let mut perturb = hash as u64;
        let mut slot = (hash as u64 as usize) & mask;
        loop {
            let ix = match indices.get(slot) {
                Some(&ix) => ix,
                None => return Ok(None),
            };
            if ix < SLOT_DUMMY {
                let entry = &self.entries[ix as usize];
                if entry.key == key {
                    return Ok(Some(ix as usize));
                }
                if entry.hash == hash && eq(entry.key, key)? {
                    return Ok(Some(ix as usize));
                }
            } else if ix == SLOT_EMPTY {
                return Ok(None);
            }
            perturb >>= PERTURB_SHIFT;
            slot = (slot.wrapping_mul(5))
                .wrapping_add(perturb as usize)
                .wrapping_add(1)
                & mask;
        }
    }

    /// The value for `key`, if present (see `find` for `eq`).
    #[inline]
    pub fn get<E, F>(&self, hash: i64, key: Value, eq: &mut F) -> Result<Option<Value>, E>
    where
        F: FnMut(Value, Value) -> Result<bool, E> + ?Sized,
    {
        Ok(self.find(hash, key, eq)?.map(|i| self.entries[i].value))
    }

    /// Sets `key` to `value`. Returns the old value if the key was present;
    /// then the stored key and its position are kept, like CPython.
    #[inline]
    pub fn insert<E, F>(
        &mut self,
        hash: i64,
        key: Value,
        value: Value,
        eq: &mut F,
    ) -> Result<Option<Value>, E>
    where
        F: FnMut(Value, Value) -> Result<bool, E> + ?Sized,
    {
        match self.find(hash, key, eq)? {
            Some(i) => Ok(Some(std::mem::replace(&mut self.entries[i].value, value))),
            None => {
                self.insert_new(hash, key, value);
                Ok(None)
            }
        }
    }

    /// Removes `key`, returning the stored key and its value.
    pub fn remove<E, F>(
        &mut self,
        hash: i64,
        key: Value,
        eq: &mut F,
    ) -> Result<Option<(Value, Value)>, E>
    where
        F: FnMut(Value, Value) -> Result<bool, E> + ?Sized,
    {
        Ok(match self.find(hash, key, eq)? {
            Some(i) => self.remove_entry(i),
            None => None,
        })
    }

    // ------------------------------------------------------------ bit-equality fast paths

    /// `find` for lookups where keys are equal only if bit-identical (interned
    /// strings, small ints, identity-compared objects): no callback at all.
    #[inline]
    pub fn find_by_bits(&self, hash: i64, key: Value) -> Option<usize> {
        let found: Result<_, Infallible> = self.find(hash, key, &mut |_, _| Ok(false));
        match found {
            Ok(i) => i,
            Err(never) => match never {},
        }
    }

    /// `get` by bit equality (see `find_by_bits`).
    #[inline]
    pub fn get_by_bits(&self, hash: i64, key: Value) -> Option<Value> {
        self.find_by_bits(hash, key).map(|i| self.entries[i].value)
    }

    /// `insert` by bit equality (see `find_by_bits`).
    pub fn insert_by_bits(&mut self, hash: i64, key: Value, value: Value) -> Option<Value> {
        match self.find_by_bits(hash, key) {
            Some(i) => Some(std::mem::replace(&mut self.entries[i].value, value)),
            None => {
                self.insert_new(hash, key, value);
                None
            }
        }
    }

    /// `remove` by bit equality (see `find_by_bits`).
    pub fn remove_by_bits(&mut self, hash: i64, key: Value) -> Option<(Value, Value)> {
        self.find_by_bits(hash, key)
            .and_then(|i| self.remove_entry(i))
    }

    // ------------------------------------------------------------ entry-index operations

    /// Appends `key`, which the caller has just found absent (via `probe_step`
    /// or `find`), and returns its entry index. Grows the table if needed.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) -> usize {
        debug_assert!(!key.is_empty(), "the empty marker cannot be a dict key");
        if self.usable_left == 0 {
            self.grow();
        }
        let slot = self.find_free_slot(hash);
        let ix = self.entries.len();
        self.indices[slot] = ix as u32;
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
        self.usable_left -= 1;
        self.version += 1;
        ix
    }

    /// The live entry at position `i`, or `None` for a tombstone or a position
    /// past the end.
    #[inline]
    pub fn entry_at(&self, i: usize) -> Option<Entry> {
        self.entries.get(i).copied().filter(|e| !e.is_tombstone())
    }

    /// The value of live entry `i` (an index `find` returned).
    #[inline]
    pub fn value_at(&self, i: usize) -> Value {
        self.entries[i].value
    }

    /// The address of entry `i`'s value (`i` must be a live entry). It stays
    /// valid until an insert of a new key or a removal (which may move or
    /// compact the entries and bump `version`).
    #[inline]
    pub fn value_ptr(&self, i: usize) -> *const Value {
        &self.entries[i].value
    }

    /// Replaces the value of the live entry at `i`, returning the old value
    /// (`None`, and no change, for a tombstone or out-of-range position).
    #[inline]
    pub fn set_value_at(&mut self, i: usize, value: Value) -> Option<Value> {
        match self.entries.get_mut(i) {
            Some(e) if !e.is_tombstone() => Some(std::mem::replace(&mut e.value, value)),
            _ => None,
        }
    }

    /// Removes the live entry at position `i`, returning its key and value
    /// (`None` for a tombstone or out-of-range position).
    pub fn remove_entry(&mut self, i: usize) -> Option<(Value, Value)> {
        let entry = self.entry_at(i)?;
        let slot = self.slot_of_entry(entry.hash, i);
        self.indices[slot] = SLOT_DUMMY;
        self.entries[i] = Entry {
            hash: 0,
            key: Value::EMPTY,
            value: Value::EMPTY,
        };
        self.used -= 1;
        self.version += 1;
        Some((entry.key, entry.value))
    }

    /// Removes and returns the last-inserted entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        // Trailing tombstones already have dummy slots; drop them, like CPython.
        while self.entries.last().is_some_and(Entry::is_tombstone) {
            self.entries.pop();
        }
        let i = self.entries.len().checked_sub(1)?;
        let entry = self.entries[i];
        let slot = self.slot_of_entry(entry.hash, i);
        self.indices[slot] = SLOT_DUMMY;
        self.entries.pop();
        self.used -= 1;
        self.version += 1;
        Some((entry.key, entry.value))
    }

    /// Removes every entry and frees the storage (like CPython's `dict.clear`).
    pub fn clear(&mut self) {
        let version = self.version + 1;
        *self = Self::new();
        self.version = version;
    }

    // ------------------------------------------------------------ iteration

    /// The first live entry at position `pos` or later, with the position to
    /// resume from. Positions stay valid across value overwrites and removals;
    /// an insert of a new key may compact the entries, which `version` reveals.
    #[inline]
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Value, Value)> {
        let rest = self.entries.get(pos..)?;
        let offset = rest.iter().position(|e| !e.is_tombstone())?;
        let e = &rest[offset];
        Some((pos + offset + 1, e.key, e.value))
    }

    /// Live `(key, value)` pairs in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        self.entries
            .iter()
            .filter(|e| !e.is_tombstone())
            .map(|e| (e.key, e.value))
    }

    /// Live entries (with their hashes) in insertion order, for copying into
    /// another table without rehashing.
    pub fn entries(&self) -> impl Iterator<Item = Entry> + '_ {
        self.entries.iter().filter(|e| !e.is_tombstone()).copied()
    }

    /// Mutable references to the live values, in insertion order.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut Value> {
        self.entries
            .iter_mut()
            .filter(|e| !e.is_tombstone())
            .map(|e| &mut e.value)
    }

    // ------------------------------------------------------------ internals

    /// The first empty or dummy slot on `hash`'s probe chain (CPython's
    /// `find_empty_slot`). The table must have a free slot.
    #[inline]
    fn find_free_slot(&self, hash: i64) -> usize {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut slot = (hash as u64 as usize) & mask;
        while self.indices[slot] < SLOT_DUMMY {
            perturb >>= PERTURB_SHIFT;
            slot = (slot * 5 + perturb as usize + 1) & mask;
        }
        slot
    }

    /// The index slot pointing at live entry `entry` (CPython's `lookdict_index`).
    fn slot_of_entry(&self, hash: i64, entry: usize) -> usize {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut slot = (hash as u64 as usize) & mask;
        let target = entry as u32;
        loop {
            let ix = self.indices[slot];
            if ix == target {
                return slot;
            }
            // A live entry is always reachable from its hash before an empty slot.
            debug_assert!(ix != SLOT_EMPTY, "live entry missing from the index");
            perturb >>= PERTURB_SHIFT;
            slot = (slot * 5 + perturb as usize + 1) & mask;
        }
    }

    /// Makes room for at least one more entry: a new index array sized for
    /// three times the live entries (CPython's `GROWTH_RATE`), entries compacted.
    fn grow(&mut self) {
        self.resize(index_size_for(self.used * 3));
    }

    /// Rebuilds with an index array of `size` slots, dropping tombstones and
    /// keeping insertion order.
    fn resize(&mut self, size: usize) {
        let old_entries = std::mem::take(&mut self.entries);
        self.allocate(size);
        self.entries
            .extend(old_entries.into_iter().filter(|e| !e.is_tombstone()));
        for (ix, entry) in self.entries.iter().enumerate() {
            let slot = self.find_free_slot(entry.hash);
            self.indices[slot] = ix as u32;
        }
        self.used = self.entries.len();
        self.usable_left = usable_fraction(size) - self.used;
    }

    /// Replaces the storage with empty arrays for an index of `size` slots.
    fn allocate(&mut self, size: usize) {
        debug_assert!(size.is_power_of_two());
        let usable = usable_fraction(size);
        // Entry indices must stay below the two marker values.
        assert!(usable < SLOT_DUMMY as usize, "dict too large");
        self.indices = vec![SLOT_EMPTY; size].into_boxed_slice();
        self.entries = Vec::with_capacity(usable);
        self.used = 0;
        self.usable_left = usable;
    }

    /// Checks the structural invariants (tests only).
    #[cfg(test)]
    fn check_invariants(&self) {
        let live = self.entries.iter().filter(|e| !e.is_tombstone()).count();
        assert_eq!(live, self.used);
        if self.indices.is_empty() {
            assert!(self.entries.is_empty());
            return;
        }
        let size = self.indices.len();
        assert!(size.is_power_of_two() && size >= MIN_SIZE);
        let occupied = self.indices.iter().filter(|&&ix| ix != SLOT_EMPTY).count();
        assert!(occupied <= usable_fraction(size), "load factor above 2/3");
        let pointing = self.indices.iter().filter(|&&ix| ix < SLOT_DUMMY).count();
        assert_eq!(pointing, self.used);
        for (i, e) in self.entries.iter().enumerate() {
            if !e.is_tombstone() {
                assert_eq!(self.indices[self.slot_of_entry(e.hash, i)], i as u32);
            }
        }
    }
}

#[cfg(test)]
mod tests;
