//! Heap object layouts: one `#[repr(C)]` struct per kind, each starting with a
//! [`Header`], plus the per-kind tracing and freeing the GC dispatches to.
//!
//! Layouts are `repr(C)` so compiled code can load fields at fixed offsets.

use crate::dict_table::DictTable;
use crate::heap::Tracer;
use crate::map::Map;
use crate::set_table::SetTable;
use crate::value::Value;
use frontend::bytecode::Code;
use num_bigint::BigInt;
use rustc_hash::FxHashSet;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

// ---------------------------------------------------------------- header

/// What kind of object a header starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum ObjKind {
    Str,
    BigInt,
    List,
    Tuple,
    Dict,
    Set,
    Code,
    Function,
    Builtin,
    BoundMethod,
    Class,
    Instance,
    Module,
    Cell,
    Generator,
    Range,
    Iter,
    Slice,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    DictView,
}

impl ObjKind {
    /// Do objects of this kind hold no references (nothing for the
    /// collector to trace)?
    #[inline]
    pub fn is_leaf(self) -> bool {
        matches!(self, ObjKind::Str | ObjKind::BigInt | ObjKind::Range)
    }
}

/// The first field of every heap object.
#[repr(C)]
pub struct Header {
    /// The object's kind (decides its layout).
    pub kind: ObjKind,
    /// Mark bit, set during a collection.
    pub marked: Cell<bool>,
}

impl Header {
    /// A fresh unmarked header.
    pub const fn new(kind: ObjKind) -> Header {
        Header {
            kind,
            marked: Cell::new(false),
        }
    }
}

/// A type that lives on the heap.
pub trait HeapObject: Sized {
    /// The kind tag stored in its header.
    const KIND: ObjKind;
    /// Marks every value the object references.
    fn trace(&self, t: &mut Tracer);
    /// Memory owned outside the struct itself, for GC accounting.
    fn extra_bytes(&self) -> usize {
        0
    }
}

/// The kind of a heap value, or `None` for immediates.
#[inline]
pub fn kind_of(v: Value) -> Option<ObjKind> {
    if v.is_ptr() {
        // SAFETY: pointer values always point at a live object's header.
        Some(unsafe { (*v.as_ptr::<Header>()).kind })
    } else {
        None
    }
}

/// Is `v` a heap object of kind `k`?
#[inline]
pub fn is_kind(v: Value, k: ObjKind) -> bool {
    kind_of(v) == Some(k)
}

/// Borrows the object `v` points at as a `T`, if it is one.
///
/// The returned reference is valid until the next collection; callers must
/// not keep it across a safepoint, nor hold two `&mut` to one object.
#[inline]
pub fn downcast<'a, T: HeapObject>(v: Value) -> Option<&'a mut T> {
    if kind_of(v) == Some(T::KIND) {
        // SAFETY: the header's kind says the allocation is a `T` (every `T` is
        // allocated with `T::KIND`), and live objects are not freed before the
        // next collection.
        Some(unsafe { &mut *v.as_ptr::<T>() })
    } else {
        None
    }
}

/// Borrows `v` as a `T` without checking; the caller has checked the kind.
///
/// # Safety
/// `v` must point at a live `T`.
#[inline]
pub unsafe fn cast<'a, T: HeapObject>(v: Value) -> &'a mut T {
    debug_assert_eq!(kind_of(v), Some(T::KIND));
    &mut *v.as_ptr::<T>()
}

// ---------------------------------------------------------------- objects

/// An immutable str. Its text is stored in the same allocation, right
/// after these fields (one allocation per str, not two: strs are most of
/// what string-heavy programs allocate and free). Made only by
/// [`crate::heap::Heap::alloc_str`], freed by [`free_object`].
#[repr(C)]
pub struct StrObj {
    pub header: Header,
    /// Cached hash, or -1 if not yet computed.
    pub hash: Cell<i64>,
    /// Length in code points (== byte length for ASCII).
    pub char_len: usize,
    /// The text (it derefs to `&str`).
    pub value: StrText,
}

