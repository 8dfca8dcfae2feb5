//! Register bytecode: the instruction set, code objects and their constants.
//!
//! LuaJIT-style register machine. A frame is a window of `Code::nslots`
//! consecutive slots on the VM's one value stack: parameters first, then the
//! other locals, then temporaries. Every operand below named `dst`, `src`,
//! `a`, `b`, `obj`, ... is a slot number in the current frame; `name` operands
//! index `Code::names`, `idx` operands index `Code::consts`; jump targets are
//! absolute instruction indices. An instruction is 8 bytes.
//!
//! Calls follow Lua's convention: the callee sits in slot `func`, its
//! arguments in the slots after it, and the result is written back to `func`,
//! so the callee's frame can start at `func + 1` without copying arguments.

use num_bigint::BigInt;
use std::rc::Rc;

/// A frame slot number.
pub type Reg = u16;

/// Marks an absent optional register operand (e.g. no format spec).
pub const NO_REG: Reg = u16::MAX;

/// Binary operator kinds used by the generic [`Op::Inplace`] instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum BinOpKind {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
}

/// Conversion applied by [`Op::Convert`] (f-string `!s`, `!r`, `!a`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Conversion {
    Str,
    Repr,
    Ascii,
}

/// One instruction. See the module docs for operand conventions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    // ------------------------------------------------------------ moves and constants
    /// `dst = src`.
    Move { dst: Reg, src: Reg },
    /// `dst = consts[idx]`.
    LoadConst { dst: Reg, idx: u32 },
    /// `dst = value` (a small integer immediate).
    LoadInt { dst: Reg, value: i32 },
    /// `dst = None`.
    LoadNone { dst: Reg },
    /// `dst = True`.
    LoadTrue { dst: Reg },
    /// `dst = False`.
    LoadFalse { dst: Reg },
    /// Raise `UnboundLocalError` (in functions) / `NameError` (module level) if local
    /// `slot` is unbound; emitted before reads the compiler cannot prove are bound.
    /// `name` indexes `names` and gives the variable name for the message.
    CheckBound { slot: Reg, name: u16 },
    /// Unbind local `slot` (`del x`); raises like `CheckBound` if already unbound.
    DeleteLocal { slot: Reg, name: u16 },

    // ------------------------------------------------------------ globals and names
    /// `dst = globals[name]`, else `builtins[name]`, else `NameError`.
    LoadGlobal { dst: Reg, name: u16 },
    /// `globals[name] = src`.
    StoreGlobal { name: u16, src: Reg },
    /// `del globals[name]` (`NameError` if absent).
    DeleteGlobal { name: u16 },
    /// Class bodies only: `dst = namespace[name]`, else globals, else builtins.
    LoadName { dst: Reg, name: u16 },
    /// Class bodies only: `namespace[name] = src`.
    StoreName { name: u16, src: Reg },
    /// Class bodies only: `del namespace[name]`.
    DeleteName { name: u16 },

    // ------------------------------------------------------------ closures
    /// Slot `slot` holds a captured variable: replace its value by a new cell
    /// holding that value (EMPTY stays an empty cell). Emitted at function entry
    /// for every slot in `Code::cell_slots`.
    MakeCell { slot: Reg },
    /// `dst = cell_in(slot).value`; raises `NameError`/`UnboundLocalError`
    /// ("cannot access free variable ...") if empty; the name comes from the slot.
    LoadCell { dst: Reg, slot: Reg },
    /// `cell_in(slot).value = src`.
    StoreCell { slot: Reg, src: Reg },
    /// Empty the cell in `slot` (`del x` of a captured variable).
    DeleteCell { slot: Reg },

    // ------------------------------------------------------------ arithmetic
    /// `dst = a + b`.
    Add { dst: Reg, a: Reg, b: Reg },
    /// `dst = a - b`.
    Sub { dst: Reg, a: Reg, b: Reg },
    /// `dst = a * b`.
    Mul { dst: Reg, a: Reg, b: Reg },
    /// `dst = a / b`.
    TrueDiv { dst: Reg, a: Reg, b: Reg },
    /// `dst = a // b`.
    FloorDiv { dst: Reg, a: Reg, b: Reg },
    /// `dst = a % b`.
    Mod { dst: Reg, a: Reg, b: Reg },
    /// `dst = a ** b`.
    Pow { dst: Reg, a: Reg, b: Reg },
    /// `dst = a << b`.
    LShift { dst: Reg, a: Reg, b: Reg },
    /// `dst = a >> b`.
    RShift { dst: Reg, a: Reg, b: Reg },
    /// `dst = a & b`.
    BitAnd { dst: Reg, a: Reg, b: Reg },
    /// `dst = a | b`.
    BitOr { dst: Reg, a: Reg, b: Reg },
    /// `dst = a ^ b`.
    BitXor { dst: Reg, a: Reg, b: Reg },
    /// `dst = a op= b` (tries `__iadd__` etc. first, so lists extend in place).
    Inplace {
        op: BinOpKind,
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    /// `dst = -src`.
    Neg { dst: Reg, src: Reg },
    /// `dst = +src`.
    Pos { dst: Reg, src: Reg },
    /// `dst = ~src`.
    Invert { dst: Reg, src: Reg },
    /// `dst = not src` (always a bool).
    Not { dst: Reg, src: Reg },

    // ------------------------------------------------------------ comparisons
    /// `dst = a < b`.
    Lt { dst: Reg, a: Reg, b: Reg },
    /// `dst = a <= b`.
    Le { dst: Reg, a: Reg, b: Reg },
    /// `dst = a > b`.
    Gt { dst: Reg, a: Reg, b: Reg },
    /// `dst = a >= b`.
    Ge { dst: Reg, a: Reg, b: Reg },
    /// `dst = a == b`.
    Eq { dst: Reg, a: Reg, b: Reg },
    /// `dst = a != b`.
    Ne { dst: Reg, a: Reg, b: Reg },
    /// `dst = a is b`.
    Is { dst: Reg, a: Reg, b: Reg },
    /// `dst = a is not b`.
    IsNot { dst: Reg, a: Reg, b: Reg },
    /// `dst = a in b`.
    In { dst: Reg, a: Reg, b: Reg },
    /// `dst = a not in b`.
    NotIn { dst: Reg, a: Reg, b: Reg },

    // ------------------------------------------------------------ control flow
    /// Unconditional forward (or non-loop) jump.
    Jump { target: u32 },
    /// Backward jump closing a loop: an interpreter safepoint (GC, Ctrl-C) and the
    /// place hot-loop counters live. `target` is the loop header.
    JumpBack { target: u32 },
    /// Jump if `cond` is falsy.
    JumpIfFalse { cond: Reg, target: u32 },
    /// Jump if `cond` is truthy.
    JumpIfTrue { cond: Reg, target: u32 },

    // ------------------------------------------------------------ containers
    /// `dst = [start, start+1, ..., start+count-1]`.
    BuildList { dst: Reg, start: Reg, count: u16 },
    /// `dst = (start, ..., start+count-1)`.
    BuildTuple { dst: Reg, start: Reg, count: u16 },
    /// `dst = {start, ...}`.
    BuildSet { dst: Reg, start: Reg, count: u16 },
    /// `dst = {start: start+1, start+2: start+3, ...}` with `count` pairs.
    BuildDict { dst: Reg, start: Reg, count: u16 },
    /// `dst = slice(start, start+1, start+2)`.
    BuildSlice { dst: Reg, start: Reg },
    /// `dst = "".join(str slots start..start+count)` (f-string assembly; all are strs).
    BuildString { dst: Reg, start: Reg, count: u16 },
    /// `list.append(src)` on the list in `list` (comprehensions).
    ListAppend { list: Reg, src: Reg },
    /// `list.extend(src)` (starred items in displays and calls).
    ListExtend { list: Reg, src: Reg },
    /// `set.add(src)`.
    SetAdd { set: Reg, src: Reg },
    /// `set.update(src)`.
    SetUpdate { set: Reg, src: Reg },
    /// `dict[key] = value` where `value` is slot `key + 1` (dict displays/comprehensions).
    DictInsert { dict: Reg, key: Reg },
    /// `dict.update(src)` for `**src` in a display; in calls (`merge` = 1) a
    /// duplicate key raises `TypeError: got multiple values for keyword argument`.
    DictUpdate { dict: Reg, src: Reg, merge: u8 },
    /// `dst = tuple(src)` where `src` is a list.
    ListToTuple { dst: Reg, src: Reg },
    /// `dst = format(src, spec)`; `spec` is a str slot or `NO_REG`.
    FormatValue { dst: Reg, src: Reg, spec: Reg },
    /// `dst = str(src)` / `repr(src)` / `ascii(src)`.
    Convert {
        dst: Reg,
        src: Reg,
        kind: Conversion,
    },

    // ------------------------------------------------------------ subscripts and attributes
    /// `dst = obj[key]`.
    GetItem { dst: Reg, obj: Reg, key: Reg },
    /// `obj[key] = src`.
    SetItem { obj: Reg, key: Reg, src: Reg },
    /// `del obj[key]`.
    DelItem { obj: Reg, key: Reg },
    /// `dst = obj.name`.
    GetAttr { dst: Reg, obj: Reg, name: u16 },
    /// `obj.name = src`.
    SetAttr { obj: Reg, name: u16, src: Reg },
    /// `del obj.name`.
    DelAttr { obj: Reg, name: u16 },
    /// Method lookup for a call: if `obj.name` is a plain function found on the
    /// class, `dst = function, dst+1 = obj` (no bound method is allocated);
    /// otherwise `dst = obj.name, dst+1 = EMPTY`. Followed by [`Op::CallMethod`].
    LoadMethod { dst: Reg, obj: Reg, name: u16 },

    // ------------------------------------------------------------ iteration and unpacking
    /// `dst = iter(src)`.
    GetIter { dst: Reg, src: Reg },
    /// Advance the iterator in `iter`: the next value goes to `iter + 1`; when it is
    /// exhausted jump to `exit`.
    ForIter { iter: Reg, exit: u32 },
    /// Unpack `src` into exactly `count` slots `dst..dst+count`
    /// (`ValueError: not enough/too many values to unpack`).
    UnpackSeq { dst: Reg, src: Reg, count: u16 },
    /// Starred unpack: `before` values, then a list of the middle, then `after`
    /// values into `dst..dst+before+1+after`.
    UnpackEx {
        dst: Reg,
        src: Reg,
        before: u8,
        after: u8,
    },

    // ------------------------------------------------------------ functions and calls
    /// Create a function from `consts[code]` (a `Const::Code`). Inputs: slot `dst`
    /// holds the positional defaults tuple or None, slot `dst+1` the keyword-only
    /// defaults dict or None. Free variables are captured from the current frame's
    /// cell slots listed in that code's `Code::free_sources`. Result in `dst`.
    MakeFunction { dst: Reg, code: u16 },
    /// Call `func` with the `argc` positional arguments in `func+1..`; result to `func`.
    Call { func: Reg, argc: u16 },
    /// Call `func` with `argc` arguments in `func+1..`, the last `len(kwnames)` of
    /// which are keyword arguments named by the str tuple `consts[kwnames]`.
    CallKw { func: Reg, argc: u16, kwnames: u16 },
    /// Call `func` with `*func+1` (a tuple) and `**func+2` (a dict or None).
    CallEx { func: Reg },
    /// After [`Op::LoadMethod`]: if slot `func+1` is EMPTY call `func` with the
    /// `argc` arguments at `func+2..`, else call `func` with `argc+1` arguments
    /// starting at `func+1` (self first). Result to `func`.
    CallMethod { func: Reg, argc: u16 },
    /// Like `CallMethod` with the last `len(consts[kwnames])` arguments as keywords.
    CallMethodKw { func: Reg, argc: u16, kwnames: u16 },
    /// Return `src` from the frame.
    Return { src: Reg },
    /// `dst = __build_class__`: slot `start` holds the class-body function, `start+1`
    /// the name (str), `start+2..start+2+nbases` the bases. The body runs with a
    /// fresh namespace dict; its return value is the `__class__` cell (or None),
    /// which is then filled with the new class (for zero-argument `super()`).
    BuildClass { dst: Reg, start: Reg, nbases: u16 },

    // ------------------------------------------------------------ generators
    /// Suspend the generator, yielding `src`; on resume the sent value goes to `dst`.
    Yield { dst: Reg, src: Reg },
    /// `dst = yield from src`: delegate to the iterator in `src` until exhausted.
    YieldFrom { dst: Reg, src: Reg },

    // ------------------------------------------------------------ exceptions
    /// `raise src` (an exception instance or class).
    Raise { src: Reg },
    /// `raise src from cause`.
    RaiseFrom { src: Reg, cause: Reg },
    /// Bare `raise`: re-raise the exception currently being handled
    /// (`RuntimeError: No active exception to reraise` if none).
    Reraise,
    /// Re-raise the exception object in `src` keeping its traceback (end of a
    /// `finally` or of an unmatched `except` chain).
    ReraiseValue { src: Reg },
    /// `dst = isinstance(exc, typ)` where `typ` is an exception class or tuple of them
    /// (`TypeError` if `typ` is neither).
    ExcMatch { dst: Reg, exc: Reg, typ: Reg },
    /// Enter an `except` body: `exc` becomes the exception being handled (for bare
    /// `raise` and implicit chaining). The previous one is saved in slot `save`.
    PushExcInfo { exc: Reg, save: Reg },
    /// Leave an `except` body: restore the handled exception saved in slot `save`.
    PopExcInfo { save: Reg },
    /// `raise AssertionError(msg)` (`msg` may be `NO_REG`), using the builtin class
    /// even if the name `AssertionError` is shadowed.
    AssertFail { msg: Reg },

    // ------------------------------------------------------------ modules
    /// `dst = __import__(name)`: imports the dotted module `names[name]` (and its
    /// parents) and returns the top-level package. `level` > 0 for relative imports.
    ImportName { dst: Reg, name: u16, level: u8 },
    /// Like `ImportName` but `dst` is the leaf module itself (`import a.b as c`,
    /// `from a.b import c`).
    ImportModule { dst: Reg, name: u16, level: u8 },
    /// `dst = getattr(module, names[name])`, importing the submodule
    /// `module.name` if the attribute is absent; `ImportError` otherwise.
    ImportFrom { dst: Reg, module: Reg, name: u16 },

    // ------------------------------------------------------------ REPL
    /// REPL only: if `src` is not None, print its repr and bind it to `builtins._`.
    PrintExpr { src: Reg },

    /// Does nothing.
    Nop,
}

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    /// `None`.
    None,
    /// `True`/`False`.
    Bool(bool),
    /// An int that does not fit `LoadInt`'s immediate.
    Int(BigInt),
    /// A float.
    Float(f64),
    /// A str (names used as values, literals, keyword-name tuples' items).
    Str(String),
    /// A tuple of constants (e.g. keyword names for `CallKw`).
    Tuple(Vec<Const>),
    /// `...`.
    Ellipsis,
    /// A nested function, lambda, comprehension or class body.
    Code(Rc<Code>),
}

