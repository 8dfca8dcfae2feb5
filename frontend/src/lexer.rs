//! The lexer: source text -> tokens, with INDENT/DEDENT/NEWLINE as in CPython's tokenizer.
//!
//! Tokenizing never panics. On the first error the token list ends with a
//! [`TokenKind::Error`] token at the point of failure, so the parser can still
//! report an earlier syntax error first (CPython tokenizes lazily).

use crate::ast::Pos;
use crate::error::{CompileError, ErrorKind};
use crate::escape::decode_escapes;
use crate::token::{Keyword, Op, StrToken, Token, TokenKind, OPERATORS};
use num_bigint::BigInt;

/// Deepest bracket nesting CPython's tokenizer accepts (its `MAXLEVEL`).
pub const MAX_BRACKET_DEPTH: usize = 200;
/// Longest decimal integer literal CPython 3.11 accepts (`sys.get_int_max_str_digits()`).
pub const MAX_DECIMAL_DIGITS: usize = 4300;
/// Deepest indentation CPython's tokenizer accepts (its `MAXINDENT`).
pub const MAX_INDENT_DEPTH: usize = 100;

/// Tokenizes a whole source file. The result always ends with `EndMarker` or `Error`.
pub fn tokenize(source: &str) -> Vec<Token> {
    let normalized = source.replace("\r\n", "\n").replace('\r', "\n");
    let mut lexer = Lexer::new(normalized.chars().collect(), Pos { line: 1, col: 1 }, false);
    lexer.run_to_end();
    lexer.tokens
}

/// Tokenizes the expression part of an f-string field, which behaves as if
/// wrapped in parentheses (newlines are insignificant). `start` is where the
/// text begins in the real source.
pub fn tokenize_fstring_expr(text: &[char], start: Pos) -> Vec<Token> {
    let mut lexer = Lexer::new(text.to_vec(), start, true);
    lexer.run_to_end();
    lexer.tokens
}

/// Tokenizes `source` and returns the first error instead of an `Error` token.
pub fn tokenize_strict(source: &str) -> Result<Vec<Token>, CompileError> {
    let mut tokens = tokenize(source);
    if let Some(Token {
        kind: TokenKind::Error(err),
        ..
    }) = tokens.last()
    {
        return Err((**err).clone());
    }
    tokens.shrink_to_fit();
    Ok(tokens)
}

/// Tokenizer state over a character buffer (indexing chars is always boundary-safe).
struct Lexer {
    chars: Vec<char>,
    i: usize,
    line: u32,
    col: u32,
    /// Open indentation levels as (columns with tab stops of 8, columns with tab size 1).
    indents: Vec<(u32, u32)>,
    /// Open brackets and where they were opened.
    brackets: Vec<(char, Pos)>,
    tokens: Vec<Token>,
    /// Whether the current logical line has produced a token yet.
    line_has_tokens: bool,
    /// Lexing an f-string expression: no NEWLINE/INDENT/DEDENT at all.
    fstring_expr: bool,
}

impl Lexer {
    fn new(chars: Vec<char>, start: Pos, fstring_expr: bool) -> Self {
        Lexer {
            chars,
            i: 0,
            line: start.line,
            col: start.col,
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            tokens: Vec::new(),
            line_has_tokens: false,
            fstring_expr,
        }
    }

    fn run_to_end(&mut self) {
        if let Err(err) = self.run() {
            let pos = Pos {
                line: err.line,
                col: err.col,
            };
            self.tokens.push(Token {
                kind: TokenKind::Error(Box::new(err)),
                pos,
            });
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.i + ahead).copied()
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }

    /// Consumes one character, keeping line and column up to date.
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn push(&mut self, kind: TokenKind, pos: Pos) {
        self.tokens.push(Token { kind, pos });
        self.line_has_tokens = true;
    }

    fn in_brackets(&self) -> bool {
        self.fstring_expr || !self.brackets.is_empty()
    }

    // ---------------------------------------------------------------- main loop

