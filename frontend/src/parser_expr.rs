//! Expression parsing with Python's exact precedence, from `lambda` down to atoms.
//!
//! Binary operators use precedence climbing, so one nesting level of the
//! source costs a fixed handful of Rust frames. Every construct that nests
//! (brackets, unary operators, `**`, `not`, `lambda`, conditional `else`)
//! goes through [`Parser::nested`].

use crate::ast::{
    Arg, BinOp, BoolOp, CmpOp, Expr, ExprKind, FStringPart, FunctionDef, Pos, Stmt, StmtKind,
    UnaryOp,
};
use crate::error::CompileError;
use crate::fstring::parse_fstring;
use crate::parser::{expr_depth, PResult, Parser};
use crate::token::{Keyword, Op, StrToken, TokenKind};

/// Builds an expression node.
pub(crate) fn mk(kind: ExprKind, pos: Pos) -> Expr {
    Expr { kind, pos }
}

impl Parser {
    // ---------------------------------------------------------------- lists of expressions

    /// Whether the current token can begin an expression (used after a trailing comma).
    pub(crate) fn starts_expr(&self) -> bool {
        match self.peek() {
            TokenKind::Name(_) | TokenKind::Int(_) | TokenKind::Float(_) | TokenKind::Str(_) => {
                true
            }
            TokenKind::Keyword(kw) => matches!(
                kw,
                Keyword::None
                    | Keyword::True
                    | Keyword::False
                    | Keyword::Not
                    | Keyword::Lambda
                    | Keyword::Await
            ),
            TokenKind::Op(op) => matches!(
                op,
                Op::LParen
                    | Op::LBracket
                    | Op::LBrace
                    | Op::Minus
                    | Op::Plus
                    | Op::Tilde
                    | Op::Star
                    | Op::Ellipsis
            ),
            _ => false,
        }
    }

    /// `a`, or `a, *b, c` as a tuple without parentheses (statement level).
    pub(crate) fn star_expressions(&mut self) -> PResult<Expr> {
        self.comma_list(|p| p.star_expr_or_test())
    }

    /// An assignment-target list at `|` precedence (`for k, v in`, comprehension targets).
    pub(crate) fn target_list(&mut self) -> PResult<Expr> {
        self.comma_list(|p| p.star_or_bitor())
    }

