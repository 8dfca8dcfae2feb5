//! Statement parsing: compound statements, blocks, and `;`-separated simple statements.

use crate::ast::BinOp;
use crate::ast::{
    Alias, Arg, ClassDef, ExceptHandler, Expr, ExprKind, FunctionDef, Pos, Stmt, StmtKind,
};
use crate::error::{CompileError, ErrorKind};
use crate::parser::{PResult, Parser};
use crate::parser_target::TargetContext;
use crate::token::{Keyword, Op, TokenKind};

fn stmt(kind: StmtKind, pos: Pos) -> Stmt {
    Stmt { kind, pos }
}

impl Parser {
    /// Parses one statement line: a compound statement, or simple statements
    /// separated by `;`. The statements are appended to `out`.
    pub(crate) fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let pos = self.pos();
        match self.peek() {
            TokenKind::Keyword(Keyword::If) => out.push(self.if_stmt()?),
            TokenKind::Keyword(Keyword::While) => out.push(self.while_stmt()?),
            TokenKind::Keyword(Keyword::For) => out.push(self.for_stmt()?),
            TokenKind::Keyword(Keyword::Try) => out.push(self.try_stmt()?),
            TokenKind::Keyword(Keyword::Def) => out.push(self.function_def(Vec::new(), pos)?),
            TokenKind::Keyword(Keyword::Class) => out.push(self.class_def(Vec::new(), pos)?),
            TokenKind::Op(Op::At) => out.push(self.decorated()?),
            TokenKind::Keyword(Keyword::With) => {
                return Err(CompileError::unsupported(
                    "the 'with' statement",
                    pos.line,
                    pos.col,
                ));
            }
            TokenKind::Keyword(Keyword::Async) => {
                return Err(CompileError::unsupported("'async'", pos.line, pos.col));
            }
            TokenKind::Name(name) if name == "match" && self.looks_like_match() => {
                return Err(CompileError::unsupported(
                    "the 'match' statement",
                    pos.line,
                    pos.col,
                ));
            }
            _ => self.simple_statements(out)?,
        }
        Ok(())
    }

    /// `match subject:` followed by an indented block (a soft keyword, so guessed from shape).
    fn looks_like_match(&self) -> bool {
        let subject_starts = match self.peek_at(1) {
            TokenKind::Name(_) | TokenKind::Int(_) | TokenKind::Float(_) | TokenKind::Str(_) => {
                true
            }
            TokenKind::Keyword(kw) => matches!(
                kw,
                Keyword::None | Keyword::True | Keyword::False | Keyword::Not
            ),
            TokenKind::Op(op) => matches!(
                op,
                Op::LParen | Op::LBracket | Op::LBrace | Op::Minus | Op::Star | Op::Tilde
            ),
            _ => false,
        };
        if !subject_starts {
            return false;
        }
        let mut ahead = 1;
        loop {
            match self.peek_at(ahead) {
                TokenKind::Newline => {
                    return self.peek_at(ahead - 1).is_op(Op::Colon)
                        && *self.peek_at(ahead + 1) == TokenKind::Indent;
                }
                TokenKind::EndMarker | TokenKind::Error(_) => return false,
                _ => ahead += 1,
            }
        }
    }

    // ---------------------------------------------------------------- blocks

    /// `: NEWLINE INDENT statements DEDENT`, or simple statements on the same line.
    /// `what` and `line` name the owning statement in CPython's indentation error.
    fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        self.expect_colon()?;
        let mut body = Vec::new();
        if !self.at_newline() {
            self.simple_statements(&mut body)?;
            return Ok(body);
        }
        self.advance();
        if *self.peek() != TokenKind::Indent {
            if let TokenKind::Error(err) = self.peek() {
                return Err((**err).clone());
            }
            let pos = self.pos();
            return Err(CompileError {
                kind: ErrorKind::Indentation,
                msg: format!("expected an indented block after {what} on line {line}"),
                line: pos.line,
                col: pos.col,
            });
        }
        self.advance();
        self.nested(|p| {
            while !matches!(p.peek(), TokenKind::Dedent | TokenKind::EndMarker) {
                if let TokenKind::Error(err) = p.peek() {
                    return Err((**err).clone());
                }
                p.statement(&mut body)?;
            }
            p.advance();
            Ok(())
        })?;
        Ok(body)
    }

    fn at_newline(&self) -> bool {
        *self.peek() == TokenKind::Newline
    }

    /// An optional `else:` block after a loop or `try`.
    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.at_kw(Keyword::Else) {
            return Ok(Vec::new());
        }
        let line = self.advance().pos.line;
        self.block("'else' statement", line)
    }

    // ---------------------------------------------------------------- compound statements

    fn if_stmt(&mut self) -> PResult<Stmt> {
        // `elif` chains are collected in a loop and nested afterwards, so a long
        // chain costs no recursion.
        let pos = self.advance().pos;
        let test = self.test()?;
        let body = self.block("'if' statement", pos.line)?;
        let mut elifs: Vec<(Pos, Expr, Vec<Stmt>)> = Vec::new();
        while self.at_kw(Keyword::Elif) {
            let elif_pos = self.advance().pos;
            let elif_test = self.test()?;
            let elif_body = self.block("'elif' statement", elif_pos.line)?;
            elifs.push((elif_pos, elif_test, elif_body));
        }
        let mut orelse = self.else_block()?;
        while let Some((elif_pos, elif_test, elif_body)) = elifs.pop() {
            let nested_if = stmt(
                StmtKind::If {
                    test: elif_test,
                    body: elif_body,
                    orelse,
                },
                elif_pos,
            );
            orelse = vec![nested_if];
        }
        Ok(stmt(StmtKind::If { test, body, orelse }, pos))
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.advance().pos;
        let test = self.test()?;
        let body = self.block("'while' statement", pos.line)?;
        let orelse = self.else_block()?;
        Ok(stmt(StmtKind::While { test, body, orelse }, pos))
    }

    fn for_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.advance().pos;
        let target = self.target_list()?;
        self.check_target(&target, TargetContext::For)?;
        if !self.eat_kw(Keyword::In) {
            return Err(self.invalid_syntax());
        }
        let iter = self.star_expressions()?;
        self.reject_bare_starred(&iter)?;
        let body = self.block("'for' statement", pos.line)?;
        let orelse = self.else_block()?;
        Ok(stmt(
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            },
            pos,
        ))
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let pos = self.advance().pos;
        let body = self.block("'try' statement", pos.line)?;
        let mut handlers: Vec<ExceptHandler> = Vec::new();
        while self.at_kw(Keyword::Except) {
            let except_pos = self.advance().pos;
            if let Some(bare) = handlers.iter().find(|h| h.typ.is_none()) {
                return Err(self.error_at("default 'except:' must be last", bare.pos));
            }
            if self.at_op(Op::Star) {
                return Err(CompileError::unsupported(
                    "'except*'",
                    except_pos.line,
                    except_pos.col,
                ));
            }
            let mut typ = None;
            let mut name = None;
            if !self.at_op(Op::Colon) {
                let exc = self.test()?;
                if self.at_op(Op::Comma) {
                    return Err(
                        self.error_at("multiple exception types must be parenthesized", exc.pos)
                    );
                }
                typ = Some(exc);
                if self.eat_kw(Keyword::As) {
                    name = Some(self.expect_name()?);
                }
            }
            let handler_body = self.block("'except' statement", except_pos.line)?;
            handlers.push(ExceptHandler {
                typ,
                name,
                body: handler_body,
                pos: except_pos,
            });
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let mut finalbody = Vec::new();
        if self.at_kw(Keyword::Finally) {
            let line = self.advance().pos.line;
            finalbody = self.block("'finally' statement", line)?;
        }
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.error_here("expected 'except' or 'finally' block"));
        }
        Ok(stmt(
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            },
            pos,
        ))
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        let mut decorators = Vec::new();
        while self.eat_op(Op::At) {
            decorators.push(self.test()?);
            if !self.at_newline() {
                return Err(self.invalid_syntax());
            }
            self.advance();
        }
        match self.peek() {
            TokenKind::Keyword(Keyword::Def) => self.function_def(decorators, pos),
            TokenKind::Keyword(Keyword::Class) => self.class_def(decorators, pos),
            TokenKind::Keyword(Keyword::Async) => {
                let p = self.pos();
                Err(CompileError::unsupported("'async'", p.line, p.col))
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    fn function_def(&mut self, decorators: Vec<Expr>, pos: Pos) -> PResult<Stmt> {
        let def_line = self.advance().pos.line;
        let name = self.expect_name()?;
        self.expect_op(Op::LParen)?;
        let params = self.params(true, Op::RParen)?;
        self.expect_op(Op::RParen)?;
        let returns = if self.eat_op(Op::Arrow) {
            Some(self.test()?)
        } else {
            None
        };
        let body = self.block("function definition", def_line)?;
        let def = FunctionDef {
            name,
            params,
            body,
            decorators,
            returns,
            pos,
        };
        Ok(stmt(StmtKind::FunctionDef(Box::new(def)), pos))
    }

    fn class_def(&mut self, decorators: Vec<Expr>, pos: Pos) -> PResult<Stmt> {
        let class_line = self.advance().pos.line;
        let name = self.expect_name()?;
        let mut bases = Vec::new();
        let mut keywords = Vec::new();
        if self.at_op(Op::LParen) {
            let args = self.nested(|p| p.call_args())?;
            for arg in args {
                match arg {
                    Arg::Positional(e) if matches!(e.kind, ExprKind::GeneratorExp { .. }) => {
                        return Err(self.error_at("invalid syntax", e.pos));
                    }
                    Arg::Positional(e) => bases.push(e),
                    Arg::Starred(e) => {
                        let p = e.pos;
                        bases.push(Expr {
                            kind: ExprKind::Starred(Box::new(e)),
                            pos: p,
                        });
                    }
                    Arg::Keyword(k, e) => keywords.push((k, e)),
                    Arg::DoubleStarred(e) => {
                        return Err(CompileError::unsupported(
                            "'**' in a class header",
                            e.pos.line,
                            e.pos.col,
                        ));
                    }
                }
            }
        }
        let body = self.block("class definition", class_line)?;
        let def = ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators,
            pos,
        };
        Ok(stmt(StmtKind::ClassDef(Box::new(def)), pos))
    }

    // ---------------------------------------------------------------- simple statements

    /// `stmt; stmt; ... NEWLINE`.
    fn simple_statements(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let statement = self.simple_statement()?;
            let is_print = matches!(&statement.kind, StmtKind::Expr(Expr { kind: ExprKind::Name(n), .. }) if n == "print");
            let pos = statement.pos;
            out.push(statement);
            if self.eat_op(Op::Semi) {
                if self.at_newline() {
                    break;
                }
                continue;
            }
            if !self.at_newline() {
                if is_print && self.starts_expr() {
                    return Err(self.error_at(
                        "Missing parentheses in call to 'print'. Did you mean print(...)?",
                        pos,
                    ));
                }
                return Err(self.invalid_syntax());
            }
            break;
        }
        self.advance();
        Ok(())
    }

    fn simple_statement(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        let kind = match self.peek() {
            TokenKind::Keyword(Keyword::Pass) => {
                self.advance();
                StmtKind::Pass
            }
            TokenKind::Keyword(Keyword::Break) => {
                self.advance();
                StmtKind::Break
            }
            TokenKind::Keyword(Keyword::Continue) => {
                self.advance();
                StmtKind::Continue
            }
            TokenKind::Keyword(Keyword::Return) => {
                self.advance();
                StmtKind::Return(if self.starts_expr() {
                    let value = self.star_expressions()?;
                    self.reject_bare_starred(&value)?;
                    Some(value)
                } else {
                    None
                })
            }
            TokenKind::Keyword(Keyword::Raise) => {
                self.advance();
                let mut exc = None;
                let mut cause = None;
                if self.starts_expr() {
                    exc = Some(self.test()?);
                    if self.eat_kw(Keyword::From) {
                        cause = Some(self.test()?);
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            TokenKind::Keyword(Keyword::Global) => {
                self.advance();
                StmtKind::Global(self.name_list()?)
            }
            TokenKind::Keyword(Keyword::Nonlocal) => {
                self.advance();
                StmtKind::Nonlocal(self.name_list()?)
            }
            TokenKind::Keyword(Keyword::Del) => {
                self.advance();
                StmtKind::Delete(self.del_targets()?)
            }
            TokenKind::Keyword(Keyword::Assert) => {
                self.advance();
                let test = self.test()?;
                let msg = if self.eat_op(Op::Comma) {
                    Some(self.test()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            TokenKind::Keyword(Keyword::Import) => {
                self.advance();
                StmtKind::Import(self.import_names()?)
            }
            TokenKind::Keyword(Keyword::From) => self.import_from()?,
            _ => self.expression_statement()?,
        };
        Ok(stmt(kind, pos))
    }

    fn name_list(&mut self) -> PResult<Vec<String>> {
        let mut names = vec![self.expect_name()?];
        while self.eat_op(Op::Comma) {
            names.push(self.expect_name()?);
        }
        Ok(names)
    }

    fn del_targets(&mut self) -> PResult<Vec<Expr>> {
        let mut targets = Vec::new();
        loop {
            let target = self.binary_or_starred_target()?;
            self.check_target(&target, TargetContext::Del)?;
            targets.push(target);
            if !self.eat_op(Op::Comma) || !self.starts_expr() {
                break;
            }
        }
        Ok(targets)
    }

    fn binary_or_starred_target(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let pos = self.advance().pos;
            let value = self.binary(1)?;
            return Ok(Expr {
                kind: ExprKind::Starred(Box::new(value)),
                pos,
            });
        }
        self.binary(1)
    }

    /// An expression statement, or an assignment of any kind.
    fn expression_statement(&mut self) -> PResult<StmtKind> {
        let first = self.yield_or_star_expressions()?;
        let aug_op = match self.peek() {
            TokenKind::Op(op) => aug_assign_op(*op),
            _ => None,
        };
        if let Some(op) = aug_op {
            self.check_aug_target(&first)?;
            self.advance();
            let value = self.yield_or_star_expressions()?;
            self.reject_bare_starred(&value)?;
            return Ok(StmtKind::AugAssign {
                target: first,
                op,
                value,
            });
        }
        if self.at_op(Op::AtEq) {
            let pos = self.pos();
            return Err(CompileError::unsupported(
                "the matrix multiplication operator '@='",
                pos.line,
                pos.col,
            ));
        }
        if self.eat_op(Op::Colon) {
            self.check_annotated_target(&first)?;
            let annotation = self.test()?;
            let value = if self.eat_op(Op::Assign) {
                let value = self.yield_or_star_expressions()?;
                self.reject_bare_starred(&value)?;
                Some(value)
            } else {
                None
            };
            return Ok(StmtKind::AnnAssign {
                target: first,
                annotation,
                value,
            });
        }
        if !self.at_op(Op::Assign) {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.error_at("can't use starred expression here", first.pos));
            }
            return Ok(StmtKind::Expr(first));
        }
        let mut targets = vec![first];
        while self.eat_op(Op::Assign) {
            targets.push(self.yield_or_star_expressions()?);
        }
        let value = targets.pop().unwrap_or(Expr {
            kind: ExprKind::None,
            pos: Pos::default(),
        });
        for (index, target) in targets.iter().enumerate() {
            if index > 0 && matches!(target.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
                return Err(
                    self.error_at("assignment to yield expression not possible", target.pos)
                );
            }
            self.check_target(target, TargetContext::Assign)?;
        }
        if matches!(value.kind, ExprKind::Starred(_)) {
            return Err(self.error_at("can't use starred expression here", value.pos));
        }
        Ok(StmtKind::Assign { targets, value })
    }

    // ---------------------------------------------------------------- imports

    fn dotted_name(&mut self) -> PResult<String> {
        let mut name = self.expect_name()?;
        while self.eat_op(Op::Dot) {
            name.push('.');
            name.push_str(&self.expect_name()?);
        }
        Ok(name)
    }

    fn import_names(&mut self) -> PResult<Vec<Alias>> {
        let mut names = Vec::new();
        loop {
            let name = self.dotted_name()?;
            let asname = if self.eat_kw(Keyword::As) {
                Some(self.expect_name()?)
            } else {
                None
            };
            names.push(Alias { name, asname });
            if !self.eat_op(Op::Comma) {
                return Ok(names);
            }
        }
    }

    fn import_from(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut level = 0u32;
        loop {
            if self.eat_op(Op::Dot) {
                level += 1;
            } else if self.eat_op(Op::Ellipsis) {
                level += 3;
            } else {
                break;
            }
        }
        let module = if matches!(self.peek(), TokenKind::Name(_)) || level == 0 {
            self.dotted_name()?
        } else {
            String::new()
        };
        if !self.eat_kw(Keyword::Import) {
            return Err(self.invalid_syntax());
        }
        if self.at_op(Op::Star) {
            let pos = self.pos();
            return Err(CompileError::unsupported(
                "star imports ('from module import *')",
                pos.line,
                pos.col,
            ));
        }
        let parenthesized = self.eat_op(Op::LParen);
        let mut names = Vec::new();
        loop {
            let name = self.expect_name()?;
            let asname = if self.eat_kw(Keyword::As) {
                Some(self.expect_name()?)
            } else {
                None
            };
            names.push(Alias { name, asname });
            if !self.eat_op(Op::Comma) {
                break;
            }
            if parenthesized && self.at_op(Op::RParen) {
                break;
            }
            if !parenthesized && !matches!(self.peek(), TokenKind::Name(_)) {
                return Err(
                    self.error_here("trailing comma not allowed without surrounding parentheses")
                );
            }
        }
        if parenthesized {
            self.expect_op(Op::RParen)?;
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }
}

/// The binary operator of an augmented-assignment token (`+=` -> `Add`).
fn aug_assign_op(op: Op) -> Option<BinOp> {
    Some(match op {
        Op::PlusEq => BinOp::Add,
        Op::MinusEq => BinOp::Sub,
        Op::StarEq => BinOp::Mul,
        Op::SlashEq => BinOp::TrueDiv,
        Op::DoubleSlashEq => BinOp::FloorDiv,
        Op::PercentEq => BinOp::Mod,
        Op::DoubleStarEq => BinOp::Pow,
        Op::LShiftEq => BinOp::LShift,
        Op::RShiftEq => BinOp::RShift,
        Op::AmpEq => BinOp::BitAnd,
        Op::PipeEq => BinOp::BitOr,
        Op::CaretEq => BinOp::BitXor,
        _ => return None,
    })
}