impl StrObj {
    /// Is every character ASCII (so char indices are byte indices)?
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.value.len()
    }

    /// The layout of a str object with `byte_len` bytes of text.
    /// Its size is rounded up to a whole number of words, so a freed str's
    /// block can serve any object of that size (see `Heap::alloc`).
    #[inline]
    pub(crate) fn layout(byte_len: usize) -> std::alloc::Layout {
        // A text is part of a live `&str`, so far below `isize::MAX`: the
        // sum and rounding cannot overflow, and the size stays valid.
        assert!(
            byte_len <= isize::MAX as usize / 2,
            "a str's size fits the address space"
        );
        // SAFETY: the alignment is a power of two and the size, rounded to
        // it, does not exceed `isize::MAX` (checked above).
        unsafe { Self::layout_unchecked(byte_len) }
    }

    /// [`StrObj::layout`] without its size check.
    ///
    /// # Safety
    /// `byte_len` must be a size `StrObj::layout` accepts.
    #[inline(always)]
    unsafe fn layout_unchecked(byte_len: usize) -> std::alloc::Layout {
        let size = (std::mem::size_of::<StrObj>() + byte_len + 7) & !7;
        // SAFETY: the caller's contract.
        unsafe {
            std::alloc::Layout::from_size_align_unchecked(size, std::mem::align_of::<StrObj>())
        }
    }

    /// The layout of the live str object at `p` (as [`StrObj::layout`]
    /// gave for it, without the checks: it was allocated with it).
    ///
    /// # Safety
    /// `p` must point at a str object made by `Heap::alloc_str`.
    #[inline]
    pub(crate) unsafe fn layout_of(p: *const StrObj) -> std::alloc::Layout {
        // SAFETY: `p` is a live str (the caller's contract), whose length
        // `StrObj::layout` accepted when the str was allocated.
        unsafe { Self::layout_unchecked((*p).value.len) }
    }

    /// Writes the fields of a str object of `byte_len` bytes and
    /// `char_len` characters at `p` and returns where its text goes.
    ///
    /// # Safety
    /// `p` must be an allocation of `StrObj::layout(byte_len)`; the caller
    /// must write `byte_len` bytes of UTF-8 at the returned address before
    /// the text is read.
    pub(crate) unsafe fn init(p: *mut StrObj, byte_len: usize, char_len: usize) -> *mut u8 {
        // SAFETY: the text starts right after the struct, inside the
        // allocation (the caller's contract).
        let text = unsafe { (p as *mut u8).add(std::mem::size_of::<StrObj>()) };
        // SAFETY: `p` is valid for a `StrObj` write (the caller's contract).
        unsafe {
            p.write(StrObj {
                header: Header::new(ObjKind::Str),
                hash: Cell::new(-1),
                char_len,
                value: StrText {
                    ptr: text,
                    len: byte_len,
                },
            })
        };
        text
    }
}

/// A str object's text: the address and byte length of the bytes stored
/// after the object's fields. Derefs to `&str`.
#[repr(C)]
pub struct StrText {
    ptr: *mut u8,
    len: usize,
}

impl std::ops::Deref for StrText {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        // SAFETY: `ptr` points at `len` bytes of UTF-8 inside the str
        // object's own allocation (written by `StrObj::init`'s caller),
        // which lives as long as the object.
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.ptr, self.len)) }
    }
}

impl StrText {
    /// The text, mutably: only for filling a str the caller has just
    /// allocated (strs are immutable once a program can see them).
    #[inline]
    pub(crate) fn as_mut_str(&mut self) -> &mut str {
        // SAFETY: as in `deref`; `&mut self` makes the access unique.
        unsafe {
            std::str::from_utf8_unchecked_mut(std::slice::from_raw_parts_mut(self.ptr, self.len))
        }
    }
}

impl std::fmt::Display for StrText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&**self, f)
    }
}

impl std::fmt::Debug for StrText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

/// An int too large for an inline value.
#[repr(C)]
pub struct BigIntObj {
    pub header: Header,
    pub value: BigInt,
}

