//! Unit tests for `DictTable`: ints as keys, caller-chosen hashes and eq
//! callbacks that force collisions, fail, or count their calls.

use super::*;

/// Keys are equal when equal mod 1000, so `k` and `k + 1000` are distinct
/// objects (different bits) that compare equal, like two equal strings.
fn eq_mod_1000(a: Value, b: Value) -> Result<bool, String> {
    Ok(a.as_int() % 1000 == b.as_int() % 1000)
}

/// A hash consistent with `eq_mod_1000` that collides a lot.
fn hash_mod(k: i64) -> i64 {
    (k % 1000) % 7
}

fn int(i: i64) -> Value {
    Value::int(i)
}

fn keys(t: &DictTable) -> Vec<i64> {
    t.iter().map(|(k, _)| k.as_int()).collect()
}

fn put(t: &mut DictTable, k: i64, v: i64) -> Option<Value> {
    t.insert(hash_mod(k), int(k), int(v), &mut eq_mod_1000)
        .unwrap()
}

fn get(t: &DictTable, k: i64) -> Option<i64> {
    t.get(hash_mod(k), int(k), &mut eq_mod_1000)
        .unwrap()
        .map(|v| v.as_int())
}

fn del(t: &mut DictTable, k: i64) -> Option<(i64, i64)> {
    t.remove(hash_mod(k), int(k), &mut eq_mod_1000)
        .unwrap()
        .map(|(k, v)| (k.as_int(), v.as_int()))
}

/// Deterministic xorshift64 so the random test is reproducible.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn empty_table_allocates_nothing_and_finds_nothing() {
    let t = DictTable::new();
    assert!(t.is_empty());
    assert_eq!(t.len(), 0);
    assert!(t.indices.is_empty() && t.entries.capacity() == 0);
    assert_eq!(get(&t, 5), None);
    assert_eq!(t.find_by_bits(5, int(5)), None);
    assert_eq!(t.next_entry(0), None);
    t.check_invariants();
}

#[test]
fn insert_get_and_overwrite_keep_the_original_key_and_position() {
    let mut t = DictTable::new();
    for k in 0..20 {
        assert_eq!(put(&mut t, k, k * 10), None);
    }
    assert_eq!(t.len(), 20);
    let version = t.version();
    // 1005 equals 5 but is a different object: the stored key stays 5.
    assert_eq!(put(&mut t, 1005, 99), Some(int(50)));
    assert_eq!(t.version(), version, "overwrite is not a size change");
    assert_eq!(t.len(), 20);
    assert_eq!(get(&t, 5), Some(99));
    assert_eq!(get(&t, 2005), Some(99));
    assert_eq!(keys(&t), (0..20).collect::<Vec<_>>());
    assert_eq!(get(&t, 20), None);
    t.check_invariants();
}

#[test]
fn eq_is_called_only_for_equal_hashes_with_different_bits() {
    let mut t = DictTable::new();
    let calls = std::cell::Cell::new(0);
    let mut counting = |a: Value, b: Value| -> Result<bool, String> {
        calls.set(calls.get() + 1);
        eq_mod_1000(a, b)
    };
    for k in 0..50 {
        // Distinct hashes: no eq call can be needed.
        t.insert(k, int(k), int(k), &mut counting).unwrap();
    }
    for k in 0..50 {
        assert_eq!(t.get(k, int(k), &mut counting).unwrap(), Some(int(k)));
    }
    assert_eq!(calls.get(), 0);
    assert_eq!(t.get(7, int(1007), &mut counting).unwrap(), Some(int(7)));
    assert_eq!(
        calls.get(),
        1,
        "one equal-hash candidate with different bits"
    );
}

