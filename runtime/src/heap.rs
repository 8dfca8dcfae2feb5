//! The heap: allocation with debt accounting and a precise, non-moving
//! mark-sweep collector that runs only when the VM asks (at safepoints).
//!
//! Allocation never collects; it only adds to the debt. The VM checks
//! [`Heap::wants_collection`] at loop back-edges and calls, and then calls
//! [`Heap::collect`] with a closure that marks every root it holds (frame
//! slots, globals, constants). Objects never move, so machine code may embed
//! their addresses. Marking uses an explicit work list, so deep structures
//! cannot overflow the Rust stack.

use crate::map::Map;
use crate::object::{
    drop_object, free_object, trace_object, ClassObj, Header, HeapObject, InstanceObj, ListObj,
    ObjKind, StrObj, TupleObj,
};
use crate::value::Value;
use std::alloc::Layout;

/// Collect once this many bytes were allocated since the last collection
/// (after a collection, 64 bytes per live object if that is more). 4 MiB rather
/// than 8: the heap touches less fresh memory (peak RSS under `raw`:
/// json_parse 21.6 -> 15.9 MB) for a little more marking (trees `raw`
/// +3% instructions). Measured against 8 MiB on six programs (task-clock
/// medians of 9 interleaved runs), 8 MiB cost 3.3% more CPU time under
/// `raw`, 7.6% under `full`, 3.1% under `sync`: the smaller working set
/// pays for the marking. 2 MiB cost trees 10% more instructions.
const MIN_THRESHOLD: usize = 4 << 20;

/// A spare instance keeps a slot vector up to this capacity for reuse.
const SPARE_SLOTS_MAX: usize = 8;

/// Freed blocks of up to this many words are kept for reuse (see
/// `Heap::recycled`): every fixed-size object and strs of up to ~200 bytes.
const RECYCLE_WORDS: usize = 32;

/// Marks reachable objects; handed to root-marking closures.
pub struct Tracer {
    work: Vec<*mut Header>,
}

impl Tracer {
    /// Marks `v` (and later everything reachable from it) if it is a heap object.
    #[inline]
    pub fn mark(&mut self, v: Value) {
        if v.is_ptr() {
            self.mark_header(v.as_ptr::<Header>());
        }
    }

    /// Marks every value of a slice.
    pub fn mark_all(&mut self, vs: &[Value]) {
        for &v in vs {
            self.mark(v);
        }
    }

    /// Marks an object given its header pointer (null is ignored).
    #[inline]
    pub fn mark_header(&mut self, h: *mut Header) {
        if h.is_null() {
            return;
        }
        // SAFETY: every non-null header pointer handed to the tracer points at a
        // live object allocated by `Heap::alloc` (objects are freed only by sweep,
        // after marking has finished).
        let header = unsafe { &*h };
        if !header.marked.get() {
            header.marked.set(true);
            // An object without references (a str, a big int, a range) has
            // nothing to trace: it need not go through the work list.
            if !header.kind.is_leaf() {
                self.work.push(h);
            }
        }
    }

    /// Marks a typed object pointer.
    #[inline]
    pub fn mark_obj<T: HeapObject>(&mut self, p: *mut T) {
        self.mark_header(p as *mut Header);
    }
}

/// Statistics about the heap, for `--gc-stats`-like reporting and tests.
#[derive(Clone, Copy, Debug, Default)]
pub struct HeapStats {
    /// Objects currently allocated.
    pub objects: usize,
    /// Collections run so far.
    pub collections: usize,
    /// Objects freed by the last collection.
    pub last_freed: usize,
}

/// All heap objects and the collector's bookkeeping.
pub struct Heap {
    objects: Vec<*mut Header>,
    debt: usize,
    threshold: usize,
    collections: usize,
    last_freed: usize,
    /// Values held by Rust code across a call that may run Python code (and so
    /// reach a safepoint). Push with [`Heap::push_root`], pop with [`Heap::pop_roots`].
    temp_roots: Vec<Value>,
    /// Collect at every safepoint (testing aid: `TERN_GC_STRESS=1`).
    pub stress: bool,
    /// Instances the last collection found unreachable, not freed but kept
    /// (with their slot vectors, emptied) for the next instance allocations:
    /// programs that make many short-lived objects then skip two frees and
    /// two allocations per instance. The next collection frees those not
    /// reused, so at most one cycle's garbage instances stay.
    spare_instances: Vec<*mut InstanceObj>,
    /// Blocks of the objects the last collection freed (their destructors
    /// run), by size in words: `recycled[n]` heads a list of `n`-word
    /// blocks linked through their first word. Allocation takes a block of
    /// its size from here before asking the allocator, so a program that
    /// makes and drops objects of a few sizes (strs, tuples, iterators,
    /// bound methods) skips a `free` and a `malloc` per object. As with
    /// spare instances, the next collection frees the blocks not reused,
    /// so at most one cycle's garbage stays.
    recycled: [*mut u8; RECYCLE_WORDS + 1],
}