    fn run(&mut self) -> Result<(), CompileError> {
        if self.chars.contains(&'\0') {
            return Err(CompileError::syntax(
                "source code cannot contain null bytes",
                1,
                1,
            ));
        }
        let mut at_line_start = !self.fstring_expr;
        loop {
            if at_line_start {
                at_line_start = false;
                if self.indentation()? {
                    // A blank or comment-only line: its newline is skipped too.
                    at_line_start = true;
                    if self.peek().is_none() {
                        break;
                    }
                    continue;
                }
            }
            let Some(c) = self.peek() else { break };
            match c {
                ' ' | '\t' | '\x0c' => {
                    self.bump();
                }
                '#' => {
                    if self.fstring_expr {
                        return Err(CompileError::syntax(
                            "f-string expression part cannot include '#'",
                            self.line,
                            self.col,
                        ));
                    }
                    while matches!(self.peek(), Some(ch) if ch != '\n') {
                        self.bump();
                    }
                }
                '\n' => {
                    let pos = self.pos();
                    self.bump();
                    if !self.in_brackets() {
                        if self.line_has_tokens {
                            self.push(TokenKind::Newline, pos);
                            self.line_has_tokens = false;
                        }
                        at_line_start = true;
                    }
                }
                '\\' => self.line_continuation()?,
                c if c == '_' || c.is_alphabetic() => self.name_or_string()?,
                c if c.is_ascii_digit() => self.number()?,
                '.' if matches!(self.peek_at(1), Some(d) if d.is_ascii_digit()) => self.number()?,
                '\'' | '"' => {
                    let pos = self.pos();
                    self.string("", pos)?;
                }
                _ => self.operator()?,
            }
        }
        self.finish()
    }

    /// Emits what the end of input implies: the last NEWLINE and the closing DEDENTs.
    fn finish(&mut self) -> Result<(), CompileError> {
        if let Some(&(open, pos)) = self.brackets.last() {
            return Err(CompileError::syntax(
                format!("'{open}' was never closed"),
                pos.line,
                pos.col,
            ));
        }
        let pos = self.pos();
        if self.line_has_tokens && !self.fstring_expr {
            self.push(TokenKind::Newline, pos);
        }
        // CPython places end-of-input errors at the final newline character.
        let pos = end_of_input(&self.chars, Pos { line: 1, col: 1 }).unwrap_or(pos);
        while self.indents.len() > 1 {
            self.indents.pop();
            self.tokens.push(Token {
                kind: TokenKind::Dedent,
                pos,
            });
        }
        self.tokens.push(Token {
            kind: TokenKind::EndMarker,
            pos,
        });
        Ok(())
    }

