//! Expression compilation: every `ExprKind` into register bytecode, plus
//! conditional jumps, comparisons, displays and f-strings (calls and
//! comprehensions are in `compile_call.rs`).
//!
//! Two entry points: `FnCompiler::expr` puts a value in *some* register
//! (a plain local is used in place, without a `Move`), `FnCompiler::expr_into`
//! puts it in a given register. Subexpressions always go to temporaries; only
//! the final instruction writes the destination, so `x = f(x) + x` is safe.

use crate::ast::*;
use crate::bytecode::*;
use crate::compiler::{CompKind, FnCompiler};
use crate::error::CompileError;

type CResult<T> = Result<T, CompileError>;

/// The bytecode for a binary operator.
fn binop(op: BinOp, dst: Reg, a: Reg, b: Reg) -> Op {
    match op {
        BinOp::Add => Op::Add { dst, a, b },
        BinOp::Sub => Op::Sub { dst, a, b },
        BinOp::Mul => Op::Mul { dst, a, b },
        BinOp::TrueDiv => Op::TrueDiv { dst, a, b },
        BinOp::FloorDiv => Op::FloorDiv { dst, a, b },
        BinOp::Mod => Op::Mod { dst, a, b },
        BinOp::Pow => Op::Pow { dst, a, b },
        BinOp::LShift => Op::LShift { dst, a, b },
        BinOp::RShift => Op::RShift { dst, a, b },
        BinOp::BitAnd => Op::BitAnd { dst, a, b },
        BinOp::BitOr => Op::BitOr { dst, a, b },
        BinOp::BitXor => Op::BitXor { dst, a, b },
    }
}

/// The [`BinOpKind`] of an augmented assignment operator.
pub(crate) fn binop_kind(op: BinOp) -> BinOpKind {
    match op {
        BinOp::Add => BinOpKind::Add,
        BinOp::Sub => BinOpKind::Sub,
        BinOp::Mul => BinOpKind::Mul,
        BinOp::TrueDiv => BinOpKind::TrueDiv,
        BinOp::FloorDiv => BinOpKind::FloorDiv,
        BinOp::Mod => BinOpKind::Mod,
        BinOp::Pow => BinOpKind::Pow,
        BinOp::LShift => BinOpKind::LShift,
        BinOp::RShift => BinOpKind::RShift,
        BinOp::BitAnd => BinOpKind::BitAnd,
        BinOp::BitOr => BinOpKind::BitOr,
        BinOp::BitXor => BinOpKind::BitXor,
    }
}

/// The bytecode for a comparison operator.
fn cmpop(op: CmpOp, dst: Reg, a: Reg, b: Reg) -> Op {
    match op {
        CmpOp::Eq => Op::Eq { dst, a, b },
        CmpOp::NotEq => Op::Ne { dst, a, b },
        CmpOp::Lt => Op::Lt { dst, a, b },
        CmpOp::LtE => Op::Le { dst, a, b },
        CmpOp::Gt => Op::Gt { dst, a, b },
        CmpOp::GtE => Op::Ge { dst, a, b },
        CmpOp::Is => Op::Is { dst, a, b },
        CmpOp::IsNot => Op::IsNot { dst, a, b },
        CmpOp::In => Op::In { dst, a, b },
        CmpOp::NotIn => Op::NotIn { dst, a, b },
    }
}

/// The truth value of a constant expression, if it is one.
pub(crate) fn const_truth(e: &Expr) -> Option<bool> {
    use num_traits::Zero;
    match &e.kind {
        ExprKind::Bool(b) => Some(*b),
        ExprKind::Int(i) => Some(!i.is_zero()),
        ExprKind::Str(s) => Some(!s.is_empty()),
        ExprKind::None => Some(false),
        _ => None,
    }
}

/// CPython's name for an expression that cannot be assigned to or deleted.
pub(crate) fn expr_description(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) => "literal",
        ExprKind::Bool(true) => "True",
        ExprKind::Bool(false) => "False",
        ExprKind::None => "None",
        ExprKind::Ellipsis => "ellipsis",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Call { .. } => "function call",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } | ExprKind::BoolOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda(_) => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::Slice { .. } => "slice",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
    }
}

