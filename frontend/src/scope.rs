//! Scope analysis: which names are local, cell, free, global or class-namespace
//! names in every module, function, lambda, comprehension and class body.
//!
//! Two passes, like CPython's `symtable.c`: [`analyze`] first walks the AST and
//! records, per scope, how each name is used (bound, read, declared
//! `global`/`nonlocal`); then it resolves every free reference to the nearest
//! enclosing function that binds it, turning that binding into a cell and
//! threading the name through every scope in between as a free variable.
//! Scopes are keyed by the address of their AST node, so the compiler can find
//! a nested scope again however often it compiles the node (a `finally` body is
//! compiled more than once).

use crate::ast::*;
use crate::error::CompileError;
use std::collections::{HashMap, HashSet};

/// What kind of block a scope is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// The module top level: every name is global.
    Module,
    /// A `def`, `lambda` or comprehension body.
    Function,
    /// A class body: names live in the class namespace.
    Class,
}

/// How the compiler accesses a name inside one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Binding {
    /// A plain local slot of the function.
    Local(u16),
    /// A local slot holding a cell because an inner function captures it.
    Cell(u16),
    /// A slot receiving a closure cell from the enclosing function.
    Free(u16),
    /// A module global (declared `global`, at module level, or never bound).
    Global,
    /// A class-namespace name (`LoadName`/`StoreName`).
    Name,
}

// Symbol flags collected by the first pass.
const DEF_LOCAL: u8 = 1;
const DEF_PARAM: u8 = 2;
const USE: u8 = 4;
const DEF_GLOBAL: u8 = 8;
const DEF_NONLOCAL: u8 = 16;
/// `del x` or `except ... as x`: the name may become unbound again.
const DEF_DELETED: u8 = 32;

