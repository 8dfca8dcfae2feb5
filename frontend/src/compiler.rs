//! Bytecode compiler core: the public entry points, the per-code-object
//! compiler state (instructions, constants, registers, line table) and the
//! construction of module, function, comprehension and class-body code.
//!
//! Expressions are compiled in `compile_expr.rs` (calls, function objects and
//! comprehensions in `compile_call.rs`), statements in
//! `compile_stmt.rs`, exception-table regions and unwinding in
//! `compile_flow.rs`.

use crate::ast::*;
use crate::bytecode::*;
use crate::error::{CompileError, ErrorKind};
use crate::scope::{self, Binding, ScopeKind, ScopeTable};
use std::collections::HashMap;
use std::rc::Rc;

/// How top-level expression statements are treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A program file: expression statements are evaluated and discarded.
    File,
    /// One REPL input: top-level expression statements echo their repr (`PrintExpr`).
    Repl,
}

/// The most slots a frame may use; beyond it compilation fails cleanly.
pub const MAX_SLOTS: u32 = 60000;

/// Stack for the compiler thread: scope analysis and code generation recurse
/// once per AST level, and a debug build needs several KiB per level for the
/// deepest trees the parser accepts (`parser::MAX_TREE_DEPTH`).
const COMPILER_STACK_BYTES: usize = 256 << 20;

/// A freshly compiled code tree moved from the compiler thread to the caller.
struct CompiledCode(Rc<Code>);

// SAFETY: every `Rc` reachable from the code object (nested codes, the shared
// filename) was created on the compiler thread during this compilation, and
// every clone of them is inside this tree: the scope table and the compilers
// hold none once compilation returns. Moving the whole tree to another thread
// therefore moves all owners of each reference count together; no two threads
// can ever touch the same count.
unsafe impl Send for CompiledCode {}

/// Compiles a parsed module into its top-level code object.
///
/// Runs on a thread with a large stack (the compiler recurses once per AST
/// level); falls back to the current thread if that thread cannot be spawned.
pub fn compile_module(
    module: &Module,
    filename: &str,
    mode: Mode,
) -> Result<Rc<Code>, CompileError> {
    let result = std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("tern-compiler".into())
            .stack_size(COMPILER_STACK_BYTES)
            .spawn_scoped(scope, || {
                compile_module_on_this_thread(module, filename, mode).map(CompiledCode)
            });
        match spawned {
            Ok(handle) => Some(handle.join()),
            Err(_) => None,
        }
    });
    match result {
        Some(Ok(compiled)) => compiled.map(|c| c.0),
        // The compiler does not panic on any input; if it ever does, report it
        // as an error rather than taking the VM down.
        Some(Err(_)) => Err(CompileError::syntax("internal compiler error", 1, 1)),
        None => compile_module_on_this_thread(module, filename, mode),
    }
}

/// [`compile_module`] on the caller's thread and stack.
pub fn compile_module_on_this_thread(
    module: &Module,
    filename: &str,
    mode: Mode,
) -> Result<Rc<Code>, CompileError> {
    let table = scope::analyze(module)?;
    let filename: Rc<str> = Rc::from(filename);
    let code = Code::new("<module>", "<module>", filename, CodeKind::Module, 1);
    let mut c = FnCompiler::new(&table, 0, code, mode);
    if mode == Mode::File {
        if let Some(doc) = docstring(&module.body) {
            c.code.doc = Some(doc.to_string());
            c.line = module.body[0].pos.line;
            let t = c.alloc()?;
            let idx = c.const_idx(Const::Str(doc.to_string()))?;
            c.emit(Op::LoadConst { dst: t, idx });
            let name = c.name_idx("__doc__")?;
            c.emit(Op::StoreGlobal { name, src: t });
            c.release(t as u32);
        }
    }
    c.stmts(&module.body)?;
    c.emit_return_none()?;
    Ok(Rc::new(c.finish()))
}

/// Parses and compiles source text (each on a helper thread with a large
/// stack, see [`parse`](crate::parser::parse) and [`compile_module`]).
pub fn compile_source(source: &str, filename: &str, mode: Mode) -> Result<Rc<Code>, CompileError> {
    let module = crate::parser::parse(source)?;
    compile_module(&module, filename, mode)
}

