//! The process allocator: mimalloc, with a separate arena for the JIT's
//! optimizer thread.
//!
//! mimalloc hands out memory in 64 KiB pages from one shared arena whose
//! 32 MiB chunks a thread searches starting at `thread number % chunks in
//! use`. The interpreter thread is thread 1, so once a second chunk is in
//! use it takes fresh pages there first and leaves the pages a collection
//! freed in chunk 0 unused until chunk 1 is full. The optimizer thread's
//! few dozen pages (one per size class it uses, each touching its own
//! 2 MiB transparent huge page) were enough to push the interpreter's heap
//! over the first chunk's end: trees.py peaked at 52 MB under `full`
//! against 36 MB under `raw`, with the same objects. So the optimizer
//! thread allocates from an arena of its own, which nothing else uses and
//! which is mapped without huge pages (it holds a few MB at most); the
//! interpreter's arena then fills exactly as under `raw` and `sync`.
//! The interpreter thread allocates there too during JIT pauses
//! (`jit/src/pause_heap.rs`): a pause that took the first block of a fresh
//! 2 MiB huge page of the shared arena paid 2-5 ms for zeroing it.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::ffi::c_void;
use std::sync::OnceLock;

/// mimalloc's heap handle (`mi_heap_t*`).
type HeapHandle = *mut c_void;

// mimalloc's heap functions (in the library the `mimalloc` crate links).
extern "C" {
    fn mi_heap_malloc_aligned(heap: HeapHandle, size: usize, alignment: usize) -> *mut c_void;
    fn mi_heap_zalloc_aligned(heap: HeapHandle, size: usize, alignment: usize) -> *mut c_void;
    fn mi_heap_realloc_aligned(
        heap: HeapHandle,
        p: *mut c_void,
        newsize: usize,
        alignment: usize,
    ) -> *mut c_void;
    fn mi_manage_os_memory_ex(
        start: *mut c_void,
        size: usize,
        is_committed: bool,
        is_pinned: bool,
        is_zero: bool,
        numa_node: i32,
        exclusive: bool,
        arena_id: *mut *mut c_void,
    ) -> bool;
    fn mi_heap_new_in_arena(arena_id: *mut c_void) -> HeapHandle;
}

/// Address space reserved for the separate arena (only touched pages
/// cost memory; the optimizer thread's live data is a few MB).
const SEPARATE_ARENA_BYTES: usize = 256 << 20;

thread_local! {
    /// The heap this thread allocates from instead of the shared one
    /// (null: the shared one, as on every thread but the optimizer's).
    static THREAD_HEAP: Cell<HeapHandle> = const { Cell::new(std::ptr::null_mut()) };
}

/// The separate arena: its heap (null if it could not be made) and the
/// addresses it covers.
struct SeparateArena {
    heap: HeapHandle,
    /// Where the arena begins (read by the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    start: usize,
}

// SAFETY: a mimalloc heap may be used from any thread (each gets its own
// thread-local part); the handle is only passed to mimalloc.
unsafe impl Send for SeparateArena {}
// SAFETY: as above; nothing is read through the handle here.
unsafe impl Sync for SeparateArena {}

static SEPARATE: OnceLock<SeparateArena> = OnceLock::new();

/// The global allocator: mimalloc, from the calling thread's heap.
pub struct TernAllocator;

/// mimalloc's own global allocator, for every thread with no heap of its own.
const SHARED: mimalloc::MiMalloc = mimalloc::MiMalloc;

impl TernAllocator {
    #[inline]
    fn thread_heap() -> HeapHandle {
        THREAD_HEAP.with(Cell::get)
    }
}

// SAFETY: every block comes from mimalloc with the layout's size and
// alignment, and mimalloc frees and reallocates a block of any of its
// heaps from any thread.
unsafe impl GlobalAlloc for TernAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let heap = Self::thread_heap();
        if heap.is_null() {
            return SHARED.alloc(layout);
        }
        let p = mi_heap_malloc_aligned(heap, layout.size(), layout.align());
        if p.is_null() {
            // The separate arena is full: fall back to the shared one.
            return SHARED.alloc(layout);
        }
        p as *mut u8
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let heap = Self::thread_heap();
        if heap.is_null() {
            return SHARED.alloc_zeroed(layout);
        }
        let p = mi_heap_zalloc_aligned(heap, layout.size(), layout.align());
        if p.is_null() {
            return SHARED.alloc_zeroed(layout);
        }
        p as *mut u8
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        SHARED.dealloc(ptr, layout);
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let heap = Self::thread_heap();
        if heap.is_null() {
            return SHARED.realloc(ptr, layout, new_size);
        }
        let p = mi_heap_realloc_aligned(heap, ptr as *mut c_void, new_size, layout.align());
        if p.is_null() {
            // `ptr` is still valid (a failed realloc frees nothing).
            return SHARED.realloc(ptr, layout, new_size);
        }
        p as *mut u8
    }
}