impl<'a> FnCompiler<'a> {
    /// Evaluates `e` into some register: a plain local in place, otherwise a new
    /// temporary (freed by the caller's `release`).
    pub(crate) fn expr(&mut self, e: &'a Expr) -> CResult<Reg> {
        if let ExprKind::Name(n) = &e.kind {
            if let Some(slot) = self.plain_local(n) {
                let saved = (self.line, self.col);
                (self.line, self.col) = (e.pos.line, e.pos.col);
                self.check_local(slot, n)?;
                (self.line, self.col) = saved;
                return Ok(slot);
            }
        }
        let t = self.alloc()?;
        self.expr_into(e, t)?;
        Ok(t)
    }

    /// Evaluates `e` into `dst`. Temporaries allocated on the way are freed.
    pub(crate) fn expr_into(&mut self, e: &'a Expr, dst: Reg) -> CResult<()> {
        let saved = (self.line, self.col);
        (self.line, self.col) = (e.pos.line, e.pos.col);
        let mark = self.next_temp;
        self.expr_kind(e, dst)?;
        self.release(mark);
        (self.line, self.col) = saved;
        Ok(())
    }

    fn load_int(&mut self, v: &num_bigint::BigInt, dst: Reg) -> CResult<()> {
        use num_traits::ToPrimitive;
        match v.to_i32() {
            Some(value) => {
                self.emit(Op::LoadInt { dst, value });
            }
            None => {
                let idx = self.const_idx(Const::Int(v.clone()))?;
                self.emit(Op::LoadConst { dst, idx });
            }
        }
        Ok(())
    }

    pub(crate) fn load_const(&mut self, c: Const, dst: Reg) -> CResult<()> {
        let idx = self.const_idx(c)?;
        self.emit(Op::LoadConst { dst, idx });
        Ok(())
    }

