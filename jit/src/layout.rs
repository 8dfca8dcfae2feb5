//! Byte offsets of the object fields compiled code reads directly.
//!
//! Struct fields come from `offset_of!`. A `Vec`'s own field order is not
//! specified by Rust, so the offset of its buffer pointer is found once by
//! looking at a probe vector.

use runtime::object::{Header, InstanceObj, ListObj};
use std::mem::offset_of;
use std::sync::OnceLock;

/// Offset of an object's kind byte from the object's start.
pub fn kind_offset() -> i32 {
    offset_of!(Header, kind) as i32
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vec_pointer_offset_finds_the_buffer() {
        let v: Vec<runtime::Value> = vec![runtime::Value::NONE; 3];
        let off = vec_ptr_offset() as usize;
        // SAFETY: reads one word inside the Vec's own three-word representation.
        let word = unsafe { *((&v as *const _ as *const u8).add(off) as *const usize) };
        assert_eq!(word, v.as_ptr() as usize);
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
}
