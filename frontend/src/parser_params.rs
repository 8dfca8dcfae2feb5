//! Parameter lists of `def` and `lambda`, with CPython's ordering errors.

use crate::ast::{Param, Params};
use crate::parser::{PResult, Parser};
use crate::token::{Op, TokenKind};

impl Parser {
    /// Parses parameters up to (not including) `closing` (`)` for `def`, `:` for `lambda`).
    /// Annotations (`x: int`) are accepted only when `annotations` is true (in `def`).
    pub(crate) fn params(&mut self, annotations: bool, closing: Op) -> PResult<Params> {
        let mut params = Params::default();
        let mut seen_default = false;
        let mut seen_slash = false;
        let mut bare_star_pos = None;
        let mut seen_star = false;
        let mut names: Vec<String> = Vec::new();
        while !self.at_op(closing) {
            if params.kwarg.is_some() {
                return Err(self.error_here("arguments cannot follow var-keyword argument"));
            }
            if self.at_op(Op::Slash) {
                if seen_slash {
                    return Err(self.error_here("/ may appear only once"));
                }
                if seen_star {
                    return Err(self.error_here("/ must be ahead of *"));
                }
                if params.args.is_empty() {
                    return Err(self.invalid_syntax());
                }
                self.advance();
                seen_slash = true;
            } else if self.at_op(Op::Star) {
                let star_pos = self.advance().pos;
                if seen_star {
                    return Err(self.error_at("* argument may appear only once", star_pos));
                }
                seen_star = true;
                if matches!(self.peek(), TokenKind::Name(_)) {
                    let name = self.param_name(&mut names)?;
                    self.annotation(annotations)?;
                    params.vararg = Some(name);
                } else {
                    bare_star_pos = Some(star_pos);
                }
            } else if self.eat_op(Op::DoubleStar) {
                let name = self.param_name(&mut names)?;
                self.annotation(annotations)?;
                params.kwarg = Some(name);
            } else {
                let name_pos = self.pos();
                let name = self.param_name(&mut names)?;
                let annotation = self.annotation(annotations)?;
                let default = if self.eat_op(Op::Assign) {
                    Some(self.test()?)
                } else {
                    None
                };
                if seen_star {
                    params.kwonly.push(Param {
                        name,
                        default,
                        annotation,
                    });
                } else {
                    if default.is_none() && seen_default {
                        return Err(self
                            .error_at("non-default argument follows default argument", name_pos));
                    }
                    seen_default |= default.is_some();
                    params.args.push(Param {
                        name,
                        default,
                        annotation,
                    });
                }
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if let Some(pos) = bare_star_pos {
            if params.kwonly.is_empty() {
                return Err(self.error_at("named arguments must follow bare *", pos));
            }
        }
        Ok(params)
    }

    /// A parameter name, rejecting duplicates as CPython's symbol table does.
    fn param_name(&mut self, names: &mut Vec<String>) -> PResult<String> {
        let pos = self.pos();
        let name = self.expect_name()?;
        if names.contains(&name) {
            return Err(self.error_at(
                format!("duplicate argument '{name}' in function definition"),
                pos,
            ));
        }
        names.push(name.clone());
        Ok(name)
    }

    /// An optional `: annotation` (only in `def`).
    fn annotation(&mut self, allowed: bool) -> PResult<Option<crate::ast::Expr>> {
        if allowed && self.eat_op(Op::Colon) {
            Ok(Some(self.test()?))
        } else {
            Ok(None)
        }
    }
}