    fn expr_kind(&mut self, e: &'a Expr, dst: Reg) -> CResult<()> {
        match &e.kind {
            ExprKind::Int(v) => self.load_int(v, dst)?,
            ExprKind::Float(f) => self.load_const(Const::Float(*f), dst)?,
            ExprKind::Str(s) => self.load_const(Const::Str(s.clone()), dst)?,
            ExprKind::Bool(true) => {
                self.emit(Op::LoadTrue { dst });
            }
            ExprKind::Bool(false) => {
                self.emit(Op::LoadFalse { dst });
            }
            ExprKind::None => {
                self.emit(Op::LoadNone { dst });
            }
            ExprKind::Ellipsis => self.load_const(Const::Ellipsis, dst)?,
            ExprKind::FString(parts) => self.fstring(parts, dst)?,
            ExprKind::Name(n) => self.load_name(n, dst)?,
            ExprKind::BinOp { op, left, right } => {
                let a = self.expr(left)?;
                let b = self.expr(right)?;
                self.emit(binop(*op, dst, a, b));
            }
            ExprKind::UnaryOp { op, operand } => {
                // Fold negative literals (`-1`), as CPython does.
                match (op, &operand.kind) {
                    (UnaryOp::Neg, ExprKind::Int(v)) => return self.load_int(&-v, dst),
                    (UnaryOp::Neg, ExprKind::Float(f)) => {
                        return self.load_const(Const::Float(-f), dst)
                    }
                    _ => {}
                }
                let src = self.expr(operand)?;
                self.emit(match op {
                    UnaryOp::Neg => Op::Neg { dst, src },
                    UnaryOp::Pos => Op::Pos { dst, src },
                    UnaryOp::Invert => Op::Invert { dst, src },
                    UnaryOp::Not => Op::Not { dst, src },
                });
            }
            ExprKind::BoolOp { op, values } => {
                let t = self.safe_dst(dst)?;
                let mut ends = Vec::new();
                self.expr_into(&values[0], t)?;
                let after_first = self.flow.clone();
                for v in &values[1..] {
                    let j = match op {
                        BoolOp::And => self.emit(Op::JumpIfFalse { cond: t, target: 0 }),
                        BoolOp::Or => self.emit(Op::JumpIfTrue { cond: t, target: 0 }),
                    };
                    ends.push(j);
                    self.expr_into(v, t)?;
                }
                self.patch_here(&ends);
                self.flow = after_first;
                self.mov(dst, t);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators, dst)?,
            ExprKind::Call { func, args } => self.call(func, args, dst)?,
            ExprKind::Attribute { value, attr } => {
                let obj = self.expr(value)?;
                let name = self.name_idx(attr)?;
                self.emit(Op::GetAttr { dst, obj, name });
            }
            ExprKind::Subscript { value, index } => {
                let obj = self.expr(value)?;
                let key = self.expr(index)?;
                self.emit(Op::GetItem { dst, obj, key });
            }
            ExprKind::Slice { lower, upper, step } => {
                let start = self.alloc_n(3)?;
                for (i, part) in [lower, upper, step].into_iter().enumerate() {
                    match part {
                        Some(p) => self.expr_into(p, start + i as Reg)?,
                        None => {
                            self.emit(Op::LoadNone {
                                dst: start + i as Reg,
                            });
                        }
                    }
                }
                self.emit(Op::BuildSlice { dst, start });
            }
            ExprKind::List(items) => self.display(items, dst, Display::List)?,
            ExprKind::Tuple(items) => match constant_tuple(items) {
                // Constant tuples are folded (like CPython): one object per code object.
                Some(c) => {
                    let idx = self.const_idx(c)?;
                    self.emit(Op::LoadConst { dst, idx });
                }
                None => self.display(items, dst, Display::Tuple)?,
            },
            ExprKind::Set(items) => self.display(items, dst, Display::Set)?,
            ExprKind::Dict(pairs) => self.dict_display(pairs, dst)?,
            ExprKind::Starred(_) => {
                return Err(self.syntax_err("can't use starred expression here", e.pos))
            }
            ExprKind::Lambda(def) => self.make_function(def, dst)?,
            ExprKind::IfExp { test, body, orelse } => {
                let t = self.safe_dst(dst)?;
                let mut else_jumps = Vec::new();
                self.jump_if(test, false, &mut else_jumps)?;
                let after_test = self.flow.clone();
                self.expr_into(body, t)?;
                let end = self.emit(Op::Jump { target: 0 });
                self.patch_here(&else_jumps);
                self.flow = after_test.clone();
                self.expr_into(orelse, t)?;
                self.patch_here(&[end]);
                self.flow = after_test;
                self.mov(dst, t);
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, CompKind::List(elt), generators, dst)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, CompKind::Set(elt), generators, dst)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, CompKind::Dict(key, value), generators, dst)?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, CompKind::Gen(elt), generators, dst)?
            }
            ExprKind::Yield(value) => {
                let src = match value {
                    Some(v) => self.expr(v)?,
                    None => {
                        let t = self.alloc()?;
                        self.emit(Op::LoadNone { dst: t });
                        t
                    }
                };
                self.emit(Op::Yield { dst, src });
            }
            ExprKind::YieldFrom(value) => {
                let v = self.expr(value)?;
                let it = self.alloc()?;
                self.emit(Op::GetIter { dst: it, src: v });
                self.emit(Op::YieldFrom { dst, src: it });
            }
        }
        Ok(())
    }

    // ------------------------------------------------------------ conditions

    /// Jumps (to be patched via `jumps`) when `e`'s truth equals `when`; falls
    /// through otherwise. `not`, `and`, `or` and constants need no value register.
    pub(crate) fn jump_if(
        &mut self,
        e: &'a Expr,
        when: bool,
        jumps: &mut Vec<usize>,
    ) -> CResult<()> {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => return self.jump_if(operand, !when, jumps),
            ExprKind::BoolOp { op, values } => {
                let saved = (self.line, self.col);
                (self.line, self.col) = (e.pos.line, e.pos.col);
                // `and` jumping on false / `or` jumping on true: any operand decides.
                let short = matches!((op, when), (BoolOp::And, false) | (BoolOp::Or, true));
                let mut skip = Vec::new();
                let mut after_first = None;
                for (i, v) in values.iter().enumerate() {
                    let last = i + 1 == values.len();
                    if short || last {
                        self.jump_if(v, when, jumps)?;
                    } else {
                        self.jump_if(v, !when, &mut skip)?;
                    }
                    if after_first.is_none() {
                        after_first = Some(self.flow.clone());
                    }
                }
                self.patch_here(&skip);
                if let Some(f) = after_first {
                    self.flow = f;
                }
                (self.line, self.col) = saved;
                return Ok(());
            }
            _ => {}
        }
        if let Some(truth) = const_truth(e) {
            if truth == when {
                let j = self.emit(Op::Jump { target: 0 });
                jumps.push(j);
            }
            return Ok(());
        }
        let mark = self.next_temp;
        let cond = self.expr(e)?;
        let saved = self.line;
        self.line = e.pos.line;
        let j = if when {
            self.emit(Op::JumpIfTrue { cond, target: 0 })
        } else {
            self.emit(Op::JumpIfFalse { cond, target: 0 })
        };
        self.line = saved;
        jumps.push(j);
        self.release(mark);
        Ok(())
    }

    /// `a < b < c`: middle operands are evaluated once; stops at the first false.
    fn compare(
        &mut self,
        left: &'a Expr,
        ops: &[CmpOp],
        comps: &'a [Expr],
        dst: Reg,
    ) -> CResult<()> {
        if ops.len() == 1 {
            let a = self.expr(left)?;
            let b = self.expr(&comps[0])?;
            self.emit(cmpop(ops[0], dst, a, b));
            return Ok(());
        }
        let t = self.safe_dst(dst)?;
        let mut a = self.expr(left)?;
        let mut ends = Vec::new();
        let mut after_first = None;
        for (i, (op, comp)) in ops.iter().zip(comps).enumerate() {
            let b = self.expr(comp)?;
            self.emit(cmpop(*op, t, a, b));
            if after_first.is_none() {
                after_first = Some(self.flow.clone());
            }
            if i + 1 < ops.len() {
                ends.push(self.emit(Op::JumpIfFalse { cond: t, target: 0 }));
            }
            a = b;
        }
        self.patch_here(&ends);
        if let Some(f) = after_first {
            self.flow = f;
        }
        self.mov(dst, t);
        Ok(())
    }

    // ------------------------------------------------------------ displays

    fn display(&mut self, items: &'a [Expr], dst: Reg, kind: Display) -> CResult<()> {
        let has_star = items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)));
        if !has_star {
            let start = self.alloc_n(items.len())?;
            for (i, item) in items.iter().enumerate() {
                self.expr_into(item, start + i as Reg)?;
            }
            let count = items.len() as u16;
            self.emit(match kind {
                Display::List => Op::BuildList { dst, start, count },
                Display::Tuple => Op::BuildTuple { dst, start, count },
                Display::Set => Op::BuildSet { dst, start, count },
            });
            return Ok(());
        }
        let acc = self.safe_dst(dst)?;
        let start = self.next_temp as Reg;
        let mut count = 0;
        let mut rest = items;
        while let Some((first, tail)) = rest.split_first() {
            if matches!(first.kind, ExprKind::Starred(_)) {
                break;
            }
            let r = self.alloc()?;
            self.expr_into(first, r)?;
            count += 1;
            rest = tail;
        }
        self.emit(match kind {
            Display::Set => Op::BuildSet {
                dst: acc,
                start,
                count,
            },
            _ => Op::BuildList {
                dst: acc,
                start,
                count,
            },
        });
        self.release(start as u32);
        for item in rest {
            let mark = self.next_temp;
            match (&item.kind, kind) {
                (ExprKind::Starred(inner), Display::Set) => {
                    let r = self.expr(inner)?;
                    self.emit(Op::SetUpdate { set: acc, src: r });
                }
                (ExprKind::Starred(inner), _) => {
                    let r = self.expr(inner)?;
                    self.emit(Op::ListExtend { list: acc, src: r });
                }
                (_, Display::Set) => {
                    let r = self.expr(item)?;
                    self.emit(Op::SetAdd { set: acc, src: r });
                }
                _ => {
                    let r = self.expr(item)?;
                    self.emit(Op::ListAppend { list: acc, src: r });
                }
            }
            self.release(mark);
        }
        if kind == Display::Tuple {
            self.emit(Op::ListToTuple { dst, src: acc });
        } else {
            self.mov(dst, acc);
        }
        Ok(())
    }

    fn dict_display(&mut self, pairs: &'a [(Option<Expr>, Expr)], dst: Reg) -> CResult<()> {
        let plain = pairs.iter().take_while(|(k, _)| k.is_some()).count();
        let acc = if plain == pairs.len() {
            dst
        } else {
            self.safe_dst(dst)?
        };
        let start = self.alloc_n(plain * 2)?;
        for (i, (k, v)) in pairs[..plain].iter().enumerate() {
            if let Some(k) = k {
                self.expr_into(k, start + 2 * i as Reg)?;
            }
            self.expr_into(v, start + 2 * i as Reg + 1)?;
        }
        self.emit(Op::BuildDict {
            dst: acc,
            start,
            count: plain as u16,
        });
        self.release(start as u32);
        for (k, v) in &pairs[plain..] {
            let mark = self.next_temp;
            match k {
                Some(k) => {
                    let key = self.alloc_n(2)?;
                    self.expr_into(k, key)?;
                    self.expr_into(v, key + 1)?;
                    self.emit(Op::DictInsert { dict: acc, key });
                }
                None => {
                    let r = self.expr(v)?;
                    self.emit(Op::DictUpdate {
                        dict: acc,
                        src: r,
                        merge: 0,
                    });
                }
            }
            self.release(mark);
        }
        self.mov(dst, acc);
        Ok(())
    }

    // ------------------------------------------------------------ f-strings

    fn fstring(&mut self, parts: &'a [FStringPart], dst: Reg) -> CResult<()> {
        match parts {
            [] => return self.load_const(Const::Str(String::new()), dst),
            [FStringPart::Literal(s)] => return self.load_const(Const::Str(s.clone()), dst),
            _ => {}
        }
        let mut count = 0u16;
        let start = self.next_temp as Reg;
        for part in parts {
            match part {
                FStringPart::Literal(s) => {
                    let r = self.alloc()?;
                    self.load_const(Const::Str(s.clone()), r)?;
                    count += 1;
                }
                FStringPart::Field {
                    expr,
                    conversion,
                    spec,
                    debug_text,
                } => {
                    if let Some(text) = debug_text {
                        let r = self.alloc()?;
                        self.load_const(Const::Str(text.clone()), r)?;
                        count += 1;
                    }
                    let r = self.alloc()?;
                    count += 1;
                    let mark = self.next_temp;
                    let v = self.expr(expr)?;
                    // `{x=}` shows the repr unless a conversion or spec is given.
                    let conversion = match (conversion, debug_text, spec) {
                        (Some(c), _, _) => Some(*c),
                        (None, Some(_), None) => Some('r'),
                        _ => None,
                    };
                    let mut value = v;
                    if let Some(c) = conversion {
                        let kind = match c {
                            's' => Conversion::Str,
                            'r' => Conversion::Repr,
                            _ => Conversion::Ascii,
                        };
                        self.emit(Op::Convert {
                            dst: r,
                            src: v,
                            kind,
                        });
                        value = r;
                    }
                    match spec {
                        Some(spec) => {
                            let s = self.alloc()?;
                            self.fstring(spec, s)?;
                            self.emit(Op::FormatValue {
                                dst: r,
                                src: value,
                                spec: s,
                            });
                        }
                        None if conversion.is_some() => {}
                        None => {
                            self.emit(Op::FormatValue {
                                dst: r,
                                src: value,
                                spec: NO_REG,
                            });
                        }
                    }
                    self.release(mark);
                }
            }
        }
        self.emit(Op::BuildString { dst, start, count });
        Ok(())
    }
}

/// Which sequence display is being built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Display {
    List,
    Tuple,
    Set,
}

/// The constant a tuple display folds to, if every item is a literal.
fn constant_tuple(items: &[Expr]) -> Option<Const> {
    fn literal(e: &Expr) -> Option<Const> {
        Some(match &e.kind {
            ExprKind::Int(i) => Const::Int(i.clone()),
            ExprKind::Float(f) => Const::Float(*f),
            ExprKind::Str(s) => Const::Str(s.clone()),
            ExprKind::Bool(b) => Const::Bool(*b),
            ExprKind::None => Const::None,
            ExprKind::Ellipsis => Const::Ellipsis,
            ExprKind::Tuple(items) => constant_tuple(items)?,
            _ => return None,
        })
    }
    items
        .iter()
        .map(literal)
        .collect::<Option<Vec<_>>>()
        .map(Const::Tuple)
}
