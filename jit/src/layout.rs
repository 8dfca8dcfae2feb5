//! Byte offsets of the object fields compiled code reads directly.
//!
//! Struct fields come from `offset_of!`. A `Vec`'s own field order is not
//! specified by Rust, so the offset of its buffer pointer is found once by
//! looking at a probe vector.

use runtime::object::{
    CellObj, GeneratorObj, Header, InstanceObj, IterObj, IterState, ListObj, SetObj, TupleItems,
    TupleObj,
};
use std::mem::offset_of;
use std::sync::OnceLock;

/// Offset of an object's kind byte from the object's start.
pub fn kind_offset() -> i32 {
    offset_of!(Header, kind) as i32
}

/// Offset of the word holding `SetObj::frozen` (a byte: compiled code masks
/// the word's other bytes, which are padding).
pub fn set_frozen_offset() -> i32 {
    // The whole word lies inside the object.
    const _: () = assert!(offset_of!(SetObj, frozen) + 8 <= std::mem::size_of::<SetObj>());
    offset_of!(SetObj, frozen) as i32
}

/// Offset of `CellObj::value`.
pub fn cell_value_offset() -> i32 {
    offset_of!(CellObj, value) as i32
}

/// Offset of `InstanceObj::map`.
pub fn instance_map_offset() -> i32 {
    offset_of!(InstanceObj, map) as i32
}

/// Offset of the buffer pointer of `InstanceObj::slots`.
pub fn instance_slots_ptr_offset() -> i32 {
    offset_of!(InstanceObj, slots) as i32 + vec_ptr_offset()
}

/// Offset of the buffer pointer of `ListObj::items`.
pub fn list_items_ptr_offset() -> i32 {
    offset_of!(ListObj, items) as i32 + vec_ptr_offset()
}

/// Offset of the length of `ListObj::items`.
pub fn list_len_offset() -> i32 {
    offset_of!(ListObj, items) as i32 + vec_len_offset()
}

/// Offset of the length inside a `Vec<Value>`.
pub fn vec_len_offset() -> i32 {
    static OFFSET: OnceLock<i32> = OnceLock::new();
    *OFFSET.get_or_init(|| {
        let mut probe: Vec<runtime::Value> = Vec::with_capacity(7);
        probe.extend([runtime::Value::NONE; 3]);
        let words: [usize; 3] = {
            // SAFETY: as in `vec_ptr_offset`.
            unsafe { std::mem::transmute_copy(&probe) }
        };
        let index = words.iter().position(|&w| w == 3).expect("Vec layout");
        (index * 8) as i32
    })
}

/// Offset of the buffer pointer inside a `Vec<u64>`-shaped vector.
pub fn vec_ptr_offset() -> i32 {
    static OFFSET: OnceLock<i32> = OnceLock::new();
    *OFFSET.get_or_init(|| {
        let probe: Vec<runtime::Value> = Vec::with_capacity(7);
        let words: [usize; 3] = {
            // SAFETY: a Vec is three machine words; reading them as words is
            // only used to find which one holds the buffer address.
            unsafe { std::mem::transmute_copy(&probe) }
        };
        let ptr = probe.as_ptr() as usize;
        let index = words.iter().position(|&w| w == ptr).expect("Vec layout");
        (index * 8) as i32
    })
}

// ---- iterators (`IterState` is `repr(C, u64)`: a tag word, then the fields)

/// Where an iterator's state lives: the tag word of `IterObj::state`.
pub fn iter_tag_offset() -> i32 {
    offset_of!(IterObj, state) as i32
}

/// The tag word of an `IterState` value (its variant number).
pub fn iter_tag(state: &IterState) -> u64 {
    // SAFETY: `IterState` is `repr(C, u64)`, so its first word is the tag.
    unsafe { *(state as *const IterState as *const u64) }
}

/// Byte offset of a field inside an `IterState` value.
fn field_offset<T>(state: &IterState, field: &T) -> i32 {
    (field as *const T as usize - state as *const IterState as usize) as i32
}

/// Offsets (from the iterator object) of `Range`'s `next`, `stop`, `step`,
/// and the `Range` tag.
pub fn iter_range_layout() -> ([i32; 3], u64) {
    static LAYOUT: OnceLock<([i32; 3], u64)> = OnceLock::new();
    *LAYOUT.get_or_init(|| {
        let probe = IterState::Range {
            next: 0,
            stop: 0,
            step: 0,
        };
        let IterState::Range { next, stop, step } = &probe else {
            unreachable!()
        };
        let base = iter_tag_offset();
        (
            [
                base + field_offset(&probe, next),
                base + field_offset(&probe, stop),
                base + field_offset(&probe, step),
            ],
            iter_tag(&probe),
        )
    })
}

/// Offsets (from the iterator object) of `LoopSeq`'s `seq` and `index`, and
/// the `LoopSeq` tag.
pub fn iter_loop_seq_layout() -> ([i32; 2], u64) {
    static LAYOUT: OnceLock<([i32; 2], u64)> = OnceLock::new();
    *LAYOUT.get_or_init(|| {
        let probe = IterState::LoopSeq {
            seq: runtime::Value::NONE,
            index: 0,
        };
        let IterState::LoopSeq { seq, index } = &probe else {
            unreachable!()
        };
        let base = iter_tag_offset();
        (
            [
                base + field_offset(&probe, seq),
                base + field_offset(&probe, index),
            ],
            iter_tag(&probe),
        )
    })
}