/// Everything the compiler needs to know about one scope.
#[derive(Clone, Debug)]
pub struct Scope {
    /// Module, function or class.
    pub kind: ScopeKind,
    /// The scope's name (`<module>`, function or class name, `<listcomp>`...).
    pub name: String,
    /// The enclosing scope.
    pub parent: Option<usize>,
    /// Flags per name, in order of first appearance.
    symbols: Vec<(String, u8)>,
    index: HashMap<String, usize>,
    /// Parameter names in slot order (args, kw-only, `*args`, `**kwargs`).
    pub params: Vec<String>,
    /// Local slot names in slot order: parameters first, then other locals.
    /// Class bodies have the single local `__class__` when they need the cell.
    pub locals: Vec<String>,
    /// Names of locals that are captured by inner scopes.
    pub cells: Vec<String>,
    /// Free variables (received from the enclosing function), in slot order.
    pub frees: Vec<String>,
    /// The function contains `yield` (or is a generator expression).
    pub is_generator: bool,
    /// A class body whose methods use `super`/`__class__`: it owns a `__class__` cell.
    pub needs_class_cell: bool,
    /// Slot of each local and free variable (built once resolution is done).
    slot_index: HashMap<String, u16>,
    /// `cells` as a set.
    cell_set: HashSet<String>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<usize>) -> Self {
        Scope {
            kind,
            name: name.to_string(),
            parent,
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            locals: Vec::new(),
            cells: Vec::new(),
            frees: Vec::new(),
            is_generator: false,
            needs_class_cell: false,
            slot_index: HashMap::new(),
            cell_set: HashSet::new(),
        }
    }

    fn flags(&self, name: &str) -> u8 {
        self.index.get(name).map_or(0, |&i| self.symbols[i].1)
    }

    fn add_flag(&mut self, name: &str, flag: u8) {
        match self.index.get(name) {
            Some(&i) => self.symbols[i].1 |= flag,
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push((name.to_string(), flag));
            }
        }
    }

    /// Binds the name in this scope (assignment, parameter, import, def...).
    fn binds(&self, name: &str) -> bool {
        let f = self.flags(name);
        f & (DEF_LOCAL | DEF_PARAM) != 0 && f & (DEF_GLOBAL | DEF_NONLOCAL) == 0
    }

    /// Number of slots taken by locals and free variables together.
    pub fn nvars(&self) -> usize {
        self.locals.len() + self.frees.len()
    }

    /// The local slot of `name`, if it is a local of this function.
    pub fn local_slot(&self, name: &str) -> Option<u16> {
        self.slot_index
            .get(name)
            .copied()
            .filter(|&s| (s as usize) < self.locals.len())
    }

    /// The free slot of `name`, if it is a free variable here.
    pub fn free_slot(&self, name: &str) -> Option<u16> {
        self.slot_index
            .get(name)
            .copied()
            .filter(|&s| (s as usize) >= self.locals.len())
    }

    /// Whether local `name` is captured by an inner scope.
    pub fn is_cell(&self, name: &str) -> bool {
        self.cell_set.contains(name)
    }

    /// Fills the lookup tables from `locals`, `frees` and `cells`.
    fn build_indexes(&mut self) {
        self.slot_index.clear();
        for (i, n) in self.frees.iter().enumerate() {
            self.slot_index
                .insert(n.clone(), (self.locals.len() + i) as u16);
        }
        // Locals win over a same-named pass-through free variable of a class.
        for (i, n) in self.locals.iter().enumerate() {
            self.slot_index.insert(n.clone(), i as u16);
        }
        self.cell_set = self.cells.iter().cloned().collect();
    }

    /// The slot holding the cell for `name` in this scope (a cell local or a
    /// free variable), as read by `MakeFunction` for an inner function.
    pub fn cell_source(&self, name: &str) -> Option<u16> {
        if self.is_cell(name) {
            return self.local_slot(name);
        }
        self.free_slot(name)
    }

    /// The name may be unbound again after being assigned (`del`, `except as`).
    pub fn may_be_deleted(&self, name: &str) -> bool {
        self.flags(name) & DEF_DELETED != 0
    }

    /// How a reference to `name` in this scope is compiled.
    pub fn binding(&self, name: &str) -> Binding {
        let f = self.flags(name);
        if f & DEF_GLOBAL != 0 {
            return Binding::Global;
        }
        if f & DEF_NONLOCAL != 0 {
            return self.free_slot(name).map_or(Binding::Global, Binding::Free);
        }
        match self.kind {
            ScopeKind::Module => Binding::Global,
            ScopeKind::Class => {
                if self.binds(name) {
                    Binding::Name
                } else if let Some(s) = self.free_slot(name) {
                    Binding::Free(s)
                } else {
                    Binding::Name
                }
            }
            ScopeKind::Function => {
                if let Some(slot) = self.local_slot(name) {
                    if self.is_cell(name) {
                        Binding::Cell(slot)
                    } else {
                        Binding::Local(slot)
                    }
                } else if let Some(s) = self.free_slot(name) {
                    Binding::Free(s)
                } else {
                    Binding::Global
                }
            }
        }
    }
}

/// The scopes of one module: scope 0 is the module; nested scopes are found by
/// the address of their AST node.
#[derive(Debug)]
pub struct ScopeTable {
    /// All scopes; index 0 is the module.
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
}

impl ScopeTable {
    /// The scope created by the AST node at `node` (a `FunctionDef`, `ClassDef`
    /// or comprehension `Expr`).
    pub fn scope_of<T>(&self, node: &T) -> Option<usize> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }
}

/// Runs both passes over a module.
pub fn analyze(module: &Module) -> Result<ScopeTable, CompileError> {
    let mut b = Builder {
        table: ScopeTable {
            scopes: vec![Scope::new(ScopeKind::Module, "<module>", None)],
            by_node: HashMap::new(),
        },
        cur: 0,
        nonlocal_pos: Vec::new(),
    };
    b.stmts(&module.body)?;
    let mut table = b.table;
    resolve(&mut table, &b.nonlocal_pos)?;
    Ok(table)
}

