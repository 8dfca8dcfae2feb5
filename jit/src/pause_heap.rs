//! Where the main thread allocates during a JIT pause: the embedding
//! program may switch the thread's allocator for the pause's length
//! ([`set_pause_heap`]).
//!
//! Why: a pause that allocates the first block of a fresh transparent huge
//! page pays for zeroing 2 MiB inside the pause (2-5 ms on this virtual
//! machine, in about one json_parse run in ten). The VM points pauses at
//! an arena mapped without huge pages (`vm/src/allocator.rs`).

use std::sync::OnceLock;

/// What a pause calls first and last.
#[derive(Clone, Copy)]
struct PauseHooks {
    enter: fn(),
    leave: fn(),
}

/// The embedding program's hooks.
static PAUSE_HEAP: OnceLock<PauseHooks> = OnceLock::new();

/// Makes every main-thread JIT pause call `enter` first and `leave` last
/// (once per process; later calls are ignored).
pub fn set_pause_heap(enter: fn(), leave: fn()) {
    let _ = PAUSE_HEAP.set(PauseHooks { enter, leave });
}

/// A pause's allocator scope: `enter` at creation, `leave` when dropped.
pub(crate) struct PauseHeap {
    leave: Option<fn()>,
}

impl PauseHeap {
    /// Enters the pause heap (if the embedding program set one).
    pub(crate) fn enter() -> PauseHeap {
        let hooks = PAUSE_HEAP.get().copied();
        if let Some(h) = hooks {
            (h.enter)();
        }
        PauseHeap {
            leave: hooks.map(|h| h.leave),
        }
    }
}

impl Drop for PauseHeap {
    fn drop(&mut self) {
        if let Some(leave) = self.leave {
            leave();
        }
    }
}