/// The recycling list for blocks of `layout`, if blocks of its size are
/// recycled (a whole number of words, word-aligned, small).
#[inline]
fn recycle_class(layout: Layout) -> Option<usize> {
    let words = layout.size() / 8;
    (layout.align() == 8 && layout.size().is_multiple_of(8) && (1..=RECYCLE_WORDS).contains(&words))
        .then_some(words)
}

/// Destroys the unreachable object at `h` (not a str or an instance) and
/// recycles or frees its block. Out of line: the sweep's loop stays small.
///
/// # Safety
/// `h` must be a live allocation of the heap that nothing can reach and
/// that leaves `objects`.
#[inline(never)]
unsafe fn destroy_and_recycle(recycled: &mut [*mut u8; RECYCLE_WORDS + 1], h: *mut Header) {
    // SAFETY: the caller's contract.
    unsafe {
        let layout = drop_object(h);
        recycle(recycled, h as *mut u8, layout);
    }
}

/// Asks the CPU to start loading the header at `h` (a hint; no effect on
/// what the program computes).
#[inline(always)]
fn prefetch(h: *const Header) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(h as *const i8)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = h;
}

/// Keeps the block `p` of `layout`, which holds no object any more, on its
/// recycling list, or frees it if blocks of its size are not recycled.
///
/// # Safety
/// `p` must be a block allocated with `layout` that nothing refers to.
#[inline]
unsafe fn recycle(recycled: &mut [*mut u8; RECYCLE_WORDS + 1], p: *mut u8, layout: Layout) {
    match recycle_class(layout) {
        Some(words) => {
            // SAFETY: the block is at least a word long and word-aligned, and
            // unused: its first word can hold the link.
            unsafe { *(p as *mut *mut u8) = recycled[words] };
            recycled[words] = p;
        }
        // SAFETY: the caller's contract.
        None => unsafe { std::alloc::dealloc(p, layout) },
    }
}

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

impl Heap {
    /// An empty heap.
    pub fn new() -> Self {
        Heap {
            objects: Vec::with_capacity(1 << 12),
            debt: 0,
            threshold: MIN_THRESHOLD,
            collections: 0,
            last_freed: 0,
            temp_roots: Vec::new(),
            stress: std::env::var_os("TERN_GC_STRESS").is_some(),
            spare_instances: Vec::new(),
            recycled: [std::ptr::null_mut(); RECYCLE_WORDS + 1],
        }
    }

    /// A block for an object of `layout`: a recycled one of its size, else
    /// a new allocation.
    #[inline]
    fn block(&mut self, layout: Layout) -> *mut u8 {
        if let Some(words) = recycle_class(layout) {
            let head = self.recycled[words];
            if !head.is_null() {
                // SAFETY: a recycled block's first word links to the next
                // block of its list (see `recycle`).
                let next = unsafe { *(head as *mut *mut u8) };
                self.recycled[words] = next;
                // The next allocation of this size reads that block's link
                // (and its caller writes the block): start loading it now,
                // while the program works (the blocks of a list are
                // scattered: nearly every one is a cache miss).
                prefetch(next as *const Header);
                return head;
            }
        }
        // SAFETY: every heap object has a non-zero size.
        let p = unsafe { std::alloc::alloc(layout) };
        if p.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        p
    }

    /// Frees every recycled block (those not reused since the collection
    /// that freed them).
    fn release_recycled(&mut self) {
        for (words, head) in self.recycled.iter_mut().enumerate() {
            let mut p = std::mem::replace(head, std::ptr::null_mut());
            while !p.is_null() {
                // SAFETY: as in `block`: the first word links the list.
                let next = unsafe { *(p as *mut *mut u8) };
                // SAFETY: blocks on list `words` were allocated with this
                // layout (`recycle_class` gives a list only to word-aligned
                // whole-word sizes) and hold no object.
                unsafe { std::alloc::dealloc(p, Layout::from_size_align_unchecked(words * 8, 8)) };
                p = next;
            }
        }
    }

    /// Moves `obj` to the heap (into a recycled block of its size when
    /// there is one) and returns its address. Never collects.
    #[inline]
    pub fn alloc<T: HeapObject>(&mut self, obj: T) -> *mut T {
        self.debt += std::mem::size_of::<T>() + obj.extra_bytes();
        let p = self.block(Layout::new::<T>()) as *mut T;
        // SAFETY: `p` is an unused block of `T`'s layout.
        unsafe { p.write(obj) };
        self.objects.push(p as *mut Header);
        p
    }