/// Makes the calling thread allocate from the separate arena (made at the
/// first call). Called at the start of the JIT's optimizer thread.
pub fn use_separate_arena() {
    let heap = SEPARATE.get_or_init(make_separate_arena).heap;
    THREAD_HEAP.with(|h| h.set(heap));
}

/// Makes the calling thread allocate from the shared arena again (the end
/// of a main-thread JIT pause, see `jit/src/pause_heap.rs`).
pub fn use_shared_arena() {
    THREAD_HEAP.with(|h| h.set(std::ptr::null_mut()));
}

/// Maps the separate arena (no huge pages: it holds little) and makes a
/// heap that allocates only there (null if the system refuses).
fn make_separate_arena() -> SeparateArena {
    let refused = SeparateArena {
        heap: std::ptr::null_mut(),
        start: 0,
    };
    // SAFETY: a fresh anonymous private mapping that nothing else uses is
    // handed to mimalloc, which owns it from then on.
    unsafe {
        let start = libc::mmap(
            std::ptr::null_mut(),
            SEPARATE_ARENA_BYTES,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        );
        if start == libc::MAP_FAILED {
            return refused;
        }
        libc::madvise(start, SEPARATE_ARENA_BYTES, libc::MADV_NOHUGEPAGE);
        let mut arena: *mut c_void = std::ptr::null_mut();
        if !mi_manage_os_memory_ex(
            start,
            SEPARATE_ARENA_BYTES,
            true,
            false,
            true,
            -1,
            true,
            &mut arena,
        ) {
            libc::munmap(start, SEPARATE_ARENA_BYTES);
            return refused;
        }
        SeparateArena {
            heap: mi_heap_new_in_arena(arena),
            start: start as usize,
        }
    }
}

/// Is `p` in the separate arena?
#[cfg(test)]
fn in_separate_arena(p: *const u8) -> bool {
    SEPARATE.get().is_some_and(|a| {
        !a.heap.is_null() && (a.start..a.start + SEPARATE_ARENA_BYTES).contains(&(p as usize))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Addresses of a few blocks of different size classes.
    fn some_blocks() -> Vec<Box<[u8]>> {
        [8, 100, 5000, 40_000, 300_000]
            .iter()
            .map(|&n| vec![7u8; n].into_boxed_slice())
            .collect()
    }

    #[test]
    fn a_thread_that_asks_allocates_in_the_separate_arena_and_others_do_not() {
        let (theirs, in_arena) = std::thread::spawn(|| {
            use_separate_arena();
            let blocks = some_blocks();
            let in_arena: Vec<bool> = blocks
                .iter()
                .map(|b| in_separate_arena(b.as_ptr()))
                .collect();
            (blocks, in_arena)
        })
        .join()
        .unwrap();
        assert!(in_arena.iter().all(|&x| x), "{in_arena:?}");
        let mine = some_blocks();
        assert!(mine.iter().all(|b| !in_separate_arena(b.as_ptr())));
        // Blocks of the separate arena are freed and grown from other
        // threads with their contents intact.
        for mut b in theirs.into_iter().map(Vec::from) {
            let n = b.len();
            b.resize(n * 3, 9);
            assert!(b[..n].iter().all(|&x| x == 7) && b[n..].iter().all(|&x| x == 9));
        }
    }

    #[test]
    fn a_pause_allocates_in_the_separate_arena_and_then_the_thread_goes_back() {
        std::thread::spawn(|| {
            let before = some_blocks();
            use_separate_arena();
            let during = some_blocks();
            use_shared_arena();
            let after = some_blocks();
            assert!(before.iter().all(|b| !in_separate_arena(b.as_ptr())));
            assert!(during.iter().all(|b| in_separate_arena(b.as_ptr())));
            assert!(after.iter().all(|b| !in_separate_arena(b.as_ptr())));
        })
        .join()
        .unwrap();
    }
}
