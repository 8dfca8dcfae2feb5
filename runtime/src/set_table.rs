//! The hash table behind Python's `set` and `frozenset`: a reproduction of
//! CPython 3.11's `Objects/setobject.c` layout, so iteration order (which is
//! table-slot order, not insertion order) matches what CPython prints.
//!
//! The table is one open-addressed array of `{hash, key}` slots with a mask,
//! `fill` (live + dummy slots) and `used` (live slots) counts. Lookups probe
//! `LINEAR_PROBES` neighbouring slots before jumping with CPython's
//! perturbation recurrence; deleted keys leave dummies; the table grows when
//! `fill*5 >= mask*3` and rebuilds by reinserting in slot order; `pop` walks
//! from a persistent finger. Every one of these details shows in `list(s)`.
//!
//! Like `DictTable`, the table never hashes a key or calls `__eq__` itself:
//! hashes come from the caller (CPython's values; a real hash is never -1),
//! and equality of two distinct keys with the same hash is decided by a
//! callback that may fail. `find`/`get`/`insert`/`remove` hold the table
//! borrowed while `eq` runs; `probe`/`probe_step` let the caller run `eq` with
//! no borrow held and restart on mutation, as CPython does. Every lookup that
//! may run user code uses these (`crate::reentrant_lookup`).

use crate::value::Value;
use std::convert::Infallible;

/// Smallest table (CPython's `PySet_MINSIZE`).
const MIN_SIZE: usize = 8;
/// Neighbouring slots scanned after the first before a perturbed jump.
pub const LINEAR_PROBES: usize = 9;
/// CPython's `PERTURB_SHIFT`.
const PERTURB_SHIFT: u32 = 5;
/// Above this many keys a growing table doubles instead of quadrupling.
const QUADRUPLE_LIMIT: usize = 50_000;

/// One table slot. Never-used slots are `{0, EMPTY}`, dummies (deleted keys)
/// are `{-1, EMPTY}`, like CPython's `{0, NULL}` and `{-1, dummy}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    /// The key's hash (0 in a never-used slot, -1 in a dummy).
    pub hash: i64,
    /// The key, or `Value::EMPTY` in a never-used or dummy slot.
    pub key: Value,
}

/// A slot that has never held a key: ends every probe chain.
const UNUSED: Slot = Slot {
    hash: 0,
    key: Value::EMPTY,
};
/// A slot whose key was removed: probing continues past it.
const DUMMY: Slot = Slot {
    hash: -1,
    key: Value::EMPTY,
};

impl Slot {
    /// Does this slot hold a key?
    #[inline(always)]
    fn is_live(&self) -> bool {
        !self.key.is_empty()
    }

    /// Has this slot never held a key?
    #[inline(always)]
    fn is_unused(&self) -> bool {
        self.key.is_empty() && self.hash == 0
    }
}

/// State of a re-entrant lookup: where the probe sequence is.
#[derive(Clone, Copy, Debug)]
pub struct Probe {
    hash: i64,
    key: Value,
    /// First slot of the current linear run.
    base: usize,
    /// Offset within the linear run of the next slot to look at.
    offset: usize,
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
    /// The key is stored, bit-identical, at this slot.
    Found(usize),
    /// The key is not in the table.
    Missing,
    /// The slot `slot` has an equal hash and key `stored_key`, which is not
    /// bit-identical to the key: the caller must decide `stored_key == key`.
    Compare {
        /// Slot index of the candidate.
        slot: usize,
        /// The candidate's key (first argument of `__eq__`, like CPython).
        stored_key: Value,
    },
}

/// A hash set of `Value` keys with CPython's slot layout and iteration order.
#[derive(Debug)]
pub struct SetTable {
    /// The slots; length is a power of two, at least `MIN_SIZE`.
    slots: Box<[Slot]>,
    /// `slots.len() - 1`.
    mask: usize,
    /// Live plus dummy slots.
    fill: usize,
    /// Live slots.
    used: usize,
    /// Where the next `pop` starts looking (CPython's `finger`); kept across
    /// resizes and `clear`, like CPython.
    finger: usize,
    /// Bumped whenever a key is added or removed.
    version: u64,
}

impl Default for SetTable {
    fn default() -> Self {
        Self::new()
    }
}

impl Clone for SetTable {
    /// `set(s)` / `s.copy()`: CPython's `set_merge` into a fresh set, which
    /// may lay the keys out differently from `self` (see `copy`).
    fn clone(&self) -> Self {
        self.copy()
    }
}

