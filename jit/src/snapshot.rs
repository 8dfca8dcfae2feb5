//! Snapshots: how to rebuild the interpreter's frames at a guard.
//!
//! Every slot the trace writes is stored to the interpreter's value stack as
//! the trace runs (raw traces keep no slot value only in a register), so a
//! snapshot needs the frame structure and the resume pc; `entries` lists the
//! slots whose value lives only in the trace, for optimized traces that sink
//! stores into exits.

use crate::ir::Ref;
use crate::loop_slots::SlotMask;
use runtime::Value;
use std::sync::Arc;

/// One interpreter frame in a snapshot, outermost (the loop's frame) first.
#[derive(Clone, Copy, Debug)]
pub struct SnapFrame {
    /// The frame's `CodeObj`.
    pub code: Value,
    /// The running function (EMPTY for module code in the root frame).
    pub func: Value,
    /// The module whose globals it reads.
    pub module: Value,
    /// Slot 0 of this frame, relative to the root frame's slot 0.
    pub base: i32,
    /// Where this frame's return value goes, relative to the root frame's slot 0.
    pub ret_slot: i32,
    /// For callers: the pc after the call. For the innermost frame: unused
    /// (the snapshot's own `pc` says where to resume).
    pub pc: u32,
    /// An `__init__` frame: slot 0 holds the instance it returns.
    pub init_self: bool,
    /// A generator's frame resumed by a `for` loop in the frame below: the
    /// slot (relative to the root frame's slot 0) holding the generator.
    pub generator: Option<i32>,
}

/// Why a trace left at this snapshot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitKind {
    /// A guard failed: resume at `pc` (nothing of that instruction has run).
    Guard,
    /// A `for` loop's iterator is exhausted: resume after the loop (never
    /// bridged: the code after a loop is not part of it). Also a function
    /// trace's end: resume at its root frame's `Return`.
    LoopDone,
    /// A runtime call raised: the exception is in the context; the instruction
    /// at `pc` raised it (the interpreter unwinds from there).
    Exception,
    /// The loop header's safepoint check asked for a collection or saw Ctrl-C.
    Safepoint,
    /// An inner loop's compiled trace, run from this trace, left other than
    /// at the loop's end: the interpreter continues from that inner exit
    /// (in the context's `inner_exit`) instead of this snapshot.
    InnerLoop,
}

/// The interpreter state at one exit.
#[derive(Clone, Debug)]
pub struct Snapshot {
    /// The frames, outermost first; the last one is where execution resumes.
    /// Shared: no pass changes them, and each pass copies every snapshot.
    pub frames: Arc<[SnapFrame]>,
    /// Resume pc in the innermost frame.
    pub pc: u32,
    /// What kind of exit this is.
    pub kind: ExitKind,
    /// Slots whose values must be written back from trace values first.
    pub entries: Vec<(i32, Ref)>,
    /// Objects the optimized trace never allocated (the `virtuals` pass):
    /// the exit stub allocates them and writes them to their slots, after
    /// the entries.
    pub virtuals: Vec<VirtualObj>,
    /// Slots (relative to the root frame's slot 0) no frame reads before
    /// writing them from where it resumes (`loop_slots::dead_before`): the
    /// exit need not write them, and a call made there need not have them
    /// stored.
    pub dead: SlotMask,
}

impl Snapshot {
    /// This snapshot with `entries` instead of its own (its entries are not
    /// copied, and an empty list of virtual objects costs no call).
    pub fn with_entries(&self, entries: Vec<(i32, Ref)>) -> Snapshot {
        Snapshot {
            frames: self.frames.clone(),
            pc: self.pc,
            kind: self.kind,
            entries,
            virtuals: if self.virtuals.is_empty() {
                Vec::new()
            } else {
                self.virtuals.clone()
            },
            dead: self.dead,
        }
    }

    /// Every trace value an exit through this snapshot reads: the entries'
    /// and the virtual objects' fields (all boxed), in the order the exit
    /// stub reads the fields (see [`Snapshot::virtual_field_values`]).
    pub fn exit_values(&self) -> impl Iterator<Item = Ref> + '_ {
        self.entries
            .iter()
            .map(|&(_, r)| r)
            .chain(self.virtual_field_values())
    }

    /// The trace values of the virtual objects' fields, in the order the
    /// exit stub passes them to the materializing code.
    pub fn virtual_field_values(&self) -> impl Iterator<Item = Ref> + '_ {
        self.virtuals
            .iter()
            .flat_map(|v| v.fields.iter())
            .filter_map(|f| match f.value {
                VirtualValue::Ref(r) => Some(r),
                VirtualValue::Virtual(_) => None,
            })
    }
}

/// An object the optimized trace did not allocate, rebuilt at an exit
/// (`materialize_exit`) with all its fields at once: an instance with its
/// final map, as the trace's `new_instance` and `inst_append_slot` calls
/// would have left it, or a small tuple or list with its items.
#[derive(Clone, Debug, PartialEq)]
pub struct VirtualObj {
    /// Interpreter slots (relative to the root frame's slot 0) that hold it.
    pub slots: Vec<i32>,
    /// What it is.
    pub kind: VirtualKind,
    /// An instance's attribute slots in order; a tuple's or list's items.
    pub fields: Vec<VirtualField>,
}

/// The kind of object a [`VirtualObj`] is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum VirtualKind {
    /// An instance of `class` (a boxed constant, kept alive by the trace's
    /// roots).
    Instance {
        /// Its class.
        class: Value,
    },
    /// A tuple (its fields' maps are 0).
    Tuple,
    /// A list (its fields' maps are 0).
    List,
}

/// One attribute slot or item of a [`VirtualObj`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VirtualField {
    /// Its value.
    pub value: VirtualValue,
    /// The instance's map once this slot is appended (0 for an item).
    pub map: u64,
}

/// A field value: a boxed trace value, or another virtual object of the
/// same snapshot (by index in [`Snapshot::virtuals`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum VirtualValue {
    /// A boxed trace value.
    Ref(Ref),
    /// Another virtual object.
    Virtual(u32),
}
