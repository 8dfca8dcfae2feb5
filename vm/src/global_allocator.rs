//! The process allocator: mimalloc, asked for plain blocks whenever the
//! alignment allows.
//!
//! The `mimalloc` crate's allocator calls `mi_malloc_aligned` for every
//! allocation. mimalloc 3 serves that from its fast path only when the
//! size class's current page has a free block at hand; otherwise a size
//! that is not a power of two (a 48-byte instance, a 24-byte Vec buffer)
//! goes to the over-allocating fallback, which takes a block of a larger
//! class and never refills the page of its own, so from then on nearly
//! every allocation of that size goes there (~140 instructions, and blocks
//! with interior pointers). Every mimalloc block is at least word aligned
//! (pages start 16-byte aligned and block sizes are multiples of 8), so an
//! alignment up to 8 (every heap object, Vec and Box Tern makes) needs
//! nothing more than `mi_malloc`. trees.py: `raw` 1536M -> 1346M
//! instructions, `sync` 1288M -> 1093M, peak RSS under `raw` 53.7 -> 37.4 MB.
//!
//! The optimizer thread's own arena (`allocator.rs`) is unaffected: it
//! switches the thread's default mimalloc heap, which `mi_malloc` uses too.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

extern "C" {
    fn mi_malloc(size: usize) -> *mut c_void;
    fn mi_zalloc(size: usize) -> *mut c_void;
    fn mi_realloc(p: *mut c_void, size: usize) -> *mut c_void;
}

/// Every mimalloc block is aligned to at least this.
const BLOCK_ALIGN: usize = 8;

/// mimalloc, through `mi_malloc` for alignments every block has.
pub struct PlainMiMalloc;

// SAFETY: each method returns memory from mimalloc that fits `layout`:
// `mi_malloc`/`mi_zalloc`/`mi_realloc` blocks are at least `BLOCK_ALIGN`
// aligned and hold at least the size asked for; larger alignments go to
// the `mimalloc` crate's aligned functions. `mi_free` frees either kind.
unsafe impl GlobalAlloc for PlainMiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= BLOCK_ALIGN {
            // SAFETY: mimalloc is initialised on first use; any size is valid.
            unsafe { mi_malloc(layout.size()) as *mut u8 }
        } else {
            // SAFETY: the caller's contract, passed on.
            unsafe { mimalloc::MiMalloc.alloc(layout) }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= BLOCK_ALIGN {
            // SAFETY: as for `alloc`.
            unsafe { mi_zalloc(layout.size()) as *mut u8 }
        } else {
            // SAFETY: the caller's contract, passed on.
            unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from mimalloc (either path); `mi_free` takes both.
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= BLOCK_ALIGN {
            // SAFETY: `ptr` is a live mimalloc block; the new block keeps
            // word alignment.
            unsafe { mi_realloc(ptr as *mut c_void, new_size) as *mut u8 }
        } else {
            // SAFETY: the caller's contract, passed on.
            unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
        }
    }
}