    /// One item, or several separated by commas (with an optional trailing comma) as a tuple.
    fn comma_list(&mut self, mut item: impl FnMut(&mut Self) -> PResult<Expr>) -> PResult<Expr> {
        let first = item(self)?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let pos = first.pos;
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if !self.starts_expr() {
                break;
            }
            items.push(item(self)?);
        }
        Ok(mk(ExprKind::Tuple(items), pos))
    }

    /// `*expr` (a starred item) or an ordinary expression.
    pub(crate) fn star_expr_or_test(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let pos = self.advance().pos;
            let value = self.nested(|p| p.binary(1))?;
            return Ok(mk(ExprKind::Starred(Box::new(value)), pos));
        }
        self.test()
    }

    fn star_or_bitor(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let pos = self.advance().pos;
            let value = self.nested(|p| p.binary(1))?;
            return Ok(mk(ExprKind::Starred(Box::new(value)), pos));
        }
        self.binary(1)
    }

    // ---------------------------------------------------------------- lambda, conditional, boolean

    /// A full expression: `lambda`, or a conditional expression.
    pub(crate) fn test(&mut self) -> PResult<Expr> {
        if self.at_kw(Keyword::Lambda) {
            return self.lambda();
        }
        let body = self.or_test()?;
        if self.at_op(Op::Walrus) {
            let pos = self.pos();
            return Err(CompileError::unsupported(
                "the walrus operator ':='",
                pos.line,
                pos.col,
            ));
        }
        if !self.eat_kw(Keyword::If) {
            return Ok(body);
        }
        let test = self.or_test()?;
        if !self.eat_kw(Keyword::Else) {
            if let TokenKind::Error(err) = self.peek() {
                return Err((**err).clone());
            }
            return Err(self.error_at("expected 'else' after 'if' expression", body.pos));
        }
        let orelse = self.nested(|p| p.test())?;
        let pos = body.pos;
        Ok(mk(
            ExprKind::IfExp {
                test: Box::new(test),
                body: Box::new(body),
                orelse: Box::new(orelse),
            },
            pos,
        ))
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let pos = self.advance().pos;
        let params = self.params(false, Op::Colon)?;
        self.expect_colon()?;
        let body = self.nested(|p| p.test())?;
        let body_pos = body.pos;
        let def = FunctionDef {
            name: "<lambda>".into(),
            params,
            body: vec![Stmt {
                kind: StmtKind::Return(Some(body)),
                pos: body_pos,
            }],
            decorators: Vec::new(),
            returns: None,
            pos,
        };
        Ok(mk(ExprKind::Lambda(Box::new(def)), pos))
    }

    /// `a or b or c` (also used where CPython's grammar says `disjunction`).
    pub(crate) fn or_test(&mut self) -> PResult<Expr> {
        self.bool_chain(Keyword::Or)
    }

    fn bool_chain(&mut self, kw: Keyword) -> PResult<Expr> {
        let first = if kw == Keyword::Or {
            self.bool_chain(Keyword::And)?
        } else {
            self.not_test()?
        };
        if !self.at_kw(kw) {
            return Ok(first);
        }
        let pos = first.pos;
        let mut values = vec![first];
        while self.eat_kw(kw) {
            values.push(if kw == Keyword::Or {
                self.bool_chain(Keyword::And)?
            } else {
                self.not_test()?
            });
        }
        let op = if kw == Keyword::Or {
            BoolOp::Or
        } else {
            BoolOp::And
        };
        Ok(mk(ExprKind::BoolOp { op, values }, pos))
    }

    fn not_test(&mut self) -> PResult<Expr> {
        if self.at_kw(Keyword::Not) {
            let pos = self.advance().pos;
            let operand = self.nested(|p| p.not_test())?;
            return Ok(mk(
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(operand),
                },
                pos,
            ));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let left = self.binary(1)?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let (op, width) = match self.peek() {
                TokenKind::Op(Op::Lt) => (CmpOp::Lt, 1),
                TokenKind::Op(Op::Gt) => (CmpOp::Gt, 1),
                TokenKind::Op(Op::EqEq) => (CmpOp::Eq, 1),
                TokenKind::Op(Op::GtE) => (CmpOp::GtE, 1),
                TokenKind::Op(Op::LtE) => (CmpOp::LtE, 1),
                TokenKind::Op(Op::NotEq) => (CmpOp::NotEq, 1),
                TokenKind::Keyword(Keyword::In) => (CmpOp::In, 1),
                TokenKind::Keyword(Keyword::Not) if self.peek_at(1).is_keyword(Keyword::In) => {
                    (CmpOp::NotIn, 2)
                }
                TokenKind::Keyword(Keyword::Is) if self.peek_at(1).is_keyword(Keyword::Not) => {
                    (CmpOp::IsNot, 2)
                }
                TokenKind::Keyword(Keyword::Is) => (CmpOp::Is, 1),
                _ => break,
            };
            for _ in 0..width {
                self.advance();
            }
            ops.push(op);
            comparators.push(self.binary(1)?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let pos = left.pos;
        Ok(mk(
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
            pos,
        ))
    }

    // ---------------------------------------------------------------- arithmetic

    /// Binary operators from `|` (level 1) to `* / // %` (level 6), by precedence climbing.
    pub(crate) fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let mut left = self.unary()?;
        let mut depth: Option<usize> = None;
        loop {
            let (op, prec) = match self.peek() {
                TokenKind::Op(Op::Pipe) => (BinOp::BitOr, 1),
                TokenKind::Op(Op::Caret) => (BinOp::BitXor, 2),
                TokenKind::Op(Op::Amp) => (BinOp::BitAnd, 3),
                TokenKind::Op(Op::LShift) => (BinOp::LShift, 4),
                TokenKind::Op(Op::RShift) => (BinOp::RShift, 4),
                TokenKind::Op(Op::Plus) => (BinOp::Add, 5),
                TokenKind::Op(Op::Minus) => (BinOp::Sub, 5),
                TokenKind::Op(Op::Star) => (BinOp::Mul, 6),
                TokenKind::Op(Op::Slash) => (BinOp::TrueDiv, 6),
                TokenKind::Op(Op::DoubleSlash) => (BinOp::FloorDiv, 6),
                TokenKind::Op(Op::Percent) => (BinOp::Mod, 6),
                TokenKind::Op(Op::At) => {
                    let pos = self.pos();
                    return Err(CompileError::unsupported(
                        "the matrix multiplication operator '@'",
                        pos.line,
                        pos.col,
                    ));
                }
                _ => break,
            };
            if prec < min_prec {
                break;
            }
            self.advance();
            let right = self.binary(prec + 1)?;
            // Chains grow the tree without recursing here, so bound the tree itself.
            let left_depth = depth.unwrap_or_else(|| expr_depth(&left));
            let new_depth = left_depth.max(expr_depth(&right)) + 1;
            self.check_tree_depth(new_depth, left.pos)?;
            depth = Some(new_depth);
            let pos = left.pos;
            left = mk(
                ExprKind::BinOp {
                    op,
                    left: Box::new(left),
                    right: Box::new(right),
                },
                pos,
            );
        }
        Ok(left)
    }

    fn unary(&mut self) -> PResult<Expr> {
        let op = match self.peek() {
            TokenKind::Op(Op::Minus) => UnaryOp::Neg,
            TokenKind::Op(Op::Plus) => UnaryOp::Pos,
            TokenKind::Op(Op::Tilde) => UnaryOp::Invert,
            _ => return self.power(),
        };
        let pos = self.advance().pos;
        let operand = self.nested(|p| p.unary())?;
        Ok(mk(
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
            pos,
        ))
    }

    /// `primary ** factor`: right-associative and tighter than a unary operator on its left.
    fn power(&mut self) -> PResult<Expr> {
        let base = self.primary()?;
        if !self.eat_op(Op::DoubleStar) {
            return Ok(base);
        }
        let exponent = self.nested(|p| p.unary())?;
        let pos = base.pos;
        Ok(mk(
            ExprKind::BinOp {
                op: BinOp::Pow,
                left: Box::new(base),
                right: Box::new(exponent),
            },
            pos,
        ))
    }

    // ---------------------------------------------------------------- primaries

    /// An atom followed by calls, subscripts and attribute accesses.
    fn primary(&mut self) -> PResult<Expr> {
        let mut expr = self.atom()?;
        let mut depth: Option<usize> = None;
        loop {
            if !(self.at_op(Op::LParen) || self.at_op(Op::LBracket) || self.at_op(Op::Dot)) {
                return Ok(expr);
            }
            let pos = expr.pos;
            let previous = depth.unwrap_or_else(|| expr_depth(&expr));
            let (kind, children_depth) = match self.peek() {
                TokenKind::Op(Op::LParen) => {
                    let args = self.nested(|p| p.call_args())?;
                    let deepest = args
                        .iter()
                        .map(|a| expr_depth(arg_expr(a)))
                        .max()
                        .unwrap_or(0);
                    (
                        ExprKind::Call {
                            func: Box::new(expr),
                            args,
                        },
                        deepest,
                    )
                }
                TokenKind::Op(Op::LBracket) => {
                    self.advance();
                    let index = self.nested(|p| p.subscript_list())?;
                    let deepest = expr_depth(&index);
                    (
                        ExprKind::Subscript {
                            value: Box::new(expr),
                            index: Box::new(index),
                        },
                        deepest,
                    )
                }
                TokenKind::Op(Op::Dot) => {
                    self.advance();
                    let attr = self.expect_name()?;
                    (
                        ExprKind::Attribute {
                            value: Box::new(expr),
                            attr,
                        },
                        0,
                    )
                }
                _ => return Ok(expr),
            };
            let new_depth = previous.max(children_depth) + 1;
            self.check_tree_depth(new_depth, pos)?;
            depth = Some(new_depth);
            expr = mk(kind, pos);
        }
    }

    /// A call's argument list, from `(` to `)`, with CPython's ordering rules.
    /// Positional and `*` arguments come first in the result, then keyword and
    /// `**` arguments, each group in source order (CPython's evaluation order).
    pub(crate) fn call_args(&mut self) -> PResult<Vec<Arg>> {
        self.advance();
        let mut args: Vec<Arg> = Vec::new();
        let mut seen_keyword = false;
        let mut seen_double_star = false;
        let mut keyword_names: Vec<String> = Vec::new();
        while !self.at_op(Op::RParen) {
            if self.at_op(Op::Star) {
                let pos = self.advance().pos;
                let value = self.test()?;
                if seen_double_star {
                    return Err(self.error_at(
                        "iterable argument unpacking follows keyword argument unpacking",
                        pos,
                    ));
                }
                args.push(Arg::Starred(value));
            } else if self.at_op(Op::DoubleStar) {
                self.advance();
                args.push(Arg::DoubleStarred(self.test()?));
                seen_double_star = true;
            } else if matches!(self.peek(), TokenKind::Name(_)) && self.peek_at(1).is_op(Op::Assign)
            {
                let pos = self.pos();
                let name = self.expect_name()?;
                self.advance();
                let value = self.test()?;
                if keyword_names.contains(&name) {
                    return Err(self.error_at(format!("keyword argument repeated: {name}"), pos));
                }
                keyword_names.push(name.clone());
                args.push(Arg::Keyword(name, value));
                seen_keyword = true;
            } else {
                let mut value = self.test()?;
                if self.at_kw(Keyword::For) {
                    let generators = self.comprehension_clauses()?;
                    let pos = value.pos;
                    if !args.is_empty() || !self.at_op(Op::RParen) {
                        return Err(
                            self.error_at("Generator expression must be parenthesized", pos)
                        );
                    }
                    value = mk(
                        ExprKind::GeneratorExp {
                            elt: Box::new(value),
                            generators,
                        },
                        pos,
                    );
                }
                if self.at_op(Op::Assign) {
                    return Err(self.error_at(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        value.pos,
                    ));
                }
                // CPython puts the caret just past the offending argument.
                if seen_double_star {
                    return Err(self.error_at(
                        "positional argument follows keyword argument unpacking",
                        self.pos(),
                    ));
                }
                if seen_keyword {
                    return Err(
                        self.error_at("positional argument follows keyword argument", self.pos())
                    );
                }
                args.push(Arg::Positional(value));
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        let last = args.last().map(|a| arg_expr(a).pos);
        self.expect_closing(Op::RParen, last)?;
        // CPython evaluates all positional (and `*`) arguments before any keyword
        // argument (`f(a=g(), *h())` calls h first), so order them that way.
        let (mut ordered, keywords): (Vec<Arg>, Vec<Arg>) = args
            .into_iter()
            .partition(|a| matches!(a, Arg::Positional(_) | Arg::Starred(_)));
        ordered.extend(keywords);
        Ok(ordered)
    }

    /// Expects a closing bracket; if an expression follows instead, says
    /// "Perhaps you forgot a comma?" the way CPython does.
    pub(crate) fn expect_closing(&mut self, op: Op, last_item: Option<Pos>) -> PResult<()> {
        if self.eat_op(op) {
            return Ok(());
        }
        match last_item {
            Some(pos) if self.starts_expr() => {
                Err(self.error_at("invalid syntax. Perhaps you forgot a comma?", pos))
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    /// The inside of `[...]` after a primary (the `[` is consumed).
    fn subscript_list(&mut self) -> PResult<Expr> {
        let first = self.slice_item()?;
        let index = if self.at_op(Op::Comma) {
            let pos = first.pos;
            let mut items = vec![first];
            while self.eat_op(Op::Comma) {
                if self.at_op(Op::RBracket) {
                    break;
                }
                items.push(self.slice_item()?);
            }
            mk(ExprKind::Tuple(items), pos)
        } else if matches!(first.kind, ExprKind::Starred(_)) {
            // `a[*b]` indexes with a one-element tuple, as in CPython.
            let pos = first.pos;
            mk(ExprKind::Tuple(vec![first]), pos)
        } else {
            first
        };
        let last = Some(index.pos);
        self.expect_closing(Op::RBracket, last)?;
        Ok(index)
    }

    fn slice_item(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let lower = if self.at_op(Op::Colon) {
            None
        } else {
            Some(self.star_expr_or_test()?)
        };
        if !self.eat_op(Op::Colon) {
            return lower.ok_or_else(|| self.invalid_syntax());
        }
        let ends_part =
            |p: &Self| p.at_op(Op::Colon) || p.at_op(Op::Comma) || p.at_op(Op::RBracket);
        let upper = if ends_part(self) {
            None
        } else {
            Some(Box::new(self.test()?))
        };
        let mut step = None;
        if self.eat_op(Op::Colon) && !ends_part(self) {
            step = Some(Box::new(self.test()?));
        }
        Ok(mk(
            ExprKind::Slice {
                lower: lower.map(Box::new),
                upper,
                step,
            },
            pos,
        ))
    }

    // ---------------------------------------------------------------- atoms

    fn atom(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let kind = match self.peek() {
            TokenKind::Name(name) => ExprKind::Name(name.clone()),
            TokenKind::Int(value) => ExprKind::Int(value.clone()),
            TokenKind::Float(value) => ExprKind::Float(*value),
            TokenKind::Str(_) => return self.strings(),
            TokenKind::Keyword(Keyword::True) => ExprKind::Bool(true),
            TokenKind::Keyword(Keyword::False) => ExprKind::Bool(false),
            TokenKind::Keyword(Keyword::None) => ExprKind::None,
            TokenKind::Op(Op::Ellipsis) => ExprKind::Ellipsis,
            TokenKind::Op(Op::LParen) => return self.nested(|p| p.paren_atom()),
            TokenKind::Op(Op::LBracket) => return self.nested(|p| p.list_atom()),
            TokenKind::Op(Op::LBrace) => return self.nested(|p| p.brace_atom()),
            TokenKind::Keyword(Keyword::Await) => {
                return Err(CompileError::unsupported("'await'", pos.line, pos.col));
            }
            TokenKind::Keyword(Keyword::Async) => {
                return Err(CompileError::unsupported("'async'", pos.line, pos.col));
            }
            _ => return Err(self.invalid_syntax()),
        };
        self.advance();
        Ok(mk(kind, pos))
    }

    /// Adjacent string literals, concatenated; any f-string makes the whole an f-string.
    fn strings(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let mut parts: Vec<FStringPart> = Vec::new();
        let mut any_format = false;
        while let TokenKind::Str(token) = self.peek() {
            match token.clone() {
                StrToken::Plain(text) => push_literal(&mut parts, text),
                StrToken::Format {
                    body,
                    raw,
                    body_pos,
                    end,
                } => {
                    any_format = true;
                    for part in parse_fstring(&body, raw, body_pos, end, self.depth)? {
                        match part {
                            FStringPart::Literal(text) => push_literal(&mut parts, text),
                            field => parts.push(field),
                        }
                    }
                }
            }
            self.advance();
        }
        if any_format {
            return Ok(mk(ExprKind::FString(parts), pos));
        }
        let text = match parts.pop() {
            Some(FStringPart::Literal(text)) => text,
            _ => String::new(),
        };
        Ok(mk(ExprKind::Str(text), pos))
    }

    /// `yield`, `yield value(s)` or `yield from value`.
    pub(crate) fn yield_expr(&mut self) -> PResult<Expr> {
        let pos = self.advance().pos;
        if self.eat_kw(Keyword::From) {
            let value = self.test()?;
            return Ok(mk(ExprKind::YieldFrom(Box::new(value)), pos));
        }
        if !self.starts_expr() {
            return Ok(mk(ExprKind::Yield(None), pos));
        }
        let value = self.star_expressions()?;
        self.reject_bare_starred(&value)?;
        Ok(mk(ExprKind::Yield(Some(Box::new(value))), pos))
    }

    /// Fails on a lone `*x` used as a value (CPython's compiler rejects it).
    pub(crate) fn reject_bare_starred(&self, value: &Expr) -> PResult<()> {
        if matches!(value.kind, ExprKind::Starred(_)) {
            return Err(self.error_at("can't use starred expression here", value.pos));
        }
        Ok(())
    }

    /// `yield ...` or a statement-level expression list (assignment right-hand sides).
    pub(crate) fn yield_or_star_expressions(&mut self) -> PResult<Expr> {
        if self.at_kw(Keyword::Yield) {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }
}

/// The expression inside a call argument.
fn arg_expr(arg: &Arg) -> &Expr {
    match arg {
        Arg::Positional(e) | Arg::Starred(e) | Arg::DoubleStarred(e) | Arg::Keyword(_, e) => e,
    }
}

/// Appends literal text, merging it with a preceding literal; empty text adds nothing.
pub(crate) fn push_literal(parts: &mut Vec<FStringPart>, text: String) {
    if text.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(prev)) = parts.last_mut() {
        prev.push_str(&text);
    } else {
        parts.push(FStringPart::Literal(text));
    }
}
