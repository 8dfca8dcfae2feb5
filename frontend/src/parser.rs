//! The parser's core: the token cursor, error helpers, nesting guards and the entry point.
//!
//! Statements live in `parser_stmt.rs`, expressions in `parser_expr.rs`,
//! assignment-target checks in `parser_target.rs` and f-strings in `fstring.rs`;
//! all of them are `impl Parser` blocks over the cursor defined here.

use crate::ast::{self, Expr, Pos};
use crate::error::{CompileError, ErrorKind};
use crate::lexer::tokenize;
use crate::token::{Keyword, Op, Token, TokenKind};

/// Deepest nesting of expressions and blocks the parser accepts; deeper input
/// is a SyntaxError, which keeps recursion far from the end of the Rust stack.
pub const MAX_NESTING: usize = 200;
/// Deepest expression tree the parser builds (long operator chains such as
/// `a+b+...` grow trees without recursing; CPython's compiler caps them too).
pub const MAX_TREE_DEPTH: usize = 1000;

/// Stack for the parser thread: [`MAX_NESTING`] levels take a few MiB in debug
/// builds, more than a test thread's 2 MiB, so parsing gets a thread of its own.
const PARSER_STACK_BYTES: usize = 64 << 20;

/// Parses a whole source file (or REPL input) into a module.
///
/// Runs on a helper thread with a large stack so that the deepest accepted
/// nesting is safe whatever thread calls it (the thread's memory is only
/// reserved, not touched). Panics are re-raised in the caller.
pub fn parse(source: &str) -> Result<ast::Module, CompileError> {
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("tern-parser".into())
            .stack_size(PARSER_STACK_BYTES)
            .spawn_scoped(scope, || parse_on_this_thread(source));
        match spawned {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|payload| std::panic::resume_unwind(payload)),
            // No thread available: parse here, still bounded by the nesting limits.
            Err(_) => parse_on_this_thread(source),
        }
    })
}

/// Parses on the calling thread (which needs a few MiB of stack for the deepest inputs).
pub fn parse_on_this_thread(source: &str) -> Result<ast::Module, CompileError> {
    let mut parser = Parser::new(tokenize(source), 0);
    parser.module()
}

/// Whether REPL input so far is an unfinished statement that more lines could
/// complete: an open bracket or triple-quoted string, a trailing backslash, or
/// a block header still waiting for its body at the end of the input. (Whether
/// a block that has a body is finished is the REPL's call: CPython waits for a
/// blank line.)
pub fn needs_more_input(source: &str) -> bool {
    let Err(err) = parse(source) else {
        return false;
    };
    let end = crate::lexer::end_position(source);
    let normalized = source.replace("\r\n", "\n");
    let at_end = (err.line, err.col) >= (end.line, end.col);
    err.msg.ends_with("was never closed")
        || err
            .msg
            .starts_with("unterminated triple-quoted string literal")
        || err.msg == "unexpected EOF while parsing"
        || (err.msg.starts_with("expected an indented block") && at_end)
        || (at_end && last_line_is_decorator(&normalized))
}

/// Whether the last non-blank line is a decorator (`@dec` still waits for its `def`).
fn last_line_is_decorator(source: &str) -> bool {
    source
        .lines()
        .rev()
        .find(|line| !line.trim().is_empty())
        .is_some_and(|line| line.trim_start().starts_with('@'))
}

/// Result type of every parsing step.
pub(crate) type PResult<T> = Result<T, CompileError>;

/// A recursive-descent parser over a token list that ends in `EndMarker` or `Error`.
pub(crate) struct Parser {
    tokens: Vec<Token>,
    i: usize,
    /// Current nesting of expressions and blocks (see [`MAX_NESTING`]).
    pub(crate) depth: usize,
}

impl Parser {
    /// A parser over `tokens` that starts at nesting `depth` (non-zero for f-string fields).
    pub(crate) fn new(mut tokens: Vec<Token>, depth: usize) -> Self {
        let ends_properly = matches!(
            tokens.last().map(|t| &t.kind),
            Some(TokenKind::EndMarker | TokenKind::Error(_))
        );
        if !ends_properly {
            let pos = tokens
                .last()
                .map(|t| t.pos)
                .unwrap_or(Pos { line: 1, col: 1 });
            tokens.push(Token {
                kind: TokenKind::EndMarker,
                pos,
            });
        }
        Parser {
            tokens,
            i: 0,
            depth,
        }
    }

