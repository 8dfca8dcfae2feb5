//! Trace IR: a linear SSA list of operations recorded from one loop iteration.
//!
//! Values are referenced by their index in [`Trace::insts`] ([`Ref`]). Boxed
//! values ([`Type::Val`]) are Tern `Value` words; `Int`/`Float`/`Bool` are
//! unboxed machine values. Guards carry a snapshot index: when the guard
//! fails the trace leaves through that snapshot. A trace is plain data
//! (`Send`), so an optimizer thread can own a copy.

use crate::helpers::Helper;
use crate::snapshot::Snapshot;
use runtime::Value;

/// An IR value: the index of the instruction that produces it.
pub type Ref = u32;

/// Most operands a call takes: helpers get the context and four words.
pub const MAX_CALL_ARGS: usize = 4;

/// A call's operands, held inline so that an [`Opcode`] is `Copy`: the
/// optimizer copies every instruction in every pass, and a `Vec` made each
/// copy of a call an allocation (and every copy of any opcode a call to
/// its `Clone`). Derefs to the operands' slice.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct CallArgs {
    len: u8,
    /// Unused places hold 0, so the derived equality compares operands only.
    refs: [Ref; MAX_CALL_ARGS],
}

impl CallArgs {
    /// The operands `args`.
    ///
    /// # Panics
    /// With more than [`MAX_CALL_ARGS`] operands (no helper takes more).
    pub fn new(args: &[Ref]) -> CallArgs {
        assert!(
            args.len() <= MAX_CALL_ARGS,
            "a call with {} operands",
            args.len()
        );
        let mut refs = [0; MAX_CALL_ARGS];
        refs[..args.len()].copy_from_slice(args);
        CallArgs {
            len: args.len() as u8,
            refs,
        }
    }
}

impl From<Vec<Ref>> for CallArgs {
    fn from(args: Vec<Ref>) -> CallArgs {
        CallArgs::new(&args)
    }
}

impl std::ops::Deref for CallArgs {
    type Target = [Ref];
    fn deref(&self) -> &[Ref] {
        &self.refs[..self.len as usize]
    }
}

impl std::ops::DerefMut for CallArgs {
    fn deref_mut(&mut self) -> &mut [Ref] {
        &mut self.refs[..self.len as usize]
    }
}

impl<'a> IntoIterator for &'a CallArgs {
    type Item = &'a Ref;
    type IntoIter = std::slice::Iter<'a, Ref>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut CallArgs {
    type Item = &'a mut Ref;
    type IntoIter = std::slice::IterMut<'a, Ref>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl std::fmt::Debug for CallArgs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// What an instruction produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// A boxed Tern value.
    Val,
    /// A signed 64-bit integer.
    Int,
    /// An IEEE double.
    Float,
    /// A machine bool (0 or 1).
    Bool,
    /// A raw machine word (a map pointer, a version number).
    Word,
    /// Nothing (stores, guards).
    Void,
}

/// Integer and float comparison conditions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cond {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

/// Integer operations that cannot overflow an i64 given 48-bit inputs, or check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntOp {
    /// `a + b`, guarded against i64 overflow.
    AddOv,
    /// `a - b`, guarded against i64 overflow.
    SubOv,
    /// `a * b`, guarded against i64 overflow.
    MulOv,
    /// `a + b` without an overflow check (the optimizer proved it cannot
    /// overflow an i64; wraps if it could).
    Add,
    /// `a - b` without an overflow check (proved not to overflow).
    Sub,
    /// `a * b` without an overflow check (proved not to overflow).
    Mul,
    /// `a & b`.
    And,
    /// `a | b`.
    Or,
    /// `a ^ b`.
    Xor,
    /// Python's `a // b`, guarded against `b == 0`.
    FloorDiv,
    /// Python's `a % b`, guarded against `b == 0`.
    Mod,
    /// `a << b`, guarded: leaves when `b` is outside `0..64` (a negative
    /// count raises, a larger one overflows unless `a` is 0) or the result
    /// overflows an i64.
    ShlOv,
    /// `a >> b` (arithmetic; a count of 64 or more gives the sign), guarded
    /// against a negative `b` (Python raises).
    Shr,
    /// The smaller of `a` and `b` (`min(a, b)` of two ints; equal ints are
    /// the same value, so which one is taken does not matter).
    Min,
    /// The larger of `a` and `b` (`max(a, b)` of two ints).
    Max,
}

