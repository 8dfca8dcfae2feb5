//! A list's item vector, which pops its first item in O(1): `list.pop(0)`
//! of a work queue no longer moves every other item down a place.

use crate::value::Value;
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut, Index, IndexMut};
use std::slice::SliceIndex;

/// The items an empty list's first push makes room for. Lists built by
/// appending mostly get past `Vec`'s first four: one allocation of eight
/// costs less than an allocation of four and a reallocation to eight
/// (about 200 instructions each in the allocator).
pub const FIRST_ROOM: usize = 8;

/// The items of a list: a `Vec<Value>` whose buffer may start `head` items
/// into its allocation, after front pops.
///
/// The vector is the first field, so compiled code finds its buffer pointer
/// and length where it finds any vector's (`jit::layout`). While `head > 0`
/// the vector describes the live items only: its pointer is `head` items
/// past the allocation's start and its capacity `head` items short of the
/// allocation's, so it must neither grow nor free. Hence every access to it
/// as a mutable `Vec` ([`DerefMut`]) first moves the items back to the
/// allocation's start ([`ListItems::rebase`]); reads ([`Deref`]), indexing,
/// [`ListItems::push`] while there is room, [`ListItems::pop`] and
/// [`ListItems::pop_front`] work in place.
#[repr(C)]
pub struct ListItems {
    vec: Vec<Value>,
    head: usize,
}

impl ListItems {
    /// No items.
    pub const fn new() -> ListItems {
        ListItems {
            vec: Vec::new(),
            head: 0,
        }
    }

    /// Appends `v`. A full vector that has popped its front makes room by
    /// moving its items back first (see [`ListItems::make_room`]). Out of
    /// line: inlined into the interpreter's dispatch loop, the extra test
    /// cost `--jit=off` 2.5% more instructions on trees (register pressure).
    #[inline(never)]
    pub fn push(&mut self, v: Value) {
        self.push_inline(v);
    }

    /// [`ListItems::push`] inline, for a caller that is a call already
    /// (the JIT's append helper).
    #[inline(always)]
    pub fn push_inline(&mut self, v: Value) {
        let len = self.vec.len();
        // The front-pop test only when full: the common push costs what
        // `Vec::push` does.
        if len == self.vec.capacity() {
            self.make_room();
        }
        // SAFETY: `make_room` left room for one more item past `len`, in
        // the vector's own buffer (which starts at the live items).
        unsafe {
            self.vec.as_mut_ptr().add(len).write(v);
            self.vec.set_len(len + 1);
        }
    }

    /// Removes and returns the last item.
    #[inline]
    pub fn pop(&mut self) -> Option<Value> {
        // Shrinks the length only: never reallocates.
        self.vec.pop()
    }

    /// Removes and returns the first item, in O(1): the vector's start moves
    /// one item on inside its allocation.
    pub fn pop_front(&mut self) -> Option<Value> {
        let len = self.vec.len();
        let first = *self.vec.first()?;
        if len == 1 {
            // Empty now: back to the allocation's start, which moves nothing.
            self.vec.clear();
            self.rebase();
            return Some(first);
        }
        let cap = self.vec.capacity();
        let mut old = ManuallyDrop::new(std::mem::take(&mut self.vec));
        // SAFETY: the old vector's buffer holds `len >= 2` initialized items
        // and room for `cap`, so one item on there are `len - 1` items and
        // room for `cap - 1`, inside the same allocation. The new vector
        // never frees or reallocates that buffer while `head > 0` (see the
        // type's doc); `head` records the offset so that `rebase` and `drop`
        // rebuild the allocation's real vector.
        self.vec = unsafe { Vec::from_raw_parts(old.as_mut_ptr().add(1), len - 1, cap - 1) };
        self.head += 1;
        Some(first)
    }

    /// Removes and returns item `j` (below the length): the first in O(1)
    /// (see [`ListItems::pop_front`]), any other as `Vec::remove` does.
    pub fn remove(&mut self, j: usize) -> Value {
        if j == 0 {
            if let Some(first) = self.pop_front() {
                return first;
            }
        }
        self.deref_mut().remove(j)
    }

    /// The number of items the allocation has room for (GC accounting).
    pub fn allocated(&self) -> usize {
        self.vec.capacity() + self.head
    }

    /// Gives up the items' allocation without freeing it: its start and
    /// its room in items, or None if there is none (no item was ever
    /// stored). The collector keeps small ones for the next lists (see
    /// `Heap::value_vec`). The items are plain values: nothing to drop.
    pub fn into_allocation(self) -> Option<(*mut Value, usize)> {
        let mut me = ManuallyDrop::new(self);
        let room = me.allocated();
        if room == 0 {
            return None;
        }
        // SAFETY: the live items start `head` items past the allocation's
        // start (see `pop_front`).
        Some((unsafe { me.vec.as_mut_ptr().sub(me.head) }, room))
    }

    /// Moves the items back to the start of their allocation, so that the
    /// vector is an ordinary one again (`head == 0`).
    #[inline]
    fn rebase(&mut self) {
        if self.head > 0 {
            self.rebase_now();
        }
    }