    /// Measures the indentation of a new line and emits INDENT/DEDENT.
    /// Returns true for a blank or comment-only line (which has no indentation).
    fn indentation(&mut self) -> Result<bool, CompileError> {
        let mut col: u32 = 0;
        let mut altcol: u32 = 0;
        loop {
            match self.peek() {
                Some(' ') => {
                    col = col.saturating_add(1);
                    altcol = altcol.saturating_add(1);
                }
                Some('\t') => {
                    col = (col / 8).saturating_add(1).saturating_mul(8);
                    altcol = altcol.saturating_add(1);
                }
                Some('\x0c') => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            self.bump();
        }
        match self.peek() {
            None => return Ok(true),
            Some('#') => {
                while matches!(self.peek(), Some(ch) if ch != '\n') {
                    self.bump();
                }
                self.bump();
                return Ok(true);
            }
            Some('\n') => {
                self.bump();
                return Ok(true);
            }
            _ => {}
        }
        let pos = self.pos();
        let &(top, alttop) = self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if altcol != alttop {
                return Err(tab_error(pos.line));
            }
        } else if col > top {
            if altcol <= alttop {
                return Err(tab_error(pos.line));
            }
            if self.indents.len() > MAX_INDENT_DEPTH {
                return Err(CompileError {
                    kind: ErrorKind::Indentation,
                    msg: "too many levels of indentation".into(),
                    line: pos.line,
                    col: pos.col,
                });
            }
            self.indents.push((col, altcol));
            // CPython puts the caret of "unexpected indent" at the end of the indentation.
            let indent_pos = Pos {
                line: pos.line,
                col: pos.col.saturating_sub(1).max(1),
            };
            self.tokens.push(Token {
                kind: TokenKind::Indent,
                pos: indent_pos,
            });
        } else {
            while self.indents.len() > 1 && col < self.indents.last().map_or(0, |t| t.0) {
                self.indents.pop();
                self.tokens.push(Token {
                    kind: TokenKind::Dedent,
                    pos,
                });
            }
            let &(top, alttop) = self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                let line_len = self.chars[self.i..]
                    .iter()
                    .take_while(|&&c| c != '\n')
                    .count() as u32;
                return Err(CompileError {
                    kind: ErrorKind::Indentation,
                    msg: "unindent does not match any outer indentation level".into(),
                    line: pos.line,
                    col: pos.col + line_len,
                });
            }
            if altcol != alttop {
                return Err(tab_error(pos.line));
            }
        }
        Ok(false)
    }

    fn line_continuation(&mut self) -> Result<(), CompileError> {
        let pos = self.pos();
        if self.fstring_expr {
            return Err(CompileError::syntax(
                "f-string expression part cannot include a backslash",
                pos.line,
                pos.col,
            ));
        }
        self.bump();
        match self.peek() {
            Some('\n') => {
                self.bump();
                if self.peek().is_none() {
                    // Nothing left for the backslash to continue onto.
                    return Err(CompileError::syntax(
                        "unexpected EOF while parsing",
                        pos.line,
                        pos.col + 1,
                    ));
                }
                Ok(())
            }
            None => Err(CompileError::syntax(
                "unexpected EOF while parsing",
                pos.line,
                pos.col,
            )),
            Some(_) => Err(CompileError::syntax(
                "unexpected character after line continuation character",
                pos.line,
                pos.col + 1,
            )),
        }
    }

    // ---------------------------------------------------------------- names and strings

    fn name_or_string(&mut self) -> Result<(), CompileError> {
        let pos = self.pos();
        let mut word = String::new();
        while let Some(c) = self.peek() {
            if c == '_' || c.is_alphanumeric() {
                word.push(c);
                self.bump();
            } else {
                break;
            }
        }
        if matches!(self.peek(), Some('\'' | '"')) && is_string_prefix(&word) {
            return self.string(&word, pos);
        }
        let kind = match Keyword::from_word(&word) {
            Some(kw) => TokenKind::Keyword(kw),
            None => TokenKind::Name(word),
        };
        self.push(kind, pos);
        Ok(())
    }

    /// Lexes a string literal whose (already consumed) prefix is `prefix`.
    fn string(&mut self, prefix: &str, pos: Pos) -> Result<(), CompileError> {
        let lower = prefix.to_ascii_lowercase();
        if lower.contains('b') {
            return Err(CompileError::unsupported(
                "bytes literals",
                pos.line,
                pos.col,
            ));
        }
        let raw = lower.contains('r');
        let formatted = lower.contains('f');
        let quote = self.peek().unwrap_or('"');
        let triple = self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote);
        let quote_len = if triple { 3 } else { 1 };
        for _ in 0..quote_len {
            self.bump();
        }
        let body_pos = self.pos();
        let body_start = self.i;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.unterminated(triple, pos));
            };
            if c == '\n' && !triple {
                return Err(self.unterminated(triple, pos));
            }
            if c == '\\' {
                self.bump();
                if self.peek().is_none() {
                    return Err(self.unterminated(triple, pos));
                }
                if self.peek() == Some('\n') && !triple {
                    // A backslash-newline continues a single-quoted string.
                    self.bump();
                    continue;
                }
                self.bump();
                continue;
            }
            if c == quote
                && (!triple || (self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote)))
            {
                break;
            }
            self.bump();
        }
        let body: String = self.chars[body_start..self.i].iter().collect();
        for _ in 0..quote_len {
            self.bump();
        }
        // CPython reports decoding errors just past the literal.
        let end = self.pos();
        let token = if formatted {
            StrToken::Format {
                body,
                raw,
                body_pos,
                end,
            }
        } else if raw {
            StrToken::Plain(body)
        } else {
            StrToken::Plain(decode_escapes(&body, end.line, end.col)?)
        };
        self.push(TokenKind::Str(token), pos);
        Ok(())
    }

    fn unterminated(&self, triple: bool, pos: Pos) -> CompileError {
        // CPython names the line it had reached: the last line that has text.
        let mut detected = self.line;
        if self.peek().is_none() && self.i > 0 && self.chars.get(self.i - 1) == Some(&'\n') {
            detected = detected.saturating_sub(1);
        }
        let msg = if triple {
            format!("unterminated triple-quoted string literal (detected at line {detected})")
        } else {
            format!(
                "unterminated string literal (detected at line {})",
                self.line
            )
        };
        CompileError::syntax(msg, pos.line, pos.col)
    }

    // ---------------------------------------------------------------- numbers

    fn number(&mut self) -> Result<(), CompileError> {
        let pos = self.pos();
        let first = self.peek().unwrap_or('0');
        if first == '0' {
            if let Some(r) = self.peek_at(1) {
                let radix = match r {
                    'x' | 'X' => Some((16, "hexadecimal")),
                    'o' | 'O' => Some((8, "octal")),
                    'b' | 'B' => Some((2, "binary")),
                    _ => None,
                };
                if let Some((radix, name)) = radix {
                    self.bump();
                    self.bump();
                    return self.radix_int(radix, name, pos);
                }
            }
        }
        let mut text = String::new();
        let mut is_float = false;
        if first != '.' {
            self.digits(&mut text)?;
        }
        if self.peek() == Some('.') {
            is_float = true;
            text.push('.');
            self.bump();
            if matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
                self.digits(&mut text)?;
            }
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            let sign = matches!(self.peek_at(1), Some('+' | '-'));
            let digit_at = if sign { 2 } else { 1 };
            if matches!(self.peek_at(digit_at), Some(c) if c.is_ascii_digit()) {
                is_float = true;
                text.push('e');
                self.bump();
                if sign {
                    text.push(self.bump().unwrap_or('+'));
                }
                self.digits(&mut text)?;
            } else if !self.keyword_follows() {
                return Err(CompileError::syntax(
                    "invalid decimal literal",
                    pos.line,
                    pos.col,
                ));
            }
        }
        if matches!(self.peek(), Some('j' | 'J')) {
            return Err(CompileError::unsupported(
                "complex literals",
                pos.line,
                pos.col,
            ));
        }
        self.check_number_end(pos, "decimal")?;
        let kind = if is_float {
            match text.parse::<f64>() {
                Ok(v) => TokenKind::Float(v),
                Err(_) => {
                    return Err(CompileError::syntax(
                        "invalid decimal literal",
                        pos.line,
                        pos.col,
                    ))
                }
            }
        } else {
            if text.len() > 1 && text.starts_with('0') && text.chars().any(|c| c != '0') {
                return Err(CompileError::syntax(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    pos.line,
                    pos.col,
                ));
            }
            if text.len() > MAX_DECIMAL_DIGITS {
                return Err(CompileError::syntax(
                    format!(
                        "Exceeds the limit ({MAX_DECIMAL_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                        text.len()
                    ),
                    pos.line,
                    pos.col,
                ));
            }
            match BigInt::parse_bytes(text.as_bytes(), 10) {
                Some(v) => TokenKind::Int(v),
                None => {
                    return Err(CompileError::syntax(
                        "invalid decimal literal",
                        pos.line,
                        pos.col,
                    ))
                }
            }
        };
        self.push(kind, pos);
        Ok(())
    }

    /// Reads decimal digits separated by single underscores into `text` (underscores dropped).
    fn digits(&mut self, text: &mut String) -> Result<(), CompileError> {
        loop {
            match self.peek() {
                Some(c) if c.is_ascii_digit() => {
                    text.push(c);
                    self.bump();
                }
                Some('_') => {
                    let upos = self.pos();
                    self.bump();
                    if !matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
                        return Err(CompileError::syntax(
                            "invalid decimal literal",
                            upos.line,
                            upos.col,
                        ));
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    fn radix_int(&mut self, radix: u32, name: &str, pos: Pos) -> Result<(), CompileError> {
        let mut text = String::new();
        loop {
            match self.peek() {
                Some('_') => {
                    let upos = self.pos();
                    self.bump();
                    if !matches!(self.peek(), Some(c) if c.is_digit(radix)) {
                        return Err(CompileError::syntax(
                            format!("invalid {name} literal"),
                            upos.line,
                            upos.col,
                        ));
                    }
                }
                Some(c) if c.is_digit(radix) => {
                    text.push(c);
                    self.bump();
                }
                Some(c) if c.is_ascii_digit() => {
                    return Err(CompileError::syntax(
                        format!("invalid digit '{c}' in {name} literal"),
                        self.line,
                        self.col,
                    ));
                }
                _ => break,
            }
        }
        if text.is_empty() {
            return Err(CompileError::syntax(
                format!("invalid {name} literal"),
                pos.line,
                pos.col + 1,
            ));
        }
        self.check_number_end(pos, name)?;
        match BigInt::parse_bytes(text.as_bytes(), radix) {
            Some(v) => {
                self.push(TokenKind::Int(v), pos);
                Ok(())
            }
            None => Err(CompileError::syntax(
                format!("invalid {name} literal"),
                pos.line,
                pos.col,
            )),
        }
    }

    /// A number may not run straight into a name (`1abc`), except a few keywords (`1if`).
    fn check_number_end(&self, pos: Pos, name: &str) -> Result<(), CompileError> {
        match self.peek() {
            Some(c) if (c == '_' || c.is_alphanumeric()) && !self.keyword_follows() => Err(
                CompileError::syntax(format!("invalid {name} literal"), pos.line, pos.col),
            ),
            _ => Ok(()),
        }
    }

    /// Whether one of the keywords CPython allows right after a number starts here.
    fn keyword_follows(&self) -> bool {
        const ALLOWED: [&str; 8] = ["and", "else", "for", "if", "in", "is", "not", "or"];
        ALLOWED.iter().any(|kw| {
            kw.chars()
                .enumerate()
                .all(|(k, ch)| self.peek_at(k) == Some(ch))
        })
    }

    // ---------------------------------------------------------------- operators

    fn operator(&mut self) -> Result<(), CompileError> {
        let pos = self.pos();
        let found = OPERATORS.iter().find(|(text, _)| {
            text.chars()
                .enumerate()
                .all(|(k, ch)| self.peek_at(k) == Some(ch))
        });
        let Some(&(text, op)) = found else {
            let c = self.peek().unwrap_or(' ');
            let msg = if c.is_ascii_graphic() || c == ' ' {
                "invalid syntax".to_string()
            } else if c.is_control() || c.is_whitespace() {
                format!("invalid non-printable character U+{:04X}", c as u32)
            } else {
                format!("invalid character '{c}' (U+{:04X})", c as u32)
            };
            return Err(CompileError::syntax(msg, pos.line, pos.col));
        };
        for _ in 0..text.chars().count() {
            self.bump();
        }
        match op {
            Op::LParen | Op::LBracket | Op::LBrace => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(CompileError::syntax(
                        "too many nested parentheses",
                        pos.line,
                        pos.col,
                    ));
                }
                self.brackets
                    .push((text.chars().next().unwrap_or('('), pos));
            }
            Op::RParen | Op::RBracket | Op::RBrace => {
                let close = text.chars().next().unwrap_or(')');
                match self.brackets.pop() {
                    None => {
                        let msg = if self.fstring_expr {
                            format!("f-string: unmatched '{close}'")
                        } else {
                            format!("unmatched '{close}'")
                        };
                        return Err(CompileError::syntax(msg, pos.line, pos.col));
                    }
                    Some((open, open_pos)) => {
                        let expected = match open {
                            '(' => ')',
                            '[' => ']',
                            _ => '}',
                        };
                        if expected != close {
                            let mut msg =
                                format!("closing parenthesis '{close}' does not match opening parenthesis '{open}'");
                            if open_pos.line != pos.line {
                                msg.push_str(&format!(" on line {}", open_pos.line));
                            }
                            return Err(CompileError::syntax(msg, pos.line, pos.col));
                        }
                    }
                }
            }
            _ => {}
        }
        self.push(TokenKind::Op(op), pos);
        Ok(())
    }
}

/// Where CPython reports errors at the end of `chars` (text that starts at
/// `start`): the position of a final newline character, if the text ends in one.
fn end_of_input(chars: &[char], start: Pos) -> Option<Pos> {
    if chars.last() != Some(&'\n') {
        return None;
    }
    let body = &chars[..chars.len() - 1];
    let newlines = body.iter().filter(|&&c| c == '\n').count() as u32;
    let last_line_len = body.iter().rev().take_while(|&&c| c != '\n').count() as u32;
    let col = if newlines == 0 {
        start.col + last_line_len
    } else {
        1 + last_line_len
    };
    Some(Pos {
        line: start.line + newlines,
        col,
    })
}

/// Where a parse error at the very end of `source` is reported (CPython's
/// convention: on the final newline if there is one, else just past the text).
pub fn end_position(source: &str) -> Pos {
    let chars: Vec<char> = source
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .collect();
    end_of_input(&chars, Pos { line: 1, col: 1 }).unwrap_or_else(|| {
        let line = 1 + chars.iter().filter(|&&c| c == '\n').count() as u32;
        let col = 1 + chars.iter().rev().take_while(|&&c| c != '\n').count() as u32;
        Pos { line, col }
    })
}

/// Whether `word` is a string prefix (`r`, `f`, `rb`, ...; bytes are rejected later).
fn is_string_prefix(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "r" | "u" | "f" | "b" | "rf" | "fr" | "rb" | "br"
    )
}

fn tab_error(line: u32) -> CompileError {
    CompileError {
        kind: ErrorKind::Indentation,
        msg: "inconsistent use of tabs and spaces in indentation".into(),
        line,
        col: 1,
    }
}