#[test]
fn eq_errors_propagate_and_leave_the_table_unchanged() {
    let mut t = DictTable::new();
    for k in 0..10 {
        put(&mut t, k, k);
    }
    let version = t.version();
    let mut failing = |_: Value, _: Value| -> Result<bool, String> { Err("boom".to_string()) };
    // Same hash as key 3, different bits: eq must run and its error surfaces.
    assert_eq!(
        t.insert(hash_mod(3), int(1003), int(0), &mut failing),
        Err("boom".to_string())
    );
    assert_eq!(
        t.get(hash_mod(3), int(2003), &mut failing),
        Err("boom".to_string())
    );
    assert_eq!(
        t.remove(hash_mod(3), int(3003), &mut failing),
        Err("boom".to_string())
    );
    // Identity short-circuits eq, so bit-identical keys never fail.
    assert_eq!(t.get(hash_mod(3), int(3), &mut failing), Ok(Some(int(3))));
    assert_eq!(t.version(), version);
    assert_eq!(t.len(), 10);
    assert_eq!(keys(&t), (0..10).collect::<Vec<_>>());
    t.check_invariants();
}

#[test]
fn insertion_order_survives_deletes_reinserts_and_resizes() {
    let mut t = DictTable::new();
    let mut model: Vec<i64> = Vec::new();
    for k in 0..100 {
        put(&mut t, k, k);
        model.push(k);
    }
    for k in (0..100).filter(|k| k % 3 == 0) {
        assert_eq!(del(&mut t, k), Some((k, k)));
        model.retain(|&m| m != k);
    }
    assert_eq!(del(&mut t, 3), None);
    // Re-inserting a deleted key appends it at the end.
    for k in [30, 0, 99, 1000 + 60] {
        put(&mut t, k, -k);
        model.push(k);
    }
    for k in 200..400 {
        put(&mut t, k, k);
        model.push(k);
    }
    assert_eq!(keys(&t), model);
    assert_eq!(get(&t, 60), Some(-1060));
    assert_eq!(t.len(), model.len());
    t.check_invariants();
}

#[test]
fn pop_last_is_lifo_and_skips_deleted_tail_entries() {
    let mut t = DictTable::new();
    for k in 0..10 {
        put(&mut t, k, k * 2);
    }
    assert_eq!(t.pop_last(), Some((int(9), int(18))));
    del(&mut t, 8);
    del(&mut t, 7);
    assert_eq!(t.pop_last(), Some((int(6), int(12))));
    put(&mut t, 42, 1);
    assert_eq!(t.pop_last(), Some((int(42), int(1))));
    assert_eq!(keys(&t), vec![0, 1, 2, 3, 4, 5]);
    t.check_invariants();
    // Popping and re-inserting many times must not overfill the index.
    for round in 0..100 {
        put(&mut t, 100 + round, round);
        assert_eq!(t.pop_last().map(|(k, _)| k.as_int()), Some(100 + round));
        t.check_invariants();
    }
    while t.pop_last().is_some() {}
    assert!(t.is_empty());
    assert_eq!(t.pop_last(), None);
    t.check_invariants();
}

#[test]
fn all_hashes_equal_still_works() {
    let mut t = DictTable::new();
    let mut eq = |a: Value, b: Value| -> Result<bool, String> { Ok(a == b) };
    for k in 0..300 {
        assert_eq!(t.insert(42, int(k), int(k + 1), &mut eq).unwrap(), None);
    }
    for k in (0..300).step_by(2) {
        assert_eq!(
            t.remove(42, int(k), &mut eq).unwrap(),
            Some((int(k), int(k + 1)))
        );
    }
    for k in 0..300 {
        let expected = (k % 2 == 1).then(|| int(k + 1));
        assert_eq!(t.get(42, int(k), &mut eq).unwrap(), expected);
        assert_eq!(t.get_by_bits(42, int(k)), expected);
    }
    assert_eq!(keys(&t), (1..300).step_by(2).collect::<Vec<_>>());
    t.check_invariants();
}

