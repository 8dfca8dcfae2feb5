//! A mimalloc arena of its own for the JIT's optimizer thread (mimalloc is
//! the process allocator, `lib.rs`).
//!
//! mimalloc (3.3) hands out 64 KiB pages from a 1 GiB arena split into
//! 32 MiB chunks. A chunk whose first page is allocated is reserved for
//! that page's size class, and a page is looked for in the chunks of its
//! class first, then in unassigned ones. The arena's own bookkeeping fills
//! the start of chunk 0, so chunk 0 never gets a class: once the
//! interpreter's heap has spilled over into chunk 1, chunk 1 becomes the
//! small-object chunk and every fresh page comes from it, while the pages
//! collections free in chunk 0 sit unused until chunk 1 is full. trees.py
//! under `raw` fills chunk 0 to its last 2 MiB; the optimizer thread's
//! pages (a few dozen, one per size class it uses) pushed `full` over the
//! edge, and it peaked at 52 MB against 36 MB under `raw` and `sync`, with
//! the same objects and collections, touching fresh memory all along
//! (callgrind: 556 K last-level write misses against 323 K). So the
//! optimizer thread allocates from an arena of its own, which nothing else
//! uses and which is mapped without huge pages (it holds a few MB at
//! most). The switch is the thread's default mimalloc heap, so the global
//! allocator stays mimalloc's own and no other thread pays anything (a
//! per-allocation thread-local check cost trees.py 1.1% more instructions
//! under `raw`). Main-thread JIT pauses allocate there too
//! (`jit/src/pause_heap.rs`): a pause that took the first block of a fresh
//! 2 MiB huge page of the shared arena paid 2-5 ms for zeroing it. The
//! interpreter's own spill into chunk 1 under every mode
//! (programs past ~32 MB) is mimalloc's policy and left alone.

use std::cell::Cell;
use std::ffi::c_void;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

/// mimalloc's heap handle (`mi_heap_t*`).
type HeapHandle = *mut c_void;
/// mimalloc's handle on one thread's part of a heap (`mi_theap_t*`).
type ThreadHeapHandle = *mut c_void;

// mimalloc's heap functions (in the library the `mimalloc` crate links).
// `_mi_theap_default_set` is internal: the public `mi_theap_set_default`
// is declared but not defined in mimalloc 3.3.2 (libmimalloc-sys 0.1.49,
// pinned in Cargo.lock); a version without the symbol fails to link, and
// the test below checks what it does.
extern "C" {
    fn mi_malloc(size: usize) -> *mut c_void;
    fn mi_free(p: *mut c_void);
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
    fn mi_heap_theap(heap: HeapHandle) -> ThreadHeapHandle;
    fn mi_theap_get_default() -> ThreadHeapHandle;
    fn _mi_theap_default_set(theap: ThreadHeapHandle);
    fn mi_heap_visit_blocks(
        heap: HeapHandle,
        visit_blocks: bool,
        visitor: extern "C" fn(
            *const c_void,
            *const HeapArea,
            *mut c_void,
            usize,
            *mut c_void,
        ) -> bool,
        arg: *mut c_void,
    ) -> bool;
}

/// mimalloc's description of one page of a heap (`mi_heap_area_t`).
#[repr(C)]
struct HeapArea {
    blocks: *mut c_void,
    /// Bytes of the page.
    reserved: usize,
    committed: usize,
    used: usize,
    block_size: usize,
    full_block_size: usize,
    reserved1: *mut c_void,
}

/// Address space reserved for the separate arena. Only touched pages cost
/// memory; the optimizer thread's live data is a few MB, and what it hands
/// the main thread (optimized traces, exit descriptors) stays here too.
/// An exclusive arena cannot grow, so this is far more than any program
/// needs.
const SEPARATE_ARENA_BYTES: usize = 256 << 20;

/// The separate arena: its heap (null if it could not be made) and where
/// it begins.
struct SeparateArena {
    heap: HeapHandle,
    start: usize,
}

impl SeparateArena {
    fn contains(&self, p: *const c_void) -> bool {
        (self.start..self.start + SEPARATE_ARENA_BYTES).contains(&(p as usize))
    }
}

// SAFETY: a mimalloc heap may be used from any thread (each gets its own
// thread-local part); the handle is only passed to mimalloc.
unsafe impl Send for SeparateArena {}
// SAFETY: as above; nothing is read through the handle here.
unsafe impl Sync for SeparateArena {}

static SEPARATE: OnceLock<SeparateArena> = OnceLock::new();

thread_local! {
    /// The calling thread's part of the separate arena's heap (null: not
    /// made yet) and its default mimalloc heap from before.
    static THEAPS: Cell<(ThreadHeapHandle, ThreadHeapHandle)> =
        const { Cell::new((std::ptr::null_mut(), std::ptr::null_mut())) };
    /// The thread allocates from the separate arena now.
    static INSIDE: Cell<bool> = const { Cell::new(false) };
    /// The arena refused this thread (its probe allocation landed elsewhere).
    static REFUSED: Cell<bool> = const { Cell::new(false) };
    /// Calls of `use_separate_arena` on this thread.
    static ENTRIES: Cell<u32> = const { Cell::new(0) };
}

/// The arena is three quarters full: nobody enters it any more. An
/// exclusive arena cannot grow and a failed allocation ends the program.
static FULL: AtomicBool = AtomicBool::new(false);

