//! F-strings: splitting a literal's body into text and `{expr!conv:spec}` fields (Python 3.11 rules).
//!
//! The lexer hands over the raw text between the quotes; each field's
//! expression is tokenized and parsed on its own, with positions mapped back
//! to the real source.

use crate::ast::{Expr, ExprKind, FStringPart, Pos};
use crate::error::{CompileError, ErrorKind};
use crate::escape::decode_escapes;
use crate::lexer::tokenize_fstring_expr;
use crate::parser::{PResult, Parser, MAX_NESTING};
use crate::parser_expr::push_literal;
use crate::token::{Keyword, TokenKind};

/// Splits an f-string body into parts. `depth` is the nesting of the
/// expression the literal appears in, so fields keep counting towards the limit.
pub(crate) fn parse_fstring(
    body: &str,
    raw: bool,
    body_pos: Pos,
    end: Pos,
    depth: usize,
) -> PResult<Vec<FStringPart>> {
    let chars: Vec<char> = body.chars().collect();
    let mut positions = Vec::with_capacity(chars.len() + 1);
    let mut pos = body_pos;
    for &c in &chars {
        positions.push(pos);
        if c == '\n' {
            pos = Pos {
                line: pos.line + 1,
                col: 1,
            };
        } else {
            pos.col += 1;
        }
    }
    positions.push(pos);
    let scanner = Scanner {
        chars,
        positions,
        end,
        raw,
        depth,
    };
    let (parts, _) = scanner.parts(0, false, 0)?;
    Ok(parts)
}

struct Scanner {
    chars: Vec<char>,
    /// Source position of each char, plus one for the end.
    positions: Vec<Pos>,
    /// Just past the closing quote: where CPython reports the scanner's errors.
    end: Pos,
    raw: bool,
    depth: usize,
}

impl Scanner {
    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn pos(&self, i: usize) -> Pos {
        self.positions
            .get(i)
            .or(self.positions.last())
            .copied()
            .unwrap_or_default()
    }

    fn error(&self, msg: &str) -> CompileError {
        CompileError::syntax(msg, self.end.line, self.end.col)
    }