/// Native stack that parsing and compiling the deepest accepted source take
/// on the calling thread, with a margin of four: a caller with this much
/// stack left may use [`compile_source_on_this_thread`] and save starting
/// two threads (a tenth of a millisecond, and their allocator pages).
pub const STACK_BYTES_TO_COMPILE_HERE: usize = 64 << 20;

/// [`compile_source`] on the caller's thread and stack, which must have
/// [`STACK_BYTES_TO_COMPILE_HERE`] left.
pub fn compile_source_on_this_thread(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<Rc<Code>, CompileError> {
    let module = crate::parser::parse_on_this_thread(source)?;
    compile_module_on_this_thread(&module, filename, mode)
}

/// The docstring of a body: a leading string-literal expression statement.
pub(crate) fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr {
            kind: ExprKind::Str(s),
            ..
        })) => Some(s),
        _ => None,
    }
}

// ---------------------------------------------------------------- definite assignment

/// Which local slots are certainly bound on the current path (for eliding
/// `CheckBound`). An unreachable path counts as "everything bound".
#[derive(Clone, Debug)]
pub(crate) struct Flow {
    pub(crate) reachable: bool,
    pub(crate) assigned: Vec<bool>,
}

impl Flow {
    /// Merges two paths meeting at one point.
    pub(crate) fn join(&mut self, other: &Flow) {
        if !other.reachable {
            return;
        }
        if !self.reachable {
            *self = other.clone();
            return;
        }
        for (a, b) in self.assigned.iter_mut().zip(&other.assigned) {
            *a = *a && *b;
        }
    }
}

// ---------------------------------------------------------------- control blocks

/// An enclosing construct that `break`/`continue`/`return` must unwind through.
#[derive(Clone, Debug)]
pub(crate) enum Block<'a> {
    /// A `while`/`for` loop: `continue` jumps back to `head`; `break` jumps are patched at the end.
    Loop {
        head: u32,
        breaks: Vec<usize>,
        break_flows: Vec<Flow>,
    },
    /// The body of a `try` with `except` handlers: leaving it ends the protected range.
    Protected { region: usize },
    /// The body of a `try` with a `finally`: leaving it runs the finally body inline.
    Finally { body: &'a [Stmt], region: usize },
    /// Inside `except` clauses: leaving restores the handled exception.
    HandlerCleanup { save: Reg, region: usize },
    /// Inside an `except ... as name` body: leaving unbinds the name.
    HandlerName { name: &'a str, region: usize },
    /// Inside a `finally` body run for an exception: leaving restores the handled exception.
    FinallyExc { save: Reg, region: usize },
}

/// A protected instruction range of one handler, possibly split into several
/// segments (code inlined for `return`/`break` must not be protected).
#[derive(Clone, Debug)]
pub(crate) struct Region {
    pub(crate) segments: Vec<(u32, u32)>,
    pub(crate) open: Option<u32>,
    pub(crate) exc_slot: Reg,
}

// ---------------------------------------------------------------- per-code compiler

/// Compiles one code object (module, function, comprehension or class body).
pub(crate) struct FnCompiler<'a> {
    pub(crate) table: &'a ScopeTable,
    pub(crate) scope_id: usize,
    pub(crate) code: Code,
    pub(crate) mode: Mode,
    /// First temporary slot (locals and free variables come before it).
    pub(crate) nvars: u32,
    pub(crate) next_temp: u32,
    pub(crate) max_slots: u32,
    /// Source position of the node being compiled (recorded in the line table).
    pub(crate) line: u32,
    pub(crate) col: u32,
    pub(crate) blocks: Vec<Block<'a>>,
    pub(crate) regions: Vec<Region>,
    pub(crate) flow: Flow,
    /// Locals that `del`/`except as` may unbind: never considered bound.
    pub(crate) maybe_deleted: Vec<bool>,
    const_index: HashMap<String, u32>,
    name_index: HashMap<String, u16>,
}