/// The optimizer thread watches how full the arena is (before each job);
/// without one (`--jit=sync`) the main thread does, every 16th pause.
static WORKER_WATCHES: AtomicBool = AtomicBool::new(false);

/// The JIT optimizer thread's hook before each job: checks how full the
/// arena is, then moves the thread into it (it never leaves, unless the
/// arena fills up).
pub fn before_worker_job() {
    WORKER_WATCHES.store(true, Ordering::Relaxed);
    check_fullness();
    use_separate_arena();
}

/// Makes every later allocation of the calling thread come from the
/// separate arena (made at the first call), until [`use_shared_arena`]:
/// the thread's default mimalloc heap becomes its part of the arena's
/// heap. Other threads are untouched and pay nothing. Main-thread JIT
/// pauses call it at their start (`jit/src/pause_heap.rs`). Blocks stay
/// where they were allocated; any thread may free them.
pub fn use_separate_arena() {
    if !WORKER_WATCHES.load(Ordering::Relaxed) {
        let n = ENTRIES.with(|e| {
            e.set(e.get().wrapping_add(1));
            e.get()
        });
        if n.is_multiple_of(16) {
            check_fullness();
        }
    }
    if FULL.load(Ordering::Relaxed) {
        use_shared_arena();
        return;
    }
    if INSIDE.with(Cell::get) || REFUSED.with(Cell::get) {
        return;
    }
    let arena = SEPARATE.get_or_init(make_separate_arena);
    if arena.heap.is_null() {
        return;
    }
    let (mut own, _) = THEAPS.with(Cell::get);
    // SAFETY: `arena.heap` is a live heap (never deleted); the theap it
    // gives is this thread's part of it, made the thread's default with
    // the function mimalloc itself uses at thread start; a probe
    // allocation checks the first switch, which is undone if it fails.
    unsafe {
        if own.is_null() {
            let shared = mi_theap_get_default();
            own = mi_heap_theap(arena.heap);
            if own.is_null() || shared.is_null() {
                REFUSED.with(|r| r.set(true));
                return;
            }
            _mi_theap_default_set(own);
            let probe = mi_malloc(16);
            let in_arena = !probe.is_null() && arena.contains(probe);
            if !probe.is_null() {
                mi_free(probe);
            }
            if !in_arena {
                _mi_theap_default_set(shared);
                REFUSED.with(|r| r.set(true));
                return;
            }
            THEAPS.with(|t| t.set((own, shared)));
        } else {
            _mi_theap_default_set(own);
        }
    }
    INSIDE.with(|i| i.set(true));
}

/// Makes the calling thread allocate from the shared arena again (the end
/// of a main-thread JIT pause, see `jit/src/pause_heap.rs`).
pub fn use_shared_arena() {
    if !INSIDE.with(Cell::get) {
        return;
    }
    let (_, shared) = THEAPS.with(Cell::get);
    // SAFETY: `shared` was this thread's default theap before it entered
    // the arena; it lives as long as the thread.
    unsafe { _mi_theap_default_set(shared) };
    INSIDE.with(|i| i.set(false));
}

/// Marks the arena full once it is three quarters full (see [`FULL`]).
fn check_fullness() {
    if FULL.load(Ordering::Relaxed) {
        return;
    }
    if let Some(arena) = SEPARATE.get() {
        if !arena.heap.is_null() && nearly_full(bytes_in_pages(arena.heap)) {
            FULL.store(true, Ordering::Relaxed);
        }
    }
}

/// Should a thread using `used` bytes of pages in the separate arena
/// leave it?
fn nearly_full(used: usize) -> bool {
    used >= SEPARATE_ARENA_BYTES / 4 * 3
}

/// Bytes in the pages `heap` holds (what it takes of its arena).
fn bytes_in_pages(heap: HeapHandle) -> usize {
    extern "C" fn add_area(
        _heap: *const c_void,
        area: *const HeapArea,
        _block: *mut c_void,
        _block_size: usize,
        total: *mut c_void,
    ) -> bool {
        // SAFETY: mimalloc passes a valid area; `total` is the usize below.
        unsafe { *(total as *mut usize) += (*area).reserved };
        true
    }
    let mut total = 0usize;
    // SAFETY: `heap` is live; the visitor only reads each area and adds
    // to `total`, which outlives the call.
    unsafe {
        mi_heap_visit_blocks(
            heap,
            false,
            add_area,
            &mut total as *mut usize as *mut c_void,
        )
    };
    total
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
    SEPARATE
        .get()
        .is_some_and(|a| !a.heap.is_null() && a.contains(p as *const c_void))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thread_leaves_the_arena_at_three_quarters() {
        assert!(!nearly_full(0));
        assert!(!nearly_full(SEPARATE_ARENA_BYTES / 2));
        assert!(nearly_full(SEPARATE_ARENA_BYTES / 4 * 3));
    }

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
        // What the thread took of the arena is counted, and far from full.
        let heap = SEPARATE.get().expect("made").heap;
        let used = bytes_in_pages(heap);
        assert!(used >= 300_000 && !nearly_full(used), "{used}");
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
            use_separate_arena();
            let again = some_blocks();
            use_shared_arena();
            assert!(before.iter().all(|b| !in_separate_arena(b.as_ptr())));
            assert!(during.iter().all(|b| in_separate_arena(b.as_ptr())));
            assert!(after.iter().all(|b| !in_separate_arena(b.as_ptr())));
            assert!(again.iter().all(|b| in_separate_arena(b.as_ptr())));
        })
        .join()
        .unwrap();
    }
}