impl SetTable {
    /// An empty table of `MIN_SIZE` slots (CPython's small table).
    pub fn new() -> Self {
        SetTable {
            slots: vec![UNUSED; MIN_SIZE].into_boxed_slice(),
            mask: MIN_SIZE - 1,
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
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

    /// Bumped on every insert of a new key, every removal and `clear`.
    /// (CPython's set iterator only compares `len()`, so adding one key and
    /// removing another mid-iteration is not an error there; an iterator that
    /// must match CPython should compare `len()`, not this.)
    #[inline]
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Identifies the current slot array: it changes when a resize or
    /// `clear` replaces it. With the candidate slot's key, it tells a lookup
    /// whether a user `__eq__` changed the table under it, like CPython's
    /// `table == so->table` (which, unlike this, stays the same for a
    /// minimum-size table rebuilt in place; the candidate's key then tells).
    /// A new array may reuse a freed one's address; a probe that then goes on
    /// is still in bounds, as `probe_step` masks every index.
    #[inline]
    pub fn storage_id(&self) -> usize {
        self.slots.as_ptr() as usize
    }

    /// The key in slot `i` with its hash (see `key_at`).
    #[inline]
    pub fn hashed_key_at(&self, i: usize) -> Option<(i64, Value)> {
        self.slots
            .get(i)
            .filter(|s| s.is_live())
            .map(|s| (s.hash, s.key))
    }

    /// The slots, for a lookup written elsewhere (the JIT's typed helpers):
    /// a probe visits them in `probe_step`'s order (runs of up to
    /// `LINEAR_PROBES + 1` slots, then CPython's perturbed jump); a slot
    /// with an empty key and hash 0 ends it, one with hash -1 is a dummy.
    #[inline]
    pub fn raw_slots(&self) -> &[Slot] {
        &self.slots
    }

    /// Number of slots: the bound for positions passed to `next_entry`.
    #[inline]
    pub fn slots_len(&self) -> usize {
        self.slots.len()
    }

    // ------------------------------------------------------------ re-entrant lookup

    /// Starts a lookup of `key` with `hash`; advance it with `probe_step`.
    #[inline]
    pub fn probe(&self, hash: i64, key: Value) -> Probe {
        Probe {
            hash,
            key,
            base: (hash as u64 as usize) & self.mask,
            offset: 0,
            perturb: hash as u64,
        }
    }

    /// Advances `probe` to the next slot with the probed hash, in CPython's
    /// `set_lookkey` order. On `Compare`, the caller decides equality with no
    /// borrow of the table held; if that may have mutated the table, the
    /// caller checks that `key_at(slot)` is still `stored_key` and the table
    /// was not replaced (`storage_id`), and restarts with a fresh
    /// `probe` otherwise, as CPython does. If unequal, call `probe_step` again.
    #[inline]
    pub fn probe_step(&self, probe: &mut Probe) -> ProbeStep {
        let mask = self.mask;
        loop {
            // Masking keeps a stale probe in bounds after a resize.
            let base = probe.base & mask;
            let slot_index = (base + probe.offset) & mask;
            // Advance first so the next call continues past this slot.
            let run_len = if base + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            if probe.offset < run_len {
                probe.base = base;
                probe.offset += 1;
            } else {
                probe.perturb >>= PERTURB_SHIFT;
                probe.base = (base.wrapping_mul(5))
                    .wrapping_add(1)
                    .wrapping_add(probe.perturb as usize)
                    & mask;
                probe.offset = 0;
            }
            let slot = self.slots[slot_index];
            if !slot.is_live() {
                if slot.is_unused() {
                    return ProbeStep::Missing;
                }
                continue;
            }
            if slot.hash == probe.hash {
                if slot.key == probe.key {
                    return ProbeStep::Found(slot_index);
                }
                return ProbeStep::Compare {
                    slot: slot_index,
                    stored_key: slot.key,
                };
            }
        }
    }

    // ------------------------------------------------------------ lookup with an eq callback

    /// Finds the slot holding `key` with `hash`. `eq(stored_key, key)` is only
    /// called for slots with an equal hash whose key is not bit-identical
    /// (identity implies equality, like CPython); its errors propagate. `eq`
    /// must not reach this table.
    ///
    /// The same probe order as `probe_step`, as one loop over each linear
    /// run (this is the hot lookup of every set operation).
    #[inline(always)]
    pub fn find<E, F>(&self, hash: i64, key: Value, eq: &mut F) -> Result<Option<usize>, E>
    where
        F: FnMut(Value, Value) -> Result<bool, E> + ?Sized,
    {
        let slots = &*self.slots;
        let mask = self.mask;
        let mut perturb = hash as u64;
        let mut base = (hash as u64 as usize) & mask;
        loop {
            // A run that would wrap past the end is a single slot, like CPython.
            let run_len = if base + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            // Indexing, not an iterator: `skip`/`take` over the slots cost
            // dicts.py 1% more instructions.
            #[allow(clippy::needless_range_loop)]
            for slot_index in base..=base + run_len {
                let slot = &slots[slot_index];
                if !slot.is_live() {
                    if slot.is_unused() {
                        return Ok(None);
                    }
                    continue;
                }
                if slot.hash == hash && (slot.key == key || eq(slot.key, key)?) {
                    return Ok(Some(slot_index));
                }
            }
            perturb >>= PERTURB_SHIFT;
            base = (base.wrapping_mul(5))
                .wrapping_add(1)
                .wrapping_add(perturb as usize)
                & mask;
        }
    }

    /// `Some(Value::NONE)` if `key` is present (sets have no values; the
    /// signature parallels `DictTable::get`). See `find` for `eq`.
    #[inline]
    pub fn get<E, F>(&self, hash: i64, key: Value, eq: &mut F) -> Result<Option<Value>, E>
    where
        F: FnMut(Value, Value) -> Result<bool, E> + ?Sized,
    {
        Ok(self.find(hash, key, eq)?.map(|_| Value::NONE))
    }

    /// Adds `key` (CPython's `set_add_entry`). `value` is ignored. Returns
    /// `Some(Value::NONE)` if an equal key was already present (the stored key
    /// is kept), `None` if `key` was added.
    #[inline]
    pub fn insert<E, F>(
        &mut self,
        hash: i64,
        key: Value,
        _value: Value,
        eq: &mut F,
    ) -> Result<Option<Value>, E>
    where
        F: FnMut(Value, Value) -> Result<bool, E> + ?Sized,
    {
        match self.find(hash, key, eq)? {
            Some(_) => Ok(Some(Value::NONE)),
            None => {
                self.insert_new(hash, key);
                Ok(None)
            }
        }
    }

    /// Removes `key` (CPython's `set_discard_entry`), returning the stored key
    /// and `Value::NONE`.
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
            Some(i) => self.remove_slot(i).map(|k| (k, Value::NONE)),
            None => None,
        })
    }

    // ------------------------------------------------------------ bit-equality fast paths

    /// `find` for keys that are equal only if bit-identical (small ints,
    /// interned strings, identity-compared objects): no callback at all.
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
        self.find_by_bits(hash, key).map(|_| Value::NONE)
    }

    /// `insert` by bit equality (see `find_by_bits`); `value` is ignored.
    pub fn insert_by_bits(&mut self, hash: i64, key: Value, _value: Value) -> Option<Value> {
        match self.find_by_bits(hash, key) {
            Some(_) => Some(Value::NONE),
            None => {
                self.insert_new(hash, key);
                None
            }
        }
    }

    /// `remove` by bit equality (see `find_by_bits`).
    pub fn remove_by_bits(&mut self, hash: i64, key: Value) -> Option<(Value, Value)> {
        self.find_by_bits(hash, key)
            .and_then(|i| self.remove_slot(i))
            .map(|k| (k, Value::NONE))
    }

    // ------------------------------------------------------------ slot operations

    /// Adds `key`, which the caller has just found absent (via `probe_step`
    /// or `find`). Takes the last dummy on the probe chain if there is one
    /// (CPython's `freeslot`), else the unused slot ending the chain; in the
    /// latter case grows if `fill*5 >= mask*3`, exactly like `set_add_entry`.
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        debug_assert!(!key.is_empty(), "the empty marker cannot be a set key");
        let slot = self.find_free_slot(hash);
        let was_unused = self.slots[slot].is_unused();
        self.slots[slot] = Slot { hash, key };
        self.used += 1;
        self.version += 1;
        if was_unused {
            self.fill += 1;
            if self.fill * 5 >= self.mask * 3 {
                let min_used = if self.used > QUADRUPLE_LIMIT {
                    self.used * 2
                } else {
                    self.used * 4
                };
                self.resize(min_used);
            }
        }
    }

    /// The key in slot `i`, or `None` for an unused or dummy slot or a
    /// position past the end.
    #[inline]
    pub fn key_at(&self, i: usize) -> Option<Value> {
        self.slots.get(i).filter(|s| s.is_live()).map(|s| s.key)
    }

    /// Removes the key in slot `i`, leaving a dummy; returns the key (`None`,
    /// and no change, for a slot without a key).
    pub fn remove_slot(&mut self, i: usize) -> Option<Value> {
        let key = self.key_at(i)?;
        self.slots[i] = DUMMY;
        self.used -= 1;
        self.version += 1;
        Some(key)
    }

    /// Removes and returns a key the way CPython's `set.pop` chooses it: the
    /// first key at or after the finger, wrapping around; the finger then
    /// moves past it. `None` when empty (the caller raises
    /// `KeyError('pop from an empty set')`).
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mut i = self.finger & self.mask;
        while !self.slots[i].is_live() {
            i = (i + 1) & self.mask;
        }
        let key = self.slots[i].key;
        self.slots[i] = DUMMY;
        self.used -= 1;
        self.version += 1;
        self.finger = i + 1;
        Some(key)
    }

    /// Removes every key, going back to the minimum size (CPython's
    /// `set_clear_internal`; the pop finger is kept, as there).
    pub fn clear(&mut self) {
        self.slots = vec![UNUSED; MIN_SIZE].into_boxed_slice();
        self.mask = MIN_SIZE - 1;
        self.fill = 0;
        self.used = 0;
        self.version += 1;
    }

    /// After removing many keys at once (`difference_update`): if more than
    /// a quarter of the slots are dummies, rebuild without them, exactly as
    /// CPython's `set_difference_update_internal` ends.
    pub fn shrink_dummies(&mut self) {
        if self.fill - self.used <= self.mask / 4 {
            return;
        }
        let min_used = if self.used > QUADRUPLE_LIMIT {
            self.used * 2
        } else {
            self.used * 4
        };
        self.resize(min_used);
    }

    // ------------------------------------------------------------ bulk operations

    /// Presizes before adding about `extra` keys at once, as CPython's
    /// `set_merge` and `set_update_internal` do for a set or dict argument:
    /// if `(fill + extra)*5 >= mask*3`, resize for `(len + extra)*2` keys.
    /// Call it before adding a dict's keys to match `set(some_dict)`.
    pub fn reserve_for_update(&mut self, extra: usize) {
        if (self.fill + extra) * 5 >= self.mask * 3 {
            self.resize((self.used + extra) * 2);
        }
    }

    /// Adds every key of `other` (CPython's `set_merge`: `s.update(t)`,
    /// `s |= t` and `set(t)` for a set `t`). Into an empty table this copies
    /// the layout or reinserts in `other`'s slot order without calling `eq`;
    /// otherwise keys are added one by one with `eq` deciding duplicates.
    /// The caller handles `s.update(s)` (a no-op) before calling.
    pub fn merge_from<E, F>(&mut self, other: &SetTable, eq: &mut F) -> Result<(), E>
    where
        F: FnMut(Value, Value) -> Result<bool, E> + ?Sized,
    {
        if self.merge_start(other) {
            return Ok(());
        }
        for slot in other.slots.iter().filter(|s| s.is_live()) {
            self.insert(slot.hash, slot.key, Value::NONE, eq)?;
        }
        Ok(())
    }

    /// The part of `merge_from` that never calls `eq`: presizes, and fills
    /// an empty table. False when `other`'s keys must still be added one by
    /// one, in slot order (a caller whose `eq` may run user code does that
    /// itself, re-reading `other` at each slot like CPython's `set_merge`).
    pub fn merge_start(&mut self, other: &SetTable) -> bool {
        if other.used == 0 {
            return true;
        }
        self.reserve_for_update(other.used);
        if self.fill == 0 {
            if self.mask == other.mask && other.fill == other.used {
                // Same size and no dummies to drop: copy the layout.
                self.slots.copy_from_slice(&other.slots);
            } else {
                for slot in other.slots.iter().filter(|s| s.is_live()) {
                    let free = self.find_free_slot(slot.hash);
                    self.slots[free] = *slot;
                }
            }
            self.fill = other.used;
            self.used = other.used;
            self.version += 1;
            return true;
        }
        false
    }

    /// A new table holding the same keys, laid out as CPython lays out
    /// `set(s)` or `s.copy()` (an empty set merged with `s`), which can differ
    /// from `self`'s layout: e.g. 5 keys grow a set to 32 slots, but a copy is
    /// presized to 16. The pop finger starts at 0.
    pub fn copy(&self) -> SetTable {
        let mut copy = SetTable::new();
        // Into an empty table `merge_from` never calls `eq`.
        let merged: Result<(), Infallible> = copy.merge_from(self, &mut |_, _| Ok(false));
        match merged {
            Ok(()) => copy,
            Err(never) => match never {},
        }
    }

    // ------------------------------------------------------------ iteration

    /// The first key at slot `pos` or later, with the position to resume
    /// from, and `Value::NONE` in place of a value. Positions stay valid
    /// across removals; an insert may resize, which `slots_len`/`len` reveal.
    #[inline]
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Value, Value)> {
        let rest = self.slots.get(pos..)?;
        let offset = rest.iter().position(Slot::is_live)?;
        Some((pos + offset + 1, rest[offset].key, Value::NONE))
    }

    /// `(key, Value::NONE)` pairs in CPython's iteration order (slot order).
    pub fn iter(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        self.keys().map(|k| (k, Value::NONE))
    }

    /// The keys in CPython's iteration order (slot order).
    pub fn keys(&self) -> impl Iterator<Item = Value> + '_ {
        self.slots.iter().filter(|s| s.is_live()).map(|s| s.key)
    }

    /// `(hash, key)` pairs in iteration order, for building another table
    /// (e.g. a dict from a set) without rehashing.
    pub fn hashed_keys(&self) -> impl Iterator<Item = (i64, Value)> + '_ {
        self.slots
            .iter()
            .filter(|s| s.is_live())
            .map(|s| (s.hash, s.key))
    }

    // ------------------------------------------------------------ internals

    /// Where `set_add_entry` puts a new key: the probe chain of `hash` is
    /// walked to its first unused slot, and the *last* dummy passed on the way
    /// is taken if there is one (CPython 3.11 overwrites its `freeslot` at
    /// every dummy), else that unused slot. In a table without dummies this
    /// is `set_insert_clean`'s slot. The table always has an unused slot.
    #[inline]
    fn find_free_slot(&self, hash: i64) -> usize {
        let mask = self.mask;
        let mut perturb = hash as u64;
        let mut base = (hash as u64 as usize) & mask;
        let mut last_dummy = None;
        loop {
            let run_len = if base + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for i in base..=base + run_len {
                let slot = &self.slots[i];
                if slot.is_unused() {
                    return last_dummy.unwrap_or(i);
                }
                if !slot.is_live() {
                    last_dummy = Some(i);
                }
            }
            perturb >>= PERTURB_SHIFT;
            base = (base.wrapping_mul(5))
                .wrapping_add(1)
                .wrapping_add(perturb as usize)
                & mask;
        }
    }

    /// Rebuilds with the smallest power-of-two size above `min_used` (at
    /// least `MIN_SIZE`), reinserting live keys in old slot order and dropping
    /// dummies (CPython's `set_table_resize`).
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![UNUSED; size].into_boxed_slice());
        self.mask = size - 1;
        for slot in old.iter().filter(|s| s.is_live()) {
            let free = self.find_free_slot(slot.hash);
            self.slots[free] = *slot;
        }
        self.fill = self.used;
    }

    /// Checks the structural invariants (tests only).
    #[cfg(test)]
    fn check_invariants(&self) {
        assert!(self.slots.len().is_power_of_two() && self.slots.len() >= MIN_SIZE);
        assert_eq!(self.mask, self.slots.len() - 1);
        let live = self.slots.iter().filter(|s| s.is_live()).count();
        let unused = self.slots.iter().filter(|s| s.is_unused()).count();
        assert_eq!(live, self.used);
        assert_eq!(self.slots.len() - unused, self.fill);
        assert!(self.fill * 5 < self.mask * 3, "load factor too high");
        for (i, s) in self.slots.iter().enumerate() {
            if s.is_live() {
                assert_eq!(self.find_by_bits(s.hash, s.key), Some(i));
            }
        }
    }
}

#[cfg(test)]
mod cases;
#[cfg(test)]
mod tests;