    #[inline(never)]
    fn rebase_now(&mut self) {
        let (len, cap, head) = (self.vec.len(), self.vec.capacity(), self.head);
        let mut old = ManuallyDrop::new(std::mem::take(&mut self.vec));
        // SAFETY: the live items start `head` items past the allocation's
        // start (see `pop_front`), so the allocation starts at `live - head`
        // and has room for `cap + head` items; `ptr::copy` allows the
        // overlapping move of the `len` initialized items to its start.
        unsafe {
            let live = old.as_mut_ptr();
            let start = live.sub(head);
            std::ptr::copy(live, start, len);
            self.vec = Vec::from_raw_parts(start, len, cap + head);
        }
        self.head = 0;
    }

    /// Room for a push into a full vector. With popped front slots the
    /// items move back, and if that frees fewer than half as many slots as
    /// there are items the vector grows too, so that a queue popping one
    /// and pushing one moves its items once per many operations, not every
    /// time; otherwise it grows as `Vec::push` would, except that the
    /// first room is for [`FIRST_ROOM`] items, not four.
    #[cold]
    #[inline(never)]
    fn make_room(&mut self) {
        if self.vec.capacity() == 0 {
            // No allocation yet (so no popped front either).
            self.vec.reserve_exact(FIRST_ROOM);
            return;
        }
        let (len, freed) = (self.vec.len(), self.head);
        self.rebase();
        if freed < len / 2 {
            self.vec.reserve(len);
        }
        self.vec.reserve(1);
    }
}

impl Default for ListItems {
    fn default() -> ListItems {
        ListItems::new()
    }
}

impl From<Vec<Value>> for ListItems {
    fn from(vec: Vec<Value>) -> ListItems {
        ListItems { vec, head: 0 }
    }
}

impl Drop for ListItems {
    fn drop(&mut self) {
        // The vector frees what it allocated only from the allocation's
        // start; with no items left to move, getting there is free.
        self.vec.clear();
        self.rebase();
    }
}

impl Deref for ListItems {
    type Target = Vec<Value>;
    #[inline]
    fn deref(&self) -> &Vec<Value> {
        &self.vec
    }
}

impl DerefMut for ListItems {
    /// The items as an ordinary vector, which may grow or shrink: moved back
    /// to the start of their allocation first.
    #[inline]
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        self.rebase();
        &mut self.vec
    }
}

impl<I: SliceIndex<[Value]>> Index<I> for ListItems {
    type Output = I::Output;
    #[inline]
    fn index(&self, i: I) -> &I::Output {
        &self.vec[i]
    }
}

impl<I: SliceIndex<[Value]>> IndexMut<I> for ListItems {
    /// Writes in place: storing items never reallocates.
    #[inline]
    fn index_mut(&mut self, i: I) -> &mut I::Output {
        &mut self.vec.as_mut_slice()[i]
    }
}

#[cfg(test)]
mod tests {
    use super::ListItems;
    use crate::value::Value;

    fn int(i: i64) -> Value {
        Value::int(i)
    }

    fn ints(items: &ListItems) -> Vec<i64> {
        items.iter().map(|v| v.as_int()).collect()
    }

    /// Front pops, pushes, back pops and whole-vector operations keep the
    /// items in order, like a `VecDeque` would.
    #[test]
    fn queue_operations_keep_order() {
        let mut items = ListItems::from((0..10).map(int).collect::<Vec<_>>());
        let mut model: std::collections::VecDeque<i64> = (0..10).collect();
        for step in 0..500i64 {
            match step % 7 {
                0 | 3 | 5 => assert_eq!(items.pop_front().map(|v| v.as_int()), model.pop_front()),
                1 | 4 => {
                    items.push(int(step));
                    model.push_back(step);
                }
                2 => {
                    items.push(int(-step));
                    model.push_back(-step);
                    items.push(int(step * 2));
                    model.push_back(step * 2);
                }
                _ if step % 4 == 0 => {
                    items.insert(0, int(7));
                    model.push_front(7);
                }
                _ => assert_eq!(items.pop().map(|v| v.as_int()), model.pop_back()),
            }
            assert_eq!(ints(&items), model.iter().copied().collect::<Vec<_>>());
            assert!(items.allocated() >= items.len());
        }
        while items.pop_front().is_some() {}
        assert!(items.is_empty());
        items.push(int(1));
        items[0] = int(5);
        assert_eq!(ints(&items), [5]);
    }

    /// A steady queue (pop one, push one) moves its items rarely: the
    /// allocation stays bounded and the items in order.
    #[test]
    fn steady_queue_stays_bounded() {
        let mut items = ListItems::from((0..100).map(int).collect::<Vec<_>>());
        for i in 100..100_000 {
            assert_eq!(items.pop_front().map(|v| v.as_int()), Some(i - 100));
            items.push(int(i));
        }
        assert_eq!(items.len(), 100);
        assert!(items.allocated() <= 400, "{}", items.allocated());
    }
}