impl<'a> FnCompiler<'a> {
    pub(crate) fn new(table: &'a ScopeTable, scope_id: usize, code: Code, mode: Mode) -> Self {
        let scope = &table.scopes[scope_id];
        let nlocals = scope.locals.len();
        let nvars = scope.nvars() as u32;
        let maybe_deleted: Vec<bool> = scope
            .locals
            .iter()
            .map(|n| scope.may_be_deleted(n))
            .collect();
        // Parameters are bound at entry (a later `del` clears the bit).
        let assigned = (0..nlocals).map(|i| i < scope.params.len()).collect();
        let line = code.first_line;
        FnCompiler {
            table,
            scope_id,
            code,
            mode,
            nvars,
            next_temp: nvars,
            max_slots: nvars,
            line,
            col: 1,
            blocks: Vec::new(),
            regions: Vec::new(),
            flow: Flow {
                reachable: true,
                assigned,
            },
            maybe_deleted,
            const_index: HashMap::new(),
            name_index: HashMap::new(),
        }
    }

    pub(crate) fn scope(&self) -> &'a scope::Scope {
        &self.table.scopes[self.scope_id]
    }

    /// Fills in the slot tables and returns the finished code object.
    pub(crate) fn finish(mut self) -> Code {
        let scope = self.scope();
        self.code.nslots = self.max_slots as u16;
        self.code.local_names = scope
            .locals
            .iter()
            .chain(scope.frees.iter())
            .cloned()
            .collect();
        self.code.cell_slots = cell_slots(scope);
        self.code.free_slots = (0..scope.frees.len())
            .map(|i| (scope.locals.len() + i) as u16)
            .collect();
        self.code.free_names = scope.frees.clone();
        self.code
    }

    // ------------------------------------------------------------ errors

    /// A `SyntaxError` at the node being compiled.
    pub(crate) fn syntax_err(&self, msg: impl Into<String>, pos: Pos) -> CompileError {
        CompileError::syntax(msg, pos.line, pos.col)
    }

    fn limit_err(&self, what: &str) -> CompileError {
        CompileError {
            kind: ErrorKind::NotImplemented,
            msg: format!("{what} in '{}' is not supported by tern", self.code.name),
            line: self.line,
            col: self.col,
        }
    }

    // ------------------------------------------------------------ emission

    /// Appends an instruction tagged with the current source line; returns its index.
    pub(crate) fn emit(&mut self, op: Op) -> usize {
        self.code.ops.push(op);
        self.code.lines.push(self.line);
        self.code.ops.len() - 1
    }

    /// The index the next instruction will get.
    pub(crate) fn pc(&self) -> u32 {
        self.code.ops.len() as u32
    }

    /// Points the jump at `at` to `target`.
    pub(crate) fn patch(&mut self, at: usize, target: u32) {
        match &mut self.code.ops[at] {
            Op::Jump { target: t }
            | Op::JumpIfFalse { target: t, .. }
            | Op::JumpIfTrue { target: t, .. } => *t = target,
            Op::ForIter { exit, .. } => *exit = target,
            _ => {}
        }
    }

    /// Points every jump in `jumps` at the next instruction.
    pub(crate) fn patch_here(&mut self, jumps: &[usize]) {
        let here = self.pc();
        for &j in jumps {
            self.patch(j, here);
        }
    }

    /// `dst = src`, omitted when they are the same slot.
    pub(crate) fn mov(&mut self, dst: Reg, src: Reg) {
        if dst != src {
            self.emit(Op::Move { dst, src });
        }
    }

    pub(crate) fn emit_return_none(&mut self) -> Result<(), CompileError> {
        let t = self.alloc()?;
        self.emit(Op::LoadNone { dst: t });
        self.emit(Op::Return { src: t });
        self.release(t as u32);
        Ok(())
    }

    // ------------------------------------------------------------ registers

    /// Allocates the next temporary slot (stack discipline: see [`Self::release`]).
    pub(crate) fn alloc(&mut self) -> Result<Reg, CompileError> {
        let r = self.next_temp;
        if r >= MAX_SLOTS {
            return Err(self.limit_err(
                "more than 60000 registers (too many locals or a too large expression)",
            ));
        }
        self.next_temp += 1;
        self.max_slots = self.max_slots.max(self.next_temp);
        Ok(r as Reg)
    }

    /// Allocates `n` consecutive temporaries and returns the first.
    pub(crate) fn alloc_n(&mut self, n: usize) -> Result<Reg, CompileError> {
        let first = self.next_temp as Reg;
        for _ in 0..n {
            self.alloc()?;
        }
        Ok(first)
    }

    /// Frees every temporary from `mark` up.
    pub(crate) fn release(&mut self, mark: u32) {
        self.next_temp = mark.max(self.nvars);
    }

    /// Whether `r` is the topmost allocated temporary (so `r+1..` may be allocated next).
    pub(crate) fn is_top_temp(&self, r: Reg) -> bool {
        r as u32 >= self.nvars && r as u32 + 1 == self.next_temp
    }

    /// A slot the result of a multi-step expression can be built in: `dst` if it
    /// is a temporary, otherwise a fresh temporary (a variable must not change
    /// before the whole right-hand side has been evaluated).
    pub(crate) fn safe_dst(&mut self, dst: Reg) -> Result<Reg, CompileError> {
        if (dst as u32) < self.nvars {
            self.alloc()
        } else {
            Ok(dst)
        }
    }

    // ------------------------------------------------------------ constants and names

    /// Index of a constant, shared between equal simple constants.
    pub(crate) fn const_idx(&mut self, c: Const) -> Result<u32, CompileError> {
        let key = match &c {
            Const::Code(_) => None,
            Const::Float(f) => Some(format!("Float({:x})", f.to_bits())),
            other => Some(format!("{other:?}")),
        };
        if let Some(k) = &key {
            if let Some(&i) = self.const_index.get(k) {
                return Ok(i);
            }
        }
        let i = self.code.consts.len() as u32;
        if i > u16::MAX as u32 {
            return Err(self.limit_err("more than 65536 constants"));
        }
        self.code.consts.push(c);
        if let Some(k) = key {
            self.const_index.insert(k, i);
        }
        Ok(i)
    }

    /// A constant index that must fit a 16-bit operand.
    pub(crate) fn const_idx16(&mut self, c: Const) -> Result<u16, CompileError> {
        Ok(self.const_idx(c)? as u16)
    }

    /// Index of a name in `Code::names`.
    pub(crate) fn name_idx(&mut self, name: &str) -> Result<u16, CompileError> {
        if let Some(&i) = self.name_index.get(name) {
            return Ok(i);
        }
        let i = self.code.names.len();
        if i > u16::MAX as usize {
            return Err(self.limit_err("more than 65536 names"));
        }
        self.code.names.push(name.to_string());
        self.name_index.insert(name.to_string(), i as u16);
        Ok(i as u16)
    }

    // ------------------------------------------------------------ variables

    /// How `name` is accessed in this code object.
    pub(crate) fn binding(&self, name: &str) -> Binding {
        self.scope().binding(name)
    }

    /// Emits `CheckBound` before reading local `slot` unless it is certainly bound.
    pub(crate) fn check_local(&mut self, slot: Reg, name: &str) -> Result<(), CompileError> {
        let s = slot as usize;
        if self.flow.reachable && !self.flow.assigned[s] {
            let name = self.name_idx(name)?;
            self.emit(Op::CheckBound { slot, name });
            self.set_bound(slot);
        }
        Ok(())
    }

    /// Records that local `slot` is bound from here on (on this path).
    pub(crate) fn set_bound(&mut self, slot: Reg) {
        let s = slot as usize;
        if s < self.flow.assigned.len() {
            self.flow.assigned[s] = true;
        }
    }

    /// Forgets what is known about locals that `del`/`except as` may unbind.
    /// Called where the flow state is approximated by an earlier one (loop
    /// headers, exception handlers): a deletion in between would be missed.
    pub(crate) fn forget_deletable(&mut self) {
        for (a, d) in self.flow.assigned.iter_mut().zip(&self.maybe_deleted) {
            if *d {
                *a = false;
            }
        }
    }

    /// `dst = name`.
    pub(crate) fn load_name(&mut self, name: &str, dst: Reg) -> Result<(), CompileError> {
        match self.binding(name) {
            Binding::Local(slot) => {
                self.check_local(slot, name)?;
                self.mov(dst, slot);
            }
            Binding::Cell(slot) | Binding::Free(slot) => {
                self.emit(Op::LoadCell { dst, slot });
            }
            Binding::Global => {
                let name = self.name_idx(name)?;
                self.emit(Op::LoadGlobal { dst, name });
            }
            Binding::Name => {
                let name = self.name_idx(name)?;
                self.emit(Op::LoadName { dst, name });
            }
        }
        Ok(())
    }

    /// `name = src`.
    pub(crate) fn store_name(&mut self, name: &str, src: Reg) -> Result<(), CompileError> {
        match self.binding(name) {
            Binding::Local(slot) => {
                self.mov(slot, src);
                self.set_bound(slot);
            }
            Binding::Cell(slot) | Binding::Free(slot) => {
                self.emit(Op::StoreCell { slot, src });
            }
            Binding::Global => {
                let name = self.name_idx(name)?;
                self.emit(Op::StoreGlobal { name, src });
            }
            Binding::Name => {
                let name = self.name_idx(name)?;
                self.emit(Op::StoreName { name, src });
            }
        }
        Ok(())
    }

    /// `del name`.
    pub(crate) fn delete_name(&mut self, name: &str) -> Result<(), CompileError> {
        match self.binding(name) {
            Binding::Local(slot) => {
                let name = self.name_idx(name)?;
                self.emit(Op::DeleteLocal { slot, name });
                self.flow.assigned[slot as usize] = false;
            }
            Binding::Cell(slot) | Binding::Free(slot) => {
                self.emit(Op::DeleteCell { slot });
            }
            Binding::Global => {
                let name = self.name_idx(name)?;
                self.emit(Op::DeleteGlobal { name });
            }
            Binding::Name => {
                let name = self.name_idx(name)?;
                self.emit(Op::DeleteName { name });
            }
        }
        Ok(())
    }

    /// The slot a local variable lives in, if `name` is a plain (non-cell) local.
    pub(crate) fn plain_local(&self, name: &str) -> Option<Reg> {
        match self.binding(name) {
            Binding::Local(slot) => Some(slot),
            _ => None,
        }
    }

    // ------------------------------------------------------------ nested code objects

    /// The qualified name of a function or class `name` defined in this code.
    fn child_qualname(&self, name: &str) -> String {
        match self.scope().kind {
            ScopeKind::Module => name.to_string(),
            // Comprehensions, like classes, add no `<locals>` (CPython does the same).
            ScopeKind::Function if self.scope().params.first().is_some_and(|p| p == ".0") => {
                format!("{}.{}", self.code.qualname, name)
            }
            ScopeKind::Class => format!("{}.{}", self.code.qualname, name),
            ScopeKind::Function => format!("{}.<locals>.{}", self.code.qualname, name),
        }
    }

    fn child_scope<T>(&self, node: &T, pos: Pos) -> Result<usize, CompileError> {
        self.table
            .scope_of(node)
            .ok_or_else(|| self.syntax_err("internal compiler error: missing scope", pos))
    }

    /// A compiler for a nested code object of scope `sid`.
    fn child(&self, sid: usize, name: &str, kind: CodeKind, line: u32) -> FnCompiler<'a> {
        let qualname = self.child_qualname(name);
        let code = Code::new(name, &qualname, self.code.filename.clone(), kind, line);
        let mut c = FnCompiler::new(self.table, sid, code, self.mode);
        // Cells are created at entry, parameters included.
        for slot in cell_slots(c.scope()) {
            c.emit(Op::MakeCell { slot });
        }
        c
    }

    /// Finishes a nested code object: records where its free variables come from
    /// in this frame and returns its constant index.
    fn add_child(&mut self, child: FnCompiler<'a>, pos: Pos) -> Result<u16, CompileError> {
        let mut code = child.finish();
        let mut sources = Vec::with_capacity(code.free_names.len());
        for name in &code.free_names {
            match self.scope().cell_source(name) {
                Some(slot) => sources.push(slot),
                None => {
                    return Err(self.syntax_err(
                        format!("internal compiler error: no cell for free variable '{name}'"),
                        pos,
                    ))
                }
            }
        }
        code.free_sources = sources;
        self.const_idx16(Const::Code(Rc::new(code)))
    }

    /// Compiles a `def` or `lambda` body into a code object; returns its constant index.
    pub(crate) fn function_code(&mut self, def: &'a FunctionDef) -> Result<u16, CompileError> {
        let sid = self.child_scope(def, def.pos)?;
        let kind = if self.table.scopes[sid].is_generator {
            CodeKind::Generator
        } else {
            CodeKind::Function
        };
        let mut c = self.child(sid, &def.name, kind, def.pos.line);
        let p = &def.params;
        c.code.argcount = p.args.len() as u16;
        c.code.kwonlycount = p.kwonly.len() as u16;
        c.code.has_varargs = p.vararg.is_some();
        c.code.has_varkw = p.kwarg.is_some();
        let mut body: &'a [Stmt] = &def.body;
        if def.name != "<lambda>" {
            if let Some(doc) = docstring(body) {
                c.code.doc = Some(doc.to_string());
                body = &body[1..];
            }
        }
        c.stmts(body)?;
        c.emit_return_none()?;
        self.add_child(c, def.pos)
    }

    /// Compiles a comprehension into a function taking the first iterator as `.0`.
    pub(crate) fn comprehension_code(
        &mut self,
        node: &'a Expr,
        kind: CompKind<'a>,
        generators: &'a [Comprehension],
    ) -> Result<u16, CompileError> {
        let sid = self.child_scope(node, node.pos)?;
        let (name, code_kind) = match kind {
            CompKind::List(_) => ("<listcomp>", CodeKind::Function),
            CompKind::Set(_) => ("<setcomp>", CodeKind::Function),
            CompKind::Dict(..) => ("<dictcomp>", CodeKind::Function),
            CompKind::Gen(_) => ("<genexpr>", CodeKind::Generator),
        };
        let mut c = self.child(sid, name, code_kind, node.pos.line);
        c.line = node.pos.line;
        c.code.argcount = 1;
        c.comprehension_body(kind, generators)?;
        self.add_child(c, node.pos)
    }

    /// Compiles a class body; returns its constant index.
    pub(crate) fn class_code(&mut self, cls: &'a ClassDef) -> Result<u16, CompileError> {
        let sid = self.child_scope(cls, cls.pos)?;
        let mut c = self.child(sid, &cls.name, CodeKind::ClassBody, cls.pos.line);
        c.line = cls.pos.line;
        let t = c.alloc()?;
        let module = c.name_idx("__name__")?;
        c.emit(Op::LoadName {
            dst: t,
            name: module,
        });
        let module = c.name_idx("__module__")?;
        c.emit(Op::StoreName {
            name: module,
            src: t,
        });
        let idx = c.const_idx(Const::Str(c.code.qualname.clone()))?;
        c.emit(Op::LoadConst { dst: t, idx });
        let qual = c.name_idx("__qualname__")?;
        c.emit(Op::StoreName { name: qual, src: t });
        let mut body: &'a [Stmt] = &cls.body;
        if let Some(doc) = docstring(body) {
            c.code.doc = Some(doc.to_string());
            let idx = c.const_idx(Const::Str(doc.to_string()))?;
            c.emit(Op::LoadConst { dst: t, idx });
            let name = c.name_idx("__doc__")?;
            c.emit(Op::StoreName { name, src: t });
            body = &body[1..];
        }
        c.release(t as u32);
        c.stmts(body)?;
        if c.scope().needs_class_cell {
            // The class body returns the `__class__` cell itself (slot 0 holds it)
            // so BuildClass can fill it with the new class.
            c.emit(Op::Return { src: 0 });
        } else {
            c.emit_return_none()?;
        }
        self.add_child(c, cls.pos)
    }
}

/// The local slots holding cells, in slot order.
fn cell_slots(scope: &scope::Scope) -> Vec<Reg> {
    let mut slots: Vec<Reg> = scope
        .cells
        .iter()
        .filter_map(|n| scope.local_slot(n))
        .collect();
    slots.sort_unstable();
    slots
}

/// Which comprehension is being compiled, with its element expressions.
#[derive(Clone, Copy, Debug)]
pub(crate) enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

#[cfg(test)]
#[path = "compiler_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "compiler_src_tests.rs"]
mod src_tests;