/// A list.
#[repr(C)]
pub struct ListObj {
    pub header: Header,
    pub items: crate::list_items::ListItems,
}

/// A tuple. Its items are stored in the same allocation, right after these
/// fields (one allocation per tuple, as for strs). Made only by
/// [`crate::heap::Heap::alloc_tuple`], freed by [`free_object`].
#[repr(C)]
pub struct TupleObj {
    pub header: Header,
    /// The items (they deref to `[Value]`).
    pub items: TupleItems,
}

impl TupleObj {
    /// The layout of a tuple of `len` items.
    #[inline]
    pub(crate) fn layout(len: usize) -> std::alloc::Layout {
        assert!(
            len <= isize::MAX as usize / 16,
            "a tuple's size fits the address space"
        );
        let size = std::mem::size_of::<TupleObj>() + len * std::mem::size_of::<Value>();
        // SAFETY: the alignment is a power of two and the size a multiple
        // of it, far below `isize::MAX` (checked above).
        unsafe {
            std::alloc::Layout::from_size_align_unchecked(size, std::mem::align_of::<TupleObj>())
        }
    }

    /// Writes the fields of a tuple of `len` items at `p` and returns where
    /// its items go.
    ///
    /// # Safety
    /// `p` must be an allocation of `TupleObj::layout(len)`; the caller
    /// must write the `len` items before they are read.
    pub(crate) unsafe fn init(p: *mut TupleObj, len: usize) -> *mut Value {
        // SAFETY: the items start right after the struct, inside the
        // allocation (the caller's contract).
        let items = unsafe { (p as *mut u8).add(std::mem::size_of::<TupleObj>()) } as *mut Value;
        // SAFETY: `p` is valid for a `TupleObj` write (the caller's contract).
        unsafe {
            p.write(TupleObj {
                header: Header::new(ObjKind::Tuple),
                items: TupleItems { ptr: items, len },
            })
        };
        items
    }
}

/// A tuple's items: the address and number of the values stored after
/// the tuple's fields. Derefs to `[Value]`. `repr(C)`: compiled code reads
/// the pointer and the length at fixed offsets (`jit::layout::tuple_layout`).
#[repr(C)]
pub struct TupleItems {
    /// The first item.
    pub ptr: *mut Value,
    /// How many items.
    pub len: usize,
}