    // ---------------------------------------------------------------- cursor

    /// The current token (the final one repeats forever).
    pub(crate) fn tok(&self) -> &Token {
        let last = self.tokens.len() - 1;
        &self.tokens[self.i.min(last)]
    }

    /// The current token's kind.
    pub(crate) fn peek(&self) -> &TokenKind {
        &self.tok().kind
    }

    /// The kind of the token `ahead` places after the current one.
    pub(crate) fn peek_at(&self, ahead: usize) -> &TokenKind {
        let last = self.tokens.len() - 1;
        &self.tokens[(self.i + ahead).min(last)].kind
    }

    /// Position of the current token.
    pub(crate) fn pos(&self) -> Pos {
        self.tok().pos
    }

    /// Consumes the current token and returns it (never moves past the last one).
    pub(crate) fn advance(&mut self) -> Token {
        let token = self.tok().clone();
        if self.i < self.tokens.len() - 1 {
            self.i += 1;
        }
        token
    }

    /// Whether the current token is `op`.
    pub(crate) fn at_op(&self, op: Op) -> bool {
        self.peek().is_op(op)
    }

    /// Whether the current token is keyword `kw`.
    pub(crate) fn at_kw(&self, kw: Keyword) -> bool {
        self.peek().is_keyword(kw)
    }

    /// Consumes `op` if it is next.
    pub(crate) fn eat_op(&mut self, op: Op) -> bool {
        let found = self.at_op(op);
        if found {
            self.advance();
        }
        found
    }

    /// Consumes keyword `kw` if it is next.
    pub(crate) fn eat_kw(&mut self, kw: Keyword) -> bool {
        let found = self.at_kw(kw);
        if found {
            self.advance();
        }
        found
    }