#[test]
fn random_operations_match_a_vec_model() {
    let mut t = DictTable::new();
    // The model: (key mod 1000, stored key, value) in insertion order.
    let mut model: Vec<(i64, i64, i64)> = Vec::new();
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for step in 0..100_000 {
        let r = rng.next();
        // A different-bits alias of the same logical key half the time.
        let base = (r >> 8) as i64 % 600;
        let k = base + 1000 * ((r >> 40) as i64 % 2);
        let pos = model.iter().position(|&(m, _, _)| m == base);
        match r % 8 {
            0..=3 => {
                let old = put(&mut t, k, step).map(|v| v.as_int());
                match pos {
                    Some(p) => {
                        assert_eq!(old, Some(model[p].2));
                        model[p].2 = step;
                    }
                    None => {
                        assert_eq!(old, None);
                        model.push((base, k, step));
                    }
                }
            }
            4..=5 => {
                let removed = del(&mut t, k);
                assert_eq!(removed, pos.map(|p| (model[p].1, model[p].2)));
                if let Some(p) = pos {
                    model.remove(p);
                }
            }
            6 => assert_eq!(get(&t, k), pos.map(|p| model[p].2)),
            _ => {
                if r % 64 == 7 {
                    let popped = t.pop_last().map(|(k, v)| (k.as_int(), v.as_int()));
                    assert_eq!(popped, model.pop().map(|(_, k, v)| (k, v)));
                }
            }
        }
        assert_eq!(t.len(), model.len());
        if step % 5000 == 0 {
            t.check_invariants();
            let expected: Vec<(i64, i64)> = model.iter().map(|&(_, k, v)| (k, v)).collect();
            let got: Vec<(i64, i64)> = t.iter().map(|(k, v)| (k.as_int(), v.as_int())).collect();
            assert_eq!(got, expected);
        }
    }
    t.check_invariants();
}

#[test]
fn positional_iteration_skips_tombstones_and_version_reveals_size_changes() {
    let mut t = DictTable::new();
    for k in 0..6 {
        put(&mut t, k, k);
    }
    del(&mut t, 0);
    del(&mut t, 3);
    let mut seen = Vec::new();
    let mut pos = 0;
    while let Some((next, k, v)) = t.next_entry(pos) {
        assert_eq!(k, v);
        seen.push(k.as_int());
        pos = next;
    }
    assert_eq!(seen, vec![1, 2, 4, 5]);
    assert_eq!(t.next_entry(t.entries_len() + 5), None);
    assert_eq!(t.entry_at(0), None, "tombstone");
    assert_eq!(t.entry_at(1).map(|e| e.key), Some(int(1)));

    // An iterator that checks the version on each step, as `for k in d` will.
    let start = t.version();
    let (pos, _, _) = t.next_entry(0).unwrap();
    put(&mut t, 1, 100); // overwrite: fine
    assert_eq!(t.version(), start);
    let (_, k, v) = t.next_entry(pos).unwrap();
    assert_eq!((k, v), (int(2), int(2)));
    put(&mut t, 77, 0); // new key: size changed
    assert_ne!(t.version(), start);
    let after_insert = t.version();
    del(&mut t, 77);
    assert_ne!(t.version(), after_insert);
    let after_delete = t.version();
    t.clear();
    assert_ne!(t.version(), after_delete);
}

#[test]
fn values_mut_and_set_value_at_update_in_place() {
    let mut t = DictTable::new();
    for k in 0..10 {
        put(&mut t, k, k);
    }
    del(&mut t, 4);
    for v in t.values_mut() {
        *v = int(v.as_int() * 3);
    }
    let got: Vec<(i64, i64)> = t.iter().map(|(k, v)| (k.as_int(), v.as_int())).collect();
    let expected: Vec<(i64, i64)> = (0..10).filter(|&k| k != 4).map(|k| (k, k * 3)).collect();
    assert_eq!(got, expected);
    assert_eq!(t.set_value_at(4, int(1)), None, "tombstone");
    assert_eq!(t.set_value_at(5, int(-5)), Some(int(15)));
    assert_eq!(get(&t, 5), Some(-5));
    assert_eq!(t.remove_entry(4), None);
    assert_eq!(t.remove_entry(500), None);
    assert_eq!(t.remove_entry(5), Some((int(5), int(-5))));
    t.check_invariants();
}