impl Cond {
    /// Does `a <cond> b` hold? (For floats: false when either is NaN,
    /// except `!=`, as IEEE comparisons are.)
    pub fn holds<T: PartialOrd>(self, a: T, b: T) -> bool {
        match self {
            Cond::Lt => a < b,
            Cond::Le => a <= b,
            Cond::Gt => a > b,
            Cond::Ge => a >= b,
            Cond::Eq => a == b,
            Cond::Ne => a != b,
        }
    }
}

impl IntOp {
    /// What the machine code computes for `x op y`, or None when it leaves
    /// the trace instead (overflow of a checked op, a zero divisor, the one
    /// quotient that overflows). Unchecked ops wrap: the optimizer only
    /// makes them where it proved they do not.
    pub fn eval(self, x: i64, y: i64) -> Option<i64> {
        match self {
            IntOp::AddOv => x.checked_add(y),
            IntOp::SubOv => x.checked_sub(y),
            IntOp::MulOv => x.checked_mul(y),
            IntOp::Add => Some(x.wrapping_add(y)),
            IntOp::Sub => Some(x.wrapping_sub(y)),
            IntOp::Mul => Some(x.wrapping_mul(y)),
            IntOp::And => Some(x & y),
            IntOp::Or => Some(x | y),
            IntOp::Xor => Some(x ^ y),
            IntOp::FloorDiv => floor_div_mod(x, y).map(|(q, _)| q),
            IntOp::Mod => floor_div_mod(x, y).map(|(_, r)| r),
            IntOp::ShlOv => {
                let shifted = x.checked_shl(u32::try_from(y).ok()?)?;
                (shifted >> y == x).then_some(shifted)
            }
            IntOp::Shr => (y >= 0).then(|| x >> y.min(63)),
            IntOp::Min => Some(x.min(y)),
            IntOp::Max => Some(x.max(y)),
        }
    }
}

/// Python's `a // b` and `a % b` (rounding toward minus infinity), or None
/// for a zero divisor or the one quotient that overflows.
fn floor_div_mod(a: i64, b: i64) -> Option<(i64, i64)> {
    let (mut q, mut r) = (a.checked_div(b)?, a.checked_rem(b)?);
    if r != 0 && ((r ^ b) < 0) {
        q -= 1;
        r += b;
    }
    Some((q, r))
}

/// Float operations (exact IEEE, no contraction).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatOp {
    Add,
    Sub,
    Mul,
    /// Guarded against a zero divisor (Python raises there).
    Div,
}

/// One IR operation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Opcode {
    // ---- constants
    /// A boxed constant (kept alive by [`Trace::roots`] when it is an object).
    Const(Value),
    /// An unboxed constant: an integer (also raw helper arguments), or with
    /// [`Type::Float`] the bits of a double.
    ConstInt(i64),
    // ---- interpreter frame slots (relative to the root frame's slot 0)
    /// Reads a slot.
    SlotLoad(i32),
    /// Writes a slot.
    SlotStore(i32, Ref),
    // ---- guards (each has a snapshot)
    /// The value's tag (top 16 bits) is this (int, bool, None, object).
    GuardTag(Ref, u64),
    /// The value is a float.
    GuardFloat(Ref),
    /// The value is an object of this `ObjKind` (its tag is already known).
    GuardKind(Ref, u8),
    /// The value (or word) equals this constant (`promote`).
    GuardEq(Ref, u64),
    /// The value (or word) differs from this constant.
    GuardNe(Ref, u64),
    /// A machine bool is true.
    GuardTrue(Ref),
    /// A machine bool is false.
    GuardFalse(Ref),
    // ---- memory
    /// A word at `offset` from the object a boxed pointer refers to.
    LoadField(Ref, i32),
    /// A word at an absolute address (a class's version, a module's version).
    LoadAbs(u64),
    /// Writes a word at `offset` into the object a boxed pointer refers to
    /// (a builtin iterator's position).
    StoreField(Ref, i32, Ref),
    /// `len(list)` of a value known to be a list.
    ListLen(Ref),
    /// `len(tuple)` of a value known to be a tuple (never changes).
    TupleLen(Ref),
    /// `tuple.items[i]` of a tuple and an index already checked to be in
    /// range (never changes).
    TupleLoad(Ref, Ref),
    /// `list.items[i]` of a list and an index already checked to be in range.
    ListLoad(Ref, Ref),
    /// `list.items[i] = value`, index already checked.
    ListStore(Ref, Ref, Ref),
    /// `instance.slots[index]`.
    InstSlotLoad(Ref, u32),
    /// `instance.slots[index] = value`.
    InstSlotStore(Ref, u32, Ref),
    // ---- boxing
    /// Boxed int to i64.
    UnboxInt(Ref),
    /// i64 to boxed int, guarded to fit the 48-bit inline range; without a
    /// snapshot the optimizer proved it fits and the backend checks nothing.
    BoxInt(Ref),
    /// Boxed float to double.
    UnboxFloat(Ref),
    /// Double to boxed float (NaNs canonicalised).
    BoxFloat(Ref),
    /// Machine bool to `True`/`False`.
    BoxBool(Ref),
    // ---- arithmetic
    /// Integer binary operation.
    Int(IntOp, Ref, Ref),
    /// `-a`, guarded against overflow.
    IntNeg(Ref),
    /// Integer comparison to a machine bool.
    IntCmp(Cond, Ref, Ref),
    /// Float binary operation.
    Float(FloatOp, Ref, Ref),
    /// `-a`.
    FloatNeg(Ref),
    /// Exact conversion of a 48-bit int to a double.
    IntToFloat(Ref),
    /// Float comparison (false when either is NaN, except `!=`).
    FloatCmp(Cond, Ref, Ref),
    /// Bit-equality of two boxed values (`is`).
    SameValue(Ref, Ref),
    /// Machine bool negation.
    BoolNot(Ref),
    // ---- runtime calls
    /// Calls a runtime helper; helpers that may raise carry a snapshot.
    Call(Helper, CallArgs),
    // ---- control
    /// Marks the loop header (the top of every iteration): polls the
    /// safepoint words (its snapshot is the `Safepoint` exit) and counts the
    /// iteration. A peeled trace has two: the preamble's (first instruction)
    /// and the body's.
    LoopHeader,
    /// A loop-carried value of a peeled trace: `init` when control falls
    /// into the body's `LoopHeader` from the preamble, `next` (defined later
    /// in the body) when it comes from `LoopBack`. Phis come directly after
    /// the body's `LoopHeader`; backends move all of a loop's phis at once
    /// (a parallel copy) at both edges. Never in raw traces.
    Phi(Ref, Ref),
    /// Closes the loop. Traces with [`Trace::local_loop`] jump to their own
    /// last `LoopHeader` (after the phi moves); other root traces and bridges
    /// jump through the root loop's entry slot, so a replacement loop is
    /// picked up at the next iteration.
    LoopBack,
}

