//! Statement compilation: assignments and targets, control flow (if, loops,
//! break/continue/return), definitions, imports, assert/raise/del.
//! `try` statements and unwinding live in `compile_flow.rs`.

use crate::ast::*;
use crate::bytecode::*;
use crate::compile_expr::{binop_kind, const_truth, expr_description};
use crate::compiler::{Block, Flow, FnCompiler, Mode};
use crate::error::CompileError;
use crate::scope::ScopeKind;

type CResult<T> = Result<T, CompileError>;

impl<'a> FnCompiler<'a> {
    /// Compiles a statement list.
    pub(crate) fn stmts(&mut self, body: &'a [Stmt]) -> CResult<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        (self.line, self.col) = (s.pos.line, s.pos.col);
        let mark = self.next_temp;
        match &s.kind {
            StmtKind::Expr(e) => self.expr_stmt(e)?,
            StmtKind::Assign { targets, value } => self.assign(targets, value)?,
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(v) = value {
                    self.assign(std::slice::from_ref(target), v)?;
                } else if !matches!(
                    target.kind,
                    ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
                ) {
                    return Err(self.syntax_err(
                        "only single target (not tuple) can be annotated",
                        target.pos,
                    ));
                }
            }
            StmtKind::If { test, body, orelse } => self.if_stmt(test, body, orelse)?,
            StmtKind::While { test, body, orelse } => self.while_stmt(test, body, orelse)?,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_stmt(target, iter, body, orelse)?,
            StmtKind::Break => self.break_stmt(s.pos)?,
            StmtKind::Continue => self.continue_stmt(s.pos)?,
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Return(value) => self.return_stmt(value.as_ref(), s.pos)?,
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                let mut ok = Vec::new();
                self.jump_if(test, true, &mut ok)?;
                let after_test = self.flow.clone();
                let m = match msg {
                    Some(m) => self.expr(m)?,
                    None => NO_REG,
                };
                self.emit(Op::AssertFail { msg: m });
                self.patch_here(&ok);
                self.flow = after_test;
            }
            StmtKind::Raise { exc, cause } => {
                match (exc, cause) {
                    (Some(e), None) => {
                        let src = self.expr(e)?;
                        self.emit(Op::Raise { src });
                    }
                    (Some(e), Some(c)) => {
                        let src = self.expr(e)?;
                        let cause = self.expr(c)?;
                        self.emit(Op::RaiseFrom { src, cause });
                    }
                    (None, _) => {
                        self.emit(Op::Reraise);
                    }
                }
                self.flow.reachable = false;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody)?,
            StmtKind::FunctionDef(def) => self.function_def(def)?,
            StmtKind::ClassDef(cls) => self.class_def(cls)?,
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let t = self.alloc()?;
                    let name = self.name_idx(&a.name)?;
                    match &a.asname {
                        Some(asname) => {
                            self.emit(Op::ImportModule {
                                dst: t,
                                name,
                                level: 0,
                            });
                            self.store_name(asname, t)?;
                        }
                        None => {
                            self.emit(Op::ImportName {
                                dst: t,
                                name,
                                level: 0,
                            });
                            let top = a.name.split('.').next().unwrap_or(&a.name);
                            self.store_name(top, t)?;
                        }
                    }
                    self.release(t as u32);
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                if names.iter().any(|a| a.name == "*") {
                    return Err(CompileError::unsupported(
                        "'from ... import *'",
                        s.pos.line,
                        s.pos.col,
                    ));
                }
                let level = u8::try_from(*level)
                    .map_err(|_| self.syntax_err("relative import level too deep", s.pos))?;
                let m = self.alloc()?;
                let name = self.name_idx(module)?;
                self.emit(Op::ImportModule {
                    dst: m,
                    name,
                    level,
                });
                let t = self.alloc()?;
                for a in names {
                    let name = self.name_idx(&a.name)?;
                    self.emit(Op::ImportFrom {
                        dst: t,
                        module: m,
                        name,
                    });
                    self.store_name(a.asname.as_ref().unwrap_or(&a.name), t)?;
                }
            }
        }
        self.release(mark);
        Ok(())
    }

    fn expr_stmt(&mut self, e: &'a Expr) -> CResult<()> {
        let top_level = self.scope().kind == ScopeKind::Module && self.mode == Mode::Repl;
        if top_level {
            let r = self.expr(e)?;
            self.emit(Op::PrintExpr { src: r });
            return Ok(());
        }
        // A constant statement (docstring-like) has no effect.
        if matches!(
            e.kind,
            ExprKind::Int(_)
                | ExprKind::Float(_)
                | ExprKind::Str(_)
                | ExprKind::Bool(_)
                | ExprKind::None
                | ExprKind::Ellipsis
        ) {
            return Ok(());
        }
        let t = self.alloc()?;
        self.expr_into(e, t)
    }

    // ------------------------------------------------------------ assignment

    fn assign(&mut self, targets: &'a [Expr], value: &'a Expr) -> CResult<()> {
        if let [target] = targets {
            // `x = expr` with x a plain local: compute straight into its slot.
            if let ExprKind::Name(n) = &target.kind {
                if let Some(slot) = self.plain_local(n) {
                    self.expr_into(value, slot)?;
                    self.set_bound(slot);
                    return Ok(());
                }
            }
            // `a, b = x, y`: evaluate all right-hand items, then store left to right.
            if let (
                ExprKind::Tuple(ts) | ExprKind::List(ts),
                ExprKind::Tuple(vs) | ExprKind::List(vs),
            ) = (&target.kind, &value.kind)
            {
                let starred =
                    |xs: &[Expr]| xs.iter().any(|x| matches!(x.kind, ExprKind::Starred(_)));
                if ts.len() == vs.len() && !starred(ts) && !starred(vs) {
                    let start = self.alloc_n(vs.len())?;
                    for (i, v) in vs.iter().enumerate() {
                        self.expr_into(v, start + i as Reg)?;
                    }
                    for (i, t) in ts.iter().enumerate() {
                        self.store_target(t, start + i as Reg, false)?;
                    }
                    return Ok(());
                }
            }
        }
        let r = self.expr(value)?;
        for t in targets {
            self.store_target(t, r, true)?;
        }
        Ok(())
    }

    /// Stores `src` into an assignment target (name, attribute, subscript,
    /// tuple/list pattern). `top` selects CPython's "Maybe you meant '=='" wording.
    pub(crate) fn store_target(&mut self, t: &'a Expr, src: Reg, top: bool) -> CResult<()> {
        let saved = (self.line, self.col);
        (self.line, self.col) = (t.pos.line, t.pos.col);
        let mark = self.next_temp;
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n, src)?,
            ExprKind::Attribute { value, attr } => {
                let obj = self.expr(value)?;
                let name = self.name_idx(attr)?;
                self.emit(Op::SetAttr { obj, name, src });
            }
            ExprKind::Subscript { value, index } => {
                let obj = self.expr(value)?;
                let key = self.expr(index)?;
                self.emit(Op::SetItem { obj, key, src });
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => self.unpack(items, src, t.pos)?,
            ExprKind::Starred(_) => {
                return Err(self.syntax_err(
                    "starred assignment target must be in a list or tuple",
                    t.pos,
                ))
            }
            _ => {
                let what = expr_description(t);
                let msg = if top {
                    format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
                } else {
                    format!("cannot assign to {what}")
                };
                return Err(self.syntax_err(msg, t.pos));
            }
        }
        self.release(mark);
        (self.line, self.col) = saved;
        Ok(())
    }

    fn unpack(&mut self, items: &'a [Expr], src: Reg, pos: Pos) -> CResult<()> {
        let stars: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, i)| matches!(i.kind, ExprKind::Starred(_)))
            .map(|(i, _)| i)
            .collect();
        if stars.len() > 1 {
            return Err(self.syntax_err("multiple starred expressions in assignment", pos));
        }
        let dst = self.alloc_n(items.len())?;
        match stars.first() {
            Some(&star) => {
                let after = items.len() - star - 1;
                let (before, after) = match (u8::try_from(star), u8::try_from(after)) {
                    (Ok(b), Ok(a)) => (b, a),
                    _ => {
                        return Err(self
                            .syntax_err("too many expressions in star-unpacking assignment", pos))
                    }
                };
                self.emit(Op::UnpackEx {
                    dst,
                    src,
                    before,
                    after,
                });
            }
            None => {
                self.emit(Op::UnpackSeq {
                    dst,
                    src,
                    count: items.len() as u16,
                });
            }
        }
        for (i, item) in items.iter().enumerate() {
            let target = match &item.kind {
                ExprKind::Starred(inner) => inner,
                _ => item,
            };
            self.store_target(target, dst + i as Reg, false)?;
        }
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> CResult<()> {
        let op = binop_kind(op);
        match &target.kind {
            ExprKind::Name(n) => {
                if let Some(slot) = self.plain_local(n) {
                    self.check_local(slot, n)?;
                    let b = self.expr(value)?;
                    self.emit(Op::Inplace {
                        op,
                        dst: slot,
                        a: slot,
                        b,
                    });
                } else {
                    let t = self.alloc()?;
                    self.load_name(n, t)?;
                    let b = self.expr(value)?;
                    (self.line, self.col) = (target.pos.line, target.pos.col);
                    self.emit(Op::Inplace {
                        op,
                        dst: t,
                        a: t,
                        b,
                    });
                    self.store_name(n, t)?;
                }
            }
            ExprKind::Attribute { value: obj, attr } => {
                let o = self.expr(obj)?;
                let name = self.name_idx(attr)?;
                let t = self.alloc()?;
                self.emit(Op::GetAttr {
                    dst: t,
                    obj: o,
                    name,
                });
                let b = self.expr(value)?;
                self.emit(Op::Inplace {
                    op,
                    dst: t,
                    a: t,
                    b,
                });
                self.emit(Op::SetAttr {
                    obj: o,
                    name,
                    src: t,
                });
            }
            ExprKind::Subscript { value: obj, index } => {
                let o = self.expr(obj)?;
                let k = self.expr(index)?;
                let t = self.alloc()?;
                self.emit(Op::GetItem {
                    dst: t,
                    obj: o,
                    key: k,
                });
                let b = self.expr(value)?;
                self.emit(Op::Inplace {
                    op,
                    dst: t,
                    a: t,
                    b,
                });
                self.emit(Op::SetItem {
                    obj: o,
                    key: k,
                    src: t,
                });
            }
            _ => {
                let what = expr_description(target);
                return Err(self.syntax_err(
                    format!("'{what}' is an illegal expression for augmented assignment"),
                    target.pos,
                ));
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult<()> {
        (self.line, self.col) = (t.pos.line, t.pos.col);
        let mark = self.next_temp;
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n)?,
            ExprKind::Attribute { value, attr } => {
                let obj = self.expr(value)?;
                let name = self.name_idx(attr)?;
                self.emit(Op::DelAttr { obj, name });
            }
            ExprKind::Subscript { value, index } => {
                let obj = self.expr(value)?;
                let key = self.expr(index)?;
                self.emit(Op::DelItem { obj, key });
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete_target(i)?;
                }
            }
            _ => {
                return Err(self.syntax_err(format!("cannot delete {}", expr_description(t)), t.pos))
            }
        }
        self.release(mark);
        Ok(())
    }

    // ------------------------------------------------------------ control flow

    fn if_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult<()> {
        let mut else_jumps = Vec::new();
        self.jump_if(test, false, &mut else_jumps)?;
        let after_test = self.flow.clone();
        self.stmts(body)?;
        if orelse.is_empty() {
            self.patch_here(&else_jumps);
            self.flow.join(&after_test);
            return Ok(());
        }
        let end = if self.flow.reachable {
            Some(self.emit(Op::Jump { target: 0 }))
        } else {
            None
        };
        let after_body = std::mem::replace(&mut self.flow, after_test);
        self.patch_here(&else_jumps);
        self.stmts(orelse)?;
        if let Some(end) = end {
            self.patch_here(&[end]);
        }
        self.flow.join(&after_body);
        Ok(())
    }

    fn while_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult<()> {
        self.forget_deletable();
        let head = self.pc();
        let mut exits = Vec::new();
        let always = const_truth(test) == Some(true);
        self.jump_if(test, false, &mut exits)?;
        let after_test = self.flow.clone();
        self.blocks.push(Block::Loop {
            head,
            breaks: Vec::new(),
            break_flows: Vec::new(),
        });
        self.stmts(body)?;
        (self.line, self.col) = (test.pos.line, test.pos.col);
        self.emit(Op::JumpBack { target: head });
        self.finish_loop(exits, after_test, always, orelse)
    }

    /// Patches the loop exits, compiles `else`, then patches `break`s and merges
    /// their flow.
    fn finish_loop(
        &mut self,
        exits: Vec<usize>,
        exit_flow: Flow,
        never_exits: bool,
        orelse: &'a [Stmt],
    ) -> CResult<()> {
        let Some(Block::Loop {
            breaks,
            break_flows,
            ..
        }) = self.blocks.pop()
        else {
            return Err(self.syntax_err(
                "internal compiler error: loop block mismatch",
                Pos {
                    line: self.line,
                    col: self.col,
                },
            ));
        };
        self.patch_here(&exits);
        self.flow = exit_flow;
        if never_exits {
            self.flow.reachable = false;
        }
        self.stmts(orelse)?;
        self.patch_here(&breaks);
        for f in &break_flows {
            self.flow.join(f);
        }
        Ok(())
    }

    fn for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult<()> {
        let it = self.alloc_n(2)?;
        let src = self.expr(iter)?;
        (self.line, self.col) = (iter.pos.line, iter.pos.col);
        self.emit(Op::GetIter { dst: it, src });
        self.release(it as u32 + 2);
        self.forget_deletable();
        let head = self.pc();
        let for_iter = self.emit(Op::ForIter { iter: it, exit: 0 });
        let exit_flow = self.flow.clone();
        self.store_target(target, it + 1, false)?;
        self.blocks.push(Block::Loop {
            head,
            breaks: Vec::new(),
            break_flows: Vec::new(),
        });
        self.stmts(body)?;
        (self.line, self.col) = (iter.pos.line, iter.pos.col);
        self.emit(Op::JumpBack { target: head });
        self.finish_loop(vec![for_iter], exit_flow, false, orelse)
    }

    fn innermost_loop(&self) -> Option<usize> {
        self.blocks
            .iter()
            .rposition(|b| matches!(b, Block::Loop { .. }))
    }

    fn break_stmt(&mut self, pos: Pos) -> CResult<()> {
        let Some(l) = self.innermost_loop() else {
            return Err(self.syntax_err("'break' outside loop", pos));
        };
        let j = self.unwind(l + 1, |c| Ok(c.emit(Op::Jump { target: 0 })))?;
        let flow = self.flow.clone();
        if let Block::Loop {
            breaks,
            break_flows,
            ..
        } = &mut self.blocks[l]
        {
            breaks.push(j);
            break_flows.push(flow);
        }
        self.flow.reachable = false;
        Ok(())
    }

    fn continue_stmt(&mut self, pos: Pos) -> CResult<()> {
        let Some(l) = self.innermost_loop() else {
            return Err(self.syntax_err("'continue' not properly in loop", pos));
        };
        let Block::Loop { head, .. } = self.blocks[l] else {
            unreachable!("innermost_loop returns a loop")
        };
        self.unwind(l + 1, |c| Ok(c.emit(Op::JumpBack { target: head })))?;
        self.flow.reachable = false;
        Ok(())
    }

    fn return_stmt(&mut self, value: Option<&'a Expr>, pos: Pos) -> CResult<()> {
        if self.scope().kind != ScopeKind::Function {
            return Err(self.syntax_err("'return' outside function", pos));
        }
        let mut r = match value {
            Some(v) => self.expr(v)?,
            None => {
                let t = self.alloc()?;
                self.emit(Op::LoadNone { dst: t });
                t
            }
        };
        // A finally body may rebind the variable, and leaving an `except ... as`
        // body unbinds its name: return the value the variable had.
        let rebinds = self
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Finally { .. } | Block::HandlerName { .. }));
        if rebinds && (r as u32) < self.nvars {
            let t = self.alloc()?;
            self.mov(t, r);
            r = t;
        }
        (self.line, self.col) = (pos.line, pos.col);
        self.unwind(0, |c| Ok(c.emit(Op::Return { src: r })))?;
        self.flow.reachable = false;
        Ok(())
    }

    // ------------------------------------------------------------ definitions

    /// Evaluates decorators into consecutive temporaries starting at the top;
    /// returns how many.
    fn decorators(&mut self, decorators: &'a [Expr]) -> CResult<Reg> {
        let start = self.next_temp as Reg;
        for d in decorators {
            let r = self.alloc()?;
            self.expr_into(d, r)?;
        }
        Ok(start)
    }

    /// Applies decorators in `start..start+n` bottom-up to the value in `start+n`;
    /// the result ends up in `start`.
    fn apply_decorators(&mut self, start: Reg, n: usize) {
        for i in (0..n).rev() {
            self.emit(Op::Call {
                func: start + i as Reg,
                argc: 1,
            });
        }
    }

    fn function_def(&mut self, def: &'a FunctionDef) -> CResult<()> {
        let start = self.decorators(&def.decorators)?;
        (self.line, self.col) = (def.pos.line, def.pos.col);
        let f = self.alloc()?;
        self.make_function(def, f)?;
        self.apply_decorators(start, def.decorators.len());
        self.store_name(&def.name, start)
    }

    fn class_def(&mut self, cls: &'a ClassDef) -> CResult<()> {
        // `metaclass=ABCMeta` only adds abstract-method checks; every other
        // class keyword changes class creation and is outside the subset.
        for (k, v) in &cls.keywords {
            let abc_meta = matches!(&v.kind, ExprKind::Name(n) if n == "ABCMeta")
                || matches!(&v.kind, ExprKind::Attribute { attr, .. } if attr == "ABCMeta");
            if k != "metaclass" || !abc_meta {
                return Err(CompileError::unsupported(
                    &format!("class keyword argument '{k}'"),
                    v.pos.line,
                    v.pos.col,
                ));
            }
        }
        let start = self.decorators(&cls.decorators)?;
        (self.line, self.col) = (cls.pos.line, cls.pos.col);
        let b = self.alloc_n(2)?;
        let code = self.class_code(cls)?;
        self.emit(Op::LoadNone { dst: b });
        self.emit(Op::LoadNone { dst: b + 1 });
        self.emit(Op::MakeFunction { dst: b, code });
        self.load_const(Const::Str(cls.name.clone()), b + 1)?;
        for base in &cls.bases {
            let r = self.alloc()?;
            self.expr_into(base, r)?;
        }
        (self.line, self.col) = (cls.pos.line, cls.pos.col);
        self.emit(Op::BuildClass {
            dst: b,
            start: b,
            nbases: cls.bases.len() as u16,
        });
        self.apply_decorators(start, cls.decorators.len());
        self.store_name(&cls.name, start)
    }
}