#[test]
fn bit_equality_fast_paths() {
    let mut t = DictTable::new();
    for k in 0..1000 {
        assert_eq!(t.insert_by_bits(k * 31, int(k), int(-k)), None);
    }
    assert_eq!(t.insert_by_bits(31, int(1), int(7)), Some(int(-1)));
    assert_eq!(t.get_by_bits(31, int(1)), Some(int(7)));
    // Same hash, different bits: distinct keys on this path.
    assert_eq!(t.get_by_bits(31, int(1001)), None);
    assert_eq!(t.remove_by_bits(62, int(2)), Some((int(2), int(-2))));
    assert_eq!(t.remove_by_bits(62, int(2)), None);
    assert_eq!(t.len(), 999);
    t.check_invariants();
}

#[test]
fn with_capacity_holds_n_entries_without_resizing() {
    for n in [1, 5, 6, 10, 100, 1000] {
        let mut t = DictTable::with_capacity(n);
        let size = t.indices.len();
        for k in 0..n as i64 {
            t.insert_by_bits(k, int(k), int(k));
        }
        assert_eq!(t.indices.len(), size, "resized while filling {n}");
        t.check_invariants();
    }
    assert!(DictTable::with_capacity(0).indices.is_empty());
}

#[test]
fn clear_empties_and_the_table_is_reusable() {
    let mut t = DictTable::new();
    for k in 0..100 {
        put(&mut t, k, k);
    }
    t.clear();
    assert!(t.is_empty());
    assert_eq!(get(&t, 5), None);
    assert_eq!(t.iter().count(), 0);
    put(&mut t, 5, 1);
    assert_eq!(keys(&t), vec![5]);
    t.check_invariants();
}

#[test]
fn resize_compacts_tombstones_away() {
    let mut t = DictTable::new();
    for k in 0..5 {
        put(&mut t, k, k);
    }
    for k in 0..4 {
        del(&mut t, k);
    }
    assert_eq!(t.entries_len(), 5);
    put(&mut t, 10, 10); // usable exhausted: resize compacts before appending
    assert_eq!(t.entries_len(), 2);
    assert_eq!(keys(&t), vec![4, 10]);
    assert_eq!(t.indices.len(), MIN_SIZE);
    t.check_invariants();
}

/// The eq calls a lookup makes, in order, as (stored, probe) pairs mod 1000.
fn eq_log(t: &DictTable, hash: i64, key: i64) -> (bool, Vec<(i64, i64)>) {
    let mut log = Vec::new();
    let found = t
        .find(hash, int(key), &mut |a: Value,
                                    b: Value|
         -> Result<bool, String> {
            log.push((a.as_int() % 1000, b.as_int() % 1000));
            eq_mod_1000(a, b)
        })
        .unwrap();
    (found.is_some(), log)
}

#[test]
fn eq_call_order_matches_cpython() {
    // Expected sequences come from CPython 3.11 running the same inserts with
    // objects whose __hash__ returns these hashes and whose __eq__ logs.
    let mut t = DictTable::new();
    let keys_and_hashes = [
        (0, 0),
        (1, 8),
        (2, 16),
        (3, 0),
        (4, -3),
        (5, 24),
        (6, 0),
        (7, 1),
        (8, 9),
        (9, -3),
        (10, 0),
        (11, 32),
    ];
    for (k, h) in keys_and_hashes {
        t.insert(h, int(k), int(k), &mut eq_mod_1000).unwrap();
    }
    // Probes are new objects: +1000 gives them different bits.
    assert_eq!(
        eq_log(&t, 0, 1100),
        (false, vec![(0, 100), (3, 100), (6, 100), (10, 100)])
    );
    assert_eq!(eq_log(&t, 0, 1003), (true, vec![(0, 3), (3, 3)]));
    assert_eq!(eq_log(&t, -3, 1200), (false, vec![(4, 200), (9, 200)]));
    t.remove(0, int(3), &mut eq_mod_1000).unwrap();
    assert_eq!(
        eq_log(&t, 0, 1010),
        (true, vec![(0, 10), (6, 10), (10, 10)])
    );
    t.remove(0, int(0), &mut eq_mod_1000).unwrap();
    // The new key reuses the first dummy slot on the chain, so it is compared first.
    t.insert(0, int(50), int(50), &mut eq_mod_1000).unwrap();
    assert_eq!(
        eq_log(&t, 0, 1300),
        (false, vec![(50, 300), (6, 300), (10, 300)])
    );
    assert_eq!(keys(&t), vec![1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 50]);
}