/// Runs `$f` on each operand of opcode `$op` (a reference: `&Opcode`
/// gives `&Ref`s, `&mut Opcode` gives `&mut Ref`s). A macro rather than one
/// function taking a `dyn` closure: the optimizer visits every operand of
/// every instruction in every pass, and the indirect calls (with a clone of
/// the opcode for the read-only visit) were its largest single cost.
macro_rules! each_operand {
    ($op:expr, $f:ident, $iter:ident) => {{
        use Opcode::*;
        match $op {
            Const(_) | ConstInt(_) | SlotLoad(_) | LoadAbs(_) | LoopHeader | LoopBack => {}
            SlotStore(_, a)
            | GuardTag(a, _)
            | GuardFloat(a)
            | GuardKind(a, _)
            | GuardEq(a, _)
            | GuardNe(a, _)
            | GuardTrue(a)
            | GuardFalse(a)
            | LoadField(a, _)
            | ListLen(a)
            | TupleLen(a)
            | InstSlotLoad(a, _)
            | UnboxInt(a)
            | BoxInt(a)
            | UnboxFloat(a)
            | BoxFloat(a)
            | BoxBool(a)
            | IntNeg(a)
            | FloatNeg(a)
            | IntToFloat(a)
            | BoolNot(a) => $f(a),
            ListLoad(a, b)
            | TupleLoad(a, b)
            | StoreField(a, _, b)
            | InstSlotStore(a, _, b)
            | Int(_, a, b)
            | IntCmp(_, a, b)
            | Float(_, a, b)
            | FloatCmp(_, a, b)
            | SameValue(a, b)
            | Phi(a, b) => {
                $f(a);
                $f(b);
            }
            ListStore(a, b, c) => {
                $f(a);
                $f(b);
                $f(c);
            }
            Call(_, args) => {
                for a in args {
                    $f(a);
                }
            }
        }
    }};
}

impl Opcode {
    /// Calls `f` on every IR value the operation reads (a phi's `next` too).
    pub fn for_each_ref(&self, mut f: impl FnMut(Ref)) {
        let mut g = |a: &Ref| f(*a);
        each_operand!(self, g, iter);
    }

    /// The IR values the operation reads, in operand order.
    pub fn refs(&self) -> Vec<Ref> {
        let mut v = Vec::new();
        self.for_each_ref(|r| v.push(r));
        v
    }