    /// An empty vector with room for exactly `n` values, in a recycled
    /// block of that size when there is one: a list copy (`perm[:]`) then
    /// costs no allocator call, and its buffer, when the list dies, no free
    /// (the sweep recycles list buffers). The blocks
    /// are interchangeable: the process allocator gave each its
    /// word-aligned size, as it gives a `Vec<Value>` of capacity `n`.
    #[inline]
    pub fn value_vec(&mut self, n: usize) -> Vec<Value> {
        const _: () = assert!(std::mem::size_of::<Value>() == 8);
        if (1..=RECYCLE_WORDS).contains(&n) {
            let head = self.recycled[n];
            if !head.is_null() {
                // SAFETY: as in `block`.
                let next = unsafe { *(head as *mut *mut u8) };
                self.recycled[n] = next;
                prefetch(next as *const Header);
                // SAFETY: `head` is an unused block of `n` words, made
                // by the global allocator with the layout of `n` values
                // (size `8 * n`, word-aligned), which the vector frees or
                // grows with that same layout.
                return unsafe { Vec::from_raw_parts(head as *mut Value, 0, n) };
            }
        }
        Vec::with_capacity(n)
    }

    /// Like [`Heap::alloc`], but builds the object only once its block is
    /// at hand, straight into the block: `alloc(obj)` builds `obj` on the
    /// stack before the block is found (a possible allocator call), then
    /// copies it with 16-byte moves that span the stack's narrower stores,
    /// which the CPU cannot forward: the copy waits until every older store
    /// is in the cache (perf: 96% of `h_range_iter`'s samples on that load).
    #[inline(always)]
    pub fn alloc_with<T: HeapObject>(&mut self, make: impl FnOnce() -> T) -> *mut T {
        let p = self.block(Layout::new::<T>()) as *mut T;
        // SAFETY: `p` is an unused block of `T`'s layout.
        unsafe { p.write(make()) };
        // SAFETY: `p` holds the object just written.
        self.debt += std::mem::size_of::<T>() + unsafe { (*p).extra_bytes() };
        self.objects.push(p as *mut Header);
        p
    }