    /// Literal text and fields from `i`. In a format spec (`in_spec`) an
    /// unmatched `}` ends the parts; returns the parts and the index reached.
    fn parts(
        &self,
        mut i: usize,
        in_spec: bool,
        nesting: u32,
    ) -> PResult<(Vec<FStringPart>, usize)> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        while let Some(c) = self.at(i) {
            match c {
                '{' if self.at(i + 1) == Some('{') => {
                    literal.push('{');
                    i += 2;
                }
                '{' => {
                    self.flush(&mut parts, &mut literal)?;
                    let (field, next) = self.field(i + 1, nesting)?;
                    parts.push(field);
                    i = next;
                }
                '}' if in_spec => break,
                '}' if self.at(i + 1) == Some('}') => {
                    literal.push('}');
                    i += 2;
                }
                '}' => return Err(self.error("f-string: single '}' is not allowed")),
                '\\' if !self.raw => {
                    if self.at(i + 1) == Some('N') && self.at(i + 2) == Some('{') {
                        let pos = self.pos(i);
                        return Err(CompileError::unsupported(
                            "the \\N{...} escape",
                            pos.line,
                            pos.col,
                        ));
                    }
                    literal.push('\\');
                    match self.at(i + 1) {
                        Some(next) if next != '{' && next != '}' => {
                            literal.push(next);
                            i += 2;
                        }
                        _ => i += 1,
                    }
                }
                _ => {
                    literal.push(c);
                    i += 1;
                }
            }
        }
        if in_spec && self.at(i).is_none() {
            return Err(self.error("f-string: expecting '}'"));
        }
        self.flush(&mut parts, &mut literal)?;
        Ok((parts, i))
    }

    /// Decodes pending literal text (unless raw) and appends it to `parts`.
    fn flush(&self, parts: &mut Vec<FStringPart>, literal: &mut String) -> PResult<()> {
        if literal.is_empty() {
            return Ok(());
        }
        let text = std::mem::take(literal);
        let decoded = if self.raw {
            text
        } else {
            decode_escapes(&text, self.end.line, self.end.col)?
        };
        push_literal(parts, decoded);
        Ok(())
    }

    /// One field starting just after its `{`; returns it and the index after its `}`.
    fn field(&self, start: usize, nesting: u32) -> PResult<(FStringPart, usize)> {
        if nesting >= 2 {
            return Err(self.error("f-string: expressions nested too deeply"));
        }
        let mut j = self.expression_end(start)?;
        let expr_chars = &self.chars[start..j];
        if expr_chars.iter().all(|c| c.is_whitespace()) {
            return Err(self.error("f-string: empty expression not allowed"));
        }
        let expr = self.parse_expression(expr_chars, start)?;
        let mut debug_text = None;
        if self.at(j) == Some('=') {
            j += 1;
            while matches!(self.at(j), Some(c) if c.is_whitespace()) {
                j += 1;
            }
            debug_text = Some(self.chars[start..j].iter().collect::<String>());
        }
        let mut conversion = None;
        if self.at(j) == Some('!') {
            match self.at(j + 1) {
                Some(c @ ('s' | 'r' | 'a')) => conversion = Some(c),
                _ => {
                    return Err(self.error(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    ));
                }
            }
            j += 2;
        }
        let mut spec = None;
        if self.at(j) == Some(':') {
            let (spec_parts, next) = self.parts(j + 1, true, nesting + 1)?;
            spec = Some(spec_parts);
            j = next;
        }
        if self.at(j) != Some('}') {
            return Err(self.error("f-string: expecting '}'"));
        }
        if debug_text.is_some() && conversion.is_none() && spec.is_none() {
            // `{x=}` shows the repr unless a format spec is given.
            conversion = Some('r');
        }
        Ok((
            FStringPart::Field {
                expr: Box::new(expr),
                conversion,
                spec,
                debug_text,
            },
            j + 1,
        ))
    }

    /// Where a field's expression ends: at `}`, `!`, `:` or `=` outside any
    /// bracket or string (but not at `!=`, `==`, `<=`, `>=`).
    fn expression_end(&self, start: usize) -> PResult<usize> {
        let mut j = start;
        let mut brackets: Vec<char> = Vec::new();
        let mut quote: Option<(char, bool)> = None;
        loop {
            let Some(c) = self.at(j) else {
                return Err(self.error("f-string: expecting '}'"));
            };
            if c == '\\' {
                return Err(self.error("f-string expression part cannot include a backslash"));
            }
            if let Some((q, triple)) = quote {
                if c == q && (!triple || (self.at(j + 1) == Some(q) && self.at(j + 2) == Some(q))) {
                    quote = None;
                    j += if triple { 3 } else { 1 };
                } else {
                    j += 1;
                }
                continue;
            }
            let next = self.at(j + 1);
            match c {
                '\'' | '"' => {
                    let triple = next == Some(c) && self.at(j + 2) == Some(c);
                    quote = Some((c, triple));
                    j += if triple { 3 } else { 1 };
                    continue;
                }
                '(' | '[' | '{' => brackets.push(c),
                ')' | ']' | '}' => match brackets.pop() {
                    None if c == '}' => return Ok(j),
                    None => return Err(self.error(&format!("f-string: unmatched '{c}'"))),
                    Some(open) => {
                        let expected = match open {
                            '(' => ')',
                            '[' => ']',
                            _ => '}',
                        };
                        if expected != c {
                            return Err(self.error(&format!("f-string: closing parenthesis '{c}' does not match opening parenthesis '{open}'")));
                        }
                    }
                },
                '#' => return Err(self.error("f-string expression part cannot include '#'")),
                '=' | '!' | '<' | '>' if next == Some('=') => {
                    j += 2;
                    continue;
                }
                '!' | ':' | '=' if brackets.is_empty() => return Ok(j),
                _ => {}
            }
            j += 1;
        }
    }

    /// Tokenizes and parses one field's expression.
    fn parse_expression(&self, text: &[char], start: usize) -> PResult<Expr> {
        let pos = self.pos(start);
        if self.depth + 1 >= MAX_NESTING {
            return Err(CompileError::syntax(
                "too many nested expressions or blocks",
                pos.line,
                pos.col,
            ));
        }
        let tokens = tokenize_fstring_expr(text, pos);
        let mut parser = Parser::new(tokens, self.depth + 1);
        let parsed = (|| {
            let expr = if parser.at_kw(Keyword::Yield) {
                parser.yield_expr()?
            } else {
                parser.star_expressions()?
            };
            if *parser.peek() != TokenKind::EndMarker {
                return Err(parser.invalid_syntax());
            }
            if matches!(expr.kind, ExprKind::Starred(_)) {
                return Err(parser.error_at("cannot use starred expression here", expr.pos));
            }
            Ok(expr)
        })();
        parsed.map_err(|mut err| {
            if err.kind == ErrorKind::Syntax
                && !err.msg.starts_with("f-string")
                && !err.msg.starts_with("(unicode")
            {
                err.msg = format!("f-string: {}", err.msg);
            }
            err
        })
    }
}