    /// Replaces every IR value the operation reads with `f(value)`.
    pub fn map_refs(&mut self, mut f: impl FnMut(Ref) -> Ref) {
        let mut g = |a: &mut Ref| *a = f(*a);
        each_operand!(self, g, iter_mut);
    }

    /// Is this a guard (leaves the trace when its condition fails)?
    /// Arithmetic with overflow or zero-divisor checks and raising calls
    /// also carry snapshots; see [`Inst::snap`].
    pub fn is_guard(&self) -> bool {
        self.guard_key().is_some()
    }

    /// A guard as a key (kind, operand, constant), equal for guards that
    /// check the same thing of the same value (every guard has one
    /// operand); None for other operations.
    pub fn guard_key(&self) -> Option<(u8, Ref, u64)> {
        Some(match *self {
            Opcode::GuardTag(v, t) => (0, v, t),
            Opcode::GuardKind(v, k) => (1, v, k as u64),
            Opcode::GuardFloat(v) => (2, v, 0),
            Opcode::GuardEq(v, c) => (3, v, c),
            Opcode::GuardNe(v, c) => (4, v, c),
            Opcode::GuardTrue(v) => (5, v, 0),
            Opcode::GuardFalse(v) => (6, v, 0),
            _ => return None,
        })
    }

    /// A pure operation: its result depends only on its operands, it writes
    /// nothing and cannot fail, so it may be folded, shared (CSE) or removed
    /// when unused.
    pub fn is_pure(&self) -> bool {
        use Opcode::*;
        match self {
            Const(_) | ConstInt(_) | UnboxInt(_) | UnboxFloat(_) | BoxFloat(_) | BoxBool(_)
            | IntCmp(..) | FloatNeg(_) | IntToFloat(_) | FloatCmp(..) | SameValue(..)
            | BoolNot(_) => true,
            Int(op, ..) => !matches!(
                op,
                IntOp::AddOv
                    | IntOp::SubOv
                    | IntOp::MulOv
                    | IntOp::FloorDiv
                    | IntOp::Mod
                    | IntOp::ShlOv
                    | IntOp::Shr
            ),
            Float(op, ..) => *op != FloatOp::Div,
            _ => false,
        }
    }

    /// Reads memory that stores or calls may change (heap or slots).
    pub fn is_load(&self) -> bool {
        use Opcode::*;
        matches!(
            self,
            SlotLoad(_)
                | LoadField(..)
                | LoadAbs(_)
                | ListLen(_)
                | ListLoad(..)
                | InstSlotLoad(..)
                | TupleLen(_)
                | TupleLoad(..)
        )
    }
}

/// One instruction with what it produces and where it came from.
#[derive(Clone, Copy, Debug)]
pub struct Inst {
    /// The operation.
    pub op: Opcode,
    /// What it produces.
    pub ty: Type,
    /// Snapshot index for guards and raising calls.
    pub snap: Option<u32>,
    /// Index into [`Trace::origins`]: the bytecode it was recorded from.
    pub origin: u32,
}

/// The bytecode instruction an IR instruction was recorded from.
#[derive(Clone, Copy, Debug)]
pub struct Origin {
    /// The `CodeObj`.
    pub code: Value,
    /// The instruction index.
    pub pc: u32,
    /// Inline depth (0: the loop's own frame).
    pub depth: u32,
}

/// What a trace is attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TraceKind {
    /// A loop's main trace.
    Root,
    /// A side trace starting at exit `exit` of trace `parent`.
    Bridge { parent: usize, exit: u32 },
}

/// A recorded trace: owned plain data.
#[derive(Clone, Debug)]
pub struct Trace {
    /// Root or bridge.
    pub kind: TraceKind,
    /// The instructions.
    pub insts: Vec<Inst>,
    /// Snapshots referenced by guards.
    pub snapshots: Vec<Snapshot>,
    /// Where instructions came from.
    pub origins: Vec<Origin>,
    /// Objects the machine code refers to (kept alive while the trace exists).
    pub roots: Vec<Value>,
    /// Highest slot (relative to the root frame's slot 0) any inlined frame uses.
    pub extent: i32,
    /// Deepest inlining (frames the trace can need beyond the loop's own).
    pub max_inline_depth: usize,
    /// The trace closes its loop itself: `LoopBack` jumps to the trace's
    /// last `LoopHeader` instead of through the loop's entry slot (peeled,
    /// optimized root traces; the preamble runs once per entry).
    pub local_loop: bool,
}

impl Trace {
    /// How many guards (instructions with a snapshot) the trace holds.
    pub fn guard_count(&self) -> usize {
        self.insts.iter().filter(|i| i.snap.is_some()).count()
    }
}