/// One entry of a code object's exception table: an exception raised by an
/// instruction in `start..end` stores the exception object in `exc_slot` and
/// jumps to `handler`. The innermost (first matching in table order) entry wins,
/// so the compiler lists inner ranges before outer ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExcHandler {
    /// First covered instruction.
    pub start: u32,
    /// One past the last covered instruction.
    pub end: u32,
    /// Where the handler code starts.
    pub handler: u32,
    /// Slot that receives the exception object.
    pub exc_slot: Reg,
}

/// What kind of code object this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    /// A module's top level: names are globals.
    Module,
    /// A function, lambda or comprehension.
    Function,
    /// A function containing `yield`: calling it creates a generator.
    Generator,
    /// A class body: names go through the namespace dict (`LoadName`/`StoreName`).
    ClassBody,
}

/// A compiled function, module, or class body.
#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    /// The function or class name (`<module>`, `<lambda>`, `<listcomp>`, ...).
    pub name: String,
    /// Dotted qualified name (`Outer.method`), used in reprs.
    pub qualname: String,
    /// The source file this came from (for tracebacks).
    pub filename: Rc<str>,
    /// What kind of code this is.
    pub kind: CodeKind,
    /// The instructions.
    pub ops: Vec<Op>,
    /// Source line of each instruction (same length as `ops`).
    pub lines: Vec<u32>,
    /// Constants referenced by `idx`/`code`/`kwnames` operands.
    pub consts: Vec<Const>,
    /// Names referenced by `name` operands (globals, attributes, modules).
    pub names: Vec<String>,
    /// Frame size in slots (parameters + locals + temporaries).
    pub nslots: u16,
    /// Number of positional-or-keyword parameters (slots `0..argcount`).
    pub argcount: u16,
    /// Number of keyword-only parameters (slots `argcount..argcount+kwonlycount`).
    pub kwonlycount: u16,
    /// Has `*args`: it occupies the slot after the keyword-only parameters.
    pub has_varargs: bool,
    /// Has `**kwargs`: it occupies the slot after `*args` (or where it would be).
    pub has_varkw: bool,
    /// Names of the local variable slots (parameters first), for keyword binding
    /// and error messages. `local_names.len()` <= `nslots`.
    pub local_names: Vec<String>,
    /// Local slots captured by inner functions; each gets a `MakeCell` at entry.
    pub cell_slots: Vec<Reg>,
    /// Slots (after the locals) that receive this function's closure cells at call
    /// time, in the order of `Function.closure`.
    pub free_slots: Vec<Reg>,
    /// For each free variable: the slot in the *enclosing* frame holding its cell,
    /// read by the enclosing frame's `MakeFunction`.
    pub free_sources: Vec<Reg>,
    /// Names of the free variables (for error messages), parallel to `free_slots`.
    pub free_names: Vec<String>,
    /// The exception table, inner ranges first.
    pub handlers: Vec<ExcHandler>,
    /// Line of the `def`/`class` (or 1 for modules).
    pub first_line: u32,
    /// The docstring, if the body starts with a string literal.
    pub doc: Option<String>,
}