// ---------------------------------------------------------------- pass 1: collection

struct Builder {
    table: ScopeTable,
    cur: usize,
    /// Every `nonlocal` declaration (scope, name, position), checked in pass 2.
    nonlocal_pos: Vec<(usize, String, Pos)>,
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.table.scopes[self.cur]
    }

    fn push_scope<T>(&mut self, node: &T, kind: ScopeKind, name: &str) -> usize {
        let id = self.table.scopes.len();
        self.table
            .scopes
            .push(Scope::new(kind, name, Some(self.cur)));
        self.table.by_node.insert(node as *const T as usize, id);
        let prev = self.cur;
        self.cur = id;
        prev
    }

    fn use_name(&mut self, name: &str) {
        let is_function = self.scope().kind == ScopeKind::Function;
        self.scope().add_flag(name, USE);
        if is_function && name == "super" {
            // Zero-argument super() reads the implicit __class__ cell.
            self.scope().add_flag("__class__", USE);
        }
    }

    fn bind(&mut self, name: &str) {
        self.scope().add_flag(name, DEF_LOCAL);
    }

    fn declare(&mut self, names: &[String], global: bool, pos: Pos) -> Result<(), CompileError> {
        let err = |m: String| Err(CompileError::syntax(m, pos.line, pos.col));
        if !global && self.scope().kind == ScopeKind::Module {
            return err("nonlocal declaration not allowed at module level".into());
        }
        let what = if global { "global" } else { "nonlocal" };
        for name in names {
            let f = self.scope().flags(name);
            if f & DEF_PARAM != 0 {
                return err(format!("name '{name}' is parameter and {what}"));
            }
            if (global && f & DEF_NONLOCAL != 0) || (!global && f & DEF_GLOBAL != 0) {
                return err(format!("name '{name}' is nonlocal and global"));
            }
            if f & DEF_LOCAL != 0 {
                return err(format!(
                    "name '{name}' is assigned to before {what} declaration"
                ));
            }
            if f & USE != 0 {
                return err(format!("name '{name}' is used prior to {what} declaration"));
            }
            self.scope()
                .add_flag(name, if global { DEF_GLOBAL } else { DEF_NONLOCAL });
            if !global {
                self.nonlocal_pos.push((self.cur, name.clone(), pos));
            }
        }
        Ok(())
    }
}