    /// A new str of `byte_len` bytes and `char_len` characters whose text
    /// is `parts` one after the other, in one allocation (see `StrObj`).
    /// Never collects.
    ///
    /// Panics if the parts do not add up to `byte_len` bytes (a caller's
    /// bug: every caller sums the same parts).
    #[inline]
    pub fn alloc_str<'s>(
        &mut self,
        byte_len: usize,
        char_len: usize,
        parts: impl IntoIterator<Item = &'s str>,
    ) -> *mut StrObj {
        let (p, text) = self.str_block(byte_len, char_len);
        let mut at = 0;
        for part in parts {
            assert!(part.len() <= byte_len - at, "str parts exceed its length");
            // SAFETY: `at + part.len() <= byte_len`: inside the text, which
            // no part (a live str or Rust string) overlaps.
            unsafe { copy_text(part, text.add(at)) };
            at += part.len();
        }
        assert_eq!(at, byte_len, "str parts fall short of its length");
        // SAFETY: the text is written in full (checked just above).
        debug_assert_eq!(unsafe { (*p).value.chars().count() }, char_len);
        p
    }

    /// A new str holding a copy of `text` of `char_len` characters: the
    /// common one-part case of [`Heap::alloc_str`]. Never collects.
    #[inline]
    pub fn alloc_str_copy(&mut self, text: &str, char_len: usize) -> *mut StrObj {
        let (p, dst) = self.str_block(text.len(), char_len);
        // SAFETY: `dst` has room for `text.len()` bytes, in a new block no
        // live text overlaps.
        unsafe { copy_text(text, dst) };
        debug_assert_eq!(text.chars().count(), char_len);
        p
    }

    /// A new tuple holding a copy of `items`, in one allocation (see
    /// `TupleObj`). Never collects.
    #[inline]
    pub fn alloc_tuple(&mut self, items: &[Value]) -> *mut TupleObj {
        let layout = TupleObj::layout(items.len());
        let p = self.block(layout) as *mut TupleObj;
        // SAFETY: `p` is an allocation of `TupleObj::layout(items.len())`;
        // the items are written at once, into a new block `items` does
        // not overlap.
        unsafe {
            let dst = TupleObj::init(p, items.len());
            std::ptr::copy_nonoverlapping(items.as_ptr(), dst, items.len());
        }
        self.debt += layout.size();
        self.objects.push(p as *mut Header);
        p
    }

    /// A new str of `byte_len` bytes and `char_len` characters whose text
    /// the caller writes (at the address returned with it): for texts
    /// built from many parts, where [`Heap::alloc_str`]'s per-part checks
    /// would cost more than the copies. Never collects.
    ///
    /// # Safety
    /// The caller writes all `byte_len` bytes, UTF-8 text of `char_len`
    /// characters, before anything reads the str.
    #[inline]
    pub unsafe fn alloc_str_unwritten(
        &mut self,
        byte_len: usize,
        char_len: usize,
    ) -> (*mut StrObj, *mut u8) {
        self.str_block(byte_len, char_len)
    }

    /// A new str object of `byte_len` bytes and `char_len` characters,
    /// listed and accounted, and where its text goes: the caller writes
    /// the text before anything reads it.
    #[inline]
    fn str_block(&mut self, byte_len: usize, char_len: usize) -> (*mut StrObj, *mut u8) {
        let layout = StrObj::layout(byte_len);
        let p = self.block(layout) as *mut StrObj;
        // SAFETY: `p` is an allocation of `StrObj::layout(byte_len)`: its
        // last word is inside it (the fields come after, so a text of no
        // bytes keeps its length). Zeroed so that the padding after the
        // text reads as zeros: `str_words` reads a short text by words.
        unsafe { (p as *mut u8).add(layout.size() - 8).cast::<u64>().write(0) };
        // SAFETY: `p` is an allocation of `StrObj::layout(byte_len)`; the
        // caller writes the text.
        let text = unsafe { StrObj::init(p, byte_len, char_len) };
        self.debt += layout.size();
        self.objects.push(p as *mut Header);
        (p, text)
    }

    /// A new instance of `class` with layout `map` and no slots (an empty
    /// vector, maybe with capacity), for the caller to fill: a spare
    /// instance when there is one (see `spare_instances`), else a new
    /// allocation. The slots' capacity is accounted here; the caller adds
    /// (with [`Heap::add_debt`]) what it grows them by. Never collects.
    #[inline]
    pub fn alloc_instance(&mut self, class: *mut ClassObj, map: *const Map) -> *mut InstanceObj {
        let Some(p) = self.spare_instances.pop() else {
            return self.alloc_new_instance(class, map);
        };
        // SAFETY: spare instances are allocations of `Heap::alloc` that no
        // value refers to any more (the collection found them unreachable)
        // and that are not in `objects`: this is their only owner.
        self.revive_spare(unsafe { &mut *p }, class, map);
        self.objects.push(p as *mut Header);
        p
    }

    /// Makes a spare instance (taken off `spare_instances`) a new instance
    /// of `class` with layout `map`, and accounts for it; the caller lists
    /// it in `objects`.
    #[inline(always)]
    fn revive_spare(&mut self, inst: &mut InstanceObj, class: *mut ClassObj, map: *const Map) {
        inst.header = Header::new(ObjKind::Instance);
        inst.class = class;
        inst.map = map;
        self.debt += std::mem::size_of::<InstanceObj>() + inst.extra_bytes();
    }

    /// [`Heap::alloc_instance`]'s common case, with no call: the last spare
    /// instance if its slots have room for `room` values and `objects` has
    /// room to list it, else None (the caller takes the general path).
    /// Call-free so that a caller's fast path saves no registers.
    #[inline(always)]
    pub fn alloc_spare_instance(
        &mut self,
        class: *mut ClassObj,
        map: *const Map,
        room: usize,
    ) -> Option<*mut InstanceObj> {
        let p = *self.spare_instances.last()?;
        let listed = self.objects.len();
        // SAFETY: as in `alloc_instance`: a spare instance's only owner.
        let inst = unsafe { &mut *p };
        if inst.slots.capacity() < room || listed == self.objects.capacity() {
            return None;
        }
        self.spare_instances.pop();
        self.revive_spare(inst, class, map);
        // SAFETY: `listed` is below the capacity (checked above): the
        // vector has room for one more without growing.
        unsafe {
            self.objects
                .as_mut_ptr()
                .add(listed)
                .write(p as *mut Header);
            self.objects.set_len(listed + 1);
        }
        Some(p)
    }

    /// [`Heap::alloc_instance`] without a spare instance: a new allocation
    /// with the class's hinted slot capacity. Out of line, so that the
    /// spare path inlines into its callers and saves no registers.
    #[inline(never)]
    fn alloc_new_instance(&mut self, class: *mut ClassObj, map: *const Map) -> *mut InstanceObj {
        // SAFETY: `class` is a live class.
        let hint = unsafe { (*class).slot_hint.get() } as usize;
        self.debt += hint * std::mem::size_of::<Value>();
        self.alloc(InstanceObj {
            header: Header::new(ObjKind::Instance),
            class,
            map,
            slots: Vec::with_capacity(hint),
        })
    }

    /// Allocates and returns the object as a `Value`.
    #[inline]
    pub fn alloc_value<T: HeapObject>(&mut self, obj: T) -> Value {
        Value::from_ptr(self.alloc(obj))
    }

    /// Records `bytes` of memory owned by an object that grew (a list's buffer).
    #[inline]
    pub fn add_debt(&mut self, bytes: usize) {
        self.debt += bytes;
    }

    /// Addresses of the allocation debt and the debt that asks for a
    /// collection: compiled loops compare them at their headers.
    pub fn debt_words(&self) -> (*const usize, *const usize) {
        (&self.debt, &self.threshold)
    }

    /// Should the VM collect at this safepoint?
    #[inline]
    pub fn wants_collection(&self) -> bool {
        self.debt >= self.threshold || self.stress
    }

    /// Keeps `v` alive until the matching [`Heap::pop_roots`].
    #[inline]
    pub fn push_root(&mut self, v: Value) {
        self.temp_roots.push(v);
    }

    /// Drops the last `n` temporary roots.
    #[inline]
    pub fn pop_roots(&mut self, n: usize) {
        let len = self.temp_roots.len();
        self.temp_roots.truncate(len.saturating_sub(n));
    }

    /// Number of temporary roots (to restore after an error unwound past pushes).
    pub fn temp_root_depth(&self) -> usize {
        self.temp_roots.len()
    }

    /// Truncates the temporary roots to `depth`.
    pub fn restore_temp_roots(&mut self, depth: usize) {
        self.temp_roots.truncate(depth);
    }

    /// Runs a full collection: `mark_roots` marks every root the caller holds;
    /// temporary roots are marked here. Everything unreachable is freed,
    /// except instances, kept as spares for the next instance allocations
    /// (see `spare_instances`); spares not reused since the last
    /// collection are freed first.
    pub fn collect(&mut self, mark_roots: &mut dyn FnMut(&mut Tracer)) {
        let mut tracer = Tracer {
            work: Vec::with_capacity(256),
        };
        mark_roots(&mut tracer);
        tracer.mark_all(&self.temp_roots);
        while let Some(h) = tracer.work.pop() {
            // SAFETY: only live objects are pushed on the work list (see `mark_header`).
            unsafe { trace_object(h, &mut tracer) };
        }
        // Spares the last cycle did not reuse: the program does not need them.
        for p in self.spare_instances.drain(..) {
            // SAFETY: a spare is an unreachable allocation only this list owns.
            unsafe { free_object(p as *mut Header) };
        }
        self.release_recycled();
        let before = self.objects.len();
        self.sweep();
        self.last_freed = before - self.objects.len();
        self.collections += 1;
        self.debt = 0;
        // Grow with the live set so collection cost stays proportional to allocation.
        self.threshold = MIN_THRESHOLD.max(self.objects.len() * 64);
        log::debug!(target: "gc", "collection {}: freed {}, live {}", self.collections, self.last_freed, self.objects.len());
    }

    /// The sweep: keeps the marked objects in `objects` (in order, their
    /// marks cleared) and disposes of the others (see
    /// [`Heap::dispose`]). A plain compaction loop rather than
    /// `Vec::retain`, whose closure stops being inlined once the garbage
    /// path grows. The header a few objects ahead is prefetched (nearly
    /// every header the sweep reads is a cache miss); the last few
    /// objects, with nothing ahead, are swept without.
    fn sweep(&mut self) {
        // At ~3 ns an object, 8 ahead was less than one memory latency.
        const PREFETCH_AHEAD: usize = 32;
        let len = self.objects.len();
        let base = self.objects.as_mut_ptr();
        let mut kept = 0;
        let ahead = len.saturating_sub(PREFETCH_AHEAD);
        // SAFETY (both loops): `i < len` and `kept <= i`, so both are inside
        // the vector, whose buffer nothing else touches during the loop
        // (disposing of an object only touches that object and the spare
        // and recycling lists); `objects` holds exactly the live
        // allocations, each visited once.
        for i in 0..ahead {
            unsafe {
                prefetch(*base.add(i + PREFETCH_AHEAD));
                self.sweep_one(*base.add(i), base, &mut kept);
            }
        }
        for i in ahead..len {
            unsafe { self.sweep_one(*base.add(i), base, &mut kept) };
        }
        // SAFETY: the first `kept` entries were written above; the rest
        // were unreachable objects, now destroyed, spare or recycled.
        unsafe { self.objects.set_len(kept) };
    }

    /// One object of the sweep: kept (written to `objects[kept]`, its mark
    /// cleared) if marked, else disposed of.
    ///
    /// # Safety
    /// `h` must be a live allocation of this heap, visited once, and
    /// `base[kept]` inside `objects` at or before `h`'s entry.
    #[inline(always)]
    unsafe fn sweep_one(&mut self, h: *mut Header, base: *mut *mut Header, kept: &mut usize) {
        // SAFETY: the caller's contract.
        unsafe {
            if (*h).marked.get() {
                (*h).marked.set(false);
                *base.add(*kept) = h;
                *kept += 1;
            } else {
                self.dispose(h);
            }
        }
    }

    /// Disposes of an unreachable object: a str's or tuple's block is
    /// recycled (it owns nothing else), a list's block and its items' buffer
    /// too, an instance becomes a spare (its slots emptied), anything else
    /// is destroyed out of line and its block recycled or freed.
    ///
    /// # Safety
    /// `h` must be a live allocation of this heap that nothing can reach,
    /// and it must leave `objects`.
    #[inline(always)]
    unsafe fn dispose(&mut self, h: *mut Header) {
        // SAFETY: the caller's contract: the object is ours to dispose of.
        unsafe {
            match (*h).kind {
                ObjKind::Str => {
                    let layout = StrObj::layout_of(h as *const StrObj);
                    recycle(&mut self.recycled, h as *mut u8, layout);
                }
                ObjKind::Tuple => {
                    let layout = TupleObj::layout((*(h as *const TupleObj)).items.len);
                    recycle(&mut self.recycled, h as *mut u8, layout);
                }
                ObjKind::List => {
                    // The buffer joins the recycled blocks of its size (or is
                    // freed), then the object's block: no destructor call.
                    let items = std::ptr::read(&(*(h as *mut ListObj)).items);
                    if let Some((buf, room)) = items.into_allocation() {
                        let layout = Layout::from_size_align_unchecked(room * 8, 8);
                        recycle(&mut self.recycled, buf as *mut u8, layout);
                    }
                    recycle(&mut self.recycled, h as *mut u8, Layout::new::<ListObj>());
                }
                ObjKind::Instance => {
                    let inst = &mut *(h as *mut InstanceObj);
                    if inst.slots.capacity() > SPARE_SLOTS_MAX {
                        inst.slots = Vec::new();
                    } else {
                        inst.slots.clear();
                    }
                    self.spare_instances.push(h as *mut InstanceObj);
                }
                _ => destroy_and_recycle(&mut self.recycled, h),
            }
        }
    }

    /// Current statistics.
    pub fn stats(&self) -> HeapStats {
        HeapStats {
            objects: self.objects.len(),
            collections: self.collections,
            last_freed: self.last_freed,
        }
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        let spares = self.spare_instances.iter().map(|&p| p as *mut Header);
        for h in self.objects.iter().copied().chain(spares) {
            // SAFETY: the heap is going away with every object it owns; each
            // allocation is freed exactly once and nothing can reach them after.
            unsafe { free_object(h) };
        }
        self.release_recycled();
    }
}