impl Code {
    /// An empty code object of the given kind; the compiler fills it in.
    pub fn new(
        name: &str,
        qualname: &str,
        filename: Rc<str>,
        kind: CodeKind,
        first_line: u32,
    ) -> Self {
        Code {
            name: name.to_string(),
            qualname: qualname.to_string(),
            filename,
            kind,
            ops: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            nslots: 0,
            argcount: 0,
            kwonlycount: 0,
            has_varargs: false,
            has_varkw: false,
            local_names: Vec::new(),
            cell_slots: Vec::new(),
            free_slots: Vec::new(),
            free_sources: Vec::new(),
            free_names: Vec::new(),
            handlers: Vec::new(),
            first_line,
            doc: None,
        }
    }

    /// Slot of `*args`, if any.
    pub fn varargs_slot(&self) -> Option<Reg> {
        self.has_varargs.then_some(self.argcount + self.kwonlycount)
    }

    /// Slot of `**kwargs`, if any.
    pub fn varkw_slot(&self) -> Option<Reg> {
        self.has_varkw
            .then_some(self.argcount + self.kwonlycount + self.has_varargs as u16)
    }

    /// The source line of instruction `pc`.
    pub fn line_of(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.first_line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_are_eight_bytes() {
        assert_eq!(std::mem::size_of::<Op>(), 8);
    }

    #[test]
    fn varargs_and_varkw_slots_follow_parameters() {
        let mut c = Code::new("f", "f", Rc::from("t.py"), CodeKind::Function, 1);
        c.argcount = 2;
        c.kwonlycount = 1;
        c.has_varargs = true;
        c.has_varkw = true;
        assert_eq!(c.varargs_slot(), Some(3));
        assert_eq!(c.varkw_slot(), Some(4));
        c.has_varargs = false;
        assert_eq!(c.varargs_slot(), None);
        assert_eq!(c.varkw_slot(), Some(3));
    }
}