impl Builder {
    fn stmts(&mut self, body: &[Stmt]) -> Result<(), CompileError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), CompileError> {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n);
                }
                self.target(target)?;
            }
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.target(target)?;
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.del_target(t)?;
                }
            }
            StmtKind::Global(names) => self.declare(names, true, s.pos)?,
            StmtKind::Nonlocal(names) => self.declare(names, false, s.pos)?,
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n);
                        self.scope().add_flag(n, DEF_DELETED);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::FunctionDef(def) => {
                for d in &def.decorators {
                    self.expr(d)?;
                }
                self.function(def)?;
                self.bind(&def.name);
            }
            StmtKind::ClassDef(cls) => {
                for d in &cls.decorators {
                    self.expr(d)?;
                }
                for b in &cls.bases {
                    self.expr(b)?;
                }
                for (_, v) in &cls.keywords {
                    self.expr(v)?;
                }
                let prev = self.push_scope(&**cls, ScopeKind::Class, &cls.name);
                self.stmts(&cls.body)?;
                self.cur = prev;
                self.bind(&cls.name);
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound = a
                        .asname
                        .clone()
                        .unwrap_or_else(|| a.name.split('.').next().unwrap_or("").to_string());
                    self.bind(&bound);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name != "*" {
                        self.bind(a.asname.as_ref().unwrap_or(&a.name));
                    }
                }
            }
        }
        Ok(())
    }

    /// A `def` or `lambda`: defaults belong to the current scope, the body to a new one.
    fn function(&mut self, def: &FunctionDef) -> Result<(), CompileError> {
        let p = &def.params;
        for param in p.args.iter().chain(p.kwonly.iter()) {
            if let Some(d) = &param.default {
                self.expr(d)?;
            }
        }
        let prev = self.push_scope(def, ScopeKind::Function, &def.name);
        let mut names: Vec<String> = p.args.iter().map(|a| a.name.clone()).collect();
        names.extend(p.kwonly.iter().map(|a| a.name.clone()));
        names.extend(p.vararg.iter().cloned());
        names.extend(p.kwarg.iter().cloned());
        for n in &names {
            if self.scope().flags(n) & DEF_PARAM != 0 {
                return Err(CompileError::syntax(
                    format!("duplicate argument '{n}' in function definition"),
                    def.pos.line,
                    def.pos.col,
                ));
            }
            self.scope().add_flag(n, DEF_PARAM);
        }
        self.scope().params = names;
        self.stmts(&def.body)?;
        self.cur = prev;
        Ok(())
    }

    fn comprehension(
        &mut self,
        node: &Expr,
        gens: &[Comprehension],
        elts: &[&Expr],
        name: &str,
    ) -> Result<(), CompileError> {
        let Some(first) = gens.first() else {
            return Ok(());
        };
        self.expr(&first.iter)?;
        let prev = self.push_scope(node, ScopeKind::Function, name);
        self.scope().add_flag(".0", DEF_PARAM);
        self.scope().params = vec![".0".to_string()];
        if name == "<genexpr>" {
            self.scope().is_generator = true;
        }
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.cur = prev;
        Ok(())
    }

    fn target(&mut self, t: &Expr) -> Result<(), CompileError> {
        match &t.kind {
            ExprKind::Name(n) => self.bind(n),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i)?;
                }
            }
            ExprKind::Starred(inner) => self.target(inner)?,
            // Attribute/subscript targets only read names; invalid targets are
            // reported by the compiler with CPython's wording.
            _ => self.expr(t)?,
        }
        Ok(())
    }

    fn del_target(&mut self, t: &Expr) -> Result<(), CompileError> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.bind(n);
                self.scope().add_flag(n, DEF_DELETED);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.del_target(i)?;
                }
            }
            _ => self.expr(t)?,
        }
        Ok(())
    }

    fn yield_here(&mut self, pos: Pos) -> Result<(), CompileError> {
        let scope = &self.table.scopes[self.cur];
        match scope.kind {
            ScopeKind::Function
                if scope.params.first().map(String::as_str) == Some(".0")
                    && scope.name != "<genexpr>" =>
            {
                let what = match scope.name.as_str() {
                    "<listcomp>" => "list comprehension",
                    "<setcomp>" => "set comprehension",
                    _ => "dict comprehension",
                };
                Err(CompileError::syntax(
                    format!("'yield' inside {what}"),
                    pos.line,
                    pos.col,
                ))
            }
            ScopeKind::Function => {
                self.scope().is_generator = true;
                Ok(())
            }
            _ => Err(CompileError::syntax(
                "'yield' outside function",
                pos.line,
                pos.col,
            )),
        }
    }

    fn expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        match &e.kind {
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::None
            | ExprKind::Ellipsis => {}
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::Name(n) => self.use_name(n),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::BoolOp { values, .. } => values.iter().try_for_each(|v| self.expr(v))?,
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                comparators.iter().try_for_each(|v| self.expr(v))?;
            }
            ExprKind::Call { func, args } => {
                self.expr(func)?;
                for a in args {
                    match a {
                        Arg::Positional(v)
                        | Arg::Starred(v)
                        | Arg::Keyword(_, v)
                        | Arg::DoubleStarred(v) => self.expr(v)?,
                    }
                }
            }
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                items.iter().try_for_each(|v| self.expr(v))?
            }
            ExprKind::Dict(pairs) => {
                for (k, v) in pairs {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
            }
            ExprKind::Starred(v) => self.expr(v)?,
            ExprKind::Lambda(def) => self.function(def)?,
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, generators, &[elt], "<listcomp>")?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, generators, &[elt], "<setcomp>")?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, generators, &[elt], "<genexpr>")?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, generators, &[key, value], "<dictcomp>")?,
            ExprKind::Yield(v) => {
                self.yield_here(e.pos)?;
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom(v) => {
                self.yield_here(e.pos)?;
                self.expr(v)?;
            }
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> Result<(), CompileError> {
        for p in parts {
            if let FStringPart::Field { expr, spec, .. } = p {
                self.expr(expr)?;
                if let Some(spec) = spec {
                    self.fstring(spec)?;
                }
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------- pass 2: resolution

/// The scope that owns the binding a free reference to `name` in scope `id`
/// resolves to, or `None` for a global. Class scopes are skipped (methods do not
/// see class-level names) except for the implicit `__class__` cell.
fn find_owner(table: &ScopeTable, id: usize, name: &str) -> Option<usize> {
    let mut p = table.scopes[id].parent;
    while let Some(pid) = p {
        let s = &table.scopes[pid];
        match s.kind {
            ScopeKind::Module => return None,
            ScopeKind::Class if name == "__class__" => return Some(pid),
            ScopeKind::Class => {}
            ScopeKind::Function => {
                let f = s.flags(name);
                if f & DEF_GLOBAL != 0 {
                    return None;
                }
                if s.binds(name) {
                    return Some(pid);
                }
            }
        }
        p = s.parent;
    }
    None
}

fn resolve(table: &mut ScopeTable, nonlocals: &[(usize, String, Pos)]) -> Result<(), CompileError> {
    // Local slots: parameters first, then other bound names in order of appearance.
    for s in table.scopes.iter_mut() {
        if s.kind == ScopeKind::Function {
            let mut locals = s.params.clone();
            for (name, f) in &s.symbols {
                if f & DEF_LOCAL != 0 && f & (DEF_PARAM | DEF_GLOBAL | DEF_NONLOCAL) == 0 {
                    locals.push(name.clone());
                }
            }
            s.locals = locals;
        }
    }
    for (id, name, pos) in nonlocals {
        if find_owner(table, *id, name).is_none() || name == "__class__" {
            return Err(CompileError::syntax(
                format!("no binding for nonlocal '{name}' found"),
                pos.line,
                pos.col,
            ));
        }
    }
    for id in 0..table.scopes.len() {
        if table.scopes[id].kind == ScopeKind::Module {
            continue;
        }
        let names: Vec<(String, u8)> = table.scopes[id].symbols.clone();
        for (name, f) in names {
            if f & DEF_GLOBAL != 0 || (f & DEF_NONLOCAL == 0 && table.scopes[id].binds(&name)) {
                continue;
            }
            if f & (USE | DEF_NONLOCAL) == 0 {
                continue;
            }
            let Some(owner) = find_owner(table, id, &name) else {
                continue;
            };
            let o = &mut table.scopes[owner];
            if o.kind == ScopeKind::Class {
                o.needs_class_cell = true;
                o.locals = vec!["__class__".to_string()];
                o.cells = vec!["__class__".to_string()];
            } else if !o.cells.contains(&name) {
                o.cells.push(name.clone());
            }
            // Thread the variable through every scope between the use and the owner.
            let mut cur = Some(id);
            while let Some(c) = cur {
                if c == owner {
                    break;
                }
                let s = &mut table.scopes[c];
                if !s.frees.contains(&name) {
                    s.frees.push(name.clone());
                }
                cur = s.parent;
            }
        }
    }
    for s in table.scopes.iter_mut() {
        s.build_indexes();
    }
    Ok(())
}