impl std::ops::Deref for TupleItems {
    type Target = [Value];
    #[inline]
    fn deref(&self) -> &[Value] {
        // SAFETY: `ptr` points at `len` initialised values inside the
        // tuple's own allocation, which lives as long as the tuple.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl std::ops::DerefMut for TupleItems {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Value] {
        // SAFETY: as in `deref`; `&mut self` makes the access unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

/// A dict.
#[repr(C)]
pub struct DictObj {
    pub header: Header,
    pub table: DictTable,
}

/// A set or frozenset, laid out like CPython's so it iterates in its order.
#[repr(C)]
pub struct SetObj {
    pub header: Header,
    pub table: SetTable,
    pub frozen: bool,
}

/// A code object: compiled bytecode plus its constants as values.
#[repr(C)]
pub struct CodeObj {
    pub header: Header,
    /// The bytecode and metadata from the frontend.
    pub code: Rc<Code>,
    /// `code.consts` turned into values (nested code objects are `CodeObj`s).
    pub consts: Vec<Value>,
    /// `code.names` as interned strs.
    pub names: Vec<Value>,
    /// `code.name` and `code.qualname` as interned strs, for the functions
    /// `MakeFunction` makes from it (often one per loop iteration).
    pub name: Value,
    /// See `name`.
    pub qualname: Value,
    /// One inline-cache entry per instruction (meaning depends on the op; see
    /// the interpreter). Raw words: cached values are only used while the key
    /// they were cached under (a map, a version) still matches.
    pub ic: Box<[Cell<[u64; 3]>]>,
    /// The JIT's function-entry counter (see `jit::Jit::on_function_entry`):
    /// entries by the interpreter, the function trace's index + 1 (0: none),
    /// aborted recordings; laid out like a loop's `JumpBack` counter cell.
    pub entry: Cell<[u64; 3]>,
    /// What compiled code's direct calls of a function trace of this code
    /// read (see `jit::direct_call`): the address of the trace's entry slot
    /// (0: no function trace yet), the stack slots the trace needs above
    /// its frame's slot 0, and the frames its inlining may hide. Written
    /// once, when the function trace is installed.
    pub direct: Cell<[u64; 3]>,
}

/// A Python function.
#[repr(C)]
pub struct FunctionObj {
    pub header: Header,
    /// Its `CodeObj`.
    pub code: Value,
    /// The module whose globals it reads.
    pub module: Value,
    /// `__name__` (str).
    pub name: Value,
    /// `__qualname__` (str).
    pub qualname: Value,
    /// Positional defaults (tuple) or None.
    pub defaults: Value,
    /// Keyword-only defaults (dict) or None.
    pub kwdefaults: Value,
    /// Closure cells, in `Code::free_slots` order.
    pub closure: Box<[Value]>,
    /// `__dict__` for function attributes, or EMPTY until first set.
    pub dict: Value,
}

/// Signature of a builtin function: positional args, then keyword (name, value) pairs.
pub type BuiltinFn = fn(&mut dyn crate::Vm, &[Value], &[(Value, Value)]) -> crate::PyResult<Value>;

/// A function or method implemented in Rust.
#[repr(C)]
pub struct BuiltinObj {
    pub header: Header,
    /// `__name__`.
    pub name: &'static str,
    /// The implementation.
    pub func: BuiltinFn,
    /// Bound receiver (passed as the first positional arg), or EMPTY.
    pub bound: Value,
}

/// A function bound to its receiver (`obj.method` as a value).
#[repr(C)]
pub struct BoundMethodObj {
    pub header: Header,
    pub func: Value,
    pub receiver: Value,
}

/// A class (user-defined or builtin). Single inheritance.
#[repr(C)]
pub struct ClassObj {
    pub header: Header,
    /// `__name__`.
    pub name: Value,
    /// `__qualname__`.
    pub qualname: Value,
    /// `__module__` name (str).
    pub module: Value,
    /// The base class, or null for `object`.
    pub base: *mut ClassObj,
    /// Method resolution order: this class first, `object` last.
    pub mro: Vec<*mut ClassObj>,
    /// The class namespace, keyed by interned str.
    pub dict: DictTable,
    /// Version tag: a fresh number whenever this class or a base changes.
    pub version: Cell<u64>,
    /// Classes deriving directly from this one (to bump their versions).
    pub subclasses: Vec<*mut ClassObj>,
    /// Empty map new instances start from.
    pub root_map: *const Map,
    /// For builtin types: the kind of their instances (None for user classes).
    pub instance_kind: Option<ObjKind>,
    /// Is this `BaseException` or derived from it?
    pub is_exception: bool,
    /// Abstract methods left unimplemented (from `abc.abstractmethod`).
    pub abstract_methods: Vec<Value>,
    /// How many attribute slots its instances came to need when their
    /// slots last had to grow (PyPy's size hint): a new instance's slots
    /// are allocated this big, so `__init__` does not grow them one
    /// attribute at a time.
    pub slot_hint: Cell<u32>,
    /// The class version at which no class of its MRO defined `__eq__`
    /// (0: not known): `==` between its instances is then identity, with
    /// no lookup along the MRO (see `protocol::eq`). Any change to the
    /// class or a base gives it a new version.
    pub eq_absent_at: Cell<u64>,
}

/// An instance of a user class (exceptions included): attributes through a map.
#[repr(C)]
pub struct InstanceObj {
    pub header: Header,
    pub class: *mut ClassObj,
    /// Layout of `slots`: attribute name -> slot index.
    pub map: *const Map,
    pub slots: Vec<Value>,
}

impl ClassObj {
    /// Raises the size hint to `n` slots, if below: an instance of this
    /// class came to need them.
    #[inline]
    pub fn raise_slot_hint(&self, n: usize) {
        self.slot_hint.set(self.slot_hint.get().max(n as u32));
    }
}

impl InstanceObj {
    /// Appends the slot of a new attribute (the caller moves the map on).
    /// Slots that must grow raise the class's size hint, so the class's
    /// next instances are allocated with the room; most appends find it and
    /// the grow path stays out of line.
    #[inline(always)]
    pub fn push_slot(&mut self, value: Value) {
        if self.slots.len() == self.slots.capacity() {
            grow_instance_slots(self.class, &mut self.slots);
        }
        let n = self.slots.len();
        // SAFETY: there is room for one more slot (made just above if not).
        unsafe {
            self.slots.as_mut_ptr().add(n).write(value);
            self.slots.set_len(n + 1);
        }
    }
}

/// [`InstanceObj::push_slot`]'s growth: one more slot, and the class's
/// size hint raised to the new count.
#[cold]
#[inline(never)]
fn grow_instance_slots(class: *mut ClassObj, slots: &mut Vec<Value>) {
    // SAFETY: the class of a live instance is live.
    unsafe { (*class).raise_slot_hint(slots.len() + 1) };
    slots.reserve(1);
}

/// A module: its globals and a version bumped on every rebinding.
#[repr(C)]
pub struct ModuleObj {
    pub header: Header,
    /// `__name__`.
    pub name: Value,
    /// Globals keyed by interned str.
    pub globals: DictTable,
    /// Bumped when a global is added or deleted, or rebound while it was
    /// still constant (inline caches and compiled code key on it).
    pub version: Cell<u64>,
    /// Globals rebound at least once (interned names' bits): rebinding them
    /// again keeps the version, so code that reads them must read their
    /// entry's value (`runtime::module_global_slot`) instead of caching it.
    pub mutable_globals: RefCell<FxHashSet<u64>>,
    /// Source file, if any.
    pub file: Option<String>,
}

/// A closure cell.
#[repr(C)]
pub struct CellObj {
    pub header: Header,
    /// The captured value, or EMPTY.
    pub value: Value,
}

/// Where a generator is in its life (a byte of [`GeneratorObj::resume_word`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum GenState {
    /// Created, not started.
    Created = 0,
    /// Paused at a `yield`.
    Suspended = 1,
    /// Currently executing.
    Running = 2,
    /// Returned or raised.
    Finished = 3,
}

/// A generator: a function's frame saved off the value stack between resumptions.
#[repr(C)]
pub struct GeneratorObj {
    pub header: Header,
    /// The generator function.
    pub func: Value,
    /// Saved frame slots.
    pub slots: Vec<Value>,
    /// Where to resume.
    pub pc: u32,
    /// Slot that receives the sent value on resume.
    pub resume_dst: u16,
    pub state: GenState,
    /// Always 0: with `pc`, `resume_dst` and `state` it makes up one word
    /// compiled code compares and writes at once
    /// ([`GeneratorObj::resume_word`]).
    pub resume_pad: u8,
    /// The delegated-to iterator of a `yield from`, or EMPTY.
    pub yield_from: Value,
    /// The exception being handled when it was suspended (restored on resume).
    pub saved_exc: Value,
}

impl GeneratorObj {
    /// The word `pc`, `resume_dst`, `state` and `resume_pad` make up in
    /// memory (little-endian, `repr(C)`): what compiled code guards to
    /// resume a generator and stores to suspend it.
    pub const fn resume_word(pc: u32, resume_dst: u16, state: GenState) -> u64 {
        pc as u64 | (resume_dst as u64) << 32 | (state as u64) << 48
    }
}

/// `range(start, stop, step)`.
#[repr(C)]
pub struct RangeObj {
    pub header: Header,
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

/// What dict view or dict iteration yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

/// The state of a builtin iterator. `repr(C, u64)`: compiled code reads the
/// variant tag and the `Range`/`LoopSeq` fields at fixed offsets.
#[repr(C, u64)]
pub enum IterState {
    /// Over a list or tuple or str by index.
    Seq { seq: Value, index: usize },
    /// Over a str by byte offset (non-ASCII).
    StrChars { s: Value, byte: usize },
    /// A range.
    Range { next: i64, stop: i64, step: i64 },
    /// A dict's keys/values/items, or a set's members.
    Dict {
        dict: Value,
        pos: usize,
        len_at_start: usize,
        part: DictPart,
    },
    /// `reversed(list/tuple/str)`.
    Reversed { seq: Value, index: usize },
    /// `enumerate(inner, start)`.
    Enumerate { inner: Value, count: Value },
    /// `zip(*iters)`.
    Zip { iters: Vec<Value> },
    /// `map(func, *iters)`.
    Map { func: Value, iters: Vec<Value> },
    /// `filter(func, inner)`.
    Filter { func: Value, inner: Value },
    /// `iter(callable, sentinel)`.
    Callable { func: Value, sentinel: Value },
    /// The old sequence protocol: `obj.__getitem__(0)`, `(1)`, ... until IndexError.
    GetItem { func: Value, index: i64 },
    /// Exhausted.
    Done,
    /// A `for` loop's own iterator over a list or tuple, made by the
    /// `GetIter` instruction: nothing else can reach it, so running off the
    /// end need not be remembered (a grown list yields no more items only
    /// through iterators Python code holds; those are `Seq`).
    LoopSeq { seq: Value, index: usize },
}

/// A builtin iterator.
#[repr(C)]
pub struct IterObj {
    pub header: Header,
    pub state: IterState,
}

/// `slice(start, stop, step)`.
#[repr(C)]
pub struct SliceObj {
    pub header: Header,
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// `property(fget, fset, fdel)`.
#[repr(C)]
pub struct PropertyObj {
    pub header: Header,
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
}

/// `staticmethod(func)`.
#[repr(C)]
pub struct StaticMethodObj {
    pub header: Header,
    pub func: Value,
}

/// `classmethod(func)`.
#[repr(C)]
pub struct ClassMethodObj {
    pub header: Header,
    pub func: Value,
}

/// `super(class, obj)`: attribute lookup starts after `class` in `obj`'s MRO.
#[repr(C)]
pub struct SuperObj {
    pub header: Header,
    pub class: *mut ClassObj,
    pub receiver: Value,
}

/// `d.keys()`, `d.values()`, `d.items()`.
#[repr(C)]
pub struct DictViewObj {
    pub header: Header,
    pub dict: Value,
    pub part: DictPart,
}

// ---------------------------------------------------------------- tracing

fn trace_table(table: &DictTable, t: &mut Tracer) {
    for (k, v) in table.iter() {
        t.mark(k);
        t.mark(v);
    }
}

macro_rules! heap_object {
    ($ty:ty, $kind:ident, |$s:ident, $t:ident| $body:block) => {
        heap_object!($ty, $kind, |$s, $t| $body, extra | _x | 0);
    };
    ($ty:ty, $kind:ident, |$s:ident, $t:ident| $body:block, extra |$x:ident| $extra:expr) => {
        impl HeapObject for $ty {
            const KIND: ObjKind = ObjKind::$kind;
            #[allow(unused_variables)]
            #[inline]
            fn trace(&self, $t: &mut Tracer) {
                let $s = self;
                $body
            }
            fn extra_bytes(&self) -> usize {
                let $x = self;
                $extra
            }
        }
    };
}

heap_object!(StrObj, Str, |s, t| {}, extra | x | x.value.len());
heap_object!(
    BigIntObj,
    BigInt,
    |s, t| {},
    extra | x | (x.value.bits() / 8) as usize
);
heap_object!(
    ListObj,
    List,
    |s, t| { t.mark_all(&s.items) },
    extra | x | x.items.allocated() * 8
);
heap_object!(
    TupleObj,
    Tuple,
    |s, t| { t.mark_all(&s.items) },
    extra | x | x.items.len() * 8
);
heap_object!(
    DictObj,
    Dict,
    |s, t| { trace_table(&s.table, t) },
    extra | x | x.table.len() * 32
);
heap_object!(
    SetObj,
    Set,
    |s, t| {
        for k in s.table.keys() {
            t.mark(k);
        }
    },
    extra | x | x.table.slots_len() * 16
);
heap_object!(CodeObj, Code, |s, t| {
    t.mark_all(&s.consts);
    t.mark_all(&s.names);
    t.mark_all(&[s.name, s.qualname]);
});
heap_object!(FunctionObj, Function, |s, t| {
    t.mark_all(&[
        s.code,
        s.module,
        s.name,
        s.qualname,
        s.defaults,
        s.kwdefaults,
        s.dict,
    ]);
    t.mark_all(&s.closure);
});
heap_object!(BuiltinObj, Builtin, |s, t| { t.mark(s.bound) });
heap_object!(BoundMethodObj, BoundMethod, |s, t| {
    t.mark(s.func);
    t.mark(s.receiver);
});
heap_object!(ClassObj, Class, |s, t| {
    t.mark_all(&[s.name, s.qualname, s.module]);
    t.mark_obj(s.base);
    trace_table(&s.dict, t);
    t.mark_all(&s.abstract_methods);
    // Subclasses are kept alive by whoever references them; the list holds raw
    // pointers that are only followed while the subclass is reachable.
    for &sub in &s.subclasses {
        t.mark_obj(sub);
    }
});
heap_object!(
    InstanceObj,
    Instance,
    |s, t| {
        t.mark_obj(s.class);
        t.mark_all(&s.slots);
    },
    extra | x | x.slots.capacity() * 8
);
heap_object!(ModuleObj, Module, |s, t| {
    t.mark(s.name);
    trace_table(&s.globals, t);
});
heap_object!(CellObj, Cell, |s, t| { t.mark(s.value) });
heap_object!(GeneratorObj, Generator, |s, t| {
    t.mark_all(&[s.func, s.yield_from, s.saved_exc]);
    t.mark_all(&s.slots);
});
heap_object!(RangeObj, Range, |s, t| {});
heap_object!(IterObj, Iter, |s, t| {
    match &s.state {
        IterState::Seq { seq, .. }
        | IterState::LoopSeq { seq, .. }
        | IterState::Reversed { seq, .. } => t.mark(*seq),
        IterState::StrChars { s, .. } => t.mark(*s),
        IterState::Range { .. } | IterState::Done => {}
        IterState::Dict { dict, .. } => t.mark(*dict),
        IterState::Enumerate { inner, count } => {
            t.mark(*inner);
            t.mark(*count)
        }
        IterState::Zip { iters } => t.mark_all(iters),
        IterState::Map { func, iters } => {
            t.mark(*func);
            t.mark_all(iters)
        }
        IterState::Filter { func, inner } => {
            t.mark(*func);
            t.mark(*inner)
        }
        IterState::Callable { func, sentinel } => {
            t.mark(*func);
            t.mark(*sentinel)
        }
        IterState::GetItem { func, .. } => t.mark(*func),
    }
});
heap_object!(SliceObj, Slice, |s, t| {
    t.mark_all(&[s.start, s.stop, s.step])
});
heap_object!(PropertyObj, Property, |s, t| {
    t.mark_all(&[s.fget, s.fset, s.fdel])
});
heap_object!(StaticMethodObj, StaticMethod, |s, t| { t.mark(s.func) });
heap_object!(ClassMethodObj, ClassMethod, |s, t| { t.mark(s.func) });
heap_object!(SuperObj, Super, |s, t| {
    t.mark_obj(s.class);
    t.mark(s.receiver);
});
heap_object!(DictViewObj, DictView, |s, t| { t.mark(s.dict) });

macro_rules! dispatch_kind {
    ($h:expr, $f:ident) => {
        match (*$h).kind {
            ObjKind::Str => $f::<StrObj>($h),
            ObjKind::BigInt => $f::<BigIntObj>($h),
            ObjKind::List => $f::<ListObj>($h),
            ObjKind::Tuple => $f::<TupleObj>($h),
            ObjKind::Dict => $f::<DictObj>($h),
            ObjKind::Set => $f::<SetObj>($h),
            ObjKind::Code => $f::<CodeObj>($h),
            ObjKind::Function => $f::<FunctionObj>($h),
            ObjKind::Builtin => $f::<BuiltinObj>($h),
            ObjKind::BoundMethod => $f::<BoundMethodObj>($h),
            ObjKind::Class => $f::<ClassObj>($h),
            ObjKind::Instance => $f::<InstanceObj>($h),
            ObjKind::Module => $f::<ModuleObj>($h),
            ObjKind::Cell => $f::<CellObj>($h),
            ObjKind::Generator => $f::<GeneratorObj>($h),
            ObjKind::Range => $f::<RangeObj>($h),
            ObjKind::Iter => $f::<IterObj>($h),
            ObjKind::Slice => $f::<SliceObj>($h),
            ObjKind::Property => $f::<PropertyObj>($h),
            ObjKind::StaticMethod => $f::<StaticMethodObj>($h),
            ObjKind::ClassMethod => $f::<ClassMethodObj>($h),
            ObjKind::Super => $f::<SuperObj>($h),
            ObjKind::DictView => $f::<DictViewObj>($h),
        }
    };
}

/// Marks the children of the object at `h`.
///
/// # Safety
/// `h` must point at a live heap object.
pub unsafe fn trace_object(h: *mut Header, t: &mut Tracer) {
    unsafe fn go<T: HeapObject>(h: *mut Header) -> *const T {
        h as *const T
    }
    macro_rules! tr {
        ($ty:ty) => {
            (*go::<$ty>(h)).trace(t)
        };
    }
    match (*h).kind {
        ObjKind::Str => tr!(StrObj),
        ObjKind::BigInt => tr!(BigIntObj),
        ObjKind::List => tr!(ListObj),
        ObjKind::Tuple => tr!(TupleObj),
        ObjKind::Dict => tr!(DictObj),
        ObjKind::Set => tr!(SetObj),
        ObjKind::Code => tr!(CodeObj),
        ObjKind::Function => tr!(FunctionObj),
        ObjKind::Builtin => tr!(BuiltinObj),
        ObjKind::BoundMethod => tr!(BoundMethodObj),
        ObjKind::Class => tr!(ClassObj),
        ObjKind::Instance => tr!(InstanceObj),
        ObjKind::Module => tr!(ModuleObj),
        ObjKind::Cell => tr!(CellObj),
        ObjKind::Generator => tr!(GeneratorObj),
        ObjKind::Range => tr!(RangeObj),
        ObjKind::Iter => tr!(IterObj),
        ObjKind::Slice => tr!(SliceObj),
        ObjKind::Property => tr!(PropertyObj),
        ObjKind::StaticMethod => tr!(StaticMethodObj),
        ObjKind::ClassMethod => tr!(ClassMethodObj),
        ObjKind::Super => tr!(SuperObj),
        ObjKind::DictView => tr!(DictViewObj),
    }
}

/// Runs the destructor of the object at `h` in place, freeing what it
/// owns but not its own block, and returns that block's layout.
///
/// # Safety
/// `h` must point at a live heap object allocated by `Heap` that nothing
/// will reach again; afterwards its block holds no object.
pub unsafe fn drop_object(h: *mut Header) -> std::alloc::Layout {
    unsafe fn drop_in_place<T: HeapObject>(h: *mut Header) -> std::alloc::Layout {
        std::ptr::drop_in_place(h as *mut T);
        std::alloc::Layout::new::<T>()
    }
    match (*h).kind {
        // A str or tuple owns nothing but its own block, text or items included.
        ObjKind::Str => return StrObj::layout_of(h as *const StrObj),
        ObjKind::Tuple => return TupleObj::layout((*(h as *const TupleObj)).items.len),
        _ => {}
    }
    dispatch_kind!(h, drop_in_place)
}

/// Frees the object at `h`: its destructor, then its block.
///
/// # Safety
/// As for [`drop_object`].
pub unsafe fn free_object(h: *mut Header) {
    let layout = drop_object(h);
    std::alloc::dealloc(h as *mut u8, layout);
}