    /// Consumes `op` or fails with "invalid syntax" at the current token.
    pub(crate) fn expect_op(&mut self, op: Op) -> PResult<Pos> {
        if self.at_op(op) {
            Ok(self.advance().pos)
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// Consumes `:` or fails with CPython's "expected ':'".
    pub(crate) fn expect_colon(&mut self) -> PResult<()> {
        if self.eat_op(Op::Colon) {
            Ok(())
        } else {
            Err(self.error_here("expected ':'"))
        }
    }

    /// Consumes a name and returns it, or fails with "invalid syntax".
    pub(crate) fn expect_name(&mut self) -> PResult<String> {
        match self.peek() {
            TokenKind::Name(name) => {
                let name = name.clone();
                self.advance();
                Ok(name)
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    // ---------------------------------------------------------------- errors

    /// A SyntaxError with `msg` at the current token; a lexer error there wins,
    /// since the token stream stopped at it.
    pub(crate) fn error_here(&self, msg: &str) -> CompileError {
        match self.peek() {
            TokenKind::Error(err) => (**err).clone(),
            TokenKind::Indent => CompileError {
                kind: ErrorKind::Indentation,
                msg: "unexpected indent".into(),
                line: self.pos().line,
                col: self.pos().col,
            },
            _ => CompileError::syntax(msg, self.pos().line, self.pos().col),
        }
    }

    /// "invalid syntax" at the current token.
    pub(crate) fn invalid_syntax(&self) -> CompileError {
        self.error_here("invalid syntax")
    }

    /// A SyntaxError at an explicit position (for errors about an earlier node).
    pub(crate) fn error_at(&self, msg: impl Into<String>, pos: Pos) -> CompileError {
        CompileError::syntax(msg, pos.line, pos.col)
    }

    // ---------------------------------------------------------------- nesting guards

    /// Runs `step` one nesting level deeper, failing cleanly past [`MAX_NESTING`].
    pub(crate) fn nested<T>(&mut self, step: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        if self.depth >= MAX_NESTING {
            let pos = self.pos();
            return Err(self.error_at("too many nested expressions or blocks", pos));
        }
        self.depth += 1;
        let result = step(self);
        self.depth -= 1;
        result
    }

    /// Fails if a tree of `depth` levels would be too deep to compile safely.
    pub(crate) fn check_tree_depth(&self, depth: usize, pos: Pos) -> PResult<()> {
        if depth > MAX_TREE_DEPTH {
            Err(self.error_at("expression too complex (too deeply nested)", pos))
        } else {
            Ok(())
        }
    }

    // ---------------------------------------------------------------- module

    fn module(&mut self) -> PResult<ast::Module> {
        let mut body = Vec::new();
        loop {
            match self.peek() {
                TokenKind::EndMarker => return Ok(ast::Module { body }),
                TokenKind::Newline => {
                    self.advance();
                }
                _ => self.statement(&mut body)?,
            }
        }
    }
}

/// Depth of an expression tree, measured without recursion (so any tree is safe to measure).
pub(crate) fn expr_depth(root: &Expr) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(&Expr, usize)> = vec![(root, 1)];
    while let Some((expr, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        for_each_child(expr, &mut |child| stack.push((child, depth + 1)));
    }
    deepest
}

/// Calls `visit` on each direct sub-expression of `expr` (lambda and
/// comprehension internals included, since they nest too).
fn for_each_child<'a>(expr: &'a Expr, visit: &mut dyn FnMut(&'a Expr)) {
    use ast::ExprKind as K;
    match &expr.kind {
        K::Int(_) | K::Float(_) | K::Str(_) | K::Bool(_) | K::None | K::Ellipsis | K::Name(_) => {}
        K::FString(parts) => each_fstring_child(parts, visit),
        K::BinOp { left, right, .. } => {
            visit(left);
            visit(right);
        }
        K::UnaryOp { operand, .. } => visit(operand),
        K::BoolOp { values, .. } => values.iter().for_each(visit),
        K::Compare {
            left, comparators, ..
        } => {
            visit(left);
            comparators.iter().for_each(visit);
        }
        K::Call { func, args } => {
            visit(func);
            for arg in args {
                match arg {
                    ast::Arg::Positional(e) | ast::Arg::Starred(e) | ast::Arg::DoubleStarred(e) => {
                        visit(e)
                    }
                    ast::Arg::Keyword(_, e) => visit(e),
                }
            }
        }
        K::Attribute { value, .. } => visit(value),
        K::Subscript { value, index } => {
            visit(value);
            visit(index);
        }
        K::Slice { lower, upper, step } => {
            for part in [lower, upper, step].into_iter().flatten() {
                visit(part);
            }
        }
        K::List(items) | K::Tuple(items) | K::Set(items) => items.iter().for_each(visit),
        K::Dict(pairs) => {
            for (key, value) in pairs {
                if let Some(key) = key {
                    visit(key);
                }
                visit(value);
            }
        }
        K::Starred(value) | K::YieldFrom(value) => visit(value),
        K::Yield(value) => {
            if let Some(value) = value {
                visit(value);
            }
        }
        K::Lambda(def) => {
            for param in def.params.args.iter().chain(def.params.kwonly.iter()) {
                if let Some(default) = &param.default {
                    visit(default);
                }
            }
            for stmt in &def.body {
                if let ast::StmtKind::Return(Some(value)) = &stmt.kind {
                    visit(value);
                }
            }
        }
        K::IfExp { test, body, orelse } => {
            visit(test);
            visit(body);
            visit(orelse);
        }
        K::ListComp { elt, generators }
        | K::SetComp { elt, generators }
        | K::GeneratorExp { elt, generators } => {
            visit(elt);
            each_generator_child(generators, visit);
        }
        K::DictComp {
            key,
            value,
            generators,
        } => {
            visit(key);
            visit(value);
            each_generator_child(generators, visit);
        }
    }
}

fn each_generator_child<'a>(generators: &'a [ast::Comprehension], visit: &mut dyn FnMut(&'a Expr)) {
    for generator in generators {
        visit(&generator.target);
        visit(&generator.iter);
        generator.ifs.iter().for_each(&mut *visit);
    }
}

fn each_fstring_child<'a>(parts: &'a [ast::FStringPart], visit: &mut dyn FnMut(&'a Expr)) {
    for part in parts {
        if let ast::FStringPart::Field { expr, spec, .. } = part {
            visit(expr);
            if let Some(spec) = spec {
                each_fstring_child(spec, visit);
            }
        }
    }
}