/// Copies `text` to `dst`. The texts of most strs programs build (a
/// character, a word, a number) are short: up to 16 bytes they are moved
/// by two overlapping loads and stores of the widest size that fits, not
/// by a call of `memcpy` (strings.py's joins made 2.8M such calls).
///
/// # Safety
/// `dst` must be valid for `text.len()` bytes of writes and not overlap
/// `text`.
#[inline(always)]
pub unsafe fn copy_text(text: &str, dst: *mut u8) {
    let (src, len) = (text.as_ptr(), text.len());
    // SAFETY (every arm): the reads stay within `text`'s `len` bytes and
    // the writes within `dst`'s, as the caller promises; unaligned
    // accesses are used because neither side is aligned.
    unsafe {
        if len > 16 {
            std::ptr::copy_nonoverlapping(src, dst, len);
        } else if len >= 8 {
            let (a, b) = (
                (src as *const u64).read_unaligned(),
                (src.add(len - 8) as *const u64).read_unaligned(),
            );
            (dst as *mut u64).write_unaligned(a);
            (dst.add(len - 8) as *mut u64).write_unaligned(b);
        } else if len >= 4 {
            let (a, b) = (
                (src as *const u32).read_unaligned(),
                (src.add(len - 4) as *const u32).read_unaligned(),
            );
            (dst as *mut u32).write_unaligned(a);
            (dst.add(len - 4) as *mut u32).write_unaligned(b);
        } else if len > 0 {
            // 1..=3 bytes: the first, the middle and the last.
            let (a, b, c) = (*src, *src.add(len / 2), *src.add(len - 1));
            *dst = a;
            *dst.add(len / 2) = b;
            *dst.add(len - 1) = c;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::object::{downcast, InstanceObj, ListObj, StrObj};
    use crate::runtime::Runtime;
    use crate::value::Value;

    /// Collects with the runtime's own roots and `keep` (as the
    /// interpreter does, less its frames).
    fn collect(rt: &mut Runtime, keep: &[Value]) {
        rt.collect(&mut |t| t.mark_all(keep));
    }

    #[test]
    fn a_str_holds_its_parts_inline_and_is_freed_when_unreachable() {
        let mut rt = Runtime::new();
        let p = rt.heap.alloc_str(9, 6, ["ab", "", "ü€", "cd"]);
        let v = Value::from_ptr(p);
        let obj = downcast::<StrObj>(v).expect("a str");
        assert_eq!(&*obj.value, "abü€cd");
        assert_eq!((obj.char_len, obj.value.len()), (6, 9));
        assert!(!obj.is_ascii());
        // The text lives right after the object, in the same allocation.
        assert_eq!(
            obj.value.as_ptr() as usize,
            p as usize + std::mem::size_of::<StrObj>()
        );
        let lost = rt.new_str("temporary text");
        let live = rt.heap.stats().objects;
        collect(&mut rt, &[v]);
        assert_eq!(rt.heap.stats().objects, live - 1);
        assert_eq!(crate::runtime::str_of(v), "abü€cd");
        assert_ne!(lost.to_bits(), v.to_bits());
    }

    #[test]
    fn freed_blocks_serve_the_next_objects_of_their_size() {
        let mut rt = Runtime::new();
        // Two strs of 20 and 24 bytes share a block size (rounded to words);
        // a range is another size.
        let lost = rt.new_str("twenty bytes of text");
        let lost_range = rt.heap.alloc_value(crate::object::RangeObj {
            header: crate::object::Header::new(crate::object::ObjKind::Range),
            start: 0,
            stop: 1,
            step: 1,
        });
        let keep = rt.new_str("kept");
        collect(&mut rt, &[keep]);
        let again = rt.new_str("twenty-four bytes of txt");
        assert_eq!(again.to_bits(), lost.to_bits());
        assert_eq!(crate::runtime::str_of(again), "twenty-four bytes of txt");
        let range = rt.heap.alloc_value(crate::object::RangeObj {
            header: crate::object::Header::new(crate::object::ObjKind::Range),
            start: 5,
            stop: 9,
            step: 2,
        });
        assert_eq!(range.to_bits(), lost_range.to_bits());
        let r = downcast::<crate::object::RangeObj>(range).expect("a range");
        assert_eq!((r.start, r.stop, r.step), (5, 9, 2));
        assert_eq!(crate::runtime::str_of(keep), "kept");
    }

    #[test]
    fn a_dead_lists_buffer_serves_the_next_vector_of_its_room() {
        let mut rt = Runtime::new();
        let items = |n: i64| {
            (0..n)
                .map(|i| Value::from_i64(i).unwrap())
                .collect::<Vec<_>>()
        };
        // A list of 9 items with its front popped (its items start one
        // item into the buffer) and one of 40 (too big to keep) die.
        let lost = rt.new_list(items(9));
        let lost_list = downcast::<ListObj>(lost).expect("a list");
        assert_eq!(lost_list.items.allocated(), 9);
        lost_list.items.pop_front();
        let buffer = lost_list.items.as_ptr() as usize - 8;
        let big = rt.new_list(items(40));
        let keep = rt.new_list(items(3));
        collect(&mut rt, &[keep]);
        // The buffer, from its start, serves a vector of its room; a dead
        // list object's block the next list (the last swept first).
        let mut again = rt.heap.value_vec(9);
        assert_eq!(
            (again.as_ptr() as usize, again.len(), again.capacity()),
            (buffer, 0, 9)
        );
        again.extend(items(9).into_iter().rev());
        let list = rt.new_list(again);
        assert!([lost.to_bits(), big.to_bits()].contains(&list.to_bits()));
        let l = downcast::<ListObj>(list).expect("a list");
        assert_eq!(l.items[0], Value::from_i64(8).unwrap());
        assert_eq!(l.items.len(), 9);
        // Vectors of other sizes, and of a size with no recycled block,
        // are new allocations.
        assert_eq!(rt.heap.value_vec(40).capacity(), 40);
        assert_eq!(rt.heap.value_vec(0).capacity(), 0);
        assert_eq!(downcast::<ListObj>(keep).expect("a list").items.len(), 3);
    }

    #[test]
    fn each_recycled_block_serves_exactly_one_later_object() {
        let mut rt = Runtime::new();
        // Three strs of one block size, all lost, then four of that size:
        // the list of that size is taken block by block, the latest freed
        // first (each allocation prefetching the next block), and no block
        // serves twice.
        let lost: Vec<u64> = ["first lost", "second los", "third lost"]
            .iter()
            .map(|t| rt.new_str(t).to_bits())
            .collect();
        collect(&mut rt, &[]);
        let again: Vec<Value> = ["again one!", "again two!", "again 3!!!", "a new one!"]
            .iter()
            .map(|t| rt.new_str(t))
            .collect();
        let bits: Vec<u64> = again.iter().map(|v| v.to_bits()).collect();
        for b in &bits[..3] {
            assert!(lost.contains(b));
        }
        assert!(bits[0] != bits[1] && bits[1] != bits[2] && bits[0] != bits[2]);
        assert!(!lost.contains(&bits[3]));
        let texts: Vec<&str> = again.iter().map(|&v| crate::runtime::str_of(v)).collect();
        assert_eq!(
            texts,
            ["again one!", "again two!", "again 3!!!", "a new one!"]
        );
    }

    #[test]
    fn leaves_reached_only_through_a_list_survive_and_others_are_freed() {
        let mut rt = Runtime::new();
        let s = rt.new_str("a leaf str");
        let big = rt.new_int(num_bigint::BigInt::from(1u64 << 62));
        let t = rt.new_tuple_from(&[s, big]);
        let another = rt.new_str("another");
        let list = rt.new_list(vec![t, another]);
        let lost = [
            rt.new_str("lost"),
            rt.new_int(num_bigint::BigInt::from(3u64 << 60)),
        ];
        assert!(lost.iter().all(|v| v.is_ptr()));
        let live = rt.heap.stats().objects;
        collect(&mut rt, &[list]);
        assert_eq!(rt.heap.stats().objects, live - 2);
        assert_eq!(crate::runtime::str_of(s), "a leaf str");
        // Marks are cleared: the next collection keeps them again.
        collect(&mut rt, &[list]);
        assert_eq!(rt.heap.stats().objects, live - 2);
        let items = crate::protocol::seq_items(t);
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].to_bits(), big.to_bits());
    }

    #[test]
    #[should_panic(expected = "fall short")]
    fn str_parts_must_fill_the_length() {
        let mut rt = Runtime::new();
        rt.heap.alloc_str(5, 5, ["abc"]);
    }

    #[test]
    fn unreachable_instances_are_reused_empty_and_unused_spares_freed() {
        let mut rt = Runtime::new();
        let cls = rt.types.ellipsis_type;
        let x = rt.intern("x");
        let y = rt.intern("y");
        // SAFETY: maps are never freed; the class is a live builtin.
        let map = unsafe { (*(*(*cls).root_map).with_added(x)).with_added(y) };
        let keep = rt.new_instance_with_map(cls, map, [Value::int(1), Value::int(2)]);
        let lost: Vec<u64> = (0..3)
            .map(|i| {
                rt.new_instance_with_map(cls, map, [Value::int(i), Value::NONE])
                    .to_bits()
            })
            .collect();
        let live = rt.heap.stats().objects;
        collect(&mut rt, &[keep]);
        assert_eq!(rt.heap.stats().objects, live - 3);
        assert_eq!(rt.heap.stats().last_freed, 3);
        // The next instances are the lost ones, with the new layout only.
        let again = rt.new_instance(cls);
        assert!(lost.contains(&again.to_bits()));
        let inst = downcast::<InstanceObj>(again).expect("an instance");
        assert!(inst.slots.is_empty());
        // SAFETY: as above.
        assert_eq!(inst.map, unsafe { (*cls).root_map });
        assert!(!inst.header.marked.get());
        let filled = rt.new_instance_with_map(cls, map, [Value::int(7), Value::int(8)]);
        assert!(lost.contains(&filled.to_bits()));
        let inst = downcast::<InstanceObj>(filled).expect("an instance");
        assert_eq!(inst.slots, vec![Value::int(7), Value::int(8)]);
        assert_eq!(rt.heap.stats().objects, live - 1);
        // The kept instance was not touched.
        let kept = downcast::<InstanceObj>(keep).expect("an instance");
        assert_eq!(kept.slots, vec![Value::int(1), Value::int(2)]);
        // One spare was not reused: the next collection frees it, and the
        // two reused ones (unreachable again) become the spares.
        collect(&mut rt, &[keep]);
        assert_eq!(rt.heap.stats().objects, live - 3);
        let third = rt.new_instance(cls);
        let fourth = rt.new_instance(cls);
        let fifth = rt.new_instance(cls);
        let reused = [third, fourth, fifth]
            .iter()
            .filter(|v| [again.to_bits(), filled.to_bits()].contains(&v.to_bits()))
            .count();
        assert_eq!(reused, 2);
    }
}
