//! Bracketed displays: tuples, lists, dicts, sets, and their comprehensions.

use crate::ast::{Comprehension, Expr, ExprKind, Pos};
use crate::error::CompileError;
use crate::parser::{PResult, Parser};
use crate::parser_expr::mk;
use crate::parser_target::TargetContext;
use crate::token::{Keyword, Op, TokenKind};

impl Parser {
    /// `( ... )`: empty tuple, parenthesized expression or yield, tuple, or generator expression.
    pub(crate) fn paren_atom(&mut self) -> PResult<Expr> {
        let pos = self.advance().pos;
        if self.eat_op(Op::RParen) {
            return Ok(mk(ExprKind::Tuple(Vec::new()), pos));
        }
        if self.at_kw(Keyword::Yield) {
            let value = self.yield_expr()?;
            self.expect_closing(Op::RParen, Some(value.pos))?;
            return Ok(value);
        }
        let first = self.star_expr_or_test()?;
        if self.at_kw(Keyword::For) {
            self.reject_starred_element(&first)?;
            let generators = self.comprehension_clauses()?;
            self.expect_closing(Op::RParen, None)?;
            return Ok(mk(
                ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
                pos,
            ));
        }
        if !self.at_op(Op::Comma) {
            self.expect_closing(Op::RParen, Some(first.pos))?;
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.error_at("cannot use starred expression here", first.pos));
            }
            return Ok(first);
        }
        let items = self.display_items(first, Op::RParen)?;
        Ok(mk(ExprKind::Tuple(items), pos))
    }

    /// The rest of a comma-separated display after its first item, through the closing bracket.
    fn display_items(&mut self, first: Expr, close: Op) -> PResult<Vec<Expr>> {
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(close) {
                break;
            }
            items.push(self.star_expr_or_test()?);
        }
        let last = items.last().map(|e| e.pos);
        self.expect_closing(close, last)?;
        Ok(items)
    }

    pub(crate) fn list_atom(&mut self) -> PResult<Expr> {
        let pos = self.advance().pos;
        if self.eat_op(Op::RBracket) {
            return Ok(mk(ExprKind::List(Vec::new()), pos));
        }
        let first = self.star_expr_or_test()?;
        if self.at_kw(Keyword::For) {
            self.reject_starred_element(&first)?;
            let generators = self.comprehension_clauses()?;
            self.expect_closing(Op::RBracket, None)?;
            return Ok(mk(
                ExprKind::ListComp {
                    elt: Box::new(first),
                    generators,
                },
                pos,
            ));
        }
        let items = self.display_items(first, Op::RBracket)?;
        Ok(mk(ExprKind::List(items), pos))
    }

    /// `{...}`: dict, set, or their comprehensions.
    pub(crate) fn brace_atom(&mut self) -> PResult<Expr> {
        let pos = self.advance().pos;
        if self.eat_op(Op::RBrace) {
            return Ok(mk(ExprKind::Dict(Vec::new()), pos));
        }
        if self.at_op(Op::DoubleStar) {
            let star_pos = self.advance().pos;
            let value = self.binary(1)?;
            if self.at_kw(Keyword::For) {
                return Err(self.error_at(
                    "dict unpacking cannot be used in dict comprehension",
                    star_pos,
                ));
            }
            return self.dict_rest(vec![(None, value)], pos);
        }
        let first = self.star_expr_or_test()?;
        if self.eat_op(Op::Colon) {
            let value = self.test()?;
            if self.at_kw(Keyword::For) {
                let generators = self.comprehension_clauses()?;
                self.expect_closing(Op::RBrace, None)?;
                return Ok(mk(
                    ExprKind::DictComp {
                        key: Box::new(first),
                        value: Box::new(value),
                        generators,
                    },
                    pos,
                ));
            }
            return self.dict_rest(vec![(Some(first), value)], pos);
        }
        if self.at_kw(Keyword::For) {
            self.reject_starred_element(&first)?;
            let generators = self.comprehension_clauses()?;
            self.expect_closing(Op::RBrace, None)?;
            return Ok(mk(
                ExprKind::SetComp {
                    elt: Box::new(first),
                    generators,
                },
                pos,
            ));
        }
        let items = self.display_items(first, Op::RBrace)?;
        Ok(mk(ExprKind::Set(items), pos))
    }

    fn dict_rest(&mut self, mut pairs: Vec<(Option<Expr>, Expr)>, pos: Pos) -> PResult<Expr> {
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RBrace) {
                break;
            }
            if self.eat_op(Op::DoubleStar) {
                pairs.push((None, self.binary(1)?));
                continue;
            }
            let key = self.test()?;
            if !self.eat_op(Op::Colon) {
                if matches!(self.peek(), TokenKind::Error(_)) {
                    return Err(self.invalid_syntax());
                }
                return Err(self.error_at("':' expected after dictionary key", key.pos));
            }
            let value = self.test()?;
            pairs.push((Some(key), value));
        }
        let last = pairs.last().map(|(_, v)| v.pos);
        self.expect_closing(Op::RBrace, last)?;
        Ok(mk(ExprKind::Dict(pairs), pos))
    }

    fn reject_starred_element(&self, elt: &Expr) -> PResult<()> {
        if matches!(elt.kind, ExprKind::Starred(_)) {
            return Err(self.error_at(
                "iterable unpacking cannot be used in comprehension",
                elt.pos,
            ));
        }
        Ok(())
    }

    /// One or more `for target in iter [if cond]...` clauses.
    pub(crate) fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        while self.eat_kw(Keyword::For) {
            let target = self.target_list()?;
            self.check_target(&target, TargetContext::For)?;
            if !self.eat_kw(Keyword::In) {
                return Err(self.invalid_syntax());
            }
            let iter = self.or_test()?;
            let mut ifs = Vec::new();
            while self.eat_kw(Keyword::If) {
                ifs.push(self.or_test()?);
            }
            generators.push(Comprehension { target, iter, ifs });
            if self.at_kw(Keyword::Async) {
                let pos = self.pos();
                return Err(CompileError::unsupported("'async for'", pos.line, pos.col));
            }
        }
        Ok(generators)
    }
}