// ---- tuples (`TupleItems`: a pointer to the items after the fields, a length)

/// Offsets of a tuple's item pointer and length.
pub fn tuple_layout() -> (i32, i32) {
    let base = offset_of!(TupleObj, items);
    (
        (base + offset_of!(TupleItems, ptr)) as i32,
        (base + offset_of!(TupleItems, len)) as i32,
    )
}

// ---- generators

/// Offsets in a `GeneratorObj`: its function, its resume word (`pc`,
/// `resume_dst`, `state`: see `GeneratorObj::resume_word`), its
/// `yield_from` and the buffer pointer of its saved slots.
pub fn generator_layout() -> [i32; 4] {
    [
        offset_of!(GeneratorObj, func) as i32,
        offset_of!(GeneratorObj, pc) as i32,
        offset_of!(GeneratorObj, yield_from) as i32,
        offset_of!(GeneratorObj, slots) as i32 + vec_ptr_offset(),
    ]
}

/// Offset of a `FunctionObj`'s code object.
pub fn function_code_offset() -> i32 {
    offset_of!(runtime::object::FunctionObj, code) as i32
}

#[cfg(test)]
mod tests {
    use super::*;
    use runtime::object::GenState;

    #[test]
    fn vec_pointer_offset_finds_the_buffer() {
        let v: Vec<runtime::Value> = vec![runtime::Value::NONE; 3];
        let off = vec_ptr_offset() as usize;
        // SAFETY: reads one word inside the Vec's own three-word representation.
        let word = unsafe { *((&v as *const _ as *const u8).add(off) as *const usize) };
        assert_eq!(word, v.as_ptr() as usize);
    }

    /// Reads the word at byte `off` of `obj`.
    fn word_at<T>(obj: &T, off: i32) -> u64 {
        // SAFETY: callers pass offsets inside `obj`'s own representation.
        unsafe { *((obj as *const T as *const u8).add(off as usize) as *const u64) }
    }

    #[test]
    fn iterator_layouts_find_the_fields() {
        let it = IterObj {
            header: Header::new(runtime::object::ObjKind::Iter),
            state: IterState::Range {
                next: 11,
                stop: 22,
                step: -3,
            },
        };
        let ([next, stop, step], tag) = iter_range_layout();
        assert_eq!(word_at(&it, iter_tag_offset()), tag);
        assert_eq!(
            [word_at(&it, next), word_at(&it, stop), word_at(&it, step)],
            [11, 22, -3i64 as u64]
        );
        let list = runtime::Value::from_i64(5).unwrap();
        let it = IterObj {
            header: Header::new(runtime::object::ObjKind::Iter),
            state: IterState::LoopSeq {
                seq: list,
                index: 7,
            },
        };
        let ([seq, index], seq_tag) = iter_loop_seq_layout();
        assert_ne!(tag, seq_tag);
        assert_eq!(word_at(&it, iter_tag_offset()), seq_tag);
        assert_eq!(
            [word_at(&it, seq), word_at(&it, index)],
            [list.to_bits(), 7]
        );
    }

    #[test]
    fn tuple_layout_finds_pointer_and_length() {
        let mut rt = runtime::Runtime::new();
        let items = [
            runtime::Value::NONE,
            runtime::Value::int(7),
            runtime::Value::NONE,
            runtime::Value::int(9),
        ];
        let tv = rt.new_tuple_from(&items);
        let t = runtime::object::downcast::<TupleObj>(tv).expect("a tuple");
        let (ptr, len) = tuple_layout();
        assert_eq!(word_at(t, ptr), t.items.as_ptr() as u64);
        assert_eq!(word_at(t, len), 4);
        // SAFETY: the pointer word addresses the tuple's 4 items.
        let second = unsafe { *((word_at(t, ptr) as *const u64).add(1)) };
        assert_eq!(second, runtime::Value::int(7).to_bits());
    }

    #[test]
    fn vec_len_offset_finds_the_length() {
        let mut v: Vec<runtime::Value> = Vec::with_capacity(9);
        v.extend([runtime::Value::NONE; 5]);
        let off = vec_len_offset() as usize;
        // SAFETY: reads one word inside the Vec's own three-word representation.
        let word = unsafe { *((&v as *const _ as *const u8).add(off) as *const usize) };
        assert_eq!(word, 5);
    }

    #[test]
    fn a_generator_resume_word_is_its_pc_dst_state_and_pad() {
        let [_, pc, yield_from, _] = generator_layout();
        assert_eq!(offset_of!(GeneratorObj, resume_dst) as i32, pc + 4);
        assert_eq!(offset_of!(GeneratorObj, state) as i32, pc + 6);
        assert_eq!(offset_of!(GeneratorObj, resume_pad) as i32, pc + 7);
        assert!(yield_from >= pc + 8);
        let word = GeneratorObj::resume_word(0x1234, 7, GenState::Suspended);
        assert_eq!(word.to_le_bytes(), [0x34, 0x12, 0, 0, 7, 0, 1, 0]);
    }
}