#[test]
fn reentrant_probe_lets_the_caller_restart_after_mutation() {
    let mut t = DictTable::new();
    for k in 0..4 {
        t.insert_by_bits(0, int(k), int(k));
    }
    // Look up 1003 (equal to 3) with an "__eq__" that deletes key 1 on its first call.
    let key = int(1003);
    let mut calls = 0;
    let mut restarts = 0;
    let mut probe = t.probe(0, key);
    let found = loop {
        match t.probe_step(&mut probe) {
            ProbeStep::Found(i) => break Some(i),
            ProbeStep::Missing => break None,
            ProbeStep::Compare { entry, stored_key } => {
                let version = t.version();
                calls += 1;
                if calls == 1 {
                    t.remove_by_bits(0, int(1)); // the user's __eq__ mutates the dict
                }
                let equal = eq_mod_1000(stored_key, key).unwrap();
                let unchanged =
                    t.version() == version && t.entry_at(entry).map(|e| e.key) == Some(stored_key);
                if !unchanged {
                    restarts += 1;
                    probe = t.probe(0, key);
                } else if equal {
                    break Some(entry);
                }
            }
        }
    };
    assert_eq!(restarts, 1);
    assert_eq!(
        found.and_then(|i| t.entry_at(i)).map(|e| e.value),
        Some(int(3))
    );
    assert_eq!(keys(&t), vec![0, 2, 3]);
    // A stale probe from before a resize stays in bounds and terminates.
    let mut stale = t.probe(5, int(5));
    t.clear();
    assert_eq!(t.probe_step(&mut stale), ProbeStep::Missing);
}

#[test]
fn negative_and_extreme_hashes() {
    let mut t = DictTable::new();
    let hashes = [i64::MIN, i64::MAX, -1, -2, 0, 1, i64::MIN + 1];
    for (k, h) in hashes.iter().enumerate() {
        t.insert_by_bits(*h, int(k as i64), int(k as i64));
    }
    for (k, h) in hashes.iter().enumerate() {
        assert_eq!(t.get_by_bits(*h, int(k as i64)), Some(int(k as i64)));
    }
    t.check_invariants();
}

#[test]
fn storage_id_changes_only_when_the_arrays_are_replaced() {
    let mut t = DictTable::new();
    let s0 = t.storage_id();
    t.clear();
    assert_eq!(t.storage_id(), s0, "clearing an unallocated table keeps it");
    put(&mut t, 1, 1);
    let s1 = t.storage_id();
    assert_ne!(s1, s0, "the first insert allocates");
    // An 8-slot table holds 5 keys; inserts that fit and removals keep it.
    for k in 2..=5 {
        put(&mut t, k, k);
    }
    t.remove(hash_mod(2), int(2), &mut eq_mod_1000).unwrap();
    assert_eq!(t.storage_id(), s1);
    put(&mut t, 6, 6);
    let s2 = t.storage_id();
    assert_ne!(s2, s1, "a resize replaces the arrays");
    t.clear();
    assert_ne!(t.storage_id(), s2, "clear frees the arrays");
}
