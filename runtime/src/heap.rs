//! The heap: allocation with debt accounting and a precise, non-moving
//! mark-sweep collector that runs only when the VM asks (at safepoints).
//!
//! Allocation never collects; it only adds to the debt. The VM checks
//! [`Heap::wants_collection`] at loop back-edges and calls, and then calls
//! [`Heap::collect`] with a closure that marks every root it holds (frame
//! slots, globals, constants). Objects never move, so machine code may embed
//! their addresses. Marking uses an explicit work list, so deep structures
//! cannot overflow the Rust stack.

use crate::object::{free_object, trace_object, Header, HeapObject};
use crate::value::Value;

/// Collect once this many bytes were allocated since the last collection
/// (grown to twice the live size after each collection).
const MIN_THRESHOLD: usize = 8 << 20;

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
            self.work.push(h);
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
        }
    }

    /// Moves `obj` to the heap and returns its address. Never collects.
    #[inline]
    pub fn alloc<T: HeapObject>(&mut self, obj: T) -> *mut T {
        self.debt += std::mem::size_of::<T>() + obj.extra_bytes();
        let p = Box::into_raw(Box::new(obj));
        self.objects.push(p as *mut Header);
        p
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
    /// temporary roots are marked here. Everything unreachable is freed.
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
        let before = self.objects.len();
        self.objects.retain(|&h| {
            // SAFETY: `objects` holds exactly the live allocations; each is
            // either marked (kept, mark cleared) or unreachable (freed once here).
            unsafe {
                if (*h).marked.get() {
                    (*h).marked.set(false);
                    true
                } else {
                    free_object(h);
                    false
                }
            }
        });
        self.last_freed = before - self.objects.len();
        self.collections += 1;
        self.debt = 0;
        // Grow with the live set so collection cost stays proportional to allocation.
        self.threshold = MIN_THRESHOLD.max(self.objects.len() * 64);
        log::debug!(target: "gc", "collection {}: freed {}, live {}", self.collections, self.last_freed, self.objects.len());
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
        for &h in &self.objects {
            // SAFETY: the heap is going away with every object it owns; each
            // allocation is freed exactly once and nothing can reach them after.
            unsafe { free_object(h) };
        }
    }
}
